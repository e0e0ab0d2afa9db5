//! Rows on a derived type's page for a property its documented base already declares.
//! OData does not let a derived type declare a property of its base again: the row is the
//! base's property, re-documented, and keeps the base's type (`daylightTimeZoneOffset`'s
//! `dayOfWeek | string` is `standardTimeZoneOffset`'s `dayOfWeek | dayOfWeek`), as keys only
//! a JSON representation lists are (see `representation_keys`).

use std::collections::HashMap;

use crate::diagnostics::Diagnostic;
use crate::schema::{TypeDef, TypeRef};

use super::inline_enums::InlineEnum;

/// A property of `owner` that a base type `base` declares too, and the type it had once
/// given the base's (before overrides).
#[derive(Debug, Clone)]
pub struct Redeclared {
    pub owner: usize,
    pub property: String,
    pub base: usize,
    pub ty: TypeRef,
}

/// Gives every row that re-documents a base's property the base's type (and collection),
/// with a note where that changes what the row says; returns every such row. `types[i]`
/// has the id `i`, bases linked.
pub fn take_base_types(
    types: &mut [TypeDef],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Redeclared> {
    let mut out = Vec::new();
    for i in 0..types.len() {
        // Where a base declares each property, the farthest base for a name several declare
        // (the nearer ones re-document it): (type, property index).
        let mut declared: HashMap<String, (usize, usize)> = HashMap::new();
        for base in super::bases::ancestors(types, i) {
            for (k, p) in types[base].properties.iter().enumerate() {
                if !p.representation_only {
                    declared.insert(p.name.clone(), (base, k));
                }
            }
        }
        if declared.is_empty() {
            continue;
        }
        for k in 0..types[i].properties.len() {
            let p = &types[i].properties[k];
            if p.representation_only {
                continue;
            }
            let Some(&(base, j)) = declared.get(&p.name) else {
                continue;
            };
            let q = types[base].properties[j].clone();
            let (owner, base_name) = (types[i].name.clone(), types[base].name.clone());
            let p = &mut types[i].properties[k];
            if (&p.ty, p.collection) != (&q.ty, q.collection) {
                diagnostics.push(Diagnostic::note(
                    "property-redeclared",
                    p.source.clone(),
                    format!(
                        "{owner}.{} is written {:?} here, but its base type {base_name} declares it ({}, {:?}); a derived type cannot declare a base's property again, so it keeps the base's type {}{}",
                        p.name,
                        p.written,
                        q.source,
                        q.written,
                        if q.collection { "collection of " } else { "" },
                        q.ty.csdl_name()
                    ),
                ));
                p.ty = q.ty.clone();
                p.collection = q.collection;
                p.unresolved = q.unresolved.clone();
            }
            out.push(Redeclared {
                owner: i,
                property: p.name.clone(),
                base,
                ty: p.ty.clone(),
            });
        }
    }
    out
}

/// A re-documented row's own value list makes no enum of its own: the property is the
/// base's, an enum only if the base's row lists values (its type then follows the base's,
/// see [`follow_base_enums`]). A note at the row says so, also where it lists the base's
/// values again: the row's reading is its base's, and says where from.
pub fn drop_own_values(
    redeclared: &[Redeclared],
    types: &[TypeDef],
    inline_uses: &mut Vec<InlineEnum>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if redeclared.is_empty() {
        return;
    }
    let key = |t: &TypeDef, p: &str| (t.version.clone(), t.qualified_name(), p.to_string());
    let bases: HashMap<(String, String, String), usize> = redeclared
        .iter()
        .map(|r| (key(&types[r.owner], &r.property), r.base))
        .collect();
    let members: HashMap<(String, String, String), Vec<String>> = inline_uses
        .iter()
        .map(|u| {
            (
                (u.version.clone(), u.owner.clone(), u.property.clone()),
                u.members.clone(),
            )
        })
        .collect();
    inline_uses.retain(|u| {
        let own = (u.version.clone(), u.owner.clone(), u.property.clone());
        let Some(&base) = bases.get(&own) else {
            return true;
        };
        let base_members = members.get(&key(&types[base], &u.property));
        let owner = u.owner.rsplit('.').next().unwrap_or(&u.owner);
        let message = if base_members == Some(&u.members) {
            format!(
                "{owner} lists for {} the values its base type {} lists for the property; a derived type cannot declare it again, so it is typed as its base's is",
                u.property, types[base].name
            )
        } else {
            format!(
                "{owner} lists values for {}, but its base type {} declares the property{}; a derived type cannot declare it again, so these values make no enum of its own",
                u.property,
                types[base].name,
                if base_members.is_some() { " with other values" } else { " without values" }
            )
        };
        diagnostics.push(Diagnostic::note(
            "property-redeclared",
            u.source.clone(),
            message,
        ));
        false
    });
}

/// Once inline enums are named: a re-documented row takes the enum its base's row became.
pub fn follow_base_enums(redeclared: &[Redeclared], types: &mut [TypeDef]) {
    for r in redeclared {
        let Some(base_ty) = types[r.base]
            .properties
            .iter()
            .find(|p| p.name == r.property)
            .map(|p| p.ty.clone())
        else {
            continue;
        };
        if let Some(p) = types[r.owner]
            .properties
            .iter_mut()
            .find(|p| p.name == r.property && p.ty == r.ty)
        {
            p.ty = base_ty;
        }
    }
}
