//! Replay: each request example of the API pages with the response documented after it, the
//! request built by the generated operation from the example's own values, sent by the
//! runtime's client to a server on 127.0.0.1 (in the runner) that answers the documented
//! response when it receives the documented request (method, path, query, body equal as
//! values) and 404 otherwise, and the answer read into the operation's type and written back.
//!
//! What can be told from the docs is decided first: a request not sent to Graph or with no
//! response after it is not replayed (skipped); a request the request check fails fails the
//! same way; a response that cannot be what the operation answers (no JSON where it reads
//! JSON, no number for a `$count`) is a doc defect. What still goes wrong is a generator bug.

use serde::Serialize;
use serde_json::{json, Value};

use super::compare::first_difference;
use super::extract::{Body, ExampleBlock};
use super::reproduce::Prepared;
use super::requests::{self, RequestExample};
use super::runner::{Answer, Job};
use super::{Cause, ExampleResult, Figures, Outcome};
use crate::diagnostics::Location;
use crate::schema::operations::{Operation, OperationKind};
use crate::schema::{Primitive, Schema, TypeKind, TypeRef};

/// What became of one request example's replay.
#[derive(Debug, Clone, Serialize)]
pub struct ReplayResult {
    /// The request block.
    pub source: Location,
    /// The response block answered, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<Location>,
    pub version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    pub outcome: Outcome,
    pub cause: Option<Cause>,
    pub evidence: String,
}

/// Figures of the replays of `version` (or of all): `typed` counts the pairs replayed or
/// failed for a cause, `skipped` those with no request to Graph or no response to answer.
pub fn figures(results: &[ReplayResult], version: Option<&str>) -> Figures {
    let mut f = Figures::default();
    for r in results
        .iter()
        .filter(|r| version.is_none_or(|v| v == r.version))
    {
        f.found += 1;
        let cause = r.cause.map_or("unknown", Cause::as_str);
        match r.outcome {
            Outcome::Skipped => f.skipped += 1,
            Outcome::Passed => {
                f.typed += 1;
                f.passed += 1;
            }
            Outcome::Tolerated => {
                f.typed += 1;
                *f.tolerated.entry(cause).or_default() += 1;
            }
            Outcome::Failed => {
                f.typed += 1;
                *f.failed.entry(cause).or_default() += 1;
            }
        }
    }
    f
}

/// What the operation's answer reads into.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reads {
    Json,
    /// One primitive or enum value, in OData's `{"value": x}` (`rt::ValueOf`).
    Value,
    Nothing,
    Content,
    Count,
}

fn reads(o: &Operation, schema: &Schema) -> Reads {
    match (o.kind, &o.response.body) {
        (OperationKind::Count, _) => Reads::Count,
        (OperationKind::ReadContent, _) => Reads::Content,
        (_, Some(p)) if p.ty.is(Primitive::Stream) => Reads::Content,
        // As the emitted answer (`emit::operations`): a primitive or an enum member alone.
        (_, Some(p))
            if !p.collection
                && match &p.ty {
                    TypeRef::Primitive(q) => *q != Primitive::Untyped,
                    TypeRef::Named(id) => schema.get(id).kind == TypeKind::Enum,
                } =>
        {
            Reads::Value
        }
        (_, Some(_)) => Reads::Json,
        (_, None) => Reads::Nothing,
    }
}

/// The response block documented after each request example on its page (before the next
/// request), by index into `blocks`.
pub fn responses(examples: &[RequestExample], blocks: &[ExampleBlock]) -> Vec<Option<usize>> {
    examples
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let line = e.source.line;
            let next = examples[i + 1..]
                .iter()
                .find(|n| n.page == e.page && n.source.line > line)
                .map_or(usize::MAX, |n| n.source.line);
            blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| {
                    b.block_type == "response"
                        && b.source.file == e.page
                        && b.source.line > line
                        && b.source.line < next
                })
                .min_by_key(|(_, b)| b.source.line)
                .map(|(at, _)| at)
        })
        .collect()
}

/// What is known of a pair before running.
pub enum Plan {
    Done(Outcome, Option<Cause>, String),
    /// Replay it with `job`; `response` is the documented response's block.
    Replay {
        job: Box<Job>,
        response: usize,
    },
}

/// Decides what can be decided of a request example and its response from the docs, and
/// otherwise gives the runner's job.
pub fn plan(
    example: &RequestExample,
    prepared: &Prepared,
    response: Option<(usize, &ExampleBlock)>,
    schema: &Schema,
) -> Plan {
    let sending = match prepared {
        Prepared::Done(Outcome::Skipped, c, e) => {
            return Plan::Done(Outcome::Skipped, *c, format!("the request: {e}"))
        }
        Prepared::Done(o, c, e) => return Plan::Done(*o, *c, format!("the request: {e}")),
        Prepared::Send(sending) => sending,
    };
    let Some((at, block)) = response else {
        return Plan::Done(
            Outcome::Skipped,
            None,
            format!(
                "{}: no response is documented after the request",
                example.source
            ),
        );
    };
    let operation = &schema.operations[sending.operation];
    let reads = reads(operation, schema);
    let status = block.status.unwrap_or(200);
    let defect = |cause, why: String| {
        Plan::Done(
            Outcome::Failed,
            Some(cause),
            format!("{}:{}: {why}", block.source.file, block.body_line),
        )
    };
    // An error status is read as Graph's error whatever the operation answers.
    if status < 400 {
        match (reads, &block.body) {
            (Reads::Json | Reads::Value, Body::Empty) => {
                return defect(
                    Cause::NotJson,
                    format!(
                        "{} answers JSON, the documented response has no body",
                        operation.name
                    ),
                )
            }
            (Reads::Json | Reads::Value, Body::NotJson(why)) => {
                return defect(
                    Cause::NotJson,
                    format!(
                        "{} answers JSON, the documented response is not: {why}",
                        operation.name
                    ),
                )
            }
            (Reads::Json | Reads::Value, Body::InvalidJson { error, elided, .. }) => {
                let cause = if *elided || block.annotation.truncated {
                    Cause::Truncated
                } else {
                    Cause::InvalidJson
                };
                return defect(cause, format!("the documented response: {error}"));
            }
            // One primitive value: the documented value must be of the documented type (the
            // pages that declare `"@odata.type": "string"` and say and show a Boolean).
            (Reads::Value, Body::Json(documented)) => {
                let value = match documented {
                    Value::Object(o) if o.contains_key("value") => &o["value"],
                    bare => bare,
                };
                if let Some(TypeRef::Primitive(p)) = operation.response.body.as_ref().map(|b| &b.ty)
                {
                    if !super::validate::fits(*p, value) {
                        return defect(
                            Cause::TypeMismatch,
                            format!(
                                "{} answers one Edm.{p:?} value, the documented response's value {value} is none",
                                operation.name
                            ),
                        );
                    }
                }
            }
            (Reads::Count, _) if block.body_text.trim().parse::<u64>().is_err() => {
                return defect(
                    Cause::TypeMismatch,
                    format!(
                        "a $count answers a number, the documented response is {:?}",
                        block.body_text.trim().chars().take(40).collect::<String>()
                    ),
                )
            }
            _ => {}
        }
    }
    Plan::Replay {
        job: Box::new(Job::Replay {
            input: sending.input.clone(),
            expected: expected(example, operation, block, status),
        }),
        response: at,
    }
}

/// What the runner's server expects and answers (see `templates/replay.rs`).
fn expected(
    example: &RequestExample,
    operation: &Operation,
    block: &ExampleBlock,
    status: u16,
) -> Value {
    let (path, query) = requests::split_url(&example.target);
    let path = requests::decode(&path)
        .trim_end_matches('/')
        .to_ascii_lowercase();
    let mut query: Vec<(String, String)> = requests::query_pairs(query)
        .into_iter()
        .map(|(n, v)| (n.to_ascii_lowercase(), v))
        .collect();
    query.sort();
    let content =
        (operation.kind == OperationKind::WriteContent).then(|| example.body_text.clone());
    let content_type = match &block.body {
        Body::Json(_) | Body::InvalidJson { .. } => Some("application/json"),
        Body::NotJson(_) => Some("application/octet-stream"),
        Body::Empty => None,
    };
    json!({
        "version": example.version,
        "request": {
            "method": example.method.map_or("", |m| m.as_str()),
            "path": path,
            "query": query,
            "body": requests::json_body(example).cloned().unwrap_or(Value::Null),
            "content": content,
        },
        "response": {
            "status": status,
            "contentType": content_type,
            "body": block.body_text,
        },
    })
}

/// The error code of the runner's server answering a request other than the documented one
/// (`templates/replay.rs`).
const NOT_THE_DOCUMENTED_REQUEST: &str = "notTheDocumentedRequest";

/// The outcome of a replayed pair: the request check's failure when it failed (the same
/// request is replayed), else what the answer read into, written back, against the
/// documented response.
pub fn outcome(
    block: &ExampleBlock,
    operation: &Operation,
    schema: &Schema,
    request: &ExampleResult,
    answer: Option<&Result<Answer, String>>,
) -> (Outcome, Option<Cause>, String) {
    if request.outcome == Outcome::Failed {
        return (
            Outcome::Failed,
            request.cause,
            format!("the request: {}", request.evidence),
        );
    }
    let bug = |e: String| (Outcome::Failed, Some(Cause::GeneratorBug), e);
    let replay = match answer {
        Some(Ok(Answer::Replayed { replay })) => replay,
        Some(Err(e)) => return bug(format!("{} was not replayed: {e}", operation.name)),
        _ => return bug(format!("no replay of {}", operation.name)),
    };
    let status = block.status.unwrap_or(200);
    let reads = reads(operation, schema);
    let passed = |what: String| (Outcome::Passed, None, format!("{} {what}", operation.name));
    if let Some(error) = replay.get("error").and_then(Value::as_str) {
        let got = replay["status"].as_u64();
        // The server's own 404 for a request other than the documented one is no documented
        // 404 answered.
        let not_received = got == Some(404) && replay["code"] == NOT_THE_DOCUMENTED_REQUEST;
        return if status >= 400 && got == Some(u64::from(status)) && !not_received {
            passed(format!(
                "answered the documented {status}, read as an error{}",
                if replay["odataError"].as_bool() == Some(true) {
                    " with Graph's error body"
                } else {
                    ""
                }
            ))
        } else if not_received {
            bug(format!(
                "the server did not receive the documented request from {}: {}",
                operation.name,
                replay["message"].as_str().unwrap_or_default()
            ))
        } else {
            bug(format!("{}'s answer did not read: {error}", operation.name))
        };
    }
    let value = &replay["value"];
    if status >= 400 {
        return bug(format!(
            "the documented {status} was read as a success: {value}"
        ));
    }
    match (reads, &block.body) {
        (Reads::Json, Body::Json(documented)) => match first_difference(documented, value, "$") {
            None => passed("answered, read into its type and written back unchanged".into()),
            Some(d) => bug(format!(
                "{}'s answer read into its type changed it: {d}",
                operation.name
            )),
        },
        (Reads::Value, Body::Json(documented)) => {
            let documented = match documented {
                Value::Object(o) if o.contains_key("value") => &o["value"],
                bare => bare,
            };
            match first_difference(documented, value, "$.value") {
                None => passed("answered, its value read and written back unchanged".into()),
                Some(d) => bug(format!(
                    "{}'s answer read as its value changed it: {d}",
                    operation.name
                )),
            }
        }
        (Reads::Nothing, Body::Json(_) | Body::NotJson(_) | Body::InvalidJson { .. }) => passed(
            "answered; the operation reads nothing, so the documented body is not read".into(),
        ),
        (Reads::Nothing, Body::Empty) => passed("answered with nothing to read".into()),
        (Reads::Content, _) => {
            let bytes: Vec<u8> = value
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_u64)
                        .map(|b| b as u8)
                        .collect()
                })
                .unwrap_or_default();
            if bytes == block.body_text.as_bytes() {
                passed("answered, its content read as it came".into())
            } else {
                bug(format!(
                    "{}'s content did not come back as sent",
                    operation.name
                ))
            }
        }
        (Reads::Count, _) => {
            if value.as_u64() == block.body_text.trim().parse().ok() {
                passed("answered, its count read".into())
            } else {
                bug(format!("{}'s count read as {value}", operation.name))
            }
        }
        (Reads::Json | Reads::Value, _) => bug(format!(
            "{} read an answer the docs say is no JSON: {value}",
            operation.name
        )),
    }
}

/// The runner's manifest with what the replay needs: the runtime's client, tokio and hyper for
/// the server on 127.0.0.1.
pub fn with_replay_dependencies(manifest: &str) -> String {
    let mut out = String::with_capacity(manifest.len() + 400);
    for line in manifest.lines() {
        match line.strip_prefix("graph-docs-runtime = ") {
            Some(spec) if spec.starts_with('{') => {
                out.push_str(&format!(
                    "graph-docs-runtime = {{ {}, features = [\"client\"] }}",
                    spec.trim_start_matches('{').trim_end_matches('}').trim()
                ));
            }
            Some(version) => out.push_str(&format!(
                "graph-docs-runtime = {{ version = {version}, features = [\"client\"] }}"
            )),
            None => out.push_str(line),
        }
        out.push('\n');
        if line == "[dependencies]" {
            out.push_str(concat!(
                "# The replay: a server on 127.0.0.1 and the runtime's client.\n",
                "tokio = { version = \"1\", features = [\"rt\", \"net\", \"time\"] }\n",
                "hyper = { version = \"1\", features = [\"server\", \"http1\"] }\n",
                "hyper-util = { version = \"0.1\", features = [\"tokio\"] }\n",
                "http-body-util = \"0.1\"\n",
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runner_depends_on_the_client_and_a_server() {
        let by_path = with_replay_dependencies(
            "[dependencies]\nserde_json = \"1\"\ngraph-docs-runtime = { path = \"/r/runtime\" }\n",
        );
        assert!(by_path
            .contains("graph-docs-runtime = { path = \"/r/runtime\", features = [\"client\"] }"));
        assert!(by_path.contains("hyper = "));
        let by_version = with_replay_dependencies("[dependencies]\ngraph-docs-runtime = \"0.1\"\n");
        assert!(by_version
            .contains("graph-docs-runtime = { version = \"0.1\", features = [\"client\"] }"));
    }
}
