//! The client against servers these tests start on 127.0.0.1: what the docs do not show
//! (pages, delta rounds, throttling, errors, batches, timeouts, refused connections, HTML).

mod server;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::TryStreamExt;
use graph_docs_runtime::client::{Batch, Client, Error, RetryPolicy, StaticToken};
use graph_docs_runtime::{
    model, AdditionalProperties, CollectionPage, Content, Count, Field, Json, Method, NoContent,
    Request, UnfitProperties,
};
use serde_json::{json, Value};
use server::{Reply, Server};

#[derive(Clone, PartialEq, Default)]
pub struct User {
    pub id: Field<String>,
    pub display_name: Field<String>,
    pub additional_properties: AdditionalProperties,
    pub unfit_properties: UnfitProperties,
}
model!(User = "microsoft.graph.user" { id: "id", display_name: "displayName", });

fn client(server: &Server) -> Client {
    Client::builder(&server.url("/v1.0"))
        .token(StaticToken::new("t0ken"))
        .retry(RetryPolicy {
            retries: 2,
            first_backoff: Duration::from_millis(10),
            longest_wait: Duration::from_secs(5),
        })
        .build()
        .unwrap()
}

fn users() -> Request<Json<CollectionPage<User>>> {
    Request::new(Method::Get, "/users".into()).top(2)
}

/// Three pages of users, linked by absolute next links as Graph writes them.
async fn three_pages() -> Server {
    let port = Arc::new(AtomicUsize::new(0));
    let base = port.clone();
    let server = Server::start(move |r| {
        let root = format!("http://127.0.0.1:{}/v1.0", base.load(Ordering::SeqCst));
        let page = |ids: &[&str], next: Option<&str>| {
            let mut body = json!({
                "@odata.context": format!("{root}/$metadata#users"),
                "value": ids.iter().map(|id| json!({"id": id, "displayName": format!("User {id}")})).collect::<Vec<_>>(),
            });
            if let Some(next) = next {
                body["@odata.nextLink"] = json!(format!("{root}/users?$top=2&$skiptoken={next}"));
            }
            Reply::json(200, &body)
        };
        match r.target.as_str() {
            "/v1.0/users?$top=2" => page(&["1", "2"], Some("p2")),
            "/v1.0/users?$top=2&$skiptoken=p2" => page(&["3", "4"], Some("p3")),
            "/v1.0/users?$top=2&$skiptoken=p3" => page(&["5"], None),
            _ => Reply::empty(404),
        }
    })
    .await;
    port.store(server.addr.port() as usize, Ordering::SeqCst);
    server
}

#[tokio::test]
async fn three_pages_of_a_list_as_pages_and_as_items() {
    let server = three_pages().await;
    let client = client(&server);
    let pages: Vec<CollectionPage<User>> = client.pages(users()).try_collect().await.unwrap();
    assert_eq!(
        pages.iter().map(|p| p.value.len()).collect::<Vec<_>>(),
        [2, 2, 1]
    );
    assert!(pages[2].next_link.is_none());
    let items: Vec<User> = client.items(users()).try_collect().await.unwrap();
    let names: Vec<&str> = items
        .iter()
        .filter_map(|u| u.display_name.value().map(String::as_str))
        .collect();
    assert_eq!(names, ["User 1", "User 2", "User 3", "User 4", "User 5"]);
    // Every page was asked for with the token, the next ones at their links.
    let received = server.received();
    assert_eq!(received.len(), 6);
    assert!(received
        .iter()
        .all(|r| r.header("authorization") == Some("Bearer t0ken")));
    assert_eq!(received[2].target, "/v1.0/users?$top=2&$skiptoken=p3");
}

#[tokio::test]
async fn a_next_link_to_another_host_is_not_followed() {
    let server = Server::start(|_| {
        Reply::json(
            200,
            &json!({"value": [{"id": "1"}], "@odata.nextLink": "https://elsewhere.example/v1.0/users?$skiptoken=x"}),
        )
    })
    .await;
    let client = client(&server);
    let mut pages = std::pin::pin!(client.pages(users()));
    assert_eq!(pages.try_next().await.unwrap().unwrap().value.len(), 1);
    let e = pages.try_next().await.unwrap_err();
    assert!(matches!(e, Error::Request { .. }), "{e}");
    assert_eq!(server.received().len(), 1);
}

#[tokio::test]
async fn a_delta_round_ends_with_its_delta_link() {
    let port = Arc::new(AtomicUsize::new(0));
    let base = port.clone();
    let server = Server::start(move |r| {
        let root = format!("http://127.0.0.1:{}/v1.0", base.load(Ordering::SeqCst));
        match r.target.as_str() {
            "/v1.0/users/delta?$select=displayName" => Reply::json(200, &json!({
                "value": [{"id": "1", "displayName": "Megan"}],
                "@odata.nextLink": format!("{root}/users/delta?$skiptoken=s1"),
            })),
            "/v1.0/users/delta?$skiptoken=s1" => Reply::json(200, &json!({
                "value": [{"id": "2", "@removed": {"reason": "deleted"}}, {"id": "3", "displayName": "Adele"}],
                "@odata.deltaLink": format!("{root}/users/delta?$deltatoken=d1"),
            })),
            "/v1.0/users/delta?$deltatoken=d1" => Reply::json(200, &json!({
                "value": [{"id": "1", "displayName": "Megan B."}],
                "@odata.deltaLink": format!("{root}/users/delta?$deltatoken=d2"),
            })),
            _ => Reply::empty(404),
        }
    })
    .await;
    port.store(server.addr.port() as usize, Ordering::SeqCst);
    let client = client(&server);
    let request: Request<Json<CollectionPage<User>>> =
        Request::new(Method::Get, "/users/delta".into()).select(&["displayName"]);
    let round = client.delta_round(request).await.unwrap();
    assert_eq!(round.pages, 2);
    assert_eq!(round.items.len(), 3);
    assert!(round.items[1].is_removed());
    assert_eq!(round.items[2].item.display_name.value().unwrap(), "Adele");
    assert_eq!(
        round.delta_link,
        server.url("/v1.0/users/delta?$deltatoken=d1")
    );
    // The next round starts from the delta link.
    let next = client
        .delta_round_from::<User>(&round.delta_link)
        .await
        .unwrap();
    assert_eq!(next.items.len(), 1);
    assert!(next.delta_link.ends_with("d2"));
}

#[tokio::test]
async fn a_delta_round_without_its_delta_link_is_an_error() {
    let server = Server::start(|_| Reply::json(200, &json!({"value": []}))).await;
    let e = client(&server)
        .delta_round(Request::<Json<CollectionPage<User>>>::new(
            Method::Get,
            "/users/delta".into(),
        ))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Protocol { .. }), "{e}");
}

#[tokio::test]
async fn throttled_with_retry_after_then_answered() {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let server = Server::start(move |_| match seen.fetch_add(1, Ordering::SeqCst) {
        0 => Reply::json(
            429,
            &json!({"error": {"code": "TooManyRequests", "message": "Slow down."}}),
        )
        .header("Retry-After", "1"),
        _ => Reply::json(200, &json!({"id": "1", "displayName": "Megan"})),
    })
    .await;
    let start = Instant::now();
    let user = client(&server)
        .send(Request::<Json<User>>::new(Method::Get, "/me".into()))
        .await
        .unwrap();
    let waited = start.elapsed();
    assert_eq!(user.display_name.value().unwrap(), "Megan");
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    assert!(
        waited >= Duration::from_secs(1),
        "sent again after {waited:?}, not after Retry-After"
    );
    assert!(waited < Duration::from_secs(3), "{waited:?}");
}

#[tokio::test]
async fn unavailable_until_the_retries_run_out() {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let server = Server::start(move |_| {
        let n = seen.fetch_add(1, Ordering::SeqCst);
        Reply::json(
            503,
            &json!({"error": {"code": "serviceNotAvailable", "message": format!("attempt {n}")}}),
        )
    })
    .await;
    let e = client(&server)
        .send(Request::<NoContent>::new(
            Method::Delete,
            "/me/messages/1".into(),
        ))
        .await
        .unwrap_err();
    // Sent once and again twice; the error is the last answer's.
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    match &e {
        Error::Status {
            status: 503,
            retries: 2,
            error: Some(error),
            body,
            ..
        } => {
            assert_eq!(error.error.message.as_deref(), Some("attempt 2"));
            assert!(String::from_utf8_lossy(body).contains("attempt 2"));
        }
        other => panic!("not the last 503: {other:?}"),
    }
    assert!(e.to_string().contains("after 2 retries"), "{e}");
}

#[tokio::test]
async fn a_wait_longer_than_the_longest_is_not_waited() {
    let server = Server::start(|_| Reply::empty(429).header("Retry-After", "3600")).await;
    let start = Instant::now();
    let e = client(&server)
        .send(Request::<NoContent>::new(Method::Get, "/me".into()))
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(429));
    assert_eq!(server.received().len(), 1);
    assert!(start.elapsed() < Duration::from_secs(1));
}

#[tokio::test]
async fn an_error_body_with_inner_error_and_request_id() {
    let body = json!({"error": {
        "code": "Request_ResourceNotFound",
        "message": "Resource 'x' does not exist or one of its queried reference-property objects are not present.",
        "innerError": {"date": "2024-01-01T00:00:00", "request-id": "9f1a-body", "client-request-id": "c1"}
    }});
    let server =
        Server::start(move |_| Reply::json(404, &body).header("request-id", "9f1a-header")).await;
    let e = client(&server)
        .send(Request::<Json<User>>::new(Method::Get, "/users/x".into()))
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(404));
    let error = e.error_response().expect("the OData error read");
    assert_eq!(
        error.error.code.as_deref(),
        Some("Request_ResourceNotFound")
    );
    let inner = error.error.inner_error.as_ref().unwrap();
    assert_eq!(inner.client_request_id.as_deref(), Some("c1"));
    // The body's request id first; the raw body kept as it came.
    assert_eq!(e.request_id(), Some("9f1a-body"));
    let kept: Value = serde_json::from_slice(e.body().unwrap()).unwrap();
    assert_eq!(kept["error"]["innerError"]["date"], "2024-01-01T00:00:00");
    assert!(e.to_string().contains("request-id 9f1a-body"), "{e}");
}

#[tokio::test]
async fn an_html_error_page() {
    let html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let server = Server::start(move |r| match r.target.as_str() {
        "/v1.0/me" => Reply::text(502, "text/html", html).header("request-id", "gw-1"),
        _ => Reply::text(200, "text/html", html),
    })
    .await;
    let client = client(&server);
    let e = client
        .send(Request::<Json<User>>::new(Method::Get, "/me".into()))
        .await
        .unwrap_err();
    match &e {
        Error::Status {
            status: 502,
            error: None,
            body,
            ..
        } => assert_eq!(body, html.as_bytes()),
        other => panic!("not a 502 without OData error: {other:?}"),
    }
    assert_eq!(e.request_id(), Some("gw-1"));
    // The same page with a success status: a body that is not JSON.
    let e = client
        .send(Request::<Json<User>>::new(Method::Get, "/other".into()))
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::Unreadable { status: 200, body, .. } if body == html.as_bytes()),
        "{e:?}"
    );
}

#[tokio::test]
async fn a_batch_with_depends_on_and_one_failed_item() {
    let server = Server::start(|r| {
        assert_eq!(r.target, "/v1.0/$batch");
        let batch: Value = serde_json::from_slice(&r.body).unwrap();
        assert_eq!(batch["requests"][1]["dependsOn"], json!(["1"]));
        assert_eq!(batch["requests"][1]["body"], json!({"displayName": "Renamed"}));
        Reply::json(
            200,
            &json!({"responses": [
                {"id": "2", "status": 204, "body": null},
                {"id": "3", "status": 404, "headers": {"request-id": "r3"}, "body": {"error": {"code": "itemNotFound", "message": "No such message."}}},
                {"id": "1", "status": 200, "headers": {"Content-Type": "application/json"}, "body": {"id": "1", "displayName": "Megan"}},
                {"id": "4", "status": 200, "headers": {"Content-Type": "text/plain"}, "body": "42"}
            ]}),
        )
    })
    .await;
    let mut batch = Batch::new();
    let me = batch
        .add(&Request::<Json<User>>::new(Method::Get, "/me".into()))
        .unwrap();
    let rename = batch
        .add_after(
            &Request::<NoContent>::new(Method::Patch, "/me".into())
                .json(&json!({"displayName": "Renamed"})),
            &[&me],
        )
        .unwrap();
    let missing = batch
        .add(&Request::<Json<Value>>::new(
            Method::Get,
            "/me/messages/x".into(),
        ))
        .unwrap();
    let count = batch
        .add(&Request::<Count>::new(Method::Get, "/users/$count".into()))
        .unwrap();
    let answers = client(&server).send_batch(&batch).await.unwrap();
    assert_eq!(
        answers.read(&me).unwrap().display_name.value().unwrap(),
        "Megan"
    );
    answers.read(&rename).unwrap();
    assert_eq!(answers.read(&count).unwrap(), 42);
    let e = answers.read(&missing).unwrap_err();
    assert_eq!(e.status(), Some(404));
    assert_eq!(
        e.error_response().unwrap().error.code.as_deref(),
        Some("itemNotFound")
    );
    assert_eq!(e.request_id(), Some("r3"));
    assert_eq!(server.received().len(), 1);
}

#[tokio::test]
async fn a_timeout() {
    let server =
        Server::start(|_| Reply::json(200, &json!({"id": "late"})).after(Duration::from_secs(3)))
            .await;
    let client = Client::builder(&server.url("/v1.0"))
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let start = Instant::now();
    let e = client
        .send(Request::<Json<User>>::new(Method::Get, "/me".into()))
        .await
        .unwrap_err();
    assert!(e.is_timeout(), "{e:?}");
    assert!(start.elapsed() < Duration::from_secs(2));
    assert!(e.to_string().contains("no answer in time"), "{e}");
}

#[tokio::test]
async fn a_refused_connection() {
    // A port that was free a moment ago and that nothing listens on now.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = Client::new(
        &format!("http://127.0.0.1:{port}/v1.0"),
        StaticToken::new("t"),
    )
    .unwrap();
    let e = client
        .send(Request::<Json<User>>::new(Method::Get, "/me".into()))
        .await
        .unwrap_err();
    match &e {
        Error::Transport {
            timeout: false,
            url,
            source,
        } => {
            assert_eq!(url, &format!("http://127.0.0.1:{port}/v1.0/me"));
            assert!(source.is_connect(), "{source:?}");
        }
        other => panic!("not a refused connection: {other:?}"),
    }
    assert_eq!(e.status(), None);
}

#[tokio::test]
async fn bodies_headers_and_answers_of_every_kind() {
    let server = Server::start(|r| match (r.method.as_str(), r.target.as_str()) {
        ("POST", "/beta/me/sendMail") => {
            let types: Vec<&str> = r
                .headers
                .iter()
                .filter(|(n, _)| n.eq_ignore_ascii_case("content-type"))
                .map(|(_, v)| v.as_str())
                .collect();
            assert!(
                types == ["application/json"] || types == ["application/json; charset=utf-8"],
                "{types:?}"
            );
            assert_eq!(r.header("prefer"), Some("outlook.timezone=\"UTC\""));
            let body: Value = serde_json::from_slice(&r.body).unwrap();
            assert_eq!(body, json!({"message": {"subject": "Hi"}}));
            Reply::empty(202)
        }
        ("PUT", "/beta/me/drive/root:/a%20b.txt:/content") => {
            assert_eq!(r.header("content-type"), Some("text/plain"));
            assert_eq!(r.body, b"hello");
            Reply::json(201, &json!({"id": "f1", "name": "a b.txt", "size": 5}))
        }
        ("GET", "/beta/me/photo/$value") => Reply::text(200, "image/jpeg", "\u{1}\u{2}"),
        ("GET", "/beta/users/$count") => Reply::text(200, "text/plain", "\u{feff}17"),
        _ => Reply::empty(404),
    })
    .await;
    let client = Client::builder(&server.url("/beta/")).build().unwrap();
    client
        .send(
            Request::<NoContent>::new(Method::Post, "/me/sendMail".into())
                .header("Prefer", "outlook.timezone=\"UTC\"")
                .json(&json!({"message": {"subject": "Hi"}})),
        )
        .await
        .unwrap();
    // A Content-Type of the request's own is sent once, in place of the body's.
    client
        .send(
            Request::<NoContent>::new(Method::Post, "/me/sendMail".into())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Prefer", "outlook.timezone=\"UTC\"")
                .json(&json!({"message": {"subject": "Hi"}})),
        )
        .await
        .unwrap();
    let item = client
        .send(
            Request::<Json<Value>>::new(
                Method::Put,
                graph_docs_runtime::render("/me/drive/root:/{}:/content", &[&"a b.txt"]),
            )
            .content(b"hello".to_vec(), "text/plain"),
        )
        .await
        .unwrap();
    assert_eq!(item["size"], 5);
    let photo = client
        .send(Request::<Content>::new(
            Method::Get,
            "/me/photo/$value".into(),
        ))
        .await
        .unwrap();
    assert_eq!(photo, [1, 2]);
    let count = client
        .send(Request::<Count>::new(Method::Get, "/users/$count".into()))
        .await
        .unwrap();
    assert_eq!(count, 17);
    // No token source: no Authorization header.
    assert!(server
        .received()
        .iter()
        .all(|r| r.header("authorization").is_none()));
}

#[tokio::test]
async fn values_that_do_not_fit_never_fail_a_read() {
    let server = Server::start(|_| {
        Reply::json(
            200,
            &json!({"id": 42, "displayName": ["not", "a", "string"], "extra": true}),
        )
    })
    .await;
    let user = client(&server)
        .send(Request::<Json<User>>::new(Method::Get, "/me".into()))
        .await
        .unwrap();
    assert!(user.id.value().is_none());
    assert_eq!(
        serde_json::to_value(&user).unwrap(),
        json!({"id": 42, "displayName": ["not", "a", "string"], "extra": true})
    );
}

#[tokio::test]
async fn a_token_source_that_fails() {
    struct NoToken;
    impl graph_docs_runtime::client::TokenSource for NoToken {
        fn token(&self) -> graph_docs_runtime::client::TokenFuture<'_> {
            Box::pin(async { Err("the refresh token expired".into()) })
        }
    }
    let server = Server::start(|_| Reply::empty(204)).await;
    let client = Client::new(&server.url("/v1.0"), NoToken).unwrap();
    let e = client
        .send(Request::<NoContent>::new(
            Method::Delete,
            "/me/messages/1".into(),
        ))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Token(_)), "{e:?}");
    assert!(server.received().is_empty());
}
