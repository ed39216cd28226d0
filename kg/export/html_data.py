"""The data of the HTML view: the built graph read into nodes, edges, evidence and articles.

:func:`build_data` reads only the triples the page needs (:data:`PREDICATES` and
the relations), predicate by predicate, from any rdflib graph or dataset; an
Oxigraph-backed one is read through its index, without SPARQL. Everything is
sorted by IRI and node positions come from :mod:`kg.export.layout`, so the same
graph gives the same data. :mod:`kg.export.html` writes the page around it.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph

from kg.errors import Errors, ExportError
from kg.export.html_actors import ACTOR_VIEW_MIN_NODES, actor_view
from kg.export.layout import positions
from kg.model import ENTITY_TYPES, EVENT_TYPES
from kg.schema import Schema
from kg.store.namespace import (
    DCTERMS,
    KGO,
    NIF,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    WD,
    local_name,
)
from kg.store.oxigraph import inner_store

__all__ = [
    "ENTITY_STYLE",
    "EVENT_COLOURS",
    "EVENT_SHAPE",
    "EXTRA_COLOURS",
    "NOT_RELATIONS",
    "PREDICATES",
    "build_data",
]

KGO_NS = str(KGO._NS)
WIKIDATA_ITEM = re.compile(r"^" + re.escape(str(WD)) + r"(Q[1-9][0-9]*)$")

#: Colour and vis-network shape per type; the legend shows the same.
ENTITY_STYLE: dict[str, tuple[str, str]] = {
    "Country": ("#1f6fb2", "dot"),
    "Person": ("#d9480f", "triangle"),
    "Organization": ("#2b8a3e", "square"),
    "Location": ("#b08900", "diamond"),
}
EVENT_SHAPE = "hexagon"
EVENT_COLOURS: dict[str, str] = {
    "Meeting": "#ae3ec9",
    "Withdrawal": "#7950f2",
    "Normalization": "#0c8599",
    "RefugeeReturn": "#e64980",
    "Attack": "#c92a2a",
    "Agreement": "#5c940d",
    "Occupation": "#862e9c",
    "Conflict": "#e03131",
    "Election": "#1971c2",
}
#: Colours for event types beyond the contract's, picked by a stable hash of the name.
EXTRA_COLOURS = ("#495057", "#a61e4d", "#364fc7", "#087f5b", "#5f3dc4", "#d6336c")

#: Triples the exporter reads: (subject, predicate, object) for these predicates.
PREDICATES: tuple[URIRef, ...] = (
    RDF.type,
    RDFS.label,
    RDFS.subClassOf,
    SKOS.altLabel,
    OWL.sameAs,
    KGO.role,
    KGO.date,
    KGO.mentionedIn,
    KGO.confidence,
    KGO.rule,
    KGO.reportedBy,
    PROV.wasDerivedFrom,
    RDF.subject,
    RDF.predicate,
    RDF.object,
    NIF.anchorOf,
    NIF.beginIndex,
    DCTERMS.isPartOf,
    DCTERMS.title,
    DCTERMS.source,
    SCHEMA.datePublished,
    SCHEMA.publisher,
)
#: kgo: predicates that are bookkeeping, never drawn as relations.
NOT_RELATIONS = frozenset(
    str(term)
    for term in (
        KGO.mentionedIn,
        KGO.reportedBy,
        KGO.confidence,
        KGO.rule,
        KGO.role,
        KGO.text,
        KGO.date,
    )
)


class _Literal(NamedTuple):
    """A literal as the exporter reads it: its lexical form, language tag and datatype IRI."""

    value: str
    language: str | None
    datatype: str | None

    def __str__(self) -> str:
        return self.value


class _Blank(NamedTuple):
    """A blank node, by its label (never a node or an edge of the page)."""

    label: str

    def __str__(self) -> str:
        return self.label


#: A term as the exporter reads it: an IRI is a plain ``str``.
_Term = str | _Literal | _Blank


@dataclass
class _Triples:
    """The triples the exporter needs, indexed by predicate then subject."""

    by_predicate: dict[str, dict[str, list[_Term]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    relations: list[tuple[str, str, str]] = field(default_factory=list)

    def values(self, predicate: URIRef, subject: str) -> list[_Term]:
        """Return the objects of ``subject predicate ?o``, sorted, no repeats."""
        return self.by_predicate[str(predicate)].get(subject, [])

    def first(self, predicate: URIRef, subject: str) -> _Term | None:
        """Return one object of ``subject predicate ?o`` (English literal first)."""
        objects = self.values(predicate, subject)
        if not objects:
            return None
        english = [o for o in objects if isinstance(o, _Literal) and o.language == "en"]
        return (english or objects)[0]

    def subjects(self, predicate: URIRef) -> dict[str, list[_Term]]:
        """Return ``{subject: objects}`` for ``predicate``."""
        return self.by_predicate[str(predicate)]


def _from_rdflib(term: Any) -> _Term:
    if isinstance(term, Literal):
        return _Literal(str(term), term.language, str(term.datatype) if term.datatype else None)
    if isinstance(term, URIRef):
        return str(term)
    return _Blank(str(term))


def _from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> _Term:
    if type(term) is ox.NamedNode:
        return term.value
    if type(term) is ox.Literal:
        # As oxrdflib reads it: a language tag, or else a datatype (xsd:string included).
        language = term.language
        return _Literal(term.value, language, None if language else term.datatype.value)
    return _Blank(str(term))


def _oxigraph_dataset(graph: Graph) -> ox.Store | None:
    """The Oxigraph store under ``graph`` when ``graph`` is a dataset over all of it, else None."""
    return inner_store(graph) if isinstance(graph, ConjunctiveGraph) else None


def _where(graph: Graph, pattern: str) -> str:
    """Wrap a triple pattern so it matches the default graph and every named graph."""
    if isinstance(graph, ConjunctiveGraph):
        return f"{{ {{ {pattern} }} UNION {{ GRAPH ?g {{ {pattern} }} }} }}"
    return f"{{ {pattern} }}"


def _query(graph: Graph, query: str) -> Iterator[tuple[Any, ...]]:
    try:
        result = graph.query(query)
        yield from (tuple(row) for row in result)  # type: ignore[arg-type]
    except ExportError:
        raise
    except Exception as error:  # rdflib and oxrdflib raise many kinds
        reason = f"{type(error).__name__}: {error}"
        raise ExportError(Errors.E044.format(reason=reason)) from error


def _pairs(graph: Graph, predicate: str) -> Iterator[tuple[str, _Term]]:
    """Yield (subject IRI, object) of each triple with ``predicate`` in every graph of ``graph``.

    Repeats are kept (one per graph that states the triple). An Oxigraph-backed
    dataset (the builder's, :func:`kg.store.load.load_graph`'s) is read through its
    predicate index directly, without SPARQL or rdflib terms; any other graph
    through one SPARQL query per predicate, so every store uses its index
    (rdflib's own engine is slow on ``VALUES`` and full scans).
    """
    store = _oxigraph_dataset(graph)
    if store is not None:
        for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None, None):
            subject = quad.subject
            if type(subject) is ox.NamedNode:
                yield subject.value, _from_oxigraph(quad.object)
        return
    # No DISTINCT or FILTER: rdflib evaluates them slowly; Python drops repeats.
    for s, o in _query(graph, f"SELECT ?s ?o WHERE {_where(graph, f'?s <{predicate}> ?o')}"):
        if isinstance(s, URIRef):
            yield str(s), _from_rdflib(o)


def _sort_key(term: _Term) -> tuple[str, str, str]:
    if isinstance(term, _Literal):
        return ("literal", term.value, term.language or term.datatype or "")
    return ("iri", str(term), "")


def _collect(graph: Graph) -> _Triples:
    """Read every triple the page needs, predicate by predicate."""
    found = _Triples()
    for predicate in PREDICATES:
        table = found.by_predicate[str(predicate)]
        for s, o in set(_pairs(graph, str(predicate))):
            table[s].append(o)
        for objects in table.values():
            objects.sort(key=_sort_key)

    # Relations: the schema's (ontology/kg.ttl), plus any kgo: predicate a statement describes.
    described = {str(p) for objects in found.subjects(RDF.predicate).values() for p in objects}
    declared = {spec.iri for spec in Schema.default()}
    relation_iris = sorted(
        (declared | {p for p in described if p.startswith(KGO_NS)}) - NOT_RELATIONS
    )
    found.relations = sorted(
        {(s, p, o) for p in relation_iris for s, o in _pairs(graph, p) if type(o) is str}
    )
    return found


def _event_classes(found: _Triples) -> set[str]:
    """Return the IRIs of event classes: the contract's plus subclasses of kgo:Event."""
    classes = {KGO_NS + name for name in EVENT_TYPES} | {str(KGO.Event)}
    parents = {s: {str(o) for o in objs} for s, objs in found.subjects(RDFS.subClassOf).items()}
    changed = True
    while changed:
        changed = False
        for child, ups in parents.items():
            if child not in classes and ups & classes:
                classes.add(child)
                changed = True
    return classes


def _decimal(term: Any) -> float | None:
    try:
        value = Decimal(str(term))
    except InvalidOperation:
        return None
    return float(round(value, 3)) if value.is_finite() else None


def _int(term: Any) -> int:
    try:
        return int(str(term))
    except ValueError:
        return 0


def _text(term: Any | None) -> str | None:
    return None if term is None else str(term)


def build_data(graph: Graph, *, actor_view_min: int = ACTOR_VIEW_MIN_NODES) -> dict[str, Any]:
    """Turn a built graph into the page's data: nodes, edges, evidence, articles.

    Nodes are the entities (typed ``kgo:Country``, ``Person``, ``Organization``,
    ``Location``) and events (typed with a subclass of ``kgo:Event``); edges are
    the plain relation triples between them, each with the sentences and
    articles of its ``rdf:Statement`` node. Everything is sorted by IRI, and node
    ids and positions follow, so the same graph gives the same data.

    Past ``actor_view_min`` nodes the data also holds the actor view of
    :mod:`kg.export.html_actors` (``actors``; else null), which the page opens on.

    Args:
        graph: An rdflib ``Graph`` or ``Dataset`` (the union of its graphs is read).
        actor_view_min: The number of nodes past which the page opens on the actors.

    Returns:
        A JSON-serialisable dict (see ``html_assets/graph.js`` for its use).
    """
    found = _collect(graph)

    # Node kinds: an entity type wins over an event type; ties break by contract order.
    entity_rank = {KGO_NS + name: i for i, name in enumerate(ENTITY_TYPES)}
    event_classes = _event_classes(found)
    kinds: dict[str, tuple[str, str]] = {}  # iri -> (kind, type name)
    for subject, types in found.subjects(RDF.type).items():
        names = {str(t) for t in types}
        entity = sorted((entity_rank[t], t) for t in names if t in entity_rank)
        if entity:
            kinds[subject] = ("entity", local_name(entity[0][1]))
            continue
        events = sorted(t for t in names if t in event_classes and t != str(KGO.Event))
        if events:
            kinds[subject] = ("event", local_name(events[0]))
        elif str(KGO.Event) in names:
            kinds[subject] = ("event", "Event")
    node_iris = sorted(kinds)
    node_id = {iri: i for i, iri in enumerate(node_iris)}

    # Articles and evidence sentences.
    article_iris = sorted(
        {s for s, ts in found.subjects(RDF.type).items() if str(SCHEMA.NewsArticle) in ts}
        | set(found.subjects(DCTERMS.source))
    )
    article_iris = [a for a in article_iris if a not in kinds]

    def article_info(iri: str) -> dict[str, Any]:
        return {
            "iri": iri,
            "title": _text(found.first(DCTERMS.title, iri)),
            "source": _text(found.first(DCTERMS.source, iri)),
            "date": _text(found.first(SCHEMA.datePublished, iri)),
            "publisher": _text(found.first(SCHEMA.publisher, iri)),
        }

    articles = sorted(
        (article_info(iri) for iri in article_iris),
        key=lambda a: (a["title"] or a["source"] or "", a["source"] or "", a["iri"]),
    )
    article_id = {a["iri"]: i for i, a in enumerate(articles)}

    def article_of(evidence: str) -> int | None:
        current, hops = evidence, 0
        while hops < 4:
            if current in article_id:
                return article_id[current]
            parent = found.first(DCTERMS.isPartOf, current)
            if parent is None:
                return None
            current, hops = str(parent), hops + 1
        return None

    evidence_iris: set[str] = set()
    statement_evidence: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    statement_info: dict[tuple[str, str, str], dict[str, set[Any]]] = defaultdict(
        lambda: {"confidence": set(), "rule": set(), "reportedBy": set()}
    )
    for statement in sorted(found.subjects(RDF.subject)):
        s, p, o = (
            found.first(term, statement) for term in (RDF.subject, RDF.predicate, RDF.object)
        )
        if s is None or p is None or o is None:
            continue
        key = (str(s), str(p), str(o))
        sources = {str(e) for e in found.values(PROV.wasDerivedFrom, statement)}
        statement_evidence[key] |= sources
        evidence_iris |= sources
        info = statement_info[key]
        info["confidence"] |= {
            c for c in map(_decimal, found.values(KGO.confidence, statement)) if c is not None
        }
        info["rule"] |= {str(r) for r in found.values(KGO.rule, statement)}
        info["reportedBy"] |= {str(r) for r in found.values(KGO.reportedBy, statement)}
    for iri in node_iris:
        evidence_iris |= {str(e) for e in found.values(PROV.wasDerivedFrom, iri)}

    def sentence_key(iri: str) -> tuple[int, int, str]:
        art = article_of(iri)
        return (len(articles) if art is None else art, _int(found.first(NIF.beginIndex, iri)), iri)

    sentence_iris = sorted(
        (e for e in evidence_iris if found.first(NIF.anchorOf, e) is not None), key=sentence_key
    )
    sentences: list[dict[str, Any]] = [
        {"iri": iri, "text": str(found.first(NIF.anchorOf, iri)), "article": article_of(iri)}
        for iri in sentence_iris
    ]
    sentence_id = {s["iri"]: i for i, s in enumerate(sentences)}

    # Edges: plain triples between two nodes.
    symmetric = Schema.default().symmetric
    edges: list[dict[str, Any]] = []
    for s, p, o in found.relations:
        if s not in node_id or o not in node_id:
            continue
        key = (s, p, o)
        stated = statement_info.get(key)
        relation = local_name(p)
        edges.append(
            {
                "id": len(edges),
                "from": node_id[s],
                "to": node_id[o],
                "relation": relation,
                "symmetric": relation in symmetric,
                "sentences": sorted(
                    sentence_id[e] for e in statement_evidence.get(key, ()) if e in sentence_id
                ),
                "confidence": max(stated["confidence"])
                if stated and stated["confidence"]
                else None,
                "rules": sorted(stated["rule"]) if stated else [],
                "reportedBy": sorted(
                    node_id[r] for r in (stated["reportedBy"] if stated else ()) if r in node_id
                ),
            }
        )

    degree = [0] * len(node_iris)
    node_articles: list[set[int]] = [set() for _ in node_iris]
    for edge in edges:
        degree[edge["from"]] += 1
        degree[edge["to"]] += 1
        arts = {sentences[i]["article"] for i in edge["sentences"]} - {None}
        node_articles[edge["from"]] |= arts
        node_articles[edge["to"]] |= arts

    layout = positions(node_iris, ((node_iris[e["from"]], node_iris[e["to"]]) for e in edges))

    held_in: dict[str, str] = {}
    for s, p, o in reversed(found.relations):  # reversed: the smallest place IRI wins
        if p == str(KGO.heldIn) and s in node_id and o in node_id:
            held_in[s] = o

    nodes: list[dict[str, Any]] = []
    for i, iri in enumerate(node_iris):
        kind, type_name = kinds[iri]
        label = found.first(RDFS.label, iri)
        labels = {str(x) for x in found.values(RDFS.label, iri)}
        aliases = sorted(
            ({str(x) for x in found.values(SKOS.altLabel, iri)} | labels) - {str(label)}
        )
        wikidata = sorted(
            m.group(1)
            for m in (WIKIDATA_ITEM.match(str(x)) for x in found.values(OWL.sameAs, iri))
            if m
        )
        own_evidence = sorted(
            sentence_id[str(e)]
            for e in found.values(PROV.wasDerivedFrom, iri)
            if str(e) in sentence_id
        )
        node_articles[i] |= {
            article_id[str(a)] for a in found.values(KGO.mentionedIn, iri) if str(a) in article_id
        }
        node_articles[i] |= {sentences[j]["article"] for j in own_evidence} - {None}
        place = held_in.get(iri)
        x, y = layout[iri]
        nodes.append(
            {
                "id": i,
                "iri": iri,
                "label": str(label) if label is not None else local_name(iri),
                "kind": kind,
                "type": type_name,
                "aliases": aliases,
                "wikidata": wikidata[0] if wikidata else None,
                "role": _text(found.first(KGO.role, iri)),
                "date": _text(found.first(KGO.date, iri)),
                "heldIn": node_id[place] if place is not None else None,
                "evidence": own_evidence,
                "articles": sorted(node_articles[i]),
                "degree": degree[i],
                "x": x,
                "y": y,
            }
        )

    return {
        "actors": actor_view(nodes, edges) if len(nodes) > actor_view_min else None,
        "nodes": nodes,
        "edges": edges,
        "sentences": [{"text": s["text"], "article": s["article"]} for s in sentences],
        "articles": articles,
        "types": _types(nodes),
        "relations": _relations(edges),
    }


def _types(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the legend: every entity type, then the event types present."""
    counts: dict[str, int] = defaultdict(int)
    for node in nodes:
        counts[node["type"]] += 1
    legend = [
        {"type": name, "kind": "entity", "color": colour, "shape": shape, "count": counts[name]}
        for name, (colour, shape) in ENTITY_STYLE.items()
    ]
    event_types = sorted({n["type"] for n in nodes if n["kind"] == "event"})
    for name in event_types:
        colour = (
            EVENT_COLOURS.get(name)
            or EXTRA_COLOURS[
                int(hashlib.sha256(name.encode()).hexdigest(), 16) % len(EXTRA_COLOURS)
            ]
        )
        legend.append(
            {
                "type": name,
                "kind": "event",
                "color": colour,
                "shape": EVENT_SHAPE,
                "count": counts[name],
            }
        )
    return legend


def _relations(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    for edge in edges:
        counts[edge["relation"]] += 1
    return [{"relation": name, "count": counts[name]} for name in sorted(counts)]
