//! The boundary between serde's generic reading and writing and the runtime's reading core,
//! which is compiled once, here, rather than once per generated type in every program.
//!
//! serde's `Deserializer` and `Serializer` are type parameters: code written against them is
//! instantiated for each type it reads and each input it reads from, in the crate that calls
//! it. Here they are erased once, into trait objects carrying the JSON data model (null,
//! booleans, numbers, strings, arrays, objects): [`drive`] hands what a deserializer reads to
//! a [`Visit`], [`Emit`] hands what the core writes to a serializer. The adapters are generic
//! over the deserializer or serializer alone, so a program compiles them once per input or
//! output it uses (text, `Value`), whatever the number of types.
//!
//! Errors: an error of the deserializer or serializer itself (a syntax error, with its line and
//! column) is kept, typed, by the adapter that met it, and handed back unchanged by the adapter
//! that gave the reading its source; the core's own errors are messages.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess};
use serde::ser::{self, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

use crate::field::{Unfit, UNFIT_MARKER};
use crate::Key;

/// An error crossing the erased boundary: a message of the core's, or a sign that an adapter
/// holds the reader's or writer's own error.
#[derive(Debug)]
pub struct Error(Option<Box<str>>);

impl Error {
    pub fn custom(message: impl fmt::Display) -> Self {
        Error(Some(message.to_string().into_boxed_str()))
    }

    /// The adapter that met the error holds it.
    fn held() -> Self {
        Error(None)
    }

    fn into_de<E: de::Error>(self) -> E {
        E::custom(self.0.as_deref().unwrap_or("an error of the reader"))
    }

    fn into_ser<E: ser::Error>(self) -> E {
        E::custom(self.0.as_deref().unwrap_or("an error of the writer"))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            self.0
                .as_deref()
                .unwrap_or("an error of the reader or writer"),
        )
    }
}

/// What reads one JSON value: told its kind and content.
pub trait Visit<'de> {
    fn null(&mut self) -> Result<(), Error>;
    fn bool(&mut self, v: bool) -> Result<(), Error>;
    fn i64(&mut self, v: i64) -> Result<(), Error>;
    fn u64(&mut self, v: u64) -> Result<(), Error>;
    fn f64(&mut self, v: f64) -> Result<(), Error>;
    fn str(&mut self, v: &str) -> Result<(), Error>;
    /// An owned string, which a visitor keeping it need not copy.
    fn string(&mut self, v: String) -> Result<(), Error> {
        self.str(&v)
    }
    fn seq(&mut self, seq: &mut dyn SeqIn<'de>) -> Result<(), Error>;
    fn map(&mut self, map: &mut dyn MapIn<'de>) -> Result<(), Error>;
}

/// The items of an array being read.
pub trait SeqIn<'de> {
    /// Reads the next item into `item`; `false` when there is none left.
    fn next(&mut self, item: &mut dyn Visit<'de>) -> Result<bool, Error>;
    fn size_hint(&self) -> Option<usize>;
}

/// The entries of an object being read.
pub trait MapIn<'de> {
    fn next_key(&mut self) -> Result<Option<Key<'de>>, Error>;
    /// Reads the value of the key just read into `value`.
    fn next_value(&mut self, value: &mut dyn Visit<'de>) -> Result<(), Error>;
}

/// One value to read: hands it to the visitor it is given.
pub type Source<'a, 'de> = &'a mut dyn FnMut(&mut dyn Visit<'de>) -> Result<(), Error>;

/// Reads what `deserializer` holds into `visit`.
#[inline]
pub fn drive<'de, D: Deserializer<'de>>(
    deserializer: D,
    visit: &mut dyn Visit<'de>,
) -> Result<(), D::Error> {
    deserializer.deserialize_any(Adapter { visit })
}

struct Adapter<'a, 'de> {
    visit: &'a mut dyn Visit<'de>,
}

impl<'de> de::Visitor<'de> for Adapter<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.visit.bool(v).map_err(Error::into_de)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.visit.i64(v).map_err(Error::into_de)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.visit.u64(v).map_err(Error::into_de)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.visit.f64(v).map_err(Error::into_de)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.visit.str(v).map_err(Error::into_de)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<(), E> {
        self.visit.string(v).map_err(Error::into_de)
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.visit.null().map_err(Error::into_de)
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.visit.null().map_err(Error::into_de)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        drive(d, self.visit)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        drive(d, self.visit)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let mut seq = SeqAdapter { seq, held: None };
        self.visit
            .seq(&mut seq)
            .map_err(|e| seq.held.take().unwrap_or_else(|| e.into_de()))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let mut map = MapAdapter { map, held: None };
        self.visit
            .map(&mut map)
            .map_err(|e| map.held.take().unwrap_or_else(|| e.into_de()))
    }
}

/// A `DeserializeSeed` reading one value into a visitor.
struct Seed<'a, 'de> {
    visit: &'a mut dyn Visit<'de>,
}

impl<'de> DeserializeSeed<'de> for Seed<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        drive(d, self.visit)
    }
}

/// An array being read, with the error of its deserializer when one came.
struct SeqAdapter<A, E> {
    seq: A,
    held: Option<E>,
}

impl<'de, A: SeqAccess<'de>> SeqIn<'de> for SeqAdapter<A, A::Error> {
    fn next(&mut self, item: &mut dyn Visit<'de>) -> Result<bool, Error> {
        match self.seq.next_element_seed(Seed { visit: item }) {
            Ok(next) => Ok(next.is_some()),
            Err(e) => {
                self.held = Some(e);
                Err(Error::held())
            }
        }
    }

    fn size_hint(&self) -> Option<usize> {
        self.seq.size_hint()
    }
}

/// An object being read, with the error of its deserializer when one came.
struct MapAdapter<A, E> {
    map: A,
    held: Option<E>,
}

impl<'de, A: MapAccess<'de>> MapIn<'de> for MapAdapter<A, A::Error> {
    fn next_key(&mut self) -> Result<Option<Key<'de>>, Error> {
        self.map.next_key::<Key<'de>>().map_err(|e| {
            self.held = Some(e);
            Error::held()
        })
    }

    fn next_value(&mut self, value: &mut dyn Visit<'de>) -> Result<(), Error> {
        self.map
            .next_value_seed(Seed { visit: value })
            .map_err(|e| {
                self.held = Some(e);
                Error::held()
            })
    }
}

/// Reads a JSON value already in memory into `visit`: keys are lent from it.
pub fn walk<'v>(value: &'v Value, visit: &mut dyn Visit<'v>) -> Result<(), Error> {
    match value {
        Value::Null => visit.null(),
        Value::Bool(b) => visit.bool(*b),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                visit.u64(u)
            } else if let Some(i) = n.as_i64() {
                visit.i64(i)
            } else {
                visit.f64(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(s) => visit.str(s),
        Value::Array(items) => visit.seq(&mut WalkSeq(items.iter())),
        Value::Object(map) => visit.map(&mut WalkMap {
            entries: map.iter(),
            value: None,
        }),
    }
}

struct WalkSeq<'v>(std::slice::Iter<'v, Value>);

impl<'v> SeqIn<'v> for WalkSeq<'v> {
    fn next(&mut self, item: &mut dyn Visit<'v>) -> Result<bool, Error> {
        match self.0.next() {
            Some(value) => walk(value, item).map(|()| true),
            None => Ok(false),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct WalkMap<'v> {
    entries: serde_json::map::Iter<'v>,
    value: Option<&'v Value>,
}

impl<'v> MapIn<'v> for WalkMap<'v> {
    fn next_key(&mut self) -> Result<Option<Key<'v>>, Error> {
        Ok(self.entries.next().map(|(key, value)| {
            self.value = Some(value);
            Key::Borrowed(key.as_str())
        }))
    }

    fn next_value(&mut self, value: &mut dyn Visit<'v>) -> Result<(), Error> {
        match self.value.take() {
            Some(v) => walk(v, value),
            None => Err(Error::custom("a value without its key")),
        }
    }
}

/// Reads any JSON into a `Value`: for undocumented keys, unfit values and untyped properties.
pub fn read_json(source: Source<'_, '_>) -> Result<Value, Error> {
    let mut json = JsonVisit(None);
    source(&mut json)?;
    json.0
        .ok_or_else(|| Error::custom("no value where one was expected"))
}

/// Builds a `Value` from what it is told.
pub(crate) struct JsonVisit(pub(crate) Option<Value>);

impl<'de> Visit<'de> for JsonVisit {
    fn null(&mut self) -> Result<(), Error> {
        self.0 = Some(Value::Null);
        Ok(())
    }
    fn bool(&mut self, v: bool) -> Result<(), Error> {
        self.0 = Some(Value::Bool(v));
        Ok(())
    }
    fn i64(&mut self, v: i64) -> Result<(), Error> {
        self.0 = Some(Value::from(v));
        Ok(())
    }
    fn u64(&mut self, v: u64) -> Result<(), Error> {
        self.0 = Some(Value::from(v));
        Ok(())
    }
    fn f64(&mut self, v: f64) -> Result<(), Error> {
        self.0 = Some(Value::from(v));
        Ok(())
    }
    fn str(&mut self, v: &str) -> Result<(), Error> {
        self.0 = Some(Value::String(v.to_owned()));
        Ok(())
    }
    fn string(&mut self, v: String) -> Result<(), Error> {
        self.0 = Some(Value::String(v));
        Ok(())
    }
    fn seq(&mut self, seq: &mut dyn SeqIn<'de>) -> Result<(), Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        loop {
            let mut item = JsonVisit(None);
            if !seq.next(&mut item)? {
                break;
            }
            items.extend(item.0);
        }
        self.0 = Some(Value::Array(items));
        Ok(())
    }
    fn map(&mut self, map: &mut dyn MapIn<'de>) -> Result<(), Error> {
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key()? {
            let mut value = JsonVisit(None);
            map.next_value(&mut value)?;
            object.insert(key.into_owned(), value.0.unwrap_or(Value::Null));
        }
        self.0 = Some(Value::Object(object));
        Ok(())
    }
}

/// Where the core writes one JSON value. Each `Emit` takes exactly one call.
pub trait Emit {
    fn null(&mut self) -> Result<(), Error>;
    fn bool(&mut self, v: bool) -> Result<(), Error>;
    fn i64(&mut self, v: i64) -> Result<(), Error>;
    fn u64(&mut self, v: u64) -> Result<(), Error>;
    fn f32(&mut self, v: f32) -> Result<(), Error>;
    fn f64(&mut self, v: f64) -> Result<(), Error>;
    fn str(&mut self, v: &str) -> Result<(), Error>;
    /// Any JSON, as it is.
    fn json(&mut self, v: &Value) -> Result<(), Error>;
    /// A value that did not fit its property, marked for the unfit walk.
    fn unfit(&mut self, v: &Unfit) -> Result<(), Error>;
    fn seq(
        &mut self,
        len: usize,
        items: &mut dyn FnMut(&mut dyn SeqOut) -> Result<(), Error>,
    ) -> Result<(), Error>;
    fn map(
        &mut self,
        entries: &mut dyn FnMut(&mut dyn MapOut) -> Result<(), Error>,
    ) -> Result<(), Error>;
}

/// What writes one value.
pub type Put<'a> = &'a mut dyn FnMut(&mut dyn Emit) -> Result<(), Error>;

pub trait SeqOut {
    fn item(&mut self, put: Put<'_>) -> Result<(), Error>;
}

pub trait MapOut {
    fn entry(&mut self, key: &str, put: Put<'_>) -> Result<(), Error>;
}

/// Writes with `serializer` what `put` writes.
#[inline]
pub fn emit<S: Serializer>(serializer: S, put: Put<'_>) -> Result<S::Ok, S::Error> {
    let mut out = SerializerEmit::<S> {
        serializer: Some(serializer),
        done: None,
    };
    let written = put(&mut out);
    match (written, out.done) {
        (Ok(()), Some(done)) => done,
        (Err(_), Some(Err(e))) => Err(e),
        (Err(e), _) => Err(e.into_ser()),
        (Ok(()), None) => Err(ser::Error::custom("nothing was written")),
    }
}

struct SerializerEmit<S: Serializer> {
    serializer: Option<S>,
    done: Option<Result<S::Ok, S::Error>>,
}

impl<S: Serializer> SerializerEmit<S> {
    fn finish(&mut self, done: Result<S::Ok, S::Error>) -> Result<(), Error> {
        let failed = done.is_err();
        self.done = Some(done);
        if failed {
            Err(Error::held())
        } else {
            Ok(())
        }
    }

    fn take(&mut self) -> Result<S, Error> {
        self.serializer
            .take()
            .ok_or_else(|| Error::custom("two values written in the place of one"))
    }
}

impl<S: Serializer> Emit for SerializerEmit<S> {
    fn null(&mut self) -> Result<(), Error> {
        let done = self.take()?.serialize_unit();
        self.finish(done)
    }
    fn bool(&mut self, v: bool) -> Result<(), Error> {
        let done = self.take()?.serialize_bool(v);
        self.finish(done)
    }
    fn i64(&mut self, v: i64) -> Result<(), Error> {
        let done = self.take()?.serialize_i64(v);
        self.finish(done)
    }
    fn u64(&mut self, v: u64) -> Result<(), Error> {
        let done = self.take()?.serialize_u64(v);
        self.finish(done)
    }
    fn f32(&mut self, v: f32) -> Result<(), Error> {
        let done = self.take()?.serialize_f32(v);
        self.finish(done)
    }
    fn f64(&mut self, v: f64) -> Result<(), Error> {
        let done = self.take()?.serialize_f64(v);
        self.finish(done)
    }
    fn str(&mut self, v: &str) -> Result<(), Error> {
        let done = self.take()?.serialize_str(v);
        self.finish(done)
    }
    fn json(&mut self, v: &Value) -> Result<(), Error> {
        let done = serde::Serialize::serialize(v, self.take()?);
        self.finish(done)
    }
    fn unfit(&mut self, v: &Unfit) -> Result<(), Error> {
        crate::field::set_expected(&v.expected);
        let done = self.take()?.serialize_newtype_struct(UNFIT_MARKER, &v.raw);
        self.finish(done)
    }
    fn seq(
        &mut self,
        len: usize,
        items: &mut dyn FnMut(&mut dyn SeqOut) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let done = match self.take()?.serialize_seq(Some(len)) {
            Ok(seq) => {
                let mut seq = SeqEmit { seq, held: None };
                match items(&mut seq) {
                    Ok(()) => seq.seq.end(),
                    Err(e) => Err(seq.held.take().unwrap_or_else(|| e.into_ser())),
                }
            }
            Err(e) => Err(e),
        };
        self.finish(done)
    }
    fn map(
        &mut self,
        entries: &mut dyn FnMut(&mut dyn MapOut) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let done = match self.take()?.serialize_map(None) {
            Ok(map) => {
                let mut map = MapEmit { map, held: None };
                match entries(&mut map) {
                    Ok(()) => map.map.end(),
                    Err(e) => Err(map.held.take().unwrap_or_else(|| e.into_ser())),
                }
            }
            Err(e) => Err(e),
        };
        self.finish(done)
    }
}

/// A value written by a `Put`, as serde's `Serialize`.
struct Written<'a>(RefCell<Put<'a>>);

impl ser::Serialize for Written<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut put = self.0.borrow_mut();
        emit(serializer, &mut **put)
    }
}

struct SeqEmit<M: SerializeSeq> {
    seq: M,
    held: Option<M::Error>,
}

impl<M: SerializeSeq> SeqOut for SeqEmit<M> {
    fn item(&mut self, put: Put<'_>) -> Result<(), Error> {
        self.seq
            .serialize_element(&Written(RefCell::new(put)))
            .map_err(|e| {
                self.held = Some(e);
                Error::held()
            })
    }
}

struct MapEmit<M: SerializeMap> {
    map: M,
    held: Option<M::Error>,
}

impl<M: SerializeMap> MapOut for MapEmit<M> {
    fn entry(&mut self, key: &str, put: Put<'_>) -> Result<(), Error> {
        self.map
            .serialize_entry(key, &Written(RefCell::new(put)))
            .map_err(|e| {
                self.held = Some(e);
                Error::held()
            })
    }
}

/// Writes into a `Value`: for values kept as JSON (the items of a collection read before one
/// that did not fit, an object gathered before its late `@odata.type`).
pub(crate) fn to_json(put: Put<'_>) -> Result<Value, Error> {
    emit(serde_json::value::Serializer, put).map_err(Error::custom)
}
