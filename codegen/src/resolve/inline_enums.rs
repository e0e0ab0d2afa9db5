//! Enums written inline in descriptions ("Possible values are: `a`, `b`, `c`.") or in JSON
//! representations (`"a | b | c"`), turned into enum types shared by every property that
//! lists the same members under the same property name.

use std::collections::BTreeMap;

use crate::diagnostics::Location;
use crate::parse::type_ref::is_identifier;
use crate::parse::Inline;
use crate::schema::{Member, TypeDef, TypeId, TypeKind};

/// A string property whose description or representation lists its values.
#[derive(Debug, Clone)]
pub struct InlineEnum {
    pub version: String,
    pub namespace: String,
    /// Qualified name of the type holding the property.
    pub owner: String,
    pub property: String,
    /// The qualified name the property's type cell gives the enum, when it names one that
    /// has no page.
    pub name: Option<String>,
    pub members: Vec<String>,
    pub area: Option<String>,
    pub source: Location,
}

const PHRASES: [&str; 8] = [
    "possible values are",
    "possible values include",
    "supported values are",
    "valid values are",
    "allowed values are",
    "the possible values are",
    "possible values:",
    "values:",
];

/// The members listed after "Possible values are" (or "values:") in a description, or
/// written as a list of code spans after a colon (`The attendee type: `required`,
/// `optional`, `resource`.`), if it lists any.
pub fn possible_values(description: &Inline) -> Option<Vec<String>> {
    let text = &description.text;
    let lower = text.to_ascii_lowercase();
    let after_phrase = PHRASES
        .iter()
        .filter_map(|p| lower.find(p).map(|i| i + p.len()))
        .min()
        .and_then(|at| listed(&text[at..], false));
    after_phrase.or_else(|| {
        text.match_indices(": `")
            .find_map(|(at, _)| listed(&text[at + 1..], true))
    })
}

/// The list at the start of `rest`, up to the end of its sentence; with `code_only`, every
/// member must be a code span.
fn listed(rest: &str, code_only: bool) -> Option<Vec<String>> {
    let rest = rest.trim_start_matches([':', ' ']);
    // The list ends with its sentence.
    let sentence_end = rest
        .char_indices()
        .find(|&(i, c)| c == '.' && rest[i + 1..].starts_with([' ', '\n']) || c == '\n')
        .map_or(rest.len(), |(i, _)| i);
    let list = rest[..sentence_end].trim_end_matches('.');
    let parts: Vec<&str> = list
        .split([',', ';'])
        .flat_map(|part| {
            let part = part.trim();
            let part = part
                .strip_prefix("and ")
                .or_else(|| part.strip_prefix("or "))
                .unwrap_or(part);
            part.split(" or ")
                .flat_map(|p| p.split(" and "))
                .collect::<Vec<_>>()
        })
        // "`after` (default) or `before`": a note in parentheses is not part of the member.
        .map(|m| match m.trim().find(" (") {
            Some(i) if m.trim().ends_with(')') => m.trim()[..i].trim(),
            _ => m.trim(),
        })
        .filter(|m| !m.is_empty())
        .collect();
    if code_only
        && !parts
            .iter()
            .all(|m| m.len() > 2 && m.starts_with('`') && m.ends_with('`'))
    {
        return None;
    }
    let members: Vec<String> = parts
        .into_iter()
        .map(|m| {
            m.trim()
                .trim_matches(['`', '"', '\'', '*'])
                .trim()
                .to_string()
        })
        .filter(|m| !m.is_empty())
        .collect();
    let valid = members.len() >= 2
        && members.iter().all(|m| {
            is_identifier(m)
                || m.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        });
    valid.then_some(members)
}

/// Which enum each (version, owner, property) uses.
pub type Assignments = BTreeMap<(String, String, String), TypeId>;

/// Inline lists that name exactly the members of a documented enum (`unknownFutureValue`
/// aside) are that enum: the description repeats it rather than defining a new one. When
/// several documented enums have those members, the one named like the property wins; if
/// none is, the list stays an enum of its own. Returns the uses so resolved and the rest.
pub fn use_documented(
    uses: Vec<InlineEnum>,
    types: &[TypeDef],
    diagnostics: &mut Vec<crate::diagnostics::Diagnostic>,
) -> (Assignments, Vec<InlineEnum>) {
    let members_of = |members: &mut dyn Iterator<Item = &str>| {
        let mut set: Vec<String> = members
            .map(str::to_ascii_lowercase)
            .filter(|m| m != "unknownfuturevalue")
            .collect();
        set.sort();
        set.dedup();
        set
    };
    // (version, members) -> the enums with those members, with their ids.
    type ByMembers<'t> = BTreeMap<(String, Vec<String>), Vec<(usize, &'t TypeDef)>>;
    let mut documented: ByMembers<'_> = BTreeMap::new();
    for (i, t) in types
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TypeKind::Enum)
    {
        let set = members_of(&mut t.members.iter().map(|m| m.name.as_str()));
        documented
            .entry((t.version.clone(), set))
            .or_default()
            .push((i, t));
    }
    let mut assigned = Assignments::new();
    let mut rest = Vec::new();
    for u in uses {
        let set = members_of(&mut u.members.iter().map(String::as_str));
        let candidates = documented
            .get(&(u.version.clone(), set))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let named_like = |(_, t): &&(usize, &TypeDef)| {
            let name = t.name.to_ascii_lowercase();
            let property = u.property.to_ascii_lowercase();
            name == property || name.ends_with(&property) || property.ends_with(&name)
        };
        let chosen = match candidates {
            [only] if u.name.is_none() => Some(*only),
            _ if u.name.is_none() => candidates.iter().find(named_like).copied(),
            _ => None,
        };
        match chosen {
            Some((i, t)) => {
                diagnostics.push(crate::diagnostics::Diagnostic::note(
                    "inline-enum-documented",
                    u.source.clone(),
                    format!(
                        "the values listed for {} are the members of the documented enum {}; it is typed with that enum",
                        u.property,
                        t.qualified_name()
                    ),
                ));
                assigned.insert(
                    (u.version, u.owner, u.property),
                    TypeId::new(i, &t.qualified_name()),
                );
            }
            None => rest.push(u),
        }
    }
    (assigned, rest)
}

/// Turns the inline enums into enum types, one per (version, namespace, property name,
/// members), whose ids follow on from `first_id`; returns them with, per (owner, property),
/// its enum.
pub fn into_types(
    uses: Vec<InlineEnum>,
    first_id: usize,
    taken: &dyn Fn(&str, &str) -> bool,
) -> (Vec<TypeDef>, Assignments) {
    // Named enums group by name (members merged); the others by property name and members.
    let mut groups: BTreeMap<(String, String, String, Vec<String>), Vec<InlineEnum>> =
        BTreeMap::new();
    for u in uses {
        let key = match &u.name {
            Some(q) => {
                let (ns, _) = super::definitions::split_qualified(q).unwrap_or(("", q));
                (
                    u.version.clone(),
                    ns.to_string(),
                    format!("={}", q.to_ascii_lowercase()),
                    Vec::new(),
                )
            }
            None => (
                u.version.clone(),
                u.namespace.clone(),
                u.property.to_ascii_lowercase(),
                u.members.clone(),
            ),
        };
        groups.entry(key).or_default().push(u);
    }
    let mut types = Vec::new();
    let mut assigned = BTreeMap::new();
    let mut names_used: std::collections::HashSet<(String, String)> = Default::default();
    for ((version, namespace, _, _), mut group) in groups {
        group.sort_by(|a, b| (&a.owner, &a.property).cmp(&(&b.owner, &b.property)));
        let mut members: Vec<String> = Vec::new();
        for u in &group {
            for m in &u.members {
                if !members.contains(m) {
                    members.push(m.clone());
                }
            }
        }
        let first = &group[0];
        let owner_name = first.owner.rsplit('.').next().unwrap_or(&first.owner);
        let base = match first
            .name
            .as_deref()
            .and_then(super::definitions::split_qualified)
        {
            Some((_, name)) => name.to_string(),
            None => format!("{}{}", owner_name, upper_first(&first.property)),
        };
        let mut name = base.clone();
        let mut n = 1;
        while taken(&version, &format!("{namespace}.{name}"))
            || !names_used.insert((
                version.clone(),
                format!("{namespace}.{name}").to_ascii_lowercase(),
            ))
        {
            n += 1;
            name = format!(
                "{base}{}",
                if n == 2 {
                    "Values".to_string()
                } else {
                    format!("Values{n}")
                }
            );
        }
        let id = TypeId::new(first_id + types.len(), &format!("{namespace}.{name}"));
        let used_by: Vec<String> = group
            .iter()
            .map(|u| format!("{}.{}", u.owner, u.property))
            .collect();
        types.push(TypeDef {
            name,
            namespace: namespace.clone(),
            version: version.clone(),
            kind: TypeKind::Enum,
            base_type: None,
            base_written: None,
            addressed: None,
            singleton: None,
            implied: None,
            is_abstract: false,
            open_type: false,
            media_entity: false,
            key: None,
            source: first.source.clone(),
            other_parts: Vec::new(),
            description: Some(format!(
                "Values of {}, as listed in its description.",
                used_by.join(", ")
            )),
            area: first.area.clone(),
            properties: Vec::new(),
            members: members
                .iter()
                .map(|m| Member {
                    name: m.clone(),
                    value: None,
                    description: None,
                    source: first.source.clone(),
                    also_documented: Vec::new(),
                })
                .collect(),
            inline_for: used_by,
        });
        for u in group {
            assigned.insert((u.version, u.owner, u.property), id.clone());
        }
    }
    (types, assigned)
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(text: &str, spans: &[&str]) -> Inline {
        Inline {
            text: text.into(),
            links: vec![],
            code_spans: spans.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn reads_backticked_and_plain_lists() {
        let v = possible_values(&inline(
            "Possible values are: notStarted, running, completed, failed. Read-only. Server generated.",
            &[],
        ));
        assert_eq!(v.unwrap(), ["notStarted", "running", "completed", "failed"]);
        let v = possible_values(&inline(
            "The type. Possible values are `a`, `b` and `c`.",
            &["a", "b", "c"],
        ));
        assert_eq!(v.unwrap(), ["a", "b", "c"]);
        let v = possible_values(&inline(
            "Possible values are: none, or unknownFutureValue.",
            &[],
        ));
        assert_eq!(v.unwrap(), ["none", "unknownFutureValue"]);
        let v = possible_values(&inline(
            "The attendee type: `required`, `optional`, `resource`.",
            &["required", "optional", "resource"],
        ));
        assert_eq!(v.unwrap(), ["required", "optional", "resource"]);
        let v = possible_values(&inline(
            "Currently supports only two values: `none` or `assignIfOpen`.",
            &["none", "assignIfOpen"],
        ));
        assert_eq!(v.unwrap(), ["none", "assignIfOpen"]);
    }

    #[test]
    fn a_note_in_parentheses_is_not_part_of_a_member() {
        // patchcontentcommand.md: "Possible values are: `after` (default) or `before`."
        let v = possible_values(&inline(
            "The location. Possible values are: `after` (default) or `before`.",
            &["after", "before"],
        ));
        assert_eq!(v.unwrap(), ["after", "before"]);
    }

    #[test]
    fn prose_is_not_a_list() {
        assert_eq!(
            possible_values(&inline(
                "Possible values are described in the table below.",
                &[]
            )),
            None
        );
        assert_eq!(possible_values(&inline("The status.", &[])), None);
        // A colon before code spans that are not a list of values.
        assert_eq!(
            possible_values(&inline("Example: `GET /me` returns the user.", &[])),
            None
        );
    }
}
