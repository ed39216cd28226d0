"""TriG: every named graph kept (one per article, the entities', the ontology's), kg prefixes.

The quads come from :func:`kg.export.canonical.canonical_graphs` (blank nodes
renamed by RDFC-1.0, graphs and triples sorted) and Oxigraph's TriG serializer
writes them, so the same dataset always gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.export.canonical import canonical_graphs, graph_lines
from kg.store.namespace import KG, PREFIXES

__all__ = ["TRIG_PREFIXES", "canonical_quads", "write"]

#: The kg prefixes plus one for graph names, so that ``kg:graph/<id>`` is written
#: ``graph:<id>`` and not ``kg:graph\/<id>``: Virtuoso 7.2's TriG loader keeps the
#: backslash of an escaped local name in graph names (a wrong IRI), and a plain
#: local name reads the same everywhere.
TRIG_PREFIXES: dict[str, str] = (
    {**PREFIXES, "graph": f"{KG}graph/"} if "graph" not in PREFIXES else PREFIXES
)


def canonical_quads(graph: Any) -> Iterator[ox.Quad]:
    """Yield ``graph``'s quads in canonical order: default graph first, then named graphs by IRI."""
    for name, lines in canonical_graphs(graph):
        data = b"\n".join(graph_lines(name, lines)) + b"\n"
        yield from ox.parse(data, format=ox.RdfFormat.N_QUADS)


def write(graph: Any, path: Path, **_: Any) -> None:
    """Write ``graph`` as TriG to ``path``, one block per named graph."""
    ox.serialize(
        canonical_quads(graph), str(path), format=ox.RdfFormat.TRIG, prefixes=TRIG_PREFIXES
    )
