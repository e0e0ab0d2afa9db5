//! Lists across pages: each page's `@odata.nextLink` followed until there is none, as a
//! stream of pages or of items; a delta round followed to its `@odata.deltaLink`.

use futures_util::stream::{self, Stream, TryStreamExt};
use serde::de::DeserializeOwned;

use super::{Client, Error, Outgoing};
use crate::answer::{Answer, Json};
use crate::delta::{DeltaItem, DeltaPage};
use crate::page::CollectionPage;
use crate::request::{Method, Request};

/// Where the next page comes from.
enum Next<T> {
    First(Request<Json<CollectionPage<T>>>),
    Link(String),
    Done,
}

/// What a delta round gave: every changed item of all its pages, and the link that asks for
/// the changes after them.
#[derive(Debug, Clone, PartialEq)]
pub struct DeltaRound<T> {
    /// The items of every page, in order; removed ones carry `@removed`.
    pub items: Vec<DeltaItem<T>>,
    /// `@odata.deltaLink` of the last page: [`Client::delta_round_from`] sends it for the
    /// next round.
    pub delta_link: String,
    /// How many pages the round took.
    pub pages: usize,
}

impl Client {
    /// The pages of a list, the first from `request`, each next one from the page before's
    /// `@odata.nextLink`; the stream ends after the page with no next link, or with the first
    /// error. Next links are followed on the client's own host only (the token goes nowhere
    /// else).
    pub fn pages<'a, T: DeserializeOwned + 'a>(
        &'a self,
        request: Request<Json<CollectionPage<T>>>,
    ) -> impl Stream<Item = Result<CollectionPage<T>, Error>> + 'a {
        stream::try_unfold(Next::First(request), move |next| async move {
            let (page, url) = match next {
                Next::Done => return Ok(None),
                Next::First(request) => (self.send(request).await?, None),
                Next::Link(url) => {
                    let page = self.follow::<CollectionPage<T>>(&url).await?;
                    (page, Some(url))
                }
            };
            let next = match page.next_link.as_deref() {
                None => Next::Done,
                Some(link) if Some(link) == url.as_deref() => {
                    return Err(Error::Protocol {
                        message: format!("the page at {link} names itself as the next one"),
                    })
                }
                Some(link) => Next::Link(link.to_string()),
            };
            Ok(Some((page, next)))
        })
    }

    /// The items of a list across all its pages (see [`pages`](Self::pages)).
    pub fn items<'a, T: DeserializeOwned + 'a>(
        &'a self,
        request: Request<Json<CollectionPage<T>>>,
    ) -> impl Stream<Item = Result<T, Error>> + 'a {
        self.pages(request)
            .map_ok(|page| stream::iter(page.value.into_iter().map(Ok)))
            .try_flatten()
    }

    /// A delta round: the pages of a delta query (`GET /users/delta`) read as delta pages,
    /// to the last, whose `@odata.deltaLink` the round returns for the next round. A last
    /// page with no delta link is an [`Error::Protocol`].
    pub async fn delta_round<T: DeserializeOwned>(
        &self,
        request: Request<Json<CollectionPage<T>>>,
    ) -> Result<DeltaRound<T>, Error> {
        // The same request, its items read with their `@removed`.
        let first = Request::<Json<DeltaPage<T>>>::new(request.method(), request.path().into());
        let first = request
            .query()
            .iter()
            .fold(first, |r, (n, v)| r.query_option(n, v));
        let first = request
            .headers()
            .iter()
            .fold(first, |r, (n, v)| r.header(n, v));
        let page = self.send(first).await?;
        self.finish_round(page, None).await
    }

    /// The next delta round, from the delta link of the one before.
    pub async fn delta_round_from<T: DeserializeOwned>(
        &self,
        delta_link: &str,
    ) -> Result<DeltaRound<T>, Error> {
        let page = self.follow::<DeltaPage<T>>(delta_link).await?;
        self.finish_round(page, Some(delta_link.to_string())).await
    }

    async fn finish_round<T: DeserializeOwned>(
        &self,
        mut page: DeltaPage<T>,
        mut url: Option<String>,
    ) -> Result<DeltaRound<T>, Error> {
        let mut items = Vec::new();
        let mut pages = 1;
        loop {
            items.append(&mut page.value);
            if let Some(delta_link) = page.delta_link.take() {
                return Ok(DeltaRound {
                    items,
                    delta_link,
                    pages,
                });
            }
            let Some(next) = page.next_link.take() else {
                return Err(Error::Protocol {
                    message: format!(
                        "the delta round ended after {pages} page(s) with neither a next link \
                         nor a delta link"
                    ),
                });
            };
            if url.as_deref() == Some(next.as_str()) {
                return Err(Error::Protocol {
                    message: format!("the page at {next} names itself as the next one"),
                });
            }
            page = self.follow(&next).await?;
            url = Some(next);
            pages += 1;
        }
    }

    /// Gets a next or delta link, read as `P`.
    async fn follow<P: DeserializeOwned>(&self, link: &str) -> Result<P, Error> {
        if !same_origin(link, &self.inner.root) {
            return Err(Error::Request {
                message: format!(
                    "the link {link} leads away from {}; not followed with the client's token",
                    self.inner.root
                ),
            });
        }
        let raw = self
            .exchange(Outgoing {
                method: Method::Get,
                url: link,
                headers: &[],
                body: None,
            })
            .await?;
        Json::<P>::read(raw.status, &raw.body)
            .map_err(|e| Error::from_answer(e, raw.request_id, raw.retries))
    }
}

/// Whether `link` is on the scheme, host and port of `root`.
fn same_origin(link: &str, root: &str) -> bool {
    let origin = |url: &str| -> Option<String> {
        let (scheme, rest) = url.split_once("://")?;
        let host = rest.split(['/', '?', '#']).next()?;
        Some(format!(
            "{}://{}",
            scheme.to_ascii_lowercase(),
            host.to_ascii_lowercase()
        ))
    };
    origin(link).is_some() && origin(link) == origin(root)
}

#[cfg(test)]
mod tests {
    use super::same_origin;

    #[test]
    fn links_are_followed_on_the_same_host_only() {
        let root = "https://graph.microsoft.com/v1.0";
        assert!(same_origin(
            "https://graph.microsoft.com/v1.0/users?$skiptoken=x",
            root
        ));
        assert!(same_origin("HTTPS://Graph.Microsoft.com/beta/users", root));
        assert!(!same_origin(
            "https://graph.microsoft.com.evil.example/v1.0",
            root
        ));
        assert!(!same_origin("http://graph.microsoft.com/v1.0/users", root));
        assert!(!same_origin("/v1.0/users", root));
        assert!(same_origin(
            "http://127.0.0.1:8080/v1.0/x",
            "http://127.0.0.1:8080/v1.0"
        ));
        assert!(!same_origin(
            "http://127.0.0.1:8081/v1.0/x",
            "http://127.0.0.1:8080/v1.0"
        ));
    }
}
