#!/usr/bin/env bash
# The public budget page and the portal's index with 1,000 published departments, served from the database by
# `yusuan serve`, each against Kestrel serving the same page as a static file, in the same run: wrk, 32 connections,
# 2 threads, loopback. Needs wrk (apt-get install -y wrk). Prints Markdown tables.
#   bench/web.sh [SECONDS]      (default 20 s per measurement; each server is measured twice, alternating)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release src/Yusuan.Cli >/dev/null
dotnet build -c Release bench/Yusuan.Bench >/dev/null
cli=src/Yusuan.Cli/bin/Release/net10.0/yusuan.dll
bench=bench/Yusuan.Bench/bin/Release/net10.0/linux-x64/Yusuan.Bench.dll

# A city's portal: the sample, published on first start, and 1,000 more departments (stopped while they are added).
dotnet "$cli" serve --db "sqlite:$work/yusuan.db" --urls http://127.0.0.1:5181 >"$work/serve.log" 2>&1 &
for _ in $(seq 1 120); do curl -sf -o /dev/null http://127.0.0.1:5181/ && break; sleep 0.5; done
kill %1; wait %1 2>/dev/null || true
dotnet "$bench" seed-portal "sqlite:$work/yusuan.db" 1000 >/dev/null
dotnet "$cli" serve --db "sqlite:$work/yusuan.db" --urls http://127.0.0.1:5181 >"$work/serve.log" 2>&1 &
mkdir -p "$work/static/budgets/139001"
for _ in $(seq 1 120); do curl -sf -o "$work/static/budgets/139001/2023.html" http://127.0.0.1:5181/budgets/139001/2023 && break; sleep 0.5; done
curl -sf -o "$work/static/index.html" http://127.0.0.1:5181/
dotnet "$bench" static-site "$work/static" http://127.0.0.1:5182 >"$work/static.log" 2>&1 &
for _ in $(seq 1 120); do curl -sf -o /dev/null http://127.0.0.1:5182/budgets/139001/2023.html && break; sleep 0.5; done

# The two servers must serve the same bytes, or the comparison means nothing.
cmp <(curl -s http://127.0.0.1:5181/budgets/139001/2023) <(curl -s http://127.0.0.1:5182/budgets/139001/2023.html)
cmp <(curl -s http://127.0.0.1:5181/) <(curl -s http://127.0.0.1:5182/index.html)
grep -q "共 1001 份" "$work/static/index.html"

rate() { wrk -t2 -c32 -d"${seconds}s" --latency "$1" | tee -a "$work/wrk.log" | awk '/Requests\/sec/ {print $2}'; }
warm() { wrk -t2 -c32 -d5s "$1" >/dev/null; }

# One page, measured twice against its static copy, alternating: a Markdown row and the ratio.
measure() {
  local name=$1 dynamic_url=$2 static_url=$3 file=$4
  warm "$dynamic_url"; warm "$static_url"
  local d1 s1 d2 s2
  d1=$(rate "$dynamic_url"); s1=$(rate "$static_url"); d2=$(rate "$dynamic_url"); s2=$(rate "$static_url")
  local dynamic static
  dynamic=$(echo "$d1 $d2" | awk '{printf "%.0f", ($1 + $2) / 2}')
  static=$(echo "$s1 $s2" | awk '{printf "%.0f", ($1 + $2) / 2}')
  echo "| $name, $(stat -c %s "$file") bytes | yusuan serve, from the database (SQLite) | $d1, $d2 | $dynamic | $(echo "$dynamic $static" | awk '{printf "%.2f", $1 / $2}') |"
  echo "| | Kestrel static file (baseline) | $s1, $s2 | $static | |"
}

echo "1,001 published departments; wrk -t2 -c32 -d${seconds}s, two runs each, alternating with the static copy"
echo
echo "| page | server | requests/s (run 1, run 2) | mean | yusuan / static |"
echo "|---|---|---:|---:|---:|"
measure "portal index \`/\` (first 50 of 1,001)" http://127.0.0.1:5181/ http://127.0.0.1:5182/index.html "$work/static/index.html"
measure "budget page \`/budgets/139001/2023\`" http://127.0.0.1:5181/budgets/139001/2023 http://127.0.0.1:5182/budgets/139001/2023.html "$work/static/budgets/139001/2023.html"
echo
grep -E "Latency|99%" "$work/wrk.log" | sed 's/^/    /'
