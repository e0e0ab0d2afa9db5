//! The client's own cost per request: the same answer (a page of ten messages, about 4 KB)
//! fetched from one server on 127.0.0.1 by plain reqwest read into `serde_json::Value`, and by
//! the client (token source, retry policy, the request built, the typed read) read into
//! `Value` and into a `model!` type: three benchmarks of one criterion group, in one run.
//!
//! `cargo bench -p graph-docs-runtime --features client --bench client`
//!
//! Each benchmark times a batch of requests sent one after the other on a tokio runtime of two
//! worker threads (as a program sending requests in turn would), the connection kept alive.

// The tests' server; the bench uses only part of it.
#[allow(dead_code)]
#[path = "../tests/server/mod.rs"]
mod server;

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use graph_docs_runtime::client::{Client, RetryPolicy, StaticToken};
use graph_docs_runtime::{
    model, AdditionalProperties, CollectionPage, Field, Json, Method, Request, UnfitProperties,
};
use serde_json::{json, Value};
use server::{Reply, Server};

#[derive(Clone, PartialEq, Default)]
pub struct Message {
    pub id: Field<String>,
    pub subject: Field<String>,
    pub body_preview: Field<String>,
    pub received_date_time: Field<chrono::DateTime<chrono::FixedOffset>>,
    pub is_read: Field<bool>,
    pub from: Field<Recipient>,
    pub to_recipients: Field<Vec<Recipient>>,
    pub additional_properties: AdditionalProperties,
    pub unfit_properties: UnfitProperties,
}
model!(Message = "microsoft.graph.message" {
    id: "id",
    subject: "subject",
    body_preview: "bodyPreview",
    received_date_time: "receivedDateTime",
    is_read: "isRead",
    from: "from",
    to_recipients: "toRecipients",
});

#[derive(Clone, PartialEq, Default)]
pub struct Recipient {
    pub email_address: Field<EmailAddress>,
    pub additional_properties: AdditionalProperties,
    pub unfit_properties: UnfitProperties,
}
model!(Recipient = "microsoft.graph.recipient" { email_address: "emailAddress", });

#[derive(Clone, PartialEq, Default)]
pub struct EmailAddress {
    pub address: Field<String>,
    pub name: Field<String>,
    pub additional_properties: AdditionalProperties,
    pub unfit_properties: UnfitProperties,
}
model!(EmailAddress = "microsoft.graph.emailAddress" { address: "address", name: "name", });

/// A page of ten messages, as `GET /me/messages?$top=10&$select=...` answers (about 4 KB).
fn page() -> Value {
    let message = |i: usize| {
        json!({
            "@odata.etag": format!("W/\"CQAAABYAAAB{i}\""),
            "id": format!("AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAAiIsqMbYjsT5e-T7KzowPTAAA{i}"),
            "subject": format!("Quarterly review {i}"),
            "bodyPreview": "The quarterly review is on Thursday; please bring the figures for your team.",
            "receivedDateTime": "2024-03-14T09:26:43Z",
            "isRead": i % 2 == 0,
            "from": {"emailAddress": {"name": "Megan Bowen", "address": "MeganB@contoso.com"}},
            "toRecipients": [
                {"emailAddress": {"name": "Adele Vance", "address": "AdeleV@contoso.com"}},
                {"emailAddress": {"name": "Alex Wilber", "address": "AlexW@contoso.com"}}
            ]
        })
    };
    json!({
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('x')/messages",
        "value": (0..10).map(message).collect::<Vec<_>>(),
        "@odata.nextLink": "https://graph.microsoft.com/v1.0/me/messages?$top=10&$skip=10"
    })
}

const TOKEN: &str = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.a-token";

/// `iters` requests sent in turn by `one`, timed together.
fn timed<F, Fut>(runtime: &tokio::runtime::Runtime, iters: u64, one: F) -> Duration
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    runtime.block_on(async {
        let start = Instant::now();
        for _ in 0..iters {
            one().await;
        }
        start.elapsed()
    })
}

fn per_request(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let body = page().to_string();
    let server = runtime.block_on(async move {
        Server::start(move |_| Reply::text(200, "application/json", &body)).await
    });
    let root = server.url("/v1.0");
    let url = format!("{root}/me/messages?$top=10&$select=subject,from");
    let plain = reqwest::Client::new();
    let client = Client::builder(&root)
        .token(StaticToken::new(TOKEN))
        .retry(RetryPolicy::default())
        .build()
        .unwrap();
    let typed = || {
        Request::<Json<CollectionPage<Message>>>::new(Method::Get, "/me/messages".into())
            .top(10)
            .select(&["subject", "from"])
    };
    let as_value = || {
        Request::<Json<CollectionPage<Value>>>::new(Method::Get, "/me/messages".into())
            .top(10)
            .select(&["subject", "from"])
    };
    // The client sends what plain reqwest sends: the same URL, the same token.
    assert_eq!(typed().url(&root), url);

    let mut group = c.benchmark_group("client");
    group.throughput(Throughput::Elements(1));
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("plain reqwest + serde_json::Value", |b| {
        b.iter_custom(|iters| {
            timed(&runtime, iters, || async {
                let answer = plain
                    .get(&url)
                    .header("Authorization", format!("Bearer {TOKEN}"))
                    .send()
                    .await
                    .unwrap();
                let status = answer.status();
                let bytes = answer.bytes().await.unwrap();
                let value: Value = serde_json::from_slice(&bytes).unwrap();
                assert!(status.is_success());
                assert_eq!(value["value"].as_array().map(Vec::len), Some(10));
            })
        })
    });
    group.bench_function("client, read as Value", |b| {
        b.iter_custom(|iters| {
            timed(&runtime, iters, || async {
                let page = client.send(as_value()).await.unwrap();
                assert_eq!(page.value.len(), 10);
            })
        })
    });
    group.bench_function("client, read as model! type", |b| {
        b.iter_custom(|iters| {
            timed(&runtime, iters, || async {
                let page = client.send(typed()).await.unwrap();
                assert_eq!(page.value.len(), 10);
            })
        })
    });
    group.finish();
}

criterion_group!(benches, per_request);
criterion_main!(benches);
