//! Sends the generated operations' requests to Graph and reads their typed answers (feature
//! `client`: reqwest with rustls, async on tokio).
//!
//! ```no_run
//! # async fn run() -> Result<(), graph_docs_runtime::client::Error> {
//! use graph_docs_runtime::client::{Client, StaticToken, V1};
//! use graph_docs_runtime::{CollectionPage, Json, Method, Request};
//!
//! let client = Client::new(V1, StaticToken::new(std::env::var("GRAPH_TOKEN").unwrap_or_default()))?;
//! let request: Request<Json<CollectionPage<serde_json::Value>>> =
//!     Request::new(Method::Get, "/me/messages".into()).top(10);
//! let page = client.send(request).await?;
//! println!("{} messages on the first page", page.value.len());
//! # Ok(()) }
//! ```
//!
//! - [`Client::send`]: one request, its typed answer or an [`Error`] that tells apart no
//!   answer, an error status (Graph's error and the body kept), and a body that does not read;
//!   429, 503 and 504 are sent again as [`RetryPolicy`] says.
//! - [`Client::pages`] and [`Client::items`]: a list as a stream, across `@odata.nextLink`.
//! - [`Client::delta_round`]: a delta query's pages to its `@odata.deltaLink`.
//! - [`Batch`] and [`Client::send_batch`]: up to 20 requests in one `POST /$batch`.

mod batch;
mod error;
mod paging;
mod retry;
mod roots;
mod token;

pub use batch::{Batch, BatchAnswers, Slot, SlotId, MAX_BATCH};
pub use error::Error;
pub use paging::DeltaRound;
pub use retry::RetryPolicy;
pub use roots::{Cloud, BETA, V1};
pub use token::{StaticToken, TokenError, TokenFuture, TokenSource};

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderValue, AUTHORIZATION, CONTENT_TYPE};

use crate::answer::Answer;
use crate::request::{Body, Method, Request};

/// A Graph client: a service root, a token source, a retry policy and a connection pool.
/// Cheap to clone (the clones share the pool).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    /// Without a trailing `/`.
    root: String,
    token: Option<Box<dyn TokenSource>>,
    retry: RetryPolicy,
}

/// Settings of a [`Client`]: see [`Client::builder`].
pub struct ClientBuilder {
    root: String,
    token: Option<Box<dyn TokenSource>>,
    retry: RetryPolicy,
    timeout: Option<Duration>,
    http: Option<reqwest::Client>,
}

impl ClientBuilder {
    /// The token source; without one, requests are sent with no `Authorization` header (a
    /// local server, a proxy that signs requests itself).
    pub fn token(mut self, token: impl TokenSource + 'static) -> Self {
        self.token = Some(Box::new(token));
        self
    }

    /// How throttled requests are sent again (default: [`RetryPolicy::default`]).
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// The longest one attempt may take, from sending to the end of the body (default: none).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Sends through this reqwest client (proxies, certificates, pool settings of one's own);
    /// [`timeout`](Self::timeout) is then the caller's to set on it.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    pub fn build(self) -> Result<Client, Error> {
        let http = match self.http {
            Some(http) => http,
            None => {
                let mut builder = reqwest::Client::builder()
                    .user_agent(concat!("graph-docs-runtime/", env!("CARGO_PKG_VERSION")));
                if let Some(t) = self.timeout {
                    builder = builder.timeout(t);
                }
                builder.build().map_err(|e| Error::Request {
                    message: format!("the HTTP client cannot be set up: {e}"),
                })?
            }
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                root: self.root.trim_end_matches('/').to_string(),
                token: self.token,
                retry: self.retry,
            }),
        })
    }
}

/// An answer as it came, before it is read.
pub(crate) struct Raw {
    pub status: u16,
    pub body: Vec<u8>,
    pub request_id: Option<String>,
    pub retries: u32,
}

/// What one attempt sends.
pub(crate) struct Outgoing<'a> {
    pub method: Method,
    pub url: &'a str,
    pub headers: &'a [(String, String)],
    pub body: Option<&'a Body>,
}

impl Client {
    /// A client of the service root `root` (`V1`, `BETA`, a national cloud's
    /// [`Cloud::root`], or a local server's `http://127.0.0.1:8080/v1.0`) signing requests
    /// with `token`.
    pub fn new(root: &str, token: impl TokenSource + 'static) -> Result<Client, Error> {
        Client::builder(root).token(token).build()
    }

    /// A client of `root` with settings: token, retries, timeout, an own reqwest client.
    pub fn builder(root: &str) -> ClientBuilder {
        ClientBuilder {
            root: root.to_string(),
            token: None,
            retry: RetryPolicy::default(),
            timeout: None,
            http: None,
        }
    }

    /// The service root requests are sent under.
    pub fn root(&self) -> &str {
        &self.inner.root
    }

    /// Sends `request` and reads its answer into what the request documents.
    pub async fn send<A: Answer>(&self, request: Request<A>) -> Result<A::Output, Error> {
        let url = request.url(&self.inner.root);
        let raw = self
            .exchange(Outgoing {
                method: request.method(),
                url: &url,
                headers: request.headers(),
                body: request.body(),
            })
            .await?;
        A::read(raw.status, &raw.body)
            .map_err(|e| Error::from_answer(e, raw.request_id, raw.retries))
    }

    /// Sends one request, again while it is throttled and the policy allows, and gives the
    /// last answer as it came.
    ///
    /// Boxed, and so compiled here once: an `async fn` awaited only from generic code (`send`,
    /// the pages, the batch) would be compiled again, with all of reqwest it calls, in every
    /// program that sends a request (the client's build-time target, README "Sending
    /// requests").
    pub(crate) fn exchange<'a>(
        &'a self,
        out: Outgoing<'a>,
    ) -> Pin<Box<dyn Future<Output = Result<Raw, Error>> + Send + 'a>> {
        Box::pin(self.exchange_retried(out))
    }

    async fn exchange_retried(&self, out: Outgoing<'_>) -> Result<Raw, Error> {
        let body = match out.body {
            Some(Body::Unwritable(e)) => {
                return Err(Error::Request {
                    message: format!("the body cannot be written as JSON: {e}"),
                })
            }
            Some(Body::Json(bytes)) => Some((bytes.as_slice(), "application/json")),
            Some(Body::Content {
                bytes,
                content_type,
            }) => Some((bytes.as_slice(), content_type.as_str())),
            None => None,
        };
        let method = match out.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Patch => reqwest::Method::PATCH,
            Method::Put => reqwest::Method::PUT,
            Method::Delete => reqwest::Method::DELETE,
        };
        let mut retries = 0;
        loop {
            let mut builder = self.inner.http.request(method.clone(), out.url);
            if let Some(source) = &self.inner.token {
                let token = source.token().await.map_err(Error::Token)?;
                let mut value =
                    HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| {
                        Error::Request {
                            message: "the token holds characters a header cannot".to_string(),
                        }
                    })?;
                value.set_sensitive(true);
                builder = builder.header(AUTHORIZATION, value);
            }
            for (name, value) in out.headers {
                builder = builder.header(name.as_str(), value.as_str());
            }
            if let Some((bytes, content_type)) = body {
                // A Content-Type the request sets itself wins.
                if !out
                    .headers
                    .iter()
                    .any(|(n, _)| n.eq_ignore_ascii_case("content-type"))
                {
                    builder = builder.header(CONTENT_TYPE, content_type);
                }
                builder = builder.body(bytes.to_vec());
            }
            let transport = |source: reqwest::Error| Error::Transport {
                url: out.url.to_string(),
                timeout: source.is_timeout(),
                source,
            };
            let request = builder.build().map_err(|e| {
                if e.is_builder() {
                    Error::Request {
                        message: format!("{}: {e}", out.url),
                    }
                } else {
                    transport(e)
                }
            })?;
            let response = self.inner.http.execute(request).await.map_err(transport)?;
            let status = response.status().as_u16();
            let header = |name: &str| {
                response
                    .headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string)
            };
            let retry_after = header("retry-after");
            let request_id = header("request-id");
            // The buffer reqwest collected, taken over rather than copied.
            let body: Vec<u8> = response.bytes().await.map_err(transport)?.into();
            if RetryPolicy::retries_status(status) {
                if let Some(wait) = self.inner.retry.wait(retries, retry_after.as_deref()) {
                    tokio::time::sleep(wait).await;
                    retries += 1;
                    continue;
                }
            }
            return Ok(Raw {
                status,
                body,
                request_id,
                retries,
            });
        }
    }
}
