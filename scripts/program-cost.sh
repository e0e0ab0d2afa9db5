#!/usr/bin/env bash
# Issue 21: what a program pays for the types. The same small program (read each of 16 root
# types from text and write it back) built over our generated crate (`generate --only` for the
# 16 roots) and over graph-rs-types 0.1.0 (plain serde derive, the same roots), release and
# debug, side by side in one run, with ratios ours/theirs.
#
#   scripts/program-cost.sh [--before REV] [--profile] [--keep DIR]
#
# Timed: the models crate plus the program, after their dependencies (serde, chrono, ...):
# everything is built once, then `cargo clean -p MODELS -p program` and the rebuild is timed;
# then the program alone (`cargo clean -p program`). CARGO_INCREMENTAL=0 for both sides (a
# dependency is never built incrementally; the program neither, so both sides are alike).
# Sizes: the binary as cargo leaves it (debug info included in debug) and its .text section.
#
# --profile also prints, for the release program over each crate: the top functions of
# `cargo llvm-lines` (copies and LLVM IR lines per generic function; installed with `cargo
# install cargo-llvm-lines` if missing), the lines whose function names a generated type,
# per type; and, with nightly, the slowest passes of `-Z time-passes` on the program and the
# largest generated types of `-Z print-type-sizes`.
# --before REV also measures, in the same run, the program over the crate an earlier commit
# generates, with that commit's runtime (its CLI built in a worktree under
# target/program-cost/), so a change is measured against what it replaced under the same load.
# --keep DIR writes the packages into DIR and keeps them (default: a temporary directory).
# The generated package depends on a copy of runtime/ taken at the start, so editing the
# runtime while the script runs changes nothing measured.
#
# Heavy (a few minutes, a few GiB): run it as `flock /tmp/heavy-build.lock scripts/program-cost.sh`.
# Corpus: $GRAPH_DOCS_CORPUS, default ../shared/graph-docs/api-reference beside the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=""
keep=""
before=""
while [ $# -gt 0 ]; do
    case "$1" in
        --profile) profile=1; shift ;;
        --before) before="${2:?--before takes a commit}"; shift 2 ;;
        --keep) keep="${2:?--keep takes a directory}"; shift 2 ;;
        -h|--help) sed -n '2,29p' scripts/program-cost.sh; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

# shellcheck source=scripts/measure-env.sh
. scripts/measure-env.sh
echo "method: CARGO_INCREMENTAL=0, fresh target dirs; dependencies built first, then the"
echo "        models crate and the program rebuilt and timed, then the program alone"
echo

if [ -n "$keep" ]; then
    mkdir -p "$keep"
    work="$(cd "$keep" && pwd)"
else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi
export CARGO_INCREMENTAL=0
unset CARGO_BUILD_TARGET_DIR RUSTFLAGS CARGO_ENCODED_RUSTFLAGS

# The 16 roots: our qualified name, and graph-rs-types' struct.
roots="user:User message:Message event:Event group:Group driveItem:DriveItem drive:Drive
calendar:Calendar contact:Contact mailFolder:MailFolder site:Site listItem:ListItem team:Team
channel:Channel plannerTask:PlannerTask organization:Organization device:Device"

# write_program DIR MODELS_DEP MODULE: the program over a models crate; each root read from
# the text on stdin when the first argument names it, and written back.
write_program() {
    local dir="$1" dep="$2" module="$3"
    mkdir -p "$dir/src"
    cat >"$dir/Cargo.toml" <<TOML
[package]
name = "program"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$dep
serde_json = "1"

[workspace]
TOML
    {
        echo "//! Reads one of 16 Graph types from stdin, named by the first argument, and"
        echo "//! writes it back: the reading and writing a program over the types compiles."
        echo "use std::io::Read;"
        echo
        echo "fn round(name: &str, text: &str) -> Result<String, serde_json::Error> {"
        echo "    match name {"
        for pair in $roots; do
            local wire="${pair%%:*}" rust="${pair##*:}"
            echo "        \"$wire\" => serde_json::to_string(&serde_json::from_str::<$module::$rust>(text)?),"
        done
        echo "        _ => Ok(String::new()),"
        echo "    }"
        echo "}"
        echo
        echo "fn main() {"
        echo "    let name = std::env::args().nth(1).unwrap_or_default();"
        echo "    let mut text = String::new();"
        echo "    std::io::stdin().read_to_string(&mut text).expect(\"stdin\");"
        echo "    match round(&name, &text) {"
        echo "        Ok(out) => println!(\"{out}\"),"
        echo "        Err(e) => eprintln!(\"{e}\"),"
        echo "    }"
        echo "}"
    } >"$dir/src/main.rs"
}

# in_dir DIR CMD...: runs CMD in DIR, its stderr to DIR/build.log; shows the log's end on failure
in_dir() {
    local dir="$1"
    shift
    (cd "$dir" && "$@") 2>>"$dir/build.log" || {
        tail -n 40 "$dir/build.log" >&2
        echo "error: '$*' failed in $dir" >&2
        exit 1
    }
}

# timed DIR OUT CMD...: runs CMD in DIR under /usr/bin/time; sets $wall, $cpu, $peak_mib, $load
timed() {
    local dir="$1" out="$2"
    shift 2
    local start end
    start=$(date +%s.%N)
    in_dir "$dir" /usr/bin/time -v -o "$out" "$@"
    end=$(date +%s.%N)
    wall=$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", e - s}')
    cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {t += $2} END {printf "%.1f", t}' "$out")
    peak_mib=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$out")
    load=$(cut -d' ' -f1 /proc/loadavg)
}

# measure SIDE DIR MODELS_CRATE PROFILE: one side in one profile; prints one line and keeps
# the figures in $work/figures.txt as "SIDE PROFILE key=value ..."
measure() {
    local side="$1" dir="$2" models="$3" prof="$4"
    local flag="" sub="debug"
    if [ "$prof" = release ]; then flag="--release"; sub="release"; fi
    export CARGO_TARGET_DIR="$dir/target"
    in_dir "$dir" cargo build --quiet $flag
    in_dir "$dir" cargo clean --quiet $flag -p "$models" -p program
    timed "$dir" "$work/time-$side-$prof.txt" cargo build --quiet $flag
    local both_wall=$wall both_cpu=$cpu both_peak=$peak_mib both_load=$load
    in_dir "$dir" cargo clean --quiet $flag -p program
    timed "$dir" "$work/time-$side-$prof-program.txt" cargo build --quiet $flag
    local bin="$CARGO_TARGET_DIR/$sub/program"
    local bytes text
    bytes=$(stat -c %s "$bin")
    text=$(size -A "$bin" | awk '$1 == ".text" {print $2}')
    unset CARGO_TARGET_DIR
    printf '   %-7s %-6s models+program %6.1f s wall %6.1f s cpu (peak %s MiB, load %s) | program alone %6.1f s wall %6.1f s cpu (load %s) | binary %6.1f MiB, .text %5.1f MiB\n' \
        "$prof" "$side" "$both_wall" "$both_cpu" "$both_peak" "$both_load" "$wall" "$cpu" "$load" \
        "$(awk -v b="$bytes" 'BEGIN {print b / 1048576}')" "$(awk -v b="$text" 'BEGIN {print b / 1048576}')"
    echo "$side $prof both_wall=$both_wall both_cpu=$both_cpu prog_wall=$wall prog_cpu=$cpu bytes=$bytes text=$text" \
        >>"$work/figures.txt"
}

only=()
for pair in $roots; do only+=(--only "v1.0:microsoft.graph.${pair%%:*}"); done

# generate CLI RUNTIME OUT: the models package of the 16 roots
generate() {
    rm -rf "$3"
    "$1" generate "$corpus" --out "$3" --crate program-models "${only[@]}" --runtime-path "$2" \
        --show none >"$work/generate.txt"
    grep -E '^read ' "$work/generate.txt" | sed 's/^/   /'
}

# (i) ours: the 16 roots through the CLI into a package, and the program over it
echo "== ours: generate --only, 16 roots (v1.0)"
cargo build --quiet --release -p graph-docs-codegen-cli
cli="${CARGO_TARGET_DIR:-target}/release/graph-docs-codegen"
rm -rf "$work/runtime"
cp -r runtime "$work/runtime"
# The copy is outside the workspace: give it the fields it inherits from the workspace.
for field in edition license rust-version; do
    value=$(sed -n "/^\[workspace.package\]/,/^\[/ s/^$field = \(.*\)/\1/p" Cargo.toml)
    sed -i "s/^$field.workspace = true/$field = $value/" "$work/runtime/Cargo.toml"
done
generate "$cli" "$work/runtime" "$work/ours-models"
ours_structs=$(grep -cE '^\s*pub struct ' "$work/ours-models/src/v1_0.rs" || true)
write_program "$work/ours" "program-models = { path = \"$work/ours-models\" }" "program_models::v1_0"
sides="ours theirs"

# (i b) the same through an earlier commit's CLI and runtime
if [ -n "$before" ]; then
    before_sha=$(git rev-parse --short "$before")
    echo "== before ($before_sha): generate --only, 16 roots (v1.0)"
    tree="$PWD/target/program-cost/tree-$before_sha"
    [ -d "$tree" ] || git worktree add --quiet --detach "$tree" "$before_sha"
    before_target="$PWD/target/program-cost/target-$before_sha"
    (cd "$tree" && CARGO_TARGET_DIR="$before_target" cargo build --quiet --release -p graph-docs-codegen-cli)
    generate "$before_target/release/graph-docs-codegen" "$tree/runtime" "$work/before-models"
    write_program "$work/before" "program-models = { path = \"$work/before-models\" }" "program_models::v1_0"
    sides="before ours theirs"
fi

# theirs: graph-rs-types 0.1.0 from crates.io
write_program "$work/theirs" 'graph-rs-types = "=0.1.0"' "graph_rs_types::entitytypes"
: >"$work/figures.txt"
echo

echo "== builds (ours: $ours_structs structs in the models crate; theirs: graph-rs-types, 602 structs)"
for prof in release debug; do
    for side in $sides; do
        models=$([ "$side" = theirs ] && echo graph-rs-types || echo program-models)
        measure "$side" "$work/$side" "$models" "$prof"
    done
done
echo
echo "== ratios to theirs (graph-rs-types)"
awk -v sides="$sides" '
    { side = $1; prof = $2; for (i = 3; i <= NF; i++) { split($i, kv, "="); f[side, prof, kv[1]] = kv[2] } }
    END {
        n = split("release debug", profs, " ")
        m = split(sides, ss, " ")
        for (p = 1; p <= n; p++) for (k = 1; k < m; k++) {
            q = profs[p]; s = ss[k]
            printf "   %-7s %-6s models+program %.2fx wall, %.2fx cpu | program alone %.2fx wall, %.2fx cpu | binary %.2fx, .text %.2fx\n", q, s,
                f[s, q, "both_wall"] / f["theirs", q, "both_wall"], f[s, q, "both_cpu"] / f["theirs", q, "both_cpu"],
                f[s, q, "prog_wall"] / f["theirs", q, "prog_wall"], f[s, q, "prog_cpu"] / f["theirs", q, "prog_cpu"],
                f[s, q, "bytes"] / f["theirs", q, "bytes"], f[s, q, "text"] / f["theirs", q, "text"]
        }
    }' "$work/figures.txt"
echo "   (targets of issue 21: release <= 0.6x wall and cpu, debug <= 0.5x, binary <= 1.2x)"
load_note "after the builds"

if [ -z "$profile" ]; then
    exit 0
fi

# (ii) where the time and the code go, release program
echo
echo "== profile: cargo llvm-lines, release program (LLVM IR lines before optimisation)"
if ! cargo llvm-lines --version >/dev/null 2>&1; then
    cargo install --quiet --locked cargo-llvm-lines
fi
for side in $sides; do
    dir="$work/$side"
    export CARGO_TARGET_DIR="$dir/target-lines"
    (cd "$dir" && cargo llvm-lines --release --bin program 2>>"$dir/build.log") >"$work/lines-$side.txt"
    unset CARGO_TARGET_DIR
    models=$([ "$side" = theirs ] && echo graph_rs_types || echo program_models)
    echo "-- $side: $(sed -n 's/^ *\([0-9]*\).*(TOTAL).*/\1/p' "$work/lines-$side.txt") lines; top 12:"
    sed -n '3,14p' "$work/lines-$side.txt" | sed 's/^/   /'
    # Lines and copies of the functions that name a generated type, per type named.
    grep -F "$models::" "$work/lines-$side.txt" | awk -v m="$models" '
        { lines += $1; copies += $3
          s = $0
          while (match(s, m "::[A-Za-z0-9_:]+")) { t[substr(s, RSTART, RLENGTH)] = 1; s = substr(s, RSTART + RLENGTH) } }
        END { n = 0; for (k in t) n++
              printf "   functions naming a generated type: %d lines, %d copies, %d types named: %.0f lines per type\n", lines, copies, n, (n ? lines / n : 0) }'
done

if cargo +nightly -V >/dev/null 2>&1; then
    echo
    echo "== profile: -Z time-passes on the release program (nightly), slowest passes"
    for side in $sides; do
        dir="$work/$side"
        export CARGO_TARGET_DIR="$dir/target-nightly"
        in_dir "$dir" cargo +nightly build --quiet --release
        in_dir "$dir" cargo +nightly clean --quiet --release -p program
        (cd "$dir" && cargo +nightly rustc --quiet --release --bin program -- -Z time-passes 2>&1) |
            grep -E '^time:' | sort -t: -k2 -rn | awk '{print}' >"$work/passes-$side.txt" || true
        unset CARGO_TARGET_DIR
        echo "-- $side"
        sort -k2 -rn "$work/passes-$side.txt" | head -n 12 | sed 's/^/   /'
    done
    echo
    echo "== profile: -Z print-type-sizes, the largest generated types (ours)"
    dir="$work/ours"
    export CARGO_TARGET_DIR="$dir/target-nightly"
    (cd "$dir" && cargo +nightly rustc --quiet --release --bin program -- -Z print-type-sizes 2>&1) |
        sed -n 's/^print-type-size type: `\(program_models::[^`]*\)`: \([0-9]*\) bytes.*/\2 \1/p' |
        sort -rn | head -n 10 | sed 's/^/   /' || true
    unset CARGO_TARGET_DIR
fi
load_note "at end"
