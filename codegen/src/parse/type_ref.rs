//! Type cells of Properties tables: `String`, `Int32`, `[x](x.md) collection`,
//! `Collection(microsoft.graph.x)`, `string (readonly)`, `Edm.Binary`, ...

use serde::Serialize;

use super::blocks::Inline;
use super::prose::is_type_name;
use crate::schema::Primitive;

/// What a type cell says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TypeCell {
    pub spelling: Spelling,
    pub collection: bool,
    pub read_only: bool,
    /// The cell as written (links reduced to text).
    pub written: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Spelling {
    Primitive(#[serde(serialize_with = "csdl")] Primitive),
    /// A type by name (bare or qualified) and maybe by the link to its page.
    Named {
        name: String,
        link: Option<String>,
    },
    /// Types joined by "or": `[appHostedMediaConfig](..) or [serviceHostedMediaConfig](..)`,
    /// a value of either, so of their common base type.
    Either(Vec<(String, Option<String>)>),
    /// Nothing with a clear meaning.
    Unrecognised,
}

fn csdl<S: serde::Serializer>(p: &Primitive, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(p.csdl_name())
}

/// Reads a type cell.
pub fn type_cell(cell: &Inline) -> TypeCell {
    let written = cell.text.trim().to_string();
    let lower = written.to_ascii_lowercase();
    let read_only = lower.contains("readonly") || lower.contains("read-only");
    // "collection" as a word: a type named `siteCollection` is one value, not a collection.
    let mut collection = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w == "collection")
        || written.ends_with("[]");

    // `[invitedUserMessageInfo](invitedusermessageinfo.md` with its `)` left out: markdown
    // reads no link, the cell still names the type and its page.
    if cell.links.is_empty() {
        if let Some((name, dest)) = written
            .strip_prefix('[')
            .and_then(|rest| rest.split_once("]("))
            .filter(|(name, dest)| is_type_name(name) && dest.ends_with(".md"))
        {
            return TypeCell {
                spelling: Spelling::Named {
                    name: name.to_string(),
                    link: Some(dest.to_string()),
                },
                collection,
                read_only,
                written,
            };
        }
    }
    if let Some(either) = alternatives(cell) {
        return TypeCell {
            spelling: Spelling::Either(either),
            collection,
            read_only,
            written,
        };
    }
    // A link names the type, unless its text is a primitive (`[String](...)`).
    if let Some(link) = cell.links.iter().find(|l| !l.dest.starts_with('#')) {
        let (inner, wrapped) = strip_collection(&clean(&link.text));
        collection |= wrapped;
        if let Some(p) = primitive(&inner) {
            return TypeCell {
                spelling: Spelling::Primitive(p),
                collection,
                read_only,
                written,
            };
        }
        let name = if is_type_name(&inner) {
            inner
        } else {
            // Fall back on the page the link points to.
            link_stem(&link.dest).unwrap_or(inner)
        };
        // `[](#)`-like links with neither text nor page name nothing.
        let spelling = if name.trim().is_empty() {
            Spelling::Unrecognised
        } else {
            Spelling::Named {
                name,
                link: Some(link.dest.clone()),
            }
        };
        return TypeCell {
            spelling,
            collection,
            read_only,
            written,
        };
    }

    let core = core_text(&written);
    let (inner, wrapped) = strip_collection(&core);
    collection |= wrapped;
    // `NAV.x` is how some pages write a navigation target; what follows must be a name.
    let named = inner.trim_start_matches("NAV.");
    let spelling = match primitive(&inner) {
        Some(p) => Spelling::Primitive(p),
        None if is_type_name(named) => Spelling::Named {
            name: named.to_string(),
            link: None,
        },
        None => Spelling::Unrecognised,
    };
    TypeCell {
        spelling,
        collection,
        read_only,
        written,
    }
}

/// Two or more links to type pages, joined only by "or" (and commas).
fn alternatives(cell: &Inline) -> Option<Vec<(String, Option<String>)>> {
    let links: Vec<_> = cell
        .links
        .iter()
        .filter(|l| !l.dest.starts_with('#') && !l.text.is_empty())
        .collect();
    if links.len() < 2 {
        return None;
    }
    let joined_by_or = links.windows(2).all(|pair| {
        let between = cell
            .text
            .get(pair[0].at + pair[0].text.len()..pair[1].at)
            .unwrap_or("");
        let words: Vec<&str> = between
            .split(|c: char| c.is_whitespace() || c == ',' || c == '*' || c == '`')
            .filter(|w| !w.is_empty())
            .collect();
        words == ["or"]
    });
    let names: Vec<(String, Option<String>)> = links
        .iter()
        .map(|l| (clean(&l.text), Some(l.dest.clone())))
        .collect();
    (joined_by_or
        && names
            .iter()
            .all(|(n, _)| is_type_name(n) && primitive(n).is_none()))
    .then_some(names)
}

/// The file stem of a link: `../resources/x.md#y` -> `x`.
pub fn link_stem(dest: &str) -> Option<String> {
    let path = dest.split(['#', '?']).next()?;
    let file = path.rsplit('/').next()?;
    let stem = file.strip_suffix(".md").unwrap_or(file);
    (!stem.is_empty()).then(|| stem.to_string())
}

/// Drops notes and decoration: `string (url)` -> `string`, `**x**` -> `x`,
/// `string, maximum size 20` -> `string`.
fn core_text(written: &str) -> String {
    let mut text = clean(written);
    if let Some(i) = text.find(" (") {
        if !text[..i].to_ascii_lowercase().starts_with("collection") {
            text.truncate(i);
        }
    }
    if let Some(i) = text.find([',', ';']) {
        text.truncate(i);
    }
    text.trim().to_string()
}

fn clean(text: &str) -> String {
    text.replace(['*', '`', '\u{a0}'], "")
        .trim()
        .trim_end_matches('.')
        .to_string()
}

/// `Collection(x)`, `x collection`, `collection of x`, `x[]` -> (`x`, true).
fn strip_collection(text: &str) -> (String, bool) {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    if lower.starts_with("collection(") && t.ends_with(')') {
        return (t[11..t.len() - 1].trim().to_string(), true);
    }
    if let Some(rest) = lower.strip_prefix("collection of ") {
        return (t[t.len() - rest.len()..].trim().to_string(), true);
    }
    if lower.ends_with(" collection") {
        return (t[..t.len() - 11].trim().to_string(), true);
    }
    if let Some(rest) = t.strip_suffix("[]") {
        return (rest.trim().to_string(), true);
    }
    (t.to_string(), false)
}

/// The primitive a spelling means, if any.
pub fn primitive(name: &str) -> Option<Primitive> {
    let lower = name.trim().to_ascii_lowercase();
    let lower = lower.strip_prefix("edm.").unwrap_or(&lower);
    Some(match lower {
        "string" | "str" | "url" | "uri" => Primitive::String,
        "boolean" | "bool" => Primitive::Boolean,
        "byte" => Primitive::Byte,
        "sbyte" => Primitive::SByte,
        "int16" => Primitive::Int16,
        "int32" | "int" | "integer" => Primitive::Int32,
        "int64" | "long" => Primitive::Int64,
        "single" | "float" => Primitive::Single,
        "double" | "number" => Primitive::Double,
        "decimal" => Primitive::Decimal,
        "datetimeoffset" | "datetime" | "timestamp" => Primitive::DateTimeOffset,
        "date" => Primitive::Date,
        "timeofday" => Primitive::TimeOfDay,
        "duration" | "timespan" => Primitive::Duration,
        "guid" | "uuid" => Primitive::Guid,
        "binary" | "base64" => Primitive::Binary,
        "stream" => Primitive::Stream,
        "json" | "untyped" | "object" | "json object" | "untyped json object" => Primitive::Untyped,
        _ => return None,
    })
}

/// The primitive a JSON representation value spells: `"String (timestamp)"` is how the
/// docs write a DateTimeOffset, `"String (ISO 8601 duration)"` a Duration, and so on.
pub fn representation_primitive(text: &str) -> Option<Primitive> {
    let lower = text.trim().to_ascii_lowercase();
    let (head, note) = match lower.split_once('(') {
        Some((h, n)) => (h.trim(), n.trim_end_matches(')').trim()),
        None => (lower.as_str(), ""),
    };
    let head = primitive(head)?;
    if head != Primitive::String {
        return Some(head);
    }
    Some(match note {
        "timestamp" | "iso 8601" | "iso 8601 format" | "datetimeoffset" => {
            Primitive::DateTimeOffset
        }
        "duration" | "iso 8601 duration" => Primitive::Duration,
        "time of day" | "timeofday" => Primitive::TimeOfDay,
        "date" => Primitive::Date,
        "binary" | "base64" => Primitive::Binary,
        // `"String (double)"`, `"String (guid)"`: a primitive the string holds.
        _ => match primitive(note) {
            Some(Primitive::Stream | Primitive::Untyped) | None => Primitive::String,
            Some(p) => p,
        },
    })
}

/// The primitive a JSON representation value names where a table writes a bare `String`,
/// when it says more: the name of a primitive a string carries on the wire (`"guid"`,
/// `"DateTimeOffset"`), or `"String (x)"` whose note names a primitive (`"String
/// (timestamp)"`, `"String (double)"`). Not `"Int32"` (another type, not a more specific
/// string), not a note on another head (`"Guid (identifier)"` marks a key), and not base64
/// text (`"string (base64)"`), which a String holding an encoded hash is as much as an
/// `Edm.Binary`.
pub fn more_specific_than_string(text: &str) -> Option<Primitive> {
    let lower = text.trim().to_ascii_lowercase();
    let p = match lower.split_once('(') {
        Some((head, _)) if primitive(head) == Some(Primitive::String) => {
            representation_primitive(&lower)?
        }
        Some(_) => return None,
        None => primitive(&lower).filter(|p| {
            matches!(
                p,
                Primitive::Guid
                    | Primitive::DateTimeOffset
                    | Primitive::Date
                    | Primitive::TimeOfDay
                    | Primitive::Duration
            )
        })?,
    };
    (!matches!(p, Primitive::String | Primitive::Binary)).then_some(p)
}

/// "Read-only." / "Not nullable." / "Nullable." in a description.
pub fn description_hints(description: &str) -> (bool, Option<bool>) {
    let lower = description.to_ascii_lowercase();
    let read_only = lower.contains("read-only") || lower.contains("readonly");
    let nullable = if lower.contains("not nullable") || lower.contains("non-nullable") {
        Some(false)
    } else if lower.contains("nullable") {
        Some(true)
    } else {
        None
    };
    (read_only, nullable)
}

/// A bare identifier as the docs write type and member names.
pub fn is_identifier(name: &str) -> bool {
    is_type_name(name) && !name.contains('.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Link;

    fn cell(text: &str) -> Inline {
        Inline {
            text: text.to_string(),
            ..Inline::default()
        }
    }

    fn linked(text: &str, dest: &str, after: &str) -> Inline {
        Inline {
            text: format!("{text}{after}"),
            links: vec![Link {
                text: text.to_string(),
                dest: dest.to_string(),
                at: 0,
            }],
            code_spans: vec![],
        }
    }

    fn prim(text: &str) -> (Spelling, bool) {
        let c = type_cell(&cell(text));
        (c.spelling, c.collection)
    }

    /// Found by the `type_cell` fuzz target: an empty link gave a type with an empty name.
    #[test]
    fn an_empty_link_names_nothing() {
        for dest in ["", "#", "../resources/"] {
            let c = type_cell(&linked("", dest, ""));
            assert_eq!(c.spelling, Spelling::Unrecognised, "{dest:?}");
        }
    }

    /// Found by the `type_cell` fuzz target: `NAV.` with nothing after named a type `""`.
    #[test]
    fn nav_with_no_name_names_nothing() {
        for text in ["NAV.\u{c}.", "NAV. ."] {
            assert_eq!(
                type_cell(&cell(text)).spelling,
                Spelling::Unrecognised,
                "{text:?}"
            );
        }
        assert_eq!(
            type_cell(&cell("NAV.microsoft.graph.x")).spelling,
            Spelling::Named {
                name: "microsoft.graph.x".into(),
                link: None
            }
        );
    }

    #[test]
    fn primitive_spellings() {
        for (text, p) in [
            ("String", Primitive::String),
            ("string", Primitive::String),
            ("Int32", Primitive::Int32),
            ("Integer", Primitive::Int32),
            ("Int64", Primitive::Int64),
            ("Boolean", Primitive::Boolean),
            ("Double", Primitive::Double),
            ("Single", Primitive::Single),
            ("DateTimeOffset", Primitive::DateTimeOffset),
            ("datetime", Primitive::DateTimeOffset),
            ("Date", Primitive::Date),
            ("TimeOfDay", Primitive::TimeOfDay),
            ("Duration", Primitive::Duration),
            ("Guid", Primitive::Guid),
            ("GUID", Primitive::Guid),
            ("Binary", Primitive::Binary),
            ("Edm.Binary", Primitive::Binary),
            ("Stream", Primitive::Stream),
            ("Json", Primitive::Untyped),
            ("string (readonly)", Primitive::String),
            ("string (url)", Primitive::String),
            ("string, maximum size 20", Primitive::String),
            ("**String**", Primitive::String),
        ] {
            assert_eq!(prim(text), (Spelling::Primitive(p), false), "{text}");
        }
    }

    #[test]
    fn collections() {
        assert_eq!(
            prim("String collection"),
            (Spelling::Primitive(Primitive::String), true)
        );
        assert_eq!(
            prim("Collection(Edm.String)"),
            (Spelling::Primitive(Primitive::String), true)
        );
        let named = |n: &str| Spelling::Named {
            name: n.into(),
            link: None,
        };
        assert_eq!(
            prim("Collection(microsoft.graph.x)"),
            (named("microsoft.graph.x"), true)
        );
        assert_eq!(prim("NAV.PostalAddress"), (named("PostalAddress"), false));
        // A name that ends in "Collection" is one value of that type.
        let c = type_cell(&linked("siteCollection", "sitecollection.md", ""));
        assert!(!c.collection);
        assert_eq!(
            representation_primitive("String (timestamp)"),
            Some(Primitive::DateTimeOffset)
        );
        assert_eq!(
            representation_primitive("String (ISO 8601 duration)"),
            Some(Primitive::Duration)
        );
        assert_eq!(
            representation_primitive("String (identifier)"),
            Some(Primitive::String)
        );
        assert_eq!(
            representation_primitive("String (double)"),
            Some(Primitive::Double)
        );
        assert_eq!(more_specific_than_string("guid"), Some(Primitive::Guid));
        assert_eq!(
            more_specific_than_string("String (double)"),
            Some(Primitive::Double)
        );
        assert_eq!(more_specific_than_string("Int32"), None);
        assert_eq!(more_specific_than_string("String (url)"), None);
        assert_eq!(more_specific_than_string("string"), None);
        assert_eq!(more_specific_than_string("Guid (identifier)"), None);
        assert_eq!(more_specific_than_string("string (base64)"), None);
    }

    #[test]
    fn types_joined_by_or_are_alternatives() {
        // call.md: `[appHostedMediaConfig](..) or [serviceHostedMediaConfig](..)`.
        let text = "appHostedMediaConfig or serviceHostedMediaConfig";
        let at = text.find("service").unwrap();
        let either = Inline {
            text: text.into(),
            links: vec![
                Link {
                    text: "appHostedMediaConfig".into(),
                    dest: "apphostedmediaconfig.md".into(),
                    at: 0,
                },
                Link {
                    text: "serviceHostedMediaConfig".into(),
                    dest: "servicehostedmediaconfig.md".into(),
                    at,
                },
            ],
            code_spans: vec![],
        };
        assert_eq!(
            type_cell(&either).spelling,
            Spelling::Either(vec![
                (
                    "appHostedMediaConfig".into(),
                    Some("apphostedmediaconfig.md".into())
                ),
                (
                    "serviceHostedMediaConfig".into(),
                    Some("servicehostedmediaconfig.md".into())
                ),
            ])
        );
        // Joined by anything else, the first link names the type.
        let mut and = either.clone();
        and.text = text.replace(" or ", " and ");
        and.links[1].at = at + 1;
        assert!(matches!(type_cell(&and).spelling, Spelling::Named { .. }));
    }

    #[test]
    fn links_name_the_type() {
        let c = type_cell(&linked("resultInfo", "resultinfo.md", ""));
        assert_eq!(
            c.spelling,
            Spelling::Named {
                name: "resultInfo".into(),
                link: Some("resultinfo.md".into())
            }
        );
        let c = type_cell(&linked(
            "attendee",
            "../resources/attendee.md",
            " collection",
        ));
        assert!(c.collection);
        let c = type_cell(&linked("String", "https://example.com", ""));
        assert_eq!(c.spelling, Spelling::Primitive(Primitive::String));
    }

    #[test]
    fn readonly_and_unrecognised() {
        assert!(type_cell(&cell("string (readonly)")).read_only);
        assert_eq!(
            prim("see below for details"),
            (Spelling::Unrecognised, false)
        );
        assert_eq!(link_stem("../resources/X.md#props").as_deref(), Some("X"));
        assert_eq!(
            description_hints("Read-only. Not nullable."),
            (true, Some(false))
        );
    }
}
