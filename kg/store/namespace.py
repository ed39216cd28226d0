"""Namespaces and the ontology's terms as typed constants; IRIs shortened for reading.

``KGO`` is a :class:`rdflib.namespace.DefinedNamespace` with ``_fail = True``:
a misspelt term fails at import time, and ``tests/store/test_namespace.py``
checks that every term declared here is declared in ``ontology/kg.ttl``.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = [
    "BASE",
    "DCTERMS",
    "KG",
    "KGO",
    "NIF",
    "ONTOLOGY_IRI",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "WD",
    "XSD",
    "local_name",
    "shorten_iri",
]

#: Where every IRI kg mints lives.
BASE = "https://w3id.org/newskg/"
#: The ontology document's IRI (``owl:imports`` target).
ONTOLOGY_IRI = URIRef(BASE + "ontology")


class KGO(DefinedNamespace):
    """The kg ontology (``ontology/kg.ttl``)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # Classes
    Entity: URIRef
    Country: URIRef
    Person: URIRef
    Organization: URIRef
    Location: URIRef
    Event: URIRef
    Meeting: URIRef
    Withdrawal: URIRef
    Normalization: URIRef
    RefugeeReturn: URIRef
    Attack: URIRef
    Agreement: URIRef
    Occupation: URIRef
    Conflict: URIRef
    Election: URIRef
    EventMention: URIRef
    # Relations (object properties of the contract)
    hosts: URIRef
    participatesIn: URIRef
    meetsWith: URIRef
    discusses: URIRef
    demands: URIRef
    supports: URIRef
    opposes: URIRef
    attacks: URIRef
    accuses: URIRef
    cooperatesWith: URIRef
    occupies: URIRef
    heldIn: URIRef
    memberOf: URIRef
    partOf: URIRef
    kills: URIRef
    operatesIn: URIRef
    visits: URIRef
    basedIn: URIRef
    livesIn: URIRef
    locatedIn: URIRef
    # Provenance and bookkeeping
    mentionedIn: URIRef
    reportedBy: URIRef
    confidence: URIRef
    rule: URIRef
    role: URIRef
    text: URIRef
    date: URIRef
    # Annotations of ours (read by kg.schema)
    generalisesToState: URIRef


#: Data IRIs: articles, sentences, entities, events, statements.
KG = Namespace(BASE + "id/")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")

#: The fixed prefixes of every file kg writes and every query it runs. Each kind of
#: node has its own prefix so that no local name needs a slash.
PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "article": f"{KG}article/",
    "sentence": f"{KG}sentence/",
    "event": f"{KG}event/",
    "mention": f"{KG}mention/",
    "statement": f"{KG}statement/",
    "country": f"{KG}country/",
    "person": f"{KG}person/",
    "organization": f"{KG}organization/",
    "location": f"{KG}location/",
    "graph": f"{KG}graph/",
    "kgo": str(KGO._NS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "nif": str(NIF),
    "wd": str(WD),
}


def shorten_iri(iri: str) -> str:
    """Return ``iri`` as ``prefix:local`` with the longest namespace of :data:`PREFIXES`.

    An IRI under none of them, or equal to a namespace itself (nothing left for
    the local part), is written in full as ``<iri>``.
    """
    best = ""
    best_prefix = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(best):
            best, best_prefix = namespace, prefix
    if best and len(iri) > len(best):
        return f"{best_prefix}:{iri[len(best) :]}"
    return f"<{iri}>"


def local_name(iri: object) -> str:
    """Return an IRI's last part, after its last ``#`` or ``/`` (``kgo:hosts`` -> ``hosts``)."""
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
