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
        // Tabs and runs of spaces are layout of the markdown source, not meaning; except the
        // indentation of a list item, which says how deep it is nested.
        let words = line.split_whitespace().collect::<Vec<_>>().join(" ");
        let indent = if is_list_item(&words) {
            &line[..line.len() - line.trim_start_matches(' ').len()]
        } else {
            ""
        };
        let line = if words.is_empty() {
            String::new()
        } else {
            format!(" {indent}{}", escape(&words))
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// `- x` or `12. x`.
fn is_list_item(line: &str) -> bool {
    let digits = line.trim_start_matches(|c: char| c.is_ascii_digit());
    line.starts_with("- ") || (digits.len() < line.len() && digits.starts_with(". "))
}

/// Keeps rustdoc from reading prose as markup it is not: brackets are not links, and angle
/// brackets are not HTML. Control characters and the codepoints that reorder text are written
/// as `\u{..}`: rustc rejects the latter in comments (`text_direction_codepoint_in_comment`),
/// and prettyplease prints doc attributes as `///` comments.
fn escape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    // Inside a code span rustdoc reads nothing as markup, and a backslash would show. A
    // backtick with no partner opens none.
    let mut ticks_left = line.matches('`').count();
    let mut in_code = false;
    for c in line.chars() {
        match c {
            '`' if in_code || ticks_left >= 2 => {
                in_code = !in_code;
                ticks_left -= 1;
                out.push(c);
            }
            '`' => {
                ticks_left -= 1;
                out.push(c);
            }
            '[' | ']' | '<' if !in_code => {
                out.push('\\');
                out.push(c);
            }
            _ if c.is_control() || is_text_direction(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            _ => out.push(c),
        }
    }
    out
}

/// The codepoints rustc's `text_direction_codepoint_*` lints reject, and the marks beside them.
fn is_text_direction(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_are_left_as_written() {
        assert_eq!(
            escape("a <b> `range(address='<address>')` [c] `d"),
            r"a \<b> `range(address='<address>')` \[c\] `d"
        );
        assert_eq!(escape("`a` <b> `c<d>`"), r"`a` \<b> `c<d>`");
    }

    #[test]
    fn list_items_keep_their_nesting_and_other_lines_their_words() {
        let attrs = doc_attrs("Supports:\n\n- a  b\n  - c\n1. d\n   e   f").to_string();
        assert_eq!(
            attrs,
            quote!(
                #[doc = " Supports:"]
                #[doc = ""]
                #[doc = " - a b"]
                #[doc = "   - c"]
                #[doc = " 1. d"]
                #[doc = " e f"]
            )
            .to_string()
        );
    }

    #[test]
    fn markup_and_invisible_codepoints_are_escaped() {
        assert_eq!(escape("[a](b) <c>"), "\\[a\\](b) \\<c>");
        assert_eq!(
            escape("a\u{202e}b\u{2066}c\u{0}d"),
            "a\\u{202e}b\\u{2066}c\\u{0}d"
        );
        assert_eq!(escape("*/ \"# `x` #[y]"), "*/ \"# `x` #\\[y\\]");
    }
}
