#!/usr/bin/env bash
# The public budget page, served from the database by `yusuan serve`, against Kestrel serving the same page as a static file,
# in the same run: wrk, 32 connections, 2 threads, loopback. Needs wrk (apt-get install -y wrk). Prints a Markdown table.
#   bench/web.sh [SECONDS]      (default 20 s per measurement; each server is measured twice, alternating)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release src/Yusuan.Cli >/dev/null
dotnet build -c Release bench/Yusuan.Bench >/dev/null
cli=src/Yusuan.Cli/bin/Release/net10.0/yusuan.dll
bench=bench/Yusuan.Bench/bin/Release/net10.0/Yusuan.Bench.dll

dotnet "$cli" serve --db "sqlite:$work/yusuan.db" --urls http://127.0.0.1:5181 >"$work/serve.log" 2>&1 &
mkdir -p "$work/static/budgets/139001"
for _ in $(seq 1 120); do curl -sf -o "$work/static/budgets/139001/2023.html" http://127.0.0.1:5181/budgets/139001/2023 && break; sleep 0.5; done
dotnet "$bench" static-site "$work/static" http://127.0.0.1:5182 >"$work/static.log" 2>&1 &
for _ in $(seq 1 120); do curl -sf -o /dev/null http://127.0.0.1:5182/budgets/139001/2023.html && break; sleep 0.5; done

# The two servers must serve the same bytes, or the comparison means nothing.
cmp <(curl -s http://127.0.0.1:5181/budgets/139001/2023) <(curl -s http://127.0.0.1:5182/budgets/139001/2023.html)
bytes=$(stat -c %s "$work/static/budgets/139001/2023.html")

rate() { wrk -t2 -c32 -d"${seconds}s" --latency "$1" | tee -a "$work/wrk.log" | awk '/Requests\/sec/ {print $2}'; }
warm() { wrk -t2 -c32 -d5s "$1" >/dev/null; }
warm http://127.0.0.1:5181/budgets/139001/2023
warm http://127.0.0.1:5182/budgets/139001/2023.html
d1=$(rate http://127.0.0.1:5181/budgets/139001/2023)
s1=$(rate http://127.0.0.1:5182/budgets/139001/2023.html)
d2=$(rate http://127.0.0.1:5181/budgets/139001/2023)
s2=$(rate http://127.0.0.1:5182/budgets/139001/2023.html)
dynamic=$(echo "$d1 $d2" | awk '{printf "%.0f", ($1 + $2) / 2}')
static=$(echo "$s1 $s2" | awk '{printf "%.0f", ($1 + $2) / 2}')
ratio=$(echo "$dynamic $static" | awk '{printf "%.2f", $1 / $2}')
echo "page: /budgets/139001/2023, ${bytes} bytes; wrk -t2 -c32 -d${seconds}s, two runs each, alternating"
echo
echo "| server | requests/s (run 1, run 2) | mean |"
echo "|---|---:|---:|"
echo "| yusuan serve, from the database (SQLite) | $d1, $d2 | $dynamic |"
echo "| Kestrel static file (baseline) | $s1, $s2 | $static |"
echo
echo "ratio yusuan / static: $ratio"
grep -E "Latency|99%" "$work/wrk.log" | sed 's/^/    /'
