//! What every generated struct shares. A generated struct is its declaration (fields with
//! their docs) and one [`model!`](crate::model) line per field pairing the field with its wire
//! name; the reading and writing below are written once, here.
//!
//! Reading is one pass over the keys, each handed to the struct's `read_property` (a match on
//! its wire names that the macro writes); a value that does not fit its field goes to the
//! struct's `unfit_properties`. Writing is a map of the fields that are not absent (an unfit
//! one written from `unfit_properties`), then `additional_properties`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::Serialize;

use crate::field::{FieldSeed, Marked};
use crate::{Field, Key, Read, Unfit, UnfitProperties};

/// The keys a generated struct keeps without documenting them.
pub type AdditionalProperties = serde_json::Map<String, serde_json::Value>;

/// A generated struct: reads its documented properties by wire name and keeps the rest.
pub trait ReadProperty: Default {
    /// `a microsoft.graph.x object`, for errors.
    const EXPECTING: &'static str;

    /// Reads the value of `key` from `map` into the property it names, or into
    /// `additional_properties` when it names none.
    fn read_property<'de, A: MapAccess<'de>>(
        &mut self,
        key: Key<'de>,
        map: &mut A,
    ) -> Result<(), A::Error>;

    /// The undocumented keys, for readers that consumed one before choosing the type.
    fn additional_properties_mut(&mut self) -> &mut AdditionalProperties;
}

/// `Deserialize::deserialize` of a generated struct.
#[inline]
pub fn deserialize_model<'de, T: ReadProperty, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(ModelVisitor(PhantomData))
}

/// Reads the rest of an object into `T`, after its first key was read to choose `T`: the
/// `@odata.type` of a derived type, kept with the undocumented keys as it came.
pub fn read_rest<'de, T: ReadProperty, A: MapAccess<'de>>(
    first: Key<'de>,
    first_value: serde_json::Value,
    map: &mut A,
) -> Result<Box<T>, A::Error> {
    let mut value = Box::<T>::default();
    value
        .additional_properties_mut()
        .insert(first.into_owned(), first_value);
    while let Some(key) = map.next_key::<Key<'de>>()? {
        value.read_property(key, map)?;
    }
    Ok(value)
}

struct ModelVisitor<T>(PhantomData<T>);

impl<'de, T: ReadProperty> Visitor<'de> for ModelVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut value = T::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            value.read_property(key, &mut map)?;
        }
        Ok(value)
    }
}

/// What [`read_field`] read that the struct keeps beside its fields.
#[derive(Debug)]
pub enum Kept {
    /// A value that does not fit (the field is then [`Field::Unfit`]).
    Unfit(Unfit),
    /// A value that fits, with the JSON as sent: writing the value would give other text.
    AsSent(serde_json::Value),
}

/// Reads the value `map` holds next into one property of a generated struct: `Some` with
/// what the struct keeps beside the field (a value that does not fit, or the text of one
/// that does), for [`keep_unfit`].
///
/// The generated `read_property` calls this once per arm and hands every arm's result to one
/// `keep_unfit` rather than writing `?` in each: for a struct of 200 properties that is far
/// less code for rustc to check. Never inlined: what it inlines (the whole read of a `T`)
/// is then compiled once per property type rather than once per property (the example
/// runner's reading code: 13% smaller), for one call per property.
#[inline(never)]
pub fn read_field<'de, T: Read, A: MapAccess<'de>>(
    field: &mut Field<T>,
    map: &mut A,
) -> Result<Option<Kept>, A::Error> {
    match map.next_value_seed(FieldSeed::<T>(PhantomData))? {
        Ok((read, None)) => {
            *field = read;
            Ok(None)
        }
        Ok((read, Some(sent))) => {
            *field = read;
            Ok(Some(Kept::AsSent(sent)))
        }
        Err(raw) => {
            *field = Field::Unfit;
            Ok(Some(Kept::Unfit(unfit::<T>(raw))))
        }
    }
}

/// Out of the reading path: a value that does not fit is rare.
#[cold]
fn unfit<T: Read>(raw: serde_json::Value) -> Unfit {
    Unfit {
        raw,
        expected: T::expected(),
    }
}

/// Keeps what [`read_field`] gave back for the property `key`: a value that did not fit, or
/// the text of one that did.
#[inline]
pub fn keep_unfit<E>(
    unfit_properties: &mut UnfitProperties,
    key: Key<'_>,
    read: Result<Option<Kept>, E>,
) -> Result<(), E> {
    match read? {
        None => {}
        Some(Kept::Unfit(unfit)) => unfit_properties.insert(key.into_owned(), unfit),
        Some(Kept::AsSent(sent)) => unfit_properties.insert_as_sent(key.into_owned(), sent),
    }
    Ok(())
}

/// Whether `sent`, the JSON a field was read from, still reads as `value`: then it is written
/// rather than `value`, giving the text back as it came.
#[cold]
fn still_as_sent<T: Read + PartialEq>(sent: &serde_json::Value, value: &T) -> bool {
    matches!(T::read(sent), Ok(Ok(read)) if read == *value)
}

/// Keeps an undocumented key and its value.
pub fn read_additional<'de, A: MapAccess<'de>>(
    additional_properties: &mut AdditionalProperties,
    key: Key<'de>,
    map: &mut A,
) -> Result<(), A::Error> {
    additional_properties.insert(key.into_owned(), map.next_value()?);
    Ok(())
}

/// Writes a generated struct: one [`field`](ModelWriter::field) call per property, then
/// [`end`](ModelWriter::end). The first error is kept and the rest skipped, so that generated
/// code needs no `?` per property.
pub struct ModelWriter<'a, M: SerializeMap> {
    map: M,
    written: Result<(), M::Error>,
    unfit_properties: &'a UnfitProperties,
}

impl<'a, M: SerializeMap> ModelWriter<'a, M> {
    /// Starts the map of a struct whose unfit values are `unfit_properties`.
    pub fn new<S: serde::Serializer<SerializeMap = M, Error = M::Error>>(
        serializer: S,
        unfit_properties: &'a UnfitProperties,
    ) -> Result<Self, M::Error> {
        Ok(ModelWriter {
            map: serializer.serialize_map(None)?,
            written: Ok(()),
            unfit_properties,
        })
    }

    /// Writes one property, unless it is absent: a value as it was sent while it is the value
    /// read from that text (see [`UnfitProperties::as_sent`]).
    pub fn field<T: Serialize + Read + PartialEq>(&mut self, wire: &'static str, field: &Field<T>) {
        if self.written.is_err() {
            return;
        }
        self.written = match field {
            Field::Absent => Ok(()),
            Field::Null => self.map.serialize_entry(wire, &()),
            Field::Value(value) if self.unfit_properties.holds_nothing() => {
                self.map.serialize_entry(wire, value)
            }
            Field::Value(value) => match self.unfit_properties.as_sent(wire) {
                Some(sent) if still_as_sent(sent, value) => self.map.serialize_entry(wire, sent),
                _ => self.map.serialize_entry(wire, value),
            },
            Field::Unfit => match self.unfit_properties.get(wire) {
                Some(unfit) => self.map.serialize_entry(wire, &Marked(unfit)),
                None => Ok(()),
            },
        };
    }

    /// Writes the undocumented keys and ends the map, unless writing a property failed.
    pub fn end(mut self, additional_properties: &AdditionalProperties) -> Result<M::Ok, M::Error> {
        self.written?;
        for (key, value) in additional_properties {
            self.map.serialize_entry(key, value)?;
        }
        self.map.end()
    }
}

/// Writes a generated struct's `Debug`: only what is there. A struct of a type with a
/// hundred properties, eleven of them in the payload, prints those eleven and `..` (a derived
/// `Debug` printed every `Absent` field). A value prints as itself, an explicit null as
/// `Null`, a value that did not fit as `Unfit(` its JSON `)`; then the undocumented keys,
/// when there are any.
pub struct ModelDebug<'a, 'b: 'a> {
    out: fmt::DebugStruct<'a, 'b>,
    unfit_properties: &'a UnfitProperties,
    absent: bool,
}

impl<'a, 'b: 'a> ModelDebug<'a, 'b> {
    pub fn new(
        f: &'a mut fmt::Formatter<'b>,
        name: &str,
        unfit_properties: &'a UnfitProperties,
    ) -> Self {
        ModelDebug {
            out: f.debug_struct(name),
            unfit_properties,
            absent: false,
        }
    }

    /// One property, unless it is absent. `name` is the field's name (`r#type` prints as
    /// `type`, as a derived `Debug` prints it).
    pub fn field<T: fmt::Debug>(&mut self, name: &str, wire: &str, field: &Field<T>) {
        let name = name.strip_prefix("r#").unwrap_or(name);
        match field {
            Field::Absent => self.absent = true,
            Field::Null => {
                self.out.field(name, &format_args!("Null"));
            }
            Field::Value(value) => {
                self.out.field(name, value);
            }
            Field::Unfit => match self.unfit_properties.get(wire) {
                Some(unfit) => {
                    self.out.field(name, &format_args!("Unfit({})", unfit.raw));
                }
                None => {
                    self.out.field(name, &format_args!("Unfit"));
                }
            },
        }
    }

    /// The undocumented keys when there are some, and `..` when a property was absent.
    pub fn finish(mut self, additional_properties: &AdditionalProperties) -> fmt::Result {
        if !additional_properties.is_empty() {
            self.out
                .field("additional_properties", additional_properties);
        }
        if self.absent {
            self.out.finish_non_exhaustive()
        } else {
            self.out.finish()
        }
    }
}

/// `Deserialize`, `Serialize`, `Debug` and [`crate::Read`] for a generated struct, from the pairs of
/// field and wire name; the struct has an `additional_properties` field for the other keys
/// and an `unfit_properties` field for the values that did not fit. The struct derives
/// neither `Debug` (written here: only the properties that are there) nor serde's traits.
///
/// ```
/// use graph_docs_runtime::{AdditionalProperties, Field, UnfitProperties};
///
/// #[derive(Clone, PartialEq, Default)]
/// pub struct ResultInfo {
///     pub code: Field<i32>,
///     pub sub_code: Field<i32>,
///     pub additional_properties: AdditionalProperties,
///     pub unfit_properties: UnfitProperties,
/// }
///
/// graph_docs_runtime::model!(ResultInfo = "microsoft.graph.resultInfo" {
///     code: "code",
///     sub_code: "subCode",
/// });
///
/// let info: ResultInfo = serde_json::from_str(r#"{"subCode": 7, "code": "E1", "x": 1}"#).unwrap();
/// assert_eq!(info.sub_code, Field::Value(7));
/// assert_eq!(info.code, Field::Unfit);
/// assert_eq!(info.unfit_properties.get("code").unwrap().raw, "E1");
/// assert_eq!(serde_json::to_string(&info).unwrap(), r#"{"code":"E1","subCode":7,"x":1}"#);
/// ```
#[macro_export]
macro_rules! model {
    // A type without properties keeps every key.
    (@read_property {}) => {
        fn read_property<'de, A: $crate::__serde::de::MapAccess<'de>>(
            &mut self,
            key: $crate::Key<'de>,
            map: &mut A,
        ) -> ::std::result::Result<(), A::Error> {
            $crate::read_additional(&mut self.additional_properties, key, map)
        }
    };
    (@read_property { $( $(#[$attr:meta])* $field:ident: $wire:literal, )+ }) => {
        // Every arm may be behind a feature that is off: then the match only returns.
        #[allow(unreachable_code)]
        fn read_property<'de, A: $crate::__serde::de::MapAccess<'de>>(
            &mut self,
            key: $crate::Key<'de>,
            map: &mut A,
        ) -> ::std::result::Result<(), A::Error> {
            let read = match key.as_str() {
                $( $(#[$attr])* $wire => $crate::read_field(&mut self.$field, map), )+
                _ => return $crate::read_additional(&mut self.additional_properties, key, map),
            };
            $crate::keep_unfit(&mut self.unfit_properties, key, read)
        }
    };
    ($t:ident = $qualified:literal {
        $( $(#[$attr:meta])* $field:ident: $wire:literal, )*
    }) => {
        impl $crate::ReadProperty for $t {
            const EXPECTING: &'static str = ::std::concat!("a ", $qualified, " object");

            $crate::model!(@read_property { $( $(#[$attr])* $field: $wire, )* });

            fn additional_properties_mut(&mut self) -> &mut $crate::AdditionalProperties {
                &mut self.additional_properties
            }
        }

        impl $crate::__serde::Serialize for $t {
            fn serialize<S: $crate::__serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                #[allow(unused_mut)]
                let mut writer = $crate::ModelWriter::new(serializer, &self.unfit_properties)?;
                $( $(#[$attr])* writer.field($wire, &self.$field); )*
                writer.end(&self.additional_properties)
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $t {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::deserialize_model(deserializer)
            }
        }

        impl ::std::fmt::Debug for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                #[allow(unused_mut)]
                let mut out = $crate::ModelDebug::new(f, ::std::stringify!($t), &self.unfit_properties);
                $( $(#[$attr])* out.field(::std::stringify!($field), $wire, &self.$field); )*
                out.finish(&self.additional_properties)
            }
        }

        $crate::read_object!($t, $qualified);
    };
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::Field;

    #[derive(Clone, PartialEq, Default)]
    struct Sample {
        id: Field<String>,
        r#type: Field<i32>,
        additional_properties: crate::AdditionalProperties,
        unfit_properties: crate::UnfitProperties,
    }

    crate::model!(Sample = "test.sample" {
        id: "id",
        r#type: "type",
    });

    #[derive(Clone, PartialEq, Default)]
    struct Empty {
        additional_properties: crate::AdditionalProperties,
        unfit_properties: crate::UnfitProperties,
    }

    crate::model!(Empty = "test.empty" {});

    #[test]
    fn fields_read_by_wire_name_and_the_rest_is_kept() {
        let s: Sample = serde_json::from_value(json!({"type": 3, "id": null, "x": [1]})).unwrap();
        assert_eq!(s.r#type, Field::Value(3));
        assert_eq!(s.id, Field::Null);
        assert_eq!(s.additional_properties["x"], json!([1]));
    }

    #[test]
    fn absent_fields_are_not_written_and_nulls_are() {
        let s = Sample {
            id: Field::Null,
            ..Sample::default()
        };
        assert_eq!(serde_json::to_value(&s).unwrap(), json!({"id": null}));
    }

    #[test]
    fn a_type_without_properties_keeps_every_key() {
        let e: Empty = serde_json::from_value(json!({"a": 1})).unwrap();
        assert_eq!(serde_json::to_value(&e).unwrap(), json!({"a": 1}));
    }

    #[test]
    fn an_unfit_value_is_kept_beside_the_fields_and_written_in_place() {
        let body = json!({"type": "three", "id": "a"});
        let s: Sample = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(s.r#type, Field::Unfit);
        assert_eq!(s.unfit_properties.get("type").unwrap().raw, json!("three"));
        assert_eq!(serde_json::to_value(&s).unwrap(), body);
    }

    #[test]
    fn a_field_set_after_an_unfit_read_writes_its_new_value() {
        let mut s: Sample = serde_json::from_value(json!({"type": "three"})).unwrap();
        s.r#type.set(3);
        assert_eq!(serde_json::to_value(&s).unwrap(), json!({"type": 3}));
    }

    #[test]
    fn a_key_that_comes_twice_reads_as_its_last_value() {
        let s: Sample = serde_json::from_str(r#"{"type": "x", "type": 4}"#).unwrap();
        assert_eq!(s.r#type, Field::Value(4));
        assert_eq!(serde_json::to_value(&s).unwrap(), json!({"type": 4}));
    }

    #[test]
    fn errors_name_the_type() {
        let err = serde_json::from_value::<Sample>(json!(1)).unwrap_err();
        assert!(err.to_string().contains("a test.sample object"), "{err}");
    }
}
