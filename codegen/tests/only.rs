//! `only`: a type and exactly the types it needs.

use graph_docs_codegen::Config;

#[test]
fn only_emits_the_closure_of_the_chosen_type() {
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("only-teams");
    let report = Config::new()
        .docs_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs-input"))
        .out_dir(&out)
        .only("microsoft.graph.teamsAsyncOperation")
        .generate()
        .expect("generates");
    let mut names: Vec<String> = report.schema.types.iter().map(|t| t.name.clone()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "operationError",
            "teamsAsyncOperation",
            "teamsAsyncOperationStatus",
            "teamsAsyncOperationType"
        ]
    );
    let beta = std::fs::read_to_string(out.join("beta.rs")).expect("beta module written");
    assert!(beta.contains("pub struct TeamsAsyncOperation"));
    assert!(!beta.contains("pub struct RecordOperation"));
    // The operation that returns it comes along.
    let operations: Vec<&str> = report
        .schema
        .operations
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(operations, ["teamsAsyncOperationGet"]);
    let ops = std::fs::read_to_string(out.join("beta.ops.rs")).expect("ops module written");
    assert!(ops.contains("pub fn teams_async_operation_get("), "{ops}");
}

#[test]
fn only_an_operation_emits_it_and_the_types_it_names() {
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("only-operation");
    let report = Config::new()
        .docs_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs-input"))
        .out_dir(&out)
        .only("teamsAsyncOperationGet")
        .generate()
        .expect("generates");
    let operations: Vec<&str> = report
        .schema
        .operations
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(operations, ["teamsAsyncOperationGet"]);
    assert!(report
        .schema
        .types
        .iter()
        .any(|t| t.name == "teamsAsyncOperation"));
    assert!(!report
        .schema
        .types
        .iter()
        .any(|t| t.name == "recordOperation"));
}

#[test]
fn only_with_an_unknown_type_is_an_error_naming_the_type_meant_and_writes_nothing() {
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("only-none");
    let _ = std::fs::remove_dir_all(&out);
    let error = Config::new()
        .docs_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs-input"))
        .out_dir(&out)
        .only("microsoft.graph.teamsAsyncOperation")
        .only("beta:microsoft.graph.teamsAsyncOperatoin")
        .generate()
        .expect_err("an unknown type fails");
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    let message = error.to_string();
    assert!(
        message.contains(r#""beta:microsoft.graph.teamsAsyncOperatoin" names no type or operation of the docs; did you mean "beta:microsoft.graph.teamsAsyncOperation"?"#),
        "{message}"
    );
    assert!(
        !message.contains("only: \"microsoft.graph.teamsAsyncOperation\""),
        "{message}"
    );
    assert!(!out.exists(), "nothing is written");
}
