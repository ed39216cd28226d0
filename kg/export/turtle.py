"""Turtle: the union of every named graph, written by Oxigraph's serializer.

Oxigraph's in-memory store iterates in hash order, which differs from process to
process, so the triples are deduplicated and sorted before they reach the
serializer: the same dataset always gives the same bytes.

No Python code runs per triple: Oxigraph dumps each graph as N-Triples, the
lines are deduplicated and sorted as bytes (C-level ``set`` and ``sort``), and
Oxigraph parses them back and streams them into its Turtle serializer. N-Triples
terms are self-delimiting and the separating space sorts before any character a
term can continue with, so sorting whole lines by bytes orders the triples by
subject, predicate and object, each by its N-Triples form in code point order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.store.namespace import PREFIXES
from kg.store.oxigraph import oxigraph_store

_NT = ox.RdfFormat.N_TRIPLES


def sorted_lines(graph: Any) -> list[bytes]:
    """The union of every graph of ``graph`` as N-Triples lines, deduplicated and sorted.

    Args:
        graph: The built graph: anything :func:`kg.store.oxigraph.oxigraph_store` accepts.

    Returns:
        One line per distinct triple, without the newline, in byte order.
    """
    store = oxigraph_store(graph)
    names: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [
        ox.DefaultGraph(), *store.named_graphs()
    ]
    data = b"".join(store.dump(format=_NT, from_graph=name) or b"" for name in names)
    return sorted(set(data.splitlines()))


def _parse_lines(lines: list[bytes]) -> Any:
    # The lines are Oxigraph's own output, valid by construction: skip re-validation.
    return ox.parse(b"\n".join(lines) + b"\n" if lines else b"", format=_NT, lenient=True)


def sorted_triples(graph: Any) -> list[ox.Triple]:
    """The union of every graph of ``graph``, deduplicated, in the order Turtle is written."""
    return [ox.Triple(q.subject, q.predicate, q.object) for q in _parse_lines(sorted_lines(graph))]


def write(graph: Any, path: Path, **_: Any) -> None:
    """Write the union of ``graph``'s named graphs as Turtle to ``path``."""
    ox.serialize(
        _parse_lines(sorted_lines(graph)), str(path), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES
    )
