#!/usr/bin/env bash
# Runs every test of Yusuan, after installing and starting what the tests need (on CI this runs as root on a fresh machine):
#   - LibreOffice (Writer and Calc, headless): the DOCX must open and convert without repair, and the nine-table layout
#     test converts a workbook, which Writer alone cannot open;
#   - poppler-utils: pdftoppm/pdftotext for the screenshot script, and pdfseparate/pdfunite and pdftotext for the tests
#     that cut pages from corpus documents and count the figures printed on them; pdftoppm and pdffonts for the tests that
#     compare the sample's pages with the approved images (tests/approved, scripts/approve-pages.sh);
#   - fonts-noto-cjk: the CJK faces LibreOffice draws the DOCX's 宋体 and 黑体 with (tests/render/fonts.conf);
#   - Debian's chromium: the web pages are tested in a real browser (Playwright drives /usr/bin/chromium);
#   - a PostgreSQL server on loopback, in a temporary folder, for the store's tests (YUSUAN_TEST_POSTGRES names it;
#     set that variable yourself to use a server of your own).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (dotnet on PATH)" >&2
  exit 3
fi

source scripts/postgres.sh
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
[ -e /usr/lib/libreoffice/program/libsclo.so ] || missing+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -q "Noto Serif CJK" || missing+=(fonts-noto-cjk)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ -z "${YUSUAN_TEST_POSTGRES:-}" ] && [ -z "$(pg_bin)" ]; then missing+=(postgresql); fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: needs ${missing[*]} (run as root to install them, or install them first)" >&2
    exit 3
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

start_postgres
trap stop_postgres EXIT

dotnet test Yusuan.slnx --configuration Release
