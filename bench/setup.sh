#!/usr/bin/env bash
# Installs the benchmark's own tools (Lighthouse) into bench/node_modules, only when they are missing or the
# lock file changed (a stamp holds the lock's sha256), so that `make test` and CI never pay for them.
set -euo pipefail
cd "$(dirname "$0")"
want=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.bench-lock.sha256
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f node_modules/lighthouse/cli/index.js ]; then
  echo "bench: bench/node_modules matches package-lock.json"
  exit 0
fi
npm ci --no-audit --no-fund
echo "$want" > "$stamp"
