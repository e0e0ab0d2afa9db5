//! What every generated `Any*` enum shares: an object of a base type or of a type derived
//! from it, told apart by `@odata.type`. A generated `Any*` enum is its declaration and one
//! [`any_model!`](crate::any_model) line per variant naming its `@odata.type`; the reading
//! and writing are written once, here.
//!
//! Graph writes `@odata.type` first: then the rest of the object is read straight into the
//! chosen type. An object without one is read straight into the base type. Only when
//! `@odata.type` comes later and names a derived type is the object gathered (what was read
//! so far, written back losslessly, and the rest) and read again from the gathered value.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::Value;

use crate::model::{deserialize_model, read_rest, ReadProperty};
use crate::Key;

/// Reads one variant's type, from whichever source the enum was read from.
pub trait ReadVariant {
    type Error;

    /// The object's `@odata.type`, or null.
    fn odata_type(&self) -> &Value;

    /// Boxed, as every variant holds its type: a large struct is built in its box rather
    /// than moved into it.
    fn read<T: ReadProperty>(self) -> Result<Box<T>, Self::Error>;

    /// Reads the base type: what `read_variant` falls back to.
    fn read_base<T: ReadProperty>(self) -> Result<Box<T>, Self::Error>
    where
        Self: Sized,
    {
        self.read()
    }
}

/// A generated `Any*` enum.
pub trait AnyModel: Sized {
    /// The base type.
    type Base: ReadProperty + serde::Serialize;

    /// `a microsoft.graph.x object or one of a derived type`, for errors.
    const EXPECTING: &'static str;

    /// The base variant.
    fn from_base(base: Box<Self::Base>) -> Self;

    /// Picks the variant `odata_type` names (the base one when it names none) and reads it.
    fn read_variant<R: ReadVariant>(reader: R) -> Result<Self, R::Error>;
}

/// The source of the fast path: the rest of an object whose first key was `@odata.type`.
struct RestOfMap<'a, 'de, A> {
    first: Key<'de>,
    odata_type: Value,
    map: &'a mut A,
}

impl<'de, A: MapAccess<'de>> ReadVariant for RestOfMap<'_, 'de, A> {
    type Error = A::Error;

    fn odata_type(&self) -> &Value {
        &self.odata_type
    }

    fn read<T: ReadProperty>(self) -> Result<Box<T>, A::Error> {
        read_rest(self.first, self.odata_type, self.map)
    }
}

/// The source of the slow path: the whole object, gathered.
struct Gathered(Value);

impl ReadVariant for Gathered {
    type Error = serde_json::Error;

    fn odata_type(&self) -> &Value {
        const NULL: &Value = &Value::Null;
        self.0.get("@odata.type").unwrap_or(NULL)
    }

    fn read<T: ReadProperty>(self) -> Result<Box<T>, serde_json::Error> {
        deserialize_model(self.0).map(Box::new)
    }
}

/// Asks `read_variant` which variant an `@odata.type` picks, reading nothing: `Err` for a
/// derived one.
struct Probe<'a>(&'a Value);

impl ReadVariant for Probe<'_> {
    type Error = ();

    fn odata_type(&self) -> &Value {
        self.0
    }

    fn read<T: ReadProperty>(self) -> Result<Box<T>, ()> {
        Err(())
    }

    fn read_base<T: ReadProperty>(self) -> Result<Box<T>, ()> {
        Ok(Box::default())
    }
}

/// Whether an `@odata.type` value (`"#microsoft.graph.x"`) names `qualified`, in any case.
pub fn names_type(odata_type: &Value, qualified: &str) -> bool {
    odata_type
        .as_str()
        .is_some_and(|t| t.trim_start_matches('#').eq_ignore_ascii_case(qualified))
}

/// `Deserialize::deserialize` of a generated `Any*` enum.
pub fn deserialize_any<'de, T: AnyModel, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(AnyVisitor(PhantomData))
}

struct AnyVisitor<T>(PhantomData<T>);

impl<'de, T: AnyModel> Visitor<'de> for AnyVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let Some(first) = map.next_key::<Key<'de>>()? else {
            return Ok(T::from_base(Box::default()));
        };
        if first.as_str() == "@odata.type" {
            let odata_type: Value = map.next_value()?;
            return T::read_variant(RestOfMap {
                first,
                odata_type,
                map: &mut map,
            });
        }
        let mut base = Box::<T::Base>::default();
        base.read_property(first, &mut map)?;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if key.as_str() != "@odata.type" {
                base.read_property(key, &mut map)?;
                continue;
            }
            let odata_type: Value = map.next_value()?;
            if T::read_variant(Probe(&odata_type)).is_ok() {
                base.additional_properties_mut()
                    .insert(key.into_owned(), odata_type);
                continue;
            }
            // A derived type, named late: gather what was read and the rest, read again.
            let Value::Object(mut object) =
                serde_json::to_value(&base).map_err(serde::de::Error::custom)?
            else {
                return Err(serde::de::Error::custom("a model writes an object"));
            };
            object.insert(key.into_owned(), odata_type);
            while let Some((key, value)) = map.next_entry()? {
                object.insert(key, value);
            }
            return T::read_variant(Gathered(Value::Object(object)))
                .map_err(serde::de::Error::custom);
        }
        Ok(T::from_base(base))
    }
}

/// `Deserialize`, `Serialize` and [`crate::Read`] for a generated `Any*` enum, from its base
/// variant (named as the base type it holds) and, per derived variant, the `@odata.type` that
/// picks it. Every variant holds a `Box` of a generated struct.
///
/// After `base`, the base type's properties that every variant holds alike, with their
/// types: each becomes a method of the enum reading that property whatever the variant, so
/// that `member.id()` is one call where it was a match over every derived type. The match
/// is written here once, not per enum in the generated code.
///
/// ```
/// use graph_docs_runtime::{AdditionalProperties, Field, UnfitProperties};
///
/// #[derive(Clone, PartialEq, Default)]
/// pub struct Member { pub id: Field<String>, pub additional_properties: AdditionalProperties, pub unfit_properties: UnfitProperties }
/// graph_docs_runtime::model!(Member = "microsoft.graph.conversationMember" { id: "id", });
///
/// #[derive(Clone, PartialEq, Default)]
/// pub struct AadMember { pub id: Field<String>, pub user_id: Field<String>, pub additional_properties: AdditionalProperties, pub unfit_properties: UnfitProperties }
/// graph_docs_runtime::model!(AadMember = "microsoft.graph.aadUserConversationMember" { id: "id", user_id: "userId", });
///
/// #[derive(Debug, Clone, PartialEq)]
/// pub enum AnyMember { Member(Box<Member>), AadMember(Box<AadMember>) }
/// graph_docs_runtime::any_model!(AnyMember = "microsoft.graph.conversationMember", Member {
///     AadMember = "microsoft.graph.aadUserConversationMember",
/// } base {
///     id: String,
/// });
///
/// let json = r##"{"@odata.type": "#microsoft.graph.aadUserConversationMember", "id": "m1", "userId": "u"}"##;
/// let member: AnyMember = serde_json::from_str(json).unwrap();
/// assert!(matches!(&member, AnyMember::AadMember(m) if m.user_id == Field::Value("u".into())));
/// // A property of the base type, whichever the variant.
/// assert_eq!(member.id().value().map(String::as_str), Some("m1"));
/// let back = serde_json::to_value(&member).unwrap();
/// assert_eq!(back, serde_json::from_str::<serde_json::Value>(json).unwrap());
/// ```
#[macro_export]
macro_rules! any_model {
    // The base type's properties, after `base`: one method each on the enum, reading the
    // property whatever the variant.
    ($t:ident = $qualified:literal, $base:ident {
        $( $(#[$attr:meta])* $variant:ident = $wire:literal, )*
    } base {
        $( $field:ident: $ty:ty, )*
    }) => {
        $crate::any_model!($t = $qualified, $base { $( $(#[$attr])* $variant = $wire, )* });
        $crate::any_model!(@readers $t = $qualified,
            [$base $( [$(#[$attr])*] $variant )*] { $( $field: $ty, )* });
    };
    // The variants as one token tree, so that each reader can repeat them.
    (@readers $t:ident = $qualified:literal, $variants:tt { $( $field:ident: $ty:ty, )* }) => {
        #[allow(clippy::wrong_self_convention)]
        impl $t {
            $( $crate::any_model!(@read $qualified, $field: $ty, $variants); )*
        }
    };
    (@read $qualified:literal, $field:ident: $ty:ty,
        [$base:ident $( [$(#[$attr:meta])*] $variant:ident )*]) => {
        #[doc = ::std::concat!(
            "The `", ::std::stringify!($field), "` property of `", $qualified,
            "`, whichever type derived from it this is."
        )]
        pub fn $field(&self) -> &$crate::Field<$ty> {
            match self {
                Self::$base(value) => &value.$field,
                $( $(#[$attr])* Self::$variant(value) => &value.$field, )*
            }
        }
    };
    ($t:ident = $qualified:literal, $base:ident {
        $( $(#[$attr:meta])* $variant:ident = $wire:literal, )*
    }) => {
        impl $crate::AnyModel for $t {
            type Base = $base;

            const EXPECTING: &'static str =
                ::std::concat!("a ", $qualified, " object or one of a derived type");

            fn from_base(base: ::std::boxed::Box<$base>) -> Self {
                Self::$base(base)
            }

            fn read_variant<R: $crate::ReadVariant>(
                reader: R,
            ) -> ::std::result::Result<Self, R::Error> {
                $(
                    $(#[$attr])*
                    if $crate::names_type(reader.odata_type(), $wire) {
                        return reader.read().map(Self::$variant);
                    }
                )*
                reader.read_base().map(Self::$base)
            }
        }

        impl $crate::__serde::Serialize for $t {
            fn serialize<S: $crate::__serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    Self::$base(value) => $crate::__serde::Serialize::serialize(value, serializer),
                    $(
                        $(#[$attr])*
                        Self::$variant(value) => $crate::__serde::Serialize::serialize(value, serializer),
                    )*
                }
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $t {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::deserialize_any(deserializer)
            }
        }

        $crate::read_object!($t, $qualified);
    };
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::names_type;
    use crate::Field;

    #[derive(Clone, PartialEq, Default)]
    struct Base {
        id: Field<String>,
        additional_properties: crate::AdditionalProperties,
        unfit_properties: crate::UnfitProperties,
    }
    crate::model!(Base = "test.base" { id: "id", });

    #[derive(Clone, PartialEq, Default)]
    struct Derived {
        id: Field<String>,
        extra: Field<i32>,
        additional_properties: crate::AdditionalProperties,
        unfit_properties: crate::UnfitProperties,
    }
    crate::model!(Derived = "test.derived" { id: "id", extra: "extra", });

    #[derive(Debug, Clone, PartialEq)]
    enum AnyBase {
        Base(Box<Base>),
        Derived(Box<Derived>),
    }
    crate::any_model!(AnyBase = "test.base", Base { Derived = "test.derived", } base { id: String, });

    fn read(value: serde_json::Value) -> AnyBase {
        serde_json::from_str(&value.to_string()).unwrap()
    }

    #[test]
    fn odata_type_first_picks_the_variant_and_is_kept() {
        let any = read(json!({"@odata.type": "#test.Derived", "extra": 2}));
        let AnyBase::Derived(d) = &any else {
            panic!("{any:?}")
        };
        assert_eq!(d.extra, Field::Value(2));
        assert_eq!(
            serde_json::to_value(&any).unwrap(),
            json!({"extra": 2, "@odata.type": "#test.Derived"})
        );
    }

    #[test]
    fn odata_type_later_picks_the_variant_too() {
        let any = read(json!({"extra": 2, "@odata.type": "#test.derived"}));
        assert!(matches!(any, AnyBase::Derived(d) if d.extra == Field::Value(2)));
    }

    #[test]
    fn a_late_odata_type_keeps_what_was_read_before_it() {
        let body = json!({"id": 5, "extra": 2, "@odata.type": "#test.derived", "x": true});
        let any = read(body.clone());
        let AnyBase::Derived(d) = &any else {
            panic!("{any:?}")
        };
        assert_eq!(d.extra, Field::Value(2));
        assert_eq!(d.id, Field::Unfit);
        assert_eq!(d.unfit_properties.get("id").unwrap().raw, json!(5));
        assert_eq!(serde_json::to_value(&any).unwrap(), body);
    }

    #[test]
    fn a_late_odata_type_naming_the_base_is_kept_with_the_base() {
        let body = json!({"id": "a", "@odata.type": "#test.base", "extra": 1});
        let any = read(body.clone());
        let AnyBase::Base(b) = &any else {
            panic!("{any:?}")
        };
        assert_eq!(b.id, Field::Value("a".into()));
        assert_eq!(b.additional_properties["extra"], json!(1));
        assert_eq!(serde_json::to_value(&any).unwrap(), body);
    }

    #[test]
    fn no_or_unknown_odata_type_reads_as_the_base() {
        assert_eq!(read(json!({})), AnyBase::Base(Box::default()));
        let any = read(json!({"@odata.type": "#test.other", "id": "a"}));
        assert!(matches!(any, AnyBase::Base(b) if b.id == Field::Value("a".into())));
        let any = read(json!({"id": "a"}));
        assert!(matches!(any, AnyBase::Base(b) if b.id == Field::Value("a".into())));
    }

    #[test]
    fn a_base_property_reads_in_one_call_whatever_the_variant() {
        let derived = read(json!({"@odata.type": "#test.derived", "id": "d", "extra": 1}));
        let base = read(json!({"id": "b"}));
        assert_eq!(derived.id().value().map(String::as_str), Some("d"));
        assert_eq!(base.id().value().map(String::as_str), Some("b"));
        assert!(read(json!({})).id().is_absent());
    }

    #[test]
    fn odata_type_matches_with_or_without_hash_in_any_case() {
        assert!(names_type(
            &json!("#microsoft.graph.user"),
            "microsoft.graph.user"
        ));
        assert!(names_type(
            &json!("Microsoft.Graph.User"),
            "microsoft.graph.user"
        ));
        assert!(!names_type(
            &json!("#microsoft.graph.group"),
            "microsoft.graph.user"
        ));
        assert!(!names_type(&json!(null), "microsoft.graph.user"));
    }
}
