//! Whether writing a value read from a JSON string gives its text back, for
//! [`Read::read_as_sent`](crate::Read::read_as_sent): when not, the text as sent is kept and
//! written back while the value is unchanged, so that a payload read and written back gives
//! the same text for every scalar.

use chrono::{DateTime, FixedOffset, Timelike};
use serde::Serialize;

/// Whether `text` is exactly what chrono writes for `value`, read from it: the date and time
/// in fixed width, `T`, the fewest of 0, 3, 6 or 9 fractional digits that hold the
/// nanoseconds, and `Z` for a zero offset or `+HH:MM`. A check of the text's shape, with no
/// formatting: the parse it comes from already fixed the digits.
#[inline]
pub(crate) fn is_chrono_timestamp(text: &str, value: &DateTime<FixedOffset>) -> bool {
    let bytes = text.as_bytes();
    let nanos = value.nanosecond();
    let fraction = if nanos == 0 {
        0
    } else if nanos % 1_000_000 == 0 {
        3
    } else if nanos % 1_000 == 0 {
        6
    } else {
        9
    };
    let utc = value.offset().local_minus_utc() == 0;
    let expected_len = 19 + if fraction > 0 { fraction + 1 } else { 0 } + if utc { 1 } else { 6 };
    bytes.len() == expected_len
        && bytes[4] == b'-'
        && bytes[10] == b'T'
        && (fraction == 0 || bytes[19] == b'.')
        && if utc {
            bytes[expected_len - 1] == b'Z'
        } else {
            matches!(bytes[expected_len - 6], b'+' | b'-')
        }
}

/// Whether `text` is a GUID as uuid writes it: lower-case hex, hyphenated 8-4-4-4-12.
#[inline]
pub(crate) fn is_lower_hyphenated_guid(text: &str) -> bool {
    text.len() == 36
        && text.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(&b),
        })
}

/// Whether writing `value` gives other text than `text`: by writing it. For the types that
/// are rarer on the wire (dates, times, durations).
pub(crate) fn written_differs<T: Serialize>(text: &str, value: &T) -> bool {
    !matches!(serde_json::to_value(value), Ok(serde_json::Value::String(written)) if written == text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape check agrees with writing the value, on every form Graph and RFC 3339 allow.
    #[test]
    fn the_timestamp_shape_check_agrees_with_chrono() {
        for text in [
            "2020-12-31T14:44:13.7945807Z",
            "2020-12-31T14:44:04.4Z",
            "2020-12-31T14:44:04Z",
            "2020-12-31T14:44:04+05:30",
            "2020-12-31T14:44:04-08:00",
            "2020-12-31T14:44:04+00:00",
            "2020-12-31T14:44:04-00:00",
            "2020-12-31T14:44:04.000Z",
            "2020-12-31t14:44:04z",
            "2020-12-31T14:44:04.123456Z",
            "2020-12-31T14:44:04.123456789Z",
            "2020-12-31T14:44:04.123456780Z",
            "2020-12-31T14:44:04.120Z",
            "2020-12-31T14:44:04.123+01:00",
            "2020-12-31T14:44:04.1234567+01:00",
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59.9999999Z",
        ] {
            let value = DateTime::parse_from_rfc3339(text).unwrap();
            let written = serde_json::to_value(value).unwrap();
            assert_eq!(
                is_chrono_timestamp(text, &value),
                written == text,
                "{text} is written {written}"
            );
        }
    }

    #[test]
    fn only_lower_case_hyphenated_guids_are_written_as_read() {
        assert!(is_lower_hyphenated_guid(
            "5bd8a1c4-8b8e-4e9a-a8c1-2b9b0d1a6c11"
        ));
        for other in [
            "5BD8A1C4-8B8E-4E9A-A8C1-2B9B0D1A6C11",
            "{5bd8a1c4-8b8e-4e9a-a8c1-2b9b0d1a6c11}",
            "5bd8a1c48b8e4e9aa8c12b9b0d1a6c11",
        ] {
            let value = uuid::Uuid::parse_str(other).unwrap();
            assert_ne!(serde_json::to_value(value).unwrap(), other);
            assert!(!is_lower_hyphenated_guid(other), "{other}");
        }
    }
}
