#!/usr/bin/env bash
# Browser tests need Debian's Chromium. Install it when we can (root); otherwise say the one command to run.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "The browser tests need Chromium. Run, as root: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi
