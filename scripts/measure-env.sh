# Sourced by the measurement scripts: finds the docs corpus ($corpus, an absolute path:
# $GRAPH_DOCS_CORPUS, default ../shared/graph-docs/api-reference beside the workspace), prints
# when, where and on what a figure was taken, and defines load_note, since other work on the
# machine skews every figure.
corpus="${GRAPH_DOCS_CORPUS:-../shared/graph-docs/api-reference}"
if [ ! -d "$corpus" ]; then
    echo "error: no docs corpus at $corpus (set GRAPH_DOCS_CORPUS)" >&2
    exit 2
fi
corpus="$(cd "$corpus" && pwd)"

mem_total=$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $mem_total memory; $(rustc --version)"
if commit=$(git rev-parse --short HEAD 2>/dev/null); then
    git diff --quiet HEAD -- codegen || commit="$commit (codegen/ has uncommitted changes)"
else
    commit="? (not a git checkout)"
fi
echo "commit: $commit"
# Other work on the machine skews every figure here: say so rather than hide it.
load_note() {
    local load busy
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    busy=$(ps -eo pcpu=,comm= --sort=-pcpu | awk '$1 >= 20 {printf "%s%s (%.0f%%)", (n++ ? ", " : ""), $2, $1}')
    echo "load average $1: $load${busy:+; busy: $busy}"
}
load_note "at start"
