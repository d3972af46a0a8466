#!/usr/bin/env bash
# `npm run bench`: measures PGlite always and PostgreSQL too. A PostgreSQL server given in
# TEST_DATABASE_URL/DATABASE_URL is used as is; otherwise, when PostgreSQL is installed locally,
# scripts/with-postgres.sh starts a throw-away cluster for the run (and deletes it after).
# The dropped-file reader's bench and the marks bench (marking and clearing 100,000 invalid cells, and
# the live checks of a 1,000-cell paste)
# run first (they need no database); the exit status fails if any does.
set -euo pipefail
cd "$(dirname "$0")/../.."
file_status=0
npx tsx bench/dropped-file.bench.ts || file_status=$?
marks_status=0
npx tsx bench/marks.bench.ts || marks_status=$?
status=0
if [ -z "${TEST_DATABASE_URL:-}${DATABASE_URL:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  bash scripts/with-postgres.sh npx tsx bench/e2e.bench.ts "$@" || status=$?
else
  npx tsx bench/e2e.bench.ts "$@" || status=$?
fi
for s in "$file_status" "$marks_status"; do [ "$s" -eq 0 ] || exit "$s"; done
exit "$status"
