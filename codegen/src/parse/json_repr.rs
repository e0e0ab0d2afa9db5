//! The JSON representation block of a resource page: which keys it lists, on which line, and
//! what each value hints about the type (`"String"`, `"a | b | c"`, `{"@odata.type": "x"}`).
//!
//! These blocks are often not valid JSON (comments, `...`, missing commas, bare words), so keys
//! are found by a small scanner that only tracks strings and nesting; each value is then read
//! on its own.

use serde::Serialize;
use serde_json::Value;

/// One top-level key of the representation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReprProperty {
    pub name: String,
    pub line: usize,
    pub hint: Hint,
    /// The value as written (cut short past a line).
    pub raw: String,
    /// `[...]` around the value.
    pub collection: bool,
}

/// What a value says about its property's type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Hint {
    /// `"String"`, `"String (timestamp)"`, `"Int32"`: a spelled type name.
    Text(String),
    /// `"notStarted | running | completed"`: the members of an enum.
    Choices(Vec<String>),
    /// `{"@odata.type": "microsoft.graph.x"}`.
    ODataType(String),
    Integer,
    Number,
    Boolean,
    Null,
    /// An object or anything else the scanner could not name.
    Other,
}

/// The representation as read, and the strict JSON error if the block is not valid JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Representation {
    pub properties: Vec<ReprProperty>,
    pub json_error: Option<(usize, String)>,
}

/// Reads a JSON representation block whose first line is `body_line`.
pub fn representation(text: &str, body_line: usize) -> Representation {
    let json_error = serde_json::from_str::<Value>(text)
        .err()
        .map(|e| (body_line + e.line().saturating_sub(1), e.to_string()));
    // Keys come in order, so lines are counted once over the text, not from the start per key.
    let (mut counted, mut line) = (0, body_line);
    let properties = scan(text)
        .into_iter()
        .map(|(name, offset, raw)| {
            line += text.as_bytes()[counted..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            counted = offset;
            let (hint, collection) = hint(raw.trim());
            let raw = raw.trim().trim_end_matches(',').trim();
            let raw = match raw.find('\n') {
                Some(end) => format!("{}...", &raw[..end]),
                None => raw.to_string(),
            };
            ReprProperty {
                name,
                line,
                hint,
                raw,
                collection,
            }
        })
        .collect();
    Representation {
        properties,
        json_error,
    }
}

/// Top-level keys of the first object: (key, byte offset of the key, raw value text).
fn scan(text: &str) -> Vec<(String, usize, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    // At depth 1: a key just read, waiting for its value; then the value's start.
    let mut key: Option<(String, usize)> = None;
    let mut value_start: Option<usize> = None;
    let mut finish = |key: &mut Option<(String, usize)>, start: &mut Option<usize>, end: usize| {
        if let (Some((k, at)), Some(s)) = (key.take(), start.take()) {
            out.push((k, at, &text[s..end]));
        }
    };
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'"' => {
                let (end, closed) = string_end(bytes, i);
                // A string the line break cuts off is no key (`"` then a new line).
                if closed && depth == 1 && key.is_none() && value_start.is_none() {
                    let after = text[end..].trim_start();
                    if after.starts_with(':') {
                        let name = text[i + 1..end - 1].to_string();
                        key = Some((name, i));
                        i = end + (text[end..].len() - after.len()) + 1;
                        value_start = Some(i);
                        continue;
                    }
                }
                i = end;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
                if depth == 1 {
                    finish(&mut key, &mut value_start, i);
                }
                i = end;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 1 {
                    finish(&mut key, &mut value_start, i);
                }
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            b',' if depth == 1 => finish(&mut key, &mut value_start, i),
            b'\n' if depth == 1 => {
                // A value ends with its line when the writer forgot the comma.
                if let Some(s) = value_start {
                    if !text[s..i].trim().is_empty() {
                        finish(&mut key, &mut value_start, i);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Index just past the closing quote of the string opening at `start`, and whether there was
/// one (a string also ends, unclosed, at its line's end or the text's).
fn string_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return (i + 1, true),
            b'\n' => return (i, false),
            _ => i += 1,
        }
    }
    (bytes.len(), false)
}

fn hint(raw: &str) -> (Hint, bool) {
    let raw = raw.trim().trim_end_matches(',').trim();
    if let Some(inner) = raw.strip_prefix('[') {
        let inner = inner.trim_end().trim_end_matches(']');
        let first = inner.split(',').next().unwrap_or("").trim();
        return (scalar_hint(first), true);
    }
    (scalar_hint(raw), false)
}

fn scalar_hint(raw: &str) -> Hint {
    match serde_json::from_str::<Value>(raw) {
        Ok(Value::String(s)) => text_hint(&s),
        Ok(Value::Number(n)) if n.is_i64() || n.is_u64() => Hint::Integer,
        Ok(Value::Number(_)) => Hint::Number,
        Ok(Value::Bool(_)) => Hint::Boolean,
        Ok(Value::Null) => Hint::Null,
        Ok(Value::Object(map)) => match map.get("@odata.type").and_then(Value::as_str) {
            Some(t) => Hint::ODataType(t.trim_start_matches('#').to_string()),
            None => Hint::Other,
        },
        Ok(Value::Array(_)) => Hint::Other,
        Err(_) => {
            // `{"@odata.type": "x"}` with a trailing comment or comma, or a bare word.
            if let Some(at) = raw.find("@odata.type") {
                let rest = &raw[at + "@odata.type".len()..];
                let name: String = rest
                    .trim_start_matches(|c: char| c == '"' || c == ':' || c.is_whitespace())
                    .chars()
                    .take_while(|c| {
                        c.is_ascii_alphanumeric() || *c == '.' || *c == '#' || *c == '_'
                    })
                    .collect();
                if !name.is_empty() {
                    return Hint::ODataType(name.trim_start_matches('#').to_string());
                }
            }
            let bare = raw.trim_matches('"').trim();
            if bare.is_empty() || bare.starts_with('{') {
                Hint::Other
            } else {
                text_hint(bare)
            }
        }
    }
}

fn text_hint(s: &str) -> Hint {
    if s.contains(" | ") || (s.contains('|') && !s.contains(' ')) {
        let members: Vec<String> = s
            .split('|')
            .map(|m| m.trim().trim_matches('`').to_string())
            .filter(|m| !m.is_empty())
            .collect();
        if members.len() > 1 {
            return Hint::Choices(members);
        }
    }
    Hint::Text(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_lines_and_hints() {
        let r = representation(
            "{\n  \"id\": \"String (identifier)\",\n  \"status\": \"notStarted | running\",\n  \"resultInfo\": {\"@odata.type\": \"#microsoft.graph.resultInfo\"},\n  \"tags\": [\"String\"],\n  \"count\": 0,\n  \"error\": null\n}",
            10,
        );
        assert_eq!(r.json_error, None);
        let names: Vec<_> = r
            .properties
            .iter()
            .map(|p| (p.name.as_str(), p.line))
            .collect();
        assert_eq!(
            names,
            [
                ("id", 11),
                ("status", 12),
                ("resultInfo", 13),
                ("tags", 14),
                ("count", 15),
                ("error", 16)
            ]
        );
        assert_eq!(
            r.properties[1].hint,
            Hint::Choices(vec!["notStarted".into(), "running".into()])
        );
        assert_eq!(
            r.properties[2].hint,
            Hint::ODataType("microsoft.graph.resultInfo".into())
        );
        assert!(r.properties[3].collection);
        assert_eq!(r.properties[4].hint, Hint::Integer);
        assert_eq!(r.properties[5].hint, Hint::Null);
    }

    /// Found by the `json_repr` fuzz target: a quote that ends its line panicked on slicing.
    #[test]
    fn an_unclosed_quote_before_a_colon_is_no_key() {
        let r = representation("{\n\n\"\n\n:\0\0\0\n\n*", 1);
        assert!(r.properties.is_empty(), "{r:?}");
        let r = representation("{\n  \"a\": 1,\n  \"b\n  \"c\": 2\n}", 1);
        let names: Vec<_> = r.properties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["a", "c"]);
    }

    #[test]
    fn tolerates_comments_missing_commas_and_bare_words() {
        let r = representation(
            "{\n  \"a\": String, // a comment\n  \"b\": \"x\"\n  \"c\": {\"@odata.type\": \"microsoft.graph.c\"} // more\n  ...\n}",
            1,
        );
        assert!(r.json_error.is_some());
        let names: Vec<_> = r.properties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert_eq!(r.properties[0].hint, Hint::Text("String".into()));
        assert_eq!(
            r.properties[2].hint,
            Hint::ODataType("microsoft.graph.c".into())
        );
    }
}
