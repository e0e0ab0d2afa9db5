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
    pub pages: usize,
    pub operations: usize,
    /// Request lines the API pages write (not the `/me` twins read from `/users/{id}` ones).
    pub request_lines: usize,
    /// Request lines that could not be read (`request-line-unread`).
    pub request_lines_unread: usize,
    /// Request lines walked through the model to their end.
    pub request_lines_walked: usize,
}

impl VersionFigures {
    /// Percent of the request lines written that were read.
    pub fn request_lines_read_percent(&self) -> f64 {
        percent(
            self.request_lines,
            self.request_lines + self.request_lines_unread,
        )
    }

    /// Percent of the request lines read that walk through the model to their end.
    pub fn request_lines_walked_percent(&self) -> f64 {
        percent(self.request_lines_walked, self.request_lines)
    }
}

fn percent(part: usize, of: usize) -> f64 {
    100.0 * part as f64 / of.max(1) as f64
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
        for page in &loaded.pages {
            if let Some(version) = &page.version {
                versions.entry(version.clone()).or_default().pages += 1;
            }
        }
        for o in &loaded.schema.operations {
            let v = versions.entry(o.version.clone()).or_default();
            v.operations += 1;
            for path in o.paths.iter().filter(|p| !p.implied) {
                v.request_lines += 1;
                v.request_lines_walked += usize::from(path.complete);
            }
        }
        let mut diagnostics_by_code = BTreeMap::new();
        for d in &loaded.schema.diagnostics {
            *diagnostics_by_code.entry(d.code).or_default() += 1;
            if d.code == "request-line-unread" {
                let version = d.source.file.split('/').next().unwrap_or_default();
                if let Some(v) = versions.get_mut(version) {
                    v.request_lines_unread += 1;
                }
            }
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
                "{version}: {} entity, {} complex, {} enum ({} inline) types; {} properties, {} unresolved; {} operations, {} request lines read ({:.1}%), {} walked to their end ({:.1}%)",
                v.entity,
                v.complex,
                v.enums,
                v.inline_enums,
                v.properties,
                v.unresolved,
                v.operations,
                v.request_lines,
                v.request_lines_read_percent(),
                v.request_lines_walked,
                v.request_lines_walked_percent()
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
