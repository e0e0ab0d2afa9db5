//! API pages -> operation drafts: the request lines of a page grouped into operations, each
//! named, with what the page says of its response.

use std::borrow::Cow;

use crate::diagnostics::Location;
use crate::parse::api::{ApiPage, Method, RequestLine};
use crate::parse::path::Segment;
use crate::parse::Page;

/// The request lines of one page that make one operation, before they are walked.
#[derive(Debug)]
pub struct Draft<'p> {
    pub page: &'p Page,
    pub api: &'p ApiPage,
    pub version: String,
    pub method: Method,
    pub class: Class,
    pub lines: Vec<Cow<'p, RequestLine>>,
    /// Per line, whether the page does not write it: the `/me/...` twin of a
    /// `/users/{id}/...` line (see [`me_twins`]).
    pub implied: Vec<bool>,
    pub name: String,
    /// `user: delta` -> `delta`: the page documents an action or a function of that name.
    pub bound_name: Option<String>,
    /// `searchEntity: query` -> `searchEntity`: the type the title binds it to.
    pub bound_owner: Option<String>,
}

impl Draft<'_> {
    pub fn source(&self) -> Location {
        Location::new(&self.page.path, self.lines[0].line)
    }
}

/// What a path ends with, which makes requests of one method different operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    Plain,
    Value,
    Ref,
    Count,
}

impl Class {
    fn of(line: &RequestLine) -> Class {
        match line.template.segments.last() {
            Some(Segment::Value) => Class::Value,
            Some(Segment::Ref) => Class::Ref,
            Some(Segment::Count) => Class::Count,
            _ => Class::Plain,
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Class::Plain => "",
            Class::Value => "Content",
            Class::Ref => "Ref",
            Class::Count => "Count",
        }
    }
}

/// The drafts of every API page, in page order.
pub fn drafts(pages: &[Page]) -> Vec<Draft<'_>> {
    let mut out = Vec::new();
    for page in pages {
        let (Some(api), Some(version)) = (&page.api, &page.version) else {
            continue;
        };
        let mut groups: Vec<((Method, Class), Vec<&RequestLine>)> = Vec::new();
        for line in &api.requests {
            let key = (line.method, Class::of(line));
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, lines)) => lines.push(line),
                None => groups.push((key, vec![line])),
            }
        }
        let base = base_name(page, &api.requests);
        let methods: Vec<Method> = groups.iter().map(|((m, _), _)| *m).collect();
        let several_methods = methods.windows(2).any(|w| w[0] != w[1]);
        let (bound_owner, bound_name) = match bound_name(page) {
            Some((owner, name)) => (owner, Some(name)),
            None => (None, None),
        };
        for ((method, class), lines) in groups {
            let mut name = format!("{base}{}", class.suffix());
            if several_methods {
                name.push_str(method_word(method));
            }
            let mut lines: Vec<Cow<'_, RequestLine>> =
                lines.into_iter().map(Cow::Borrowed).collect();
            let mut implied = vec![false; lines.len()];
            for twin in me_twins(&lines) {
                lines.push(Cow::Owned(twin));
                implied.push(true);
            }
            out.push(Draft {
                page,
                api,
                version: version.clone(),
                method,
                class,
                lines,
                implied,
                name,
                bound_name: bound_name.clone(),
                bound_owner: bound_owner.clone(),
            });
        }
    }
    out
}

/// `/me` is the signed-in user: the docs write `GET /me/messages` beside
/// `GET /users/{id | userPrincipalName}/messages`, and every request on a user can be sent to
/// `/me`. For each `/users/{x}/...` line without its `/me/...` twin, the twin.
fn me_twins(lines: &[Cow<'_, RequestLine>]) -> Vec<RequestLine> {
    let mut out: Vec<RequestLine> = Vec::new();
    for line in lines {
        let segments = &line.template.segments;
        let (Some(Segment::Name { name }), Some(Segment::Key { .. })) =
            (segments.first(), segments.get(1))
        else {
            continue;
        };
        if !name.eq_ignore_ascii_case("users") {
            continue;
        }
        let mut twin_segments = vec![Segment::Name {
            name: "me".to_string(),
        }];
        twin_segments.extend(segments[2..].iter().cloned());
        let exists = lines
            .iter()
            .map(|l| &l.template.segments)
            .chain(out.iter().map(|l| &l.template.segments))
            .any(|s| {
                s.len() == twin_segments.len()
                    && s.iter().zip(&twin_segments).all(|(a, b)| same(a, b))
            });
        if exists {
            continue;
        }
        // The written line with `/users/{...}` put as `/me`.
        let Some(at) = line.written.find("/users/") else {
            continue;
        };
        let after_key = line.written[at..].find('}').map(|i| at + i + 1);
        let Some(after_key) = after_key else {
            continue;
        };
        let written = format!("{}/me{}", &line.written[..at], &line.written[after_key..]);
        let mut template = line.template.clone();
        template.segments = twin_segments;
        out.push(RequestLine {
            method: line.method,
            written,
            template,
            line: line.line,
            heading: line.heading.clone(),
        });
    }
    out
}

/// Two segments alike: names in any case, keys whatever their placeholder.
fn same(a: &Segment, b: &Segment) -> bool {
    match (a, b) {
        (Segment::Name { name: x }, Segment::Name { name: y }) => x.eq_ignore_ascii_case(y),
        (Segment::Key { .. }, Segment::Key { .. }) => true,
        _ => a == b,
    }
}

/// The page's file name in the spelling of what it names: `user-sendmail.md` with a
/// request ending in `sendMail` -> `userSendMail`; `driveitem-get-content.md` -> the words
/// spelt as the segments spell them where one matches.
fn base_name(page: &Page, requests: &[RequestLine]) -> String {
    let stem = crate::parse::type_ref::link_stem(&page.path).unwrap_or_default();
    let spellings: Vec<&str> = requests
        .iter()
        .flat_map(|r| &r.template.segments)
        .filter_map(|s| match s {
            Segment::Name { name } | Segment::Call { name, .. } => Some(name.as_str()),
            Segment::Cast { name } => name.rsplit('.').next(),
            _ => None,
        })
        .chain(
            page.title
                .iter()
                .flat_map(|t| t.text.split(|c: char| !c.is_ascii_alphanumeric())),
        )
        .collect();
    let words: Vec<String> = stem
        .split(['-', '_', '.'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            spellings
                .iter()
                .find(|s| s.eq_ignore_ascii_case(w))
                .map_or_else(|| w.to_string(), |s| s.to_string())
        })
        .collect();
    let mut name = String::new();
    for (i, w) in words.iter().enumerate() {
        let mut chars = w.chars();
        if let Some(first) = chars.next() {
            if i == 0 {
                name.push(first.to_ascii_lowercase());
            } else {
                name.push(first.to_ascii_uppercase());
            }
            name.push_str(chars.as_str());
        }
    }
    name
}

fn method_word(method: Method) -> &'static str {
    match method {
        Method::Get => "Get",
        Method::Post => "Post",
        Method::Patch => "Patch",
        Method::Put => "Put",
        Method::Delete => "Delete",
    }
}

/// `# user: delta`, `# rebootNow action`, `# getOmaSettingPlainTextValue function` -> the
/// name of the action or function the page documents, and the type the title binds it to
/// when it names one (`user`).
fn bound_name(page: &Page) -> Option<(Option<String>, String)> {
    let title = page.title.as_ref()?.text.trim();
    let valid = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
    };
    if let Some((owner, name)) = title.split_once(':') {
        let (owner, name) = (owner.trim(), name.trim());
        return (valid(owner) && valid(name)).then(|| (Some(owner.to_string()), name.to_string()));
    }
    let (name, word) = title.rsplit_once(' ')?;
    let name = name.trim();
    (matches!(word, "action" | "function") && valid(name)).then(|| (None, name.to_string()))
}
