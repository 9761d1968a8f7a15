#!/usr/bin/env bash
# Sets up and runs Leadport: installs dependencies, builds the web app and serves it.
# Usage: bash scripts/start.sh [--port 8787] [--host 127.0.0.1] [--data ./data]
cd "$(dirname "$0")/.."
source scripts/lib.sh
install_deps
echo "==> Building the web app"
pnpm build
echo "==> Starting Leadport"
exec node --import tsx server/src/cli/bin.ts serve "$@"
