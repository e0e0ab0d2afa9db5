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

/// A type read tolerantly: `Ok(value)` when the JSON fits, `Err(raw)` with the JSON exactly as
/// read when it does not. A deserializer error means the input is not JSON at all.
pub trait Read: Sized {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Result<Self, Value>, D::Error>;

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
}

/// Reads a scalar through `FromJson`; anything else is kept raw.
struct Scalar<T>(PhantomData<T>);

impl<'de, T: FromJson> Visitor<'de> for Scalar<T> {
    type Value = Result<T, Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    #[inline]
    fn visit_bool<E: Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(T::from_bool(v).ok_or(Value::Bool(v)))
    }

    #[inline]
    fn visit_i64<E: Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(T::from_i64(v).ok_or_else(|| Value::from(v)))
    }

    #[inline]
    fn visit_u64<E: Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(T::from_u64(v).ok_or_else(|| Value::from(v)))
    }

    #[inline]
    fn visit_f64<E: Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(T::from_f64(v).ok_or_else(|| Value::from(v)))
    }

    #[inline]
    fn visit_str<E: Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(T::from_str(v).ok_or_else(|| Value::String(v.to_owned())))
    }

    #[inline]
    fn visit_string<E: Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(T::from_string(v).map_err(Value::String))
    }

    keep_raw!(unit none seq map);
}

macro_rules! read_scalar {
    ($($t:ty),*) => {$(
        impl Read for $t {
            #[inline]
            fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Result<Self, Value>, D::Error> {
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
    #[inline]
    fn from_str(s: &str) -> Option<Self> {
        chrono::DateTime::parse_from_rfc3339(s).ok()
    }
}

impl FromJson for chrono::NaiveDate {
    const EXPECTED: &'static str = "Edm.Date";
    #[inline]
    fn from_str(s: &str) -> Option<Self> {
        s.parse().ok()
    }
}

impl FromJson for chrono::NaiveTime {
    const EXPECTED: &'static str = "Edm.TimeOfDay";
    #[inline]
    fn from_str(s: &str) -> Option<Self> {
        s.parse().ok()
    }
}

impl FromJson for uuid::Uuid {
    const EXPECTED: &'static str = "Edm.Guid";
    #[inline]
    fn from_str(s: &str) -> Option<Self> {
        uuid::Uuid::parse_str(s).ok()
    }
}

impl FromJson for crate::Duration {
    const EXPECTED: &'static str = "Edm.Duration";
    #[inline]
    fn from_str(s: &str) -> Option<Self> {
        s.parse().ok()
    }
}

impl FromJson for crate::Binary {
    const EXPECTED: &'static str = "Edm.Binary";
    #[inline]
    fn from_str(s: &str) -> Option<Self> {
        crate::binary::decode(s).ok()
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

    fn expected() -> Cow<'static, str> {
        T::expected()
    }
}

/// A collection fits when it is an array whose every item fits; one item that does not makes
/// the whole property keep its raw array (the items read so far written back as values).
impl<T: Read + Serialize> Read for Vec<T> {
    #[inline]
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Result<Self, Value>, D::Error> {
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
    type Value = Result<T, Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        T::read(d)
    }
}

impl<'de, T: Read + Serialize> Visitor<'de> for Collection<T> {
    type Value = Result<Vec<T>, Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element_seed(Item::<T>(PhantomData))? {
            match item {
                Ok(item) => items.push(item),
                Err(raw) => {
                    let mut kept: Vec<Value> = items
                        .iter()
                        .map(|i| serde_json::to_value(i).map_err(A::Error::custom))
                        .collect::<Result<_, _>>()?;
                    kept.push(raw);
                    while let Some(rest) = seq.next_element::<Value>()? {
                        kept.push(rest);
                    }
                    return Ok(Err(Value::Array(kept)));
                }
            }
        }
        Ok(Ok(items))
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
