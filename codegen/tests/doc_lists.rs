//! Doc comments keep the lists of a page's description: the pages of user, group, message,
//! event and contact list what the resource supports as bullets after "This resource
//! supports:", which the doc comment used to end on. The emitted Rust is snapshotted.

use graph_docs_codegen::emit::Emitter;
use graph_docs_codegen::Config;

#[test]
fn doc_comments_keep_the_lists_of_the_description() {
    let loaded = Config::new()
        .docs_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/doc-lists"
        ))
        .load()
        .expect("fixture readable");
    let emitter = Emitter::new(&loaded.schema);
    let mailbox = loaded
        .schema
        .types
        .iter()
        .position(|t| t.name == "mailbox")
        .expect("the mailbox type");
    let source = emitter.type_source(loaded.schema.id(mailbox));
    assert!(
        source.contains("/// This resource supports:\n///\n/// - Adding your own data"),
        "{source}"
    );
    assert!(!source.contains("not this item"), "{source}");
    assert!(!source.contains("nor this item"), "{source}");
    insta::assert_snapshot!(source);
}
