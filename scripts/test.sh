#!/usr/bin/env bash
# Installs what the tests need and runs every test: typecheck, lint, unit, route and browser.
# Usage: bash scripts/test.sh
cd "$(dirname "$0")/.."
source scripts/lib.sh

if [ -z "${CHROMIUM_PATH:-}" ] && ! [ -x /usr/bin/chromium ]; then
  echo "==> Installing Chromium from Debian (needs root)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
install_deps

mkdir -p .tmp
echo "==> Typecheck"
pnpm typecheck
echo "==> Lint and format check (biome)"
pnpm lint
echo "==> Unit and route tests (vitest)"
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json
echo "==> Building the web app"
pnpm build
echo "==> Browser tests (Playwright, Chromium)"
PLAYWRIGHT_JSON_OUTPUT_FILE=.tmp/playwright.json \
  pnpm exec playwright test -c e2e/playwright.config.ts --reporter=list,json
node scripts/summarize-tests.mjs .tmp/vitest.json .tmp/playwright.json
