//! A Graph request as the generated operations build it: the method, the path with its
//! values filled in, the query, the headers and the body, and what the answer reads into. It
//! knows nothing of HTTP clients: any client sends it (the `client` feature's does).

use std::fmt;
use std::marker::PhantomData;

use serde::Serialize;

use crate::answer::{Answer, AnswerError};
use crate::path::{encode_into, QUERY};

/// An HTTP method Graph documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Patch,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a request sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// JSON, as the body type writes itself.
    Json(Vec<u8>),
    /// Content (`PUT .../content`): the bytes and their media type.
    Content {
        bytes: Vec<u8>,
        content_type: String,
    },
    /// A body whose type could not write itself as JSON: sending it fails with this message.
    Unwritable(String),
}

/// A request to Graph, and `A`, what its answer reads into ([`Json<T>`](crate::Json),
/// [`NoContent`](crate::NoContent), ...).
pub struct Request<A> {
    method: Method,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Option<Body>,
    answer: PhantomData<fn() -> A>,
}

impl<A> Clone for Request<A> {
    fn clone(&self) -> Self {
        Request {
            method: self.method,
            path: self.path.clone(),
            query: self.query.clone(),
            headers: self.headers.clone(),
            body: self.body.clone(),
            answer: PhantomData,
        }
    }
}

impl<A> fmt::Debug for Request<A> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &self.headers)
            .field("body", &self.body)
            .finish()
    }
}

impl<A> Request<A> {
    /// A request of `method` to `path` (from the service root: `/me/messages`), already
    /// encoded (see [`render`]).
    pub fn new(method: Method, path: String) -> Self {
        Request {
            method,
            path,
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            answer: PhantomData,
        }
    }

    pub fn method(&self) -> Method {
        self.method
    }

    /// The path, encoded, from the service root.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query options, by name and value, not yet encoded.
    pub fn query(&self) -> &[(String, String)] {
        &self.query
    }

    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    pub fn body(&self) -> Option<&Body> {
        self.body.as_ref()
    }

    /// The path and query, encoded: `/me/messages?$select=subject,from&$top=5`.
    pub fn path_and_query(&self) -> String {
        let mut out = self.path.clone();
        for (i, (name, value)) in self.query.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            encode_into(&mut out, name, QUERY);
            out.push('=');
            encode_into(&mut out, value, QUERY);
        }
        out
    }

    /// The full URL under a service root such as `https://graph.microsoft.com/v1.0`.
    pub fn url(&self, service_root: &str) -> String {
        format!(
            "{}{}",
            service_root.trim_end_matches('/'),
            self.path_and_query()
        )
    }

    /// Adds (or replaces) a query option: `$top`, or a function's own (`startDateTime`).
    pub fn query_option(mut self, name: &str, value: impl fmt::Display) -> Self {
        let value = value.to_string();
        match self.query.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value,
            None => self.query.push((name.to_string(), value)),
        }
        self
    }

    /// `$select`: only these properties (wire names).
    pub fn select(self, properties: &[&str]) -> Self {
        self.query_option("$select", properties.join(","))
    }

    /// `$expand`: `"members"`, `"manager($levels=max)"`.
    pub fn expand(self, expression: &str) -> Self {
        self.query_option("$expand", expression)
    }

    /// `$filter`: `"startswith(displayName,'a')"`.
    pub fn filter(self, expression: &str) -> Self {
        self.query_option("$filter", expression)
    }

    /// `$orderby`: `"displayName desc"`.
    pub fn order_by(self, expression: &str) -> Self {
        self.query_option("$orderby", expression)
    }

    /// `$search`, quoted as Graph expects: `"displayName:room"`.
    pub fn search(self, expression: &str) -> Self {
        let quoted = if expression.starts_with('"') {
            expression.to_string()
        } else {
            format!("\"{expression}\"")
        };
        self.query_option("$search", quoted)
    }

    /// `$top`: at most this many items per page.
    pub fn top(self, n: u32) -> Self {
        self.query_option("$top", n)
    }

    /// `$skip`.
    pub fn skip(self, n: u32) -> Self {
        self.query_option("$skip", n)
    }

    /// `$count=true`: the page says how many items there are in all.
    pub fn count(self, count: bool) -> Self {
        self.query_option("$count", count)
    }

    /// Adds (or replaces) a header: `ConsistencyLevel: eventual`, `Prefer: ...`.
    pub fn header(mut self, name: &str, value: impl fmt::Display) -> Self {
        let value = value.to_string();
        match self
            .headers
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            Some(slot) => slot.1 = value,
            None => self.headers.push((name.to_string(), value)),
        }
        self
    }

    /// Sends `body` as JSON.
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        self.body = Some(match serde_json::to_vec(body) {
            Ok(bytes) => Body::Json(bytes),
            Err(e) => Body::Unwritable(e.to_string()),
        });
        self
    }

    /// Sends `bytes` as they are, of media type `content_type`.
    pub fn content(mut self, bytes: Vec<u8>, content_type: &str) -> Self {
        self.body = Some(Body::Content {
            bytes,
            content_type: content_type.to_string(),
        });
        self
    }
}

impl<A: Answer> Request<A> {
    /// Reads an answer to this request: its status and body.
    pub fn read(&self, status: u16, body: &[u8]) -> Result<A::Output, AnswerError> {
        A::read(status, body)
    }
}

/// The body of a `POST .../$ref`: the object to refer to, by its URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference<'a> {
    #[serde(rename = "@odata.id")]
    pub id: &'a str,
}

impl<'a> Reference<'a> {
    /// A reference to the object at `url` (`https://graph.microsoft.com/v1.0/users/{id}`).
    pub fn to(url: &'a str) -> Self {
        Reference { id: url }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::NoContent;

    #[test]
    fn query_options_and_headers() {
        let r: Request<NoContent> = Request::new(Method::Get, "/me/messages".into())
            .select(&["subject", "from"])
            .filter("importance eq 'high' & x")
            .top(5)
            .top(10)
            .search("displayName:room")
            .header("ConsistencyLevel", "eventual");
        assert_eq!(
            r.path_and_query(),
            "/me/messages?$select=subject,from&$filter=importance%20eq%20'high'%20%26%20x&$top=10&$search=%22displayName:room%22"
        );
        assert_eq!(
            r.url("https://graph.microsoft.com/v1.0/"),
            format!("https://graph.microsoft.com/v1.0{}", r.path_and_query())
        );
        assert_eq!(
            r.headers(),
            [("ConsistencyLevel".into(), "eventual".into())]
        );
    }

    #[test]
    fn bodies() {
        let r: Request<NoContent> =
            Request::new(Method::Post, "/me/sendMail".into()).json(&serde_json::json!({"a": 1}));
        assert_eq!(r.body(), Some(&Body::Json(br#"{"a":1}"#.to_vec())));
        let r = r.content(b"hi".to_vec(), "text/plain");
        assert!(matches!(r.body(), Some(Body::Content { .. })));
    }
}
