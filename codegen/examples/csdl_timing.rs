//! How long `check --csdl` adds to a check: reading the CSDL document and comparing the model
//! with it, timed apart from loading the docs (median of 5, in one process).
//!
//! cargo run --release -p graph-docs-codegen --example csdl_timing -- DOCS CSDL

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(docs), Some(csdl_file)) = (args.next(), args.next()) else {
        eprintln!("usage: csdl_timing DOCS CSDL");
        std::process::exit(2);
    };
    let loaded = graph_docs_codegen::Config::new()
        .docs_dir(&docs)
        .without_overrides()
        .check_examples(false)
        .load()
        .expect("docs readable");
    let text = std::fs::read_to_string(&csdl_file).expect("CSDL readable");
    let mut read_ms = Vec::new();
    let mut compare_ms = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let csdl = graph_docs_codegen::csdl::read(&csdl_file, &text).expect("a CSDL document");
        read_ms.push(start.elapsed().as_secs_f64() * 1e3);
        let start = Instant::now();
        let (agreement, diagnostics) =
            graph_docs_codegen::csdl::compare(&loaded.schema, "v1.0", &csdl);
        compare_ms.push(start.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box((agreement, diagnostics));
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "read CSDL {:.1} ms, compare {:.1} ms (median of 5)",
        median(&mut read_ms),
        median(&mut compare_ms)
    );
}
