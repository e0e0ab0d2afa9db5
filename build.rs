//! Generates the model types from `docs-input/` into `OUT_DIR`; `generated/lib.rs` includes
//! them. Runs again only when something under `docs-input/` changes; then says what changed
//! in the types since the last build, breaking changes first.

use std::collections::BTreeMap;
use std::path::PathBuf;

use graph_docs_codegen::{diff, Config, Severity};

/// Diagnostics shown one by one; past this, a count per code.
const SHOWN: usize = 20;
/// Changes since the last build shown one by one.
const CHANGES_SHOWN: usize = 10;

fn main() {
    let docs = PathBuf::from("docs-input");
    println!("cargo:rerun-if-changed={}", docs.display());
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts"));
    let config = Config::new();
    let report = config
        .clone()
        .docs_dir(&docs)
        .out_dir(&out_dir)
        .generate()
        .unwrap_or_else(|e| panic!("cannot generate from {}: {e}", docs.display()));

    // What the types look like next to the last build's: a short summary when they differ.
    match diff::last_build::compare(&out_dir, &docs, &config, &report.schema) {
        Ok(Some(changes)) => {
            for line in diff::last_build::summary(&changes, CHANGES_SHOWN) {
                println!("cargo:warning={line}");
            }
            println!(
                "cargo:warning=all of them: `cargo run -p graph-docs-codegen-cli -- diff HEAD:docs-input docs-input` (against the last commit); `cargo insta review` for the snapshots"
            );
        }
        Ok(None) => {}
        Err(e) => println!("cargo:warning=cannot compare with the last build: {e}"),
    }

    let shown: Vec<_> = report
        .schema
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .collect();
    for d in shown.iter().take(SHOWN) {
        println!("cargo:warning={d}");
    }
    if shown.len() > SHOWN {
        let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &shown[SHOWN..] {
            *by_code.entry(d.code).or_default() += 1;
        }
        let rest: Vec<String> = by_code.iter().map(|(c, n)| format!("{c}: {n}")).collect();
        println!(
            "cargo:warning=... and {} more ({}); run `cargo run -p graph-docs-codegen-cli -- check docs-input` for all",
            shown.len() - SHOWN,
            rest.join(", ")
        );
    }
}
