//! The tables of an API page: parameters (of an action's body, of a function), request
//! headers, permissions.

use crate::diagnostics::{Diagnostic, Location};
use crate::parse::api::{ApiSection, ApiTable};
use crate::parse::path::Template;
use crate::parse::{type_ref, Inline};
use crate::schema::operations::{Parameter, ParameterPlace, Permission};
use crate::schema::{TypeDef, TypeRef, Written};

use super::super::either::common_base;
use super::super::type_cells::Cells;
use super::drafts::Draft;

/// The parameters of an action (its Request body table) or a function (its Function,
/// Query or Path parameters tables). Rows whose type cell cannot be read are diagnostics.
pub fn parameters(
    draft: &Draft<'_>,
    action: bool,
    templates: &[&Template],
    cells: &Cells<'_>,
    types: &[TypeDef],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Parameter> {
    let sections: &[ApiSection] = if action {
        &[ApiSection::RequestBody]
    } else {
        &[
            ApiSection::FunctionParameters,
            ApiSection::QueryParameters,
            ApiSection::PathParameters,
        ]
    };
    let in_path = |name: &str| {
        templates.iter().any(|t| {
            t.placeholders()
                .iter()
                .any(|p| p.eq_ignore_ascii_case(name))
                || t.segments.iter().any(|s| match s {
                    crate::parse::path::Segment::Call { args, .. } => {
                        args.iter().any(|a| a.name.eq_ignore_ascii_case(name))
                    }
                    _ => false,
                })
        })
    };
    let mut out: Vec<Parameter> = Vec::new();
    for table in draft
        .api
        .tables
        .iter()
        .filter(|t| sections.contains(&t.section))
    {
        let Some(columns) = Columns::of(table) else {
            continue;
        };
        for row in &table.rows {
            let at = Location::new(&draft.page.path, row.line);
            let name = clean_name(cell(&row.cells, 0));
            if name.is_empty() || name.contains(char::is_whitespace) {
                diagnostics.push(Diagnostic::warning(
                    "parameter-name",
                    at,
                    format!("{:?} is not a parameter name", cell(&row.cells, 0)),
                ));
                continue;
            }
            if out.iter().any(|p| p.name == name) {
                continue;
            }
            let empty = Inline::default();
            let type_cell = type_ref::type_cell(row.cells.get(columns.ty).unwrap_or(&empty));
            let (mut ty, unresolved, either) = cells.resolve(&type_cell, &at, diagnostics);
            // "[x](..) or [y](..)": their common base, as for properties.
            if let Some(either) = either {
                if let Some(base) = common_base(types, &either.types) {
                    diagnostics.push(Diagnostic::note(
                        "type-either",
                        at.clone(),
                        format!(
                            "parameter {name} is written {:?}: a value of either type, typed as their common base {base}",
                            either.written
                        ),
                    ));
                    ty = TypeRef::Named(base);
                }
            }
            let description = columns
                .description
                .and_then(|c| row.cells.get(c))
                .map(|c| c.text.trim().to_string())
                .filter(|d| !d.is_empty());
            let required = columns
                .required
                .and_then(|c| row.cells.get(c))
                .map(|c| c.text.to_ascii_lowercase())
                .map(|r| r.starts_with("yes") || r.starts_with("true") || r.starts_with("required"))
                .unwrap_or_else(|| {
                    let d = description.as_deref().unwrap_or("").to_ascii_lowercase();
                    d.contains("required") && !d.contains("optional") && !d.contains("not required")
                });
            let place = if action {
                ParameterPlace::Body
            } else if in_path(&name) {
                ParameterPlace::Path
            } else {
                ParameterPlace::Query
            };
            out.push(Parameter {
                name,
                ty,
                collection: type_cell.collection,
                written: Written {
                    text: type_cell.written.clone(),
                    source: at,
                },
                required,
                description,
                place,
                unresolved,
            });
        }
    }
    out
}

/// Where a parameter table keeps what.
struct Columns {
    ty: usize,
    description: Option<usize>,
    required: Option<usize>,
}

impl Columns {
    fn of(table: &ApiTable) -> Option<Columns> {
        let column = |f: &dyn Fn(&str) -> bool| {
            table
                .header
                .iter()
                .position(|h| f(&h.trim().trim_matches('*').to_ascii_lowercase()))
        };
        let first = table
            .header
            .first()
            .map(|h| h.trim().trim_matches('*').to_ascii_lowercase())
            .unwrap_or_default();
        let names_parameters = [
            "parameter",
            "property",
            "name",
            "query parameter",
            "parameter name",
        ]
        .iter()
        .any(|p| first.starts_with(p));
        if !names_parameters {
            return None;
        }
        Some(Columns {
            ty: column(&|h: &str| h == "type" || h.starts_with("type"))?,
            description: column(&|h: &str| h.starts_with("descr")),
            required: column(&|h: &str| h.starts_with("required")),
        })
    }
}

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

fn cell(cells: &[Inline], i: usize) -> &str {
    cells.get(i).map_or("", |c| c.text.as_str())
}

/// `**message**`, `` `saveToSentItems` ``, `x (optional)` -> the name.
fn clean_name(text: &str) -> String {
    let t = text.replace(['*', '`', '\\'], "");
    let t = t.trim();
    let t = t.split(" (").next().unwrap_or(t);
    t.trim().to_string()
}
