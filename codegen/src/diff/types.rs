//! Changes of types as a whole: added, removed, renamed, kind, base type, derived types, and
//! enum members.

use super::change::{Change, ChangeKind, Evidence, Impact, Rule};
use super::matching::same_name;
use super::Sides;
use crate::diagnostics::Location;
use crate::schema::{Implied, Member, Property, Schema, TypeDef, TypeKind};

/// Every type-level change and every member change.
pub fn changes(s: &Sides<'_>) -> Vec<Change> {
    let mut out = Vec::new();
    for (o, t) in s.old.types.iter().enumerate() {
        // An inline enum belongs to its properties: their changes say what became of it.
        let inline = !t.inline_for.is_empty();
        match s.m.old_to_new[o] {
            _ if !reported(t) => {}
            None if !inline => out.push(removed(s, o)),
            Some(n) if s.m.rules.contains_key(&o) => out.push(renamed(s, o, n)),
            _ => {}
        }
    }
    for (n, t) in s.new.types.iter().enumerate() {
        if s.m.new_to_old[n].is_none() && t.inline_for.is_empty() && reported(t) {
            out.push(added(s, n));
        }
    }
    for (o, n) in s.m.pairs() {
        if !reported(&s.new.types[n]) {
            continue;
        }
        let (a, b) = (&s.old.types[o], &s.new.types[n]);
        if a.kind != b.kind {
            out.push(kind(s, o, n));
        }
        let enums = (a.kind == TypeKind::Enum, b.kind == TypeKind::Enum);
        match enums {
            (true, true) => out.extend(members(s, o, n)),
            (false, false) => {
                out.extend(base(s, o, n));
                out.extend(derived(s, o, n));
            }
            _ => {}
        }
    }
    out
}

/// Whether a type's changes are reported as its own: the parameters of an action (its
/// implied request body) are reported with the operation.
pub fn reported(t: &TypeDef) -> bool {
    !matches!(t.implied, Some(Implied::ActionBody { .. }))
}

/// A change of the type pair (`o`, `n`), with the evidence and impacts given.
fn at_type(
    s: &Sides<'_>,
    o: Option<usize>,
    n: Option<usize>,
    kind: ChangeKind,
    (rust, wire): (Impact, Impact),
    (old, new): (Option<Evidence>, Option<Evidence>),
) -> Change {
    let old_t = o.map(|o| &s.old.types[o]);
    let new_t = n.map(|n| &s.new.types[n]);
    let t = new_t.or(old_t).expect("a type on one side");
    Change {
        version: t.version.clone(),
        area: new_t
            .and_then(|t| t.area.clone())
            .or_else(|| old_t.and_then(|t| t.area.clone())),
        type_name: t.qualified_name(),
        name: None,
        kind,
        renamed_from: None,
        rule: None,
        rust,
        wire,
        old,
        new,
        inherited_by: Vec::new(),
        note: None,
        csdl: None,
    }
}

fn named(t: &TypeDef) -> Evidence {
    Evidence::written(t.qualified_name(), &t.source)
}

fn added(s: &Sides<'_>, n: usize) -> Change {
    let t = &s.new.types[n];
    let path = &s.new_rust.types[n].path;
    let wire = match &t.base_type {
        Some(base) if t.kind != TypeKind::Enum => Impact::compatible(format!(
            "an object sent with \"@odata.type\": \"#{}\" in a {} property reads as {path} instead of its base",
            t.qualified_name(),
            base
        )),
        _ => Impact::none("payloads reach it through properties, listed with them"),
    };
    at_type(
        s,
        None,
        Some(n),
        ChangeKind::TypeAdded,
        (Impact::compatible(format!("new type {path}")), wire),
        (None, Some(named(t))),
    )
}

fn removed(s: &Sides<'_>, o: usize) -> Change {
    let t = &s.old.types[o];
    let path = &s.old_rust.types[o].path;
    let wire = match &t.base_type {
        Some(base) if t.kind != TypeKind::Enum => Impact::breaking(format!(
            "an object sent with \"@odata.type\": \"#{}\" in a {base} property reads as {base}, its own properties in additional_properties",
            t.qualified_name(),
        )),
        _ => Impact::none("payloads reach it through properties, listed with them"),
    };
    at_type(
        s,
        Some(o),
        None,
        ChangeKind::TypeRemoved,
        (Impact::breaking(format!("type {path} removed")), wire),
        (Some(named(t)), None),
    )
}

fn renamed(s: &Sides<'_>, o: usize, n: usize) -> Change {
    let (a, b) = (&s.old.types[o], &s.new.types[n]);
    let rule = s.m.rules[&o];
    let (pa, pb) = (&s.old_rust.types[o].path, &s.new_rust.types[n].path);
    let rust = if pa == pb {
        Impact::none(format!("the generated name stays {pa}"))
    } else {
        Impact::breaking(format!("{pa} is now {pb}"))
    };
    let wire = match (&b.base_type, a.kind) {
        (_, TypeKind::Enum) if super::matching::similar_members(a, b) && same_members(a, b) => {
            Impact::none("the same values")
        }
        (_, TypeKind::Enum) => {
            Impact::compatible("values either lists read as its variants, others as Undocumented")
        }
        (Some(_), _) if !a.qualified_name().eq_ignore_ascii_case(&b.qualified_name()) => {
            Impact::breaking(format!(
                "an object sent with \"@odata.type\": \"#{}\" reads as the base type",
                a.qualified_name()
            ))
        }
        _ => Impact::none("payloads do not name the type (or name it in any case)"),
    };
    let (old, new) = match rule {
        Rule::InlineEnumDocumented | Rule::EnumOfProperty => enum_use(s, o, n),
        _ => (named(a), named(b)),
    };
    let same_text = old.text == new.text;
    let replaced = s.m.new_to_old[n] != Some(o);
    let mut change = at_type(
        s,
        Some(o),
        Some(n),
        ChangeKind::TypeRenamed,
        (rust, wire),
        (Some(old), Some(new)),
    );
    change.renamed_from = Some(a.qualified_name());
    change.rule = Some(rule);
    let mut notes = Vec::new();
    if replaced {
        notes.push(format!(
            "{} was documented already; the property now names it",
            b.qualified_name()
        ));
    }
    if same_text {
        notes.extend(same_text_enum(s, o, n, &change));
    }
    change.note = (!notes.is_empty()).then(|| notes.join("; "));
    change
}

/// Why an enum has another name while its property reads the same: what the reading decided
/// on each side, and where the name comes from (an enum with no page of its own is named
/// after its property, or its type cell).
fn same_text_enum(s: &Sides<'_>, o: usize, n: usize, change: &Change) -> Vec<String> {
    let (a, b) = (&s.old.types[o], &s.new.types[n]);
    let mut notes = Vec::new();
    for (new, ev) in [(false, &change.old), (true, &change.new)] {
        let Some(ev) = ev else { continue };
        let side = if new { "new" } else { "old" };
        let said = s.reading(new, &ev.at, "");
        notes.extend(said.into_iter().map(|r| format!("{side}: {r}")));
    }
    let taken = s
        .new
        .find(&a.version, &a.qualified_name())
        .map(|id| s.new.get(id))
        .filter(|t| t.inline_for.is_empty());
    match taken {
        Some(t) => notes.push(format!(
            "the name {} now belongs to the enum documented at {}",
            a.qualified_name(),
            t.source
        )),
        None if !b.inline_for.is_empty() => notes.push(format!(
            "{} has no page of its own: its name is given after its property ({})",
            b.qualified_name(),
            b.inline_for.join(", ")
        )),
        None => {}
    }
    notes
}

/// The first property typed with the enum `e`, with its owner.
fn use_of(schema: &Schema, e: usize) -> Option<(usize, &Property)> {
    schema.types.iter().enumerate().find_map(|(i, t)| {
        t.properties
            .iter()
            .find(|p| p.ty.named().is_some_and(|id| id.index() == e))
            .map(|p| (i, p))
    })
}

/// The first type (not abstract) that names `base` its base type.
fn first_derived(schema: &Schema, base: usize) -> Option<&TypeDef> {
    schema.types.iter().find(|t| {
        t.kind != TypeKind::Enum
            && !t.is_abstract
            && t.base_type.as_ref().is_some_and(|b| b.index() == base)
    })
}

fn wire_name(m: Option<&Member>) -> &str {
    m.map_or("", |m| m.name.as_str())
}

/// Whether two enums list the same members, in any case.
fn same_members(a: &TypeDef, b: &TypeDef) -> bool {
    let set = |t: &TypeDef| {
        let mut v: Vec<String> = t
            .members
            .iter()
            .map(|m| m.name.to_ascii_lowercase())
            .collect();
        v.sort();
        v
    };
    set(a) == set(b)
}

/// For an enum renamed through a property: that property on each side, its description where
/// it lists the values inline, its type cell where it names a documented enum.
fn enum_use(s: &Sides<'_>, o: usize, n: usize) -> (Evidence, Evidence) {
    let (a, b) = (&s.old.types[o], &s.new.types[n]);
    let old = use_of(s.old, o);
    // The same property on the new side, if its owner continues.
    let new = old
        .and_then(|(owner, p)| {
            let owner = s.m.old_to_new[owner]?;
            let props = s.new.all_properties(s.new.id(owner));
            same_name(&props, &p.name)
        })
        .filter(|q| q.ty.named().is_some_and(|id| id.index() == n))
        .or_else(|| use_of(s.new, n).map(|(_, q)| q));
    // The type cell where it changed (a link to the documented enum now); else the
    // description, whose list of values is what the enum is read from.
    let by_cell = match (old, new) {
        (Some((_, p)), Some(q)) => p.written != q.written,
        _ => true,
    };
    let shown = |p: &Property| {
        let text = if by_cell {
            p.written.clone()
        } else {
            p.description.clone().unwrap_or_default()
        };
        Evidence::written(text, &p.source)
    };
    (
        old.map_or_else(|| named(a), |(_, p)| shown(p)),
        new.map_or_else(|| named(b), shown),
    )
}

fn kind_name(k: TypeKind) -> &'static str {
    match k {
        TypeKind::Entity => "entity",
        TypeKind::Complex => "complex",
        TypeKind::Enum => "enum",
    }
}

/// What makes a type the kind it is, as the page says it.
fn kind_evidence(t: &TypeDef) -> Evidence {
    let (text, at) = match t.kind {
        TypeKind::Enum => ("an enum: a table of members".to_string(), &t.source),
        TypeKind::Complex => (
            "a complex type: no key, no Methods table reading, updating or deleting it".to_string(),
            &t.source,
        ),
        TypeKind::Entity => match (&t.addressed, &t.singleton, &t.key) {
            (Some(w), _, _) => (
                format!("an entity: its Methods table lists {}", w.text),
                &w.source,
            ),
            (None, Some(w), _) => (format!("an entity: a singleton at {}", w.text), &w.source),
            (None, None, Some(k)) => (format!("an entity: key {k}"), &t.source),
            (None, None, None) => (
                "an entity: derived from an entity, or the target of a navigation property"
                    .to_string(),
                &t.source,
            ),
        },
    };
    Evidence::written(text, at)
}

fn kind(s: &Sides<'_>, o: usize, n: usize) -> Change {
    let (a, b) = (&s.old.types[o], &s.new.types[n]);
    let enum_involved = a.kind == TypeKind::Enum || b.kind == TypeKind::Enum;
    let path = &s.new_rust.types[n].path;
    let (rust, wire) = if enum_involved {
        (
            Impact::breaking(format!(
                "{path} is now a {} where it was a {}",
                rust_item(b.kind),
                rust_item(a.kind)
            )),
            Impact::breaking(format!(
                "a {} value does not fit a {}",
                kind_name(a.kind),
                kind_name(b.kind)
            )),
        )
    } else {
        (
            Impact::none("entity and complex types are both structs; their fields' changes are listed with them"),
            Impact::none("read the same way"),
        )
    };
    let mut change = at_type(
        s,
        Some(o),
        Some(n),
        ChangeKind::KindChanged,
        (rust, wire),
        (Some(kind_evidence(a)), Some(kind_evidence(b))),
    );
    change.note = Some(format!("{} -> {}", kind_name(a.kind), kind_name(b.kind)));
    change
}

fn rust_item(k: TypeKind) -> &'static str {
    match k {
        TypeKind::Enum => "enum",
        TypeKind::Entity | TypeKind::Complex => "struct",
    }
}

/// The base type, compared through the matching; an entity's implied base (`entity`, when
/// the page names none) follows from a kind change, reported as such.
fn base(s: &Sides<'_>, o: usize, n: usize) -> Option<Change> {
    let (a, b) = (&s.old.types[o], &s.new.types[n]);
    let old_base = a.base_type.as_ref().map(|id| id.index());
    let new_base = b.base_type.as_ref().map(|id| id.index());
    let same = match (old_base, new_base) {
        (Some(x), Some(y)) => s.m.old_to_new[x] == Some(y),
        (None, None) => true,
        _ => false,
    };
    let implied = |t: &TypeDef| t.base_written.is_none();
    if same || (a.kind != b.kind && implied(a) && implied(b)) {
        return None;
    }
    let path = &s.new_rust.types[n].path;
    let any_of = |surface: &crate::emit::Surface, base: Option<usize>| {
        base.and_then(|x| surface.types[x].any.clone())
    };
    let (left, joined) = (any_of(&s.old_rust, old_base), any_of(&s.new_rust, new_base));
    let rust = match (&left, &joined) {
        (Some(l), _) => Impact::breaking(format!("{path} is no longer a variant of {l}")),
        (None, Some(j)) => Impact::compatible(format!("{path} is a new variant of {j}")),
        (None, None) => Impact::none("inherited fields' changes are listed with them"),
    };
    let wire = match (&left, &joined) {
        (Some(l), _) => Impact::breaking(format!(
            "a {} object in a property holding {l} reads as the base, its own properties in additional_properties",
            b.qualified_name()
        )),
        (None, Some(j)) => Impact::compatible(format!(
            "a {} object in a property holding {j} reads as itself instead of the base",
            b.qualified_name()
        )),
        (None, None) => Impact::none("inherited properties' changes are listed with them"),
    };
    let evidence = |t: &TypeDef| match &t.base_written {
        Some(w) => Evidence::written(w.text.clone(), &w.source),
        None => Evidence::absent(&t.source),
    };
    let mut change = at_type(
        s,
        Some(o),
        Some(n),
        ChangeKind::BaseTypeChanged,
        (rust, wire),
        (Some(evidence(a)), Some(evidence(b))),
    );
    let name = |t: Option<&crate::schema::TypeId>| t.map_or("none".to_string(), |t| t.to_string());
    change.note = Some(format!(
        "{} -> {}",
        name(a.base_type.as_ref()),
        name(b.base_type.as_ref())
    ));
    Some(change)
}

/// Properties of the type now hold the `Any*` enum over it and its derived types, or no
/// longer: a type came to derive from it (or stopped).
fn derived(s: &Sides<'_>, o: usize, n: usize) -> Option<Change> {
    let (was, is) = (&s.old_rust.types[o].any, &s.new_rust.types[n].any);
    if was.is_some() == is.is_some() {
        return None;
    }
    let path = &s.new_rust.types[n].path;
    // The page that made a type derive from it, on the side where one does.
    let evidence = |schema: &Schema, i: usize, has: bool| {
        let t = &schema.types[i];
        match first_derived(schema, i).filter(|_| has) {
            Some(d) => match &d.base_written {
                Some(w) => {
                    Evidence::written(format!("{}: {}", d.qualified_name(), w.text), &w.source)
                }
                None => named(d),
            },
            None => Evidence::absent(&t.source),
        }
    };
    let (rust, wire) = match is {
        Some(any) => (
            Impact::breaking(format!("fields of type {path} now hold {any}")),
            Impact::compatible(format!(
                "an object whose \"@odata.type\" names a type derived from {} reads as that type",
                s.new.types[n].qualified_name()
            )),
        ),
        None => (
            Impact::breaking(format!(
                "fields holding {} now hold {path}",
                was.as_deref().unwrap_or_default()
            )),
            Impact::breaking(format!(
                "an object of a type derived from {} reads as it, the derived type's own properties in additional_properties",
                s.new.types[n].qualified_name()
            )),
        ),
    };
    Some(at_type(
        s,
        Some(o),
        Some(n),
        ChangeKind::DerivedTypesChanged,
        (rust, wire),
        (
            Some(evidence(s.old, o, was.is_some())),
            Some(evidence(s.new, n, is.is_some())),
        ),
    ))
}

/// Members of an enum pair: the same name, then the same in another case, then added and
/// removed.
fn members(s: &Sides<'_>, o: usize, n: usize) -> Vec<Change> {
    let (a, b) = (&s.old.types[o], &s.new.types[n]);
    let mut left: Vec<Option<&Member>> = b.members.iter().map(Some).collect();
    let mut out = Vec::new();
    let mut gone = Vec::new();
    for m in &a.members {
        if let Some(k) = left
            .iter()
            .position(|x| x.is_some_and(|x| x.name == m.name))
        {
            left[k] = None;
        } else {
            gone.push(m);
        }
    }
    let mut removed = Vec::new();
    for m in gone {
        let same = left
            .iter()
            .position(|x| x.is_some_and(|x| x.name.eq_ignore_ascii_case(&m.name)));
        match same {
            Some(k) => {
                let new = left[k].take().expect("present");
                out.push(member(
                    s,
                    o,
                    n,
                    ChangeKind::MemberRenamed,
                    Some(m),
                    Some(new),
                ));
            }
            None => removed.push(m),
        }
    }
    for m in removed {
        out.push(member(s, o, n, ChangeKind::MemberRemoved, Some(m), None));
    }
    for m in left.into_iter().flatten() {
        out.push(member(s, o, n, ChangeKind::MemberAdded, None, Some(m)));
    }
    out
}

fn member(
    s: &Sides<'_>,
    o: usize,
    n: usize,
    kind: ChangeKind,
    old: Option<&Member>,
    new: Option<&Member>,
) -> Change {
    let variant = |surface: &crate::emit::Surface, t: usize, m: Option<&Member>| {
        m.and_then(|m| {
            let item = &surface.types[t];
            item.variants
                .get(&m.name)
                .map(|v| format!("{}::{v}", item.path))
        })
        .unwrap_or_default()
    };
    let (va, vb) = (variant(&s.old_rust, o, old), variant(&s.new_rust, n, new));
    let (rust, wire) = match kind {
        ChangeKind::MemberAdded => (
            Impact::compatible(format!("new variant {vb}")),
            Impact::compatible(format!(
                "{:?} read as Undocumented before, as {vb} now",
                wire_name(new)
            )),
        ),
        ChangeKind::MemberRemoved => (
            Impact::breaking(format!("variant {va} removed")),
            Impact::compatible(format!(
                "{:?} reads as Undocumented, kept as sent",
                wire_name(old)
            )),
        ),
        _ if va.rsplit("::").next() == vb.rsplit("::").next() => (
            Impact::none(format!("the variant stays {vb}")),
            Impact::compatible(format!(
                "{:?} reads as Undocumented, kept as sent; {:?} as {vb}",
                wire_name(old),
                wire_name(new)
            )),
        ),
        _ => (
            Impact::breaking(format!("variant {va} is now {vb}")),
            Impact::compatible(format!(
                "{:?} reads as Undocumented, kept as sent; {:?} as {vb}",
                wire_name(old),
                wire_name(new)
            )),
        ),
    };
    let evidence = |schema: &Schema, t: usize, m: Option<&Member>| {
        let e = &schema.types[t];
        if let Some((p, _)) = inline_use(schema, e) {
            return Evidence::written(p.description.clone().unwrap_or_default(), &p.source);
        }
        match m {
            Some(m) => Evidence::written(m.name.clone(), &m.source),
            None => Evidence::absent(&e.source),
        }
    };
    let mut change = at_type(
        s,
        Some(o),
        Some(n),
        kind,
        (rust, wire),
        (Some(evidence(s.old, o, old)), Some(evidence(s.new, n, new))),
    );
    change.name = new.or(old).map(|m| m.name.clone());
    if kind == ChangeKind::MemberRenamed {
        change.renamed_from = old.map(|m| m.name.clone());
        change.rule = Some(Rule::Case);
    }
    change
}

/// For an inline enum, the first property whose description lists its values, and where.
fn inline_use<'s>(schema: &'s Schema, e: &TypeDef) -> Option<(&'s Property, &'s Location)> {
    let first = e.inline_for.first()?;
    let (owner, property) = first.rsplit_once('.')?;
    let t = schema.get(schema.find(&e.version, owner)?);
    let p = t.properties.iter().find(|p| p.name == property)?;
    Some((p, &p.source))
}
