#!/usr/bin/env bash
# Issue "Hostile and broken input": runs every fuzz target for SECONDS each, one after the
# other, and prints executions per target and in all.
#
#   scripts/fuzz.sh SECONDS [TARGET...]       (default: every target of fuzz/Cargo.toml)
#
# Needs nightly and cargo-fuzz (`cargo install cargo-fuzz`). Corpora grow in fuzz/corpus/
# (not committed); the page target also starts from the docs-input/ pages. A crash leaves its
# input in fuzz/artifacts/TARGET/ and the script exits non-zero; keep such an input as a
# regression test (fuzz/regressions/, run by codegen/tests/fuzz_regressions.rs).
# Exits non-zero when a target fails.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}"
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v graph-docs-fuzz)
fi

total=0
failed=()
cd fuzz
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    seeds=()
    [ "$t" = page ] && seeds=(../docs-input/beta/resources ../docs-input/beta/api)
    [ -d "seeds/$t" ] && seeds+=("seeds/$t")
    log="$(mktemp)"
    status=ok
    # cargo-fuzz's default build: optimised, with debug assertions and overflow checks.
    # -timeout: an input taking 30 s is a bug (unbounded work), not a slow machine.
    if ! cargo +nightly fuzz run "$t" "corpus/$t" "${seeds[@]}" -- \
        -max_total_time="$seconds" -print_final_stats=1 -timeout=30 >"$log" 2>&1; then
        status=FAILED
        failed+=("$t")
        tail -40 "$log" >&2
    fi
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    runs="${runs:-0}"
    total=$((total + runs))
    printf '%-12s %12s executions  %s\n' "$t" "$runs" "$status"
    rm -f "$log"
done
printf '%-12s %12s executions  (%s s per target, %s)\n' total "$total" "$seconds" "$(date -u +%F)"
if [ ${#failed[@]} -gt 0 ]; then
    echo "failed: ${failed[*]}" >&2
    exit 1
fi
