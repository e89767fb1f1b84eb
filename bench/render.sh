#!/usr/bin/env bash
# Every department of a generated city rendered (HTML, PDF, XLSX) on one core and on both, by this build and by a baseline
# build of another commit, alternating, in one run (docs/benchmarks.md):
#   bench/render.sh [BASELINE-COMMIT] [LINES]   (default: this build only; 100,000 lines)
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-}
lines=${2:-100000}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build -c Release bench/Yusuan.Bench >/dev/null
dotnet build -c Release src/Yusuan.Cli >/dev/null
after=bench/Yusuan.Bench/bin/Release/net10.0/linux-x64/Yusuan.Bench
if [ -n "$base" ]; then
  git worktree add -q --detach "$work/base" "$base"
  dotnet build -c Release "$work/base/bench/Yusuan.Bench" >/dev/null
  before=$work/base/bench/Yusuan.Bench/bin/Release/net10.0/linux-x64/Yusuan.Bench
  # Both builds' code timed under this build's runtime settings (collector, tiering: src/Yusuan.Cli/RuntimeSettings.props),
  # which an older bench may not have had: the comparison is of the code, not of the settings.
  cp "$after.runtimeconfig.json" "$before.runtimeconfig.json"
fi
dotnet src/Yusuan.Cli/bin/Release/net10.0/yusuan.dll generate --agencies 1000 --lines "$lines" --seed 1 --out "$work/city" >/dev/null
for round in 1 2; do
  if [ -n "$base" ]; then echo "baseline $(git rev-parse --short "$base"), round $round: $("$before" render-all "$work/city" 1 | tail -1)"; fi
  echo "this build, round $round: $("$after" render-all "$work/city" 1 | tail -1)"
done
