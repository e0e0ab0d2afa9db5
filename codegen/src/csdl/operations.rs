//! The operations of one version against the CSDL: each request path walked through the
//! CSDL itself, each action and function the model reads found among the CSDL's (by name
//! and binding type), its parameters and its response compared; one diagnostic per
//! disagreement at the request line or the parameter row, with the CSDL's line.

use super::actions::{CsdlOperation, CsdlOperationKind};
use super::agreement::Agreement;
use super::read::Csdl;
use super::signature::type_text;
use super::walk::{misfit, segment_text, walk, CsdlWalk};
use crate::diagnostics::Diagnostic;
use crate::parse::path::Segment;
use crate::schema::operations::{Operation, OperationKind, OperationPath, Parameter, Step};
use crate::schema::{Schema, TypeId};

/// Compares the operations of `version` with `csdl`, adding to `agreement` and
/// `diagnostics`.
pub(super) fn compare(
    schema: &Schema,
    version: &str,
    csdl: &Csdl,
    agreement: &mut Agreement,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut run = Run {
        schema,
        csdl,
        agreement,
        diagnostics,
    };
    for op in schema.operations.iter().filter(|o| o.version == version) {
        run.operation(op);
    }
}

pub(super) struct Run<'a> {
    pub(super) schema: &'a Schema,
    pub(super) csdl: &'a Csdl,
    pub(super) agreement: &'a mut Agreement,
    pub(super) diagnostics: &'a mut Vec<Diagnostic>,
}

/// The actions or functions of the CSDL an operation is compared with: one per request line
/// that reaches one (a page may document several overloads, `f(period=...)` and
/// `f(date=...)`), distinct, in the order of the lines; and the first such line.
pub(super) struct Counterpart<'c, 'o> {
    pub(super) ops: Vec<&'c CsdlOperation>,
    pub(super) path: &'o OperationPath,
}

impl<'a> Run<'a> {
    pub(super) fn at_csdl(&self, line: usize) -> String {
        format!("{}:{line}", self.csdl.file)
    }

    fn operation(&mut self, op: &Operation) {
        let walks: Vec<CsdlWalk<'a>> = op.paths.iter().map(|p| self.path(p)).collect();
        let kind = match op.kind {
            OperationKind::Action => Some(CsdlOperationKind::Action),
            OperationKind::Function => Some(CsdlOperationKind::Function),
            _ => None,
        };
        match kind {
            Some(kind) => {
                let Some(counterpart) = self.recognise(op, kind, &walks) else {
                    return;
                };
                self.parameters(op, &counterpart);
                let first = counterpart.ops[0];
                let whose = format!(
                    "the CSDL's {} `{}` ({}) returns",
                    first.kind_name(),
                    first.name,
                    self.at_csdl(first.line)
                );
                self.response(op, first.returns.as_ref(), &whose);
            }
            None => self.target(op, &walks),
        }
    }

    /// Walks one request path through the CSDL; counts it, and reports where it breaks.
    fn path(&mut self, path: &OperationPath) -> CsdlWalk<'a> {
        let walked = walk(self.csdl, &path.template);
        self.agreement.model_paths.count(path.complete);
        self.agreement.csdl_paths.count(walked.broke.is_none());
        if let Some(b) = &walked.broke {
            self.diagnostics.push(Diagnostic::warning(
                "csdl-operation-path",
                path.source.clone(),
                format!(
                    "{:?} cannot be walked through the CSDL at segment {} (`{}`): {}",
                    path.written,
                    b.segment + 1,
                    segment_text(&path.template.segments[b.segment]),
                    b.why
                ),
            ));
        }
        walked
    }

    /// Finds the CSDL's actions or functions for an operation the model reads as one: by
    /// the name and binding type of each path the model walks to a bound operation (counted
    /// and reported), else where the CSDL's own walk of the path ends.
    fn recognise<'o>(
        &mut self,
        op: &'o Operation,
        kind: CsdlOperationKind,
        walks: &[CsdlWalk<'a>],
    ) -> Option<Counterpart<'a, 'o>> {
        let mut found: Option<Counterpart<'a, 'o>> = None;
        let mut compared = false;
        let mut all_known = true;
        for (path, w) in op.paths.iter().zip(walks) {
            let overloads = match (path.walk.last(), bound_name(path)) {
                (
                    Some(Step::Bound {
                        binding,
                        collection,
                    }),
                    Some(name),
                ) => {
                    compared = true;
                    let overloads = self
                        .csdl
                        .bound_to(name, binding.qualified_name(), *collection);
                    if overloads.is_empty() {
                        all_known = false;
                        self.unknown(path, w, name, kind, binding, *collection);
                    }
                    overloads
                }
                _ => w.bound.clone(),
            };
            if overloads.is_empty() {
                continue;
            }
            let chosen = self.choose(op, kind, path, &overloads);
            match &mut found {
                Some(c) => {
                    if !c.ops.contains(&chosen) {
                        c.ops.push(chosen);
                    }
                }
                None => {
                    found = Some(Counterpart {
                        ops: vec![chosen],
                        path,
                    })
                }
            }
        }
        if compared {
            self.agreement.operations_recognised.count(all_known);
        }
        found
    }

    /// Of the overloads a request line calls, the one to compare with: of the operation's
    /// kind if one is (a kind that differs is reported), the one the call's arguments fit
    /// best, then the operation's parameters.
    fn choose(
        &mut self,
        op: &Operation,
        kind: CsdlOperationKind,
        path: &OperationPath,
        overloads: &[&'a CsdlOperation],
    ) -> &'a CsdlOperation {
        let same: Vec<&CsdlOperation> = overloads
            .iter()
            .copied()
            .filter(|o| o.kind == kind)
            .collect();
        if same.is_empty() {
            let theirs = overloads[0];
            self.diagnostics.push(Diagnostic::warning(
                "csdl-operation-kind",
                path.source.clone(),
                format!(
                    "{:?}: the model reads `{}` as {} (the page sends it by {}); the CSDL has {} `{}` bound to {} ({})",
                    path.written,
                    theirs.name,
                    article(kind),
                    op.method.as_str(),
                    article(theirs.kind),
                    theirs.name,
                    theirs.binding_text(),
                    self.at_csdl(theirs.line)
                ),
            ));
        }
        let pool = if same.is_empty() { overloads } else { &same };
        // A call's arguments say which overload it is; a name without them (`/root/delta`,
        // its parameters in a table) leaves it to the parameters the page documents.
        let called = match path.template.segments.last() {
            Some(Segment::Call { args, .. }) => Some(args.as_slice()),
            _ => None,
        };
        pool.iter()
            .copied()
            .min_by_key(|o| {
                (
                    called.map_or(0, |args| misfit(o, args)),
                    parameter_misfit(o, &op.parameters),
                )
            })
            .expect("at least one overload")
    }

    fn unknown(
        &mut self,
        path: &OperationPath,
        walked: &CsdlWalk<'a>,
        name: &str,
        kind: CsdlOperationKind,
        binding: &TypeId,
        collection: bool,
    ) {
        let bound_to = if collection {
            format!("Collection({binding})")
        } else {
            binding.to_string()
        };
        let nearest: Vec<String> = self
            .csdl
            .operations_named(name)
            .take(4)
            .map(|o| {
                format!(
                    "{} `{}` bound to {} ({})",
                    o.kind_name(),
                    o.name,
                    o.binding_text(),
                    self.at_csdl(o.line)
                )
            })
            .collect();
        let csdl_says = if nearest.is_empty() {
            format!("the CSDL has no action or function named `{name}`")
        } else {
            format!(
                "the CSDL binds none of that name to it or to a base type; it has {}",
                nearest.join(", ")
            )
        };
        // The CSDL may walk the path to something else: a property, or an item by key.
        let walked_to = match (&walked.broke, walked.bound.first(), &walked.end) {
            (None, Some(o), _) => format!(
                "; the CSDL's walk of the path ends at {}",
                self.described(o)
            ),
            (None, None, Some(end)) => format!(
                "; the CSDL walks the path to {} (no action or function)",
                type_text(end)
            ),
            _ => String::new(),
        };
        self.diagnostics.push(Diagnostic::warning(
            "csdl-operation-unknown",
            path.source.clone(),
            format!(
                "{:?}: the model reads `{name}` as {} bound to {bound_to}; {csdl_says}{walked_to}",
                path.written,
                article(kind)
            ),
        ));
    }

    /// `the CSDL's action `x` bound to microsoft.graph.y (file:line)`.
    pub(super) fn described(&self, o: &CsdlOperation) -> String {
        format!(
            "the CSDL's {} `{}` bound to {} ({})",
            o.kind_name(),
            o.name,
            o.binding_text(),
            self.at_csdl(o.line)
        )
    }

    /// An operation the model reads as neither action nor function: where the CSDL's walk
    /// of its first walkable path ends in one, a kind disagreement; the response of a read,
    /// list or create against where the walks of its paths end (their nearest common type;
    /// one item of the collection, for a create).
    fn target(&mut self, op: &Operation, walks: &[CsdlWalk<'a>]) {
        let Some((path, w)) = op.paths.iter().zip(walks).find(|(_, w)| w.broke.is_none()) else {
            return;
        };
        let compared = matches!(
            op.kind,
            OperationKind::Read | OperationKind::List | OperationKind::Create
        );
        if let Some(bound) = w.bound.first() {
            self.diagnostics.push(Diagnostic::warning(
                "csdl-operation-kind",
                path.source.clone(),
                format!(
                    "{:?}: the model reads the request as {}; the CSDL's walk of it ends at {}",
                    path.written,
                    kind_text(op.kind),
                    self.described(bound)
                ),
            ));
            if compared {
                let whose = format!("{}, which returns", self.described(bound));
                self.response(op, bound.returns.as_ref(), &whose);
            }
            return;
        }
        if !compared {
            return;
        }
        // One response for every path the CSDL walks (a page may list casts or several
        // parents): it must fit all, so it is compared with their nearest common type.
        let mut ends = op
            .paths
            .iter()
            .zip(walks)
            .filter(|(_, w)| w.broke.is_none() && w.bound.is_empty())
            .filter_map(|(p, w)| Some((p, w.end.clone()?)));
        let Some((_, mut theirs)) = ends.next() else {
            return;
        };
        let first = theirs.clone();
        let mut walked = 1;
        for (_, end) in ends {
            walked += 1;
            let common = self.csdl.common_base(&theirs.type_name, &end.type_name);
            match common.filter(|_| end.collection == theirs.collection) {
                Some(common) => theirs.type_name = common,
                // One value here, a collection there: the page documents several requests
                // under one; the first speaks for it.
                None => {
                    theirs = first;
                    walked = 1;
                    break;
                }
            }
        }
        if op.kind == OperationKind::Create {
            theirs.collection = false;
        }
        let whose = if walked == 1 {
            format!("the CSDL's walk of {:?} leads to", path.written)
        } else {
            format!("the CSDL's walks of its {walked} paths lead, in common, to")
        };
        self.response(op, Some(&theirs), &whose);
    }
}

/// The name the path ends with: `sendMail`, `reminderView(...)`, `microsoft.graph.delta`.
fn bound_name(path: &OperationPath) -> Option<&str> {
    match path.template.segments.last()? {
        Segment::Name { name } | Segment::Call { name, .. } => Some(name),
        Segment::Cast { name } => name.rsplit('.').next(),
        _ => None,
    }
}

/// How badly an overload's parameter names fit the operation's: ours it lacks and its own
/// we lack.
fn parameter_misfit(o: &CsdlOperation, ours: &[Parameter]) -> usize {
    let missing = ours
        .iter()
        .filter(|p| {
            !o.parameters
                .iter()
                .any(|q| q.name.eq_ignore_ascii_case(&p.name))
        })
        .count();
    let extra = o
        .parameters
        .iter()
        .filter(|q| !ours.iter().any(|p| p.name.eq_ignore_ascii_case(&q.name)))
        .count();
    missing + extra
}

/// `a read`, `a create`, ... as a sentence names an operation kind.
fn kind_text(kind: OperationKind) -> &'static str {
    match kind {
        OperationKind::Read => "a read",
        OperationKind::List => "a list",
        OperationKind::Create => "a create",
        OperationKind::Update => "an update",
        OperationKind::Replace => "a replace",
        OperationKind::Delete => "a delete",
        OperationKind::Action => "an action",
        OperationKind::Function => "a function",
        OperationKind::ReadContent => "a read of content",
        OperationKind::WriteContent => "a write of content",
        OperationKind::Count => "a count",
        OperationKind::AddReference => "an added reference",
        OperationKind::RemoveReference => "a removed reference",
        OperationKind::ReadReference => "a read of a reference",
    }
}

fn article(kind: CsdlOperationKind) -> &'static str {
    match kind {
        CsdlOperationKind::Action => "an action",
        CsdlOperationKind::Function => "a function",
    }
}
