//! HTTP messages in request and response examples: status line and headers split off the body.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HttpMessage<'a> {
    /// `HTTP/1.1 200 OK` -> 200.
    pub status: Option<u16>,
    pub headers: Vec<(String, String)>,
    pub body: &'a str,
    /// Lines between the start of the block and the start of the body.
    pub body_line_offset: usize,
}

/// Splits a block: when it opens with an HTTP status line, the headers up to the first blank
/// line go; otherwise the whole block is the body.
pub fn split(text: &str) -> HttpMessage<'_> {
    let trimmed = text.trim_start();
    let leading = &text[..text.len() - trimmed.len()];
    let mut offset = leading.matches('\n').count();
    if !trimmed.starts_with("HTTP/") {
        return HttpMessage {
            status: None,
            headers: Vec::new(),
            body: text,
            body_line_offset: 0,
        };
    }
    let mut lines = trimmed.split_inclusive('\n');
    let status_line = lines.next().unwrap_or("");
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok());
    let mut consumed = leading.len() + status_line.len();
    offset += 1;
    let mut headers = Vec::new();
    for line in lines {
        if line.trim().is_empty() {
            consumed += line.len();
            offset += 1;
            break;
        }
        match line.split_once(':') {
            Some((name, value)) if !name.contains(['{', '"', '[']) => {
                headers.push((name.trim().to_string(), value.trim().to_string()));
                consumed += line.len();
                offset += 1;
            }
            // A body with no blank line before it.
            _ => break,
        }
    }
    HttpMessage {
        status,
        headers,
        body: &text[consumed..],
        body_line_offset: offset,
    }
}

/// A request example: its request line, headers and body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequestMessage<'a> {
    /// `GET`, as written.
    pub method: &'a str,
    /// The URL as written (`https://graph.microsoft.com/v1.0/me/messages?$top=5`), spaces and
    /// all, without a trailing `HTTP/1.1`.
    pub target: &'a str,
    pub headers: Vec<(String, String)>,
    pub body: &'a str,
    /// Lines between the start of the block and the start of the body.
    pub body_line_offset: usize,
}

/// Splits a request block: the request line, the headers up to the first blank line (or the
/// first line that is no header), the body. `None` when the block opens with no request line.
pub fn split_request(text: &str) -> Option<RequestMessage<'_>> {
    let trimmed = text.trim_start();
    let leading = &text[..text.len() - trimmed.len()];
    let mut offset = leading.matches('\n').count();
    let mut lines = trimmed.split_inclusive('\n');
    let request_line = lines.next()?;
    let (method, rest) = request_line.trim().split_once(char::is_whitespace)?;
    if !method.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let target = rest.trim();
    let target = match target.rsplit_once(' ') {
        Some((t, version)) if version.starts_with("HTTP/") => t.trim(),
        _ => target,
    };
    let mut consumed = leading.len() + request_line.len();
    offset += 1;
    let mut headers = Vec::new();
    for line in lines {
        if line.trim().is_empty() {
            consumed += line.len();
            offset += 1;
            break;
        }
        match line.split_once(':') {
            Some((name, value))
                if !name.trim().is_empty()
                    && name
                        .trim()
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-') =>
            {
                headers.push((name.trim().to_string(), value.trim().to_string()));
                consumed += line.len();
                offset += 1;
            }
            // A body with no blank line before it.
            _ => break,
        }
    }
    Some(RequestMessage {
        method,
        target,
        headers,
        body: &text[consumed..],
        body_line_offset: offset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_request_line_headers_and_body() {
        let m = split_request(
            "POST https://graph.microsoft.com/v1.0/me/sendMail HTTP/1.1\nContent-type: application/json\n\n{\"a\": 1}\n",
        )
        .unwrap();
        assert_eq!(m.method, "POST");
        assert_eq!(m.target, "https://graph.microsoft.com/v1.0/me/sendMail");
        assert_eq!(m.headers.len(), 1);
        assert_eq!((m.body, m.body_line_offset), ("{\"a\": 1}\n", 3));
        let m = split_request("GET /users?$filter=startswith(displayName, 'a')\n").unwrap();
        assert_eq!(m.target, "/users?$filter=startswith(displayName, 'a')");
        assert!(split_request("{\"a\": 1}").is_none());
    }

    #[test]
    fn splits_status_headers_and_body() {
        let m = split("HTTP/1.1 202 OK\nContent-Type: application/json\n\n{\n  \"a\": 1\n}\n");
        assert_eq!(m.status, Some(202));
        assert_eq!(
            m.headers,
            [("Content-Type".to_string(), "application/json".to_string())]
        );
        assert_eq!(m.body, "{\n  \"a\": 1\n}\n");
        assert_eq!(m.body_line_offset, 3);
    }

    #[test]
    fn body_without_status_line_is_whole() {
        let m = split("{\"a\": 1}");
        assert_eq!(
            (m.status, m.body, m.body_line_offset),
            (None, "{\"a\": 1}", 0)
        );
    }

    #[test]
    fn empty_204() {
        let m = split("HTTP/1.1 204 No Content\n");
        assert_eq!((m.status, m.body.trim()), (Some(204), ""));
    }
}
