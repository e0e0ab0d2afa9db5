#!/usr/bin/env bash
# build.rs reruns only on doc changes, and its codegen step costs milliseconds.
# Run from the workspace root: bash scripts/build-rerun.sh
set -euo pipefail
cd "$(dirname "$0")/.."

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
