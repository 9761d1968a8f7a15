# Shared by start.sh and test.sh: the pinned pnpm and a dependency install that works on a
# fresh machine of this kind (Node 20, npm registry only, root).
set -euo pipefail

PNPM_VERSION=12.4.2
# node-gyp compiles better-sqlite3 against the installed Node's headers (no prebuilt download).
export npm_config_nodedir="${npm_config_nodedir:-/usr}"

pnpm() {
  npx -y "pnpm@${PNPM_VERSION}" "$@"
}

ensure_node() {
  if ! command -v node >/dev/null; then
    echo "Node.js 20 or newer is required (https://nodejs.org)." >&2
    exit 1
  fi
}

install_deps() {
  ensure_node
  echo "==> Installing dependencies (pnpm ${PNPM_VERSION}, frozen lockfile)"
  pnpm install --frozen-lockfile
}
