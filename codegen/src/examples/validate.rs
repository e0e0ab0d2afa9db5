//! Checks example values against the types the docs declare, without the generated code:
//! each value must fit its property's type. What does not fit is a doc defect, reported with
//! its JSON path, value, declared type and line.

use serde_json::Value;

use crate::diagnostics::{Diagnostic, Location};
use crate::parse::type_ref;
use crate::schema::{Primitive, Property, Schema, TypeId, TypeKind, TypeRef, Written};

use super::extract::{self, Body};

/// A value that does not fit its declared type.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// JSON path: `$.value[0].targetResourceId`.
    pub path: String,
    pub value: Value,
    /// `Edm.Guid`, `Collection(Edm.String)`, `microsoft.graph.x`.
    pub declared: String,
    /// Where the declared type comes from: the property's type as its page writes it (the
    /// table cell, or the JSON representation value), so that a misreading of the page shows.
    pub declared_at: Option<Written>,
    /// Line of the value in the page.
    pub line: usize,
}

impl Problem {
    /// The value stands in for a real one: `"String"`, `"datetime-value"`, `"Int32"`.
    pub fn is_placeholder(&self) -> bool {
        self.value.as_str().is_some_and(is_placeholder)
    }

    pub fn describe(&self) -> String {
        let value = self.value.to_string();
        let value = if value.chars().count() > 80 {
            format!("{}...", value.chars().take(77).collect::<String>())
        } else {
            value
        };
        let origin = match &self.declared_at {
            Some(w) => format!(" (from {:?} at {})", w.text, w.source),
            None => String::new(),
        };
        format!(
            "{} = {value} does not fit the declared type {}{origin}",
            self.path, self.declared
        )
    }
}

/// Strings the docs use in place of a value.
pub fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    let head = t.split([' ', '(']).next().unwrap_or(t);
    type_ref::primitive(head).is_some()
        || (t.ends_with("-value") && !t.contains(' '))
        || (t.starts_with('{') && t.ends_with('}') && !t.contains(' '))
        || t.eq_ignore_ascii_case("timestamp")
}

/// Checks one value against a type; `text` and `first_line` locate values for evidence.
pub struct Validator<'a> {
    pub schema: &'a Schema,
    pub text: &'a str,
    pub first_line: usize,
}

impl Validator<'_> {
    /// Every value of `value` that does not fit `type_index`, in document order.
    pub fn problems(&self, type_index: usize, value: &Value, path: &str) -> Vec<Problem> {
        let mut out = Vec::new();
        self.object(type_index, value, path, &mut out);
        out
    }

    fn object(&self, type_index: usize, value: &Value, path: &str, out: &mut Vec<Problem>) {
        let t = &self.schema.types[type_index];
        let Value::Object(map) = value else {
            out.push(self.problem(path, value, &t.qualified_name(), None));
            return;
        };
        // A documented derived type named by `@odata.type` is checked as itself; a type the
        // docs do not derive from the declared one is read as the declared type, as the
        // generated `Any*` enums read it.
        let concrete = map
            .get("@odata.type")
            .and_then(Value::as_str)
            .and_then(|d| self.schema.find(&t.version, d))
            .filter(|&d| {
                self.schema.get(d).kind != TypeKind::Enum
                    && (d.index() == type_index
                        || self.schema.bases(d).iter().any(|b| b.index() == type_index))
            })
            .unwrap_or(self.schema.id(type_index));
        let properties = self.schema.all_properties(concrete);
        for (key, v) in map {
            if let Some(p) = properties.iter().find(|p| &p.name == key) {
                self.property(p, v, &format!("{path}.{key}"), key, out);
            }
        }
    }

    fn property(&self, p: &Property, value: &Value, path: &str, key: &str, out: &mut Vec<Problem>) {
        if value.is_null() {
            return;
        }
        if p.collection {
            match value {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        self.single(p, item, &format!("{path}[{i}]"), key, out);
                    }
                }
                other => out.push(self.problem(
                    path,
                    other,
                    &format!("Collection({})", p.ty),
                    Some((key, p)),
                )),
            }
        } else {
            self.single(p, value, path, key, out);
        }
    }

    fn single(&self, p: &Property, value: &Value, path: &str, key: &str, out: &mut Vec<Problem>) {
        if value.is_null() {
            return;
        }
        let target = match &p.ty {
            TypeRef::Primitive(primitive) => {
                if !fits(*primitive, value) {
                    out.push(self.problem(path, value, p.ty.csdl_name(), Some((key, p))));
                }
                return;
            }
            TypeRef::Named(id) => id,
        };
        match self.schema.get(target).kind {
            TypeKind::Enum => {
                if !value.is_string() {
                    out.push(self.problem(path, value, p.ty.csdl_name(), Some((key, p))));
                }
            }
            TypeKind::Entity | TypeKind::Complex => self.object(target.index(), value, path, out),
        }
    }

    fn problem(
        &self,
        path: &str,
        value: &Value,
        declared: &str,
        property: Option<(&str, &Property)>,
    ) -> Problem {
        let key = property.map(|(k, _)| k);
        let line = key.map_or(self.first_line, |k| self.line_of(k));
        Problem {
            path: path.to_string(),
            value: value.clone(),
            declared: declared.to_string(),
            declared_at: property.map(|(_, p)| Written {
                text: p.written.clone(),
                source: p.source.clone(),
            }),
            line,
        }
    }

    /// The line of the first `"key":` in the text.
    fn line_of(&self, key: &str) -> usize {
        let needle = format!("\"{key}\"");
        let offset = self.text.find(&needle).unwrap_or(0);
        self.first_line + self.text[..offset].matches('\n').count()
    }
}

/// Every value of every typed example that does not fit its declared type, as diagnostics.
pub fn check(pages: &[crate::parse::Page], schema: &Schema) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for block in extract::extract(pages) {
        let (Body::Json(body), Some(declared)) = (&block.body, &block.declared_type) else {
            continue;
        };
        let Some(type_index) = schema.find(&block.version, declared).map(TypeId::index) else {
            continue;
        };
        if schema.types[type_index].kind == TypeKind::Enum {
            continue;
        }
        let validator = Validator {
            schema,
            text: &block.body_text,
            first_line: block.body_line,
        };
        let Ok(items) = block.items(body) else {
            continue;
        };
        for (path, item) in items {
            for problem in validator.problems(type_index, item, &path) {
                diagnostics.push(Diagnostic::warning(
                    "example-type-mismatch",
                    Location::new(&block.source.file, problem.line),
                    format!("example value {}", problem.describe()),
                ));
            }
        }
    }
    diagnostics
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
        Primitive::Duration => {
            text.is_some_and(|t| t.parse::<graph_docs_runtime::Duration>().is_ok())
        }
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

    #[test]
    fn placeholders() {
        for p in [
            "String",
            "string (timestamp)",
            "datetime-value",
            "Int32",
            "{id}",
            "Guid",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        for p in ["2021-07-16", "19:abc@thread.v2", "hello world"] {
            assert!(!is_placeholder(p), "{p}");
        }
    }
}
