//! What every generated struct shares. A generated struct is its declaration (fields with
//! their docs) and one [`model!`](crate::model) line per field pairing it with its wire name;
//! the macro turns those lines into a [`ModelTable`], and the reading, writing and `Debug`
//! below are driven by it: compiled once, here, not once per type in every program.
//!
//! The table gives, per property, its wire name, where its field lies in the struct and a
//! [`Kind`]: the reading, writing and viewing of that field's type (one per type a field can
//! have, shared by every field of that type). Reading is one pass over the keys, each looked up
//! in the table; a value that does not fit its field goes to the struct's `unfit_properties`.
//! Writing is a map of the fields that are not absent (an unfit one written from
//! `unfit_properties`), then `additional_properties`.
//!
//! # Soundness
//! The core reaches fields through untyped pointers and the table. What keeps that sound:
//! - A table is made only from the struct itself, by [`model!`](crate::model): a property's
//!   offset is `offset_of!` of its field, and its [`Kind`] is that of the field's type, through
//!   [`kind_of`] and a projection to the field (a field not of a [`Property`] type does not
//!   compile, nor does an unaligned field of a packed struct); `additional_properties` and
//!   `unfit_properties` are checked to have their types the same way. [`Model`] is an unsafe
//!   trait: a table written by hand promises all that.
//! - A `Kind`'s functions cast the pointer they are given back to the field type they were made
//!   for, and the core gives them only the field at the offset the table pairs with them.
//! - A place is written whole (the struct's `Default`) before any field is read or written
//!   through it; a read that fails after that drops it once; a panic leaks it, never drops what
//!   was not made. The caller takes the value out only when the read says it was made.
//! - Pointers into a struct come from the place its caller owns and are used only while the
//!   caller holds it; an `Any*` variant's struct is found through the enum after its box moved
//!   in (see [`make_variant`](crate::make_variant)).
//! - A table has fewer than `u16::MAX` properties (checked when the table is compiled).
//!
//! The runtime's tests exercise each of these paths; they have not run under Miri here (the
//! nightly toolchain of the build machine has no `miri` component).

use std::fmt;
use std::marker::PhantomData;
use std::mem::MaybeUninit;
use std::sync::OnceLock;

use serde::de::{self, Deserializer};
use serde::Serializer;
use serde_json::Value;

use crate::erased::{self, Emit, Error, MapIn, MapOut, Source};
use crate::read::{expect, Got, Outcome, Want, Wire};
use crate::{Field, Key, Unfit, UnfitProperties};

/// The keys a generated struct keeps without documenting them.
pub type AdditionalProperties = serde_json::Map<String, serde_json::Value>;

/// A generated struct: its table.
///
/// # Safety
/// `table` describes `Self`: it is made by `ModelTable::new::<Self>`, with the offsets of
/// `Self`'s fields and the kinds of their types, as [`model!`](crate::model) makes it.
pub unsafe trait Model: Default + 'static {
    fn table() -> &'static ModelTable;
}

/// What the runtime knows of a generated struct: its properties and where the struct keeps
/// what is not a property. Written by [`model!`](crate::model); read by the core.
pub struct ModelTable {
    qualified: &'static str,
    expecting: &'static str,
    name: &'static str,
    props: &'static [Prop],
    init: unsafe fn(*mut ()),
    drop: unsafe fn(*mut ()),
    additional: usize,
    unfit: usize,
    /// The properties' indexes by the hash of their wire names, made on first use.
    by_wire: &'static WireIndex,
}

/// Where a table keeps the hash table of its wire names, made on first use: a `static` of its
/// own, beside the table. The table itself is a `const`, so that the reading code it points to
/// is compiled only in a program that reads the type, not in the crate that declares it (a
/// `static` is always compiled, and with it every function it points to).
pub struct WireIndex(OnceLock<Box<[u16]>>);

impl WireIndex {
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        WireIndex(OnceLock::new())
    }
}

/// One property of a generated struct.
pub struct Prop {
    wire: &'static str,
    field: &'static str,
    offset: usize,
    kind: &'static Kind,
}

impl Prop {
    /// The property `wire`, held by the field `field` at `offset`, of the type `kind` reads.
    pub const fn new(
        wire: &'static str,
        field: &'static str,
        offset: usize,
        kind: &'static Kind,
    ) -> Self {
        Prop {
            wire,
            field,
            offset,
            kind,
        }
    }
}

impl ModelTable {
    /// The table of `T`: its properties, the offsets of its `additional_properties` and
    /// `unfit_properties`. `extras` projects to those two fields; it is never called, only
    /// makes the compiler check that they are of the types the core reads them as.
    // Called only by `model!`, which names each argument where it writes it.
    #[allow(clippy::too_many_arguments)]
    pub const fn new<T: Default>(
        qualified: &'static str,
        expecting: &'static str,
        name: &'static str,
        props: &'static [Prop],
        additional: usize,
        unfit: usize,
        _extras: fn(&T) -> (&AdditionalProperties, &UnfitProperties),
        by_wire: &'static WireIndex,
    ) -> Self {
        assert!(props.len() < u16::MAX as usize, "too many properties");
        ModelTable {
            qualified,
            expecting,
            name,
            props,
            init: init_default::<T>,
            drop: drop_value::<T>,
            additional,
            unfit,
            by_wire,
        }
    }

    /// `microsoft.graph.x`.
    pub fn qualified(&self) -> &'static str {
        self.qualified
    }

    /// Writes the struct's default at `place`.
    ///
    /// # Safety
    /// `place` is valid for writes of the struct, and holds nothing that needs a drop.
    pub(crate) unsafe fn init(&self, place: *mut ()) {
        (self.init)(place)
    }

    /// The property of wire name `wire`: `hint` first (the one after the last one read, as
    /// properties mostly come in the order of the table), then through a hash table of the
    /// wire names, made on first use.
    #[inline]
    fn find(&self, wire: &str, hint: usize) -> Option<usize> {
        if self.props.get(hint).is_some_and(|p| p.wire == wire) {
            return Some(hint);
        }
        let slots = self.by_wire.0.get_or_init(|| self.hash_table());
        let mask = slots.len() - 1;
        let mut at = hash(wire.as_bytes()) & mask;
        loop {
            let i = usize::from(slots[at]);
            if i == usize::from(EMPTY) {
                return None;
            }
            if self.props[i].wire == wire {
                return Some(i);
            }
            at = (at + 1) & mask;
        }
    }

    /// Open addressing, at most half full: the index of each property at the hash of its
    /// wire name, or the next free slot.
    #[cold]
    fn hash_table(&self) -> Box<[u16]> {
        let mut slots = vec![EMPTY; (self.props.len() * 2).next_power_of_two().max(2)];
        let mask = slots.len() - 1;
        for (i, prop) in self.props.iter().enumerate() {
            let mut at = hash(prop.wire.as_bytes()) & mask;
            while slots[at] != EMPTY {
                at = (at + 1) & mask;
            }
            slots[at] = i as u16;
        }
        slots.into_boxed_slice()
    }
}

/// A free slot of a table's hash table.
const EMPTY: u16 = u16::MAX;

/// A fast hash of a short key: its length and its first and last eight bytes (four, or the
/// first, middle and last byte, for a shorter key; wire names are a few dozen bytes, and differ
/// in their length, start or end; the rare others only probe further). The table is private,
/// so no resistance to chosen keys is needed.
#[inline]
fn hash(bytes: &[u8]) -> usize {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let n = bytes.len();
    let (first, last) = if n >= 8 {
        let word =
            |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
        (word(0), word(n - 8))
    } else if n >= 4 {
        // Two overlapping halves: no copy into a padded word, which cost a call to `memcpy`
        // and a stalled load for every short key ("id", "name", "body").
        let half = |at: usize| {
            u64::from(u32::from_le_bytes(
                bytes[at..at + 4].try_into().expect("four bytes"),
            ))
        };
        (half(0) | half(n - 4) << 32, 0)
    } else if n > 0 {
        let byte = |at: usize| u64::from(bytes[at]);
        (byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16, 0)
    } else {
        (0, 0)
    };
    let h = (first ^ (n as u64).rotate_left(56)).wrapping_mul(K) ^ last.rotate_left(29);
    let h = h.wrapping_mul(K);
    (h ^ (h >> 29)) as usize
}

/// # Safety
/// `place` is valid for writes of a `T`.
unsafe fn init_default<T: Default>(place: *mut ()) {
    place.cast::<T>().write(T::default());
}

/// # Safety
/// `place` holds a `T`, which is not used again.
unsafe fn drop_value<T>(place: *mut ()) {
    std::ptr::drop_in_place(place.cast::<T>());
}

/// How the core reads, writes and shows one type of field (`Field<String>`,
/// `Field<Vec<Recipient>>`, ...): written once per type, shared by every field of that type.
pub struct Kind {
    read: for<'a, 'de> unsafe fn(*mut (), Source<'a, 'de>) -> Result<Option<Kept>, Error>,
    write:
        unsafe fn(*const (), &'static str, &UnfitProperties, &mut dyn MapOut) -> Result<(), Error>,
    view: for<'a> unsafe fn(*const (), PhantomData<&'a ()>) -> View<'a>,
}

/// A field as `Debug` shows it.
enum View<'a> {
    Absent,
    Null,
    Value(&'a dyn fmt::Debug),
    Unfit,
}

/// A type a generated struct's field can have: a [`Field`] of a [`Wire`] type.
pub trait Property {
    const KIND: &'static Kind;
}

impl<T: Wire + PartialEq + fmt::Debug + 'static> Property for Field<T> {
    const KIND: &'static Kind = &Kind {
        read: read_field::<T>,
        write: write_field::<T>,
        view: view_field::<T>,
    };
}

/// The [`Kind`] of the field `field` projects to: `kind_of(|s: &User| &s.id)`. The projection
/// only names the field's type; it is never called.
pub const fn kind_of<T, F: Property>(_field: fn(&T) -> &F) -> &'static Kind {
    F::KIND
}

/// What [`read_field`] read that the struct keeps beside its fields.
#[derive(Debug)]
pub enum Kept {
    /// A value that does not fit (the field is then [`Field::Unfit`]).
    Unfit(Unfit),
    /// A value that fits, with the JSON as sent: writing the value would give other text.
    AsSent(Value),
}

/// Reads one property's value into its field: `Some` with what the struct keeps beside the
/// field (a value that does not fit, or the text of one that does).
///
/// # Safety
/// `slot` holds a `Field<T>`.
unsafe fn read_field<T: Wire>(
    slot: *mut (),
    source: Source<'_, '_>,
) -> Result<Option<Kept>, Error> {
    let field = &mut *slot.cast::<Field<T>>();
    Ok(match T::read_wire(source)? {
        Got::Null | Got::Nothing => {
            *field = Field::Null;
            None
        }
        Got::Value(value, sent) => {
            *field = Field::Value(value);
            sent.map(Kept::AsSent)
        }
        Got::Raw(raw) => {
            *field = Field::Unfit;
            Some(Kept::Unfit(unfit::<T>(raw)))
        }
    })
}

/// Out of the reading path: a value that does not fit is rare.
#[cold]
fn unfit<T: Wire>(raw: Value) -> Unfit {
    Unfit {
        raw,
        expected: T::expected(),
    }
}

/// Writes one property, unless it is absent: a value as it was sent while it is the value
/// read from that text (see [`UnfitProperties::as_sent`]).
///
/// # Safety
/// `slot` holds a `Field<T>`.
unsafe fn write_field<T: Wire + PartialEq>(
    slot: *const (),
    wire: &'static str,
    unfit_properties: &UnfitProperties,
    map: &mut dyn MapOut,
) -> Result<(), Error> {
    match &*slot.cast::<Field<T>>() {
        Field::Absent => Ok(()),
        Field::Value(value)
            if unfit_properties.holds_nothing()
                || !unfit_properties
                    .as_sent(wire)
                    .is_some_and(|sent| still_as_sent(sent, value)) =>
        {
            map.entry(wire, &mut |out| value.write_wire(out))
        }
        // What does not depend on the field's type is written out of line, once.
        Field::Value(_) => write_as_sent(wire, unfit_properties, map),
        Field::Null => write_null(wire, map),
        Field::Unfit => write_unfit(wire, unfit_properties, map),
    }
}

/// A value written as it was sent: the text kept for `wire`.
fn write_as_sent(
    wire: &'static str,
    unfit_properties: &UnfitProperties,
    map: &mut dyn MapOut,
) -> Result<(), Error> {
    match unfit_properties.as_sent(wire) {
        Some(sent) => map.entry(wire, &mut |out| out.json(sent)),
        None => Ok(()),
    }
}

fn write_null(wire: &'static str, map: &mut dyn MapOut) -> Result<(), Error> {
    map.entry(wire, &mut |out| out.null())
}

/// An unfit value, from `unfit_properties`; nothing when it holds none for `wire` (a
/// `Field::Unfit` set by hand).
fn write_unfit(
    wire: &'static str,
    unfit_properties: &UnfitProperties,
    map: &mut dyn MapOut,
) -> Result<(), Error> {
    match unfit_properties.get(wire) {
        Some(unfit) => map.entry(wire, &mut |out| out.unfit(unfit)),
        None => Ok(()),
    }
}

/// Whether `sent`, the JSON a field was read from, still reads as `value`: then it is written
/// rather than `value`, giving the text back as it came.
#[cold]
fn still_as_sent<T: Wire + PartialEq>(sent: &Value, value: &T) -> bool {
    matches!(T::read_wire(&mut |visit| erased::walk(sent, visit)), Ok(Got::Value(read, _)) if read == *value)
}

/// # Safety
/// `slot` holds a `Field<T>`.
/// `slot` holds a `Field<T>` that lives for `'a`.
unsafe fn view_field<'a, T: fmt::Debug + 'static>(
    slot: *const (),
    _: PhantomData<&'a ()>,
) -> View<'a> {
    match &*slot.cast::<Field<T>>() {
        Field::Absent => View::Absent,
        Field::Null => View::Null,
        Field::Value(value) => View::Value(value),
        Field::Unfit => View::Unfit,
    }
}

/// Reads a struct of `table` into `place` from `source`: an object is read property by
/// property (then `place` holds the struct: [`Outcome::Taken`]); anything else is kept raw
/// and `place` left as it was.
///
/// # Safety
/// `place` is valid for writes of the struct of `table`, and holds nothing that needs a drop.
pub(crate) unsafe fn read_model_in(
    table: &'static ModelTable,
    place: *mut (),
    source: Source<'_, '_>,
) -> Result<Outcome, Error> {
    let mut made = false;
    let read = expect(
        source,
        Want::Map(&mut |map| {
            (table.init)(place);
            made = true;
            read_properties(table, place, map)
        }),
    );
    if read.is_err() && made {
        (table.drop)(place);
    }
    read
}

/// Reads the rest of an object's entries into the struct of `table` at `place`.
///
/// # Safety
/// `place` holds a struct of `table`.
pub(crate) unsafe fn read_properties(
    table: &'static ModelTable,
    place: *mut (),
    map: &mut dyn MapIn<'_>,
) -> Result<(), Error> {
    let mut hint = 0;
    while let Some(key) = map.next_key()? {
        hint = read_property(table, place, key, map, hint)?;
    }
    Ok(())
}

/// Reads the value of `key` from `map` into the property it names, or into
/// `additional_properties` when it names none; the index to look at first for the next key.
///
/// # Safety
/// `place` holds a struct of `table`.
pub(crate) unsafe fn read_property<'de>(
    table: &'static ModelTable,
    place: *mut (),
    key: Key<'de>,
    map: &mut dyn MapIn<'de>,
    hint: usize,
) -> Result<usize, Error> {
    let base = place.cast::<u8>();
    match table.find(key.as_str(), hint) {
        Some(at) => {
            let prop = &table.props[at];
            let kept = (prop.kind.read)(base.add(prop.offset).cast(), &mut |visit| {
                map.next_value(visit)
            })?;
            if let Some(kept) = kept {
                let unfit_properties = &mut *base.add(table.unfit).cast::<UnfitProperties>();
                keep(unfit_properties, key, kept);
            }
            Ok(at + 1)
        }
        None => {
            let value = erased::read_json(&mut |visit| map.next_value(visit))?;
            additional_at(table, place).insert(key.into_owned(), value);
            Ok(hint)
        }
    }
}

/// The `additional_properties` of the struct of `table` at `place`.
///
/// # Safety
/// `place` holds a struct of `table`, not otherwise borrowed.
pub(crate) unsafe fn additional_at<'a>(
    table: &ModelTable,
    place: *mut (),
) -> &'a mut AdditionalProperties {
    &mut *place
        .cast::<u8>()
        .add(table.additional)
        .cast::<AdditionalProperties>()
}

/// Keeps what [`read_field`] gave back for the property `key`: a value that did not fit, or
/// the text of one that did.
fn keep(unfit_properties: &mut UnfitProperties, key: Key<'_>, kept: Kept) {
    match kept {
        Kept::Unfit(unfit) => unfit_properties.insert(key.into_owned(), unfit),
        Kept::AsSent(sent) => unfit_properties.insert_as_sent(key.into_owned(), sent),
    }
}

/// Writes the struct of `table` at `place`.
///
/// # Safety
/// `place` holds a struct of `table`.
pub(crate) unsafe fn write_model_at(
    table: &ModelTable,
    place: *const (),
    out: &mut dyn Emit,
) -> Result<(), Error> {
    let base = place.cast::<u8>();
    let unfit_properties = &*base.add(table.unfit).cast::<UnfitProperties>();
    let additional = &*base.add(table.additional).cast::<AdditionalProperties>();
    out.map(&mut |map| {
        for prop in table.props {
            (prop.kind.write)(
                base.add(prop.offset).cast(),
                prop.wire,
                unfit_properties,
                map,
            )?;
        }
        for (key, value) in additional {
            map.entry(key, &mut |out| out.json(value))?;
        }
        Ok(())
    })
}

/// `Wire::read_wire` of a generated struct.
pub fn read_model<T: Model>(source: Source<'_, '_>) -> Result<Got<T>, Error> {
    let mut slot = MaybeUninit::<T>::uninit();
    // SAFETY: the slot is a `T`'s, and holds one when the outcome is `Taken`.
    Ok(
        match unsafe { read_model_in(T::table(), slot.as_mut_ptr().cast(), source)? } {
            Outcome::Taken => Got::Value(unsafe { slot.assume_init() }, None),
            Outcome::Nothing => Got::Nothing,
            Outcome::Null => Got::Null,
            Outcome::Raw(raw) => Got::Raw(raw),
        },
    )
}

/// `Wire::write_wire` of a generated struct.
pub fn write_model<T: Model>(value: &T, out: &mut dyn Emit) -> Result<(), Error> {
    // SAFETY: `value` is a struct of its own table.
    unsafe { write_model_at(T::table(), (value as *const T).cast(), out) }
}

/// `Deserialize::deserialize` of a generated struct: an object, read tolerantly.
#[inline]
pub fn deserialize_model<'de, T: Model, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let mut slot = MaybeUninit::<T>::uninit();
    // SAFETY: as in `read_model`.
    unsafe {
        read_from(deserializer, T::table(), slot.as_mut_ptr().cast())?;
        Ok(slot.assume_init())
    }
}

/// Reads the struct of `table` into `place` from `deserializer`, which must hold an object.
/// Generic over the deserializer alone: once per input a program reads from.
///
/// # Safety
/// As [`read_model_in`]; `place` holds the struct when this returns `Ok`.
unsafe fn read_from<'de, D: Deserializer<'de>>(
    deserializer: D,
    table: &'static ModelTable,
    place: *mut (),
) -> Result<(), D::Error> {
    match read_one(deserializer, |source| read_model_in(table, place, source))? {
        Outcome::Taken => Ok(()),
        Outcome::Raw(raw) => Err(de::Error::invalid_type(
            unexpected(&raw),
            &Expecting(table.expecting),
        )),
        Outcome::Null | Outcome::Nothing => Err(de::Error::invalid_type(
            de::Unexpected::Unit,
            &Expecting(table.expecting),
        )),
    }
}

/// Reads one value from `deserializer` through `read`, which is handed it as a [`Source`]:
/// the deserializer's own error (a syntax error, with its line and column) comes back as it
/// was, the core's as a message. Generic over the deserializer and `R` alone.
pub(crate) fn read_one<'de, D: Deserializer<'de>, R>(
    deserializer: D,
    read: impl FnOnce(Source<'_, 'de>) -> Result<R, Error>,
) -> Result<R, D::Error> {
    let mut held = None;
    let mut deserializer = Some(deserializer);
    let read = read(&mut |visit| match deserializer.take() {
        Some(d) => erased::drive(d, visit).map_err(|e| {
            held = Some(e);
            Error::custom("")
        }),
        None => Err(Error::custom("one value read twice")),
    });
    match (read, held) {
        (_, Some(e)) => Err(e),
        (Err(e), None) => Err(de::Error::custom(e)),
        (Ok(read), None) => Ok(read),
    }
}

struct Expecting(&'static str);

impl de::Expected for Expecting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

fn unexpected(raw: &Value) -> de::Unexpected<'_> {
    match raw {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => de::Unexpected::Unsigned(u),
            (_, Some(i)) => de::Unexpected::Signed(i),
            _ => de::Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

/// `Serialize::serialize` of a generated struct.
#[inline]
pub fn serialize_model<T: Model, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serialize_at(serializer, T::table(), (value as *const T).cast())
}

/// Generic over the serializer alone: once per output a program writes to.
fn serialize_at<S: Serializer>(
    serializer: S,
    table: &'static ModelTable,
    place: *const (),
) -> Result<S::Ok, S::Error> {
    // SAFETY: `place` holds a struct of `table` (see `serialize_model`).
    erased::emit(serializer, &mut |out| unsafe {
        write_model_at(table, place, out)
    })
}

/// `Debug` of a generated struct: only what is there. A struct of a type with a hundred
/// properties, eleven of them in the payload, prints those eleven and `..` (a derived `Debug`
/// printed every `Absent` field). A value prints as itself, an explicit null as `Null`, a
/// value that did not fit as `Unfit(` its JSON `)`; then the undocumented keys, when there
/// are any.
pub fn debug_model<T: Model>(value: &T, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    // SAFETY: `value` is a struct of its own table.
    unsafe { debug_at(T::table(), (value as *const T).cast(), f) }
}

/// # Safety
/// `place` holds a struct of `table`.
unsafe fn debug_at(
    table: &ModelTable,
    place: *const (),
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let base = place.cast::<u8>();
    let unfit_properties = &*base.add(table.unfit).cast::<UnfitProperties>();
    let additional = &*base.add(table.additional).cast::<AdditionalProperties>();
    let mut out = f.debug_struct(table.name);
    let mut absent = false;
    for prop in table.props {
        // `r#type` prints as `type`, as a derived `Debug` prints it.
        let name = prop.field.strip_prefix("r#").unwrap_or(prop.field);
        match (prop.kind.view)(base.add(prop.offset).cast(), PhantomData) {
            View::Absent => absent = true,
            View::Null => {
                out.field(name, &format_args!("Null"));
            }
            View::Value(value) => {
                out.field(name, value);
            }
            View::Unfit => match unfit_properties.get(prop.wire) {
                Some(unfit) => {
                    out.field(name, &format_args!("Unfit({})", unfit.raw));
                }
                None => {
                    out.field(name, &format_args!("Unfit"));
                }
            },
        }
    }
    if !additional.is_empty() {
        out.field("additional_properties", additional);
    }
    if absent {
        out.finish_non_exhaustive()
    } else {
        out.finish()
    }
}

/// `Deserialize`, `Serialize`, `Debug` and [`Wire`] (so [`crate::Read`]) for a generated
/// struct, from the pairs of field and wire name; the struct has an `additional_properties`
/// field for the other keys and an `unfit_properties` field for the values that did not fit.
/// The struct derives neither `Debug` (written here: only the properties that are there) nor
/// serde's traits. What the macro writes is a table ([`ModelTable`]) and one-line impls that
/// hand it to the runtime.
///
/// ```
/// use graph_docs_runtime::{AdditionalProperties, Field, UnfitProperties};
///
/// #[derive(Clone, PartialEq, Default)]
/// pub struct ResultInfo {
///     pub code: Field<i32>,
///     pub sub_code: Field<i32>,
///     pub additional_properties: AdditionalProperties,
///     pub unfit_properties: UnfitProperties,
/// }
///
/// graph_docs_runtime::model!(ResultInfo = "microsoft.graph.resultInfo" {
///     code: "code",
///     sub_code: "subCode",
/// });
///
/// let info: ResultInfo = serde_json::from_str(r#"{"subCode": 7, "code": "E1", "x": 1}"#).unwrap();
/// assert_eq!(info.sub_code, Field::Value(7));
/// assert_eq!(info.code, Field::Unfit);
/// assert_eq!(info.unfit_properties.get("code").unwrap().raw, "E1");
/// assert_eq!(serde_json::to_string(&info).unwrap(), r#"{"code":"E1","subCode":7,"x":1}"#);
/// ```
#[macro_export]
macro_rules! model {
    ($t:ident = $qualified:literal {
        $( $(#[$attr:meta])* $field:ident: $wire:literal, )*
    }) => {
        // SAFETY: the table is made from the fields themselves (offsets and kinds).
        unsafe impl $crate::Model for $t {
            // Inline, and the table a `const`: the code the table points to is compiled in
            // the program that reads the type, not here (see `WireIndex`).
            #[inline]
            fn table() -> &'static $crate::ModelTable {
                static BY_WIRE: $crate::WireIndex = $crate::WireIndex::new();
                const TABLE: &$crate::ModelTable = &$crate::ModelTable::new::<$t>(
                    $qualified,
                    ::std::concat!("a ", $qualified, " object"),
                    ::std::stringify!($t),
                    &[$(
                        $(#[$attr])*
                        $crate::Prop::new(
                            $wire,
                            ::std::stringify!($field),
                            ::std::mem::offset_of!($t, $field),
                            $crate::kind_of(|s: &$t| &s.$field),
                        ),
                    )*],
                    ::std::mem::offset_of!($t, additional_properties),
                    ::std::mem::offset_of!($t, unfit_properties),
                    |s: &$t| (&s.additional_properties, &s.unfit_properties),
                    &BY_WIRE,
                );
                TABLE
            }
        }

        impl $crate::Wire for $t {
            #[inline]
            fn read_wire(
                source: $crate::erased::Source<'_, '_>,
            ) -> ::std::result::Result<$crate::Got<Self>, $crate::erased::Error> {
                $crate::read_model(source)
            }

            #[inline]
            fn write_wire(
                &self,
                out: &mut dyn $crate::erased::Emit,
            ) -> ::std::result::Result<(), $crate::erased::Error> {
                $crate::write_model(self, out)
            }

            #[inline]
            fn expected() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed($qualified)
            }
        }

        impl $crate::__serde::Serialize for $t {
            fn serialize<S: $crate::__serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                $crate::serialize_model(self, serializer)
            }
        }

        impl<'de> $crate::__serde::Deserialize<'de> for $t {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::deserialize_model(deserializer)
            }
        }

        impl ::std::fmt::Debug for $t {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::debug_model(self, f)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::Field;

    #[derive(Clone, PartialEq, Default)]
    struct Sample {
        id: Field<String>,
        r#type: Field<i32>,
        additional_properties: crate::AdditionalProperties,
        unfit_properties: crate::UnfitProperties,
    }

    crate::model!(Sample = "test.sample" {
        id: "id",
        r#type: "type",
    });

    #[derive(Clone, PartialEq, Default)]
    struct Empty {
        additional_properties: crate::AdditionalProperties,
        unfit_properties: crate::UnfitProperties,
    }

    crate::model!(Empty = "test.empty" {});

    #[test]
    fn fields_read_by_wire_name_and_the_rest_is_kept() {
        let s: Sample = serde_json::from_value(json!({"type": 3, "id": null, "x": [1]})).unwrap();
        assert_eq!(s.r#type, Field::Value(3));
        assert_eq!(s.id, Field::Null);
        assert_eq!(s.additional_properties["x"], json!([1]));
    }

    #[test]
    fn absent_fields_are_not_written_and_nulls_are() {
        let s = Sample {
            id: Field::Null,
            ..Sample::default()
        };
        assert_eq!(serde_json::to_value(&s).unwrap(), json!({"id": null}));
    }

    #[test]
    fn a_type_without_properties_keeps_every_key() {
        let e: Empty = serde_json::from_value(json!({"a": 1})).unwrap();
        assert_eq!(serde_json::to_value(&e).unwrap(), json!({"a": 1}));
    }

    #[test]
    fn an_unfit_value_is_kept_beside_the_fields_and_written_in_place() {
        let body = json!({"type": "three", "id": "a"});
        let s: Sample = serde_json::from_value(body.clone()).unwrap();
        assert_eq!(s.r#type, Field::Unfit);
        assert_eq!(s.unfit_properties.get("type").unwrap().raw, json!("three"));
        assert_eq!(serde_json::to_value(&s).unwrap(), body);
    }

    #[test]
    fn a_field_set_after_an_unfit_read_writes_its_new_value() {
        let mut s: Sample = serde_json::from_value(json!({"type": "three"})).unwrap();
        s.r#type.set(3);
        assert_eq!(serde_json::to_value(&s).unwrap(), json!({"type": 3}));
    }

    #[test]
    fn a_key_that_comes_twice_reads_as_its_last_value() {
        let s: Sample = serde_json::from_str(r#"{"type": "x", "type": 4}"#).unwrap();
        assert_eq!(s.r#type, Field::Value(4));
        assert_eq!(serde_json::to_value(&s).unwrap(), json!({"type": 4}));
    }

    #[test]
    fn a_broken_body_fails_and_drops_what_was_read() {
        for text in [
            r#"{"id": "a", "type": "#,
            r#"{"id": "a", "x": {"y": [1, 2"#,
            r#"{"type": "three", "id": "a" "#,
        ] {
            assert!(serde_json::from_str::<Sample>(text).is_err(), "{text}");
        }
    }

    #[test]
    fn errors_name_the_type() {
        let err = serde_json::from_value::<Sample>(json!(1)).unwrap_err();
        assert!(err.to_string().contains("a test.sample object"), "{err}");
    }
}
