//! What an operation returns, from its page: the Response section's sentence ("If
//! successful, this method returns a `200 OK` response code and a collection of
//! [user](../resources/user.md) objects in the response body."), else the annotation of its
//! response example.

use crate::diagnostics::Location;
use crate::parse::type_ref;
use crate::schema::operations::{Payload, Response};
use crate::schema::{TypeRef, Written};

use super::super::index::TypeIndex;
use super::drafts::{Class, Draft};

pub fn read(draft: &Draft<'_>, index: &TypeIndex) -> Response {
    let version = draft.version.as_str();
    let namespace = draft
        .page
        .namespace
        .as_deref()
        .unwrap_or(super::super::definitions::DEFAULT_NAMESPACE);
    let paragraphs = &draft.api.response;
    // The sentence of success, and of the right kind when the page tells its responses
    // apart by heading (`Response for getting the photo`).
    let chosen = paragraphs
        .iter()
        .filter(|p| status(&p.content.code_spans, &p.content.text).is_some())
        .find(|p| {
            let heading = p.heading.to_ascii_lowercase();
            let about_content = heading.contains("photo") && !heading.contains("metadata")
                || heading.contains("content")
                || heading.contains("binary");
            (draft.class == Class::Value) == about_content || !heading.starts_with("response ")
        })
        .or_else(|| paragraphs.first());
    let mut response = Response::default();
    if let Some(p) = chosen {
        response.status = status(&p.content.code_spans, &p.content.text);
        response.written = Some(Written {
            text: p.content.text.clone(),
            source: Location::new(&draft.page.path, p.line),
        });
        if draft.class != Class::Value && response.status != Some(204) {
            response.body = body(&p.content, version, index);
        }
    }
    if response.body.is_none() && response.status != Some(204) && draft.class != Class::Value {
        response.body = example_body(draft, version, namespace, index);
        // "the requested offerShiftRequest objects": many, though the example says not.
        if let (Some(body), Some(p)) = (&mut response.body, chosen) {
            let text = p.content.text.to_ascii_lowercase();
            body.collection |= text.contains("collection") || text.contains(" objects");
        }
    }
    response
}

/// The first success status written: `` `200 OK` ``, or `200 OK` in the text.
fn status(code_spans: &[String], text: &str) -> Option<u16> {
    let code = |s: &str| {
        let digits: String = s.trim().chars().take_while(char::is_ascii_digit).collect();
        digits
            .parse::<u16>()
            .ok()
            .filter(|c| (200..300).contains(c) && digits.len() == 3)
    };
    code_spans.iter().find_map(|s| code(s)).or_else(|| {
        text.split(|c: char| !c.is_ascii_alphanumeric())
            .find_map(|w| code(w).filter(|_| w.len() == 3))
    })
}

/// The type the sentence links to, and whether it speaks of a collection of it.
fn body(content: &crate::parse::Inline, version: &str, index: &TypeIndex) -> Option<Payload> {
    let lower = content.text.to_ascii_lowercase();
    content.links.iter().find_map(|link| {
        let id = index.by_link(version, &link.dest)?;
        let sentence_start = lower[..link.at.min(lower.len())]
            .rfind(". ")
            .map_or(0, |i| i + 2);
        let after = link.at + link.text.len();
        let sentence_end = lower[after.min(lower.len())..]
            .find(". ")
            .map_or(lower.len(), |i| after + i);
        let sentence = &lower[sentence_start..sentence_end];
        // "... and the requested [offerShiftRequest](..) objects": many.
        let plural = lower[after.min(lower.len())..]
            .trim_start()
            .starts_with("objects");
        Some(Payload {
            ty: TypeRef::Named(id.clone()),
            collection: sentence.contains("collection") || sentence.contains(" list of") || plural,
        })
    })
}

/// The type the first response example declares (`"@odata.type": "microsoft.graph.user"`,
/// `"isCollection": true`).
fn example_body(
    draft: &Draft<'_>,
    version: &str,
    namespace: &str,
    index: &TypeIndex,
) -> Option<Payload> {
    draft.page.annotated.iter().find_map(|block| {
        let a = &block.annotation;
        if a.block_type.as_deref() != Some("response") {
            return None;
        }
        let declared = a.odata_type.as_deref()?;
        let (inner, wrapped) = match declared
            .strip_prefix("Collection(")
            .and_then(|d| d.strip_suffix(')'))
        {
            Some(inner) => (inner, true),
            None => (declared, false),
        };
        let ty = match type_ref::primitive(inner) {
            Some(p) => TypeRef::Primitive(p),
            None => TypeRef::Named(index.by_name(version, inner, namespace)?.clone()),
        };
        Some(Payload {
            ty,
            collection: wrapped || a.is_collection,
        })
    })
}
