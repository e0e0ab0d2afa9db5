//! Object keys read without allocating when the input allows it.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// A JSON object key, borrowed from the input when the input allows it, so that reading a
/// documented property allocates nothing for its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }

    pub fn into_owned(self) -> String {
        match self {
            Key::Borrowed(s) => s.to_owned(),
            Key::Owned(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }

            fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(value))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(value.to_owned()))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<Key<'de>, E> {
                Ok(Key::Owned(value))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::Key;
    use serde::Deserialize;

    #[test]
    fn keys_without_escapes_are_borrowed_from_the_input() {
        let key: Key = serde_json::from_str(r#""@odata.type""#).unwrap();
        assert_eq!(key, Key::Borrowed("@odata.type"));
        assert_eq!(key.as_str(), "@odata.type");
        assert_eq!(key.into_owned(), "@odata.type");
    }

    #[test]
    fn keys_with_escapes_are_owned() {
        // serde_json must unescape into a buffer of its own, so it cannot lend the input.
        let key: Key = serde_json::from_str(r#""a\u0062c""#).unwrap();
        assert_eq!(key, Key::Owned("abc".to_string()));
        assert_eq!(key.as_str(), "abc");
    }

    #[test]
    fn keys_from_a_reader_are_owned() {
        // A reader's bytes do not outlive the read, so nothing can be borrowed from them.
        let mut reader = serde_json::Deserializer::from_reader(&b"\"id\""[..]);
        let key = Key::deserialize(&mut reader).unwrap();
        assert_eq!(key, Key::Owned("id".to_string()));
    }

    #[test]
    fn a_key_must_be_a_string() {
        assert!(serde_json::from_str::<Key>("12").is_err());
    }
}
