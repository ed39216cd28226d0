"""Fuzzing of the extraction cache's rows: a damaged row is a miss, never a crash of the build.

A row of ``extractions.sqlite`` that a disk error, a bad copy or another program
damaged decodes to a whole :class:`~kg.model.Extraction` or raises ValueError;
:meth:`ExtractionCache.get` then answers None and the article is parsed again.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kg.model import EventMention, Extraction, Mention, Relation, Sentence
from kg.store.cache import ExtractionCache, decode_extraction, encode_extraction

from .budget import fuzz

GOOD = Extraction(
    sentences=(Sentence(0, 20, "Syria met Turkey."),),
    mentions=(Mention(0, 5, "Syria", "GPE", 0, True), Mention(10, 16, "Turkey", "GPE", 0)),
    events=(EventMention(6, 9, "met", "Meeting", 0, "2023-04-25"),),
    relations=(Relation(Mention(0, 5, "Syria", "GPE", 0), "meetsWith",
                        Mention(10, 16, "Turkey", "GPE", 0), 0, "svo", 0.9),),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
    | st.sampled_from(["Extraction", "Sentence", "Mention", "EventMention", "Relation"]),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=4), inner,
                                                                 max_size=3),
    max_leaves=40,
)


def check(text: str) -> None:
    try:
        value = decode_extraction(text)
    except ValueError:
        return
    assert isinstance(value, Extraction)
    for items, cls in zip((value.sentences, value.mentions, value.events, value.relations),
                          (Sentence, Mention, EventMention, Relation), strict=True):
        assert isinstance(items, tuple) and all(isinstance(item, cls) for item in items)


@fuzz(200)
@given(value=json_values)
@example(value=["Extraction", 1, 2, 3, 4])  # was returned as an Extraction of ints
def test_fuzz_cache_random_json_decodes_whole_or_not_at_all(value: object) -> None:
    check(json.dumps(value))


@fuzz(200)
@given(data=st.data())
def test_fuzz_cache_damaged_row_decodes_whole_or_not_at_all(data: st.DataObject) -> None:
    text = encode_extraction(GOOD)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 20)))
    check(text[:start] + data.draw(st.text(max_size=10)) + text[end:])


@pytest.mark.parametrize("row", ["[" * 100_000, '["Extraction",1,2,3,4]', "\x00", ""])
def test_fuzz_cache_damaged_row_is_a_miss(tmp_path: Path, row: str) -> None:
    """Pins the fixes: a deeply nested row raised RecursionError, a row of wrong parts came back."""
    path = tmp_path / "extractions.sqlite"
    with ExtractionCache(path, {"kg code": "x"}) as cache:
        cache.put_many([("a" * 16, GOOD)])
    with sqlite3.connect(path) as db:
        db.execute("UPDATE extraction SET data = ?", (row,))
    with ExtractionCache(path, {"kg code": "x"}) as cache:
        assert cache.get("a" * 16) is None
        assert cache.get_many(["a" * 16]) == {}
