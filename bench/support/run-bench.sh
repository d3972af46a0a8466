#!/usr/bin/env bash
# `npm run bench`: measures PGlite always and PostgreSQL too. A PostgreSQL server given in
# TEST_DATABASE_URL/DATABASE_URL is used as is; otherwise, when PostgreSQL is installed locally,
# scripts/with-postgres.sh starts a throw-away cluster for the run (and deletes it after).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${TEST_DATABASE_URL:-}${DATABASE_URL:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  exec bash scripts/with-postgres.sh npx tsx bench/e2e.bench.ts "$@"
fi
exec npx tsx bench/e2e.bench.ts "$@"
