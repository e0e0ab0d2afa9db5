//! A page of a collection: what every list call returns.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, Serializer};
use serde_json::Value;

use crate::key::Key;
use crate::raw::{self, keep, keep_list, ListOr, ObjectWriter, Other};

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
    /// Also read from the text of a number (`"18"`), which is then written back as sent
    /// unless the count is changed.
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
                COUNT => read_count(&mut page, key, map.next_value()?),
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

/// `@odata.count`: a number, or (as some beta services send it) the text of one, which is
/// read as the count and also kept in `other` as it came, so that it is written back as
/// sent. Anything else goes to `other` alone.
fn read_count<T>(page: &mut CollectionPage<T>, key: Key<'_>, value: Value) {
    let count = match &value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => count_text(s),
        _ => None,
    };
    if let (Some(n), Value::Number(_)) = (count, &value) {
        page.count = Some(n);
        return;
    }
    page.count = count;
    page.other.insert(key.into_owned(), value);
}

/// The count a string holds when it is the plain decimal text of one (`"18"`).
fn count_text(s: &str) -> Option<i64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl<T> CollectionPage<T> {
    /// `@odata.count` as the service wrote it, when it wrote it as text and `count` still
    /// holds that value: then the text is written back rather than the number.
    fn count_as_sent(&self) -> Option<&Value> {
        let sent = self.other.get(COUNT)?;
        (sent.as_str().and_then(count_text) == self.count && self.count.is_some()).then_some(sent)
    }
}

impl<T: Serialize> Serialize for CollectionPage<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::new(serializer.serialize_map(None)?);
        w.optional(CONTEXT, &self.context)?;
        match self.count_as_sent() {
            Some(sent) => w.field(COUNT, sent)?,
            None => w.optional(COUNT, &self.count)?,
        }
        w.optional(NEXT_LINK, &self.next_link)?;
        w.list(VALUE, &self.value)?;
        w.optional(DELTA_LINK, &self.delta_link)?;
        w.finish(&self.other)
    }
}
