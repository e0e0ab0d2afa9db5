//! The `graph-docs-codegen` command: a thin front end over the engine crate
//! `graph-docs-codegen`. Everything but argument parsing and terminal rendering is there.

mod render;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
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
        /// Generate only this type and the types it needs (repeatable):
        /// `microsoft.graph.teamsAsyncOperation`, or `beta:microsoft.graph.teamsAsyncOperation`.
        #[arg(long, value_name = "TYPE")]
        only: Vec<String>,
        #[command(flatten)]
        runtime: RuntimeSource,
    },
    /// Print the resolved model.
    Inspect {
        #[command(flatten)]
        docs: Docs,
        /// Print JSON (the schema model as it is).
        #[arg(long)]
        json: bool,
    },
    /// Read every response and example block into its generated type and write it back;
    /// report each failure with its cause. Exits non-zero on a generator bug.
    Examples {
        #[command(flatten)]
        docs: Docs,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Where to write and build the runner package (kept between runs, so rebuilds are
        /// incremental).
        #[arg(long)]
        work_dir: Option<PathBuf>,
        /// Then time reading the passing bodies into their types against reading them into
        /// serde_json::Value, in an optimised build, best of N rounds.
        #[arg(long, value_name = "N")]
        bench: Option<usize>,
        #[command(flatten)]
        runtime: RuntimeSource,
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
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
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
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> std::io::Result<ExitCode> {
    match cli.command {
        Command::Generate {
            docs,
            out,
            crate_name,
            only,
            runtime,
        } => {
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
            let count = |k| report.count(k);
            println!(
                "read {} pages; generated {} types ({} entity, {} complex, {} enum) into {}",
                report.pages_read,
                report.schema.types.len(),
                count(TypeKind::Entity),
                count(TypeKind::Complex),
                count(TypeKind::Enum),
                out.display()
            );
            println!(
                "{} files ({} changed); {}",
                report.files_total,
                report.files_written.len(),
                summary(&report.schema.diagnostics)
            );
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
            let loaded = config(&docs).check_examples(false).load()?;
            let plain = config(&docs)
                .without_overrides()
                .check_examples(false)
                .load()?;
            let work = work_dir.unwrap_or_else(|| std::env::temp_dir().join("graph-docs-examples"));
            let dirs = RunnerDirs {
                package: work.join("package"),
                target: work.join("target"),
                lock_file: None,
                runtime: runtime.runtime()?,
            };
            let report = examples::run(&loaded.pages, &loaded.schema, &plain.schema, &dirs)?;
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
                    for version in report.versions() {
                        writeln!(
                            stdout,
                            "{version}: {}",
                            figures_line(&report.figures(Some(version)))
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
                )?;
                writeln!(stdout, "typed read benchmark: {figures}")?;
            }
            Ok(if report.generator_bugs().next().is_some() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Check {
            docs,
            format,
            deny,
            csdl,
        } => {
            let mut config = config(&docs);
            for spec in &csdl {
                match spec.split_once('=') {
                    Some((version, file)) => config.csdl(Some(version), file),
                    None => config.csdl(None, spec),
                };
            }
            let loaded = config.load()?;
            let diagnostics = &loaded.schema.diagnostics;
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
                    for agreement in &loaded.agreement {
                        println!("{agreement}");
                    }
                    println!("{}", summary(diagnostics));
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

fn figures_line(f: &examples::Figures) -> String {
    let list = |m: &std::collections::BTreeMap<&str, usize>| {
        let items: Vec<String> = m.iter().map(|(c, n)| format!("{c} {n}")).collect();
        if items.is_empty() {
            "none".to_string()
        } else {
            items.join(", ")
        }
    };
    format!(
        "{} examples, {} typed, {} passed ({} thanks to overrides), {} skipped (no type named); read with values that do not fit: {}; failed: {}",
        f.found,
        f.typed,
        f.passed,
        f.passed_by_override,
        f.skipped,
        list(&f.tolerated),
        list(&f.failed)
    )
}

fn summary(diagnostics: &[Diagnostic]) -> String {
    let n = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    format!(
        "{} errors, {} warnings, {} notes",
        n(Severity::Error),
        n(Severity::Warning),
        n(Severity::Note)
    )
}
