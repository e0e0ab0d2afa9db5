//! The example check: every `response` and `example` block of the docs, read into the
//! generated type it names and written back, with each failure traced to a cause.
//!
//! Causes that blame the docs (placeholder, type-mismatch, undocumented-type, truncated,
//! invalid-json, not-json) are found before anything runs, from the schema; what still fails
//! in the generated code is a generator bug.

pub mod compare;
mod extract;
pub mod replay;
mod reproduce;
pub mod requests;
pub mod runner;
mod validate;

pub use extract::{extract, Body, ExampleBlock};
pub use runner::RunnerDirs;
pub use validate::{check, fits, is_placeholder, Problem, Validator};

use std::collections::{BTreeMap, BTreeSet};
use std::io;

use serde::Serialize;
use serde_json::Value;

use crate::diagnostics::Location;
use crate::emit::registry::Entries;
use crate::parse::Page;
use crate::schema::{Schema, TypeId, TypeKind};
use reproduce::Prepared;
use runner::{Answer, Job};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Passed,
    /// Read and written back unchanged, with values that do not fit their declared types
    /// (a doc defect, the cause) kept as they came.
    Tolerated,
    Failed,
    Skipped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cause {
    /// A value stands in for a real one: `"String"`, `"datetime-value"`.
    Placeholder,
    /// A value does not fit the declared type.
    TypeMismatch,
    /// `@odata.type` names a type the docs do not define.
    UndocumentedType,
    /// The body is cut short (`...`) and so is not JSON.
    Truncated,
    /// The body is meant to be JSON and is not.
    InvalidJson,
    /// The body is empty, or text, CSV, binary.
    NotJson,
    /// A request example's method and URL are none of the request lines of the pages.
    UndocumentedRequest,
    /// A request example sends a body its request does not take.
    UnexpectedBody,
    /// The docs are right and the generated code is not.
    GeneratorBug,
}

impl Cause {
    pub const ALL: [Cause; 9] = [
        Cause::Placeholder,
        Cause::TypeMismatch,
        Cause::UndocumentedType,
        Cause::Truncated,
        Cause::InvalidJson,
        Cause::NotJson,
        Cause::UndocumentedRequest,
        Cause::UnexpectedBody,
        Cause::GeneratorBug,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Cause::Placeholder => "placeholder",
            Cause::TypeMismatch => "type-mismatch",
            Cause::UndocumentedType => "undocumented-type",
            Cause::Truncated => "truncated",
            Cause::InvalidJson => "invalid-json",
            Cause::NotJson => "not-json",
            Cause::UndocumentedRequest => "undocumented-request",
            Cause::UnexpectedBody => "unexpected-body",
            Cause::GeneratorBug => "generator-bug",
        }
    }
}

/// What became of one example.
#[derive(Debug, Clone, Serialize)]
pub struct ExampleResult {
    pub source: Location,
    pub version: String,
    /// `response`, `example` or `request`.
    pub block: String,
    #[serde(rename = "type")]
    pub type_name: Option<String>,
    /// For a request: the operation its URL was matched to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    pub outcome: Outcome,
    pub cause: Option<Cause>,
    pub evidence: String,
    /// Passed only because an override corrected the docs.
    #[serde(rename = "override")]
    pub by_override: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub examples: Vec<ExampleResult>,
    /// Each request example's replay: sent by the client, answered its documented response.
    pub replays: Vec<replay::ReplayResult>,
}

/// Figures of one version (or of all).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub found: usize,
    pub typed: usize,
    pub passed: usize,
    pub passed_by_override: usize,
    pub skipped: usize,
    /// Read with values that did not fit kept as they came, by the doc defect behind them.
    pub tolerated: BTreeMap<&'static str, usize>,
    pub failed: BTreeMap<&'static str, usize>,
}

impl Report {
    /// Figures of the response and example blocks of `version` (or of all).
    pub fn figures(&self, version: Option<&str>) -> Figures {
        self.figures_of(version, false)
    }

    /// Figures of the request examples of `version` (or of all): `typed` counts those sent to
    /// Graph, `failed["undocumented-request"]` those whose URL matched no request line.
    pub fn request_figures(&self, version: Option<&str>) -> Figures {
        self.figures_of(version, true)
    }

    fn figures_of(&self, version: Option<&str>, requests: bool) -> Figures {
        let mut f = Figures::default();
        for e in self
            .examples
            .iter()
            .filter(|e| version.is_none_or(|v| v == e.version))
            .filter(|e| (e.block == "request") == requests)
        {
            f.found += 1;
            match e.outcome {
                Outcome::Skipped => f.skipped += 1,
                Outcome::Passed => {
                    f.typed += 1;
                    f.passed += 1;
                    f.passed_by_override += usize::from(e.by_override);
                }
                Outcome::Tolerated => {
                    f.typed += 1;
                    let cause = e.cause.map_or("unknown", Cause::as_str);
                    *f.tolerated.entry(cause).or_default() += 1;
                }
                Outcome::Failed => {
                    f.typed += 1;
                    let cause = e.cause.map_or("unknown", Cause::as_str);
                    *f.failed.entry(cause).or_default() += 1;
                }
            }
        }
        f
    }

    pub fn versions(&self) -> BTreeSet<&str> {
        self.examples.iter().map(|e| e.version.as_str()).collect()
    }

    pub fn generator_bugs(&self) -> impl Iterator<Item = &ExampleResult> {
        self.examples
            .iter()
            .filter(|e| e.cause == Some(Cause::GeneratorBug))
    }
}

/// One item to read through the generated types and write back.
struct RunItem {
    path: String,
    version: String,
    /// The generated type; `None` for a primitive (`Edm.String`).
    type_index: Option<usize>,
    /// Its qualified (or `Edm.*`) name; `Collection(x)` for a page of them.
    type_name: String,
    /// The whole body, read as a collection page of the type.
    page: bool,
    value: Value,
}

/// A decision reached before running anything.
enum Verdict {
    Done(Outcome, Option<Cause>, String),
    /// Items to round-trip, and the doc defect found in their values, if any: those items are
    /// read tolerantly, and what did not fit must come back unchanged.
    Run {
        items: Vec<RunItem>,
        defect: Option<Defect>,
    },
}

/// A doc defect in an example's values.
struct Defect {
    cause: Cause,
    evidence: String,
    /// Whether the generated types must keep some value as not fitting: a value that does
    /// not fit its property; not so for a page whose shape is not a page (no `value`), which
    /// the page envelope keeps whole.
    in_values: bool,
}

/// Checks every example of `pages`. `schema` is the model with overrides applied;
/// `plain` the one without, to tell which examples pass only thanks to an override.
pub fn run(
    pages: &[Page],
    schema: &Schema,
    plain: &Schema,
    dirs: &RunnerDirs,
) -> io::Result<Report> {
    run_with_progress(pages, schema, plain, dirs, &crate::progress::Quiet)
}

/// [`run`], telling `progress` how each long step goes (writing and building the runner
/// package, then running the bodies through it).
pub fn run_with_progress(
    pages: &[Page],
    schema: &Schema,
    plain: &Schema,
    dirs: &RunnerDirs,
    progress: &dyn crate::progress::Progress,
) -> io::Result<Report> {
    let mut blocks = extract(pages);
    let responses = blocks.len();
    // Request examples: their bodies are judged and read as the body type like responses
    // (as blocks after the responses'), their requests built through the operations.
    let request_examples = requests::extract(pages);
    let prepared: Vec<Prepared> = request_examples
        .iter()
        .map(|e| reproduce::prepare(e, schema))
        .collect();
    // Each request example with the response documented after it, replayed.
    let paired = replay::responses(&request_examples, &blocks);
    let plans: Vec<replay::Plan> = request_examples
        .iter()
        .zip(&prepared)
        .zip(&paired)
        .map(|((e, p), at)| replay::plan(e, p, at.map(|b| (b, &blocks[b])), schema))
        .collect();
    let replayed_operations: Vec<Option<usize>> = prepared
        .iter()
        .map(|p| match p {
            Prepared::Send(s) => Some(s.operation),
            Prepared::Done(..) => None,
        })
        .collect();
    let mut body_blocks: Vec<Option<usize>> = Vec::new();
    for p in &prepared {
        match p {
            Prepared::Send(sending) if sending.body.is_some() => {
                body_blocks.push(Some(blocks.len()));
                blocks.extend(sending.body.clone());
            }
            _ => body_blocks.push(None),
        }
    }
    let verdicts: Vec<Verdict> = blocks.iter().map(|b| judge(b, schema)).collect();

    let mut requests = Vec::new();
    let mut owners = Vec::new();
    let mut entries = Entries::default();
    let (mut types, mut page_types) = (BTreeSet::new(), BTreeSet::new());
    for (i, v) in verdicts.iter().enumerate() {
        if let Verdict::Run { items, .. } = v {
            for item in items {
                if item.page {
                    page_types.extend(item.type_index);
                } else {
                    types.extend(item.type_index);
                }
                requests.push(runner::Request {
                    version: item.version.clone(),
                    job: Job::RoundTrip {
                        type_name: item.type_name.clone(),
                        value: item.value.clone(),
                    },
                });
                owners.push((i, item.path.clone()));
            }
        }
    }
    let mut sends: BTreeMap<usize, usize> = BTreeMap::new();
    let mut operations = BTreeSet::new();
    for (r, p) in prepared.iter().enumerate() {
        if let Prepared::Send(sending) = p {
            operations.insert(sending.operation);
            sends.insert(r, requests.len());
            requests.push(runner::Request {
                version: request_examples[r].version.clone(),
                job: Job::Send(sending.input.clone()),
            });
        }
    }
    // Each replay: where its job and response are, or what was decided without running it.
    type Decided = (Outcome, Option<Cause>, String);
    let mut replays: Vec<Result<(usize, usize), Decided>> = Vec::new();
    for (plan, example) in plans.into_iter().zip(&request_examples) {
        replays.push(match plan {
            replay::Plan::Done(o, c, e) => Err((o, c, e)),
            replay::Plan::Replay { job, response } => {
                requests.push(runner::Request {
                    version: example.version.clone(),
                    job: *job,
                });
                Ok((requests.len() - 1, response))
            }
        });
    }
    entries.types = types.into_iter().collect();
    entries.pages = page_types.into_iter().collect();
    entries.operations = operations.into_iter().collect();
    let answers = if requests.is_empty() {
        Vec::new()
    } else {
        runner::run(schema, &entries, &requests, dirs, progress)?
    };
    // The first failing item of each example decides its outcome; the values every item
    // kept as they came are its evidence.
    let mut failures: BTreeMap<usize, String> = BTreeMap::new();
    let mut unfit: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for ((i, path), (request, answer)) in owners.iter().zip(requests.iter().zip(&answers)) {
        if failures.contains_key(i) {
            continue;
        }
        let Job::RoundTrip { type_name, value } = &request.job else {
            continue;
        };
        let problem = match answer {
            Err(e) => Some(format!("{path} does not read as {type_name}: {e}")),
            Ok(Answer::RoundTrip {
                value: written,
                unfit: kept,
            }) => {
                unfit.entry(*i).or_default().extend(
                    kept.iter()
                        .map(|u| format!("{path}{}", u.trim_start_matches('$'))),
                );
                compare::first_difference(value, written, path)
                    .map(|d| format!("round trip through {type_name} changed it: {d}"))
            }
            Ok(Answer::Sent { .. } | Answer::Replayed { .. }) => {
                Some("the runner built a request instead".to_string())
            }
        };
        if let Some(p) = problem {
            failures.insert(*i, p);
        }
    }

    let outcomes: Vec<(Outcome, Option<Cause>, String)> = verdicts
        .into_iter()
        .enumerate()
        .map(|(i, verdict)| {
            block_outcome(
                verdict,
                failures.remove(&i),
                unfit.remove(&i).unwrap_or_default(),
            )
        })
        .collect();
    let by_override = |block: &ExampleBlock, outcome: Outcome| {
        outcome == Outcome::Passed
            && matches!(
                judge(block, plain),
                Verdict::Done(Outcome::Failed, ..)
                    | Verdict::Run {
                        defect: Some(_),
                        ..
                    }
            )
    };
    let mut examples: Vec<ExampleResult> = blocks[..responses]
        .iter()
        .zip(&outcomes)
        .map(|(block, (outcome, cause, evidence))| ExampleResult {
            source: block.source.clone(),
            version: block.version.clone(),
            block: block.block_type.clone(),
            type_name: block.declared_type.clone(),
            operation: None,
            outcome: *outcome,
            cause: *cause,
            evidence: evidence.clone(),
            by_override: by_override(block, *outcome),
        })
        .collect();
    for (r, (example, p)) in request_examples.iter().zip(prepared).enumerate() {
        let body = body_blocks[r].map(|b| (&blocks[b], &outcomes[b]));
        let (operation, (outcome, cause, evidence)) = match p {
            Prepared::Done(o, c, e) => (None, (o, c, e)),
            Prepared::Send(sending) => {
                let o = &schema.operations[sending.operation];
                let answer = sends.get(&r).and_then(|&at| answers.get(at));
                (
                    Some(o.name.clone()),
                    request_outcome(example, o, answer, body.map(|(_, o)| o)),
                )
            }
        };
        examples.push(ExampleResult {
            source: example.source.clone(),
            version: example.version.clone(),
            block: "request".to_string(),
            type_name: body.and_then(|(b, _)| b.declared_type.clone()),
            operation,
            outcome,
            cause,
            evidence,
            by_override: body.is_some_and(|(b, _)| by_override(b, outcome)),
        });
    }
    let replays = replays
        .into_iter()
        .enumerate()
        .map(|(r, planned)| {
            let example = &request_examples[r];
            let operation = replayed_operations[r].map(|o| &schema.operations[o]);
            let (outcome, cause, evidence) = match (&planned, operation) {
                (Err(done), _) => done.clone(),
                (Ok((at, response)), Some(o)) => replay::outcome(
                    &blocks[*response],
                    o,
                    schema,
                    &examples[responses + r],
                    answers.get(*at),
                ),
                (Ok(_), None) => (
                    Outcome::Failed,
                    Some(Cause::GeneratorBug),
                    "replayed with no operation".to_string(),
                ),
            };
            replay::ReplayResult {
                source: example.source.clone(),
                response: planned
                    .as_ref()
                    .ok()
                    .map(|(_, b)| blocks[*b].source.clone())
                    .or_else(|| paired[r].map(|b| blocks[b].source.clone())),
                version: example.version.clone(),
                operation: operation.map(|o| o.name.clone()),
                outcome,
                cause,
                evidence,
            }
        })
        .collect();
    Ok(Report { examples, replays })
}

/// The outcome of a block from its verdict and what the runner made of its items.
fn block_outcome(
    verdict: Verdict,
    failure: Option<String>,
    kept: Vec<String>,
) -> (Outcome, Option<Cause>, String) {
    match verdict {
        Verdict::Done(o, c, e) => (o, c, e),
        Verdict::Run { items, defect } => match (failure, defect) {
            (Some(e), _) => (Outcome::Failed, Some(Cause::GeneratorBug), e),
            (None, None) if kept.is_empty() => (
                Outcome::Passed,
                None,
                format!("{} item(s) read and written back unchanged", items.len()),
            ),
            (None, Some(d)) if kept.is_empty() != d.in_values => (
                Outcome::Tolerated,
                Some(d.cause),
                if kept.is_empty() {
                    format!("{}; read whole, and written back unchanged", d.evidence)
                } else {
                    format!(
                        "{}; read, and written back unchanged, keeping as they came: {}",
                        d.evidence,
                        kept.join("; ")
                    )
                },
            ),
            // The check and the generated types disagree on what fits.
            (None, defect) => (
                Outcome::Failed,
                Some(Cause::GeneratorBug),
                match defect {
                    Some(d) => format!(
                        "{}, but the generated types read {}",
                        d.evidence,
                        if kept.is_empty() {
                            "every value as fitting".to_string()
                        } else {
                            format!("some values as not fitting: {}", kept.join("; "))
                        }
                    ),
                    None => format!(
                        "every value fits its declared type, but the generated types kept some as not fitting: {}",
                        kept.join("; ")
                    ),
                },
            ),
        },
    }
}

/// A request example's outcome: the request its operation's function built must be the
/// documented one; its body's outcome (read as the body type) is the example's, unless the
/// body is a doc defect that also explains a body the function could not reproduce.
fn request_outcome(
    example: &requests::RequestExample,
    operation: &crate::schema::operations::Operation,
    answer: Option<&Result<Answer, String>>,
    body: Option<&(Outcome, Option<Cause>, String)>,
) -> (Outcome, Option<Cause>, String) {
    let bug = |e: String| (Outcome::Failed, Some(Cause::GeneratorBug), e);
    let body_failed =
        body.filter(|(o, c, _)| *o == Outcome::Failed && *c != Some(Cause::GeneratorBug));
    let (method, path, sent_body) = match (answer, body_failed) {
        (Some(Ok(Answer::Sent { method, path, body })), _) => (method, path, body),
        // A body the page does not write as JSON gives the request nothing to be built from.
        (Some(Err(e)), Some((o, c, evidence))) => {
            return (
                *o,
                *c,
                format!(
                    "{} could not be built from the example ({e}): its body {evidence}",
                    operation.name
                ),
            )
        }
        (Some(Err(e)), None) => {
            return bug(format!("{} did not build the request: {e}", operation.name))
        }
        _ => return bug(format!("no request built for {}", operation.name)),
    };
    match reproduce::difference(example, operation.kind, method, path, sent_body) {
        Some(d) if !(d.starts_with("the body") && body_failed.is_some()) => bug(format!(
            "{}'s request is not the example's: {d}",
            operation.name
        )),
        _ => match body {
            Some((o, c, e)) => (
                *o,
                *c,
                format!("request reproduced by {}; body: {e}", operation.name),
            ),
            None => (
                Outcome::Passed,
                None,
                format!("request reproduced by {}", operation.name),
            ),
        },
    }
}

/// Times reading every example body that passes the check into its generated type, against
/// reading the same bodies into `serde_json::Value` (optimised build, best of `rounds`).
pub fn bench_typed_reads(
    pages: &[Page],
    schema: &Schema,
    report: &Report,
    dirs: &RunnerDirs,
    rounds: usize,
    progress: &dyn crate::progress::Progress,
) -> io::Result<Value> {
    let passed: BTreeSet<&Location> = report
        .examples
        .iter()
        .filter(|e| e.outcome == Outcome::Passed)
        .map(|e| &e.source)
        .collect();
    let mut requests = Vec::new();
    let mut entries = Entries::default();
    for block in extract(pages).iter().filter(|b| passed.contains(&b.source)) {
        if let Verdict::Run { items, .. } = judge(block, schema) {
            // Generated object types only: what the benchmark compares with `Value`.
            for item in items.into_iter().filter(|i| {
                i.type_index
                    .is_some_and(|t| schema.types[t].kind != TypeKind::Enum)
            }) {
                let list = if item.page {
                    &mut entries.pages
                } else {
                    &mut entries.types
                };
                list.extend(item.type_index.filter(|t| !list.contains(t)));
                requests.push(runner::Request {
                    version: item.version,
                    job: Job::RoundTrip {
                        type_name: item.type_name,
                        value: item.value,
                    },
                });
            }
        }
    }
    runner::bench(schema, &entries, &requests, dirs, rounds, progress)
}

/// What can be decided from the docs alone.
fn judge(block: &ExampleBlock, schema: &Schema) -> Verdict {
    let failed = |cause, evidence: String| Verdict::Done(Outcome::Failed, Some(cause), evidence);
    let Some(declared) = &block.declared_type else {
        return Verdict::Done(Outcome::Skipped, None, "the block names no type".into());
    };
    let body = match &block.body {
        Body::Json(v) => v,
        Body::Empty => {
            return failed(
                Cause::NotJson,
                format!("{declared} is named, but the body is empty"),
            )
        }
        Body::NotJson(why) => {
            return failed(
                Cause::NotJson,
                format!("{}:{}: {why}", block.source.file, block.body_line),
            )
        }
        Body::InvalidJson {
            error,
            line,
            elided,
        } => {
            let cause = if *elided || block.annotation.truncated {
                Cause::Truncated
            } else {
                Cause::InvalidJson
            };
            let what = if *elided {
                "holds `...` elisions"
            } else {
                "is not valid JSON"
            };
            return failed(
                cause,
                format!("{}:{line}: the body {what}: {error}", block.source.file),
            );
        }
    };
    // A list response (items under `value`) is read whole, as a page of the type, so that
    // `@odata.nextLink` and the rest round-trip too; one that is not shaped as a page is still
    // read whole, the page envelope keeping what it does not know.
    let page = block.collection
        && block
            .annotation
            .collection_property
            .as_deref()
            .is_none_or(|p| p == "value")
        && body.is_object()
        && schema
            .find(&block.version, declared)
            .is_some_and(|t| schema.get(t).kind != TypeKind::Enum);
    let shape_defect = |why: String| Defect {
        cause: Cause::TypeMismatch,
        evidence: format!(
            "{}:{}: {declared} is declared {why}",
            block.source.file, block.body_line
        ),
        in_values: false,
    };
    let (items, mut defect) = match block.items(body) {
        Ok(items) => (items, None),
        Err(why) if page => (Vec::new(), Some(shape_defect(why))),
        Err(why) => {
            // A body declared a collection of a primitive that is no collection: read whole as
            // that collection, which keeps it as it came (as a property of the type would).
            return match crate::parse::type_ref::primitive(declared) {
                Some(p) => Verdict::Run {
                    items: vec![RunItem {
                        path: "$".to_string(),
                        version: block.version.clone(),
                        type_index: None,
                        type_name: format!("Collection({})", p.csdl_name()),
                        page: false,
                        value: body.clone(),
                    }],
                    defect: Some(Defect {
                        in_values: true,
                        ..shape_defect(why)
                    }),
                },
                None => failed(Cause::TypeMismatch, shape_defect(why).evidence),
            };
        }
    };
    let item = |path: &str, type_index: Option<usize>, type_name: String, value: &Value| RunItem {
        path: path.to_string(),
        version: block.version.clone(),
        type_index,
        type_name,
        page: false,
        value: value.clone(),
    };
    let declared_index = match schema.find(&block.version, declared).map(TypeId::index) {
        Some(i) => i,
        None => {
            // Primitive results (`Edm.String`): read as a property of that type.
            if let Some(p) = crate::parse::type_ref::primitive(declared) {
                let defect = items.iter().find(|(_, v)| !fits(p, v)).map(|(path, v)| {
                    let cause = if v.as_str().is_some_and(is_placeholder) {
                        Cause::Placeholder
                    } else {
                        Cause::TypeMismatch
                    };
                    Defect {
                        cause,
                        evidence: format!(
                            "{}:{}: {path} = {v} does not fit {declared}",
                            block.source.file, block.body_line
                        ),
                        in_values: true,
                    }
                });
                return Verdict::Run {
                    items: items
                        .iter()
                        .map(|(path, v)| item(path, None, p.csdl_name().to_string(), v))
                        .collect(),
                    defect,
                };
            }
            return failed(
                Cause::UndocumentedType,
                format!(
                    "{}: declared type {declared} is documented nowhere in {}",
                    block.source, block.version
                ),
            );
        }
    };
    let declared_name = schema.types[declared_index].qualified_name();
    if schema.types[declared_index].kind == TypeKind::Enum {
        let defect = items
            .iter()
            .find(|(_, v)| !v.is_string())
            .map(|(path, v)| Defect {
                cause: Cause::TypeMismatch,
                evidence: format!("{path} = {v} is not a value of enum {declared}"),
                in_values: true,
            });
        return Verdict::Run {
            items: items
                .iter()
                .map(|(path, v)| item(path, Some(declared_index), declared_name.clone(), v))
                .collect(),
            defect,
        };
    }
    let validator = Validator {
        schema,
        text: &block.body_text,
        first_line: block.body_line,
    };
    let mut run = Vec::new();
    for (path, value) in items {
        let named = value.get("@odata.type").and_then(Value::as_str);
        let concrete = match named {
            None => declared_index,
            Some(n) => match schema.find(&block.version, n).map(TypeId::index) {
                Some(t) if schema.types[t].kind != TypeKind::Enum => t,
                _ => {
                    return failed(
                        Cause::UndocumentedType,
                        format!(
                            "{}:{}: {path}.@odata.type = {n:?} names no documented type",
                            block.source.file, block.body_line
                        ),
                    );
                }
            },
        };
        if defect.is_none() {
            if let Some(problem) = validator
                .problems(concrete, value, &path)
                .into_iter()
                .next()
            {
                let cause = if problem.is_placeholder() {
                    Cause::Placeholder
                } else {
                    Cause::TypeMismatch
                };
                defect = Some(Defect {
                    cause,
                    evidence: format!(
                        "{}:{}: {}",
                        block.source.file,
                        problem.line,
                        problem.describe()
                    ),
                    in_values: true,
                });
            }
        }
        run.push(item(
            &path,
            Some(concrete),
            schema.types[concrete].qualified_name(),
            value,
        ));
    }
    if page {
        run = vec![RunItem {
            path: "$".to_string(),
            version: block.version.clone(),
            type_index: Some(declared_index),
            type_name: format!("Collection({declared_name})"),
            page: true,
            value: body.clone(),
        }];
    }
    Verdict::Run { items: run, defect }
}
