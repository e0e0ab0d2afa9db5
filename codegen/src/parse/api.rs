//! What an API page says about its request: the request lines of its "HTTP request"
//! section, its parameter, header and permission tables, what its "Response" section says
//! it returns, and the query options it names.

use serde::Serialize;

use super::blocks::Inline;
use super::page::Row;
use super::path::{self, Template};
use crate::diagnostics::{Diagnostic, Location};

/// The request half of an API page.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ApiPage {
    pub requests: Vec<RequestLine>,
    pub tables: Vec<ApiTable>,
    /// Paragraphs of the Response section (before the examples).
    pub response: Vec<Paragraph>,
    /// Paragraphs of the Request body section: "Provide a JSON representation of an
    /// [event](..) object".
    pub request_body: Vec<Paragraph>,
    /// Query options the page names in its "Optional query parameters" section: `$select`,
    /// `$filter`, ...
    pub query_options: Vec<String>,
}

/// `GET /chats/{chat-id}/operations/{operation-id}`.
#[derive(Debug, Clone, Serialize)]
pub struct RequestLine {
    pub method: Method,
    /// The line as written.
    pub written: String,
    pub template: Template,
    pub line: usize,
    /// The heading the block sits under, when it is not the "HTTP request" section itself
    /// (`Get the tenant's root site`, `For device management`): it tells operations apart.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Post,
    Patch,
    Put,
    Delete,
}

impl Method {
    pub fn parse(text: &str) -> Option<Method> {
        Some(match text.to_ascii_uppercase().as_str() {
            "GET" => Method::Get,
            "POST" => Method::Post,
            "PATCH" => Method::Patch,
            "PUT" => Method::Put,
            "DELETE" => Method::Delete,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// Which section a table of an API page sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ApiSection {
    Permissions,
    RequestBody,
    FunctionParameters,
    QueryParameters,
    PathParameters,
    RequestHeaders,
    Response,
    Other,
}

impl ApiSection {
    /// From the level-2 heading a table sits under.
    pub fn of(heading: &str) -> ApiSection {
        let h = heading.trim().to_ascii_lowercase();
        if h.contains("permission") || h == "prerequisites" {
            ApiSection::Permissions
        } else if h.starts_with("request body") {
            ApiSection::RequestBody
        } else if h.contains("function parameter") || h == "parameters" {
            ApiSection::FunctionParameters
        } else if h.contains("query parameter") {
            ApiSection::QueryParameters
        } else if h.contains("path parameter") {
            ApiSection::PathParameters
        } else if h.contains("header") {
            ApiSection::RequestHeaders
        } else if h.starts_with("response") {
            ApiSection::Response
        } else {
            ApiSection::Other
        }
    }
}

impl ApiSection {
    /// From a heading below level 2, only when it starts with the name of a section
    /// (`### Request body`, `### Response`, `#### Permissions acting on self`): `### Delegated
    /// permissions and JSON payload` under `## Response` is no permissions section.
    pub fn of_subheading(heading: &str) -> Option<ApiSection> {
        let h = heading.trim().to_ascii_lowercase();
        let h = h.strip_prefix("optional ").unwrap_or(&h);
        let names = [
            "permissions",
            "request body",
            "function parameters",
            "parameters",
            "query parameters",
            "path parameters",
            "request headers",
            "response",
        ];
        names
            .iter()
            .any(|n| h.starts_with(n))
            .then(|| ApiSection::of(h))
            .filter(|s| *s != ApiSection::Other)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ApiTable {
    pub section: ApiSection,
    /// The nearest heading: for permissions, what they are for (`Permissions for chat`).
    pub heading: String,
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    pub line: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    #[serde(skip)]
    pub content: Inline,
    pub line: usize,
    /// The nearest heading (`Response for getting the photo`).
    pub heading: String,
}

/// Whether `path` is an API page (`v1.0/api/x.md`).
pub fn is_api_page(path: &str) -> bool {
    path.contains("/api/")
}

/// Reads the blocks of an API page into an [`ApiPage`] as the page reader walks them.
#[derive(Debug, Default)]
pub struct ApiReader {
    pub page: ApiPage,
    /// The last heading of level 1 or 2: the section.
    section: String,
    /// A deeper heading that names a section of its own (`### Request body` under `## HTTP
    /// request`, `### Response` under `## Request body`), and its level: what its tables and
    /// paragraphs are, until a heading of its level or above.
    subsection: Option<(u8, String)>,
    /// The last heading of any level.
    heading: String,
    /// The page describes its requests by annotated request blocks (`drive-list.md`: one
    /// section per request, only the first under an "HTTP request" heading).
    requests_as_examples: bool,
}

impl ApiReader {
    pub fn heading(&mut self, level: u8, text: &str) {
        let text = text.trim();
        if level <= 2 {
            self.section = text.to_string();
            self.subsection = None;
        } else if ApiSection::of_subheading(text).is_some() && self.describes_the_request() {
            self.subsection = Some((level, text.to_string()));
        } else if self.subsection.as_ref().is_some_and(|(l, _)| level <= *l) {
            self.subsection = None;
        }
        self.heading = text.to_string();
    }

    fn section_lower(&self) -> String {
        self.section.to_ascii_lowercase()
    }

    /// Whether the section describes the request (its HTTP request, body, parameters,
    /// response...), not an example or a walkthrough of its own (`## Upload bytes to the
    /// upload session`, whose `### Response` is another request's).
    fn describes_the_request(&self) -> bool {
        self.in_request_section() || ApiSection::of(&self.section) != ApiSection::Other
    }

    /// What the text under the last heading describes: the subsection that names one, else
    /// the section.
    fn described_lower(&self) -> String {
        self.subsection
            .as_ref()
            .map_or(&self.section, |(_, s)| s)
            .to_ascii_lowercase()
    }

    /// In the examples, code blocks are examples, not the request's description; so are those
    /// of the query parameters section (`GET https://graph.microsoft.com/v1.0/groups?$orderby=
    /// displayName` shows an option, on another request).
    fn in_examples(&self) -> bool {
        let section = self.section_lower();
        section.starts_with("example") || section.contains("query parameter")
    }

    fn in_request_section(&self) -> bool {
        self.section_lower().starts_with("http request")
    }

    pub fn paragraph(&mut self, content: &Inline, line: usize) {
        let section = self.described_lower();
        let paragraph = || Paragraph {
            content: content.clone(),
            line,
            heading: self.heading.clone(),
        };
        if section.starts_with("response") {
            self.page.response.push(paragraph());
        } else if section.starts_with("request body")
            // A page without its Request body heading still says it in so many words
            // (`externalconnectors-schema-create.md:37`, under HTTP request).
            || (!self.in_examples()
                && content
                    .text
                    .to_ascii_lowercase()
                    .starts_with("in the request body,"))
        {
            self.page.request_body.push(paragraph());
        }
        if section.contains("query parameter") {
            for option in query_options(content) {
                if !self.page.query_options.contains(&option) {
                    self.page.query_options.push(option);
                }
            }
        }
    }

    /// A code block, with the block type of its annotation if it has one.
    pub fn code(
        &mut self,
        page: &str,
        block_type: Option<&str>,
        text: &str,
        body_line: usize,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        // A request example under the "HTTP request" heading is the request's description
        // too (`drive-get.md`); elsewhere examples are read by the example check.
        let under_request_heading = self.in_request_section()
            || self
                .heading
                .to_ascii_lowercase()
                .starts_with("http request");
        if self.in_examples()
            || block_type == Some("response")
            || (block_type == Some("request")
                && !under_request_heading
                && !self.requests_as_examples)
        {
            return;
        }
        if block_type == Some("request") {
            self.requests_as_examples = true;
        }
        // Outside the request section (a page that puts its requests under Permissions, or
        // under headings of its own), a block is read only if it starts with a request line.
        let starts_with_request = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| request_line(l.trim()).is_ok());
        if !under_request_heading && !starts_with_request {
            return;
        }
        let heading =
            (!self.heading.eq_ignore_ascii_case(&self.section)).then_some(self.heading.as_str());
        let lines = request_lines(page, text, body_line, heading, diagnostics);
        self.page.requests.extend(lines);
    }

    /// An HTML comment: request lines commented out are said to be left out.
    pub fn comment(
        &mut self,
        page: &str,
        text: &str,
        line: usize,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        if !self.in_request_section() {
            return;
        }
        for (i, l) in text.lines().enumerate() {
            let l = l
                .trim()
                .trim_start_matches("<!--")
                .trim_end_matches("-->")
                .trim();
            if request_line(l).is_ok_and(|(_, path, _)| path.starts_with('/')) {
                diagnostics.push(Diagnostic::note(
                    "request-line-commented",
                    Location::new(page, line + i),
                    format!("{l:?} is inside an HTML comment: commented out, it is not read"),
                ));
            }
        }
    }

    pub fn table(&mut self, header: Vec<String>, rows: Vec<Row>, line: usize) {
        self.page.tables.push(ApiTable {
            section: ApiSection::of(&self.described_lower()),
            heading: self.heading.clone(),
            header,
            rows,
            line,
        });
    }
}

/// The request lines of a code block in an API page's request section; what cannot be read
/// is a diagnostic, never dropped.
pub fn request_lines(
    page: &str,
    text: &str,
    first_line: usize,
    heading: Option<&str>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<RequestLine> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = first_line + i;
        let written = raw.trim();
        if written.is_empty() {
            continue;
        }
        let at = Location::new(page, line);
        match request_line(written) {
            Ok((method, path, note)) => match path::template(&path) {
                Ok(template) => {
                    if let Some(note) = note {
                        diagnostics.push(Diagnostic::note(
                            "request-line-form",
                            at.clone(),
                            format!("request line {written:?} {note}; read as {} {path}", method.as_str()),
                        ));
                    }
                    for how in path::mended(&path) {
                        diagnostics.push(Diagnostic::note(
                            "request-line-form",
                            at.clone(),
                            format!("request line {written:?} {how}"),
                        ));
                    }
                    let filled = path::filled_in(&path);
                    if !filled.is_empty() {
                        diagnostics.push(Diagnostic::warning(
                            "request-line-value",
                            at,
                            format!(
                                "request line {written:?} writes values where placeholders go; read {}",
                                filled.join(", ")
                            ),
                        ));
                    }
                    out.push(RequestLine {
                        method,
                        written: written.to_string(),
                        template,
                        line,
                        heading: heading.map(str::to_string),
                    });
                }
                Err(why) => diagnostics.push(Diagnostic::warning(
                    "request-line-unread",
                    at,
                    format!("request line {written:?} names no path: {why}; expected e.g. GET /users/{{id}}"),
                )),
            },
            Err(LineKind::Header) => diagnostics.push(Diagnostic::note(
                "request-line-header",
                at,
                format!("{written:?} in the request block is a request header, not a request line"),
            )),
            Err(LineKind::Separator) => diagnostics.push(Diagnostic::note(
                "request-line-prose",
                at,
                format!("{written:?} between request lines joins alternatives; it is no request"),
            )),
            // A word in capitals first (`GETS /users`, `OPTIONS /x`) means a request line.
            Err(LineKind::Unknown) if starts_like_a_method(written) => diagnostics.push(Diagnostic::warning(
                "request-line-unread",
                at,
                format!("{written:?} in the request block is no request line; expected a method and a path, e.g. GET /users/{{id}}"),
            )),
            Err(LineKind::Unknown) => diagnostics.push(Diagnostic::warning(
                "request-block-text",
                at,
                format!("{written:?} in the request block is neither a request line nor a header (a body, code or prose); not read"),
            )),
        }
    }
    out
}

enum LineKind {
    Header,
    Separator,
    Unknown,
}

/// `GET /x` -> (GET, `/x`, none); forms that need mending say how they were read.
fn request_line(written: &str) -> Result<(Method, String, Option<&'static str>), LineKind> {
    let (first, rest) = written
        .split_once(char::is_whitespace)
        .unwrap_or((written, ""));
    let (method, rest, mut note) = match Method::parse(first) {
        Some(m) => (m, rest.trim(), None),
        None => {
            // `DELETE/identity/...`: no space after the method.
            let glued = ["GET", "POST", "PATCH", "PUT", "DELETE"]
                .into_iter()
                .find(|m| {
                    written.len() > m.len()
                        && written[..m.len()].eq_ignore_ascii_case(m)
                        && written[m.len()..].starts_with('/')
                });
            match glued {
                Some(m) => (
                    Method::parse(m).expect("a method"),
                    written[m.len()..].trim(),
                    Some("has no space after the method"),
                ),
                None if written.eq_ignore_ascii_case("or")
                    || written.eq_ignore_ascii_case("and") =>
                {
                    return Err(LineKind::Separator)
                }
                None if is_header(written) => return Err(LineKind::Header),
                None => return Err(LineKind::Unknown),
            }
        }
    };
    let mut path = rest.to_string();
    // `https://graph.microsoft.com/v1.0/users`: the host and version are the client's.
    if let Some(after_scheme) = path
        .strip_prefix("https://")
        .or_else(|| path.strip_prefix("http://"))
    {
        let after_host = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
        let after_version = ["/v1.0", "/beta"]
            .into_iter()
            .find_map(|v| after_host.strip_prefix(v))
            .unwrap_or(after_host);
        path = after_version.to_string();
        note = Some("names the host");
    } else if let Some(relative) = path.strip_prefix("~/") {
        path = format!("/{relative}");
        note = Some("starts with `~/`");
    } else if !path.starts_with('/') && path.starts_with(|c: char| c.is_ascii_alphabetic()) {
        path = format!("/{path}");
        note = Some("has no leading `/`");
    }
    Ok((method, path, note))
}

/// `GETS /users`: a word of capitals, then a path or a URL.
fn starts_like_a_method(line: &str) -> bool {
    let (first, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    first.len() >= 3
        && first.chars().all(|c| c.is_ascii_uppercase())
        && (rest.trim_start().starts_with('/') || rest.trim_start().starts_with("http"))
}

/// `Prefer: odata.maxpagesize=2`, `workbook-session-id: {session-id}`.
fn is_header(line: &str) -> bool {
    line.split_once(':').is_some_and(|(name, _)| {
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    })
}

/// The query options a paragraph names: code spans such as `$select`.
pub fn query_options(content: &Inline) -> impl Iterator<Item = String> + '_ {
    content
        .code_spans
        .iter()
        .map(|s| s.trim())
        .filter(|s| {
            s.starts_with('$') && s[1..].chars().all(|c| c.is_ascii_alphabetic()) && s.len() > 1
        })
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Vec<RequestLine>, Vec<Diagnostic>) {
        let mut d = Vec::new();
        let lines = request_lines("v1.0/api/x.md", text, 10, None, &mut d);
        (lines, d)
    }

    #[test]
    fn every_form_of_request_line() {
        let (lines, d) = read(
            "GET /me/messages\n\
             POST /users/{id | userPrincipalName}/sendMail\n\
             GET https://graph.microsoft.com/v1.0/sites/{site-id}/lists\n\
             GET policies/tokenLifetimePolicies\n\
             GET ~/onPremisesPublishingProfiles/{publishingType}/agentGroups\n\
             DELETE/identity/b2xUserFlows/{userflow-id}/userflowIdentityProviders/{id}/$ref\n",
        );
        let read: Vec<String> = lines
            .iter()
            .map(|l| format!("{} {}", l.method.as_str(), l.line))
            .collect();
        assert_eq!(
            read,
            [
                "GET 10",
                "POST 11",
                "GET 12",
                "GET 13",
                "GET 14",
                "DELETE 15"
            ]
        );
        let notes: Vec<usize> = d.iter().map(|d| d.source.line).collect();
        assert_eq!(notes, [12, 13, 14, 15]);
        assert!(d.iter().all(|d| d.code == "request-line-form"));
    }

    #[test]
    fn what_is_no_request_line_is_said() {
        let (lines, d) = read(
            "or\nPrefer: odata.maxpagesize=2\nGET ** Entity URI for microsoft.x not found\nThe request:\nGETS /users\n{\"name\": \"x\"}\n",
        );
        assert!(lines.is_empty());
        let codes: Vec<(&str, usize)> = d.iter().map(|d| (d.code, d.source.line)).collect();
        assert_eq!(
            codes,
            [
                ("request-line-prose", 10),
                ("request-line-header", 11),
                ("request-line-unread", 12),
                ("request-block-text", 13),
                ("request-line-unread", 14),
                ("request-block-text", 15)
            ]
        );
    }

    #[test]
    fn a_subheading_that_names_a_section_is_that_section() {
        let mut r = ApiReader::default();
        let table = |r: &mut ApiReader, line| r.table(vec!["Name".into()], Vec::new(), line);
        r.heading(2, "HTTP request");
        r.heading(3, "Request body");
        table(&mut r, 1);
        // A heading that names no section ends the subsection at its level.
        r.heading(3, "Encoding sharing URLs");
        table(&mut r, 2);
        r.heading(2, "Request body");
        r.heading(3, "Response");
        table(&mut r, 3);
        // Under a response, "Delegated permissions and JSON payload" is no permissions table.
        r.heading(2, "Response");
        r.heading(3, "Delegated permissions and JSON payload");
        table(&mut r, 4);
        // In the examples and in walkthroughs of other requests, `### Response` is an example.
        r.heading(2, "Examples");
        r.heading(3, "Request body");
        table(&mut r, 5);
        r.heading(2, "Upload bytes to the upload session");
        r.heading(3, "Response");
        table(&mut r, 6);
        let sections: Vec<ApiSection> = r.page.tables.iter().map(|t| t.section).collect();
        assert_eq!(
            sections,
            [
                ApiSection::RequestBody,
                ApiSection::Other,
                ApiSection::Response,
                ApiSection::Response,
                ApiSection::Other,
                ApiSection::Other
            ]
        );
    }
}
