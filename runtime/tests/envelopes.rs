//! The envelopes on hand-written fixtures that follow Microsoft's documented formats (paging,
//! delta query, error responses, JSON batching): each read, checked field by field, written
//! back and compared with the original as a `serde_json::Value`.

use graph_docs_runtime::{
    BatchRequest, BatchResponse, Binary, CollectionPage, DeltaPage, ErrorResponse,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Reads `text` as `T`, and checks that writing it back gives the same JSON value.
fn read_and_round_trip<T: DeserializeOwned + Serialize>(text: &str) -> T {
    let read: T = serde_json::from_str(text).expect("reads");
    let original: Value = serde_json::from_str(text).expect("is JSON");
    let written = serde_json::to_value(&read).expect("writes");
    assert_eq!(written, original, "written back differs from the original");
    read
}

/// A typed item, as a generated model would be (minus `additional_properties`). Unknown
/// keys are errors, so a key the envelope should have taken out (`@removed`) fails the read.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct User {
    id: String,
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    display_name: Option<String>,
}

#[test]
fn collection_page() {
    let text = fixture("page.json");
    let page: CollectionPage<Value> = read_and_round_trip(&text);
    assert_eq!(page.value.len(), 2);
    assert_eq!(page.value[1]["displayName"], "Alex Wilber");
    assert_eq!(
        page.context.as_deref(),
        Some("https://graph.microsoft.com/v1.0/$metadata#users(id,displayName)")
    );
    assert_eq!(page.count, Some(3));
    assert!(page.next_link().unwrap().contains("$skiptoken="));
    assert_eq!(page.delta_link(), None);
    assert_eq!(page.other.len(), 1);
    assert!(page.other.contains_key("@microsoft.graph.tips"));
}

#[test]
fn collection_page_reads_items_into_their_type() {
    let page: CollectionPage<User> = serde_json::from_str(&fixture("page.json")).unwrap();
    assert_eq!(page.value[0].id, "87d349ed-44d7-43e1-9a83-5f2406dee5bd");
    assert_eq!(page.value[0].display_name.as_deref(), Some("Adele Vance"));
}

#[test]
fn delta_first_page() {
    let page: DeltaPage<Value> = read_and_round_trip(&fixture("delta-first.json"));
    assert!(page.next_link().is_some());
    assert_eq!(page.delta_link(), None);
    let item = &page.value[0];
    assert!(!item.is_removed());
    assert_eq!(item.item["mobilePhone"], Value::Null);
}

#[test]
fn delta_last_page_with_removed_items() {
    let page: DeltaPage<Value> = read_and_round_trip(&fixture("delta-last.json"));
    assert!(page.delta_link().unwrap().contains("$deltatoken="));
    assert_eq!(page.next_link(), None);
    let [group, changed, deleted] = &page.value[..] else {
        panic!("three items");
    };
    assert_eq!(group.removed, None);
    // Nested `@removed` (in `members@delta`) belongs to the item: it is not a delta item.
    assert_eq!(
        group.item["members@delta"][1]["@removed"]["reason"],
        "deleted"
    );
    assert_eq!(
        changed.removed.as_ref().unwrap().reason.as_deref(),
        Some("changed")
    );
    // The item no longer holds `@removed`: the envelope took it.
    assert_eq!(
        changed.item,
        json!({"id": "0d8ee8b8-0c0d-4a2b-aa0c-8dde0c0a5a2d"})
    );
    let removed = deleted.removed.as_ref().unwrap();
    assert_eq!(removed.reason.as_deref(), Some("deleted"));
    assert_eq!(
        removed.other["@microsoft.graph.undocumentedNote"],
        "kept as it came"
    );
}

#[test]
fn delta_items_stream_into_their_type_without_removed() {
    let text = r#"{"value": [
        {"id": "1", "displayName": "Megan"},
        {"id": "2", "@removed": {"reason": "deleted"}}
    ]}"#;
    let page: DeltaPage<User> = read_and_round_trip(text);
    assert_eq!(page.value[0].item.display_name.as_deref(), Some("Megan"));
    assert_eq!(page.value[1].item.id, "2");
    assert!(page.value[1].is_removed());
}

#[test]
fn error_body() {
    let text = fixture("error.json");
    let body: ErrorResponse = read_and_round_trip(&text);
    let error = &body.error;
    assert_eq!(error.code.as_deref(), Some("BadRequest"));
    assert_eq!(
        error.message.as_deref(),
        Some("One or more properties contains invalid values.")
    );
    assert_eq!(error.target.as_deref(), Some("user"));
    assert_eq!(error.details.len(), 2);
    assert_eq!(error.details[0].code.as_deref(), Some("InvalidValue"));
    assert_eq!(
        error.details[1].target.as_deref(),
        Some("userPrincipalName")
    );
    let inner = error.inner_error.as_ref().unwrap();
    assert_eq!(
        inner.request_id.as_deref(),
        Some("c1e4b1a8-f4a6-4b8c-bf09-5f3c7e0d2d1a")
    );
    assert_eq!(
        inner.client_request_id.as_deref(),
        Some("8f3a2a9d-6a3c-4a73-b2d2-5cbd0b3d8c77")
    );
    assert_eq!(inner.date.as_deref(), Some("2024-05-14T08:40:21"));
    assert_eq!(inner.other["code"], "invalidValue");
    assert_eq!(body.other.len(), 0);
    assert_eq!(
        error.to_string(),
        "BadRequest: One or more properties contains invalid values."
    );
    // The one-line idiom.
    let code = serde_json::from_str::<ErrorResponse>(&text)
        .unwrap()
        .error
        .code;
    assert_eq!(code.as_deref(), Some("BadRequest"));
}

#[test]
fn batch_request() {
    let batch: BatchRequest = read_and_round_trip(&fixture("batch-request.json"));
    let [create, list, upload] = &batch.requests[..] else {
        panic!("three requests");
    };
    assert_eq!(create.id.as_deref(), Some("1"));
    assert_eq!(create.method.as_deref(), Some("POST"));
    assert!(create.url.as_deref().unwrap().ends_with("/tasks"));
    assert_eq!(
        create.headers.as_ref().unwrap()["Content-Type"],
        "application/json"
    );
    assert_eq!(
        create.body.as_ref().unwrap()["title"],
        "Write the batching report"
    );
    assert_eq!(create.depends_on, None);
    assert_eq!(list.depends_on.as_deref(), Some(&["1".to_string()][..]));
    assert_eq!(list.body, None);
    assert_eq!(upload.body, Some(json!("SGVsbG8sIGJhdGNoIQ==")));
}

#[test]
fn batch_response() {
    let batch: BatchResponse = read_and_round_trip(&fixture("batch-response.json"));
    assert_eq!(batch.responses.len(), 5);
    assert_eq!(batch.next_link, None);

    let redirect = batch.response("1").unwrap();
    assert_eq!(redirect.status, Some(302));
    assert!(redirect.header("Location").unwrap().starts_with("https://"));
    assert_eq!(redirect.body, None);

    let denied = batch.response("3").unwrap();
    assert!(!denied.is_success());
    let error = denied.body_as::<ErrorResponse>().unwrap().error;
    assert_eq!(error.code.as_deref(), Some("Forbidden"));

    let tasks = batch.response("2").unwrap();
    assert!(tasks.is_success());
    let page: CollectionPage<Value> = tasks.body_as().unwrap();
    assert!(page.value.is_empty());
    assert!(page.context.unwrap().ends_with("plannerTask)"));

    // A body that is not JSON comes as base64 text.
    let photo = batch.response("4").unwrap();
    assert_eq!(photo.header("content-type"), Some("image/jpeg"));
    let bytes = photo.body_as::<Binary>().unwrap();
    assert_eq!(&bytes[..4], b"\xff\xd8\xff\xe0");

    let no_content = batch.response("5").unwrap();
    assert_eq!(no_content.status, Some(204));
    assert_eq!(no_content.body, Some(Value::Null));
    assert!(batch.response("6").is_none());
}

#[test]
fn batch_ids_compare_ignoring_case() {
    let batch: BatchResponse =
        serde_json::from_str(r#"{"responses": [{"id": "Photo", "status": 200}]}"#).unwrap();
    assert!(batch.response("photo").is_some());
}
