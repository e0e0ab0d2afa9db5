//! What changed between two doc sets, for the people who depend on the generated types.
//!
//! Two resolved models are compared by qualified name (their [`TypeId`](crate::schema::TypeId)s
//! have nothing in common), renames recognised by the rules of [`Rule`]; each change is
//! reported once, at the type that declares it, with the derived types it reaches, its impact
//! on code using the generated crate and on payloads read with it, and the pages' text on
//! both sides with `file:line`. With the schemas (CSDL) of both dates, each change is labelled
//! an API change or a documentation change ([`csdl`]).
//!
//! `matching` pairs the types, `properties` and `types` find the changes, `operations` the
//! changes of requests, `impact` judges them, `render` writes them for people; `csdl` labels
//! them with the schemas, `operation_labels` those of requests by walking them through each
//! schema; `source` reads a side from a folder or from a git revision, `last_build` remembers
//! what a build script generated last.

mod change;
pub mod csdl;
mod impact;
pub mod last_build;
mod matching;
mod operation_labels;
mod operations;
mod properties;
pub mod render;
pub mod source;
mod types;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

pub use change::{Change, ChangeKind, Evidence, Impact, Label, Level, Origin, Rule};
pub use last_build::without_lines;

use crate::diagnostics::{Diagnostic, Location};
use crate::emit::Surface;
use crate::schema::Schema;
use matching::Matching;

/// Both models, their generated Rust, and how their types pair.
pub(crate) struct Sides<'a> {
    pub old: &'a Schema,
    pub new: &'a Schema,
    pub old_rust: Surface,
    pub new_rust: Surface,
    pub m: Matching,
    old_said: HashMap<&'a Location, Vec<&'a Diagnostic>>,
    new_said: HashMap<&'a Location, Vec<&'a Diagnostic>>,
}

impl Sides<'_> {
    /// What the reading said about `name` at `at` (old side, or new), as `code: message`:
    /// the decisions behind a change whose text reads the same on both sides (a collection
    /// because a request path keys into it, an override, a list of values taken for a
    /// documented enum).
    pub fn reading(&self, new: bool, at: &Location, name: &str) -> Vec<String> {
        let said = if new { &self.new_said } else { &self.old_said };
        said.get(at)
            .into_iter()
            .flatten()
            .filter(|d| d.message.contains(name))
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect()
    }
}

fn by_place(schema: &Schema) -> HashMap<&Location, Vec<&Diagnostic>> {
    let mut out: HashMap<&Location, Vec<&Diagnostic>> = HashMap::new();
    for d in &schema.diagnostics {
        out.entry(&d.source).or_default().push(d);
    }
    out
}

/// Every change between two models, and their counts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// By version, then type, then name.
    pub changes: Vec<Change>,
    /// With the schemas of both dates: per version compared, how the report stands against
    /// their changes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub csdl: Vec<csdl::Coverage>,
}

/// Compares the model of the old docs with the model of the new ones.
pub fn compare(old: &Schema, new: &Schema) -> Report {
    let (old_rust, new_rust) = rayon::join(|| Surface::of(old), || Surface::of(new));
    let sides = Sides {
        old,
        new,
        old_rust,
        new_rust,
        m: matching::types(old, new),
        old_said: by_place(old),
        new_said: by_place(new),
    };
    let mut changes = types::changes(&sides);
    changes.extend(properties::changes(&sides));
    changes.extend(operations::changes(&sides));
    changes.sort_by(|a, b| order(a).cmp(&order(b)));
    Report {
        changes,
        csdl: Vec::new(),
    }
}

fn order(c: &Change) -> (&str, String, &str, ChangeKind) {
    (
        &c.version,
        c.type_name.to_ascii_lowercase(),
        c.name.as_deref().unwrap_or(""),
        c.kind,
    )
}

/// Counts of one version's changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub changes: usize,
    /// Changes that may break code using the generated crate.
    pub rust_breaking: usize,
    /// Changes that may make a payload that read lose a typed value.
    pub wire_breaking: usize,
    /// Either.
    pub breaking: usize,
    pub by_kind: BTreeMap<ChangeKind, usize>,
}

impl Report {
    /// Counts per version (and `all`).
    pub fn counts(&self) -> BTreeMap<String, Counts> {
        let mut out: BTreeMap<String, Counts> = BTreeMap::new();
        for c in &self.changes {
            for key in [c.version.as_str(), "all"] {
                let n = out.entry(key.to_string()).or_default();
                n.changes += 1;
                n.rust_breaking += usize::from(c.rust.level == Level::Breaking);
                n.wire_breaking += usize::from(c.wire.level == Level::Breaking);
                n.breaking += usize::from(c.is_breaking());
                *n.by_kind.entry(c.kind).or_default() += 1;
            }
        }
        out
    }

    /// Whether any change is breaking (for `--fail-on breaking`).
    pub fn has_breaking(&self) -> bool {
        self.changes.iter().any(Change::is_breaking)
    }
}
