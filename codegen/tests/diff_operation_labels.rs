//! Operation changes labelled by the schemas of both dates: a hand-made page pair
//! (`fixtures/diff-operations/{old,new}`) and a schema pair (`v1.0-old.xml`, `v1.0-new.xml`)
//! with each kind of operation change once as an API change and once or twice as a
//! documentation change. Each page says, in its first paragraph, what the schemas do.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use graph_docs_codegen::diff::{self, Change, ChangeKind, Origin, Report};
use graph_docs_codegen::Config;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff-operations")
}

/// The report between the two page sets, labelled with the two schemas.
fn labelled() -> Report {
    let dir = fixture();
    let load = |side: &str| {
        Config::new()
            .docs_dir(dir.join(side))
            .check_examples(false)
            .load()
            .expect("pages readable")
            .schema
    };
    let (old, new) = (load("old"), load("new"));
    let mut report = diff::compare(&old, &new);
    let schema = |name: &str| dir.join(name).to_str().unwrap().to_string();
    diff::csdl::compare_files(
        &mut report,
        (&old, &new),
        (&schema("v1.0-old.xml"), &schema("v1.0-new.xml")),
    )
    .expect("schemas readable");
    report
}

/// An operation change: its kind, the operation, the parameter.
type Key<'a> = (ChangeKind, &'a str, Option<&'a str>);

/// Which schema a label must cite first, when it cites one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cites {
    Old,
    New,
    /// The answer of both, old first.
    Both,
}

#[test]
fn each_operation_change_is_an_api_or_a_documentation_change_by_the_schemas() {
    use ChangeKind::*;
    use Origin::{Api, Documentation};
    let report = labelled();
    let found: BTreeMap<Key, (Origin, &Change)> = report
        .changes
        .iter()
        .filter(|c| c.kind.is_operation())
        .map(|c| {
            let label = c.csdl.as_ref().expect("every change labelled");
            (
                (c.kind, c.type_name.as_str(), c.name.as_deref()),
                (label.origin, c),
            )
        })
        .collect();
    let expected: &[(Key, Origin, Cites)] = &[
        // Added: the new schema walks the path to the action, the old one does not ...
        ((OperationAdded, "widgetPolish", None), Api, Cites::New),
        // ... though the old one takes `tally` after the collection for a key value.
        ((OperationAdded, "widgetTally", None), Api, Cites::New),
        // The old schema walks the path already (to the navigation property).
        (
            (OperationAdded, "widgetListParts", None),
            Documentation,
            Cites::Old,
        ),
        // Neither walks it.
        (
            (OperationAdded, "widgetDance", None),
            Documentation,
            Cites::New,
        ),
        // Removed: the reverse.
        ((OperationRemoved, "widgetHalt", None), Api, Cites::Old),
        (
            (OperationRemoved, "widgetGet", None),
            Documentation,
            Cites::New,
        ),
        (
            (OperationRemoved, "widgetJiggle", None),
            Documentation,
            Cites::Old,
        ),
        // Renamed pages: the schemas respell the action, or name it the same.
        ((OperationRenamed, "widgetsRepaint", None), Api, Cites::Both),
        (
            (OperationRenamed, "widgetsWash", None),
            Documentation,
            Cites::Both,
        ),
        // Parameters, by the action each schema's walk finds.
        (
            (ParameterAdded, "widgetSpin", Some("clockwise")),
            Api,
            Cites::New,
        ),
        (
            (ParameterAdded, "widgetSpin", Some("torque")),
            Documentation,
            Cites::Old,
        ),
        (
            (ParameterAdded, "widgetSpin", Some("wobble")),
            Documentation,
            Cites::New,
        ),
        (
            (ParameterRemoved, "widgetSpin", Some("colour")),
            Api,
            Cites::Old,
        ),
        (
            (ParameterRemoved, "widgetSpin", Some("drift")),
            Documentation,
            Cites::New,
        ),
        (
            (ParameterRemoved, "widgetSpin", Some("fizz")),
            Documentation,
            Cites::Old,
        ),
        (
            (ParameterRetyped, "widgetSpin", Some("speed")),
            Api,
            Cites::New,
        ),
        (
            (ParameterRetyped, "widgetSpin", Some("angle")),
            Documentation,
            Cites::New,
        ),
        // Responses: by the return type, or where the walks end.
        ((ResponseChanged, "widgetMeasure", None), Api, Cites::Both),
        ((ResponseChanged, "widgetGetOwner", None), Api, Cites::Both),
        (
            (ResponseChanged, "widgetUpdate", None),
            Documentation,
            Cites::New,
        ),
    ];
    let keys: Vec<_> = found.keys().copied().collect();
    let mut wanted: Vec<_> = expected.iter().map(|(k, _, _)| *k).collect();
    wanted.sort();
    assert_eq!(keys, wanted, "the operation changes themselves");
    let schema = |name: &str| fixture().join(name).to_str().unwrap().to_string();
    let (old_file, new_file) = (schema("v1.0-old.xml"), schema("v1.0-new.xml"));
    for (key, origin, cites) in expected {
        let (got, change) = found[key];
        let why = &change.csdl.as_ref().unwrap().why;
        assert_eq!(got, *origin, "{key:?}: {why}");
        let first_old = why.find(&old_file);
        let first_new = why.find(&new_file);
        let first = match (first_old, first_new) {
            (Some(a), Some(b)) if a < b => Some(Cites::Old),
            (Some(_), Some(_)) => Some(Cites::New),
            (Some(_), None) => Some(Cites::Old),
            (None, Some(_)) => Some(Cites::New),
            (None, None) => None,
        };
        match cites {
            Cites::Both => assert!(
                first == Some(Cites::Old) && first_new.is_some(),
                "{key:?} cites the old schema, then the new one: {why}"
            ),
            one => assert_eq!(first, Some(*one), "{key:?} cites which schema first: {why}"),
        }
    }
}

#[test]
fn every_schema_line_a_label_cites_names_what_the_label_says() {
    let report = labelled();
    let dir = fixture();
    let lines: BTreeMap<String, Vec<String>> = ["v1.0-old.xml", "v1.0-new.xml"]
        .iter()
        .map(|f| {
            let path = dir.join(f);
            let text = std::fs::read_to_string(&path).unwrap();
            (
                path.to_str().unwrap().to_string(),
                text.lines().map(str::to_string).collect(),
            )
        })
        .collect();
    let mut cited = 0;
    for c in report.changes.iter().filter(|c| c.kind.is_operation()) {
        let why = &c.csdl.as_ref().unwrap().why;
        for (file, text) in &lines {
            let mut rest = why.as_str();
            while let Some(at) = rest.find(&format!("{file}:")) {
                rest = &rest[at + file.len() + 1..];
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let line = &text[digits.parse::<usize>().unwrap() - 1];
                // The element at that line is named, and the label speaks of it.
                let name = line
                    .split("Name=\"")
                    .nth(1)
                    .and_then(|n| n.split('"').next())
                    .unwrap_or_else(|| panic!("{file}:{digits} names nothing: {line}"));
                assert!(
                    why.contains(name),
                    "{c:?}: cites {file}:{digits} ({name}) but does not name it"
                );
                cited += 1;
            }
        }
    }
    assert!(cited >= 20, "only {cited} lines cited");
}
