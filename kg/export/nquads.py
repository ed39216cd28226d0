"""N-Quads: every named graph kept, one sorted line per quad.

A built dataset holds one named graph per article, ``kg:graph/entities`` and
``kg:graph/ontology``; N-Quads keeps them all. The lines are the canonical form
of :mod:`kg.export.canonical` (blank nodes renamed by RDFC-1.0, graphs and lines
sorted), so the same dataset always gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.export.canonical import canonical_graphs, graph_lines

__all__ = ["write"]


def write(graph: Any, path: Path, **_: Any) -> None:
    """Write ``graph`` as N-Quads to ``path``: every named graph kept, canonical and sorted."""
    with open(path, "wb") as out:
        for name, lines in canonical_graphs(graph):
            for line in graph_lines(name, lines):
                out.write(line)
                out.write(b"\n")
