#!/usr/bin/env bash
# Install what kg's real-browser tests and scripts/screenshot.py need:
#   - Debian's chromium (at /usr/bin/chromium) and one font, when missing;
#   - Playwright (the Python driver only, from PyPI) into a virtualenv.
# Never runs `playwright install`: browser builds cannot be downloaded here, the
# tests drive the system chromium through `executable_path`.
#
# Usage: bash scripts/install-browser.sh [VENV]   (default: .venv)
# Idempotent: a second run changes nothing.
set -euo pipefail

venv="${1:-.venv}"
pw_spec="playwright>=1.40,<2"

if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    echo "install-browser: installing Debian chromium" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        chromium fonts-dejavu-core
else
    echo "install-browser: /usr/bin/chromium already present ($(/usr/bin/chromium --version 2>/dev/null || echo unknown version))" >&2
fi

if [ ! -x "$venv/bin/python" ]; then
    echo "install-browser: no virtualenv at '$venv' (expected $venv/bin/python); create it or pass its path as the first argument" >&2
    exit 2
fi

if "$venv/bin/python" -c "import playwright" 2>/dev/null; then
    echo "install-browser: playwright already installed in $venv" >&2
else
    echo "install-browser: installing $pw_spec into $venv" >&2
    "$venv/bin/python" -m pip install -q "$pw_spec"
fi
