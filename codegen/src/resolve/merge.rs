//! A type documented by several pages is the union of what they say.
//!
//! Intune documents `deviceManagement` on sixteen pages, one per feature area, each listing
//! the properties of its area; `enums.md` lists members of enums that have pages of their
//! own; `intune-devices-user.md` adds navigation properties to `user`. Every page's part is
//! kept: properties, navigation properties, members, keys and methods from all of them, the
//! description from the page named after the type. Where two pages say different things
//! about the same property or member, the first page's word is used and both places are
//! named (`duplicate-type`).

use crate::diagnostics::Diagnostic;
use crate::schema::{Member, Property, TypeDef, TypeId, TypeKind};

use super::definitions::Definition;
use super::properties::Built;

/// Merges the parts of each type: `parts` carry the id their type has in the index, and
/// the result holds one type per id, in id order. The part that speaks for the type comes
/// first: the page named after it, then an Intune `-shared-` page, then a page's main type,
/// then by path.
pub fn merge(
    parts: Vec<(Definition<'_>, TypeId, Built)>,
    type_count: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Built> {
    let mut groups: Vec<Vec<(Definition<'_>, Built)>> =
        (0..type_count).map(|_| Vec::new()).collect();
    for (d, id, b) in parts {
        groups[id.index()].push((d, b));
    }
    groups
        .into_iter()
        .map(|mut group| {
            group.sort_by_key(|(d, _)| (rank(d), d.page.path.clone(), d.line));
            let mut group = group.into_iter().map(|(_, b)| b);
            let first = group.next().expect("every indexed type has a page");
            group.fold(first, |whole, part| join(whole, part, diagnostics))
        })
        .collect()
}

/// Which part speaks for the type: lower first.
fn rank(d: &Definition<'_>) -> u8 {
    let stem = crate::parse::type_ref::link_stem(&d.page.path).unwrap_or_default();
    if stem.eq_ignore_ascii_case(&d.name) {
        0
    } else if stem.contains("-shared-") && d.primary {
        1
    } else if d.primary {
        2
    } else {
        3
    }
}

/// Adds `part` to `whole`.
fn join(mut whole: Built, part: Built, diagnostics: &mut Vec<Diagnostic>) -> Built {
    let t = &mut whole.def;
    let p = part.def;
    t.other_parts.push(p.source.clone());
    if (t.kind == TypeKind::Enum) != (p.kind == TypeKind::Enum) {
        // An enum and a structured type under one name cannot both be kept in one type; the
        // first is used, and every row of the other is named by this diagnostic.
        let what = |k: TypeKind| {
            if k == TypeKind::Enum {
                "an enum"
            } else {
                "a type with properties"
            }
        };
        diagnostics.push(Diagnostic::warning(
            "duplicate-type",
            p.source.clone(),
            format!(
                "{} is {} here and {} at {}; the definition at {} is used",
                t.qualified_name(),
                what(p.kind),
                what(t.kind),
                t.source,
                t.source
            ),
        ));
        for row in p
            .properties
            .iter()
            .map(|q| &q.source)
            .chain(p.members.iter().map(|m| &m.source))
        {
            diagnostics.push(Diagnostic::warning(
                "duplicate-type",
                row.clone(),
                format!(
                    "not used: this page's {} is of another kind than the {} at {}",
                    t.qualified_name(),
                    what(t.kind),
                    t.source
                ),
            ));
        }
        return whole;
    }
    t.is_abstract |= p.is_abstract;
    t.open_type |= p.open_type;
    t.media_entity |= p.media_entity;
    if t.key.is_none() {
        t.key = p.key;
    }
    if t.addressed.is_none() {
        t.addressed = p.addressed;
    }
    if t.description.is_none() {
        t.description = p.description;
    }
    if t.area.is_none() {
        t.area = p.area;
    }
    for property in p.properties {
        add_property(t, property, diagnostics);
    }
    for member in p.members {
        add_member(t, member, diagnostics);
    }
    let owner = t.qualified_name();
    whole
        .inline_enums
        .extend(part.inline_enums.into_iter().map(|mut e| {
            e.owner = owner.clone();
            e
        }));
    whole.either.extend(part.either);
    whole.hierarchy.base.extend(part.hierarchy.base);
    whole.hierarchy.derived.extend(part.hierarchy.derived);
    whole
}

fn add_property(t: &mut TypeDef, property: Property, diagnostics: &mut Vec<Diagnostic>) {
    let existing = t
        .properties
        .iter()
        .position(|q| q.name == property.name)
        .or_else(|| {
            t.properties
                .iter()
                .position(|q| q.name.eq_ignore_ascii_case(&property.name))
        });
    let Some(i) = existing else {
        t.properties.push(property);
        return;
    };
    let q = &mut t.properties[i];
    // A key only a JSON representation lists is typed from its sample value: a table row
    // of another page says more.
    if q.representation_only && !property.representation_only {
        let guessed = std::mem::replace(q, property);
        q.also_documented.push(guessed.source);
        q.also_documented.extend(guessed.also_documented);
        return;
    }
    let agrees = property.representation_only
        || (q.ty == property.ty && q.collection == property.collection);
    if agrees {
        if q.description.is_none() {
            q.description = property.description;
        }
        q.navigation |= property.navigation;
        q.read_only |= property.read_only;
        q.nullable = q.nullable.or(property.nullable);
        q.also_documented.push(property.source);
        return;
    }
    diagnostics.push(Diagnostic::warning(
        "duplicate-type",
        property.source.clone(),
        format!(
            "{}.{} is written {:?} here and {:?} at {} (another page of the same type); the latter is used",
            t.name, property.name, property.written, q.written, q.source
        ),
    ));
}

fn add_member(t: &mut TypeDef, member: Member, diagnostics: &mut Vec<Diagnostic>) {
    let Some(m) = t
        .members
        .iter_mut()
        .find(|m| m.name.eq_ignore_ascii_case(&member.name))
    else {
        t.members.push(member);
        return;
    };
    match (m.value, member.value) {
        (Some(a), Some(b)) if a != b => diagnostics.push(Diagnostic::warning(
            "duplicate-type",
            member.source.clone(),
            format!(
                "member {} of {} has the value {b} here and {a} at {} (another page of the same enum); the latter is used",
                member.name, t.name, m.source
            ),
        )),
        _ => {
            m.value = m.value.or(member.value);
            if m.description.is_none() {
                m.description = member.description;
            }
            m.also_documented.push(member.source);
        }
    }
}
