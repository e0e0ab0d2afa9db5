//! The replay on hand-made pages: each request example sent by the runtime's client to the
//! runner's server on 127.0.0.1, answered its documented response, read into the operation's
//! type; one pair per outcome and cause.

use std::collections::BTreeMap;
use std::path::Path;

use graph_docs_codegen::examples::{self, Cause, Outcome, RunnerDirs};
use graph_docs_codegen::Config;

#[test]
fn each_pair_replayed_or_told_why_not() {
    let loaded = Config::new()
        .docs_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/replay"
        ))
        .check_examples(false)
        .load()
        .expect("fixture readable");
    let dirs = RunnerDirs {
        package: Path::new(env!("CARGO_TARGET_TMPDIR")).join("fixture-replay"),
        // Shared with the other runner builds, so dependencies compile once.
        target: Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/example-runners"),
        lock_file: Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock")),
        runtime: Default::default(),
    };
    let report = examples::run(&loaded.pages, &loaded.schema, &loaded.schema, &dirs).unwrap();
    let by_source: BTreeMap<String, (Outcome, Option<Cause>, String)> = report
        .replays
        .iter()
        .map(|r| {
            (
                r.source.to_string(),
                (r.outcome, r.cause, r.evidence.clone()),
            )
        })
        .collect();
    let at = |page: &str, line: usize| {
        by_source
            .get(&format!("beta/api/{page}.md:{line}"))
            .unwrap_or_else(|| panic!("no replay at {page}:{line}: {by_source:#?}"))
    };

    // Sent with its query, answered, read as a widget and written back with the undocumented
    // key and the seven-digit timestamp as they came.
    let get = at("widget-get", 31);
    assert_eq!(get.0, Outcome::Passed, "{get:?}");
    assert!(
        get.2.contains("widgetGet answered, read into its type"),
        "{get:?}"
    );
    // The documented response is cut short: a doc defect, found before running.
    let truncated = at("widget-get", 63);
    assert_eq!(
        (truncated.0, truncated.1),
        (Outcome::Failed, Some(Cause::Truncated)),
        "{truncated:?}"
    );
    // A documented error status is answered and read as Graph's error.
    let error = at("widget-get", 92);
    assert_eq!(error.0, Outcome::Passed, "{error:?}");
    assert!(
        error.2.contains("read as an error with Graph's error body"),
        "{error:?}"
    );
    // No response after the request: nothing to answer.
    let alone = at("widget-get", 122);
    assert_eq!(alone.0, Outcome::Skipped, "{alone:?}");
    // A page, with its next link, read as a CollectionPage of widgets.
    let list = at("widget-list", 29);
    assert_eq!(list.0, Outcome::Passed, "{list:?}");
    // The body the server received is the documented one, as values.
    let update = at("widget-update", 29);
    assert_eq!(update.0, Outcome::Passed, "{update:?}");
    // Nothing to read.
    let delete = at("widget-delete", 29);
    assert_eq!(delete.0, Outcome::Passed, "{delete:?}");
    assert!(delete.2.contains("nothing to read"), "{delete:?}");

    // An action answering one Boolean, which OData writes as {"value": true}: read as its
    // value (`rt::ValueOf<bool>`), not as the envelope.
    let archive = at("widget-archive", 38);
    assert_eq!(archive.0, Outcome::Passed, "{archive:?}");
    assert!(archive.2.contains("its value read"), "{archive:?}");

    // The same, but the response annotation says string where the page says and shows a
    // Boolean: the page's defect, found before running.
    let unarchive = at("widget-unarchive", 38);
    assert_eq!(
        (unarchive.0, unarchive.1),
        (Outcome::Failed, Some(Cause::TypeMismatch)),
        "{unarchive:?}"
    );

    let figures = examples::replay::figures(&report.replays, Some("beta"));
    assert_eq!(
        (figures.found, figures.skipped, figures.passed),
        (9, 1, 6),
        "{figures:?}"
    );
    assert!(report
        .replays
        .iter()
        .all(|r| r.cause != Some(Cause::GeneratorBug)));
}
