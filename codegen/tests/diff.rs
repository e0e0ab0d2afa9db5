//! The change report on small hand-made page pairs: each change kind, each rename rule, the
//! impacts, the evidence on both sides, the labels from two schemas.

mod common;

use std::fs;
use std::path::Path;

use graph_docs_codegen::diff::{self, Change, ChangeKind, Level, Origin, Report, Rule};
use graph_docs_codegen::Config;

/// A resource page of `microsoft.graph.<name>` with these property rows (name, type cell,
/// description) and extra annotation members (`, "baseType": "..."`).
fn resource(name: &str, rows: &[(&str, &str, &str)], annotation: &str) -> String {
    let table: String = rows
        .iter()
        .map(|(p, t, d)| format!("| {p} | {t} | {d} |\n"))
        .collect();
    let keys: Vec<String> = rows
        .iter()
        .map(|(p, _, _)| format!("  \"{p}\": \"String\""))
        .collect();
    format!(
        "# {name} resource type\n\nNamespace: microsoft.graph\n\nA {name}.\n\n## Properties\n\n\
         | Property | Type | Description |\n|:---|:---|:---|\n{table}\n## JSON representation\n\n\
         <!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.{name}\"{annotation}}} -->\n\
         ```json\n{{\n{}\n}}\n```\n",
        keys.join(",\n")
    )
}

/// An enum page of `microsoft.graph.<name>` with these members.
fn enumeration(name: &str, members: &[&str]) -> String {
    let rows: String = members
        .iter()
        .enumerate()
        .map(|(i, m)| format!("| {m} | {i} | The {m} value. |\n"))
        .collect();
    format!(
        "# {name} enum type\n\nNamespace: microsoft.graph\n\n## Members\n\n\
         | Member | Value | Description |\n|:---|:---|:---|\n{rows}"
    )
}

/// Writes `pages` (file name under `beta/resources/`, text) into a fresh docs folder.
fn docs(dir: &Path, pages: &[(&str, String)]) {
    let resources = dir.join("beta/resources");
    fs::create_dir_all(&resources).unwrap();
    for (file, text) in pages {
        fs::write(resources.join(file), text).unwrap();
    }
}

/// The report between two page sets.
fn compare(name: &str, old: &[(&str, String)], new: &[(&str, String)]) -> Report {
    let root = common::scratch(&format!("diff-{name}"));
    docs(&root.join("old"), old);
    docs(&root.join("new"), new);
    let load = |side: &str| {
        Config::new()
            .docs_dir(root.join(side))
            .check_examples(false)
            .load()
            .expect("pages readable")
            .schema
    };
    diff::compare(&load("old"), &load("new"))
}

/// The one change of this kind; fails listing all when there is not exactly one.
fn one(report: &Report, kind: ChangeKind) -> &Change {
    let found: Vec<&Change> = report.changes.iter().filter(|c| c.kind == kind).collect();
    assert_eq!(found.len(), 1, "{kind:?} in {:#?}", report.changes);
    found[0]
}

fn kinds(report: &Report) -> Vec<(ChangeKind, String, Option<String>)> {
    report
        .changes
        .iter()
        .map(|c| (c.kind, c.type_name.clone(), c.name.clone()))
        .collect()
}

fn text(e: &Option<diff::Evidence>) -> (Option<&str>, String) {
    let e = e.as_ref().expect("evidence on this side");
    (e.text.as_deref(), e.at.to_string())
}

const WIDGET_ROWS: &[(&str, &str, &str)] = &[
    ("id", "String", "The identifier."),
    ("size", "Int32", "How big it is."),
];

#[test]
fn the_same_pages_give_no_change() {
    let pages = [("widget.md", resource("widget", WIDGET_ROWS, ""))];
    let report = compare("same", &pages, &pages);
    assert!(report.changes.is_empty(), "{:#?}", report.changes);
}

#[test]
fn lines_that_move_are_no_change() {
    let old = [("widget.md", resource("widget", WIDGET_ROWS, ""))];
    let moved = format!("\n\n\n{}", resource("widget", WIDGET_ROWS, ""));
    let report = compare("moved", &old, &[("widget.md", moved)]);
    assert!(report.changes.is_empty(), "{:#?}", report.changes);
}

#[test]
fn types_added_and_removed() {
    let old = [("widget.md", resource("widget", WIDGET_ROWS, ""))];
    let new = [("gadget.md", resource("gadget", WIDGET_ROWS, ""))];
    let report = compare("types", &old, &new);
    let added = one(&report, ChangeKind::TypeAdded);
    assert_eq!(added.type_name, "microsoft.graph.gadget");
    assert_eq!(added.rust.level, Level::Compatible);
    assert_eq!(added.old, None);
    assert_eq!(
        text(&added.new),
        (
            Some("microsoft.graph.gadget"),
            "beta/resources/gadget.md:16".to_string()
        )
    );
    let removed = one(&report, ChangeKind::TypeRemoved);
    assert_eq!(removed.type_name, "microsoft.graph.widget");
    assert_eq!(removed.rust.level, Level::Breaking);
    // A type's properties are not listed one by one when the type itself comes or goes.
    assert_eq!(report.changes.len(), 2, "{:#?}", report.changes);
}

#[test]
fn properties_added_removed_retyped_and_made_collections() {
    let old = [(
        "widget.md",
        resource(
            "widget",
            &[
                ("id", "String", "The identifier."),
                ("size", "Int32", "How big it is."),
                ("colour", "String", "Its colour."),
                ("tags", "String", "A tag."),
            ],
            "",
        ),
    )];
    let new = [(
        "widget.md",
        resource(
            "widget",
            &[
                ("id", "String", "The identifier."),
                ("size", "Int64", "How big it is."),
                ("tags", "String collection", "Its tags."),
                ("weight", "Double", "How heavy it is."),
            ],
            "",
        ),
    )];
    let report = compare("properties", &old, &new);
    let added = one(&report, ChangeKind::PropertyAdded);
    assert_eq!(added.name.as_deref(), Some("weight"));
    assert_eq!(added.rust.level, Level::Compatible);
    assert_eq!(added.wire.level, Level::Compatible);
    assert_eq!(
        text(&added.new),
        (Some("Double"), "beta/resources/widget.md:14".to_string())
    );
    // Absent on the old side: where the type's page is.
    assert_eq!(
        text(&added.old),
        (None, "beta/resources/widget.md:18".to_string())
    );

    let removed = one(&report, ChangeKind::PropertyRemoved);
    assert_eq!(removed.name.as_deref(), Some("colour"));
    assert_eq!(
        (removed.rust.level, removed.wire.level),
        (Level::Breaking, Level::Breaking)
    );
    assert!(removed.rust.why.contains("colour"), "{}", removed.rust.why);
    assert!(
        removed.wire.why.contains("additional_properties"),
        "{}",
        removed.wire.why
    );

    // A wider integer: code breaks (i32 -> i64), every old value still fits.
    let retyped = one(&report, ChangeKind::PropertyRetyped);
    assert_eq!(retyped.name.as_deref(), Some("size"));
    assert_eq!(
        (retyped.rust.level, retyped.wire.level),
        (Level::Breaking, Level::Compatible)
    );
    assert_eq!(
        (text(&retyped.old).0, text(&retyped.new).0),
        (Some("Int32"), Some("Int64"))
    );
    assert!(
        retyped.rust.why.contains("Field<i32>"),
        "{}",
        retyped.rust.why
    );

    let collection = one(&report, ChangeKind::PropertyMadeCollection);
    assert_eq!(collection.name.as_deref(), Some("tags"));
    assert_eq!(collection.wire.level, Level::Breaking);
    assert_eq!(
        (text(&collection.old).0, text(&collection.new).0),
        (Some("String"), Some("String collection"))
    );
}

#[test]
fn a_narrower_type_breaks_payloads_and_a_single_value_is_a_change_of_its_own() {
    let old = [(
        "widget.md",
        resource(
            "widget",
            &[
                ("size", "Int64", "How big."),
                ("tags", "String collection", "Tags."),
            ],
            "",
        ),
    )];
    let new = [(
        "widget.md",
        resource(
            "widget",
            &[("size", "Int32", "How big."), ("tags", "String", "Tags.")],
            "",
        ),
    )];
    let report = compare("narrower", &old, &new);
    assert_eq!(
        one(&report, ChangeKind::PropertyRetyped).wire.level,
        Level::Breaking
    );
    let single = one(&report, ChangeKind::PropertyMadeSingle);
    assert_eq!(single.name.as_deref(), Some("tags"));
    assert_eq!(single.rust.level, Level::Breaking);
}

#[test]
fn a_property_renamed_by_case_keeps_its_field_but_not_its_wire_name() {
    let rows = |name: &'static str| {
        [
            ("id", "String", "The identifier."),
            (name, "String", "The conference."),
        ]
    };
    let old = [("widget.md", resource("widget", &rows("ConferenceId"), ""))];
    let new = [("widget.md", resource("widget", &rows("conferenceId"), ""))];
    let report = compare("case-property", &old, &new);
    let renamed = one(&report, ChangeKind::PropertyRenamed);
    assert_eq!(renamed.rule, Some(Rule::Case));
    assert_eq!(renamed.renamed_from.as_deref(), Some("ConferenceId"));
    assert_eq!(renamed.name.as_deref(), Some("conferenceId"));
    // `conference_id` either way.
    assert_eq!(renamed.rust.level, Level::None, "{}", renamed.rust.why);
    assert_eq!(renamed.wire.level, Level::Breaking);
    assert_eq!(report.changes.len(), 1, "{:#?}", report.changes);
}

#[test]
fn a_property_renamed_with_its_type_and_description_kept() {
    let old = [(
        "widget.md",
        resource(
            "widget",
            &[
                ("id", "String", "The identifier."),
                ("colour", "String", "The widget's colour."),
            ],
            "",
        ),
    )];
    let new = [(
        "widget.md",
        resource(
            "widget",
            &[
                ("id", "String", "The identifier."),
                ("color", "String", "The widget's colour."),
            ],
            "",
        ),
    )];
    let report = compare("renamed-property", &old, &new);
    let renamed = one(&report, ChangeKind::PropertyRenamed);
    assert_eq!(renamed.rule, Some(Rule::SameTypeAndDescription));
    assert_eq!(renamed.rust.level, Level::Breaking);
    assert!(renamed.rust.why.contains("colour"), "{}", renamed.rust.why);
    assert_eq!(
        (text(&renamed.old).0, text(&renamed.new).0),
        (Some("colour"), Some("color"))
    );
    assert!(!kinds(&report)
        .iter()
        .any(|(k, _, _)| matches!(k, ChangeKind::PropertyAdded | ChangeKind::PropertyRemoved)));
}

#[test]
fn an_inherited_property_is_reported_once_at_the_type_that_declares_it() {
    let base = |rows: &[(&str, &str, &str)]| ("shape.md", resource("shape", rows, ""));
    let derived = |name: &'static str| {
        (
            name,
            resource(
                &name.replace(".md", ""),
                &[("corners", "Int32", "How many corners.")],
                ", \"baseType\": \"microsoft.graph.shape\"",
            ),
        )
    };
    let old = [
        base(&[("id", "String", "The identifier.")]),
        derived("square.md"),
        derived("triangle.md"),
    ];
    let new = [
        base(&[
            ("id", "String", "The identifier."),
            ("area", "Double", "How much room it takes."),
        ]),
        derived("square.md"),
        derived("triangle.md"),
    ];
    let report = compare("inherited", &old, &new);
    let added = one(&report, ChangeKind::PropertyAdded);
    assert_eq!(added.type_name, "microsoft.graph.shape");
    assert_eq!(
        added.inherited_by,
        ["microsoft.graph.square", "microsoft.graph.triangle"]
    );
}

#[test]
fn members_added_removed_and_renamed_by_case() {
    let old = [(
        "colour.md",
        enumeration("colour", &["red", "Green", "blue"]),
    )];
    let new = [(
        "colour.md",
        enumeration("colour", &["red", "green", "yellow"]),
    )];
    let report = compare("members", &old, &new);
    let added = one(&report, ChangeKind::MemberAdded);
    assert_eq!(added.name.as_deref(), Some("yellow"));
    assert_eq!(
        (added.rust.level, added.wire.level),
        (Level::Compatible, Level::Compatible)
    );
    assert!(
        added.wire.why.contains("Undocumented"),
        "{}",
        added.wire.why
    );
    let removed = one(&report, ChangeKind::MemberRemoved);
    assert_eq!(removed.name.as_deref(), Some("blue"));
    assert_eq!(removed.rust.level, Level::Breaking);
    assert_eq!(
        text(&removed.old),
        (Some("blue"), "beta/resources/colour.md:11".to_string())
    );
    let renamed = one(&report, ChangeKind::MemberRenamed);
    assert_eq!(
        (renamed.renamed_from.as_deref(), renamed.name.as_deref()),
        (Some("Green"), Some("green"))
    );
    // `Green` either way.
    assert_eq!(renamed.rust.level, Level::None);
}

#[test]
fn a_type_renamed_by_case_or_moved_to_another_namespace() {
    let old = [
        ("widget.md", resource("Widget", WIDGET_ROWS, "")),
        ("gadget.md", resource("gadget", WIDGET_ROWS, "")),
    ];
    let moved = resource("gadget", WIDGET_ROWS, "")
        .replace(
            "Namespace: microsoft.graph",
            "Namespace: microsoft.graph.things",
        )
        .replace(
            "\"microsoft.graph.gadget\"",
            "\"microsoft.graph.things.gadget\"",
        );
    let new = [
        ("widget.md", resource("widget", WIDGET_ROWS, "")),
        ("gadget.md", moved),
    ];
    let report = compare("renamed-types", &old, &new);
    let renames: Vec<(&str, &str, Option<Rule>, Level)> = report
        .changes
        .iter()
        .map(|c| {
            (
                c.renamed_from.as_deref().unwrap_or_default(),
                c.type_name.as_str(),
                c.rule,
                c.rust.level,
            )
        })
        .collect();
    assert_eq!(
        renames,
        [
            (
                "microsoft.graph.gadget",
                "microsoft.graph.things.gadget",
                Some(Rule::Namespace),
                Level::Breaking
            ),
            // `Widget` either way.
            (
                "microsoft.graph.Widget",
                "microsoft.graph.widget",
                Some(Rule::Case),
                Level::None
            ),
        ]
    );
}

#[test]
fn an_inline_list_now_documented_under_the_name_we_gave_it_is_no_change() {
    // The inline enum of `job.state` is named `jobState` after its property; the page now
    // links a documented `jobState` with the same members: the same generated enum.
    let status = |cell: &str| {
        resource(
            "job",
            &[
                ("id", "String", "The identifier."),
                (
                    "state",
                    cell,
                    "Where it is. Possible values are: `waiting`, `running`, `done`.",
                ),
            ],
            "",
        )
    };
    let old = [("job.md", status("String"))];
    let new = [
        ("job.md", status("[jobState](jobstate.md)")),
        (
            "jobstate.md",
            enumeration("jobState", &["waiting", "running", "done"]),
        ),
    ];
    let report = compare("inline-documented", &old, &new);
    assert!(report.changes.is_empty(), "{:#?}", report.changes);
}

#[test]
fn an_inline_list_now_a_documented_enum_of_another_name() {
    let cell = |c: &str| {
        resource(
            "job",
            &[
                ("id", "String", "The identifier."),
                (
                    "phase",
                    c,
                    "Where it is. Possible values are: `waiting`, `running`, `done`.",
                ),
            ],
            "",
        )
    };
    let old = [("job.md", cell("String"))];
    let new = [
        ("job.md", cell("[progress](progress.md)")),
        (
            "progress.md",
            enumeration(
                "progress",
                &["waiting", "running", "done", "unknownFutureValue"],
            ),
        ),
    ];
    let report = compare("inline-other-name", &old, &new);
    let renamed = one(&report, ChangeKind::TypeRenamed);
    assert_eq!(renamed.rule, Some(Rule::InlineEnumDocumented));
    assert_eq!(
        (renamed.renamed_from.as_deref(), renamed.type_name.as_str()),
        (Some("microsoft.graph.jobPhase"), "microsoft.graph.progress")
    );
    assert_eq!(renamed.rust.level, Level::Breaking);
    assert!(
        renamed.rust.why.contains("JobPhase"),
        "{}",
        renamed.rust.why
    );
    // The member the documented enum adds is a change of its own; no retype, no type added.
    assert_eq!(
        one(&report, ChangeKind::MemberAdded).name.as_deref(),
        Some("unknownFutureValue")
    );
    assert_eq!(report.changes.len(), 2, "{:#?}", report.changes);
}

#[test]
fn a_documented_enum_renamed_is_paired_through_its_property() {
    let widget = |cell: &str| {
        (
            "widget.md",
            resource(
                "widget",
                &[
                    ("id", "String", "The identifier."),
                    ("colour", cell, "Its colour."),
                ],
                "",
            ),
        )
    };
    let old = [
        widget("[colour](colour.md)"),
        ("colour.md", enumeration("colour", &["red", "green"])),
    ];
    let new = [
        widget("[hue](hue.md)"),
        ("hue.md", enumeration("hue", &["red", "green", "blue"])),
    ];
    let report = compare("enum-of-property", &old, &new);
    let renamed = one(&report, ChangeKind::TypeRenamed);
    assert_eq!(renamed.rule, Some(Rule::EnumOfProperty));
    assert_eq!(
        (renamed.renamed_from.as_deref(), renamed.type_name.as_str()),
        (Some("microsoft.graph.colour"), "microsoft.graph.hue")
    );
    assert_eq!(
        (text(&renamed.old).0, text(&renamed.new).0),
        (Some("colour"), Some("hue"))
    );
    assert_eq!(renamed.wire.level, Level::Compatible);
    // No retype of widget.colour; the member the new enum adds is listed.
    assert_eq!(
        one(&report, ChangeKind::MemberAdded).name.as_deref(),
        Some("blue")
    );
    assert_eq!(report.changes.len(), 2, "{:#?}", report.changes);
}

#[test]
fn kind_base_and_derived_types() {
    let old = [
        (
            "shape.md",
            resource("shape", &[("id", "String", "The identifier.")], ""),
        ),
        (
            "holder.md",
            resource(
                "holder",
                &[("shape", "[shape](shape.md)", "What it holds.")],
                "",
            ),
        ),
        (
            "square.md",
            resource("square", &[("side", "Int32", "The side.")], ""),
        ),
    ];
    let new = [
        (
            "shape.md",
            resource("shape", &[("id", "String", "The identifier.")], ""),
        ),
        (
            "holder.md",
            resource(
                "holder",
                &[("shape", "[shape](shape.md)", "What it holds.")],
                "",
            ),
        ),
        (
            "square.md",
            resource(
                "square",
                &[("side", "Int32", "The side.")],
                ", \"baseType\": \"microsoft.graph.shape\"",
            ),
        ),
    ];
    let report = compare("bases", &old, &new);
    let base = one(&report, ChangeKind::BaseTypeChanged);
    assert_eq!(base.type_name, "microsoft.graph.square");
    assert_eq!(base.note.as_deref(), Some("none -> microsoft.graph.shape"));
    // The square inherits the shape's id.
    let id = one(&report, ChangeKind::PropertyAdded);
    assert_eq!(
        (id.type_name.as_str(), id.inherited_by.as_slice()),
        (
            "microsoft.graph.shape",
            ["microsoft.graph.square".to_string()].as_slice()
        )
    );
    // holder.shape now holds AnyShape.
    let derived = one(&report, ChangeKind::DerivedTypesChanged);
    assert_eq!(derived.type_name, "microsoft.graph.shape");
    assert_eq!(derived.rust.level, Level::Breaking);
    assert!(
        derived.rust.why.contains("AnyShape"),
        "{}",
        derived.rust.why
    );
    assert_eq!(derived.wire.level, Level::Compatible);
}

#[test]
fn a_key_makes_an_entity() {
    let old = [("widget.md", resource("widget", WIDGET_ROWS, ""))];
    let new = [(
        "widget.md",
        resource("widget", WIDGET_ROWS, ", \"keyProperty\": \"id\""),
    )];
    let report = compare("kind", &old, &new);
    let kind = one(&report, ChangeKind::KindChanged);
    assert_eq!(kind.note.as_deref(), Some("complex -> entity"));
    assert_eq!(kind.rust.level, Level::None);
    assert!(
        text(&kind.new).0.is_some_and(|t| t.contains("key id")),
        "{:?}",
        kind.new
    );
}

#[test]
fn every_change_has_text_on_a_side_and_a_place_on_both_where_both_have_the_type() {
    let old = [("widget.md", resource("widget", WIDGET_ROWS, ""))];
    let new = [(
        "widget.md",
        resource(
            "widget",
            &[
                ("id", "String", "The identifier."),
                ("size", "Int64", "How big it is."),
            ],
            "",
        ),
    )];
    let report = compare("evidence", &old, &new);
    for c in &report.changes {
        let (old, new) = (c.old.as_ref().unwrap(), c.new.as_ref().unwrap());
        assert!(old.text.is_some() || new.text.is_some(), "{c:#?}");
        assert_ne!(old.text, new.text, "{c:#?}");
        assert!(old.at.file.ends_with("widget.md") && new.at.file.ends_with("widget.md"));
    }
}

#[test]
fn csdl_labels_api_and_documentation_changes() {
    let root = common::scratch("diff-csdl");
    let schema = |properties: &str| {
        format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="widget">
        <Property Name="id" Type="Edm.String" />
{properties}
      </ComplexType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>"#
        )
    };
    // The API adds `weight`; `colour` was in the schema all along and is only documented now.
    let old_csdl = root.join("beta-old.xml");
    let new_csdl = root.join("beta-new.xml");
    fs::write(
        &old_csdl,
        schema(r#"<Property Name="colour" Type="Edm.String" />"#),
    )
    .unwrap();
    fs::write(
        &new_csdl,
        schema(r#"<Property Name="colour" Type="Edm.String" /><Property Name="weight" Type="Edm.Double" />"#),
    )
    .unwrap();
    docs(
        &root.join("old"),
        &[(
            "widget.md",
            resource("widget", &[("id", "String", "Id.")], ""),
        )],
    );
    docs(
        &root.join("new"),
        &[(
            "widget.md",
            resource(
                "widget",
                &[
                    ("id", "String", "Id."),
                    ("colour", "String", "Colour."),
                    ("weight", "Double", "Weight."),
                ],
                "",
            ),
        )],
    );
    let load = |side: &str| {
        Config::new()
            .docs_dir(root.join(side))
            .check_examples(false)
            .load()
            .unwrap()
            .schema
    };
    let (old, new) = (load("old"), load("new"));
    let mut report = diff::compare(&old, &new);
    diff::csdl::compare_files(
        &mut report,
        (&old, &new),
        (old_csdl.to_str().unwrap(), new_csdl.to_str().unwrap()),
    )
    .unwrap();
    let origin = |name: &str| {
        report
            .changes
            .iter()
            .find(|c| c.name.as_deref() == Some(name))
            .and_then(|c| c.csdl.as_ref())
            .map(|l| l.origin)
    };
    assert_eq!(origin("weight"), Some(Origin::Api));
    assert_eq!(origin("colour"), Some(Origin::Documentation));
    let coverage = &report.csdl[0];
    assert_eq!(coverage.version, "beta");
    assert_eq!((coverage.api, coverage.documentation), (1, 1));
    assert_eq!(
        (
            coverage.properties_added.agree,
            coverage.properties_added.of
        ),
        (1, 1)
    );
}

/// An action page: `POST /widgets/{id}/<action>` with these body parameters, answering
/// `204 No Content`.
fn action(action: &str, parameters: &[(&str, &str, &str)]) -> String {
    answering(
        action,
        parameters,
        "If successful, this method returns `204 No Content` response code.",
    )
}

/// An action page whose Response section says `response`.
fn answering(action: &str, parameters: &[(&str, &str, &str)], response: &str) -> String {
    let rows: String = parameters
        .iter()
        .map(|(p, t, d)| format!("| {p} | {t} | {d} |\n"))
        .collect();
    format!(
        "# widget: {action}\n\nNamespace: microsoft.graph\n\nDo {action} to a widget.\n\n## HTTP request\n\n\
         ```http\nPOST /widgets/{{id}}/{action}\n```\n\n## Request body\n\n\
         | Parameter | Type | Description |\n|:---|:---|:---|\n{rows}\n## Response\n\n{response}\n"
    )
}

/// Writes `pages` (file name under `beta/api/`, text) beside the resources of `dir`.
fn api_pages(dir: &Path, pages: &[(&str, String)]) {
    let api = dir.join("beta/api");
    fs::create_dir_all(&api).unwrap();
    for (file, text) in pages {
        fs::write(api.join(file), text).unwrap();
    }
}

#[test]
fn operations_added_removed_renamed_and_their_parameters() {
    let root = common::scratch("diff-operations");
    let widget = [(
        "widget.md",
        resource("widget", WIDGET_ROWS, ", \"keyProperty\": \"id\""),
    )];
    for side in ["old", "new"] {
        docs(&root.join(side), &widget);
    }
    api_pages(
        &root.join("old"),
        &[
            (
                "widget-spin.md",
                action("spin", &[("speed", "Int32", "How fast. Required.")]),
            ),
            ("widget-halt.md", action("halt", &[])),
            (
                "widget-paint.md",
                action("paint", &[("colour", "String", "Which. Required.")]),
            ),
            (
                "widget-copy.md",
                action(
                    "copy",
                    &[
                        ("name", "String", "Its name. Required."),
                        ("notify", "Boolean", "Tell. Optional."),
                    ],
                ),
            ),
        ],
    );
    api_pages(
        &root.join("new"),
        &[
            (
                "widget-spin.md",
                action(
                    "spin",
                    &[
                        ("speed", "Int64", "How fast. Required."),
                        ("clockwise", "Boolean", "Which way. Optional."),
                    ],
                ),
            ),
            ("widget-stop.md", action("stop", &[])),
            // The same request on a page of another name.
            (
                "widgets-paint.md",
                action("paint", &[("colour", "String", "Which. Required.")]),
            ),
            (
                "widget-copy.md",
                answering(
                    "copy",
                    &[("name", "String", "Its name. Required.")],
                    "If successful, this method returns a `200 OK` response code and a \
                     [widget](../resources/widget.md) object in the response body.",
                ),
            ),
        ],
    );
    let load = |side: &str| {
        Config::new()
            .docs_dir(root.join(side))
            .check_examples(false)
            .load()
            .unwrap()
            .schema
    };
    let report = diff::compare(&load("old"), &load("new"));
    let found: Vec<(ChangeKind, &str, Option<&str>, Level)> = report
        .changes
        .iter()
        .filter(|c| c.kind.is_operation())
        .map(|c| {
            (
                c.kind,
                c.type_name.as_str(),
                c.name.as_deref(),
                c.rust.level,
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                ChangeKind::ResponseChanged,
                "widgetCopy",
                None,
                Level::Breaking
            ),
            (
                ChangeKind::ParameterRemoved,
                "widgetCopy",
                Some("notify"),
                Level::Breaking
            ),
            (
                ChangeKind::OperationRemoved,
                "widgetHalt",
                None,
                Level::Breaking
            ),
            (
                ChangeKind::OperationRenamed,
                "widgetsPaint",
                None,
                Level::Breaking
            ),
            (
                ChangeKind::ParameterAdded,
                "widgetSpin",
                Some("clockwise"),
                Level::Compatible
            ),
            (
                ChangeKind::ParameterRetyped,
                "widgetSpin",
                Some("speed"),
                Level::Breaking
            ),
            (
                ChangeKind::OperationAdded,
                "widgetStop",
                None,
                Level::Compatible
            ),
        ],
        "{:#?}",
        report.changes
    );
    let response = one(&report, ChangeKind::ResponseChanged);
    assert!(
        response.rust.why.contains("microsoft.graph.widget"),
        "{}",
        response.rust.why
    );
    assert!(text(&response.new).0.is_some_and(|t| t.contains("200 OK")));
    let renamed = one(&report, ChangeKind::OperationRenamed);
    assert_eq!(renamed.rule, Some(Rule::SamePaths));
    assert_eq!(
        (text(&renamed.old).0, text(&renamed.new).0),
        (Some("widget-paint.md"), Some("widgets-paint.md"))
    );
    // The action's body type is reported with the operation, not as a type of its own.
    assert!(
        report.changes.iter().all(|c| c.kind.is_operation()),
        "{:#?}",
        report.changes
    );
}

#[test]
fn a_build_says_what_changed_since_the_last_one() {
    let root = common::scratch("diff-last-build");
    let (docs_dir, out) = (root.join("docs"), root.join("out"));
    fs::create_dir_all(&out).unwrap();
    let build = |pages: &[(&str, String)]| {
        let _ = fs::remove_dir_all(&docs_dir);
        docs(&docs_dir, pages);
        let config = Config::new();
        let schema = config
            .clone()
            .docs_dir(&docs_dir)
            .check_examples(false)
            .load()
            .unwrap()
            .schema;
        diff::last_build::compare(&out, &docs_dir, &config, &schema).unwrap()
    };
    let widget = resource("widget", WIDGET_ROWS, "");
    // The first build has nothing to compare with; the same pages again, nothing to say.
    assert!(build(&[("widget.md", widget.clone())]).is_none());
    assert!(build(&[("widget.md", widget.clone())]).is_none());
    // Lines that move change no fingerprint.
    assert!(build(&[("widget.md", format!("\n\n{widget}"))]).is_none());
    let changed = resource("widget", &[("id", "String", "The identifier.")], "");
    let report = build(&[("widget.md", changed)]).expect("a change");
    assert_eq!(
        kinds(&report),
        [(
            ChangeKind::PropertyRemoved,
            "microsoft.graph.widget".to_string(),
            Some("size".to_string())
        )]
    );
    let lines = diff::last_build::summary(&report, 10);
    assert_eq!(
        lines,
        [
            "changed since the last build: beta: 1 breaking (1 Rust, 1 wire) of 1 change: properties 1 removed",
            "  breaking: beta microsoft.graph.widget: property removed size (beta/resources/widget.md:12)",
        ]
    );
    // A description changed: the model differs, the report compares no descriptions.
    let reworded = resource(
        "widget",
        &[("id", "String", "The widget's identifier.")],
        "",
    );
    let report = build(&[("widget.md", reworded)]).expect("the model differs");
    assert!(report.changes.is_empty());
    assert!(diff::last_build::summary(&report, 10)[0].contains("does not compare"));
}
