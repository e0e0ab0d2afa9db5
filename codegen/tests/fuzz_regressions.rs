//! Inputs that crashed a fuzz target (fuzz/regressions/TARGET/*), run again on every test run
//! through the same calls as the targets in fuzz/fuzz_targets. Inputs for `type_cell` are
//! structured, so its crash is a unit test in parse/type_ref.rs instead.

use std::fs;
use std::path::Path;

use graph_docs_codegen::parse::annotations::read_comment;
use graph_docs_codegen::parse::json_repr::representation;
use graph_docs_codegen::parse::read_page;

fn inputs(target: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/regressions")
        .join(target);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    entries
        .map(|e| {
            let path = e.unwrap().path();
            let bytes = fs::read(&path).unwrap();
            // The text targets take `&str`: libFuzzer skips inputs that are not UTF-8.
            (
                path.display().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            )
        })
        .collect()
}

#[test]
fn crashing_inputs_no_longer_crash() {
    let mut count = 0;
    for (name, text) in inputs("page") {
        let (_, diagnostics) = read_page("beta/resources/fuzz.md", &text);
        assert!(diagnostics.iter().all(|d| d.source.line >= 1), "{name}");
        count += 1;
    }
    for (_, text) in inputs("annotation") {
        read_comment(&text);
        read_comment(&format!("<!-- {text} -->"));
        count += 1;
    }
    for (name, text) in inputs("json_repr") {
        let r = representation(&text, 10);
        let last = 10 + text.matches('\n').count();
        assert!(r.properties.iter().all(|p| p.line <= last), "{name}");
        count += 1;
    }
    assert!(
        count >= 1,
        "no regression inputs found under fuzz/regressions"
    );
}
