//! What a page says a request body holds: "In the request body, supply a JSON representation
//! of [user](..) object", "Provide the new [offerShiftRequest](..) object in the request
//! body"; "an [ipNamedLocation](..) or [countryNamedLocation](..) object" holds either, typed
//! by their nearest common base.

use crate::diagnostics::{Diagnostic, Location};
use crate::schema::operations::Payload;
use crate::schema::{TypeDef, TypeId, TypeKind, TypeRef};

use super::super::either::common_base;
use super::super::index::TypeIndex;
use super::drafts::Draft;

/// Whether `ty` is `base` or derives from it.
pub fn is_or_derives(types: &[TypeDef], ty: &TypeRef, base: &TypeRef) -> bool {
    let (TypeRef::Named(ty), TypeRef::Named(base)) = (ty, base) else {
        return ty == base;
    };
    let mut at = Some(ty.clone());
    let mut seen = Vec::new();
    while let Some(t) = at {
        if t == *base {
            return true;
        }
        if seen.contains(&t) {
            return false;
        }
        at = types[t.index()].base_type.clone();
        seen.push(t);
    }
    false
}

/// The body type the Request body section states, if a sentence of it hands over an object
/// of a linked type (not a table's parameters or properties).
pub fn stated(
    d: &Draft<'_>,
    index: &TypeIndex,
    types: &[TypeDef],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Payload> {
    for p in &d.api.request_body {
        let lower = p.content.text.to_ascii_lowercase();
        let hands_over = lower.contains("json representation") || lower.contains(" object");
        let introduces_a_table = lower.contains("the following");
        if !hands_over || introduces_a_table {
            continue;
        }
        let mut linked: Vec<TypeId> = Vec::new();
        for l in &p.content.links {
            if let Some(id) = index.by_link(&d.version, &l.dest) {
                if types[id.index()].kind != TypeKind::Enum && !linked.contains(id) {
                    linked.push(id.clone());
                }
            }
        }
        let collection = lower.contains("collection of") || lower.contains("array of");
        let ty = match linked.as_slice() {
            [] => continue,
            [one] => one.clone(),
            several => {
                // Types of nothing in common: the sentence names more than the body.
                let Some(base) = common_base(types, several) else {
                    continue;
                };
                diagnostics.push(Diagnostic::note(
                    "type-either",
                    Location::new(&d.page.path, p.line),
                    format!(
                        "the request body is one of {}: typed as their common base {base}",
                        several
                            .iter()
                            .map(|t| t.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
                base
            }
        };
        return Some(Payload {
            ty: TypeRef::Named(ty),
            collection,
        });
    }
    None
}
