//! Changes of operations (the documented requests): added, removed, renamed, their parameters
//! and their response.
//!
//! Their Rust impact is what code calling a function per operation sees: a removed or renamed
//! operation, a new required parameter, a removed or retyped one, another response break it;
//! a new operation or a new optional parameter does not. It is judged on the model, not on
//! the emitter's output (`emit/surface.rs` covers types).

use std::collections::{BTreeMap, BTreeSet};

use super::change::{Change, ChangeKind, Evidence, Impact, Rule};
use super::Sides;
use crate::parse::path::{Segment, Template};
use crate::schema::operations::{Operation, Parameter, Payload};

pub fn changes(s: &Sides<'_>) -> Vec<Change> {
    let key = |o: &Operation| (o.version.clone(), o.name.to_ascii_lowercase());
    let news: BTreeMap<(String, String), &Operation> =
        s.new.operations.iter().map(|o| (key(o), o)).collect();
    let mut seen_new: BTreeSet<(String, String)> = BTreeSet::new();
    let mut out = Vec::new();
    let mut removed = Vec::new();
    for a in &s.old.operations {
        match news.get(&key(a)) {
            Some(b) => {
                seen_new.insert(key(b));
                out.extend(compare(s, a, b, None));
            }
            None => removed.push(a),
        }
    }
    let mut added: Vec<&Operation> = s
        .new
        .operations
        .iter()
        .filter(|o| !seen_new.contains(&key(o)))
        .collect();
    // An operation under another name with the same method and paths is renamed.
    let mut still_removed = Vec::new();
    for a in removed {
        let shape = paths(a);
        let same: Vec<usize> = added
            .iter()
            .enumerate()
            .filter(|(_, b)| b.version == a.version && b.method == a.method && paths(b) == shape)
            .map(|(k, _)| k)
            .collect();
        match same[..] {
            [k] if !shape.is_empty() => {
                let b = added.remove(k);
                out.extend(compare(s, a, b, Some(Rule::SamePaths)));
            }
            _ => still_removed.push(a),
        }
    }
    for a in still_removed {
        out.push(change(
            a,
            ChangeKind::OperationRemoved,
            None,
            Impact::breaking(format!("operation {} removed", a.name)),
            Impact::none("its payloads' types are compared with the types"),
            (Some(request_line(a)), None),
        ));
    }
    for b in added {
        out.push(change(
            b,
            ChangeKind::OperationAdded,
            None,
            Impact::compatible(format!("new operation {}", b.name)),
            Impact::none("its payloads' types are compared with the types"),
            (None, Some(request_line(b))),
        ));
    }
    out
}

/// The paths of an operation, without placeholder names or case: what a rename keeps.
fn paths(o: &Operation) -> BTreeSet<String> {
    o.paths.iter().map(|p| shape(&p.template)).collect()
}

fn shape(t: &Template) -> String {
    t.segments
        .iter()
        .map(|s| match s {
            Segment::Name { name } => name.to_ascii_lowercase(),
            Segment::Key { .. } => "{}".to_string(),
            Segment::Call { name, args } => format!(
                "{}({})",
                name.to_ascii_lowercase(),
                args.iter()
                    .map(|a| a.name.to_ascii_lowercase())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            Segment::Cast { name } => name.to_ascii_lowercase(),
            Segment::Addressed { .. } => ":{}:".to_string(),
            Segment::Value => "$value".to_string(),
            Segment::Ref => "$ref".to_string(),
            Segment::Count => "$count".to_string(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn request_line(o: &Operation) -> Evidence {
    match o.paths.first() {
        Some(p) => Evidence::written(p.written.clone(), &p.source),
        None => Evidence::written(o.title.clone(), &o.source),
    }
}

fn change(
    o: &Operation,
    kind: ChangeKind,
    name: Option<&str>,
    rust: Impact,
    wire: Impact,
    (old, new): (Option<Evidence>, Option<Evidence>),
) -> Change {
    Change {
        version: o.version.clone(),
        area: o.area.clone(),
        type_name: o.name.clone(),
        name: name.map(str::to_string),
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

/// An operation on both sides: renamed, its parameters, its response.
fn compare(s: &Sides<'_>, a: &Operation, b: &Operation, rule: Option<Rule>) -> Vec<Change> {
    let mut out = Vec::new();
    if let Some(rule) = rule {
        // An operation is named after its page's file name.
        let page = |o: &Operation| {
            let file = o.source.file.rsplit('/').next().unwrap_or(&o.source.file);
            Evidence::written(file, &o.source)
        };
        let mut c = change(
            b,
            ChangeKind::OperationRenamed,
            None,
            Impact::breaking(format!("operation {} is now {}", a.name, b.name)),
            Impact::none("the same requests"),
            (Some(page(a)), Some(page(b))),
        );
        c.renamed_from = Some(a.name.clone());
        c.rule = Some(rule);
        out.push(c);
    }
    for p in &a.parameters {
        match b.parameters.iter().find(|q| q.name == p.name) {
            None => out.push(change(
                b,
                ChangeKind::ParameterRemoved,
                Some(&p.name),
                Impact::breaking(format!("parameter {} removed", p.name)),
                Impact::breaking(format!(
                    "a request sending {} sends what is not documented",
                    p.name
                )),
                (
                    Some(Evidence::written(p.written.text.clone(), &p.written.source)),
                    Some(Evidence::absent(&b.source)),
                ),
            )),
            Some(q) if !same_payload(s, &payload(p), &payload(q)) => {
                let wire = super::impact::retype(s.old, &p.ty, s.new, &q.ty, s);
                out.push(change(
                    b,
                    ChangeKind::ParameterRetyped,
                    Some(&q.name),
                    Impact::breaking(format!(
                        "parameter {} is now {}",
                        q.name,
                        describe(&payload(q))
                    )),
                    wire,
                    (
                        Some(Evidence::written(p.written.text.clone(), &p.written.source)),
                        Some(Evidence::written(q.written.text.clone(), &q.written.source)),
                    ),
                ));
            }
            Some(_) => {}
        }
    }
    for q in &b.parameters {
        if a.parameters.iter().any(|p| p.name == q.name) {
            continue;
        }
        let rust = if q.required {
            Impact::breaking(format!("new required parameter {}", q.name))
        } else {
            Impact::compatible(format!("new optional parameter {}", q.name))
        };
        out.push(change(
            b,
            ChangeKind::ParameterAdded,
            Some(&q.name),
            rust,
            Impact::none("requests without it are as before"),
            (
                Some(Evidence::absent(&a.source)),
                Some(Evidence::written(q.written.text.clone(), &q.written.source)),
            ),
        ));
    }
    let (ra, rb) = (&a.response.body, &b.response.body);
    let same = match (ra, rb) {
        (Some(x), Some(y)) => same_payload(s, x, y),
        (None, None) => true,
        _ => false,
    };
    if !same {
        let text = |o: &Operation| match (&o.response.written, &o.response.body) {
            (Some(w), _) => Evidence::written(w.text.clone(), &w.source),
            (None, Some(p)) => Evidence::written(describe(p), &o.source),
            (None, None) => Evidence::absent(&o.source),
        };
        let wire = match (ra, rb) {
            (Some(x), Some(y)) if x.collection == y.collection => {
                super::impact::retype(s.old, &x.ty, s.new, &y.ty, s)
            }
            _ => Impact::breaking("the response body is another shape"),
        };
        let (old_ev, new_ev) = (text(a), text(b));
        let same_text = old_ev.text == new_ev.text;
        let mut c = change(
            b,
            ChangeKind::ResponseChanged,
            None,
            Impact::breaking(format!(
                "the response is {}, was {}",
                rb.as_ref().map_or("nothing".to_string(), describe),
                ra.as_ref().map_or("nothing".to_string(), describe)
            )),
            wire,
            (Some(old_ev), Some(new_ev)),
        );
        if same_text {
            c.note = Some(
                "the response sentence reads the same: the type comes from the response example's annotation (\"@odata.type\") when the sentence names none, or from what the sentence names"
                    .to_string(),
            );
        }
        out.push(c);
    }
    out
}

fn payload(p: &Parameter) -> Payload {
    Payload {
        ty: p.ty.clone(),
        collection: p.collection,
    }
}

fn same_payload(s: &Sides<'_>, a: &Payload, b: &Payload) -> bool {
    a.collection == b.collection && s.m.same(&a.ty, &b.ty)
}

fn describe(p: &Payload) -> String {
    if p.collection {
        format!("a collection of {}", p.ty)
    } else {
        p.ty.to_string()
    }
}
