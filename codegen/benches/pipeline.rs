//! Criterion benchmark for issue "Speed": the codegen pipeline against a bare pulldown-cmark
//! pass over the same input, the `resources/` pages of `beta` and `v1.0`.
//!
//! ```text
//! cargo bench -p graph-docs-codegen --bench pipeline
//! ```
//!
//! Group `codegen`:
//! - `a_baseline_pulldown_cmark_1t`: walk, read every page, consume all events, 1 thread;
//! - `b_full_pipeline_1t`: `Config::load` + `Emitter::emit` on a 1-thread rayon pool;
//! - `c_full_pipeline_2t`: the same on a 2-thread rayon pool.
//!
//! The corpus is `$GRAPH_DOCS_CORPUS`, else `../shared/graph-docs/api-reference` beside the
//! workspace. Criterion prints each figure but no ratio between them: for the ratios run
//! `scripts/bench-codegen.sh` (the `codegen_timing` example).

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};

fn codegen(c: &mut Criterion) {
    let corpus = support::corpus_root();
    let input = support::ResourcesInput::new(&corpus)
        .unwrap_or_else(|e| panic!("cannot prepare bench input from {}: {e}", corpus.display()));
    eprintln!(
        "bench input: {} resource pages ({:.1} MB) from {}",
        input.pages,
        input.bytes as f64 / 1e6,
        corpus.display()
    );
    let root = input.root.clone();
    let pool1 = support::pool(1);
    let pool2 = support::pool(2);

    let mut group = c.benchmark_group("codegen");
    // One full-pipeline iteration takes over a second: few, flat samples keep the whole
    // bench to about a minute and a half.
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(20))
        .throughput(Throughput::Bytes(input.bytes));
    group.bench_function("a_baseline_pulldown_cmark_1t", |b| {
        b.iter(|| black_box(support::baseline(&root)))
    });
    group.bench_function("b_full_pipeline_1t", |b| {
        b.iter(|| black_box(support::pipeline(&root, &pool1)))
    });
    group.bench_function("c_full_pipeline_2t", |b| {
        b.iter(|| black_box(support::pipeline(&root, &pool2)))
    });
    group.finish();
    drop(input);
}

criterion_group!(benches, codegen);
criterion_main!(benches);
