//! Example blocks: every `response` and `example` block with its annotation, the HTTP status
//! line and headers split off, and the body classified (JSON, empty, not JSON, invalid).

use serde_json::Value;

use crate::diagnostics::Location;
use crate::parse::{http, Annotation, Page};

/// What an example's body is.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    Json(Value),
    /// Nothing after the headers (a 204, a 202 with a Location header).
    Empty,
    /// Text, CSV, binary, MIME: a body that is not meant to be JSON.
    NotJson(String),
    /// Meant to be JSON but does not parse; `elided` when it holds `...` elisions.
    InvalidJson {
        error: String,
        line: usize,
        elided: bool,
    },
}

#[derive(Debug, Clone)]
pub struct ExampleBlock {
    pub source: Location,
    pub version: String,
    /// `blockType`: `response` or `example`.
    pub block_type: String,
    /// `@odata.type` of the annotation, without `#` or a `Collection(...)` around it.
    pub declared_type: Option<String>,
    /// The annotation says `isCollection`, or declares `Collection(x)`.
    pub collection: bool,
    pub annotation: Annotation,
    pub status: Option<u16>,
    pub body: Body,
    pub body_text: String,
    pub body_line: usize,
}

impl ExampleBlock {
    /// The objects the example holds, with their JSON paths: the body, or each element of
    /// its `value` (or `collectionProperty`) array for a collection.
    pub fn items<'v>(&self, body: &'v Value) -> Result<Vec<(String, &'v Value)>, String> {
        if !self.collection {
            return Ok(vec![("$".to_string(), body)]);
        }
        let key = self
            .annotation
            .collection_property
            .as_deref()
            .unwrap_or("value");
        match body {
            Value::Object(map) => match map.get(key) {
                Some(Value::Array(items)) => Ok(items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (format!("$.{key}[{i}]"), v))
                    .collect()),
                _ => Err(format!("a collection, but the body has no `{key}` array")),
            },
            Value::Array(items) => Ok(items
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("$[{i}]"), v))
                .collect()),
            _ => Err("a collection, but the body is not an object or array".to_string()),
        }
    }
}

/// Every response and example block of `pages`.
pub fn extract(pages: &[Page]) -> Vec<ExampleBlock> {
    let mut out = Vec::new();
    for page in pages {
        let Some(version) = page.version.as_deref() else {
            continue;
        };
        for block in &page.annotated {
            let block_type = block.annotation.block_type.as_deref().unwrap_or_default();
            if block_type != "response" && block_type != "example" {
                continue;
            }
            let Some(code) = &block.code else { continue };
            let message = http::split(&code.text);
            let body_line = code.body_line + message.body_line_offset;
            let content_type = message
                .headers
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case("content-type"))
                .map(|(_, v)| v.to_ascii_lowercase());
            let declared = block
                .annotation
                .odata_type
                .as_deref()
                .map(|t| t.trim().trim_start_matches('#'))
                .filter(|t| !t.is_empty());
            let (declared, wrapped) = match declared {
                Some(t)
                    if t.len() > 12
                        && t[..11].eq_ignore_ascii_case("collection(")
                        && t.ends_with(')') =>
                {
                    (Some(t[11..t.len() - 1].trim().to_string()), true)
                }
                other => (other.map(str::to_string), false),
            };
            out.push(ExampleBlock {
                source: Location::new(&page.path, block.line),
                version: version.to_string(),
                block_type: block_type.to_string(),
                declared_type: declared,
                collection: wrapped || block.annotation.is_collection,
                annotation: block.annotation.clone(),
                status: message.status,
                body: classify(message.body, content_type.as_deref(), body_line),
                body_text: message.body.to_string(),
                body_line,
            });
        }
    }
    out
}

pub(super) fn classify(body: &str, content_type: Option<&str>, body_line: usize) -> Body {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return Body::Empty;
    }
    if let Some(ct) = content_type.filter(|ct| !ct.contains("json")) {
        return Body::NotJson(format!("Content-Type {ct}"));
    }
    if !trimmed.starts_with(['{', '[']) {
        let first = trimmed.lines().next().unwrap_or_default();
        return Body::NotJson(format!(
            "body starts with {:?}",
            first.chars().take(40).collect::<String>()
        ));
    }
    match serde_json::from_str::<Value>(body) {
        Ok(value) => Body::Json(value),
        Err(e) => Body::InvalidJson {
            error: e.to_string(),
            line: body_line + e.line().saturating_sub(1),
            elided: trimmed.contains("...") || trimmed.contains('\u{2026}'),
        },
    }
}
