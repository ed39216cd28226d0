"""The canonical form of a dataset that the RDF exporters share: sorted N-Triples lines per graph.

The bytes are deterministic:

* blank nodes (only the ontology has some: OWL unions and lists) are renamed
  by W3C RDF Dataset Canonicalization (RDFC-1.0), so they read ``_:c14n0`` ...
  instead of the random labels a parser or store gives them;
* graphs come in a fixed order (the default graph, then named graphs by IRI)
  and, within a graph, lines are sorted (UTF-8 byte order = code point order).

The work runs on Oxigraph: its canonical N-Triples serializer writes each
graph, Python only sorts lines, and just the few lines holding blank nodes are
parsed again. N-Quads, N-Triples, TriG and JSON-LD build on
:func:`canonical_graphs`; this is a helper module, not an exporter, so that
no exporter imports another.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox

from kg.store.oxigraph import GraphName, oxigraph_store

__all__ = ["canonical_graphs", "graph_lines"]

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
            triple = ox.Triple(quad.subject, quad.predicate, quad.object)
            by_graph[str(quad.graph_name)].append(triple)
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
