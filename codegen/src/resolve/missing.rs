//! Pages the doc set lacks: a reference to a type no page defines names the page that would
//! (the page its link points to, or the one the docs name after the type), and one note per
//! version lists them all, so that a user who added one page alone can fetch the rest in one
//! go (`graph-docs-codegen missing DOCS --from FULL` gives their closure).

use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostic, Location};
use crate::parse::type_ref::link_stem;

/// The page that would define the type a reference names: `v1.0/resources/recipient.md` for
/// a link to `recipient.md` or `../resources/recipient.md`, else the page named after the
/// type (`microsoft.graph.outlookItem` -> `outlookitem.md`).
pub fn wanted_page(version: &str, name: &str, link: Option<&str>) -> String {
    let stem = link
        .and_then(link_stem)
        .unwrap_or_else(|| name.rsplit('.').next().unwrap_or(name).to_string());
    format!("{version}/resources/{}.md", stem.to_ascii_lowercase())
}

/// One `missing-pages` note per version whose diagnostics want pages, at the first of them.
pub fn summarize(diagnostics: &mut Vec<Diagnostic>) {
    let mut wanted: BTreeMap<&str, (Location, BTreeMap<&str, usize>)> = BTreeMap::new();
    for d in diagnostics.iter() {
        let Some(page) = d.wants_page.as_deref() else {
            continue;
        };
        let version = page.split('/').next().unwrap_or_default();
        let (first, pages) = wanted
            .entry(version)
            .or_insert_with(|| (d.source.clone(), BTreeMap::new()));
        if d.source < *first {
            *first = d.source.clone();
        }
        *pages.entry(page).or_default() += 1;
    }
    let notes: Vec<Diagnostic> = wanted
        .into_iter()
        .map(|(version, (first, pages))| {
            let references: usize = pages.values().sum();
            let list: Vec<&str> = pages.keys().copied().collect();
            Diagnostic::note(
                "missing-pages",
                first,
                format!(
                    "{references} reference(s) name types no page of this {version} doc set \
                     defines; add the {} page(s) that define them: {} (`graph-docs-codegen \
                     missing DOCS --from FULL-DOCS` lists them with every page they need in turn)",
                    list.len(),
                    list.join(", ")
                ),
            )
        })
        .collect();
    diagnostics.extend(notes);
}

/// What a doc set lacks, found in a fuller one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Closure {
    /// Pages of the fuller set to add (relative paths, `v1.0/resources/x.md`): those the
    /// doc set's references want, and every page their types need in turn.
    pub pages: Vec<String>,
    /// Pages wanted that the fuller set does not hold either.
    pub not_found: Vec<String>,
}

/// The pages of `full` that `docs` (the pages it has: `have`) needs to resolve every
/// reference to a missing type: the pages its diagnostics want, and the closure of the types
/// they define (bases, property types, each page of a split type).
pub fn closure(
    docs: &crate::schema::Schema,
    have: &[String],
    full: &crate::schema::Schema,
) -> Closure {
    use std::collections::BTreeSet;
    let lower = |p: &str| p.to_ascii_lowercase();
    let have: BTreeSet<String> = have.iter().map(|p| lower(p)).collect();
    let wanted: BTreeSet<String> = docs
        .diagnostics
        .iter()
        .filter_map(|d| d.wants_page.as_deref().map(lower))
        .collect();
    let pages_of = |t: &crate::schema::TypeDef| -> Vec<String> {
        std::iter::once(&t.source)
            .chain(&t.other_parts)
            .map(|l| l.file.clone())
            .collect()
    };
    let roots: Vec<crate::schema::TypeId> = full
        .types
        .iter()
        .enumerate()
        .filter(|(_, t)| pages_of(t).iter().any(|p| wanted.contains(&lower(p))))
        .map(|(i, _)| full.id(i).clone())
        .collect();
    let found: BTreeSet<String> = roots
        .iter()
        .flat_map(|id| pages_of(full.get(id)))
        .map(|p| lower(&p))
        .collect();
    let needed = full.closure(&roots, &[]);
    let pages: BTreeSet<String> = needed
        .types
        .iter()
        .flat_map(pages_of)
        .filter(|p| !have.contains(&lower(p)))
        .collect();
    Closure {
        pages: pages.into_iter().collect(),
        not_found: wanted.into_iter().filter(|w| !found.contains(w)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_named_by_links_then_by_types() {
        assert_eq!(
            wanted_page("v1.0", "recipient", Some("../resources/recipient.md#x")),
            "v1.0/resources/recipient.md"
        );
        assert_eq!(
            wanted_page("v1.0", "microsoft.graph.outlookItem", None),
            "v1.0/resources/outlookitem.md"
        );
    }

    #[test]
    fn one_note_per_version_lists_the_pages() {
        let at = |line| Location::new("v1.0/resources/message.md", line);
        let mut diagnostics = vec![
            Diagnostic::warning("unresolved-type", at(30), "x")
                .wanting("v1.0/resources/recipient.md".into()),
            Diagnostic::warning("unresolved-type", at(20), "y")
                .wanting("v1.0/resources/recipient.md".into()),
            Diagnostic::warning("unresolved-base-type", at(10), "z")
                .wanting("v1.0/resources/outlookitem.md".into()),
        ];
        summarize(&mut diagnostics);
        let note = diagnostics.last().unwrap();
        assert_eq!((note.code, note.source.line), ("missing-pages", 10));
        assert!(
            note.message.starts_with("3 reference(s)"),
            "{}",
            note.message
        );
        assert!(note
            .message
            .contains("v1.0/resources/outlookitem.md, v1.0/resources/recipient.md"));
    }
}
