//! A payload read and written back gives the same text for every scalar, byte for byte (the
//! payloads here are written compactly, keys in declaration order, so that whitespace and
//! order are the writer's own): timestamps of seven fractional digits, `.4Z`, offsets, `+00:00`,
//! unpadded and URL-safe base64, upper-case GUIDs, times of seven digits, durations in other
//! spellings, whole numbers for doubles, in single properties and in collections. A value
//! changed afterwards is written in the writer's own form; one left alone, as it came.

use graph_docs_runtime::{AdditionalProperties, Binary, Duration, Field, UnfitProperties};

type Timestamp = chrono::DateTime<chrono::FixedOffset>;

#[derive(Clone, PartialEq, Default)]
pub struct Inner {
    pub at: Field<Timestamp>,
    pub additional_properties: AdditionalProperties,
    pub unfit_properties: UnfitProperties,
}
graph_docs_runtime::model!(Inner = "test.inner" { at: "at", });

#[derive(Clone, PartialEq, Default)]
pub struct Sample {
    pub created: Field<Timestamp>,
    pub modified: Field<Timestamp>,
    pub local: Field<Timestamp>,
    pub zero_offset: Field<Timestamp>,
    pub canonical: Field<Timestamp>,
    pub times: Field<Vec<Timestamp>>,
    pub day: Field<chrono::NaiveDate>,
    pub start: Field<chrono::NaiveTime>,
    pub guid: Field<uuid::Uuid>,
    pub length: Field<Duration>,
    pub unpadded: Field<Binary>,
    pub url_safe: Field<Binary>,
    pub padded: Field<Binary>,
    pub percent: Field<f64>,
    pub ratio: Field<f64>,
    pub single: Field<f32>,
    pub count: Field<i32>,
    pub name: Field<String>,
    pub inner: Field<Inner>,
    pub inners: Field<Vec<Inner>>,
    pub additional_properties: AdditionalProperties,
    pub unfit_properties: UnfitProperties,
}
graph_docs_runtime::model!(Sample = "test.sample" {
    created: "created",
    modified: "modified",
    local: "local",
    zero_offset: "zeroOffset",
    canonical: "canonical",
    times: "times",
    day: "day",
    start: "start",
    guid: "guid",
    length: "length",
    unpadded: "unpadded",
    url_safe: "urlSafe",
    padded: "padded",
    percent: "percent",
    ratio: "ratio",
    single: "single",
    count: "count",
    name: "name",
    inner: "inner",
    inners: "inners",
});

const PAYLOAD: &str = concat!(
    r#"{"created":"2020-12-31T14:44:13.7945807Z","modified":"2020-12-31T14:44:04.4Z","#,
    r#""local":"2020-12-31T20:14:04.1234567+05:30","zeroOffset":"2020-12-31T14:44:04+00:00","#,
    r#""canonical":"2020-12-31T14:44:04Z","times":["2021-01-01T00:00:00Z","2021-01-01T00:00:00.5Z"],"#,
    r#""day":"2021-06-01","start":"08:00:00.0000000","guid":"5BD8A1C4-8B8E-4E9A-A8C1-2B9B0D1A6C11","#,
    r#""length":"PT60M","unpadded":"aGk","urlSafe":"-_8","padded":"aGk=","#,
    r#""percent":50,"ratio":0.875,"single":0.123456789,"count":3,"name":"x","#,
    r#""inner":{"at":"2021-05-27T21:23:41.9085453Z"},"#,
    r#""inners":[{"at":"2021-05-27T21:23:41.9085453Z"},{"at":"2021-05-27T21:23:41Z"}],"#,
    r#""extra":"2020-12-31T14:44:13.7945807Z"}"#
);

#[test]
fn every_scalar_is_written_back_as_it_came() {
    let sample: Sample = serde_json::from_str(PAYLOAD).unwrap();
    // The values are the values: the text is kept beside them.
    let created = *sample.created.value().unwrap();
    assert_eq!(created.timestamp_subsec_nanos(), 794_580_700);
    assert_eq!(sample.percent, Field::Value(50.0));
    assert_eq!(
        sample.unpadded.value().map(|b| b.as_ref()),
        Some(&b"hi"[..])
    );
    assert_eq!(
        sample.url_safe.value().map(|b| b.as_ref()),
        Some(&[0xfb, 0xff][..])
    );
    assert!(sample.unfit_properties.is_empty(), "nothing here is unfit");
    assert_eq!(serde_json::to_string(&sample).unwrap(), PAYLOAD);
    // Read again from what was written: the same text again.
    let again: Sample = serde_json::from_str(&serde_json::to_string(&sample).unwrap()).unwrap();
    assert_eq!(serde_json::to_string(&again).unwrap(), PAYLOAD);
    assert_eq!(again, sample);
}

#[test]
fn a_changed_value_is_written_in_the_writers_form_and_an_unchanged_one_as_it_came() {
    let mut sample: Sample = serde_json::from_str(PAYLOAD).unwrap();
    let later = *sample.created.value().unwrap() + chrono::TimeDelta::seconds(1);
    sample.created.set(later);
    sample.percent.set(51.0);
    sample.guid.set(uuid::Uuid::nil());
    sample.times.value_mut().unwrap().push(later);
    let written: serde_json::Value = serde_json::to_value(&sample).unwrap();
    assert_eq!(written["created"], "2020-12-31T14:44:14.794580700Z");
    assert_eq!(written["percent"], 51.0);
    assert_eq!(written["guid"], "00000000-0000-0000-0000-000000000000");
    assert_eq!(
        written["times"],
        serde_json::json!([
            "2021-01-01T00:00:00Z",
            "2021-01-01T00:00:00.500Z",
            "2020-12-31T14:44:14.794580700Z"
        ])
    );
    // The others, untouched, as they came.
    assert_eq!(written["modified"], "2020-12-31T14:44:04.4Z");
    assert_eq!(written["unpadded"], "aGk");
    // Set back to the value the text denotes: that text again.
    sample.created.set(later - chrono::TimeDelta::seconds(1));
    assert_eq!(
        serde_json::to_value(&sample).unwrap()["created"],
        "2020-12-31T14:44:13.7945807Z"
    );
}

#[test]
fn equal_values_are_equal_whatever_text_they_came_in() {
    let a: Inner = serde_json::from_str(r#"{"at":"2020-12-31T14:44:04.4Z"}"#).unwrap();
    let b: Inner = serde_json::from_str(r#"{"at":"2020-12-31T14:44:04.400Z"}"#).unwrap();
    assert_eq!(a, b);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        r#"{"at":"2020-12-31T14:44:04.4Z"}"#
    );
    assert_eq!(
        serde_json::to_string(&b).unwrap(),
        r#"{"at":"2020-12-31T14:44:04.400Z"}"#
    );
}
