#!/usr/bin/env bash
# Time and peak memory of `yusuan check` on generated datasets, side by side in one run: the same 1,000 agencies with 1 million
# and with 10 million lines (memory should stay flat as lines grow), and optionally a province (20,000 agencies, 10 million
# lines). Prints a Markdown table. Needs GNU time (/usr/bin/time) and about 4 GB of free disk per 10 million lines.
#   bench/scale.sh [--province]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release src/Yusuan.Cli >/dev/null
yusuan() { dotnet src/Yusuan.Cli/bin/Release/net10.0/yusuan.dll "$@"; }

runs=("city-1m 1000 1000000" "city-10m 1000 10000000")
if [ "${1:-}" = "--province" ]; then runs+=("province-10m 20000 10000000"); fi

echo "| dataset | agencies | departments | lines | ledger.csv | generate | check (wall) | check peak RSS | findings |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
for run in "${runs[@]}"; do
  read -r name agencies lines <<<"$run"
  start=$(date +%s.%N)
  made=$(yusuan generate --agencies "$agencies" --lines "$lines" --seed 1 --out "$work/$name")
  generated=$(echo "$(date +%s.%N) - $start" | bc)
  departments=$(echo "$made" | sed -E 's/已生成 ([0-9]+) 个部门.*/\1/')
  size=$(du -m "$work/$name/ledger.csv" | cut -f1)
  /usr/bin/time -f "%e %M" -o "$work/time" dotnet src/Yusuan.Cli/bin/Release/net10.0/yusuan.dll check "$work/$name" >"$work/out" || [ $? -eq 1 ]
  read -r seconds kb <"$work/time"
  summary=$(tail -1 "$work/out" | sed -E 's/.*：//')
  printf "| %s | %s | %s | %s | %s MB | %.0f s | %.0f s | %d MB | %s |\n" "$name" "$agencies" "$departments" "$lines" "$size" "$generated" "$seconds" $((kb / 1024)) "$summary"
  rm -rf "${work:?}/$name"
done
