"""N-Quads: every named graph kept, one sorted line per quad; and the canonical form the other RDF exporters share.

A built dataset holds one named graph per article, ``kg:graph/entities`` and
``kg:graph/ontology``; N-Quads keeps them all. The bytes are deterministic:

* blank nodes (only the ontology has some: OWL unions and lists) are renamed
  by W3C RDF Dataset Canonicalization (RDFC-1.0), so they read ``_:c14n0`` ...
  instead of the random labels a parser or store gives them;
* graphs come in a fixed order (the default graph, then named graphs by IRI)
  and, within a graph, lines are sorted (UTF-8 byte order = code point order).

The work runs on Oxigraph: its canonical N-Triples serializer writes each
graph, Python only sorts lines, and just the few lines holding blank nodes are
parsed again. :func:`canonical_graphs` is what N-Triples, TriG and JSON-LD
build on; :func:`oxigraph_store` accepts any graph kg hands around.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeAlias

import pyoxigraph as ox
import rdflib
from rdflib.term import Node

from kg.errors import ExportError
from kg.store.oxigraph import GraphName, oxigraph_store, to_oxigraph, union_store

__all__ = [
    "GraphName",
    "canonical_graphs",
    "graph_lines",
    "oxigraph_store",
    "to_oxigraph",
    "union_store",
    "write",
]

_NT = ox.RdfFormat.N_TRIPLES


def _graph_names(store: ox.Store) -> list[GraphName]:
    named = sorted(store.named_graphs(), key=lambda g: (isinstance(g, ox.BlankNode), g.value))
    return [ox.DefaultGraph(), *named]


def canonical_graphs(graph: Any, *, union: bool = False) -> list[tuple[GraphName, list[bytes]]]:
    """Return every non-empty graph of ``graph`` as sorted canonical N-Triples lines.

    Graphs come default graph first, then named graphs by IRI. Each line is one
    triple in canonical N-Triples, without its newline. Blank nodes are
    relabelled by RDFC-1.0 across the whole dataset, so the same dataset gives
    the same lines however it was parsed or built.

    Args:
        graph: Anything :func:`oxigraph_store` accepts.
        union: Merge every graph into the default graph first (distinct
            triples), so that the labels do not depend on graph names: the
            union of a dataset and the same triples read from Turtle give the
            same lines.

    Returns:
        ``(graph name, lines)`` pairs; with ``union`` at most one pair.
    """
    store = oxigraph_store(graph)
    default = ox.DefaultGraph()
    plain: dict[str, list[bytes]] = {}
    names: dict[str, GraphName] = {}
    blank: list[ox.Quad] = []
    for name in _graph_names(store):
        target = default if union else name
        key = str(target)
        names[key] = target
        lines = (store.dump(format=_NT, from_graph=name) or b"").splitlines()
        kept = plain.setdefault(key, [])
        for line in lines:
            # Only a line holding "_:" can hold a blank node; parse just those.
            if b"_:" in line:
                quad = next(iter(ox.parse(line + b"\n", format=_NT)))
                if isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode):
                    blank.append(ox.Quad(quad.subject, quad.predicate, quad.object, target))
                    continue
            kept.append(line)
    if blank:
        dataset = ox.Dataset(blank)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        by_graph: dict[str, list[ox.Triple]] = defaultdict(list)
        for quad in dataset:
            by_graph[str(quad.graph_name)].append(ox.Triple(quad.subject, quad.predicate, quad.object))
        for key, triples in by_graph.items():
            plain[key].extend((ox.serialize(triples, format=_NT) or b"").splitlines())
    out = []
    for key, lines in plain.items():
        if lines:
            if union:
                lines[:] = set(lines)
            lines.sort()
            out.append((names[key], lines))
    return out


def graph_lines(name: GraphName, lines: Iterable[bytes]) -> Iterator[bytes]:
    """Turn a graph's N-Triples lines into N-Quads lines (unchanged for the default graph)."""
    if isinstance(name, ox.DefaultGraph):
        yield from lines
        return
    suffix = b" " + str(name).encode() + b" ."
    for line in lines:
        yield line[:-2] + suffix


def write(graph: Any, path: Path, **_: Any) -> None:
    """Write ``graph`` as N-Quads to ``path``: every named graph kept, canonical and sorted."""
    with open(path, "wb") as out:
        for name, lines in canonical_graphs(graph):
            for line in graph_lines(name, lines):
                out.write(line)
                out.write(b"\n")
