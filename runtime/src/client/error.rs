//! What can go wrong in sending a request, each kind apart: no answer (transport), an answer
//! of status 400 or more (with Graph's error and the body as it came), a success whose body is
//! not what the request reads, a request that cannot be sent, a token that cannot be had.

use std::fmt;

use crate::answer::AnswerError;
use crate::error::ErrorResponse;

use super::token::TokenError;

/// Why a request gave no typed answer.
#[derive(Debug)]
pub enum Error {
    /// No answer: the connection was refused or lost, the request timed out, TLS failed.
    Transport {
        url: String,
        /// The time set by [`ClientBuilder::timeout`](super::ClientBuilder::timeout) ran out.
        timeout: bool,
        source: reqwest::Error,
    },
    /// An answer of status 400 or more (after the retries of 429, 503 and 504 ran out): Graph's
    /// error when the body holds one, and the body as it came.
    Status {
        status: u16,
        /// The OData error of the body; `None` for a body that holds none (an HTML page).
        error: Option<Box<ErrorResponse>>,
        body: Vec<u8>,
        /// The `request-id` header: what Microsoft support asks for, also when the body has
        /// no `innerError`.
        request_id: Option<String>,
        /// How many times the request was sent again before this answer.
        retries: u32,
    },
    /// A success whose body is not what the request reads: not JSON, no count.
    Unreadable {
        status: u16,
        message: String,
        body: Vec<u8>,
    },
    /// The request could not be sent as built: a body that could not be written as JSON, a
    /// URL that does not parse, a batch of more than 20 requests, a next link to another host.
    Request { message: String },
    /// Answers that do not follow the protocol: a delta round that ends without its delta
    /// link, a batch answer with no response to one of its requests, a next link that leads
    /// back to the page it is on.
    Protocol { message: String },
    /// The token source gave no token.
    Token(TokenError),
}

impl Error {
    /// The status of the answer, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Status { status, .. } | Error::Unreadable { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The body of the answer as it came, when there was one.
    pub fn body(&self) -> Option<&[u8]> {
        match self {
            Error::Status { body, .. } | Error::Unreadable { body, .. } => Some(body),
            _ => None,
        }
    }

    /// Graph's error, when the answer held one.
    pub fn error_response(&self) -> Option<&ErrorResponse> {
        match self {
            Error::Status { error, .. } => error.as_deref(),
            _ => None,
        }
    }

    /// The request id: `innerError.request-id` of the body, else the `request-id` header.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Status {
                error, request_id, ..
            } => error
                .as_ref()
                .and_then(|e| e.request_id())
                .or(request_id.as_deref()),
            _ => None,
        }
    }

    /// Whether the request timed out.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Transport { timeout: true, .. })
    }

    /// An answer that did not read, with what the client knows beside it.
    pub(super) fn from_answer(e: AnswerError, request_id: Option<String>, retries: u32) -> Self {
        match e {
            AnswerError::Status {
                status,
                error,
                body,
            } => Error::Status {
                status,
                error,
                body,
                request_id,
                retries,
            },
            AnswerError::Unreadable {
                status,
                message,
                body,
            } => Error::Unreadable {
                status,
                message,
                body,
            },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Transport {
                url, timeout: true, ..
            } => write!(f, "{url}: no answer in time"),
            Error::Transport { url, source, .. } => write!(f, "{url}: no answer: {source}"),
            Error::Status {
                status,
                error,
                retries,
                ..
            } => {
                write!(f, "status {status}")?;
                match error.as_deref() {
                    Some(e) => write!(
                        f,
                        ": {}: {}",
                        e.error.code.as_deref().unwrap_or(""),
                        e.error.message.as_deref().unwrap_or("")
                    )?,
                    None => f.write_str(", with no OData error in the body")?,
                }
                if let Some(id) = self.request_id() {
                    write!(f, " (request-id {id})")?;
                }
                if *retries > 0 {
                    write!(f, " after {retries} retries")?;
                }
                Ok(())
            }
            Error::Unreadable {
                status, message, ..
            } => write!(f, "status {status}, but the body does not read: {message}"),
            Error::Request { message } => write!(f, "cannot send the request: {message}"),
            Error::Protocol { message } => f.write_str(message),
            Error::Token(e) => write!(f, "no token: {e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport { source, .. } => Some(source),
            Error::Token(e) => Some(e.as_ref()),
            _ => None,
        }
    }
}
