//! Which types are entities, from everything the docs imply, and the `entity` base of an
//! entity that names no other.
//!
//! OData makes a type an entity by its key; the pages say so in several ways: a
//! `keyProperty` annotation that names a property the type has, an `id` whose JSON
//! representation value reads `"String (identifier)"` (the docs' own convention for keys),
//! or by making the type the target of a navigation property (a Relationships row), which
//! only entities can be. Derived types of an entity are entities.

use std::collections::{HashMap, HashSet};

use crate::diagnostics::Diagnostic;
use crate::schema::{TypeDef, TypeId, TypeKind};

/// The root of Graph's entity types.
pub const ENTITY: &str = "microsoft.graph.entity";

/// Classifies `types` (`types[i]` has the id `i`); `entity` is the id of the root entity
/// type of each version that documents one.
pub fn classify(types: &mut [TypeDef], diagnostics: &mut Vec<Diagnostic>) {
    let chain = |types: &[TypeDef], start: usize| {
        let mut out = vec![start];
        while let Some(next) = types[*out.last().expect("non-empty")]
            .base_type
            .as_ref()
            .map(TypeId::index)
        {
            if out.contains(&next) {
                break;
            }
            out.push(next);
        }
        out
    };
    let roots: HashMap<String, TypeId> = types
        .iter()
        .enumerate()
        .filter(|(_, t)| t.qualified_name() == ENTITY)
        .map(|(i, t)| (t.version.clone(), TypeId::new(i, ENTITY)))
        .collect();

    drop_unknown_keys(types, &chain, diagnostics);

    let navigation_targets: HashSet<usize> = types
        .iter()
        .flat_map(|t| {
            t.properties
                .iter()
                .filter(|p| p.navigation)
                .filter_map(|p| p.ty.named().map(TypeId::index))
        })
        .collect();
    let strong_evidence: Vec<bool> = types
        .iter()
        .enumerate()
        .map(|(i, t)| {
            t.kind != TypeKind::Enum
                && (t.addressed.is_some()
                    || t.singleton.is_some()
                    || t.qualified_name() == ENTITY
                    || navigation_targets.contains(&i))
        })
        .collect();
    // An entity never derives from a complex type: a key on a type whose named base shows
    // no sign of being an entity (`teamworkUserIdentity`'s `"id": "String (identifier)"`,
    // inherited from the complex `identity`) does not make it one.
    let own_evidence: Vec<bool> = (0..types.len())
        .map(|i| {
            let t = &types[i];
            if strong_evidence[i] || t.kind == TypeKind::Enum || t.key.is_none() {
                return strong_evidence[i];
            }
            let bases = &chain(types, i)[1..];
            let complex_base = !bases.is_empty()
                && !bases.iter().any(|&j| strong_evidence[j] || types[j].key.is_some());
            if complex_base {
                diagnostics.push(Diagnostic::note(
                    "key-on-complex-base",
                    t.source.clone(),
                    format!(
                        "{} has the key {:?}, but derives from {}, which is no entity; an entity never derives from a complex type, so {} is complex",
                        t.name,
                        t.key.as_deref().unwrap_or_default(),
                        types[bases[0]].name,
                        t.name
                    ),
                ));
            }
            !complex_base
        })
        .collect();
    let entity: Vec<bool> = (0..types.len())
        .map(|i| {
            types[i].kind != TypeKind::Enum && chain(types, i).iter().any(|&j| own_evidence[j])
        })
        .collect();

    for (i, t) in types.iter_mut().enumerate() {
        if !entity[i] {
            continue;
        }
        t.kind = TypeKind::Entity;
        let root = roots.get(&t.version);
        // A singleton needs no key: a type that is an entity only because a request path
        // addresses it as one (`/print`) has no `id` to inherit (as the CSDL's roots have
        // none).
        let only_a_singleton = t.singleton.is_some()
            && t.key.is_none()
            && t.addressed.is_none()
            && !navigation_targets.contains(&i);
        if t.base_type.is_none()
            && t.qualified_name() != ENTITY
            && root.is_some()
            && !only_a_singleton
        {
            diagnostics.push(Diagnostic::note(
                "entity-base-implied",
                t.source.clone(),
                format!(
                    "{} is an entity ({}) and names no base type; it derives from {ENTITY}, as every Graph entity does",
                    t.name,
                    evidence(t)
                ),
            ));
            t.base_type = root.cloned();
        }
    }
}

/// A `keyProperty` that names no property of the type or its bases contradicts the page's
/// own tables: it is not taken as a key.
fn drop_unknown_keys(
    types: &mut [TypeDef],
    chain: &dyn Fn(&[TypeDef], usize) -> Vec<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for i in 0..types.len() {
        let Some(key) = types[i].key.clone() else {
            continue;
        };
        let known = chain(types, i)
            .iter()
            .any(|&j| types[j].properties.iter().any(|p| p.name == key));
        if !known {
            diagnostics.push(Diagnostic::warning(
                "key-property-unknown",
                types[i].source.clone(),
                format!(
                    "keyProperty {key:?} names no property of {} or its base types; it is not taken as a key",
                    types[i].name
                ),
            ));
            types[i].key = None;
        }
    }
}

/// Why a type reads as an entity, for the note that says so.
fn evidence(t: &TypeDef) -> String {
    if let Some(key) = &t.key {
        format!("its key is {key:?}")
    } else if let Some(row) = &t.addressed {
        format!("{:?} at {} addresses it", row.text, row.source)
    } else {
        "a navigation property targets it".to_string()
    }
}
