#!/usr/bin/env bash
# `npm test`: type checks, import walls, lint and formatting, manifest check, the production build, unit + Excel host +
# server tests (PGlite and a real PostgreSQL, the built server included), then the browser end-to-end tests. Ends with
# one "N passed, N failed" line.
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

# The tests start what users run: the built server (dist/node) and the built pane, so the build comes first.
step "Production build (add-in bundle budget, server)"
status=0
npm run --silent build || status=$?

step "Unit, Excel host and server tests (PGlite and PostgreSQL; the built server too)"
bash scripts/with-postgres.sh npx jest --ci --json --outputFile="$results/unit.json" "$@" || status=$?

step "Browser end-to-end tests in headless Chromium, against the built server"
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
