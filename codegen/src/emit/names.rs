//! Where each schema type lands in Rust: its module path and its identifier.

use std::collections::BTreeMap;

use heck::ToSnakeCase;

use super::ident::{self, Scope};
use crate::schema::{Schema, TypeDef};

/// Module path of a type: `["beta", "call_records"]`.
pub type ModulePath = Vec<String>;

/// Names of every type, decided once for the whole schema.
#[derive(Debug, Default)]
pub struct Names {
    /// Per type, by position: module path and identifier.
    pub items: Vec<(ModulePath, String)>,
}

/// The module of a version: `beta`, `v1.0` -> `v1_0`.
pub fn version_module(version: &str) -> String {
    ident::snake(version)
}

/// The module path of a namespace within its version: `microsoft.graph` -> [],
/// `microsoft.graph.callRecords` -> [`call_records`], others segment by segment.
pub fn namespace_modules(namespace: &str) -> Vec<String> {
    let rest = namespace
        .strip_prefix("microsoft.graph")
        .filter(|r| r.is_empty() || r.starts_with('.'))
        .map(|r| r.trim_start_matches('.'))
        .unwrap_or(namespace);
    rest.split('.')
        .filter(|s| !s.is_empty())
        .map(|s| ident::snake(&s.to_snake_case()))
        .collect()
}

impl Names {
    pub fn new(schema: &Schema) -> Names {
        let mut items = Vec::with_capacity(schema.types.len());
        let mut scopes: BTreeMap<ModulePath, Scope> = BTreeMap::new();
        for t in &schema.types {
            let path = module_of(t);
            let scope = scopes.entry(path.clone()).or_default();
            let name = scope.claim(ident::upper_camel(&t.name, "T"));
            items.push((path, name));
        }
        Names { items }
    }
}

pub fn module_of(t: &TypeDef) -> ModulePath {
    let mut path = vec![version_module(&t.version)];
    path.extend(namespace_modules(&t.namespace));
    path
}

/// The path from module `from` to the item `name` in module `to`, through `super::`.
pub fn relative_path(from: &[String], to: &[String], name: &str) -> String {
    let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> =
        std::iter::repeat_n("super".to_string(), from.len() - common).collect();
    parts.extend(to[common..].iter().cloned());
    parts.push(name.to_string());
    parts.join("::")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_become_modules() {
        assert_eq!(namespace_modules("microsoft.graph"), Vec::<String>::new());
        assert_eq!(
            namespace_modules("microsoft.graph.callRecords"),
            ["call_records"]
        );
        assert_eq!(namespace_modules("microsoft.graph.security"), ["security"]);
        assert_eq!(version_module("v1.0"), "v1_0");
    }

    #[test]
    fn relative_paths() {
        let beta = vec!["beta".to_string()];
        let records = vec!["beta".to_string(), "call_records".to_string()];
        assert_eq!(relative_path(&beta, &beta, "X"), "X");
        assert_eq!(relative_path(&records, &beta, "X"), "super::X");
        assert_eq!(relative_path(&beta, &records, "X"), "call_records::X");
        assert_eq!(relative_path(&records, &[], "X"), "super::super::X");
    }
}
