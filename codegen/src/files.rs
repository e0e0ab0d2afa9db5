//! File operations whose errors name the file: `cannot read overrides /tmp/nope.toml: No such
//! file or directory (os error 2)`, where the bare `io::Error` names nothing.

use std::fs;
use std::io;
use std::path::Path;

/// Adds what was being done, and to which path, to an error.
pub(crate) fn context(action: &str, path: &Path) -> impl FnOnce(io::Error) -> io::Error {
    let what = format!("cannot {action} {}", path.display());
    move |e| io::Error::new(e.kind(), format!("{what}: {e}"))
}

/// `fs::create_dir_all`, saying so when a file stands where the folder should be.
pub(crate) fn create_dir_all(dir: &Path) -> io::Result<()> {
    if let Some(file) = dir.ancestors().find(|a| a.is_file()) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "cannot create folder {}: {} is a file, not a folder",
                dir.display(),
                file.display()
            ),
        ));
    }
    fs::create_dir_all(dir).map_err(context("create folder", dir))
}

/// `fs::write`, naming the file on error.
pub(crate) fn write(path: &Path, contents: impl AsRef<[u8]>) -> io::Result<()> {
    fs::write(path, contents).map_err(context("write", path))
}

/// Writes only when the contents differ, so that downstream builds are not invalidated.
pub(crate) fn write_if_changed(path: &Path, contents: &str) -> io::Result<bool> {
    if fs::read(path).is_ok_and(|old| old == contents.as_bytes()) {
        return Ok(false);
    }
    write(path, contents)?;
    Ok(true)
}
