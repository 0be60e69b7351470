#!/usr/bin/env bash
# The browser test of `vanban serve` (issue 17): web/test/browser.mjs drives headless Chromium
# from Debian's packages through playwright-core from npm (a browser downloaded at run time does
# not work here). Installs what is missing, builds the binary and runs the test.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
(cd web && npm ci --no-audit --no-fund --loglevel=error)
cargo build --bin vanban
target_dir=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
VANBAN="$target_dir/debug/vanban" node web/test/browser.mjs
