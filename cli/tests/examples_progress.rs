//! `examples` says what it is doing on every long step (plain lines here, stderr not being a
//! terminal; a bar on a terminal), and its work folder is one per checkout, under `target/`,
//! rather than one shared folder in the system temp folder that other runs rewrite.

use std::path::{Path, PathBuf};
use std::process::Command;

const EXE: &str = env!("CARGO_BIN_EXE_graph-docs-codegen");
const DOCS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs-input");

/// The `target/` folder the command was built into.
fn target_dir() -> PathBuf {
    Path::new(EXE)
        .ancestors()
        .find(|a| a.file_name().is_some_and(|n| n == "target"))
        .expect("the command is built under a target/ folder")
        .to_path_buf()
}

#[test]
fn examples_reports_each_long_step_and_works_under_this_checkouts_target() {
    // Kept between runs (as the default is), so only the first run builds from nothing.
    let work = target_dir().join("cli-examples-progress");
    let out = Command::new(EXE)
        .args(["examples", DOCS, "--work-dir"])
        .arg(&work)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    for line in [
        "examples: reading the docs...",
        "examples: reading the docs: done in ",
        &format!("examples: work folder {}", work.display()),
        "examples: writing the runner package (",
        "examples: building the runner (debug; the first build takes minutes)...",
        "examples: building the runner (debug; the first build takes minutes): ",
        "examples: reading and writing back each example body, building each example request...",
        // Two bodies read and written back, one request built, the same request replayed.
        "examples: reading and writing back each example body, building each example request: 4 examples through the generated code in ",
    ] {
        assert!(
            stderr.lines().any(|l| l.starts_with(line)),
            "no line starting {line:?} in:\n{stderr}"
        );
    }
    assert!(work.join("package/Cargo.toml").is_file());
}

#[test]
fn the_default_work_folder_is_under_this_checkouts_target() {
    // A docs folder with no typed example: nothing is built, but the folder is said.
    let docs = std::env::temp_dir().join(format!("gdc-cli-no-examples-{}", std::process::id()));
    let resources = docs.join("beta/resources");
    std::fs::create_dir_all(&resources).unwrap();
    std::fs::copy(
        Path::new(DOCS).join("beta/resources/resultinfo.md"),
        resources.join("resultinfo.md"),
    )
    .unwrap();
    let out = Command::new(EXE)
        .arg("examples")
        .arg(&docs)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let expected = target_dir().join("graph-docs-examples");
    assert!(
        stderr.contains(&format!("examples: work folder {}", expected.display())),
        "{stderr}"
    );
    assert!(!stderr.contains(
        &std::env::temp_dir()
            .join("graph-docs-examples")
            .display()
            .to_string()
    ));
}
