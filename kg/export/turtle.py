"""Turtle: the union of every named graph, written by Oxigraph's serializer.

Oxigraph keeps quads in a sorted index, so the same dataset always dumps to the
same bytes, whatever order the articles came in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.store.namespace import PREFIXES


def union_store(graph: Any) -> ox.Store:
    """A fresh in-memory store holding the union of every graph of ``graph``, deduplicated."""
    inner: ox.Store = graph.store._inner
    union = ox.Store()
    union.extend(ox.Quad(q.subject, q.predicate, q.object) for q in inner)
    return union


def write(graph: Any, path: Path, **_: Any) -> None:
    """Write the union of ``graph``'s named graphs as Turtle to ``path``."""
    union_store(graph).dump(str(path), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(),
                            prefixes=PREFIXES)
