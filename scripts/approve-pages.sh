#!/usr/bin/env bash
# Approves the page images the tests compare the sample's PDF and DOCX with (tests/approved/pdf, tests/approved/docx):
# builds the sample, renders every page of its PDF (pdftoppm) and of its DOCX as LibreOffice lays it out
# (scripts/docx-to-pdf.sh), in grey at 30 dpi. Run it after a deliberate change of layout, look at the images
# (git diff shows which pages changed), and commit them; the tests never write them.
# Also writes larger images of every page to docs/screenshots/pdf/ and docs/screenshots/docx/ (60 dpi) to look at.
# Needs poppler-utils, libreoffice-writer and fonts-noto-cjk.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet run --project src/Yusuan.Cli -c Release -- build samples/sz-eeimc-2023 --out "$out" >/dev/null || [ $? -eq 1 ]
scripts/docx-to-pdf.sh "$out/disclosure.docx" "$out/docx.pdf"
for kind in pdf docx; do
  source="$out/disclosure.pdf"
  [ "$kind" = docx ] && source="$out/docx.pdf"
  rm -rf "tests/approved/$kind" "docs/screenshots/$kind"
  mkdir -p "tests/approved/$kind" "docs/screenshots/$kind"
  pdftoppm -r 30 -gray -png "$source" "tests/approved/$kind/page"
  pdftoppm -r 60 -gray -png "$source" "docs/screenshots/$kind/page"
  echo "$kind: $(ls "tests/approved/$kind" | wc -l) pages"
done
