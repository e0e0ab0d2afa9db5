//! The example check on hand-made pages: one response per outcome and cause, derived types
//! read as themselves, explicit nulls and unknown values kept.

use std::collections::BTreeMap;
use std::path::Path;

use graph_docs_codegen::examples::{self, Cause, Outcome, RunnerDirs};
use graph_docs_codegen::Config;

fn dirs(name: &str) -> RunnerDirs {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    RunnerDirs {
        package: tmp.join("package"),
        // Shared with the other runner builds, so dependencies compile once.
        target: Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/example-runners"),
        lock_file: Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock")),
        runtime: Default::default(),
    }
}

fn load_fixture() -> graph_docs_codegen::Loaded {
    Config::new()
        .docs_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/examples"
        ))
        .check_examples(false)
        .load()
        .expect("fixture readable")
}

#[test]
fn each_outcome_and_cause() {
    let loaded = load_fixture();
    let report = examples::run(
        &loaded.pages,
        &loaded.schema,
        &loaded.schema,
        &dirs("fixture-examples"),
    )
    .unwrap();
    let by_line: BTreeMap<String, (Outcome, Option<Cause>, String)> = report
        .examples
        .iter()
        .map(|e| {
            (
                e.source.to_string(),
                (e.outcome, e.cause, e.evidence.clone()),
            )
        })
        .collect();
    let at = |line: usize| &by_line[&format!("beta/api/drawing-get.md:{line}")];

    assert_eq!(at(13).0, Outcome::Passed, "{:?}", at(13));
    assert_eq!(at(40).1, Some(Cause::Placeholder), "{:?}", at(40));
    assert!(
        at(40).2.contains("$.created = \"datetime-value\""),
        "{:?}",
        at(40)
    );
    assert!(at(40).2.contains("Edm.DateTimeOffset"), "{:?}", at(40));
    assert!(at(40).2.contains("drawing-get.md:50"), "{:?}", at(40));
    assert_eq!(at(56).1, Some(Cause::TypeMismatch), "{:?}", at(56));
    // Values that do not fit are read tolerantly and written back unchanged: the doc defect
    // stays beside the outcome, and the runner's account of what it kept is the evidence.
    for line in [40, 56] {
        assert_eq!(at(line).0, Outcome::Tolerated, "{:?}", at(line));
        assert!(
            at(line).2.contains("keeping as they came: $."),
            "{:?}",
            at(line)
        );
    }
    assert_eq!(at(72).1, Some(Cause::UndocumentedType), "{:?}", at(72));
    assert_eq!(at(87).1, Some(Cause::Truncated), "{:?}", at(87));
    assert_eq!(at(104).1, Some(Cause::InvalidJson), "{:?}", at(103));
    assert_eq!(at(119).1, Some(Cause::NotJson), "{:?}", at(118));
    assert_eq!(at(132).0, Outcome::Passed, "{:?}", at(130));
    assert_eq!(at(151).0, Outcome::Skipped, "{:?}", at(147));
    // The resource page's JSON representations are not examples.
    let drawing_get = report
        .examples
        .iter()
        .filter(|e| e.source.file == "beta/api/drawing-get.md")
        .count();
    assert_eq!(drawing_get, 9);
    assert_eq!(report.generator_bugs().count(), 0);

    // Request examples: rebuilt through the operation, or failed with the page's cause.
    let request = |line: usize| &by_line[&format!("beta/api/drawing-update.md:{line}")];
    assert_eq!(request(31).0, Outcome::Passed, "{:?}", request(31));
    assert!(request(31).2.contains("reproduced"), "{:?}", request(31));
    // `{'count': 3}`: the body does not parse, so nothing builds the request; the page's.
    assert_eq!(request(41).1, Some(Cause::InvalidJson), "{:?}", request(41));
    assert_eq!(request(51).1, Some(Cause::NotJson), "{:?}", request(51));
    assert_eq!(
        request(58).1,
        Some(Cause::UndocumentedRequest),
        "{:?}",
        request(58)
    );
}

#[test]
fn derived_types_are_reachable_as_themselves() {
    let loaded = load_fixture();
    let emitter = graph_docs_codegen::emit::Emitter::new(&loaded.schema);
    let shape = loaded.schema.find("beta", "microsoft.graph.shape").unwrap();
    let source = emitter.type_source(shape);
    assert!(source.contains("pub enum AnyShape"), "{source}");
    assert!(
        source.contains("Circle(::std::boxed::Box<Circle>)"),
        "{source}"
    );
    assert!(
        source.contains("Circle = \"microsoft.graph.circle\","),
        "{source}"
    );
    let drawing = loaded
        .schema
        .find("beta", "microsoft.graph.drawing")
        .unwrap();
    let source = emitter.type_source(drawing);
    assert!(source.contains("::std::vec::Vec<AnyShape>"), "{source}");
    insta::assert_snapshot!("shape_with_derived_types", emitter.type_source(shape));
}
