//! Shared by the tests that write docs pages to a temp folder and build what is generated.
// Each test binary includes this module and uses only part of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh folder under the system temp folder, for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gdc-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The seed pages of this repository (`docs-input/beta`).
pub const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs-input/beta");

/// Copies the folder `from` to `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A checkout root: the seed pages under `<root>/api-reference/beta`.
pub fn checkout(name: &str) -> PathBuf {
    let root = scratch(name);
    copy_dir(Path::new(SEED), &root.join("api-reference/beta"));
    root
}

/// Writes `beta/resources/<file>` under `docs`.
pub fn write_page(docs: &Path, file: &str, text: &str) {
    let dir = docs.join("beta/resources");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join(file), text).unwrap();
}

/// What the CLI's `generate DOCS --out PACKAGE --crate NAME` does, through the library (the
/// binary is the CLI crate's): the modules, then the package around them.
pub fn generate_package(docs: &Path, package: &Path, name: &str) -> graph_docs_codegen::Report {
    let report = graph_docs_codegen::Config::new()
        .docs_dir(docs)
        .out_dir(package.join("src"))
        .include_style(graph_docs_codegen::emit::IncludeStyle::Relative)
        .area_features(true)
        .generate()
        .expect("generates");
    graph_docs_codegen::package::write_package(
        package,
        name,
        &report.schema,
        true,
        &graph_docs_codegen::package::Runtime::default(),
    )
    .expect("package written");
    report
}

/// `cargo <subcommand> <args>` in a generated package. The target folder is shared by these
/// tests and kept between runs, so only the generated crate itself is compiled again.
pub fn cargo(package: &Path, args: &[&str]) -> Output {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    Command::new(cargo)
        .args(args)
        .current_dir(package)
        .env(
            "CARGO_TARGET_DIR",
            std::env::temp_dir().join("gdc-generated-target"),
        )
        .output()
        .unwrap()
}
