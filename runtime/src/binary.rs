//! `Edm.Binary`.

use std::borrow::Cow;

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use base64::Engine as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `Edm.Binary`: bytes, written on the wire as standard base64 (with padding); read with or
/// without padding, in the standard or the URL-safe alphabet, since all occur in Graph
/// payloads. A generated struct writes a value back in the form it was read in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Binary(pub Vec<u8>);

impl std::ops::Deref for Binary {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl Serialize for Binary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&STANDARD.encode(&self.0))
    }
}

/// Base64, standard or URL-safe, with or without padding.
pub(crate) fn decode(text: &str) -> Result<Binary, base64::DecodeError> {
    let bytes = text.as_bytes();
    STANDARD
        .decode(bytes)
        .or_else(|e| {
            [STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD]
                .iter()
                .find_map(|engine| engine.decode(bytes).ok())
                .ok_or(e)
        })
        .map(Binary)
}

/// Whether `text`, which decodes, is what `Binary` writes: padded standard base64.
pub(crate) fn is_padded_standard(text: &str) -> bool {
    text.len() % 4 == 0 && !text.bytes().any(|b| b == b'-' || b == b'_')
}

impl<'de> Deserialize<'de> for Binary {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <Cow<'de, str>>::deserialize(deserializer)?;
        decode(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::Binary;

    fn read(json: &str) -> Result<Binary, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn padded_and_unpadded_base64_read_the_same_bytes() {
        assert_eq!(read(r#""aGk=""#).unwrap(), Binary(b"hi".to_vec()));
        assert_eq!(read(r#""aGk""#).unwrap(), Binary(b"hi".to_vec()));
        assert_eq!(read(r#""aGVsbG8=""#).unwrap().as_ref(), b"hello");
    }

    #[test]
    fn url_safe_base64_reads_the_same_bytes() {
        assert_eq!(read(r#""-_8=""#).unwrap(), Binary(vec![0xfb, 0xff]));
        assert_eq!(read(r#""-_8""#).unwrap(), Binary(vec![0xfb, 0xff]));
        assert!(super::is_padded_standard("+/8="));
        assert!(!super::is_padded_standard("-_8="));
        assert!(!super::is_padded_standard("+/8"));
    }

    #[test]
    fn writes_padded_standard_base64() {
        let json = serde_json::to_string(&Binary(b"hi".to_vec())).unwrap();
        assert_eq!(json, r#""aGk=""#);
        // `+` and `/`, not the URL-safe alphabet.
        let json = serde_json::to_string(&Binary(vec![0xfb, 0xff])).unwrap();
        assert_eq!(json, r#""+/8=""#);
    }

    #[test]
    fn empty_string_is_no_bytes() {
        assert_eq!(read(r#""""#).unwrap(), Binary::default());
        assert_eq!(serde_json::to_string(&Binary::default()).unwrap(), r#""""#);
    }

    #[test]
    fn invalid_base64_and_non_strings_are_errors() {
        assert!(read(r#""not base64!""#).is_err());
        assert!(read(r#""aGk-+""#).is_err());
        assert!(read("12").is_err());
    }
}
