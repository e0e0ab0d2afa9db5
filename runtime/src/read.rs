//! Reading any JSON into a declared type without failing: a value that does not fit (the
//! wrong JSON kind, a number out of range or not whole, an unparseable timestamp, date, time,
//! GUID, duration or base64, a single value where a collection is declared or the reverse)
//! comes back as its raw JSON, and the rest of the body reads on. The fitting path does what a
//! plain `Deserialize` would: no buffering, no `Value` built.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Visitor methods that keep the JSON they are given raw: for the kinds of JSON a visitor
/// does not read as its type.
macro_rules! keep_raw {
    ($($kind:ident)*) => { $( keep_raw!(@ $kind); )* };
    (@ bool) => {
        fn visit_bool<E: Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Err(Value::Bool(v)))
        }
    };
    (@ i64) => {
        fn visit_i64<E: Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Err(Value::from(v)))
        }
    };
    (@ u64) => {
        fn visit_u64<E: Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Err(Value::from(v)))
        }
    };
    (@ f64) => {
        fn visit_f64<E: Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Err(Value::from(v)))
        }
    };
    (@ str) => {
        fn visit_str<E: Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Err(Value::String(v.to_owned())))
        }
    };
    (@ unit) => {
        fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
            Ok(Err(Value::Null))
        }
    };
    (@ none) => {
        fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
            Ok(Err(Value::Null))
        }
    };
    (@ seq) => {
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            Value::deserialize(SeqAccessDeserializer::new(seq)).map(Err)
        }
    };
    (@ map) => {
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            Value::deserialize(MapAccessDeserializer::new(map)).map(Err)
        }
    };
}

/// What [`Read::read_as_sent`] reads: the value and, when writing it would give other text,
/// the JSON as it came; or, when it does not fit, the JSON as it came.
pub type AsSent<T> = Result<(T, Option<Value>), Value>;

/// A type read tolerantly: `Ok(value)` when the JSON fits, `Err(raw)` with the JSON exactly as
/// read when it does not. A deserializer error means the input is not JSON at all.
pub trait Read: Sized {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Result<Self, Value>, D::Error>;

    /// As [`read`](Read::read), and beside the value the JSON as it came when writing the
    /// value would give other text: a timestamp of seven fractional digits (written with
    /// nine), unpadded or URL-safe base64, an upper-case GUID, a whole number read as a
    /// double (written `1.0`). Structs keep that text and write it back while the value is
    /// unchanged. Types whose writing gives their text back keep nothing (the default).
    #[inline]
    fn read_as_sent<'de, D: Deserializer<'de>>(deserializer: D) -> Result<AsSent<Self>, D::Error> {
        Ok(Self::read(deserializer)?.map(|value| (value, None)))
    }

    /// What the type expects, for reporting what did not fit: `Edm.Int32`.
    fn expected() -> Cow<'static, str>;
}

/// How a primitive is made from each kind of JSON scalar; `None` where it does not fit.
trait FromJson: Sized {
    const EXPECTED: &'static str;
    #[inline]
    fn from_bool(_: bool) -> Option<Self> {
        None
    }
    #[inline]
    fn from_i64(_: i64) -> Option<Self> {
        None
    }
    #[inline]
    fn from_u64(_: u64) -> Option<Self> {
        None
    }
    #[inline]
    fn from_f64(_: f64) -> Option<Self> {
        None
    }
    #[inline]
    fn from_str(_: &str) -> Option<Self> {
        None
    }
    /// From an owned string, which comes back when it does not fit.
    #[inline]
    fn from_string(s: String) -> Result<Self, String> {
        Self::from_str(&s).ok_or(s)
    }

    /// Whether [`rewrites_str`](FromJson::rewrites_str) can be true: when not, an owned
    /// string is read without a copy.
    const TEXT_MAY_CHANGE: bool = false;

    /// Whether `value`, read from the string `text`, is written as other text: then the
    /// text is kept. Called on every string read, so cheap for the common types.
    #[inline]
    fn rewrites_str(_text: &str, _value: &Self) -> bool {
        false
    }

    /// Whether `value`, read from the JSON number `sent` (an integer token or not), is
    /// written as another number text.
    #[inline]
    fn rewrites_number(_value: &Self, _sent: f64, _integer: bool) -> bool {
        false
    }
}

/// Reads a scalar through `FromJson`, with the JSON as it came when writing would change its
/// text; anything else is kept raw.
struct Scalar<T>(PhantomData<T>);

impl<T: FromJson> Scalar<T> {
    #[inline]
    fn number(
        read: Option<T>,
        sent: f64,
        integer: bool,
        raw: impl FnOnce() -> Value,
    ) -> Result<(T, Option<Value>), Value> {
        match read {
            Some(value) if T::rewrites_number(&value, sent, integer) => Ok((value, Some(raw()))),
            Some(value) => Ok((value, None)),
            None => Err(raw()),
        }
    }
}

impl<'de, T: FromJson> Visitor<'de> for Scalar<T> {
    type Value = Result<(T, Option<Value>), Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    #[inline]
    fn visit_bool<E: Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(T::from_bool(v).map(|b| (b, None)).ok_or(Value::Bool(v)))
    }

    #[inline]
    fn visit_i64<E: Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Self::number(T::from_i64(v), v as f64, true, || {
            Value::from(v)
        }))
    }

    #[inline]
    fn visit_u64<E: Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Self::number(T::from_u64(v), v as f64, true, || {
            Value::from(v)
        }))
    }

    #[inline]
    fn visit_f64<E: Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Self::number(T::from_f64(v), v, false, || Value::from(v)))
    }

    #[inline]
    fn visit_str<E: Error>(self, v: &str) -> Result<Self::Value, E> {
        match T::from_str(v) {
            Some(value) if T::rewrites_str(v, &value) => {
                Ok(Ok((value, Some(Value::String(v.to_owned())))))
            }
            Some(value) => Ok(Ok((value, None))),
            None => Ok(Err(Value::String(v.to_owned()))),
        }
    }

    #[inline]
    fn visit_string<E: Error>(self, v: String) -> Result<Self::Value, E> {
        if !T::TEXT_MAY_CHANGE {
            return Ok(T::from_string(v)
                .map(|value| (value, None))
                .map_err(Value::String));
        }
        match T::from_str(&v) {
            Some(value) if T::rewrites_str(&v, &value) => Ok(Ok((value, Some(Value::String(v))))),
            Some(value) => Ok(Ok((value, None))),
            None => Ok(Err(Value::String(v))),
        }
    }

    keep_raw!(unit none seq map);
}

macro_rules! read_scalar {
    ($($t:ty),*) => {$(
        impl Read for $t {
            #[inline]
            fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Result<Self, Value>, D::Error> {
                Ok(Self::read_as_sent(d)?.map(|(value, _)| value))
            }

            #[inline]
            fn read_as_sent<'de, D: Deserializer<'de>>(
                d: D,
            ) -> Result<AsSent<Self>, D::Error> {
                d.deserialize_any(Scalar::<$t>(PhantomData))
            }

            fn expected() -> Cow<'static, str> {
                Cow::Borrowed(<$t as FromJson>::EXPECTED)
            }
        }
    )*};
}

impl FromJson for String {
    const EXPECTED: &'static str = "Edm.String";
    #[inline]
    fn from_str(s: &str) -> Option<Self> {
        Some(s.to_owned())
    }
    #[inline]
    fn from_string(s: String) -> Result<Self, String> {
        Ok(s)
    }
}

impl FromJson for bool {
    const EXPECTED: &'static str = "Edm.Boolean";
    #[inline]
    fn from_bool(b: bool) -> Option<Self> {
        Some(b)
    }
}

macro_rules! integer {
    ($t:ty, $edm:literal) => {
        impl FromJson for $t {
            const EXPECTED: &'static str = $edm;
            #[inline]
            fn from_i64(n: i64) -> Option<Self> {
                <$t>::try_from(n).ok()
            }
            #[inline]
            fn from_u64(n: u64) -> Option<Self> {
                <$t>::try_from(n).ok()
            }
        }
    };
}

integer!(u8, "Edm.Byte");
integer!(i8, "Edm.SByte");
integer!(i16, "Edm.Int16");
integer!(i32, "Edm.Int32");
integer!(i64, "Edm.Int64");

impl FromJson for f64 {
    const EXPECTED: &'static str = "Edm.Double";
    /// A whole number read as a double would be written `1.0`: keep `1`. (A double read from
    /// a fraction is written as the shortest text of its value: `1.5` stays `1.5`, while
    /// `1.50` or `1.5e0` are written `1.5`, their text being gone once parsed.)
    #[inline]
    fn rewrites_number(_value: &Self, _sent: f64, integer: bool) -> bool {
        integer
    }
    #[inline]
    fn from_i64(n: i64) -> Option<Self> {
        Some(n as f64)
    }
    #[inline]
    fn from_u64(n: u64) -> Option<Self> {
        Some(n as f64)
    }
    #[inline]
    fn from_f64(n: f64) -> Option<Self> {
        Some(n)
    }
}

impl FromJson for f32 {
    const EXPECTED: &'static str = "Edm.Single";
    /// A whole number is written `1.0`, and a fraction with more digits than an `f32` holds
    /// is written as the `f32` nearest it: keep the number as sent.
    #[inline]
    fn rewrites_number(value: &Self, sent: f64, integer: bool) -> bool {
        integer || *value as f64 != sent
    }
    #[inline]
    fn from_i64(n: i64) -> Option<Self> {
        Some(n as f32)
    }
    #[inline]
    fn from_u64(n: u64) -> Option<Self> {
        Some(n as f32)
    }
    #[inline]
    fn from_f64(n: f64) -> Option<Self> {
        // Out of the range of f32 does not fit; inside it, the nearest f32 is the value.
        (n.is_finite() && n.abs() <= f32::MAX as f64).then_some(n as f32)
    }
}

impl FromJson for chrono::DateTime<chrono::FixedOffset> {
    const EXPECTED: &'static str = "Edm.DateTimeOffset";
    const TEXT_MAY_CHANGE: bool = true;
    #[inline]
    fn from_str(s: &str) -> Option<Self> {
        chrono::DateTime::parse_from_rfc3339(s).ok()
    }
    /// chrono writes `YYYY-MM-DDTHH:MM:SS`, then 3, 6 or 9 fractional digits (the fewest that
    /// hold the nanoseconds, none for none), then `Z` for UTC or `+HH:MM`: Graph's seven digits
    /// (`.7945807Z`), `.4Z`, `+00:00` or a lower-case `t` are other text. Checked on the text's
    /// shape rather than by writing the value, which would cost every read a formatting.
    #[inline]
    fn rewrites_str(text: &str, value: &Self) -> bool {
        !crate::as_sent::is_chrono_timestamp(text, value)
    }
}

impl FromJson for chrono::NaiveDate {
    const EXPECTED: &'static str = "Edm.Date";
    const TEXT_MAY_CHANGE: bool = true;
    #[inline]
    fn from_str(s: &str) -> Option<Self> {
        s.parse().ok()
    }
    #[inline]
    fn rewrites_str(text: &str, value: &Self) -> bool {
        crate::as_sent::written_differs(text, value)
    }
}

impl FromJson for chrono::NaiveTime {
    const EXPECTED: &'static str = "Edm.TimeOfDay";
    const TEXT_MAY_CHANGE: bool = true;
    #[inline]
    fn from_str(s: &str) -> Option<Self> {
        s.parse().ok()
    }
    /// Graph writes times as `08:00:00.0000000`, chrono as `08:00:00`.
    #[inline]
    fn rewrites_str(text: &str, value: &Self) -> bool {
        crate::as_sent::written_differs(text, value)
    }
}

impl FromJson for uuid::Uuid {
    const EXPECTED: &'static str = "Edm.Guid";
    const TEXT_MAY_CHANGE: bool = true;
    #[inline]
    fn from_str(s: &str) -> Option<Self> {
        uuid::Uuid::parse_str(s).ok()
    }
    /// uuid writes lower-case hyphenated: upper case, braces or no hyphens are other text.
    #[inline]
    fn rewrites_str(text: &str, _value: &Self) -> bool {
        !crate::as_sent::is_lower_hyphenated_guid(text)
    }
}

impl FromJson for crate::Duration {
    const EXPECTED: &'static str = "Edm.Duration";
    const TEXT_MAY_CHANGE: bool = true;
    #[inline]
    fn from_str(s: &str) -> Option<Self> {
        s.parse().ok()
    }
    /// `PT60M`, `PT1H0M`, `P0D` and `PT1.50S` are written `PT60M`, `PT1H`, `PT0S`, `PT1.5S`.
    #[inline]
    fn rewrites_str(text: &str, value: &Self) -> bool {
        crate::as_sent::written_differs(text, value)
    }
}

impl FromJson for crate::Binary {
    const EXPECTED: &'static str = "Edm.Binary";
    const TEXT_MAY_CHANGE: bool = true;
    #[inline]
    fn from_str(s: &str) -> Option<Self> {
        crate::binary::decode(s).ok()
    }
    /// Binary writes padded standard base64: unpadded or URL-safe text is other text.
    #[inline]
    fn rewrites_str(text: &str, _value: &Self) -> bool {
        !crate::binary::is_padded_standard(text)
    }
}

read_scalar!(
    String,
    bool,
    u8,
    i8,
    i16,
    i32,
    i64,
    f32,
    f64,
    chrono::DateTime<chrono::FixedOffset>,
    chrono::NaiveDate,
    chrono::NaiveTime,
    uuid::Uuid,
    crate::Duration,
    crate::Binary
);

impl Read for Value {
    /// Any JSON fits.
    #[inline]
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Result<Self, Value>, D::Error> {
        Value::deserialize(d).map(Ok)
    }

    fn expected() -> Cow<'static, str> {
        Cow::Borrowed("any JSON")
    }
}

impl<T: Read> Read for Box<T> {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Result<Self, Value>, D::Error> {
        Ok(T::read(d)?.map(Box::new))
    }

    #[inline]
    fn read_as_sent<'de, D: Deserializer<'de>>(d: D) -> Result<AsSent<Self>, D::Error> {
        Ok(T::read_as_sent(d)?.map(|(value, sent)| (Box::new(value), sent)))
    }

    fn expected() -> Cow<'static, str> {
        T::expected()
    }
}

/// A collection fits when it is an array whose every item fits; one item that does not makes
/// the whole property keep its raw array (the items read so far written back as values).
impl<T: Read + Serialize> Read for Vec<T> {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Result<Self, Value>, D::Error> {
        Ok(Self::read_as_sent(d)?.map(|(items, _)| items))
    }

    /// When an item's text would change, the whole array as it came.
    #[inline]
    fn read_as_sent<'de, D: Deserializer<'de>>(d: D) -> Result<AsSent<Self>, D::Error> {
        d.deserialize_any(Collection::<T>(PhantomData))
    }

    fn expected() -> Cow<'static, str> {
        Cow::Owned(format!("Collection({})", T::expected()))
    }
}

struct Collection<T>(PhantomData<T>);

/// One item read through `Read`.
struct Item<T>(PhantomData<T>);

impl<'de, T: Read> DeserializeSeed<'de> for Item<T> {
    type Value = Result<(T, Option<Value>), Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        T::read_as_sent(d)
    }
}

/// The items read so far as JSON: as sent where that was kept, as written otherwise (the
/// same text).
fn items_as_sent<T: Serialize, E: Error>(
    items: &[T],
    sent: &[(usize, Value)],
) -> Result<Vec<Value>, E> {
    let mut out: Vec<Value> = items
        .iter()
        .map(|i| serde_json::to_value(i).map_err(E::custom))
        .collect::<Result<_, _>>()?;
    for (at, text) in sent {
        out[*at] = text.clone();
    }
    Ok(out)
}

impl<'de, T: Read + Serialize> Visitor<'de> for Collection<T> {
    type Value = Result<(Vec<T>, Option<Value>), Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        // Items whose text writing would change, by index.
        let mut sent: Vec<(usize, Value)> = Vec::new();
        while let Some(item) = seq.next_element_seed(Item::<T>(PhantomData))? {
            match item {
                Ok((item, as_sent)) => {
                    if let Some(text) = as_sent {
                        sent.push((items.len(), text));
                    }
                    items.push(item);
                }
                Err(raw) => {
                    let mut kept = items_as_sent::<T, A::Error>(&items, &sent)?;
                    kept.push(raw);
                    while let Some(rest) = seq.next_element::<Value>()? {
                        kept.push(rest);
                    }
                    return Ok(Err(Value::Array(kept)));
                }
            }
        }
        if sent.is_empty() {
            return Ok(Ok((items, None)));
        }
        let as_sent = Value::Array(items_as_sent::<T, A::Error>(&items, &sent)?);
        Ok(Ok((items, Some(as_sent))))
    }

    keep_raw!(bool i64 u64 f64 str unit map);
}

/// Reads a generated object type (a struct or an `Any*` enum, whose `Deserialize` reads a
/// map): a JSON object reads as the type, property by property, tolerantly; any other JSON is
/// kept raw.
#[inline]
pub fn read_object<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    d: D,
) -> Result<Result<T, Value>, D::Error> {
    struct Object<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Object<T> {
        type Value = Result<T, Value>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any JSON value")
        }

        #[inline]
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            T::deserialize(MapAccessDeserializer::new(map)).map(Ok)
        }

        keep_raw!(bool i64 u64 f64 str unit seq);
    }

    d.deserialize_any(Object(PhantomData))
}

/// Reads a generated enum from its wire string; any other JSON is kept raw.
#[inline]
pub fn read_enum<'de, T: for<'a> From<&'a str>, D: Deserializer<'de>>(
    d: D,
) -> Result<Result<T, Value>, D::Error> {
    struct Enum<T>(PhantomData<T>);

    impl<'de, T: for<'a> From<&'a str>> Visitor<'de> for Enum<T> {
        type Value = Result<T, Value>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any JSON value")
        }

        #[inline]
        fn visit_str<E: Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Ok(T::from(v)))
        }

        keep_raw!(bool i64 u64 f64 unit seq map);
    }

    d.deserialize_any(Enum(PhantomData))
}

/// `impl Read` for a generated struct or `Any*` enum: one line per type.
#[macro_export]
macro_rules! read_object {
    ($t:ty, $expected:literal) => {
        impl $crate::Read for $t {
            #[inline]
            fn read<'de, D: $crate::__serde::Deserializer<'de>>(
                d: D,
            ) -> ::std::result::Result<
                ::std::result::Result<Self, $crate::__serde_json::Value>,
                D::Error,
            > {
                $crate::read_object(d)
            }

            fn expected() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed($expected)
            }
        }
    };
}

/// `impl Read` for a generated enum: one line per type.
#[macro_export]
macro_rules! read_enum {
    ($t:ty, $expected:literal) => {
        impl $crate::Read for $t {
            #[inline]
            fn read<'de, D: $crate::__serde::Deserializer<'de>>(
                d: D,
            ) -> ::std::result::Result<
                ::std::result::Result<Self, $crate::__serde_json::Value>,
                D::Error,
            > {
                $crate::read_enum(d)
            }

            fn expected() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed($expected)
            }
        }
    };
}
