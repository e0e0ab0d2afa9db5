//! Stage 2: all pages -> the [`Schema`]: every type of every version, references resolved,
//! inheritance linked, inline enums named, overrides applied.

mod definitions;
mod entities;
mod index;
mod inline_enums;
pub mod limits;
mod overrides;
mod properties;
mod representation_keys;

pub use overrides::{Overrides, PropertyOverride};

use std::collections::{BTreeMap, HashMap};

use crate::diagnostics::{Diagnostic, Location};
use crate::parse::{Mention, Page};
use crate::schema::{Primitive, Schema, TypeDef, Written};
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
    let definitions = deduplicate(definitions, &mut diagnostics);

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
    };
    let built: Vec<Built> = definitions.iter().map(|d| builder.build(d)).collect();

    let mut types = Vec::with_capacity(built.len());
    let mut inline_uses = Vec::new();
    let mut bases = Vec::new();
    for b in built {
        bases.push(b.base_written);
        inline_uses.extend(b.inline_enums);
        types.push(b.def);
    }
    link_bases(&mut types, &bases, &index, &mut diagnostics);
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

/// Two pages defining one type: the page named after the type wins, then the first by path.
fn deduplicate<'p>(
    mut definitions: Vec<Definition<'p>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Definition<'p>> {
    let named_after = |d: &Definition<'_>| {
        crate::parse::type_ref::link_stem(&d.page.path)
            .is_some_and(|s| s.eq_ignore_ascii_case(&d.name))
    };
    definitions.sort_by_key(|d| (!named_after(d), !d.primary, d.page.path.clone(), d.line));
    let mut seen: HashMap<(String, String), Location> = HashMap::new();
    let mut out = Vec::new();
    for d in definitions {
        let key = (d.version.clone(), d.qualified_name().to_ascii_lowercase());
        let here = Location::new(&d.page.path, d.line);
        if let Some(first) = seen.get(&key) {
            diagnostics.push(Diagnostic::warning(
                "duplicate-type",
                here,
                format!(
                    "{} is also defined at {first}; that definition is used and this one ignored",
                    d.qualified_name()
                ),
            ));
            continue;
        }
        seen.insert(key, here);
        out.push(d);
    }
    out.sort_by(|a, b| (&a.page.path, a.line).cmp(&(&b.page.path, b.line)));
    out
}

fn link_bases(
    types: &mut [TypeDef],
    bases: &[Option<Mention>],
    index: &TypeIndex,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (t, base) in types.iter_mut().zip(bases) {
        let Some(written) = base else {
            continue;
        };
        // The page a link points to, else the name as written (a link to a page whose type
        // is also defined elsewhere, under another page, still names that type).
        let found = written
            .link
            .as_deref()
            .and_then(|link| index.by_link(&t.version, link))
            .or_else(|| index.by_name(&t.version, &written.text, &t.namespace));
        let at = Location::new(&t.source.file, written.line);
        t.base_written = Some(Written {
            text: written.text.clone(),
            source: at.clone(),
        });
        match found {
            Some(q) if q.eq_ignore_ascii_case(&t.qualified_name()) => {
                diagnostics.push(Diagnostic::warning(
                    "base-type-self",
                    at,
                    format!("{} names itself as its base type; ignored", t.name),
                ));
            }
            Some(q) => t.base_type = Some(q.to_string()),
            None => diagnostics.push(Diagnostic::warning(
                "unresolved-base-type",
                at,
                format!(
                    "base type {:?} of {} is no type of this {} doc set; its inherited properties are missing",
                    written.text,
                    t.name,
                    t.version
                ),
            )),
        }
    }
    // Break inheritance cycles so every chain ends.
    let position: HashMap<(String, String), usize> = types
        .iter()
        .enumerate()
        .map(|(i, t)| ((t.version.clone(), t.qualified_name()), i))
        .collect();
    for i in 0..types.len() {
        let mut seen = vec![i];
        let mut at = i;
        while let Some(base) = types[at].base_type.clone() {
            let Some(&next) = position.get(&(types[at].version.clone(), base)) else {
                break;
            };
            if seen.contains(&next) {
                diagnostics.push(Diagnostic::error(
                    "base-type-cycle",
                    types[at].source.clone(),
                    format!(
                        "inheritance of {} runs in a cycle; its base type is dropped",
                        types[at].name
                    ),
                ));
                types[at].base_type = None;
                break;
            }
            seen.push(next);
            at = next;
        }
    }
}
