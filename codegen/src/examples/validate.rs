//! Checks the docs' own examples against the resolved types: each value must fit the type the
//! docs declare for its property. A value that does not is a doc defect (or a generator bug)
//! and is reported with file, line, value and declared type.

use std::collections::HashMap;

use serde_json::Value;

use crate::diagnostics::{Diagnostic, Location};
use crate::parse::{http, AnnotatedBlock, Page};
use crate::schema::{Primitive, Property, Schema, TypeKind};

/// An example block that names a documented type, with its JSON body.
pub struct Example<'p> {
    pub page: &'p Page,
    pub block: &'p AnnotatedBlock,
    pub type_index: usize,
    pub body: Value,
    /// Text of the body and its first line, for locating values.
    pub body_text: &'p str,
    pub body_line: usize,
}

/// Response and example blocks of `pages` that name a type of `schema` and hold a JSON body.
pub fn examples<'p>(pages: &'p [Page], schema: &Schema) -> Vec<Example<'p>> {
    let lookup = Lookup::new(schema);
    let mut out = Vec::new();
    for page in pages {
        let Some(version) = page.version.as_deref() else {
            continue;
        };
        for block in &page.annotated {
            let kind = block.annotation.block_type.as_deref();
            if !matches!(kind, Some("response") | Some("example")) {
                continue;
            }
            let (Some(odata_type), Some(code)) =
                (block.annotation.odata_type.as_deref(), &block.code)
            else {
                continue;
            };
            let Some(type_index) = lookup.find(version, odata_type) else {
                continue;
            };
            let message = http::split(&code.text);
            let Ok(body) = serde_json::from_str::<Value>(message.body) else {
                continue;
            };
            out.push(Example {
                page,
                block,
                type_index,
                body,
                body_text: message.body,
                body_line: code.body_line + message.body_line_offset,
            });
        }
    }
    out
}

/// Type lookup by (version, lowercase qualified name).
struct Lookup(HashMap<(String, String), usize>);

impl Lookup {
    fn new(schema: &Schema) -> Self {
        Lookup(
            schema
                .types
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    (
                        (t.version.clone(), t.qualified_name().to_ascii_lowercase()),
                        i,
                    )
                })
                .collect(),
        )
    }

    fn find(&self, version: &str, qualified: &str) -> Option<usize> {
        let q = qualified
            .trim()
            .trim_start_matches('#')
            .to_ascii_lowercase();
        self.0.get(&(version.to_string(), q)).copied()
    }
}

/// Every value of every example that does not fit its declared type.
pub fn check(pages: &[Page], schema: &Schema) -> Vec<Diagnostic> {
    let lookup = Lookup::new(schema);
    let mut diagnostics = Vec::new();
    for example in examples(pages, schema) {
        let checker = Checker {
            schema,
            lookup: &lookup,
            example: &example,
        };
        let items: Vec<&Value> = if example.block.annotation.is_collection {
            let key = example
                .block
                .annotation
                .collection_property
                .as_deref()
                .unwrap_or("value");
            match example.body.get(key) {
                Some(Value::Array(items)) => items.iter().collect(),
                _ => continue,
            }
        } else {
            vec![&example.body]
        };
        for item in items {
            checker.object(example.type_index, item, "$", &mut diagnostics);
        }
    }
    diagnostics
}

struct Checker<'a> {
    schema: &'a Schema,
    lookup: &'a Lookup,
    example: &'a Example<'a>,
}

impl Checker<'_> {
    fn object(&self, type_index: usize, value: &Value, path: &str, out: &mut Vec<Diagnostic>) {
        let Value::Object(map) = value else {
            out.push(self.mismatch(
                path,
                value,
                &self.schema.types[type_index].qualified_name(),
                None,
            ));
            return;
        };
        let version = &self.schema.types[type_index].version;
        let properties = self
            .schema
            .all_properties(type_index, |v, q| self.lookup.find(v, q));
        for (key, v) in map {
            if let Some(p) = properties.iter().find(|p| &p.name == key) {
                self.property(version, p, v, &format!("{path}.{key}"), key, out);
            }
        }
    }

    fn property(
        &self,
        version: &str,
        p: &Property,
        value: &Value,
        path: &str,
        key: &str,
        out: &mut Vec<Diagnostic>,
    ) {
        if value.is_null() {
            return;
        }
        if p.collection {
            match value {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        self.single(version, p, item, &format!("{path}[{i}]"), key, out);
                    }
                }
                other => out.push(self.mismatch(
                    path,
                    other,
                    &format!("Collection({})", p.type_name),
                    Some(key),
                )),
            }
        } else {
            self.single(version, p, value, path, key, out);
        }
    }

    fn single(
        &self,
        version: &str,
        p: &Property,
        value: &Value,
        path: &str,
        key: &str,
        out: &mut Vec<Diagnostic>,
    ) {
        if value.is_null() {
            return;
        }
        if let Some(primitive) = Primitive::from_csdl(&p.type_name) {
            if !fits(primitive, value) {
                out.push(self.mismatch(path, value, &p.type_name, Some(key)));
            }
            return;
        }
        let Some(target) = self.lookup.find(version, &p.type_name) else {
            return;
        };
        match self.schema.types[target].kind {
            TypeKind::Enum => {
                if !value.is_string() {
                    out.push(self.mismatch(path, value, &p.type_name, Some(key)));
                }
            }
            TypeKind::Entity | TypeKind::Complex => self.object(target, value, path, out),
        }
    }

    fn mismatch(&self, path: &str, value: &Value, declared: &str, key: Option<&str>) -> Diagnostic {
        let line = key.map_or(self.example.body_line, |k| self.line_of(k));
        Diagnostic::warning(
            "example-type-mismatch",
            Location::new(&self.example.page.path, line),
            format!(
                "example value {path} = {} does not fit the declared type {declared}",
                truncate(&value.to_string())
            ),
        )
    }

    /// The line of the first `"key":` in the body.
    fn line_of(&self, key: &str) -> usize {
        let needle = format!("\"{key}\"");
        let text = self.example.body_text;
        let offset = text.find(&needle).unwrap_or(0);
        self.example.body_line + text[..offset].matches('\n').count()
    }
}

fn truncate(text: &str) -> String {
    if text.chars().count() > 80 {
        format!("{}...", text.chars().take(77).collect::<String>())
    } else {
        text.to_string()
    }
}

/// Whether a JSON value is a valid instance of a primitive, as the generated types read it.
pub fn fits(primitive: Primitive, value: &Value) -> bool {
    use base64::Engine as _;
    let text = value.as_str();
    match primitive {
        Primitive::String => value.is_string(),
        Primitive::Boolean => value.is_boolean(),
        Primitive::Byte => value.as_u64().is_some_and(|n| n <= u8::MAX as u64),
        Primitive::SByte => value.as_i64().is_some_and(|n| i8::try_from(n).is_ok()),
        Primitive::Int16 => value.as_i64().is_some_and(|n| i16::try_from(n).is_ok()),
        Primitive::Int32 => value.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
        Primitive::Int64 => value.as_i64().is_some(),
        Primitive::Single | Primitive::Double | Primitive::Decimal => value.is_number(),
        Primitive::DateTimeOffset => {
            text.is_some_and(|t| chrono::DateTime::parse_from_rfc3339(t).is_ok())
        }
        Primitive::Date => text.is_some_and(|t| t.parse::<chrono::NaiveDate>().is_ok()),
        Primitive::TimeOfDay => text.is_some_and(|t| t.parse::<chrono::NaiveTime>().is_ok()),
        Primitive::Duration => text.is_some_and(is_duration),
        Primitive::Guid => text.is_some_and(|t| uuid::Uuid::parse_str(t).is_ok()),
        Primitive::Binary => text.is_some_and(|t| {
            base64::engine::general_purpose::STANDARD.decode(t).is_ok()
                || base64::engine::general_purpose::STANDARD_NO_PAD
                    .decode(t)
                    .is_ok()
        }),
        Primitive::Stream | Primitive::Untyped => true,
    }
}

/// ISO 8601 duration syntax, as the generated `Duration` accepts it.
fn is_duration(text: &str) -> bool {
    let t = text.trim_start_matches(['-', '+']);
    let Some(rest) = t.strip_prefix('P') else {
        return false;
    };
    let mut in_time = false;
    let mut digits = false;
    let mut any = false;
    for c in rest.chars() {
        match c {
            'T' if !in_time && !digits => in_time = true,
            '0'..='9' | '.' | ',' => digits = true,
            'Y' | 'M' | 'W' | 'D' if !in_time && digits => (digits, any) = (false, true),
            'H' | 'M' | 'S' if in_time && digits => (digits, any) = (false, true),
            _ => return false,
        }
    }
    any && !digits
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn primitives_fit_their_values() {
        assert!(fits(
            Primitive::Guid,
            &json!("2432b57b-0abd-43db-aa7b-16eadd115d34")
        ));
        assert!(!fits(
            Primitive::Guid,
            &json!("19:c253a29b5f694b55a6baad8e83510af7@thread.v2")
        ));
        assert!(fits(
            Primitive::DateTimeOffset,
            &json!("2021-05-27T21:23:41.9085453Z")
        ));
        assert!(!fits(Primitive::DateTimeOffset, &json!("datetime-value")));
        assert!(fits(Primitive::Int32, &json!(1)));
        assert!(!fits(Primitive::Int32, &json!("1")));
        assert!(fits(Primitive::Duration, &json!("PT1H30M")));
        assert!(fits(Primitive::Duration, &json!("-P1DT0.5S")));
        assert!(!fits(Primitive::Duration, &json!("1 hour")));
        assert!(fits(Primitive::Binary, &json!("aGVsbG8=")));
        assert!(fits(Primitive::Date, &json!("2021-07-16")));
    }
}
