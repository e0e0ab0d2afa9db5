//! Where a side of a comparison comes from: a docs folder, or a folder at a git revision of
//! the repository the command runs in (`HEAD:docs-input`), read straight from git's objects
//! (`git ls-tree` and one `git cat-file --batch`), with nothing written to disk.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::docs_folder::{self, MemoryDocs};
use crate::{Config, Loaded};

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Side {
    /// A docs folder in any layout `check` accepts.
    Folder(PathBuf),
    /// `REV:PATH`: the folder `PATH` at the revision `REV` of the repository of the current
    /// folder, as `git show REV:PATH` takes it (`PATH` from the repository's top folder, or
    /// `./PATH` from the current one).
    Git { rev: String, path: String },
}

impl Side {
    /// `REV:PATH` when the argument has a colon and names no existing file or folder;
    /// otherwise a folder.
    pub fn parse(arg: &str) -> Side {
        match arg.split_once(':') {
            Some((rev, path)) if !rev.is_empty() && !Path::new(arg).exists() => Side::Git {
                rev: rev.to_string(),
                path: path.to_string(),
            },
            _ => Side::Folder(PathBuf::from(arg)),
        }
    }

    /// Reads and resolves this side with the settings of `config` (overrides; its docs
    /// folders are not read), without checking examples, in the repository of `cwd` for a
    /// git side.
    pub fn load(&self, config: &Config, cwd: &Path) -> io::Result<Loaded> {
        let mut config = config.settings();
        config.check_examples(false);
        match self {
            Side::Folder(dir) => config.docs_dir(dir),
            Side::Git { rev, path } => config.docs_in_memory(read_git(cwd, rev, path)?),
        };
        config.load()
    }
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Side::Folder(dir) => write!(f, "{}", dir.display()),
            Side::Git { rev, path } => write!(f, "{rev}:{path}"),
        }
    }
}

/// Runs git in `cwd` and returns its standard output; a failure says what git said.
fn git(cwd: &Path, args: &[&str]) -> io::Result<Vec<u8>> {
    let out = Command::new("git")
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| io::Error::new(e.kind(), format!("cannot run git: {e}")))?;
    if !out.status.success() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!(
                "git {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        ));
    }
    Ok(out.stdout)
}

/// The docs folder `path` at revision `rev` of the repository of `cwd`, in memory.
pub fn read_git(cwd: &Path, rev: &str, path: &str) -> io::Result<MemoryDocs> {
    let name = format!("{rev}:{path}");
    let not_found = |what: String| io::Error::new(io::ErrorKind::NotFound, what);
    let missing = || {
        not_found(format!(
            "{name}: no folder {path} at revision {rev} of the repository of {} (PATH is from the repository's top folder; ./PATH from the current one)",
            cwd.display()
        ))
    };
    git(cwd, &["rev-parse", "--show-toplevel"]).map_err(|e| {
        not_found(format!(
            "{name}: {} is in no git repository ({e})",
            cwd.display()
        ))
    })?;
    let object = git(
        cwd,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &name,
        ],
    )
    .map_err(|_| missing())?;
    let tree = String::from_utf8_lossy(&object).trim().to_string();
    if git(cwd, &["cat-file", "-t", &tree])? != b"tree\n" {
        return Err(missing());
    }
    let listing = git(cwd, &["ls-tree", "-r", "-z", &tree])?;
    // `<mode> <type> <object>\t<path>`, each ending in NUL.
    let mut wanted: Vec<(String, String)> = Vec::new();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((meta, file)) = entry.split_once('\t') else {
            continue;
        };
        let mut meta = meta.split(' ');
        let (mode, kind, object) = (meta.next(), meta.next(), meta.next());
        // Regular files only: a symbolic link's blob is its target, a submodule no blob.
        let regular = matches!(mode, Some("100644" | "100755")) && kind == Some("blob");
        let wanted_file = file.ends_with(".md") || file.ends_with(crate::OVERRIDES_FILE);
        if let (true, true, Some(object)) = (regular, wanted_file, object) {
            wanted.push((file.to_string(), object.to_string()));
        }
    }
    let blobs = cat_blobs(cwd, wanted.iter().map(|(_, o)| o.as_str()))?;
    let files: Vec<(String, Vec<u8>)> = wanted.into_iter().map(|(f, _)| f).zip(blobs).collect();
    let leaf = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default();
    let version = docs_folder::is_version(leaf).then_some(leaf);
    MemoryDocs::from_layout(&name, version, files).ok_or_else(|| {
        not_found(format!(
            "no documentation pages in {name}: {}",
            docs_folder::LAYOUTS
        ))
    })
}

/// The contents of `objects`, in order, through one `git cat-file --batch`.
fn cat_blobs<'a>(cwd: &Path, objects: impl Iterator<Item = &'a str>) -> io::Result<Vec<Vec<u8>>> {
    let input: String = objects.map(|o| format!("{o}\n")).collect();
    let count = input.lines().count();
    let mut child = Command::new("git")
        .args(["cat-file", "--batch"])
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| io::Error::new(e.kind(), format!("cannot run git: {e}")))?;
    let mut stdin = child.stdin.take().expect("piped");
    // Written from another thread: git answers as it reads, and a full pipe would stop both.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut out = BufReader::new(child.stdout.take().expect("piped"));
    let mut blobs = Vec::with_capacity(count);
    let mut header = String::new();
    for _ in 0..count {
        header.clear();
        out.read_line(&mut header)?;
        // `<object> blob <size>`, then the contents and a newline.
        let size: usize = header
            .trim_end()
            .rsplit(' ')
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| {
                io::Error::other(format!("git cat-file answered {:?}", header.trim_end()))
            })?;
        let mut blob = vec![0; size];
        out.read_exact(&mut blob)?;
        let mut newline = [0u8; 1];
        out.read_exact(&mut newline)?;
        blobs.push(blob);
    }
    writer
        .join()
        .map_err(|_| io::Error::other("writing to git cat-file panicked"))??;
    child.wait()?;
    Ok(blobs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_are_folders_unless_a_revision_is_meant() {
        assert_eq!(
            Side::parse("HEAD:docs-input"),
            Side::Git {
                rev: "HEAD".into(),
                path: "docs-input".into()
            }
        );
        assert_eq!(
            Side::parse("v1.2:./api-reference/beta"),
            Side::Git {
                rev: "v1.2".into(),
                path: "./api-reference/beta".into()
            }
        );
        assert_eq!(Side::parse("docs-input"), Side::Folder("docs-input".into()));
        assert_eq!(Side::parse(":x"), Side::Folder(":x".into()));
    }
}
