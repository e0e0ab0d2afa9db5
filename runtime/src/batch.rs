//! JSON batching (`POST /$batch`): up to 20 requests in one body, and their responses.

use serde::de::Deserialize;
use serde::ser::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::raw::{self, keep, keep_list, object_visitor, ListOr, ObjectWriter, Other, Read};

/// A batch request body: `{"requests": [{"id": "1", "method": "GET", "url": "/me"}]}`.
///
/// ```
/// use graph_docs_runtime::{BatchRequest, BatchRequestItem};
/// let mut second = BatchRequestItem::new("2", "GET", "/me/manager");
/// second.depends_on = Some(vec!["1".into()]);
/// let batch = BatchRequest::new(vec![BatchRequestItem::new("1", "GET", "/me"), second]);
/// let body = serde_json::to_string(&batch)?;
/// assert!(body.contains(r#""dependsOn":["1"]"#));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BatchRequest {
    /// `requests`.
    pub requests: Vec<BatchRequestItem>,
    /// Every other key, written back as it came.
    pub other: Other,
}

/// One request of a batch.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BatchRequestItem {
    /// `id`: matches the response to the request; unique in the batch, compared ignoring case.
    pub id: Option<String>,
    /// `method`: `GET`, `POST`, `PATCH`, `PUT`, `DELETE`.
    pub method: Option<String>,
    /// `url`: relative to the version (`/me/messages`, not `https://.../v1.0/me/messages`).
    pub url: Option<String>,
    /// `headers`: required with a body (`Content-Type`).
    pub headers: Option<Map<String, Value>>,
    /// `body`: a JSON value, or base64 text for a body that is not JSON.
    pub body: Option<Value>,
    /// `dependsOn`: the ids of requests that must succeed before this one runs.
    pub depends_on: Option<Vec<String>>,
    /// Every other key, written back as it came.
    pub other: Other,
}

/// A batch response body: `{"responses": [{"id": "1", "status": 200, "body": {...}}]}`, in
/// any order.
///
/// ```
/// use graph_docs_runtime::{BatchResponse, ErrorResponse};
/// let body = r#"{"responses": [
///   {"id": "1", "status": 200, "body": {"displayName": "Megan"}},
///   {"id": "2", "status": 404, "body": {"error": {"code": "Request_ResourceNotFound", "message": "..."}}}
/// ]}"#;
/// let batch: BatchResponse = serde_json::from_str(body)?;
/// let me: serde_json::Value = batch.response("1").unwrap().body_as()?;
/// assert_eq!(me["displayName"], "Megan");
/// let failed = batch.response("2").unwrap();
/// assert!(!failed.is_success());
/// assert_eq!(failed.body_as::<ErrorResponse>()?.error.code.as_deref(), Some("Request_ResourceNotFound"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BatchResponse {
    /// `responses`.
    pub responses: Vec<BatchResponseItem>,
    /// `nextLink`: present while some responses are still to come; follow it for the rest.
    pub next_link: Option<String>,
    /// Every other key, written back as it came.
    pub other: Other,
}

/// One response of a batch.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BatchResponseItem {
    /// `id`: the id of the request this answers.
    pub id: Option<String>,
    /// `status`: the HTTP status code.
    pub status: Option<u16>,
    /// `headers`.
    pub headers: Option<Map<String, Value>>,
    /// `body`: a JSON value (an object, or `null`), or base64 text for a body that is not
    /// JSON (an image, a file's content).
    pub body: Option<Value>,
    /// Every other key, written back as it came.
    pub other: Other,
}

const REQUESTS: &str = "requests";
const RESPONSES: &str = "responses";
const NEXT_LINK: &str = "nextLink";
const ID: &str = "id";
const METHOD: &str = "method";
const URL: &str = "url";
const HEADERS: &str = "headers";
const BODY: &str = "body";
const DEPENDS_ON: &str = "dependsOn";
const STATUS: &str = "status";

impl BatchRequest {
    pub fn new(requests: Vec<BatchRequestItem>) -> Self {
        BatchRequest {
            requests,
            other: Other::new(),
        }
    }
}

impl BatchRequestItem {
    pub fn new(id: impl Into<String>, method: impl Into<String>, url: impl Into<String>) -> Self {
        BatchRequestItem {
            id: Some(id.into()),
            method: Some(method.into()),
            url: Some(url.into()),
            ..Self::default()
        }
    }
}

impl BatchResponse {
    /// The response to the request with this id (ids compare ignoring ASCII case, as the
    /// service does).
    pub fn response(&self, id: &str) -> Option<&BatchResponseItem> {
        self.responses
            .iter()
            .find(|r| r.id.as_deref().is_some_and(|i| i.eq_ignore_ascii_case(id)))
    }
}

impl BatchResponseItem {
    /// Reads the body into `T`: a generated model, a [`CollectionPage`](crate::CollectionPage),
    /// an [`ErrorResponse`](crate::ErrorResponse), or [`Binary`](crate::Binary) for base64
    /// text. A missing body reads as `null`.
    pub fn body_as<'a, T: Deserialize<'a>>(&'a self) -> Result<T, serde_json::Error> {
        T::deserialize(self.body.as_ref().unwrap_or(&Value::Null))
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }

    /// A header's value, by name ignoring ASCII case (`Content-Type`, `location`).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .as_ref()?
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .and_then(|(_, v)| v.as_str())
    }
}

fn object(value: Value) -> Read<Map<String, Value>> {
    match value {
        Value::Object(map) => Read::Typed(map),
        other => Read::Raw(other),
    }
}

fn status(value: Value) -> Read<u16> {
    match value.as_u64().and_then(|n| u16::try_from(n).ok()) {
        Some(n) => Read::Typed(n),
        None => Read::Raw(value),
    }
}

/// A list of strings; anything else (a list holding a number) is kept raw as a whole.
fn strings(value: Value) -> Read<Vec<String>> {
    match value {
        Value::Array(items) if items.iter().all(Value::is_string) => Read::Typed(
            items
                .into_iter()
                .filter_map(|v| match v {
                    Value::String(s) => Some(s),
                    _ => None,
                })
                .collect(),
        ),
        other => Read::Raw(other),
    }
}

object_visitor!(
    BatchRequest,
    BatchRequestVisitor,
    "a batch request body (a JSON object with `requests`)",
    |map, key, v| {
        let other = &mut v.other;
        match key.as_str() {
            REQUESTS => keep_list(
                &mut v.requests,
                key,
                map.next_value::<ListOr<BatchRequestItem>>()?.0,
                other,
            ),
            _ => {
                other.insert(key.into_owned(), map.next_value()?);
            }
        }
    }
);

object_visitor!(
    BatchRequestItem,
    BatchRequestItemVisitor,
    "a batch request (a JSON object)",
    |map, key, v| {
        let other = &mut v.other;
        match key.as_str() {
            ID => keep(&mut v.id, key, raw::string(map.next_value()?), other),
            METHOD => keep(&mut v.method, key, raw::string(map.next_value()?), other),
            URL => keep(&mut v.url, key, raw::string(map.next_value()?), other),
            HEADERS => keep(&mut v.headers, key, object(map.next_value()?), other),
            BODY => v.body = Some(map.next_value()?),
            DEPENDS_ON => keep(&mut v.depends_on, key, strings(map.next_value()?), other),
            _ => {
                other.insert(key.into_owned(), map.next_value()?);
            }
        }
    }
);

object_visitor!(
    BatchResponse,
    BatchResponseVisitor,
    "a batch response body (a JSON object with `responses`)",
    |map, key, v| {
        let other = &mut v.other;
        match key.as_str() {
            RESPONSES => keep_list(
                &mut v.responses,
                key,
                map.next_value::<ListOr<BatchResponseItem>>()?.0,
                other,
            ),
            NEXT_LINK => keep(&mut v.next_link, key, raw::string(map.next_value()?), other),
            _ => {
                other.insert(key.into_owned(), map.next_value()?);
            }
        }
    }
);

object_visitor!(
    BatchResponseItem,
    BatchResponseItemVisitor,
    "a batch response (a JSON object)",
    |map, key, v| {
        let other = &mut v.other;
        match key.as_str() {
            ID => keep(&mut v.id, key, raw::string(map.next_value()?), other),
            STATUS => keep(&mut v.status, key, status(map.next_value()?), other),
            HEADERS => keep(&mut v.headers, key, object(map.next_value()?), other),
            BODY => v.body = Some(map.next_value()?),
            _ => {
                other.insert(key.into_owned(), map.next_value()?);
            }
        }
    }
);

impl Serialize for BatchRequest {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::new(serializer.serialize_map(None)?);
        w.list(REQUESTS, &self.requests)?;
        w.finish(&self.other)
    }
}

impl Serialize for BatchRequestItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::new(serializer.serialize_map(None)?);
        w.optional(ID, &self.id)?;
        w.optional(METHOD, &self.method)?;
        w.optional(URL, &self.url)?;
        w.optional(DEPENDS_ON, &self.depends_on)?;
        w.optional(HEADERS, &self.headers)?;
        w.optional(BODY, &self.body)?;
        w.finish(&self.other)
    }
}

impl Serialize for BatchResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::new(serializer.serialize_map(None)?);
        w.list(RESPONSES, &self.responses)?;
        w.optional(NEXT_LINK, &self.next_link)?;
        w.finish(&self.other)
    }
}

impl Serialize for BatchResponseItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::new(serializer.serialize_map(None)?);
        w.optional(ID, &self.id)?;
        w.optional(STATUS, &self.status)?;
        w.optional(HEADERS, &self.headers)?;
        w.optional(BODY, &self.body)?;
        w.finish(&self.other)
    }
}
