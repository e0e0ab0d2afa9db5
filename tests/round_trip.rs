//! The seed response example reads into the generated types and writes back unchanged.

use graph_docs_codegen::parse::{http, read_page};
use graph_docs_codegen::Config;
use graph_docs_models::beta::{
    OperationError, ResultInfo, TeamsAsyncOperation, TeamsAsyncOperationStatus,
    TeamsAsyncOperationType,
};
use graph_docs_models::Field;
use serde_json::Value;

const GET_PAGE: &str = "docs-input/beta/api/teamsasyncoperation-get.md";

/// The JSON body of the page's response example.
fn response_body() -> Value {
    let text = std::fs::read_to_string(GET_PAGE).expect("seed page present");
    let (page, _) = read_page("beta/api/teamsasyncoperation-get.md", &text);
    let block = page
        .annotated
        .iter()
        .find(|b| b.annotation.block_type.as_deref() == Some("response"))
        .expect("a response block");
    assert_eq!(
        block.annotation.odata_type.as_deref(),
        Some("microsoft.graph.teamsAsyncOperation")
    );
    let code = block.code.as_ref().expect("response code block");
    let message = http::split(&code.text);
    assert_eq!(message.status, Some(202));
    serde_json::from_str(message.body).expect("response body is JSON")
}

/// Equal as JSON, every scalar as its text: a timestamp must come back as it was sent, not
/// only as the same instant.
fn assert_same(original: &Value, written: &Value, path: &str) {
    match (original, written) {
        (Value::Object(a), Value::Object(b)) => {
            let mut keys_a: Vec<_> = a.keys().collect();
            let mut keys_b: Vec<_> = b.keys().collect();
            keys_a.sort();
            keys_b.sort();
            assert_eq!(keys_a, keys_b, "keys differ at {path}");
            for (k, v) in a {
                assert_same(v, &b[k], &format!("{path}.{k}"));
            }
        }
        (a, b) => assert_eq!(a, b, "at {path}"),
    }
}

#[test]
fn seed_response_round_trips() {
    let body = response_body();
    let operation: TeamsAsyncOperation = serde_json::from_value(body.clone()).expect("reads");

    assert_eq!(
        operation.status,
        Field::Value(TeamsAsyncOperationStatus::Succeeded)
    );
    assert_eq!(
        operation.operation_type,
        Field::Value(TeamsAsyncOperationType::CreateChat)
    );
    assert_eq!(operation.attempts_count, Field::Value(1));
    assert_eq!(
        operation.target_resource_id,
        Field::Value("19:c253a29b5f694b55a6baad8e83510af7@thread.v2".to_string())
    );
    // An explicit null is not an absent property.
    assert_eq!(operation.error, Field::Null);
    assert!(operation
        .additional_properties
        .contains_key("@odata.context"));
    assert!(operation.additional_properties.contains_key("values"));
    let created = *operation.created_date_time.value().expect("timestamp");
    assert_eq!(created.timestamp_subsec_nanos(), 908_545_300);

    let written = serde_json::to_value(&operation).expect("writes");
    assert_same(&body, &written, "$");
    assert_eq!(written["error"], Value::Null);
    // The seven fractional digits Graph writes come back as they were.
    assert_eq!(written["createdDateTime"], body["createdDateTime"]);
    assert!(body["createdDateTime"]
        .as_str()
        .is_some_and(|t| t.ends_with(".9085453Z")));
}

#[test]
fn absent_null_and_value_stay_apart() {
    let absent: OperationError = serde_json::from_str("{}").unwrap();
    assert_eq!(absent.code, Field::Absent);
    assert_eq!(serde_json::to_string(&absent).unwrap(), "{}");
    let null: OperationError = serde_json::from_str(r#"{"code": null}"#).unwrap();
    assert_eq!(null.code, Field::Null);
    assert_eq!(serde_json::to_string(&null).unwrap(), r#"{"code":null}"#);
    let info: ResultInfo =
        serde_json::from_str(r#"{"code": 200, "subcode": -1, "message": "ok"}"#).unwrap();
    assert_eq!(
        (info.code, info.subcode),
        (Field::Value(200), Field::Value(-1))
    );
}

#[test]
fn debug_shows_only_what_is_there() {
    let op: TeamsAsyncOperation = serde_json::from_str(
        r#"{"id": "op1", "status": "succeeded", "attemptsCount": 1.5, "error": null, "x": 1}"#,
    )
    .unwrap();
    assert_eq!(
        format!("{op:?}"),
        r#"TeamsAsyncOperation { id: "op1", status: Succeeded, attempts_count: Unfit(1.5), error: Null, additional_properties: {"x": Number(1)}, .. }"#
    );
    // Every property there, nothing left out: no `..`.
    let info: ResultInfo =
        serde_json::from_str(r#"{"code": 200, "subcode": -1, "message": "ok"}"#).unwrap();
    assert_eq!(
        format!("{info:?}"),
        r#"ResultInfo { code: 200, message: "ok", subcode: -1 }"#
    );
    // The seed response: each line of `{:#?}` is a property that came (or `..`).
    let body = response_body();
    let operation: TeamsAsyncOperation = serde_json::from_value(body.clone()).unwrap();
    let pretty = format!("{operation:#?}");
    assert!(!pretty.contains("Absent"), "{pretty}");
    let documented = body
        .as_object()
        .unwrap()
        .keys()
        .filter(|k| !k.starts_with('@') && *k != "values")
        .count();
    let fields = pretty
        .lines()
        .filter(|l| {
            l.strip_prefix("    ")
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_lowercase()))
        })
        .count();
    assert_eq!(
        fields,
        documented + 1,
        "and additional_properties: {pretty}"
    );
}

#[test]
fn undocumented_enum_values_survive() {
    let status: TeamsAsyncOperationStatus =
        serde_json::from_str(r#""unknownFutureValue""#).unwrap();
    assert_eq!(
        status,
        TeamsAsyncOperationStatus::Undocumented("unknownFutureValue".into())
    );
    assert_eq!(
        serde_json::to_string(&status).unwrap(),
        r#""unknownFutureValue""#
    );
    assert_eq!(status.as_str(), "unknownFutureValue");
    let known: TeamsAsyncOperationStatus = serde_json::from_str(r#""inProgress""#).unwrap();
    assert_eq!(known, TeamsAsyncOperationStatus::InProgress);
}

#[test]
fn without_the_override_the_check_reports_the_guid_conflict() {
    let loaded = Config::new()
        .docs_dir("docs-input")
        .without_overrides()
        .load()
        .expect("docs-input readable");
    let conflict = loaded
        .schema
        .diagnostics
        .iter()
        .find(|d| d.code == "example-type-mismatch")
        .expect("the targetResourceId conflict is reported");
    assert_eq!(
        conflict.source.to_string(),
        "beta/api/teamsasyncoperation-get.md:126"
    );
    assert!(
        conflict.message.contains("targetResourceId"),
        "{}",
        conflict.message
    );
    assert!(conflict
        .message
        .contains("19:c253a29b5f694b55a6baad8e83510af7@thread.v2"));
    assert!(conflict.message.contains("Edm.Guid"));
}

#[test]
fn with_the_override_the_docs_check_clean() {
    let loaded = Config::new()
        .docs_dir("docs-input")
        .load()
        .expect("readable");
    let d = &loaded.schema.diagnostics;
    assert!(
        !d.iter().any(|d| d.code == "example-type-mismatch"),
        "{d:#?}"
    );
    assert!(d.iter().any(|d| d.code == "override-applied"));
    assert!(
        !d.iter()
            .any(|d| d.severity == graph_docs_codegen::Severity::Error),
        "{d:#?}"
    );
}

/// The runtime's envelopes around the generated types: a collection page of the seed
/// response streams its items into `TeamsAsyncOperation`, and a batch response body reads
/// into it through `body_as`; both write back as they came.
#[test]
fn envelopes_carry_the_generated_types() {
    use graph_docs_runtime::{BatchResponse, CollectionPage};

    let item = response_body();
    let page_json = serde_json::json!({
        "@odata.context": "https://graph.microsoft.com/beta/$metadata#teams('id')/operations",
        "@odata.nextLink": "https://graph.microsoft.com/beta/teams/id/operations?$skiptoken=2",
        "value": [item.clone(), item.clone()],
    });
    let page: CollectionPage<TeamsAsyncOperation> =
        serde_json::from_value(page_json.clone()).expect("page reads");
    assert_eq!(page.value.len(), 2);
    assert!(page.next_link().is_some());
    let mut written = serde_json::to_value(&page).expect("page writes");
    // Items compare with timestamps as instants; the page's own keys compare exactly.
    let items = written["value"].take();
    for (i, written_item) in items.as_array().expect("a list").iter().enumerate() {
        assert_same(&item, written_item, &format!("$.value[{i}]"));
    }
    let mut page_keys = page_json.clone();
    page_keys["value"] = Value::Null;
    assert_eq!(written, page_keys);

    let batch_json = serde_json::json!({
        "responses": [{"id": "1", "status": 202, "body": item}]
    });
    let batch: BatchResponse = serde_json::from_value(batch_json).expect("batch reads");
    let operation: TeamsAsyncOperation =
        batch.response("1").unwrap().body_as().expect("body reads");
    let written = serde_json::to_value(&operation).expect("writes");
    assert_same(&item, &written, "$");
}

/// The read that used to fail the whole body: one value that does not fit its documented type
/// is kept in its property, and everything else reads typed.
#[test]
fn a_value_that_does_not_fit_keeps_the_rest_of_the_body() {
    use graph_docs_models::UnfitValues;
    let body = r#"{"attemptsCount": 1.5, "status": "succeeded"}"#;
    let operation: TeamsAsyncOperation = serde_json::from_str(body).expect("reads");
    assert_eq!(
        operation.status,
        Field::Value(TeamsAsyncOperationStatus::Succeeded)
    );
    let unfit = operation.unfit_values();
    assert_eq!(unfit.len(), 1);
    assert_eq!(unfit[0].path, "$.attemptsCount");
    assert_eq!(unfit[0].expected, "Edm.Int32");
    assert_eq!(unfit[0].raw, serde_json::json!(1.5));
    assert_eq!(
        serde_json::to_value(&operation).unwrap(),
        serde_json::from_str::<Value>(body).unwrap()
    );
    // The strict read refuses it.
    assert!(graph_docs_models::runtime::from_str_strict::<TeamsAsyncOperation>(body).is_err());
}
