#!/usr/bin/env bash
# City and province, side by side in one run (docs/benchmarks.md):
#   1. the figures of every department's tables computed by Yusuan and by DuckDB from the same ledger.csv
#      (bench tables-vs-duckdb: both times, the ratio, and whether all the figures are identical);
#   2. right after each of those rounds, time and peak memory of `yusuan check` on the same dataset, and its time against
#      DuckDB's of that round.
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

runs=("city-1m 1000 1000000 4")
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
  # Round by round: the exact tables by Yusuan and by DuckDB (in one process, two rounds, the second reported — Yusuan's own
  # first round compiles its code), then `yusuan check` at once, set against DuckDB's time of that same minute: the machine's
  # speed drifts by a third from minute to minute, and DuckDB's time with it.
  for round in $(seq "$rounds"); do
    tables=$(dotnet run -c Release --no-build --project bench/Yusuan.Bench -- tables-vs-duckdb "$work/$name" 2 | tail -1)
    echo "    ${tables/第 2 轮/第 $round 轮（进程内第 2 轮）}"
    duckdb=$(echo "$tables" | sed -E 's/.*DuckDB ([0-9.]+) s.*/\1/')
    /usr/bin/time -f "%e %M" -o "$work/time" dotnet "$work/yusuan/yusuan.dll" check "$work/$name" >"$work/out" 2>/dev/null || [ $? -eq 1 ]
    read -r seconds kb <"$work/time"
    printf "    yusuan check (round %d): %.1f s, %.2f × DuckDB's exact tables of the round, peak RSS %d MB, %s\n" \
      "$round" "$seconds" "$(echo "$seconds / $duckdb" | bc -l)" $((kb / 1024)) "$(tail -1 "$work/out")"
  done
  echo
  rm -rf "${work:?}/$name"
done
