//! Diagnostics: what the codegen could not use, or had to decide, with where it was found.
//!
//! The library only collects diagnostics as data; front ends (CLI, build.rs) render them.

use std::fmt;

use serde::{Serialize, Serializer};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing (an override applied, a page skipped), never a problem.
    Note,
    /// Input the codegen used with a guess or partly ignored.
    Warning,
    /// Input the codegen could not use at all.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A place in the doc set: a path relative to the docs root (`beta/resources/x.md`) and a
/// 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub file: String,
    pub line: usize,
}

impl Location {
    pub fn new(file: impl Into<String>, line: usize) -> Self {
        Location {
            file: file.into(),
            line,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

impl Serialize for Location {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// One finding about the input. Ordered by place first, so a report reads down each page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable identifier of the kind of finding, e.g. `annotation-json`.
    pub code: &'static str,
    pub message: String,
    pub source: Location,
    /// The page that would settle it, when it is one missing from the doc set: the page a
    /// link points to (`v1.0/resources/recipient.md`), or the one the docs would name after
    /// the type.
    #[serde(rename = "wantsPage", skip_serializing_if = "Option::is_none")]
    pub wants_page: Option<String>,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        code: &'static str,
        source: Location,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            source,
            wants_page: None,
        }
    }

    /// Says which missing page would settle this.
    pub fn wanting(mut self, page: String) -> Self {
        self.wants_page = Some(page);
        self
    }

    pub fn error(code: &'static str, source: Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, source, message)
    }

    pub fn warning(code: &'static str, source: Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, source, message)
    }

    pub fn note(code: &'static str, source: Location, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, code, source, message)
    }
}

impl Ord for Diagnostic {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (&self.source, self.severity, self.code, &self.message).cmp(&(
            &other.source,
            other.severity,
            other.code,
            &other.message,
        ))
    }
}

impl PartialOrd for Diagnostic {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {} [{}]",
            self.source, self.severity, self.message, self.code
        )
    }
}
