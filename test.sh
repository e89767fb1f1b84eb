#!/usr/bin/env bash
# Runs every test of Yusuan, after installing what the tests need (on CI this runs as root on a fresh machine):
#   - LibreOffice (Writer, headless): the DOCX must open and convert without repair;
#   - poppler-utils: pdftoppm/pdftotext for the screenshot script.
# Later parts add their needs here: Debian chromium for browser tests, a PostgreSQL server on loopback.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (dotnet on PATH)" >&2
  exit 3
fi

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: needs ${missing[*]} (run as root to install them, or install them first)" >&2
    exit 3
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

exec dotnet test Yusuan.slnx --configuration Release
