//! A page of a collection: what every list call returns.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, Serializer};
use serde_json::Value;

use crate::key::Key;
use crate::raw::{self, keep, keep_list, ListOr, ObjectWriter, Other, Read};

/// One page of a collection (`GET /users`, `GET /me/messages`, and `/delta` through
/// [`DeltaPage`](crate::DeltaPage)):
///
/// ```json
/// { "@odata.context": "...", "@odata.nextLink": "...", "value": [ {...}, {...} ] }
/// ```
///
/// Items are read into `T` as they stream, with no intermediate tree. Follow
/// [`next_link`](Self::next_link) until it is `None` for the whole collection:
///
/// ```
/// use graph_docs_runtime::CollectionPage;
/// # fn get(url: &str) -> String {
/// #     if url.ends_with("skiptoken=2") {
/// #         r#"{"value": [{"id": "3"}]}"#.into()
/// #     } else {
/// #         r#"{"value": [{"id": "1"}, {"id": "2"}], "@odata.nextLink": "https://graph.microsoft.com/v1.0/users?$skiptoken=2"}"#.into()
/// #     }
/// # }
/// let mut page: CollectionPage<serde_json::Value> = serde_json::from_str(&get("/users"))?;
/// let mut users = std::mem::take(&mut page.value);
/// while let Some(next) = page.next_link() {
///     page = serde_json::from_str(&get(next))?;
///     users.append(&mut page.value);
/// }
/// assert_eq!(users.len(), 3);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CollectionPage<T> {
    /// `value`: the items of this page.
    pub value: Vec<T>,
    /// `@odata.context`: the URL of the metadata describing the items.
    pub context: Option<String>,
    /// `@odata.count`: the size of the whole collection, when asked for with `$count=true`.
    pub count: Option<i64>,
    /// `@odata.nextLink`: the URL of the next page; absent on the last page.
    pub next_link: Option<String>,
    /// `@odata.deltaLink`: on the last page of a delta query, the URL to ask for changes.
    pub delta_link: Option<String>,
    /// Every other key (other annotations, and known keys whose value was not what this
    /// type expects, such as a `null` next link), written back as it came.
    pub other: Other,
}

const VALUE: &str = "value";
const CONTEXT: &str = "@odata.context";
const COUNT: &str = "@odata.count";
const NEXT_LINK: &str = "@odata.nextLink";
const DELTA_LINK: &str = "@odata.deltaLink";

impl<T> Default for CollectionPage<T> {
    fn default() -> Self {
        CollectionPage {
            value: Vec::new(),
            context: None,
            count: None,
            next_link: None,
            delta_link: None,
            other: Other::new(),
        }
    }
}

impl<T> CollectionPage<T> {
    /// The URL of the next page, or `None` on the last page.
    pub fn next_link(&self) -> Option<&str> {
        self.next_link.as_deref()
    }

    /// The URL to ask for the changes since this page (the last page of a delta round).
    pub fn delta_link(&self) -> Option<&str> {
        self.delta_link.as_deref()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for CollectionPage<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PageVisitor(PhantomData))
    }
}

struct PageVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for PageVisitor<T> {
    type Value = CollectionPage<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a collection page (a JSON object with `value`)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut page = CollectionPage::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let other = &mut page.other;
            match key.as_str() {
                VALUE => keep_list(
                    &mut page.value,
                    key,
                    map.next_value::<ListOr<T>>()?.0,
                    other,
                ),
                CONTEXT => keep(
                    &mut page.context,
                    key,
                    raw::string(map.next_value()?),
                    other,
                ),
                COUNT => keep(&mut page.count, key, integer(map.next_value()?), other),
                NEXT_LINK => keep(
                    &mut page.next_link,
                    key,
                    raw::string(map.next_value()?),
                    other,
                ),
                DELTA_LINK => keep(
                    &mut page.delta_link,
                    key,
                    raw::string(map.next_value()?),
                    other,
                ),
                _ => {
                    other.insert(key.into_owned(), map.next_value()?);
                }
            }
        }
        Ok(page)
    }
}

fn integer(value: Value) -> Read<i64> {
    match value.as_i64() {
        Some(n) => Read::Typed(n),
        None => Read::Raw(value),
    }
}

impl<T: Serialize> Serialize for CollectionPage<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::new(serializer.serialize_map(None)?);
        w.optional(CONTEXT, &self.context)?;
        w.optional(COUNT, &self.count)?;
        w.optional(NEXT_LINK, &self.next_link)?;
        w.list(VALUE, &self.value)?;
        w.optional(DELTA_LINK, &self.delta_link)?;
        w.finish(&self.other)
    }
}
