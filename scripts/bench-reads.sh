#!/usr/bin/env bash
# Typed reads against serde_json::Value, this checkout against an earlier commit, side by side.
#
#   scripts/bench-reads.sh [--rounds N] [--repeat R] [--before-work DIR] BEFORE_REV
#
# For each of HEAD and BEFORE_REV: builds the CLI (release, the earlier one in a worktree
# under target/bench-reads/), then runs `graph-docs-codegen examples CORPUS --bench N`, which
# reads every example body that passes the example check into its generated type and into
# `serde_json::Value`, in an optimised runner, alternating, best of N rounds (default 20).
# The runners are built once and kept under target/bench-reads/ (the first run takes a
# while: a debug and a release build of the whole-corpus types for each commit; about 10 GB
# each, one at a time; --before-work DIR reuses an earlier commit's runners from an `examples
# --work-dir DIR` run). Then R rounds (default 3) alternate the two commits and each prints
# its figures, so the two are taken under the same conditions.
# Each commit reads the bodies that pass its own example check: the ratio typed/Value is the
# figure to compare, not the milliseconds. Then, like for like, both runners read the same
# bodies: those both commits' checks pass, identical apart from their id (jq), each runner run
# directly (`RUNNER bench N < FILE`), alternating, R rounds, then the medians of the R
# ratios and of new/old per pair; the inputs and the common file are kept under
# target/bench-reads/ for profiling.
#
# Corpus: $GRAPH_DOCS_CORPUS, default ../shared/graph-docs/api-reference beside the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=20
repeat=3
before=""
before_work=""
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds="${2:?--rounds takes a number}"; shift 2 ;;
        --repeat) repeat="${2:?--repeat takes a number}"; shift 2 ;;
        --before-work) before_work="${2:?--before-work takes a folder}"; shift 2 ;;
        -h|--help) sed -n '2,22p' scripts/bench-reads.sh; exit 0 ;;
        -*) echo "unknown argument: $1" >&2; exit 2 ;;
        *) before="$1"; shift ;;
    esac
done
if [ -z "$before" ]; then
    echo "usage: scripts/bench-reads.sh [--rounds N] [--repeat R] BEFORE_REV" >&2
    exit 2
fi
# shellcheck source=scripts/measure-env.sh
. scripts/measure-env.sh
echo

root="$PWD/target/bench-reads"
mkdir -p "$root"
before_sha=$(git rev-parse --short "$before")
after_sha=$(git rev-parse --short HEAD)

# cli REV DIR: the release CLI of the checkout in DIR, built into its own target folder
cli() {
    local dir="$1" target="$root/target-$2"
    (cd "$dir" && CARGO_TARGET_DIR="$target" cargo build --quiet --release --workspace --bin graph-docs-codegen) >&2
    echo "$target/release/graph-docs-codegen"
}
tree="$root/tree-$before_sha"
[ -d "$tree" ] || git worktree add --quiet --detach "$tree" "$before_sha"
before_cli=$(cli "$tree" "$before_sha")
after_cli=$(cli "$PWD" current)

# figures REV: the runner's JSON line of figures on stdin -> REV, typed ms, Value ms, ratio, bodies
figures() {
    awk -v rev="$1" '{
        match($0, /"bodies":[0-9]+/); bodies = substr($0, RSTART + 9, RLENGTH - 9)
        match($0, /"typed_ms":[0-9.]+/); typed = substr($0, RSTART + 11, RLENGTH - 11)
        match($0, /"value_ms":[0-9.]+/); value = substr($0, RSTART + 11, RLENGTH - 11)
        printf "%-10s %8.2f ms %8.2f ms %7.2f %8s\n", rev, typed, value, typed / value, bodies
    }'
}

# bench REV CLI [WORK]: one `examples --bench` run (saving the runner's input), its figures
bench() {
    GRAPH_DOCS_RUNNER_INPUT="$root/input-$1.jsonl" \
        "$2" examples "$corpus" --work-dir "${3:-$root/work-$1}" --bench "$rounds" 2>/dev/null |
        grep '^typed read benchmark:' | figures "$1"
}

echo "first runs build each commit's runners (slow); their figures are not kept"
bench "$before_sha" "$before_cli" "$before_work" >/dev/null
# This checkout's runners stay in one folder whatever the commit: a rerun rebuilds what changed.
after_work="$root/work-current"
bench "$after_sha" "$after_cli" "$after_work" >/dev/null
echo
printf "%-10s %11s %11s %7s %8s\n" commit typed Value ratio bodies
for _ in $(seq "$repeat"); do
    bench "$before_sha" "$before_cli" "$before_work"
    bench "$after_sha" "$after_cli" "$after_work"
done

# Like for like: the bodies both commits read, each runner run directly on them.
command -v jq >/dev/null || { echo "jq is needed for the like-for-like comparison" >&2; exit 1; }
# Keys keep their order: where @odata.type stands decides how an Any* object is read.
normalised() { jq -c 'del(.id)' "$1" | sort -u; }
common="$root/input-common.jsonl"
comm -12 <(normalised "$root/input-$before_sha.jsonl") <(normalised "$root/input-$after_sha.jsonl") >"$common"
runner() { find "$1/target/release" -maxdepth 1 -type f -executable -name 'graph-docs-examples*' | head -1; }
before_runner=$(runner "${before_work:-$root/work-$before_sha}")
after_runner=$(runner "$after_work")
echo
echo "like for like: $(wc -l <"$common") bodies both commits read ($common)"
printf "%-10s %11s %11s %7s %8s\n" commit typed Value ratio bodies
# direct REV RUNNER: the runner itself on the common bodies, its figures
direct() { "$2" bench "$rounds" <"$common" | figures "$1"; }
: >"$root/direct-before.txt"
: >"$root/direct-after.txt"
for _ in $(seq "$repeat"); do
    direct "$before_sha" "$before_runner" | tee -a "$root/direct-before.txt"
    direct "$after_sha" "$after_runner" | tee -a "$root/direct-after.txt"
done
# One run is not to be trusted on a small machine; the medians of the alternations are.
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
ratios() { awk '{ print $6 }' "$root/direct-$1.txt"; }
echo
echo "medians of $repeat alternations: typed/Value $before_sha $(ratios before | median)," \
    "$after_sha $(ratios after | median); new/old per pair" \
    "$(paste <(ratios before) <(ratios after) | awk '{ printf "%.3f\n", $2 / $1 }' | median)"
load_note "at end"
