//! Any text as a JSON representation block: the tolerant scanner never panics and every key
//! it finds lies on a line of the block.
#![no_main]

use graph_docs_codegen::parse::json_repr::representation;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let first = 10;
    let r = representation(text, first);
    let last = first + text.matches('\n').count();
    for p in &r.properties {
        assert!(p.line >= first && p.line <= last, "{} at {}", p.name, p.line);
    }
    if let Some((line, _)) = &r.json_error {
        assert!(*line >= first && *line <= last + 1, "error at {line}");
    }
});
