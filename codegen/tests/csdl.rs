//! `check --csdl` on hand-made pages and a hand-written CSDL: each kind of disagreement of
//! types and of operations (request paths, actions and functions, parameters, responses),
//! aliases, inheritance, and the agreement figures; and two misreadings of real pages that
//! the CSDL exposed, pinned.

use std::path::Path;

use graph_docs_codegen::csdl::Ratio;
use graph_docs_codegen::schema::TypeKind;
use graph_docs_codegen::{Config, Diagnostic};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn messages<'a>(diagnostics: &'a [Diagnostic], code: &str) -> Vec<(String, &'a str)> {
    diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| (d.source.to_string(), d.message.as_str()))
        .collect()
}

#[test]
fn each_disagreement_with_the_csdl_is_reported_at_the_page() {
    let dir = fixture("csdl");
    let loaded = Config::new()
        .docs_dir(&dir)
        .csdl(None, dir.join("metadata.xml"))
        .check_examples(false)
        .load()
        .expect("fixture readable");
    let d = &loaded.schema.diagnostics;

    // point: a complex type on its page, an entity in the CSDL.
    let kind = messages(d, "csdl-kind");
    assert_eq!(kind.len(), 1, "{kind:?}");
    assert_eq!(kind[0].0, "v1.0/resources/point.md:16");
    assert!(kind[0].1.contains("entity type"), "{}", kind[0].1);

    // circle names no base; it is an entity (its Methods table gets it), so it derives
    // from entity; the CSDL says shape (given by its full name, not the alias).
    let base = messages(d, "csdl-base-type");
    assert!(
        base.iter()
            .any(|(at, m)| at == "v1.0/resources/circle.md:22"
                && m.contains("names no base type, and is an entity")
                && m.contains("microsoft.graph.shape")),
        "{base:?}"
    );

    // area: Int32 on the page, Edm.Double in the CSDL; the cell as written is quoted.
    let types = messages(d, "csdl-property-type");
    assert!(
        types
            .iter()
            .any(|(at, m)| at == "v1.0/resources/shape.md:12"
                && m.contains("\"Int32\"")
                && m.contains("Edm.Double")),
        "{types:?}"
    );
    // font: no page defines it, the CSDL does.
    let missing_type = messages(d, "csdl-type-missing");
    assert_eq!(missing_type.len(), 1, "{missing_type:?}");
    assert_eq!(missing_type[0].0, "v1.0/resources/point.md:12");

    let collection = messages(d, "csdl-collection");
    assert_eq!(collection.len(), 1, "{collection:?}");
    assert_eq!(collection[0].0, "v1.0/resources/shape.md:13");

    // note: only in the docs; extra: only in the CSDL (reported at the type).
    let missing = messages(d, "csdl-property-missing");
    assert!(
        missing
            .iter()
            .any(|(at, m)| at == "v1.0/resources/shape.md:14" && m.contains("note")),
        "{missing:?}"
    );
    assert!(
        missing
            .iter()
            .any(|(at, m)| at == "v1.0/resources/shape.md:19" && m.contains("extra")),
        "{missing:?}"
    );
    // id is inherited on both sides (shape from entity, circle from entity / shape).
    assert!(
        !missing
            .iter()
            .any(|(at, m)| !at.contains("point") && m.contains("property id ")),
        "{missing:?}"
    );

    let members = messages(d, "csdl-enum-member");
    assert!(
        members.iter().any(|(_, m)| m.contains("green")),
        "{members:?}"
    );
    assert!(
        members.iter().any(|(_, m)| m.contains("blue")),
        "{members:?}"
    );

    let agreement = &loaded.agreement[0];
    assert_eq!(agreement.version, "v1.0");
    // entity, shape, circle, color, point.
    assert_eq!(agreement.kind, Ratio { agree: 4, of: 5 });
    // shape (entity), circle (entity, CSDL shape), entity (none): point is compared as
    // complex against entity only for its kind.
    assert_eq!(agreement.base_type.of, 4);
    assert_eq!(agreement.base_type.agree, 2, "{agreement:?}");
    // `state` lists values (an enum here) where the CSDL says Edm.String: lenient only.
    assert!(agreement.property_type_lenient.agree > agreement.property_type.agree);
    assert_eq!(agreement.types_only_in_csdl, 1); // font
}

#[test]
fn each_disagreement_of_an_operation_is_reported_at_the_request_or_the_row() {
    let dir = fixture("csdl");
    let loaded = Config::new()
        .docs_dir(&dir)
        .csdl(None, dir.join("metadata.xml"))
        .check_examples(false)
        .load()
        .expect("fixture readable");
    let d = &loaded.schema.diagnostics;
    let metadata = format!("{}:", dir.join("metadata.xml").display());

    // `/canvas` is a singleton by the docs (GET returns one shape), none in the CSDL;
    // `rotate` is bound to circle only, so `/shapes/{id}/rotate` stops there too.
    let paths = messages(d, "csdl-operation-path");
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert_eq!(paths[0].0, "v1.0/api/canvas-get.md:15");
    assert!(
        paths[0].1.contains("\"GET /canvas\"")
            && paths[0].1.contains("no entity set or singleton")
            && paths[0].1.contains(&format!("{metadata}64")),
        "{}",
        paths[0].1
    );
    assert_eq!(paths[1].0, "v1.0/api/shape-rotate.md:15");
    assert!(
        paths[1].1.contains("segment 3 (`rotate`)"),
        "{}",
        paths[1].1
    );

    // The model reads rotate as an action bound to shape; the nearest the CSDL has is bound
    // to circle, at its line.
    let unknown = messages(d, "csdl-operation-unknown");
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert_eq!(unknown[0].0, "v1.0/api/shape-rotate.md:15");
    assert!(
        unknown[0]
            .1
            .contains("an action bound to microsoft.graph.shape")
            && unknown[0].1.contains(&format!(
                "action `rotate` bound to microsoft.graph.circle ({metadata}43)"
            )),
        "{}",
        unknown[0].1
    );

    // outline is sent by POST (an action by the page), a function in the CSDL: known, but
    // of another kind; `recent`, read as a list, is a function in the CSDL's walk.
    let kind = messages(d, "csdl-operation-kind");
    assert_eq!(kind.len(), 2, "{kind:?}");
    assert_eq!(kind[0].0, "v1.0/api/shape-outline.md:15");
    assert!(
        kind[0]
            .1
            .contains("as an action (the page sends it by POST)")
            && kind[0]
                .1
                .contains("has a function `outline` bound to microsoft.graph.shape"),
        "{}",
        kind[0].1
    );
    assert_eq!(kind[1].0, "v1.0/api/shape-recent.md:15");
    assert!(
        kind[1].1.contains("reads the request as a list")
            && kind[1]
                .1
                .contains("function `recent` bound to Collection(microsoft.graph.shape)"),
        "{}",
        kind[1].1
    );

    // paint: `coats` String for Edm.Int32, `brushes` one for a collection (each at its row,
    // the cell quoted), `gloss` the CSDL lacks (at its row), `layers` the page lacks (at the
    // request line); `colour` is the CSDL's enum and agrees.
    let parameters = messages(d, "csdl-operation-parameter");
    assert_eq!(parameters.len(), 4, "{parameters:?}");
    let at = |line: &str| {
        parameters
            .iter()
            .find(|(l, _)| l == line)
            .unwrap_or_else(|| panic!("nothing at {line}: {parameters:?}"))
            .1
    };
    assert!(
        at("v1.0/api/shape-paint.md:23").contains("\"String\"")
            && at("v1.0/api/shape-paint.md:23").contains("says Edm.Int32"),
        "{parameters:?}"
    );
    assert!(at("v1.0/api/shape-paint.md:24").contains("Collection(Edm.String)"));
    assert!(at("v1.0/api/shape-paint.md:25").contains("`gloss`"));
    assert!(
        at("v1.0/api/shape-paint.md:15").contains("`layers`")
            && at("v1.0/api/shape-paint.md:15").contains(&format!("{metadata}35"))
    );

    // largest returns one shape by the page, a collection by the CSDL's ReturnType.
    let responses = messages(d, "csdl-operation-response");
    assert_eq!(responses.len(), 1, "{responses:?}");
    assert_eq!(responses[0].0, "v1.0/api/shape-largest.md:26");
    assert!(
        responses[0].1.contains("read as microsoft.graph.shape")
            && responses[0]
                .1
                .contains("returns Collection(microsoft.graph.shape)"),
        "{}",
        responses[0].1
    );

    let agreement = &loaded.agreement[0];
    // /shapes, /shapes/microsoft.graph.circle (circle derives from shape in the CSDL only),
    // /canvas, /shapes/recent (a function the model does not know), and the five actions and
    // functions.
    assert_eq!(agreement.csdl_paths, Ratio { agree: 7, of: 9 });
    assert_eq!(agreement.model_paths, Ratio { agree: 7, of: 9 });
    // paint, largest, outline, delta; not rotate.
    assert_eq!(agreement.operations_recognised, Ratio { agree: 4, of: 5 });
    // paint: colour, coats, brushes on both sides, gloss and layers on one; largest: count;
    // delta: token, of the overload that has it (`/shapes/delta` has no arguments to say).
    assert_eq!(agreement.parameter_names, Ratio { agree: 5, of: 7 });
    // colour, count and token agree; coats and brushes do not.
    assert_eq!(agreement.parameter_types, Ratio { agree: 3, of: 5 });
    // The lists (a collection of shape: the common type of shapes and circles, where the
    // first path alone would say circle; recent against its ReturnType), paint, outline and
    // delta agree; largest does not; canvas (no CSDL walk) and rotate (no CSDL action) are not
    // compared.
    assert_eq!(agreement.responses, Ratio { agree: 5, of: 6 });
}

#[test]
fn a_csdl_that_is_not_xml_is_an_error_diagnostic() {
    let dir = fixture("csdl");
    let bad = Path::new(env!("CARGO_TARGET_TMPDIR")).join("not-a-csdl.xml");
    std::fs::write(&bad, "<Schema><EntityType></Schema>").unwrap();
    let loaded = Config::new()
        .docs_dir(&dir)
        .csdl(Some("v1.0"), &bad)
        .check_examples(false)
        .load()
        .expect("the docs still load");
    assert!(loaded
        .schema
        .diagnostics
        .iter()
        .any(|d| d.code == "csdl-invalid"));
    assert!(loaded.agreement.is_empty());
}

/// `[chatType](chat.md#chattype-values)` is the enum documented under `### chatType values`,
/// not the page's own type `chat`; `siteCollection` is one value of the type of that name.
/// Both were read wrongly once, and every real chat and site payload failed to read.
#[test]
fn values_anchor_and_collection_suffix_are_read_as_the_page_means() {
    let loaded = Config::new()
        .docs_dir(fixture("misreads"))
        .check_examples(false)
        .load()
        .expect("fixture readable");
    let schema = &loaded.schema;
    let chat = schema.get(schema.find("v1.0", "microsoft.graph.chat").unwrap());
    let chat_type = chat
        .properties
        .iter()
        .find(|p| p.name == "chatType")
        .unwrap();
    assert_eq!(chat_type.ty.csdl_name(), "microsoft.graph.chatType");
    let chat_type_enum = schema.get(schema.find("v1.0", "microsoft.graph.chatType").unwrap());
    assert_eq!(chat_type_enum.kind, TypeKind::Enum);
    assert_eq!(chat.kind, TypeKind::Entity);

    let site = schema.get(schema.find("v1.0", "microsoft.graph.site").unwrap());
    let site_collection = site
        .properties
        .iter()
        .find(|p| p.name == "siteCollection")
        .unwrap();
    assert_eq!(
        site_collection.ty.csdl_name(),
        "microsoft.graph.siteCollection"
    );
    assert!(!site_collection.collection);
    assert!(site
        .properties
        .iter()
        .any(|p| p.name == "tags" && p.collection));
}
