//! What every generated enum shares. A generated enum is its declaration (variants with their
//! docs, and `Undocumented(String)` for values the docs do not list) and one
//! [`wire_enum!`](crate::wire_enum) line per variant giving its wire value; the conversions
//! and the reading and writing are written once, here.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};

/// Reads an enum from its wire string without allocating for documented values.
pub fn deserialize_enum<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str>,
{
    struct WireString<T>(PhantomData<T>);

    impl<T: for<'a> From<&'a str>> Visitor<'_> for WireString<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an enum value as a string")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
            Ok(T::from(value))
        }
    }

    deserializer.deserialize_str(WireString(PhantomData))
}

/// `as_str`, `From<&str>`, `Display`, `Serialize`, `Deserialize` and [`crate::Wire`] (so [`crate::Read`]) for a
/// generated enum, from its variants' wire values. The enum has an
/// `Undocumented(String)` variant for the rest.
///
/// ```
/// #[derive(Debug, Clone, PartialEq, Eq)]
/// pub enum Status { NotStarted, Running, Undocumented(String) }
///
/// graph_docs_runtime::wire_enum!(Status = "microsoft.graph.status" {
///     NotStarted = "notStarted",
///     Running = "running",
/// });
///
/// assert_eq!(Status::from("running"), Status::Running);
/// assert_eq!(Status::from("later").as_str(), "later");
/// assert_eq!(serde_json::to_string(&Status::NotStarted).unwrap(), r#""notStarted""#);
/// ```
#[macro_export]
macro_rules! wire_enum {
    ($t:ident = $qualified:literal { $( $variant:ident = $wire:literal, )* }) => {
        impl $t {
            /// The value as it is written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Undocumented(value) => value,
                }
            }
        }

        impl ::std::convert::From<&str> for $t {
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => Self::$variant, )*
                    other => Self::Undocumented(other.to_owned()),
                }
            }
        }

        impl $crate::PathValue for $t {
            fn text(&self) -> ::std::string::String {
                ::std::borrow::ToOwned::to_owned(self.as_str())
            }
        }

        impl ::std::fmt::Display for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__serde::Serialize for $t {
            fn serialize<S: $crate::__serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $t {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::deserialize_enum(deserializer)
            }
        }

        // Inline: compiled in the program that reads the enum, not here.
        impl $crate::Wire for $t {
            #[inline]
            fn read_wire(
                source: $crate::erased::Source<'_, '_>,
            ) -> ::std::result::Result<$crate::Got<Self>, $crate::erased::Error> {
                $crate::read_enum(source)
            }

            #[inline]
            fn write_wire(
                &self,
                out: &mut dyn $crate::erased::Emit,
            ) -> ::std::result::Result<(), $crate::erased::Error> {
                out.str(self.as_str())
            }

            #[inline]
            fn expected() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed($qualified)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::deserialize_enum;

    /// What a generated enum looks like, reduced to the part the reader relies on.
    #[derive(Debug, PartialEq)]
    enum Status {
        Running,
        Undocumented(String),
    }

    impl From<&str> for Status {
        fn from(s: &str) -> Self {
            match s {
                "running" => Status::Running,
                other => Status::Undocumented(other.to_owned()),
            }
        }
    }

    fn read(json: &str) -> Result<Status, serde_json::Error> {
        deserialize_enum(&mut serde_json::Deserializer::from_str(json))
    }

    #[test]
    fn documented_and_undocumented_values_read() {
        assert_eq!(read(r#""running""#).unwrap(), Status::Running);
        assert_eq!(
            read(r#""unknownFutureValue""#).unwrap(),
            Status::Undocumented("unknownFutureValue".into())
        );
    }

    #[test]
    fn escaped_strings_read_through_the_same_path() {
        assert_eq!(read(r#""runn\u0069ng""#).unwrap(), Status::Running);
    }

    #[test]
    fn non_strings_are_errors() {
        assert!(read("1").is_err());
        assert!(read("null").is_err());
    }
}
