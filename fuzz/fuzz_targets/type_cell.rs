//! Any type cell, with or without a link: the reader never panics, and a named type is never
//! empty.
#![no_main]

use graph_docs_codegen::parse::type_ref::{type_cell, Spelling};
use graph_docs_codegen::parse::{Inline, Link};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, Option<(&str, &str)>)| {
    let (text, link) = input;
    // As the parser builds a cell: the link's text is part of the cell's, starting at `at`.
    let mut cell = Inline {
        text: text.to_string(),
        links: Vec::new(),
        code_spans: Vec::new(),
    };
    if let Some((link_text, dest)) = link {
        cell.links.push(Link {
            text: link_text.to_string(),
            dest: dest.to_string(),
            at: cell.text.len(),
        });
        cell.text.push_str(link_text);
    }
    let read = type_cell(&cell);
    if let Spelling::Named { name, .. } = &read.spelling {
        assert!(!name.is_empty(), "empty name from {cell:?}");
    }
});
