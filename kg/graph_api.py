"""Library helpers over a built graph: load, query, and networkx views."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import rdflib

from kg.sparql import QueryResult, read_query, run_query
from kg.store.load import load_graph
from kg.store.namespace import local_name

ACTOR_NETWORK_QUERY = """
SELECT ?s ?sl ?st ?p ?o ?ol ?ot ?conf WHERE {
  ?stmt a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kgo:confidence ?conf .
  ?s rdfs:label ?sl ; a ?st . ?o rdfs:label ?ol ; a ?ot .
  FILTER(STRSTARTS(STR(?st), STR(kgo:)) && STRSTARTS(STR(?ot), STR(kgo:)))
}
"""


def query(graph: rdflib.Graph | str | Path, sparql: str) -> QueryResult:
    """Run a SPARQL query (text, a ``.rq`` path, or a named query) over a graph or graph file.

    The kg prefixes (``kg:``, ``kgo:``, ``rdfs:``, ``prov:`` ...) are predeclared.

    Example:
        >>> rows = query("out/graph.ttl", "who-met-whom").rows   # doctest: +SKIP
    """
    g = load_graph(graph) if isinstance(graph, (str, Path)) else graph
    return run_query(g, read_query(sparql))


def to_networkx(graph: rdflib.Graph | str | Path, *, actors_only: bool = False) -> nx.MultiDiGraph:
    """The graph's entities and events as a networkx ``MultiDiGraph``.

    Nodes are IRIs with ``label`` and ``type`` attributes (``Country``, ``Meeting`` ...);
    edges carry ``relation`` and ``confidence``. With ``actors_only`` only
    entity-to-entity relations are kept (the actor network).
    """
    g = load_graph(graph) if isinstance(graph, (str, Path)) else graph
    result = run_query(g, ACTOR_NETWORK_QUERY)
    entity_types = {"Country", "Person", "Organization", "Location"}
    out: nx.MultiDiGraph = nx.MultiDiGraph()
    for row in result.rows:
        cells = dict(zip(result.vars, row, strict=True))
        s, sl, st, p, o, ol, ot, conf = (
            cells[k] for k in ("s", "sl", "st", "p", "o", "ol", "ot", "conf")
        )
        stype, otype = local_name(st), local_name(ot)
        if stype in ("Entity", "Event") or otype in ("Entity", "Event"):
            continue
        if actors_only and not (stype in entity_types and otype in entity_types):
            continue
        out.add_node(str(s), label=str(sl), type=stype)
        out.add_node(str(o), label=str(ol), type=otype)
        relation = local_name(p)
        out.add_edge(str(s), str(o), key=relation, relation=relation, confidence=float(conf))
    return out
