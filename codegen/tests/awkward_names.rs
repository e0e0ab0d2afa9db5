//! Awkward names: keywords, leading digits, symbols, case collisions, a type named like a
//! prelude type, a type that holds itself. The emitted Rust is snapshotted.

use graph_docs_codegen::emit::{Emitter, IncludeStyle};
use graph_docs_codegen::Config;

#[test]
fn awkward_names_become_valid_distinct_identifiers() {
    let loaded = Config::new()
        .docs_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/awkward"
        ))
        .load()
        .expect("fixture readable");
    let duplicate = loaded
        .schema
        .diagnostics
        .iter()
        .find(|d| d.code == "duplicate-type")
        .expect("the two pages of gizmo disagree about its id");
    assert_eq!(duplicate.source.file, "beta/resources/gizmo-again.md");
    assert!(
        duplicate.message.contains("beta/resources/gizmo.md:"),
        "names both places: {}",
        duplicate.message
    );

    // An instance annotation is no property: payloads keep it with the undocumented keys.
    assert!(
        loaded
            .schema
            .diagnostics
            .iter()
            .any(|d| d.code == "instance-annotation"
                && d.message.contains("@microsoft.graph.downloadUrl")),
        "{:?}",
        loaded.schema.diagnostics
    );
    let output = Emitter::new(&loaded.schema).emit(IncludeStyle::Relative);
    let beta = &output.files["beta.rs"];
    for expected in [
        "pub r#type:",
        "pub colour:",
        "pub self_:",
        "pub _3d_model:",
        "pub additional_properties_2:",
        "pub type_2:",
        "::std::boxed::Box<Gizmo>",
        "pub struct Option",
        "AB2",
        "Self_",
        "V3d",
        "Undocumented2",
        "Undocumented(::std::string::String)",
    ] {
        assert!(
            beta.contains(expected),
            "{expected:?} missing from:\n{beta}"
        );
    }
    insta::assert_snapshot!(beta);
}
