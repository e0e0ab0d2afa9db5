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
use std::path::PathBuf;

use rayon::prelude::*;

use crate::csdl::{self, Agreement};
use crate::diagnostics::{Diagnostic, Location, Severity};
use crate::docs_folder::{self, MemoryDocs};
use crate::emit::{Emitter, IncludeStyle};
use crate::files;
use crate::parse::{self, Page};
use crate::resolve::{self, Overrides};
use crate::schema::{Schema, TypeKind};

/// Name of the overrides file looked for at the root of each docs folder.
pub const OVERRIDES_FILE: &str = "overrides.toml";

#[derive(Debug, Clone)]
pub struct Config {
    docs_dirs: Vec<PathBuf>,
    /// Docs folders read already (from a git revision, or kept by a build script).
    memory: Vec<MemoryDocs>,
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
            memory: Vec::new(),
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
    /// Per docs folder, the folder diagnostic paths are relative to.
    pub roots: Vec<PathBuf>,
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

    /// The same settings (overrides, examples, only, CSDL) with no docs folder and no out
    /// folder: for reading another doc set the same way.
    pub fn settings(&self) -> Config {
        Config {
            docs_dirs: Vec::new(),
            memory: Vec::new(),
            out_dir: None,
            ..self.clone()
        }
    }

    /// A docs folder held in memory, read as a folder on disk is (see
    /// [`MemoryDocs::from_layout`]); its overrides are used unless told otherwise.
    pub fn docs_in_memory(&mut self, docs: MemoryDocs) -> &mut Self {
        self.memory.push(docs);
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
    /// `beta:microsoft.graph.teamsAsyncOperation`) or operation (`teamsAsyncOperationGet`),
    /// and the types it needs, with the operations those types serve. Call once per name.
    pub fn only(&mut self, type_name: impl Into<String>) -> &mut Self {
        self.only.push(type_name.into());
        self
    }

    /// The schema restricted to what `only` asks for (all of it when nothing was asked). A
    /// name that names no type is an error (`InvalidInput`) with the names most likely
    /// meant: generating without it would write a crate missing what was asked for.
    fn selected(&self, schema: Schema) -> io::Result<Schema> {
        if self.only.is_empty() {
            return Ok(schema);
        }
        match crate::only::roots(&schema, &self.only) {
            Ok(selection) => Ok(schema.closure(&selection.types, &selection.operations)),
            Err(unknown) => {
                let lines: Vec<String> = unknown.iter().map(|u| format!("only: {u}")).collect();
                Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!(
                        "{}\n(a type is named by its qualified name, optionally after its version: \
                         microsoft.graph.user, v1.0:microsoft.graph.user; an operation by its \
                         name: userSendMail); nothing was written",
                        lines.join("\n")
                    ),
                ))
            }
        }
    }

    /// Reads and resolves the docs, without writing anything. Each docs folder must hold
    /// pages in one of the layouts of [`crate::docs_folder::find`]; a folder with none is an
    /// error naming the layouts expected. Files that cannot be read are diagnostics.
    pub fn load(&self) -> io::Result<Loaded> {
        let mut diagnostics = Vec::new();
        let mut files = Vec::new();
        let mut roots = Vec::new();
        for dir in &self.docs_dirs {
            if !dir.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    format!(
                        "docs folder {} does not exist or is not a folder",
                        dir.display()
                    ),
                ));
            }
            let found = docs_folder::find(dir);
            let pages = found
                .as_ref()
                .map(|f| docs_folder::walk(f, &mut diagnostics))
                .unwrap_or_default();
            match found {
                Some(f) if !pages.is_empty() => roots.push(f.root),
                found => return Err(docs_folder::no_pages(dir, found.as_ref())),
            }
            files.extend(pages);
        }
        for docs in &self.memory {
            roots.push(PathBuf::from(&docs.name));
        }
        let in_memory: Vec<&(String, Vec<u8>)> =
            self.memory.iter().flat_map(|m| &m.pages).collect();
        let parse = |relative: &str, text: Option<String>, mut diagnostics: Vec<Diagnostic>| {
            let page = text.map(|text| {
                let (page, d) = parse::read_page(relative, &text);
                diagnostics.extend(d);
                page
            });
            (page, diagnostics)
        };
        let mut read: Vec<(Option<Page>, Vec<Diagnostic>)> = files
            .par_iter()
            .map(|file| {
                let mut diagnostics = Vec::new();
                let text = docs_folder::read(file, &mut diagnostics);
                parse(&file.relative, text, diagnostics)
            })
            .collect();
        read.par_extend(in_memory.par_iter().map(|(relative, bytes)| {
            let mut diagnostics = Vec::new();
            let text = docs_folder::read_bytes(relative, bytes, &mut diagnostics);
            parse(relative, text, diagnostics)
        }));
        let mut pages = Vec::with_capacity(read.len());
        for (page, d) in read {
            pages.extend(page);
            diagnostics.extend(d);
        }
        let mut inputs: Vec<PathBuf> = files.into_iter().map(|f| f.path).collect();
        let overrides = self.read_overrides(&roots, &mut inputs, &mut diagnostics)?;
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
            roots,
        })
    }

    fn read_overrides(
        &self,
        roots: &[PathBuf],
        inputs: &mut Vec<PathBuf>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> io::Result<Overrides> {
        let files: Vec<(PathBuf, String)> = match &self.overrides {
            OverridesSource::None => Vec::new(),
            OverridesSource::File(f) => vec![(f.clone(), f.display().to_string())],
            // Beside the pages, or in the folder the user named (a checkout root).
            OverridesSource::Default => {
                let mut seen = std::collections::HashSet::new();
                self.docs_dirs
                    .iter()
                    .chain(roots)
                    .map(|d| d.join(OVERRIDES_FILE))
                    .filter(|f| seen.insert(f.clone()) && f.is_file())
                    .map(|f| (f, OVERRIDES_FILE.to_string()))
                    .collect()
            }
        };
        let mut all = Overrides::default();
        if matches!(self.overrides, OverridesSource::Default) {
            for docs in &self.memory {
                let Some(text) = &docs.overrides else {
                    continue;
                };
                match Overrides::parse(&format!("{}/{OVERRIDES_FILE}", docs.name), text) {
                    Ok(o) => all.properties.extend(o.properties),
                    Err(d) => diagnostics.push(d),
                }
            }
        }
        for (file, name) in files {
            let text =
                fs::read_to_string(&file).map_err(files::context("read overrides", &file))?;
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
        let out_dir = self
            .out_dir
            .clone()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no out_dir set"))?;
        let mut loaded = self.load()?;
        loaded.schema = self.selected(loaded.schema)?;
        let mut emitter = Emitter::new(&loaded.schema);
        if self.area_features {
            emitter = emitter.with_area_features();
        }
        let output = emitter.emit(self.include_style);
        files::create_dir_all(&out_dir)?;
        let mut files_written = Vec::new();
        for (name, contents) in &output.files {
            let path = out_dir.join(name);
            if files::write_if_changed(&path, contents)? {
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
