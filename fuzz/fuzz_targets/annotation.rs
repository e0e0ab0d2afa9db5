//! Any text as an HTML comment: the annotation reader never panics, and a reported error line
//! lies inside the comment.
#![no_main]

use graph_docs_codegen::parse::annotations::{read_comment, Comment};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for html in [text.to_string(), format!("<!-- {text} -->")] {
        let lines = html.lines().count().max(1);
        match read_comment(&html) {
            Comment::Invalid(e) | Comment::Repaired(_, e) => {
                assert!(e.line_offset < lines, "line {} of {lines}", e.line_offset)
            }
            _ => {}
        }
    }
});
