//! Descriptions full of comment closers, quotes, backticks, attribute syntax, brackets, HTML,
//! escape sequences and text-direction codepoints: the generated crate compiles clippy-clean,
//! and every description is in the doc attributes, escaped only where rustdoc or rustc need it.

mod common;

use graph_docs_codegen::emit::{Emitter, IncludeStyle};
use graph_docs_codegen::Config;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile-text");

/// Every doc attribute of the file, joined per item, as rustdoc will read them.
fn doc_texts(source: &str) -> Vec<String> {
    fn docs(attrs: &[syn::Attribute]) -> String {
        attrs
            .iter()
            .filter(|a| a.path().is_ident("doc"))
            .filter_map(|a| match &a.meta {
                syn::Meta::NameValue(nv) => match &nv.value {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(s),
                        ..
                    }) => Some(s.value()),
                    _ => None,
                },
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
    let file = syn::parse_file(source).expect("generated code parses");
    let mut out = Vec::new();
    for item in &file.items {
        match item {
            syn::Item::Struct(s) => {
                out.push(docs(&s.attrs));
                out.extend(s.fields.iter().map(|f| docs(&f.attrs)));
            }
            syn::Item::Enum(e) => {
                out.push(docs(&e.attrs));
                out.extend(e.variants.iter().map(|v| docs(&v.attrs)));
            }
            _ => {}
        }
    }
    out
}

/// Undoes the escapes of the emitter (`\[`, `\]`, `\<`, `\u{..}`) and collapses whitespace.
fn as_read(doc: &str) -> String {
    let mut out = String::new();
    let mut rest = doc;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("\\u{") {
            let end = after.find('}').unwrap();
            out.push(char::from_u32(u32::from_str_radix(&after[..end], 16).unwrap()).unwrap());
            rest = &after[end + 1..];
        } else if let Some(after) = rest
            .strip_prefix('\\')
            .filter(|a| a.starts_with(['[', ']', '<']))
        {
            rest = after;
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    collapse(&out)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_description_survives_in_the_docs() {
    let loaded = Config::new()
        .docs_dir(FIXTURE)
        .load()
        .expect("fixture readable");
    let output = Emitter::new(&loaded.schema).emit(IncludeStyle::Relative);
    let docs: Vec<String> = doc_texts(&output.files["beta.rs"])
        .iter()
        .map(|d| as_read(d))
        .collect();
    let mut descriptions: Vec<&str> = Vec::new();
    for t in &loaded.schema.types {
        descriptions.extend(t.description.as_deref());
        descriptions.extend(t.properties.iter().filter_map(|p| p.description.as_deref()));
        descriptions.extend(t.members.iter().filter_map(|m| m.description.as_deref()));
    }
    assert!(descriptions.len() >= 14, "{descriptions:#?}");
    for d in descriptions {
        let d = collapse(d);
        assert!(
            docs.iter().any(|doc| doc.contains(&d)),
            "{d:?} is in no doc attribute:\n{docs:#?}"
        );
    }
    // What each hostile piece reads as, after markdown.
    let all = docs.join("\n");
    for piece in [
        "#[derive(Debug)] #![deny(warnings)] #[doc = \"x\"]",
        "r#\"raw\"#",
        "\"# and r#\"x\"#",
        "]] [[ [not a link]",
        "a lone ` backtick",
        "Mood: \"*/\" and `#[x]`.",
        // Markdown reads `*/ ... /*` as emphasis, as the docs site renders it; the markers
        // are dropped like all emphasis (see the README).
        "Closes / and opens /.",
        "Hidden\u{202e}override",
        "\u{1b}[31mred",
    ] {
        assert!(all.contains(piece), "{piece:?} missing from:\n{all}");
    }
}

/// This fixture, and the awkward names one (keywords, digits, symbols, case collisions,
/// prelude names, `additional_properties`).
#[test]
fn the_generated_crates_are_clippy_clean() {
    let root = common::scratch("hostile-text");
    let awkward = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/awkward");
    for (name, docs) in [("hostile-text", FIXTURE), ("awkward-names", awkward)] {
        let package = root.join(name);
        common::generate_package(docs.as_ref(), &package, name);
        let clippy = common::cargo(&package, &["clippy", "--quiet", "--", "-D", "warnings"]);
        let stderr = String::from_utf8_lossy(&clippy.stderr);
        assert!(
            clippy.status.success(),
            "clippy failed on {name}:\n{stderr}"
        );
        assert!(!stderr.contains("warning"), "{name}: {stderr}");
    }
}
