#!/usr/bin/env bash
# City and province, side by side in one run (docs/benchmarks.md):
#   1. the figures of every department's tables computed by Yusuan and by DuckDB from the same ledger.csv
#      (bench tables-vs-duckdb: both times, the ratio, and whether all the figures are identical);
#   2. time and peak memory of `yusuan check` on the same dataset, once for each of DuckDB's rounds.
# Datasets: a city (1,000 agencies, 1 million lines) and a province (20,000 agencies, 10 million lines); --city-10m adds the
# city's 1,000 agencies with 10 million lines. Needs GNU time (/usr/bin/time) and about 4 GB of free disk per 10 million lines.
#   bench/scale.sh [--city-10m]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source bench/installed.sh
publish_yusuan "$work/yusuan"
dotnet build -c Release bench/Yusuan.Bench >/dev/null
yusuan() { dotnet "$work/yusuan/yusuan.dll" "$@"; }

runs=("city-1m 1000 1000000 3")
if [ "${1:-}" = "--city-10m" ]; then runs+=("city-10m 1000 10000000 1"); fi
runs+=("province-10m 20000 10000000 2")

for run in "${runs[@]}"; do
  read -r name agencies lines rounds <<<"$run"
  start=$(date +%s.%N)
  made=$(yusuan generate --agencies "$agencies" --lines "$lines" --seed 1 --out "$work/$name")
  generated=$(echo "$(date +%s.%N) - $start" | bc)
  departments=$(echo "$made" | sed -E 's/已生成 ([0-9]+) 个部门.*/\1/')
  size=$(du -m "$work/$name/ledger.csv" | cut -f1)
  echo "## $name: $agencies agencies, $departments departments, $lines lines, ledger.csv $size MB (generated in $(printf %.0f "$generated") s)"
  echo
  dotnet run -c Release --no-build --project bench/Yusuan.Bench -- tables-vs-duckdb "$work/$name" "$rounds" | sed 's/^/    /'
  echo
  # As many checks as DuckDB had rounds, so that one slow minute of the machine does not decide the comparison.
  for round in $(seq "$rounds"); do
    /usr/bin/time -f "%e %M" -o "$work/time" dotnet "$work/yusuan/yusuan.dll" check "$work/$name" >"$work/out" 2>/dev/null || [ $? -eq 1 ]
    read -r seconds kb <"$work/time"
    printf "    yusuan check (round %d): %.1f s, peak RSS %d MB, %s\n" "$round" "$seconds" $((kb / 1024)) "$(tail -1 "$work/out")"
  done
  echo
  rm -rf "${work:?}/$name"
done
