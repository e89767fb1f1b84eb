#!/usr/bin/env bash
# Auditing a folder of 100 published PDFs (the sample's 26-page document, built by `yusuan build`, copied 100 times):
# `yusuan audit` on both cores against poppler's `pdftotext` extracting the same files, two at a time, in the same run.
# Needs poppler-utils. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source bench/installed.sh
publish_yusuan "$work/yusuan"
yusuan() { dotnet "$work/yusuan/yusuan.dll" "$@"; }
yusuan build samples/sz-eeimc-2023 --out "$work/build" >/dev/null || [ $? -eq 1 ]
mkdir -p "$work/pdfs"
for i in $(seq -w 1 100); do cp "$work/build/disclosure.pdf" "$work/pdfs/budget-$i.pdf"; done
pages=$(pdfinfo "$work/pdfs/budget-001.pdf" | awk '/^Pages/ {print $2}')

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }
baseline=$(seconds bash -c "ls '$work'/pdfs/*.pdf | xargs -P2 -n1 -I{} pdftotext {} /dev/null")
audit=$(seconds yusuan audit "$work"/pdfs/*.pdf --out "$work/report")
files=$(ls "$work/report"/*.json | wc -l)
echo "100 copies of the sample's ${pages}-page PDF; both on 2 cores"
echo
echo "| what | time | documents/s |"
echo "|---|---:|---:|"
printf "| pdftotext (text extraction only, baseline) | %.1f s | %.0f |\n" "$baseline" "$(echo "100 / $baseline" | bc -l)"
printf "| yusuan audit (extraction, tables, text, all rules, per-file JSON, summary.csv, report.html) | %.1f s | %.0f |\n" "$audit" "$(echo "100 / $audit" | bc -l)"
echo
echo "reports written: $files; ratio yusuan / pdftotext time: $(echo "$audit / $baseline" | bc -l | xargs printf '%.1f')"
