"""Turtle: the union of every named graph, written by Oxigraph's serializer.

Oxigraph's in-memory store iterates in hash order, which differs from process to
process, so the triples are deduplicated and sorted (by their N-Triples terms)
before they are streamed to the serializer: the same dataset always gives the
same bytes, whatever order the articles came in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.store.namespace import PREFIXES


def sorted_triples(graph: Any) -> list[ox.Triple]:
    """The union of every graph of ``graph``, deduplicated, in a fixed order."""
    inner: ox.Store = graph.store._inner
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in inner}
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def write(graph: Any, path: Path, **_: Any) -> None:
    """Write the union of ``graph``'s named graphs as Turtle to ``path``."""
    ox.serialize(sorted_triples(graph), str(path), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
