//! Replay: a server on 127.0.0.1 that answers the documented response of one example when it
//! receives the documented request (method, path, query, body equal as values) and 404
//! otherwise, and the client that sends it the request the generated operation built.

use std::convert::Infallible;
use std::sync::{Arc, Mutex, OnceLock};

use graph_docs_runtime::client::{Client, Error, RetryPolicy};
use graph_docs_runtime::{Answer, Request};
use std::collections::HashMap;
use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper_util::rt::TokioIo;

/// The documented request of one example, and its documented response.
#[derive(Debug, Clone)]
pub struct Expected {
    pub version: String,
    pub method: String,
    /// Decoded, lowercase, without a trailing `/`, from the service root.
    pub path: String,
    /// Decoded, names lowercase, sorted.
    pub query: Vec<(String, String)>,
    /// The JSON body, or `null`.
    pub body: serde_json::Value,
    /// A body that is not JSON (content), as written.
    pub content: Option<String>,
    pub status: u16,
    pub content_type: Option<String>,
    pub response: String,
}

impl Expected {
    pub fn read(job: &serde_json::Value) -> Expected {
        let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
        let request = &job["request"];
        let response = &job["response"];
        Expected {
            version: text(&job["version"]),
            method: text(&request["method"]),
            path: text(&request["path"]),
            query: request["query"]
                .as_array()
                .map(|a| a.iter().map(|p| (text(&p[0]), text(&p[1]))).collect())
                .unwrap_or_default(),
            body: request["body"].clone(),
            content: request["content"].as_str().map(str::to_string),
            status: response["status"].as_u64().unwrap_or(200) as u16,
            content_type: response["contentType"].as_str().map(str::to_string),
            response: text(&response["body"]),
        }
    }

    /// How a received request differs from the documented one, if it does.
    fn difference(&self, method: &str, target: &str, body: &[u8]) -> Option<String> {
        if !method.eq_ignore_ascii_case(&self.method) {
            return Some(format!("received {method}, documented {}", self.method));
        }
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        let root = format!("/{}", self.version);
        let path = path.strip_prefix(root.as_str()).unwrap_or(path);
        let path = decode(path).trim_end_matches('/').to_ascii_lowercase();
        if path != self.path {
            return Some(format!("received the path {path}, documented {}", self.path));
        }
        let mut pairs: Vec<(String, String)> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| match p.split_once('=') {
                Some((n, v)) => (decode(n).to_ascii_lowercase(), decode(v)),
                None => (decode(p).to_ascii_lowercase(), String::new()),
            })
            .collect();
        pairs.sort();
        if pairs != self.query {
            return Some(format!("received the query {pairs:?}, documented {:?}", self.query));
        }
        if let Some(content) = &self.content {
            let received = String::from_utf8_lossy(body);
            return (received.trim() != content.trim()).then(|| "received other content than documented".to_string());
        }
        let received = if body.is_empty() {
            serde_json::Value::Null
        } else {
            match serde_json::from_slice(body) {
                Ok(v) => v,
                Err(e) => return Some(format!("received a body that is not JSON: {e}")),
            }
        };
        // An empty object says nothing, as no body does.
        let nothing = |v: &serde_json::Value| v.is_null() || v.as_object().is_some_and(|o| o.is_empty());
        if received != self.body && !(nothing(&received) && nothing(&self.body)) {
            return Some(format!("received the body {received}, documented {}", self.body));
        }
        None
    }
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: Option<&u8>| b.and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The server, the client and what the server expects next.
struct Replay {
    runtime: tokio::runtime::Runtime,
    port: u16,
    expected: Arc<Mutex<Option<Expected>>>,
    /// One client per version, each of its service root on the server.
    clients: Mutex<HashMap<String, Client>>,
}

fn replay() -> &'static Replay {
    static REPLAY: OnceLock<Replay> = OnceLock::new();
    REPLAY.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let expected: Arc<Mutex<Option<Expected>>> = Arc::new(Mutex::new(None));
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("a free port on 127.0.0.1");
        let port = listener.local_addr().expect("bound").port();
        let serving = expected.clone();
        runtime.spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else { continue };
                let expected = serving.clone();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |request| {
                        let expected = expected.clone();
                        async move { Ok::<_, Infallible>(answer(request, &expected).await) }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Replay { runtime, port, expected, clients: Mutex::new(HashMap::new()) }
    })
}

async fn answer(request: hyper::Request<Incoming>, expected: &Mutex<Option<Expected>>) -> hyper::Response<Full<Bytes>> {
    let (parts, body) = request.into_parts();
    let body = body.collect().await.map(|b| b.to_bytes()).unwrap_or_default();
    let target = parts.uri.path_and_query().map_or_else(String::new, |p| p.to_string());
    let expected = expected.lock().expect("not poisoned").clone();
    let difference = match &expected {
        None => Some("no request is expected".to_string()),
        Some(e) => e.difference(parts.method.as_str(), &target, &body),
    };
    let mut response = hyper::Response::builder();
    let body = match expected.filter(|_| difference.is_none()) {
        Some(e) => {
            response = response.status(e.status);
            if let Some(t) = &e.content_type {
                response = response.header("Content-Type", t);
            }
            e.response
        }
        None => {
            response = response.status(404).header("Content-Type", "application/json");
            let message = difference.unwrap_or_default();
            serde_json::json!({"error": {"code": "notTheDocumentedRequest", "message": message}}).to_string()
        }
    };
    response.body(Full::new(Bytes::from(body))).expect("a valid response")
}

/// Expects `expected` next: the server answers it its documented response.
pub fn expect(expected: Expected) {
    *replay().expected.lock().expect("not poisoned") = Some(expected);
}

/// Sends `request` to the server with the client and reads the answer into its type:
/// `{"value": what it reads into, written back}` or `{"error", "status"}`.
pub fn exchange<A: Answer>(version: &str, request: Request<A>) -> serde_json::Value
where
    A::Output: serde::Serialize,
{
    let replay = replay();
    let client = {
        let mut clients = replay.clients.lock().expect("not poisoned");
        match clients.get(version) {
            Some(client) => Ok(client.clone()),
            None => Client::builder(&format!("http://127.0.0.1:{}/{version}", replay.port))
                .retry(RetryPolicy::never())
                .timeout(std::time::Duration::from_secs(10))
                .build()
                .inspect(|client| {
                    clients.insert(version.to_string(), client.clone());
                }),
        }
    };
    let answer = match client {
        Ok(client) => replay.runtime.block_on(client.send(request)),
        Err(e) => Err(e),
    };
    match answer {
        Ok(output) => match serde_json::to_value(&output) {
            Ok(value) => serde_json::json!({ "value": value }),
            Err(e) => serde_json::json!({ "error": format!("the answer read, but does not write back: {e}") }),
        },
        Err(e @ Error::Status { .. }) => {
            let message = e.error_response().and_then(|r| r.error.message.clone());
            let code = e.error_response().and_then(|r| r.error.code.clone());
            serde_json::json!({
                "error": e.to_string(),
                "status": e.status(),
                "odataError": e.error_response().is_some(),
                "code": code,
                "message": message,
            })
        }
        Err(e) => serde_json::json!({ "error": e.to_string(), "status": e.status() }),
    }
}
