//! What the runtime's tolerant reading costs on bodies that fit: a message-like entity (nested
//! objects, collections, timestamps, an enum, and the many absent properties an inherited
//! entity carries) read three ways: into `serde_json::Value`, into a `model!` type of `Field`s,
//! and into the same struct of `Option<Option<T>>` read with plain `Deserialize`, the shape the
//! generated code had before tolerant reading.
//!
//! The same messages with Graph's seven-digit timestamps measure what keeping their text (to
//! write it back as sent) costs the read.
//!
//! `cargo bench -p graph-docs-runtime --bench reads`

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use graph_docs_runtime::Field;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Importance {
    Low,
    Normal,
    High,
    Undocumented(String),
}
graph_docs_runtime::wire_enum!(Importance = "microsoft.graph.importance" {
    Low = "low",
    Normal = "normal",
    High = "high",
});

type DateTime = chrono::DateTime<chrono::FixedOffset>;

/// Declares each type twice from one field list: `tolerant` (fields are `Field<T>`, read by
/// `model!`) and `plain` (fields are `Option<Option<T>>`, one `next_value` per key).
macro_rules! both {
    ($( $t:ident = $q:literal { $( $field:ident: $ty:ty = $wire:literal, )* } )*) => {
        mod tolerant {
            #![allow(dead_code)]
            use super::*;
            $(
                #[derive(Clone, PartialEq, Default)]
                pub struct $t {
                    $( pub $field: Field<$ty>, )*
                    pub additional_properties: graph_docs_runtime::AdditionalProperties,
                    pub unfit_properties: graph_docs_runtime::UnfitProperties,
                }
                graph_docs_runtime::model!($t = $q { $( $field: $wire, )* });
            )*
        }

        mod plain {
            #![allow(dead_code)]
            use super::*;
            $(
                #[derive(Debug, Clone, PartialEq, Default)]
                pub struct $t {
                    $( pub $field: Option<Option<$ty>>, )*
                    pub additional_properties: graph_docs_runtime::AdditionalProperties,
                }

                impl<'de> serde::Deserialize<'de> for $t {
                    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                        struct Visitor;
                        impl<'de> serde::de::Visitor<'de> for Visitor {
                            type Value = $t;
                            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                                f.write_str($q)
                            }
                            fn visit_map<A: serde::de::MapAccess<'de>>(
                                self,
                                mut map: A,
                            ) -> Result<$t, A::Error> {
                                let mut value = $t::default();
                                while let Some(key) = map.next_key::<graph_docs_runtime::Key<'de>>()? {
                                    match key.as_str() {
                                        $( $wire => value.$field = Some(map.next_value()?), )*
                                        _ => {
                                            value.additional_properties.insert(key.into_owned(), map.next_value()?);
                                        }
                                    }
                                }
                                Ok(value)
                            }
                        }
                        d.deserialize_map(Visitor)
                    }
                }
            )*
        }
    };
}

both! {
    EmailAddress = "microsoft.graph.emailAddress" {
        name: String = "name",
        address: String = "address",
    }
    Recipient = "microsoft.graph.recipient" {
        email_address: EmailAddress = "emailAddress",
    }
    ItemBody = "microsoft.graph.itemBody" {
        content_type: String = "contentType",
        content: String = "content",
    }
    Message = "microsoft.graph.message" {
        id: String = "id",
        created_date_time: DateTime = "createdDateTime",
        last_modified_date_time: DateTime = "lastModifiedDateTime",
        change_key: String = "changeKey",
        categories: Vec<String> = "categories",
        received_date_time: DateTime = "receivedDateTime",
        sent_date_time: DateTime = "sentDateTime",
        has_attachments: bool = "hasAttachments",
        internet_message_id: String = "internetMessageId",
        subject: String = "subject",
        body_preview: String = "bodyPreview",
        importance: Importance = "importance",
        parent_folder_id: String = "parentFolderId",
        conversation_id: String = "conversationId",
        is_delivery_receipt_requested: bool = "isDeliveryReceiptRequested",
        is_read_receipt_requested: bool = "isReadReceiptRequested",
        is_read: bool = "isRead",
        is_draft: bool = "isDraft",
        web_link: String = "webLink",
        inference_classification: String = "inferenceClassification",
        body: ItemBody = "body",
        sender: Recipient = "sender",
        from: Recipient = "from",
        to_recipients: Vec<Recipient> = "toRecipients",
        cc_recipients: Vec<Recipient> = "ccRecipients",
        bcc_recipients: Vec<Recipient> = "bccRecipients",
        reply_to: Vec<Recipient> = "replyTo",
        flag_count: i32 = "flagCount",
        size: i64 = "size",
        score: f64 = "score",
        unset_1: String = "unset1",
        unset_2: DateTime = "unset2",
        unset_3: bool = "unset3",
        unset_4: i32 = "unset4",
        unset_5: Vec<String> = "unset5",
        unset_6: ItemBody = "unset6",
        unset_7: String = "unset7",
        unset_8: DateTime = "unset8",
        unset_9: bool = "unset9",
        unset_10: i32 = "unset10",
        unset_11: Vec<String> = "unset11",
        unset_12: ItemBody = "unset12",
        unset_13: String = "unset13",
        unset_14: DateTime = "unset14",
        unset_15: bool = "unset15",
        unset_16: i32 = "unset16",
        unset_17: Vec<String> = "unset17",
        unset_18: ItemBody = "unset18",
        unset_19: String = "unset19",
        unset_20: Importance = "unset20",
    }
}

fn message(n: usize) -> String {
    let recipient = |who: &str| serde_json::json!({"emailAddress": {"name": who, "address": format!("{who}@contoso.onmicrosoft.com")}});
    serde_json::json!({
        "@odata.etag": "W/\"CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAAAAAL\"",
        "id": format!("AAMkAGUAAAwTW09AAA{n}="),
        "createdDateTime": "2019-02-04T19:58:27Z",
        "lastModifiedDateTime": "2019-02-04T19:58:28Z",
        "changeKey": "CQAAABYAAAC4ofQHEIqCSbQPot83AFcbAAAAAAAL",
        "categories": ["Red category", "Blue category"],
        "receivedDateTime": "2019-02-04T19:58:27Z",
        "sentDateTime": "2019-02-04T19:58:26Z",
        "hasAttachments": false,
        "internetMessageId": "<MWHPR1101MB2220D3E5B2C3FB6F97A4C9CDEA6C0@MWHPR1101MB2220.namprd11.prod.outlook.com>",
        "subject": "Meet for lunch?",
        "bodyPreview": "The new cafeteria is open.",
        "importance": "normal",
        "parentFolderId": "AAMkAGUAAAAAEMAAA=",
        "conversationId": "AAQkAGUAAQAHmA0IYs7lPYF8HqNbtPw=",
        "isDeliveryReceiptRequested": null,
        "isReadReceiptRequested": false,
        "isRead": true,
        "isDraft": false,
        "webLink": "https://outlook.office365.com/owa/?ItemID=AAMkAGUAAAwTW09AAA%3D&exvsurl=1&viewmodel=ReadMessageItem",
        "inferenceClassification": "focused",
        "body": {"contentType": "html", "content": "<html><head></head><body>The new cafeteria is open.</body></html>"},
        "sender": recipient("Alex Wilber"),
        "from": recipient("Alex Wilber"),
        "toRecipients": [recipient("Megan Bowen"), recipient("Adele Vance")],
        "ccRecipients": [],
        "bccRecipients": [],
        "replyTo": [recipient("Alex Wilber")],
        "flagCount": 3,
        "size": 48213,
        "score": 0.875,
        "flag": {"flagStatus": "notFlagged"}
    })
    .to_string()
}

/// Reads each body three ways, one benchmark each, in one group.
fn read_three_ways(c: &mut Criterion, group: &str, bodies: &[String]) {
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Bytes(
        bodies.iter().map(|b| b.len() as u64).sum(),
    ));
    group.bench_function("serde_json::Value", |b| {
        b.iter(|| {
            for body in bodies {
                black_box(serde_json::from_str::<serde_json::Value>(body).unwrap());
            }
        })
    });
    group.bench_function("model! (Field<T>, tolerant)", |b| {
        b.iter(|| {
            for body in bodies {
                black_box(serde_json::from_str::<tolerant::Message>(body).unwrap());
            }
        })
    });
    group.bench_function("Option<Option<T>>, plain Deserialize", |b| {
        b.iter(|| {
            for body in bodies {
                black_box(serde_json::from_str::<plain::Message>(body).unwrap());
            }
        })
    });
    group.finish();
}

fn reads(c: &mut Criterion) {
    let whole: Vec<String> = (0..64).map(message).collect();
    read_three_ways(c, "64 whole messages", &whole);
    // Graph writes seven fractional digits: text the writer would change, so kept as sent.
    let graph_timestamps: Vec<String> = whole
        .iter()
        .map(|m| m.replace(":27Z", ":27.7945807Z").replace(":28Z", ":28.4Z"))
        .collect();
    read_three_ways(
        c,
        "64 whole messages, seven-digit timestamps",
        &graph_timestamps,
    );
    // Most example bodies name a few properties of a wide type: what every read of a struct
    // pays whatever the body holds (its default, its drop) weighs more there.
    let sparse: Vec<String> = (0..64)
        .map(|n| {
            serde_json::json!({"id": format!("AAMkAGUAAAwTW09AAA{n}="), "subject": "Lunch?"})
                .to_string()
        })
        .collect();
    read_three_ways(c, "64 messages of two properties", &sparse);
}

/// What a struct costs whatever the body holds: made with every field absent, then dropped.
fn default_and_drop(c: &mut Criterion) {
    let mut group = c.benchmark_group("default and drop of the 50-property struct");
    group.bench_function("model! (Field<T>)", |b| {
        b.iter(|| black_box(tolerant::Message::default()))
    });
    group.bench_function("Option<Option<T>>", |b| {
        b.iter(|| black_box(plain::Message::default()))
    });
    group.finish();
}

criterion_group!(benches, reads, default_and_drop);
criterion_main!(benches);
