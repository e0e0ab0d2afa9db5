//! Generated code used as an application uses it, compiled and run: a package generated from
//! a fixture (and, when the docs corpus is here, from a few corpus types) with a test of its
//! own that reads payloads through the generated types.
//!
//! - A property of a base type reads in one line through its `Any*` enum
//!   (`drawing.main.value().and_then(|s| s.name().value())`), whichever derived type came;
//!   on the corpus, the sender's address of a message (`message.from` is an `AnyRecipient`)
//!   and the user of a chat message (`chatMessage.from.user` is an `AnyIdentity`).
//! - `{:?}` of a generated struct shows what is there: no `Absent` field, `..` for them.

mod common;

use std::path::{Path, PathBuf};

use common::{cargo, scratch};
use graph_docs_codegen::{package, Config};

/// Writes a package of `docs` (restricted to `only` when given) whose `tests/usage.rs` is
/// `usage`, runs its tests, and fails with cargo's output when they fail.
fn run_usage(name: &str, docs: &Path, only: &[&str], usage: &str) {
    let dir = scratch(name);
    let mut config = Config::new();
    config
        .docs_dir(docs)
        .out_dir(dir.join("src"))
        .include_style(graph_docs_codegen::emit::IncludeStyle::Relative)
        .area_features(true);
    for type_name in only {
        config.only(*type_name);
    }
    let report = config.generate().expect("generates");
    package::write_package(
        &dir,
        name,
        &report.schema,
        true,
        &package::Runtime::default(),
    )
    .expect("package written");
    std::fs::create_dir_all(dir.join("tests")).unwrap();
    std::fs::write(dir.join("tests/usage.rs"), usage).unwrap();
    // serde_json for the test itself: the package depends on it already.
    let out = cargo(&dir, &["test", "--quiet", "--test", "usage"]);
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // Generated code is lint-clean with the readers in it.
    let out = cargo(&dir, &["clippy", "--quiet", "--", "-D", "warnings"]);
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

const FIXTURE_USAGE: &str = r###"
use usage_fixture::beta::{AnyShape, Drawing};

#[test]
fn a_base_property_reads_in_one_line_through_the_any_enum() {
    let body = r##"{"id": "d1", "main": {"@odata.type": "#microsoft.graph.circle", "name": "c", "radius": 2},
        "shapes": [{"name": "plain"}, {"@odata.type": "#microsoft.graph.circle", "id": "s2", "radius": 1}]}"##;
    let drawing: Drawing = serde_json::from_str(body).unwrap();
    assert!(matches!(drawing.main.value(), Some(AnyShape::Circle(_))));
    assert_eq!(drawing.main.value().and_then(|s| s.name().value()).map(String::as_str), Some("c"));
    let ids: Vec<Option<&String>> = drawing.shapes.value().unwrap().iter().map(|s| s.id().value()).collect();
    assert_eq!(ids, [None, Some(&"s2".to_string())]);
}

#[test]
fn debug_shows_what_is_there() {
    let drawing: Drawing = serde_json::from_str(r##"{"id": "d1", "note": null, "count": "x", "extra": 1}"##).unwrap();
    let debug = format!("{drawing:?}");
    assert_eq!(
        debug,
        r##"Drawing { id: "d1", count: Unfit("x"), note: Null, additional_properties: {"extra": Number(1)}, .. }"##
    );
    let shape: AnyShape = serde_json::from_str(r##"{"@odata.type": "#microsoft.graph.circle", "radius": 2.5}"##).unwrap();
    assert!(format!("{shape:?}").starts_with("Circle(Circle { radius: 2.5, additional_properties: "), "{shape:?}");
    assert!(!format!("{shape:#?}").contains("Absent"), "{shape:#?}");
}
"###;

#[test]
fn fixture_types_read_base_properties_in_one_line_and_debug_shows_what_is_there() {
    let docs = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/examples");
    run_usage("usage-fixture", Path::new(docs), &[], FIXTURE_USAGE);
}

/// The docs root (`beta/`, `v1.0/`), as the corpus test finds it: `$GRAPH_DOCS_DIR` or
/// `../shared/graph-docs`.
fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("GRAPH_DOCS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/graph-docs"));
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

const CORPUS_USAGE: &str = r###"
use usage_corpus::v1_0::{AnyRecipient, ChatMessage, Message};

const MESSAGE: &str = r##"{
    "@odata.etag": "W/\"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAAAAAL\"",
    "id": "AAMkAGUAAAwTW09AAA=",
    "createdDateTime": "2019-02-04T19:58:27Z",
    "subject": "Meet for lunch?",
    "isRead": true,
    "from": {"emailAddress": {"name": "Alex Wilber", "address": "AlexW@contoso.onmicrosoft.com"}},
    "toRecipients": [{"emailAddress": {"name": "Megan Bowen", "address": "MeganB@contoso.onmicrosoft.com"}}]
}"##;

#[test]
fn the_sender_of_a_message_in_one_line() {
    let message: Message = serde_json::from_str(MESSAGE).unwrap();
    assert!(matches!(message.from.value(), Some(AnyRecipient::Recipient(_))));
    let sender = message.from.value().and_then(|r| r.email_address().value()).and_then(|e| e.address.value());
    assert_eq!(sender.map(String::as_str), Some("AlexW@contoso.onmicrosoft.com"));
}

#[test]
fn the_user_of_a_chat_message_in_one_line() {
    let body = r##"{"id": "1616", "from": {"user": {"@odata.type": "#microsoft.graph.teamworkUserIdentity",
        "id": "8ea0e38b", "displayName": "Robin Kline", "userIdentityType": "aadUser"}}}"##;
    let chat: ChatMessage = serde_json::from_str(body).unwrap();
    let user = chat.from.value().and_then(|f| f.user.value());
    assert_eq!(user.and_then(|u| u.display_name().value()).map(String::as_str), Some("Robin Kline"));
    assert_eq!(user.and_then(|u| u.id().value()).map(String::as_str), Some("8ea0e38b"));
}

#[test]
fn debug_of_a_message_shows_its_six_properties() {
    let message: Message = serde_json::from_str(MESSAGE).unwrap();
    let pretty = format!("{message:#?}");
    assert!(!pretty.contains("Absent"), "{pretty}");
    let top_level: Vec<&str> = pretty
        .lines()
        .filter(|l| l.strip_prefix("    ").is_some_and(|rest| rest.starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '.')))
        .collect();
    assert_eq!(top_level.len(), 8, "six properties, the undocumented @odata.etag, and `..`: {pretty}");
}
"###;

#[test]
fn corpus_types_read_base_properties_in_one_line_and_debug_shows_what_is_there() {
    let Some(root) = corpus() else {
        println!("SKIPPED: no docs corpus (set GRAPH_DOCS_DIR or put it at ../shared/graph-docs)");
        return;
    };
    run_usage(
        "usage-corpus",
        &root,
        &[
            "v1.0:microsoft.graph.message",
            "v1.0:microsoft.graph.chatMessage",
            // Derived from recipient: makes message.from an AnyRecipient, as in the whole crate.
            "v1.0:microsoft.graph.attendee",
        ],
        CORPUS_USAGE,
    );
}
