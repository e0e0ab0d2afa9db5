//! Request examples: the URL of each `request` block matched to one of its operation's path
//! templates, with the values it fills in, so that the generated request can be built from
//! them and compared with the documented one.

use serde_json::Value;

use crate::diagnostics::Location;
use crate::parse::api::Method;
use crate::parse::http;
use crate::parse::path::{around_placeholder, placeholder, Segment, Template};
use crate::parse::{Annotation, Page};
use crate::schema::operations::Operation;
use crate::schema::Schema;

use super::extract::{classify, Body};

/// A `request` block.
#[derive(Debug, Clone)]
pub struct RequestExample {
    pub source: Location,
    pub page: String,
    pub version: String,
    pub method: Option<Method>,
    /// The URL as written.
    pub target: String,
    pub body: Body,
    pub body_text: String,
    pub body_line: usize,
    /// The `Content-Type` header, lowercase.
    pub content_type: Option<String>,
    pub annotation: Annotation,
}

/// Whether an example is sent to Graph: a path, or a URL of `graph.microsoft.com` (not the
/// upload URL a session handed out, nor a download URL).
pub fn is_graph_request(example: &RequestExample) -> bool {
    let t = example.target.trim();
    t.starts_with('/')
        || [
            "https://graph.microsoft.com/",
            "http://graph.microsoft.com/",
        ]
        .iter()
        .any(|h| t.len() >= h.len() && t[..h.len()].eq_ignore_ascii_case(h))
        || !t.contains("://")
}

/// Every request block of `pages`.
pub fn extract(pages: &[Page]) -> Vec<RequestExample> {
    let mut out = Vec::new();
    for page in pages {
        let Some(version) = page.version.as_deref() else {
            continue;
        };
        for block in &page.annotated {
            if block.annotation.block_type.as_deref() != Some("request") {
                continue;
            }
            let Some(code) = &block.code else { continue };
            let Some(message) = http::split_request(&code.text) else {
                continue;
            };
            let body_line = code.body_line + message.body_line_offset;
            let content_type = message
                .headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case("content-type"))
                .map(|(_, v)| v.to_ascii_lowercase());
            out.push(RequestExample {
                source: Location::new(&page.path, block.line),
                page: page.path.clone(),
                version: version.to_string(),
                method: Method::parse(message.method),
                target: message.target.to_string(),
                body: classify(message.body, content_type.as_deref(), body_line),
                body_text: message.body.to_string(),
                body_line,
                content_type,
                annotation: block.annotation.clone(),
            });
        }
    }
    out
}

/// Where an example's URL led: an operation, one of its paths, the values it fills in.
#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    /// Index into `Schema::operations`.
    pub operation: usize,
    /// Index into the operation's `paths`.
    pub path: usize,
    /// The values of the path's placeholders, in order, decoded.
    pub values: Vec<String>,
    /// The query as written, decoded, by name.
    pub query: Vec<(String, String)>,
    /// The arguments of every function call of the URL, by name, unquoted and decoded.
    pub arguments: Vec<(String, String)>,
}

/// The operation and path an example's URL is sent to: the operations of its page first, then
/// any of its version with its method.
pub fn match_example(schema: &Schema, example: &RequestExample) -> Option<Matched> {
    let method = example.method?;
    let (path, query) = split_url(&example.target);
    let segments = url_segments(&path)?;
    let query = query_pairs(query);
    let candidates = |same_page: bool| {
        schema.operations.iter().enumerate().filter(move |(_, o)| {
            o.version == example.version
                && o.method == method
                && (o.source.file == example.page) == same_page
        })
    };
    let arguments = segments
        .iter()
        .filter_map(|s| match s {
            UrlSegment::Plain(s) => call_arguments(s),
            UrlSegment::Addressed(_) => None,
        })
        .flatten()
        .collect();
    candidates(true)
        .chain(candidates(false))
        .find_map(|(i, o)| match_operation(o, &segments, &query).map(|(p, values)| (i, p, values)))
        .map(|(operation, path, values)| Matched {
            operation,
            path,
            values,
            query,
            arguments,
        })
}

/// The path of `o` the URL matches, with its values: its segments, and the query options its
/// template requires (`calendarView?startDateTime={x}`) given.
fn match_operation(
    o: &Operation,
    segments: &[UrlSegment],
    query: &[(String, String)],
) -> Option<(usize, Vec<String>)> {
    let function = o.kind == crate::schema::operations::OperationKind::Function;
    let required_given = |template: &Template| {
        query_pairs(template.query.as_deref())
            .iter()
            .filter(|(_, value)| placeholder(value).is_some())
            .all(|(name, _)| query.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)))
    };
    // A template that writes the call's arguments before one that names the function alone
    // (`image(width={w},height={h})` before `image`, which the same URL also fits).
    let find = |function: bool| {
        o.paths.iter().enumerate().find_map(|(i, p)| {
            match_template(&p.template, segments, function)
                .filter(|_| required_given(&p.template))
                .map(|v| (i, v))
        })
    };
    find(false).or_else(|| if function { find(true) } else { None })
}

/// `cell(row=5,column='B')` -> `[("row", "5"), ("column", "B")]`.
fn call_arguments(segment: &str) -> Option<Vec<(String, String)>> {
    let (_, inner) = segment.split_once('(')?;
    let inner = inner.strip_suffix(')')?;
    Some(
        split_outside(inner, ',')
            .into_iter()
            .filter_map(|a| {
                let (name, value) = a.split_once('=')?;
                let value = value.trim();
                let value = match value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
                    Some(quoted) => quoted.replace("''", "'"),
                    None => value.to_string(),
                };
                Some((decode(name.trim()), decode(&value)))
            })
            .collect(),
    )
}

/// A segment of an example's URL.
#[derive(Debug, Clone, PartialEq)]
enum UrlSegment {
    Plain(String),
    /// `:/Docs/plan.docx:` after a segment.
    Addressed(String),
}

/// The values `segments` give the template's placeholders, in order, if they match it. The
/// last segment of a `function`'s template may name it without the arguments the URL gives
/// (`range/cell` for `range/cell(row=5,column=6)`): they are its parameters.
fn match_template(
    template: &Template,
    segments: &[UrlSegment],
    function: bool,
) -> Option<Vec<String>> {
    if template.segments.len() != segments.len() {
        return None;
    }
    let mut values = Vec::new();
    let last = segments.len() - 1;
    for (at, (t, u)) in template.segments.iter().zip(segments).enumerate() {
        match (t, u) {
            (Segment::Name { name }, UrlSegment::Plain(s))
                if function && at == last && s.contains('(') =>
            {
                if !s
                    .split('(')
                    .next()
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
                {
                    return None;
                }
            }
            (Segment::Name { name }, UrlSegment::Plain(s))
            | (Segment::Cast { name }, UrlSegment::Plain(s)) => {
                if !name.eq_ignore_ascii_case(s) {
                    return None;
                }
            }
            (Segment::Key { .. }, UrlSegment::Plain(s)) => {
                if s.is_empty() {
                    return None;
                }
                values.push(decode(s));
            }
            (Segment::Call { name, args }, UrlSegment::Plain(s)) => {
                let (called, inner) = s.split_once('(')?;
                if !called.eq_ignore_ascii_case(name) {
                    return None;
                }
                let inner = inner.strip_suffix(')')?;
                let given: Vec<(Option<String>, String)> = split_outside(inner, ',')
                    .into_iter()
                    .filter(|a| !a.trim().is_empty())
                    .map(|a| match a.split_once('=') {
                        Some((n, v)) if !n.contains('\'') => {
                            (Some(n.trim().to_string()), v.trim().to_string())
                        }
                        _ => (None, a.trim().to_string()),
                    })
                    .collect();
                // The call writes what the template writes, no more: `image(width={w})` is
                // not `image(width=640,height=480)`.
                if given.len() != args.len() {
                    return None;
                }
                // Named arguments by name (`getX(date=...)` is not `getX(period=...)`);
                // unnamed ones (a key in parentheses) by position.
                for (i, arg) in args.iter().enumerate() {
                    let found = if arg.name.is_empty() || given.iter().all(|(n, _)| n.is_none()) {
                        given.get(i)
                    } else {
                        given.iter().find(|(n, _)| {
                            n.as_deref()
                                .is_some_and(|n| n.eq_ignore_ascii_case(&arg.name))
                        })
                    }?;
                    // The value between what the template writes around its placeholder
                    // (`'...'`, `microsoft.graph.timeZoneStandard'...'`), when the URL writes
                    // that too.
                    if let Some((before, after)) = around_placeholder(&arg.value) {
                        let given = found.1.as_str();
                        let inner = strip_prefix_ignoring_case(given, before.trim())
                            .and_then(|v| v.strip_suffix(after.trim()))
                            .unwrap_or(given);
                        let v = if before.trim().ends_with('\'') {
                            inner.replace("''", "'")
                        } else {
                            inner.to_string()
                        };
                        values.push(decode(&v));
                    }
                }
            }
            (Segment::Addressed { path }, UrlSegment::Addressed(p)) => {
                if placeholder(path).is_some() {
                    values.push(decode(p));
                } else if !path.eq_ignore_ascii_case(p) {
                    return None;
                }
            }
            (Segment::Value, UrlSegment::Plain(s)) if s == "$value" => {}
            (Segment::Ref, UrlSegment::Plain(s)) if s == "$ref" => {}
            (Segment::Count, UrlSegment::Plain(s)) if s == "$count" => {}
            _ => return None,
        }
    }
    Some(values)
}

/// `$top=5&$filter=a eq 'x&y'` -> `[("$top", "5"), ("$filter", "a eq 'x&y'")]`, decoded.
pub fn query_pairs(query: Option<&str>) -> Vec<(String, String)> {
    query
        .map(|q| {
            split_outside(q, '&')
                .into_iter()
                .filter(|p| !p.is_empty())
                .map(|pair| match pair.split_once('=') {
                    Some((n, v)) => (decode(n), decode(v)),
                    None => (decode(&pair), String::new()),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.get(..prefix.len())
        .filter(|head| head.eq_ignore_ascii_case(prefix))
        .map(|_| &text[prefix.len()..])
}

/// `https://graph.microsoft.com/v1.0/me/messages?$top=5` -> (`/me/messages`, `$top=5`).
pub fn split_url(target: &str) -> (String, Option<&str>) {
    let mut rest = target.trim();
    for scheme in ["https://", "http://"] {
        if let Some(after) = rest.strip_prefix(scheme) {
            rest = after.find('/').map_or("", |i| &after[i..]);
        }
    }
    for version in ["/v1.0", "/beta"] {
        let prefix = rest.get(..version.len());
        if prefix.is_some_and(|p| p.eq_ignore_ascii_case(version)) {
            let after = &rest[version.len()..];
            if after.is_empty() || after.starts_with(['/', '?']) {
                rest = after;
            }
        }
    }
    let (path, query) = match find_outside(rest, '?') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let path = if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    };
    (path, query)
}

/// The segments of a path, an item path (`root:/a/b:`) kept whole.
fn url_segments(path: &str) -> Option<Vec<UrlSegment>> {
    let parts = split_outside(path.strip_prefix('/')?, '/');
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let part = &parts[i];
        i += 1;
        if part.is_empty() && i == parts.len() {
            break;
        }
        if let Some(head) = part.strip_suffix(':') {
            out.push(UrlSegment::Plain(head.to_string()));
            let mut item = Vec::new();
            while i < parts.len() {
                let p = &parts[i];
                i += 1;
                if let Some(last) = p.strip_suffix(':') {
                    item.push(last.to_string());
                    break;
                }
                item.push(p.clone());
            }
            out.push(UrlSegment::Addressed(item.join("/")));
            continue;
        }
        out.push(UrlSegment::Plain(part.clone()));
    }
    Some(out)
}

/// Splits on `sep` outside quotes and parentheses.
fn split_outside(text: &str, sep: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut depth = 0i32;
    let mut quote = false;
    for c in text.chars() {
        match c {
            '\'' => quote = !quote,
            '(' if !quote => depth += 1,
            ')' if !quote => depth -= 1,
            c if c == sep && !quote && depth <= 0 => {
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

fn find_outside(text: &str, wanted: char) -> Option<usize> {
    let mut depth = 0i32;
    let mut quote = false;
    for (i, c) in text.char_indices() {
        match c {
            '\'' => quote = !quote,
            '(' if !quote => depth += 1,
            ')' if !quote => depth -= 1,
            c if c == wanted && !quote && depth <= 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// Percent-decoding (the runtime's `decode`; the engine does not depend on the runtime).
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied(),
            bytes.get(i + 2).copied(),
        ) {
            (b'%', Some(h), Some(l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The JSON body of an example, if it has one.
pub fn json_body(example: &RequestExample) -> Option<&Value> {
    match &example.body {
        Body::Json(v) => Some(v),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::path::template;

    fn segments(url: &str) -> Vec<UrlSegment> {
        url_segments(&split_url(url).0).unwrap()
    }

    #[test]
    fn urls_match_templates_and_give_their_values() {
        let t = template("/users/{id | userPrincipalName}/messages/{id}").unwrap();
        assert_eq!(
            match_template(
                &t,
                &segments("https://graph.microsoft.com/v1.0/users/a%40b.com/messages/AAMk="),
                false
            ),
            Some(vec!["a@b.com".to_string(), "AAMk=".to_string()])
        );
        assert_eq!(
            match_template(&t, &segments("/users/x/events/y"), false),
            None
        );
        let t = template("/me/reminderView(startDateTime={s},endDateTime={e})").unwrap();
        assert_eq!(
            match_template(
                &t,
                &segments("/me/reminderView(startDateTime='2017-06-05T10:00:00',endDateTime='2017-06-11T11:00:00')"),
                false
            ),
            Some(vec!["'2017-06-05T10:00:00'".to_string(), "'2017-06-11T11:00:00'".to_string()])
        );
        let t = template("/reports/getX(period='{period_value}')").unwrap();
        assert_eq!(
            match_template(&t, &segments("/beta/reports/getX(period='D7')"), false),
            Some(vec!["D7".to_string()])
        );
        let t = template("/drives/{drive-id}/root:/{item-path}:/content").unwrap();
        assert_eq!(
            match_template(
                &t,
                &segments("/drives/b!x/root:/Docs/Q1%20plan.docx:/content"),
                false
            ),
            Some(vec!["b!x".to_string(), "Docs/Q1 plan.docx".to_string()])
        );
        // A function named without the arguments the URL gives.
        let t = template("/me/drive/items/{id}/workbook/names/{name}/range/cell").unwrap();
        let url = segments("/me/drive/items/x/workbook/names/n/range/cell(row=5,column='B')");
        assert_eq!(match_template(&t, &url, false), None);
        assert_eq!(
            match_template(&t, &url, true),
            Some(vec!["x".to_string(), "n".to_string()])
        );
        assert_eq!(
            call_arguments("cell(row=5,column='B''s')"),
            Some(vec![
                ("row".into(), "5".into()),
                ("column".into(), "B's".into())
            ])
        );
    }

    #[test]
    fn queries_split_outside_quotes_and_parentheses() {
        let (path, query) = split_url("/users?$filter=startswith(displayName,'a&b')&$top=5");
        assert_eq!(path, "/users");
        assert_eq!(
            split_outside(query.unwrap(), '&'),
            ["$filter=startswith(displayName,'a&b')", "$top=5"]
        );
    }
}
