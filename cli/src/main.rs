//! The `graph-docs-codegen` command: a thin front end over the engine crate
//! `graph-docs-codegen`. Everything but argument parsing and terminal rendering is there.

mod progress;
mod render;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use graph_docs_codegen::diff::{self, source::Side};
use graph_docs_codegen::emit::IncludeStyle;
use graph_docs_codegen::examples::{self, Outcome, RunnerDirs};
use graph_docs_codegen::package::Runtime;
use graph_docs_codegen::schema::TypeKind;
use graph_docs_codegen::{Config, Diagnostic, Severity};

#[derive(Parser)]
#[command(
    version,
    about = "Rust model types from the Microsoft Graph reference documentation"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct Docs {
    /// Docs folder: a checkout of microsoft-graph-docs, its api-reference/ folder, a folder
    /// of version folders (beta/resources/x.md, v1.0/...), or one version folder.
    #[arg(required = true)]
    docs_dirs: Vec<PathBuf>,
    /// Overrides file to use instead of overrides.toml in the docs folders.
    #[arg(long, conflicts_with = "no_overrides")]
    overrides: Option<PathBuf>,
    /// Apply no overrides: follow the pages exactly.
    #[arg(long)]
    no_overrides: bool,
}

/// Where generated packages take the runtime crate `graph-docs-runtime` from.
#[derive(clap::Args)]
struct RuntimeSource {
    /// Path dependency on this `runtime/` folder [default: the runtime folder of the
    /// checkout this command was built from].
    #[arg(long, value_name = "PATH", conflicts_with = "runtime_version")]
    runtime_path: Option<PathBuf>,
    /// Depend on this crates.io version of graph-docs-runtime instead of a path (once it is
    /// published), e.g. `0.1`.
    #[arg(long, value_name = "VERSION")]
    runtime_version: Option<String>,
}

impl RuntimeSource {
    fn runtime(&self) -> std::io::Result<Runtime> {
        Ok(match (&self.runtime_path, &self.runtime_version) {
            // Absolute, since the manifest is written elsewhere than the current folder.
            (Some(path), _) => Runtime::Path(std::path::absolute(path)?),
            (None, Some(version)) => Runtime::Version(version.clone()),
            (None, None) => Runtime::default(),
        })
    }
}

#[derive(Subcommand)]
enum Command {
    /// Write the Rust modules for a docs folder and print a summary.
    Generate {
        #[command(flatten)]
        docs: Docs,
        /// Folder to write into.
        #[arg(long)]
        out: PathBuf,
        /// Write a complete cargo package with this name (Cargo.toml, src/) instead of
        /// modules for a build script.
        #[arg(long = "crate", value_name = "NAME")]
        crate_name: Option<String>,
        /// Generate only this type or operation and the types it needs, with the operations
        /// those types serve (repeatable): `microsoft.graph.teamsAsyncOperation`,
        /// `beta:microsoft.graph.teamsAsyncOperation`, `teamsAsyncOperationGet`. A name that
        /// names neither fails, suggesting the names meant.
        #[arg(long, value_name = "NAME")]
        only: Vec<String>,
        /// Which diagnostics to list (on stderr, one a line): `errors`, `warnings` (and
        /// errors), `all`, or `none`; the rest are counted. `check` shows them with their
        /// source lines.
        #[arg(long, value_enum, default_value_t = Show::Errors)]
        show: Show,
        #[command(flatten)]
        runtime: RuntimeSource,
    },
    /// List the pages a doc set lacks: those its references to undefined types want, and
    /// every page those need in turn, as found in a fuller docs folder (a checkout of
    /// microsoft-graph-docs). One path a line, relative to that folder's version folders, to
    /// copy in one go.
    Missing {
        #[command(flatten)]
        docs: Docs,
        /// The fuller docs folder to find the pages in.
        #[arg(long, value_name = "FULL_DOCS")]
        from: PathBuf,
    },
    /// Print the resolved model.
    Inspect {
        #[command(flatten)]
        docs: Docs,
        /// Print JSON (the schema model as it is).
        #[arg(long)]
        json: bool,
    },
    /// Read every response and example block into its generated type and write it back, and
    /// build every request example through its generated operation; report each failure with
    /// its cause. Exits non-zero on a generator bug.
    Examples {
        #[command(flatten)]
        docs: Docs,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Where to write and build the runner package (kept between runs, so rebuilds are
        /// incremental) [default: `graph-docs-examples` in the `target/` folder this command
        /// was built into: one per checkout].
        #[arg(long)]
        work_dir: Option<PathBuf>,
        /// Then time reading the passing bodies into their types against reading them into
        /// serde_json::Value, in an optimised build, best of N rounds.
        #[arg(long, value_name = "N")]
        bench: Option<usize>,
        #[command(flatten)]
        runtime: RuntimeSource,
    },
    /// What changed between two doc sets: types, properties, members and operations added,
    /// removed, renamed or retyped, each with its impact on code using the generated types
    /// (Rust) and on payloads read with them (wire), and the pages' text on both sides.
    Diff {
        /// The old side: a docs folder (any layout `check` takes), or `REV:PATH`, a folder
        /// at a git revision of the repository of the current folder (`HEAD:docs-input`).
        old: String,
        /// The new side, the same way.
        new: String,
        #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
        /// Exit with 1 when some change is breaking (for Rust or on the wire), or when
        /// there is any change at all.
        #[arg(long, value_enum, value_name = "WHAT")]
        fail_on: Option<FailOn>,
        /// Microsoft's schemas (CSDL) of both dates, `[VERSION=]OLD [VERSION=]NEW`: each
        /// change is labelled an API change (the schemas differ the same way) or a
        /// documentation change.
        #[arg(long, num_args = 2, value_names = ["OLD", "NEW"])]
        csdl: Vec<String>,
        /// Overrides file to use on both sides instead of overrides.toml in each.
        #[arg(long, conflicts_with = "no_overrides")]
        overrides: Option<PathBuf>,
        /// Apply no overrides: compare what the pages say.
        #[arg(long)]
        no_overrides: bool,
    },
    /// Report every diagnostic; exit non-zero when there are errors.
    Check {
        #[command(flatten)]
        docs: Docs,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// `--deny warnings` fails on warnings too.
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// Compare the model with Microsoft's CSDL (`$metadata`), `[VERSION=]FILE`; the
        /// version is inferred from the file name (`v1.0...`, `beta...`) when not given.
        /// Every disagreement becomes a `csdl-*` diagnostic (repeatable).
        #[arg(long, value_name = "[VERSION=]FILE")]
        csdl: Vec<String>,
        /// Report only diagnostics of this code, e.g. `unresolved-type` (repeatable). The
        /// exit status and the counts are those of what is reported.
        #[arg(long, value_name = "CODE")]
        code: Vec<String>,
        /// Report only diagnostics of this severity (repeatable).
        #[arg(long, value_enum, value_name = "SEVERITY")]
        severity: Vec<SeverityArg>,
    },
}

/// What `generate` lists of its diagnostics.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Show {
    None,
    Errors,
    Warnings,
    All,
}

impl Show {
    fn lists(self, severity: Severity) -> bool {
        match self {
            Show::None => false,
            Show::Errors => severity == Severity::Error,
            Show::Warnings => severity >= Severity::Warning,
            Show::All => true,
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum SeverityArg {
    Error,
    Warning,
    Note,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Self {
        match s {
            SeverityArg::Error => Severity::Error,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Note => Severity::Note,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Human,
    Json,
    /// For a pull request: the breaking changes in full, the rest folded.
    Markdown,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum FailOn {
    Breaking,
    Any,
}

#[derive(Clone, Copy, ValueEnum)]
enum Deny {
    Warnings,
}

fn config(docs: &Docs) -> Config {
    let mut config = Config::new();
    for dir in &docs.docs_dirs {
        config.docs_dir(dir);
    }
    if let Some(file) = &docs.overrides {
        config.overrides_file(file);
    }
    if docs.no_overrides {
        config.without_overrides();
    }
    config
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        // The reader went away (`inspect --json | head`): it has all it wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// The examples' default work folder: `graph-docs-examples` in the `target/` folder this
/// command runs from (`target/release/graph-docs-codegen`), so each checkout has its own and
/// no other run rewrites it; for a binary installed elsewhere, in the `target/` folder of the
/// checkout it was built from.
fn default_work_dir() -> PathBuf {
    let exe = std::env::current_exe().ok();
    let target = exe.as_deref().and_then(|exe| {
        exe.ancestors()
            .find(|a| a.file_name().is_some_and(|n| n == "target"))
            .map(std::path::Path::to_path_buf)
    });
    target
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"))
        .join("graph-docs-examples")
}

/// An error of the command line itself (exit 2, as clap's are).
fn usage_error(message: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, message)
}

fn run(cli: Cli) -> std::io::Result<ExitCode> {
    match cli.command {
        Command::Generate {
            docs,
            out,
            crate_name,
            only,
            show,
            runtime,
        } => {
            if let Some(name) = &crate_name {
                graph_docs_codegen::package::check_crate_name(name)
                    .map_err(|e| usage_error(format!("--crate: {e}")))?;
            }
            if out.exists() && !out.is_dir() {
                return Err(usage_error(format!(
                    "--out {}: a file is there; expected a folder (created when missing)",
                    out.display()
                )));
            }
            let mut config = config(&docs);
            for name in only {
                config.only(name);
            }
            let src = match &crate_name {
                Some(_) => out.join("src"),
                None => out.clone(),
            };
            config.out_dir(&src);
            if crate_name.is_some() {
                config
                    .include_style(IncludeStyle::Relative)
                    .area_features(true);
            }
            let report = config.generate()?;
            if let Some(name) = &crate_name {
                graph_docs_codegen::package::write_package(
                    &out,
                    name,
                    &report.schema,
                    true,
                    &runtime.runtime()?,
                )?;
            }
            let diagnostics = &report.schema.diagnostics;
            let mut stderr = std::io::stderr().lock();
            for d in diagnostics.iter().filter(|d| show.lists(d.severity)) {
                writeln!(stderr, "{d}")?;
            }
            let count = |k| report.count(k);
            let mut stdout = std::io::stdout().lock();
            writeln!(
                stdout,
                "read {} pages; generated {} ({} entity, {} complex, {} enum) and {} into {}",
                report.pages_read,
                plural(report.schema.types.len(), "type"),
                count(TypeKind::Entity),
                count(TypeKind::Complex),
                count(TypeKind::Enum),
                plural(report.schema.operations.len(), "operation"),
                out.display()
            )?;
            writeln!(
                stdout,
                "{} ({} changed); {}",
                plural(report.files_total, "file"),
                report.files_written.len(),
                summary(diagnostics)
            )?;
            let hidden: Vec<&Diagnostic> = diagnostics
                .iter()
                .filter(|d| !show.lists(d.severity))
                .collect();
            if !hidden.is_empty() {
                let docs_args: Vec<String> = docs
                    .docs_dirs
                    .iter()
                    .map(|d| d.display().to_string())
                    .collect();
                writeln!(
                    stderr,
                    "not listed: {}; `--show warnings` or `--show all` lists them, `graph-docs-codegen check {}` shows them with their source lines (`--code CODE` to narrow)",
                    nonzero_summary(&hidden),
                    docs_args.join(" ")
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Missing { docs, from } => {
            let loaded = config(&docs).load()?;
            let full = Config::new().docs_dir(&from).load()?;
            let have: Vec<String> = loaded.pages.iter().map(|p| p.path.clone()).collect();
            let closure =
                graph_docs_codegen::resolve::missing::closure(&loaded.schema, &have, &full.schema);
            let mut stdout = std::io::stdout().lock();
            for page in &closure.pages {
                writeln!(stdout, "{page}")?;
            }
            let mut stderr = std::io::stderr().lock();
            writeln!(
                stderr,
                "{} to add from {}{}",
                plural(closure.pages.len(), "page"),
                from.display(),
                if closure.not_found.is_empty() {
                    String::new()
                } else {
                    format!("; not there either: {}", closure.not_found.join(", "))
                }
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Inspect { docs, json } => {
            let loaded = config(&docs).load()?;
            let mut stdout = std::io::stdout().lock();
            if json {
                serde_json::to_writer_pretty(&mut stdout, &loaded.schema)?;
                writeln!(stdout)?;
            } else {
                writeln!(
                    stdout,
                    "{}",
                    graph_docs_codegen::summary::Summary::new(&loaded)
                )?;
                for t in &loaded.schema.types {
                    writeln!(
                        stdout,
                        "{} {} {:?} ({} properties, {} members) {}",
                        t.version,
                        t.qualified_name(),
                        t.kind,
                        t.properties.len(),
                        t.members.len(),
                        t.source
                    )?;
                }
                writeln!(stdout, "{}", summary(&loaded.schema.diagnostics))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Examples {
            docs,
            format,
            work_dir,
            bench,
            runtime,
        } => {
            let reporter = progress::Reporter::new("examples");
            let loaded = reporter.run("reading the docs", || {
                config(&docs).check_examples(false).load()
            })?;
            let plain = reporter.run("reading the docs without overrides", || {
                config(&docs)
                    .without_overrides()
                    .check_examples(false)
                    .load()
            })?;
            let work = work_dir.unwrap_or_else(default_work_dir);
            eprintln!("examples: work folder {}", work.display());
            let dirs = RunnerDirs {
                package: work.join("package"),
                target: work.join("target"),
                lock_file: None,
                runtime: runtime.runtime()?,
            };
            let report = examples::run_with_progress(
                &loaded.pages,
                &loaded.schema,
                &plain.schema,
                &dirs,
                &reporter,
            )?;
            let mut stdout = std::io::stdout().lock();
            match format {
                Format::Json => {
                    serde_json::to_writer_pretty(&mut stdout, &report)?;
                    writeln!(stdout)?;
                }
                Format::Human => {
                    for e in report
                        .examples
                        .iter()
                        .filter(|e| matches!(e.outcome, Outcome::Failed | Outcome::Tolerated))
                    {
                        let outcome = if e.outcome == Outcome::Failed {
                            "failed"
                        } else {
                            "tolerated"
                        };
                        writeln!(
                            stdout,
                            "{}: {outcome} [{}] {}: {}",
                            e.source,
                            e.cause.map_or("?", |c| c.as_str()),
                            e.type_name.as_deref().unwrap_or("-"),
                            e.evidence
                        )?;
                    }
                    for r in report
                        .replays
                        .iter()
                        .filter(|r| r.outcome == Outcome::Failed)
                    {
                        writeln!(
                            stdout,
                            "{}: replay failed [{}] {}: {}",
                            r.source,
                            r.cause.map_or("?", |c| c.as_str()),
                            r.operation.as_deref().unwrap_or("-"),
                            r.evidence
                        )?;
                    }
                    for version in report.versions() {
                        writeln!(
                            stdout,
                            "{version}: {}",
                            figures_line(&report.figures(Some(version)))
                        )?;
                        writeln!(
                            stdout,
                            "{version} requests: {}",
                            request_figures_line(&report.request_figures(Some(version)))
                        )?;
                        writeln!(
                            stdout,
                            "{version} replays: {}",
                            replay_figures_line(&examples::replay::figures(
                                &report.replays,
                                Some(version)
                            ))
                        )?;
                    }
                }
            }
            if let Some(rounds) = bench {
                let figures = examples::bench_typed_reads(
                    &loaded.pages,
                    &loaded.schema,
                    &report,
                    &dirs,
                    rounds,
                    &reporter,
                )?;
                writeln!(stdout, "typed read benchmark: {figures}")?;
            }
            let replay_bugs = report
                .replays
                .iter()
                .any(|r| r.cause == Some(examples::Cause::GeneratorBug));
            Ok(if report.generator_bugs().next().is_some() || replay_bugs {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Diff {
            old,
            new,
            format,
            fail_on,
            csdl,
            overrides,
            no_overrides,
        } => diff(
            &old,
            &new,
            format,
            fail_on,
            &csdl,
            overrides.as_deref(),
            no_overrides,
        ),
        Command::Check {
            docs,
            format,
            deny,
            csdl,
            code,
            severity,
        } => {
            let mut config = config(&docs);
            for spec in &csdl {
                match spec.split_once('=') {
                    Some((version, file)) => config.csdl(Some(version), file),
                    None => config.csdl(None, spec),
                };
            }
            let loaded = config.load()?;
            let severities: Vec<Severity> = severity.into_iter().map(Severity::from).collect();
            let diagnostics: Vec<Diagnostic> = loaded
                .schema
                .diagnostics
                .iter()
                .filter(|d| code.is_empty() || code.iter().any(|c| c == d.code))
                .filter(|d| severities.is_empty() || severities.contains(&d.severity))
                .cloned()
                .collect();
            let diagnostics = &diagnostics;
            warn_unknown_codes(&code, &loaded.schema.diagnostics)?;
            match format {
                Format::Json => {
                    let mut stdout = std::io::stdout().lock();
                    serde_json::to_writer_pretty(
                        &mut stdout,
                        &serde_json::json!({ "diagnostics": diagnostics, "csdl": loaded.agreement }),
                    )?;
                    writeln!(stdout)?;
                }
                Format::Human => {
                    let color = if std::io::stdout().is_terminal() {
                        ColorChoice::Auto
                    } else {
                        ColorChoice::Never
                    };
                    let mut out = StandardStream::stdout(color);
                    render::render(diagnostics, &loaded.roots, &mut out)?;
                    let mut stdout = std::io::stdout().lock();
                    for agreement in &loaded.agreement {
                        writeln!(stdout, "{agreement}")?;
                    }
                    render::counts_by_code(diagnostics, &mut stdout)?;
                    let all = loaded.schema.diagnostics.len();
                    if diagnostics.len() == all {
                        writeln!(stdout, "{}", summary(diagnostics))?;
                    } else {
                        writeln!(
                            stdout,
                            "{} (reported; {} in all)",
                            summary(diagnostics),
                            plural(all, "diagnostic")
                        )?;
                    }
                }
            }
            let failing = |d: &&Diagnostic| {
                d.severity == Severity::Error || (deny.is_some() && d.severity == Severity::Warning)
            };
            Ok(if diagnostics.iter().any(|d| failing(&d)) {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

/// `diff OLD NEW`: both sides read at once, compared, rendered.
fn diff(
    old: &str,
    new: &str,
    format: DiffFormat,
    fail_on: Option<FailOn>,
    csdl: &[String],
    overrides: Option<&std::path::Path>,
    no_overrides: bool,
) -> std::io::Result<ExitCode> {
    let mut config = Config::new();
    if let Some(file) = overrides {
        config.overrides_file(file);
    }
    if no_overrides {
        config.without_overrides();
    }
    let cwd = std::env::current_dir()?;
    let (old_side, new_side) = (Side::parse(old), Side::parse(new));
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| old_side.load(&config, &cwd));
        let b = new_side.load(&config, &cwd);
        (a.join().expect("loading the old side panicked"), b)
    });
    let (a, b) = (a?, b?);
    let mut report = graph_docs_codegen::diff::compare(&a.schema, &b.schema);
    if let [old_csdl, new_csdl] = csdl {
        graph_docs_codegen::diff::csdl::compare_files(
            &mut report,
            (&a.schema, &b.schema),
            (old_csdl, new_csdl),
        )?;
    }
    let mut stdout = std::io::stdout().lock();
    match format {
        DiffFormat::Json => {
            let json = serde_json::json!({
                "old": old,
                "new": new,
                "counts": report.counts(),
                "changes": report.changes,
                "csdl": report.csdl,
            });
            serde_json::to_writer_pretty(&mut stdout, &json)?;
            writeln!(stdout)?;
        }
        DiffFormat::Human => write!(stdout, "{}", diff::render::human(&report, old, new))?,
        DiffFormat::Markdown => write!(stdout, "{}", diff::render::markdown(&report, old, new))?,
    }
    let failing = match fail_on {
        Some(FailOn::Breaking) => report.has_breaking(),
        Some(FailOn::Any) => !report.changes.is_empty(),
        None => false,
    };
    Ok(if failing {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Counts by cause, `"placeholder 3, truncated 1"`, or `none`.
fn cause_list(m: &std::collections::BTreeMap<&str, usize>) -> String {
    let items: Vec<String> = m.iter().map(|(c, n)| format!("{c} {n}")).collect();
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(", ")
    }
}

fn figures_line(f: &examples::Figures) -> String {
    format!(
        "{} examples, {} typed, {} passed ({} thanks to overrides), {} skipped (no type named); read with values that do not fit: {}; failed: {}",
        f.found,
        f.typed,
        f.passed,
        f.passed_by_override,
        f.skipped,
        cause_list(&f.tolerated),
        cause_list(&f.failed)
    )
}

fn replay_figures_line(f: &examples::Figures) -> String {
    format!(
        "{} request examples, {} replayed, {} passed, {} skipped (not sent to Graph or no response documented); failed: {}",
        f.found,
        f.typed,
        f.passed,
        f.skipped,
        cause_list(&f.failed)
    )
}

fn request_figures_line(f: &examples::Figures) -> String {
    let unmatched = f.failed.get("undocumented-request").copied().unwrap_or(0);
    let failed: Vec<String> = f
        .failed
        .iter()
        .filter(|(c, _)| **c != "undocumented-request")
        .map(|(c, n)| format!("{c} {n}"))
        .collect();
    let tolerated: Vec<String> = f
        .tolerated
        .iter()
        .map(|(c, n)| format!("{c} {n}"))
        .collect();
    format!(
        "{} request examples, {} sent to Graph, {} matched to a request line ({:.1}%), {} passed ({} thanks to overrides); body read with values that do not fit: {}; failed: {}",
        f.found,
        f.typed,
        f.typed - unmatched,
        100.0 * (f.typed - unmatched) as f64 / f.typed.max(1) as f64,
        f.passed,
        f.passed_by_override,
        if tolerated.is_empty() { "none".to_string() } else { tolerated.join(", ") },
        if failed.is_empty() { "none".to_string() } else { failed.join(", ") },
    )
}

/// `1 error, 2 warnings, 0 notes`.
fn summary(diagnostics: &[Diagnostic]) -> String {
    summary_of(&diagnostics.iter().collect::<Vec<_>>())
}

fn summary_of(diagnostics: &[&Diagnostic]) -> String {
    let n = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    format!(
        "{}, {}, {}",
        plural(n(Severity::Error), "error"),
        plural(n(Severity::Warning), "warning"),
        plural(n(Severity::Note), "note")
    )
}

/// `1 warning, 3 notes`: the severities there are.
fn nonzero_summary(diagnostics: &[&Diagnostic]) -> String {
    let parts: Vec<String> = [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Note, "note"),
    ]
    .into_iter()
    .map(|(s, noun)| (diagnostics.iter().filter(|d| d.severity == s).count(), noun))
    .filter(|&(n, _)| n > 0)
    .map(|(n, noun)| plural(n, noun))
    .collect();
    parts.join(", ")
}

/// `1 error`, `2 errors`, `0 errors`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A `--code` that no diagnostic has is most likely misspelt: say so, with the nearest codes.
fn warn_unknown_codes(asked: &[String], all: &[Diagnostic]) -> std::io::Result<()> {
    let present: std::collections::BTreeSet<&str> = all.iter().map(|d| d.code).collect();
    let mut stderr = std::io::stderr().lock();
    for code in asked.iter().filter(|c| !present.contains(c.as_str())) {
        let mut near: Vec<(usize, &str)> = present
            .iter()
            .map(|p| (strsim::levenshtein(code, p), *p))
            .filter(|&(d, _)| d <= (code.len() / 3).max(2))
            .collect();
        near.sort();
        let hint = match near.first() {
            Some((_, p)) => format!("; did you mean {p:?}?"),
            None => String::new(),
        };
        writeln!(
            stderr,
            "note: no diagnostic of these docs has the code {code:?}{hint}"
        )?;
    }
    Ok(())
}
