//! Stage 2: all pages -> the [`Schema`]: every type of every version, references resolved,
//! inheritance linked, inline enums named, overrides applied.

mod bases;
mod definitions;
mod either;
mod entities;
mod index;
mod inline_enums;
pub mod limits;
mod merge;
mod overrides;
mod properties;
mod representation_keys;

pub use overrides::{Overrides, PropertyOverride};

use std::collections::{BTreeMap, HashMap};

use crate::parse::Page;
use crate::schema::{Primitive, Schema};
use definitions::Definition;
use index::TypeIndex;
use properties::{Builder, Built};

/// Resolves `pages` into a schema. Diagnostics of reading the pages are not repeated here;
/// the schema holds those of resolution only.
pub fn resolve(pages: &[Page], overrides: &Overrides) -> Schema {
    let mut diagnostics = Vec::new();

    let mut definitions: Vec<Definition<'_>> = Vec::new();
    for page in pages {
        definitions.extend(definitions::definitions(page, &mut diagnostics));
    }
    canonical_namespaces(&mut definitions);

    let mut index = TypeIndex::default();
    for d in &definitions {
        let stem = crate::parse::type_ref::link_stem(&d.page.path);
        index.insert(
            &d.version,
            &d.qualified_name(),
            stem.as_deref().filter(|_| d.primary),
        );
    }

    let mut builder = Builder {
        index: &index,
        diagnostics: &mut diagnostics,
        either: Vec::new(),
    };
    let parts: Vec<(Definition<'_>, Built)> = definitions
        .into_iter()
        .map(|d| {
            let built = builder.build(&d);
            (d, built)
        })
        .collect();
    let built = merge::merge(parts, &mut diagnostics);

    let mut types = Vec::with_capacity(built.len());
    let mut inline_uses = Vec::new();
    let mut hierarchies = Vec::new();
    let mut either = Vec::new();
    for b in built {
        hierarchies.push(b.hierarchy);
        inline_uses.extend(b.inline_enums);
        either.extend(b.either);
        types.push(b.def);
    }
    bases::link(&mut types, &hierarchies, &index, &mut diagnostics);
    either::common_bases(&mut types, either, &mut diagnostics);
    representation_keys::inherit_or_report(&mut types, &mut diagnostics);
    overrides.apply(&mut types, &index, &mut diagnostics);

    // Only properties still typed as strings after overrides become enums.
    inline_uses.retain(|u| {
        types.iter().any(|t| {
            t.version == u.version
                && t.qualified_name() == u.owner
                && t.properties
                    .iter()
                    .any(|p| p.name == u.property && p.type_name == Primitive::String.csdl_name())
        })
    });
    let (documented, inline_uses) =
        inline_enums::use_documented(inline_uses, &types, &mut diagnostics);
    let taken = |version: &str, q: &str| index.contains(version, q);
    let (inline_types, mut assigned) = inline_enums::into_types(inline_uses, &taken);
    assigned.extend(documented);
    for t in &mut types {
        let owner = t.qualified_name();
        for p in &mut t.properties {
            if let Some(q) = assigned.get(&(t.version.clone(), owner.clone(), p.name.clone())) {
                p.type_name = q.clone();
            }
        }
    }
    types.extend(inline_types);
    entities::classify(&mut types, &mut diagnostics);
    limits::refuse_huge_types(&mut types, &mut diagnostics);

    types.sort_by(|a, b| {
        (
            &a.version,
            &a.namespace,
            a.name.to_ascii_lowercase(),
            &a.name,
        )
            .cmp(&(
                &b.version,
                &b.namespace,
                b.name.to_ascii_lowercase(),
                &b.name,
            ))
    });
    diagnostics.sort();
    Schema { types, diagnostics }
}

/// One spelling per namespace: pages write `microsoft.graph.termStore` and
/// `microsoft.graph.termstore` for one namespace; the most used spelling wins.
fn canonical_namespaces(definitions: &mut [Definition<'_>]) {
    let mut counts: HashMap<(String, String), BTreeMap<String, usize>> = HashMap::new();
    for d in definitions.iter() {
        *counts
            .entry((d.version.clone(), d.namespace.to_ascii_lowercase()))
            .or_default()
            .entry(d.namespace.clone())
            .or_default() += 1;
    }
    for d in definitions.iter_mut() {
        let spellings = &counts[&(d.version.clone(), d.namespace.to_ascii_lowercase())];
        if let Some((best, _)) = spellings
            .iter()
            .max_by_key(|(s, n)| (**n, std::cmp::Reverse((*s).clone())))
        {
            d.namespace = best.clone();
        }
    }
}
