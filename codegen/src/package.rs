//! A complete cargo package around generated sources, for users who want a crate without a
//! build script.

use std::fs;
use std::io;
use std::path::Path;

use std::collections::{BTreeMap, BTreeSet};

use crate::emit::Emitter;
use crate::schema::{Primitive, Schema};

/// The crate root written into `src/lib.rs`.
const LIB_RS: &str = include_str!("../templates/lib.rs");

/// Writes `Cargo.toml` and `src/lib.rs` for sources already generated into `dir/src` with
/// relative includes; with `area_features`, the manifest declares the area features the
/// sources were generated with.
pub fn write_package(
    dir: &Path,
    name: &str,
    schema: &Schema,
    area_features: bool,
) -> io::Result<()> {
    fs::create_dir_all(dir.join("src"))?;
    let emitter = Emitter::new(schema);
    let emitter = if area_features {
        emitter.with_area_features()
    } else {
        emitter
    };
    let mut text = manifest(name, schema);
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
