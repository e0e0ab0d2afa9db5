//! The tables of an API page: request headers and permissions (parameters are
//! `parameters.rs`'s), and reading their cells.

use crate::diagnostics::Location;
use crate::parse::api::ApiSection;
use crate::parse::Inline;
use crate::schema::operations::Permission;

use super::drafts::Draft;

/// The headers the page documents, `Authorization` aside (every request carries it).
pub fn headers(draft: &Draft<'_>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for table in draft
        .api
        .tables
        .iter()
        .filter(|t| t.section == ApiSection::RequestHeaders)
    {
        for row in &table.rows {
            let name = clean_name(cell(&row.cells, 0));
            let valid =
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            if valid && !name.eq_ignore_ascii_case("authorization") && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// The permissions tables: `Permission type | Permissions (from least to most privileged)`
/// rows, or one row per resource with a column per permission type.
pub fn permissions(draft: &Draft<'_>) -> Vec<Permission> {
    let mut out = Vec::new();
    for table in draft
        .api
        .tables
        .iter()
        .filter(|t| t.section == ApiSection::Permissions)
    {
        let first = table
            .header
            .first()
            .map(|h| h.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let scope = (!table
            .heading
            .to_ascii_lowercase()
            .starts_with("permissions")
            && !table.heading.eq_ignore_ascii_case("prerequisites"))
        .then(|| table.heading.clone());
        for row in &table.rows {
            let source = Location::new(&draft.page.path, row.line);
            if first.starts_with("permission type") {
                for (column, header) in table.header.iter().enumerate().skip(1) {
                    let scope = if table.header.len() > 2 {
                        Some(header.trim().to_string())
                    } else {
                        scope.clone()
                    };
                    out.push(Permission {
                        kind: cell(&row.cells, 0).trim().to_string(),
                        names: names(cell(&row.cells, column)),
                        scope,
                        source: source.clone(),
                    });
                }
            } else {
                for (column, header) in table.header.iter().enumerate().skip(1) {
                    out.push(Permission {
                        kind: header.trim().to_string(),
                        names: names(cell(&row.cells, column)),
                        scope: Some(cell(&row.cells, 0).trim().to_string()),
                        source: source.clone(),
                    });
                }
            }
        }
    }
    out
}

/// `Mail.Send, Mail.ReadWrite` -> the names; `Not supported.` -> none.
fn names(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .map(|n| n.trim().trim_end_matches('.').trim().to_string())
        .filter(|n| {
            !n.is_empty()
                && !n.to_ascii_lowercase().starts_with("not supported")
                && !n.to_ascii_lowercase().starts_with("not applicable")
                && !n.contains(' ')
        })
        .collect()
}

pub(super) fn cell(cells: &[Inline], i: usize) -> &str {
    cells.get(i).map_or("", |c| c.text.as_str())
}

/// `**message**`, `` `saveToSentItems` ``, `x (optional)` -> the name.
pub(super) fn clean_name(text: &str) -> String {
    let t = text.replace(['*', '`', '\\'], "");
    let t = t.trim();
    let t = t.split(" (").next().unwrap_or(t);
    t.trim().to_string()
}
