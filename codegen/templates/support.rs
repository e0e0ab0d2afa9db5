// Support code for the generated model types: written out with them, so the generated crate
// needs no crate of this project at run time.

use ::std::fmt;
use ::std::str::FromStr;

/// A JSON object key, borrowed from the input when the input allows it, so that reading a
/// documented property allocates nothing for its name.
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

impl<'de> ::serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> ::serde::de::Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }

            fn visit_borrowed_str<E: ::serde::de::Error>(self, value: &'de str) -> ::std::result::Result<Key<'de>, E> {
                Ok(Key::Borrowed(value))
            }

            fn visit_str<E: ::serde::de::Error>(self, value: &str) -> ::std::result::Result<Key<'de>, E> {
                Ok(Key::Owned(value.to_owned()))
            }

            fn visit_string<E: ::serde::de::Error>(self, value: String) -> ::std::result::Result<Key<'de>, E> {
                Ok(Key::Owned(value))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Whether an `@odata.type` value (`"#microsoft.graph.x"`) names `qualified`, in any case.
pub fn names_type(odata_type: &::serde_json::Value, qualified: &str) -> bool {
    odata_type
        .as_str()
        .is_some_and(|t| t.trim_start_matches('#').eq_ignore_ascii_case(qualified))
}

/// Reads an enum from its wire string without allocating for documented values.
pub fn deserialize_enum<'de, D, T>(deserializer: D) -> ::std::result::Result<T, D::Error>
where
    D: ::serde::Deserializer<'de>,
    T: for<'a> From<&'a str>,
{
    struct WireString<T>(::std::marker::PhantomData<T>);

    impl<T: for<'a> From<&'a str>> ::serde::de::Visitor<'_> for WireString<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an enum value as a string")
        }

        fn visit_str<E: ::serde::de::Error>(self, value: &str) -> ::std::result::Result<T, E> {
            Ok(T::from(value))
        }
    }

    deserializer.deserialize_str(WireString(::std::marker::PhantomData))
}

/// `Edm.Binary`: bytes, written on the wire as standard base64.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Binary(pub Vec<u8>);

impl ::std::ops::Deref for Binary {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl ::serde::Serialize for Binary {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
        use ::base64::Engine as _;
        serializer.serialize_str(&::base64::engine::general_purpose::STANDARD.encode(&self.0))
    }
}

impl<'de> ::serde::Deserialize<'de> for Binary {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
        use ::base64::Engine as _;
        let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
        ::base64::engine::general_purpose::STANDARD
            .decode(text.as_bytes())
            .or_else(|_| ::base64::engine::general_purpose::STANDARD_NO_PAD.decode(text.as_bytes()))
            .map(Binary)
            .map_err(::serde::de::Error::custom)
    }
}

/// `Edm.Duration`: an ISO 8601 duration such as `PT1H30M`, `P1D` or `-PT0.5S`.
///
/// Kept component by component: `P1M` is a calendar month, not a number of seconds, so no
/// fixed-length duration type can hold it without changing its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Duration {
    pub negative: bool,
    pub years: u64,
    pub months: u64,
    pub weeks: u64,
    pub days: u64,
    pub hours: u64,
    pub minutes: u64,
    pub seconds: u64,
    pub nanoseconds: u32,
}

impl Duration {
    /// The length as a `chrono::TimeDelta`, when it has no calendar (year or month) part.
    pub fn to_time_delta(self) -> Option<::chrono::TimeDelta> {
        if self.years != 0 || self.months != 0 {
            return None;
        }
        let seconds = ((self.weeks * 7 + self.days) * 24 + self.hours)
            .checked_mul(3600)?
            .checked_add(self.minutes.checked_mul(60)?)?
            .checked_add(self.seconds)?;
        let delta = ::chrono::TimeDelta::new(i64::try_from(seconds).ok()?, self.nanoseconds)?;
        Some(if self.negative { -delta } else { delta })
    }
}

/// Why a string is not an ISO 8601 duration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationError(String);

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not an ISO 8601 duration such as PT1H30M", self.0)
    }
}

impl ::std::error::Error for DurationError {}

impl FromStr for Duration {
    type Err = DurationError;

    fn from_str(text: &str) -> ::std::result::Result<Self, DurationError> {
        let error = || DurationError(text.to_owned());
        let mut d = Duration::default();
        let mut rest = text;
        if let Some(r) = rest.strip_prefix('-') {
            d.negative = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('+') {
            rest = r;
        }
        rest = rest.strip_prefix(['P', 'p']).ok_or_else(error)?;
        let mut in_time = false;
        let mut any = false;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix(['T', 't']) {
                if in_time {
                    return Err(error());
                }
                in_time = true;
                rest = r;
                continue;
            }
            let digits = rest.find(|c: char| !c.is_ascii_digit()).ok_or_else(error)?;
            let whole: u64 = rest[..digits].parse().map_err(|_| error())?;
            rest = &rest[digits..];
            let mut nanos = 0u32;
            if let Some(r) = rest.strip_prefix(['.', ',']) {
                let len = r.find(|c: char| !c.is_ascii_digit()).ok_or_else(error)?;
                if len == 0 || len > 9 {
                    return Err(error());
                }
                nanos = r[..len].parse::<u32>().map_err(|_| error())? * 10u32.pow(9 - len as u32);
                rest = &r[len..];
            }
            let unit = rest.chars().next().ok_or_else(error)?;
            rest = &rest[unit.len_utf8()..];
            let slot = match (in_time, unit.to_ascii_uppercase()) {
                (false, 'Y') => &mut d.years,
                (false, 'M') => &mut d.months,
                (false, 'W') => &mut d.weeks,
                (false, 'D') => &mut d.days,
                (true, 'H') => &mut d.hours,
                (true, 'M') => &mut d.minutes,
                (true, 'S') => {
                    d.nanoseconds = nanos;
                    &mut d.seconds
                }
                _ => return Err(error()),
            };
            if nanos != 0 && !unit.eq_ignore_ascii_case(&'S') {
                return Err(error());
            }
            *slot = whole;
            any = true;
        }
        if any {
            Ok(d)
        } else {
            Err(error())
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        f.write_str("P")?;
        for (value, unit) in [(self.years, 'Y'), (self.months, 'M'), (self.weeks, 'W'), (self.days, 'D')] {
            if value != 0 {
                write!(f, "{value}{unit}")?;
            }
        }
        let date_empty = self.years == 0 && self.months == 0 && self.weeks == 0 && self.days == 0;
        let time_empty = self.hours == 0 && self.minutes == 0 && self.seconds == 0 && self.nanoseconds == 0;
        if time_empty && !date_empty {
            return Ok(());
        }
        f.write_str("T")?;
        if self.hours != 0 {
            write!(f, "{}H", self.hours)?;
        }
        if self.minutes != 0 {
            write!(f, "{}M", self.minutes)?;
        }
        if self.seconds != 0 || self.nanoseconds != 0 || time_empty {
            write!(f, "{}", self.seconds)?;
            if self.nanoseconds != 0 {
                let fraction = format!("{:09}", self.nanoseconds);
                write!(f, ".{}", fraction.trim_end_matches('0'))?;
            }
            f.write_str("S")?;
        }
        Ok(())
    }
}

impl ::serde::Serialize for Duration {
    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> ::serde::Deserialize<'de> for Duration {
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
        let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
        text.parse().map_err(::serde::de::Error::custom)
    }
}
