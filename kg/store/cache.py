"""Extractions kept on disk between builds: one SQLite file, one row per article.

An :class:`~kg.model.Extraction` depends only on the article's cleaned text
(whose SHA-256 is the article id) and on the code, data and spaCy model that
made it. :class:`ExtractionCache` stores each under the article id, and the
whole file under a *fingerprint* of the code and model: when the fingerprint
of a build differs from the stored one, every row is dropped. A build without
a store uses a :class:`MemoryCache`, which starts empty and ends with the build.

Rows are JSON, not pickles, so a store folder from elsewhere cannot run code
when read. Every write is one SQLite transaction, so a build killed at any
moment leaves whole rows or none; a row that does not decode is treated as
missing and parsed again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import Any, Protocol, Self

from kg.errors import Errors, StoreError
from kg.model import EventMention, Extraction, Mention, Relation, Sentence

__all__ = ["Cache", "ExtractionCache", "MemoryCache", "decode_extraction", "encode_extraction"]

#: Bumped when the row encoding changes; part of every fingerprint.
CACHE_FORMAT = "1"

_CLASSES: dict[str, type] = {cls.__name__: cls for cls in
                             (Extraction, Sentence, Mention, EventMention, Relation)}
_FIELDS: dict[type, tuple[str, ...]] = {cls: tuple(f.name for f in fields(cls))
                                        for cls in _CLASSES.values()}
#: What each field of an Extraction holds (a damaged row may hold anything else).
_PARTS = (Sentence, Mention, EventMention, Relation)
_CHUNK = 500  # ids per SELECT: below SQLite's limit on bound parameters


def _encode(value: Any) -> Any:
    cls = type(value)
    if cls in _FIELDS:
        return [cls.__name__, *(_encode(getattr(value, name)) for name in _FIELDS[cls])]
    if cls is tuple:
        return [_encode(item) for item in value]
    if value is None or cls in (str, int, float, bool):
        return value
    raise TypeError(f"cannot store a {cls.__name__} in the extraction cache")


def _decode(value: Any) -> Any:
    # A dataclass is a list led by its class name; a tuple (of dataclasses) is a list of lists.
    if isinstance(value, list):
        if value and isinstance(value[0], str):
            cls = _CLASSES[value[0]]
            names = _FIELDS[cls]
            if len(value) != len(names) + 1:
                raise ValueError(f"{value[0]} with {len(value) - 1} fields, expected {len(names)}")
            return cls(*(_decode(v) for v in value[1:]))
        return tuple(_decode(v) for v in value)
    return value


def encode_extraction(extraction: Extraction) -> str:
    """Return ``extraction`` as compact JSON text (floats round-trip exactly)."""
    return json.dumps(_encode(extraction), ensure_ascii=False, separators=(",", ":"))


def decode_extraction(text: str) -> Extraction:
    """Return the extraction :func:`encode_extraction` made.

    Raises:
        ValueError: The text is not such an encoding.
    """
    try:
        value = _decode(json.loads(text))
    except (KeyError, TypeError, RecursionError, json.JSONDecodeError) as error:
        raise ValueError(f"not an encoded extraction: {error}") from None
    if isinstance(value, Extraction) and all(
        isinstance(items, tuple) and all(isinstance(item, cls) for item in items)
        for items, cls in zip(
            (value.sentences, value.mentions, value.events, value.relations), _PARTS, strict=True
        )
    ):
        return value
    what = "an Extraction of other parts" if isinstance(value, Extraction) else (
        f"a {type(value).__name__}")
    raise ValueError(f"not an encoded extraction: {what}")


class Cache(Protocol):
    """What a build needs of an extraction cache (:class:`ExtractionCache`, :class:`MemoryCache`).

    Attributes:
        discarded: Why the extractions found on opening were dropped, or ``None``.
    """

    discarded: str | None

    def get(self, key: str) -> Extraction | None:
        """Return the extraction stored under ``key``, or ``None``."""
        ...

    def put_many(self, items: Iterable[tuple[str, Extraction]]) -> int:
        """Store extractions by article id; return how many."""
        ...

    def keep_only(self, ids: Iterable[str]) -> int:
        """Delete every extraction whose id is not in ``ids``; return how many were deleted."""
        ...

    def close(self) -> None:
        """Release what the cache holds open."""
        ...


class ExtractionCache:
    """Extractions by article id, in one SQLite file, valid for one fingerprint.

    Args:
        path: The SQLite file (created if missing).
        fingerprint: What made the extractions (see :func:`kg.pipeline.fingerprint`);
            rows stored under another fingerprint are deleted on opening.

    Attributes:
        discarded: Why the rows found on opening were dropped (the first part of
            the fingerprint that differs, e.g. ``"kg code"``), or ``None`` when
            they were kept or there were none.

    Raises:
        StoreError: The file is not a SQLite database kg can use.
    """

    def __init__(self, path: str | Path, fingerprint: Mapping[str, str]) -> None:
        self.path = Path(path)
        self.fingerprint = {**fingerprint, "cache format": CACHE_FORMAT}
        self.discarded: str | None = None
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            # WAL: durable across crashes, not power cuts
            self._db.execute("PRAGMA synchronous=NORMAL")
            with self._transaction():
                self._db.execute("CREATE TABLE IF NOT EXISTS meta "
                                 "(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                self._db.execute("CREATE TABLE IF NOT EXISTS extraction "
                                 "(id TEXT PRIMARY KEY, data TEXT NOT NULL)")
                self._check_fingerprint()
        except sqlite3.DatabaseError as error:
            raise StoreError(Errors.E074.format(path=self.path, reason=error)) from None

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        # isolation_level=None: each block is one explicit transaction, rolled back on
        # any exception (KeyboardInterrupt too), so no row is ever half written.
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _check_fingerprint(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        stored: dict[str, str] = json.loads(row[0]) if row else {}
        if stored == self.fingerprint:
            return
        if self._db.execute("SELECT 1 FROM extraction LIMIT 1").fetchone() is not None:
            changed = (k for k in self.fingerprint if stored.get(k) != self.fingerprint[k])
            self.discarded = next(changed, "fingerprint")
            self._db.execute("DELETE FROM extraction")
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)",
                         (json.dumps(self.fingerprint, sort_keys=True),))

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM extraction").fetchone()[0])

    def get(self, key: str) -> Extraction | None:
        """Return the extraction stored under ``key``, or ``None`` (also for a row that
        does not decode: it is parsed again and overwritten)."""
        row = self._db.execute("SELECT data FROM extraction WHERE id = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return decode_extraction(row[0])
        except ValueError:
            return None

    def get_many(self, ids: Iterable[str]) -> dict[str, Extraction]:
        """Return the stored extractions of those ``ids`` that have one (rows that do not
        decode are left out)."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Extraction] = {}
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i:i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT id, data FROM extraction WHERE id IN ({marks})"
            for key, data in self._db.execute(query, chunk):
                try:
                    found[key] = decode_extraction(data)
                except ValueError:
                    continue  # parsed again and overwritten
        return found

    def put_many(self, items: Iterable[tuple[str, Extraction]]) -> int:
        """Store extractions by article id, all in one transaction; return how many.

        If anything fails or interrupts the call midway, none of them is stored.
        """
        count = 0

        def rows() -> Iterator[tuple[str, str]]:
            nonlocal count
            for key, extraction in items:
                yield key, encode_extraction(extraction)
                count += 1

        with self._transaction():
            self._db.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?)", rows())
        return count

    def keep_only(self, ids: Iterable[str]) -> int:
        """Delete every row whose id is not in ``ids``; return how many were deleted."""
        with self._transaction():
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (id TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM keep")
            self._db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((i,) for i in ids))
            deleted = self._db.execute(
                "DELETE FROM extraction WHERE id NOT IN (SELECT id FROM keep)").rowcount
            self._db.execute("DELETE FROM keep")
        return int(deleted)

    def close(self) -> None:
        """Close the database (the WAL is checkpointed into the main file)."""
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class MemoryCache:
    """Extractions by article id in this process's memory: the cache of a build without a
    store, empty when it starts and gone when it ends (so nothing is ever discarded)."""

    discarded: str | None = None

    def __init__(self) -> None:
        self._rows: dict[str, Extraction] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, key: str) -> Extraction | None:
        """Return the extraction stored under ``key``, or ``None``."""
        return self._rows.get(key)

    def put_many(self, items: Iterable[tuple[str, Extraction]]) -> int:
        """Store extractions by article id; return how many."""
        count = 0
        for key, extraction in items:
            self._rows[key] = extraction
            count += 1
        return count

    def keep_only(self, ids: Iterable[str]) -> int:
        """Delete every extraction whose id is not in ``ids``; return how many were deleted."""
        keep = set(ids)
        gone = [key for key in self._rows if key not in keep]
        for key in gone:
            del self._rows[key]
        return len(gone)

    def close(self) -> None:
        """Forget every extraction."""
        self._rows.clear()
