//! A complete cargo package around generated sources, for users who want a crate without a
//! build script.

use std::io;
use std::path::{Path, PathBuf};

use std::collections::{BTreeMap, BTreeSet};

use crate::emit::Emitter;
use crate::files;
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
    check_crate_name(name).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    files::create_dir_all(&dir.join("src"))?;
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
    files::write(&dir.join("Cargo.toml"), text)?;
    files::write(&dir.join("src/lib.rs"), LIB_RS)
}

/// Rust's keywords, which cargo refuses as package names.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Whether cargo takes `name` as a package name: ASCII letters, digits, `-` and `_`, not
/// starting with a digit or `-`, not a keyword. The error says why not and what would do.
pub fn check_crate_name(name: &str) -> Result<(), String> {
    let valid_chars = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let valid_start = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if valid_chars && valid_start && !KEYWORDS.contains(&name) {
        return Ok(());
    }
    let why = if name.is_empty() {
        "it is empty"
    } else if !valid_chars {
        "a package name holds only ASCII letters, digits, `-` and `_`"
    } else if !valid_start {
        "a package name starts with a letter or `_`"
    } else {
        "it is a Rust keyword"
    };
    Err(format!(
        "the crate name {name:?} is not one cargo accepts: {why}; try {:?}",
        suggest_crate_name(name)
    ))
}

/// A package name close to `name` that cargo accepts: lowercase, other characters as `-`.
pub fn suggest_crate_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    match out.chars().next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {
            if KEYWORDS.contains(&out) {
                format!("{out}-models")
            } else {
                out.to_string()
            }
        }
        Some(_) => format!("graph-{out}"),
        None => "graph-models".to_string(),
    }
}

/// `[features]`: one per area, enabling the areas its types use; `full` (the default) is all.
fn features_section(features: &BTreeMap<String, BTreeSet<String>>) -> String {
    let list = |names: &mut dyn Iterator<Item = &String>| {
        names
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::from("# One feature per product area (ms.prod of the pages); each enables the areas its\n# types refer to. `full` enables every area.\ndefault = [\"full\"]\n");
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
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\ndescription = \"Rust model types generated from the Microsoft Graph reference documentation\"\n\n[lib]\npath = \"src/lib.rs\"\n\n[dependencies]\n{}\n\n# A workspace of its own, so the package builds wherever it is written.\n[workspace]\n\n[features]\n# The documented requests, in each version's `ops` module: a program that wants only\n# the models does not compile them.\noperations = []\n",
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
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).expect("runtime/Cargo.toml");
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
    fn crate_names_cargo_refuses_are_refused_with_one_it_takes() {
        for ok in ["my-models", "graph_models", "_x", "Models2"] {
            assert_eq!(check_crate_name(ok), Ok(()), "{ok}");
        }
        for (bad, suggested) in [
            ("My Models", "my-models"),
            ("", "graph-models"),
            ("2models", "graph-2models"),
            ("-x", "x"),
            ("fn", "fn-models"),
            ("models!", "models"),
            ("café", "caf"),
        ] {
            let error = check_crate_name(bad).unwrap_err();
            assert!(
                error.contains(&format!("try {suggested:?}")),
                "{bad}: {error}"
            );
            assert_eq!(check_crate_name(&suggest_crate_name(bad)), Ok(()), "{bad}");
        }
    }

    #[test]
    fn windows_paths_are_escaped_for_toml() {
        assert_eq!(toml_string(r"C:\src\runtime"), r#""C:\\src\\runtime""#);
    }
}
