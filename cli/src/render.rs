//! Human rendering of diagnostics with the source line shown (codespan-reporting).

use std::collections::HashMap;
use std::path::PathBuf;

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor};

use graph_docs_codegen::{Diagnostic, Severity};

/// Renders diagnostics; `roots` are the docs folders their paths are relative to.
pub fn render(
    diagnostics: &[Diagnostic],
    roots: &[PathBuf],
    out: &mut dyn WriteColor,
) -> std::io::Result<()> {
    let mut files = SimpleFiles::new();
    let mut ids: HashMap<String, Option<usize>> = HashMap::new();
    let config = term::Config::default();
    for d in diagnostics {
        let id = *ids.entry(d.source.file.clone()).or_insert_with(|| {
            roots
                .iter()
                .map(|r| r.join(&d.source.file))
                .chain(std::iter::once(PathBuf::from(&d.source.file)))
                .find_map(|p| std::fs::read_to_string(p).ok())
                .map(|text| files.add(d.source.file.clone(), text))
        });
        let level = match d.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Note => Level::Note,
        };
        let mut report = Report::new(level)
            .with_code(d.code)
            .with_message(&d.message);
        match id
            .and_then(|id| line_range(files.get(id).ok()?.source(), d.source.line).map(|r| (id, r)))
        {
            Some((id, range)) => report = report.with_labels(vec![Label::primary(id, range)]),
            None => report = report.with_notes(vec![format!("at {}", d.source)]),
        }
        term::emit(out, &config, &files, &report).map_err(std::io::Error::other)?;
    }
    Ok(())
}

/// Byte range of a 1-based line, without its line break.
fn line_range(text: &str, line: usize) -> Option<std::ops::Range<usize>> {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
    Some(start..end.max(start))
}

/// How many diagnostics of each code and severity, most frequent first, after the list:
/// which findings dominate a long report.
pub fn counts_by_code(
    diagnostics: &[Diagnostic],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut counts: HashMap<(&str, Severity), usize> = HashMap::new();
    for d in diagnostics {
        *counts.entry((d.code, d.severity)).or_default() += 1;
    }
    if counts.is_empty() {
        return Ok(());
    }
    let mut rows: Vec<((&str, Severity), usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.0 .1.cmp(&a.0 .1))
            .then(a.0 .0.cmp(b.0 .0))
    });
    let width = rows
        .iter()
        .map(|((code, _), _)| code.len())
        .max()
        .unwrap_or(0);
    writeln!(out, "by code:")?;
    for ((code, severity), n) in rows {
        let s = if n == 1 { "" } else { "s" };
        writeln!(out, "  {code:<width$}  {n:>6} {severity}{s}")?;
    }
    Ok(())
}
