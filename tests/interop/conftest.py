"""Fixtures of the interop tests: one seeds build (Turtle + TriG) per session, and the programs.

The third-party programs are required, never skipped: a missing one fails with
the command that installs it (``bash scripts/install-interop.sh``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.interop.virtuoso import DEFAULT_GRAPH, Virtuoso, VirtuosoError

INSTALL = "bash scripts/install-interop.sh .venv"
#: Graph IRI the Turtle file goes into in Virtuoso; the TriG keeps its own graph names.
TURTLE_GRAPH = "urn:kg:test:turtle"


def require(program: str, package: str) -> str:
    """Return the path of ``program`` or fail the test with the install command."""
    path = shutil.which(program)
    if path is None:
        pytest.fail(f"{program} (Debian {package}) is not installed: run `{INSTALL}`",
                    pytrace=False)
    return path


@pytest.fixture(scope="session")
def interop_build(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    """A folder holding graph.ttl and graph.trig of the seeds, built once per session."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("interop-seeds")
    build([SEEDS], out, formats=["turtle", "trig"], nlp=nlp)
    return out


@pytest.fixture(scope="session")
def rapper() -> str:
    """Raptor's rapper."""
    return require("rapper", "raptor2-utils")


@pytest.fixture(scope="session")
def virtuoso(interop_build: Path) -> Iterator[Virtuoso]:
    """A private Virtuoso server on loopback with the seeds' Turtle and TriG bulk-loaded.

    The Turtle goes into :data:`TURTLE_GRAPH`; the TriG into its own graphs
    (anything outside a GRAPH block would land in ``DEFAULT_GRAPH``).
    ``server.load_seconds`` holds the load times.
    """
    require("virtuoso-t", "virtuoso-opensource")
    require("isql-vt", "virtuoso-opensource")
    try:
        server = Virtuoso(interop_build)
        server.start()
    except VirtuosoError as error:
        pytest.fail(f"Virtuoso did not start: {error}. If it is not installed: run `{INSTALL}`",
                    pytrace=False)
    try:
        server.load_seconds = {  # type: ignore[attr-defined]
            "turtle": server.load(interop_build / "graph.ttl", TURTLE_GRAPH),
            "trig": server.load(interop_build / "graph.trig", DEFAULT_GRAPH),
        }
        yield server
    finally:
        server.stop()
