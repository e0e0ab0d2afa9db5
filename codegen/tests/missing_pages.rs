//! A page added alone: the pages it needs are named, in one note and, from a fuller docs
//! folder, with every page they need in turn.

use graph_docs_codegen::resolve::missing;
use graph_docs_codegen::Config;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/missing");

#[test]
fn a_page_alone_names_the_pages_it_needs() {
    let partial = Config::new()
        .docs_dir(format!("{FIXTURES}/partial"))
        .load()
        .expect("readable");
    let notes: Vec<_> = partial
        .schema
        .diagnostics
        .iter()
        .filter(|d| d.code == "missing-pages")
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", partial.schema.diagnostics);
    assert_eq!(notes[0].source.file, "v1.0/resources/note.md");
    assert!(
        notes[0].message.contains(
            "add the 2 page(s) that define them: v1.0/resources/notebody.md, v1.0/resources/outlookthing.md"
        ),
        "{}",
        notes[0].message
    );
}

#[test]
fn the_fuller_docs_give_the_closure_of_what_is_missing() {
    let partial = Config::new()
        .docs_dir(format!("{FIXTURES}/partial"))
        .load()
        .expect("readable");
    let full = Config::new()
        .docs_dir(format!("{FIXTURES}/full"))
        .load()
        .expect("readable");
    let have: Vec<String> = partial.pages.iter().map(|p| p.path.clone()).collect();
    let closure = missing::closure(&partial.schema, &have, &full.schema);
    // The author page is needed only by the body page: found in turn; the unrelated one is not.
    assert_eq!(
        closure.pages,
        [
            "v1.0/resources/noteauthor.md",
            "v1.0/resources/notebody.md",
            "v1.0/resources/outlookthing.md"
        ]
    );
    assert!(closure.not_found.is_empty());
    // With every page added, nothing is missing.
    let complete = Config::new()
        .docs_dir(format!("{FIXTURES}/full"))
        .load()
        .expect("readable");
    assert!(!complete
        .schema
        .diagnostics
        .iter()
        .any(|d| d.code == "missing-pages"));
}
