//! A Graph request as the generated operations build it: the method, the path with its
//! values filled in, the query, the headers and the body, and what the answer reads into. It
//! knows nothing of HTTP clients: any client sends it (the `client` feature's does).

use std::fmt;
use std::marker::PhantomData;

use serde::Serialize;

use crate::answer::{Answer, AnswerError};

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

/// Writes the `render` of a generated `...Path` enum: the template of each variant, its values
/// filled in. `paths!(MessagesPath<'_> { Me => "/me/messages", Users { user_id } =>
/// "/users/{}/messages" })`.
#[macro_export]
macro_rules! paths {
    ($name:ident $(<$lt:lifetime>)? { $($variant:ident $({ $($field:ident),* $(,)? })? => $template:literal),* $(,)? }) => {
        impl $name $(<$lt>)? {
            /// The path, its values filled in and encoded.
            pub fn render(&self) -> ::std::string::String {
                match self {
                    $(Self::$variant $({ $($field),* })? => {
                        $crate::render($template, &[$($($field as &dyn $crate::PathValue),*)?])
                    })*
                }
            }
        }
    };
}

/// A value that goes into a path or a query: a key, a function's parameter.
pub trait PathValue {
    /// The value as it is written in a URL, before encoding.
    fn text(&self) -> String;
}

impl<T: fmt::Display + ?Sized> PathValue for T {
    fn text(&self) -> String {
        self.to_string()
    }
}

/// Fills a path template with `values`, in order: `{}` takes a value as one segment
/// (`/` encoded), `{+}` a value that may hold `/` (an item path: `root:/{+}:`); a value between
/// quotes (`'{}'`) has its quotes doubled, as OData literals have.
pub fn render(template: &str, values: &[&dyn PathValue]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * values.len());
    let mut values = values.iter();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let close = after.find('}').unwrap_or(after.len() - 1);
        let keeps_slashes = after[1..close].starts_with('+');
        let quoted = before.ends_with('\'');
        if let Some(value) = values.next() {
            let mut text = value.text();
            if quoted {
                text = text.replace('\'', "''");
            }
            encode_into(
                &mut out,
                &text,
                if keeps_slashes { PATH } else { SEGMENT },
            );
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Which characters pass unencoded.
type Allowed = fn(char) -> bool;

/// A path segment (RFC 3986 `pchar`): Graph's ids (`19:abc@thread.v2`) stay readable.
const SEGMENT: Allowed = |c| {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c)
};

/// Several segments: a path, `/` kept.
const PATH: Allowed = |c| SEGMENT(c) || c == '/';

/// A query name or value: `&`, `=`, `+` and `#` encoded, OData's `$`, `,`, `(`, `'` kept.
const QUERY: Allowed = |c| {
    c.is_ascii_alphanumeric() || "-._~!$'()*,;:@/?".contains(c)
};

fn encode_into(out: &mut String, text: &str, allowed: Allowed) {
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if allowed(c) {
            out.push(c);
        } else {
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
}

/// Undoes the percent-encoding of a path or query component, for comparing URLs as values.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::NoContent;

    #[test]
    fn paths_take_their_values_encoded() {
        assert_eq!(
            render("/chats/{}/operations/{}", &[&"19:abc@thread.v2", &"a/b c"]),
            "/chats/19:abc@thread.v2/operations/a%2Fb%20c"
        );
        // An item path keeps its slashes.
        assert_eq!(
            render("/drives/{}/root:/{+}:/content", &[&"b!x", &"Docs/Q1 plan.docx"]),
            "/drives/b!x/root:/Docs/Q1%20plan.docx:/content"
        );
        // A quoted literal doubles its quotes; numbers go in as written.
        assert_eq!(
            render("/reports/getX(period='{}')/y({})", &[&"D7'", &7]),
            "/reports/getX(period='D7''')/y(7)"
        );
    }

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
        assert_eq!(r.headers(), [("ConsistencyLevel".into(), "eventual".into())]);
        assert_eq!(decode("a%20b%2Fc"), "a b/c");
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
