//! The parameters of an action or a function, wherever the page puts them: its Request body
//! table (headed Parameter, Property or Name, typed by a Type column or by a Value column of
//! types), a "Parameters" or "Function parameters" section, the Query and Path parameters of
//! a function, and the named arguments of its call (`range(address='A1')`) that no table
//! documents.
//!
//! Not parameters: query options (`$deltatoken`, `$skiptoken`, and rows of a Query
//! parameters table that the request line's query string names and its call does not, such
//! as calendarView's `startDateTime` on `GET /me/calendarView/delta?startDateTime=...`), and
//! the keys of the path. A function's parameter that its call does not write goes in the
//! call's parentheses, as OData and the pages' examples pass them (`cell(row=5,column=6)`),
//! unless the page shows it in a query string. A table introduced by "provide an optional `passwordCredential` object
//! with the following properties" lists the properties of one parameter of that type.

use std::collections::HashSet;

use crate::diagnostics::{Diagnostic, Location};
use crate::parse::api::{ApiSection, ApiTable, Paragraph};
use crate::parse::path::{self, Segment, Template};
use crate::parse::{type_ref, Inline};
use crate::schema::operations::{OperationPath, Parameter, ParameterPlace};
use crate::schema::{Primitive, TypeDef, TypeId, TypeRef, Written};

use super::super::either::common_base;
use super::super::type_cells::Cells;
use super::drafts::Draft;
use super::tables::{cell, clean_name};

/// What the parameter tables of a page give: the parameters, and the query options they
/// name that are no parameters.
#[derive(Debug, Default)]
pub struct Read {
    pub parameters: Vec<Parameter>,
    pub query_options: Vec<String>,
}

/// The parameters of an action (`action`) or a function. Rows whose type cell cannot be
/// read are diagnostics; so are tables that name parameters but give no types.
pub fn parameters(
    draft: &Draft<'_>,
    action: bool,
    paths: &[OperationPath],
    cells: &Cells<'_>,
    types: &[TypeDef],
    diagnostics: &mut Vec<Diagnostic>,
) -> Read {
    let templates: Vec<&Template> = paths.iter().map(|p| &p.template).collect();
    let templates = templates.as_slice();
    let sections: &[ApiSection] = if action {
        &[ApiSection::RequestBody, ApiSection::FunctionParameters]
    } else {
        &[
            ApiSection::FunctionParameters,
            ApiSection::QueryParameters,
            ApiSection::PathParameters,
            ApiSection::RequestBody,
        ]
    };
    let page = &draft.page.path;
    let call = Call::of(templates);
    let in_query_string = |name: &str| shown_in_query(draft, templates, name);
    let mut out = Read::default();
    // Rows of tables without types, by name: a call argument may type them.
    let mut untyped: Vec<UntypedRow> = Vec::new();
    for table in draft
        .api
        .tables
        .iter()
        .filter(|t| sections.contains(&t.section))
    {
        if !names_parameters(table) {
            continue;
        }
        if let Some(object) = object_parameter(draft, table, cells, types, diagnostics) {
            if !out.parameters.iter().any(|p| p.name == object.name) {
                out.parameters.push(object);
            }
            continue;
        }
        let Some(columns) = Columns::of(table, cells) else {
            diagnostics.push(Diagnostic::warning(
                "parameter-table-untyped",
                Location::new(page, table.line),
                format!(
                    "the table headed {:?} lists parameters but has no Type column (nor a Value column of types); its rows are typed by the call's arguments or their descriptions",
                    table.header.join(" | ")
                ),
            ));
            untyped.extend(table.rows.iter().map(|r| UntypedRow {
                name: clean_name(cell(&r.cells, 0)),
                line: r.line,
                table: table.line,
                section: table.section,
                description: r.cells.get(1).map(|c| c.text.clone()).unwrap_or_default(),
            }));
            continue;
        };
        for row in &table.rows {
            let at = Location::new(page, row.line);
            let name = clean_name(cell(&row.cells, 0));
            if name.is_empty() || name.contains(char::is_whitespace) {
                diagnostics.push(Diagnostic::warning(
                    "parameter-name",
                    at,
                    format!("{:?} is not a parameter name", cell(&row.cells, 0)),
                ));
                continue;
            }
            // `$deltatoken`, `$skiptoken`: OData's query options, whatever the table says.
            if name.starts_with('$') {
                push_unique(&mut out.query_options, name);
                continue;
            }
            let called = call.names(&name);
            if !action && !called && call.is_key(&name) {
                continue;
            }
            // A query row the request line passes in its query string, and its call does
            // not, belongs to the path it is sent with (`startDateTime` of `GET
            // /me/calendarView/delta?startDateTime=...`).
            if !action
                && !called
                && table.section == ApiSection::QueryParameters
                && in_request_query(templates, &name)
            {
                diagnostics.push(Diagnostic::note(
                    "parameter-query-option",
                    at,
                    format!(
                        "{name} is a row of the Query parameters table that the request line passes in its query string and its call does not name; read as a query option of the request, not a parameter of the function"
                    ),
                ));
                push_unique(&mut out.query_options, name);
                continue;
            }
            if out.parameters.iter().any(|p| p.name == name) {
                continue;
            }
            let place = if called {
                ParameterPlace::Path
            } else if table.section == ApiSection::RequestBody {
                // "In the request body, provide a JSON object with the following
                // parameters": the body, a function's too (the Excel pages `GET` with one,
                // and their examples send it).
                ParameterPlace::Body
            } else if action {
                // A "Parameters" section of an action: its body, unless the page sends it
                // in the query string.
                if in_query_string(&name) {
                    ParameterPlace::Query
                } else {
                    ParameterPlace::Body
                }
            } else if in_query_string(&name) {
                ParameterPlace::Query
            } else {
                // OData passes a function's parameters in its call's parentheses, and so
                // do the pages' examples (`cell(row=5,column=6)`).
                ParameterPlace::Path
            };
            out.parameters.push(row_parameter(
                &name,
                row,
                &columns,
                place,
                at,
                cells,
                types,
                diagnostics,
            ));
        }
    }
    // Arguments of the call that no table documents (`range(address='<address>')`).
    for (arg, i) in call.args() {
        if out
            .parameters
            .iter()
            .any(|p| p.name.eq_ignore_ascii_case(&arg.name))
        {
            continue;
        }
        let (ty, how) = literal_type(&arg.value);
        let at = paths[i].source.clone();
        let documented = match untyped
            .iter()
            .find(|r| r.name.eq_ignore_ascii_case(&arg.name))
        {
            Some(r) => format!("that the table at line {} gives no type", r.table),
            None => "that no table documents".to_string(),
        };
        diagnostics.push(Diagnostic::note(
            "parameter-from-call",
            at.clone(),
            format!(
                "`{}={}` is an argument of the call {documented}; read as a parameter of type {} ({how})",
                arg.name,
                arg.value,
                ty.csdl_name()
            ),
        ));
        out.parameters.push(Parameter {
            name: arg.name.clone(),
            ty,
            collection: false,
            written: Written {
                text: arg.value.clone(),
                source: at,
            },
            required: true,
            description: None,
            place: ParameterPlace::Path,
            unresolved: None,
        });
    }
    // Rows of a function's untyped parameter table that no call argument types
    // (`| Parameter | Description |` of `relyingpartydetailedsummary-list.md`): still its
    // parameters, passed in the call; text when the description lists the values, else raw.
    for row in untyped.iter().filter(|r| {
        !action
            && r.section == ApiSection::FunctionParameters
            && !r.name.is_empty()
            && !r.name.contains(char::is_whitespace)
            && !r.name.starts_with('$')
    }) {
        if out
            .parameters
            .iter()
            .any(|p| p.name.eq_ignore_ascii_case(&row.name))
        {
            continue;
        }
        let lower = row.description.to_ascii_lowercase();
        let (ty, how) = if lower.contains("values are") || lower.contains("values:") {
            (
                TypeRef::Primitive(Primitive::String),
                "its description lists its values: typed as text",
            )
        } else {
            (
                TypeRef::Primitive(Primitive::Untyped),
                "its description names no type: typed as raw JSON",
            )
        };
        let at = Location::new(page, row.line);
        diagnostics.push(Diagnostic::note(
            "parameter-from-description",
            at.clone(),
            format!(
                "{} is a row of a parameter table with no Type column; {how}",
                row.name
            ),
        ));
        out.parameters.push(Parameter {
            name: row.name.clone(),
            ty,
            collection: false,
            written: Written {
                text: row.description.clone(),
                source: at,
            },
            required: !lower.contains("optional"),
            description: Some(row.description.clone()).filter(|d| !d.is_empty()),
            place: if shown_in_query(draft, templates, &row.name) {
                ParameterPlace::Query
            } else {
                ParameterPlace::Path
            },
            unresolved: None,
        });
    }
    out
}

/// A row of a parameter table with no Type column.
struct UntypedRow {
    name: String,
    line: usize,
    /// The line of its table.
    table: usize,
    section: ApiSection,
    description: String,
}

fn push_unique(list: &mut Vec<String>, name: String) {
    if !list.contains(&name) {
        list.push(name);
    }
}

/// One row: its type cell read like a property's.
#[allow(clippy::too_many_arguments)]
fn row_parameter(
    name: &str,
    row: &crate::parse::Row,
    columns: &Columns,
    place: ParameterPlace,
    at: Location,
    cells: &Cells<'_>,
    types: &[TypeDef],
    diagnostics: &mut Vec<Diagnostic>,
) -> Parameter {
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
            // Unsaid: a function's parameters are required (OData calls a function with all
            // of them), an action's body members are not (JSON leaves out what it lacks).
            let d = description.as_deref().unwrap_or("").to_ascii_lowercase();
            if d.contains("optional") || d.contains("not required") {
                false
            } else {
                d.contains("required") || place != ParameterPlace::Body
            }
        });
    Parameter {
        name: name.to_string(),
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
    }
}

/// The operation's own call (the last segment of its request lines) and the keys of its
/// paths.
struct Call<'t> {
    /// Each named argument of a call that ends a request line, with the line's template.
    args: Vec<&'t path::Arg>,
    keys: HashSet<String>,
    lines: Vec<usize>,
}

impl<'t> Call<'t> {
    fn of(templates: &[&'t Template]) -> Call<'t> {
        let mut args = Vec::new();
        let mut lines = Vec::new();
        let mut keys = HashSet::new();
        for (i, t) in templates.iter().enumerate() {
            for s in &t.segments {
                if let Segment::Key { params } = s {
                    keys.extend(params.iter().map(|p| p.to_ascii_lowercase()));
                }
            }
            if let Some(Segment::Call { args: a, .. }) = t.segments.last() {
                for arg in a.iter().filter(|a| !a.name.is_empty()) {
                    args.push(arg);
                    lines.push(i);
                }
            }
        }
        Call { args, keys, lines }
    }

    /// Whether the call names `name` (as its argument, or as the placeholder of one).
    fn names(&self, name: &str) -> bool {
        self.args.iter().any(|a| {
            a.name.eq_ignore_ascii_case(name)
                || path::placeholder(&a.value).is_some_and(|p| p.eq_ignore_ascii_case(name))
        })
    }

    /// Whether `name` is a key of the path (`{id}`, `{drive-id}`), not an argument.
    fn is_key(&self, name: &str) -> bool {
        self.keys.contains(&name.to_ascii_lowercase())
    }

    /// The distinct named arguments, each with the index of the first path that writes it.
    fn args(&self) -> Vec<(&'t path::Arg, usize)> {
        let mut out: Vec<(&path::Arg, usize)> = Vec::new();
        for (a, &i) in self.args.iter().zip(&self.lines) {
            if !out
                .iter()
                .any(|(b, _)| b.name.eq_ignore_ascii_case(&a.name))
            {
                out.push((a, i));
            }
        }
        out
    }
}

/// The type an argument's value spells: `'...'` a String, `true` / `false` a Boolean, digits
/// an Int32; a bare placeholder tells nothing (raw JSON).
fn literal_type(value: &str) -> (TypeRef, &'static str) {
    let v = value.trim();
    if v.starts_with('\'') || v.starts_with('"') {
        (TypeRef::Primitive(Primitive::String), "its value is quoted")
    } else if v == "true" || v == "false" {
        (
            TypeRef::Primitive(Primitive::Boolean),
            "its value is a Boolean",
        )
    } else if !v.is_empty() && v.chars().all(|c| c.is_ascii_digit() || c == '-') {
        (
            TypeRef::Primitive(Primitive::Int32),
            "its value is a number",
        )
    } else {
        (
            TypeRef::Primitive(Primitive::Untyped),
            "its value tells no type: typed as raw JSON",
        )
    }
}

/// Whether a query string (`a=1&b=2`) passes `name`.
fn query_names(query: &str, name: &str) -> bool {
    query.split('&').any(|pair| {
        pair.split('=')
            .next()
            .is_some_and(|n| n.trim().eq_ignore_ascii_case(name))
    })
}

/// Whether the request lines pass `name` in their query string.
fn in_request_query(templates: &[&Template], name: &str) -> bool {
    templates
        .iter()
        .filter_map(|t| t.query.as_deref())
        .any(|q| query_names(q, name))
}

/// Whether the request lines' query strings, or the page's request examples, pass `name` in
/// the query string (`?name=`, `&name=`).
fn shown_in_query(draft: &Draft<'_>, templates: &[&Template], name: &str) -> bool {
    let names = |query: &str| query_names(query, name);
    let examples = draft.page.annotated.iter().filter_map(|b| {
        if b.annotation.block_type.as_deref() != Some("request") {
            return None;
        }
        let first = b.code.as_ref()?.text.lines().next()?;
        Some(
            first
                .split_once('?')?
                .1
                .split_whitespace()
                .next()
                .unwrap_or(""),
        )
    });
    in_request_query(templates, name) || examples.into_iter().any(names)
}

/// Whether the first column names parameters.
fn names_parameters(table: &ApiTable) -> bool {
    let first = table
        .header
        .first()
        .map(|h| h.trim().trim_matches('*').to_ascii_lowercase())
        .unwrap_or_default();
    [
        "parameter",
        "property",
        "name",
        "query parameter",
        "parameter name",
    ]
    .iter()
    .any(|p| first.starts_with(p))
}

/// Where a parameter table keeps what.
struct Columns {
    ty: usize,
    description: Option<usize>,
    required: Option<usize>,
}

impl Columns {
    /// The Type column; else a Value column whose every cell names a type (`| Name | Value |`
    /// of `driveitem-copy.md`: `string`, `[ItemReference](..)`).
    fn of(table: &ApiTable, cells: &Cells<'_>) -> Option<Columns> {
        let column = |f: &dyn Fn(&str) -> bool| {
            table
                .header
                .iter()
                .position(|h| f(&h.trim().trim_matches('*').to_ascii_lowercase()))
        };
        let value_of_types = || {
            let c = column(&|h: &str| h == "value")?;
            let typed = table.rows.iter().all(|r| {
                r.cells.get(c).is_some_and(|cell| {
                    let read = type_ref::type_cell(cell);
                    match &read.spelling {
                        type_ref::Spelling::Primitive(_) => true,
                        type_ref::Spelling::Named { name, link } => {
                            cells.lookup(name, link.as_deref()).is_some()
                        }
                        _ => false,
                    }
                })
            });
            (typed && !table.rows.is_empty()).then_some(c)
        };
        Some(Columns {
            ty: column(&|h: &str| h.starts_with("type")).or_else(value_of_types)?,
            description: column(&|h: &str| h.starts_with("descr")),
            required: column(&|h: &str| h.starts_with("required")),
        })
    }
}

/// "In the request body, provide an optional `passwordCredential` object with the following
/// properties." over a table of that type's properties: one parameter of that type.
fn object_parameter(
    draft: &Draft<'_>,
    table: &ApiTable,
    cells: &Cells<'_>,
    types: &[TypeDef],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Parameter> {
    if table.section != ApiSection::RequestBody {
        return None;
    }
    let paragraph: &Paragraph = draft
        .api
        .request_body
        .iter()
        .filter(|p| p.line < table.line)
        .max_by_key(|p| p.line)?;
    let text = &paragraph.content.text;
    let lower = text.to_ascii_lowercase();
    let at = lower.find(" object with the following propert")?;
    let word = text[..at]
        .rsplit(char::is_whitespace)
        .next()?
        .trim_matches(['`', '*', '[', ']']);
    if word.is_empty()
        || word.eq_ignore_ascii_case("json")
        || !word.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return None;
    }
    let link = paragraph
        .content
        .links
        .iter()
        .find(|l| l.text.trim_matches(['`', '*']) == word)
        .map(|l| l.dest.as_str());
    let id = cells.lookup(word, link)?.clone();
    // Its rows are that type's properties (most of them: pages list a few of their own).
    let names = property_names(types, &id);
    let rows: Vec<String> = table
        .rows
        .iter()
        .map(|r| clean_name(cell(&r.cells, 0)).to_ascii_lowercase())
        .filter(|n| !n.is_empty())
        .collect();
    let known = rows.iter().filter(|n| names.contains(*n)).count();
    if rows.is_empty() || known * 2 < rows.len() {
        return None;
    }
    let source = Location::new(&draft.page.path, paragraph.line);
    diagnostics.push(Diagnostic::note(
        "parameter-object",
        source.clone(),
        format!(
            "the request body is \"{word} object with the following properties\": one parameter `{word}` of type {id}, whose properties the table at line {} lists",
            table.line
        ),
    ));
    Some(Parameter {
        name: word.to_string(),
        ty: TypeRef::Named(id),
        collection: false,
        written: Written {
            text: word.to_string(),
            source,
        },
        required: !lower[..at].contains("optional"),
        description: Some(text.trim().to_string()),
        place: ParameterPlace::Body,
        unresolved: None,
    })
}

/// The lowercase names of the properties of `id` and its bases.
fn property_names(types: &[TypeDef], id: &TypeId) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut at = Some(id.index());
    let mut seen = Vec::new();
    while let Some(i) = at.filter(|i| !seen.contains(i)) {
        seen.push(i);
        out.extend(
            types[i]
                .properties
                .iter()
                .map(|p| p.name.to_ascii_lowercase()),
        );
        at = types[i].base_type.as_ref().map(TypeId::index);
    }
    out
}
