//! Doc comments from documentation prose, as `#[doc]` attributes (prettyplease keeps those).

use proc_macro2::TokenStream;
use quote::quote;

/// One `#[doc]` attribute per line of `text`.
pub fn doc_attrs(text: &str) -> TokenStream {
    let text = text.trim();
    if text.is_empty() {
        return TokenStream::new();
    }
    let lines = text.lines().map(|line| {
        // Tabs and runs of spaces are layout of the markdown source, not meaning.
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {}", escape(&line))
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// Keeps rustdoc from reading prose as markup it is not: brackets are not links, and angle
/// brackets are not HTML.
fn escape(line: &str) -> String {
    line.replace('[', "\\[")
        .replace(']', "\\]")
        .replace('<', "\\<")
}
