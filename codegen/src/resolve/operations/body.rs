//! What a page says a request body holds: "In the request body, supply a JSON representation
//! of [user](..) object", "Provide the new [offerShiftRequest](..) object in the request
//! body"; "an [ipNamedLocation](..) or [countryNamedLocation](..) object" holds either, typed
//! by their nearest common base.

use crate::diagnostics::{Diagnostic, Location};
use crate::parse::api::ApiSection;
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
/// of a linked type (not a table's parameters or properties). Sentence by sentence: "supply a
/// JSON representation of an [accessPackageResourceRequest]. Include the ... relationship
/// with an [accessPackageResource] object" states the first, not a choice of both.
pub fn stated(
    d: &Draft<'_>,
    index: &TypeIndex,
    types: &[TypeDef],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Payload> {
    for p in &d.api.request_body {
        for (start, end) in sentences(&p.content.text) {
            let lower = p.content.text[start..end].to_ascii_lowercase();
            // "For the list of properties, see [conditionalAccessPolicy](..)."
            let hands_over = lower.contains("json representation")
                || lower.contains(" object")
                || lower.contains("properties, see");
            let introduces_a_table = lower.contains("the following");
            if !hands_over || introduces_a_table {
                continue;
            }
            let mut linked: Vec<TypeId> = Vec::new();
            for l in p
                .content
                .links
                .iter()
                .filter(|l| (start..end).contains(&l.at))
            {
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
    }
    None
}

/// The byte ranges of a paragraph's sentences: each ends after a `.` followed by a space
/// (or at the end), so `(../resources/x.md)` and `e.g.` inside one do not split it.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        let before = &text[start..i];
        if before.ends_with("e.g") || before.ends_with("i.e") {
            continue;
        }
        out.push((start, i + 1));
        start = i + 2;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// Whether the Request body section says the request carries something, in words or in a
/// table, rather than "Do not supply a request body for this method" or "None".
pub fn documents_a_body(d: &Draft<'_>) -> bool {
    let says_nothing = |text: &str| {
        let bare = text.trim().trim_end_matches('.');
        bare.is_empty()
            || bare.eq_ignore_ascii_case("none")
            || super::says_one_of(
                bare,
                &[
                    "not supply",
                    "not provide",
                    "no request body",
                    "not required",
                    "not require ",
                    "not necessary",
                    "no request content",
                    "not submit",
                    "not have a request body",
                    "empty",
                ],
            )
    };
    let has_table = d
        .api
        .tables
        .iter()
        .any(|t| t.section == ApiSection::RequestBody && !t.rows.is_empty());
    let paragraphs: Vec<&str> = d
        .api
        .request_body
        .iter()
        .map(|p| p.content.text.as_str())
        .collect();
    if paragraphs.iter().any(|t| says_nothing(t)) {
        return false;
    }
    has_table || !paragraphs.is_empty()
}

/// Whether the Request body section says the body is bytes, not JSON ("The request body is a
/// binary blob containing the bytes of the document").
pub fn says_binary(d: &Draft<'_>) -> bool {
    d.api.request_body.iter().any(|p| {
        let lower = p.content.text.to_ascii_lowercase();
        lower.contains("binary") || lower.contains("the bytes of")
    })
}
