"""Shared fixtures and markers: the repository paths and one build of the seeds per session.

Markers (registered in pyproject.toml) say what a test needs beyond Python:

* ``model``: the spaCy model (loading it takes seconds, a build of the seeds more);
* ``browser``: headless Chromium driven by Playwright;
* ``virtuoso``: Virtuoso or another external program (Raptor's ``rapper``).

:func:`pytest_collection_modifyitems` puts them on every test that uses one of
:data:`FIXTURE_MARKERS` (directly or through other fixtures); a test that needs
one another way is marked where it is written. ``pytest --no-model`` checks the
``model`` marks: it makes the model package unimportable in the test process and
in every subprocess, and skips the tests marked ``model``, so an unmarked test
that loads the model fails.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
#: A folder holding a stand-in for the model package whose ``load`` fails.
NO_MODEL = Path(__file__).resolve().parent / "data" / "no_model"

#: Fixture name -> the marker a test using it gets.
FIXTURE_MARKERS = {
    "nlp": "model",  # below; seeds_build and tests/interop's interop_build use it
    "browser": "browser",  # tests/export/test_html_browser.py
    "rapper": "virtuoso",  # tests/interop/conftest.py: Raptor's command-line parser
    "virtuoso": "virtuoso",  # tests/interop/conftest.py: a Virtuoso server
}


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--no-model``."""
    parser.addoption(
        "--no-model", action="store_true",
        help="make the spaCy model unimportable (here and in subprocesses) and skip the tests "
             "marked model: an unmarked test that loads the model fails",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Under ``--no-model``, put the failing stand-in model package first on every path."""
    if not config.getoption("--no-model"):
        return
    sys.path.insert(0, str(NO_MODEL))
    paths = [str(NO_MODEL), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    os.environ["PYTHONPATH"] = os.pathsep.join(paths)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark tests by the fixtures they use; under ``--no-model`` skip those marked ``model``."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        for name in sorted(used & FIXTURE_MARKERS.keys()):
            item.add_marker(FIXTURE_MARKERS[name])
    if config.getoption("--no-model"):
        skip = pytest.mark.skip(reason="needs the spaCy model (--no-model)")
        for item in items:
            if item.get_closest_marker("model"):
                item.add_marker(skip)


@pytest.fixture(scope="session")
def nlp():
    """The pinned spaCy pipeline with kg's components, loaded once."""
    from kg.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory, nlp):
    """``kg build`` of the five seed articles: (BuildSummary, output folder)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seeds-out")
    summary = build([SEEDS], out, nlp=nlp)
    return summary, out
