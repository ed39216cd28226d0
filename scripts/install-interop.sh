#!/usr/bin/env bash
# Install the independent RDF implementations kg's interop tests drive:
#   - Raptor's `rapper` (Debian raptor2-utils), a strict Turtle/TriG parser;
#   - Virtuoso Open Source (Debian virtuoso-opensource): `virtuoso-t` and `isql-vt`;
#   - SPARQLWrapper (from PyPI) into a virtualenv, the client of the `kg serve` tests.
# The Debian package's own service is never used: tests/interop/virtuoso.py starts a
# private server on loopback with a temporary database folder, so a service that
# the package starts (or fails to start in a container) does not matter; this
# script stops it if it is running, to free ports 1111 and 8890.
#
# Usage: bash scripts/install-interop.sh [VENV]   (default: .venv)
# Idempotent: a second run changes nothing. Needs root (or sudo) for apt-get.
set -euo pipefail

venv="${1:-.venv}"
wrapper_spec="SPARQLWrapper>=2.0,<3"

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi

missing=()
command -v rapper >/dev/null 2>&1 || missing+=(raptor2-utils)
if ! command -v virtuoso-t >/dev/null 2>&1 || ! command -v isql-vt >/dev/null 2>&1; then
    missing+=(virtuoso-opensource)
fi

if [ "${#missing[@]}" -gt 0 ]; then
    echo "install-interop: installing Debian ${missing[*]}" >&2
    $sudo apt-get update -qq
    # The virtuoso package asks for a DBA password through debconf; an empty
    # answer keeps the default and never prompts.
    echo "virtuoso-opensource-7 virtuoso-opensource-7/dba-password password" | $sudo debconf-set-selections
    echo "virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password" | $sudo debconf-set-selections
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
    # Do not leave the package's system-wide server holding ports 1111/8890.
    if command -v service >/dev/null 2>&1 && [ -e /etc/init.d/virtuoso-opensource-7 ]; then
        $sudo service virtuoso-opensource-7 stop >/dev/null 2>&1 || true
    fi
else
    echo "install-interop: rapper ($(rapper --version)) and virtuoso-t already present" >&2
fi

if [ ! -x "$venv/bin/python" ]; then
    echo "install-interop: no virtualenv at '$venv' (expected $venv/bin/python); create it or pass its path as the first argument" >&2
    exit 2
fi

if "$venv/bin/python" -c "import SPARQLWrapper" 2>/dev/null; then
    echo "install-interop: SPARQLWrapper already installed in $venv" >&2
else
    echo "install-interop: installing $wrapper_spec into $venv" >&2
    "$venv/bin/python" -m pip install -q "$wrapper_spec"
fi
