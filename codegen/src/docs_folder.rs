//! Where the docs folder can be, and reading its pages without letting one bad file stop the
//! run.
//!
//! Users point the tool at whatever folder they have: the `api-reference/` folder, a checkout
//! root holding it, a folder of version folders (`beta/`, `v1.0/`), or one version folder.
//! Page paths stay relative to the folder holding the version folders (`beta/resources/x.md`),
//! because the version is read from the first path component.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::config::OVERRIDES_FILE;
use crate::diagnostics::{Diagnostic, Location};

/// Pages past this size are skipped: the largest page of the docs is 118 KB; reading is
/// linear (a 5 MB page takes 0.1 s), so this only bounds memory on a stray huge file.
pub const MAX_PAGE_BYTES: u64 = 16 * 1024 * 1024;

/// The layouts a docs folder may have, for the message when none is found.
pub const LAYOUTS: &str = "expected a folder holding `beta/` or `v1.0/` folders of markdown \
    pages (`beta/resources/x.md`), one of those version folders itself, an `api-reference/` \
    folder, or a checkout of microsoft-graph-docs whose `api-reference/` holds them";

/// A docs folder as found: the root page paths are relative to, and the version folders to
/// walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocsFolder {
    pub root: PathBuf,
    pub versions: Vec<PathBuf>,
}

/// `beta`, `v1.0`, `v2`: a version folder name.
pub fn is_version(name: &str) -> bool {
    name == "beta" || (name.starts_with('v') && name[1..].starts_with(|c: char| c.is_ascii_digit()))
}

/// Finds the layout of `dir`; `None` when it holds no version folder anywhere expected.
pub fn find(dir: &Path) -> Option<DocsFolder> {
    if dir
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(is_version)
        && dir.is_dir()
    {
        return Some(DocsFolder {
            root: dir.parent().map_or_else(PathBuf::new, Path::to_path_buf),
            versions: vec![dir.to_path_buf()],
        });
    }
    [dir.to_path_buf(), dir.join("api-reference")]
        .into_iter()
        .find_map(|root| {
            let versions = version_folders(&root);
            (!versions.is_empty()).then_some(DocsFolder { root, versions })
        })
}

fn version_folders(root: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(root) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_str().is_some_and(is_version))
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    found.sort();
    found
}

/// A page file found by the walk.
#[derive(Debug, Clone)]
pub struct PageFile {
    pub path: PathBuf,
    /// Relative to the docs root, with `/`: `beta/resources/x.md`.
    pub relative: String,
}

/// The `.md` files under the version folders, sorted; loops and unreadable folders become
/// diagnostics and the walk goes on.
pub fn walk(folder: &DocsFolder, diagnostics: &mut Vec<Diagnostic>) -> Vec<PageFile> {
    let mut out = Vec::new();
    for version in &folder.versions {
        for entry in walkdir::WalkDir::new(version)
            .follow_links(true)
            .sort_by_file_name()
        {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    diagnostics.push(walk_error(&folder.root, &e));
                    continue;
                }
            };
            let path = entry.path();
            if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "md") {
                out.push(PageFile {
                    path: path.to_path_buf(),
                    relative: relative(&folder.root, path),
                });
            }
        }
    }
    out
}

fn walk_error(root: &Path, e: &walkdir::Error) -> Diagnostic {
    let at = Location::new(e.path().map_or_else(String::new, |p| relative(root, p)), 1);
    match e.loop_ancestor() {
        Some(ancestor) => Diagnostic::warning(
            "file-system-loop",
            at,
            format!(
                "symbolic link points to its own ancestor {}; not followed",
                relative(root, ancestor)
            ),
        ),
        None => Diagnostic::error(
            "file-unreadable",
            at,
            format!("cannot read this folder or file ({e}); its pages are skipped"),
        ),
    }
}

/// Reads one page's text: invalid UTF-8 is replaced, a byte-order mark dropped, each with a
/// diagnostic; CRLF line ends read as they are (markdown allows them) with a note.
pub fn read(file: &PageFile, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    let at = || Location::new(&file.relative, 1);
    let size = fs::metadata(&file.path).map_or(0, |m| m.len());
    if size > MAX_PAGE_BYTES {
        diagnostics.push(Diagnostic::error(
            "page-too-large",
            at(),
            format!("page is {size} bytes, more than the {MAX_PAGE_BYTES} read; it is skipped"),
        ));
        return None;
    }
    let bytes = match fs::read(&file.path) {
        Ok(bytes) => bytes,
        Err(e) => {
            diagnostics.push(Diagnostic::error(
                "file-unreadable",
                at(),
                format!("cannot read this page ({e}); it is skipped"),
            ));
            return None;
        }
    };
    Some(decode(&file.relative, bytes, diagnostics))
}

/// Reads one page held in memory, as [`read`] reads one on disk.
pub fn read_bytes(
    relative: &str,
    bytes: &[u8],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let size = bytes.len() as u64;
    if size > MAX_PAGE_BYTES {
        diagnostics.push(Diagnostic::error(
            "page-too-large",
            Location::new(relative, 1),
            format!("page is {size} bytes, more than the {MAX_PAGE_BYTES} read; it is skipped"),
        ));
        return None;
    }
    Some(decode(relative, bytes.to_vec(), diagnostics))
}

/// A page's bytes as text: invalid UTF-8 replaced, a byte-order mark dropped, each with a
/// diagnostic; CRLF line ends read as they are with a note. `relative` names the page.
pub fn decode(relative: &str, bytes: Vec<u8>, diagnostics: &mut Vec<Diagnostic>) -> String {
    let at = || Location::new(relative, 1);
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            diagnostics.push(Diagnostic::warning(
                "not-utf8",
                Location::new(relative, line),
                "page is not valid UTF-8; invalid bytes were replaced with U+FFFD",
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        text = rest.to_string();
        diagnostics.push(Diagnostic::note(
            "byte-order-mark",
            at(),
            "page starts with a UTF-8 byte-order mark; it was ignored",
        ));
    }
    if let Some(at_byte) = text.find("\r\n") {
        let line = 1 + text[..at_byte].matches('\n').count();
        diagnostics.push(Diagnostic::note(
            "crlf-line-ends",
            Location::new(relative, line),
            "page has CRLF (Windows) line ends; read as usual",
        ));
    }
    text
}

/// A docs folder held in memory (read from a git revision, or kept by a build script): its
/// pages by path relative to the folder holding the version folders (`beta/resources/x.md`),
/// and its overrides file, if any.
#[derive(Debug, Clone, Default)]
pub struct MemoryDocs {
    /// How errors and `Loaded::roots` name it: `HEAD:docs-input`.
    pub name: String,
    pub pages: Vec<(String, Vec<u8>)>,
    pub overrides: Option<String>,
}

impl MemoryDocs {
    /// Keeps the pages of `files` (paths relative to a docs folder, as the folder's own
    /// layout has them: `beta/...`, `api-reference/beta/...`, or `resources/...` in a
    /// version folder named `version`) under the paths a page has: relative to the folder
    /// holding the version folders. `None` when no version folder holds a page.
    pub fn from_layout(
        name: &str,
        version: Option<&str>,
        files: Vec<(String, Vec<u8>)>,
    ) -> Option<MemoryDocs> {
        let mut docs = MemoryDocs {
            name: name.to_string(),
            ..MemoryDocs::default()
        };
        let versions_at = |prefix: &str| {
            files.iter().any(|(path, _)| {
                path.strip_prefix(prefix)
                    .and_then(|rest| rest.split_once('/'))
                    .is_some_and(|(first, rest)| is_version(first) && rest.ends_with(".md"))
            })
        };
        // One version folder itself; else the folder holding them; else its api-reference/.
        let prefix = match version {
            Some(_) => None,
            None if versions_at("") => Some(""),
            None if versions_at("api-reference/") => Some("api-reference/"),
            None => return None,
        };
        for (path, bytes) in files {
            if path == OVERRIDES_FILE
                || prefix.is_some_and(|p| path == format!("{p}{OVERRIDES_FILE}"))
            {
                docs.overrides = Some(String::from_utf8_lossy(&bytes).into_owned());
                continue;
            }
            if !path.ends_with(".md") {
                continue;
            }
            let relative = match (version, prefix) {
                (Some(v), _) => format!("{v}/{path}"),
                (None, Some(p)) => match path.strip_prefix(p) {
                    Some(rest) if rest.split('/').next().is_some_and(is_version) => {
                        rest.to_string()
                    }
                    _ => continue,
                },
                (None, None) => continue,
            };
            docs.pages.push((relative, bytes));
        }
        docs.pages.sort_by(|a, b| a.0.cmp(&b.0));
        (!docs.pages.is_empty()).then_some(docs)
    }
}

/// The error for a folder where no page was found.
pub fn no_pages(dir: &Path, found: Option<&DocsFolder>) -> io::Error {
    let what = match found {
        Some(f) => format!(
            "found the version folder(s) {} but no .md page in them",
            f.versions
                .iter()
                .map(|v| v.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => "found no docs layout there".to_string(),
    };
    io::Error::new(
        io::ErrorKind::NotFound,
        format!(
            "no documentation pages in {}: {what}; {LAYOUTS}",
            dir.display()
        ),
    )
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_names() {
        assert!(is_version("beta"));
        assert!(is_version("v1.0"));
        assert!(!is_version("v"));
        assert!(!is_version("various"));
        assert!(!is_version("api-reference"));
    }
}
