//! Runs example bodies through the generated types: writes a cargo package holding the
//! models, a registry of round trips and a small binary, builds it, and feeds it the bodies.

use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{json, Value};

use crate::emit::registry::Entries;
use crate::emit::{Emitter, IncludeStyle};
use crate::files;
use crate::progress::Progress;
use crate::schema::Schema;

/// One job for the runner, in a version.
pub struct Request {
    pub version: String,
    pub job: Job,
}

pub enum Job {
    /// Read `value` as the type and write it back.
    RoundTrip { type_name: String, value: Value },
    /// Build the request of a documented request example through the operation's function.
    Send(SendInput),
    /// Build the request likewise, send it with the client to the runner's replay server,
    /// which answers `expected`'s documented response to its documented request, and read the
    /// answer into the operation's type (see [`super::replay`]).
    Replay { input: SendInput, expected: Value },
}

/// What a request example gives its operation's function.
#[derive(Debug, Clone, PartialEq)]
pub struct SendInput {
    /// The operation's name in its version.
    pub operation: String,
    /// Which of the function's path forms.
    pub form: usize,
    /// The values of the form's placeholders, in order, decoded.
    pub values: Vec<String>,
    /// The arguments of the URL's function call, by name, unquoted.
    pub arguments: Vec<(String, String)>,
    /// The query, by name, decoded.
    pub query: Vec<(String, String)>,
    /// The JSON body, or `null`.
    pub body: Value,
    /// The body as written (content sent as it is).
    pub body_text: String,
    pub content_type: Option<String>,
}

impl Request {
    fn line(&self, id: usize) -> String {
        match &self.job {
            Job::RoundTrip { type_name, value } => {
                json!({"id": id, "version": self.version, "type": type_name, "value": value})
            }
            Job::Send(s) => Self::send_line(id, &self.version, s),
            Job::Replay { input, expected } => {
                let mut line = Self::send_line(id, &self.version, input);
                line["replay"] = expected.clone();
                line
            }
        }
        .to_string()
    }

    fn send_line(id: usize, version: &str, s: &SendInput) -> Value {
        json!({
                "id": id,
                "version": version,
                "operation": s.operation,
                "form": s.form,
                "values": s.values,
                "arguments": s.arguments,
                "query": s.query,
                "body": s.body,
                "bodyText": s.body_text,
                "contentType": s.content_type,
        })
    }
}

/// Where the runner package and its build go.
#[derive(Debug, Clone)]
pub struct RunnerDirs {
    pub package: PathBuf,
    pub target: PathBuf,
    /// A `Cargo.lock` to start from, for reproducible dependency versions.
    pub lock_file: Option<PathBuf>,
    /// Where the runner package takes `graph-docs-runtime` from.
    pub runtime: crate::package::Runtime,
}

/// What the generated code made of one job.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    RoundTrip {
        /// The value written back.
        value: Value,
        /// The values that did not fit their declared types (kept as they came), described.
        unfit: Vec<String>,
    },
    /// The request the operation's function built.
    Sent {
        method: String,
        /// Path and query, encoded.
        path: String,
        /// The JSON body, `null` for none; content as a string.
        body: Value,
    },
    /// A replayed request: `{"value"}`, the answer read into its type and written back, or
    /// `{"error", "status", ...}` (see the runner's `replay.rs`).
    Replayed { replay: Value },
}

/// What the generated types made of each request: the answer, or the read error.
pub fn run(
    schema: &Schema,
    entries: &Entries,
    requests: &[Request],
    dirs: &RunnerDirs,
    progress: &dyn Progress,
) -> io::Result<Vec<Result<Answer, String>>> {
    let binary = build(schema, entries, dirs, false, progress)?;
    let mut answers: Vec<Result<Answer, String>> =
        vec![Err("no answer from the runner".into()); requests.len()];
    progress.start(
        "reading and writing back each example body, building each example request",
        Some(requests.len() as u64),
    );
    let lines = exchange(&binary, &[], requests, &|n| {
        progress.update(n, "through the generated code")
    })?;
    progress.finish(&format!(
        "{} examples through the generated code",
        lines.len()
    ));
    for line in lines {
        let answer: Value = serde_json::from_str(&line).map_err(io::Error::other)?;
        let Some(id) = answer["id"]
            .as_u64()
            .map(|i| i as usize)
            .filter(|&i| i < answers.len())
        else {
            continue;
        };
        answers[id] = match answer.get("error").and_then(Value::as_str) {
            Some(e) => Err(e.to_string()),
            None if answer.get("replay").is_some() => Ok(Answer::Replayed {
                replay: answer["replay"].clone(),
            }),
            None if answer.get("method").is_some() => Ok(Answer::Sent {
                method: answer["method"].as_str().unwrap_or_default().to_string(),
                path: answer["path"].as_str().unwrap_or_default().to_string(),
                body: answer["body"].clone(),
            }),
            None => Ok(Answer::RoundTrip {
                value: answer["value"].clone(),
                unfit: answer["unfit"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default(),
            }),
        };
    }
    Ok(answers)
}

/// Times reading the request bodies into their generated types against reading them into
/// `serde_json::Value`, in an optimised build: the figures the runner prints.
pub fn bench(
    schema: &Schema,
    entries: &Entries,
    requests: &[Request],
    dirs: &RunnerDirs,
    rounds: usize,
    progress: &dyn Progress,
) -> io::Result<Value> {
    let binary = build(schema, entries, dirs, true, progress)?;
    progress.start(
        &format!("timing typed reads, best of {rounds} rounds"),
        None,
    );
    let rounds = rounds.to_string();
    let lines = exchange(&binary, &["bench", &rounds], requests, &|_| {})?;
    progress.finish("timed");
    let last = lines
        .last()
        .ok_or_else(|| io::Error::other("the benchmark printed nothing"))?;
    serde_json::from_str(last).map_err(io::Error::other)
}

/// Writes the runner package and builds it; returns the binary.
fn build(
    schema: &Schema,
    entries: &Entries,
    dirs: &RunnerDirs,
    release: bool,
    progress: &dyn Progress,
) -> io::Result<PathBuf> {
    let name = binary_name(&dirs.package);
    progress.start(
        &format!(
            "writing the runner package ({} types) in {}",
            entries.types.len() + entries.pages.len(),
            dirs.package.display()
        ),
        None,
    );
    write_package(schema, entries, dirs, &name)?;
    progress.finish("written");
    // cargo runs in the package folder: a relative target folder would land inside it.
    let target = std::path::absolute(&dirs.target)?;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(&cargo);
    // Not quiet: cargo's `Compiling x` lines are the progress of the build.
    command.args(["build", "--color", "never", "--bin", &name]);
    if !entries.operations.is_empty() {
        command.args(["--features", "operations"]);
    }
    if release {
        command.arg("--release");
    }
    let profile = if release { "release" } else { "debug" };
    progress.start(
        &format!("building the runner ({profile}; the first build takes minutes)"),
        None,
    );
    let mut child = command
        .current_dir(&dirs.package)
        .env("CARGO_TARGET_DIR", &target)
        .env("CARGO_TERM_PROGRESS_WHEN", "never")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(files::context("run cargo to build", &dirs.package))?;
    let stderr = child.stderr.take().expect("stderr is piped");
    let mut log = String::new();
    let mut compiled = 0;
    for line in BufReader::new(stderr).lines() {
        let line = line?;
        if let Some(krate) = line.trim_start().strip_prefix("Compiling ") {
            compiled += 1;
            progress.update(compiled, krate);
        }
        log.push_str(&line);
        log.push('\n');
    }
    let status = child.wait()?;
    if !status.success() {
        return Err(io::Error::other(format!(
            "the generated types do not compile (a generator bug):\n{log}"
        )));
    }
    progress.finish(&match compiled {
        0 => "up to date".to_string(),
        n => format!("built ({n} crates compiled)"),
    });
    Ok(target.join(profile).join(&name))
}

/// Feeds the requests to the runner, one JSON line each, and collects what it prints;
/// `answered` is told how many lines came so far.
fn exchange(
    binary: &Path,
    args: &[&str],
    requests: &[Request],
    answered: &dyn Fn(u64),
) -> io::Result<Vec<String>> {
    let mut child = Command::new(binary)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let lines: Vec<String> = requests
        .iter()
        .enumerate()
        .map(|(id, r)| r.line(id))
        .collect();
    // For profiling the runner by hand (`perf record BINARY bench N < FILE`).
    if let Some(file) = std::env::var_os("GRAPH_DOCS_RUNNER_INPUT") {
        std::fs::write(file, lines.join("\n") + "\n")?;
    }
    let writer = std::thread::spawn(move || -> io::Result<()> {
        let mut stdin = io::BufWriter::new(&mut stdin);
        for line in lines {
            writeln!(stdin, "{line}")?;
        }
        stdin.flush()
    });
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut output = Vec::with_capacity(requests.len());
    for line in BufReader::new(stdout).lines() {
        output.push(line?);
        answered(output.len() as u64);
    }
    writer
        .join()
        .map_err(|_| io::Error::other("runner input thread panicked"))??;
    let status = child.wait()?;
    if !status.success() {
        return Err(io::Error::other(format!(
            "the example runner failed: {status}"
        )));
    }
    Ok(output)
}

/// Runners sharing a target folder need binaries of their own names.
fn binary_name(package: &Path) -> String {
    let dir = package
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let dir: String = dir
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("graph-docs-examples-{}", dir.trim_matches('-'))
}

fn write_package(
    schema: &Schema,
    entries: &Entries,
    dirs: &RunnerDirs,
    name: &str,
) -> io::Result<()> {
    let src = dirs.package.join("src");
    files::create_dir_all(&src)?;
    let output = Emitter::new(schema).emit_with_registry(IncludeStyle::Relative, entries);
    for (name, contents) in &output.files {
        files::write_if_changed(&src.join(name), contents)?;
    }
    files::write_if_changed(
        &src.join("main.rs"),
        include_str!("../../templates/runner.rs"),
    )?;
    files::write_if_changed(
        &src.join("replay.rs"),
        include_str!("../../templates/replay.rs"),
    )?;
    let manifest = crate::package::manifest(name, schema, &dirs.runtime).replace(
        "[lib]\npath = \"src/lib.rs\"",
        &format!("[[bin]]\nname = \"{name}\"\npath = \"src/main.rs\""),
    );
    let manifest = super::replay::with_replay_dependencies(&manifest);
    files::write_if_changed(&dirs.package.join("Cargo.toml"), &manifest)?;
    if let Some(lock) = &dirs.lock_file {
        if !dirs.package.join("Cargo.lock").exists() {
            std::fs::copy(lock, dirs.package.join("Cargo.lock"))
                .map_err(files::context("copy the lock file", lock))?;
        }
    }
    Ok(())
}
