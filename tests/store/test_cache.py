"""The extraction cache of ``kg build --store``: exact round trips, fingerprints, whole rows \
only."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from kg.errors import StoreError
from kg.model import EventMention, Extraction, Mention, Relation, Sentence
from kg.store.cache import ExtractionCache, decode_extraction, encode_extraction
from tests.conftest import ROOT

FP = {"kg version": "0.1.0", "kg code": "aaaa", "spaCy": "spacy 3.8", "model": "en_core 3.8.0"}

TURKEY = Mention(10, 16, "Turkey", "GPE", 0, acting=True)
SYRIA = Mention(30, 35, "Syria", "GPE", 1)
SPEAKER = Mention(40, 52, "Sergei Shoigu", "PERSON", 1)
TALKS = EventMention(20, 25, "talks", "Meeting", 0, date="December 28, 2022")
WITHDRAWAL = EventMention(60, 70, "withdrawal", "Withdrawal", 1)
FULL = Extraction(
    sentences=(Sentence(0, 28, "Turkey held talks on Tuesday."),
               Sentence(29, 80, "Syria «demands» a\nwithdrawal.")),
    mentions=(TURKEY, SYRIA, SPEAKER),
    events=(TALKS, WITHDRAWAL),
    relations=(
        Relation(TURKEY, "participatesIn", TALKS, 0, "svo", 0.1 + 0.2),
        Relation(SYRIA, "demands", WITHDRAWAL, 1, "verb:demand", 0.85, speaker=SPEAKER),
        Relation(TALKS, "heldIn", SYRIA, 0, "prep:in", 1.0),
    ),
)


@pytest.mark.parametrize(
    ("name", "extraction"),
    [
        ("empty", Extraction()),
        ("sentences only", Extraction(sentences=(Sentence(0, 3, "Hi."),))),
        ("every kind of field", FULL),
    ],
)
def test_cache_encoding_round_trips_exactly(name, extraction):
    back = decode_extraction(encode_extraction(extraction))
    assert back == extraction, name
    assert type(back.relations) is tuple and all(type(m) is Mention for m in back.mentions)
    assert [r.confidence for r in back.relations] == [r.confidence for r in extraction.relations]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "not JSON"),
        ('["Extraction", [], []]', "a field missing"),
        ('["Nonsense", 1]', "an unknown class"),
        ('["Sentence", 0, 3, "Hi."]', "not an Extraction"),
    ],
)
def test_cache_decoding_rejects_what_encoding_never_makes(text, why):
    with pytest.raises(ValueError):
        decode_extraction(text)


def test_cache_keeps_rows_for_the_same_fingerprint(tmp_path):
    path = tmp_path / "x.sqlite"
    with ExtractionCache(path, FP) as cache:
        assert cache.put_many([("a" * 16, FULL), ("b" * 16, Extraction())]) == 2
    with ExtractionCache(path, dict(FP)) as cache:
        assert cache.discarded is None
        assert cache.get_many(["a" * 16, "b" * 16, "c" * 16]) == {
            "a" * 16: FULL, "b" * 16: Extraction()
        }


@pytest.mark.parametrize(
    ("part", "value"),
    [("kg code", "bbbb"), ("model", "en_core 3.9.0"), ("spaCy", "spacy 3.9"),
     ("kg version", "0.2.0")],
)
def test_cache_fingerprint_mismatch_discards_every_row(tmp_path, part, value):
    path = tmp_path / "x.sqlite"
    with ExtractionCache(path, FP) as cache:
        cache.put_many([("a" * 16, FULL)])
    with ExtractionCache(path, {**FP, part: value}) as cache:
        assert cache.discarded == part
        assert len(cache) == 0 and cache.get_many(["a" * 16]) == {}
        cache.put_many([("b" * 16, FULL)])
    # the new fingerprint is the stored one now
    with ExtractionCache(path, {**FP, part: value}) as cache:
        assert cache.discarded is None and len(cache) == 1


def test_cache_put_interrupted_midway_stores_none_of_its_rows(tmp_path):
    def items():
        yield "b" * 16, FULL
        yield "c" * 16, FULL
        raise KeyboardInterrupt

    with ExtractionCache(tmp_path / "x.sqlite", FP) as cache:
        cache.put_many([("a" * 16, FULL)])
        with pytest.raises(KeyboardInterrupt):
            cache.put_many(items())
        assert set(cache.get_many(["a" * 16, "b" * 16, "c" * 16])) == {"a" * 16}


def test_cache_row_that_does_not_decode_counts_as_missing(tmp_path):
    path = tmp_path / "x.sqlite"
    with ExtractionCache(path, FP) as cache:
        cache.put_many([("a" * 16, FULL), ("b" * 16, FULL)])
    with sqlite3.connect(path) as db:
        db.execute("UPDATE extraction SET data = ? WHERE id = ?", ('["Extraction", [', "b" * 16))
    with ExtractionCache(path, FP) as cache:
        assert set(cache.get_many(["a" * 16, "b" * 16])) == {"a" * 16}


def test_cache_keep_only_deletes_the_rest(tmp_path):
    with ExtractionCache(tmp_path / "x.sqlite", FP) as cache:
        cache.put_many([(c * 16, FULL) for c in "abcd"])
        assert cache.keep_only(["a" * 16, "c" * 16, "e" * 16]) == 2
        assert set(cache.get_many(c * 16 for c in "abcde")) == {"a" * 16, "c" * 16}


def test_cache_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "x.sqlite"
    path.write_bytes(b"this is not SQLite " * 100)
    with pytest.raises(StoreError, match="cannot use the extraction cache"):
        ExtractionCache(path, FP)


def test_cache_writer_killed_mid_write_leaves_whole_rows(tmp_path):
    """A process SIGKILLed while writing batch after batch: every row read back decodes."""
    path = tmp_path / "x.sqlite"
    writer = textwrap.dedent(f"""
        import sys
        from kg.store.cache import ExtractionCache
        from tests.store.test_cache import FP, FULL
        cache = ExtractionCache({str(path)!r}, FP)
        print("ready", flush=True)
        n = 0
        while True:
            cache.put_many([(f"{{n + i:016x}}", FULL) for i in range(50)])
            n += 50
    """)
    proc = subprocess.Popen([sys.executable, "-c", writer], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    with sqlite3.connect(path) as db:  # wait until a few batches are in, then kill it mid-way
        while db.execute("SELECT COUNT(*) FROM extraction").fetchone()[0] < 200:
            pass
    proc.kill()
    proc.wait()
    with ExtractionCache(path, FP) as cache:
        n = len(cache)
        assert n >= 200 and n % 50 == 0
        found = cache.get_many(f"{i:016x}" for i in range(n))
        assert len(found) == n and all(ex == FULL for ex in found.values())
