//! The CLI on a folder with no pages and on a checkout root: a clear error and a non-zero
//! exit for the first, the pages read for the second.

use std::process::Command;

// The engine's test helpers: the CLI is tested on the same scratch folders.
#[path = "../../codegen/tests/common/mod.rs"]
mod common;

use common::{checkout, scratch};

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
