//! Tolerant reading of models: every kind of mismatch is kept raw for its property, written
//! back unchanged, listed with its path, and the strict read refuses it. The model here is
//! written the way generated code writes one.

use graph_docs_runtime::{
    from_str_strict, AdditionalProperties, Binary, Duration, Field, StrictError, UnfitProperties,
    UnfitValues,
};
use serde::Serialize;
use serde_json::{json, Value};

#[derive(Clone, PartialEq, Default)]
struct Inner {
    code: Field<i32>,
    kind: Field<Color>,
    additional_properties: AdditionalProperties,
    unfit_properties: UnfitProperties,
}

graph_docs_runtime::model!(Inner = "microsoft.graph.inner" {
    code: "code",
    kind: "kind",
});

#[derive(Clone, PartialEq, Default)]
struct Outer {
    count: Field<i32>,
    big: Field<i64>,
    ratio: Field<f64>,
    flag: Field<bool>,
    name: Field<String>,
    at: Field<chrono::DateTime<chrono::FixedOffset>>,
    day: Field<chrono::NaiveDate>,
    id: Field<uuid::Uuid>,
    length: Field<Duration>,
    bytes: Field<Binary>,
    tags: Field<Vec<String>>,
    inner: Field<Inner>,
    items: Field<Vec<Inner>>,
    additional_properties: AdditionalProperties,
    unfit_properties: UnfitProperties,
}

graph_docs_runtime::model!(Outer = "microsoft.graph.outer" {
    count: "count",
    big: "big",
    ratio: "ratio",
    flag: "flag",
    name: "name",
    at: "at",
    day: "day",
    id: "id",
    length: "length",
    bytes: "bytes",
    tags: "tags",
    inner: "inner",
    items: "items",
});

#[derive(Debug, Clone, PartialEq)]
enum Color {
    Red,
    Undocumented(String),
}

impl From<&str> for Color {
    fn from(s: &str) -> Self {
        match s {
            "red" => Color::Red,
            other => Color::Undocumented(other.to_owned()),
        }
    }
}

impl Serialize for Color {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(match self {
            Color::Red => "red",
            Color::Undocumented(v) => v,
        })
    }
}

graph_docs_runtime::read_enum!(Color, "microsoft.graph.color");

fn fitting() -> Value {
    json!({
        "count": 3, "big": 9007199254740993i64, "ratio": 1, "flag": true, "name": "x",
        "at": "2021-05-27T21:23:41.9085453Z", "day": "2021-07-16",
        "id": "2432b57b-0abd-43db-aa7b-16eadd115d34", "length": "PT1H30M",
        "bytes": "aGVsbG8=", "tags": ["a", "b"],
        "inner": {"code": 1, "kind": "red"},
        "items": [{"code": 2}, {"kind": "blue"}],
        "@odata.etag": "W/\"1\""
    })
}

#[test]
fn a_fitting_body_reads_typed_and_strictly() {
    let text = fitting().to_string();
    let o: Outer = from_str_strict(&text).expect("fits");
    assert_eq!(o.count, Field::Value(3));
    assert_eq!(o.ratio, Field::Value(1.0));
    assert_eq!(o.inner.value().unwrap().kind, Field::Value(Color::Red));
    assert_eq!(
        o.items.value().unwrap()[1].kind,
        Field::Value(Color::Undocumented("blue".into()))
    );
    assert!(o.unfit_values().is_empty());
    assert!(o.additional_properties.contains_key("@odata.etag"));
}

/// Each mismatch: (property, value that does not fit, what is expected).
fn mismatches() -> Vec<(&'static str, Value, &'static str)> {
    vec![
        ("count", json!(1.5), "Edm.Int32"),
        ("count", json!(3_000_000_000u64), "Edm.Int32"),
        ("count", json!("3"), "Edm.Int32"),
        ("big", json!(true), "Edm.Int64"),
        ("ratio", json!("1.5"), "Edm.Double"),
        ("flag", json!("true"), "Edm.Boolean"),
        ("name", json!({"text": "x"}), "Edm.String"),
        ("name", json!(["x"]), "Edm.String"),
        ("at", json!("datetime-value"), "Edm.DateTimeOffset"),
        ("day", json!("16 July"), "Edm.Date"),
        ("id", json!("19:abc@thread.v2"), "Edm.Guid"),
        ("length", json!("1 hour"), "Edm.Duration"),
        ("bytes", json!("not base64!"), "Edm.Binary"),
        ("tags", json!("a"), "Collection(Edm.String)"),
        ("tags", json!(["a", 2, "c"]), "Collection(Edm.String)"),
        ("inner", json!("inner"), "microsoft.graph.inner"),
        ("inner", json!([{"code": 1}]), "microsoft.graph.inner"),
        (
            "items",
            json!({"code": 1}),
            "Collection(microsoft.graph.inner)",
        ),
    ]
}

#[test]
fn each_mismatch_is_kept_raw_written_back_and_listed() {
    for (property, bad, expected) in mismatches() {
        let mut body = fitting();
        body[property] = bad.clone();
        let o: Outer = serde_json::from_value(body.clone())
            .unwrap_or_else(|e| panic!("{property} = {bad}: tolerant read failed: {e}"));
        let unfit = o.unfit_values();
        assert_eq!(unfit.len(), 1, "{property} = {bad}: {unfit:?}");
        assert_eq!(unfit[0].path, format!("$.{property}"));
        assert_eq!(unfit[0].raw, bad);
        assert_eq!(unfit[0].expected, expected, "{property} = {bad}");
        // Everything else still typed.
        assert_eq!(o.flag.value().is_some(), property != "flag");
        // Written back exactly as it came.
        assert_eq!(serde_json::to_value(&o).unwrap()[property], bad);
        // The strict read refuses it, naming the path.
        match from_str_strict::<Outer>(&body.to_string()) {
            Err(StrictError::Unfit(v)) => assert_eq!(v[0].path, format!("$.{property}")),
            other => panic!("{property} = {bad}: strict read gave {other:?}"),
        }
    }
}

#[test]
fn a_mismatch_deep_in_a_collection_item_affects_only_that_property() {
    let mut body = fitting();
    body["items"] = json!([{"code": 2}, {"code": "two", "kind": "red"}, {"kind": 7}]);
    body["inner"] = json!({"code": 1.25, "kind": "red"});
    let o: Outer = serde_json::from_value(body.clone()).unwrap();
    let items = o.items.value().expect("the collection itself fits");
    assert_eq!(items[0].code, Field::Value(2));
    assert_eq!(items[1].kind, Field::Value(Color::Red));
    assert_eq!(items[1].code, Field::Unfit);
    assert_eq!(
        items[1].unfit_properties.get("code").unwrap().raw,
        json!("two")
    );
    let paths: Vec<String> = o.unfit_values().into_iter().map(|u| u.path).collect();
    assert_eq!(
        paths,
        ["$.inner.code", "$.items[1].code", "$.items[2].kind"]
    );
    let written = serde_json::to_value(&o).unwrap();
    assert_eq!(written["items"], body["items"]);
    assert_eq!(written["inner"], body["inner"]);
}

#[test]
fn explicit_null_and_absent_stay_apart() {
    let o: Outer = serde_json::from_value(json!({"count": null, "inner": {"code": null}})).unwrap();
    assert_eq!(o.count, Field::Null);
    assert_eq!(o.big, Field::Absent);
    assert_eq!(o.inner.value().unwrap().code, Field::Null);
    assert_eq!(
        serde_json::to_value(&o).unwrap(),
        json!({"count": null, "inner": {"code": null}})
    );
    assert!(o.unfit_values().is_empty());
}

#[test]
fn setting_values_and_nulls_for_a_patch() {
    let mut patch = Outer::default();
    patch.name.set("new name".to_string());
    patch.count = Field::Null;
    patch.ratio = 2.5.into();
    assert_eq!(
        serde_json::to_value(&patch).unwrap(),
        json!({"name": "new name", "count": null, "ratio": 2.5})
    );
}
