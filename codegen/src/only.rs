//! `only`: the types and operations a selection names (`microsoft.graph.user`,
//! `v1.0:microsoft.graph.user`, `userSendMail`) and, for a name that names none, the names the
//! user most likely meant: a type's bare name qualified, a version spelled otherwise (`v1`
//! for `v1.0`), a type of another version, or the nearest spellings.

use std::collections::BTreeSet;

use crate::schema::{Schema, TypeId};

/// A name that names no type, and what it most likely meant (best first; may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    pub wanted: String,
    pub suggestions: Vec<String>,
}

impl std::fmt::Display for Unknown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?} names no type or operation of the docs",
            self.wanted
        )?;
        match self.suggestions.as_slice() {
            [] => Ok(()),
            [one] => write!(f, "; did you mean {one:?}?"),
            many => {
                let quoted: Vec<String> = many.iter().map(|s| format!("{s:?}")).collect();
                write!(f, "; did you mean one of {}?", quoted.join(", "))
            }
        }
    }
}

/// What a selection names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub types: Vec<TypeId>,
    /// Indices into `Schema::operations`.
    pub operations: Vec<usize>,
}

/// The types and operations `wanted` names (a name is a type's qualified name or an
/// operation's name, `userSendMail`), or every name that names neither.
pub fn roots(schema: &Schema, wanted: &[String]) -> Result<Selection, Vec<Unknown>> {
    let mut selection = Selection::default();
    let mut unknown = Vec::new();
    for w in wanted {
        let (version, name) = split(w);
        let in_version = |v: &str| version.is_none_or(|wanted| wanted == v);
        let types: Vec<TypeId> = schema
            .versions()
            .into_iter()
            .filter(|v| in_version(v))
            .filter_map(|v| schema.find(v, name).cloned())
            .collect();
        let operations: Vec<usize> = schema
            .operations
            .iter()
            .enumerate()
            .filter(|(_, o)| in_version(&o.version) && o.name == name)
            .map(|(i, _)| i)
            .collect();
        if types.is_empty() && operations.is_empty() {
            unknown.push(Unknown {
                wanted: w.clone(),
                suggestions: suggest(schema, w),
            });
        }
        selection.types.extend(types);
        selection.operations.extend(operations);
    }
    if unknown.is_empty() {
        Ok(selection)
    } else {
        Err(unknown)
    }
}

fn split(wanted: &str) -> (Option<&str>, &str) {
    match wanted.split_once(':') {
        Some((v, n)) => (Some(v), n),
        None => (None, wanted),
    }
}

/// At most this many suggestions per name.
const MAX_SUGGESTIONS: usize = 3;

/// What `wanted` most likely meant, spelled as it must be: with the version prefix when it
/// had one (corrected), qualified otherwise.
pub fn suggest(schema: &Schema, wanted: &str) -> Vec<String> {
    let (version, name) = split(wanted);
    let versions: BTreeSet<&str> = schema.types.iter().map(|t| t.version.as_str()).collect();
    // The versions the user meant: theirs when it exists, else the nearest spellings, else all.
    let meant_versions: Vec<&str> = match version {
        Some(v) if versions.contains(v) => vec![v],
        Some(v) => {
            let near: Vec<&str> = versions
                .iter()
                .copied()
                .filter(|known| near_version(v, known))
                .collect();
            if near.is_empty() {
                versions.iter().copied().collect()
            } else {
                near
            }
        }
        None => versions.iter().copied().collect(),
    };
    let name_lower = name.to_ascii_lowercase();
    let bare = !name.contains('.');
    // (distance, version, qualified) of every type near enough; 0 is the right name.
    let limit = (name.len() / 4).max(2);
    let mut scored: Vec<(usize, usize, &str, String)> = Vec::new();
    for t in &schema.types {
        let qualified = t.qualified_name();
        let distance = if bare {
            strsim::damerau_levenshtein(&name_lower, &t.name.to_ascii_lowercase())
        } else {
            strsim::damerau_levenshtein(&name_lower, &qualified.to_ascii_lowercase())
        };
        if distance > limit {
            continue;
        }
        // Types of the versions meant first, then of the others.
        let other_version = usize::from(!meant_versions.contains(&t.version.as_str()));
        scored.push((other_version, distance, t.version.as_str(), qualified));
    }
    scored.sort();
    // The nearest spellings only: an exact name hides the near ones.
    let best = scored.iter().map(|s| s.1).min().unwrap_or(0);
    let near_enough = if best == 0 { 0 } else { best + 1 };
    let mut out: Vec<String> = Vec::new();
    for (other_version, distance, v, qualified) in scored {
        if distance > near_enough {
            continue;
        }
        // A name without version matches in every version: suggest it without one, unless
        // the version was what was wrong.
        let spelled = match version {
            Some(_) => format!("{v}:{qualified}"),
            None if other_version == 0 => qualified,
            None => continue,
        };
        if !out.contains(&spelled) {
            out.push(spelled);
        }
        if out.len() == MAX_SUGGESTIONS {
            break;
        }
    }
    out
}

/// Whether `known` is likely what `written` meant as a version (`v1` for `v1.0`, `Beta`).
fn near_version(written: &str, known: &str) -> bool {
    let (w, k) = (written.to_ascii_lowercase(), known.to_ascii_lowercase());
    k.starts_with(&w) || w.starts_with(&k) || strsim::damerau_levenshtein(&w, &k) <= 2
}
