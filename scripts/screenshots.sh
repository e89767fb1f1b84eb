#!/usr/bin/env bash
# Renders the sample's HTML (headless Chromium) to PNG in docs/screenshots/, to look at, and
# runs the browser tests of the web application's whole path and of a budget season with YUSUAN_SCREENSHOTS set, so each
# step's screenshot (web-01 … web-10, season-01 … season-06) lands there too. Those tests need no PostgreSQL.
# Needs chromium (Debian package). The HTML names the fonts "Noto Serif SC" and "Noto Sans SC"; the script makes the
# bundled copies visible to fontconfig so Chromium draws Chinese text with them.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
dotnet run --project src/Yusuan.Cli -- build samples/sz-eeimc-2023 --out "$out" >/dev/null || [ $? -eq 1 ]
mkdir -p docs/screenshots "$HOME/.local/share/fonts"
rm -f docs/screenshots/html.png docs/screenshots/web-*.png docs/screenshots/season-*.png
cp assets/fonts/NotoSansSC-Regular.ttf assets/fonts/NotoSerifSC-Regular.ttf "$HOME/.local/share/fonts/"
fc-cache -f >/dev/null 2>&1 || true

# Every page of the PDF and of the DOCX: scripts/approve-pages.sh writes them (docs/screenshots/pdf, docs/screenshots/docx).

profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
  --window-size=1280,3200 --screenshot="$PWD/docs/screenshots/html.png" "file://$out/disclosure.html" >/dev/null 2>&1
YUSUAN_SCREENSHOTS="$PWD/docs/screenshots" dotnet test tests/Yusuan.Web.Tests -c Release --filter "FullyQualifiedName~WholePathBrowserTests|FullyQualifiedName~BudgetSeasonBrowserTests" >/dev/null
ls -1 docs/screenshots
