//! The fuzz package has a lock file of its own (it is its own workspace). When it lists
//! packages that no longer resolve (the CLI's dependencies, left from before the engine and
//! the CLI were split), every `scripts/fuzz.sh` run rewrites it and leaves the checkout dirty.
//! `--locked` makes cargo fail instead of rewriting: the lock file must be exactly what the
//! fuzz manifest resolves to. After changing the dependencies of the engine, the runtime or the
//! models, refresh it with `cargo metadata --format-version 1 --manifest-path fuzz/Cargo.toml`.

use std::process::Command;

#[test]
fn the_fuzz_lock_file_is_what_the_fuzz_manifest_resolves_to() {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/Cargo.toml");
    let out = Command::new(cargo)
        .args([
            "metadata",
            "--locked",
            "--format-version",
            "1",
            "--manifest-path",
        ])
        .arg(manifest)
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "fuzz/Cargo.lock is stale (a fuzz run would rewrite it); refresh it with \
         `cargo metadata --format-version 1 --manifest-path fuzz/Cargo.toml`:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
