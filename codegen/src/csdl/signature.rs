//! The signature of an operation against the CSDL's: its parameters (the binding one aside)
//! and its response, one diagnostic per disagreement at the parameter row or the response
//! sentence.

use super::actions::{CsdlOperation, CsdlParameter, CsdlTypeUse};
use super::compare::type_agreement;
use super::operations::{Counterpart, Run};
use crate::diagnostics::Diagnostic;
use crate::schema::operations::{Operation, Parameter, Payload};

impl<'a> Run<'a> {
    /// The operation's own parameters against the CSDL's (the binding one aside; of every
    /// overload its request lines call).
    pub(super) fn parameters(&mut self, op: &Operation, counterpart: &Counterpart<'a, '_>) {
        let mut theirs: Vec<(&CsdlParameter, &CsdlOperation)> = Vec::new();
        for o in &counterpart.ops {
            for q in &o.parameters {
                if !theirs
                    .iter()
                    .any(|(t, _)| t.name.eq_ignore_ascii_case(&q.name))
                {
                    theirs.push((q, o));
                }
            }
        }
        let first = counterpart.ops[0];
        for p in &op.parameters {
            let matched = theirs.iter().find(|(q, _)| q.name == p.name).or_else(|| {
                theirs
                    .iter()
                    .find(|(q, _)| q.name.eq_ignore_ascii_case(&p.name))
            });
            self.agreement.parameter_names.count(matched.is_some());
            match matched {
                Some((q, _)) => self.parameter_pair(p, &q.ty, q.line),
                None => {
                    let names: Vec<&str> = theirs.iter().map(|(q, _)| q.name.as_str()).collect();
                    self.diagnostics.push(Diagnostic::warning(
                        "csdl-operation-parameter",
                        p.written.source.clone(),
                        format!(
                            "parameter `{}` of {:?} is not one of {}, whose parameters are {}",
                            p.name,
                            counterpart.path.written,
                            self.described(first),
                            if names.is_empty() {
                                "none".to_string()
                            } else {
                                names.join(", ")
                            }
                        ),
                    ));
                }
            }
        }
        for (q, o) in theirs {
            let documented = op
                .parameters
                .iter()
                .any(|p| p.name.eq_ignore_ascii_case(&q.name));
            if documented {
                continue;
            }
            self.agreement.parameter_names.count(false);
            self.diagnostics.push(Diagnostic::warning(
                "csdl-operation-parameter",
                counterpart.path.source.clone(),
                format!(
                    "{} has a parameter `{}` ({}, {}) that the page does not document for {:?}",
                    self.described(o),
                    q.name,
                    type_text(&q.ty),
                    self.at_csdl(q.line),
                    counterpart.path.written
                ),
            ));
        }
    }

    fn parameter_pair(&mut self, p: &Parameter, theirs: &CsdlTypeUse, line: usize) {
        let types = type_agreement(
            self.schema,
            self.csdl,
            &p.ty,
            p.unresolved.is_none(),
            &theirs.type_name,
        );
        let agree = types.lenient && p.collection == theirs.collection;
        self.agreement.parameter_types.count(agree);
        if !agree {
            let ours = CsdlTypeUse {
                type_name: p.ty.csdl_name().to_string(),
                collection: p.collection,
            };
            self.diagnostics.push(Diagnostic::warning(
                "csdl-operation-parameter",
                p.written.source.clone(),
                format!(
                    "parameter `{}`: the page writes {:?} (read as {}); the CSDL ({}) says {}",
                    p.name,
                    p.written.text,
                    type_text(&ours),
                    self.at_csdl(line),
                    type_text(theirs)
                ),
            ));
        }
    }

    /// The response body against what the CSDL says is returned (`whose` says who).
    pub(super) fn response(&mut self, op: &Operation, theirs: Option<&CsdlTypeUse>, whose: &str) {
        let ours = op.response.body.as_ref();
        let agree = match (ours, theirs) {
            (None, None) => true,
            (Some(p), Some(t)) => self.payload_agrees(p, t),
            _ => false,
        };
        self.agreement.responses.count(agree);
        if agree {
            return;
        }
        let (at, says) = match &op.response.written {
            Some(w) => (w.source.clone(), format!("says {:?}", w.text)),
            None => (
                op.source.clone(),
                "says nothing of the response".to_string(),
            ),
        };
        let read = ours.map_or_else(
            || "no body".to_string(),
            |p| {
                type_text(&CsdlTypeUse {
                    type_name: p.ty.csdl_name().to_string(),
                    collection: p.collection,
                })
            },
        );
        let expected = theirs.map_or_else(
            || "nothing".to_string(),
            |t| match self.csdl.get(&t.type_name) {
                Some(defined) => format!("{} ({})", type_text(t), self.at_csdl(defined.line)),
                None => type_text(t),
            },
        );
        self.diagnostics.push(Diagnostic::warning(
            "csdl-operation-response",
            at,
            format!(
                "response of {}: the page {says} (read as {read}); {whose} {expected}",
                op.name
            ),
        ));
    }

    /// The same type and collection, a type derived from the CSDL's (a response may hold any
    /// derived type), or a documented enum for `Edm.String`.
    fn payload_agrees(&self, ours: &Payload, theirs: &CsdlTypeUse) -> bool {
        if ours.collection != theirs.collection {
            return false;
        }
        type_agreement(self.schema, self.csdl, &ours.ty, true, &theirs.type_name).lenient
            || self
                .csdl
                .derives_from(ours.ty.csdl_name(), &theirs.type_name)
    }
}

/// `Collection(Edm.String)`, `microsoft.graph.user`.
pub(crate) fn type_text(t: &CsdlTypeUse) -> String {
    if t.collection {
        format!("Collection({})", t.type_name)
    } else {
        t.type_name.clone()
    }
}
