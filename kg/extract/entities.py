"""Entity span policy: how gazetteer matches and NER spans are combined. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span
from spacy.util import filter_spans


@cache
def word_list(name: str) -> frozenset[str]:
    """A packaged word list (``kg/extract/data/<name>``), one entry a line, # comments."""
    text = resources.files("kg.extract.data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(
        ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")
    )


def body_patterns(demonyms: Iterable[str], countries: Iterable[str]) -> list[dict[str, Any]]:
    """Matcher patterns for state bodies and borders named from a state.

    * ``<demonym> [portfolio ...] ministry`` -> ORG ("Turkish defense ministry");
    * ``<country>-<country> border`` -> LOC ("Iraq-Syria border").
    """
    dem = sorted({d.lower() for d in demonyms if " " not in d})
    names = sorted({c.lower() for c in countries if " " not in c})
    dash = {"ORTH": {"IN": ["-", "–"]}}
    return [
        {
            "label": "ORG",
            "pattern": [
                {"LOWER": {"IN": dem}},
                {"LOWER": {"IN": sorted(word_list("departments.txt"))}, "OP": "*"},
                {"LOWER": {"IN": ["ministry"]}},
            ],
        },
        {
            "label": "LOC",
            "pattern": [
                {"LOWER": {"IN": names}},
                dash,
                {"LOWER": {"IN": names}},
                {"LOWER": "border"},
            ],
        },
    ]


#: NER labels whose longer span wins over a gazetteer match inside it
#: ("the Ministry of Defense of Turkey" keeps its ORG span around "Turkey").
CONTAINER_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW"})
#: NER labels a gazetteer match never overrides (numbers and dates are not entities).
KEEP_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def merge_entities(doc: Doc, matches: list[tuple[int, int, str]]) -> list[Span]:
    """Combine NER spans with gazetteer matches ``(start, end, label)``.

    A gazetteer match replaces the NER spans it overlaps, except an NER span of a
    container label that strictly contains it; longer matches win over shorter.

    Returns:
        Non-overlapping entity spans, sorted.
    """
    gaz = filter_spans([Span(doc, s, e, label=lab) for s, e, lab in matches])
    ner = list(doc.ents)
    kept_ner = []
    kept_gaz = []
    for g in gaz:
        container = next(
            (
                n
                for n in ner
                if n.label_ in CONTAINER_LABELS
                and n.start <= g.start
                and g.end <= n.end
                and (n.end - n.start) > (g.end - g.start)
                and (g.label_ == "NORP" or any(t.lower_ in word_list("org_heads.txt") for t in n))
            ),
            None,
        )
        blocked = any(n.label_ in KEEP_LABELS and n.start < g.end and g.start < n.end for n in ner)
        if container is None and not blocked:
            kept_gaz.append(g)
    for n in ner:
        if not any(g.start < n.end and n.start < g.end for g in kept_gaz):
            kept_ner.append(n)
    return sorted(kept_gaz + kept_ner, key=lambda s: s.start)
