"""A synthetic graph the size of the 998-article corpus, for the HTML page's large views.

Building the real corpus takes minutes; this graph has its shape in seconds: a
few hub actors in most facts (the corpus is Iran-centred), events that actors
take part in (a third of them dated), a place per meeting, and every fact stated
by one to three sentences of about 300 articles. The same arguments always give
the same triples.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

KGO = "https://w3id.org/newskg/ontology#"
KG = "https://w3id.org/newskg/id/"
PROV_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
SCHEMA_ARTICLE = URIRef("https://schema.org/NewsArticle")

TYPES = ("Country", "Person", "Organization", "Location")
ACTOR_RELATIONS = ("meetsWith", "supports", "opposes", "visits", "accuses", "cooperatesWith")
EVENT_TYPES = ("Meeting", "Agreement", "Attack")
#: Events are dated from this day on, one day apart per dated event.
FIRST_DAY = date(2022, 6, 1)


def event_day(index: int) -> str | None:
    """The date of event ``index``: every third event has one."""
    return (FIRST_DAY + timedelta(days=index)).isoformat() if index % 3 == 0 else None


def corpus_graph(
    entities: int = 1500, relations: int = 5000, events: int = 400, articles: int = 300
) -> Graph:
    """Return the synthetic graph (see the module docstring)."""
    rng = random.Random(19)
    graph = Graph()
    kgo = {name: URIRef(KGO + name) for name in TYPES + EVENT_TYPES + ACTOR_RELATIONS}
    for name in ("participatesIn", "hosts", "heldIn", "date", "mentionedIn", "confidence"):
        kgo[name] = URIRef(KGO + name)

    article_iris = []
    for a in range(articles):
        article = URIRef(f"{KG}article/a{a:04d}")
        article_iris.append(article)
        graph.add((article, RDF.type, SCHEMA_ARTICLE))
        graph.add((article, DCTERMS.source, Literal(f"article_{a:04d}.txt")))
        graph.add((article, DCTERMS.title, Literal(f"Report number {a}")))

    actors = []
    for i in range(entities):
        kind = TYPES[i % 4]
        node = URIRef(f"{KG}{kind.lower()}/e{i:05d}")
        actors.append(node)
        graph.add((node, RDF.type, kgo[kind]))
        graph.add((node, RDFS.label, Literal(f"{kind} {i}", lang="en")))
    places = [a for i, a in enumerate(actors) if i % 4 == 3]

    event_iris = []
    for i in range(events):
        kind = EVENT_TYPES[i % len(EVENT_TYPES)]
        node = URIRef(f"{KG}event/v{i:04d}")
        event_iris.append(node)
        graph.add((node, RDF.type, kgo[kind]))
        graph.add((node, RDFS.label, Literal(f"{kind.lower()} {i}", lang="en")))
        day = event_day(i)
        if day:
            graph.add((node, kgo["date"], Literal(day, datatype=XSD.date)))
        graph.add((node, kgo["mentionedIn"], article_iris[i % articles]))
        if kind == "Meeting":
            graph.add((node, kgo["heldIn"], places[(i * 7) % len(places)]))

    def actor() -> URIRef:
        # Skewed: low indices (the hubs) take part in many more facts.
        return actors[min(entities - 1, int(entities * rng.random() ** 3))]

    sentence_count = 0
    for r in range(relations):
        if r % 4 == 0:
            subject = actor()
            predicate = kgo["hosts"] if r % 40 == 0 else kgo["participatesIn"]
            obj = event_iris[rng.randrange(events)]
        else:
            subject, obj = actor(), actor()
            if subject == obj:
                continue
            predicate = kgo[ACTOR_RELATIONS[rng.randrange(len(ACTOR_RELATIONS))]]
        graph.add((subject, predicate, obj))
        statement = URIRef(f"{KG}statement/s{r:05d}")
        graph.add((statement, RDF.type, RDF.Statement))
        graph.add((statement, RDF.subject, subject))
        graph.add((statement, RDF.predicate, predicate))
        graph.add((statement, RDF.object, obj))
        graph.add((statement, kgo["confidence"], Literal("0.8", datatype=XSD.decimal)))
        for _ in range(1 + rng.randrange(3)):
            article = article_iris[rng.randrange(articles)]
            sentence = URIRef(f"{article}/sentence/{sentence_count}")
            sentence_count += 1
            text = f"Sentence {sentence_count}: {subject.split('/')[-1]} and {obj.split('/')[-1]}."
            graph.add((sentence, URIRef(NIF + "anchorOf"), Literal(text)))
            graph.add((sentence, DCTERMS.isPartOf, article))
            graph.add((statement, PROV_DERIVED, sentence))
    return graph
