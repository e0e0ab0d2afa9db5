//! Snapshots of what each page of `docs-input/` becomes: the Rust emitted for the types and
//! operations it defines, and its part of the resolved model. A changed page shows up as a
//! snapshot diff; review it with `cargo insta review`.
//!
//! Line numbers are left out (`beta/resources/x.md:40` is `beta/resources/x.md`, "line 50"
//! is "line _"): an edit that only moves lines changes no snapshot, and a diff shows what the
//! page says differently. `inspect --json` and the generated code keep them.

use graph_docs_codegen::diff::without_lines;
use graph_docs_codegen::emit::Emitter;
use graph_docs_codegen::Config;
use serde_json::{json, Value};

/// Every string of `value` without line numbers.
fn redact(value: &mut Value) {
    match value {
        Value::String(s) => *s = without_lines(s),
        Value::Array(items) => items.iter_mut().for_each(redact),
        Value::Object(map) => map.values_mut().for_each(redact),
        _ => {}
    }
}

/// Per page of the docs folder `dir`: its snapshot name, its model (redacted) and the Rust of
/// the types it defines.
fn snapshots(dir: &std::path::Path) -> Vec<(String, Value, Option<String>)> {
    let loaded = Config::new()
        .docs_dir(dir)
        .load()
        .expect("docs folder readable");
    let schema = &loaded.schema;
    let emitter = Emitter::new(schema);
    assert!(!loaded.pages.is_empty());
    let mut out = Vec::new();
    for page in &loaded.pages {
        let slug = page.path.trim_end_matches(".md").replace(['/', '.'], "_");
        let types: Vec<usize> = (0..schema.types.len())
            .filter(|&i| schema.types[i].source.file == page.path)
            .collect();
        let operation_indices: Vec<usize> = (0..schema.operations.len())
            .filter(|&i| schema.operations[i].source.file == page.path)
            .collect();
        let operations: Vec<_> = operation_indices
            .iter()
            .map(|&i| &schema.operations[i])
            .collect();
        let mut model = json!({
            "types": types.iter().map(|&i| &schema.types[i]).collect::<Vec<_>>(),
            "operations": operations,
            "diagnostics": schema.diagnostics.iter().filter(|d| d.source.file == page.path).collect::<Vec<_>>(),
        });
        redact(&mut model);
        let rust = (!types.is_empty() || !operation_indices.is_empty()).then(|| {
            let types = types.iter().map(|&i| emitter.type_source(schema.id(i)));
            let operations = operation_indices
                .iter()
                .map(|&i| emitter.operation_source(i));
            let rust: String = types.chain(operations).collect::<Vec<_>>().join("\n");
            without_lines(&rust)
        });
        out.push((slug, model, rust));
    }
    out
}

/// Every snapshot is compared (and a `.snap.new` written for each that changed), not only
/// those before the first change; the test then fails naming them all.
#[test]
fn every_page_of_docs_input() {
    let mut changed = Vec::new();
    let mut check = |name: String, assert: &dyn Fn()| {
        if std::panic::catch_unwind(std::panic::AssertUnwindSafe(assert)).is_err() {
            changed.push(name);
        }
    };
    for (slug, model, rust) in snapshots(std::path::Path::new("docs-input")) {
        let name = format!("{slug}.model");
        check(name.clone(), &|| {
            insta::assert_json_snapshot!(name.clone(), model);
        });
        if let Some(rust) = rust {
            let name = format!("{slug}.rs");
            check(name.clone(), &|| {
                insta::assert_snapshot!(name.clone(), rust)
            });
        }
    }
    assert!(
        changed.is_empty(),
        "{} snapshots changed: {}; review them with `cargo insta review` (cargo install cargo-insta --version 1.49.0 --locked)",
        changed.len(),
        changed.join(", ")
    );
}

#[test]
fn lines_that_move_change_no_snapshot() {
    let dir = std::env::temp_dir().join(format!("gdm-moved-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let pages = dir.join("beta/resources");
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::create_dir_all(dir.join("beta/api")).unwrap();
    for entry in std::fs::read_dir("docs-input/beta/resources").unwrap() {
        let entry = entry.unwrap();
        let text = std::fs::read_to_string(entry.path()).unwrap();
        // Blank lines under the title move every line after it.
        let moved = text
            .replacen("\n# ", "\n\n\n\n# ", 1)
            .replacen("\n\n## ", "\n\n\n\n## ", 1);
        assert_ne!(moved, text);
        std::fs::write(pages.join(entry.file_name()), moved).unwrap();
    }
    for entry in std::fs::read_dir("docs-input/beta/api").unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join("beta/api").join(entry.file_name())).unwrap();
    }
    std::fs::copy("docs-input/overrides.toml", dir.join("overrides.toml")).unwrap();
    let before = snapshots(std::path::Path::new("docs-input"));
    let after = snapshots(&dir);
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b, a, "{} changed when only lines moved", b.0);
    }
}
