//! Helpers the generated enums and `Any*` types read with.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};

/// Whether an `@odata.type` value (`"#microsoft.graph.x"`) names `qualified`, in any case.
pub fn names_type(odata_type: &serde_json::Value, qualified: &str) -> bool {
    odata_type
        .as_str()
        .is_some_and(|t| t.trim_start_matches('#').eq_ignore_ascii_case(qualified))
}

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

#[cfg(test)]
mod tests {
    use super::{deserialize_enum, names_type};
    use serde_json::json;

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
