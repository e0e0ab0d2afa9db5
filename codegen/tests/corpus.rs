//! The whole real documentation set: every page read and resolved, the counts balanced, and
//! the generated crate for both versions passing `cargo clippy -- -D warnings` silently.
//!
//! Runs over `$GRAPH_DOCS_DIR`, or `../shared/graph-docs` beside the workspace; says plainly
//! that it was skipped when neither exists.

use std::path::{Path, PathBuf};
use std::process::Command;

use graph_docs_codegen::emit::{Emitter, IncludeStyle};
use graph_docs_codegen::summary::Summary;
use graph_docs_codegen::{examples, package, Config, Loaded};

/// The docs root: a folder holding `beta/` and `v1.0/`.
fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("GRAPH_DOCS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/graph-docs"));
    let root = if dir.join("api-reference").is_dir() {
        dir.join("api-reference")
    } else {
        dir
    };
    let found = root.join("beta").is_dir();
    // CI always has the corpus beside the clone: a missing one there is a broken setup.
    assert!(
        found || std::env::var_os("CI").is_none(),
        "CI is set but no docs corpus at {}",
        root.display()
    );
    found.then_some(root)
}

/// rustc needs about 10 GB for the whole-corpus crate: build one such crate at a time.
static HEAVY: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn load(root: &Path) -> Loaded {
    Config::new()
        .docs_dir(root)
        .load()
        .expect("corpus readable")
}

#[test]
fn whole_corpus_resolves_and_balances() {
    let Some(root) = corpus() else {
        println!("SKIPPED: no docs corpus (set GRAPH_DOCS_DIR or put it at ../shared/graph-docs)");
        return;
    };
    let loaded = load(&root);
    let summary = Summary::new(&loaded);
    println!("{summary}");

    let beta = &summary.versions["beta"];
    let v1 = &summary.versions["v1.0"];
    assert!(
        beta.entity + beta.complex >= 2300,
        "beta resource types: {}",
        beta.entity + beta.complex
    );
    assert!(beta.enums >= 470, "beta enums: {}", beta.enums);
    assert!(
        v1.entity + v1.complex >= 1000,
        "v1.0 resource types: {}",
        v1.entity + v1.complex
    );
    assert!(v1.enums >= 140, "v1.0 enums: {}", v1.enums);

    // Under 1% of property type references unresolved, each one reported.
    assert!(
        summary.unresolved() * 100 < summary.properties(),
        "{} of {} references unresolved",
        summary.unresolved(),
        summary.properties()
    );
    let reported = summary
        .diagnostics_by_code
        .get("unresolved-type")
        .copied()
        .unwrap_or(0)
        + summary
            .diagnostics_by_code
            .get("unknown-type-name")
            .copied()
            .unwrap_or(0);
    assert!(reported >= summary.unresolved());

    let balance = &summary.balance;
    assert!(
        balance.balanced(),
        "rows or keys accounted for nowhere: {:?}",
        &balance.unaccounted[..balance.unaccounted.len().min(20)]
    );
}

#[test]
fn generated_crate_for_whole_corpus_is_clippy_clean() {
    let Some(root) = corpus() else {
        println!("SKIPPED: no docs corpus (set GRAPH_DOCS_DIR or put it at ../shared/graph-docs)");
        return;
    };
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("graph-docs-corpus");
    let report = Config::new()
        .docs_dir(&root)
        .out_dir(out.join("src"))
        .include_style(IncludeStyle::Relative)
        .area_features(true)
        .check_examples(false)
        .generate()
        .expect("generates");
    package::write_package(
        &out,
        "graph-docs-corpus",
        &report.schema,
        true,
        &package::Runtime::default(),
    )
    .expect("package written");
    // The workspace lock keeps dependency versions the ones the project is tested with.
    let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");
    std::fs::copy(lock, out.join("Cargo.lock")).expect("lock file copied");
    // Emitting once more must give the same files: output is deterministic.
    let again = Emitter::new(&report.schema)
        .with_area_features()
        .emit(IncludeStyle::Relative);
    for (name, contents) in &again.files {
        let written = std::fs::read_to_string(out.join("src").join(name)).expect("written");
        assert!(written == *contents, "{name} differs between two runs");
    }

    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/corpus-crate");
    let _one_at_a_time = HEAVY.lock().unwrap_or_else(|e| e.into_inner());
    cargo_silently(
        &out,
        &target,
        &[
            "clippy",
            "--quiet",
            "--features",
            "operations",
            "--",
            "-D",
            "warnings",
        ],
    );
    println!(
        "generated crate with {} types in {} files: cargo clippy -D warnings clean",
        report.schema.types.len(),
        report.files_total
    );
    // One area alone: the Teams types and requests and what they need, no other feature.
    cargo_silently(
        &out,
        &target,
        &[
            "check",
            "--quiet",
            "--no-default-features",
            "--features",
            "microsoft-teams,operations",
        ],
    );
}

/// Runs cargo in `dir` and asserts that it succeeds and prints nothing.
fn cargo_silently(dir: &Path, target: &Path, args: &[&str]) {
    let output = Command::new(env!("CARGO"))
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "cargo {args:?} failed:\n{stderr}");
    assert!(
        stderr.trim().is_empty() && stdout.trim().is_empty(),
        "cargo {args:?} printed:\n{stderr}{stdout}"
    );
}

/// Pass counts of the example check that CI holds the generator to.
fn baseline() -> toml::Table {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/examples-baseline.toml"
    ))
    .expect("baseline file");
    text.parse().expect("baseline is TOML")
}

fn runner_dirs(name: &str) -> examples::RunnerDirs {
    examples::RunnerDirs {
        package: Path::new(env!("CARGO_TARGET_TMPDIR")).join(name),
        target: Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/example-runners"),
        lock_file: Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock")),
        runtime: Default::default(),
    }
}

/// Runs the example check and holds it to the baseline: no generator bug, and no fewer
/// passes than `examples-baseline.toml` records for each `(key, version)`.
fn check_examples(root: &Path, key: &str) {
    let loaded = Config::new()
        .docs_dir(root)
        .check_examples(false)
        .load()
        .expect("readable");
    let plain = Config::new()
        .docs_dir(root)
        .without_overrides()
        .check_examples(false)
        .load()
        .expect("readable");
    let report = examples::run(
        &loaded.pages,
        &loaded.schema,
        &plain.schema,
        &runner_dirs(key),
    )
    .expect("runner builds and runs");
    // The whole report, for figures beyond the floors (`EXAMPLES_REPORT_DIR=/tmp/x`).
    if let Some(dir) = std::env::var_os("EXAMPLES_REPORT_DIR") {
        let file = Path::new(&dir).join(format!("{key}.json"));
        let json = serde_json::to_vec_pretty(&report).expect("report serialises");
        std::fs::write(&file, json).expect("report written");
    }
    let bugs: Vec<String> = report
        .generator_bugs()
        .map(|e| format!("{}: {}", e.source, e.evidence))
        .chain(
            report
                .replays
                .iter()
                .filter(|r| r.cause == Some(examples::Cause::GeneratorBug))
                .map(|r| format!("{} (replay): {}", r.source, r.evidence)),
        )
        .collect();
    assert!(bugs.is_empty(), "generator bugs:\n{}", bugs.join("\n"));
    let baseline = baseline();
    for version in report.versions() {
        let figures = report.figures(Some(version));
        println!("{key} {version}: {figures:?}");
        let floor = baseline
            .get(key)
            .and_then(|t| t.get(version))
            .and_then(toml::Value::as_integer)
            .unwrap_or_else(|| panic!("no baseline for {key} {version}"));
        assert!(
            figures.passed as i64 >= floor,
            "{key} {version}: {} examples pass, the baseline is {floor}",
            figures.passed
        );
        // Request examples: how many pass (URL matched, request reproduced, body read), and
        // the share of those sent to Graph whose URL matched a request line.
        let requests = report.request_figures(Some(version));
        println!("{key} {version} requests: {requests:?}");
        let floor = |table: &str| {
            baseline
                .get(table)
                .and_then(|t| t.get(version))
                .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
        };
        if let Some(floor) = floor(&format!("{key}-requests")) {
            assert!(
                requests.passed as f64 >= floor,
                "{key} {version}: {} request examples pass, the baseline is {floor}",
                requests.passed
            );
        }
        // Replays: each request example sent by the client to a server answering its documented
        // response, the answer read into the operation's type. No generator bug (above), and
        // no fewer passes than the floor.
        let replays = examples::replay::figures(&report.replays, Some(version));
        println!("{key} {version} replays: {replays:?}");
        // Why the others do not pass, a few of each cause.
        let mut shown: std::collections::BTreeMap<&str, usize> = Default::default();
        for r in report.replays.iter().filter(|r| r.version == version) {
            let cause = match (r.outcome, r.cause) {
                (examples::Outcome::Passed, _) => continue,
                (_, Some(c)) => c.as_str(),
                (_, None) => "skipped",
            };
            let n = shown.entry(cause).or_default();
            *n += 1;
            if *n <= 3 {
                println!("  replay {cause}: {}: {}", r.source, r.evidence);
            }
        }
        if let Some(floor) = floor(&format!("{key}-replays")) {
            assert!(
                replays.passed as f64 >= floor,
                "{key} {version}: {} replays pass, the baseline is {floor}",
                replays.passed
            );
        }
        if let Some(floor) = floor(&format!("{key}-requests-matched")) {
            let unmatched = requests
                .failed
                .get("undocumented-request")
                .copied()
                .unwrap_or(0);
            let matched =
                100.0 * (requests.typed - unmatched) as f64 / requests.typed.max(1) as f64;
            assert!(
                matched >= floor,
                "{key} {version}: {matched:.2}% of the request examples sent to Graph match a request line, the floor is {floor}%"
            );
        }
    }
}

#[test]
fn examples_of_docs_input_round_trip() {
    check_examples(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-input"),
        "docs-input",
    );
}

#[test]
fn examples_of_whole_corpus_round_trip() {
    let Some(root) = corpus() else {
        println!("SKIPPED: no docs corpus (set GRAPH_DOCS_DIR or put it at ../shared/graph-docs)");
        return;
    };
    // The runner holds the whole-corpus crate too: not at the same time as the clippy build.
    let _one_at_a_time = HEAVY.lock().unwrap_or_else(|e| e.into_inner());
    check_examples(&root, "corpus");
}

/// The model read from the v1.0 pages (no overrides) against Microsoft's CSDL of the same
/// week: no agreement figure may fall below `csdl-floors.toml`.
#[test]
fn model_agrees_with_the_csdl_above_the_floors() {
    let Some(root) = corpus() else {
        println!("SKIPPED: no docs corpus (set GRAPH_DOCS_DIR or put it at ../shared/graph-docs)");
        return;
    };
    let csdl = std::env::var_os("GRAPH_DOCS_CSDL")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/csdl/v1.0-2021-07-13.xml")
        });
    assert!(csdl.is_file(), "no CSDL at {}", csdl.display());
    let loaded = Config::new()
        .docs_dir(&root)
        .without_overrides()
        .check_examples(false)
        .csdl(Some("v1.0"), &csdl)
        .load()
        .expect("corpus readable");
    let agreement = &loaded.agreement[0];
    println!("{agreement}");
    let floors: toml::Table = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/csdl-floors.toml"
    ))
    .expect("floors file")
    .parse()
    .expect("floors are TOML");
    let mut below = Vec::new();
    for (name, ratio) in [
        ("kind", agreement.kind),
        ("base-type", agreement.base_type),
        ("property-type", agreement.property_type),
        ("property-type-lenient", agreement.property_type_lenient),
        ("collection", agreement.collection),
        ("csdl-properties-present", agreement.csdl_properties_present),
        ("csdl-paths", agreement.csdl_paths),
        ("operations-recognised", agreement.operations_recognised),
        ("parameter-names", agreement.parameter_names),
        ("parameter-types", agreement.parameter_types),
        ("responses", agreement.responses),
    ] {
        let floor = floors[name].as_float().expect("a percentage");
        if ratio.percent() < floor {
            below.push(format!("{name}: {ratio} is below the floor of {floor}%"));
        }
    }
    // Every figure below its floor at once, not only the first.
    assert!(below.is_empty(), "{}", below.join("\n"));
}

/// `35478` -> `35,478`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// README's block of corpus figures, as the corpus gives it now.
fn readme_figures(summary: &Summary) -> String {
    let versions = ["beta", "v1.0"];
    let row =
        |label: &str, cell: &dyn Fn(&graph_docs_codegen::summary::VersionFigures) -> String| {
            let cells: Vec<String> = versions
                .iter()
                .map(|v| cell(&summary.versions[*v]))
                .collect();
            format!("| {label} | {} |\n", cells.join(" | "))
        };
    let mut out = String::from("| | beta | v1.0 |\n|---|---|---|\n");
    out += &row("pages read", &|v| thousands(v.pages));
    out += &row("entity types", &|v| thousands(v.entity));
    out += &row("complex types", &|v| thousands(v.complex));
    out += &row("enum types (of which inline)", &|v| {
        format!("{} ({})", thousands(v.enums), thousands(v.inline_enums))
    });
    out += &row("properties", &|v| thousands(v.properties));
    out += &row("unresolved type references", &|v| {
        format!(
            "{} ({:.2}%)",
            thousands(v.unresolved),
            100.0 * v.unresolved as f64 / v.properties.max(1) as f64
        )
    });
    out += &row("operations", &|v| thousands(v.operations));
    out += &row("request lines read", &|v| {
        format!(
            "{} ({:.1}%)",
            thousands(v.request_lines),
            v.request_lines_read_percent()
        )
    });
    out += &row(
        "request lines walked through the model to their end",
        &|v| {
            format!(
                "{} ({:.1}%)",
                thousands(v.request_lines_walked),
                v.request_lines_walked_percent()
            )
        },
    );
    let b = &summary.balance;
    out += &format!(
        "\n{} resource pages define no type (overviews, conceptual pages) and are skipped with a note.\n\
         Table rows: {} = {} in types + {} in diagnostics. JSON representation keys:\n\
         {} = {} in types + {} in diagnostics + {} `@odata.*` instance annotations (kept at\n\
         run time by `additional_properties`).\n",
        thousands(summary.pages_skipped),
        thousands(b.rows),
        thousands(b.rows_in_schema),
        thousands(b.rows_in_diagnostics),
        thousands(b.keys),
        thousands(b.keys_in_schema),
        thousands(b.keys_in_diagnostics),
        thousands(b.keys_annotations),
    );
    out
}

/// README's corpus figures are the corpus's: a change that moves them updates README in the
/// same commit (the failure prints the block to paste).
#[test]
fn readme_corpus_figures_are_current() {
    let Some(root) = corpus() else {
        println!("SKIPPED: no docs corpus (set GRAPH_DOCS_DIR or put it at ../shared/graph-docs)");
        return;
    };
    let summary = Summary::new(&load(&root));
    let expected = readme_figures(&summary);
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README readable");
    let start = "<!-- corpus figures: checked by codegen/tests/corpus.rs -->\n";
    let end = "<!-- /corpus figures -->";
    let written = readme
        .split_once(start)
        .and_then(|(_, rest)| rest.split_once(end))
        .map(|(block, _)| block)
        .expect("README holds the corpus figures block");
    assert!(
        written == expected,
        "README's corpus figures are stale; the block between the markers should read:\n{expected}"
    );
}

/// Issue 18's targets for reading and walking the request lines, held as floors.
#[test]
fn request_lines_are_read_and_walked() {
    let Some(root) = corpus() else {
        println!("SKIPPED: no docs corpus (set GRAPH_DOCS_DIR or put it at ../shared/graph-docs)");
        return;
    };
    let summary = Summary::new(&load(&root));
    for (version, read_floor, walked_floor) in [("beta", 99.5, 95.4), ("v1.0", 99.5, 96.7)] {
        let v = &summary.versions[version];
        assert!(
            v.request_lines_read_percent() >= read_floor,
            "{version}: {:.2}% of the request lines read, the floor is {read_floor}%",
            v.request_lines_read_percent()
        );
        assert!(
            v.request_lines_walked_percent() >= walked_floor,
            "{version}: {:.2}% of the request lines walked to their end, the floor is {walked_floor}%",
            v.request_lines_walked_percent()
        );
    }
}
