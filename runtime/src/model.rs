//! The `Deserialize` every generated struct shares: one pass over the keys, each handed to the
//! struct's own `read_property` (a match on its wire names). The skeleton lives here once;
//! a generated struct carries only its match.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserializer, MapAccess, Visitor};

use crate::Key;

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
}

/// `Deserialize::deserialize` of a generated struct.
pub fn deserialize_model<'de, T: ReadProperty, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(ModelVisitor(PhantomData))
}

struct ModelVisitor<T>(PhantomData<T>);

impl<'de, T: ReadProperty> Visitor<'de> for ModelVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut value = T::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            value.read_property(key, &mut map)?;
        }
        Ok(value)
    }
}

/// `Deserialize` and [`crate::Read`] for a generated struct that implements
/// [`ReadProperty`]: one line per type.
#[macro_export]
macro_rules! model {
    ($t:ty, $qualified:literal) => {
        impl<'de> $crate::__serde::Deserialize<'de> for $t {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::deserialize_model(deserializer)
            }
        }

        $crate::read_object!($t, $qualified);
    };
}
