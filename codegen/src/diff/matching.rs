//! Which type of the new model continues which type of the old one: by qualified name (the
//! ids of two schemas have nothing in common), then by the rename rules.

use std::collections::{BTreeMap, HashMap};

use super::change::Rule;
use crate::schema::{Property, Schema, TypeDef, TypeKind, TypeRef};

/// Types of the old model paired with types of the new one.
#[derive(Debug, Clone)]
pub struct Matching {
    /// For each old type, the new type that continues it.
    pub old_to_new: Vec<Option<usize>>,
    /// For each new type, the old type it is compared with. An old inline enum whose
    /// property now names a documented enum that was there already continues that enum
    /// (`old_to_new`) but is not what it is compared with.
    pub new_to_old: Vec<Option<usize>>,
    /// How old types whose new type has another name were recognised.
    pub rules: HashMap<usize, Rule>,
}

impl Matching {
    fn new(old: usize, new: usize) -> Matching {
        Matching {
            old_to_new: vec![None; old],
            new_to_old: vec![None; new],
            rules: HashMap::new(),
        }
    }

    fn pair(&mut self, old: usize, new: usize, rule: Option<Rule>) {
        self.old_to_new[old] = Some(new);
        if self.new_to_old[new].is_none() {
            self.new_to_old[new] = Some(old);
        }
        if let Some(rule) = rule {
            self.rules.insert(old, rule);
        }
    }

    /// Whether `old` (of the old model) and `new` (of the new one) name the same type.
    pub fn same(&self, old: &TypeRef, new: &TypeRef) -> bool {
        match (old, new) {
            (TypeRef::Primitive(a), TypeRef::Primitive(b)) => a == b,
            (TypeRef::Named(a), TypeRef::Named(b)) => self.old_to_new[a.index()] == Some(b.index()),
            _ => false,
        }
    }

    /// Old types compared one to one with a new type.
    pub fn pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.new_to_old
            .iter()
            .enumerate()
            .filter_map(|(n, o)| o.map(|o| (o, n)))
    }
}

/// Pairs the types of `old` with those of `new`.
pub fn types(old: &Schema, new: &Schema) -> Matching {
    let mut m = Matching::new(old.types.len(), new.types.len());
    // An inline enum is named by us, after its property; a documented enum of that name may
    // appear beside it (and take the name). Inline enums pair by name with inline enums only,
    // until their properties have had their say.
    by_name(old, new, &mut m, true);
    by_namespace(old, new, &mut m);
    // An enum pairs through a property already paired; a pass may pair the enums of
    // properties of types a rename of the previous pass paired.
    while enums_by_use(old, new, &mut m) {}
    by_name(old, new, &mut m, false);
    m
}

/// Pairs types of the same qualified name (in any case), both unpaired; with `alike`, only
/// inline enums with inline enums and documented types with documented types.
fn by_name(old: &Schema, new: &Schema, m: &mut Matching, alike: bool) {
    for (i, t) in old.types.iter().enumerate() {
        if m.old_to_new[i].is_some() {
            continue;
        }
        let Some(id) = new.find(&t.version, &t.qualified_name()) else {
            continue;
        };
        let u = new.get(id);
        if m.new_to_old[id.index()].is_some()
            || (alike && t.inline_for.is_empty() != u.inline_for.is_empty())
        {
            continue;
        }
        let spelled = u.qualified_name() != t.qualified_name();
        m.pair(i, id.index(), spelled.then_some(Rule::Case));
    }
}

/// A type that left one namespace for another, keeping its name: the one type of that name
/// on each side not paired yet.
fn by_namespace(old: &Schema, new: &Schema, m: &mut Matching) {
    type Unpaired = BTreeMap<(String, String), Vec<usize>>;
    let unpaired = |types: &[TypeDef], paired: &[Option<usize>]| {
        let mut out = Unpaired::new();
        for (i, t) in types.iter().enumerate() {
            if paired[i].is_none() && t.inline_for.is_empty() {
                out.entry((t.version.clone(), t.name.to_ascii_lowercase()))
                    .or_default()
                    .push(i);
            }
        }
        out
    };
    let olds = unpaired(&old.types, &m.old_to_new);
    let news = unpaired(&new.types, &m.new_to_old);
    for (key, o) in olds {
        if let (&[o], Some(&[n])) = (o.as_slice(), news.get(&key).map(Vec::as_slice)) {
            let same_family =
                (old.types[o].kind == TypeKind::Enum) == (new.types[n].kind == TypeKind::Enum);
            if same_family {
                m.pair(o, n, Some(Rule::Namespace));
            }
        }
    }
}

/// Enums not paired by name whose property, paired, now names another enum with (mostly) the
/// same members: an inline list now documented, a documented enum renamed, an inline enum
/// named after a renamed owner. Returns whether it paired any.
fn enums_by_use(old: &Schema, new: &Schema, m: &mut Matching) -> bool {
    let mut found = Vec::new();
    for (o, n) in m.pairs() {
        if old.types[o].kind == TypeKind::Enum {
            continue;
        }
        let theirs = new.all_properties(new.id(n));
        for p in &old.types[o].properties {
            let TypeRef::Named(e) = &p.ty else {
                continue;
            };
            let e = e.index();
            if m.old_to_new[e].is_some() || old.types[e].kind != TypeKind::Enum {
                continue;
            }
            let Some(q) = same_name(&theirs, &p.name) else {
                continue;
            };
            let Some(f) = q.ty.named().map(|f| f.index()) else {
                continue;
            };
            let (from, to) = (&old.types[e], &new.types[f]);
            if to.kind != TypeKind::Enum || !similar_members(from, to) {
                continue;
            }
            // A new enum continues one old enum; a second one merges into it.
            if found.iter().any(|&(x, _, _)| x == e) {
                continue;
            }
            let rule = if from.qualified_name() == to.qualified_name() {
                None
            } else if from
                .qualified_name()
                .eq_ignore_ascii_case(&to.qualified_name())
            {
                Some(Rule::Case)
            } else if !from.inline_for.is_empty() && to.inline_for.is_empty() {
                Some(Rule::InlineEnumDocumented)
            } else {
                Some(Rule::EnumOfProperty)
            };
            found.push((e, f, rule));
        }
    }
    let any = !found.is_empty();
    for (e, f, rule) in found {
        m.pair(e, f, rule);
    }
    any
}

/// The property of that name, or of that name in another case.
pub fn same_name<'p>(properties: &[&'p Property], name: &str) -> Option<&'p Property> {
    properties
        .iter()
        .find(|q| q.name == name)
        .or_else(|| {
            properties
                .iter()
                .find(|q| q.name.eq_ignore_ascii_case(name))
        })
        .copied()
}

/// Members compared without case and without `unknownFutureValue` (the docs' marker of an
/// evolvable enum, added to many lists over time): the same, or at least half in common.
pub fn similar_members(a: &TypeDef, b: &TypeDef) -> bool {
    let set = |t: &TypeDef| {
        let mut s: Vec<String> = t
            .members
            .iter()
            .map(|m| m.name.to_ascii_lowercase())
            .filter(|m| m != "unknownfuturevalue")
            .collect();
        s.sort();
        s.dedup();
        s
    };
    let (a, b) = (set(a), set(b));
    if a.is_empty() || b.is_empty() {
        return a == b;
    }
    let common = a.iter().filter(|m| b.contains(m)).count();
    common * 2 >= a.len().max(b.len())
}
