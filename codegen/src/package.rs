//! A complete cargo package around generated sources, for users who want a crate without a
//! build script.

use std::fs;
use std::io;
use std::path::Path;

use crate::schema::{Primitive, Schema};

/// The crate root written into `src/lib.rs`.
const LIB_RS: &str = include_str!("../templates/lib.rs");

/// Writes `Cargo.toml` and `src/lib.rs` for sources already generated into `dir/src` with
/// relative includes.
pub fn write_package(dir: &Path, name: &str, schema: &Schema) -> io::Result<()> {
    fs::create_dir_all(dir.join("src"))?;
    fs::write(dir.join("Cargo.toml"), manifest(name, schema))?;
    fs::write(dir.join("src/lib.rs"), LIB_RS)
}

/// The manifest, with exactly the dependencies the generated code uses.
pub fn manifest(name: &str, schema: &Schema) -> String {
    let uses = |p: Primitive| {
        schema
            .types
            .iter()
            .flat_map(|t| &t.properties)
            .any(|q| q.type_name == p.csdl_name())
    };
    let mut deps = vec![
        r#"serde = { version = "1", features = ["derive"] }"#,
        r#"serde_json = "1""#,
        // The support module uses chrono for durations and base64 for binary.
        r#"chrono = { version = "0.4", default-features = false, features = ["serde", "std"] }"#,
        r#"base64 = "0.22""#,
    ];
    if uses(Primitive::Guid) {
        deps.push(r#"uuid = { version = "1", features = ["serde"] }"#);
    }
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\ndescription = \"Rust model types generated from the Microsoft Graph reference documentation\"\n\n[lib]\npath = \"src/lib.rs\"\n\n[dependencies]\n{}\n\n# A workspace of its own, so the package builds wherever it is written.\n[workspace]\n",
        deps.join("\n")
    )
}
