#!/usr/bin/env bash
# Runs every test of Yusuan, after installing and starting what the tests need (on CI this runs as root on a fresh machine):
#   - LibreOffice (Writer, headless): the DOCX must open and convert without repair;
#   - poppler-utils: pdftoppm/pdftotext for the screenshot script;
#   - Debian's chromium: the web pages are tested in a real browser (Playwright drives /usr/bin/chromium);
#   - a PostgreSQL server on loopback, in a temporary folder, for the store's tests (YUSUAN_TEST_POSTGRES names it;
#     set that variable yourself to use a server of your own).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (dotnet on PATH)" >&2
  exit 3
fi

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
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

if [ -z "${YUSUAN_TEST_POSTGRES:-}" ]; then
  bin=$(pg_bin)
  pgdata=$(mktemp -d /tmp/yusuan-pg.XXXXXX)
  port=$((20000 + RANDOM % 20000))
  as_pg=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$pgdata"
    as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$bin/initdb" -D "$pgdata" --auth=trust -U postgres -E UTF8 --locale=C >/dev/null
  "${as_pg[@]}" "$bin/pg_ctl" -D "$pgdata" -o "-p $port -c listen_addresses=127.0.0.1 -k $pgdata" -l "$pgdata/server.log" -w start >/dev/null
  trap '"${as_pg[@]}" "$bin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pgdata"' EXIT
  export YUSUAN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
fi

dotnet test Yusuan.slnx --configuration Release
