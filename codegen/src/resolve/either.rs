//! A property typed "[appHostedMediaConfig](..) or [serviceHostedMediaConfig](..)" holds a
//! value of either type: it is typed with their nearest common base (`mediaConfig`), read
//! through that base's `Any*` enum like any property of a type with derived types.

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, Location};
use crate::schema::{Primitive, TypeDef, TypeId, TypeRef};

/// A property whose type cell names alternatives, all resolved.
#[derive(Debug, Clone)]
pub struct Either {
    /// The property's row: how it is found again once types are merged.
    pub property: Location,
    /// The types, as the cell lists them.
    pub types: Vec<TypeId>,
    pub written: String,
}

/// The nearest type every one of `alternatives` is or derives from.
pub fn common_base(types: &[TypeDef], alternatives: &[TypeId]) -> Option<TypeId> {
    // Each alternative and its bases, nearest first.
    let lines: Vec<Vec<TypeId>> = alternatives
        .iter()
        .map(|id| {
            let mut line = vec![id.clone()];
            while let Some(base) = types[line.last().expect("non-empty").index()]
                .base_type
                .clone()
            {
                if line.contains(&base) {
                    break;
                }
                line.push(base);
            }
            line
        })
        .collect();
    let (first, rest) = lines.split_first()?;
    first
        .iter()
        .find(|id| rest.iter().all(|l| l.contains(id)))
        .cloned()
}

pub fn common_bases(types: &mut [TypeDef], uses: Vec<Either>, diagnostics: &mut Vec<Diagnostic>) {
    if uses.is_empty() {
        return;
    }
    let rows: HashMap<Location, (usize, usize)> = types
        .iter()
        .enumerate()
        .flat_map(|(i, t)| {
            t.properties
                .iter()
                .enumerate()
                .map(move |(j, p)| (p.source.clone(), (i, j)))
        })
        .collect();
    for u in &uses {
        let Some(&(owner, property)) = rows.get(&u.property) else {
            continue;
        };
        let common = common_base(types, &u.types);
        let t = &mut types[owner];
        let name = t.name.clone();
        let p = &mut t.properties[property];
        match common {
            Some(id) => {
                diagnostics.push(Diagnostic::note(
                    "type-either",
                    u.property.clone(),
                    format!(
                        "{name}.{} is written {:?}: a value of either type, typed as their common base {id}",
                        p.name, u.written
                    ),
                ));
                p.ty = TypeRef::Named(id);
            }
            None => {
                diagnostics.push(Diagnostic::warning(
                    "type-either",
                    u.property.clone(),
                    format!(
                        "{name}.{} is written {:?}, but those types share no base type; typed as raw JSON",
                        p.name, u.written
                    ),
                ));
                p.ty = TypeRef::Primitive(Primitive::Untyped);
                p.unresolved = Some(u.written.clone());
            }
        }
    }
}
