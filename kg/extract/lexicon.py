"""Verb classes, event nouns, actor nouns and titles, loaded once from data files.

The lexicon is data, not code: ``kg/extract/data/*.tsv`` say where each class
comes from. :func:`Lexicon.default` caches the packaged lexicon. Every relation a
row names must be a relation of the schema (``ontology/kg.ttl``, :mod:`kg.schema`):
an unknown one fails at load with the file, the line and the valid names.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from kg.errors import KGError
from kg.schema import Schema


class LexiconError(KGError):
    """A lexicon data file that cannot be used: a row names an unknown relation."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class VerbFrame:
    """One reading of a verb: ``lemma [prep] -> relation`` with an object kind."""

    lemma: str
    prep: str
    relation: str
    object: str  # event | actor | place | any | inverse
    confidence: float


@dataclass(frozen=True, slots=True)
class EventNoun:
    """A noun that evokes an event type, possibly only with a companion word."""

    lemma: str
    type: str
    requires: tuple[str, ...]
    confidence: float
    #: Modifiers that make the noun no event of the type ("press" in "press conference").
    excludes: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class EventVerb:
    """A verb phrase that evokes an event (``normalize ties``, ``push ... out``)."""

    lemma: str
    objects: tuple[str, ...]
    type: str


@dataclass(frozen=True, slots=True)
class NounFrame:
    """A relational noun: ``lemma prep X -> relation`` ("support for X")."""

    lemma: str
    preps: tuple[str, ...]
    relation: str
    object: str
    confidence: float


@dataclass(frozen=True)
class Lexicon:
    """Everything the rules look words up in."""

    verbs: dict[str, tuple[VerbFrame, ...]] = field(default_factory=dict)
    event_nouns: dict[str, EventNoun] = field(default_factory=dict)
    event_verbs: dict[str, tuple[EventVerb, ...]] = field(default_factory=dict)
    actor_nouns: frozenset[str] = frozenset()
    titles: dict[str, str] = field(default_factory=dict)
    nouns: dict[str, NounFrame] = field(default_factory=dict)
    mutual_nouns: dict[str, str] = field(default_factory=dict)
    effort_nouns: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()

    @classmethod
    @functools.cache
    def default(cls) -> Lexicon:
        """Return the packaged lexicon, loaded once per process."""
        return cls.from_files()

    @classmethod
    def from_files(
        cls,
        package: str | Path | Traversable = "kg.extract.data",
        schema: Schema | None = None,
    ) -> Lexicon:
        """Load the lexicon from the TSV and text files of ``package``.

        Args:
            package: A package name, or a folder holding the same files.
            schema: The relations the rows may name; by default those of
                ``ontology/kg.ttl``.

        Raises:
            LexiconError: A row names a relation the schema does not have.
        """
        root = resources.files(package) if isinstance(package, str) else package
        known = schema if schema is not None else Schema.default()

        def rows(name: str) -> list[dict[str, str]]:
            text = (root / name).read_text(encoding="utf-8")
            numbered = [
                (n, ln)
                for n, ln in enumerate(text.splitlines(), 1)
                if ln.strip() and not ln.startswith("#")
            ]
            reader = csv.DictReader((ln for _, ln in numbered), delimiter="\t")
            out = []
            for row in reader:
                cells = {k: (v or "").strip() for k, v in row.items()}
                if "relation" in cells and cells["relation"] not in known:
                    line = numbered[reader.line_num - 1][0]  # the file's line, comments counted
                    raise LexiconError(
                        f"{root / name} line {line}: unknown relation {cells['relation']!r}; "
                        f"the relations of {known.source} are {', '.join(known.names)}. "
                        "Fix the name, or declare the relation there (an owl:ObjectProperty "
                        "with kgo:generalisesToState)."
                    )
                out.append(cells)
            return out

        verbs: dict[str, list[VerbFrame]] = {}
        for r in rows("verbs.tsv"):
            frame = VerbFrame(r["lemma"], r["prep"], r["relation"], r["object"],
                              float(r["confidence"]))
            verbs.setdefault(frame.lemma, []).append(frame)
        event_nouns = {
            r["lemma"]: EventNoun(
                r["lemma"],
                r["type"],
                tuple(x for x in r["requires"].split("|") if x and not x.startswith("!")),
                float(r["confidence"]),
                frozenset(x[1:] for x in r["requires"].split("|") if x.startswith("!")),
            )
            for r in rows("events.tsv")
        }
        event_verbs: dict[str, list[EventVerb]] = {}
        for r in rows("event_verbs.tsv"):
            ev = EventVerb(r["lemma"], tuple(x for x in r["object"].split("|") if x), r["type"])
            event_verbs.setdefault(ev.lemma, []).append(ev)

        def words(name: str) -> frozenset[str]:
            text = (root / name).read_text(encoding="utf-8")
            lines = (ln.strip() for ln in text.splitlines() if not ln.startswith("#"))
            return frozenset(ln.lower() for ln in lines if ln)

        actors = words("actor_nouns.txt")
        nouns = {
            r["lemma"]: NounFrame(r["lemma"], tuple(r["preps"].split("|")), r["relation"],
                                  r["object"], float(r["confidence"]))
            for r in rows("nouns.tsv")
        }
        titles = {r["word"].lower(): r["body"] for r in rows("titles.tsv")}
        return cls(
            verbs={k: tuple(v) for k, v in verbs.items()},
            event_nouns=event_nouns,
            event_verbs={k: tuple(v) for k, v in event_verbs.items()},
            actor_nouns=actors,
            titles=titles,
            nouns=nouns,
            mutual_nouns={r["lemma"]: r["relation"] for r in rows("mutual_nouns.tsv")},
            effort_nouns=words("effort_nouns.txt"),
            light_verbs=words("light_verbs.txt"),
        )
