//! Reads example bodies as the generated types and writes them back, and builds the requests
//! of request examples through the generated operations: one JSON job per line on stdin, one
//! answer per line on stdout.
//!
//! - `{"id", "version", "type", "value"}` -> `{"id", "value", "unfit"}` (`unfit` lists the
//!   values that did not fit their declared types, kept as they came);
//! - `{"id", "version", "operation", "form", "values", "arguments", "query", "body", ...}` ->
//!   `{"id", "method", "path", "body"}`: the request the operation's function built;
//! - the same with `"replay": {"request", "response"}` (the documented request and response of
//!   the example) -> also `"replay": {"value"}` or `{"error", "status"}`: the request sent by
//!   the client to a server on 127.0.0.1 that answers the documented response to the documented
//!   request, and the answer read into the operation's type and written back (see replay.rs);
//! - either -> `{"id", "error"}`.

// The models are compiled into this binary only to be read and written through `registry`.
#![allow(dead_code, clippy::enum_variant_names)]

include!("graph_docs_models.rs");

mod replay;

use std::io::{BufRead, Write};

fn main() {
    if let Some(rounds) = std::env::args().skip_while(|a| a != "bench").nth(1) {
        return bench(rounds.parse().expect("bench ROUNDS"));
    }
    let stdin = std::io::stdin().lock();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lines() {
        let line = line.expect("stdin readable");
        let request: serde_json::Value = serde_json::from_str(&line).expect("one JSON request per line");
        let id = request["id"].clone();
        let version = request["version"].as_str().unwrap_or_default();
        if let Some(operation) = request["operation"].as_str() {
            if request["replay"].is_object() {
                replay::expect(replay::Expected::read(&request["replay"]));
            }
            let answer = match registry::send(version, operation, &Input::read(&request)) {
                Some(Ok(Sent { replayed: Some(replayed), method, path, body })) => {
                    serde_json::json!({ "id": id, "method": method, "path": path, "body": body, "replay": replayed })
                }
                Some(Ok(sent)) => serde_json::json!({ "id": id, "method": sent.method, "path": sent.path, "body": sent.body }),
                Some(Err(e)) => serde_json::json!({ "id": id, "error": e }),
                None => serde_json::json!({ "id": id, "error": format!("no generated operation {version} {operation}") }),
            };
            writeln!(stdout, "{answer}").expect("stdout writable");
            continue;
        }
        let type_name = request["type"].as_str().unwrap_or_default();
        let answer = match registry::round_trip(version, type_name, request["value"].clone()) {
            Some(Ok((value, unfit))) => serde_json::json!({ "id": id, "value": value, "unfit": unfit }),
            Some(Err(e)) => serde_json::json!({ "id": id, "error": e.to_string() }),
            None => serde_json::json!({ "id": id, "error": format!("no generated type {version} {type_name}") }),
        };
        writeln!(stdout, "{answer}").expect("stdout writable");
    }
}

/// What a request example gives its operation's function: the values of the path form it
/// matched, its call's arguments, its query and its body.
pub struct Input {
    pub form: usize,
    /// The version, when the request is to be replayed: sent to the replay server.
    replay: Option<String>,
    values: Vec<String>,
    arguments: Vec<(String, String)>,
    query: Vec<(String, String)>,
    body: serde_json::Value,
    body_text: String,
    content_type: String,
}

fn pairs(value: &serde_json::Value) -> Vec<(String, String)> {
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    value
        .as_array()
        .map(|a| a.iter().map(|p| (text(&p[0]), text(&p[1]))).collect())
        .unwrap_or_default()
}

impl Input {
    fn read(request: &serde_json::Value) -> Input {
        Input {
            form: request["form"].as_u64().unwrap_or_default() as usize,
            replay: request["replay"].is_object().then(|| request["version"].as_str().unwrap_or_default().to_string()),
            values: request["values"]
                .as_array()
                .map(|a| a.iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect())
                .unwrap_or_default(),
            arguments: pairs(&request["arguments"]),
            query: pairs(&request["query"]),
            body: request["body"].clone(),
            body_text: request["bodyText"].as_str().unwrap_or_default().to_string(),
            content_type: request["contentType"].as_str().unwrap_or("application/octet-stream").to_string(),
        }
    }

    /// The value of the path's placeholder `i`.
    pub fn value(&self, i: usize) -> Result<&str, String> {
        self.values.get(i).map(String::as_str).ok_or_else(|| format!("the URL gives no value {i}"))
    }

    /// The value of a query option the path requires.
    pub fn query_value(&self, name: &str) -> Result<&str, String> {
        self.query
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .ok_or_else(|| format!("the URL gives no query option {name}"))
    }

    pub fn optional_argument(&self, name: &str) -> Option<&str> {
        self.arguments.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn argument(&self, name: &str) -> Result<&str, String> {
        self.optional_argument(name).ok_or_else(|| format!("the URL's call gives no argument {name}"))
    }

    pub fn parse_optional_argument<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, String>
    where
        T::Err: std::fmt::Display,
    {
        self.optional_argument(name)
            .map(|v| v.parse::<T>().map_err(|e| format!("argument {name} = {v:?}: {e}")))
            .transpose()
    }

    pub fn parse_argument<T: std::str::FromStr>(&self, name: &str) -> Result<T, String>
    where
        T::Err: std::fmt::Display,
    {
        self.parse_optional_argument(name)?.ok_or_else(|| format!("the URL's call gives no argument {name}"))
    }

    /// The body, read as the operation's body type.
    pub fn body<T: serde::de::DeserializeOwned>(&self) -> Result<T, String> {
        let body = if self.body.is_null() { serde_json::json!({}) } else { self.body.clone() };
        serde_json::from_value(body).map_err(|e| format!("the body does not read as the body type: {e}"))
    }

    pub fn content(&self) -> Vec<u8> {
        self.body_text.as_bytes().to_vec()
    }

    pub fn content_type(&self) -> &str {
        &self.content_type
    }

    /// The `@odata.id` a `$ref` body refers to.
    pub fn reference(&self) -> Result<&str, String> {
        self.body["@odata.id"].as_str().ok_or_else(|| "the body has no @odata.id".to_string())
    }

    /// The request, with the example's query options the function did not set, through the
    /// request's own options (`select`, `filter`, `top`...) where it has one.
    pub fn send<A: graph_docs_runtime::Answer>(&self, mut request: graph_docs_runtime::Request<A>) -> Sent
    where
        A::Output: serde::Serialize,
    {
        for (name, value) in &self.query {
            if request.query().iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
                continue;
            }
            request = match name.to_ascii_lowercase().as_str() {
                "$select" => request.select(&value.split(',').collect::<Vec<_>>()),
                "$expand" => request.expand(value),
                "$filter" => request.filter(value),
                "$orderby" => request.order_by(value),
                // `search` quotes its expression as Graph expects; an example that does not is
                // sent as written.
                "$search" if value.starts_with('"') => request.search(value),
                "$top" => match value.parse() {
                    Ok(n) => request.top(n),
                    Err(_) => request.query_option(name, value),
                },
                "$skip" => match value.parse() {
                    Ok(n) => request.skip(n),
                    Err(_) => request.query_option(name, value),
                },
                "$count" => match value.as_str() {
                    "true" => request.count(true),
                    "false" => request.count(false),
                    _ => request.query_option(name, value),
                },
                _ => request.query_option(name, value),
            };
        }
        let body = match request.body() {
            Some(graph_docs_runtime::Body::Json(bytes)) => {
                serde_json::from_slice(bytes).unwrap_or_else(|e| serde_json::Value::String(format!("not JSON: {e}")))
            }
            Some(graph_docs_runtime::Body::Content { bytes, .. }) => {
                serde_json::Value::String(String::from_utf8_lossy(bytes).into_owned())
            }
            Some(graph_docs_runtime::Body::Unwritable(e)) => serde_json::Value::String(format!("unwritable: {e}")),
            None => serde_json::Value::Null,
        };
        let method = request.method().as_str();
        let path = request.path_and_query();
        let replayed = self.replay.as_deref().map(|version| replay::exchange(version, request));
        Sent { method, path, body, replayed }
    }
}

/// The request an operation's function built.
pub struct Sent {
    pub method: &'static str,
    pub path: String,
    pub body: serde_json::Value,
    /// What the replay gave, when the request was replayed.
    pub replayed: Option<serde_json::Value>,
}

/// Times parsing every request body into its generated type against parsing it into
/// `serde_json::Value`, alternating, best of `rounds`; prints one JSON line of figures.
fn bench(rounds: usize) {
    let mut bodies = Vec::new();
    for line in std::io::stdin().lock().lines() {
        let request: serde_json::Value = serde_json::from_str(&line.expect("stdin readable")).expect("a request");
        let version = request["version"].as_str().unwrap_or_default();
        let type_name = request["type"].as_str().unwrap_or_default();
        let read = registry::reader(version, type_name).expect("a generated type");
        bodies.push((read, serde_json::to_string(&request["value"]).expect("serialisable")));
    }
    let bytes: usize = bodies.iter().map(|(_, b)| b.len()).sum();
    let mut best_value = std::time::Duration::MAX;
    let mut best_typed = std::time::Duration::MAX;
    for _ in 0..rounds {
        let start = std::time::Instant::now();
        for (_, body) in &bodies {
            let value: serde_json::Value = serde_json::from_str(body).expect("parses");
            drop(std::hint::black_box(value));
        }
        best_value = best_value.min(start.elapsed());
        let start = std::time::Instant::now();
        for (read, body) in &bodies {
            std::hint::black_box(read(body)).expect("reads as its type");
        }
        best_typed = best_typed.min(start.elapsed());
    }
    println!(
        "{}",
        serde_json::json!({
            "bodies": bodies.len(),
            "bytes": bytes,
            "rounds": rounds,
            "value_ms": best_value.as_secs_f64() * 1e3,
            "typed_ms": best_typed.as_secs_f64() * 1e3,
            "ratio": best_typed.as_secs_f64() / best_value.as_secs_f64(),
        })
    );
}
