#!/usr/bin/env bash
# Issue "Speed": codegen pipeline time against a bare pulldown-cmark pass, side by side.
#
#   scripts/bench-codegen.sh [--runs N] [--criterion]
#   scripts/bench-codegen.sh --processes [--runs N]
#
# --processes: the issue's target as whole processes, over ALL pages of the corpus (both
# versions, resources and API pages): `graph-docs-codegen generate CORPUS --out DIR` (release)
# against the example markdown_pass (walk, read, every pulldown-cmark event, one thread), with
# farm-bench, alternating, N runs each (default 5); its report gives medians and the ratio.
#
# Input: the resources/ pages of beta and v1.0 of $GRAPH_DOCS_CORPUS (default
# ../shared/graph-docs/api-reference beside the workspace). Runs the release example
# codegen/examples/codegen_timing.rs, which times in one process
#   (a) baseline: walk + read + pulldown-cmark events (tables on), 1 thread
#   (b) full pipeline: Config::load + Emitter::emit, 1-thread rayon pool
#   (c) full pipeline on a 2-thread rayon pool
# N times each (default 5, interleaved; minimum reported) and prints the ratios b/a, c/a, b/c.
# Peak memory: /usr/bin/time -v on that run, then on one run of each target alone.
# --criterion also runs the criterion bench (cargo bench --bench pipeline, ~1.5 min).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5
criterion=false
processes=false
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="${2:?--runs takes a number}"; shift 2 ;;
        --criterion) criterion=true; shift ;;
        --processes) processes=true; shift ;;
        -h|--help) sed -n '2,21p' scripts/bench-codegen.sh; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

# shellcheck source=scripts/measure-env.sh
. scripts/measure-env.sh
if [ ! -d "$corpus/beta/resources" ] || [ ! -d "$corpus/v1.0/resources" ]; then
    echo "error: no beta/resources and v1.0/resources in $corpus" >&2
    exit 2
fi
GRAPH_DOCS_CORPUS="$corpus"
export GRAPH_DOCS_CORPUS
echo

target_dir="${CARGO_TARGET_DIR:-target}"
if $processes; then
    cargo build --quiet --release -p graph-docs-codegen-cli -p graph-docs-codegen --example markdown_pass
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
    echo "A: graph-docs-codegen generate (the whole pipeline, all pages, rayon on every core)"
    echo "B: markdown_pass (read + pulldown-cmark events, one thread)"
    farm-bench -n "$runs" --timeout 600 \
        --vs "$target_dir/release/examples/markdown_pass $GRAPH_DOCS_CORPUS" \
        -- "$target_dir/release/graph-docs-codegen" generate "$GRAPH_DOCS_CORPUS" --out "$out"
    load_note "at end"
    exit 0
fi

cargo build --quiet --release -p graph-docs-codegen --example codegen_timing
bin="$target_dir/release/examples/codegen_timing"

timefile="$(mktemp)"
trap 'rm -f "$timefile"' EXIT

# peak RSS in MiB of the last command run under /usr/bin/time -v -o "$timefile"
peak() {
    awk -F': ' '/Maximum resident set size/ {printf "%.1f MiB", $2 / 1024}' "$timefile"
}

if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$timefile" "$bin" --runs "$runs"
    echo "peak RSS of the whole timing run (/usr/bin/time -v): $(peak)"
    echo
    echo "peak RSS of one run of each target alone (includes preparing the input):"
    for t in a b c; do
        /usr/bin/time -v -o "$timefile" "$bin" --only "$t" >/dev/null
        echo "  ($t) $(peak)"
    done
else
    echo "(/usr/bin/time not installed: peak memory from the process's own VmHWM only;"
    echo " apt-get install time for the per-target figures)"
    "$bin" --runs "$runs"
fi

if $criterion; then
    echo
    cargo bench -p graph-docs-codegen --bench pipeline
fi

load_note "at end"
