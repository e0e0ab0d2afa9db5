//! What code using the generated crate sees of each type: its path, the `Any*` enum its
//! properties read through, its fields with their Rust types, its variants. The change report
//! compares two of these to say whether code that compiled still does.

use std::collections::HashMap;

use super::ident::{self, Scope};
use super::names::Names;
use super::{enums, polymorphic, structs};
use crate::schema::{Primitive, Schema, TypeKind, TypeRef};

/// The Rust surface of every type of a schema, by position.
#[derive(Debug, Clone, Default)]
pub struct Surface {
    pub types: Vec<RustItem>,
}

/// One type as Rust code names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RustItem {
    /// From the crate root: `beta::call_records::Session`.
    pub path: String,
    /// `beta::AnyConversationMember` when properties of this type hold the enum over it and
    /// its derived types.
    pub any: Option<String>,
    /// By wire name: each property's field (own and inherited).
    pub fields: HashMap<String, RustField>,
    /// By wire name: each member's variant.
    pub variants: HashMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RustField {
    /// `target_resource_id`.
    pub name: String,
    /// `Field<Vec<beta::ResultInfo>>`: paths from the crate root, the runtime's and std's
    /// types by their last segment.
    pub ty: String,
}

impl super::Emitter<'_> {
    /// The surface of every type, as [`Emitter::emit`](super::Emitter::emit) writes them.
    pub fn surface(&self) -> Surface {
        let schema = self.schema;
        let types = (0..schema.types.len())
            .map(|i| {
                let t = &schema.types[i];
                let path = rust_path(&self.names, i);
                let any = self.polymorphic.contains(&i).then(|| {
                    let (module, name) = &self.names.items[i];
                    let mut parts = module.clone();
                    parts.push(polymorphic::any_name(name));
                    parts.join("::")
                });
                let fields = match t.kind {
                    TypeKind::Enum => HashMap::new(),
                    TypeKind::Entity | TypeKind::Complex => structs::fields(schema, i)
                        .into_iter()
                        .map(|(name, p)| {
                            let ty = self.field_text(i, &p.ty, p.collection);
                            (p.name.clone(), RustField { name, ty })
                        })
                        .collect(),
                };
                let mut scope = Scope::with_reserved(&[enums::UNDOCUMENTED]);
                let variants = t
                    .members
                    .iter()
                    .map(|m| {
                        let v = scope.claim(ident::upper_camel(&m.name, "V"));
                        (m.name.clone(), v)
                    })
                    .collect();
                RustItem {
                    path,
                    any,
                    fields,
                    variants,
                }
            })
            .collect();
        Surface { types }
    }

    /// The type of a field of the struct of `from`, as [`RustField::ty`] spells it.
    fn field_text(&self, from: usize, ty: &TypeRef, collection: bool) -> String {
        let (element, boxed) = match ty {
            TypeRef::Primitive(p) => (primitive_text(*p).to_string(), false),
            TypeRef::Named(id) => {
                let to = id.index();
                let (module, name) = &self.names.items[to];
                let polymorphic = self.polymorphic.contains(&to);
                let name = if polymorphic {
                    polymorphic::any_name(name)
                } else {
                    name.clone()
                };
                let boxed = self.boxed.contains(&(from, to)) && !polymorphic;
                (format!("{}::{name}", module.join("::")), boxed)
            }
        };
        let inner = if collection {
            format!("Vec<{element}>")
        } else if boxed {
            format!("Box<{element}>")
        } else {
            element
        };
        format!("Field<{inner}>")
    }
}

fn rust_path(names: &Names, index: usize) -> String {
    let (module, name) = &names.items[index];
    format!("{}::{name}", module.join("::"))
}

/// The Rust type of a primitive by its last segment, as [`super::rust_types::primitive`]
/// writes it in full.
fn primitive_text(p: Primitive) -> &'static str {
    match p {
        Primitive::String => "String",
        Primitive::Boolean => "bool",
        Primitive::Byte => "u8",
        Primitive::SByte => "i8",
        Primitive::Int16 => "i16",
        Primitive::Int32 => "i32",
        Primitive::Int64 => "i64",
        Primitive::Single => "f32",
        Primitive::Double | Primitive::Decimal => "f64",
        Primitive::DateTimeOffset => "DateTime<FixedOffset>",
        Primitive::Date => "NaiveDate",
        Primitive::TimeOfDay => "NaiveTime",
        Primitive::Duration => "Duration",
        Primitive::Guid => "Uuid",
        Primitive::Binary => "Binary",
        Primitive::Stream | Primitive::Untyped => "Value",
    }
}

impl Surface {
    /// The surface of `schema` as the emitter would write it.
    pub fn of(schema: &Schema) -> Surface {
        super::Emitter::new(schema).surface()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primitives_name_what_rust_types_writes() {
        let runtime = super::super::runtime_crate();
        for p in Primitive::ALL {
            let full = super::super::rust_types::primitive(p, &runtime)
                .to_string()
                .replace(' ', "");
            let short = primitive_text(p);
            let last = short.split('<').next().unwrap_or(short);
            assert!(
                full.contains(last),
                "{p:?}: {short} is not what the emitter writes ({full})"
            );
        }
    }
}
