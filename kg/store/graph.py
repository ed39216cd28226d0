"""Build the RDF dataset: articles, evidence, canonical entities, events, statements.

:class:`GraphBuilder` takes resolved articles one by one and, in
:meth:`GraphBuilder.build`, makes the cross-article decisions (people named by
surname alone, one type per name, canonical labels, statement confidence) and
writes every quad in bulk into an Oxigraph store wrapped as an rdflib
``Dataset`` (oxrdflib). The dataset holds:

* ``kg:graph/ontology``: the ontology (``ontology/kg.ttl``);
* ``kg:graph/entities``: entity descriptions and statement confidences, which
  depend on every article;
* ``kg:graph/<article id>``: one graph per article with its node, evidence
  sentences, events, plain triples and statement provenance.

Confidence of a statement: each stating sentence contributes the confidence of
the best rule that found the fact there; evidence combines as independent
votes, ``1 - prod(1 - c_i)``, capped at 0.99 and rounded to three decimals.
"""

from __future__ import annotations

import functools
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import rdflib
from oxrdflib.store import OxigraphStore

from kg.model import Entity
from kg.resolve.events import EventFusion, event_label, fuse_events
from kg.resolve.identity import Linking, link_entities
from kg.resolve.resolver import Ref, ResolvedArticle, choose_label
from kg.schema import Schema
from kg.store.namespace import (
    BASE,
    DCTERMS,
    KG,
    KGO,
    NIF,
    ONTOLOGY_IRI,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    WD,
    XSD,
)
from kg.store.ontology import ontology_files
from kg.store.oxigraph import to_oxigraph

GRAPH_IRI = BASE + "id/graph"
ONTOLOGY_GRAPH = ox.NamedNode(BASE + "id/graph/ontology")
ENTITY_GRAPH = ox.NamedNode(BASE + "id/graph/entities")


def _n(iri: object) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


# Frequently used terms as Oxigraph nodes.
A = _n(RDF.type)
LABEL, ALT, SAME = _n(RDFS.label), _n(SKOS.altLabel), _n(OWL.sameAs)
MENTIONED, CONF, RULE, ROLE, REPORTED = (
    _n(KGO.mentionedIn), _n(KGO.confidence), _n(KGO.rule), _n(KGO.role), _n(KGO.reportedBy)
)
DERIVED, PART = _n(PROV.wasDerivedFrom), _n(DCTERMS.isPartOf)
XSD_DATE, XSD_DECIMAL, XSD_NNI = _n(XSD.date), _n(XSD.decimal), _n(XSD.nonNegativeInteger)


def article_graph(article_id: str) -> ox.NamedNode:
    """The named graph that holds one article's facts and provenance."""
    return ox.NamedNode(f"{BASE}id/graph/{article_id}")


def entity_iri(key: str) -> ox.NamedNode:
    """The IRI of an entity key (``country/turkey``)."""
    return ox.NamedNode(f"{KG}{key}")


def _lit(text: str, lang: str | None = None) -> ox.Literal:
    return ox.Literal(text, language=lang) if lang else ox.Literal(text)


@dataclass
class _Statement:
    evidence: dict[str, float] = field(default_factory=dict)  # sentence IRI -> best confidence
    rules: set[str] = field(default_factory=set)
    speakers: set[str] = field(default_factory=set)
    graphs: set[str] = field(default_factory=set)  # article ids


class GraphBuilder:
    """Collect resolved articles, then build the dataset in one bulk write."""

    def __init__(self, *, include_ontology: bool = True) -> None:
        self.include_ontology = include_ontology
        self.articles: list[ResolvedArticle] = []
        #: The cross-article merges of the last :meth:`build`.
        self.linking = Linking()
        #: The final key -> ``rdfs:label`` of each entity of the last :meth:`build`.
        self.labels: dict[str, str] = {}
        #: The fused events of the last :meth:`build`.
        self.fusion = EventFusion()

    def add(self, resolved: ResolvedArticle) -> None:
        """Add one resolved article (order does not matter)."""
        self.articles.append(resolved)

    # ------------------------------------------------------------------ build
    def build(self) -> tuple[rdflib.Dataset, dict[str, int]]:
        """Make the dataset.

        Returns:
            The Oxigraph-backed rdflib ``Dataset`` and counts of entities, events
            and relations (distinct statements).
        """
        articles = sorted(self.articles, key=lambda ra: ra.article.id)
        self.linking = link_entities(articles)
        self.labels = {}
        remap = self.linking.remap
        entities: dict[str, Entity] = {}
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        mentioned: dict[str, set[str]] = defaultdict(set)
        roles: dict[str, set[str]] = defaultdict(set)
        own: set[str] = set()  # keys described by an article's entity of that key itself
        for ra in articles:
            for key, ent in ra.entities.items():
                k = remap.get(key, key)
                first_own = k == key and k not in own  # a merged name does not label the node
                if k not in entities or first_own or (ent.wikidata and not entities[k].wikidata):
                    if k == key:
                        own.add(k)
                    entities[k] = (
                        Entity(k, k.split("/", 1)[0].capitalize(), ent.label, ent.wikidata)
                        if k != key else ent
                    )
                forms[k].update(ra.surface_forms.get(key, Counter()))
                mentioned[k].add(ra.article.id)
            for key, rs in ra.roles.items():
                roles[remap.get(key, key)].update(rs)

        self.labels = {key: choose_label(entities[key], forms[key]) for key in sorted(entities)}
        self.fusion = fuse_events(articles, remap)
        quads: list[ox.Quad] = []
        statements: dict[tuple[str, str, str], _Statement] = {}
        used_events: set[str] = set()
        for ra in articles:
            used_events |= self._article_quads(ra, remap, statements, quads)

        # entity and event descriptions (global)
        g = ENTITY_GRAPH
        for ekey in sorted(used_events):
            ev = self.fusion.events[ekey]
            en = _event_iri(ekey)
            label = event_label(ev, self.labels)
            quads += [ox.Quad(en, A, _n(KGO[ev.type]), g), ox.Quad(en, LABEL, _lit(label, "en"), g)]
            quads += [ox.Quad(en, ALT, _lit(t, "en"), g) for t in sorted(set(ev.texts) - {label})]
            if ev.date:
                quads.append(ox.Quad(en, _n(KGO.date), ox.Literal(ev.date, datatype=XSD_DATE), g))
        for key in sorted(entities):
            ent = entities[key]
            node = entity_iri(key)
            label = self.labels[key]
            quads.append(ox.Quad(node, A, _n(KGO[ent.type]), g))
            quads.append(ox.Quad(node, LABEL, _lit(label, "en"), g))
            for f in sorted(forms[key]):
                if f != label:
                    quads.append(ox.Quad(node, ALT, _lit(f, "en"), g))
            if ent.wikidata:
                quads.append(ox.Quad(node, SAME, _n(WD[ent.wikidata]), g))
            for r in sorted(roles.get(key, ())):
                quads.append(ox.Quad(node, ROLE, _lit(r, "en"), g))
            for aid in sorted(mentioned[key]):
                quads.append(ox.Quad(node, MENTIONED, _n(KG[f"article/{aid}"]),
                                     ox.NamedNode(f"{BASE}id/graph/{aid}")))

        for (s, p, o), st in statements.items():
            node = _statement_iri(s, p, o)
            conf = 1.0
            for c in st.evidence.values():
                conf *= 1.0 - c
            value = Decimal(str(round(min(0.99, 1.0 - conf), 3)))
            quads.append(ox.Quad(node, CONF, ox.Literal(str(value), datatype=XSD_DECIMAL), g))

        quads.append(ox.Quad(_n(GRAPH_IRI), A, _n(OWL.Ontology), g))
        quads.append(ox.Quad(_n(GRAPH_IRI), _n(OWL.imports), _n(ONTOLOGY_IRI), g))

        inner = ox.Store()
        if self.include_ontology:
            inner.extend(ontology_quads())
        inner.extend(quads)
        ds = rdflib.Dataset(store=OxigraphStore(store=inner))
        counts = {"entities": len(entities), "events": len(used_events),
                  "relations": len(statements)}
        return ds, counts

    def _article_quads(self, ra: ResolvedArticle, remap: dict[str, str],
                       statements: dict[tuple[str, str, str], _Statement],
                       quads: list[ox.Quad]) -> set[str]:
        art = ra.article
        g = article_graph(art.id)
        anode = _n(KG[f"article/{art.id}"])
        quads += [
            ox.Quad(anode, A, _n(SCHEMA.NewsArticle), g),
            ox.Quad(anode, _n(DCTERMS.source), _lit(art.source), g),
            ox.Quad(anode, _n(KGO.text), _lit(art.text), g),
        ]
        if art.title:
            quads.append(ox.Quad(anode, _n(DCTERMS.title), _lit(art.title), g))
        if art.date:
            published = ox.Literal(art.date, datatype=XSD_DATE)
            quads.append(ox.Quad(anode, _n(SCHEMA.datePublished), published, g))
        if art.publisher:
            quads.append(ox.Quad(anode, _n(SCHEMA.publisher), _lit(art.publisher), g))

        sentences = ra.extraction.sentences
        used_sentences: set[int] = set()

        def sent_iri(i: int) -> ox.NamedNode:
            s = sentences[i]
            used_sentences.add(i)
            return ox.NamedNode(f"{KG}sentence/{art.id}-{s.start}-{s.end}")

        def node(ref: Ref) -> ox.NamedNode | None:
            if ref.kind == "event":
                fused = self.fusion.node_of.get((art.id, ref.key))
                return _event_iri(fused) if fused else None  # None: a vacuous event
            return entity_iri(remap.get(ref.key, ref.key))

        used_events: set[str] = set()
        schema = Schema.default()  # a relation's IRI as ontology/kg.ttl declares it
        for r in ra.relations:
            s, o = node(r.subject), node(r.object)
            if s is None or o is None or s == o:
                continue
            p = _n(schema[r.predicate].iri)
            for ref in (r.subject, r.object):
                if ref.kind == "event":
                    used_events.add(ref.key)
            quads.append(ox.Quad(s, p, o, g))
            key = (s.value, p.value, o.value)
            st = statements.setdefault(key, _Statement())
            ev = sent_iri(r.sentence)
            st.evidence[ev.value] = max(st.evidence.get(ev.value, 0.0), r.confidence)
            st.rules.add(r.rule)
            if r.speaker:
                st.speakers.add(remap.get(r.speaker, r.speaker))
            stn = _statement_iri(*key)
            quads += [
                ox.Quad(stn, A, _n(RDF.Statement), g),
                ox.Quad(stn, _n(RDF.subject), s, g),
                ox.Quad(stn, _n(RDF.predicate), p, g),
                ox.Quad(stn, _n(RDF.object), o, g),
                ox.Quad(stn, DERIVED, ev, g),
                ox.Quad(stn, RULE, _lit(r.rule), g),
            ]
            if r.speaker:
                quads.append(ox.Quad(stn, REPORTED, entity_iri(remap.get(r.speaker, r.speaker)), g))

        fused_here: set[str] = set()
        for ekey in sorted(used_events, key=lambda k: ra.events[k].start):
            em = ra.events[ekey]
            fused = self.fusion.node_of[(art.id, ekey)]
            assert fused is not None  # only fused events are used
            fused_here.add(fused)
            en = _event_iri(fused)
            mn = ox.NamedNode(f"{KG}mention/{art.id}-{em.start}-{em.end}")
            quads += [
                ox.Quad(en, MENTIONED, anode, g),
                ox.Quad(en, DERIVED, mn, g),
                ox.Quad(mn, A, _n(KGO.EventMention), g),
                ox.Quad(mn, _n(NIF.anchorOf), _lit(em.text), g),
                ox.Quad(mn, _n(NIF.beginIndex), ox.Literal(str(em.start), datatype=XSD_NNI), g),
                ox.Quad(mn, _n(NIF.endIndex), ox.Literal(str(em.end), datatype=XSD_NNI), g),
                ox.Quad(mn, PART, sent_iri(em.sentence), g),
            ]
        for i in sorted(used_sentences):
            s = sentences[i]
            sn = ox.NamedNode(f"{KG}sentence/{art.id}-{s.start}-{s.end}")
            quads += [
                ox.Quad(sn, A, _n(NIF.Sentence), g),
                ox.Quad(sn, _n(NIF.anchorOf), _lit(s.text), g),
                ox.Quad(sn, _n(NIF.beginIndex), ox.Literal(str(s.start), datatype=XSD_NNI), g),
                ox.Quad(sn, _n(NIF.endIndex), ox.Literal(str(s.end), datatype=XSD_NNI), g),
                ox.Quad(sn, PART, anode, g),
            ]
        return fused_here


def _ontology_triples() -> tuple[ox.Triple, ...]:
    """The triples of the ontology files in use (:func:`kg.store.ontology.ontology_files`)."""
    return _canonical_ontology(ontology_files())


@functools.cache
def _canonical_ontology(paths: tuple[Path, ...]) -> tuple[ox.Triple, ...]:
    """The ontology's triples with canonical blank-node labels.

    Parsers give blank nodes fresh random labels; the OWL lists and restrictions of
    the ontology would then make every build's bytes differ. rdflib's canonical
    labelling names each blank node by the graph's content instead.
    """
    from rdflib.compare import to_canonical_graph

    g = rdflib.Graph()
    for path in paths:
        g.parse(path, format="turtle")
    canon = to_canonical_graph(g)

    return tuple(
        ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))  # type: ignore[arg-type]
        for s, p, o in canon
    )


def ontology_quads(graph: ox.NamedNode = ONTOLOGY_GRAPH) -> list[ox.Quad]:
    """The ontology as quads in ``graph``, with deterministic blank-node labels."""
    return [ox.Quad(t.subject, t.predicate, t.object, graph) for t in _ontology_triples()]


def _event_iri(key: str) -> ox.NamedNode:
    return ox.NamedNode(f"{KG}event/{key}")


def _statement_iri(s: str, p: str, o: str) -> ox.NamedNode:
    digest = hashlib.sha256(f"{s}\n{p}\n{o}".encode()).hexdigest()[:16]
    return ox.NamedNode(f"{KG}statement/{digest}")
