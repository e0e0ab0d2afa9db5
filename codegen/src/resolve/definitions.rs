//! Which pages define which types: resource annotations first, titles as the fallback.

use crate::diagnostics::{Diagnostic, Location};
use crate::parse::type_ref::link_stem;
use crate::parse::{AnnotatedBlock, Page, Section, TitleKind};

/// A type some page defines, before its properties are read.
#[derive(Debug, Clone)]
pub struct Definition<'p> {
    pub page: &'p Page,
    pub version: String,
    pub namespace: String,
    pub name: String,
    pub is_enum: bool,
    /// The resource annotation and its JSON block, when the page has one for this type.
    pub resource: Option<&'p AnnotatedBlock>,
    /// The page's main type (the one the title announces, or the first): it takes the page
    /// description and "Inherits from".
    pub primary: bool,
    /// Indexes into the page's tables that belong to this type.
    pub tables: Vec<usize>,
    pub line: usize,
}

impl Definition<'_> {
    pub fn qualified_name(&self) -> String {
        format!("{}.{}", self.namespace, self.name)
    }
}

pub const DEFAULT_NAMESPACE: &str = "microsoft.graph";

/// Splits `microsoft.graph.callRecords.session` into (`microsoft.graph.callRecords`, `session`).
pub fn split_qualified(qualified: &str) -> Option<(&str, &str)> {
    let q = qualified.trim().trim_start_matches('#');
    let (ns, name) = q.rsplit_once('.')?;
    Some((ns, name))
}

/// The types a page defines; a page that defines none yields a note saying why.
pub fn definitions<'p>(page: &'p Page, diagnostics: &mut Vec<Diagnostic>) -> Vec<Definition<'p>> {
    let Some(version) = page.version.clone() else {
        diagnostics.push(Diagnostic::note(
            "page-skipped",
            Location::new(&page.path, 1),
            "page is not under a version folder (beta/, v1.0/); its types have no version",
        ));
        return Vec::new();
    };
    if !page.path.contains("/resources/") {
        return Vec::new();
    }
    let page_namespace = page
        .namespace
        .clone()
        .unwrap_or_else(|| DEFAULT_NAMESPACE.to_string());
    // `### riskLevel values` tables define enums of their own, on any page.
    let mut out = Vec::new();
    let mut claimed = vec![false; page.tables.len()];
    for (i, table) in page.tables.iter().enumerate() {
        let Some(name) = table.heading.as_deref().and_then(values_heading) else {
            continue;
        };
        if table.section != Section::Members {
            continue;
        }
        claimed[i] = true;
        out.push(Definition {
            page,
            version: version.clone(),
            namespace: page_namespace.clone(),
            name,
            is_enum: true,
            resource: None,
            primary: false,
            tables: vec![i],
            line: table.line,
        });
    }
    let own_tables: Vec<usize> = (0..page.tables.len()).filter(|&i| !claimed[i]).collect();
    let has = |section| {
        own_tables
            .iter()
            .any(|&i| page.tables[i].section == section)
    };
    let title_kind = page.title.as_ref().map(|t| &t.kind);
    let is_enum_page = title_kind == Some(&TitleKind::Enum)
        || (has(Section::Members) && !has(Section::Properties));

    let values_enums = out.len();
    for block in &page.annotated {
        if block.annotation.block_type.as_deref() != Some("resource") {
            continue;
        }
        let Some(odata_type) = block.annotation.odata_type.as_deref() else {
            diagnostics.push(Diagnostic::warning(
                "resource-without-type",
                Location::new(&page.path, block.line),
                "resource annotation has no \"@odata.type\"; expected e.g. \"@odata.type\": \"microsoft.graph.x\"",
            ));
            continue;
        };
        let (namespace, name) = match split_qualified(odata_type) {
            Some((ns, name)) => (ns.to_string(), name.to_string()),
            None => (
                page_namespace.clone(),
                odata_type.trim_start_matches('#').to_string(),
            ),
        };
        if !crate::parse::type_ref::is_identifier(&name) {
            diagnostics.push(Diagnostic::error(
                "resource-type-name",
                Location::new(&page.path, block.line),
                format!("\"@odata.type\": {odata_type:?} is not a type name; expected e.g. microsoft.graph.x"),
            ));
            continue;
        }
        let primary = out.len() == values_enums;
        out.push(Definition {
            page,
            version: version.clone(),
            primary,
            tables: if primary {
                own_tables.clone()
            } else {
                Vec::new()
            },
            namespace,
            name,
            is_enum: false,
            resource: Some(block),
            line: block.line,
        });
    }
    // The type the title announces is the page's main type: it owns the tables.
    if let Some(title_name) = page.title.as_ref().and_then(|t| t.type_name.as_deref()) {
        let resources = &mut out[values_enums..];
        if let Some(i) = resources
            .iter()
            .position(|d| d.name.eq_ignore_ascii_case(title_name))
        {
            resources.swap(0, i);
            for (j, d) in resources.iter_mut().enumerate() {
                d.primary = j == 0;
                d.tables = if j == 0 {
                    own_tables.clone()
                } else {
                    Vec::new()
                };
            }
        }
    }
    if out.len() == values_enums {
        let title = page.title.as_ref();
        let from_title = title.and_then(|t| t.type_name.clone()).or_else(|| {
            // A table of properties under an unconventional title: name it after the file.
            (has(Section::Properties) || has(Section::Members))
                .then(|| link_stem(&page.path))
                .flatten()
                .filter(|s| crate::parse::type_ref::is_identifier(s))
        });
        match from_title {
            Some(name)
                if has(Section::Properties)
                    || has(Section::Members)
                    || is_enum_page
                    || title_kind == Some(&TitleKind::Type) => {
                let (namespace, name) = match split_qualified(&name) {
                    Some((ns, n)) => (ns.to_string(), n.to_string()),
                    None => (page_namespace.clone(), name),
                };
                out.push(Definition {
                    page,
                    version,
                    namespace,
                    name,
                    is_enum: is_enum_page,
                    resource: None,
                    primary: true,
                    tables: own_tables.clone(),
                    line: title.map_or(1, |t| t.line),
                });
            }
            _ if values_enums > 0 && own_tables.is_empty() => {}
            _ => diagnostics.push(Diagnostic::note(
                "page-skipped",
                Location::new(&page.path, title.map_or(1, |t| t.line)),
                "page defines no type: no resource annotation, and no Properties or Members table under a type title",
            )),
        }
    }
    out
}

/// `riskLevel values`, `riskLevel enum values` -> `riskLevel`.
fn values_heading(heading: &str) -> Option<String> {
    let words: Vec<&str> = heading.split_whitespace().collect();
    let (name, rest) = words.split_first()?;
    let rest: Vec<String> = rest.iter().map(|w| w.to_ascii_lowercase()).collect();
    let is_values = matches!(
        rest.iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["values"] | ["enum", "values"] | ["enumeration", "values"] | ["enum"] | ["enum", "type"]
    );
    let name = name.trim_matches(|c| c == '`' || c == '*');
    (is_values && crate::parse::type_ref::is_identifier(name)).then(|| name.to_string())
}
