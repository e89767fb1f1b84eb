#!/usr/bin/env bash
# Import speed, side by side in one run: `yusuan import` of a generated city (each line checked as it is written, in one
# transaction) into SQLite and into PostgreSQL (COPY in text format), against each database's own CSV loader on the same ledger.csv —
# sqlite3's .import and psql's \copy into a table of the same columns, which check nothing. Prints a Markdown table.
#   bench/import.sh [LINES]   (default 1,000,000; starts a throw-away PostgreSQL unless YUSUAN_TEST_POSTGRES names one)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
lines=${1:-1000000}
work=$(mktemp -d)
trap 'stop_postgres; rm -rf "$work"' EXIT
start_postgres
source bench/installed.sh
publish_yusuan "$work/yusuan"
yusuan() { dotnet "$work/yusuan/yusuan.dll" "$@"; }
psql_url() { echo "$YUSUAN_TEST_POSTGRES" | sed -E 's/Host=([^;]*);Port=([^;]*);Username=([^;]*);Database=([^;]*)/postgresql:\/\/\3@\1:\2\/\4/'; }
yusuan generate --agencies 1000 --lines "$lines" --seed 1 --out "$work/city" >/dev/null
csv="$work/city/ledger.csv"
columns=$(head -1 "$csv" | tr -d '\r' | sed -E 's/,/ TEXT, /g; s/$/ TEXT/')
now() { date +%s.%N; }
rate() { echo "$lines / $1" | bc; }

echo "| database | loader | what it does | wall | lines/s |"
echo "|---|---|---|---:|---:|"
for round in 1 2; do
  # SQLite: sqlite3's own CSV import into a plain table, then yusuan import.
  rm -f "$work/raw.db" "$work/yusuan.db"
  sqlite3 "$work/raw.db" "CREATE TABLE raw_lines ($columns);"
  start=$(now); sqlite3 "$work/raw.db" ".import --csv --skip 1 $csv raw_lines"; took=$(echo "$(now) - $start" | bc)
  printf "| SQLite | sqlite3 .import (round %d) | load text as is | %.1f s | %s |\n" "$round" "$took" "$(rate "$took")"
  start=$(now); out=$(yusuan import "$work/city" --db "sqlite:$work/yusuan.db"); took=$(echo "$(now) - $start" | bc)
  printf "| SQLite | yusuan import (round %d) | check every line as it is written, in one transaction | %.1f s | %s |\n" "$round" "$took" "$(rate "$took")"
  echo "$out" | tail -1 >&2

  # PostgreSQL: psql \copy of the CSV into a plain table, then yusuan import (COPY in text format), each into a fresh database.
  psql -q "$(psql_url)" -c "DROP DATABASE IF EXISTS bench_raw" -c "DROP DATABASE IF EXISTS bench_yusuan" -c "CREATE DATABASE bench_raw" -c "CREATE DATABASE bench_yusuan" 2>/dev/null
  raw_url=$(psql_url | sed 's/\/postgres$/\/bench_raw/')
  psql -q "$raw_url" -c "CREATE TABLE raw_lines ($(echo "$columns" | sed -E 's/(amount|gov_purchase_amt|sme_amt|micro_amt) TEXT/\1 NUMERIC(18,2)/g'))"
  start=$(now); psql -q "$raw_url" -c "\\copy raw_lines FROM '$csv' WITH (FORMAT csv, HEADER true)"; took=$(echo "$(now) - $start" | bc)
  printf "| PostgreSQL | psql \\\\copy (round %d) | load CSV, amounts as NUMERIC | %.1f s | %s |\n" "$round" "$took" "$(rate "$took")"
  start=$(now); out=$(yusuan import "$work/city" --db "postgres:${YUSUAN_TEST_POSTGRES/Database=postgres/Database=bench_yusuan}"); took=$(echo "$(now) - $start" | bc)
  printf "| PostgreSQL | yusuan import (round %d) | check every line as it is written by COPY, in one transaction | %.1f s | %s |\n" "$round" "$took" "$(rate "$took")"
  echo "$out" | tail -1 >&2
done
