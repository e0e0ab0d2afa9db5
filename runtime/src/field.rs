//! One property of a generated model: absent, an explicit `null`, a value, or a value that did
//! not fit its declared type, which its struct keeps beside its fields.

use std::borrow::Cow;

use serde::{Serialize, Serializer};
use serde_json::Value;

/// A property as the service sent it.
///
/// Why not `Option<Option<T>>`: Graph tells "absent" (leave it alone) from `null` (clear it on
/// PATCH), and a value the docs mistype must not fail the whole read; a fourth state,
/// [`Field::Unfit`], says such a value came, and the struct keeps it in its
/// `unfit_properties` ([`UnfitProperties`]), where it is written back unchanged and where
/// [`crate::UnfitValues::unfit_values`] finds it. Keeping it there rather than here makes a
/// `Field<T>` as small as `Option<Option<T>>` and free to drop whenever `T` is: most
/// properties (flags, numbers, timestamps) are. Reading is one obvious call either way:
/// `op.status.value()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Field<T> {
    /// Not in the payload; not written.
    #[default]
    Absent,
    /// An explicit `null`; written as `null` (how a PATCH clears a property).
    Null,
    /// A value of the declared type.
    Value(T),
    /// A value that does not fit the declared type: the struct's `unfit_properties` holds it
    /// under the property's wire name. Written back from there; written as absent when it
    /// holds nothing under that name (a `Field::Unfit` set by hand).
    Unfit,
}

impl<T> Field<T> {
    /// The value, when there is one of the declared type.
    pub fn value(&self) -> Option<&T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    pub fn value_mut(&mut self) -> Option<&mut T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The value, consuming the field.
    pub fn into_value(self) -> Option<T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Field::Null)
    }

    /// Whether the payload held a value that does not fit (its struct's `unfit_properties`
    /// has it).
    pub fn is_unfit(&self) -> bool {
        matches!(self, Field::Unfit)
    }

    /// Sets a value.
    pub fn set(&mut self, value: T) {
        *self = Field::Value(value);
    }
}

impl<T> From<T> for Field<T> {
    fn from(value: T) -> Self {
        Field::Value(value)
    }
}

impl<T> From<Option<T>> for Field<T> {
    /// `None` is an explicit `null`.
    fn from(value: Option<T>) -> Self {
        value.map_or(Field::Null, Field::Value)
    }
}

/// A value that did not fit the type its property declares.
#[derive(Debug, Clone, PartialEq)]
pub struct Unfit {
    /// The JSON exactly as it was read.
    pub raw: Value,
    /// What the property declares: `Edm.Int32`, `microsoft.graph.identitySet`, ...
    pub expected: Cow<'static, str>,
}

impl Serialize for Unfit {
    /// Only the raw value goes on the wire; `expected` is for the caller.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(serializer)
    }
}

/// The values of a struct's properties that did not fit their declared types, by wire name:
/// `op.unfit_properties.get("attemptsCount")`. Consulted only for a field that is
/// [`Field::Unfit`], so a field set afterwards writes its new value.
///
/// It also keeps, out of sight, the text of values that fit but whose writing would give
/// other text (a timestamp of seven fractional digits, unpadded base64, an upper-case GUID,
/// a whole number as a double: see [`crate::Read::read_as_sent`]); a field still holding the
/// value read from that text writes the text back. That text takes no part in equality: two
/// structs holding the same values are equal whatever text they were read from.
///
/// Lists rather than maps, and boxed: empty in nearly every struct, and then one null
/// pointer to make, move and drop.
#[derive(Debug, Clone, Default)]
pub struct UnfitProperties(Option<Box<Kept>>);

#[derive(Debug, Clone, Default)]
struct Kept {
    unfit: Vec<(String, Unfit)>,
    as_sent: Vec<(String, Value)>,
}

/// Inserts or replaces the entry for `wire`.
fn put<V>(list: &mut Vec<(String, V)>, wire: String, value: V) {
    match list.iter_mut().find(|(w, _)| *w == wire) {
        Some((_, kept)) => *kept = value,
        None => list.push((wire, value)),
    }
}

impl PartialEq for UnfitProperties {
    /// The unfit values alone: the text kept as sent is how values were spelled.
    fn eq(&self, other: &Self) -> bool {
        fn unfit(p: &UnfitProperties) -> &[(String, Unfit)] {
            p.0.as_ref().map_or(&[], |k| k.unfit.as_slice())
        }
        unfit(self) == unfit(other)
    }
}

impl UnfitProperties {
    /// What came for the property of wire name `wire`, if it did not fit.
    pub fn get(&self, wire: &str) -> Option<&Unfit> {
        self.iter().find(|(w, _)| *w == wire).map(|(_, u)| u)
    }

    /// Keeps `unfit` for `wire`, in place of what was kept for it before (a key that comes
    /// twice reads as its last value, as for every other property).
    pub fn insert(&mut self, wire: String, unfit: Unfit) {
        put(
            &mut self.0.get_or_insert_with(Box::default).unfit,
            wire,
            unfit,
        );
    }

    /// Forgets what was kept for `wire`.
    pub fn remove(&mut self, wire: &str) -> Option<Unfit> {
        let kept = self.0.as_mut()?;
        let at = kept.unfit.iter().position(|(w, _)| w == wire)?;
        let (_, unfit) = kept.unfit.remove(at);
        if kept.unfit.is_empty() && kept.as_sent.is_empty() {
            self.0 = None;
        }
        Some(unfit)
    }

    /// Wire names and values, in the order they were read.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Unfit)> {
        self.0
            .iter()
            .flat_map(|kept| kept.unfit.iter())
            .map(|(w, u)| (w.as_str(), u))
    }

    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |kept| kept.unfit.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The JSON that came for the property `wire`, kept because writing the value read from
    /// it gives other text; written back while the field holds that value.
    pub fn as_sent(&self, wire: &str) -> Option<&Value> {
        let kept = self.0.as_ref()?;
        kept.as_sent.iter().find(|(w, _)| w == wire).map(|(_, v)| v)
    }

    /// Keeps the JSON `sent` for `wire` (see [`as_sent`](Self::as_sent)).
    pub fn insert_as_sent(&mut self, wire: String, sent: Value) {
        put(
            &mut self.0.get_or_insert_with(Box::default).as_sent,
            wire,
            sent,
        );
    }

    /// Whether there is nothing kept at all (no unfit value, no text as sent).
    #[inline]
    pub(crate) fn holds_nothing(&self) -> bool {
        self.0.is_none()
    }
}

/// The newtype name under which an unfit value serialises: serde_json writes the raw value
/// through it unchanged; the unfit collector recognises it.
pub(crate) const UNFIT_MARKER: &str = "$graph_docs_runtime::Unfit";

thread_local! {
    static EXPECTED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// What the unfit value being serialised on this thread was expected to be.
pub(crate) fn take_expected() -> Option<String> {
    EXPECTED.with(|e| e.borrow_mut().take())
}

/// Says what the unfit value about to be written on this thread was expected to be, for the
/// unfit walk (serde has no channel for data beside the value: set and taken on the same
/// thread, within one call).
pub(crate) fn set_expected(expected: &str) {
    EXPECTED.with(|e| *e.borrow_mut() = Some(expected.to_string()));
}

#[cfg(test)]
mod tests {
    use std::mem::{needs_drop, size_of};

    use super::*;

    #[test]
    fn a_field_is_as_small_as_an_option_of_an_option_and_as_cheap_to_drop() {
        assert_eq!(size_of::<Field<bool>>(), size_of::<Option<Option<bool>>>());
        assert_eq!(size_of::<Field<i32>>(), size_of::<Option<Option<i32>>>());
        assert_eq!(
            size_of::<Field<String>>(),
            size_of::<Option<Option<String>>>()
        );
        assert!(!needs_drop::<Field<bool>>());
        assert!(!needs_drop::<Field<chrono::DateTime<chrono::FixedOffset>>>());
        // What every struct carries for its unfit values, most often none: one pointer.
        assert_eq!(size_of::<UnfitProperties>(), size_of::<usize>());
    }

    #[test]
    fn a_wire_name_is_kept_once_with_its_last_value() {
        let unfit = |raw: Value| Unfit {
            raw,
            expected: Cow::Borrowed("Edm.Int32"),
        };
        let mut kept = UnfitProperties::default();
        kept.insert("count".into(), unfit(Value::from("a")));
        kept.insert("count".into(), unfit(Value::from("b")));
        assert_eq!(kept.len(), 1);
        assert_eq!(kept.get("count").unwrap().raw, Value::from("b"));
        assert_eq!(kept.remove("count").unwrap().raw, Value::from("b"));
        assert!(kept.is_empty());
        assert_eq!(kept, UnfitProperties::default());
    }

    #[test]
    fn text_kept_as_sent_is_not_an_unfit_value_and_takes_no_part_in_equality() {
        let mut kept = UnfitProperties::default();
        kept.insert_as_sent("t".into(), Value::from("2020-12-31T14:44:04.4Z"));
        assert!(kept.is_empty());
        assert_eq!(kept.len(), 0);
        assert_eq!(kept.get("t"), None);
        assert_eq!(
            kept.as_sent("t"),
            Some(&Value::from("2020-12-31T14:44:04.4Z"))
        );
        assert_eq!(kept, UnfitProperties::default());
        assert!(!kept.holds_nothing());
    }
}
