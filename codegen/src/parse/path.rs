//! Request paths as the API pages write them: `/users/{id | userPrincipalName}/sendMail`,
//! `/me/reminderView(startDateTime={startDateTime-value},endDateTime={endDateTime-value})`,
//! `/drives/{drive-id}/root:/{item-path}:/content`, `/groups/{id}/members/$ref`,
//! `/groups/{id}/members/microsoft.graph.user`.
//!
//! Only the syntax is read here; which segment is a navigation property, an action or an
//! entity set is resolve's to say.

use serde::Serialize;

/// One segment of a path template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Segment {
    /// A name: an entity set or singleton, a navigation or structural property, an action, a
    /// function without arguments (`users`, `sendMail`, `delta`, `root`).
    Name { name: String },
    /// A key: `{id}`, `{user-id}`, `{id | userPrincipalName}` (either names the item).
    Key { params: Vec<String> },
    /// A function call or a key in parentheses: `reminderView(startDateTime={x},...)`,
    /// `range(address='{address}')`, `delta()`.
    Call { name: String, args: Vec<Arg> },
    /// A type cast: `microsoft.graph.user`.
    Cast { name: String },
    /// `:/{item-path}:` after a segment: an item addressed by its path.
    Addressed { path: String },
    /// `$value`: the media content.
    Value,
    /// `$ref`: the reference, not the object.
    Ref,
    /// `$count`.
    Count,
}

/// `name=value` inside a call; `value` as written (`{x}`, `'{x}'`, `'A1:B2'`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Arg {
    pub name: String,
    pub value: String,
}

/// A path template and the query string written after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Template {
    pub segments: Vec<Segment>,
    /// The query string as written, without `?`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
}

impl Template {
    /// Every placeholder (`{id}`, `{startDateTime-value}`) in the path, in order.
    pub fn placeholders(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for s in &self.segments {
            match s {
                Segment::Key { params } => out.extend(params.first().map(String::as_str)),
                Segment::Call { args, .. } => {
                    out.extend(args.iter().filter_map(|a| placeholder(&a.value)))
                }
                Segment::Addressed { path } => out.extend(placeholder(path)),
                _ => {}
            }
        }
        out
    }
}

/// `{x}`, `'{x}'`, `"{x}"` -> `x`; the pages also write `<x>` (`range(address='<address>')`),
/// and an enum value with its type (`microsoft.graph.timeZoneStandard'{x}'`).
pub fn placeholder(value: &str) -> Option<&str> {
    let v = without_type_prefix(value.trim()).trim_matches(['\'', '"']);
    v.strip_prefix('{')
        .and_then(|v| v.strip_suffix('}'))
        .or_else(|| v.strip_prefix('<')?.strip_suffix('>'))
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// Reads a path (starting with `/`), with an optional `?query`. The docs' notations beyond
/// OData are read as what they mean ([`mended`] says which a path uses): `.../` for "any
/// depth of the segments before" (one level), `(team-id)` for `{team-id}`, `{user-id} |
/// user-principal-name` for `{user-id | user-principal-name}`, `[?includeIDs=true]` for an
/// optional query.
pub fn template(text: &str) -> Result<Template, String> {
    let text = text.trim();
    let unbracketed;
    let text = match optional_query(text) {
        Some(t) => {
            unbracketed = t;
            unbracketed.as_str()
        }
        None => text,
    };
    let (path, query) = split_query(text);
    let path = path
        .strip_prefix('/')
        .ok_or_else(|| format!("{text:?} does not start with `/`"))?;
    let mut segments = Vec::new();
    let parts = split_segments(path)?;
    let mut i = 0;
    while i < parts.len() {
        let part = parts[i].as_str();
        i += 1;
        if part.is_empty() {
            // A trailing slash (`/publishingProfiles/{type}/`) names nothing more.
            if i == parts.len() {
                break;
            }
            return Err("an empty segment (`//`)".to_string());
        }
        if part == "..." {
            continue;
        }
        // `root:/{item-path}:`: from a segment ending in `:` to the next one ending in `:`.
        if let Some(head) = part.strip_suffix(':') {
            segments.push(segment(head)?);
            let mut path_parts = Vec::new();
            let mut closed = false;
            while i < parts.len() {
                let p = &parts[i];
                i += 1;
                if let Some(last) = p.strip_suffix(':') {
                    path_parts.push(last.to_string());
                    closed = true;
                    break;
                }
                path_parts.push(p.clone());
            }
            let _ = closed; // `root:/{item-path}` without the closing colon ends the path.
            segments.push(Segment::Addressed {
                path: path_parts.join("/"),
            });
            continue;
        }
        segments.push(segment(part)?);
    }
    if segments.is_empty() {
        return Err("an empty path".to_string());
    }
    Ok(Template {
        segments,
        query: query.map(str::to_string),
    })
}

fn split_query(text: &str) -> (&str, Option<&str>) {
    // A `?` inside braces or quotes is part of the path.
    let mut depth = 0i32;
    let mut quote = false;
    for (i, c) in text.char_indices() {
        match c {
            '\'' => quote = !quote,
            '{' | '(' if !quote => depth += 1,
            '}' | ')' if !quote => depth -= 1,
            '?' if !quote && depth <= 0 => return (&text[..i], Some(&text[i + 1..])),
            _ => {}
        }
    }
    (text, None)
}

/// Splits on `/` outside braces, parentheses and quotes.
fn split_segments(path: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut depth = 0i32;
    let mut quote = false;
    for c in path.chars() {
        match c {
            '\'' => quote = !quote,
            '{' | '(' if !quote => depth += 1,
            '}' | ')' if !quote => depth -= 1,
            '/' if !quote && depth == 0 => {
                out.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if depth != 0 {
        return Err("unbalanced braces or parentheses".to_string());
    }
    out.push(current);
    Ok(out)
}

fn segment(part: &str) -> Result<Segment, String> {
    let part = part.trim();
    match part {
        "$value" => return Ok(Segment::Value),
        "$ref" => return Ok(Segment::Ref),
        "$count" => return Ok(Segment::Count),
        _ => {}
    }
    // A value where the key goes (`/assignments/cf6005fc-9e13-44a2-a6ac-a53322006454`) stands
    // for the key, as an example would fill it in; the reader says so at the line.
    if is_guid(part) {
        return Ok(Segment::Key {
            params: vec!["id".to_string()],
        });
    }
    // `{user-id} | user-principal-name`: the alternatives written outside the braces.
    if let Some((key, others)) = part.split_once('}').filter(|_| part.starts_with('{')) {
        if let Some(others) = others.trim().strip_prefix('|') {
            let params = std::iter::once(key.trim_start_matches('{'))
                .chain(others.split('|'))
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect();
            return Ok(Segment::Key { params });
        }
    }
    // `(team-id)`: a key in parentheses instead of braces.
    if let Some(inner) = part.strip_prefix('(').and_then(|p| p.strip_suffix(')')) {
        if is_name(inner) {
            return Ok(Segment::Key {
                params: vec![inner.to_string()],
            });
        }
    }
    if let Some(inner) = part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
        let params = inner
            .split('|')
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>();
        if params.is_empty() {
            return Err(format!("empty key `{part}`"));
        }
        return Ok(Segment::Key { params });
    }
    if let Some(open) = part.find('(') {
        let name = &part[..open];
        let inner = part[open + 1..]
            .strip_suffix(')')
            .ok_or_else(|| format!("`{part}` does not close its parentheses"))?;
        if !is_name(name) {
            return Err(format!("`{part}` is no call: `{name}` is not a name"));
        }
        let args = split_args(inner)
            .into_iter()
            .filter(|a| !a.trim().is_empty())
            .map(|a| match a.split_once('=') {
                Some((n, v)) => Arg {
                    name: n.trim().to_string(),
                    value: argument_placeholder(n.trim(), v.trim()),
                },
                // `users('{id}')`: a key in parentheses.
                None => Arg {
                    name: String::new(),
                    value: a.trim().to_string(),
                },
            })
            .collect();
        return Ok(Segment::Call {
            name: name.to_string(),
            args,
        });
    }
    if part.contains('.') && part.split('.').all(is_name) {
        return Ok(Segment::Cast {
            name: part.to_string(),
        });
    }
    if is_name(part) {
        return Ok(Segment::Name {
            name: part.to_string(),
        });
    }
    Err(format!(
        "`{part}` is neither a name, a key, a call nor a cast"
    ))
}

/// `microsoft.graph.timeZoneStandard'Iana'` -> `'Iana'`: the type OData lets an enum value
/// name before it.
fn without_type_prefix(value: &str) -> &str {
    match value.find('\'') {
        Some(i)
            if i > 0
                && value[..i]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.') =>
        {
            &value[i..]
        }
        _ => value,
    }
}

/// `'{x}'` -> (`'`, `'`), `microsoft.graph.t'<x>'` -> (`microsoft.graph.t'`, `'`): what an
/// argument writes around its placeholder, if it holds one.
pub fn around_placeholder(value: &str) -> Option<(&str, &str)> {
    let name = placeholder(value)?;
    let at = value.find(name)?;
    let open = value[..at].rfind(['{', '<'])?;
    let close = at + name.len() + value[at + name.len()..].find(['}', '>'])?;
    Some((&value[..open], &value[close + 1..]))
}

/// A request line describes a call, not one instance of it: what it writes for an argument
/// (`count=n`, `period='D7'`, `startDateTime='2017-01-01'`) stands for the value to fill in,
/// as `{count}` would; between quotes when it was written between quotes.
fn argument_placeholder(name: &str, value: &str) -> String {
    let typed = without_type_prefix(value);
    let prefix = &value[..value.len() - typed.len()];
    if placeholder(value).is_some() || name.is_empty() {
        value.to_string()
    } else if typed.starts_with('\'') {
        format!("{prefix}'{{{name}}}'")
    } else {
        format!("{{{name}}}")
    }
}

/// `8-4-4-4-12` hex digits: a value, never a name.
pub fn is_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `/x/content[?includeIDs=true]` -> `/x/content?includeIDs=true`.
fn optional_query(text: &str) -> Option<String> {
    let open = text.find("[?")?;
    let inner = text[open + 1..].strip_suffix(']')?;
    Some(format!("{}{inner}", &text[..open]))
}

/// The docs' notations beyond OData that a path uses, as [`template`] reads them.
pub fn mended(path: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    if optional_query(path.trim()).is_some() {
        out.push("writes an optional query in brackets (read as the query)");
    }
    let parts = split_segments(path.trim().trim_start_matches('/')).unwrap_or_default();
    if parts.iter().any(|p| p == "...") {
        out.push("writes `...` for any depth of the segments before it (read with one level)");
    }
    if parts
        .iter()
        .any(|p| p.starts_with('(') && p.ends_with(')') && is_name(&p[1..p.len() - 1]))
    {
        out.push("writes a key in parentheses instead of braces");
    }
    if parts.iter().any(|p| {
        p.starts_with('{')
            && p.split_once('}')
                .is_some_and(|(_, r)| r.trim().starts_with('|'))
    }) {
        out.push("writes a key's alternatives outside its braces");
    }
    out
}

/// The values a page writes where its path's keys or arguments go: `cf6005fc-...` segments
/// and arguments written as values (`rowsAbove(count=n)`), each read as a placeholder.
pub fn filled_in(path: &str) -> Vec<String> {
    let Ok(parts) = split_segments(path.trim().trim_start_matches('/')) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for part in parts {
        let part = part.trim().trim_end_matches(':');
        if is_guid(part) {
            out.push(format!("`{part}` as the key `{{id}}`"));
        } else if let Some((_, inner)) = part.split_once('(') {
            for arg in split_args(inner.trim_end_matches(')')) {
                if let Some((name, value)) = arg.split_once('=') {
                    let (name, value) = (name.trim(), value.trim());
                    let read = argument_placeholder(name, value);
                    if read != value {
                        out.push(format!("`{name}={value}` as `{name}={read}`"));
                    }
                }
            }
        }
    }
    out
}

fn split_args(inner: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut depth = 0i32;
    let mut quote = false;
    for c in inner.chars() {
        match c {
            '\'' => quote = !quote,
            '{' | '(' if !quote => depth += 1,
            '}' | ')' if !quote => depth -= 1,
            ',' if !quote && depth == 0 => {
                out.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    out.push(current);
    out
}

/// Letters, digits, `_`, `-` and `@`, starting with a letter or `_`: `users`,
/// `microsoft.graph.x` segments, `site-id`-free names.
fn is_name(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '@'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(n: &str) -> Segment {
        Segment::Name { name: n.into() }
    }

    fn key(params: &[&str]) -> Segment {
        Segment::Key {
            params: params.iter().map(|p| p.to_string()).collect(),
        }
    }

    #[test]
    fn names_and_keys() {
        let t = template("/users/{id | userPrincipalName}/sendMail").unwrap();
        assert_eq!(
            t.segments,
            [
                name("users"),
                key(&["id", "userPrincipalName"]),
                name("sendMail")
            ]
        );
        assert_eq!(t.placeholders(), ["id"]);
        let t = template("/chats/{chat-id}/operations/{operation-id}").unwrap();
        assert_eq!(t.placeholders(), ["chat-id", "operation-id"]);
    }

    #[test]
    fn calls_casts_and_dollar_segments() {
        let t = template(
            "/me/reminderView(startDateTime={startDateTime-value},endDateTime={endDateTime-value})",
        )
        .unwrap();
        assert_eq!(
            t.segments[1],
            Segment::Call {
                name: "reminderView".into(),
                args: vec![
                    Arg {
                        name: "startDateTime".into(),
                        value: "{startDateTime-value}".into()
                    },
                    Arg {
                        name: "endDateTime".into(),
                        value: "{endDateTime-value}".into()
                    },
                ]
            }
        );
        assert_eq!(
            t.placeholders(),
            ["startDateTime-value", "endDateTime-value"]
        );
        let t = template("/groups/{id}/members/microsoft.graph.user/$count").unwrap();
        assert_eq!(
            t.segments[3..],
            [
                Segment::Cast {
                    name: "microsoft.graph.user".into()
                },
                Segment::Count
            ]
        );
        let t = template("/groups/{id}/members/{id}/$ref").unwrap();
        assert_eq!(t.segments[4], Segment::Ref);
        assert_eq!(
            template("/me/photo/$value").unwrap().segments[2],
            Segment::Value
        );
        let t = template("/me/workbook/worksheets/{id}/range(address='A1:B2')").unwrap();
        assert!(matches!(&t.segments[4], Segment::Call { name, .. } if name == "range"));
    }

    #[test]
    fn items_addressed_by_path() {
        let t = template("/drives/{drive-id}/root:/{item-path}:/content").unwrap();
        assert_eq!(
            t.segments,
            [
                name("drives"),
                key(&["drive-id"]),
                name("root"),
                Segment::Addressed {
                    path: "{item-path}".into()
                },
                name("content")
            ]
        );
        assert_eq!(t.placeholders(), ["drive-id", "item-path"]);
        let t = template("/sites/{hostname}:/{server-relative-path}").unwrap();
        assert_eq!(t.segments.len(), 3);
    }

    #[test]
    fn query_strings_and_odd_paths() {
        let t = template("/users?$filter=startswith(displayName,'a')&$top=5").unwrap();
        assert_eq!(t.segments, [name("users")]);
        assert_eq!(
            t.query.as_deref(),
            Some("$filter=startswith(displayName,'a')&$top=5")
        );
        assert_eq!(
            template("/onPremisesPublishingProfiles/{publishingType}/")
                .unwrap()
                .segments
                .len(),
            2
        );
        assert!(template("users").is_err());
        assert!(template("/users/{id").is_err());
        assert!(template("/** Entity URI for x not found").is_err());
    }

    #[test]
    fn values_written_where_placeholders_go() {
        let line = "/education/classes/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793/assignments";
        let t = template(line).unwrap();
        assert_eq!(t.segments[2], key(&["id"]));
        assert_eq!(filled_in(line).len(), 1);
        let line = "/me/drive/items/{id}/workbook/worksheets/{id}/range/rowsAbove(count=n)";
        let t = template(line).unwrap();
        assert_eq!(t.placeholders(), ["id", "id", "count"]);
        assert_eq!(filled_in(line), ["`count=n` as `count={count}`"]);
        let line = "/drives/{d}/items/{i}/getActivitiesByInterval(startDateTime='2017-01-01',interval='day')";
        assert_eq!(
            template(line).unwrap().placeholders(),
            ["d", "i", "startDateTime", "interval"]
        );
        assert_eq!(filled_in(line).len(), 2);
        // Placeholders stay placeholders; keys in parentheses stay keys.
        for line in [
            "/me/x/range(address='<address>')",
            "/me/x/delta(token='{token}')",
            "/users('{id}')",
        ] {
            assert!(filled_in(line).is_empty(), "{line}");
        }
        assert!(!is_guid("acdefc6b-2dc6-4e71-b1e9"));
        let t = template("/me/x/worksheets/{id|name}/range(address='<address>')/cell").unwrap();
        assert_eq!(t.placeholders(), ["id", "address"]);
        // An enum value with its type keeps the type around the placeholder.
        let t = template("/me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'{timezone_format}')").unwrap();
        assert_eq!(t.placeholders(), ["timezone_format"]);
        assert_eq!(
            around_placeholder("microsoft.graph.timeZoneStandard'{timezone_format}'"),
            Some(("microsoft.graph.timeZoneStandard'", "'"))
        );
        assert_eq!(around_placeholder("{x}"), Some(("", "")));
        assert_eq!(around_placeholder("'<address>'"), Some(("'", "'")));
        let t = template("/reports/getX(kind=microsoft.graph.kind'daily')").unwrap();
        assert_eq!(t.placeholders(), ["kind"]);
    }

    #[test]
    fn notations_beyond_odata() {
        for (line, read) in [
            (
                "/me/mailFolders/{id}/childFolders/{id}/.../messages/{id}",
                vec!["id", "id", "id"],
            ),
            (
                "/teams/(team-id)/channels/{channel-id}",
                vec!["team-id", "channel-id"],
            ),
            (
                "/users/{user-id} | user-principal-name/chats/{chat-id}",
                vec!["user-id", "chat-id"],
            ),
            (
                "/me/onenote/pages/{id}/content[?includeIDs=true]",
                vec!["id"],
            ),
        ] {
            let t = template(line).unwrap_or_else(|e| panic!("{line}: {e}"));
            assert_eq!(t.placeholders(), read, "{line}");
            assert_eq!(mended(line).len(), 1, "{line}");
        }
        let t = template("/me/onenote/pages/{id}/content[?includeIDs=true]").unwrap();
        assert_eq!(t.query.as_deref(), Some("includeIDs=true"));
        assert!(mended("/users/{id}/messages").is_empty());
    }
}
