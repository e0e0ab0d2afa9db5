//! Malformed input yields diagnostics with file and line, never a panic, and the rest of the
//! page is still used.

use graph_docs_codegen::schema::TypeKind;
use graph_docs_codegen::{Config, Diagnostic};

fn load() -> graph_docs_codegen::Loaded {
    Config::new()
        .docs_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/malformed"
        ))
        .load()
        .expect("fixture readable")
}

fn find<'a>(diagnostics: &'a [Diagnostic], code: &str) -> &'a Diagnostic {
    diagnostics
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} diagnostic in {diagnostics:#?}"))
}

const PAGE: &str = "beta/resources/widget.md";

#[test]
fn bad_annotation_json_is_reported_at_its_line() {
    let loaded = load();
    let d = find(&loaded.schema.diagnostics, "annotation-json");
    assert_eq!(d.source.to_string(), format!("{PAGE}:27"));
    assert!(d.message.contains("not valid JSON"), "{}", d.message);
}

#[test]
fn row_with_missing_cells_is_reported_and_kept() {
    let loaded = load();
    let d = find(&loaded.schema.diagnostics, "table-row-cells");
    assert_eq!(d.source.to_string(), format!("{PAGE}:17"));
    let widget = loaded.schema.get(
        loaded
            .schema
            .find("beta", "microsoft.graph.widget")
            .unwrap(),
    );
    let size = widget
        .properties
        .iter()
        .find(|p| p.name == "size")
        .expect("size kept");
    assert_eq!(size.ty.csdl_name(), "Edm.Int32");
}

#[test]
fn unknown_type_name_is_reported_and_typed_as_json() {
    let loaded = load();
    let d = find(&loaded.schema.diagnostics, "unknown-type-name");
    assert_eq!(d.source.to_string(), format!("{PAGE}:18"));
    let widget = loaded.schema.get(
        loaded
            .schema
            .find("beta", "microsoft.graph.widget")
            .unwrap(),
    );
    let shape = widget
        .properties
        .iter()
        .find(|p| p.name == "shape")
        .unwrap();
    assert_eq!(shape.ty.csdl_name(), "Edm.Untyped");
    assert_eq!(shape.unresolved.as_deref(), Some("see the shape page"));
}

#[test]
fn link_to_a_missing_page_is_reported() {
    let loaded = load();
    let d = find(&loaded.schema.diagnostics, "unresolved-type");
    assert_eq!(d.source.to_string(), format!("{PAGE}:19"));
    assert!(d.message.contains("gadget.md"), "{}", d.message);
}

#[test]
fn the_rest_of_the_page_is_still_used() {
    let loaded = load();
    let i = loaded
        .schema
        .find("beta", "microsoft.graph.widget")
        .expect("widget from its title");
    let widget = loaded.schema.get(i);
    // The annotation was unreadable, so the type comes from the title: complex, not entity.
    assert_eq!(widget.kind, TypeKind::Complex);
    let names: Vec<&str> = widget.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["id", "size", "shape", "gadget", "color"]);
    let color = widget
        .properties
        .iter()
        .find(|p| p.name == "color")
        .unwrap();
    assert_eq!(color.ty.csdl_name(), "microsoft.graph.widgetColor");
    assert_eq!(widget.area.as_deref(), Some("fixtures"));
}
