"""Shared fixtures: the repository paths and one build of the seeds per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


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
