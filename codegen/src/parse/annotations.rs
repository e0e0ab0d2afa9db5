//! Block annotations: `<!-- { "blockType": ..., ... } -->` comments.

use serde_json::{Map, Value};

use super::page::Annotation;

/// Why an annotation comment could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotationError {
    /// Line offset inside the comment (0-based) where the JSON went wrong.
    pub line_offset: usize,
    pub message: String,
}

/// What an HTML comment holds, if it is an annotation at all.
#[derive(Debug, Clone)]
pub enum Comment {
    /// Not a JSON comment (uuid stamps, prose, markup).
    NotAnnotation,
    /// `{"type": "#page.annotation", ...}`: page metadata, no block.
    PageAnnotation,
    Block(Annotation),
    /// JSON that strict parsing rejected but a repair (trailing commas, smart quotes) accepted.
    Repaired(Annotation, AnnotationError),
    Invalid(AnnotationError),
}

/// Reads one HTML block.
pub fn read_comment(html: &str) -> Comment {
    let trimmed = html.trim();
    let Some(inner) = trimmed.strip_prefix("<!--") else {
        return Comment::NotAnnotation;
    };
    let inner = inner.trim_end().trim_end_matches("-->");
    let (Some(start), Some(end)) = (inner.find('{'), inner.rfind('}')) else {
        return Comment::NotAnnotation;
    };
    // A comment that does not open with a brace is prose that happens to hold one.
    if !inner[..start].trim().is_empty() || end < start {
        return Comment::NotAnnotation;
    }
    let json = &inner[start..=end];
    let line_base = trimmed[..4 + start].matches('\n').count();
    match serde_json::from_str::<Map<String, Value>>(json) {
        Ok(map) => classify(map),
        Err(strict) => {
            let error = AnnotationError {
                line_offset: line_base + strict.line().saturating_sub(1),
                message: strict.to_string(),
            };
            match serde_json::from_str::<Map<String, Value>>(&repair(json)) {
                Ok(map) => match classify(map) {
                    Comment::Block(a) => Comment::Repaired(a, error),
                    other => other,
                },
                Err(_) => Comment::Invalid(error),
            }
        }
    }
}

fn classify(map: Map<String, Value>) -> Comment {
    if map.get("type").and_then(Value::as_str) == Some("#page.annotation") {
        return Comment::PageAnnotation;
    }
    let text = |key: &str| {
        map.get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let flag = |key: &str| match map.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
        _ => false,
    };
    let list = |key: &str| match map.get(key) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    Comment::Block(Annotation {
        block_type: text("blockType"),
        odata_type: text("@odata.type").or_else(|| text("@type")),
        key_property: text("keyProperty"),
        optional_properties: list("optionalProperties"),
        base_type: text("baseType"),
        open_type: flag("openType"),
        is_abstract: flag("abstract"),
        is_media_entity: flag("isMediaEntity"),
        is_collection: flag("isCollection"),
        collection_property: text("collectionProperty"),
        truncated: flag("truncated"),
        name: text("name"),
    })
}

/// Fixes the slips hand-written annotations make: smart quotes and trailing commas.
fn repair(json: &str) -> String {
    let json = json.replace(['\u{201c}', '\u{201d}'], "\"");
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    let chars: Vec<char> = json.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            ',' => {
                let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
                if !matches!(next, Some('}') | Some(']')) {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_resource_annotation() {
        let c = read_comment(
            "<!-- {\n  \"blockType\": \"resource\",\n  \"keyProperty\": \"id\",\n  \"@odata.type\": \"microsoft.graph.x\",\n  \"optionalProperties\": []\n}-->",
        );
        let Comment::Block(a) = c else {
            panic!("expected a block annotation, got {c:?}")
        };
        assert_eq!(a.block_type.as_deref(), Some("resource"));
        assert_eq!(a.key_property.as_deref(), Some("id"));
        assert_eq!(a.odata_type.as_deref(), Some("microsoft.graph.x"));
    }

    #[test]
    fn page_annotations_and_stamps_are_not_blocks() {
        assert!(matches!(
            read_comment("<!--\n{\n \"type\": \"#page.annotation\"\n}\n-->"),
            Comment::PageAnnotation
        ));
        assert!(matches!(
            read_comment("<!-- uuid: 8fcb5dbc\n2015-10-25 14:57:30 UTC -->"),
            Comment::NotAnnotation
        ));
        assert!(matches!(
            read_comment("<!-- see {this} -->"),
            Comment::NotAnnotation
        ));
    }

    #[test]
    fn trailing_commas_are_repaired_and_reported() {
        let c = read_comment("<!-- {\n \"blockType\": \"response\",\n \"truncated\": true,\n} -->");
        let Comment::Repaired(a, error) = c else {
            panic!("expected a repaired annotation, got {c:?}")
        };
        assert!(a.truncated);
        assert_eq!(error.line_offset, 3);
    }

    #[test]
    fn broken_json_is_invalid_with_its_line() {
        let c =
            read_comment("<!-- {\n \"blockType\": \"resource\"\n \"@odata.type\": \"x\"\n} -->");
        let Comment::Invalid(error) = c else {
            panic!("expected invalid, got {c:?}")
        };
        assert_eq!(error.line_offset, 2);
    }
}
