//! The builder a build script uses, in the manner of prost-build:
//!
//! ```no_run
//! let report = graph_docs_codegen::Config::new()
//!     .docs_dir("docs-input")
//!     .out_dir(std::env::var("OUT_DIR").unwrap())
//!     .generate()
//!     .expect("docs folder readable");
//! for d in &report.schema.diagnostics {
//!     println!("cargo:warning={d}");
//! }
//! ```

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::csdl::{self, Agreement};
use crate::diagnostics::{Diagnostic, Location, Severity};
use crate::emit::{Emitter, IncludeStyle};
use crate::parse::{self, Page};
use crate::resolve::{self, Overrides};
use crate::schema::{Schema, TypeKind};

/// Name of the overrides file looked for at the root of each docs folder.
pub const OVERRIDES_FILE: &str = "overrides.toml";

#[derive(Debug, Clone)]
pub struct Config {
    docs_dirs: Vec<PathBuf>,
    out_dir: Option<PathBuf>,
    overrides: OverridesSource,
    include_style: IncludeStyle,
    check_examples: bool,
    only: Vec<String>,
    area_features: bool,
    csdl: Vec<CsdlSource>,
}

/// A CSDL document to compare the model with, and the version it describes (inferred from
/// the file name or the docs when not given).
#[derive(Debug, Clone)]
struct CsdlSource {
    version: Option<String>,
    file: PathBuf,
}

#[derive(Debug, Clone)]
enum OverridesSource {
    /// `overrides.toml` in each docs folder, when present.
    Default,
    File(PathBuf),
    None,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            docs_dirs: Vec::new(),
            out_dir: None,
            overrides: OverridesSource::Default,
            include_style: IncludeStyle::OutDir,
            check_examples: true,
            only: Vec::new(),
            area_features: false,
            csdl: Vec::new(),
        }
    }
}

/// A docs set read and resolved.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub pages: Vec<Page>,
    /// Every type, with every diagnostic (reading, resolving, overrides, examples), sorted.
    pub schema: Schema,
    /// The files read to build it (pages and overrides), for `rerun-if-changed`.
    pub inputs: Vec<PathBuf>,
    /// Per CSDL document compared (see [`Config::csdl`]), how far the model agrees with it.
    pub agreement: Vec<Agreement>,
}

/// What a run produced.
#[derive(Debug, Clone)]
pub struct Report {
    pub pages_read: usize,
    pub schema: Schema,
    pub inputs: Vec<PathBuf>,
    /// Files written (unchanged files are left alone and not listed).
    pub files_written: Vec<PathBuf>,
    pub files_total: usize,
}

impl Report {
    pub fn count(&self, kind: TypeKind) -> usize {
        self.schema.types.iter().filter(|t| t.kind == kind).count()
    }

    pub fn errors(&self) -> usize {
        self.schema
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
}

impl Config {
    pub fn new() -> Self {
        Self::default()
    }

    /// A docs folder laid out as the documentation tree (`beta/resources/x.md`, ...).
    pub fn docs_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.docs_dirs.push(dir.into());
        self
    }

    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Reads overrides from this file instead of `overrides.toml` in the docs folders.
    pub fn overrides_file(&mut self, file: impl Into<PathBuf>) -> &mut Self {
        self.overrides = OverridesSource::File(file.into());
        self
    }

    /// Applies no overrides: the types follow the pages exactly.
    pub fn without_overrides(&mut self) -> &mut Self {
        self.overrides = OverridesSource::None;
        self
    }

    pub fn include_style(&mut self, style: IncludeStyle) -> &mut Self {
        self.include_style = style;
        self
    }

    /// Whether to check the docs' examples against the types (on by default).
    pub fn check_examples(&mut self, check: bool) -> &mut Self {
        self.check_examples = check;
        self
    }

    /// Puts each type behind a cargo feature named after its product area (`ms.prod`), for
    /// a package whose manifest declares them (see [`crate::package`]).
    pub fn area_features(&mut self, on: bool) -> &mut Self {
        self.area_features = on;
        self
    }

    /// Compares the model with a CSDL document (`$metadata`) of `version` (`None`: inferred
    /// from the file name, `beta...` or `v1.0...`, or from the docs when they hold one version).
    /// Each disagreement becomes a `csdl-*` diagnostic; the figures land in
    /// [`Loaded::agreement`].
    pub fn csdl(&mut self, version: Option<&str>, file: impl Into<PathBuf>) -> &mut Self {
        self.csdl.push(CsdlSource {
            version: version.map(str::to_string),
            file: file.into(),
        });
        self
    }

    /// Generates only this type (`microsoft.graph.teamsAsyncOperation`, in every version, or
    /// `beta:microsoft.graph.teamsAsyncOperation`) and the types it needs. Call once per type.
    pub fn only(&mut self, type_name: impl Into<String>) -> &mut Self {
        self.only.push(type_name.into());
        self
    }

    /// The schema restricted to what `only` asks for (all of it when nothing was asked).
    fn selected(&self, mut schema: Schema) -> Schema {
        if self.only.is_empty() {
            return schema;
        }
        let mut roots = Vec::new();
        for wanted in &self.only {
            let (version, name) = match wanted.split_once(':') {
                Some((v, n)) => (Some(v), n),
                None => (None, wanted.as_str()),
            };
            let found: Vec<usize> = (0..schema.types.len())
                .filter(|&i| {
                    let t = &schema.types[i];
                    version.is_none_or(|v| v == t.version)
                        && t.qualified_name().eq_ignore_ascii_case(name)
                })
                .collect();
            if found.is_empty() {
                schema.diagnostics.push(Diagnostic::error(
                    "only-unknown",
                    Location::new("--only", 1),
                    format!("{wanted:?} names no type of the doc set; expected e.g. microsoft.graph.teamsAsyncOperation or beta:microsoft.graph.teamsAsyncOperation"),
                ));
            }
            roots.extend(found);
        }
        schema.closure(&roots)
    }

    /// Reads and resolves the docs, without writing anything.
    pub fn load(&self) -> io::Result<Loaded> {
        let mut files = Vec::new();
        for dir in &self.docs_dirs {
            collect_pages(dir, &mut files)?;
        }
        let read: Vec<(Page, Vec<Diagnostic>)> = files
            .par_iter()
            .map(|(root, path)| {
                let bytes = fs::read(path)?;
                let text = String::from_utf8_lossy(&bytes);
                let relative = relative(root, path);
                let (page, mut diagnostics) = parse::read_page(&relative, &text);
                if std::str::from_utf8(&bytes).is_err() {
                    diagnostics.push(Diagnostic::warning(
                        "not-utf8",
                        Location::new(&relative, 1),
                        "page is not valid UTF-8; invalid bytes were replaced",
                    ));
                }
                Ok((page, diagnostics))
            })
            .collect::<io::Result<_>>()?;
        let mut diagnostics = Vec::new();
        let mut pages = Vec::with_capacity(read.len());
        for (page, d) in read {
            pages.push(page);
            diagnostics.extend(d);
        }
        let mut inputs: Vec<PathBuf> = files.into_iter().map(|(_, p)| p).collect();
        let overrides = self.read_overrides(&mut inputs, &mut diagnostics)?;
        let mut schema = resolve::resolve(&pages, &overrides);
        if self.check_examples {
            schema
                .diagnostics
                .extend(crate::examples::check(&pages, &schema));
        }
        let mut agreement = Vec::new();
        for source in &self.csdl {
            let (figures, found) = compare_csdl(source, &schema)?;
            agreement.extend(figures);
            diagnostics.extend(found);
        }
        schema.diagnostics.extend(diagnostics);
        schema.diagnostics.sort();
        Ok(Loaded {
            pages,
            schema,
            inputs,
            agreement,
        })
    }

    fn read_overrides(
        &self,
        inputs: &mut Vec<PathBuf>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> io::Result<Overrides> {
        let files: Vec<(PathBuf, String)> = match &self.overrides {
            OverridesSource::None => Vec::new(),
            OverridesSource::File(f) => vec![(f.clone(), f.display().to_string())],
            OverridesSource::Default => self
                .docs_dirs
                .iter()
                .map(|d| d.join(OVERRIDES_FILE))
                .filter(|f| f.is_file())
                .map(|f| (f, OVERRIDES_FILE.to_string()))
                .collect(),
        };
        let mut all = Overrides::default();
        for (file, name) in files {
            let text = fs::read_to_string(&file)?;
            inputs.push(file);
            match Overrides::parse(&name, &text) {
                Ok(o) => all.properties.extend(o.properties),
                Err(d) => diagnostics.push(d),
            }
        }
        Ok(all)
    }

    /// Reads, resolves and writes the generated sources to the out folder.
    pub fn generate(&self) -> io::Result<Report> {
        let mut loaded = self.load()?;
        loaded.schema = self.selected(loaded.schema);
        let out_dir = self
            .out_dir
            .clone()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no out_dir set"))?;
        let mut emitter = Emitter::new(&loaded.schema);
        if self.area_features {
            emitter = emitter.with_area_features();
        }
        let output = emitter.emit(self.include_style);
        fs::create_dir_all(&out_dir)?;
        let mut files_written = Vec::new();
        for (name, contents) in &output.files {
            let path = out_dir.join(name);
            if write_if_changed(&path, contents)? {
                files_written.push(path);
            }
        }
        Ok(Report {
            pages_read: loaded.pages.len(),
            schema: loaded.schema,
            inputs: loaded.inputs,
            files_written,
            files_total: output.files.len(),
        })
    }
}

/// Reads one CSDL document and compares the model of its version with it.
fn compare_csdl(
    source: &CsdlSource,
    schema: &Schema,
) -> io::Result<(Option<Agreement>, Vec<Diagnostic>)> {
    let text = fs::read_to_string(&source.file).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot read CSDL {}: {e}", source.file.display()),
        )
    })?;
    let name = source.file.display().to_string();
    let csdl = match csdl::read(&name, &text) {
        Ok(c) => c,
        Err(d) => return Ok((None, vec![d])),
    };
    let versions: std::collections::BTreeSet<&str> =
        schema.types.iter().map(|t| t.version.as_str()).collect();
    let file_name = source
        .file
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let version = source
        .version
        .clone()
        .or_else(|| {
            versions
                .iter()
                .find(|v| file_name.starts_with(&v.to_ascii_lowercase()))
                .map(|v| v.to_string())
        })
        .or_else(|| match versions.iter().collect::<Vec<_>>().as_slice() {
            [only] => Some(only.to_string()),
            _ => None,
        });
    let Some(version) = version else {
        return Ok((
            None,
            vec![Diagnostic::error(
                "csdl-version",
                Location::new(&name, 1),
                format!(
                    "which version does this CSDL describe? The docs hold {}; name it as VERSION=FILE (e.g. v1.0={name})",
                    versions.into_iter().collect::<Vec<_>>().join(", ")
                ),
            )],
        ));
    };
    let (agreement, diagnostics) = csdl::compare(schema, &version, &csdl);
    Ok((Some(agreement), diagnostics))
}

/// Pages under the version folders (`beta/`, `v1.0/`) of a docs root, sorted.
fn collect_pages(root: &Path, out: &mut Vec<(PathBuf, PathBuf)>) -> io::Result<()> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = entry.map_err(io::Error::other)?;
        let path = entry.path();
        let under_version = path
            .strip_prefix(root)
            .ok()
            .and_then(|p| p.components().next())
            .and_then(|c| c.as_os_str().to_str())
            .is_some_and(|v| {
                v == "beta"
                    || (v.starts_with('v') && v[1..].starts_with(|c: char| c.is_ascii_digit()))
            });
        if entry.file_type().is_file()
            && under_version
            && path.extension().is_some_and(|e| e == "md")
        {
            found.push((root.to_path_buf(), path.to_path_buf()));
        }
    }
    out.extend(found);
    Ok(())
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Writes only when the contents differ, so that downstream builds are not invalidated.
fn write_if_changed(path: &Path, contents: &str) -> io::Result<bool> {
    if fs::read(path).is_ok_and(|old| old == contents.as_bytes()) {
        return Ok(false);
    }
    fs::write(path, contents)?;
    Ok(true)
}
