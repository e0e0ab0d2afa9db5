//! Operation changes against the schemas of both dates: each request path walked through
//! each schema, as `check --csdl` walks it ([`crate::csdl::said`]).
//!
//! - An operation added is an API change when the new schema walks one of its request paths
//!   (to the action or function it calls, or to what the path addresses) and the old one
//!   walks none; a documentation change when the old one walks one too, or neither does.
//!   Removed, the reverse.
//! - Renamed (the same requests on a page of another name): an API change when both schemas
//!   walk them and name what they reach differently.
//! - Parameters added, removed, retyped: by the action or function each schema's walk finds
//!   (by name and binding type, the overload that fits best), and its parameters.
//! - A response changed: by the return type of that action or function, or where the walks
//!   of the paths end (one item, for a create), in each schema.

use std::collections::HashMap;

use super::change::{Change, ChangeKind, Label};
use super::csdl::{api, documentation};
use super::Report;
use crate::csdl::{
    described, model_binding, said, segment_text, type_text, Csdl, CsdlOperation, CsdlParameter,
    CsdlTypeUse, CsdlWalk, Said,
};
use crate::parse::path::Segment;
use crate::schema::operations::{Operation, OperationKind, OperationPath, Step};
use crate::schema::Schema;

/// The operations of one version on both sides, and the schemas of both dates.
pub(super) struct Operations<'a> {
    old: Side<'a>,
    new: Side<'a>,
    /// An operation renamed: its new name (lowercase) -> its old name.
    renamed: HashMap<String, String>,
}

struct Side<'a> {
    model: &'a Schema,
    csdl: &'a Csdl,
    /// Lowercase name -> operation, as `diff/operations.rs` pairs them.
    by_name: HashMap<String, &'a Operation>,
}

impl<'a> Side<'a> {
    fn new(model: &'a Schema, csdl: &'a Csdl, version: &str) -> Side<'a> {
        let by_name = model
            .operations
            .iter()
            .filter(|o| o.version == version)
            .map(|o| (o.name.to_ascii_lowercase(), o))
            .collect();
        Side {
            model,
            csdl,
            by_name,
        }
    }

    fn get(&self, name: &str) -> Option<&'a Operation> {
        self.by_name.get(&name.to_ascii_lowercase()).copied()
    }
}

/// Where one schema takes an operation's request paths.
enum Reach {
    /// The first request path the schema walks to the operation: the path as written, what
    /// it reaches (with the schema's line), the schema's name for that and where it is.
    Walks {
        path: String,
        to: String,
        name: String,
        at: String,
    },
    /// It walks none: why not, for the first path.
    Not { why: String },
}

impl<'a> Operations<'a> {
    pub(super) fn new(
        report: &Report,
        version: &str,
        (old, new): (&'a Schema, &'a Schema),
        (old_csdl, new_csdl): (&'a Csdl, &'a Csdl),
    ) -> Operations<'a> {
        let renamed = report
            .changes
            .iter()
            .filter(|c| c.version == version && c.kind == ChangeKind::OperationRenamed)
            .filter_map(|c| Some((c.type_name.to_ascii_lowercase(), c.renamed_from.clone()?)))
            .collect();
        Operations {
            old: Side::new(old, old_csdl, version),
            new: Side::new(new, new_csdl, version),
            renamed,
        }
    }

    /// The label of an operation change (`change.kind.is_operation()`).
    pub(super) fn label(&self, change: &Change) -> Label {
        let name = change.type_name.as_str();
        let old_name = change
            .renamed_from
            .as_deref()
            .or_else(|| {
                self.renamed
                    .get(&name.to_ascii_lowercase())
                    .map(String::as_str)
            })
            .unwrap_or(name);
        let (a, b) = (self.old.get(old_name), self.new.get(name));
        match (change.kind, a, b) {
            (ChangeKind::OperationAdded, _, Some(b)) => self.added(b),
            (ChangeKind::OperationRemoved, Some(a), _) => self.removed(a),
            (ChangeKind::OperationRenamed, Some(a), Some(b)) => self.renamed(a, b),
            (ChangeKind::ResponseChanged, Some(a), Some(b)) => self.response(a, b),
            (kind, Some(a), Some(b)) => {
                let parameter = change.name.as_deref().unwrap_or_default();
                self.parameter(kind, a, b, parameter)
            }
            // The report's operations come from these models: a name not found is a bug of
            // ours, said as such rather than hidden.
            _ => documentation(format!(
                "the models have no operation {old_name} (old) and {name} (new) to walk"
            )),
        }
    }

    fn added(&self, b: &Operation) -> Label {
        let old = reach(self.old.csdl, b, &said(self.new.model, self.old.csdl, b));
        let new = reach(self.new.csdl, b, &said(self.new.model, self.new.csdl, b));
        match (old, new) {
            (Reach::Walks { path, to, .. }, _) => {
                documentation(format!("the old schema walks {path:?} already, to {to}"))
            }
            (Reach::Not { why }, Reach::Walks { path, to, .. }) => api(format!(
                "the new schema walks {path:?} to {to}; the old one does not: {why}"
            )),
            (Reach::Not { .. }, Reach::Not { why }) => documentation(format!(
                "neither schema walks its request paths; in the new one, {why}"
            )),
        }
    }

    fn removed(&self, a: &Operation) -> Label {
        let old = reach(self.old.csdl, a, &said(self.old.model, self.old.csdl, a));
        let new = reach(self.new.csdl, a, &said(self.old.model, self.new.csdl, a));
        match (old, new) {
            (_, Reach::Walks { path, to, .. }) => {
                documentation(format!("the new schema still walks {path:?}, to {to}"))
            }
            (Reach::Walks { path, to, .. }, Reach::Not { why }) => api(format!(
                "the old schema walks {path:?} to {to}; the new one does not: {why}"
            )),
            (Reach::Not { why }, Reach::Not { .. }) => documentation(format!(
                "neither schema walks its request paths; in the old one, {why}"
            )),
        }
    }

    /// The same requests on a page of another name: the API renamed them when the schemas
    /// name what they reach differently.
    fn renamed(&self, a: &Operation, b: &Operation) -> Label {
        let old = reach(self.old.csdl, a, &said(self.old.model, self.old.csdl, a));
        let new = reach(self.new.csdl, b, &said(self.new.model, self.new.csdl, b));
        match (old, new) {
            (
                Reach::Walks {
                    name: was,
                    at: there,
                    ..
                },
                Reach::Walks {
                    name: is, at: here, ..
                },
            ) => {
                if was == is {
                    documentation(format!(
                        "both schemas name what its requests reach `{is}` ({there}; {here}): the page is renamed, not the API"
                    ))
                } else {
                    api(format!(
                        "the old schema names what its requests reach `{was}` ({there}), the new one `{is}` ({here})"
                    ))
                }
            }
            (Reach::Not { why }, _) => documentation(format!(
                "the old schema does not walk its request paths, so neither renames it: {why}"
            )),
            (_, Reach::Not { why }) => documentation(format!(
                "the new schema does not walk its request paths, so neither renames it: {why}"
            )),
        }
    }

    /// A parameter added, removed or retyped, against the parameters of the action or
    /// function each schema's walk finds.
    fn parameter(&self, kind: ChangeKind, a: &Operation, b: &Operation, name: &str) -> Label {
        let old = said(self.old.model, self.old.csdl, a);
        let new = said(self.new.model, self.new.csdl, b);
        let (x, y) = (parameter(&old, name), parameter(&new, name));
        let has = |csdl: &Csdl, (o, p): (&CsdlOperation, &CsdlParameter)| {
            format!(
                "the {} `{}` has `{}` ({}, {}:{})",
                o.kind_name(),
                o.name,
                p.name,
                type_text(&p.ty),
                csdl.file,
                p.line
            )
        };
        let lacks = |csdl: &Csdl, s: &Said, op: &Operation| match s.counterparts.first() {
            Some(o) => format!(
                "the {} `{}` ({}:{}) has no parameter `{name}`",
                o.kind_name(),
                o.name,
                csdl.file,
                o.line
            ),
            None => format!(
                "it has no action or function for the request: {}",
                unreached(csdl, op, s)
            ),
        };
        match kind {
            ChangeKind::ParameterAdded => match (x, y) {
                (Some(x), _) => documentation(format!(
                    "in the old schema already, {}",
                    has(self.old.csdl, x)
                )),
                (None, Some(y)) => api(format!(
                    "in the new schema, {}; in the old one, {}",
                    has(self.new.csdl, y),
                    lacks(self.old.csdl, &old, a)
                )),
                (None, None) => documentation(format!(
                    "neither schema has it; in the new one, {}",
                    lacks(self.new.csdl, &new, b)
                )),
            },
            ChangeKind::ParameterRemoved => match (x, y) {
                (_, Some(y)) => documentation(format!(
                    "in the new schema still, {}",
                    has(self.new.csdl, y)
                )),
                (Some(x), None) => api(format!(
                    "in the old schema, {}; in the new one, {}",
                    has(self.old.csdl, x),
                    lacks(self.new.csdl, &new, b)
                )),
                (None, None) => documentation(format!(
                    "neither schema has it; in the old one, {}",
                    lacks(self.old.csdl, &old, a)
                )),
            },
            _ => match (x, y) {
                (Some((_, p)), Some((_, q))) if !same_type(Some(&p.ty), Some(&q.ty)) => {
                    api(format!(
                        "the schemas' type of `{}` differs too ({} -> {}; {}:{})",
                        q.name,
                        type_text(&p.ty),
                        type_text(&q.ty),
                        self.new.csdl.file,
                        q.line
                    ))
                }
                (Some(_), Some((_, q))) => documentation(format!(
                    "both schemas type `{}` {} ({}:{})",
                    q.name,
                    type_text(&q.ty),
                    self.new.csdl.file,
                    q.line
                )),
                (None, _) => documentation(format!(
                    "the schemas do not both have it; in the old one, {}",
                    lacks(self.old.csdl, &old, a)
                )),
                (_, None) => documentation(format!(
                    "the schemas do not both have it; in the new one, {}",
                    lacks(self.new.csdl, &new, b)
                )),
            },
        }
    }

    /// The response against the return type, or where the walks end, in each schema.
    fn response(&self, a: &Operation, b: &Operation) -> Label {
        let old = said(self.old.model, self.old.csdl, a);
        let new = said(self.new.model, self.new.csdl, b);
        match (&old.response, &new.response) {
            (Some((x, was)), Some((y, is))) => {
                let same = same_type(x.as_ref(), y.as_ref());
                let (x, y) = (answer(self.old.csdl, x), answer(self.new.csdl, y));
                if same {
                    documentation(format!(
                        "both schemas answer alike; in the new one, {is} {y}"
                    ))
                } else {
                    api(format!(
                        "the schemas' answer differs too: in the old one, {was} {x}; in the new one, {is} {y}"
                    ))
                }
            }
            (None, _) => documentation(format!(
                "the old schema says nothing of its answer: {}",
                unreached(self.old.csdl, a, &old)
            )),
            (_, None) => documentation(format!(
                "the new schema says nothing of its answer: {}",
                unreached(self.new.csdl, b, &new)
            )),
        }
    }
}

/// Where `csdl` takes `op`: the first request path the page writes (not one implied, the
/// `/me` twin of a `/users/{id}` line) that it walks to the action or function the path
/// calls, or to what its last segment names.
fn reach(csdl: &Csdl, op: &Operation, said: &Said) -> Reach {
    for (i, path) in op.paths.iter().enumerate() {
        if path.implied {
            continue;
        }
        if let Some(o) = said.calls[i].first() {
            return Reach::Walks {
                path: path.written.clone(),
                to: described(csdl, o),
                name: o.name.clone(),
                at: format!("{}:{}", csdl.file, o.line),
            };
        }
        let w = &said.walks[i];
        let Some(named) = w.named.as_ref().filter(|_| addresses(op, path, w)) else {
            continue;
        };
        let at = format!("{}:{}", csdl.file, named.line);
        let end = w.end.as_ref().map_or("a reference".to_string(), type_text);
        return Reach::Walks {
            path: path.written.clone(),
            to: format!("`{}` ({at}): {end}", named.name),
            name: named.name.clone(),
            at,
        };
    }
    Reach::Not {
        why: unreached(csdl, op, said),
    }
}

/// Whether a walk that got to the end of a path reached what the path addresses. After a
/// collection of entities the CSDL takes a name it does not know for a key value
/// (`/mailFolders/inbox`), so an action or a property it lacks walks too: a last segment
/// that the model reads as an action or function, or as a property, must be what the CSDL
/// names last. One the model reads as a key value, or cannot read, may be a key value.
fn addresses(op: &Operation, path: &OperationPath, w: &CsdlWalk<'_>) -> bool {
    if w.broke.is_some() {
        return false;
    }
    let written = match path.template.segments.last() {
        Some(Segment::Name { name } | Segment::Cast { name }) => name.as_str(),
        _ => return true,
    };
    // A qualified name may call an action or function: the CSDL names it unqualified.
    let short = written.rsplit('.').next().unwrap_or(written);
    let named = w.named.as_ref().is_some_and(|n| {
        n.name.eq_ignore_ascii_case(written) || n.name.eq_ignore_ascii_case(short)
    });
    let calls = matches!(op.kind, OperationKind::Action | OperationKind::Function);
    let a_name = calls || (path.complete && !matches!(path.walk.last(), Some(Step::Item { .. })));
    named || !a_name
}

/// Why `csdl` does not take `op`'s first written request path to it.
fn unreached(csdl: &Csdl, op: &Operation, said: &Said) -> String {
    let Some((i, path)) = op.paths.iter().enumerate().find(|(_, p)| !p.implied) else {
        return "the page writes no request path".to_string();
    };
    let w = &said.walks[i];
    if let Some(b) = &w.broke {
        return format!(
            "{:?} stops at segment {} (`{}`): {}",
            path.written,
            b.segment + 1,
            segment_text(&path.template.segments[b.segment]),
            b.why
        );
    }
    if let Some((name, binding, collection)) = model_binding(path) {
        let bound_to = if collection {
            format!("Collection({binding})")
        } else {
            binding.to_string()
        };
        return format!(
            "{:?}: {} binds no action or function `{name}` to {bound_to} or a base of it",
            path.written, csdl.file
        );
    }
    let last = path
        .template
        .segments
        .last()
        .map(segment_text)
        .unwrap_or_default();
    format!(
        "{:?}: {} names no `{last}` there and reads it as a key value",
        path.written, csdl.file
    )
}

/// A parameter of the actions or functions a schema's walk finds: the name as written, else
/// in any case.
fn parameter<'s>(said: &'s Said, name: &str) -> Option<(&'s CsdlOperation, &'s CsdlParameter)> {
    let all = || {
        said.counterparts
            .iter()
            .flat_map(|o| o.parameters.iter().map(move |p| (o, p)))
    };
    all()
        .find(|(_, p)| p.name == name)
        .or_else(|| all().find(|(_, p)| p.name.eq_ignore_ascii_case(name)))
}

fn same_type(a: Option<&CsdlTypeUse>, b: Option<&CsdlTypeUse>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.collection == b.collection && a.type_name.eq_ignore_ascii_case(&b.type_name)
        }
        (None, None) => true,
        _ => false,
    }
}

/// `nothing`, `Edm.Int32`, `microsoft.graph.widget (v1.0.xml:12)`.
fn answer(csdl: &Csdl, t: &Option<CsdlTypeUse>) -> String {
    match t {
        None => "nothing".to_string(),
        Some(t) => match csdl.get(&t.type_name) {
            Some(defined) => format!("{} ({}:{})", type_text(t), csdl.file, defined.line),
            None => type_text(t),
        },
    }
}
