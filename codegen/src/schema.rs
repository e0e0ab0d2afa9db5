//! The schema model: every type of the doc set, resolved, as plain data.
//!
//! It knows nothing of markdown or of Rust; `inspect --json` prints it as it is.

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Location};

/// All types of a doc set and every diagnostic found on the way.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Schema {
    pub types: Vec<TypeDef>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TypeKind {
    /// Has a key, or derives from a type that has one.
    Entity,
    Complex,
    Enum,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeDef {
    /// The name as the docs spell it: `teamsAsyncOperation`.
    pub name: String,
    /// `microsoft.graph`, `microsoft.graph.callRecords`, ...
    pub namespace: String,
    /// `beta` or `v1.0`.
    pub version: String,
    pub kind: TypeKind,
    /// Qualified name of the base type.
    pub base_type: Option<String>,
    /// Where the page names the base type, as written: the evidence behind `base_type`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_written: Option<Written>,
    #[serde(rename = "abstract")]
    pub is_abstract: bool,
    pub open_type: bool,
    pub media_entity: bool,
    /// The key property, for entities that name one.
    pub key: Option<String>,
    /// Where the page lists reading, updating or deleting the type itself (its Methods table):
    /// only entities can be addressed so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addressed: Option<Written>,
    /// Where the type is defined: the resource annotation, or the title of the page. For a
    /// type several pages document, the page that speaks for it (named after it).
    pub source: Location,
    /// Where other pages define their part of the same type (Intune documents
    /// `deviceManagement` on sixteen pages): the type is the union of all parts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_parts: Vec<Location>,
    pub description: Option<String>,
    /// Front matter `ms.prod` / `ms.subservice`: the product area the page belongs to.
    pub area: Option<String>,
    /// Own properties, in documentation order (inherited ones live on the base type).
    pub properties: Vec<Property>,
    /// Enum members, in documentation order.
    pub members: Vec<Member>,
    /// For an enum written inline in property descriptions: the properties that use it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inline_for: Vec<String>,
}

impl TypeDef {
    pub fn qualified_name(&self) -> String {
        format!("{}.{}", self.namespace, self.name)
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Property {
    /// The wire name: `targetResourceId`, `@odata.type`.
    pub name: String,
    /// CSDL spelling: `Edm.String`, `microsoft.graph.resultInfo`.
    #[serde(rename = "type")]
    pub type_name: String,
    pub collection: bool,
    /// The type as the page writes it: the Type cell, or the JSON representation value of a
    /// key no table documents. With `source`, the evidence behind `type_name`.
    pub written: String,
    /// Documented by the JSON representation alone (no table row): typed from its sample
    /// value.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub representation_only: bool,
    /// From the Relationships table.
    pub navigation: bool,
    /// `Some(false)` when the docs say "Not nullable", `Some(true)` for "Nullable".
    pub nullable: Option<bool>,
    pub read_only: bool,
    /// The type as written, when it named nothing the doc set defines; the property is then
    /// typed as raw JSON (`Edm.Untyped`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unresolved: Option<String>,
    pub description: Option<String>,
    pub source: Location,
    /// Other rows or keys, on other parts of the type, that document the same property and
    /// agree with `source`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_documented: Vec<Location>,
}

/// Text as a page writes it, and where: what a reading of the page rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Written {
    pub text: String,
    pub source: Location,
}

#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub name: String,
    pub value: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The table row, or the property whose description listed the member.
    pub source: Location,
    /// Other rows that list the same member and agree with `source`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_documented: Vec<Location>,
}

/// The primitive types of CSDL that the docs use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Primitive {
    String,
    Boolean,
    Byte,
    SByte,
    Int16,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    DateTimeOffset,
    Date,
    TimeOfDay,
    Duration,
    Guid,
    Binary,
    Stream,
    /// Any JSON: the docs' `Json`, and references the codegen could not resolve.
    Untyped,
}

impl Primitive {
    pub const ALL: [Primitive; 18] = [
        Primitive::String,
        Primitive::Boolean,
        Primitive::Byte,
        Primitive::SByte,
        Primitive::Int16,
        Primitive::Int32,
        Primitive::Int64,
        Primitive::Single,
        Primitive::Double,
        Primitive::Decimal,
        Primitive::DateTimeOffset,
        Primitive::Date,
        Primitive::TimeOfDay,
        Primitive::Duration,
        Primitive::Guid,
        Primitive::Binary,
        Primitive::Stream,
        Primitive::Untyped,
    ];

    /// `Edm.String`, ...
    pub fn csdl_name(self) -> &'static str {
        match self {
            Primitive::String => "Edm.String",
            Primitive::Boolean => "Edm.Boolean",
            Primitive::Byte => "Edm.Byte",
            Primitive::SByte => "Edm.SByte",
            Primitive::Int16 => "Edm.Int16",
            Primitive::Int32 => "Edm.Int32",
            Primitive::Int64 => "Edm.Int64",
            Primitive::Single => "Edm.Single",
            Primitive::Double => "Edm.Double",
            Primitive::Decimal => "Edm.Decimal",
            Primitive::DateTimeOffset => "Edm.DateTimeOffset",
            Primitive::Date => "Edm.Date",
            Primitive::TimeOfDay => "Edm.TimeOfDay",
            Primitive::Duration => "Edm.Duration",
            Primitive::Guid => "Edm.Guid",
            Primitive::Binary => "Edm.Binary",
            Primitive::Stream => "Edm.Stream",
            Primitive::Untyped => "Edm.Untyped",
        }
    }

    pub fn from_csdl(name: &str) -> Option<Primitive> {
        Primitive::ALL.into_iter().find(|p| p.csdl_name() == name)
    }
}

impl Schema {
    /// Index of a type by version and qualified name.
    pub fn find(&self, version: &str, qualified: &str) -> Option<usize> {
        self.types.iter().position(|t| {
            t.version == version && t.qualified_name().eq_ignore_ascii_case(qualified)
        })
    }

    /// The base types of `index`, nearest first, stopping at a missing type or a cycle.
    pub fn base_chain(
        &self,
        index: usize,
        find: impl Fn(&str, &str) -> Option<usize>,
    ) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut at = index;
        while let Some(base) = &self.types[at].base_type {
            match find(&self.types[at].version, base) {
                Some(next) if next != index && !chain.contains(&next) => {
                    chain.push(next);
                    at = next;
                }
                _ => break,
            }
        }
        chain
    }

    /// All properties of a type, base types' first; a property redefined lower down keeps its
    /// place and takes the derived definition.
    pub fn all_properties(
        &self,
        index: usize,
        find: impl Fn(&str, &str) -> Option<usize>,
    ) -> Vec<&Property> {
        let mut chain = self.base_chain(index, find);
        chain.reverse();
        chain.push(index);
        let mut out: Vec<&Property> = Vec::new();
        // Hashed: a type may have tens of thousands of properties.
        let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for t in chain {
            for p in &self.types[t].properties {
                match at.get(p.name.as_str()) {
                    Some(&i) => out[i] = p,
                    None => {
                        at.insert(&p.name, out.len());
                        out.push(p);
                    }
                }
            }
        }
        out
    }
}

impl Schema {
    /// The types `roots` need: themselves, their base types, and the types of their
    /// properties, transitively. Diagnostics are kept whole.
    pub fn closure(&self, roots: &[usize]) -> Schema {
        let index: std::collections::HashMap<(String, String), usize> = self
            .types
            .iter()
            .enumerate()
            .map(|(i, t)| {
                (
                    (t.version.clone(), t.qualified_name().to_ascii_lowercase()),
                    i,
                )
            })
            .collect();
        let find = |version: &str, q: &str| {
            index
                .get(&(version.to_string(), q.to_ascii_lowercase()))
                .copied()
        };
        let mut keep = vec![false; self.types.len()];
        let mut stack: Vec<usize> = roots.to_vec();
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut keep[i], true) {
                continue;
            }
            let t = &self.types[i];
            let needed = t
                .base_type
                .iter()
                .map(String::as_str)
                .chain(t.properties.iter().map(|p| p.type_name.as_str()))
                .filter_map(|q| find(&t.version, q));
            stack.extend(needed.filter(|&n| !keep[n]));
        }
        Schema {
            types: self
                .types
                .iter()
                .zip(keep)
                .filter(|(_, k)| *k)
                .map(|(t, _)| t.clone())
                .collect(),
            diagnostics: self.diagnostics.clone(),
        }
    }
}
