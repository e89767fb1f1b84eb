# Sourced by test.sh and the benchmarks: starts a throw-away PostgreSQL server on loopback in a temporary folder (as the
# postgres user when run as root) and names it in YUSUAN_TEST_POSTGRES; stop_postgres stops and removes it (call it from
# your EXIT trap). Both do nothing when YUSUAN_TEST_POSTGRES was already set (a server of your own).
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

start_postgres() {
  [ -n "${YUSUAN_TEST_POSTGRES:-}" ] && return 0
  pg_dir=$(pg_bin)
  pgdata=$(mktemp -d /tmp/yusuan-pg.XXXXXX)
  local port=$((20000 + RANDOM % 20000))
  as_pg=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$pgdata"
    as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$pg_dir/initdb" -D "$pgdata" --auth=trust -U postgres -E UTF8 --locale=C >/dev/null
  "${as_pg[@]}" "$pg_dir/pg_ctl" -D "$pgdata" -o "-p $port -c listen_addresses=127.0.0.1 -k $pgdata" -l "$pgdata/server.log" -w start >/dev/null
  export YUSUAN_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

stop_postgres() {
  [ -n "${pgdata:-}" ] || return 0
  "${as_pg[@]}" "$pg_dir/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$pgdata"
}
