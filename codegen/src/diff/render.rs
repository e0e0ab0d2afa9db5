//! The report for people: breaking changes first, then compatible ones, then those without
//! impact; each part grouped by version, area and type; counts last. As text for a terminal,
//! or as markdown for a pull request.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::change::{Change, ChangeKind, Evidence, Level};
use super::{Counts, Report};

/// Texts longer than this are cut in the human and markdown forms (JSON keeps them whole).
const SHOWN_TEXT: usize = 160;
/// Derived types named one by one; past this, counted.
const SHOWN_DERIVED: usize = 5;

/// The three parts of a report, in the order they are shown.
const PARTS: [(Level, &str); 3] = [
    (Level::Breaking, "Breaking changes"),
    (Level::Compatible, "Compatible changes"),
    (Level::None, "Changes without impact"),
];

/// Changes of one part, by (version, area, type).
fn grouped(report: &Report, level: Level) -> BTreeMap<(&str, &str, &str), Vec<&Change>> {
    let mut out: BTreeMap<(&str, &str, &str), Vec<&Change>> = BTreeMap::new();
    for c in report.changes.iter().filter(|c| c.level() == level) {
        out.entry((
            c.version.as_str(),
            c.area.as_deref().unwrap_or("(no area)"),
            c.type_name.as_str(),
        ))
        .or_default()
        .push(c);
    }
    out
}

/// The report as text for a terminal.
pub fn human(report: &Report, old: &str, new: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Changes from {old} to {new}");
    for (level, title) in PARTS {
        let groups = grouped(report, level);
        if groups.is_empty() {
            continue;
        }
        let n: usize = groups.values().map(Vec::len).sum();
        let _ = writeln!(out, "\n== {title}: {n} ==");
        let mut heading = ("", "");
        for ((version, area, type_name), changes) in groups {
            if heading != (version, area) {
                let _ = writeln!(out, "\n{version}, area {area}");
                heading = (version, area);
            }
            let _ = writeln!(out, "  {type_name}");
            for c in changes {
                entry(&mut out, c);
            }
        }
    }
    let _ = writeln!(out);
    for line in summary(report) {
        let _ = writeln!(out, "{line}");
    }
    out
}

fn entry(out: &mut String, c: &Change) {
    let what = match (&c.name, &c.renamed_from) {
        (Some(name), Some(from)) => format!("{}: {from} -> {name}", c.kind),
        (None, Some(from)) => format!("{}: from {from}", c.kind),
        (Some(name), None) => format!("{}: {name}", c.kind),
        (None, None) => c.kind.to_string(),
    };
    let rule = c.rule.map(|r| format!(" (rule: {})", rule_name(r)));
    let _ = writeln!(out, "    {what}{}", rule.unwrap_or_default());
    let _ = writeln!(out, "        Rust  {:<10} {}", c.rust.level, c.rust.why);
    let _ = writeln!(out, "        wire  {:<10} {}", c.wire.level, c.wire.why);
    for (label, side) in [("old", &c.old), ("new", &c.new)] {
        if let Some(e) = side {
            let _ = writeln!(out, "        {label}   {}", evidence(e));
        }
    }
    if !c.inherited_by.is_empty() {
        let _ = writeln!(out, "        also  {}", derived(&c.inherited_by));
    }
    if let Some(note) = &c.note {
        let _ = writeln!(out, "        note  {}", cut(note));
    }
    if let Some(label) = &c.csdl {
        let _ = writeln!(out, "        csdl  {}: {}", label.origin, label.why);
    }
}

fn rule_name(r: super::Rule) -> String {
    serde_json::to_value(r)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn evidence(e: &Evidence) -> String {
    match &e.text {
        Some(text) => format!("{}  {}", e.at, cut(text)),
        None => format!("{}  (not there)", e.at),
    }
}

fn derived(types: &[String]) -> String {
    let shown: Vec<&str> = types
        .iter()
        .take(SHOWN_DERIVED)
        .map(String::as_str)
        .collect();
    let more = types.len().saturating_sub(SHOWN_DERIVED);
    let mut s = format!("inherited by {}", shown.join(", "));
    if more > 0 {
        let _ = write!(s, " and {more} more");
    }
    s
}

/// One line, at most [`SHOWN_TEXT`] characters.
fn cut(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(SHOWN_TEXT) {
        Some((at, _)) => format!("{}...", &line[..at]),
        None => line,
    }
}

/// One line per version: the counts, breaking first.
pub fn summary(report: &Report) -> Vec<String> {
    let counts = report.counts();
    let mut lines: Vec<String> = counts
        .iter()
        .filter(|(v, _)| *v != "all")
        .map(|(v, c)| format!("{v}: {}", counts_line(c)))
        .collect();
    if lines.is_empty() {
        lines.push("no changes".to_string());
    }
    for coverage in &report.csdl {
        lines.extend(coverage.to_string().lines().map(str::to_string));
    }
    lines
}

/// `151 breaking (150 Rust, 50 wire), 1165 changes: types 357 added, ...`.
pub fn counts_line(c: &Counts) -> String {
    let n = |k: ChangeKind| c.by_kind.get(&k).copied().unwrap_or(0);
    let group = |name: &str, kinds: &[(ChangeKind, &str)]| {
        let parts: Vec<String> = kinds
            .iter()
            .filter(|(k, _)| n(*k) > 0)
            .map(|(k, label)| format!("{} {label}", n(*k)))
            .collect();
        (!parts.is_empty()).then(|| format!("{name} {}", parts.join(", ")))
    };
    use ChangeKind::*;
    let groups: Vec<String> = [
        group(
            "types",
            &[
                (TypeAdded, "added"),
                (TypeRemoved, "removed"),
                (TypeRenamed, "renamed"),
                (KindChanged, "of another kind"),
                (BaseTypeChanged, "with another base"),
                (DerivedTypesChanged, "with derived types changed"),
            ],
        ),
        group(
            "properties",
            &[
                (PropertyAdded, "added"),
                (PropertyRemoved, "removed"),
                (PropertyRenamed, "renamed"),
                (PropertyRetyped, "retyped"),
                (PropertyMadeCollection, "made collections"),
                (PropertyMadeSingle, "made single"),
            ],
        ),
        group(
            "members",
            &[
                (MemberAdded, "added"),
                (MemberRemoved, "removed"),
                (MemberRenamed, "renamed"),
            ],
        ),
        group(
            "operations",
            &[
                (OperationAdded, "added"),
                (OperationRemoved, "removed"),
                (OperationRenamed, "renamed"),
                (ParameterAdded, "parameters added"),
                (ParameterRemoved, "parameters removed"),
                (ParameterRetyped, "parameters retyped"),
                (ResponseChanged, "responses changed"),
            ],
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    format!(
        "{} breaking ({} Rust, {} wire) of {} {}{}{}",
        c.breaking,
        c.rust_breaking,
        c.wire_breaking,
        c.changes,
        if c.changes == 1 { "change" } else { "changes" },
        if groups.is_empty() { "" } else { ": " },
        groups.join("; ")
    )
}

/// The report as markdown, for a pull request: the summary, breaking changes in full, the
/// rest folded.
pub fn markdown(report: &Report, old: &str, new: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## Changes from `{old}` to `{new}`\n");
    for line in summary(report) {
        let _ = writeln!(out, "- {}", escape(&line));
    }
    for (level, title) in PARTS {
        let groups = grouped(report, level);
        if groups.is_empty() {
            continue;
        }
        let n: usize = groups.values().map(Vec::len).sum();
        let folded = level != Level::Breaking;
        if folded {
            let _ = writeln!(out, "\n<details><summary>{title}: {n}</summary>\n");
        } else {
            let _ = writeln!(out, "\n### {title}: {n}\n");
        }
        for ((version, area, type_name), changes) in groups {
            let _ = writeln!(out, "#### {version} · {area} · `{type_name}`\n");
            let _ = writeln!(out, "| change | Rust | wire | old | new |");
            let _ = writeln!(out, "|---|---|---|---|---|");
            for c in changes {
                let mut what = match (&c.name, &c.renamed_from) {
                    (Some(name), Some(from)) => format!("{} `{from}` → `{name}`", c.kind),
                    (None, Some(from)) => format!("{} from `{from}`", c.kind),
                    (Some(name), None) => format!("{} `{name}`", c.kind),
                    (None, None) => c.kind.to_string(),
                };
                if !c.inherited_by.is_empty() {
                    let _ = write!(what, "<br>{}", derived(&c.inherited_by));
                }
                if let Some(note) = &c.note {
                    let _ = write!(what, "<br>note: {}", cut(note));
                }
                if let Some(label) = &c.csdl {
                    let _ = write!(what, "<br>{}: {}", label.origin, label.why);
                }
                let side = |e: &Option<Evidence>| match e {
                    Some(e) => format!(
                        "`{}` {}",
                        e.at,
                        e.text.as_deref().map_or("—".to_string(), cut)
                    ),
                    None => "—".to_string(),
                };
                let _ = writeln!(
                    out,
                    "| {} | **{}** {} | **{}** {} | {} | {} |",
                    escape(&what),
                    c.rust.level,
                    escape(&c.rust.why),
                    c.wire.level,
                    escape(&c.wire.why),
                    escape(&side(&c.old)),
                    escape(&side(&c.new))
                );
            }
            let _ = writeln!(out);
        }
        if folded {
            let _ = writeln!(out, "</details>");
        }
    }
    out
}

/// Text safe in a markdown table cell.
fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
