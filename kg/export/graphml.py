"""GraphML for Gephi, Cytoscape and yEd: entities and events as nodes, relations as edges.

The RDF's bookkeeping is folded away: no article, sentence or ``rdf:Statement``
node appears. What a network tool needs sits in plain attributes of
GraphML-legal types (``string``, ``long``, ``double``):

* node (id = the IRI): ``label``, ``type`` (``Country``, ``Meeting`` ...),
  ``kind`` (``entity`` or ``event``), ``articles`` (how many articles mention
  it) and, where known, ``wikidata``;
* edge (id ``e0``, ``e1`` ...): ``relation`` (``hosts``, ``meetsWith`` ...),
  ``confidence`` (of the fact's ``rdf:Statement``, where it has one) and
  ``evidence`` (how many sentences state it).

Every triple ``s kgo:<p> o`` between two such nodes is an edge. networkx
writes the file; nodes and edges are added in sorted order, so the same graph
always gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx  # type: ignore[import-untyped]
import pyoxigraph as ox

from kg.model import ENTITY_TYPES
from kg.store.namespace import KGO, PREFIXES, local_name
from kg.store.oxigraph import union_store

__all__ = ["to_graphml_graph", "write"]

_KGO = str(KGO._NS)

_NODES = """
SELECT ?node ?type ?entity
       (MIN(STR(?label)) AS ?name) (MIN(STR(?wd)) AS ?wikidata)
       (COUNT(DISTINCT ?article) AS ?articles)
WHERE {
  ?node a ?type .
  FILTER (isIRI(?node) && STRSTARTS(STR(?type), STR(kgo:)))
  BIND (EXISTS { ?type rdfs:subClassOf* kgo:Entity } AS ?entity)
  OPTIONAL { ?node rdfs:label ?label }
  OPTIONAL { ?node owl:sameAs ?wd . FILTER (STRSTARTS(STR(?wd), STR(wd:))) }
  OPTIONAL { ?node kgo:mentionedIn ?article }
}
GROUP BY ?node ?type ?entity
"""

_EDGES = """
SELECT ?s ?p ?o (MAX(?c) AS ?confidence) (COUNT(DISTINCT ?evidence) AS ?sentences)
WHERE {
  ?s ?p ?o .
  FILTER (isIRI(?o) && STRSTARTS(STR(?p), STR(kgo:)))
  OPTIONAL {
    ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    OPTIONAL { ?st kgo:confidence ?c }
    OPTIONAL { ?st prov:wasDerivedFrom ?evidence }
  }
}
GROUP BY ?s ?p ?o
"""


def _select(store: ox.Store, query: str) -> ox.QuerySolutions:
    result = store.query(query, prefixes=PREFIXES)
    assert isinstance(result, ox.QuerySolutions)
    return result


def _choose_type(types: list[tuple[str, bool]]) -> tuple[str, bool]:
    """The most specific of a node's kgo types: skip the abstract Entity and Event classes."""
    specific = [t for t in types if local_name(t[0]) not in ("Entity", "Event")] or types
    return min(specific)


def to_graphml_graph(graph: Any) -> nx.MultiDiGraph:
    """Return the entity-and-event network of ``graph`` as a networkx ``MultiDiGraph``.

    Args:
        graph: Anything :func:`kg.store.oxigraph.oxigraph_store` accepts; queried as the RDF
            merge of its graphs (:func:`kg.store.oxigraph.union_store`).

    Returns:
        Nodes keyed by IRI and edges keyed ``e0``, ``e1`` ..., with the
        attributes listed in this module's docstring, inserted in sorted order.
    """
    store = union_store(graph)
    kinds: dict[str, list[tuple[str, bool]]] = {}
    info: dict[str, dict[str, Any]] = {}
    for row in _select(store, _NODES):
        node = row["node"].value
        type_iri = row["type"].value
        is_entity = row["entity"].value == "true" or local_name(type_iri) in ENTITY_TYPES
        kinds.setdefault(node, []).append((type_iri, is_entity))
        attrs = info.setdefault(node, {"label": "", "wikidata": "", "articles": 0})
        if row["name"] is not None and (not attrs["label"] or row["name"].value < attrs["label"]):
            attrs["label"] = row["name"].value
        if row["wikidata"] is not None:
            attrs["wikidata"] = row["wikidata"].value
        attrs["articles"] = max(attrs["articles"], int(row["articles"].value))

    out: nx.MultiDiGraph = nx.MultiDiGraph()
    for node in sorted(kinds):
        type_iri, is_entity = _choose_type(kinds[node])
        attrs = info[node]
        data: dict[str, Any] = {
            "label": attrs["label"] or local_name(node),
            "type": local_name(type_iri),
            "kind": "entity" if is_entity else "event",
            "articles": attrs["articles"],
        }
        if attrs["wikidata"]:
            data["wikidata"] = attrs["wikidata"]
        out.add_node(node, **data)

    edges = []
    for row in _select(store, _EDGES):
        s, p, o = row["s"], row["p"], row["o"]
        if not isinstance(s, ox.NamedNode) or s.value not in kinds or o.value not in kinds:
            continue
        confidence = row["confidence"]
        edges.append((s.value, o.value, local_name(p.value),
                      float(confidence.value) if confidence is not None else None,
                      int(row["sentences"].value)))
    ordered = sorted(edges, key=lambda e: e[:3])
    for i, (s_iri, o_iri, relation, confidence, sentences) in enumerate(ordered):
        data = {"relation": relation, "evidence": sentences}
        if confidence is not None:
            data["confidence"] = confidence
        out.add_edge(s_iri, o_iri, key=f"e{i}", **data)
    return out


def write(graph: Any, path: Path, **_: Any) -> None:
    """Write ``graph``'s entities, events and relations as GraphML to ``path``."""
    nx.write_graphml(to_graphml_graph(graph), str(path), encoding="utf-8", prettyprint=True)
