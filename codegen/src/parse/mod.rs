//! Stage 1: one markdown page -> [`Page`], plus diagnostics for what could not be read.
//!
//! Nothing here looks at other pages; cross-page questions (what a link points to, which
//! type a name means) belong to `resolve`.

pub mod annotations;
pub mod api;
mod blocks;
mod front_matter;
pub mod http;
pub mod json_repr;
mod page;
pub mod path;
mod prose;
pub mod type_ref;

pub use blocks::{Inline, Link};
pub use page::{
    AnnotatedBlock, Annotation, CodeBlock, Mention, MethodRow, Page, Row, Section, Table, Title,
    TitleKind,
};

use crate::diagnostics::{Diagnostic, Location};
use annotations::Comment;
use blocks::Block;

/// Reads a page. `path` is relative to the docs root and uses `/`.
pub fn read_page(path: &str, text: &str) -> (Page, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let (front_matter, body, first_line) = front_matter::split(text);
    let blocks = blocks::blocks(body, first_line);
    let version = path
        .split('/')
        .next()
        .filter(|v| *v == "beta" || v.starts_with('v'))
        .map(str::to_string);

    let mut page = Page {
        path: path.to_string(),
        version,
        front_matter,
        title: None,
        namespace: None,
        description: None,
        inherits_from: None,
        inherits_from_guess: None,
        derived: Vec::new(),
        open_type_stated: None,
        tables: Vec::new(),
        methods: Vec::new(),
        annotated: Vec::new(),
        api: None,
    };
    let mut api = api::is_api_page(path).then(api::ApiReader::default);
    let at = |line| Location::new(path, line);

    let mut heading: Option<String> = None;
    // The headings of the sections the reader is in, outermost first, with their levels.
    let mut sections: Vec<(u8, String)> = Vec::new();
    let mut in_intro = false;
    let mut intro: Vec<String> = Vec::new();
    // Whether the last part of `intro` is a list, which the next item continues.
    let mut intro_list = false;
    // Whether the last paragraph was a note (in a block quote), whose list is left out too.
    let mut after_note = false;
    let mut pending: Option<AnnotatedBlock> = None;

    for block in &blocks {
        match block {
            Block::Heading {
                level,
                content,
                line,
            } => {
                if prose::is_tab_marker(content) {
                    continue;
                }
                unbind(&mut pending, &mut page, &mut diagnostics);
                if let Some(api) = &mut api {
                    api.heading(*level, &content.text);
                }
                if *level == 1 && page.title.is_none() {
                    page.title = Some(prose::title(&content.text, *line));
                    in_intro = true;
                } else {
                    in_intro = false;
                }
                heading = Some(content.text.clone());
                while sections.last().is_some_and(|(l, _)| *l >= *level) {
                    sections.pop();
                }
                sections.push((*level, content.text.clone()));
            }
            Block::Paragraph {
                content,
                line,
                quoted,
            } => {
                if let Some(ns) = prose::namespace(&content.text) {
                    page.namespace.get_or_insert(ns);
                    continue;
                }
                if page.inherits_from.is_none() {
                    page.inherits_from = prose::inherits_from(content, *line);
                }
                if page.inherits_from_guess.is_none() {
                    page.inherits_from_guess = prose::inherits_from_base_word(content, *line);
                }
                page.derived.extend(prose::derived_types(content, *line));
                if api.is_none()
                    && page.open_type_stated.is_none()
                    && prose::says_open_type(content)
                {
                    page.open_type_stated = Some(*line);
                }
                if in_intro && !quoted && !prose::is_include(&content.text) {
                    intro.push(content.text.clone());
                    intro_list = false;
                }
                if let Some(api) = &mut api {
                    api.paragraph(content, *line);
                }
                // A note is left out, and with it the list it introduces.
                after_note = *quoted;
            }
            // Lists in the description ("This resource supports:" and its bullets) stay lists:
            // one line per item, after the paragraph that introduces them.
            Block::ListItem {
                content,
                quoted,
                depth,
                number,
                ..
            } => {
                if !in_intro || *quoted || after_note || prose::is_include(&content.text) {
                    continue;
                }
                let indent = "  ".repeat(depth.saturating_sub(1));
                let item = match number {
                    Some(n) => format!("{indent}{n}. {}", content.text),
                    None => format!("{indent}- {}", content.text),
                };
                match intro.last_mut() {
                    Some(list) if intro_list => {
                        list.push('\n');
                        list.push_str(&item);
                    }
                    _ => intro.push(item),
                }
                intro_list = true;
            }
            Block::Html { text, line } => match annotations::read_comment(text) {
                Comment::NotAnnotation => {
                    if let Some(api) = &mut api {
                        api.comment(path, text, *line, &mut diagnostics);
                    }
                }
                Comment::PageAnnotation => {}
                Comment::Block(annotation) => {
                    unbind(&mut pending, &mut page, &mut diagnostics);
                    pending = Some(AnnotatedBlock {
                        annotation,
                        line: *line,
                        code: None,
                    });
                }
                Comment::Repaired(annotation, error) => {
                    diagnostics.push(Diagnostic::warning(
                        "annotation-json-repaired",
                        at(line + error.line_offset),
                        format!(
                            "annotation is not valid JSON ({}); read it after removing trailing commas and smart quotes",
                            error.message
                        ),
                    ));
                    unbind(&mut pending, &mut page, &mut diagnostics);
                    pending = Some(AnnotatedBlock {
                        annotation,
                        line: *line,
                        code: None,
                    });
                }
                Comment::Invalid(error) => {
                    unbind(&mut pending, &mut page, &mut diagnostics);
                    diagnostics.push(Diagnostic::error(
                        "annotation-json",
                        at(line + error.line_offset),
                        format!(
                            "annotation comment is not valid JSON: {}; expected an object such as {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"}}",
                            error.message
                        ),
                    ));
                }
            },
            Block::Code {
                info,
                text,
                line,
                body_line,
            } => {
                if let Some(api) = &mut api {
                    let block_type = pending
                        .as_ref()
                        .and_then(|p| p.annotation.block_type.as_deref());
                    api.code(path, block_type, text, *body_line, &mut diagnostics);
                }
                if let Some(mut annotated) = pending.take() {
                    annotated.code = Some(CodeBlock {
                        info: info.clone(),
                        text: text.clone(),
                        line: *line,
                        body_line: *body_line,
                    });
                    page.annotated.push(annotated);
                }
            }
            Block::Table { header, rows, line } => {
                unbind(&mut pending, &mut page, &mut diagnostics);
                let header: Vec<String> = header.cells.iter().map(|c| c.text.clone()).collect();
                if let Some(api) = &mut api {
                    let rows = rows
                        .iter()
                        .map(|r| Row {
                            line: r.line,
                            cells: r.cells.clone(),
                        })
                        .collect();
                    api.table(header, rows, *line);
                    continue;
                }
                let Some(section) = prose::table_section(heading.as_deref(), &header) else {
                    let cell_mention = |cell: &Inline, line| Mention {
                        text: cell.text.trim().to_string(),
                        link: cell.links.first().map(|l| l.dest.clone()),
                        line,
                    };
                    if prose::is_methods_table(&header) {
                        let returns = header
                            .iter()
                            .position(|h| h.trim().to_ascii_lowercase().starts_with("return"));
                        page.methods.extend(rows.iter().filter_map(|r| {
                            Some(MethodRow {
                                method: cell_mention(r.cells.first()?, r.line),
                                returns: returns
                                    .and_then(|c| r.cells.get(c))
                                    .map(|c| cell_mention(c, r.line)),
                            })
                        }));
                    } else if prose::is_derived_types_heading(heading.as_deref()) {
                        page.derived.extend(rows.iter().filter_map(|r| {
                            let cell = r.cells.first()?;
                            let link = cell.links.first()?;
                            Some(Mention {
                                text: link.text.trim_matches(['*', '`']).to_string(),
                                link: Some(link.dest.clone()),
                                line: r.line,
                            })
                        }));
                    }
                    continue;
                };
                let mut kept = Vec::with_capacity(rows.len());
                for row in rows {
                    // `|**Onboarding**|`: a label over the rows of one feature area (the
                    // older Intune pages), not a property.
                    if row.written == 1 && header.len() > 1 && is_section_label(&row.cells[0]) {
                        diagnostics.push(Diagnostic::note(
                            "table-section-row",
                            at(row.line),
                            format!(
                                "{:?} labels the rows below it; it is no property",
                                row.cells[0].text
                            ),
                        ));
                        continue;
                    }
                    if row.written < header.len() {
                        diagnostics.push(Diagnostic::warning(
                            "table-row-cells",
                            at(row.line),
                            format!(
                                "table row has {} cell(s) where the header has {} columns ({}); missing cells are read as empty",
                                row.written,
                                header.len(),
                                header.join(" | ")
                            ),
                        ));
                    }
                    kept.push(Row {
                        line: row.line,
                        cells: row.cells.clone(),
                    });
                }
                page.tables.push(Table {
                    section,
                    heading: heading.clone(),
                    within: sections.iter().map(|(_, h)| h.clone()).collect(),
                    line: *line,
                    header,
                    rows: kept,
                });
            }
        }
    }
    unbind(&mut pending, &mut page, &mut diagnostics);
    page.api = api.map(|a| a.page);
    let description = intro.join("\n\n");
    if !description.trim().is_empty() {
        page.description = Some(description);
    }
    (page, diagnostics)
}

/// A row of one cell holding a short title: `|**Onboarding**|`, `|**Device configuration**|`.
/// (A sentence alone on a row is a description broken over two lines, not a label.)
fn is_section_label(cell: &Inline) -> bool {
    let text = cell.text.trim();
    let words = text.split_whitespace().count();
    (1..=5).contains(&words)
        && text.starts_with(|c: char| c.is_ascii_uppercase())
        && !text.contains(['.', ',', ':', '`', '='])
        && cell.links.is_empty()
}

/// An annotation followed by something other than its code block.
fn unbind(
    pending: &mut Option<AnnotatedBlock>,
    page: &mut Page,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(annotated) = pending.take() else {
        return;
    };
    let block_type = annotated.annotation.block_type.as_deref().unwrap_or("");
    if block_type != "ignored" {
        diagnostics.push(Diagnostic::warning(
            "annotation-without-block",
            Location::new(&page.path, annotated.line),
            format!(
                "annotation (blockType {:?}) is not followed by a code block; expected a fenced block right after it",
                block_type
            ),
        ));
    }
    page.annotated.push(annotated);
}
