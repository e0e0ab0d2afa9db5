//! The yardstick of the codegen target as a whole process: walk a docs folder, read every
//! `.md` page and consume all its pulldown-cmark events (tables on), one thread, then print
//! the number of events. `scripts/bench-codegen.sh --processes` times it against
//! `graph-docs-codegen generate` over the same folder.
//!
//! ```text
//! cargo run --release -p graph-docs-codegen --example markdown_pass -- DOCS
//! ```

#[path = "../benches/support/mod.rs"]
mod support;

fn main() {
    let Some(root) = std::env::args_os().nth(1) else {
        eprintln!("usage: markdown_pass DOCS");
        std::process::exit(2);
    };
    println!("{} events", support::baseline(std::path::Path::new(&root)));
}
