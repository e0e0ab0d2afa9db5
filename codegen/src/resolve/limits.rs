//! Types too large to generate: refused with a diagnostic, so that the rest of the crate
//! still builds.
//!
//! rustc overflows its stack on the struct of a type with about 10,000 properties (the
//! derived serde code nests one expression per field); 5,000 builds, in 35 s and 1 GB. The
//! largest type of the docs corpus has 301 properties, the largest enum 826 members.

use std::collections::HashSet;

use crate::diagnostics::Diagnostic;
use crate::schema::operations::{Operation, Step};
use crate::schema::{Primitive, TypeDef, TypeId, TypeKind, TypeRef};

/// Most properties (own and inherited) a generated struct may have: well past the corpus
/// (301), well short of where rustc fails (between 5,000 and 10,000).
pub const MAX_PROPERTIES: usize = 2_000;

/// Most members a generated enum may have: past the corpus (826). Enum code is flat, so rustc
/// does not overflow (20,000 members build, in 2 minutes and 2.1 GB); this bounds that cost.
pub const MAX_MEMBERS: usize = 10_000;

/// Marks the types past the limits (`types[i]` has the id `i`), with an error each, and types
/// the properties that refer to them as raw JSON (`Edm.Untyped`, `unresolved` set), as for
/// any type not found. Returns which types are refused: they are left out of the schema.
pub fn refuse_huge_types(types: &mut [TypeDef], diagnostics: &mut Vec<Diagnostic>) -> Vec<bool> {
    let mut refused = vec![false; types.len()];
    for (i, t) in types.iter().enumerate() {
        let (count, limit, what) = match t.kind {
            TypeKind::Enum => (t.members.len(), MAX_MEMBERS, "members"),
            _ => (field_count(types, i), MAX_PROPERTIES, "properties"),
        };
        if count > limit {
            diagnostics.push(Diagnostic::error(
                "type-too-large",
                t.source.clone(),
                format!(
                    "{} has {count} {what} (own and inherited); past {limit} the generated code \
                     may not compile, so the type is not generated and properties of this type \
                     are read as raw JSON",
                    t.qualified_name()
                ),
            ));
            refused[i] = true;
        }
    }
    let is_refused = |id: &TypeId| refused[id.index()];
    for t in types.iter_mut() {
        // A type derives from a refused one only if it is refused itself (it has more
        // fields); this keeps every kept base.
        if t.base_type.as_ref().is_some_and(is_refused) {
            t.base_type = None;
        }
        for p in &mut t.properties {
            if p.ty.named().is_some_and(is_refused) {
                let named = std::mem::replace(&mut p.ty, TypeRef::Primitive(Primitive::Untyped));
                p.unresolved = Some(named.csdl_name().to_string());
            }
        }
    }
    refused
}

/// Operations refer to refused types as properties do: a payload or parameter of one is
/// raw JSON; a path walked through one stops short of it.
pub fn forget_refused(operations: &mut [Operation], refused: &[bool]) {
    let is_refused = |id: &TypeId| refused[id.index()];
    let forget = |ty: &mut TypeRef| {
        if ty.named().is_some_and(is_refused) {
            *ty = TypeRef::Primitive(Primitive::Untyped);
        }
    };
    for o in operations {
        for p in &mut o.parameters {
            forget(&mut p.ty);
        }
        for payload in o.request_body.iter_mut().chain(o.response.body.iter_mut()) {
            forget(&mut payload.ty);
        }
        for path in &mut o.paths {
            let through = path.walk.iter().position(|s| match s {
                Step::Root { ty, .. } | Step::Item { ty } | Step::Cast { ty, .. } => is_refused(ty),
                Step::Bound { binding, .. } => is_refused(binding),
                Step::Property { owner, ty, .. } => {
                    is_refused(owner) || ty.named().is_some_and(is_refused)
                }
                Step::Composed { ty, .. } => ty.named().is_some_and(is_refused),
                Step::Special => false,
            });
            if let Some(at) = through {
                path.walk.truncate(at);
                path.complete = false;
            }
        }
    }
}

/// Distinct property names along the base chain, as the struct will have them.
fn field_count(types: &[TypeDef], start: usize) -> usize {
    let mut names = HashSet::new();
    let mut seen = HashSet::new();
    let mut at = Some(start);
    while let Some(i) = at.filter(|&i| seen.insert(i)) {
        let t = &types[i];
        names.extend(t.properties.iter().map(|p| p.name.as_str()));
        at = t.base_type.as_ref().map(TypeId::index);
    }
    names.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Location;
    use crate::schema::Property;

    fn type_def(name: &str, base: Option<(usize, &str)>, properties: usize) -> TypeDef {
        TypeDef {
            name: name.to_string(),
            namespace: "microsoft.graph".to_string(),
            version: "beta".to_string(),
            kind: TypeKind::Complex,
            base_type: base.map(|(i, q)| TypeId::new(i, q)),
            base_written: None,
            addressed: None,
            singleton: None,
            implied: None,
            is_abstract: false,
            open_type: false,
            media_entity: false,
            key: None,
            source: Location::new(format!("beta/resources/{name}.md"), 7),
            other_parts: Vec::new(),
            description: None,
            area: None,
            properties: (0..properties)
                .map(|i| property(&format!("p{i}"), TypeRef::Primitive(Primitive::String)))
                .collect(),
            members: Vec::new(),
            inline_for: Vec::new(),
        }
    }

    fn property(name: &str, ty: TypeRef) -> Property {
        Property {
            name: name.to_string(),
            written: ty.csdl_name().to_string(),
            ty,
            collection: false,
            representation_only: false,
            navigation: false,
            nullable: None,
            read_only: false,
            unresolved: None,
            description: None,
            source: Location::new("beta/resources/x.md", 1),
            also_documented: Vec::new(),
        }
    }

    #[test]
    fn huge_types_and_their_derived_types_are_refused_and_references_become_json() {
        let mut user = type_def("user", None, 1);
        let huge_id = (0, "microsoft.graph.huge");
        user.properties.push(property(
            "huge",
            TypeRef::Named(TypeId::new(huge_id.0, huge_id.1)),
        ));
        let mut types = vec![
            type_def("huge", None, MAX_PROPERTIES + 1),
            // Within the limit on its own, past it with what it inherits.
            type_def("derived", Some(huge_id), 1),
            type_def("fits", None, MAX_PROPERTIES),
            user,
        ];
        let mut diagnostics = Vec::new();
        let refused = refuse_huge_types(&mut types, &mut diagnostics);
        assert_eq!(refused, [true, true, false, false]);
        let at: Vec<String> = diagnostics.iter().map(|d| d.source.to_string()).collect();
        assert_eq!(
            at,
            ["beta/resources/huge.md:7", "beta/resources/derived.md:7"]
        );
        assert!(diagnostics.iter().all(|d| d.code == "type-too-large"));
        let huge = &types[3].properties[1];
        assert_eq!(huge.ty, TypeRef::Primitive(Primitive::Untyped));
        assert_eq!(huge.unresolved.as_deref(), Some("microsoft.graph.huge"));
    }
}
