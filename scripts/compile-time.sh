#!/usr/bin/env bash
# Issue "Speed": compile time of the generated whole-corpus crate against graph-rs-types
# 0.1.0 from crates.io, in seconds per 1,000 types; and the crate with its operations against
# the crate without (issue 18: at most 1.5x), with seconds and source bytes per operation.
#
#   scripts/compile-time.sh [--before REV]
#
# --before REV also generates the crate with the CLI of an earlier commit (built in a worktree
# under target/compile-time/) and times it in the same run, between ours and theirs, so a
# change to the generated code is measured against what it replaced under the same load.
#
# Method, the same for both crates: debug profile, fresh CARGO_TARGET_DIR, CARGO_INCREMENTAL=0
# (a crate used as a dependency is never built incrementally); first `cargo build` builds the
# dependencies (serde, ...) and the crate, then `cargo clean -p CRATE` drops only the crate's
# own artifacts and the timed `cargo build` rebuilds the crate alone. So the figure is the
# crate's own rustc time (plus cargo's freshness check), without its dependencies.
# Types: ours = the model types the CLI reports generating (`generated N types`); theirs =
# lines declaring `pub struct` / `pub enum` (one per metadata type there). The same grep on our
# sources is printed too: it also counts helper items (Any* wrappers).
# Wall time is what a user waits; CPU time (user + sys) is printed beside it, as it is far less
# skewed by other work on the machine (the load is printed after each timed build).
#
# Corpus: $GRAPH_DOCS_CORPUS, default ../shared/graph-docs/api-reference beside the workspace.
# Needs crates.io (graph-rs-types and the generated crate's dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."

before=""
while [ $# -gt 0 ]; do
    case "$1" in
        --before) before="${2:?--before takes a commit}"; shift 2 ;;
        -h|--help) sed -n '2,25p' scripts/compile-time.sh; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

# shellcheck source=scripts/measure-env.sh
. scripts/measure-env.sh
echo "method: debug, CARGO_INCREMENTAL=0, fresh target dir; dependencies built first, then"
echo "        'cargo clean -p CRATE' and the crate alone rebuilt and timed"
echo

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CARGO_INCREMENTAL=0
unset CARGO_BUILD_TARGET_DIR RUSTFLAGS CARGO_ENCODED_RUSTFLAGS

# count_types DIR: lines declaring a public struct or enum in DIR's .rs files
count_types() {
    find "$1" -name '*.rs' -print0 | xargs -0 cat | grep -cE '^\s*pub (struct|enum) '
}
count_lines() {
    find "$1" -name '*.rs' -print0 | xargs -0 cat | wc -l
}

# in_dir DIR LOG CMD...: runs CMD in DIR with its stderr (compiler warnings) appended to LOG;
# on failure shows the end of LOG and stops the script
in_dir() {
    local dir="$1" log="$2"
    shift 2
    (cd "$dir" && "$@") 2>>"$log" || {
        tail -n 40 "$log" >&2
        echo "error: '$*' failed in $dir" >&2
        exit 1
    }
}

# time_crate DIR CRATE [cargo args...]: builds everything, then times the rebuild of CRATE
# alone; sets $seconds (wall), $cpu (user + sys, or "?"), $peak_mib (largest rustc, or "?"),
# $load (1-minute load average right after) and $warnings (warning lines of the timed build)
time_crate() {
    local dir="$1" crate="$2"
    shift 2
    local log="$work/$crate.stderr"
    export CARGO_TARGET_DIR="$work/target-$crate"
    in_dir "$dir" "$log" cargo build --quiet "$@"
    in_dir "$dir" "$log" cargo clean --quiet -p "$crate"
    : >"$log"
    local start end
    start=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
        in_dir "$dir" "$log" /usr/bin/time -v -o "$work/time.txt" cargo build --quiet "$@"
        peak_mib=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$work/time.txt")
        cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {t += $2} END {printf "%.1f", t}' "$work/time.txt")
    else
        in_dir "$dir" "$log" cargo build --quiet "$@"
        peak_mib="?"
        cpu="?"
    fi
    end=$(date +%s.%N)
    seconds=$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", e - s}')
    load=$(cut -d' ' -f1 /proc/loadavg)
    warnings=$(grep -c '^warning' "$log" || true)
    unset CARGO_TARGET_DIR
}

# (i) ours: the whole corpus through the CLI into a complete cargo package
echo "== ours: whole corpus ($corpus) -> generated crate"
cargo build --quiet --release -p graph-docs-codegen-cli
cli="${CARGO_TARGET_DIR:-target}/release/graph-docs-codegen"
ours_name="graph-docs-corpus-models"
"$cli" generate "$corpus" --out "$work/ours" --crate "$ours_name" >"$work/generate.txt"
sed 's/^/   /' "$work/generate.txt"
ours_grep=$(count_types "$work/ours/src")
ours_types=$(sed -n 's/.*generated \([0-9][0-9]*\) types.*/\1/p' "$work/generate.txt" | head -n1)
if [ -z "$ours_types" ]; then
    echo "   (no 'generated N types' in the CLI output: counting pub struct/enum lines instead)"
    ours_types=$ours_grep
fi
ours_lines=$(count_lines "$work/ours/src")
# --all-features: every type compiled, whatever the generated package's default features are
time_crate "$work/ours" "$ours_name" --all-features
ours_seconds=$seconds
ours_cpu=$cpu
echo "   $ours_types types ($ours_grep pub struct/enum lines), $ours_lines source lines"
echo "   crate alone: ${ours_seconds} s wall, ${ours_cpu} s cpu, peak rustc ${peak_mib} MiB;" \
    "$warnings warning lines; load after: $load"

# The same crate without its operations (default features: every area, not `operations`),
# and what the operations cost: source bytes and seconds per operation.
ops=$(sed -n 's/.* and \([0-9][0-9]*\) operations.*/\1/p' "$work/generate.txt" | head -n1)
ops_bytes=$(find "$work/ours/src" -name '*.ops.rs' -print0 | xargs -0 cat | wc -c)
time_crate "$work/ours" "$ours_name"
echo "   without operations (default features): ${seconds} s wall, ${cpu} s cpu," \
    "peak rustc ${peak_mib} MiB; load after: $load"
awk -v w="$ours_seconds" -v wc="$ours_cpu" -v m="$seconds" -v mc="$cpu" -v n="${ops:-0}" -v b="$ops_bytes" 'BEGIN {
    printf "   operations: %d, %d bytes of source (%.0f bytes per operation)\n", n, b, (n ? b / n : 0)
    printf "   with / without operations: %.2fx wall", w / m
    if (wc != "?" && mc != "?") printf ", %.2fx cpu", wc / mc
    printf "; seconds per 1,000 operations: %.1f wall", (n ? (w - m) / n * 1000 : 0)
    if (wc != "?" && mc != "?") printf ", %.1f cpu", (n ? (wc - mc) / n * 1000 : 0)
    printf "\n"
}'
echo

# One product area alone: the Teams types and the areas they need, no other feature.
area="microsoft-teams"
time_crate "$work/ours" "$ours_name" --no-default-features --features "$area"
area_seconds=$seconds
echo "   feature $area alone: ${area_seconds} s wall, ${cpu} s cpu, peak rustc ${peak_mib} MiB" \
    "($(awk -v a="$area_seconds" -v w="$ours_seconds" 'BEGIN {printf "%.2f", a / w}')x the whole crate)"
echo

# (i b) the same corpus through the CLI of an earlier commit
if [ -n "$before" ]; then
    before_sha=$(git rev-parse --short "$before")
    echo "== ours at $before_sha: whole corpus -> generated crate"
    tree="$PWD/target/compile-time/tree-$before_sha"
    [ -d "$tree" ] || git worktree add --quiet --detach "$tree" "$before_sha"
    before_target="$PWD/target/compile-time/target-$before_sha"
    (cd "$tree" && CARGO_TARGET_DIR="$before_target" cargo build --quiet --release --workspace --bin graph-docs-codegen)
    "$before_target/release/graph-docs-codegen" generate "$corpus" --out "$work/before" \
        --crate "$ours_name" >"$work/generate-before.txt"
    before_types=$(sed -n 's/.*generated \([0-9][0-9]*\) types.*/\1/p' "$work/generate-before.txt" | head -n1)
    before_bytes=$(find "$work/before/src" -name '*.rs' -print0 | xargs -0 cat | wc -c)
    ours_bytes=$(find "$work/ours/src" -name '*.rs' -print0 | xargs -0 cat | wc -c)
    time_crate "$work/before" "$ours_name" --all-features
    echo "   $before_types types, $(count_lines "$work/before/src") source lines, $before_bytes bytes" \
        "(now: $ours_bytes bytes)"
    echo "   crate alone: ${seconds} s wall, ${cpu} s cpu, peak rustc ${peak_mib} MiB; load after: $load"
    awk -v b="$seconds" -v bc="$cpu" -v n="$ours_seconds" -v nc="$ours_cpu" 'BEGIN {
        printf "   now / then: %.2fx wall", n / b
        if (bc != "?" && nc != "?") printf ", %.2fx cpu", nc / bc
        printf "\n"
    }'
    echo
fi

# (ii) theirs: graph-rs-types 0.1.0 from crates.io, as a dependency of a throwaway package
echo "== theirs: graph-rs-types 0.1.0 (crates.io)"
mkdir -p "$work/theirs/src"
cat >"$work/theirs/Cargo.toml" <<'TOML'
[package]
name = "compile-time-host"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
graph-rs-types = "=0.1.0"

[workspace]
TOML
: >"$work/theirs/src/lib.rs"
time_crate "$work/theirs" graph-rs-types -p graph-rs-types
theirs_seconds=$seconds
theirs_cpu=$cpu
manifest=$(cd "$work/theirs" && cargo metadata --quiet --format-version 1 |
    grep -o '"manifest_path":"[^"]*graph-rs-types-0\.1\.0/Cargo\.toml"' | head -n1 |
    sed 's/"manifest_path":"//; s/"$//')
theirs_src="$(dirname "$manifest")/src"
theirs_types=$(count_types "$theirs_src")
theirs_lines=$(count_lines "$theirs_src")
echo "   source: $theirs_src"
echo "   $theirs_types types (pub struct/enum lines), $theirs_lines source lines"
echo "   crate alone: ${theirs_seconds} s wall, ${theirs_cpu} s cpu, peak rustc ${peak_mib} MiB;" \
    "load after: $load"
echo

awk -v os="$ours_seconds" -v oc="$ours_cpu" -v ot="$ours_types" -v ol="$ours_lines" \
    -v ts="$theirs_seconds" -v tc="$theirs_cpu" -v tt="$theirs_types" -v tl="$theirs_lines" 'BEGIN {
    o = os / ot * 1000; t = ts / tt * 1000
    printf "seconds per 1,000 types (wall): ours %.2f s   theirs %.2f s   ratio ours/theirs %.2fx\n", o, t, o / t
    if (oc != "?" && tc != "?") {
        o = oc / ot * 1000; t = tc / tt * 1000
        printf "seconds per 1,000 types (cpu):  ours %.2f s   theirs %.2f s   ratio ours/theirs %.2fx\n", o, t, o / t
    }
    o = os / ol * 1000; t = ts / tl * 1000
    printf "seconds per 1,000 source lines (wall): ours %.3f s   theirs %.3f s   ratio ours/theirs %.2fx\n", o, t, o / t
}'

load_note "at end"
