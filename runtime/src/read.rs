//! Reading any JSON into a declared type without failing: a value that does not fit (the
//! wrong JSON kind, a number out of range or not whole, an unparseable timestamp, date, time,
//! GUID, duration or base64, a single value where a collection is declared or the reverse)
//! comes back as its raw JSON, and the rest of the body reads on. The fitting path does what a
//! plain `Deserialize` would: no buffering, no `Value` built.
//!
//! Every type a property can hold is a [`Wire`] type, read from and written to the erased
//! JSON of [`crate::erased`]: the code is compiled once, in this crate, for the primitives,
//! collections and boxes, and driven by tables for generated structs (`model.rs`). [`Read`],
//! the serde-facing form, is one short generic function over any `Wire` type.

use std::borrow::Cow;

use serde::de::Deserializer;
use serde_json::Value;

use crate::erased::{self, Emit, Error, JsonVisit, MapIn, SeqIn, SeqOut, Source, Visit};

/// What reading one value gave.
#[derive(Debug)]
pub enum Got<T> {
    /// The source held no value (the end of an array).
    Nothing,
    /// An explicit `null`.
    Null,
    /// A value of the type and, when writing it would give other text, the JSON as it came.
    Value(T, Option<Value>),
    /// JSON that does not fit the type, as it came.
    Raw(Value),
}

/// A type a property can hold, read and written by the runtime's core: the primitives,
/// `Value`, collections, boxes, and the generated structs and enums.
pub trait Wire: Sized {
    /// Reads one value from `source`.
    fn read_wire(source: Source<'_, '_>) -> Result<Got<Self>, Error>;

    /// Writes the value.
    fn write_wire(&self, out: &mut dyn Emit) -> Result<(), Error>;

    /// What the type expects, for reporting what did not fit: `Edm.Int32`.
    fn expected() -> Cow<'static, str>;

    /// A JSON `null` as an item of a collection of this type, when that fits (`Value` only).
    fn null_item() -> Option<Self> {
        None
    }
}

/// What [`Read::read_as_sent`] reads: the value and, when writing it would give other text,
/// the JSON as it came; or, when it does not fit, the JSON as it came.
pub type AsSent<T> = Result<(T, Option<Value>), Value>;

/// A type read tolerantly from any serde deserializer: `Ok(value)` when the JSON fits,
/// `Err(raw)` with the JSON exactly as read when it does not. A deserializer error means the
/// input is not JSON at all. Every [`Wire`] type is one.
pub trait Read: Sized {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Result<Self, Value>, D::Error>;

    /// As [`read`](Read::read), and beside the value the JSON as it came when writing the
    /// value would give other text: a timestamp of seven fractional digits (written with
    /// nine), unpadded or URL-safe base64, an upper-case GUID, a whole number read as a
    /// double (written `1.0`). Structs keep that text and write it back while the value is
    /// unchanged.
    fn read_as_sent<'de, D: Deserializer<'de>>(deserializer: D) -> Result<AsSent<Self>, D::Error>;

    /// What the type expects, for reporting what did not fit: `Edm.Int32`.
    fn expected() -> Cow<'static, str>;
}

impl<T: Wire> Read for T {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Result<Self, Value>, D::Error> {
        Ok(Self::read_as_sent(deserializer)?.map(|(value, _)| value))
    }

    fn read_as_sent<'de, D: Deserializer<'de>>(deserializer: D) -> Result<AsSent<Self>, D::Error> {
        Ok(match crate::model::read_one(deserializer, T::read_wire)? {
            Got::Value(value, sent) => Ok((value, sent)),
            Got::Null => T::null_item().map(|v| (v, None)).ok_or(Value::Null),
            Got::Raw(raw) => Err(raw),
            Got::Nothing => Err(Value::Null),
        })
    }

    fn expected() -> Cow<'static, str> {
        <T as Wire>::expected()
    }
}

/// What a reader of one kind of JSON (an object, an array, a string) made of a value.
pub(crate) enum Outcome {
    Nothing,
    Null,
    /// The value was of the kind wanted and was read.
    Taken,
    /// Any other JSON, as it came.
    Raw(Value),
}

/// What kind of JSON a reader wants, and what it does with it.
pub(crate) enum Want<'a, 'de> {
    Map(&'a mut dyn FnMut(&mut dyn MapIn<'de>) -> Result<(), Error>),
    Seq(&'a mut dyn FnMut(&mut dyn SeqIn<'de>) -> Result<(), Error>),
    Str(&'a mut dyn FnMut(&str) -> Result<(), Error>),
}

/// Reads one value: the kind wanted through its reader, `null` as such, anything else raw.
/// One visitor for every struct, collection and enum.
pub(crate) fn expect<'de>(source: Source<'_, 'de>, want: Want<'_, 'de>) -> Result<Outcome, Error> {
    let mut expect = Expect {
        want,
        outcome: Outcome::Nothing,
    };
    source(&mut expect)?;
    Ok(expect.outcome)
}

struct Expect<'a, 'de> {
    want: Want<'a, 'de>,
    outcome: Outcome,
}

impl Expect<'_, '_> {
    fn raw(&mut self, value: Value) -> Result<(), Error> {
        self.outcome = Outcome::Raw(value);
        Ok(())
    }
}

impl<'de> Visit<'de> for Expect<'_, 'de> {
    fn null(&mut self) -> Result<(), Error> {
        self.outcome = Outcome::Null;
        Ok(())
    }
    fn bool(&mut self, v: bool) -> Result<(), Error> {
        self.raw(Value::Bool(v))
    }
    fn i64(&mut self, v: i64) -> Result<(), Error> {
        self.raw(Value::from(v))
    }
    fn u64(&mut self, v: u64) -> Result<(), Error> {
        self.raw(Value::from(v))
    }
    fn f64(&mut self, v: f64) -> Result<(), Error> {
        self.raw(Value::from(v))
    }
    fn str(&mut self, v: &str) -> Result<(), Error> {
        match &mut self.want {
            Want::Str(read) => {
                read(v)?;
                self.outcome = Outcome::Taken;
                Ok(())
            }
            _ => self.raw(Value::String(v.to_owned())),
        }
    }
    fn string(&mut self, v: String) -> Result<(), Error> {
        match &mut self.want {
            Want::Str(read) => {
                read(&v)?;
                self.outcome = Outcome::Taken;
                Ok(())
            }
            _ => self.raw(Value::String(v)),
        }
    }
    fn seq(&mut self, seq: &mut dyn SeqIn<'de>) -> Result<(), Error> {
        match &mut self.want {
            Want::Seq(read) => {
                read(seq)?;
                self.outcome = Outcome::Taken;
                Ok(())
            }
            _ => {
                let mut json = JsonVisit(None);
                json.seq(seq)?;
                self.raw(json.0.unwrap_or(Value::Null))
            }
        }
    }
    fn map(&mut self, map: &mut dyn MapIn<'de>) -> Result<(), Error> {
        match &mut self.want {
            Want::Map(read) => {
                read(map)?;
                self.outcome = Outcome::Taken;
                Ok(())
            }
            _ => {
                let mut json = JsonVisit(None);
                json.map(map)?;
                self.raw(json.0.unwrap_or(Value::Null))
            }
        }
    }
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
struct Scalar<T>(Got<T>);

impl<T: FromJson> Scalar<T> {
    fn number(&mut self, read: Option<T>, sent: f64, integer: bool, raw: impl FnOnce() -> Value) {
        self.0 = match read {
            Some(value) if T::rewrites_number(&value, sent, integer) => {
                Got::Value(value, Some(raw()))
            }
            Some(value) => Got::Value(value, None),
            None => Got::Raw(raw()),
        };
    }
}

impl<'de, T: FromJson> Visit<'de> for Scalar<T> {
    fn null(&mut self) -> Result<(), Error> {
        self.0 = Got::Null;
        Ok(())
    }
    fn bool(&mut self, v: bool) -> Result<(), Error> {
        self.0 = match T::from_bool(v) {
            Some(b) => Got::Value(b, None),
            None => Got::Raw(Value::Bool(v)),
        };
        Ok(())
    }
    fn i64(&mut self, v: i64) -> Result<(), Error> {
        self.number(T::from_i64(v), v as f64, true, || Value::from(v));
        Ok(())
    }
    fn u64(&mut self, v: u64) -> Result<(), Error> {
        self.number(T::from_u64(v), v as f64, true, || Value::from(v));
        Ok(())
    }
    fn f64(&mut self, v: f64) -> Result<(), Error> {
        self.number(T::from_f64(v), v, false, || Value::from(v));
        Ok(())
    }
    fn str(&mut self, v: &str) -> Result<(), Error> {
        self.0 = match T::from_str(v) {
            Some(value) if T::rewrites_str(v, &value) => {
                Got::Value(value, Some(Value::String(v.to_owned())))
            }
            Some(value) => Got::Value(value, None),
            None => Got::Raw(Value::String(v.to_owned())),
        };
        Ok(())
    }
    fn string(&mut self, v: String) -> Result<(), Error> {
        if !T::TEXT_MAY_CHANGE {
            self.0 = match T::from_string(v) {
                Ok(value) => Got::Value(value, None),
                Err(v) => Got::Raw(Value::String(v)),
            };
            return Ok(());
        }
        self.0 = match T::from_str(&v) {
            Some(value) if T::rewrites_str(&v, &value) => Got::Value(value, Some(Value::String(v))),
            Some(value) => Got::Value(value, None),
            None => Got::Raw(Value::String(v)),
        };
        Ok(())
    }
    fn seq(&mut self, seq: &mut dyn SeqIn<'de>) -> Result<(), Error> {
        let mut json = JsonVisit(None);
        json.seq(seq)?;
        self.0 = Got::Raw(json.0.unwrap_or(Value::Null));
        Ok(())
    }
    fn map(&mut self, map: &mut dyn MapIn<'de>) -> Result<(), Error> {
        let mut json = JsonVisit(None);
        json.map(map)?;
        self.0 = Got::Raw(json.0.unwrap_or(Value::Null));
        Ok(())
    }
}

fn read_scalar<T: FromJson>(source: Source<'_, '_>) -> Result<Got<T>, Error> {
    let mut scalar = Scalar(Got::Nothing);
    source(&mut scalar)?;
    Ok(scalar.0)
}

/// Writes a value through its own `Serialize` into text: for the primitives whose text is
/// their crate's (timestamps, dates, times, GUIDs).
fn write_text<T: serde::Serialize>(value: &T, out: &mut dyn Emit) -> Result<(), Error> {
    match serde_json::to_value(value) {
        Ok(Value::String(text)) => out.str(&text),
        Ok(other) => out.json(&other),
        Err(e) => Err(Error::custom(e)),
    }
}

macro_rules! wire_scalar {
    ($($t:ty => |$v:ident, $out:ident| $write:expr;)*) => {$(
        impl Wire for $t {
            fn read_wire(source: Source<'_, '_>) -> Result<Got<Self>, Error> {
                read_scalar::<$t>(source)
            }

            fn write_wire(&self, $out: &mut dyn Emit) -> Result<(), Error> {
                let $v = self;
                $write
            }

            fn expected() -> Cow<'static, str> {
                Cow::Borrowed(<$t as FromJson>::EXPECTED)
            }
        }
    )*};
}

wire_scalar! {
    String => |v, out| out.str(v);
    bool => |v, out| out.bool(*v);
    u8 => |v, out| out.u64(u64::from(*v));
    i8 => |v, out| out.i64(i64::from(*v));
    i16 => |v, out| out.i64(i64::from(*v));
    i32 => |v, out| out.i64(i64::from(*v));
    i64 => |v, out| out.i64(*v);
    f32 => |v, out| out.f32(*v);
    f64 => |v, out| out.f64(*v);
    chrono::DateTime<chrono::FixedOffset> => |v, out| write_text(v, out);
    chrono::NaiveDate => |v, out| write_text(v, out);
    chrono::NaiveTime => |v, out| write_text(v, out);
    uuid::Uuid => |v, out| out.str(v.hyphenated().encode_lower(&mut uuid::Uuid::encode_buffer()));
    crate::Duration => |v, out| write_text(v, out);
    crate::Binary => |v, out| write_text(v, out);
}

impl Wire for Value {
    /// Any JSON fits; a `null` is the property's null.
    fn read_wire(source: Source<'_, '_>) -> Result<Got<Self>, Error> {
        let mut json = JsonVisit(None);
        source(&mut json)?;
        Ok(match json.0 {
            None => Got::Nothing,
            Some(Value::Null) => Got::Null,
            Some(value) => Got::Value(value, None),
        })
    }

    fn write_wire(&self, out: &mut dyn Emit) -> Result<(), Error> {
        out.json(self)
    }

    fn expected() -> Cow<'static, str> {
        Cow::Borrowed("any JSON")
    }

    fn null_item() -> Option<Self> {
        Some(Value::Null)
    }
}

impl<T: Wire> Wire for Box<T> {
    fn read_wire(source: Source<'_, '_>) -> Result<Got<Self>, Error> {
        Ok(match T::read_wire(source)? {
            Got::Value(value, sent) => Got::Value(Box::new(value), sent),
            Got::Nothing => Got::Nothing,
            Got::Null => Got::Null,
            Got::Raw(raw) => Got::Raw(raw),
        })
    }

    fn write_wire(&self, out: &mut dyn Emit) -> Result<(), Error> {
        (**self).write_wire(out)
    }

    fn expected() -> Cow<'static, str> {
        T::expected()
    }
}

/// A collection fits when it is an array whose every item fits; one item that does not makes
/// the whole property keep its raw array (the items read so far written back as values).
/// When an item's text would change, the whole array as it came is kept beside it.
impl<T: Wire> Wire for Vec<T> {
    fn read_wire(source: Source<'_, '_>) -> Result<Got<Self>, Error> {
        let mut read = None;
        let outcome = crate::read::expect(
            source,
            Want::Seq(&mut |seq| {
                read = Some(read_items::<T>(seq)?);
                Ok(())
            }),
        )?;
        Ok(match outcome {
            Outcome::Taken => read.unwrap_or(Got::Nothing),
            Outcome::Nothing => Got::Nothing,
            Outcome::Null => Got::Null,
            Outcome::Raw(raw) => Got::Raw(raw),
        })
    }

    fn write_wire(&self, out: &mut dyn Emit) -> Result<(), Error> {
        out.seq(self.len(), &mut |seq: &mut dyn SeqOut| {
            for item in self {
                seq.item(&mut |out| item.write_wire(out))?;
            }
            Ok(())
        })
    }

    fn expected() -> Cow<'static, str> {
        Cow::Owned(format!("Collection({})", T::expected()))
    }
}

fn read_items<T: Wire>(seq: &mut dyn SeqIn<'_>) -> Result<Got<Vec<T>>, Error> {
    let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
    // Items whose text writing would change, by index.
    let mut sent: Vec<(usize, Value)> = Vec::new();
    loop {
        let mut ended = false;
        let item = T::read_wire(&mut |visit| {
            ended = !seq.next(visit)?;
            Ok(())
        })?;
        let raw = match item {
            _ if ended => break,
            Got::Nothing => break,
            Got::Value(item, as_sent) => {
                if let Some(text) = as_sent {
                    sent.push((items.len(), text));
                }
                items.push(item);
                continue;
            }
            Got::Null => match T::null_item() {
                Some(item) => {
                    items.push(item);
                    continue;
                }
                None => Value::Null,
            },
            Got::Raw(raw) => raw,
        };
        let mut kept = items_as_sent(&items, &sent)?;
        kept.push(raw);
        loop {
            let mut json = JsonVisit(None);
            if !seq.next(&mut json)? {
                break;
            }
            kept.extend(json.0);
        }
        return Ok(Got::Raw(Value::Array(kept)));
    }
    if sent.is_empty() {
        return Ok(Got::Value(items, None));
    }
    let as_sent = Value::Array(items_as_sent(&items, &sent)?);
    Ok(Got::Value(items, Some(as_sent)))
}

/// The items read so far as JSON: as sent where that was kept, as written otherwise (the
/// same text).
fn items_as_sent<T: Wire>(items: &[T], sent: &[(usize, Value)]) -> Result<Vec<Value>, Error> {
    let mut out: Vec<Value> = items
        .iter()
        .map(|item| erased::to_json(&mut |o| item.write_wire(o)))
        .collect::<Result<_, _>>()?;
    for (at, text) in sent {
        out[*at] = text.clone();
    }
    Ok(out)
}

/// Reads a generated enum from its wire string (`From<&str>`); any other JSON is kept raw.
pub fn read_enum<T: for<'a> From<&'a str>>(source: Source<'_, '_>) -> Result<Got<T>, Error> {
    let mut read = None;
    let outcome = expect(
        source,
        Want::Str(&mut |text| {
            read = Some(T::from(text));
            Ok(())
        }),
    )?;
    Ok(match (outcome, read) {
        (Outcome::Taken, Some(value)) => Got::Value(value, None),
        (Outcome::Null, _) => Got::Null,
        (Outcome::Raw(raw), _) => Got::Raw(raw),
        _ => Got::Nothing,
    })
}

/// `Wire` (and so [`Read`]) for an enum read from its wire string (`From<&str>`) and written
/// by its `Serialize`: one line per type.
#[macro_export]
macro_rules! read_enum {
    ($t:ty, $expected:literal) => {
        impl $crate::Wire for $t {
            fn read_wire(
                source: $crate::erased::Source<'_, '_>,
            ) -> ::std::result::Result<$crate::Got<Self>, $crate::erased::Error> {
                $crate::read_enum(source)
            }

            fn write_wire(
                &self,
                out: &mut dyn $crate::erased::Emit,
            ) -> ::std::result::Result<(), $crate::erased::Error> {
                match $crate::__serde_json::to_value(self) {
                    ::std::result::Result::Ok(value) => out.json(&value),
                    ::std::result::Result::Err(e) => {
                        ::std::result::Result::Err($crate::erased::Error::custom(e))
                    }
                }
            }

            fn expected() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed($expected)
            }
        }
    };
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
