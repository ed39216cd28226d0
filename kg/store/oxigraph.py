"""Oxigraph stores from any graph kg hands around, and their set-semantics union.

Shared by the exporters, SPARQL queries (:mod:`kg.sparql`), the endpoint
(:mod:`kg.serve`) and validation (:mod:`kg.shacl`), which need
"the union of every named graph" as a set of triples: Oxigraph's
``use_default_graph_as_union`` is a bag, and joins over it multiply rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeAlias

import pyoxigraph as ox
import rdflib
from rdflib.term import Node

from kg.errors import Errors, ExportError

__all__ = ["GraphName", "inner_store", "oxigraph_store", "to_oxigraph", "union_store"]

GraphName: TypeAlias = ox.NamedNode | ox.BlankNode | ox.DefaultGraph


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert one rdflib term to the equivalent Oxigraph term (kg's one such converter).

    Raises:
        ExportError: The term is of a kind RDF 1.1 has no place for (a variable
            or a quoted graph).
    """
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise ExportError(Errors.E047.format(term=repr(term), type=type(term).__name__))


def _rdflib_quads(graph: rdflib.Graph) -> Iterator[ox.Quad]:
    if isinstance(graph, rdflib.Dataset):
        for s, p, o, name in graph.quads((None, None, None, None)):
            if name is None or name == rdflib.graph.DATASET_DEFAULT_GRAPH_ID:
                target: GraphName = ox.DefaultGraph()
            else:
                target = to_oxigraph(name)  # type: ignore[assignment]
            yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), target)  # type: ignore[arg-type]
    elif isinstance(graph, rdflib.ConjunctiveGraph):
        default = graph.default_context.identifier
        for s, p, o, ctx in graph.quads((None, None, None, None)):
            name = ctx.identifier if isinstance(ctx, rdflib.Graph) else ctx
            target = ox.DefaultGraph() if name is None or name == default \
                else to_oxigraph(name)  # type: ignore[assignment]
            yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), target)  # type: ignore[arg-type]
    else:
        for s, p, o in graph:
            yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))  # type: ignore[arg-type]


def inner_store(graph: Any) -> ox.Store | None:
    """Return the Oxigraph store under an Oxigraph-backed rdflib graph (oxrdflib), not copied.

    The one place that reads oxrdflib's ``store._inner``. Returns None for a
    graph on any other store.
    """
    inner = getattr(getattr(graph, "store", None), "_inner", None)
    return inner if isinstance(inner, ox.Store) else None


def oxigraph_store(graph: Any) -> ox.Store:
    """Return an Oxigraph store holding ``graph``'s quads.

    Accepts the builder's dataset and what :func:`kg.store.load.load_graph` returns
    (both Oxigraph-backed: the inner store is returned as it is, not copied), a
    :class:`pyoxigraph.Store`, or any other rdflib graph or dataset (copied).

    Raises:
        ExportError: ``graph`` is none of these.
    """
    if isinstance(graph, ox.Store):
        return graph
    inner = inner_store(graph)
    if inner is not None:
        return inner
    if isinstance(graph, rdflib.Graph):
        store = ox.Store()
        store.extend(_rdflib_quads(graph))
        return store
    raise ExportError(Errors.E048.format(type=type(graph).__name__))


def union_store(graph: Any, *, keep_named_graphs: bool = False) -> ox.Store:
    """Return a store whose default graph is the RDF merge (distinct triples) of ``graph``'s graphs.

    Oxigraph's ``use_default_graph_as_union`` is a bag: a triple stated in 40
    articles' graphs matches 40 times, and a join of a few such patterns
    multiplies the rows past any memory (a GraphML export of the 1,000-article
    corpus did). Querying this store's default graph gives set semantics.

    Args:
        graph: Anything :func:`oxigraph_store` accepts.
        keep_named_graphs: Also copy the named graphs (for ``GRAPH ?g`` queries).

    Returns:
        ``graph``'s own store when it has no named graphs, else a new in-memory store.
    """
    store = oxigraph_store(graph)
    if next(iter(store.named_graphs()), None) is None:
        return store
    union = ox.Store()
    union.extend(ox.Quad(q.subject, q.predicate, q.object) for q in store)
    if keep_named_graphs:
        union.extend(store)
    return union
