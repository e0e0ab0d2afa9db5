//! The schema model: every type of the doc set, resolved, as plain data.
//!
//! It knows nothing of markdown or of Rust; `inspect --json` prints it as it is.

pub mod operations;
mod refs;
mod walk;

use std::collections::HashMap;

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Location};
pub use refs::{Primitive, TypeId, TypeRef};
pub(crate) use walk::relink;

/// All types of a doc set and every diagnostic found on the way.
///
/// Types refer to each other by [`TypeId`], resolved once: a type's position in `types` and
/// its qualified name. Names from outside the model (a `--only` argument, a CSDL document,
/// an example's `@odata.type`) are looked up through [`Schema::find`], the one index.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Schema {
    pub types: Vec<TypeDef>,
    /// Every documented request, by version and name.
    pub operations: Vec<operations::Operation>,
    pub diagnostics: Vec<Diagnostic>,
    /// Each type's id, by position.
    #[serde(skip)]
    ids: Vec<TypeId>,
    /// (version, lowercase qualified name) -> position.
    #[serde(skip)]
    by_name: HashMap<(String, String), usize>,
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
    /// The base type.
    pub base_type: Option<TypeId>,
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
    /// Where a request path addresses the type as a singleton (`/print`, `/me`): only
    /// entities can be, though a singleton needs no key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub singleton: Option<Written>,
    /// For a type no page defines, what the docs imply it from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied: Option<Implied>,
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

/// What implies a type no page defines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Implied {
    /// The parameters of an action, its request body.
    ActionBody { operation: String },
    /// What a root of request paths holds (`/policies`), when no page documents its type.
    Root { path: String },
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
    /// Its type; printed as CSDL spells it: `Edm.String`, `microsoft.graph.resultInfo`.
    #[serde(rename = "type")]
    pub ty: TypeRef,
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
