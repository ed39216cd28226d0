"""One extraction for the build and ``kg explain``: recase, parse, the rules once (with their
trace), restore."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import kg.extract.components
import kg.pipeline.extraction
from kg.explain import explain
from kg.ingest import load_articles, read_article
from kg.pipeline import extract_article, extract_articles

from .conftest import SEEDS

SEED = SEEDS / "000_00e312ede173199d.txt"


def _counting(real: Callable[..., Any], calls: list[bool]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs.get("trace") is not None)
        return real(*args, **kwargs)
    return wrapper


def test_pipeline_explain_runs_the_rules_once_and_keeps_their_trace(nlp, monkeypatch) -> None:
    calls: list[bool] = []  # per run of the rules: was a trace asked for?
    for module in (kg.pipeline.extraction, kg.extract.components):  # the build's, the component's
        monkeypatch.setattr(module, "extract", _counting(module.extract, calls))
    explanation = explain(SEED, nlp=nlp)
    assert calls == [True]
    assert explanation.trace and all(isinstance(i, int) for i, _, _ in explanation.trace)
    lines = explanation.why_not("Iran hosts Meeting")
    assert lines[0] == "looking for: Iran  hosts  Meeting"


@pytest.mark.parametrize("processes", [1, 2])
def test_pipeline_explain_extracts_each_article_as_the_build_does(nlp, processes) -> None:
    built = {a.id: e for a, e in extract_articles(nlp, load_articles([SEEDS]), processes=processes)}
    assert len(built) == 5
    for path in sorted(SEEDS.glob("*.txt")):
        article = read_article(path)
        assert explain(path, nlp=nlp).extraction == built[article.id], path.name
        assert extract_article(nlp, article.text) == built[article.id], path.name


def test_pipeline_extract_article_trace_is_the_only_difference(nlp) -> None:
    text = read_article(SEED).text
    trace: list[tuple[int, str, str]] = []
    assert extract_article(nlp, text, trace=trace) == extract_article(nlp, text)
    assert trace
