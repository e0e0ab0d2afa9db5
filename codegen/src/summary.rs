//! Figures about a doc set: what was read, what it defines, what could not be used.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::accounting::{self, Balance};
use crate::config::Loaded;
use crate::schema::TypeKind;

#[derive(Debug, Clone, Default, Serialize)]
pub struct VersionFigures {
    pub entity: usize,
    pub complex: usize,
    pub enums: usize,
    /// Enums made from "Possible values are" lists and `a | b` strings.
    pub inline_enums: usize,
    pub properties: usize,
    pub unresolved: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub pages_read: usize,
    pub pages_skipped: usize,
    pub versions: BTreeMap<String, VersionFigures>,
    pub diagnostics_by_code: BTreeMap<&'static str, usize>,
    pub balance: Balance,
}

impl Summary {
    pub fn new(loaded: &Loaded) -> Summary {
        let mut versions: BTreeMap<String, VersionFigures> = BTreeMap::new();
        for t in &loaded.schema.types {
            let v = versions.entry(t.version.clone()).or_default();
            match t.kind {
                TypeKind::Entity => v.entity += 1,
                TypeKind::Complex => v.complex += 1,
                TypeKind::Enum => v.enums += 1,
            }
            if !t.inline_for.is_empty() {
                v.inline_enums += 1;
            }
            v.properties += t.properties.len();
            v.unresolved += t
                .properties
                .iter()
                .filter(|p| p.unresolved.is_some())
                .count();
        }
        let mut diagnostics_by_code = BTreeMap::new();
        for d in &loaded.schema.diagnostics {
            *diagnostics_by_code.entry(d.code).or_default() += 1;
        }
        Summary {
            pages_read: loaded.pages.len(),
            pages_skipped: diagnostics_by_code
                .get("page-skipped")
                .copied()
                .unwrap_or(0),
            versions,
            diagnostics_by_code,
            balance: accounting::balance(&loaded.pages, &loaded.schema),
        }
    }

    pub fn properties(&self) -> usize {
        self.versions.values().map(|v| v.properties).sum()
    }

    pub fn unresolved(&self) -> usize {
        self.versions.values().map(|v| v.unresolved).sum()
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "pages: {} read, {} skipped (no type on them)",
            self.pages_read, self.pages_skipped
        )?;
        for (version, v) in &self.versions {
            writeln!(
                f,
                "{version}: {} entity, {} complex, {} enum ({} inline) types; {} properties, {} unresolved",
                v.entity, v.complex, v.enums, v.inline_enums, v.properties, v.unresolved
            )?;
        }
        let b = &self.balance;
        writeln!(
            f,
            "table rows: {} = {} in types + {} in diagnostics; JSON keys: {} = {} in types + {} in diagnostics + {} @odata annotations; unaccounted: {}",
            b.rows,
            b.rows_in_schema,
            b.rows_in_diagnostics,
            b.keys,
            b.keys_in_schema,
            b.keys_in_diagnostics,
            b.keys_annotations,
            b.unaccounted.len()
        )?;
        write!(f, "diagnostics:")?;
        for (code, n) in &self.diagnostics_by_code {
            write!(f, " {code} {n},")?;
        }
        Ok(())
    }
}
