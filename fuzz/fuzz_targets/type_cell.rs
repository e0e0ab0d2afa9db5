//! Any type cell, with or without a link: the reader never panics, and a named type is never
//! empty.
#![no_main]

use graph_docs_codegen::parse::type_ref::{type_cell, Spelling};
use graph_docs_codegen::parse::{Inline, Link};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, Option<(&str, &str)>)| {
    let (text, link) = input;
    let cell = Inline {
        text: text.to_string(),
        links: link
            .map(|(text, dest)| Link {
                text: text.to_string(),
                dest: dest.to_string(),
            })
            .into_iter()
            .collect(),
        code_spans: Vec::new(),
    };
    let read = type_cell(&cell);
    if let Spelling::Named { name, .. } = &read.spelling {
        assert!(!name.is_empty(), "empty name from {cell:?}");
    }
});
