//! What an answer to a request reads into: a model as JSON, a page, nothing, content, a count.
//! A status of 400 or more reads into the OData error instead, its body kept as it came.

use std::fmt;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;

use crate::error::ErrorResponse;

/// How the answer to a request is read.
pub trait Answer {
    /// What reading gives.
    type Output;

    /// Reads an answer of `status` with `body`.
    fn read(status: u16, body: &[u8]) -> Result<Self::Output, AnswerError>;
}

/// The answer is `T`, as JSON: a model, a `CollectionPage<T>`, a `serde_json::Value`. Values
/// that do not fit their documented types are kept, never fail the read.
pub struct Json<T>(PhantomData<fn() -> T>);

/// The answer is one primitive or enum value (an action or function returning `Edm.Boolean`,
/// `Edm.String`, an enum member; a property read alone), which OData writes as an object of
/// its one `value` (`{"@odata.context": "...", "value": true}`); the value is what reading
/// gives. A body that is the value itself, unwrapped, reads too.
pub struct ValueOf<T>(PhantomData<fn() -> T>);

/// The answer carries nothing to read (`204 No Content`, `202 Accepted`).
pub struct NoContent;

/// The answer is content (`GET .../$value`, `.../content`): its bytes.
pub struct Content;

/// The answer is a count (`GET .../$count`), as text.
pub struct Count;

/// Why an answer did not read.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerError {
    /// A status of 400 or more: the OData error when the body held one (boxed: it is large,
    /// and every `Result` of a read would carry its size), and the body as it came.
    Status {
        status: u16,
        error: Option<Box<ErrorResponse>>,
        body: Vec<u8>,
    },
    /// A success whose body is not what the request reads (not JSON, no count).
    Unreadable {
        status: u16,
        message: String,
        body: Vec<u8>,
    },
}

impl AnswerError {
    /// The status the answer came with.
    pub fn status(&self) -> u16 {
        match self {
            AnswerError::Status { status, .. } | AnswerError::Unreadable { status, .. } => *status,
        }
    }

    /// The body as it came.
    pub fn body(&self) -> &[u8] {
        match self {
            AnswerError::Status { body, .. } | AnswerError::Unreadable { body, .. } => body,
        }
    }
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::Status {
                status,
                error: Some(e),
                ..
            } => {
                let code = e.error.code.as_deref().unwrap_or("");
                let message = e.error.message.as_deref().unwrap_or("");
                write!(f, "status {status}: {code}: {message}")?;
                if let Some(id) = e.request_id() {
                    write!(f, " (request-id {id})")?;
                }
                Ok(())
            }
            AnswerError::Status {
                status,
                error: None,
                ..
            } => write!(f, "status {status}, with no OData error in the body"),
            AnswerError::Unreadable {
                status, message, ..
            } => write!(f, "status {status}, but the body does not read: {message}"),
        }
    }
}

impl std::error::Error for AnswerError {}

/// A status of 400 or more as an error.
fn failure(status: u16, body: &[u8]) -> Option<AnswerError> {
    (status >= 400).then(|| AnswerError::Status {
        status,
        error: serde_json::from_slice::<ErrorResponse>(body)
            .ok()
            .map(Box::new),
        body: body.to_vec(),
    })
}

impl<T: DeserializeOwned> Answer for Json<T> {
    type Output = T;

    fn read(status: u16, body: &[u8]) -> Result<T, AnswerError> {
        if let Some(e) = failure(status, body) {
            return Err(e);
        }
        serde_json::from_slice(body).map_err(|e| AnswerError::Unreadable {
            status,
            message: e.to_string(),
            body: body.to_vec(),
        })
    }
}

impl<T: DeserializeOwned> Answer for ValueOf<T> {
    type Output = T;

    fn read(status: u16, body: &[u8]) -> Result<T, AnswerError> {
        if let Some(e) = failure(status, body) {
            return Err(e);
        }
        let unreadable = |e: serde_json::Error| AnswerError::Unreadable {
            status,
            message: e.to_string(),
            body: body.to_vec(),
        };
        let value = match serde_json::from_slice(body).map_err(unreadable)? {
            serde_json::Value::Object(mut o) if o.contains_key("value") => {
                o.remove("value").expect("the key was just found")
            }
            bare => bare,
        };
        serde_json::from_value(value).map_err(unreadable)
    }
}

impl Answer for NoContent {
    type Output = ();

    fn read(status: u16, body: &[u8]) -> Result<(), AnswerError> {
        failure(status, body).map_or(Ok(()), Err)
    }
}

impl Answer for Content {
    type Output = Vec<u8>;

    fn read(status: u16, body: &[u8]) -> Result<Vec<u8>, AnswerError> {
        failure(status, body).map_or_else(|| Ok(body.to_vec()), Err)
    }
}

impl Answer for Count {
    type Output = u64;

    fn read(status: u16, body: &[u8]) -> Result<u64, AnswerError> {
        if let Some(e) = failure(status, body) {
            return Err(e);
        }
        let text = String::from_utf8_lossy(body);
        // Graph answers the count as text; the BOM some servers send is no digit.
        text.trim()
            .trim_start_matches('\u{feff}')
            .parse()
            .map_err(|e| AnswerError::Unreadable {
                status,
                message: format!("{text:?} is no count: {e}"),
                body: body.to_vec(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CollectionPage;

    #[test]
    fn successes_read_into_their_types() {
        let page = Json::<CollectionPage<serde_json::Value>>::read(
            200,
            br#"{"value": [{"id": "a"}], "@odata.nextLink": "https://x/next"}"#,
        )
        .unwrap();
        assert_eq!(page.value.len(), 1);
        assert_eq!(NoContent::read(204, b""), Ok(()));
        assert_eq!(Content::read(200, b"\x01\x02"), Ok(vec![1, 2]));
        assert_eq!(Count::read(200, "\u{feff}42\n".as_bytes()), Ok(42));
    }

    #[test]
    fn a_primitive_answer_is_the_value_of_its_envelope() {
        let body = br#"{"@odata.context": "https://graph.microsoft.com/beta/$metadata#Edm.Boolean", "value": true}"#;
        assert_eq!(ValueOf::<bool>::read(200, body), Ok(true));
        assert_eq!(
            ValueOf::<String>::read(200, br#"{"value": "https://x/y.zip"}"#),
            Ok("https://x/y.zip".to_string())
        );
        // Unwrapped, as some services answer.
        assert_eq!(ValueOf::<i64>::read(200, b"42"), Ok(42));
        // An error status reads as the error; a value of another type does not read.
        assert!(matches!(
            ValueOf::<bool>::read(404, br#"{"error": {"code": "x"}}"#),
            Err(AnswerError::Status { status: 404, .. })
        ));
        assert!(matches!(
            ValueOf::<bool>::read(200, br#"{"value": "yes"}"#),
            Err(AnswerError::Unreadable { status: 200, .. })
        ));
    }

    #[test]
    fn failures_keep_the_error_and_the_body() {
        let body = br#"{"error": {"code": "itemNotFound", "message": "Not found.", "innerError": {"request-id": "r1"}}}"#;
        let e = NoContent::read(404, body).unwrap_err();
        assert_eq!(e.status(), 404);
        assert_eq!(e.body(), body);
        assert!(e.to_string().contains("itemNotFound"), "{e}");
        assert!(e.to_string().contains("r1"), "{e}");
        // An HTML error page: no OData error, the body kept.
        let e = Json::<serde_json::Value>::read(502, b"<html>Bad gateway</html>").unwrap_err();
        assert!(matches!(&e, AnswerError::Status { error: None, .. }));
        // A success that is no JSON.
        let e = Json::<serde_json::Value>::read(200, b"<html>").unwrap_err();
        assert!(matches!(e, AnswerError::Unreadable { status: 200, .. }));
    }
}
