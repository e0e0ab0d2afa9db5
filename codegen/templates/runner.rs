//! Reads example bodies as the generated types and writes them back: one JSON request per
//! line on stdin (`{"id", "version", "type", "value"}`), one answer per line on stdout
//! (`{"id", "value", "unfit"}` or `{"id", "error"}`; `unfit` lists the values that did not fit
//! their declared types, kept as they came).

// The models are compiled into this binary only to be read and written through `registry`.
#![allow(dead_code, clippy::enum_variant_names)]

include!("graph_docs_models.rs");

use std::io::{BufRead, Write};

fn main() {
    if let Some(rounds) = std::env::args().skip_while(|a| a != "bench").nth(1) {
        return bench(rounds.parse().expect("bench ROUNDS"));
    }
    let stdin = std::io::stdin().lock();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lines() {
        let line = line.expect("stdin readable");
        let request: serde_json::Value = serde_json::from_str(&line).expect("one JSON request per line");
        let id = request["id"].clone();
        let version = request["version"].as_str().unwrap_or_default();
        let type_name = request["type"].as_str().unwrap_or_default();
        let answer = match registry::round_trip(version, type_name, request["value"].clone()) {
            Some(Ok((value, unfit))) => serde_json::json!({ "id": id, "value": value, "unfit": unfit }),
            Some(Err(e)) => serde_json::json!({ "id": id, "error": e.to_string() }),
            None => serde_json::json!({ "id": id, "error": format!("no generated type {version} {type_name}") }),
        };
        writeln!(stdout, "{answer}").expect("stdout writable");
    }
}

/// Times parsing every request body into its generated type against parsing it into
/// `serde_json::Value`, alternating, best of `rounds`; prints one JSON line of figures.
fn bench(rounds: usize) {
    let mut bodies = Vec::new();
    for line in std::io::stdin().lock().lines() {
        let request: serde_json::Value = serde_json::from_str(&line.expect("stdin readable")).expect("a request");
        let version = request["version"].as_str().unwrap_or_default();
        let type_name = request["type"].as_str().unwrap_or_default();
        let read = registry::reader(version, type_name).expect("a generated type");
        bodies.push((read, serde_json::to_string(&request["value"]).expect("serialisable")));
    }
    let bytes: usize = bodies.iter().map(|(_, b)| b.len()).sum();
    let mut best_value = std::time::Duration::MAX;
    let mut best_typed = std::time::Duration::MAX;
    for _ in 0..rounds {
        let start = std::time::Instant::now();
        for (_, body) in &bodies {
            let value: serde_json::Value = serde_json::from_str(body).expect("parses");
            drop(std::hint::black_box(value));
        }
        best_value = best_value.min(start.elapsed());
        let start = std::time::Instant::now();
        for (read, body) in &bodies {
            std::hint::black_box(read(body)).expect("reads as its type");
        }
        best_typed = best_typed.min(start.elapsed());
    }
    println!(
        "{}",
        serde_json::json!({
            "bodies": bodies.len(),
            "bytes": bytes,
            "rounds": rounds,
            "value_ms": best_value.as_secs_f64() * 1e3,
            "typed_ms": best_typed.as_secs_f64() * 1e3,
            "ratio": best_typed.as_secs_f64() / best_value.as_secs_f64(),
        })
    );
}
