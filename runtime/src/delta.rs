//! Delta query pages: items that changed, and items marked `@removed`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, MapAccessDeserializer, StringDeserializer};
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, Serializer};
use serde_json::Value;

use crate::key::Key;
use crate::raw::{self, keep, object_visitor, ObjectOr, ObjectWriter, Other, Read};
use crate::CollectionPage;

/// A page of a delta query (`GET /users/delta`): a [`CollectionPage`] of [`DeltaItem`]s,
/// with `@odata.nextLink` while there are more pages and `@odata.deltaLink` on the last.
///
/// ```
/// use graph_docs_runtime::DeltaPage;
/// let body = r#"{
///   "value": [
///     {"id": "1", "displayName": "Megan"},
///     {"id": "2", "@removed": {"reason": "deleted"}}
///   ],
///   "@odata.deltaLink": "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=abc"
/// }"#;
/// let page: DeltaPage<serde_json::Value> = serde_json::from_str(body)?;
/// let gone: Vec<_> = page.value.iter().filter(|i| i.is_removed()).map(|i| &i.item["id"]).collect();
/// assert_eq!(gone, ["2"]);
/// assert!(page.delta_link().is_some());
/// # Ok::<(), serde_json::Error>(())
/// ```
pub type DeltaPage<T> = CollectionPage<DeltaItem<T>>;

/// One item of a delta page: the item's own properties read into `T`, and `@removed` when
/// the item was deleted or left the collection.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DeltaItem<T> {
    pub item: T,
    /// `@removed`: present when the item is no longer in the collection.
    pub removed: Option<Removed>,
}

impl<T> DeltaItem<T> {
    pub fn is_removed(&self) -> bool {
        self.removed.is_some()
    }
}

/// `@removed`: why an item left the collection.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Removed {
    /// `reason`: `changed` (the item still exists and may come back, such as a member
    /// removed from a group) or `deleted`.
    pub reason: Option<String>,
    /// Every other key, written back as it came.
    pub other: Other,
}

const REMOVED: &str = "@removed";
const REASON: &str = "reason";

impl<'de, T: Deserialize<'de>> Deserialize<'de> for DeltaItem<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ItemVisitor(PhantomData))
    }
}

struct ItemVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ItemVisitor<T> {
    type Value = DeltaItem<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a delta item (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        // `T` reads the object itself, as it streams, through a view that takes `@removed`
        // out on the way: no buffering, whatever `T` is.
        let mut removed = None;
        let view = WithoutRemoved {
            map,
            removed: &mut removed,
            raw: None,
        };
        let item = T::deserialize(MapAccessDeserializer::new(view))?;
        Ok(DeltaItem { item, removed })
    }
}

/// The item's keys, without a well-formed `@removed`. One that is not an object is left to
/// the item, so that it is kept (in `additional_properties` of a generated type).
struct WithoutRemoved<'r, A> {
    map: A,
    removed: &'r mut Option<Removed>,
    /// The value of a malformed `@removed`, read already, for the item's next value.
    raw: Option<Value>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for WithoutRemoved<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        loop {
            let Some(key) = self.map.next_key::<Key<'de>>()? else {
                return Ok(None);
            };
            if key.as_str() == REMOVED {
                match self.map.next_value::<ObjectOr<Removed>>()?.0 {
                    Read::Typed(removed) => {
                        *self.removed = Some(removed);
                        continue;
                    }
                    Read::Raw(value) => self.raw = Some(value),
                }
            }
            return match key {
                Key::Borrowed(s) => seed.deserialize(BorrowedStrDeserializer::new(s)).map(Some),
                Key::Owned(s) => seed.deserialize(StringDeserializer::new(s)).map(Some),
            };
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.raw.take() {
            Some(value) => seed.deserialize(value).map_err(de::Error::custom),
            None => self.map.next_value_seed(seed),
        }
    }
}

/// Written as the item's own keys followed by `@removed`. `flatten` here is on the writing
/// side only, where serde streams the item's keys into the same map (it buffers only when
/// reading, which the hand-written visitor above does instead).
impl<T: Serialize> Serialize for DeltaItem<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Flat<'a, T> {
            #[serde(flatten)]
            item: &'a T,
            #[serde(rename = "@removed", skip_serializing_if = "Option::is_none")]
            removed: &'a Option<Removed>,
        }
        Flat {
            item: &self.item,
            removed: &self.removed,
        }
        .serialize(serializer)
    }
}

object_visitor!(
    Removed,
    RemovedVisitor,
    "`@removed` (a JSON object with `reason`)",
    |map, key, v| {
        let other = &mut v.other;
        match key.as_str() {
            REASON => keep(&mut v.reason, key, raw::string(map.next_value()?), other),
            _ => {
                other.insert(key.into_owned(), map.next_value()?);
            }
        }
    }
);

impl Serialize for Removed {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut w = ObjectWriter::new(serializer.serialize_map(None)?);
        w.optional(REASON, &self.reason)?;
        w.finish(&self.other)
    }
}
