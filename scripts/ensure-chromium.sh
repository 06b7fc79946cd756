#!/usr/bin/env bash
# Browser tests need Debian's Chromium. Install it when we can (root); otherwise say the one command to run.
set -euo pipefail
# CHROMIUM_PATH points the tests at a browser installed elsewhere (tests/helpers/browser.ts).
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "The browser tests need Chromium. Run, as root: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium or Chrome)" >&2
  exit 1
fi
