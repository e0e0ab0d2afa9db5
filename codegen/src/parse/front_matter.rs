//! The YAML front matter: flat `key: "value"` lines between `---` fences.
//!
//! The docs use only that subset of YAML, so a full YAML parser would add a dependency for
//! nothing; anything fancier is kept as its raw text.

use std::collections::BTreeMap;

/// Splits the page into (front matter, body, first line of body).
pub fn split(text: &str) -> (BTreeMap<String, String>, &str, usize) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut fields = BTreeMap::new();
    let Some(rest) = text.strip_prefix("---") else {
        return (fields, text, 1);
    };
    let Some(rest) = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
    else {
        return (fields, text, 1);
    };
    let mut consumed = text.len() - rest.len();
    let mut line = 2;
    for raw in rest.split_inclusive('\n') {
        consumed += raw.len();
        line += 1;
        let content = raw.trim_end();
        if content == "---" {
            return (fields, &text[consumed..], line);
        }
        if let Some((key, value)) = content.split_once(':') {
            if !key.starts_with(' ') && !key.is_empty() {
                let value = value.trim().trim_matches('"').trim_matches('\'').trim();
                fields.insert(key.trim().to_string(), value.to_string());
            }
        }
    }
    // No closing fence: treat the page as having no front matter.
    (BTreeMap::new(), text, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let (fields, body, line) =
            split("---\ntitle: \"x resource type\"\nms.prod: \"teams\"\n---\n\n# x\n");
        assert_eq!(fields["title"], "x resource type");
        assert_eq!(fields["ms.prod"], "teams");
        assert_eq!(line, 5);
        assert_eq!(body, "\n# x\n");
    }

    #[test]
    fn page_without_front_matter_is_whole() {
        let (fields, body, line) = split("# x\n");
        assert!(fields.is_empty());
        assert_eq!((body, line), ("# x\n", 1));
    }
}
