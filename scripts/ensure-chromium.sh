#!/usr/bin/env bash
# Makes sure Debian's chromium is at /usr/bin/chromium for the browser e2e tests (never a browser download).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "chromium is missing; installing the Debian package…"
SUDO=""; if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get install -y -q chromium || { $SUDO apt-get update -q && $SUDO apt-get install -y -q chromium; }
