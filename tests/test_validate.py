"""SHACL validation: tests/data/tiny.ttl conforms; each broken copy fails with the right message."""

from __future__ import annotations

import time
from pathlib import Path

import pyshacl
import pytest
from rdflib import Dataset, Graph, URIRef

from kg import shacl
from kg.errors import GraphFileError
from kg.shacl import ValidationReport, validate
from kg.store.load import load_graph
from kg.store.namespace import PREFIXES
from kg.store.ontology import load_ontology, load_shapes

TINY = Path(__file__).parent / "data" / "tiny.ttl"
HEADER = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
A1 = "article:492e1ff944e7f4c6"
A2 = "article:bc36b0602fa7b8f5"
S_HOSTS = "statement:b0f3f74395414ff9"
S_DEMANDS = "statement:266bb7dc5e1b589e"
SENT = "sentence:bc36b0602fa7b8f5-29-69"


def tiny_graph() -> Graph:
    graph = Graph()
    graph.parse(TINY, format="turtle")
    return graph


def mutated(update: str) -> Graph:
    graph = tiny_graph()
    graph.update(HEADER + update)
    return graph


# (case, SPARQL Update that breaks tiny.ttl, a phrase the report must hold)
BROKEN = [
    # Entities
    (
        "entity-two-labels",
        'INSERT DATA { country:turkey rdfs:label "Türkiye"@en }',
        "exactly one rdfs:label@en",
    ),
    (
        "entity-label-not-english",
        (
            'DELETE DATA { country:syria rdfs:label "Syria"@en } ;'
            ' INSERT DATA { country:syria rdfs:label "Syrien"@de }'
        ),
        "exactly one rdfs:label@en",
    ),
    (
        "entity-label-plain-string",
        (
            'DELETE DATA { country:syria rdfs:label "Syria"@en } ;'
            ' INSERT DATA { country:syria rdfs:label "Syria" }'
        ),
        "exactly one rdfs:label@en",
    ),
    (
        "entity-not-mentioned",
        "DELETE WHERE { organization:russian-defense-ministry kgo:mentionedIn ?a }",
        "kgo:mentionedIn each article",
    ),
    (
        "entity-blank-node",
        f'INSERT DATA {{ [] a kgo:Country ; rdfs:label "Nowhere"@en ; kgo:mentionedIn {A1} }}',
        "must be an IRI, not a blank node",
    ),
    (
        "entity-no-contract-type",
        f'INSERT DATA {{ location:tanf a kgo:Entity ; rdfs:label "Tanf"@en ;'
        f" kgo:mentionedIn {A1} }}",
        "of the types kgo:Country, kgo:Person, kgo:Organization, kgo:Location;"
        " it needs exactly one",
    ),
    (
        "entity-two-contract-types",
        "INSERT DATA { country:syria a kgo:Organization }",
        "of the types kgo:Country, kgo:Person, kgo:Organization, kgo:Location;"
        " it needs exactly one",
    ),
    (
        "entity-iri-not-of-its-type",
        "INSERT DATA { <https://w3id.org/newskg/id/thing/x> a kgo:Country ;"
        f' rdfs:label "X"@en ; kgo:mentionedIn {A1} }}',
        "country:<slug>",
    ),
    (
        "entity-sameas-not-wikidata",
        "INSERT DATA { country:syria owl:sameAs <http://dbpedia.org/resource/Syria> }",
        "Wikidata entity IRI",
    ),
    (
        "entity-split-over-two-nodes",
        (
            f'INSERT DATA {{ country:turkiye a kgo:Country ; rdfs:label "Türkiye"@en ;'
            f" kgo:mentionedIn {A2} ; owl:sameAs wd:Q43 }}"
        ),
        "are both owl:sameAs wd:Q43",
    ),
    (
        "entity-mentioned-in-non-article",
        "INSERT DATA { country:russia kgo:mentionedIn country:syria }",
        "which is not a schema:NewsArticle",
    ),
    (
        "entity-is-also-event",
        "INSERT DATA { country:syria a kgo:Meeting }",
        "typed both as an entity and as an event",
    ),
    (
        "person-role-without-language",
        (
            "DELETE WHERE { person:sergei-shoigu kgo:role ?r } ;"
            ' INSERT DATA { person:sergei-shoigu kgo:role "Minister" }'
        ),
        "kgo:role must be",
    ),
    # Events
    (
        "event-without-label",
        "DELETE WHERE { event:492e1ff944e7f4c6-203 rdfs:label ?l }",
        "exactly one rdfs:label@en from the text",
    ),
    (
        "event-not-mentioned",
        "DELETE WHERE { event:492e1ff944e7f4c6-203 kgo:mentionedIn ?a }",
        "kgo:mentionedIn the article",
    ),
    (
        "event-only-generic-type",
        (
            "DELETE DATA { event:492e1ff944e7f4c6-203 a kgo:Withdrawal } ;"
            " INSERT DATA { event:492e1ff944e7f4c6-203 a kgo:Event }"
        ),
        "subclass of kgo:Event",
    ),
    (
        "event-held-in-a-person",
        "INSERT DATA { event:492e1ff944e7f4c6-105 kgo:heldIn person:sergei-shoigu }",
        "which is not a kgo:Country or kgo:Location",
    ),
    (
        "event-date-not-a-date",
        (
            "DELETE WHERE { event:492e1ff944e7f4c6-105 kgo:date ?d } ;"
            ' INSERT DATA { event:492e1ff944e7f4c6-105 kgo:date "Tuesday" }'
        ),
        "an xsd:date",
    ),
    # Statements
    (
        "statement-without-confidence",
        f"DELETE WHERE {{ {S_HOSTS} kgo:confidence ?c }}",
        "exactly one kgo:confidence",
    ),
    (
        "statement-confidence-above-one",
        (
            f"DELETE WHERE {{ {S_HOSTS} kgo:confidence ?c }} ;"
            f' INSERT DATA {{ {S_HOSTS} kgo:confidence "1.5"^^xsd:decimal }}'
        ),
        "exactly one kgo:confidence",
    ),
    (
        "statement-confidence-double",
        (
            f"DELETE WHERE {{ {S_HOSTS} kgo:confidence ?c }} ;"
            f' INSERT DATA {{ {S_HOSTS} kgo:confidence "0.85"^^xsd:double }}'
        ),
        "an xsd:decimal from 0 to 1",
    ),
    (
        "statement-two-confidences",
        f'INSERT DATA {{ {S_HOSTS} kgo:confidence "0.5"^^xsd:decimal }}',
        "exactly one kgo:confidence",
    ),
    (
        "statement-without-evidence",
        f"DELETE WHERE {{ {S_HOSTS} prov:wasDerivedFrom ?e }}",
        "prov:wasDerivedFrom each evidence node",
    ),
    (
        "statement-evidence-is-not-evidence",
        f"INSERT DATA {{ {S_HOSTS} prov:wasDerivedFrom {A1} }}",
        "which has no nif:anchorOf",
    ),
    (
        "statement-two-subjects",
        f"INSERT DATA {{ {S_HOSTS} rdf:subject country:russia }}",
        "exactly one rdf:subject",
    ),
    (
        "statement-predicate-not-a-relation",
        f"INSERT DATA {{ {S_HOSTS} rdf:predicate rdfs:seeAlso }}",
        "exactly one rdf:predicate",
    ),
    (
        "statement-blank-node",
        (
            "INSERT DATA { country:russia kgo:supports country:syria ."
            " [] a rdf:Statement ; rdf:subject country:russia ; rdf:predicate kgo:supports ;"
            f" rdf:object country:syria ; prov:wasDerivedFrom {SENT} ;"
            ' kgo:confidence "0.5"^^xsd:decimal }'
        ),
        "statement:<hash>, not a blank node",
    ),
    (
        "statement-subject-untyped",
        (
            f"DELETE WHERE {{ {S_DEMANDS} rdf:subject ?s }} ;"
            f" INSERT DATA {{ {S_DEMANDS} rdf:subject country:atlantis ."
            " country:atlantis kgo:demands event:492e1ff944e7f4c6-203 }"
        ),
        "neither a typed entity nor a typed event",
    ),
    (
        "statement-without-plain-triple",
        "DELETE DATA { country:turkey kgo:demands event:492e1ff944e7f4c6-203 }",
        "not asserted as a plain triple",
    ),
    (
        "plain-triple-without-statement",
        "INSERT DATA { country:russia kgo:supports country:syria }",
        "has no rdf:Statement node",
    ),
    (
        "two-statements-for-one-triple",
        (
            "INSERT DATA { statement:0000000000000000 a rdf:Statement ;"
            " rdf:subject person:sergei-shoigu ; rdf:predicate kgo:hosts ;"
            f" rdf:object event:492e1ff944e7f4c6-105 ; prov:wasDerivedFrom {SENT} ;"
            ' kgo:confidence "0.5"^^xsd:decimal }'
        ),
        "has 2 rdf:Statement nodes",
    ),
    # Articles and evidence
    (
        "article-without-source",
        f"DELETE WHERE {{ {A2} dcterms:source ?s }}",
        "exactly one dcterms:source",
    ),
    (
        "article-two-sources",
        f'INSERT DATA {{ {A2} dcterms:source "other.txt" }}',
        "exactly one dcterms:source",
    ),
    (
        "evidence-begin-after-end",
        (
            f"DELETE WHERE {{ {SENT} nif:beginIndex ?b }} ;"
            f' INSERT DATA {{ {SENT} nif:beginIndex "80"^^xsd:nonNegativeInteger }}'
        ),
        "not after its nif:endIndex",
    ),
    (
        "evidence-negative-offset",
        f"DELETE WHERE {{ {SENT} nif:beginIndex ?b }} ; INSERT DATA {{ {SENT} nif:beginIndex -1 }}",
        "a non-negative integer",
    ),
    (
        "evidence-text-not-at-offsets",
        (
            f"DELETE WHERE {{ {SENT} nif:anchorOf ?a }} ;"
            f' INSERT DATA {{ {SENT} nif:anchorOf "Turkish and Syrian envoys met in Ankara." }}'
        ),
        "is not the article's kgo:text between offsets",
    ),
    (
        "evidence-length-not-offsets",
        (
            f"DELETE WHERE {{ {SENT} nif:anchorOf ?a }} ;"
            f' INSERT DATA {{ {SENT} nif:anchorOf "Turkish and Syrian envoys met." }}'
        ),
        "is not the article's kgo:text between offsets",
    ),
    (
        "evidence-not-part-of-article",
        f"DELETE WHERE {{ {SENT} dcterms:isPartOf ?a }}",
        "is not dcterms:isPartOf a schema:NewsArticle",
    ),
    ("graph-document-missing", "DELETE WHERE { kg:graph ?p ?o }", "owl:imports"),
]

# Rules that are SPARQL constraints, which kg.shacl runs on Oxigraph: plain
# pyshacl must reach the same verdict on shapes.ttl as it stands.
SPARQL_RULES = {
    "entity-split-over-two-nodes",
    "entity-mentioned-in-non-article",
    "entity-is-also-event",
    "statement-evidence-is-not-evidence",
    "statement-subject-untyped",
    "statement-without-plain-triple",
    "plain-triple-without-statement",
    "two-statements-for-one-triple",
    "evidence-text-not-at-offsets",
    "evidence-not-part-of-article",
}


@pytest.mark.parametrize("source", ["path", "rdflib graph", "oxigraph dataset"])
def test_validate_tiny_conforms(source: str) -> None:
    graph_or_path = {
        "path": TINY,
        "rdflib graph": tiny_graph(),
        "oxigraph dataset": load_graph(TINY),
    }[source]
    report = validate(graph_or_path)
    assert isinstance(report, ValidationReport)
    assert report.conforms, report.text
    assert report.violations == 0
    assert report.text.startswith("Conforms: 141 triples")


@pytest.mark.parametrize(("case", "update", "phrase"), BROKEN, ids=[c[0] for c in BROKEN])
def test_validate_broken_graph_fails(case: str, update: str, phrase: str) -> None:
    report = validate(mutated(update))
    assert not report.conforms, f"{case}: expected a violation\n{report.text}"
    assert report.violations >= 1
    assert report.text.startswith("Does not conform:")
    assert phrase in report.text, report.text


@pytest.mark.parametrize(
    ("case", "update"),
    [(c, u) for c, u, _ in BROKEN if c in SPARQL_RULES],
    ids=sorted(SPARQL_RULES),
)
def test_validate_shapes_run_as_plain_shacl(case: str, update: str) -> None:
    shapes = load_shapes()  # shapes.ttl plus the relation-end shapes made from kg.ttl
    good = load_ontology(tiny_graph())
    assert pyshacl.validate(good, shacl_graph=shapes, inference="none")[0]
    bad = load_ontology(mutated(update))
    conforms, _, text = pyshacl.validate(bad, shacl_graph=shapes, inference="none")
    assert not conforms, case
    assert "SPARQL" in str(text) or "Constraint" in str(text)


@pytest.mark.parametrize(
    ("case", "update"),
    [
        (
            "symmetric-reverse-plain-triple",
            "INSERT DATA { country:syria kgo:meetsWith country:turkey }",
        ),
        (
            "mention-inside-a-sentence",
            (
                "INSERT DATA {"
                " <https://w3id.org/newskg/id/mention/bc36b0602fa7b8f5-29-36> a nif:Phrase ;"
                ' nif:anchorOf "Turkish" ; nif:beginIndex 29 ; nif:endIndex 36 ;'
                f" dcterms:isPartOf {SENT} }}"
            ),
        ),
        (
            "offsets-as-xsd-integer",
            f"DELETE WHERE {{ {SENT} nif:beginIndex ?b }} ;"
            f" INSERT DATA {{ {SENT} nif:beginIndex 29 }}",
        ),
        (
            "finer-event-subclass",
            (
                "INSERT DATA { kgo:Summit rdfs:subClassOf kgo:Meeting ."
                " event:492e1ff944e7f4c6-105 a kgo:Summit }"
            ),
        ),
    ],
)
def test_validate_allowed_variants_conform(case: str, update: str) -> None:
    report = validate(mutated(update))
    assert report.conforms, f"{case}\n{report.text}"


def test_validate_named_graphs_are_checked_together(tmp_path: Path) -> None:
    dataset = Dataset()
    statements = dataset.graph(URIRef("https://w3id.org/newskg/id/graph/statements"))
    rest = dataset.graph(URIRef("https://w3id.org/newskg/id/graph/rest"))
    for s, p, o in tiny_graph():
        target = statements if str(s).startswith("https://w3id.org/newskg/id/statement/") else rest
        target.add((s, p, o))
    path = tmp_path / "tiny.trig"
    dataset.serialize(path, format="trig")
    assert validate(dataset).conforms
    report = validate(path)
    assert report.conforms, report.text


def test_validate_missing_file_raises() -> None:
    with pytest.raises(GraphFileError, match="does not exist"):
        validate("no/such/graph.ttl")


def test_validate_report_lists_at_most_max_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shacl, "MAX_LISTED", 2)
    report = validate(mutated("DELETE WHERE { ?st kgo:confidence ?c }"))
    assert report.violations == 7
    lines = report.text.splitlines()
    assert lines[0] == "Does not conform: 7 violations in 134 triples"
    assert len(lines) == 4
    assert lines[-1] == "... and 5 more"
    assert all(line.startswith("Violation: statement:") for line in lines[1:3])


def test_validate_twenty_thousand_triples_quickly() -> None:
    base = tiny_graph()
    prefix = "https://w3id.org/newskg/id/"
    big = Graph()
    copies = 145  # 145 x 141 triples, about 20k

    def renamed(term: object, i: int) -> object:
        text = str(term)
        if isinstance(term, URIRef) and text.startswith(prefix) and text != prefix + "graph":
            # A fresh article id per copy keeps event and sentence IRIs in their form.
            for article_id in ("492e1ff944e7f4c6", "bc36b0602fa7b8f5"):
                if article_id in text:
                    return URIRef(text.replace(article_id, f"{i:04x}{article_id[4:]}"))
            return URIRef(f"{text}-{i}")
        if isinstance(term, URIRef) and text.startswith("http://www.wikidata.org/entity/Q"):
            return URIRef(f"{text}{i:04d}")
        return term

    for i in range(copies):
        big.addN((renamed(s, i), renamed(p, i), renamed(o, i), big) for s, p, o in base)
    assert len(big) > 20_000
    start = time.perf_counter()
    report = validate(big)
    seconds = time.perf_counter() - start
    assert report.conforms, report.text
    assert seconds < 10, f"validation took {seconds:.1f} s"
