#!/usr/bin/env bash
# The one test command (README, .ci/run): system deps, type check, client and server builds, then every test.
# Ends with a plain "N passed, N failed" line summarising all vitest projects.
set -uo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
bash scripts/ensure-test-deps.sh || exit 1
npx tsc --noEmit -p tsconfig.json || { echo "0 passed, 1 failed (type check)"; exit 1; }
npx vite build --logLevel warn || { echo "0 passed, 1 failed (client build)"; exit 1; }
# The production server bundle (npm start runs it); tests/server/api/compiledServer.test.ts starts it.
npm run --silent build:server || { echo "0 passed, 1 failed (server build)"; exit 1; }
mkdir -p test-results
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@"
status=$?
node scripts/summarise-tests.mjs test-results/vitest.json || status=1
exit $status
