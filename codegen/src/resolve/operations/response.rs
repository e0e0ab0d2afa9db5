//! What an operation returns, from its page: the Response section's sentence ("If
//! successful, this method returns a `200 OK` response code and a collection of
//! [user](../resources/user.md) objects in the response body."), else the annotation of its
//! response example.
//!
//! The sentence says more than its link: "a String collection in the response body" is that
//! primitive, "a `true` value is returned" a Boolean, "one of the following requested
//! objects" one object, "the [identityProviders](..)" (the type's name in the plural) a
//! collection; a `202 Accepted` whose sentence names a type only as what a `Location` or
//! `Operation-Location` header points to has no body at all.

use crate::diagnostics::{Diagnostic, Location};
use crate::parse::type_ref;
use crate::schema::operations::{Payload, Response};
use crate::schema::{Primitive, TypeRef, Written};

use super::super::index::TypeIndex;
use super::drafts::{Class, Draft};

pub fn read(draft: &Draft<'_>, index: &TypeIndex, diagnostics: &mut Vec<Diagnostic>) -> Response {
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
    // The sentence says there is no body: the type it names is where a header points.
    let mut no_body = false;
    if let Some(p) = chosen {
        let at = Location::new(&draft.page.path, p.line);
        response.status = status(&p.content.code_spans, &p.content.text);
        response.written = Some(Written {
            text: p.content.text.clone(),
            source: at.clone(),
        });
        if draft.class != Class::Value && response.status != Some(204) {
            let read = body(&p.content, response.status, version, index);
            no_body = read.in_header.is_some() && read.payload.is_none();
            if let Some(named) = &read.in_header {
                diagnostics.push(Diagnostic::note(
                    "response-in-header",
                    at.clone(),
                    format!(
                        "the response sentence names {named} as what a header points to, not as the body: read as no body"
                    ),
                ));
            }
            if let Some(plural) = &read.plural {
                diagnostics.push(Diagnostic::note(
                    "response-plural",
                    at.clone(),
                    format!(
                        "the response sentence links {plural:?}, the name of its type in the plural: read as a collection"
                    ),
                ));
            }
            response.body = read.payload.or_else(|| primitive_body(&p.content));
            if response.body.is_none() && !no_body {
                if let Some((payload, word)) =
                    named_body(&p.content.text, version, namespace, index)
                {
                    diagnostics.push(Diagnostic::note(
                        "response-by-name",
                        at.clone(),
                        format!(
                            "the response sentence names {word:?} without a link; read as {}{}",
                            if payload.collection {
                                "a collection of "
                            } else {
                                ""
                            },
                            payload.ty
                        ),
                    ));
                    response.body = Some(payload);
                }
            }
        }
    }
    if response.body.is_none()
        && !no_body
        && !says_no_body(&response)
        && response.status != Some(204)
        && draft.class != Class::Value
    {
        response.body = example_body(draft, version, namespace, index);
        // "the requested offerShiftRequest objects": many, though the example says not;
        // "one of the following requested objects" is one.
        if let (Some(body), Some(p)) = (&mut response.body, chosen) {
            let text = p.content.text.to_ascii_lowercase();
            body.collection |= (text.contains("collection") || text.contains(" objects"))
                && !text.contains("one of the following");
        }
    }
    response
}

/// "It does not return anything in the response body", "no response body": whatever the
/// status, nothing comes back.
pub fn says_no_body(response: &Response) -> bool {
    let Some(written) = &response.written else {
        return false;
    };
    super::says_one_of(
        &written.text,
        &[
            "not return anything",
            "not return a response body",
            "not return any content",
            "no response body",
            "empty response body",
        ],
    )
}

/// "... and a **companies** object in the response body", "... an updated
/// [customer] ...": the word before `object` (`objects`, `collection`) names a documented
/// type, without a link.
fn named_body(
    text: &str,
    version: &str,
    namespace: &str,
    index: &TypeIndex,
) -> Option<(Payload, String)> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '.'))
        .collect();
    let said_many = words.iter().any(|w| w.eq_ignore_ascii_case("collection"));
    (1..words.len()).find_map(|at| {
        let noun = words[at].to_ascii_lowercase();
        if !matches!(noun.as_str(), "object" | "objects" | "collection") {
            return None;
        }
        let word = words[at - 1];
        // "a JSON object" says the format, not the type.
        if word.is_empty()
            || !word.chars().next()?.is_ascii_alphabetic()
            || word.eq_ignore_ascii_case("json")
        {
            return None;
        }
        let id = index.by_name(version, word, namespace)?;
        Some((
            Payload {
                ty: TypeRef::Named(id.clone()),
                collection: said_many || noun == "objects",
            },
            word.to_string(),
        ))
    })
}

/// "... and a companies object in the response body": the sentence says a body comes.
pub fn says_a_body(response: &Response) -> bool {
    response.written.as_ref().is_some_and(|w| {
        let lower = w.text.to_ascii_lowercase();
        lower.contains("in the response body") && !says_no_body(response)
    })
}

/// "a String in the response body", "a String collection in the response body" (the EDM's
/// names, as the Intune pages write them), "a `true` value is returned in the response body".
fn primitive_body(content: &crate::parse::Inline) -> Option<Payload> {
    let words: Vec<&str> = content
        .text
        .split(|c: char| c.is_whitespace() || c == '`')
        .filter(|w| !w.is_empty())
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
    let is = |i: usize, w: &str| lower.get(i).is_some_and(|l| l == w);
    for i in 0..words.len() {
        if !(is(i, "a") || is(i, "an")) {
            continue;
        }
        // a `true` value is returned
        if (is(i + 1, "true") || is(i + 1, "false")) && is(i + 2, "value") && is(i + 4, "returned")
        {
            return Some(Payload {
                ty: TypeRef::Primitive(Primitive::Boolean),
                collection: false,
            });
        }
        let Some(p) = words.get(i + 1).and_then(|w| edm_name(w)) else {
            continue;
        };
        let collection = is(i + 2, "collection");
        let rest = i + 2 + usize::from(collection);
        if is(rest, "in") && (is(rest + 2, "response") || is(rest + 2, "body")) {
            return Some(Payload {
                ty: TypeRef::Primitive(p),
                collection,
            });
        }
    }
    None
}

/// A primitive by the EDM's own name (`String`, `Int32`, `Boolean`), in any case; not the
/// looser words a description uses for a value (`number`, `object`).
fn edm_name(word: &str) -> Option<Primitive> {
    let p = type_ref::primitive(word)?;
    let name = p.csdl_name().trim_start_matches("Edm.");
    (word.eq_ignore_ascii_case(name) || word.eq_ignore_ascii_case("integer")).then_some(p)
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

/// What the sentence's links say of the body.
#[derive(Default)]
struct LinkedBody {
    payload: Option<Payload>,
    /// A type the sentence names only as what a header points to.
    in_header: Option<String>,
    /// The link's text, when it is the name of the type in the plural.
    plural: Option<String>,
}

/// The type the sentence links to, and whether it speaks of a collection of it. A `202
/// Accepted` names in a sentence about a header (`Location`, `Operation-Location`) where to
/// follow the work, not a body; a link to a `-values` anchor names an enum of a property.
fn body(
    content: &crate::parse::Inline,
    status: Option<u16>,
    version: &str,
    index: &TypeIndex,
) -> LinkedBody {
    let lower = content.text.to_ascii_lowercase();
    let mut out = LinkedBody::default();
    for link in &content.links {
        if link.dest.contains("-values") {
            continue;
        }
        let Some(id) = index.by_link(version, &link.dest) else {
            continue;
        };
        let sentence_start = lower[..link.at.min(lower.len())]
            .rfind(". ")
            .map_or(0, |i| i + 2);
        let after = link.at + link.text.len();
        let sentence_end = lower[after.min(lower.len())..]
            .find(". ")
            .map_or(lower.len(), |i| after + i);
        let sentence = &lower[sentence_start..sentence_end];
        // "a `Location` header, which contains the location of the [teamsAsyncOperation]",
        // "a link to the associated [printerCreateOperation] in the `Operation-Location`
        // header".
        if status == Some(202) && sentence.contains("header") {
            out.in_header.get_or_insert_with(|| id.to_string());
            continue;
        }
        // "... and the requested [offerShiftRequest](..) objects": many.
        let objects = lower[after.min(lower.len())..]
            .trim_start()
            .starts_with("objects");
        // "the [identityProviders](identityprovider.md)": the type's name in the plural.
        let text = link.text.trim_matches(['*', '`', ' ']);
        let name = id.qualified_name().rsplit('.').next().unwrap_or_default();
        let plural = !text.eq_ignore_ascii_case(name)
            && super::roots::singular(text)
                .iter()
                .any(|s| s.eq_ignore_ascii_case(name));
        // "collection" as a word: `[xCollectionDefinition](..)` is one value.
        let said = sentence
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "collection")
            || sentence.contains(" list of")
            || objects;
        if plural && !said {
            out.plural = Some(text.to_string());
        }
        out.payload = Some(Payload {
            ty: TypeRef::Named(id.clone()),
            collection: said || plural,
        });
        out.in_header = None;
        break;
    }
    out
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
