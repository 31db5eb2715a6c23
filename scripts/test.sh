#!/usr/bin/env bash
# The one test command (README, .ci/run): system deps, type check, client and server builds, then every test.
# Runs the suite twice: on the embedded store, then the server and end-to-end tests on a throw-away
# PostgreSQL cluster. Ends with one plain "N passed, N failed" line summarising both runs.
set -uo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
bash scripts/ensure-test-deps.sh || exit 1
npx tsc --noEmit -p tsconfig.json || { echo "0 passed, 1 failed (type check)"; exit 1; }
npx biome lint . --diagnostic-level=error || { echo "0 passed, 1 failed (lint)"; exit 1; }
npx biome format . || { echo "0 passed, 1 failed (format: run npx biome format --write .)"; exit 1; }
npx vite build --logLevel warn || { echo "0 passed, 1 failed (client build)"; exit 1; }
# The production server bundle (npm start runs it); tests/server/api/compiledServer.test.ts starts it.
npm run --silent build:server || { echo "0 passed, 1 failed (server build)"; exit 1; }
mkdir -p test-results
rm -f test-results/vitest.json test-results/vitest-postgres.json
# Run 1: every test, on the embedded store.
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@"
status=$?
# Run 2: the integration and end-to-end tests again, on PostgreSQL, in a throw-away cluster (started as
# an unprivileged user on a free port, removed afterwards). Each test server makes its own schema.
pgdir=$(mktemp -d /tmp/rr-pg-XXXXXX)
trap 'bash scripts/pg-cluster.sh stop "$pgdir"' EXIT
if [ $# -gt 0 ]; then pgargs=("$@"); else pgargs=(tests/server tests/e2e); fi
if url=$(bash scripts/pg-cluster.sh start "$pgdir"); then
  DATABASE_URL="$url" npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest-postgres.json \
    "${pgargs[@]}" || status=1
else
  echo "Could not start a PostgreSQL cluster for the second run." >&2
  status=1
fi
node scripts/summarise-tests.mjs test-results/vitest.json test-results/vitest-postgres.json || status=1
exit $status
