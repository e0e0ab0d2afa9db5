//! Shared by `benches/pipeline.rs` and `examples/codegen_timing.rs`: the bench input (the
//! `resources/` pages of both versions) and the three measured targets.
//!
//! Not a bench target of its own: cargo only discovers `benches/*.rs` and
//! `benches/*/main.rs`.

#![allow(dead_code)]

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use graph_docs_codegen::emit::{Emitter, IncludeStyle};
use graph_docs_codegen::Config;
use pulldown_cmark::{Options, Parser};

/// The version folders whose `resources/` pages are measured.
pub const VERSIONS: [&str; 2] = ["beta", "v1.0"];

/// The docs corpus: `$GRAPH_DOCS_CORPUS`, else `../shared/graph-docs/api-reference` beside
/// the workspace.
pub fn corpus_root() -> PathBuf {
    let dir = match std::env::var_os("GRAPH_DOCS_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/graph-docs/api-reference"),
    };
    dir.canonicalize().unwrap_or(dir)
}

/// A temporary docs root holding only `beta/resources` and `v1.0/resources`, removed on drop.
///
/// `Config::load` reads every page under a version folder, so the input is a folder of its
/// own. The pages are hard-linked (no data copied), with a plain copy as the fallback where
/// hard links fail (another filesystem).
pub struct ResourcesInput {
    pub root: PathBuf,
    pub pages: usize,
    pub bytes: u64,
    pub hard_linked: bool,
}

impl ResourcesInput {
    pub fn new(corpus: &Path) -> io::Result<Self> {
        let root = std::env::temp_dir().join(format!("graph-docs-bench-{}", std::process::id()));
        if root.exists() {
            fs::remove_dir_all(&root)?;
        }
        let mut input = ResourcesInput {
            root,
            pages: 0,
            bytes: 0,
            hard_linked: true,
        };
        for version in VERSIONS {
            let from = corpus.join(version).join("resources");
            if !from.is_dir() {
                return Err(io::Error::new(
                    io::ErrorKind::NotFound,
                    format!("no corpus folder {}", from.display()),
                ));
            }
            input.mirror(&from, &input.root.join(version).join("resources"))?;
        }
        Ok(input)
    }

    fn mirror(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        for entry in walkdir::WalkDir::new(from).follow_links(true) {
            let entry = entry.map_err(io::Error::other)?;
            let rel = entry.path().strip_prefix(from).expect("under root");
            let dest = to.join(rel);
            if entry.file_type().is_dir() {
                fs::create_dir_all(&dest)?;
            } else if entry.file_type().is_file() {
                if fs::hard_link(entry.path(), &dest).is_err() {
                    self.hard_linked = false;
                    fs::copy(entry.path(), &dest)?;
                }
                if entry.path().extension().is_some_and(|e| e == "md") {
                    self.pages += 1;
                    self.bytes += entry.metadata().map_err(io::Error::other)?.len();
                }
            }
        }
        Ok(())
    }
}

impl Drop for ResourcesInput {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// (a) Baseline: walk the folder, read every page and consume every pulldown-cmark event
/// (tables on), single-threaded. Returns the number of events.
pub fn baseline(root: &Path) -> usize {
    let mut events = 0;
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.expect("walk bench input");
        if !(entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "md")) {
            continue;
        }
        let bytes = fs::read(entry.path()).expect("read page");
        let text = String::from_utf8_lossy(&bytes);
        events += Parser::new_ext(&text, Options::ENABLE_TABLES).count();
    }
    events
}

/// A local rayon pool of `threads` threads (the global pool is left alone).
pub fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("rayon pool")
}

/// (b)/(c) The full pipeline (read + parse + resolve in `Config::load`, then
/// `Emitter::emit`, formatted with prettyplease) on `pool`. Returns (types, files).
pub fn pipeline(root: &Path, pool: &rayon::ThreadPool) -> (usize, usize) {
    pool.install(|| {
        let loaded = Config::new()
            .docs_dir(root)
            .check_examples(false)
            .load()
            .expect("load bench input");
        let output = Emitter::new(&loaded.schema).emit(IncludeStyle::Relative);
        (loaded.schema.types.len(), output.files.len())
    })
}
