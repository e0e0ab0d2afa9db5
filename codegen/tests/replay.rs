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
    // Each pair: where its request is, what the replay must say of it, and a phrase its
    // evidence must hold.
    let expected: [(&str, usize, Outcome, Option<Cause>, &str); 9] = [
        // Sent with its query, answered, read as a widget and written back with the
        // undocumented key and the seven-digit timestamp as they came.
        (
            "widget-get",
            31,
            Outcome::Passed,
            None,
            "widgetGet answered, read into its type",
        ),
        // The documented response is cut short: a doc defect, found before running.
        (
            "widget-get",
            63,
            Outcome::Failed,
            Some(Cause::Truncated),
            "",
        ),
        // A documented error status is answered and read as Graph's error.
        (
            "widget-get",
            92,
            Outcome::Passed,
            None,
            "read as an error with Graph's error body",
        ),
        // No response after the request: nothing to answer.
        ("widget-get", 122, Outcome::Skipped, None, ""),
        // A page, with its next link, read as a CollectionPage of widgets.
        ("widget-list", 29, Outcome::Passed, None, ""),
        // The body the server received is the documented one, as values.
        ("widget-update", 29, Outcome::Passed, None, ""),
        // Nothing to read.
        (
            "widget-delete",
            29,
            Outcome::Passed,
            None,
            "nothing to read",
        ),
        // An action answering one Boolean, which OData writes as {"value": true}: read as its
        // value (`rt::ValueOf<bool>`), not as the envelope.
        (
            "widget-archive",
            38,
            Outcome::Passed,
            None,
            "its value read",
        ),
        // The same, but the response annotation says string where the page says and shows a
        // Boolean: the page's defect, found before running.
        (
            "widget-unarchive",
            38,
            Outcome::Failed,
            Some(Cause::TypeMismatch),
            "",
        ),
    ];
    for (page, line, outcome, cause, evidence) in expected {
        let replay = by_source
            .get(&format!("beta/api/{page}.md:{line}"))
            .unwrap_or_else(|| panic!("no replay at {page}:{line}: {by_source:#?}"));
        assert_eq!(
            (replay.0, replay.1),
            (outcome, cause),
            "{page}:{line} {replay:?}"
        );
        assert!(replay.2.contains(evidence), "{page}:{line} {replay:?}");
    }

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
