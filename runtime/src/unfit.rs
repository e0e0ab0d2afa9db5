//! Listing the values that did not fit their declared types, anywhere inside a model, with
//! their JSON paths: a walk over what the model would write (its `Serialize`), so no per-type
//! code is needed and nothing is missed.

use std::fmt;

use serde::ser::{self, Serialize, Serializer};
use serde_json::Value;

use crate::field::{take_expected, UNFIT_MARKER};

/// A value that did not fit, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct UnfitValue {
    /// JSON path from the model: `$.error.code`, `$.members[2].roles`.
    pub path: String,
    pub raw: Value,
    /// What the property declares: `Edm.Int32`, ...
    pub expected: String,
}

impl fmt::Display for UnfitValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} = {} does not fit {}",
            self.path, self.raw, self.expected
        )
    }
}

/// Every value of a model that did not fit: `op.unfit_values()`.
pub trait UnfitValues {
    fn unfit_values(&self) -> Vec<UnfitValue>;
}

impl<T: Serialize + ?Sized> UnfitValues for T {
    fn unfit_values(&self) -> Vec<UnfitValue> {
        let mut walk = Walk {
            path: "$".to_string(),
            found: Vec::new(),
        };
        // The walk itself never fails; an error could only come from a user `Serialize`.
        let _ = self.serialize(&mut walk);
        walk.found
    }
}

/// Reads `text` as `T` and fails when any value did not fit: the strict read.
pub fn from_str_strict<'a, T>(text: &'a str) -> Result<T, StrictError>
where
    T: serde::Deserialize<'a> + Serialize,
{
    let value: T = serde_json::from_str(text).map_err(StrictError::Json)?;
    let unfit = value.unfit_values();
    if unfit.is_empty() {
        Ok(value)
    } else {
        Err(StrictError::Unfit(unfit))
    }
}

/// Why a strict read failed.
#[derive(Debug)]
pub enum StrictError {
    /// Not JSON, or not an object where the type needs one.
    Json(serde_json::Error),
    /// Values that do not fit their declared types.
    Unfit(Vec<UnfitValue>),
}

impl fmt::Display for StrictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StrictError::Json(e) => e.fmt(f),
            StrictError::Unfit(values) => {
                let all: Vec<String> = values.iter().map(ToString::to_string).collect();
                f.write_str(&all.join("; "))
            }
        }
    }
}

impl std::error::Error for StrictError {}

struct Walk {
    path: String,
    found: Vec<UnfitValue>,
}

#[derive(Debug)]
struct WalkError(String);

impl fmt::Display for WalkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WalkError {}

impl ser::Error for WalkError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        WalkError(msg.to_string())
    }
}

impl Walk {
    /// Serialises `value` one step deeper, under `segment`.
    fn enter<T: Serialize + ?Sized>(&mut self, segment: &str, value: &T) -> Result<(), WalkError> {
        let len = self.path.len();
        self.path.push_str(segment);
        let result = value.serialize(&mut *self);
        self.path.truncate(len);
        result
    }
}

impl<'a> Serializer for &'a mut Walk {
    type Ok = ();
    type Error = WalkError;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = Seq<'a>;
    type SerializeMap = Map<'a>;
    type SerializeStruct = Map<'a>;
    type SerializeStructVariant = Map<'a>;

    fn serialize_bool(self, _: bool) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_char(self, _: char) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_str(self, _: &str) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_none(self) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), WalkError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), WalkError> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), WalkError> {
        if name == UNFIT_MARKER {
            let raw = serde_json::to_value(value).map_err(ser::Error::custom)?;
            let expected = take_expected().unwrap_or_default();
            self.found.push(UnfitValue {
                path: self.path.clone(),
                raw,
                expected,
            });
            return Ok(());
        }
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), WalkError> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a>, WalkError> {
        Ok(Seq {
            walk: self,
            index: 0,
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Seq<'a>, WalkError> {
        Ok(Seq {
            walk: self,
            index: 0,
        })
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Seq<'a>, WalkError> {
        Ok(Seq {
            walk: self,
            index: 0,
        })
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Seq<'a>, WalkError> {
        Ok(Seq {
            walk: self,
            index: 0,
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Map<'a>, WalkError> {
        Ok(Map {
            walk: self,
            key: String::new(),
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Map<'a>, WalkError> {
        Ok(Map {
            walk: self,
            key: String::new(),
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Map<'a>, WalkError> {
        Ok(Map {
            walk: self,
            key: String::new(),
        })
    }
}

struct Seq<'a> {
    walk: &'a mut Walk,
    index: usize,
}

impl Seq<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WalkError> {
        let segment = format!("[{}]", self.index);
        self.index += 1;
        self.walk.enter(&segment, value)
    }
}

impl ser::SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WalkError> {
        self.item(value)
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}

impl ser::SerializeTuple for Seq<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WalkError> {
        self.item(value)
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Seq<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WalkError> {
        self.item(value)
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Seq<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WalkError> {
        self.item(value)
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}

struct Map<'a> {
    walk: &'a mut Walk,
    key: String,
}

impl Map<'_> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), WalkError> {
        self.walk.enter(&format!(".{key}"), value)
    }
}

impl ser::SerializeMap for Map<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), WalkError> {
        self.key = match serde_json::to_value(key) {
            Ok(Value::String(s)) => s,
            Ok(other) => other.to_string(),
            Err(e) => return Err(ser::Error::custom(e)),
        };
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WalkError> {
        let key = std::mem::take(&mut self.key);
        self.field(&key, value)
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}

impl ser::SerializeStruct for Map<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), WalkError> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}

impl ser::SerializeStructVariant for Map<'_> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), WalkError> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}
