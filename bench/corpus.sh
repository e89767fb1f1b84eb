#!/usr/bin/env bash
# The corpus of real published budgets (default ../shared/corpus/budgets): `yusuan audit` of the whole folder on both cores
# against poppler's `pdftotext -layout` of the same files, two at a time, in the same run; then, per document, the tables
# extracted, the figures printed on its table pages against those in its extracted cells, findings and seconds
# (`Yusuan.Bench corpus`). Needs poppler-utils. Prints Markdown for docs/corpus.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftotext >/dev/null || { echo "bench/corpus.sh 需要 pdftotext（apt-get install poppler-utils）" >&2; exit 1; }
folder=$(realpath "${1:-../shared/corpus/budgets}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source bench/installed.sh
publish_yusuan "$work/yusuan"
dotnet build -c Release bench/Yusuan.Bench >/dev/null
files=$(ls "$folder"/*.pdf | wc -l)
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }
baseline=$(seconds bash -c "ls '$folder'/*.pdf | xargs -P2 -I{} pdftotext -layout {} /dev/null")
audit=$(seconds dotnet "$work/yusuan/yusuan.dll" audit "$folder"/*.pdf --out "$work/report")
echo "$files documents in $(basename "$folder"); both on 2 cores, in the same run"
echo
echo "| what | time | ratio to pdftotext |"
echo "|---|---:|---:|"
printf "| pdftotext -layout (text only, baseline) | %.1f s | 1.0 |\n" "$baseline"
printf "| yusuan audit (tables, text, rules, per-file JSON, summary.csv, report.html) | %.1f s | %.1f |\n" "$audit" "$(echo "$audit / $baseline" | bc -l)"
echo
dotnet bench/Yusuan.Bench/bin/Release/net10.0/linux-x64/Yusuan.Bench.dll corpus "$folder"
