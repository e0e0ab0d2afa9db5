#!/usr/bin/env bash
# The model read from the v1.0 pages (no overrides) against Microsoft's CSDL of the same
# week: agreement figures of types and operations, then the disagreements counted by code.
# Usage: scripts/csdl-drift.sh [DOCS] [CSDL]   (defaults: the corpus and CSDL in ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-../shared/graph-docs/api-reference}
csdl=${2:-../shared/csdl/v1.0-2021-07-13.xml}
cargo build --quiet --release -p graph-docs-codegen-cli
out=$(mktemp)
./target/release/graph-docs-codegen check "$docs" --no-overrides --csdl "v1.0=$csdl" --format json >"$out" || true
python3 - "$out" <<'PY'
import collections, json, sys
report = json.load(open(sys.argv[1]))
for a in report["csdl"]:
    pct = lambda r: f'{100 * r["agree"] / max(r["of"], 1):.1f}% ({r["agree"]} of {r["of"]})'
    print(f'{a["version"]}: kind {pct(a["kind"])}, base type {pct(a["baseType"])}, '
          f'property type {pct(a["propertyType"])} / lenient {pct(a["propertyTypeLenient"])}, '
          f'collection {pct(a["collection"])}, CSDL properties present {pct(a["csdlPropertiesPresent"])}')
    print(f'  one side only: types {a["typesOnlyInDocs"]} docs / {a["typesOnlyInCsdl"]} CSDL; '
          f'properties {a["propertiesOnlyInDocs"]} docs / {a["propertiesOnlyInCsdl"]} CSDL')
    print(f'  operations: request paths the CSDL walks {pct(a["csdlPaths"])} (the model walks '
          f'{pct(a["modelPaths"])}), actions and functions recognised {pct(a["operationsRecognised"])}, '
          f'parameters agreeing on name {pct(a["parameterNames"])}, on type and collection '
          f'{pct(a["parameterTypes"])}, responses {pct(a["responses"])}')
codes = collections.Counter(d["code"] for d in report["diagnostics"] if d["code"].startswith("csdl-"))
print("  " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())))
PY
rm -f "$out"
