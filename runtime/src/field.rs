//! One property of a generated model: absent, an explicit `null`, a value, or a value that did
//! not fit its declared type and is kept exactly as it came.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use crate::read::Read;

/// A property as the service sent it.
///
/// Why not `Option<Option<T>>`: Graph tells "absent" (leave it alone) from `null` (clear it on
/// PATCH), and a value the docs mistype must not fail the whole read; a fourth state,
/// [`Field::Unfit`], keeps such a value in place, where it is written back unchanged and where
/// [`crate::UnfitValues::unfit_values`] finds it. Reading is one obvious call either way:
/// `op.status.value()`.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Field<T> {
    /// Not in the payload; not written.
    #[default]
    Absent,
    /// An explicit `null`; written as `null` (how a PATCH clears a property).
    Null,
    /// A value of the declared type.
    Value(T),
    /// A value that does not fit the declared type, kept as it came.
    Unfit(Box<Unfit>),
}

/// A value that did not fit the type its property declares.
#[derive(Debug, Clone, PartialEq)]
pub struct Unfit {
    /// The JSON exactly as it was read.
    pub raw: Value,
    /// What the property declares: `Edm.Int32`, `microsoft.graph.identitySet`, ...
    pub expected: Cow<'static, str>,
}

impl<T> Field<T> {
    /// The value, when there is one of the declared type.
    pub fn value(&self) -> Option<&T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    pub fn value_mut(&mut self) -> Option<&mut T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The value, consuming the field.
    pub fn into_value(self) -> Option<T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// What the payload held that did not fit, if anything.
    pub fn unfit(&self) -> Option<&Unfit> {
        match self {
            Field::Unfit(u) => Some(u),
            _ => None,
        }
    }

    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Field::Null)
    }

    /// Sets a value.
    pub fn set(&mut self, value: T) {
        *self = Field::Value(value);
    }
}

impl<T> From<T> for Field<T> {
    fn from(value: T) -> Self {
        Field::Value(value)
    }
}

impl<T> From<Option<T>> for Field<T> {
    /// `None` is an explicit `null`.
    fn from(value: Option<T>) -> Self {
        value.map_or(Field::Null, Field::Value)
    }
}

/// The newtype name under which an unfit value serialises: serde_json writes the raw value
/// through it unchanged; the unfit collector recognises it.
pub(crate) const UNFIT_MARKER: &str = "$graph_docs_runtime::Unfit";

thread_local! {
    static EXPECTED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Not generic, so it is compiled once rather than once per property type.
fn remember_expected(expected: &str) {
    EXPECTED.with(|e| *e.borrow_mut() = Some(expected.to_string()));
}

/// What the unfit value being serialised on this thread was expected to be.
pub(crate) fn take_expected() -> Option<String> {
    EXPECTED.with(|e| e.borrow_mut().take())
}

impl<T: Serialize> Serialize for Field<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Absent | Field::Null => serializer.serialize_none(),
            Field::Value(v) => v.serialize(serializer),
            Field::Unfit(u) => {
                // serde has no channel for data beside the value: the unfit walk takes what was
                // expected from here (set and taken on the same thread, within one call).
                remember_expected(&u.expected);
                serializer.serialize_newtype_struct(UNFIT_MARKER, &u.raw)
            }
        }
    }
}

impl Serialize for Unfit {
    /// Only the raw value goes on the wire; `expected` is for the caller.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(serializer)
    }
}

impl<'de, T: Read> Deserialize<'de> for Field<T> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_option(FieldVisitor(std::marker::PhantomData))
    }
}

struct FieldVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Read> Visitor<'de> for FieldVisitor<T> {
    type Value = Field<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    #[inline]
    fn visit_none<E: serde::de::Error>(self) -> Result<Field<T>, E> {
        Ok(Field::Null)
    }

    #[inline]
    fn visit_unit<E: serde::de::Error>(self) -> Result<Field<T>, E> {
        Ok(Field::Null)
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Field<T>, D::Error> {
        Ok(match T::read(deserializer)? {
            Ok(value) => Field::Value(value),
            Err(raw) => Field::Unfit(Box::new(Unfit {
                raw,
                expected: T::expected(),
            })),
        })
    }
}
