//! A complete cargo package around generated sources, for users who want a crate without a
//! build script.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use std::collections::{BTreeMap, BTreeSet};

use crate::emit::Emitter;
use crate::schema::{Primitive, Schema};

/// The crate root written into `src/lib.rs`.
const LIB_RS: &str = include_str!("../templates/lib.rs");

/// Where a generated package takes the runtime crate `graph-docs-runtime` from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Runtime {
    /// A path dependency on a `runtime/` folder. The default is this checkout's, so that a
    /// package generated on a fresh clone builds with nothing but crates.io.
    Path(PathBuf),
    /// A version requirement on crates.io (`"0.1"`), once the runtime is published there.
    Version(String),
}

impl Default for Runtime {
    fn default() -> Self {
        Runtime::Path(checkout_runtime_dir())
    }
}

/// The `runtime/` folder of the checkout this engine was built from: known at compile time,
/// made absolute so that the package can be written anywhere.
pub fn checkout_runtime_dir() -> PathBuf {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../runtime"));
    dir.canonicalize().unwrap_or(dir)
}

impl Runtime {
    /// The `[dependencies]` line.
    fn dependency(&self) -> String {
        match self {
            Runtime::Path(dir) => format!(
                "graph-docs-runtime = {{ path = {} }}",
                toml_string(&dir.display().to_string())
            ),
            Runtime::Version(version) => format!("graph-docs-runtime = {}", toml_string(version)),
        }
    }
}

/// A TOML basic string (paths may hold backslashes and quotes).
fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Writes `Cargo.toml` and `src/lib.rs` for sources already generated into `dir/src` with
/// relative includes; with `area_features`, the manifest declares the area features the
/// sources were generated with.
pub fn write_package(
    dir: &Path,
    name: &str,
    schema: &Schema,
    area_features: bool,
    runtime: &Runtime,
) -> io::Result<()> {
    fs::create_dir_all(dir.join("src"))?;
    let emitter = Emitter::new(schema);
    let emitter = if area_features {
        emitter.with_area_features()
    } else {
        emitter
    };
    let mut text = manifest(name, schema, runtime);
    if let Some(features) = emitter.features() {
        text.push_str(&features_section(features));
    }
    fs::write(dir.join("Cargo.toml"), text)?;
    fs::write(dir.join("src/lib.rs"), LIB_RS)
}

/// `[features]`: one per area, enabling the areas its types use; `full` (the default) is all.
fn features_section(features: &BTreeMap<String, BTreeSet<String>>) -> String {
    let list = |names: &mut dyn Iterator<Item = &String>| {
        names
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::from("\n# One feature per product area (ms.prod of the pages); each enables the areas its\n# types refer to. `full` enables every area.\n[features]\ndefault = [\"full\"]\n");
    out.push_str(&format!("full = [{}]\n", list(&mut features.keys())));
    for (feature, needs) in features {
        out.push_str(&format!("{feature} = [{}]\n", list(&mut needs.iter())));
    }
    out
}

/// The manifest, with exactly the dependencies the generated code uses.
pub fn manifest(name: &str, schema: &Schema, runtime: &Runtime) -> String {
    let uses = |p: Primitive| {
        schema
            .types
            .iter()
            .flat_map(|t| &t.properties)
            .any(|q| q.ty.is(p))
    };
    // Duration and Binary live in the runtime; timestamps and GUIDs are chrono's and uuid's.
    let runtime = runtime.dependency();
    let mut deps = vec![
        r#"serde = { version = "1", features = ["derive"] }"#,
        r#"serde_json = "1""#,
        runtime.as_str(),
    ];
    if [
        Primitive::DateTimeOffset,
        Primitive::Date,
        Primitive::TimeOfDay,
    ]
    .into_iter()
    .any(uses)
    {
        deps.push(r#"chrono = { version = "0.4", default-features = false, features = ["serde", "std"] }"#);
    }
    if uses(Primitive::Guid) {
        deps.push(r#"uuid = { version = "1", features = ["serde"] }"#);
    }
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\ndescription = \"Rust model types generated from the Microsoft Graph reference documentation\"\n\n[lib]\npath = \"src/lib.rs\"\n\n[dependencies]\n{}\n\n# A workspace of its own, so the package builds wherever it is written.\n[workspace]\n",
        deps.join("\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_runtime_is_this_checkouts_runtime_folder() {
        let Runtime::Path(dir) = Runtime::default() else {
            panic!("a path by default");
        };
        assert!(dir.is_absolute());
        let manifest = fs::read_to_string(dir.join("Cargo.toml")).expect("runtime/Cargo.toml");
        assert!(manifest.contains("name = \"graph-docs-runtime\""));
    }

    #[test]
    fn the_manifest_depends_on_the_runtime_by_path_or_version() {
        let schema = Schema::default();
        let by_path = manifest("m", &schema, &Runtime::Path(PathBuf::from("/r/run\"time")));
        assert!(by_path.contains(r#"graph-docs-runtime = { path = "/r/run\"time" }"#));
        let by_version = manifest("m", &schema, &Runtime::Version("0.1".into()));
        assert!(by_version.contains(r#"graph-docs-runtime = "0.1""#));
        // No date, time or GUID property: neither chrono nor uuid.
        assert!(!by_version.contains("chrono") && !by_version.contains("uuid"));
    }

    #[test]
    fn windows_paths_are_escaped_for_toml() {
        assert_eq!(toml_string(r"C:\src\runtime"), r#""C:\\src\\runtime""#);
    }
}
