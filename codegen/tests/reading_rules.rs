//! The reading rules on a small hand-made page set (`fixtures/rules`), one page or pair of
//! pages per rule: a type split across pages is the union of its parts; a base page names its
//! derived types; the phrasings of inheritance; the specific base over `entity`; no entity
//! derives from a complex type; Methods rows as evidence of an entity; a Properties section
//! whose header says "Relationship"; "x or y" typed by their common base; a value list with
//! a note in parentheses; section-label rows.

use std::path::Path;

use graph_docs_codegen::schema::{Property, Schema, TypeDef, TypeKind};
use graph_docs_codegen::{Config, Diagnostic};

fn load() -> Schema {
    Config::new()
        .docs_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules"))
        .check_examples(false)
        .load()
        .expect("fixture readable")
        .schema
}

fn get<'a>(schema: &'a Schema, name: &str) -> &'a TypeDef {
    schema
        .types
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no type {name}"))
}

fn with_code<'a>(schema: &'a Schema, code: &str) -> Vec<&'a Diagnostic> {
    schema
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .collect()
}

fn base(schema: &Schema, name: &str) -> Option<String> {
    get(schema, name)
        .base_type
        .as_ref()
        .map(|b| b.qualified_name().to_string())
}

#[test]
fn a_type_split_across_pages_is_the_union_of_its_parts() {
    let schema = load();
    let gadget = get(&schema, "gadgetManagement");
    let names: Vec<&str> = gadget.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["id", "appCount", "shared", "bookCount", "shelves"]);
    // The parts are named; the page that speaks for the type comes first.
    assert_eq!(
        gadget.source.file,
        "v1.0/resources/intune-apps-gadgetmanagement.md"
    );
    assert_eq!(
        gadget.other_parts[0].file,
        "v1.0/resources/intune-books-gadgetmanagement.md"
    );
    // A row both pages document alike is one property, with both rows as its evidence.
    let shared = gadget
        .properties
        .iter()
        .find(|p| p.name == "shared")
        .unwrap();
    assert_eq!(
        shared.also_documented[0].to_string(),
        "v1.0/resources/intune-books-gadgetmanagement.md:18"
    );
    assert!(gadget
        .properties
        .iter()
        .any(|p| p.name == "shelves" && p.navigation));
    // Where the pages disagree, both places are named and the first page's word is used.
    let disagree = with_code(&schema, "duplicate-type");
    assert_eq!(disagree.len(), 1, "{disagree:?}");
    assert_eq!(
        disagree[0].source.to_string(),
        "v1.0/resources/intune-books-gadgetmanagement.md:19"
    );
    assert!(disagree[0]
        .message
        .contains("v1.0/resources/intune-apps-gadgetmanagement.md:17"));
    let app_count = gadget
        .properties
        .iter()
        .find(|p| p.name == "appCount")
        .unwrap();
    assert_eq!(app_count.ty.csdl_name(), "Edm.Int32");
}

#[test]
fn section_label_rows_are_no_properties() {
    let schema = load();
    let labels = with_code(&schema, "table-section-row");
    assert_eq!(labels.len(), 1, "{labels:?}");
    assert_eq!(
        labels[0].source.to_string(),
        "v1.0/resources/intune-apps-gadgetmanagement.md:18"
    );
}

#[test]
fn base_pages_name_their_derived_types() {
    let schema = load();
    // "the derived types are [pointsOutcome](..) and [feedbackOutcome](..)"
    assert_eq!(
        base(&schema, "pointsOutcome").as_deref(),
        Some("microsoft.graph.outcome")
    );
    // A `## Derived types` table.
    assert_eq!(
        base(&schema, "passGrade").as_deref(),
        Some("microsoft.graph.grade")
    );
    // The annotation says entity, the base page says outcome: the specific one.
    assert_eq!(
        base(&schema, "feedbackOutcome").as_deref(),
        Some("microsoft.graph.outcome")
    );
    assert!(with_code(&schema, "base-type-specific")
        .iter()
        .any(|d| d.source.file == "v1.0/resources/outcome.md"));
    assert_eq!(get(&schema, "pointsOutcome").kind, TypeKind::Entity);
}

#[test]
fn every_phrasing_of_a_base_is_read() {
    let schema = load();
    // "This creates a subclass from [grade](..)"
    assert_eq!(
        base(&schema, "pointsGrade").as_deref(),
        Some("microsoft.graph.grade")
    );
    // "Inherited from [dnsRecord](..) entity"
    assert_eq!(
        base(&schema, "cnameRecord").as_deref(),
        Some("microsoft.graph.dnsRecord")
    );
    // "Inherits from / the [parentLabel](..)": the words between do not name it.
    assert_eq!(
        base(&schema, "labelDetails").as_deref(),
        Some("microsoft.graph.parentLabel")
    );
    assert!(with_code(&schema, "unresolved-base-type").is_empty());
}

#[test]
fn no_entity_derives_from_a_complex_type() {
    let schema = load();
    assert_eq!(get(&schema, "grade").kind, TypeKind::Complex);
    assert_eq!(get(&schema, "passGrade").kind, TypeKind::Complex);
    assert!(with_code(&schema, "key-on-complex-base")
        .iter()
        .any(|d| d.source.file == "v1.0/resources/passgrade.md"));
}

#[test]
fn methods_rows_that_address_the_type_make_it_an_entity() {
    let schema = load();
    // A List row returning the type itself.
    let record = get(&schema, "dnsRecord");
    assert_eq!(record.kind, TypeKind::Entity);
    assert_eq!(record.addressed.as_ref().unwrap().text, "List records");
    assert_eq!(get(&schema, "cnameRecord").kind, TypeKind::Entity);
    // A Get row returning another type says nothing of this one.
    let label = get(&schema, "labelDetails");
    assert!(label.addressed.is_none());
    assert_eq!(label.kind, TypeKind::Complex);
}

#[test]
fn a_properties_section_holds_properties_whatever_its_header() {
    let schema = load();
    let cname = get(&schema, "cnameRecord");
    let p = &cname.properties[0];
    assert_eq!((p.name.as_str(), p.navigation), ("canonicalName", false));
}

#[test]
fn types_joined_by_or_are_typed_by_their_common_base() {
    let schema = load();
    let grade = get(&schema, "outcome")
        .properties
        .iter()
        .find(|p| p.name == "grade")
        .unwrap();
    assert_eq!(grade.ty.csdl_name(), "microsoft.graph.grade");
    assert_eq!(with_code(&schema, "type-either").len(), 1);
}

#[test]
fn a_value_list_with_a_default_note_is_an_enum() {
    let schema = load();
    let colour = get(&schema, "shelf")
        .properties
        .iter()
        .find(|p| p.name == "colour")
        .unwrap();
    let members: Vec<&str> = schema
        .get(colour.ty.named().expect("an enum"))
        .members
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(members, ["oak", "pine"]);
}

/// The lines of the diagnostics of `code` on `file` (`v1.0/resources/x.md`).
fn lines_of(schema: &Schema, code: &str, file: &str) -> Vec<usize> {
    with_code(schema, code)
        .iter()
        .filter(|d| d.source.file == file)
        .map(|d| d.source.line)
        .collect()
}

fn property<'a>(schema: &'a Schema, ty: &str, name: &str) -> &'a Property {
    get(schema, ty)
        .properties
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no property {ty}.{name}"))
}

#[test]
fn a_table_anywhere_in_a_properties_of_section_describes_that_property() {
    let schema = load();
    // The table sits under `#### Example: definition ...`, inside `### Properties of a
    // mapping policy definition`: the JSON held in `definition`, not the type's properties.
    let names: Vec<&str> = get(&schema, "mappingPolicy")
        .properties
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["definition", "displayName"]);
    assert_eq!(
        lines_of(
            &schema,
            "table-describes-property",
            "v1.0/resources/mappingpolicy.md"
        ),
        [26, 27]
    );
}

#[test]
fn a_page_that_says_its_type_is_open_makes_it_open() {
    let schema = load();
    // "This is an _open type_" with no `"openType": true`: open, and the keys of its JSON
    // representation are examples of dynamic properties.
    let tokens = get(&schema, "tokenSet");
    assert!(tokens.open_type);
    assert!(tokens.properties.is_empty());
    let file = "v1.0/resources/tokenset.md";
    assert_eq!(lines_of(&schema, "open-type-from-prose", file), [5]);
    assert_eq!(lines_of(&schema, "open-type-example", file), [16, 17]);
    // "... kept in [tokenSet](..), which is an open type": said of another type.
    assert!(!get(&schema, "ticket").open_type);
}

#[test]
fn a_json_value_naming_a_more_specific_primitive_types_a_bare_string() {
    let schema = load();
    let ty = |name: &str| property(&schema, "ticket", name).ty.csdl_name();
    // `"ownerId": "guid"`, `"progress": "String (double)"` over the table's `String`.
    assert_eq!(ty("ownerId"), "Edm.Guid");
    assert_eq!(ty("progress"), "Edm.Double");
    assert_eq!(
        lines_of(&schema, "type-from-json", "v1.0/resources/ticket.md"),
        [11, 12]
    );
    // `"String"` says nothing more; a JSON `"string"` does not undo the table's `Guid`.
    assert_eq!(ty("note"), "Edm.String");
    assert_eq!(ty("tokenId"), "Edm.Guid");
}

#[test]
fn inherits_from_base_x_type_names_the_documented_x_base() {
    let schema = load();
    // "inherits from base setting type", no link: the documented settingBase, a guess the
    // note says is one.
    assert_eq!(
        base(&schema, "settingPolicy").as_deref(),
        Some("microsoft.graph.settingBase")
    );
    assert_eq!(
        lines_of(
            &schema,
            "base-type-guessed",
            "v1.0/resources/settingpolicy.md"
        ),
        [5]
    );
    // No lampBase is documented: no base, and nothing to warn of.
    assert_eq!(base(&schema, "lampPolicy"), None);
    assert!(with_code(&schema, "base-type-guessed")
        .iter()
        .all(|d| d.source.file != "v1.0/resources/lamppolicy.md"));
    assert!(with_code(&schema, "unresolved-base-type").is_empty());
}

#[test]
fn a_row_for_a_property_its_base_declares_keeps_the_base_type() {
    let schema = load();
    let ty = |t: &str, name: &str| property(&schema, t, name).ty.csdl_name();
    // `dayOfWeek | string` re-documents zoneOffset's `dayOfWeek | [weekday]`.
    assert_eq!(ty("summerOffset", "dayOfWeek"), "microsoft.graph.weekday");
    // Its own value list makes no enum of its own: the base's kind is a String.
    assert_eq!(ty("summerOffset", "kind"), "Edm.String");
    assert!(schema.types.iter().all(|t| t.name != "summerOffsetKind"));
    // The same list as its base's: the base's enum, with a note saying where it comes from.
    assert_eq!(ty("summerOffset", "season"), ty("zoneOffset", "season"));
    assert_ne!(ty("zoneOffset", "season"), "Edm.String");
    assert_eq!(ty("summerOffset", "bias"), "Edm.Int32");
    assert_eq!(
        lines_of(
            &schema,
            "property-redeclared",
            "v1.0/resources/summeroffset.md"
        ),
        [11, 13, 14]
    );
}
