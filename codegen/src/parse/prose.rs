//! Reading the prose conventions of the docs: titles, the `Namespace:` line, "Inherits from",
//! tab markers, and which heading introduces which table.

use super::blocks::{Inline, Link};
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

/// How pages say what a type derives from: "Inherits from [entity](entity.md).", "Inherited
/// from [domainDnsRecord](..) entity", "properties are inherited from", "is a subtype of",
/// "the derivative of the [x]", "creates a subclass from [x]", ...
const BASE_PHRASES: [&str; 12] = [
    "inherits from",
    "inherited from",
    "inherit from",
    "derived from",
    "derives from",
    "derivative of",
    "subclass of",
    "subclass from",
    "sub-class of",
    "subtype of",
    "sub-type of",
    "extends",
];

/// Words that may stand between such a phrase and the type it names: "Inherits from the
/// [parentLabelDetails](..)", "Inherits from base class [identityUserFlow](..)".
const BASE_FILLER: [&str; 8] = [
    "the", "a", "an", "base", "class", "type", "abstract", "parent",
];

/// The base type a paragraph names, if it names one: the link (or the type-like word) that
/// follows an inheritance phrase, past filler words. "Other types inherit from this type"
/// names none, and neither does "derived from ISO 639-1": an unlinked word counts only when
/// it is written as a type name is (`**baseItem**`, `baseItem`, `microsoft.graph.baseItem`).
pub fn inherits_from(content: &Inline, line: usize) -> Option<Mention> {
    let links = link_spans(content);
    base_phrase_ends(content).into_iter().find_map(|at| {
        let rest_at = skip_words(&content.text, at, &BASE_FILLER);
        if let Some((_, _, link)) = links.iter().find(|(start, _, _)| {
            *start >= rest_at && only_decoration(&content.text[rest_at..*start])
        }) {
            return Some(Mention {
                text: link.text.trim_matches(|c| c == '*' || c == '`').to_string(),
                link: Some(link.dest.clone()),
                line,
            });
        }
        let rest = content.text[rest_at..].trim_start_matches(['*', '`']);
        let word: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '_')
            .collect();
        let word = word.trim_end_matches('.');
        let written_as_type = rest.len() < content.text[rest_at..].len()
            || word.contains('.')
            || (word.starts_with(|c: char| c.is_ascii_lowercase())
                && word.contains(|c: char| c.is_ascii_uppercase()));
        (written_as_type && is_type_name(word)).then(|| Mention {
            text: word.to_string(),
            link: None,
            line,
        })
    })
}

/// Where each inheritance phrase about the page's own type ends, in order.
fn base_phrase_ends(content: &Inline) -> Vec<usize> {
    let lower = content.text.to_ascii_lowercase();
    let links = link_spans(content);
    let mut starts: Vec<(usize, usize)> = BASE_PHRASES
        .iter()
        .flat_map(|p| lower.match_indices(p).map(move |(i, _)| (i, i + p.len())))
        .filter(|&(_, end)| lower[end..].starts_with([' ', '\n']))
        .filter(|&(start, _)| about_this_type(&lower, &links, start))
        .collect();
    starts.sort_unstable();
    starts.into_iter().map(|(_, end)| end).collect()
}

/// "inherits from base policy type", no link and no type name: the base is named by a
/// plain word between "base" and "type" (or "class"), and the documented type it most
/// likely means is that word with `Base` after it (`policyBase`, whose page says "an
/// abstract base type for policy types to inherit from"). A guess: resolve takes it only
/// when such a type exists, and says so.
pub fn inherits_from_base_word(content: &Inline, line: usize) -> Option<Mention> {
    let text = &content.text;
    base_phrase_ends(content).into_iter().find_map(|at| {
        let mut words = text[at..]
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';'))
            .filter(|w| !w.is_empty());
        let (base, word, kind) = (words.next()?, words.next()?, words.next()?);
        let plain = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphabetic());
        (base.eq_ignore_ascii_case("base")
            && ["type", "class"]
                .iter()
                .any(|k| kind.eq_ignore_ascii_case(k))
            && plain(word)
            && !["type", "class", "entity", "resource"]
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w)))
        .then(|| Mention {
            text: format!("{word}Base"),
            link: None,
            line,
        })
    })
}

/// Whether the inheritance phrase at `start` speaks of the page's own type: not of a type
/// linked earlier in its sentence ("... [openIdConnectProvider](..) resource type, which will
/// inherit from identityProviderBase"), nor of a plural subject ("All the session controls
/// inherit from [conditionalAccessSessionControl]"): the bare "inherit" is plural unless
/// "will" or "to" governs it.
fn about_this_type(lower: &str, links: &[(usize, usize, &Link)], start: usize) -> bool {
    let sentence = lower[..start].rfind(". ").map_or(0, |i| i + 2);
    let before = lower[sentence..start].trim_end();
    let plural = lower[start..].starts_with("inherit from")
        && !(before.ends_with(" will") || before.ends_with(" to") || before == "will");
    !plural && !links.iter().any(|(s, _, _)| (sentence..start).contains(s))
}

/// Whether a paragraph says the page's own type is open, as `"openType": true` does: "This
/// is an _open type_", "This type is an open type", "It is an Open Type", "hence this is an
/// [open type](..)". Not of another type: a link before the phrase in its sentence
/// ("[x](..), which is an open type") names what it speaks of.
pub fn says_open_type(content: &Inline) -> bool {
    let lower = content.text.to_ascii_lowercase();
    let links = link_spans(content);
    lower.match_indices("is an ").any(|(at, phrase)| {
        let rest = lower[at + phrase.len()..].trim_start_matches(['_', '*', '`', '[']);
        if !rest.starts_with("open type") {
            return false;
        }
        let sentence = lower[..at].rfind(". ").map_or(0, |i| i + 2);
        let subject = lower[sentence..at]
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .trim_matches(['_', '*', '`']);
        ["this", "it", "type", "resource", "object"].contains(&subject)
            && !links.iter().any(|(s, _, _)| (sentence..at).contains(s))
    })
}

/// How a base type's page names the types derived from it, the list following the phrase:
/// "the derived types are [a](a.md), [b](b.md), and [c](c.md)", "Subtypes include [a] and
/// [b]", "Base type for [a]", "the base type for richer location types such as [room] and
/// [roomList]", "one of the following derived types: [a] and [b]", "is inherited by [a]".
const DERIVED_BEFORE_LIST: [&str; 12] = [
    "derived types are",
    "derived types include",
    "derived types:",
    "subtypes include",
    "subtypes are",
    "base type for",
    "base type of",
    "base class for",
    "base class of",
    "base resource for",
    "is inherited by",
    "are inherited by",
];

/// ... or the list preceding it: "[a](a.md) and [b](b.md) both inherit from this base type",
/// "[serviceEndpoint](..) types inherit from this type", "The [a] and [b] resources are
/// subclasses of this superclass".
const DERIVED_AFTER_LIST: [&str; 3] = [
    "inherit from this",
    "subclasses of this",
    "inherits from this",
];

/// Words between the phrase and its list that keep the list the phrase's: "the base type
/// for richer location types such as [room]" ends with "such as"; "a base class for apply
/// actions in the [accessReviewScheduleSettings]" does not, and names no derived type.
const LIST_LEADS: [&str; 6] = ["such as", "like", "including", "include", ":", "are"];

/// The types a paragraph of a base type's page names as derived from it.
pub fn derived_types(content: &Inline, line: usize) -> Vec<Mention> {
    let lower = content.text.to_ascii_lowercase();
    let links = link_spans(content);
    let mention = |link: &Link| Mention {
        text: link.text.trim_matches(|c| c == '*' || c == '`').to_string(),
        link: Some(link.dest.clone()),
        line,
    };
    let mut out: Vec<Mention> = Vec::new();
    for phrase in DERIVED_BEFORE_LIST {
        for (at, _) in lower.match_indices(phrase) {
            let end = at + phrase.len();
            let Some(first) = links.iter().position(|(start, _, _)| *start >= end) else {
                continue;
            };
            let gap = lower[end..links[first].0].trim();
            let leads = gap.is_empty()
                || only_decoration(gap)
                || LIST_LEADS.iter().any(|l| gap.ends_with(l))
                || gap
                    .split_whitespace()
                    .all(|w| ["the", "following"].contains(&w));
            if leads {
                out.extend(list_run(&content.text, &links, first, true).map(mention));
            }
        }
    }
    for phrase in DERIVED_AFTER_LIST {
        for (at, _) in lower.match_indices(phrase) {
            let Some(last) = links.iter().rposition(|(_, end, _)| *end <= at) else {
                continue;
            };
            let gap = &lower[links[last].1..at];
            let joined = gap
                .split(|c: char| c.is_whitespace() || c == ')' || c == '*')
                .filter(|w| !w.is_empty())
                .all(|w| {
                    [
                        "types",
                        "type",
                        "resources",
                        "resource",
                        "both",
                        "all",
                        "can",
                        "will",
                        "are",
                        "is",
                    ]
                    .contains(&w)
                });
            if joined {
                out.extend(list_run(&content.text, &links, last, false).map(mention));
            }
        }
    }
    out.sort_by(|a, b| a.text.cmp(&b.text));
    out.dedup_by(|a, b| a.text.eq_ignore_ascii_case(&b.text));
    out
}

/// The links of a list that starts (`forward`) or ends at `links[from]`, joined by commas,
/// "and" and "or".
fn list_run<'l>(
    text: &str,
    links: &'l [(usize, usize, &'l Link)],
    from: usize,
    forward: bool,
) -> impl Iterator<Item = &'l Link> {
    let joins = |a: usize, b: usize| {
        text[links[a].1..links[b].0]
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '*' | ')' | '('))
            .filter(|w| !w.is_empty())
            .all(|w| ["and", "or"].contains(&w.to_ascii_lowercase().as_str()))
    };
    let (mut first, mut last) = (from, from);
    if forward {
        while last + 1 < links.len() && joins(last, last + 1) {
            last += 1;
        }
    } else {
        while first > 0 && joins(first - 1, first) {
            first -= 1;
        }
    }
    links[first..=last].iter().map(|(_, _, l)| *l)
}

/// Each link with where its text sits in `content.text`, in order.
fn link_spans(content: &Inline) -> Vec<(usize, usize, &Link)> {
    content
        .links
        .iter()
        .filter(|l| {
            !l.text.is_empty() && content.text.get(l.at..l.at + l.text.len()) == Some(&l.text)
        })
        .map(|l| (l.at, l.at + l.text.len(), l))
        .collect()
}

/// The position after the words of `filler` that follow `at`.
fn skip_words(text: &str, mut at: usize, filler: &[&str]) -> usize {
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start();
        let word_len = trimmed
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(trimmed.len());
        let word = &trimmed[..word_len];
        if word.is_empty() || !filler.iter().any(|f| f.eq_ignore_ascii_case(word)) {
            return at + (rest.len() - trimmed.len());
        }
        at += rest.len() - trimmed.len() + word_len;
    }
}

/// Only markdown decoration and spaces: `**`, `` ` ``.
fn only_decoration(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || c == '*' || c == '`' || c == '_')
}

/// `## Derived types`: a section listing the types derived from the page's type.
pub fn is_derived_types_heading(heading: Option<&str>) -> bool {
    heading.is_some_and(|h| {
        let h = h.trim().to_ascii_lowercase();
        h == "derived types" || h == "derived resources" || h == "subtypes"
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
    // `### lobbyBypassScope values` over a `| Value | Description |` table.
    if first.starts_with("value") && (heading.contains("member") || heading.ends_with("values")) {
        return Some(Section::Members);
    }
    if !has_type_column {
        return None;
    }
    // The heading says what the table holds; a Properties section whose header reads
    // "Relationship" (`presence.md`) still lists properties.
    let named = |f: &str| f.starts_with("propert") || f.starts_with("relationship") || f == "name";
    if heading.contains("relationship") && named(&first) {
        return Some(Section::Relationships);
    }
    if heading.contains("propert") && named(&first) {
        return Some(Section::Properties);
    }
    if first.starts_with("relationship") {
        return Some(Section::Relationships);
    }
    if first.starts_with("propert") {
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
                at: 14,
            }],
            code_spans: vec![],
        };
        let m = inherits_from(&content, 3).unwrap();
        assert_eq!(
            (m.text.as_str(), m.link.as_deref()),
            ("entity", Some("entity.md"))
        );
    }

    /// `text` with each of `links` at the first place its text appears as a whole word
    /// after the previous one.
    fn linked(text: &str, links: &[(&str, &str)]) -> Inline {
        let mut from = 0;
        let links = links
            .iter()
            .filter_map(|(link_text, dest)| {
                let at = text[from..]
                    .match_indices(link_text)
                    .map(|(i, _)| from + i)
                    .find(|&i| {
                        let before = text[..i].chars().last();
                        let after = text[i + link_text.len()..].chars().next();
                        !before.is_some_and(char::is_alphanumeric)
                            && !after.is_some_and(char::is_alphanumeric)
                    })?;
                from = at + link_text.len();
                Some(Link {
                    text: link_text.to_string(),
                    dest: dest.to_string(),
                    at,
                })
            })
            .collect();
        Inline {
            text: text.into(),
            links,
            code_spans: vec![],
        }
    }

    fn base_of(text: &str, links: &[(&str, &str)]) -> Option<String> {
        inherits_from(&linked(text, links), 1).map(|m| m.text)
    }

    #[test]
    fn every_phrasing_of_inheritance() {
        let record = [("DomainDnsRecord", "domaindnsrecord.md")];
        for text in [
            "Inherited from DomainDnsRecord entity.",
            "This type will inherit from DomainDnsRecord.",
            "The following properties are inherited from **DomainDnsRecord**.",
            "This resource is a subtype of DomainDnsRecord.",
            "This resource is the derivative of the DomainDnsRecord resource.",
            "This creates a subclass from DomainDnsRecord, and more.",
            "Inherits from base class DomainDnsRecord.",
            "Inherits from the DomainDnsRecord.",
        ] {
            assert_eq!(
                base_of(text, &record).as_deref(),
                Some("DomainDnsRecord"),
                "{text}"
            );
        }
        // Unlinked, a name counts when written as a type name is.
        assert_eq!(
            base_of(
                "Derived from microsoft.graph.unifiedRoleManagementPolicyRule.",
                &[]
            )
            .as_deref(),
            Some("microsoft.graph.unifiedRoleManagementPolicyRule")
        );
        assert_eq!(
            base_of("Inherited from **baseItem**.", &[]).as_deref(),
            Some("baseItem")
        );
    }

    #[test]
    fn inheritance_phrases_about_something_else() {
        for (text, links) in [
            ("languagecode2 is derived from ISO 639-1.", vec![]),
            ("It's a singleton that inherits from base policy type.", vec![]),
            ("Other types inherit from this type.", vec![]),
            (
                "All the session controls inherit from conditionalAccessSessionControl.",
                vec![("conditionalAccessSessionControl", "x.md")],
            ),
            (
                "It is represented using openIdConnectProvider resource type, which will inherit from identityProviderBase.",
                vec![("openIdConnectProvider", "openidconnectprovider.md")],
            ),
        ] {
            assert_eq!(base_of(text, &links), None, "{text}");
        }
    }

    #[test]
    fn an_open_type_in_prose() {
        for (text, links) in [
            (
                "This is an _open type_ that represents a set of tokens.",
                vec![],
            ),
            (
                "The **x** resource lists things. This type is an open type.",
                vec![],
            ),
            ("It is an Open Type. It is part of the details.", vec![]),
            (
                "Names are not documented, hence this is an open type.",
                vec![("open type", "/aspnet/open-types")],
            ),
        ] {
            assert!(says_open_type(&linked(text, &links)), "{text}");
        }
        for (text, links) in [
            (
                "Properties of an Open Type can be defined by the client.",
                vec![],
            ),
            (
                "Its values are kept in tokenSet, which is an open type.",
                vec![("tokenSet", "tokenset.md")],
            ),
            ("This is an abstract type.", vec![]),
        ] {
            assert!(!says_open_type(&linked(text, &links)), "{text}");
        }
    }

    #[test]
    fn inherits_from_base_x_type_guesses_x_base() {
        let guess = |text: &str| inherits_from_base_word(&linked(text, &[]), 1).map(|m| m.text);
        assert_eq!(
            guess("It's a singleton that inherits from base policy type, and always exists.")
                .as_deref(),
            Some("policyBase")
        );
        assert_eq!(guess("Inherits from base class x."), None);
        assert_eq!(guess("Other types inherit from base policy type."), None);
        assert_eq!(guess("Inherits from base entity type."), None);
    }

    fn derived_of(text: &str, links: &[(&str, &str)]) -> Vec<String> {
        derived_types(&linked(text, links), 1)
            .into_iter()
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn base_pages_name_their_derived_types() {
        let abc = [
            ("alpha", "alpha.md"),
            ("beta", "beta.md"),
            ("gamma", "gamma.md"),
        ];
        for text in [
            "This is a base class; the derived types are alpha, beta, and gamma.",
            "Subtypes include alpha, beta or gamma.",
            "Base type for alpha, beta and gamma.",
            "This is the base type for richer location types such as alpha, beta and gamma.",
            "All entries exist as one of the following derived types: alpha, beta and gamma.",
            "alpha, beta and gamma both inherit from this base type.",
            "The alpha, beta and gamma resources are subclasses of this superclass.",
        ] {
            assert_eq!(derived_of(text, &abc), ["alpha", "beta", "gamma"], "{text}");
        }
        // The phrase leads to no list: these links name other things.
        assert!(derived_of(
            "Represents a base class for apply actions in the alpha of an beta.",
            &abc
        )
        .is_empty());
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
        // presence.md: a Properties section whose header says "Relationship".
        assert_eq!(
            table_section(
                Some("Properties"),
                &h(&["Relationship", "Type", "Description"])
            ),
            Some(Section::Properties)
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
