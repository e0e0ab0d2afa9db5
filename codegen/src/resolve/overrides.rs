//! The overrides file: corrections to doc defects, applied to the model after parsing.
//!
//! ```toml
//! [[property]]
//! version = "beta"                                  # optional: every version when absent
//! type = "microsoft.graph.teamsAsyncOperation"
//! property = "targetResourceId"
//! set-type = "Edm.String"                           # a CSDL primitive or a documented type
//! set-collection = false                            # optional
//! reason = "Documented as Guid; the examples hold thread ids (19:...@thread.v2)."
//! ```

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Location};
use crate::schema::{Primitive, TypeDef, TypeRef};

use super::index::TypeIndex;

/// A parsed overrides file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub properties: Vec<PropertyOverride>,
}

#[derive(Debug, Clone)]
pub struct PropertyOverride {
    pub version: Option<String>,
    pub type_name: String,
    pub property: String,
    pub set_type: Option<String>,
    pub set_collection: Option<bool>,
    pub reason: String,
    pub source: Location,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    property: Vec<toml::Spanned<Entry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Entry {
    version: Option<String>,
    #[serde(rename = "type")]
    type_name: String,
    property: String,
    set_type: Option<String>,
    set_collection: Option<bool>,
    reason: String,
}

impl Overrides {
    /// Reads an overrides file; `path` is how diagnostics name it.
    pub fn parse(path: &str, text: &str) -> Result<Overrides, Diagnostic> {
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let file: File = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(s.start));
            Diagnostic::error(
                "overrides-invalid",
                Location::new(path, line),
                format!(
                    "overrides file cannot be read: {}; expected [[property]] entries with type, property, set-type and reason",
                    e.message()
                ),
            )
        })?;
        Ok(Overrides {
            properties: file
                .property
                .into_iter()
                .map(|spanned| {
                    let line = line_of(spanned.span().start);
                    let e = spanned.into_inner();
                    PropertyOverride {
                        version: e.version,
                        type_name: e.type_name,
                        property: e.property,
                        set_type: e.set_type,
                        set_collection: e.set_collection,
                        reason: e.reason,
                        source: Location::new(path, line),
                    }
                })
                .collect(),
        })
    }

    /// Applies every override to `types`, reporting each application and each override that
    /// matched nothing.
    pub fn apply(
        &self,
        types: &mut [TypeDef],
        index: &TypeIndex,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        for o in &self.properties {
            let mut applied = 0;
            for def in types.iter_mut() {
                if o.version.as_deref().is_some_and(|v| v != def.version)
                    || !def.qualified_name().eq_ignore_ascii_case(&o.type_name)
                {
                    continue;
                }
                let Some(property) = def.properties.iter_mut().find(|p| p.name == o.property)
                else {
                    continue;
                };
                let new_type = match &o.set_type {
                    Some(t) => match Primitive::from_csdl(t) {
                        Some(p) => Some(TypeRef::Primitive(p)),
                        None => match index.canonical(&def.version, t) {
                            Some(id) => Some(TypeRef::Named(id.clone())),
                            None => {
                                diagnostics.push(Diagnostic::error(
                                    "override-invalid",
                                    o.source.clone(),
                                    format!("set-type {t:?} is neither an Edm primitive nor a type of the {} doc set", def.version),
                                ));
                                continue;
                            }
                        },
                    },
                    None => None,
                };
                let before = describe(&property.ty, property.collection);
                if let Some(t) = new_type {
                    property.ty = t;
                    property.unresolved = None;
                }
                if let Some(c) = o.set_collection {
                    property.collection = c;
                }
                applied += 1;
                diagnostics.push(Diagnostic::note(
                    "override-applied",
                    property.source.clone(),
                    format!(
                        "override ({}) changed {} {}.{} from {before} to {}: {}",
                        o.source,
                        def.version,
                        def.name,
                        property.name,
                        describe(&property.ty, property.collection),
                        o.reason
                    ),
                ));
            }
            if applied == 0 {
                diagnostics.push(Diagnostic::warning(
                    "override-unused",
                    o.source.clone(),
                    format!(
                        "override for {}.{}{} matches no documented property",
                        o.type_name,
                        o.property,
                        o.version
                            .as_deref()
                            .map(|v| format!(" ({v})"))
                            .unwrap_or_default()
                    ),
                ));
            }
        }
    }
}

fn describe(ty: &TypeRef, collection: bool) -> String {
    if collection {
        format!("Collection({ty})")
    } else {
        ty.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entries_with_lines() {
        let o = Overrides::parse(
            "overrides.toml",
            "# why\n\n[[property]]\ntype = \"microsoft.graph.x\"\nproperty = \"y\"\nset-type = \"Edm.String\"\nreason = \"r\"\n",
        )
        .unwrap();
        assert_eq!(o.properties.len(), 1);
        assert_eq!(o.properties[0].source.line, 3);
    }

    #[test]
    fn bad_file_is_a_diagnostic_with_line() {
        let e = Overrides::parse(
            "o.toml",
            "[[property]]\ntype = \"x\"\nproperty = \"y\"\nreason = \"r\"\nbogus = 1\n",
        )
        .unwrap_err();
        assert_eq!((e.code, e.source.line), ("overrides-invalid", 5));
    }
}
