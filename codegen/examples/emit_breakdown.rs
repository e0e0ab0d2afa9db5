//! Where the codegen's time goes on a docs folder: reading and resolving, building tokens, and
//! parsing + formatting them with syn and prettyplease. One thread, best of three runs.
//!
//! `cargo run --release -p graph-docs-codegen --example emit_breakdown -- DOCS_DIR`

use std::time::{Duration, Instant};

use graph_docs_codegen::emit::{Emitter, IncludeStyle};
use graph_docs_codegen::Config;

fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f();
        best = best.min(start.elapsed());
        last = Some(out);
    }
    (best, last.expect("at least one run"))
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/graph-docs/api-reference".into());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a pool");
    pool.install(|| {
        let (load, loaded) = best(3, || {
            Config::new()
                .docs_dir(&dir)
                .check_examples(false)
                .load()
                .expect("docs readable")
        });
        let (emit, output) = best(3, || {
            Emitter::new(&loaded.schema).emit(IncludeStyle::Relative)
        });
        let (reformat, _) = best(3, || {
            output
                .files
                .values()
                .map(|text| {
                    prettyplease::unparse(&syn::parse_file(text).expect("valid Rust")).len()
                })
                .sum::<usize>()
        });
        let bytes: usize = output.files.values().map(String::len).sum();
        println!(
            "pages {}, types {}, output {:.1} MB",
            loaded.pages.len(),
            loaded.schema.types.len(),
            bytes as f64 / 1e6
        );
        println!(
            "load (read, parse, resolve): {:>7.1} ms",
            load.as_secs_f64() * 1e3
        );
        println!(
            "emit (tokens, parse, format): {:>6.1} ms",
            emit.as_secs_f64() * 1e3
        );
        println!(
            "  of which syn parse + prettyplease of the output alone: {:.1} ms ({:.0}%)",
            reformat.as_secs_f64() * 1e3,
            100.0 * reformat.as_secs_f64() / emit.as_secs_f64()
        );
    });
}
