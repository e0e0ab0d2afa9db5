//! The tolerant reading and writing every envelope shares.
//!
//! An envelope reads the keys it knows into typed fields and everything else into `other`.
//! A known key whose value is not what the envelope expects (a `null` next link, a number
//! where a string belongs) goes to `other` as it came, so that reading never fails on a
//! surprising value and writing gives it back unchanged.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap};
use serde_json::{Map, Value};

use crate::key::Key;

/// Keys an envelope does not know, or knows but could not take, in the order serde_json
/// keeps (sorted, or input order with the `preserve_order` feature).
pub type Other = Map<String, Value>;

/// A value read where an envelope expects a `T`.
pub(crate) enum Read<T> {
    Typed(T),
    Raw(Value),
}

/// A string, or the raw value.
pub(crate) fn string(value: Value) -> Read<String> {
    match value {
        Value::String(s) => Read::Typed(s),
        other => Read::Raw(other),
    }
}

/// Puts what was read into an optional field, or the raw value into `other`.
pub(crate) fn keep<T>(slot: &mut Option<T>, key: Key<'_>, read: Read<T>, other: &mut Other) {
    match read {
        Read::Typed(t) => *slot = Some(t),
        Read::Raw(v) => {
            other.insert(key.into_owned(), v);
        }
    }
}

/// Puts what was read into a list that is written only when not empty. An empty list read
/// from the input cannot be told from an absent one by the field, so it goes to `other` as
/// it came, and is written back from there.
pub(crate) fn keep_list<T>(slot: &mut Vec<T>, key: Key<'_>, read: Read<Vec<T>>, other: &mut Other) {
    match read {
        Read::Typed(items) if !items.is_empty() => *slot = items,
        Read::Typed(_) => {
            other.insert(key.into_owned(), Value::Array(Vec::new()));
        }
        Read::Raw(v) => {
            other.insert(key.into_owned(), v);
        }
    }
}

/// Puts what was read into an object field written only when it holds something (`error`),
/// for the same reason as [`keep_list`]: an empty `{}` goes to `other`.
pub(crate) fn keep_object<T: Default + PartialEq>(
    slot: &mut T,
    key: Key<'_>,
    read: Read<T>,
    other: &mut Other,
) {
    match read {
        Read::Typed(t) if t != T::default() => *slot = t,
        Read::Typed(_) => {
            other.insert(key.into_owned(), Value::Object(Map::new()));
        }
        Read::Raw(v) => {
            other.insert(key.into_owned(), v);
        }
    }
}

/// An object read through `T`'s own visitor as it streams; anything else kept raw.
pub(crate) struct ObjectOr<T>(pub Read<T>);

/// A list whose items are read into `T` as they stream; anything else kept raw. An item that
/// does not read as `T` fails the read: it is `T`'s to be tolerant (`Value` always is).
pub(crate) struct ListOr<T>(pub Read<Vec<T>>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ObjectOr<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(Expect::<T, false>(PhantomData))
            .map(ObjectOr)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ListOr<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(Expect::<Vec<T>, true>(PhantomData))
            .map(ListOr)
    }
}

/// Reads `T` from an object (`LIST` false) or a list (`LIST` true), anything else as `Value`.
struct Expect<T, const LIST: bool>(PhantomData<T>);

fn number(n: impl Into<serde_json::Number>) -> Value {
    Value::Number(n.into())
}

impl<'de, T: Deserialize<'de>, const LIST: bool> Visitor<'de> for Expect<T, LIST> {
    type Value = Read<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Read<T>, A::Error> {
        let deserializer = MapAccessDeserializer::new(map);
        if LIST {
            Value::deserialize(deserializer).map(Read::Raw)
        } else {
            T::deserialize(deserializer).map(Read::Typed)
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Read<T>, A::Error> {
        let deserializer = SeqAccessDeserializer::new(seq);
        if LIST {
            T::deserialize(deserializer).map(Read::Typed)
        } else {
            Value::deserialize(deserializer).map(Read::Raw)
        }
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Read<T>, E> {
        Ok(Read::Raw(Value::Bool(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Read<T>, E> {
        Ok(Read::Raw(number(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Read<T>, E> {
        Ok(Read::Raw(number(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Read<T>, E> {
        Ok(Read::Raw(
            serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number),
        ))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Read<T>, E> {
        Ok(Read::Raw(Value::String(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Read<T>, E> {
        Ok(Read::Raw(Value::String(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Read<T>, E> {
        Ok(Read::Raw(Value::Null))
    }

    fn visit_none<E: de::Error>(self) -> Result<Read<T>, E> {
        Ok(Read::Raw(Value::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Read<T>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// Writes an envelope's typed fields, then the `other` keys no typed field wrote (a typed
/// field wins over a key of the same name put in `other` by hand).
pub(crate) struct ObjectWriter<M> {
    map: M,
    written: [&'static str; 8],
    count: usize,
}

impl<M: SerializeMap> ObjectWriter<M> {
    pub fn new(map: M) -> Self {
        ObjectWriter {
            map,
            written: [""; 8],
            count: 0,
        }
    }

    pub fn field<V: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &V,
    ) -> Result<(), M::Error> {
        self.map.serialize_entry(key, value)?;
        self.written[self.count] = key;
        self.count += 1;
        Ok(())
    }

    pub fn optional<V: Serialize>(
        &mut self,
        key: &'static str,
        value: &Option<V>,
    ) -> Result<(), M::Error> {
        match value {
            Some(v) => self.field(key, v),
            None => Ok(()),
        }
    }

    /// Writes a list only when it is not empty (see [`keep_list`]).
    pub fn list<V: Serialize>(&mut self, key: &'static str, value: &[V]) -> Result<(), M::Error> {
        if value.is_empty() {
            return Ok(());
        }
        self.field(key, value)
    }

    pub fn finish(mut self, other: &Other) -> Result<M::Ok, M::Error> {
        let written = &self.written[..self.count];
        for (key, value) in other {
            if !written.contains(&key.as_str()) {
                self.map.serialize_entry(key, value)?;
            }
        }
        self.map.end()
    }
}

/// The `Deserialize` of a non-generic envelope struct: a hand-written map visitor that runs
/// `$body` for each key as it streams (no `#[serde(flatten)]`, which buffers the object).
/// `$body` reads the known keys tolerantly and sends the rest to `other`.
macro_rules! object_visitor {
    ($type:ident, $visitor:ident, $expecting:literal, |$map:ident, $key:ident, $value:ident| $body:expr) => {
        impl<'de> ::serde::Deserialize<'de> for $type {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                deserializer.deserialize_map($visitor)
            }
        }

        struct $visitor;

        impl<'de> ::serde::de::Visitor<'de> for $visitor {
            type Value = $type;

            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($expecting)
            }

            fn visit_map<A: ::serde::de::MapAccess<'de>>(
                self,
                mut $map: A,
            ) -> Result<$type, A::Error> {
                let mut $value = $type::default();
                while let Some($key) = $map.next_key::<$crate::key::Key<'de>>()? {
                    $body
                }
                Ok($value)
            }
        }
    };
}

pub(crate) use object_visitor;
