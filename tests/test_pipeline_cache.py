"""The caches a build reads and fills: the in-memory one of a build without a store does what
the store's SQLite one does."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kg.model import Extraction, Sentence
from kg.store.cache import Cache, ExtractionCache, MemoryCache

FP = {"kg version": "0.1.0", "kg code": "aaaa", "spaCy": "spacy 3.8", "model": "en_core 3.8.0"}
A, B, C = "a" * 16, "b" * 16, "c" * 16
ONE = Extraction(sentences=(Sentence(0, 3, "Hi."),))
TWO = Extraction()


@pytest.fixture(params=["memory", "sqlite"])
def cache(request: pytest.FixtureRequest, tmp_path: Path) -> Cache:
    made: Cache = MemoryCache() if request.param == "memory" else ExtractionCache(
        tmp_path / "x.sqlite", FP)
    request.addfinalizer(made.close)
    return made


def test_pipeline_cache_get_put_and_keep_only(cache: Cache) -> None:
    assert cache.get(A) is None and cache.discarded is None
    assert cache.put_many([(A, ONE), (B, TWO)]) == 2
    assert (cache.get(A), cache.get(B)) == (ONE, TWO)
    assert cache.put_many(iter([(A, TWO)])) == 1  # replaced
    assert cache.get(A) == TWO
    assert cache.keep_only([B, C]) == 1
    assert (cache.get(A), cache.get(B), cache.get(C)) == (None, TWO, None)


def test_pipeline_cache_sqlite_row_that_does_not_decode_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    with ExtractionCache(path, FP) as cache:
        cache.put_many([(A, ONE), (B, ONE)])
    with sqlite3.connect(path) as db:
        db.execute("UPDATE extraction SET data = '[\"Nonsense\"]' WHERE id = ?", (A,))
    with ExtractionCache(path, FP) as cache:
        assert (cache.get(A), cache.get(B)) == (None, ONE)


def test_pipeline_cache_memory_is_empty_again_once_closed() -> None:
    cache = MemoryCache()
    cache.put_many([(A, ONE)])
    cache.close()
    assert len(cache) == 0 and cache.get(A) is None
