//! The client's own cost per request: the same answers fetched from a server on 127.0.0.1 by
//! plain reqwest read into `serde_json::Value`, and by the client (token, retry policy, the
//! typed read) read into `Value` and into a `model!` type; alternating in rounds, in one run.
//!
//! `cargo bench -p graph-docs-runtime --features client --bench client [-- ROUNDS REQUESTS]`
//! prints the median time per request of each and the medians of the per-round ratios.

// The tests' server; the bench uses only part of it.
#[allow(dead_code)]
#[path = "../tests/server/mod.rs"]
mod server;

use std::time::{Duration, Instant};

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

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; numbers after it are rounds and requests per round.
    let numbers: Vec<usize> = std::env::args().filter_map(|a| a.parse().ok()).collect();
    let rounds = numbers.first().copied().unwrap_or(30);
    let requests = numbers.get(1).copied().unwrap_or(200);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let body = page().to_string();
        let server = Server::start(move |_| Reply::text(200, "application/json", &body)).await;
        let root = server.url("/v1.0");
        let url = format!("{root}/me/messages?$top=10&$select=subject,from");
        let plain = reqwest::Client::new();
        let client = Client::builder(&root)
            .token(StaticToken::new(
                "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.a-token",
            ))
            .retry(RetryPolicy::default())
            .build()
            .unwrap();
        let request = || {
            Request::<Json<CollectionPage<Message>>>::new(Method::Get, "/me/messages".into())
                .top(10)
                .select(&["subject", "from"])
        };
        let as_value = || {
            Request::<Json<CollectionPage<Value>>>::new(Method::Get, "/me/messages".into())
                .top(10)
                .select(&["subject", "from"])
        };
        let (mut p, mut v, mut t) = (Vec::new(), Vec::new(), Vec::new());
        let per_request = |d: Duration| d.as_secs_f64() * 1e6 / requests as f64;
        for round in 0..rounds + 1 {
            let start = Instant::now();
            for _ in 0..requests {
                let answer = plain
                    .get(&url)
                    .header(
                        "Authorization",
                        "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.a-token",
                    )
                    .send()
                    .await
                    .unwrap();
                let bytes = answer.bytes().await.unwrap();
                let value: Value = serde_json::from_slice(&bytes).unwrap();
                assert_eq!(value["value"].as_array().map(Vec::len), Some(10));
            }
            let plain_time = per_request(start.elapsed());
            let start = Instant::now();
            for _ in 0..requests {
                let page = client.send(as_value()).await.unwrap();
                assert_eq!(page.value.len(), 10);
            }
            let value_time = per_request(start.elapsed());
            let start = Instant::now();
            for _ in 0..requests {
                let page = client.send(request()).await.unwrap();
                assert_eq!(page.value.len(), 10);
            }
            let typed_time = per_request(start.elapsed());
            // The first round warms the connections up.
            if round > 0 {
                p.push(plain_time);
                v.push(value_time);
                t.push(typed_time);
            }
        }
        let ratios = |xs: &[f64]| median(xs.iter().zip(&p).map(|(x, p)| x / p).collect());
        println!("{rounds} rounds of {requests} requests each, alternating; median per request:");
        println!(
            "  plain reqwest + serde_json::Value   {:8.1} us",
            median(p.clone())
        );
        println!(
            "  client, answer read as Value        {:8.1} us   ratio {:.3}",
            median(v.clone()),
            ratios(&v)
        );
        println!(
            "  client, answer read as model! type  {:8.1} us   ratio {:.3}",
            median(t.clone()),
            ratios(&t)
        );
    });
}
