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
pub mod missing;
mod operations;
mod overrides;
mod properties;
mod redeclared;
mod representation_keys;
mod type_cells;

pub use overrides::{Overrides, PropertyOverride};

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diagnostics::Diagnostic;
use crate::parse::Page;
use crate::schema::operations::Operation;
use crate::schema::{Primitive, Schema, TypeDef, TypeId, TypeRef};
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
    let ids: Vec<TypeId> = definitions
        .iter()
        .map(|d| {
            let stem = crate::parse::type_ref::link_stem(&d.page.path);
            index.insert(
                &d.version,
                &d.qualified_name(),
                stem.as_deref().filter(|_| d.primary),
            )
        })
        .collect();

    let mut builder = Builder {
        index: &index,
        diagnostics: &mut diagnostics,
        either: Vec::new(),
    };
    let parts: Vec<(Definition<'_>, TypeId, Built)> = definitions
        .into_iter()
        .zip(ids)
        .map(|(d, id)| {
            let built = builder.build(&d);
            (d, id, built)
        })
        .collect();
    // From here on `types[i]` is the type whose id is `i`.
    let built = merge::merge(parts, index.len(), &mut diagnostics);

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
    let mut redeclared = redeclared::take_base_types(&mut types, &mut diagnostics);
    overrides.apply(&mut types, &index, &mut diagnostics);
    // A row an override retyped follows the override, not its base.
    redeclared.retain(|r| {
        types[r.owner]
            .properties
            .iter()
            .any(|p| p.name == r.property && p.ty == r.ty)
    });

    // Only properties still typed as strings after overrides become enums.
    let strings: HashSet<(&str, String, &str)> = types
        .iter()
        .flat_map(|t| {
            t.properties
                .iter()
                .filter(|p| p.ty.is(Primitive::String))
                .map(move |p| (t.version.as_str(), t.qualified_name(), p.name.as_str()))
        })
        .collect();
    inline_uses
        .retain(|u| strings.contains(&(u.version.as_str(), u.owner.clone(), u.property.as_str())));
    redeclared::drop_own_values(&redeclared, &types, &mut inline_uses, &mut diagnostics);
    let (documented, inline_uses) =
        inline_enums::use_documented(inline_uses, &types, &mut diagnostics);
    let taken = |version: &str, q: &str| index.contains(version, q);
    let (inline_types, mut assigned) = inline_enums::into_types(inline_uses, types.len(), &taken);
    assigned.extend(documented);
    for t in &mut types {
        let owner = t.qualified_name();
        for p in &mut t.properties {
            if let Some(id) = assigned.get(&(t.version.clone(), owner.clone(), p.name.clone())) {
                p.ty = TypeRef::Named(id.clone());
            }
        }
    }
    redeclared::follow_base_enums(&redeclared, &mut types);
    for t in inline_types {
        let id = index.insert(&t.version, &t.qualified_name(), None);
        debug_assert_eq!(id.index(), types.len(), "ids follow the types");
        types.push(t);
    }
    let operations = operations::resolve(pages, &mut types, &mut index, &mut diagnostics);
    entities::classify(&mut types, &mut diagnostics);
    let refused = limits::refuse_huge_types(&mut types, &mut diagnostics);
    finish(types, operations, &refused, diagnostics)
}

/// The schema: types in a stable order (version, namespace, name), the refused ones left
/// out, every reference pointing at the new places; operations by version and name.
fn finish(
    types: Vec<TypeDef>,
    mut operations: Vec<Operation>,
    refused: &[bool],
    mut diagnostics: Vec<Diagnostic>,
) -> Schema {
    limits::forget_refused(&mut operations, refused);
    let key = |t: &TypeDef| {
        (
            t.version.clone(),
            t.namespace.clone(),
            t.name.to_ascii_lowercase(),
            t.name.clone(),
        )
    };
    let mut order: Vec<usize> = (0..types.len()).filter(|&i| !refused[i]).collect();
    order.sort_by_cached_key(|&i| key(&types[i]));
    let mut position = vec![None; types.len()];
    for (new, &old) in order.iter().enumerate() {
        position[old] = Some(new);
    }
    let mut slots: Vec<Option<TypeDef>> = types.into_iter().map(Some).collect();
    let mut sorted: Vec<TypeDef> = order.iter().filter_map(|&i| slots[i].take()).collect();
    crate::schema::relink(&mut sorted, &mut operations, |id| position[id.index()]);
    operations.sort_by(|a, b| (&a.version, &a.name).cmp(&(&b.version, &b.name)));
    missing::summarize(&mut diagnostics);
    diagnostics.sort();
    Schema::new(sorted, operations, diagnostics)
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
