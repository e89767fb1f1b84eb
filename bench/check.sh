#!/usr/bin/env bash
# `yusuan check` of a generated city, side by side in one run (docs/benchmarks.md):
#   1. afresh, this build against a baseline build of another commit (alternating, two rounds): wall time, peak memory, and
#      whether the two print the same bytes;
#   2. checked again against the rounding the first check kept (--keep-rounding, then --previous), two rounds.
#   bench/check.sh [LINES] [BASELINE-COMMIT]   (default 1,000,000 lines; no baseline: this build only). Needs GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
base=${2:-}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" 2>/dev/null || true; rm -rf "$work"' EXIT
source bench/installed.sh
publish_yusuan "$work/after"
after=(dotnet "$work/after/yusuan.dll")
if [ -n "$base" ]; then
  git worktree add -q --detach "$work/base" "$base"
  publish_yusuan "$work/before" "$work/base"
  before=(dotnet "$work/before/yusuan.dll")
fi
"${after[@]}" generate --agencies 1000 --lines "$lines" --seed 1 --out "$work/city" >/dev/null
run() { # label, output file, command…
  local label=$1 out=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$out" 2>/dev/null || [ $? -eq 1 ]
  read -r seconds kb <"$work/time"
  printf "| %s | %.1f s | %d MB | %s |\n" "$label" "$seconds" $((kb / 1024)) "$(tail -1 "$out")"
}
echo "| check of $lines lines | wall | peak memory | result |"
echo "|---|---:|---:|---|"
for round in 1 2; do
  if [ -n "$base" ]; then run "afresh, baseline $(git rev-parse --short "$base") (round $round)" "$work/before.txt" "${before[@]}" check "$work/city"; fi
  run "afresh, this build (round $round)" "$work/after.txt" "${after[@]}" check "$work/city"
done
if [ -n "$base" ]; then
  cmp -s "$work/before.txt" "$work/after.txt" && echo "(baseline and this build print the same bytes)" || echo "(baseline and this build print different output)"
fi
run "afresh, keeping each department's rounding (--keep-rounding)" "$work/kept.txt" "${after[@]}" check "$work/city" --keep-rounding "$work/rounding"
for round in 1 2; do
  run "again, against the kept rounding (--previous, round $round)" "$work/again.txt" "${after[@]}" check "$work/city" --previous "$work/rounding"
done
cmp -s "$work/kept.txt" "$work/again.txt" && echo "(checked again: the same bytes as afresh)" || echo "(checked again: different output from afresh)"
echo "(kept rounding: $(du -sh "$work/rounding" | cut -f1) in $(ls "$work/rounding" | wc -l) files)"
