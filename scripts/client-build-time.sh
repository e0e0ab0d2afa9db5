#!/usr/bin/env bash
# Issue 19's build target: a program that sends one operation with the client (feature
# `client` of graph-docs-models, the generated operation, the typed answer) builds in at most
# 1.5x the time of the same program written with plain reqwest + serde_json::Value.
#
#   scripts/client-build-time.sh [ROUNDS]      (default 5)
#
# Method: two packages written under target/client-build-time/ with the workspace's
# Cargo.lock (the same dependency versions): `with-client` (graph-docs-models with the
# `operations` and `client` features, tokio) and `with-reqwest` (reqwest with rustls, tokio,
# serde_json), each sending GET /chats/{id}/operations/{id} and printing the status it read.
# Release profile. Each is built once (its dependencies), then its own crate is rebuilt
# ROUNDS times, alternating (touch src/main.rs; cargo build --release), and the median wall
# time of each is printed with the ratio. Nothing is run: no network.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
root="$(pwd)"
work="$root/target/client-build-time"
mkdir -p "$work"

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo); $(rustc --version)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"

package() { # name, dependencies, main.rs
    mkdir -p "$work/$1/src"
    cat > "$work/$1/Cargo.toml" <<TOML
[package]
name = "$1"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
$2

[workspace]
TOML
    printf '%s\n' "$3" > "$work/$1/src/main.rs"
    cp "$root/Cargo.lock" "$work/$1/Cargo.lock"
}

package with-client "graph-docs-models = { path = \"$root\", features = [\"operations\", \"client\"] }
tokio = { version = \"1\", features = [\"rt\", \"macros\"] }" '
use graph_docs_models::beta::ops;
use graph_docs_models::runtime::client::{Client, StaticToken, BETA};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::new(BETA, StaticToken::new(std::env::var("GRAPH_TOKEN")?))?;
    let operation = client.send(ops::teams_async_operation_get("19:abc@thread.v2", "op1")).await?;
    println!("{:?}", operation.status.value());
    Ok(())
}'

package with-reqwest 'reqwest = { version = "0.12", default-features = false, features = ["rustls-tls", "http2"] }
serde_json = "1"
tokio = { version = "1", features = ["rt", "macros"] }' '
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token = std::env::var("GRAPH_TOKEN")?;
    let answer = reqwest::Client::new()
        .get("https://graph.microsoft.com/beta/chats/19:abc@thread.v2/operations/op1")
        .bearer_auth(token)
        .send()
        .await?;
    let status = answer.status();
    let body: serde_json::Value = serde_json::from_slice(&answer.bytes().await?)?;
    if !status.is_success() {
        return Err(format!("status {status}: {}", body["error"]["message"]).into());
    }
    println!("{:?}", body["status"].as_str());
    Ok(())
}'

for p in with-client with-reqwest; do
    echo "building $p and its dependencies..."
    (cd "$work/$p" && CARGO_TARGET_DIR="$work/target-$p" cargo build --release --quiet)
done

time_one() { # package -> seconds
    touch "$work/$1/src/main.rs"
    local start end
    start=$(date +%s.%N)
    (cd "$work/$1" && CARGO_TARGET_DIR="$work/target-$1" cargo build --release --quiet)
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

client_times=()
reqwest_times=()
for ((i = 1; i <= rounds; i++)); do
    client_times+=("$(time_one with-client)")
    reqwest_times+=("$(time_one with-reqwest)")
done
c=$(printf '%s\n' "${client_times[@]}" | median)
r=$(printf '%s\n' "${reqwest_times[@]}" | median)
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "release build of the program's own crate, $rounds rounds alternating, median wall:"
printf '  with the client (one operation, typed answer)  %6.2f s   (%s)\n' "$c" "${client_times[*]}"
printf '  with plain reqwest + serde_json::Value         %6.2f s   (%s)\n' "$r" "${reqwest_times[*]}"
printf '  ratio %.2f (target: at most 1.5)\n' "$(echo "$c / $r" | bc -l)"
