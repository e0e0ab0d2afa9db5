//! Times the codegen pipeline against a bare pulldown-cmark pass over the same pages, side by
//! side in one process, and prints the figures and their ratios (issue "Speed").
//!
//! ```text
//! cargo run --release -p graph-docs-codegen --example codegen_timing -- [--runs N] [--only a|b|c] [CORPUS]
//! ```
//!
//! The input is the `resources/` pages of `beta` and `v1.0` of CORPUS (default:
//! `$GRAPH_DOCS_CORPUS`, else `../shared/graph-docs/api-reference` beside the workspace).
//! Targets:
//! - (a) baseline: walk, read every page and consume all pulldown-cmark events, 1 thread;
//! - (b) full pipeline (`Config::load` + `Emitter::emit`) on a 1-thread rayon pool;
//! - (c) the same on a 2-thread rayon pool.
//!
//! Each target runs once to warm up, then N times (default 5), interleaved a, b, c, a, ...;
//! the minimum is reported, with the median beside it. `--only X` runs one target once,
//! so that an outer `/usr/bin/time -v` sees that target's peak memory alone.

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let mut runs = 5usize;
    let mut only: Option<char> = None;
    let mut corpus: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| usage("--runs takes a positive number"));
            }
            "--only" => {
                only = match args.next().as_deref() {
                    Some("a") => Some('a'),
                    Some("b") => Some('b'),
                    Some("c") => Some('c'),
                    _ => usage("--only takes a, b or c"),
                };
            }
            "-h" | "--help" => usage(""),
            _ if !arg.starts_with('-') && corpus.is_none() => corpus = Some(arg.into()),
            _ => usage(&format!("unexpected argument {arg}")),
        }
    }
    let corpus = corpus.unwrap_or_else(support::corpus_root);
    let input = support::ResourcesInput::new(&corpus).unwrap_or_else(|e| {
        eprintln!(
            "error: cannot prepare bench input from {}: {e}",
            corpus.display()
        );
        std::process::exit(2);
    });
    let root = input.root.clone();
    println!(
        "input: {} resource pages ({:.1} MB) of {} from {}, {} into {}",
        input.pages,
        input.bytes as f64 / 1e6,
        support::VERSIONS.join(" + "),
        corpus.display(),
        if input.hard_linked {
            "hard-linked"
        } else {
            "copied"
        },
        root.display()
    );

    let pool1 = support::pool(1);
    let pool2 = support::pool(2);
    let a = || {
        std::hint::black_box(support::baseline(&root));
    };
    let b = || {
        std::hint::black_box(support::pipeline(&root, &pool1));
    };
    let c = || {
        std::hint::black_box(support::pipeline(&root, &pool2));
    };

    if let Some(target) = only {
        let start = Instant::now();
        match target {
            'a' => a(),
            'b' => b(),
            _ => c(),
        }
        println!("({target}) one run: {:.1} ms", ms(start.elapsed()));
        print_peak();
        return;
    }

    let (types, files) = support::pipeline(&root, &pool2);
    let events = support::baseline(&root);
    println!("pipeline output: {types} types in {files} files; baseline: {events} markdown events");
    println!(
        "cores: {} available; runs: 1 warm-up + {runs} timed per target, interleaved",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );

    let mut times: [Vec<Duration>; 3] = Default::default();
    for _ in 0..runs {
        for (i, f) in [&a as &dyn Fn(), &b, &c].into_iter().enumerate() {
            let start = Instant::now();
            f();
            times[i].push(start.elapsed());
        }
    }
    let labels = [
        "(a) baseline: read + pulldown-cmark, 1 thread",
        "(b) full pipeline (load + emit), 1 thread   ",
        "(c) full pipeline (load + emit), 2 threads  ",
    ];
    let mut mins = [0f64; 3];
    for (i, t) in times.iter_mut().enumerate() {
        t.sort();
        mins[i] = ms(t[0]);
        println!(
            "{}  min {:>9.1} ms   median {:>9.1} ms   max {:>9.1} ms",
            labels[i],
            mins[i],
            ms(t[t.len() / 2]),
            ms(t[t.len() - 1])
        );
    }
    println!(
        "ratios (of minima): b/a = {:.1}x   c/a = {:.1}x   b/c (2-thread speedup) = {:.2}x",
        mins[1] / mins[0],
        mins[2] / mins[0],
        mins[1] / mins[2]
    );
    print_peak();
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Peak resident set of this process (Linux `VmHWM`), if it can be read.
fn print_peak() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:")) {
        let kb: f64 = line
            .split_whitespace()
            .nth(1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(0.0);
        println!("peak RSS of this process (VmHWM): {:.1} MiB", kb / 1024.0);
    }
}

fn usage(message: &str) -> ! {
    if !message.is_empty() {
        eprintln!("error: {message}");
    }
    eprintln!(
        "usage: codegen_timing [--runs N] [--only a|b|c] [CORPUS]\n\
         CORPUS defaults to $GRAPH_DOCS_CORPUS, else ../shared/graph-docs/api-reference"
    );
    std::process::exit(if message.is_empty() { 0 } else { 2 });
}
