//! Proof that nothing in the input is silently dropped: every row of every Properties,
//! Relationships and Members table, and every key of every resource JSON block, ends up in
//! the schema (and so in the generated code) or in a diagnostic.

use std::collections::HashSet;

use serde::Serialize;

use crate::diagnostics::Location;
use crate::parse::json_repr;
use crate::parse::Page;
use crate::schema::Schema;

/// Diagnostics that speak for a whole page: nothing on it is used, and they say so.
const PAGE_WIDE: [&str; 1] = ["page-skipped"];

/// Counts of table rows and JSON keys by what became of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Balance {
    pub rows: usize,
    pub rows_in_schema: usize,
    pub rows_in_diagnostics: usize,
    pub keys: usize,
    pub keys_in_schema: usize,
    pub keys_in_diagnostics: usize,
    /// `@odata.*` keys: instance annotations, kept at run time by the unknown-property map.
    pub keys_annotations: usize,
    /// Rows and keys accounted for nowhere: each one is a bug.
    pub unaccounted: Vec<Location>,
}

impl Balance {
    pub fn balanced(&self) -> bool {
        self.unaccounted.is_empty()
            && self.rows == self.rows_in_schema + self.rows_in_diagnostics
            && self.keys == self.keys_in_schema + self.keys_in_diagnostics + self.keys_annotations
    }
}

pub fn balance(pages: &[Page], schema: &Schema) -> Balance {
    let mut used: HashSet<(&str, usize)> = HashSet::new();
    let mut names: HashSet<(&str, String)> = HashSet::new();
    for t in &schema.types {
        let parts = || std::iter::once(&t.source).chain(&t.other_parts);
        for p in &t.properties {
            for at in std::iter::once(&p.source).chain(&p.also_documented) {
                used.insert((&at.file, at.line));
            }
            for part in parts() {
                names.insert((&part.file, p.name.to_ascii_lowercase()));
            }
        }
        for m in &t.members {
            for at in std::iter::once(&m.source).chain(&m.also_documented) {
                used.insert((&at.file, at.line));
            }
        }
    }
    let reported: HashSet<(&str, usize)> = schema
        .diagnostics
        .iter()
        .map(|d| (d.source.file.as_str(), d.source.line))
        .collect();
    let page_wide: HashSet<&str> = schema
        .diagnostics
        .iter()
        .filter(|d| PAGE_WIDE.contains(&d.code))
        .map(|d| d.source.file.as_str())
        .collect();

    let mut b = Balance::default();
    for page in pages
        .iter()
        .filter(|p| p.version.is_some() && p.path.contains("/resources/"))
    {
        let file = page.path.as_str();
        for table in &page.tables {
            for row in &table.rows {
                b.rows += 1;
                if used.contains(&(file, row.line)) {
                    b.rows_in_schema += 1;
                } else if reported.contains(&(file, row.line))
                    || reported.contains(&(file, table.line))
                    || page_wide.contains(file)
                {
                    b.rows_in_diagnostics += 1;
                } else {
                    b.unaccounted.push(Location::new(file, row.line));
                }
            }
        }
        for block in &page.annotated {
            if block.annotation.block_type.as_deref() != Some("resource") {
                continue;
            }
            let Some(code) = &block.code else { continue };
            for key in json_repr::representation(&code.text, code.body_line).properties {
                b.keys += 1;
                if key.name.starts_with("@odata.") {
                    b.keys_annotations += 1;
                } else if used.contains(&(file, key.line))
                    || names.contains(&(file, key.name.to_ascii_lowercase()))
                {
                    b.keys_in_schema += 1;
                } else if reported.contains(&(file, key.line))
                    || reported.contains(&(file, block.line))
                    || page_wide.contains(file)
                {
                    b.keys_in_diagnostics += 1;
                } else {
                    b.unaccounted.push(Location::new(file, key.line));
                }
            }
        }
    }
    b
}
