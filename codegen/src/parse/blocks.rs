//! Markdown -> a flat list of the blocks the page reader cares about, each with its line.
//!
//! pulldown-cmark does the markdown; this module only flattens its events into headings,
//! paragraphs, HTML comments, fenced code and tables, keeping links and code spans that later
//! stages need (type links in table cells, backticked enum members).

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// Inline content with links kept apart from the plain text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inline {
    /// The text as a reader sees it: links reduced to their text, code spans in backticks.
    pub text: String,
    /// Links, as (text, destination).
    pub links: Vec<Link>,
    /// Contents of code spans, in order.
    pub code_spans: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub text: String,
    pub dest: String,
    /// Where the link's text starts in the text of its inline content (a byte offset).
    pub at: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub line: usize,
    pub cells: Vec<Inline>,
    /// Cells written in the source; pulldown-cmark pads short rows with empty cells.
    pub written: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        content: Inline,
        line: usize,
    },
    Paragraph {
        content: Inline,
        line: usize,
        /// Inside a block quote (notes, warnings): not part of the page's description.
        quoted: bool,
    },
    /// The text of one item of a bulleted or numbered list (its own text, without that of a
    /// list nested in it, which follows as items of their own).
    ListItem {
        content: Inline,
        line: usize,
        /// Inside a block quote: not part of the page's description.
        quoted: bool,
        /// 1 for an item of a top-level list, 2 inside an item of one, ...
        depth: usize,
        /// The item's number in a numbered list; `None` for a bullet.
        number: Option<u64>,
    },
    /// An HTML block; annotations live in these comments.
    Html { text: String, line: usize },
    /// A fenced or indented code block; `line` is the fence line, `body_line` the first line of
    /// the code.
    Code {
        info: String,
        text: String,
        line: usize,
        body_line: usize,
    },
    Table {
        header: TableRow,
        rows: Vec<TableRow>,
        line: usize,
    },
}

/// Maps byte offsets to 1-based line numbers.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// What is being collected while walking events.
enum Open {
    None,
    Inline {
        content: Inline,
        line: usize,
        kind: InlineKind,
    },
    Code {
        info: String,
        fenced: bool,
        text: String,
        line: usize,
    },
    Html {
        text: String,
        line: usize,
    },
}

#[derive(Clone, Copy)]
enum InlineKind {
    Heading(u8),
    Paragraph {
        quoted: bool,
    },
    ListItem {
        quoted: bool,
        depth: usize,
        number: Option<u64>,
    },
}

/// Ends the item being collected, if any, keeping its text when it has some: at the end of
/// the item, or where a nested list or a block that is not text starts inside it.
fn flush_item(open: &mut Open, out: &mut Vec<Block>) {
    if !matches!(
        open,
        Open::Inline {
            kind: InlineKind::ListItem { .. },
            ..
        }
    ) {
        return;
    }
    if let Open::Inline {
        mut content,
        line,
        kind:
            InlineKind::ListItem {
                quoted,
                depth,
                number,
            },
    } = std::mem::replace(open, Open::None)
    {
        content.text = content.text.trim().to_string();
        if !content.text.is_empty() {
            out.push(Block::ListItem {
                content,
                line,
                quoted,
                depth,
                number,
            });
        }
    }
}

struct TableBuilder {
    line: usize,
    header: Option<TableRow>,
    rows: Vec<TableRow>,
    row: Option<TableRow>,
    cell: Option<Inline>,
}

/// Splits `text` (the page without front matter, starting at `first_line`) into blocks.
pub fn blocks(text: &str, first_line: usize) -> Vec<Block> {
    let index = LineIndex::new(text);
    let line_of = |offset: usize| index.line(offset) + first_line - 1;
    let mut out = Vec::new();
    let mut open = Open::None;
    let mut table: Option<TableBuilder> = None;
    // Links nest inside inline content; their text is gathered separately, with where it
    // starts.
    let mut link_stack: Vec<(String, String, usize)> = Vec::new();
    let mut quote_depth = 0usize;
    // Per open list, the number of its next item (`None` for bullets).
    let mut lists: Vec<Option<u64>> = Vec::new();

    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush_item(&mut open, &mut out);
                open = Open::Inline {
                    content: Inline::default(),
                    line: line_of(range.start),
                    kind: InlineKind::Heading(level as u8),
                }
            }
            Event::Start(Tag::List(first)) => {
                flush_item(&mut open, &mut out);
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                flush_item(&mut open, &mut out);
                let number = lists.last_mut().and_then(|next| {
                    let n = (*next)?;
                    *next = Some(n + 1);
                    Some(n)
                });
                open = Open::Inline {
                    content: Inline::default(),
                    line: line_of(range.start),
                    kind: InlineKind::ListItem {
                        quoted: quote_depth > 0,
                        depth: lists.len(),
                        number,
                    },
                }
            }
            Event::End(TagEnd::Item) => flush_item(&mut open, &mut out),
            // The paragraphs of a loose list's item are the item's text.
            Event::Start(Tag::Paragraph)
                if matches!(
                    open,
                    Open::Inline {
                        kind: InlineKind::ListItem { .. },
                        ..
                    }
                ) =>
            {
                push_text(&mut open, &mut table, &mut link_stack, " ");
            }
            Event::End(TagEnd::Paragraph)
                if matches!(
                    open,
                    Open::Inline {
                        kind: InlineKind::ListItem { .. },
                        ..
                    }
                ) => {}
            Event::Start(Tag::Paragraph) if table.is_none() => {
                open = Open::Inline {
                    content: Inline::default(),
                    line: line_of(range.start),
                    kind: InlineKind::Paragraph {
                        quoted: quote_depth > 0,
                    },
                }
            }
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Paragraph) => {
                if let Open::Inline {
                    mut content,
                    line,
                    kind,
                } = std::mem::replace(&mut open, Open::None)
                {
                    trim(&mut content);
                    out.push(match kind {
                        InlineKind::Heading(level) => Block::Heading {
                            level,
                            content,
                            line,
                        },
                        InlineKind::Paragraph { quoted } => Block::Paragraph {
                            content,
                            line,
                            quoted,
                        },
                        // Never open here: a heading or paragraph replaced it.
                        InlineKind::ListItem { .. } => continue,
                    });
                }
            }
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::Start(Tag::CodeBlock(kind)) => {
                flush_item(&mut open, &mut out);
                let (info, fenced) = match kind {
                    CodeBlockKind::Fenced(info) => (info.trim().to_string(), true),
                    CodeBlockKind::Indented => (String::new(), false),
                };
                open = Open::Code {
                    info,
                    fenced,
                    text: String::new(),
                    line: line_of(range.start),
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Open::Code {
                    info,
                    fenced,
                    text,
                    line,
                } = std::mem::replace(&mut open, Open::None)
                {
                    let body_line = if fenced { line + 1 } else { line };
                    out.push(Block::Code {
                        info,
                        text,
                        line,
                        body_line,
                    });
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                flush_item(&mut open, &mut out);
                open = Open::Html {
                    text: String::new(),
                    line: line_of(range.start),
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Open::Html { text, line } = std::mem::replace(&mut open, Open::None) {
                    out.push(Block::Html { text, line });
                }
            }
            Event::Start(Tag::Table(_)) => {
                flush_item(&mut open, &mut out);
                table = Some(TableBuilder {
                    line: line_of(range.start),
                    header: None,
                    rows: Vec::new(),
                    row: None,
                    cell: None,
                })
            }
            Event::End(TagEnd::Table) => {
                if let Some(t) = table.take() {
                    out.push(Block::Table {
                        header: t.header.unwrap_or(TableRow {
                            line: t.line,
                            cells: Vec::new(),
                            written: 0,
                        }),
                        rows: t.rows,
                        line: t.line,
                    });
                }
            }
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                if let Some(t) = table.as_mut() {
                    t.row = Some(TableRow {
                        line: line_of(range.start),
                        cells: Vec::new(),
                        written: 0,
                    });
                }
            }
            Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) => {
                if let Some(t) = table.as_mut() {
                    if let Some(row) = t.row.take() {
                        if t.header.is_none() {
                            t.header = Some(row);
                        } else {
                            t.rows.push(row);
                        }
                    }
                }
            }
            Event::Start(Tag::TableCell) => {
                if let Some(t) = table.as_mut() {
                    t.cell = Some(Inline::default());
                    if !range.is_empty() {
                        if let Some(row) = t.row.as_mut() {
                            row.written += 1;
                        }
                    }
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(t) = table.as_mut() {
                    if let (Some(mut cell), Some(row)) = (t.cell.take(), t.row.as_mut()) {
                        trim(&mut cell);
                        row.cells.push(cell);
                    }
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let at = current_inline(&mut open, &mut table).map_or(0, |i| i.text.len());
                link_stack.push((String::new(), dest_url.to_string(), at));
            }
            Event::End(TagEnd::Link) => {
                if let Some((text, dest, at)) = link_stack.pop() {
                    if let Some(inline) = current_inline(&mut open, &mut table) {
                        let leading = text.len() - text.trim_start().len();
                        inline.links.push(Link {
                            text: text.trim().to_string(),
                            dest,
                            at: at + leading,
                        });
                    }
                }
            }
            Event::Text(t) => match &mut open {
                Open::Code { text, .. } => text.push_str(&t),
                Open::Html { text, .. } => text.push_str(&t),
                _ => push_text(&mut open, &mut table, &mut link_stack, &t),
            },
            Event::Code(t) => {
                if let Some(inline) = current_inline(&mut open, &mut table) {
                    inline.code_spans.push(t.to_string());
                }
                push_text(&mut open, &mut table, &mut link_stack, &format!("`{t}`"));
            }
            Event::Html(t) => {
                if let Open::Html { text, .. } = &mut open {
                    text.push_str(&t);
                } else {
                    // A lone HTML line (not a block start) still carries annotations.
                    out.push(Block::Html {
                        text: t.to_string(),
                        line: line_of(range.start),
                    });
                }
            }
            // `<br>` inside cells separates sentences; other inline tags add nothing.
            Event::InlineHtml(t) if t.trim_start().to_ascii_lowercase().starts_with("<br") => {
                push_text(&mut open, &mut table, &mut link_stack, " ");
            }
            Event::SoftBreak | Event::HardBreak => {
                push_text(&mut open, &mut table, &mut link_stack, " ")
            }
            _ => {}
        }
    }
    out
}

/// Trims the text, keeping the link offsets pointing at their text.
fn trim(inline: &mut Inline) {
    let leading = inline.text.len() - inline.text.trim_start().len();
    inline.text = inline.text.trim().to_string();
    for link in &mut inline.links {
        link.at = link.at.saturating_sub(leading).min(inline.text.len());
    }
}

fn current_inline<'a>(
    open: &'a mut Open,
    table: &'a mut Option<TableBuilder>,
) -> Option<&'a mut Inline> {
    if let Some(cell) = table.as_mut().and_then(|t| t.cell.as_mut()) {
        return Some(cell);
    }
    match open {
        Open::Inline { content, .. } => Some(content),
        _ => None,
    }
}

fn push_text(
    open: &mut Open,
    table: &mut Option<TableBuilder>,
    links: &mut [(String, String, usize)],
    text: &str,
) {
    if let Some((link_text, _, _)) = links.last_mut() {
        link_text.push_str(text);
    }
    if let Some(inline) = current_inline(open, table) {
        inline.text.push_str(text);
    }
}
