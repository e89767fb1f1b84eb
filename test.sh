#!/usr/bin/env bash
# Runs every test of Yusuan, after installing what the tests need (on CI this runs as root on a fresh machine).
# Later parts add their needs here: Debian chromium for browser tests, a PostgreSQL server on loopback.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (dotnet on PATH)" >&2
  exit 3
fi
exec dotnet test Yusuan.slnx --configuration Release
