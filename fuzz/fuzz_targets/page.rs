//! Any text as a page: reading never panics, and every diagnostic points into the page.
#![no_main]

use graph_docs_codegen::parse::read_page;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (page, diagnostics) = read_page("beta/resources/fuzz.md", text);
    let lines = text.lines().count().max(1);
    for d in &diagnostics {
        assert!(d.source.line >= 1 && d.source.line <= lines + 1, "{d} outside {lines} lines");
    }
    let _ = serde_json::to_string(&page).expect("a page serialises");
});
