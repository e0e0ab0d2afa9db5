//! Reads example bodies as the generated types and writes them back: one JSON request per
//! line on stdin (`{"id", "version", "type", "value"}`), one answer per line on stdout
//! (`{"id", "value"}` or `{"id", "error"}`).

// The models are compiled into this binary only to be read and written through `registry`.
#![allow(dead_code, clippy::enum_variant_names)]

include!("graph_docs_models.rs");

use std::io::{BufRead, Write};

fn main() {
    let stdin = std::io::stdin().lock();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lines() {
        let line = line.expect("stdin readable");
        let request: serde_json::Value = serde_json::from_str(&line).expect("one JSON request per line");
        let id = request["id"].clone();
        let version = request["version"].as_str().unwrap_or_default();
        let type_name = request["type"].as_str().unwrap_or_default();
        let answer = match registry::round_trip(version, type_name, request["value"].clone()) {
            Some(Ok(value)) => serde_json::json!({ "id": id, "value": value }),
            Some(Err(e)) => serde_json::json!({ "id": id, "error": e.to_string() }),
            None => serde_json::json!({ "id": id, "error": format!("no generated type {version} {type_name}") }),
        };
        writeln!(stdout, "{answer}").expect("stdout writable");
    }
}
