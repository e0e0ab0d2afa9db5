//! What the CLI says when the user makes the usual mistakes (a misspelt `--only`, a missing
//! overrides file, a file where the output folder goes, a crate name cargo refuses, a reader
//! that stops early), and that `generate` and `check` show what matters: the exit code, a
//! message naming the path or value, and the names most likely meant.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

#[path = "../../codegen/tests/common/mod.rs"]
mod common;

use common::{copy_dir, scratch, SEED};

const EXE: &str = env!("CARGO_BIN_EXE_graph-docs-codegen");

const MALFORMED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../codegen/tests/fixtures/malformed"
);

fn run(args: &[&OsStr]) -> Output {
    Command::new(EXE).args(args).output().unwrap()
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The seed pages as both versions, so a version can be misspelt.
fn two_versions(name: &str) -> PathBuf {
    let docs = scratch(name);
    copy_dir(Path::new(SEED), &docs.join("beta"));
    copy_dir(Path::new(SEED), &docs.join("v1.0"));
    docs
}

#[test]
fn an_unknown_only_fails_writes_nothing_and_names_the_type_meant() {
    let docs = two_versions("cli-only");
    let out = docs.join("out");
    for (wanted, meant) in [
        (
            "microsoft.graph.teamsAsyncOperaton",
            r#"did you mean "microsoft.graph.teamsAsyncOperation"?"#,
        ),
        (
            "teamsAsyncOperation",
            r#"did you mean "microsoft.graph.teamsAsyncOperation"?"#,
        ),
        (
            "v1:microsoft.graph.teamsAsyncOperation",
            r#"did you mean one of "v1.0:microsoft.graph.teamsAsyncOperation", "beta:microsoft.graph.teamsAsyncOperation"?"#,
        ),
    ] {
        let output = run(&[
            os("generate"),
            docs.as_os_str(),
            os("--out"),
            out.as_os_str(),
            os("--only"),
            os(wanted),
        ]);
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{wanted}: {stderr}");
        assert!(stderr.contains(&format!("{wanted:?}")), "{stderr}");
        assert!(stderr.contains(meant), "{wanted}: {stderr}");
        assert!(!out.exists(), "{wanted}: wrote {}", out.display());
    }
    // The name as suggested works.
    let output = run(&[
        os("generate"),
        docs.as_os_str(),
        os("--out"),
        out.as_os_str(),
        os("--only"),
        os("v1.0:microsoft.graph.teamsAsyncOperation"),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("generated 4 types"));
}

#[test]
fn generate_lists_its_errors_and_counts_the_rest() {
    let out = scratch("cli-generate-errors");
    let args = |show: Option<&'static str>| {
        let mut args: Vec<&OsStr> =
            vec![os("generate"), os(MALFORMED), os("--out"), out.as_os_str()];
        if let Some(show) = show {
            args.extend([os("--show"), os(show)]);
        }
        run(&args)
    };
    let output = args(None);
    assert!(output.status.success());
    let stderr = text(&output.stderr);
    let error = "beta/resources/widget.md:";
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with(error) && l.ends_with("[annotation-json]")),
        "{stderr}"
    );
    assert!(!stderr.contains("[unresolved-type]"), "{stderr}");
    assert!(
        stderr.contains("not listed: 3 warnings, 1 note; `--show warnings`"),
        "{stderr}"
    );
    assert!(
        text(&output.stdout).contains("1 error, 3 warnings, 1 note"),
        "{}",
        text(&output.stdout)
    );
    let stderr = text(&args(Some("warnings")).stderr);
    assert!(stderr.contains("[unresolved-type]"), "{stderr}");
    // Errors and warnings listed; the note (missing-pages) still counted.
    assert!(stderr.contains("not listed: 1 note;"), "{stderr}");
    let stderr = text(&args(Some("none")).stderr);
    assert!(!stderr.contains("[annotation-json]"), "{stderr}");
    assert!(
        stderr.contains("not listed: 1 error, 3 warnings"),
        "{stderr}"
    );
}

#[test]
fn check_filters_by_code_and_severity_and_counts_per_code() {
    let check = |extra: &[&str]| {
        let mut args: Vec<&OsStr> = vec![os("check"), os(MALFORMED)];
        args.extend(extra.iter().map(|a| os(a)));
        run(&args)
    };
    let all = check(&[]);
    assert_eq!(all.status.code(), Some(1));
    let stdout = text(&all.stdout);
    assert!(stdout.contains("by code:"), "{stdout}");
    assert!(
        stdout
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["annotation-json", "1", "error"]),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("1 error, 3 warnings, 1 note\n"),
        "{stdout}"
    );

    let warnings = check(&["--severity", "warning"]);
    let stdout = text(&warnings.stdout);
    assert_eq!(warnings.status.code(), Some(0), "only warnings: {stdout}");
    assert!(!stdout.contains("annotation-json"), "{stdout}");
    assert!(
        stdout.ends_with("0 errors, 3 warnings, 0 notes (reported; 5 diagnostics in all)\n"),
        "{stdout}"
    );

    let two = check(&["--code", "unresolved-type", "--code", "table-row-cells"]);
    let stdout = text(&two.stdout);
    assert!(stdout.contains("warning[unresolved-type]"), "{stdout}");
    assert!(stdout.contains("warning[table-row-cells]"), "{stdout}");
    assert!(!stdout.contains("unknown-type-name"), "{stdout}");
    assert!(stdout.contains("0 errors, 2 warnings, 0 notes"), "{stdout}");

    let misspelt = check(&["--code", "unresolved-typ"]);
    let stderr = text(&misspelt.stderr);
    assert!(
        stderr.contains(r#"no diagnostic of these docs has the code "unresolved-typ"; did you mean "unresolved-type"?"#),
        "{stderr}"
    );
}

#[test]
fn errors_about_files_name_the_file() {
    let docs = scratch("cli-files");
    let missing = docs.join("nope.toml");
    let output = run(&[
        os("check"),
        os(SEED),
        os("--overrides"),
        missing.as_os_str(),
    ]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("cannot read overrides {}", missing.display())),
        "{stderr}"
    );

    let file = docs.join("a-file");
    std::fs::write(&file, "x").unwrap();
    let output = run(&[os("generate"), os(SEED), os("--out"), file.as_os_str()]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("--out {}: a file is there", file.display())),
        "{stderr}"
    );
}

#[test]
fn a_crate_name_cargo_refuses_is_refused_before_anything_is_written() {
    let out = scratch("cli-crate-name").join("pkg");
    let output = run(&[
        os("generate"),
        os(SEED),
        os("--out"),
        out.as_os_str(),
        os("--crate"),
        os("My Models"),
    ]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(r#""My Models""#), "{stderr}");
    assert!(stderr.contains(r#"try "my-models""#), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    let mut child = Command::new(EXE)
        .args(["inspect", SEED, "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Closed before the command writes: its first write finds no reader, as `| head` leaves it.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = text(&output.stderr);
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    assert!(output.status.success(), "{stderr}");
}

#[test]
fn summaries_say_one_in_the_singular() {
    let out = scratch("cli-plural");
    let output = run(&[os("generate"), os(SEED), os("--out"), out.as_os_str()]);
    let stdout = text(&output.stdout);
    // Each count agrees with its noun: "1 note", "2 warnings", "0 errors".
    let summary = stdout
        .lines()
        .find(|l| l.contains(" error"))
        .expect("a summary line");
    let counts: Vec<&str> = summary.rsplit("; ").next().unwrap().split(", ").collect();
    assert_eq!(counts.len(), 3, "{summary}");
    for count in counts {
        let (n, noun) = count.split_once(' ').unwrap();
        let plural = noun.ends_with('s');
        assert_eq!(plural, n != "1", "{count:?} in {summary}");
    }
    assert!(summary.contains("1 note"), "{summary}");
}
