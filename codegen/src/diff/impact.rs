//! What a change does to code using the generated crate (Rust) and to payloads read with it
//! (wire).
//!
//! Rust: generated structs and enums are `#[non_exhaustive]` (README, "How generated types
//! evolve"), so additions (a field, a variant, a type) keep code compiling; removals,
//! renames and retypes do not, unless the generated name or type stays the same (a case
//! change that gives the same identifier, `Double` for `Decimal`, both `f64`).
//!
//! Wire: a payload is read tolerantly; what changes is where a value lands. Breaking: a value
//! that read into a typed field no longer does (unfit, or in `additional_properties`).
//! Compatible: it reads with nothing lost, elsewhere (a new field, a variant instead of
//! `Undocumented`, a wider type).

use super::change::{ChangeKind, Impact};
use super::Sides;
use crate::emit::RustField;
use crate::schema::{Primitive, Property, Schema, TypeKind, TypeRef};

/// The Rust and wire impact of a property change as one type pair sees it.
pub fn property(
    s: &Sides<'_>,
    kind: ChangeKind,
    old: Option<(usize, &Property)>,
    new: Option<(usize, &Property)>,
    old_field: Option<&RustField>,
    new_field: Option<&RustField>,
) -> (Impact, Impact) {
    let field = |f: Option<&RustField>| {
        f.map_or_else(|| "?".to_string(), |f| format!("`{}: {}`", f.name, f.ty))
    };
    let same_rust = |why: &str| match (old_field, new_field) {
        (Some(a), Some(b)) if a == b => Some(Impact::none(format!(
            "{why}; the field stays {}",
            field(Some(a))
        ))),
        _ => None,
    };
    match kind {
        ChangeKind::PropertyAdded => (
            Impact::compatible(format!("new field {}", field(new_field))),
            Impact::compatible(format!(
                "a value under {:?}, kept in additional_properties before, reads into the field",
                wire_name(new)
            )),
        ),
        ChangeKind::PropertyRemoved => (
            Impact::breaking(format!("field {} removed", field(old_field))),
            Impact::breaking(format!(
                "a value under {:?} lands in additional_properties, untyped",
                wire_name(old)
            )),
        ),
        ChangeKind::PropertyRenamed => (
            same_rust("renamed on the wire only").unwrap_or_else(|| {
                Impact::breaking(format!(
                    "field {} is now {}",
                    field(old_field),
                    field(new_field)
                ))
            }),
            Impact::breaking(format!(
                "a value under {:?} lands in additional_properties; {:?} reads into the field",
                wire_name(old),
                wire_name(new)
            )),
        ),
        ChangeKind::PropertyRetyped => {
            let rust = same_rust("the same Rust type").unwrap_or_else(|| {
                Impact::breaking(format!(
                    "field {} is now {}",
                    field(old_field),
                    field(new_field)
                ))
            });
            let wire = match (old, new) {
                (Some((_, p)), Some((_, q))) => retype(s.old, &p.ty, s.new, &q.ty, s),
                _ => Impact::none(""),
            };
            (rust, wire)
        }
        ChangeKind::PropertyMadeCollection | ChangeKind::PropertyMadeSingle => {
            let (was, is) = if kind == ChangeKind::PropertyMadeCollection {
                ("a single value", "an array")
            } else {
                ("an array", "a single value")
            };
            (
                same_rust("").unwrap_or_else(|| {
                    Impact::breaking(format!(
                        "field {} is now {}",
                        field(old_field),
                        field(new_field)
                    ))
                }),
                Impact::breaking(format!(
                    "{was} no longer fits (kept raw, unfit); {is} reads into the field"
                )),
            )
        }
        _ => unreachable!("not a property change: {kind:?}"),
    }
}

fn wire_name(p: Option<(usize, &Property)>) -> &str {
    p.map_or("", |(_, p)| p.name.as_str())
}

/// Whether the values a payload held for a property of type `a` (old model) read the same as
/// type `b` (new model).
pub fn retype(old: &Schema, a: &TypeRef, new: &Schema, b: &TypeRef, s: &Sides<'_>) -> Impact {
    use Primitive::*;
    let kind_old = |t: &TypeRef| t.named().map(|id| old.get(id).kind);
    let kind_new = |t: &TypeRef| t.named().map(|id| new.get(id).kind);
    let textual = |p: Primitive| {
        matches!(
            p,
            String | Guid | DateTimeOffset | Date | TimeOfDay | Duration | Binary
        )
    };
    let rank = |p: Primitive| match p {
        Byte | SByte => Some(1),
        Int16 => Some(2),
        Int32 => Some(3),
        Int64 => Some(4),
        Single => Some(5),
        Double | Decimal => Some(6),
        _ => None,
    };
    let compatible = |why: std::string::String| Impact::compatible(why);
    let breaking = |why: std::string::String| Impact::breaking(why);
    match (a, b) {
        (_, TypeRef::Primitive(Untyped)) => compatible(format!("{a} values read as raw JSON")),
        (TypeRef::Primitive(Untyped), _) => breaking(format!(
            "any JSON read before; a value that is no {b} is now unfit"
        )),
        (TypeRef::Primitive(p), TypeRef::Primitive(q)) => match (rank(*p), rank(*q)) {
            (Some(x), Some(y)) if x <= y => compatible(format!("every {a} value fits {b}")),
            (Some(_), Some(_)) => breaking(format!("a {a} value may not fit {b} (unfit)")),
            _ if textual(*p) && *q == String => compatible(format!("{a} values read as text")),
            _ => breaking(format!("a {a} value does not fit {b} (unfit)")),
        },
        (TypeRef::Primitive(String), TypeRef::Named(_)) if kind_new(b) == Some(TypeKind::Enum) => {
            compatible(format!(
                "strings read as {b}'s variants, or as Undocumented when it does not list them"
            ))
        }
        (TypeRef::Named(_), TypeRef::Primitive(String)) if kind_old(a) == Some(TypeKind::Enum) => {
            compatible(format!("{a} values read as text"))
        }
        (TypeRef::Named(_), TypeRef::Named(_))
            if kind_old(a) == Some(TypeKind::Enum) && kind_new(b) == Some(TypeKind::Enum) =>
        {
            compatible(format!(
                "{a} values read as {b}'s variants, or as Undocumented when it does not list them"
            ))
        }
        (TypeRef::Named(x), TypeRef::Named(y))
            if kind_new(b) != Some(TypeKind::Enum) && kind_old(a) != Some(TypeKind::Enum) =>
        {
            // A base type of the old one (or of what continues it) reads its objects, the
            // properties the base does not have going to additional_properties.
            let continued = s.m.old_to_new[x.index()];
            let is_base = continued.is_some_and(|c| {
                new.bases(new.id(c))
                    .iter()
                    .any(|base| base.index() == y.index())
            });
            if is_base {
                compatible(format!(
                    "{a} objects read as its base {b}; what {b} does not declare lands in additional_properties"
                ))
            } else {
                breaking(format!(
                    "{a} objects read as {b}: properties {b} does not declare land in additional_properties, others may not fit"
                ))
            }
        }
        _ => breaking(format!("a {a} value does not fit {b} (unfit)")),
    }
}

/// Why a property whose type cell and description read the same on both sides changed type:
/// what it names resolved differently.
pub fn retype_note(
    s: &Sides<'_>,
    old: Option<(usize, &Property)>,
    new: Option<(usize, &Property)>,
) -> Option<String> {
    let ((_, p), (_, q)) = (old?, new?);
    if p.written != q.written || p.description != q.description {
        return None;
    }
    let side = |schema: &Schema, prop: &Property| match (&prop.ty, &prop.unresolved) {
        (_, Some(written)) => format!("{written:?} named no documented type"),
        (TypeRef::Named(id), None) => {
            let t = schema.get(id);
            format!("it named {} ({})", t.qualified_name(), t.source)
        }
        (TypeRef::Primitive(p), None) => format!("it read as {}", p.csdl_name()),
    };
    Some(format!(
        "the type cell reads the same; before, {}; now, {}",
        side(s.old, p),
        side(s.new, q)
    ))
}
