#!/usr/bin/env bash
# build.rs reruns only on doc changes, and its codegen step costs milliseconds; and what a
# fresh `cargo build` of the root package costs (everything from nothing, as on a new clone).
#
#   scripts/build-rerun.sh [--before REV]
#
# --before REV times the fresh build of an earlier commit too (in a worktree under
# target/build-rerun/), in the same run, after this checkout's.
set -euo pipefail
cd "$(dirname "$0")/.."

before=""
while [ $# -gt 0 ]; do
    case "$1" in
        --before) before="${2:?--before takes a commit}"; shift 2 ;;
        -h|--help) sed -n '2,8p' scripts/build-rerun.sh; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

# fresh_build DIR LABEL: `cargo build` of DIR's root package into an empty target folder
fresh_build() {
    local target
    target=$(mktemp -d)
    (cd "$1" && CARGO_TARGET_DIR="$target" /usr/bin/time -f '%e %M' -o "$target/time" \
        cargo build --quiet 2>/dev/null)
    read -r secs kib <"$target/time"
    echo "fresh cargo build, $2: $secs s wall, peak $((kib / 1024)) MiB"
    rm -rf "$target"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%F)"
cargo build --quiet 2>/dev/null
cargo build --quiet --release -p graph-docs-codegen-cli

ran_build_script() { grep -c 'Running `.*graph-docs-models-.*/build-script-build`' || true; }

n=$(cargo build -v 2>&1 | ran_build_script)
echo "no doc change:   build script runs: $n (expected 0)"

page=docs-input/beta/resources/resultinfo.md
touch "$page"
n=$(cargo build -v 2>&1 | ran_build_script)
echo "one page edited: build script runs: $n (expected 1)"

# The codegen step itself: the same library call build.rs makes, through the CLI, on the
# whole of docs-input; median of 21 runs (process start included).
out=$(mktemp -d)
times=()
for _ in $(seq 21); do
  start=$(date +%s%N)
  ./target/release/graph-docs-codegen generate docs-input --out "$out" >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 11p)
echo "codegen for docs-input ($(find docs-input -name '*.md' -path '*/beta/*' | wc -l) pages): median $((median / 1000)).$(( (median % 1000) / 100 )) ms per run"
rm -rf "$out"

fresh_build . "this checkout ($(git rev-parse --short HEAD))"
if [ -n "$before" ]; then
    sha=$(git rev-parse --short "$before")
    tree="$PWD/target/build-rerun/tree-$sha"
    [ -d "$tree" ] || git worktree add --quiet --detach "$tree" "$sha"
    fresh_build "$tree" "$sha"
fi
