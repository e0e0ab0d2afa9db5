//! Pages built to exhaust the reader: nesting tens of thousands deep, megabytes of text, tables
//! of tens of thousands of rows or cells. Each is read in bounded time and memory without
//! overflowing the stack; a limit that bites is a diagnostic at the page's line.

mod common;

use std::time::{Duration, Instant};

use graph_docs_codegen::docs_folder::MAX_PAGE_BYTES;
use graph_docs_codegen::{Config, Loaded};

const DEEP: usize = 50_000;

fn resource(name: &str, rows: &str, annotation_extra: &str, json: &str, tail: &str) -> String {
    format!(
        "---\ntitle: \"{name} resource type\"\n---\n\n# {name} resource type\n\nNamespace: microsoft.graph\n\nA hostile page.\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n{rows}\n\n## JSON representation\n\n<!-- {{\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph.{name}\"{annotation_extra}\n}}-->\n```json\n{json}\n```\n{tail}\n"
    )
}

const ROWS: &str = "| a | String | A. |\n| b | Int32 | B. |";
const JSON: &str = "{\n  \"a\": \"String\",\n  \"b\": 0\n}";

fn load(docs: &std::path::Path) -> (Loaded, Duration) {
    let start = Instant::now();
    let loaded = Config::new().docs_dir(docs).load().expect("docs readable");
    (loaded, start.elapsed())
}

fn diagnostic_at(loaded: &Loaded, code: &str) -> String {
    loaded
        .schema
        .diagnostics
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} in {:#?}", loaded.schema.diagnostics))
        .to_string()
}

#[test]
fn deep_nesting_in_annotations_and_json_blocks_is_a_diagnostic() {
    let docs = common::scratch("deep-json").join("docs");
    let deep_array = format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP));
    let deep_object = format!("{}{}", "{\"x\":".repeat(DEEP), "}".repeat(DEEP));
    common::write_page(
        &docs,
        "deepannotation.md",
        &resource(
            "deepAnnotation",
            ROWS,
            &format!(",\n  \"x\": {deep_array}"),
            JSON,
            "",
        ),
    );
    common::write_page(
        &docs,
        "deepjson.md",
        &resource(
            "deepJson",
            ROWS,
            "",
            &format!("{{\n  \"a\": {deep_array},\n  \"b\": {deep_object}\n}}"),
            "",
        ),
    );
    // An example response nested as deep.
    let example = format!(
        "<!-- {{\n  \"blockType\": \"response\",\n  \"@odata.type\": \"microsoft.graph.deepJson\"\n}} -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{{\"a\": {deep_array}}}\n```\n"
    );
    common::write_page(
        &docs,
        "deepexample.md",
        &format!("# Get deepJson\n\n{example}"),
    );
    let (loaded, took) = load(&docs);
    assert!(took < Duration::from_secs(20), "took {took:?}");
    let annotation = diagnostic_at(&loaded, "annotation-json");
    assert!(
        annotation.starts_with("beta/resources/deepannotation.md:23:")
            && annotation.contains("recursion limit"),
        "{annotation}"
    );
    let block = diagnostic_at(&loaded, "representation-json");
    assert!(
        block.starts_with("beta/resources/deepjson.md:26:") && block.contains("recursion limit"),
        "{block}"
    );
    // The keys are still read by the tolerant scan.
    let t = loaded.schema.get(
        loaded
            .schema
            .find("beta", "microsoft.graph.deepJson")
            .unwrap(),
    );
    assert_eq!(t.properties.len(), 2);
}

#[test]
fn deep_markdown_huge_pages_rows_and_cells_are_read_in_bounded_time() {
    let docs = common::scratch("deep-markdown").join("docs");
    let tails = [
        ("deepquote", "> ".repeat(DEEP) + "x"),
        ("deeplist", "- ".repeat(DEEP) + "x"),
        (
            "deepindent",
            (0..2_000)
                .map(|i| format!("{}- x\n", "  ".repeat(i)))
                .collect(),
        ),
        (
            "deepinline",
            format!(
                "{}x{}\n\n{}x{}",
                "*".repeat(DEEP),
                "*".repeat(DEEP),
                "[".repeat(DEEP),
                "](y)".repeat(DEEP)
            ),
        ),
        (
            "cells",
            format!(
                "## Properties\n\n|{}\n|{}\n|{}",
                "a|".repeat(DEEP),
                "-|".repeat(DEEP),
                "b|".repeat(DEEP)
            ),
        ),
        // Five megabytes of prose.
        ("bigpage", ("word ".repeat(200) + "\n\n").repeat(5_000)),
    ];
    for (name, tail) in &tails {
        common::write_page(
            &docs,
            &format!("{name}.md"),
            &resource(name, ROWS, "", JSON, tail),
        );
    }
    let rows: String = (0..30_000)
        .map(|i| format!("| p{i} | String | Property {i}. |\n"))
        .collect();
    let keys: Vec<String> = (0..30_000)
        .map(|i| format!("  \"p{i}\": \"String\""))
        .collect();
    let json = format!("{{\n{}\n}}", keys.join(",\n"));
    common::write_page(&docs, "rows.md", &resource("rows", &rows, "", &json, ""));

    let (loaded, took) = load(&docs);
    // About 1 s in a debug build; the bound only catches quadratic work.
    assert!(took < Duration::from_secs(30), "took {took:?}");
    assert_eq!(loaded.pages.len(), tails.len() + 1);
    let rows = &loaded.schema.types.iter().find(|t| t.name == "rows");
    assert!(rows.is_none(), "30,000 properties is past the limit");
    let refused = diagnostic_at(&loaded, "type-too-large");
    // At the resource annotation, after the 30,000 rows.
    assert!(
        refused.starts_with("beta/resources/rows.md:30019:")
            && refused.contains("30000 properties"),
        "{refused}"
    );
    for (name, _) in &tails {
        assert!(
            loaded.schema.types.iter().any(|t| t.name == *name),
            "{name} not read"
        );
    }
}

#[test]
fn a_page_past_the_size_limit_is_skipped_with_an_error() {
    let docs = common::scratch("too-big").join("docs");
    common::write_page(&docs, "small.md", &resource("small", ROWS, "", JSON, ""));
    let huge = "x".repeat(MAX_PAGE_BYTES as usize + 1);
    common::write_page(&docs, "huge.md", &resource("huge", ROWS, "", JSON, &huge));
    let (loaded, _) = load(&docs);
    assert_eq!(loaded.pages.len(), 1);
    assert!(diagnostic_at(&loaded, "page-too-large").starts_with("beta/resources/huge.md:1:"));
}
