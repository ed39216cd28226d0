#!/usr/bin/env bash
# Install kg into .venv (created if missing). With --test, also the test extras and
# the real third-party programs the tests drive (Chromium for the HTML tests).
# Idempotent: run it again to update. Needs python3 >= 3.11; --test needs root (apt-get).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${VENV:-.venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
if [ "${1:-}" = "--test" ]; then
  "$venv/bin/python" -m pip install --quiet -e ".[test]"
  bash scripts/install-browser.sh "$venv"
  bash scripts/install-interop.sh "$venv"
else
  "$venv/bin/python" -m pip install --quiet -e .
fi
