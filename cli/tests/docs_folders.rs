//! The CLI on a folder with no pages and on a checkout root: a clear error and a non-zero
//! exit for the first, the pages read for the second.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs-input/beta");

/// A fresh folder under the system temp folder, for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gdc-cli-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
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

/// A checkout root: the seed pages under `api-reference/beta`.
fn checkout(name: &str) -> PathBuf {
    let root = scratch(name);
    copy_dir(Path::new(SEED), &root.join("api-reference/beta"));
    root
}

#[test]
fn the_cli_fails_on_an_empty_folder_and_reads_a_checkout_root() {
    let exe = env!("CARGO_BIN_EXE_graph-docs-codegen");
    let empty = scratch("cli-empty");
    for args in [
        vec!["check".into(), empty.clone()],
        vec![
            "generate".into(),
            empty.clone(),
            "--out".into(),
            empty.join("out"),
        ],
    ] {
        let out = Command::new(exe).args(&args).output().unwrap();
        assert!(!out.status.success(), "{args:?} succeeded");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("no documentation pages"), "{stderr}");
    }
    let root = checkout("cli-root");
    let out = Command::new(exe)
        .args(["generate".as_ref(), root.as_os_str(), "--out".as_ref()])
        .arg(root.join("out"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.starts_with("read 8 pages"), "{stdout}");
}
