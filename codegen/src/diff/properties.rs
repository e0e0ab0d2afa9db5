//! Property changes: each type's properties compared as a user sees them (own and inherited),
//! each change reported once, at the type that declares the property, with the derived types
//! it reaches.

use std::collections::BTreeMap;

use super::change::{Change, ChangeKind, Evidence, Rule};
use super::impact;
use super::Sides;
use crate::schema::{Property, Schema, TypeKind};

/// A property with the type that declares it.
type Owned<'a> = (usize, &'a Property);

/// Whether an old property and a new one fit a rename rule.
type Fits<'f> = &'f dyn Fn(&Property, &Property) -> bool;

/// One change as one type pair sees it.
struct Seen<'a> {
    kind: ChangeKind,
    old: Option<Owned<'a>>,
    new: Option<Owned<'a>>,
    rule: Option<Rule>,
    /// The type pair that sees it: (old, new).
    pair: (usize, usize),
}

/// Where a change is declared: the new type declaring the property, or the old one for a
/// property that is gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Declared {
    New(usize),
    Old(usize),
}

impl Seen<'_> {
    fn declared(&self) -> Declared {
        match (self.new, self.old) {
            (Some((n, _)), _) => Declared::New(n),
            (None, Some((o, _))) => Declared::Old(o),
            (None, None) => unreachable!("a change has a side"),
        }
    }

    /// What makes two sightings the same change.
    fn key(&self) -> (ChangeKind, Declared, String, String) {
        let side = |p: Option<Owned<'_>>| {
            p.map(|(_, p)| format!("{} {} {}", p.name, p.ty, p.collection))
                .unwrap_or_default()
        };
        (self.kind, self.declared(), side(self.old), side(self.new))
    }
}

/// The property changes of every pair of entity or complex types.
pub fn changes(s: &Sides<'_>) -> Vec<Change> {
    let mut groups: BTreeMap<(ChangeKind, Declared, String, String), Vec<Seen<'_>>> =
        BTreeMap::new();
    for (o, n) in s.m.pairs() {
        let structs = |t: &crate::schema::TypeDef| t.kind != TypeKind::Enum;
        if !structs(&s.old.types[o])
            || !structs(&s.new.types[n])
            || !super::types::reported(&s.new.types[n])
        {
            continue;
        }
        for seen in compare(s, o, n) {
            groups.entry(seen.key()).or_default().push(seen);
        }
    }
    groups.into_values().map(|g| change(s, &g)).collect()
}

/// Own and inherited properties of a type with the type that declares each, base types'
/// first; a redefined property takes the derived definition (as [`Schema::all_properties`]).
fn effective(schema: &Schema, i: usize) -> Vec<Owned<'_>> {
    let mut chain: Vec<usize> = schema
        .bases(schema.id(i))
        .into_iter()
        .map(|b| b.index())
        .collect();
    chain.reverse();
    chain.push(i);
    let mut out: Vec<Owned<'_>> = Vec::new();
    let mut at: std::collections::HashMap<&str, usize> = Default::default();
    for t in chain {
        for p in &schema.types[t].properties {
            match at.get(p.name.as_str()) {
                Some(&k) => out[k] = (t, p),
                None => {
                    at.insert(&p.name, out.len());
                    out.push((t, p));
                }
            }
        }
    }
    out
}

/// What one type pair sees change.
fn compare<'a>(s: &Sides<'a>, o: usize, n: usize) -> Vec<Seen<'a>> {
    let olds = effective(s.old, o);
    let news = effective(s.new, n);
    let mut old_left: Vec<Option<Owned<'a>>> = olds.iter().copied().map(Some).collect();
    let mut new_left: Vec<Option<Owned<'a>>> = news.iter().copied().map(Some).collect();
    let mut out = Vec::new();
    let pair = |old: Owned<'a>, new: Owned<'a>, rule: Option<Rule>, out: &mut Vec<Seen<'a>>| {
        let seen = |kind| Seen {
            kind,
            old: Some(old),
            new: Some(new),
            rule,
            pair: (o, n),
        };
        if rule.is_some() {
            out.push(seen(ChangeKind::PropertyRenamed));
        }
        if !s.m.same(&old.1.ty, &new.1.ty) {
            out.push(seen(ChangeKind::PropertyRetyped));
        }
        match (old.1.collection, new.1.collection) {
            (false, true) => out.push(seen(ChangeKind::PropertyMadeCollection)),
            (true, false) => out.push(seen(ChangeKind::PropertyMadeSingle)),
            _ => {}
        }
    };
    // The same name; then the rename rules, one to one.
    for slot in old_left.iter_mut() {
        let Some(old) = *slot else { continue };
        if let Some(k) = new_left
            .iter()
            .position(|q| q.is_some_and(|q| q.1.name == old.1.name))
        {
            pair(old, new_left[k].take().expect("present"), None, &mut out);
            *slot = None;
        }
    }
    let rules: [(Rule, Fits<'_>); 2] = [
        (Rule::Case, &|p, q| p.name.eq_ignore_ascii_case(&q.name)),
        (Rule::SameTypeAndDescription, &|p, q| {
            s.m.same(&p.ty, &q.ty)
                && p.collection == q.collection
                && p.description
                    .as_deref()
                    .is_some_and(|d| !d.trim().is_empty() && q.description.as_deref() == Some(d))
        }),
    ];
    for (rule, fits) in rules {
        let candidates = |p: &Property, among: &[Option<Owned<'a>>], flip: bool| {
            among
                .iter()
                .enumerate()
                .filter(|(_, q)| q.is_some_and(|q| if flip { fits(q.1, p) } else { fits(p, q.1) }))
                .map(|(k, _)| k)
                .collect::<Vec<_>>()
        };
        for i in 0..old_left.len() {
            let Some(old) = old_left[i] else { continue };
            let [k] = candidates(old.1, &new_left, false)[..] else {
                continue;
            };
            let new = new_left[k].expect("a candidate is present");
            // One to one: the new property fits no other old one.
            if candidates(new.1, &old_left, true).len() != 1 {
                continue;
            }
            pair(old, new, Some(rule), &mut out);
            old_left[i] = None;
            new_left[k] = None;
        }
    }
    for old in old_left.into_iter().flatten() {
        out.push(Seen {
            kind: ChangeKind::PropertyRemoved,
            old: Some(old),
            new: None,
            rule: None,
            pair: (o, n),
        });
    }
    for new in new_left.into_iter().flatten() {
        out.push(Seen {
            kind: ChangeKind::PropertyAdded,
            old: None,
            new: Some(new),
            rule: None,
            pair: (o, n),
        });
    }
    out
}

/// The change a group of sightings make, at the type that declares it.
fn change(s: &Sides<'_>, group: &[Seen<'_>]) -> Change {
    let first = &group[0];
    let (o, n) = first.pair;
    // The declaring type on each side, where it has one.
    let (declared_old, declared_new) = match first.declared() {
        Declared::New(d) => (s.m.new_to_old[d], Some(d)),
        Declared::Old(d) => (Some(d), s.m.old_to_new[d]),
    };
    let type_name = match (declared_new, declared_old) {
        (Some(d), _) => s.new.types[d].qualified_name(),
        (None, Some(d)) => s.old.types[d].qualified_name(),
        (None, None) => unreachable!("declared on one side"),
    };
    let mut inherited_by: Vec<String> = group
        .iter()
        .filter(|g| Some(g.pair.1) != declared_new)
        .map(|g| s.new.types[g.pair.1].qualified_name())
        .collect();
    inherited_by.sort();
    inherited_by.dedup();
    let area = declared_new
        .and_then(|d| s.new.types[d].area.clone())
        .or_else(|| declared_old.and_then(|d| s.old.types[d].area.clone()));
    // Where the absent side would have it: the declaring type's page, else the page of the
    // type that sees the change.
    let old_page = &s.old.types[declared_old.unwrap_or(o)].source;
    let new_page = &s.new.types[declared_new.unwrap_or(n)].source;
    let old_field = first
        .old
        .and_then(|(_, p)| s.old_rust.types[o].fields.get(&p.name));
    let new_field = first
        .new
        .and_then(|(_, p)| s.new_rust.types[n].fields.get(&p.name));
    let (old_ev, new_ev) = evidence(first, old_page, new_page);
    let (rust, wire) = impact::property(s, first.kind, first.old, first.new, old_field, new_field);
    let note = (old_ev.text == new_ev.text)
        .then(|| same_text_note(s, first))
        .flatten();
    Change {
        version: s.new.types[n].version.clone(),
        area,
        type_name,
        name: first.new.or(first.old).map(|(_, p)| p.name.clone()),
        kind: first.kind,
        renamed_from: (first.kind == ChangeKind::PropertyRenamed)
            .then(|| first.old.map(|(_, p)| p.name.clone()))
            .flatten(),
        rule: first
            .rule
            .filter(|_| first.kind == ChangeKind::PropertyRenamed),
        rust,
        wire,
        old: Some(old_ev),
        new: Some(new_ev),
        inherited_by,
        note,
        csdl: None,
    }
}

/// Why a property changed whose text reads the same on both sides: what the reading
/// decided about it on each side (a request path, an override), or what its type names.
fn same_text_note(s: &Sides<'_>, seen: &Seen<'_>) -> Option<String> {
    let mut notes = Vec::new();
    for (new, p) in [(false, seen.old), (true, seen.new)] {
        let Some((_, p)) = p else { continue };
        let side = if new { "new" } else { "old" };
        notes.extend(
            s.reading(new, &p.source, &p.name)
                .into_iter()
                .map(|r| format!("{side}: {r}")),
        );
    }
    if seen.kind == ChangeKind::PropertyRetyped {
        notes.extend(impact::retype_note(s, seen.old, seen.new));
    }
    (!notes.is_empty()).then(|| notes.join("; "))
}

/// The text on each side that shows the change: the type cell (or the name, for a rename);
/// the description when the type cell is the same and the description made the difference
/// (a list of values).
fn evidence(
    seen: &Seen<'_>,
    old_page: &crate::Location,
    new_page: &crate::Location,
) -> (Evidence, Evidence) {
    let cell = |p: &Property| {
        if seen.kind == ChangeKind::PropertyRenamed {
            return p.name.clone();
        }
        p.written.clone()
    };
    match (seen.old, seen.new) {
        (Some((_, p)), Some((_, q))) => {
            let (a, b) = (cell(p), cell(q));
            // `string` and `String` say the same: the description made the difference then.
            let plain = |c: &str| c.replace('`', "").trim().to_ascii_lowercase();
            let by_description = plain(&a) == plain(&b) && p.description != q.description;
            let text = |p: &Property, cell: String| {
                if by_description {
                    p.description.clone().unwrap_or_default()
                } else {
                    cell
                }
            };
            (
                Evidence::written(text(p, a), &p.source),
                Evidence::written(text(q, b), &q.source),
            )
        }
        (Some((_, p)), None) => (
            Evidence::written(cell(p), &p.source),
            Evidence::absent(new_page),
        ),
        (None, Some((_, q))) => (
            Evidence::absent(old_page),
            Evidence::written(cell(q), &q.source),
        ),
        (None, None) => unreachable!("a change has a side"),
    }
}
