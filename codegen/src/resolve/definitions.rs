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
    /// Whether this definition owns the page's tables (the first type of a page does).
    pub owns_tables: bool,
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
    let has = |section| page.tables.iter().any(|t| t.section == section);
    let title_kind = page.title.as_ref().map(|t| &t.kind);
    let is_enum_page = title_kind == Some(&TitleKind::Enum)
        || (has(Section::Members) && !has(Section::Properties));

    let mut out = Vec::new();
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
        out.push(Definition {
            page,
            version: version.clone(),
            owns_tables: out.is_empty(),
            namespace,
            name,
            is_enum: false,
            resource: Some(block),
            line: block.line,
        });
    }
    // Put the type the title announces first: it owns the tables.
    if let Some(title_name) = page.title.as_ref().and_then(|t| t.type_name.as_deref()) {
        if let Some(i) = out
            .iter()
            .position(|d| d.name.eq_ignore_ascii_case(title_name))
        {
            out.swap(0, i);
            for (j, d) in out.iter_mut().enumerate() {
                d.owns_tables = j == 0;
            }
        }
    }
    if out.is_empty() {
        let title = page.title.as_ref();
        let from_title = title.and_then(|t| t.type_name.clone()).or_else(|| {
            // A table of properties under an unconventional title: name it after the file.
            (has(Section::Properties) || has(Section::Members))
                .then(|| link_stem(&page.path))
                .flatten()
                .filter(|s| crate::parse::type_ref::is_identifier(s))
        });
        match from_title {
            Some(name) if has(Section::Properties) || has(Section::Members) || is_enum_page => {
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
                    owns_tables: true,
                    line: title.map_or(1, |t| t.line),
                });
            }
            _ => diagnostics.push(Diagnostic::note(
                "page-skipped",
                Location::new(&page.path, title.map_or(1, |t| t.line)),
                "page defines no type: no resource annotation, and no Properties or Members table under a type title",
            )),
        }
    }
    out
}
