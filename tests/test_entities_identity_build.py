"""Entity identity end to end (#22): the same inputs in any order give the same nodes and IRIs
(byte-identical Turtle and merge report), and with ``--store`` a build that adds articles (and
with them a cross-article merge) equals a build from scratch. Complements
tests/test_build.py (reversed order) and tests/test_build_store.py (3 seeds, then 5)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.entities import list_entities
from kg.pipeline import build

from .conftest import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))
ORDERS = [(2, 0, 4, 1, 3), (4, 3, 2, 1, 0)]

# A surname alone in one article; the full name arrives with the second.
SHORT = """Talks in Geneva

Karimzadeh told reporters in Geneva on Monday that the talks with the European Union would \
resume next week. Karimzadeh said the delegation wanted a lasting agreement.
"""
FULL = """Minister visits Paris

Iranian Deputy Foreign Minister Farhad Karimzadeh met French officials in Paris on Tuesday. \
Farhad Karimzadeh said Iran was ready for more talks.
"""


def _build(inputs: list[Path], out: Path, nlp, **options) -> tuple[bytes, bytes]:
    """Turtle and merge report of one build."""
    report = out / "merges.tsv"
    build(inputs, out, nlp=nlp, formats=["turtle"], merge_report=report, **options)
    return (out / "graph.ttl").read_bytes(), report.read_bytes()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory, nlp) -> tuple[bytes, bytes]:
    """The five seeds from scratch, in the usual order."""
    return _build([SEEDS], tmp_path_factory.mktemp("scratch"), nlp)


@pytest.mark.parametrize("order", ORDERS, ids=str)
def test_entities_identity_any_input_order_same_bytes(scratch, order, tmp_path, nlp):
    """The files named one by one in another order: same Turtle, same merge report."""
    ttl, report = _build([SEED_FILES[i] for i in order], tmp_path / "out", nlp)
    assert report.splitlines()[1:]  # the seeds have merges (surnames): the test can fail
    assert (ttl, report) == scratch


def test_entities_identity_store_three_then_five_equals_scratch(scratch, tmp_path, nlp):
    three = tmp_path / "three"
    three.mkdir()
    for f in SEED_FILES[:3]:
        shutil.copy(f, three / f.name)
    store = tmp_path / "store"
    _build([three], tmp_path / "out3", nlp, store=store)
    assert _build([SEEDS], tmp_path / "out5", nlp, store=store) == scratch


def test_entities_identity_store_new_article_merges_and_equals_scratch(tmp_path, nlp):
    """The full name arrives in a new article: the short name's node merges into it, and
    the store's build equals one from scratch."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "short.txt").write_text(SHORT, encoding="utf-8")
    (second / "full.txt").write_text(FULL, encoding="utf-8")
    store = tmp_path / "store"
    _, report = _build([first], tmp_path / "out1", nlp, store=store)
    people = list_entities(tmp_path / "out1" / "graph.ttl", types=["Person"])
    assert [(p.label, p.articles) for p in people] == [("Karimzadeh", 1)]
    assert len(report.splitlines()) == 1  # the header: nothing merged yet

    ttl, report = _build([first, second], tmp_path / "out2", nlp, store=store)
    people = list_entities(tmp_path / "out2" / "graph.ttl", types=["Person"])
    assert [(p.label, p.articles, p.names) for p in people] == [
        ("Farhad Karimzadeh", 2, ("Karimzadeh",))
    ]
    rows = [line.split("\t") for line in report.decode().splitlines()[1:]]
    assert [r[:5] for r in rows] == [
        ["person/karimzadeh", "Karimzadeh", "person/farhad-karimzadeh", "Farhad Karimzadeh",
         "surname"]
    ]
    assert (ttl, report) == _build([first, second], tmp_path / "scratch", nlp)
