#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL set. Uses the given TEST_DATABASE_URL if there is one;
# otherwise starts a throw-away PostgreSQL cluster on 127.0.0.1 (installing the Debian
# `postgresql` package when initdb is missing) and always stops and deletes it afterwards.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 command [args...]" >&2
  exit 2
fi

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  exec "$@"
fi

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

BIN="$(find_bin)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "with-postgres: initdb not found, installing the postgresql package" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q postgresql >&2 \
    || { $SUDO apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q postgresql >&2; }
  BIN="$(find_bin)"
fi

# initdb refuses to run as root, so the cluster belongs to the `postgres` user when we are root.
if [ "$(id -u)" -eq 0 ]; then
  as_owner() { runuser -u postgres -- "$@"; }
else
  as_owner() { "$@"; }
fi

PGTMP="$(mktemp -d /tmp/with-postgres.XXXXXX)"
chmod 755 "$PGTMP"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGTMP"
PGDATA="$PGTMP/data"

cleanup() {
  as_owner "$BIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap cleanup EXIT INT TERM

PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

as_owner "$BIN/initdb" -D "$PGDATA" -U postgres -A trust --no-sync -E UTF8 >/dev/null
as_owner "$BIN/pg_ctl" -D "$PGDATA" -l "$PGTMP/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGTMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "with-postgres: throw-away cluster on 127.0.0.1:$PORT" >&2

set +e
"$@"
STATUS=$?
set -e
exit "$STATUS"
