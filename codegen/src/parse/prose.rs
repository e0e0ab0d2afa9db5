//! Reading the prose conventions of the docs: titles, the `Namespace:` line, "Inherits from",
//! tab markers, and which heading introduces which table.

use super::blocks::Inline;
use super::page::{Mention, Section, Title, TitleKind};

/// `# [HTTP](#tab/http)`: a tab of a multi-language sample, not a section.
pub fn is_tab_marker(content: &Inline) -> bool {
    content.links.iter().any(|l| l.dest.starts_with("#tab/"))
}

/// `[!INCLUDE [...](...)]` and `[!NOTE]` style directives.
pub fn is_include(text: &str) -> bool {
    text.trim_start().starts_with("[!")
}

/// Reads `# teamsAsyncOperation resource type` and its variants.
pub fn title(text: &str, line: usize) -> Title {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = text.split_whitespace().collect();
    let suffixes = [
        ("enum type", TitleKind::Enum),
        ("enumeration type", TitleKind::Enum),
        ("enum", TitleKind::Enum),
        ("enumeration", TitleKind::Enum),
        ("resource type", TitleKind::Type),
        ("complex type", TitleKind::Type),
        ("entity type", TitleKind::Type),
        ("resource", TitleKind::Type),
        ("object", TitleKind::Type),
        ("type", TitleKind::Type),
    ];
    for (suffix, kind) in suffixes {
        if lower.ends_with(suffix) && words.len() == 1 + suffix.split(' ').count() {
            let name = words[0].trim_matches(|c| c == '`' || c == '*');
            if is_type_name(name) {
                return Title {
                    text: text.to_string(),
                    type_name: Some(name.to_string()),
                    kind,
                    line,
                };
            }
        }
    }
    Title {
        text: text.to_string(),
        type_name: None,
        kind: TitleKind::Other,
        line,
    }
}

/// A type name as the docs write one: letters, digits, `_` and namespace dots.
pub fn is_type_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

/// `Namespace: microsoft.graph.callRecords`.
pub fn namespace(text: &str) -> Option<String> {
    let rest = text.trim().strip_prefix("Namespace:")?;
    let ns = rest.split_whitespace().next()?.trim_end_matches('.');
    is_type_name(ns).then(|| ns.to_string())
}

/// "Inherits from [entity](entity.md)." / "Derived from ...".
pub fn inherits_from(content: &Inline, line: usize) -> Option<Mention> {
    let lower = content.text.to_ascii_lowercase();
    let at = [
        "inherits from",
        "derived from",
        "derives from",
        "subclass of",
        "sub-class of",
    ]
    .iter()
    .filter_map(|p| lower.find(p).map(|i| i + p.len()))
    .min()?;
    let rest = content.text[at..].trim_start();
    // Prefer the link written right after the phrase.
    if let Some(link) = content
        .links
        .iter()
        .find(|l| !l.text.is_empty() && rest.starts_with(&l.text))
    {
        return Some(Mention {
            text: link.text.clone(),
            link: Some(link.dest.clone()),
            line,
        });
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '_')
        .collect();
    let word = word.trim_end_matches('.');
    is_type_name(word).then(|| Mention {
        text: word.to_string(),
        link: None,
        line,
    })
}

/// `| Method | Return type | Description |`: the operations a resource page lists.
pub fn is_methods_table(header: &[String]) -> bool {
    header
        .first()
        .is_some_and(|h| h.trim().to_ascii_lowercase().starts_with("method"))
}

/// Which kind of table this is, from its heading and its header row; `None` for tables the
/// codegen does not read (methods, permissions, ...).
pub fn table_section(heading: Option<&str>, header: &[String]) -> Option<Section> {
    let first = header
        .first()
        .map(|h| h.to_ascii_lowercase())
        .unwrap_or_default();
    let has_type_column = header
        .iter()
        .any(|h| h.to_ascii_lowercase().starts_with("type"));
    let heading = heading.unwrap_or("").to_ascii_lowercase();
    if first.starts_with("member") || (first == "name" && heading.contains("member")) {
        return Some(Section::Members);
    }
    if first.starts_with("value") && heading.contains("member") {
        return Some(Section::Members);
    }
    if !has_type_column {
        return None;
    }
    if first.starts_with("relationship") || heading.contains("relationship") {
        return Some(Section::Relationships);
    }
    if first.starts_with("propert") || (first == "name" && heading.contains("propert")) {
        return Some(Section::Properties);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Link;

    #[test]
    fn titles_announce_types_and_enums() {
        let t = title("teamsAsyncOperation resource type", 9);
        assert_eq!(t.type_name.as_deref(), Some("teamsAsyncOperation"));
        assert_eq!(t.kind, TitleKind::Type);
        let t = title("teamsAsyncOperationStatus enum type", 9);
        assert_eq!(t.kind, TitleKind::Enum);
        let t = title("Get teamsAsyncOperation", 9);
        assert_eq!((t.kind, t.type_name), (TitleKind::Other, None));
    }

    #[test]
    fn namespace_line() {
        assert_eq!(
            namespace("Namespace: microsoft.graph.callRecords").as_deref(),
            Some("microsoft.graph.callRecords")
        );
        assert_eq!(namespace("The namespace is x"), None);
    }

    #[test]
    fn inherits_from_prefers_the_link() {
        let content = Inline {
            text: "Inherits from entity.".into(),
            links: vec![Link {
                text: "entity".into(),
                dest: "entity.md".into(),
            }],
            code_spans: vec![],
        };
        let m = inherits_from(&content, 3).unwrap();
        assert_eq!(
            (m.text.as_str(), m.link.as_deref()),
            ("entity", Some("entity.md"))
        );
    }

    #[test]
    fn tables_by_heading_and_header() {
        let h = |cols: &[&str]| cols.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(
            table_section(
                Some("operationError Properties"),
                &h(&["Property", "Type", "Description"])
            ),
            Some(Section::Properties)
        );
        assert_eq!(
            table_section(
                Some("Relationships"),
                &h(&["Relationship", "Type", "Description"])
            ),
            Some(Section::Relationships)
        );
        assert_eq!(
            table_section(Some("Members"), &h(&["Member", "Value", "Description"])),
            Some(Section::Members)
        );
        assert_eq!(
            table_section(
                Some("Methods"),
                &h(&["Method", "Return Type", "Description"])
            ),
            None
        );
    }
}
