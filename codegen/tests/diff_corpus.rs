//! The change report on the real corpus pair: the 2020 and 2021 doc snapshots, v1.0 against the
//! change list of Microsoft's schemas of both dates, held to the floors of `diff-floors.toml`:
//! what the report lists of the schemas' additions, and its operation changes by label.
//! Nothing is generated or compiled.
//!
//! Runs over `$GRAPH_DOCS_DIR` (new) and `$GRAPH_DOCS_OLD_DIR` (old), else `../shared/graph-docs`
//! and `../shared/graph-docs-2020` beside the workspace, with `../shared/csdl`; says plainly
//! that it was skipped when a side is missing.

use std::path::{Path, PathBuf};

use graph_docs_codegen::diff::{self, Origin};
use graph_docs_codegen::Config;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared")
}

/// A docs root holding `beta/` and `v1.0/`, from the variable or the default folder.
fn root(variable: &str, default: &str) -> Option<PathBuf> {
    let dir = std::env::var_os(variable)
        .map(PathBuf::from)
        .unwrap_or_else(|| shared().join(default));
    let root = if dir.join("api-reference").is_dir() {
        dir.join("api-reference")
    } else {
        dir
    };
    let found = root.join("v1.0").is_dir();
    assert!(
        found || std::env::var_os("CI").is_none(),
        "CI is set but no docs corpus at {}",
        root.display()
    );
    found.then_some(root)
}

fn floors() -> toml::Table {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff-floors.toml"),
    )
    .expect("floors file");
    text.parse().expect("floors are TOML")
}

fn floor(floors: &toml::Table, key: &str) -> f64 {
    floors[key]
        .as_float()
        .or_else(|| floors[key].as_integer().map(|i| i as f64))
        .unwrap_or_else(|| panic!("{key} is no number"))
}

#[test]
fn a_year_of_doc_changes_against_the_schemas_of_both_dates() {
    let (Some(new_root), Some(old_root)) = (
        root("GRAPH_DOCS_DIR", "graph-docs"),
        root("GRAPH_DOCS_OLD_DIR", "graph-docs-2020"),
    ) else {
        println!("SKIPPED: no docs corpus pair (set GRAPH_DOCS_DIR and GRAPH_DOCS_OLD_DIR, or put them at ../shared)");
        return;
    };
    let load = |root: &Path| {
        Config::new()
            .docs_dir(root)
            .check_examples(false)
            .load()
            .expect("corpus readable")
            .schema
    };
    let (old, new) = std::thread::scope(|s| {
        let old = s.spawn(|| load(&old_root));
        let new = load(&new_root);
        (old.join().expect("old side read"), new)
    });
    let mut report = diff::compare(&old, &new);
    let csdl = shared().join("csdl");
    diff::csdl::compare_files(
        &mut report,
        (&old, &new),
        (
            csdl.join("v1.0-2020-07-07.xml").to_str().unwrap(),
            csdl.join("v1.0-2021-07-13.xml").to_str().unwrap(),
        ),
    )
    .expect("schemas readable");
    for line in diff::render::summary(&report) {
        println!("{line}");
    }
    let coverage = &report.csdl[0];
    println!("missed: {:?}", coverage.missed);

    let floors = floors();
    for (key, ratio) in [
        ("types-added", coverage.types_added),
        ("properties-added", coverage.properties_added),
        ("members-added", coverage.members_added),
    ] {
        assert!(ratio.of > 0, "{key}: nothing to compare");
        assert!(
            ratio.percent() >= floor(&floors, key),
            "{key}: {ratio} is under the floor {}; missed: {:?}",
            floor(&floors, key),
            coverage.missed
        );
    }

    // Every change of v1.0 is labelled, and the figures count each label once.
    let v1: Vec<&diff::Change> = report
        .changes
        .iter()
        .filter(|c| c.version == "v1.0")
        .collect();
    let origin = |c: &diff::Change| c.csdl.as_ref().expect("labelled").origin;
    let operations = |o: Origin| {
        v1.iter()
            .filter(|c| c.kind.is_operation() && origin(c) == o)
            .count()
    };
    assert_eq!(
        (coverage.api, coverage.documentation),
        (
            v1.iter().filter(|c| origin(c) == Origin::Api).count(),
            v1.iter()
                .filter(|c| origin(c) == Origin::Documentation)
                .count()
        )
    );
    let (api, documentation) = (operations(Origin::Api), operations(Origin::Documentation));
    assert_eq!(
        (coverage.operations.api, coverage.operations.documentation),
        (api, documentation)
    );
    for (key, n) in [
        ("operations-api", api),
        ("operations-documentation", documentation),
    ] {
        assert!(
            n as f64 >= floor(&floors, key),
            "{key}: {n} operation changes, under the floor {}",
            floor(&floors, key)
        );
    }

    // Every line of a schema that an operation's label cites is an element with a name,
    // and the label names it: where the old schema had it already, where the new one
    // still has it, what the walk reached, where it stopped.
    let schema_lines = |file: &Path| -> Vec<String> {
        std::fs::read_to_string(file)
            .expect("schema readable")
            .lines()
            .map(str::to_string)
            .collect()
    };
    let schemas = [
        csdl.join("v1.0-2020-07-07.xml"),
        csdl.join("v1.0-2021-07-13.xml"),
    ];
    let texts: Vec<(String, Vec<String>)> = schemas
        .iter()
        .map(|f| (f.to_str().unwrap().to_string(), schema_lines(f)))
        .collect();
    let mut cited = 0;
    for c in v1.iter().filter(|c| c.kind.is_operation()) {
        let why = &c.csdl.as_ref().unwrap().why;
        // Each side's operation is found in its model (the labeller's fallback says so).
        assert!(!why.contains("the models have no operation"), "{why}");
        for (file, lines) in &texts {
            for (at, _) in why.match_indices(&format!("{file}:")) {
                let digits: String = why[at + file.len() + 1..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                let line = &lines[digits.parse::<usize>().expect("a line number") - 1];
                let name = line
                    .split(" Name=\"")
                    .nth(1)
                    .and_then(|n| n.split('"').next())
                    .unwrap_or_else(|| panic!("{file}:{digits} names nothing: {line}"));
                // The entity container is named by what it is ("no entity set or singleton
                // of the entity container (file:line)").
                let container = line.trim_start().starts_with("<EntityContainer")
                    && why.contains("entity container");
                assert!(
                    why.contains(name) || container,
                    "{} {}: cites {file}:{digits} ({name}) without naming it: {why}",
                    c.type_name,
                    c.kind
                );
                cited += 1;
            }
        }
    }
    assert!(
        cited >= api + documentation,
        "{cited} schema lines cited by {} operation labels",
        api + documentation
    );

    // Changes trace to a difference in what the pages say: where the texts shown on both
    // sides read the same, the note says what else differs.
    let same: Vec<&diff::Change> = report
        .changes
        .iter()
        .filter(|c| match (&c.old, &c.new) {
            (Some(a), Some(b)) => a.text == b.text,
            _ => false,
        })
        .collect();
    for c in &same {
        assert!(
            c.note.is_some(),
            "same text on both sides, and no note: {c:#?}"
        );
    }
    let ceiling = floor(&floors, "same-text-in-scope") as usize;
    assert!(
        coverage.same_text <= ceiling,
        "{} changes to types both schemas describe read the same on both sides (at most {ceiling})",
        coverage.same_text
    );

    // No change says less than it should: each has text on a side, and both places where
    // both sides have the type.
    for c in &report.changes {
        let texts = [&c.old, &c.new]
            .into_iter()
            .flatten()
            .filter(|e| e.text.is_some())
            .count();
        assert!(texts > 0, "no text on either side: {c:#?}");
    }
}
