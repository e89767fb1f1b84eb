#!/usr/bin/env bash
# Renders the sample's PDF pages (pdftoppm) and HTML (headless Chromium) to PNG in docs/screenshots/, to look at, and
# runs the browser tests of the web application's whole path and of a budget season with YUSUAN_SCREENSHOTS set, so each
# step's screenshot (web-01 … web-10, season-01 … season-06) lands there too. Those tests need no PostgreSQL.
# Needs poppler-utils and chromium (Debian packages). The HTML names the font "Noto Sans SC"; the script makes the
# bundled copy visible to fontconfig so Chromium draws Chinese text with it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
dotnet run --project src/Yusuan.Cli -- build samples/sz-eeimc-2023 --out "$out" >/dev/null || [ $? -eq 1 ]
mkdir -p docs/screenshots "$HOME/.local/share/fonts"
rm -f docs/screenshots/*.png
cp assets/fonts/NotoSansSC-Regular.ttf "$HOME/.local/share/fonts/"
fc-cache -f >/dev/null 2>&1 || true

# Cover, contents, first text pages, the charts, and the first page of 表1, 表3, 表8 and 表12.
for p in 1 2 3 4 8; do
  pdftoppm -r 60 -png -singlefile -f "$p" -l "$p" "$out/disclosure.pdf" "docs/screenshots/pdf-page-$p"
done
for t in 9 12 17 22; do
  pdftoppm -r 60 -png -singlefile -f "$t" -l "$t" "$out/disclosure.pdf" "docs/screenshots/pdf-page-$t"
done

profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
  --window-size=1280,3200 --screenshot="$PWD/docs/screenshots/html.png" "file://$out/disclosure.html" >/dev/null 2>&1
YUSUAN_SCREENSHOTS="$PWD/docs/screenshots" dotnet test tests/Yusuan.Web.Tests -c Release --filter "FullyQualifiedName~WholePathBrowserTests|FullyQualifiedName~BudgetSeasonBrowserTests" >/dev/null
ls -1 docs/screenshots
