//! Lists the signed-in user's messages across all their pages: subject, sender, when.
//!
//! ```sh
//! GRAPH_TOKEN=eyJ0... cargo run -p graph-docs-runtime --features client --example list_messages
//! ```
//!
//! The token is one with `Mail.ReadBasic` (or `Mail.Read`) for the signed-in user, from your
//! own OAuth flow or Graph Explorer. `GRAPH_ROOT` sends elsewhere than
//! `https://graph.microsoft.com/v1.0` (a national cloud, a local server).

use futures_util::TryStreamExt;
use graph_docs_runtime::client::{Client, StaticToken, V1};
use graph_docs_runtime::{
    model, AdditionalProperties, CollectionPage, Field, Json, Method, Request, UnfitProperties,
};

/// The properties of a message this program shows, read tolerantly like every generated
/// model: one the service sends in another shape is kept, not an error.
#[derive(Clone, PartialEq, Default)]
pub struct Message {
    pub subject: Field<String>,
    pub from: Field<Recipient>,
    pub received_date_time: Field<chrono::DateTime<chrono::FixedOffset>>,
    pub additional_properties: AdditionalProperties,
    pub unfit_properties: UnfitProperties,
}
model!(Message = "microsoft.graph.message" {
    subject: "subject",
    from: "from",
    received_date_time: "receivedDateTime",
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

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token = std::env::var("GRAPH_TOKEN").map_err(|_| "set GRAPH_TOKEN to an access token")?;
    let root = std::env::var("GRAPH_ROOT").unwrap_or_else(|_| V1.to_string());
    let client = Client::new(&root, StaticToken::new(token))?;

    let request: Request<Json<CollectionPage<Message>>> =
        Request::new(Method::Get, "/me/messages".into())
            .select(&["subject", "from", "receivedDateTime"])
            .top(50);
    let mut messages = std::pin::pin!(client.items(request));
    let mut count = 0;
    while let Some(message) = messages.try_next().await? {
        count += 1;
        let from = message
            .from
            .value()
            .and_then(|f| f.email_address.value())
            .and_then(|a| a.address.value())
            .map_or("(no sender)", String::as_str);
        let when = message
            .received_date_time
            .value()
            .map_or_else(String::new, |t| t.to_rfc3339());
        let subject = message.subject.value().map_or("", String::as_str);
        println!("{when}  {from:<30}  {subject}");
    }
    println!("{count} messages");
    Ok(())
}
