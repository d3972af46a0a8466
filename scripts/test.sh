#!/usr/bin/env bash
# `npm test`: type checks, import walls, lint and formatting, manifest check, unit + Excel host + server tests (PGlite and a
# real PostgreSQL), then the browser end-to-end tests. Ends with one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

step() { printf '\n== %s\n' "$*"; }

step "System packages"
bash scripts/ensure-system-packages.sh

step "Type check (all code; src/domain alone with no DOM and no Node types)"
npx tsc -p tsconfig.json
npx tsc -p tsconfig.domain.json

step "Import walls"
node scripts/check-walls.js

step "Lint (ESLint) and formatting (Prettier)"
npx eslint .
npx prettier --check . --log-level warn

step "Manifest (offline schema + our own checks)"
npm run --silent check:manifest

step "Unit, Excel host and server tests (PGlite and PostgreSQL)"
status=0
bash scripts/with-postgres.sh npx jest --ci --json --outputFile="$results/unit.json" "$@" || status=$?

step "Production build (bundle budget) and browser end-to-end tests in headless Chromium"
npm run --silent build || status=$?
npx jest -c jest.e2e.config.js --ci --json --outputFile="$results/e2e.json" || status=$?

node -e '
const fs = require("fs");
const files = fs.readdirSync(process.argv[1]).filter((f) => f.endsWith(".json"));
let passed = 0, failed = 0;
for (const f of files) {
  const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + f, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
' "$results"
exit "$status"
