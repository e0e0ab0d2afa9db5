//! The OData error body Graph returns with every 4xx and 5xx status.

use std::fmt;

use serde::ser::{Serialize, Serializer};

use crate::raw::{
    self, keep, keep_list, keep_object, object_visitor, ListOr, ObjectOr, ObjectWriter, Other,
};

/// An error body: `{"error": {"code": "...", "message": "...", "innerError": {...}}}`.
///
/// ```
/// use graph_docs_runtime::ErrorResponse;
/// let body = r#"{"error": {"code": "Request_ResourceNotFound", "message": "Resource '42' does not exist."}}"#;
/// let code = serde_json::from_str::<ErrorResponse>(body)?.error.code;
/// assert_eq!(code.as_deref(), Some("Request_ResourceNotFound"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ErrorResponse {
    /// `error`. Empty (every field `None`) when the body has none or it is not an object;
    /// the body's `error` is then in `other`, as it came.
    pub error: ODataError,
    /// Every other key, written back as it came.
    pub other: Other,
}

/// `error`: what went wrong.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ODataError {
    /// `code`: a machine-readable code such as `Request_ResourceNotFound` or `badRequest`.
    pub code: Option<String>,
    /// `message`: for people, not for matching on.
    pub message: Option<String>,
    /// `target`: the property or parameter the error is about.
    pub target: Option<String>,
    /// `details`: more errors, such as one per invalid property.
    pub details: Vec<ErrorDetail>,
    /// `innerError`: the request's identifiers, for Microsoft support.
    pub inner_error: Option<InnerError>,
    /// Every other key, written back as it came.
    pub other: Other,
}

/// One of `details`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ErrorDetail {
    pub code: Option<String>,
    pub message: Option<String>,
    pub target: Option<String>,
    /// Every other key, written back as it came.
    pub other: Other,
}

/// `innerError`: what Microsoft support asks for. Anything else the service adds (a nested
/// `innerError`, `code`) is in `other`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InnerError {
    /// `request-id`.
    pub request_id: Option<String>,
    /// `client-request-id`: the `client-request-id` header the caller sent, if any.
    pub client_request_id: Option<String>,
    /// `date`: when the error happened, as sent (`2024-01-01T00:00:00`, no offset).
    pub date: Option<String>,
    /// Every other key, written back as it came.
    pub other: Other,
}

impl ErrorResponse {
    /// The `request-id` of `innerError`: what Microsoft support asks for.
    pub fn request_id(&self) -> Option<&str> {
        self.error.inner_error.as_ref()?.request_id.as_deref()
    }
}

const ERROR: &str = "error";
const CODE: &str = "code";
const MESSAGE: &str = "message";
const TARGET: &str = "target";
const DETAILS: &str = "details";
const INNER_ERROR: &str = "innerError";
const REQUEST_ID: &str = "request-id";
const CLIENT_REQUEST_ID: &str = "client-request-id";
const DATE: &str = "date";

impl fmt::Display for ODataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self.code.as_deref().unwrap_or("error without a code");
        match &self.message {
            Some(message) => write!(f, "{code}: {message}"),
            None => f.write_str(code),
        }
    }
}

impl std::error::Error for ODataError {}

object_visitor!(
    ErrorResponse,
    ErrorResponseVisitor,
    "an OData error body (a JSON object with `error`)",
    |map, key, v| {
        let other = &mut v.other;
        match key.as_str() {
            ERROR => keep_object(
                &mut v.error,
                key,
                map.next_value::<ObjectOr<ODataError>>()?.0,
                other,
            ),
            _ => {
                other.insert(key.into_owned(), map.next_value()?);
            }
        }
    }
);

object_visitor!(
    ODataError,
    ODataErrorVisitor,
    "an OData error (a JSON object with `code` and `message`)",
    |map, key, v| {
        let other = &mut v.other;
        match key.as_str() {
            CODE => keep(&mut v.code, key, raw::string(map.next_value()?), other),
            MESSAGE => keep(&mut v.message, key, raw::string(map.next_value()?), other),
            TARGET => keep(&mut v.target, key, raw::string(map.next_value()?), other),
            DETAILS => keep_list(
                &mut v.details,
                key,
                map.next_value::<ListOr<ErrorDetail>>()?.0,
                other,
            ),
            INNER_ERROR => keep(
                &mut v.inner_error,
                key,
                map.next_value::<ObjectOr<InnerError>>()?.0,
                other,
            ),
            _ => {
                other.insert(key.into_owned(), map.next_value()?);
            }
        }
    }
);

object_visitor!(
    ErrorDetail,
    ErrorDetailVisitor,
    "an error detail (a JSON object)",
    |map, key, v| {
        let other = &mut v.other;
        match key.as_str() {
            CODE => keep(&mut v.code, key, raw::string(map.next_value()?), other),
            MESSAGE => keep(&mut v.message, key, raw::string(map.next_value()?), other),
            TARGET => keep(&mut v.target, key, raw::string(map.next_value()?), other),
            _ => {
                other.insert(key.into_owned(), map.next_value()?);
            }
        }
    }
);

object_visitor!(
    InnerError,
    InnerErrorVisitor,
    "`innerError` (a JSON object)",
    |map, key, v| {
        let other = &mut v.other;
        match key.as_str() {
            REQUEST_ID => keep(
                &mut v.request_id,
                key,
                raw::string(map.next_value()?),
                other,
            ),
            CLIENT_REQUEST_ID => keep(
                &mut v.client_request_id,
                key,
                raw::string(map.next_value()?),
                other,
            ),
            DATE => keep(&mut v.date, key, raw::string(map.next_value()?), other),
            _ => {
                other.insert(key.into_owned(), map.next_value()?);
            }
        }
    }
);

impl Serialize for ErrorResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::new(serializer.serialize_map(None)?);
        if self.error != ODataError::default() {
            w.field(ERROR, &self.error)?;
        }
        w.finish(&self.other)
    }
}

impl Serialize for ODataError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::new(serializer.serialize_map(None)?);
        w.optional(CODE, &self.code)?;
        w.optional(MESSAGE, &self.message)?;
        w.optional(TARGET, &self.target)?;
        w.list(DETAILS, &self.details)?;
        w.optional(INNER_ERROR, &self.inner_error)?;
        w.finish(&self.other)
    }
}

impl Serialize for ErrorDetail {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::new(serializer.serialize_map(None)?);
        w.optional(CODE, &self.code)?;
        w.optional(MESSAGE, &self.message)?;
        w.optional(TARGET, &self.target)?;
        w.finish(&self.other)
    }
}

impl Serialize for InnerError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::new(serializer.serialize_map(None)?);
        w.optional(REQUEST_ID, &self.request_id)?;
        w.optional(CLIENT_REQUEST_ID, &self.client_request_id)?;
        w.optional(DATE, &self.date)?;
        w.finish(&self.other)
    }
}
