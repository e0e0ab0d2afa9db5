//! Request examples through the generated operations: each example's URL matched to its
//! operation, the values it gives handed to the operation's function, and the request that
//! function builds compared with the documented one (method, path, query, body, as values).

use serde_json::Value;

use super::compare::first_difference;
use super::extract::{Body, ExampleBlock};
use super::requests::{self, Matched, RequestExample};
use super::runner::SendInput;
use super::{Cause, Outcome};
use crate::emit::operations::forms;
use crate::schema::operations::OperationKind;
use crate::schema::Schema;

/// What can be decided of a request example before running anything.
pub enum Prepared {
    Done(Outcome, Option<Cause>, String),
    Send(Box<Sending>),
}

/// Build the request through operation `operation`'s function; `body` is the example's body
/// as a block of the operation's body type, to read and write back like a response.
pub struct Sending {
    pub operation: usize,
    pub input: SendInput,
    pub body: Option<ExampleBlock>,
}

pub fn prepare(example: &RequestExample, schema: &Schema) -> Prepared {
    if !requests::is_graph_request(example) {
        return Prepared::Done(
            Outcome::Skipped,
            None,
            format!("sent to {}, not to Graph", example.target),
        );
    }
    let Some(m) = requests::match_example(schema, example) else {
        return Prepared::Done(
            Outcome::Failed,
            Some(Cause::UndocumentedRequest),
            format!(
                "{}: {} {} is none of the requests the pages document",
                example.source,
                example.method.map_or("(no method)", |m| m.as_str()),
                example.target
            ),
        );
    };
    let operation = &schema.operations[m.operation];
    // OData deletes a reference by its path alone.
    if let (OperationKind::RemoveReference, Body::Json(body)) = (operation.kind, &example.body) {
        return Prepared::Done(
            Outcome::Failed,
            Some(Cause::UnexpectedBody),
            format!(
                "{}:{}: a DELETE of a reference sends no body (the path names what to remove); \
                 this one sends {}",
                example.source.file,
                example.body_line,
                short(body)
            ),
        );
    }
    // A `$ref` request refers to something in its body; an example without one, or with text
    // that is no JSON (a second fence line before it), shows none.
    let shown = match &example.body {
        Body::Empty => Some("no body".to_string()),
        Body::NotJson(why) => Some(format!("a body that is not JSON ({why})")),
        _ => None,
    };
    if let (OperationKind::AddReference, Some(shown)) = (operation.kind, shown) {
        return Prepared::Done(
            Outcome::Failed,
            Some(Cause::NotJson),
            format!(
                "{}: a $ref request sends {{\"@odata.id\": url}}; this one sends {shown}",
                example.source
            ),
        );
    }
    // A `$ref` request's body is not judged as a type: one that does not parse is the
    // page's, not the reference's.
    if let (
        OperationKind::AddReference,
        Body::InvalidJson {
            error,
            line,
            elided,
        },
    ) = (operation.kind, &example.body)
    {
        let cause = if *elided {
            Cause::Truncated
        } else {
            Cause::InvalidJson
        };
        return Prepared::Done(
            Outcome::Failed,
            Some(cause),
            format!(
                "{}:{}: the body of a $ref request is not JSON: {error}",
                example.source.file, line
            ),
        );
    }
    // A `$ref` request sends a reference: `{"@odata.id": url}`.
    if let (OperationKind::AddReference, Body::Json(body)) = (operation.kind, &example.body) {
        if body.get("@odata.id").is_none() {
            return Prepared::Done(
                Outcome::Failed,
                Some(Cause::TypeMismatch),
                format!(
                    "{}:{}: the body of a $ref request is a reference, {{\"@odata.id\": url}}; \
                     this one holds {}",
                    example.source.file,
                    example.body_line,
                    short(body)
                ),
            );
        }
    }
    let (all_forms, _) = forms::path_forms(operation);
    let render = forms::path_form(&operation.paths[m.path]).render;
    let form = all_forms
        .iter()
        .position(|f| f.render == render)
        .unwrap_or(0);
    let body = match (&operation.request_body, operation.kind, &example.body) {
        (_, OperationKind::WriteContent | OperationKind::AddReference, _) | (_, _, Body::Empty) => {
            None
        }
        (Some(payload), _, _) => Some(ExampleBlock {
            source: example.source.clone(),
            version: example.version.clone(),
            block_type: "request".to_string(),
            declared_type: Some(match &payload.ty {
                crate::schema::TypeRef::Named(id) => id.qualified_name().to_string(),
                crate::schema::TypeRef::Primitive(p) => p.csdl_name().to_string(),
            }),
            collection: payload.collection,
            annotation: example.annotation.clone(),
            status: None,
            body: example.body.clone(),
            body_text: example.body_text.clone(),
            body_line: example.body_line,
        }),
        (None, _, _) => None,
    };
    let Matched {
        values,
        query,
        arguments,
        ..
    } = m;
    Prepared::Send(Box::new(Sending {
        operation: m.operation,
        input: SendInput {
            operation: operation.name.clone(),
            form,
            values,
            arguments,
            query,
            body: requests::json_body(example).cloned().unwrap_or(Value::Null),
            body_text: example.body_text.clone(),
            content_type: example.content_type.clone(),
        },
        body,
    }))
}

/// `{"a": ..., "b": ...}` as `{a, b}`; other values as written, cut short.
fn short(value: &Value) -> String {
    match value {
        Value::Object(map) if map.is_empty() => "an empty object".to_string(),
        Value::Object(map) => {
            let keys: Vec<&str> = map.keys().map(String::as_str).collect();
            format!("an object of {}", keys.join(", "))
        }
        other => other.to_string().chars().take(60).collect(),
    }
}

/// How the request the operation's function built differs from the documented one, if it does.
pub fn difference(
    example: &RequestExample,
    kind: OperationKind,
    method: &str,
    path_and_query: &str,
    body: &Value,
) -> Option<String> {
    let documented = example.method.map_or("", |m| m.as_str());
    if documented != method {
        return Some(format!("sends {method}, the example {documented}"));
    }
    let (path, query) = requests::split_url(&example.target);
    let (sent_path, sent_query) = requests::split_url(path_and_query);
    let normal = |p: &str| {
        requests::decode(p)
            .trim_end_matches('/')
            .to_ascii_lowercase()
    };
    if normal(&path) != normal(&sent_path) {
        return Some(format!("sends {sent_path}, the example {path}"));
    }
    let pairs = |q: Option<&str>| {
        let mut pairs = requests::query_pairs(q);
        for (name, _) in &mut pairs {
            *name = name.to_ascii_lowercase();
        }
        pairs.sort();
        pairs
    };
    let (documented_query, sent_query) = (pairs(query), pairs(sent_query));
    if documented_query != sent_query {
        return Some(format!(
            "sends the query {sent_query:?}, the example {documented_query:?}"
        ));
    }
    if kind == OperationKind::WriteContent {
        let sent = body.as_str().unwrap_or_default();
        return (sent.trim() != example.body_text.trim())
            .then(|| "the content differs from the example's".to_string());
    }
    let empty = |v: &Value| v.as_object().is_some_and(|o| o.is_empty());
    match &example.body {
        // An empty object says nothing, as no body does.
        Body::Json(documented) if body.is_null() && empty(documented) => None,
        Body::Json(_) if body.is_null() => {
            Some("sends no body, the example a JSON body".to_string())
        }
        Body::Json(documented) => {
            first_difference(documented, body, "$").map(|d| format!("the body differs: {d}"))
        }
        // (An action whose parameters are all optional, an update of nothing.)
        Body::Empty if !body.is_null() && !empty(body) => {
            Some(format!("sends the body {body}, the example none"))
        }
        // A body that is not JSON is a doc defect its own check reports.
        _ => None,
    }
}
