"""Start ``kg serve`` as a subprocess on 127.0.0.1 (any free port), for the endpoint tests."""

from __future__ import annotations

import contextlib
import selectors
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def kg_serve(graph: Path, *options: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """``kg serve GRAPH --port 0 OPTIONS``: (its query URL, the process), stopped on exit."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", str(graph), "--port", "0", *options],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    assert process.stderr is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stderr, selectors.EVENT_READ)
    line = ""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and "serving" not in line:
        if not selector.select(timeout=deadline - time.monotonic()):
            break
        line = process.stderr.readline()
        if not line and process.poll() is not None:
            break
    if "serving" not in line:
        process.kill()
        pytest.fail(f"kg serve did not start: {line}{process.stderr.read()}")
    try:
        yield line.split(" at ", 1)[1].split()[0], process
    finally:
        process.terminate()
        process.wait(timeout=10)
