//! Snapshots of what each page of `docs-input/` becomes: the Rust emitted for the types it
//! defines, and its part of the resolved model. A changed page shows up as a snapshot diff;
//! review it with `cargo insta review`.

use graph_docs_codegen::emit::Emitter;
use graph_docs_codegen::Config;
use serde_json::json;

#[test]
fn every_page_of_docs_input() {
    let loaded = Config::new()
        .docs_dir("docs-input")
        .load()
        .expect("docs-input readable");
    let schema = &loaded.schema;
    let emitter = Emitter::new(schema);
    assert!(!loaded.pages.is_empty());
    for page in &loaded.pages {
        let slug = page.path.trim_end_matches(".md").replace(['/', '.'], "_");
        let types: Vec<usize> = (0..schema.types.len())
            .filter(|&i| schema.types[i].source.file == page.path)
            .collect();
        let operations: Vec<_> = schema
            .operations
            .iter()
            .filter(|o| o.source.file == page.path)
            .collect();
        let model = json!({
            "types": types.iter().map(|&i| &schema.types[i]).collect::<Vec<_>>(),
            "operations": operations,
            "diagnostics": schema.diagnostics.iter().filter(|d| d.source.file == page.path).collect::<Vec<_>>(),
        });
        insta::assert_json_snapshot!(format!("{slug}.model"), model);
        if !types.is_empty() {
            let rust: String = types
                .iter()
                .map(|&i| emitter.type_source(schema.id(i)))
                .collect::<Vec<_>>()
                .join("\n");
            insta::assert_snapshot!(format!("{slug}.rs"), rust);
        }
    }
}
