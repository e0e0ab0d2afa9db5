//! JSON batching: up to 20 requests in one `POST /$batch`, some after others (`dependsOn`),
//! each answer read into its own request's type.

use std::marker::PhantomData;

use base64::Engine;
use serde_json::{Map, Value};

use super::{Client, Error, Outgoing};
use crate::answer::Answer;
use crate::batch::{BatchRequest, BatchRequestItem, BatchResponse, BatchResponseItem};
use crate::request::{Body, Method, Request};

/// The most requests Graph takes in one batch.
pub const MAX_BATCH: usize = 20;

/// Requests to send in one batch.
///
/// ```
/// use graph_docs_runtime::client::Batch;
/// use graph_docs_runtime::{Json, Method, NoContent, Request};
/// let mut batch = Batch::new();
/// let me = batch.add(&Request::<Json<serde_json::Value>>::new(Method::Get, "/me".into()))?;
/// let delete = batch.add_after(&Request::<NoContent>::new(Method::Delete, "/me/messages/1".into()), &[&me])?;
/// assert_eq!((me.id(), delete.id(), batch.len()), ("1", "2", 2));
/// # Ok::<(), graph_docs_runtime::client::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Batch {
    body: BatchRequest,
}

/// Where one request's answer will be in the batch's answers, and what it reads into.
pub struct Slot<A> {
    id: String,
    answer: PhantomData<fn() -> A>,
}

impl<A> Slot<A> {
    /// The request's `id` in the batch.
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// A slot of any answer type, for [`Batch::add_after`].
pub trait SlotId {
    fn slot_id(&self) -> &str;
}

impl<A> SlotId for Slot<A> {
    fn slot_id(&self) -> &str {
        &self.id
    }
}

impl Batch {
    pub fn new() -> Self {
        Batch::default()
    }

    pub fn len(&self) -> usize {
        self.body.requests.len()
    }

    pub fn is_empty(&self) -> bool {
        self.body.requests.is_empty()
    }

    /// The body sent to `/$batch`.
    pub fn body(&self) -> &BatchRequest {
        &self.body
    }

    /// Adds `request`, to run in any order with the others.
    pub fn add<A: Answer>(&mut self, request: &Request<A>) -> Result<Slot<A>, Error> {
        self.add_after(request, &[])
    }

    /// Adds `request`, to run after the requests of `after` have succeeded (`dependsOn`);
    /// Graph answers it `424 Failed Dependency` when one of them failed.
    pub fn add_after<A: Answer>(
        &mut self,
        request: &Request<A>,
        after: &[&dyn SlotId],
    ) -> Result<Slot<A>, Error> {
        if self.body.requests.len() >= MAX_BATCH {
            return Err(Error::Request {
                message: format!("a batch holds at most {MAX_BATCH} requests"),
            });
        }
        let id = (self.body.requests.len() + 1).to_string();
        let mut item = BatchRequestItem::new(
            id.clone(),
            request.method().as_str(),
            request.path_and_query(),
        );
        let mut headers: Map<String, Value> = request
            .headers()
            .iter()
            .map(|(n, v)| (n.clone(), Value::String(v.clone())))
            .collect();
        match request.body() {
            None => {}
            Some(Body::Json(bytes)) => {
                item.body = Some(serde_json::from_slice(bytes).map_err(|e| Error::Request {
                    message: format!("the body is not JSON: {e}"),
                })?);
                headers.insert("Content-Type".into(), "application/json".into());
            }
            Some(Body::Content {
                bytes,
                content_type,
            }) => {
                item.body = Some(Value::String(
                    base64::engine::general_purpose::STANDARD.encode(bytes),
                ));
                headers.insert("Content-Type".into(), content_type.clone().into());
            }
            Some(Body::Unwritable(e)) => {
                return Err(Error::Request {
                    message: format!("the body cannot be written as JSON: {e}"),
                })
            }
        }
        item.headers = (!headers.is_empty()).then_some(headers);
        if !after.is_empty() {
            item.depends_on = Some(after.iter().map(|s| s.slot_id().to_string()).collect());
        }
        self.body.requests.push(item);
        Ok(Slot {
            id,
            answer: PhantomData,
        })
    }
}

/// The answers of a batch, each read through its [`Slot`].
#[derive(Debug, Clone)]
pub struct BatchAnswers {
    response: BatchResponse,
}

impl BatchAnswers {
    /// The answers as they came.
    pub fn response(&self) -> &BatchResponse {
        &self.response
    }

    /// The status of a request's answer.
    pub fn status<A>(&self, slot: &Slot<A>) -> Option<u16> {
        self.response.response(&slot.id)?.status
    }

    /// Reads a request's answer into its type: its typed answer, or its error as
    /// [`Client::send`] gives it (status 424 when a request it depended on failed).
    pub fn read<A: Answer>(&self, slot: &Slot<A>) -> Result<A::Output, Error> {
        let item = self
            .response
            .response(&slot.id)
            .ok_or_else(|| Error::Protocol {
                message: format!("the batch answered nothing to request {}", slot.id),
            })?;
        let status = item.status.ok_or_else(|| Error::Protocol {
            message: format!("the batch's answer to request {} has no status", slot.id),
        })?;
        let request_id = item.header("request-id").map(str::to_string);
        A::read(status, &body_bytes(item)).map_err(|e| Error::from_answer(e, request_id, 0))
    }
}

/// A batch answer's body as the bytes a single answer would have had: JSON written out, and
/// base64 text decoded where the answer's `Content-Type` is not JSON.
fn body_bytes(item: &BatchResponseItem) -> Vec<u8> {
    let json = item
        .header("Content-Type")
        .is_none_or(|t| t.to_ascii_lowercase().contains("json"));
    match &item.body {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(text)) if !json => base64::engine::general_purpose::STANDARD
            .decode(text)
            .unwrap_or_else(|_| text.clone().into_bytes()),
        Some(value) => serde_json::to_vec(value).unwrap_or_default(),
    }
}

impl Client {
    /// Sends the requests of `batch` in one `POST /$batch` and gives their answers. The
    /// batch itself is retried like any request when throttled; a request inside it that was
    /// throttled comes back with its own 429, for the caller to send again.
    pub async fn send_batch(&self, batch: &Batch) -> Result<BatchAnswers, Error> {
        if batch.is_empty() {
            return Err(Error::Request {
                message: "a batch needs at least one request".to_string(),
            });
        }
        let body = serde_json::to_vec(&batch.body).map_err(|e| Error::Request {
            message: format!("the batch cannot be written: {e}"),
        })?;
        let url = format!("{}/$batch", self.inner.root);
        let raw = self
            .exchange(Outgoing {
                method: Method::Post,
                url: &url,
                headers: &[],
                body: Some(&Body::Json(body)),
            })
            .await?;
        let response = crate::answer::Json::<BatchResponse>::read(raw.status, &raw.body)
            .map_err(|e| Error::from_answer(e, raw.request_id, raw.retries))?;
        Ok(BatchAnswers { response })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Json, NoContent};

    #[test]
    fn at_most_twenty() {
        let mut batch = Batch::new();
        let r = Request::<NoContent>::new(Method::Delete, "/me/messages/1".into());
        for _ in 0..MAX_BATCH {
            batch.add(&r).unwrap();
        }
        assert!(matches!(batch.add(&r), Err(Error::Request { .. })));
    }

    #[test]
    fn items_carry_their_bodies_headers_and_dependencies() {
        let mut batch = Batch::new();
        let create = batch
            .add(
                &Request::<Json<Value>>::new(Method::Post, "/me/messages".into())
                    .json(&serde_json::json!({"subject": "hi"})),
            )
            .unwrap();
        batch
            .add_after(
                &Request::<NoContent>::new(Method::Put, "/me/photo/$value".into())
                    .content(vec![1, 2, 3], "image/png")
                    .header("If-Match", "*"),
                &[&create],
            )
            .unwrap();
        let body = serde_json::to_value(batch.body()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"requests": [
                {"id": "1", "method": "POST", "url": "/me/messages", "body": {"subject": "hi"},
                 "headers": {"Content-Type": "application/json"}},
                {"id": "2", "method": "PUT", "url": "/me/photo/$value", "body": "AQID",
                 "headers": {"If-Match": "*", "Content-Type": "image/png"}, "dependsOn": ["1"]}
            ]})
        );
    }

    #[test]
    fn answers_read_into_their_types() {
        let mut batch = Batch::new();
        let me = batch
            .add(&Request::<Json<Value>>::new(Method::Get, "/me".into()))
            .unwrap();
        let photo = batch
            .add(&Request::<crate::Content>::new(
                Method::Get,
                "/me/photo/$value".into(),
            ))
            .unwrap();
        let gone = batch
            .add(&Request::<NoContent>::new(Method::Delete, "/x".into()))
            .unwrap();
        let answers = BatchAnswers {
            response: serde_json::from_value(serde_json::json!({"responses": [
                {"id": "3", "status": 424, "body": {"error": {"code": "FailedDependency", "message": "x"}}},
                {"id": "1", "status": 200, "body": {"displayName": "Megan"}},
                {"id": "2", "status": 200, "headers": {"Content-Type": "image/jpeg"}, "body": "AQID"}
            ]}))
            .unwrap(),
        };
        assert_eq!(answers.read(&me).unwrap()["displayName"], "Megan");
        assert_eq!(answers.read(&photo).unwrap(), vec![1, 2, 3]);
        let e = answers.read(&gone).unwrap_err();
        assert_eq!(e.status(), Some(424));
        assert_eq!(
            e.error_response().unwrap().error.code.as_deref(),
            Some("FailedDependency")
        );
    }
}
