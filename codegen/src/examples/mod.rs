//! The example check: every `response` and `example` block of the docs, read into the
//! generated type it names and written back, with each failure traced to a cause.
//!
//! Causes that blame the docs (placeholder, type-mismatch, undocumented-type, truncated,
//! invalid-json, not-json) are found before anything runs, from the schema; what still fails
//! in the generated code is a generator bug.

pub mod compare;
mod extract;
pub mod runner;
mod validate;

pub use extract::{extract, Body, ExampleBlock};
pub use runner::RunnerDirs;
pub use validate::{check, fits, is_placeholder, Lookup, Problem, Validator};

use std::collections::{BTreeMap, BTreeSet};
use std::io;

use serde::Serialize;
use serde_json::Value;

use crate::diagnostics::Location;
use crate::parse::Page;
use crate::schema::{Schema, TypeKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Passed,
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
    /// The docs are right and the generated code is not.
    GeneratorBug,
}

impl Cause {
    pub const ALL: [Cause; 7] = [
        Cause::Placeholder,
        Cause::TypeMismatch,
        Cause::UndocumentedType,
        Cause::Truncated,
        Cause::InvalidJson,
        Cause::NotJson,
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
            Cause::GeneratorBug => "generator-bug",
        }
    }
}

/// What became of one example.
#[derive(Debug, Clone, Serialize)]
pub struct ExampleResult {
    pub source: Location,
    pub version: String,
    #[serde(rename = "type")]
    pub type_name: Option<String>,
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
}

/// Figures of one version (or of all).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub found: usize,
    pub typed: usize,
    pub passed: usize,
    pub passed_by_override: usize,
    pub skipped: usize,
    pub failed: BTreeMap<&'static str, usize>,
}

impl Report {
    pub fn figures(&self, version: Option<&str>) -> Figures {
        let mut f = Figures::default();
        for e in self
            .examples
            .iter()
            .filter(|e| version.is_none_or(|v| v == e.version))
        {
            f.found += 1;
            match e.outcome {
                Outcome::Skipped => f.skipped += 1,
                Outcome::Passed => {
                    f.typed += 1;
                    f.passed += 1;
                    f.passed_by_override += usize::from(e.by_override);
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

/// A decision reached before running anything.
enum Verdict {
    Done(Outcome, Option<Cause>, String),
    /// Items to round-trip: (path, concrete type index, value).
    Run(Vec<(String, usize, Value)>),
}

/// Checks every example of `pages`. `schema` is the model with overrides applied;
/// `plain` the one without, to tell which examples pass only thanks to an override.
pub fn run(
    pages: &[Page],
    schema: &Schema,
    plain: &Schema,
    dirs: &RunnerDirs,
) -> io::Result<Report> {
    let lookup = Lookup::new(schema);
    let plain_lookup = Lookup::new(plain);
    let blocks = extract(pages);
    let verdicts: Vec<Verdict> = blocks.iter().map(|b| judge(b, schema, &lookup)).collect();

    let mut requests = Vec::new();
    let mut owners = Vec::new();
    let mut types = BTreeSet::new();
    for (i, v) in verdicts.iter().enumerate() {
        if let Verdict::Run(items) = v {
            for (path, t, value) in items {
                types.insert(*t);
                requests.push(runner::Request {
                    version: schema.types[*t].version.clone(),
                    type_name: schema.types[*t].qualified_name(),
                    value: value.clone(),
                });
                owners.push((i, path.clone()));
            }
        }
    }
    let answers = if requests.is_empty() {
        Vec::new()
    } else {
        let types: Vec<usize> = types.into_iter().collect();
        runner::run(schema, &types, &requests, dirs)?
    };
    // The first failing item of each example decides its outcome.
    let mut failures: BTreeMap<usize, String> = BTreeMap::new();
    for ((i, path), (request, answer)) in owners.iter().zip(requests.iter().zip(&answers)) {
        if failures.contains_key(i) {
            continue;
        }
        let problem = match answer {
            Err(e) => Some(format!(
                "{path} does not read as {}: {e}",
                request.type_name
            )),
            Ok(written) => compare::first_difference(&request.value, written, path)
                .map(|d| format!("round trip through {} changed it: {d}", request.type_name)),
        };
        if let Some(p) = problem {
            failures.insert(*i, p);
        }
    }

    let examples = blocks
        .iter()
        .zip(verdicts)
        .enumerate()
        .map(|(i, (block, verdict))| {
            let (outcome, cause, evidence) = match verdict {
                Verdict::Done(o, c, e) => (o, c, e),
                Verdict::Run(items) => match failures.remove(&i) {
                    Some(e) => (Outcome::Failed, Some(Cause::GeneratorBug), e),
                    None => (
                        Outcome::Passed,
                        None,
                        format!("{} item(s) read and written back unchanged", items.len()),
                    ),
                },
            };
            let by_override = outcome == Outcome::Passed
                && matches!(
                    judge(block, plain, &plain_lookup),
                    Verdict::Done(Outcome::Failed, ..)
                );
            ExampleResult {
                source: block.source.clone(),
                version: block.version.clone(),
                type_name: block.declared_type.clone(),
                outcome,
                cause,
                evidence,
                by_override,
            }
        })
        .collect();
    Ok(Report { examples })
}

/// Times reading every example body that passes the check into its generated type, against
/// reading the same bodies into `serde_json::Value` (optimised build, best of `rounds`).
pub fn bench_typed_reads(
    pages: &[Page],
    schema: &Schema,
    report: &Report,
    dirs: &RunnerDirs,
    rounds: usize,
) -> io::Result<Value> {
    let lookup = Lookup::new(schema);
    let passed: BTreeSet<&Location> = report
        .examples
        .iter()
        .filter(|e| e.outcome == Outcome::Passed)
        .map(|e| &e.source)
        .collect();
    let mut requests = Vec::new();
    let mut types = BTreeSet::new();
    for block in extract(pages).iter().filter(|b| passed.contains(&b.source)) {
        if let Verdict::Run(items) = judge(block, schema, &lookup) {
            for (_, t, value) in items {
                types.insert(t);
                requests.push(runner::Request {
                    version: schema.types[t].version.clone(),
                    type_name: schema.types[t].qualified_name(),
                    value,
                });
            }
        }
    }
    let types: Vec<usize> = types.into_iter().collect();
    runner::bench(schema, &types, &requests, dirs, rounds)
}

/// What can be decided from the docs alone.
fn judge(block: &ExampleBlock, schema: &Schema, lookup: &Lookup) -> Verdict {
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
    let items = match block.items(body) {
        Ok(items) => items,
        Err(why) => {
            return failed(
                Cause::TypeMismatch,
                format!(
                    "{}:{}: {declared} is declared {why}",
                    block.source.file, block.body_line
                ),
            )
        }
    };
    let declared_index = match lookup.find(&block.version, declared) {
        Some(i) => i,
        None => {
            // Primitive results (`Edm.String`) have no generated type: check the values.
            if let Some(p) = crate::parse::type_ref::primitive(declared) {
                return match items.iter().find(|(_, v)| !fits(p, v)) {
                    Some((path, v)) => failed(
                        Cause::TypeMismatch,
                        format!(
                            "{}:{}: {path} = {v} does not fit {declared}",
                            block.source.file, block.body_line
                        ),
                    ),
                    None => Verdict::Done(Outcome::Passed, None, format!("values fit {declared}")),
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
    if schema.types[declared_index].kind == TypeKind::Enum {
        return match items.iter().find(|(_, v)| !v.is_string()) {
            Some((path, v)) => failed(
                Cause::TypeMismatch,
                format!("{path} = {v} is not a value of enum {declared}"),
            ),
            None => Verdict::Done(Outcome::Passed, None, format!("values of enum {declared}")),
        };
    }
    let validator = Validator {
        schema,
        lookup,
        text: &block.body_text,
        first_line: block.body_line,
    };
    let mut run = Vec::new();
    for (path, item) in items {
        let named = item.get("@odata.type").and_then(Value::as_str);
        let concrete = match named {
            None => declared_index,
            Some(n) => match lookup.find(&block.version, n) {
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
        if let Some(problem) = validator.problems(concrete, item, &path).into_iter().next() {
            let cause = if problem.is_placeholder() {
                Cause::Placeholder
            } else {
                Cause::TypeMismatch
            };
            return failed(
                cause,
                format!(
                    "{}:{}: {}",
                    block.source.file,
                    problem.line,
                    problem.describe()
                ),
            );
        }
        run.push((path, concrete, item.clone()));
    }
    Verdict::Run(run)
}
