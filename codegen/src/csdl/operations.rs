//! The operations of one version against the CSDL: each request path walked through the
//! CSDL itself, each action and function the model reads found among the CSDL's (by name
//! and binding type), its parameters and its response compared; one diagnostic per
//! disagreement at the request line or the parameter row, with the CSDL's line.

use super::actions::{CsdlOperation, CsdlOperationKind, CsdlTypeUse};
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
                self.response(op, first.returns.as_ref(), &returns_whose(self.csdl, first));
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
            let overloads = calls(self.csdl, path, w);
            if let Some((name, binding, collection)) = model_binding(path) {
                compared = true;
                if overloads.is_empty() {
                    all_known = false;
                    self.unknown(path, w, name, kind, binding, collection);
                }
            }
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
        described(self.csdl, o)
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
        }
        if !compared {
            return;
        }
        if let Some((theirs, whose)) = walked_response(self.csdl, op, walks) {
            self.response(op, theirs.as_ref(), &whose);
        }
    }
}

/// `the CSDL's action `x` bound to microsoft.graph.y (file:line)`.
pub(crate) fn described(csdl: &Csdl, o: &CsdlOperation) -> String {
    format!(
        "the CSDL's {} `{}` bound to {} ({}:{})",
        o.kind_name(),
        o.name,
        o.binding_text(),
        csdl.file,
        o.line
    )
}

/// `the CSDL's action `x` (file:line) returns`: who says what an action or function
/// returns.
fn returns_whose(csdl: &Csdl, o: &CsdlOperation) -> String {
    format!(
        "the CSDL's {} `{}` ({}:{}) returns",
        o.kind_name(),
        o.name,
        csdl.file,
        o.line
    )
}

/// What the CSDL's walks of an operation's paths say it answers with, for an operation the
/// model reads as neither action nor function, and who says so: where the first path the
/// CSDL walks ends in an action or function, what that returns; else where the walks end
/// (their nearest common type when the page lists casts or several parents; one item, for
/// a create). `None` when the CSDL walks none of its paths.
pub(crate) fn walked_response(
    csdl: &Csdl,
    op: &Operation,
    walks: &[CsdlWalk<'_>],
) -> Option<(Option<CsdlTypeUse>, String)> {
    let (path, w) = op
        .paths
        .iter()
        .zip(walks)
        .find(|(_, w)| w.broke.is_none())?;
    if let Some(bound) = w.bound.first() {
        let whose = format!("{}, which returns", described(csdl, bound));
        return Some((bound.returns.clone(), whose));
    }
    // One response for every path the CSDL walks (a page may list casts or several
    // parents): it must fit all, so it is compared with their nearest common type.
    let mut ends = op
        .paths
        .iter()
        .zip(walks)
        .filter(|(_, w)| w.broke.is_none() && w.bound.is_empty())
        .filter_map(|(p, w)| Some((p, w.end.clone()?)));
    let (_, mut theirs) = ends.next()?;
    let first = theirs.clone();
    let mut walked = 1;
    for (_, end) in ends {
        walked += 1;
        let common = csdl.common_base(&theirs.type_name, &end.type_name);
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
    Some((Some(theirs), whose))
}

/// The model's reading of a path as a call of a bound action or function (its last step
/// `Step::Bound`): the name called, the binding type, whether bound to a collection.
pub(crate) fn model_binding(path: &OperationPath) -> Option<(&str, &TypeId, bool)> {
    match (path.walk.last(), bound_name(path)) {
        (
            Some(Step::Bound {
                binding,
                collection,
            }),
            Some(name),
        ) => Some((name, binding, *collection)),
        _ => None,
    }
}

/// The actions or functions of the CSDL one request path calls: by the name and binding
/// type the model walks it to, else where the CSDL's own walk of it ends (the overloads of
/// the nearest binding); none when it calls none.
pub(crate) fn calls<'c>(
    csdl: &'c Csdl,
    path: &OperationPath,
    walked: &CsdlWalk<'c>,
) -> Vec<&'c CsdlOperation> {
    match model_binding(path) {
        Some((name, binding, collection)) => {
            csdl.bound_to(name, binding.qualified_name(), collection)
        }
        None => walked.bound.clone(),
    }
}

/// What one CSDL says of one operation, found as `check --csdl` finds it, with nothing
/// counted or reported: for the change report's labels.
pub(crate) struct Said<'c> {
    /// Each request path's walk, in the operation's order.
    pub walks: Vec<CsdlWalk<'c>>,
    /// Per request path, the actions or functions it calls ([`calls`]).
    pub calls: Vec<Vec<&'c CsdlOperation>>,
    /// For an operation the model reads as an action or function: the CSDL's it is compared
    /// with (one per request line that reaches one, the overload that fits it), distinct.
    pub counterparts: Vec<CsdlOperation>,
    /// What the response is compared with (`None`: nothing returned), and who says so;
    /// for an operation that is no action or function, whatever its kind. `None` when
    /// the CSDL says nothing of it.
    pub response: Option<(Option<CsdlTypeUse>, String)>,
}

/// What `csdl` says of `op` (an operation of `schema`).
pub(crate) fn said<'c>(schema: &Schema, csdl: &'c Csdl, op: &Operation) -> Said<'c> {
    let walks: Vec<CsdlWalk<'c>> = op.paths.iter().map(|p| walk(csdl, &p.template)).collect();
    let calls = op
        .paths
        .iter()
        .zip(&walks)
        .map(|(p, w)| calls(csdl, p, w))
        .collect();
    let kind = match op.kind {
        OperationKind::Action => Some(CsdlOperationKind::Action),
        OperationKind::Function => Some(CsdlOperationKind::Function),
        _ => None,
    };
    let (counterparts, response) = match kind {
        Some(kind) => {
            let (mut agreement, mut diagnostics) = (Agreement::default(), Vec::new());
            let mut run = Run {
                schema,
                csdl,
                agreement: &mut agreement,
                diagnostics: &mut diagnostics,
            };
            let found: Vec<CsdlOperation> = run
                .recognise(op, kind, &walks)
                .map(|c| c.ops.into_iter().cloned().collect())
                .unwrap_or_default();
            let response = found
                .first()
                .map(|first| (first.returns.clone(), returns_whose(csdl, first)));
            (found, response)
        }
        None => {
            let response = walked_response(csdl, op, &walks).or_else(|| {
                // Walked to a reference (`$ref`) only: no body.
                let (path, _) = op
                    .paths
                    .iter()
                    .zip(&walks)
                    .find(|(_, w)| w.broke.is_none())?;
                let whose = format!(
                    "the CSDL's walk of {:?} ends at a reference, which answers with",
                    path.written
                );
                Some((None, whose))
            });
            (Vec::new(), response)
        }
    };
    Said {
        walks,
        calls,
        counterparts,
        response,
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
