//! Rust identifiers from documented names: case conversion, keywords, leading digits,
//! symbols, and collisions. The wire name always survives in a serde attribute.

use std::collections::HashSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words that can never be identifiers, even raw.
const NOT_RAW: [&str; 5] = ["self", "Self", "super", "crate", "_"];

const KEYWORDS: [&str; 51] = [
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
];

/// Replaces everything but ASCII letters and digits with word breaks.
fn words(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

/// A type or variant name: `teamsAsyncOperation` -> `TeamsAsyncOperation`.
/// `prefix` stands in front of names that would start with a digit or be empty.
pub fn upper_camel(name: &str, prefix: &str) -> String {
    let mut s = words(name).to_upper_camel_case();
    if s.is_empty() {
        s = format!("{prefix}Empty");
    } else if s.starts_with(|c: char| c.is_ascii_digit()) {
        s = format!("{prefix}{s}");
    }
    if NOT_RAW.contains(&s.as_str()) {
        s.push('_');
    }
    s
}

/// A field or module name: `targetResourceId` -> `target_resource_id`, `@odata.type` ->
/// `odata_type`, `type` -> `r#type`.
pub fn snake(name: &str) -> String {
    let mut s = words(name).to_snake_case();
    if s.is_empty() {
        s = "empty".to_string();
    } else if s.starts_with(|c: char| c.is_ascii_digit()) {
        s = format!("_{s}");
    }
    if NOT_RAW.contains(&s.as_str()) {
        s.push('_');
    } else if KEYWORDS.contains(&s.as_str()) {
        s = format!("r#{s}");
    }
    s
}

/// The singular of an English plural, for naming: `users` -> `user`, `policies` -> `policy`,
/// `mailboxes` -> `mailbox`, `status` stays.
pub fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["sses", "xes", "ches", "shes"] {
        if let Some(stem) = word.strip_suffix(ending) {
            return format!("{stem}{}", &ending[..ending.len() - 2]);
        }
    }
    match word.strip_suffix('s') {
        Some(stem) if !stem.ends_with(['s', 'u']) => stem.to_string(),
        _ => word.to_string(),
    }
}

/// Hands out names unique within one scope, in the order asked: the second `Foo` becomes
/// `Foo2`.
#[derive(Debug, Default)]
pub struct Scope {
    used: HashSet<String>,
}

impl Scope {
    /// A scope where `reserved` names are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Scope {
            used: reserved.iter().map(|s| s.to_string()).collect(),
        }
    }

    pub fn claim(&mut self, candidate: String) -> String {
        if self.used.insert(candidate.clone()) {
            return candidate;
        }
        // A numbered raw identifier is no keyword: `r#type` becomes `type_2`.
        let base = candidate.trim_start_matches("r#");
        let snake = base.contains('_') || base.starts_with(|c: char| c.is_lowercase());
        let sep = if snake { "_" } else { "" };
        (2..)
            .map(|n| format!("{base}{sep}{n}"))
            .find(|c| self.used.insert(c.clone()))
            .expect("an unbounded range yields a free name")
    }
}

/// A documented identifier parsed into tokens (raw identifiers included).
pub fn to_ident(name: &str) -> proc_macro2::Ident {
    match name.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => proc_macro2::Ident::new(name, proc_macro2::Span::call_site()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_conversion() {
        assert_eq!(
            upper_camel("teamsAsyncOperation", "T"),
            "TeamsAsyncOperation"
        );
        assert_eq!(upper_camel("notStarted", "V"), "NotStarted");
        assert_eq!(
            upper_camel("IPv6Range", "T"),
            "IPv6Range".to_upper_camel_case()
        );
        assert_eq!(snake("targetResourceId"), "target_resource_id");
        assert_eq!(snake("ID"), "id");
        assert_eq!(snake("@odata.type"), "odata_type");
        assert_eq!(snake("callRecords"), "call_records");
    }

    #[test]
    fn keywords_digits_and_symbols() {
        assert_eq!(snake("type"), "r#type");
        assert_eq!(snake("self"), "self_");
        assert_eq!(snake("3dModel"), "_3d_model");
        assert_eq!(upper_camel("3dModel", "V"), "V3dModel");
        assert_eq!(upper_camel("self", "V"), "Self_");
        assert_eq!(upper_camel("-", "V"), "VEmpty");
        assert_eq!(snake("$value"), "value");
        assert_eq!(upper_camel("a-b.c", "V"), "ABC");
    }

    #[test]
    fn collisions_get_numbers() {
        let mut scope = Scope::with_reserved(&["additional_properties"]);
        assert_eq!(
            scope.claim("additional_properties".into()),
            "additional_properties_2"
        );
        assert_eq!(scope.claim("id".into()), "id");
        assert_eq!(scope.claim("id".into()), "id_2");
        let mut variants = Scope::default();
        assert_eq!(variants.claim("Foo".into()), "Foo");
        assert_eq!(variants.claim("Foo".into()), "Foo2");
        assert_eq!(scope.claim("r#type".into()), "r#type");
        assert_eq!(scope.claim("r#type".into()), "type_2");
        let ident = to_ident("r#type");
        assert_eq!(ident.to_string(), "r#type");
    }
}
