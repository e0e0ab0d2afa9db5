//! Where the docs folder can be, and files the walk cannot use: every layout a user may
//! point at reads the same pages with the same paths; a folder with no pages is an error;
//! loops, unreadable files, bad UTF-8, a byte-order mark and CRLF are diagnostics.

use std::fs;
use std::path::Path;

use graph_docs_codegen::{Config, Diagnostic, Loaded};

mod common;

use common::{checkout, scratch, SEED};

fn load(dir: &Path) -> Loaded {
    Config::new()
        .docs_dir(dir)
        .check_examples(false)
        .load()
        .expect("docs readable")
}

fn paths(loaded: &Loaded) -> Vec<&str> {
    loaded.pages.iter().map(|p| p.path.as_str()).collect()
}

fn with_code<'a>(loaded: &'a Loaded, code: &str) -> Vec<&'a Diagnostic> {
    loaded
        .schema
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .collect()
}

#[test]
fn every_layout_reads_the_same_pages_with_the_same_paths() {
    let root = checkout("layouts");
    let from_root = load(&root);
    assert_eq!(from_root.pages.len(), 8);
    assert!(paths(&from_root).contains(&"beta/resources/teamsasyncoperation.md"));
    for dir in [root.join("api-reference"), root.join("api-reference/beta")] {
        let loaded = load(&dir);
        assert_eq!(paths(&loaded), paths(&from_root), "from {}", dir.display());
        assert_eq!(loaded.roots, [root.join("api-reference")]);
        assert_eq!(loaded.schema.types.len(), from_root.schema.types.len());
    }
}

#[test]
fn a_folder_without_pages_is_an_error_naming_the_layouts() {
    let empty = scratch("empty");
    let versions_only = scratch("versions-only");
    fs::create_dir_all(versions_only.join("beta/resources")).unwrap();
    for dir in [&empty, &versions_only] {
        let message = Config::new()
            .docs_dir(dir)
            .out_dir(dir.join("out"))
            .generate()
            .expect_err("no pages")
            .to_string();
        assert!(message.contains(&dir.display().to_string()), "{message}");
        assert!(message.contains("api-reference/"), "{message}");
        assert!(message.contains("beta/resources/x.md"), "{message}");
    }
    let missing = Config::new()
        .docs_dir(empty.join("nowhere"))
        .load()
        .expect_err("no folder");
    assert!(missing.to_string().contains("nowhere"), "{missing}");
}

#[cfg(unix)]
#[test]
fn loops_and_unreadable_files_are_reported_and_the_rest_is_read() {
    let root = checkout("loops");
    let resources = root.join("api-reference/beta/resources");
    std::os::unix::fs::symlink("..", resources.join("loop")).unwrap();
    std::os::unix::fs::symlink("gone.md", resources.join("dangling.md")).unwrap();
    let loaded = load(&root);
    assert_eq!(loaded.pages.len(), 8);
    let looped = with_code(&loaded, "file-system-loop");
    assert_eq!(looped.len(), 1, "{looped:?}");
    assert_eq!(looped[0].source.to_string(), "beta/resources/loop:1");
    let unreadable = with_code(&loaded, "file-unreadable");
    assert_eq!(unreadable.len(), 1, "{unreadable:?}");
    assert_eq!(unreadable[0].source.file, "beta/resources/dangling.md");
}

#[test]
fn bad_utf8_a_byte_order_mark_and_crlf_are_diagnostics_and_read_as_usual() {
    let plain = checkout("encodings-plain");
    let odd = checkout("encodings-odd");
    let resources = odd.join("api-reference/beta/resources");
    let edit = |name: &str, f: &dyn Fn(Vec<u8>) -> Vec<u8>| {
        let path = resources.join(name);
        fs::write(&path, f(fs::read(&path).unwrap())).unwrap();
    };
    edit("resultinfo.md", &|b| {
        [b"\xef\xbb\xbf".as_slice(), &b].concat()
    });
    edit("teamsasyncoperation.md", &|b| {
        String::from_utf8(b).unwrap().replace('\n', "\r\n").into()
    });
    // An invalid byte in the description of the second page, line 11.
    edit("operationerror.md", &|b| {
        let text = String::from_utf8(b).unwrap();
        let at = text.match_indices('\n').nth(9).unwrap().0 + 1;
        [&text.as_bytes()[..at], b"\xff", &text.as_bytes()[at..]].concat()
    });

    let (plain, odd) = (load(&plain), load(&odd));
    let at = |code| {
        with_code(&odd, code)
            .iter()
            .map(|d| d.source.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(at("byte-order-mark"), ["beta/resources/resultinfo.md:1"]);
    assert_eq!(
        at("crlf-line-ends"),
        ["beta/resources/teamsasyncoperation.md:1"]
    );
    assert_eq!(at("not-utf8"), ["beta/resources/operationerror.md:11"]);

    // Apart from those, the types and every diagnostic (lines included) are the same.
    let types = |l: &Loaded| serde_json::to_value(&l.schema.types).unwrap();
    let mut plain_types = types(&plain);
    let mut odd_types = types(&odd);
    for t in [&mut plain_types, &mut odd_types] {
        for t in t.as_array_mut().unwrap() {
            if t["source"].as_str().unwrap().contains("operationerror.md") {
                t.as_object_mut().unwrap().remove("description");
            }
        }
    }
    assert_eq!(odd_types, plain_types);
    let others = |l: &Loaded| -> Vec<Diagnostic> {
        l.schema
            .diagnostics
            .iter()
            .filter(|d| !["byte-order-mark", "crlf-line-ends", "not-utf8"].contains(&d.code))
            .cloned()
            .collect()
    };
    assert_eq!(others(&odd), others(&plain));
}

#[test]
fn overrides_are_read_once_from_beside_the_version_folders() {
    let root = checkout("overrides");
    fs::copy(
        Path::new(SEED).join("../overrides.toml"),
        root.join("api-reference/overrides.toml"),
    )
    .unwrap();
    for dirs in [
        vec![root.clone()],
        vec![root.join("api-reference"), root.clone()],
    ] {
        let mut config = Config::new();
        for dir in &dirs {
            config.docs_dir(dir);
        }
        let loaded = config.check_examples(false).load().unwrap();
        let applied = with_code(&loaded, "override-applied");
        assert_eq!(applied.len(), 1, "{dirs:?}: {applied:?}");
        assert!(with_code(&loaded, "override-unused").is_empty(), "{dirs:?}");
    }
}
