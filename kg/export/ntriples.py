"""N-Triples: the union of every named graph, one sorted canonical line per distinct triple.

Blank nodes are renamed by RDFC-1.0 over the union (see
:mod:`kg.export.canonical`), so the same triples always give the same bytes, from
the builder's dataset, a TriG or a Turtle file alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.export.canonical import canonical_graphs

__all__ = ["canonical_lines", "write"]


def canonical_lines(graph: Any) -> list[bytes]:
    """Return the distinct triples of the union of ``graph``'s graphs as sorted N-Triples lines."""
    graphs = canonical_graphs(graph, union=True)
    return graphs[0][1] if graphs else []


def write(graph: Any, path: Path, **_: Any) -> None:
    """Write the union of ``graph``'s named graphs as N-Triples to ``path``."""
    with open(path, "wb") as out:
        for line in canonical_lines(graph):
            out.write(line)
            out.write(b"\n")
