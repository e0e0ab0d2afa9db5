//! `graph-docs-codegen diff`: the three formats, `--fail-on`, and its errors, on the seed
//! pages and a changed copy of them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "../../codegen/tests/common/mod.rs"]
mod common;

use common::{copy_dir, scratch, SEED};

const EXE: &str = env!("CARGO_BIN_EXE_graph-docs-codegen");

fn run(args: &[&str]) -> Output {
    Command::new(EXE).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `old/` holds the seed pages; `new/` the same with `attemptsCount` removed, `retryCount`
/// added and a `cancelled` status.
fn pair(name: &str) -> (PathBuf, PathBuf) {
    let root = scratch(name);
    let (old, new) = (root.join("old"), root.join("new"));
    copy_dir(Path::new(SEED), &old.join("beta"));
    copy_dir(Path::new(SEED), &new.join("beta"));
    let page = new.join("beta/resources/teamsasyncoperation.md");
    let text = fs::read_to_string(&page).unwrap().replace(
        "|attemptsCount|Int32|Number of times the operation was attempted before being marked successful or failed.|",
        "|retryCount|Int32|Number of retries.|",
    );
    fs::write(&page, text.replace("\"attemptsCount\"", "\"retryCount\"")).unwrap();
    let status = new.join("beta/resources/teamsasyncoperationstatus.md");
    let text = fs::read_to_string(&status).unwrap();
    fs::write(
        &status,
        text.replace(
            "|failed|4|The operation failed.|",
            "|failed|4|The operation failed.|\n|cancelled|5|The operation was cancelled.|",
        ),
    )
    .unwrap();
    (old, new)
}

fn args<'a>(old: &'a Path, new: &'a Path, more: &[&'a str]) -> Vec<&'a str> {
    let mut out = vec!["diff", old.to_str().unwrap(), new.to_str().unwrap()];
    out.extend_from_slice(more);
    out
}

#[test]
fn human_breaking_first_grouped_with_a_summary() {
    let (old, new) = pair("cli-diff-human");
    let out = run(&args(&old, &new, &[]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let breaking = stdout.find("== Breaking changes: 1 ==").expect(&stdout);
    let compatible = stdout.find("== Compatible changes: 2 ==").expect(&stdout);
    assert!(breaking < compatible);
    for line in [
        "beta, area microsoft-teams",
        "  microsoft.graph.teamsAsyncOperation",
        "    property removed: attemptsCount",
        "        Rust  breaking   field `attempts_count: Field<i32>` removed",
        "        old   beta/resources/teamsasyncoperation.md:40  Int32",
        "    member added: cancelled",
        "beta: 1 breaking (1 Rust, 1 wire) of 3 changes: properties 1 added, 1 removed; members 1 added",
    ] {
        assert!(stdout.contains(line), "{line:?} missing from:\n{stdout}");
    }
}

#[test]
fn fail_on_breaking_or_any() {
    let (old, new) = pair("cli-diff-fail");
    let out = run(&args(&old, &new, &["--fail-on", "breaking"]));
    assert_eq!(out.status.code(), Some(1));
    let out = run(&args(&old, &new, &["--fail-on", "any"]));
    assert_eq!(out.status.code(), Some(1));
    // The same pages on both sides: nothing to fail on.
    let out = run(&args(&old, &old, &["--fail-on", "any"]));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("no changes"));
}

#[test]
fn json_one_record_per_change() {
    let (old, new) = pair("cli-diff-json");
    let out = run(&args(&old, &new, &["--format", "json"]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["counts"]["beta"]["breaking"], 1);
    let removed = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "propertyRemoved")
        .expect("the removed property");
    assert_eq!(removed["version"], "beta");
    assert_eq!(removed["type"], "microsoft.graph.teamsAsyncOperation");
    assert_eq!(removed["name"], "attemptsCount");
    assert_eq!(removed["rust"]["level"], "breaking");
    assert_eq!(removed["wire"]["level"], "breaking");
    assert_eq!(removed["old"]["text"], "Int32");
    assert_eq!(
        removed["old"]["at"],
        "beta/resources/teamsasyncoperation.md:40"
    );
    assert_eq!(removed["new"]["text"], serde_json::Value::Null);
    assert_eq!(
        removed["new"]["at"],
        "beta/resources/teamsasyncoperation.md:49"
    );
}

#[test]
fn markdown_for_a_pull_request() {
    let (old, new) = pair("cli-diff-markdown");
    let out = run(&args(&old, &new, &["--format", "markdown"]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    for part in [
        "## Changes from `",
        "### Breaking changes: 1",
        "#### beta · microsoft-teams · `microsoft.graph.teamsAsyncOperation`",
        "| change | Rust | wire | old | new |",
        "| property removed `attemptsCount` | **breaking** field",
        "<details><summary>Compatible changes: 2</summary>",
    ] {
        assert!(md.contains(part), "{part:?} missing from:\n{md}");
    }
}

#[test]
fn a_side_that_is_not_there_is_an_error() {
    let (old, _) = pair("cli-diff-missing");
    let out = run(&["diff", old.to_str().unwrap(), "/nonexistent/docs"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("/nonexistent/docs"),
        "{}",
        text(&out.stderr)
    );
}
