//! A property typed "[appHostedMediaConfig](..) or [serviceHostedMediaConfig](..)" holds a
//! value of either type: it is typed with their nearest common base (`mediaConfig`), read
//! through that base's `Any*` enum like any property of a type with derived types.

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, Location};
use crate::schema::{Primitive, TypeDef};

/// A property whose type cell names alternatives, all resolved.
#[derive(Debug, Clone)]
pub struct Either {
    /// The property's row: how it is found again once types are merged.
    pub property: Location,
    /// Qualified names, as the cell lists them.
    pub types: Vec<String>,
    pub written: String,
}

pub fn common_bases(types: &mut [TypeDef], uses: Vec<Either>, diagnostics: &mut Vec<Diagnostic>) {
    if uses.is_empty() {
        return;
    }
    let position: HashMap<(String, String), usize> = types
        .iter()
        .enumerate()
        .map(|(i, t)| ((t.version.clone(), t.qualified_name()), i))
        .collect();
    let rows: HashMap<&Location, (usize, usize)> = types
        .iter()
        .enumerate()
        .flat_map(|(i, t)| {
            t.properties
                .iter()
                .enumerate()
                .map(move |(j, p)| (&p.source, (i, j)))
        })
        .collect();
    let mut typed = Vec::new();
    for u in &uses {
        let Some(&(owner, property)) = rows.get(&u.property) else {
            continue;
        };
        let version = types[owner].version.clone();
        // Each alternative and its bases, nearest first.
        let lines: Vec<Vec<String>> = u
            .types
            .iter()
            .map(|q| {
                let mut line = vec![q.clone()];
                while let Some(base) = position
                    .get(&(version.clone(), line.last().expect("non-empty").clone()))
                    .and_then(|&i| types[i].base_type.clone())
                {
                    if line.contains(&base) {
                        break;
                    }
                    line.push(base);
                }
                line
            })
            .collect();
        let common = lines[0]
            .iter()
            .find(|q| lines[1..].iter().all(|l| l.contains(q)))
            .cloned();
        typed.push((owner, property, common, u));
    }
    for (owner, property, common, u) in typed {
        let t = &mut types[owner];
        let name = t.name.clone();
        let p = &mut t.properties[property];
        match common {
            Some(q) => {
                diagnostics.push(Diagnostic::note(
                    "type-either",
                    u.property.clone(),
                    format!(
                        "{name}.{} is written {:?}: a value of either type, typed as their common base {q}",
                        p.name, u.written
                    ),
                ));
                p.type_name = q;
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
                p.type_name = Primitive::Untyped.csdl_name().to_string();
                p.unresolved = Some(u.written.clone());
            }
        }
    }
}
