//! A page with 20,000 properties: rustc cannot compile such a struct (it overflows its stack
//! near 10,000), so the type is refused with an error at its definition, the types that refer
//! to it read that property as raw JSON, and the rest of the crate builds.

mod common;

use graph_docs_codegen::resolve::limits::MAX_PROPERTIES;
use graph_docs_codegen::Config;

fn page(name: &str, intro: &str, rows: &str) -> String {
    format!(
        "---\ntitle: \"{name} resource type\"\nms.prod: \"hostile\"\n---\n\n# {name} resource type\n\nNamespace: microsoft.graph\n\n{intro}\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n{rows}\n"
    )
}

#[test]
fn a_type_past_the_limit_is_refused_and_the_rest_builds() {
    let root = common::scratch("huge");
    let docs = root.join("docs");
    let rows: String = (0..20_000)
        .map(|i| format!("| p{i} | String | Property {i}. |\n"))
        .collect();
    common::write_page(&docs, "hugething.md", &page("hugeThing", "Huge.", &rows));
    common::write_page(
        &docs,
        "hugechild.md",
        &page(
            "hugeChild",
            "Inherits from [hugeThing](hugething.md).",
            "| extra | Int32 | One more. |",
        ),
    );
    common::write_page(
        &docs,
        "holder.md",
        &page(
            "holder",
            "Holds one.",
            "| thing | [hugeThing](hugething.md) | The huge one. |\n| things | [hugeThing](hugething.md) collection | Many. |\n| count | Int32 | A number. |",
        ),
    );

    let loaded = Config::new().docs_dir(&docs).load().expect("docs readable");
    let refused: Vec<String> = loaded
        .schema
        .diagnostics
        .iter()
        .filter(|d| d.code == "type-too-large")
        .map(|d| d.source.to_string())
        .collect();
    assert_eq!(
        refused,
        [
            "beta/resources/hugechild.md:6",
            "beta/resources/hugething.md:6"
        ]
    );
    let names: Vec<&str> = loaded
        .schema
        .types
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["holder"]);
    let thing = &loaded.schema.types[0].properties[0];
    assert_eq!(thing.ty.csdl_name(), "Edm.Untyped");
    assert_eq!(
        thing.unresolved.as_deref(),
        Some("microsoft.graph.hugeThing")
    );
    const { assert!(MAX_PROPERTIES < 20_000) };

    let package = root.join("package");
    common::generate_package(&docs, &package, "hostile-huge");
    let build = common::cargo(&package, &["build", "--quiet"]);
    assert!(
        build.status.success(),
        "the generated crate does not build:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );
}
