//! Base types, from everything the pages say about them: a type's own page (the annotation's
//! `baseType`, "Inherits from [x]" in its prose) and the page of its base ("the derived types
//! are [a], [b]", a `## Derived types` table).
//!
//! Statements that agree are one; a statement naming `entity` gives way to one naming a
//! specific entity ("Inherits from [directoryObject]" under an annotation that says
//! `microsoft.graph.entity`: the page means the specific one); a base page's list gives way to
//! the derived page's own word, unless the two lie on one chain. Inheritance cycles are
//! broken, so every chain ends.

use crate::diagnostics::{Diagnostic, Location};
use crate::schema::{TypeDef, TypeId, Written};

use super::entities::ENTITY;
use super::index::TypeIndex;

/// Where a page names a type: a base type, or a derived type on its base's page.
#[derive(Debug, Clone)]
pub struct Stated {
    pub text: String,
    pub link: Option<String>,
    pub source: Location,
    /// A name the words only suggest ("inherits from base policy type" -> `policyBase`):
    /// taken, with a note, when it names a type, and dropped quietly when it does not.
    pub guessed: bool,
}

/// What the pages say about one type's place in the hierarchy.
#[derive(Debug, Clone, Default)]
pub struct Hierarchy {
    /// Its base, as its own pages name it, annotation first.
    pub base: Vec<Stated>,
    /// The types its page names as derived from it.
    pub derived: Vec<Stated>,
}

/// Links each type (`types[i]` has the id `i`, with `stated[i]`) to its base.
pub fn link(
    types: &mut [TypeDef],
    stated: &[Hierarchy],
    index: &TypeIndex,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let find = |t: &TypeDef, s: &Stated| {
        s.link
            .as_deref()
            .and_then(|link| index.by_link(&t.version, link))
            .or_else(|| index.by_name(&t.version, &s.text, &t.namespace))
            .cloned()
    };

    for (i, h) in stated.iter().enumerate() {
        let mut chosen: Option<(TypeId, &Stated)> = None;
        for s in &h.base {
            let t = &types[i];
            match find(t, s) {
                None if s.guessed => {}
                Some(b) if s.guessed && b.index() != i && chosen.is_none() => {
                    diagnostics.push(Diagnostic::note(
                        "base-type-guessed",
                        s.source.clone(),
                        format!(
                            "the page names the base of {} only in words, with no link or type name; {} is the documented type they most likely mean",
                            t.name,
                            types[b.index()].name
                        ),
                    ));
                    chosen = Some((b, s));
                }
                Some(_) if s.guessed => {}
                None => diagnostics.push(
                    Diagnostic::warning(
                        "unresolved-base-type",
                        s.source.clone(),
                        format!(
                            "base type {:?} of {} is no type of this {} doc set; its inherited properties are missing",
                            s.text, t.name, t.version
                        ),
                    )
                    .wanting(super::missing::wanted_page(&t.version, &s.text, s.link.as_deref())),
                ),
                Some(b) if b.index() == i => diagnostics.push(Diagnostic::warning(
                    "base-type-self",
                    s.source.clone(),
                    format!("{} names itself as its base type; ignored", t.name),
                )),
                Some(b) => match &chosen {
                    None => chosen = Some((b, s)),
                    Some((c, _)) if *c == b => {}
                    Some((c, first)) if is_entity_root(c) => {
                        diagnostics.push(more_specific(&types[i], first, s, &types[b.index()]));
                        chosen = Some((b, s));
                    }
                    Some(_) if is_entity_root(&b) => {}
                    Some((c, first)) => diagnostics.push(conflict(
                        &types[i],
                        first,
                        &types[c.index()],
                        s,
                        &types[b.index()],
                    )),
                },
            }
        }
        if let Some((b, s)) = chosen {
            set_base(&mut types[i], b, s);
        }
    }

    // What base pages say of their derived types, once every page's own word is in.
    for (b, h) in stated.iter().enumerate() {
        for s in &h.derived {
            let Some(d) = find(&types[b], s).map(|d| d.index()) else {
                diagnostics.push(Diagnostic::warning(
                    "unresolved-derived-type",
                    s.source.clone(),
                    format!(
                        "{} names {:?} as derived from it, which is no type of this {} doc set",
                        types[b].name, s.text, types[b].version
                    ),
                ));
                continue;
            };
            if d == b || ancestors(types, d).contains(&b) {
                continue;
            }
            let base_id = TypeId::new(b, &types[b].qualified_name());
            let current = types[d].base_type.as_ref().map(TypeId::index);
            match current {
                // The base page's word, where the derived type's own page is silent.
                None => set_base(&mut types[d], base_id, s),
                Some(c) if types[c].qualified_name() == ENTITY => {
                    let first = types[d].base_written.clone();
                    diagnostics.push(Diagnostic::note(
                        "base-type-specific",
                        s.source.clone(),
                        format!(
                            "{} is listed here as derived from {}, and its page names {}{}; the more specific {} is used",
                            types[d].name,
                            types[b].name,
                            ENTITY,
                            first.map(|w| format!(" ({})", w.source)).unwrap_or_default(),
                            types[b].name
                        ),
                    ));
                    set_base(&mut types[d], base_id, s);
                }
                // A base page may name a type further down its line.
                Some(c) if ancestors(types, c).contains(&b) => {}
                Some(c) => diagnostics.push(Diagnostic::warning(
                    "base-type-conflict",
                    s.source.clone(),
                    format!(
                        "{} is listed here as derived from {}, but its page names {} as its base ({}); that is used",
                        types[d].name,
                        types[b].name,
                        types[c].name,
                        types[d].base_written.as_ref().map_or_else(|| types[d].source.to_string(), |w| w.source.to_string())
                    ),
                )),
            }
        }
    }
    break_cycles(types, diagnostics);
}

fn is_entity_root(id: &TypeId) -> bool {
    id.qualified_name() == ENTITY
}

fn set_base(t: &mut TypeDef, base: TypeId, s: &Stated) {
    t.base_type = Some(base);
    t.base_written = Some(Written {
        text: s.text.clone(),
        source: s.source.clone(),
    });
}

fn more_specific(t: &TypeDef, first: &Stated, then: &Stated, specific: &TypeDef) -> Diagnostic {
    Diagnostic::note(
        "base-type-specific",
        then.source.clone(),
        format!(
            "the base of {} is named {:?} here and {:?} at {}; the more specific {} is used",
            t.name, then.text, first.text, first.source, specific.name
        ),
    )
}

fn conflict(
    t: &TypeDef,
    first: &Stated,
    used: &TypeDef,
    other: &Stated,
    other_type: &TypeDef,
) -> Diagnostic {
    Diagnostic::warning(
        "base-type-conflict",
        other.source.clone(),
        format!(
            "base type of {}: {:?} here ({}), {:?} at {} ({}); the latter is used",
            t.name,
            other.text,
            other_type.qualified_name(),
            first.text,
            first.source,
            used.qualified_name()
        ),
    )
}

/// The base types of `i`, nearest first, as linked so far (a cycle ends the walk).
pub(super) fn ancestors(types: &[TypeDef], i: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut at = i;
    while let Some(next) = types[at].base_type.as_ref().map(TypeId::index) {
        if next == i || out.contains(&next) {
            break;
        }
        out.push(next);
        at = next;
    }
    out
}

fn break_cycles(types: &mut [TypeDef], diagnostics: &mut Vec<Diagnostic>) {
    for i in 0..types.len() {
        let mut seen = vec![i];
        let mut at = i;
        while let Some(next) = types[at].base_type.as_ref().map(TypeId::index) {
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
