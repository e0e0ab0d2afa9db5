//! Surprising bodies: known keys with values of the wrong kind, unknown keys, empty lists.
//! None of them fails the read, and each is written back as it came. Only a body that is not
//! a JSON object fails.

use graph_docs_runtime::{BatchRequest, BatchResponse, CollectionPage, DeltaPage, ErrorResponse};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

/// Reads `value` as `T`, and checks that writing it back gives the same value.
fn round_trip<T: DeserializeOwned + Serialize>(value: Value) -> T {
    let read: T = serde_json::from_str(&value.to_string()).expect("reads");
    assert_eq!(serde_json::to_value(&read).unwrap(), value);
    read
}

#[test]
fn null_next_link_is_kept_raw() {
    let page: CollectionPage<Value> = round_trip(json!({"value": [1], "@odata.nextLink": null}));
    assert_eq!(page.next_link(), None);
    assert_eq!(page.other["@odata.nextLink"], Value::Null);
}

#[test]
fn values_of_the_wrong_kind_are_kept_raw() {
    let page: CollectionPage<Value> = round_trip(json!({
        "value": {"not": "a list"},
        "@odata.count": "many",
        "@odata.context": 12,
        "@odata.deltaLink": ["x"]
    }));
    assert!(page.value.is_empty());
    assert_eq!(page.count, None);
    assert_eq!(page.other.len(), 4);
}

#[test]
fn a_count_sent_as_a_string_is_read_and_written_back_as_sent() {
    // A live beta payload: `"@odata.count": "18"`.
    let text = r#"{"@odata.count":"18","value":[{"id":"a"}]}"#;
    let mut page: CollectionPage<Value> = serde_json::from_str(text).unwrap();
    assert_eq!(page.count, Some(18));
    let written = serde_json::to_string(&page).unwrap();
    assert!(written.contains(r#""@odata.count":"18""#), "{written}");
    assert_eq!(
        serde_json::from_str::<Value>(&written).unwrap(),
        serde_json::from_str::<Value>(text).unwrap()
    );
    // A count set afterwards is written as the number it is.
    page.count = Some(19);
    let written = serde_json::to_value(&page).unwrap();
    assert_eq!(written["@odata.count"], json!(19));
    // A number stays a number; a delta page reads its count the same way.
    let page: CollectionPage<Value> = round_trip(json!({"@odata.count": 18, "value": [1]}));
    assert_eq!(page.count, Some(18));
    let page: DeltaPage<Value> = round_trip(json!({"@odata.count": " 7", "value": [{"id": "a"}]}));
    assert_eq!(page.count, None, "only a plain integer's text is a count");
    let page: DeltaPage<Value> = round_trip(json!({"@odata.count": "7", "value": [{"id": "a"}]}));
    assert_eq!(page.count, Some(7));
}

#[test]
fn empty_and_absent_lists_both_round_trip() {
    let page: CollectionPage<Value> = round_trip(json!({"value": []}));
    assert!(page.value.is_empty());
    let page: CollectionPage<Value> = round_trip(json!({}));
    assert!(page.value.is_empty());
    let _: ErrorResponse = round_trip(json!({"error": {}}));
    let _: ErrorResponse = round_trip(json!({"error": {"code": "x", "details": []}}));
    let _: BatchRequest = round_trip(json!({"requests": []}));
}

#[test]
fn numeric_batch_ids_and_statuses_are_kept_raw() {
    let batch: BatchResponse = round_trip(json!({
        "responses": [
            {"id": 1, "status": 200, "body": {"a": 1}},
            {"id": "2", "status": "OK"},
            {"id": "3", "status": 70000, "headers": ["not", "an", "object"]}
        ],
        "nextLink": "https://graph.microsoft.com/v1.0/$batch?$skiptoken=1"
    }));
    let [first, second, third] = &batch.responses[..] else {
        panic!("three responses");
    };
    assert_eq!(first.id, None);
    assert_eq!(first.other["id"], 1);
    assert_eq!(first.status, Some(200));
    assert_eq!(second.status, None);
    assert_eq!(second.other["status"], "OK");
    assert_eq!(third.status, None);
    assert_eq!(third.headers, None);
    assert!(batch.next_link.is_some());
}

#[test]
fn depends_on_with_a_number_is_kept_raw() {
    let batch: BatchRequest = round_trip(json!({
        "requests": [{"id": "2", "method": "GET", "url": "/me", "dependsOn": [1]}]
    }));
    assert_eq!(batch.requests[0].depends_on, None);
    assert_eq!(batch.requests[0].other["dependsOn"], json!([1]));
}

#[test]
fn unknown_keys_are_kept_at_every_level() {
    let body: ErrorResponse = round_trip(json!({
        "error": {
            "code": "x",
            "innerError": {"request-id": "r", "innerError": {"code": "deeper"}, "extra": [1, 2]},
            "details": [{"code": "d", "severity": "high"}],
            "@odata.type": "#odata.error"
        },
        "trace": {"id": 7}
    }));
    assert_eq!(body.other["trace"], json!({"id": 7}));
    assert_eq!(body.error.other["@odata.type"], "#odata.error");
    assert_eq!(body.error.details[0].other["severity"], "high");
    let inner = body.error.inner_error.unwrap();
    assert_eq!(inner.other["innerError"], json!({"code": "deeper"}));
}

#[test]
fn error_of_the_wrong_kind_is_kept_raw() {
    let body: ErrorResponse = round_trip(json!({"error": "unauthorized"}));
    assert_eq!(body.error.code, None);
    assert_eq!(body.other["error"], "unauthorized");
    let body: ErrorResponse = round_trip(json!({"error": {"code": 401, "message": null}}));
    assert_eq!(body.error.code, None);
    assert_eq!(body.error.other["code"], 401);
}

#[test]
fn removed_that_is_not_an_object_stays_with_the_item() {
    let page: DeltaPage<Value> = round_trip(json!({
        "value": [{"id": "1", "@removed": "deleted"}, {"id": "2", "@removed": {}}]
    }));
    assert!(!page.value[0].is_removed());
    assert_eq!(page.value[0].item["@removed"], "deleted");
    assert!(page.value[1].is_removed());
    assert_eq!(page.value[1].removed.as_ref().unwrap().reason, None);
}

#[test]
fn a_typed_field_wins_over_the_same_key_put_in_other_by_hand() {
    let page = CollectionPage::<Value> {
        next_link: Some("typed".into()),
        other: json!({"@odata.nextLink": "by hand"})
            .as_object()
            .unwrap()
            .clone(),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&page).unwrap(),
        json!({"@odata.nextLink": "typed"})
    );
}

#[test]
fn only_a_body_that_is_not_an_object_fails() {
    for body in ["[]", "null", "\"text\"", "12"] {
        assert!(
            serde_json::from_str::<CollectionPage<Value>>(body).is_err(),
            "{body}"
        );
        assert!(
            serde_json::from_str::<ErrorResponse>(body).is_err(),
            "{body}"
        );
        assert!(
            serde_json::from_str::<BatchResponse>(body).is_err(),
            "{body}"
        );
    }
}
