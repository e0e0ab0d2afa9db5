//! What a build script generated last, kept in its `OUT_DIR`: the pages it read and a
//! fingerprint of the model (line numbers left out). The next build compares: when the model
//! differs, the pages of the last build are read again and compared with the new ones, so the
//! build can say what changed (`cargo:warning` lines, breaking changes first).

use std::fs;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::render;
use super::{Level, Report};
use crate::docs_folder::{self, MemoryDocs};
use crate::schema::Schema;
use crate::{Config, OVERRIDES_FILE};

/// The file in `OUT_DIR` holding the pages of the last build.
pub const INPUT_FILE: &str = "graph-docs-last-input.json";
/// The file in `OUT_DIR` holding the fingerprint of the last model.
pub const FINGERPRINT_FILE: &str = "graph-docs-last-model.txt";

/// The pages of a build, as read.
#[derive(Debug, Serialize, Deserialize)]
struct Input {
    pages: Vec<(String, String)>,
    overrides: Option<String>,
}

/// `text` without line numbers: `x.md:12` and `x.toml:5` lose the `:12`, `line 50` is
/// `line _`. What a model says without where on the page it says it.
pub fn without_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c.is_ascii_digit()) {
        let (before, from) = rest.split_at(at);
        let digits = from.len() - from.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if [".md:", ".toml:"].iter().any(|e| before.ends_with(e)) {
            out.push_str(&before[..before.len() - 1]);
        } else if before.ends_with("line ") {
            out.push_str(before);
            out.push('_');
        } else {
            out.push_str(before);
            out.push_str(&from[..digits]);
        }
        rest = &from[digits..];
    }
    out.push_str(rest);
    out
}

/// A fingerprint of the types and operations of `schema`, the same when only line numbers
/// moved.
pub fn fingerprint(schema: &Schema) -> String {
    let json =
        serde_json::to_string(&(&schema.types, &schema.operations)).expect("the model serialises");
    // FNV-1a: the same from one toolchain to the next, unlike std's hasher.
    let hash = without_lines(&json)
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{hash:016x}")
}

/// Compares the model a build script just generated from `docs_dir` (read with the settings
/// of `config`: its overrides) with the one it generated last, and keeps this one's pages and fingerprint in
/// `out_dir` for next time. `None` on a first build, or when the model is the same (line
/// numbers aside); else the changes between the pages of the two builds (empty when the model
/// differs in what the report does not compare: descriptions, or the generator itself).
pub fn compare(
    out_dir: &Path,
    docs_dir: &Path,
    config: &Config,
    schema: &Schema,
) -> io::Result<Option<Report>> {
    let print = fingerprint(schema);
    let (input_file, print_file) = (out_dir.join(INPUT_FILE), out_dir.join(FINGERPRINT_FILE));
    let last_print = fs::read_to_string(&print_file).ok();
    if last_print.as_deref() == Some(print.as_str()) {
        return Ok(None);
    }
    let last: Option<Input> = fs::read(&input_file)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok());
    let input = read_input(docs_dir)?;
    let report = match last {
        Some(last) if last_print.is_some() => {
            let mut old = config.settings();
            old.check_examples(false).docs_in_memory(MemoryDocs {
                name: "the last build".to_string(),
                pages: last
                    .pages
                    .into_iter()
                    .map(|(path, text)| (path, text.into_bytes()))
                    .collect(),
                overrides: last.overrides,
            });
            let old = old.load()?;
            Some(super::compare(&old.schema, schema))
        }
        _ => None,
    };
    let json = serde_json::to_vec(&input).map_err(io::Error::other)?;
    fs::write(&input_file, json)?;
    fs::write(&print_file, &print)?;
    Ok(report)
}

/// The pages of `docs_dir` (and its overrides file) by path from the folder holding the
/// version folders, as [`Config::load`] reads them.
fn read_input(docs_dir: &Path) -> io::Result<Input> {
    let Some(found) = docs_folder::find(docs_dir) else {
        return Err(docs_folder::no_pages(docs_dir, None));
    };
    let mut ignored = Vec::new();
    let mut pages = Vec::new();
    for file in docs_folder::walk(&found, &mut ignored) {
        if let Some(text) = docs_folder::read(&file, &mut ignored) {
            pages.push((file.relative, text));
        }
    }
    let overrides = [docs_dir, found.root.as_path()]
        .iter()
        .map(|d| d.join(OVERRIDES_FILE))
        .find(|f| f.is_file())
        .map(fs::read_to_string)
        .transpose()?;
    Ok(Input { pages, overrides })
}

/// A few lines for a build's output: the counts, then changes one a line, breaking ones
/// first, at most `shown` of them.
pub fn summary(report: &Report, shown: usize) -> Vec<String> {
    if report.changes.is_empty() {
        return vec![
            "the model differs from the last build in what the change report does not compare (descriptions, nullability, or the generator itself); no type, property, member or operation changed".to_string(),
        ];
    }
    let mut lines: Vec<String> = render::summary(report)
        .into_iter()
        .map(|l| format!("changed since the last build: {l}"))
        .collect();
    let mut changes: Vec<_> = report.changes.iter().collect();
    changes.sort_by_key(|c| std::cmp::Reverse(c.level()));
    for c in changes.iter().take(shown) {
        let level = match c.level() {
            Level::Breaking => "breaking",
            Level::Compatible => "compatible",
            Level::None => "no impact",
        };
        let name = match (&c.renamed_from, &c.name) {
            (Some(from), Some(name)) => format!(" {from} -> {name}"),
            (Some(from), None) => format!(" from {from}"),
            (None, Some(name)) => format!(" {name}"),
            (None, None) => String::new(),
        };
        let at = c
            .new
            .as_ref()
            .filter(|e| e.text.is_some())
            .or(c.old.as_ref())
            .map(|e| format!(" ({})", e.at))
            .unwrap_or_default();
        lines.push(format!(
            "  {level}: {} {}: {}{name}{at}",
            c.version, c.type_name, c.kind
        ));
    }
    if changes.len() > shown {
        lines.push(format!("  ... and {} more", changes.len() - shown));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_are_left_out() {
        assert_eq!(
            without_lines(
                "beta/resources/x.md:40 and (line 50), overrides.toml:5, Int32, 202 Accepted"
            ),
            "beta/resources/x.md and (line _), overrides.toml, Int32, 202 Accepted"
        );
    }
}
