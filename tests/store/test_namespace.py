"""The KGO constants and ontology/kg.ttl agree; the ontology files parse; the loader finds them."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from kg.errors import KGError
from kg.model import ENTITY_TYPES, EVENT_TYPES, RELATIONS, SYMMETRIC_RELATIONS
from kg.schema import GENERALISES, Schema
from kg.store import ontology as ontology_module
from kg.store.namespace import KGO, ONTOLOGY_IRI, PREFIXES, local_name, shorten_iri
from kg.store.ontology import (
    load_ontology,
    ontology_path,
    queries_dir,
    shapes_path,
)

NS = str(KGO._NS)
DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
TERMS = sorted(KGO.__annotations__)
SKIP_RELATION_CHECK = {"mentionedIn", "reportedBy"}


def plain_strings(graph: Graph) -> Graph:
    """Write ``"x"^^xsd:string`` (oxrdflib's plain literals) as ``"x"``, as rdflib does."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        out.add((s, p, o))
    return out


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def english(graph: Graph, node: URIRef, predicate: URIRef) -> list[Literal]:
    return [
        o
        for o in graph.objects(node, predicate)
        if isinstance(o, Literal) and o.language == "en" and str(o).strip()
    ]


def class_members(graph: Graph, node: object) -> set[URIRef]:
    """The named classes a range or domain allows: the class itself or its owl:unionOf list."""
    if isinstance(node, URIRef):
        return {node}
    union = graph.value(node, OWL.unionOf)
    assert union is not None, f"anonymous class without owl:unionOf: {node}"
    return {m for m in Collection(graph, union) if isinstance(m, URIRef)}


@pytest.mark.parametrize("name", TERMS)
def test_namespace_every_kgo_term_is_declared_with_label_and_comment(
    ontology: Graph, name: str
) -> None:
    term = URIRef(NS + name)
    assert getattr(KGO, name) == term
    assert set(ontology.objects(term, RDF.type)) & DECLARATIONS, f"kgo:{name} is not declared"
    assert len(english(ontology, term, RDFS.label)) == 1, f"kgo:{name} needs one rdfs:label@en"
    assert english(ontology, term, RDFS.comment), f"kgo:{name} needs an rdfs:comment@en"


def test_namespace_every_term_of_kg_ttl_is_in_kgo(ontology: Graph) -> None:
    declared = {
        str(s)[len(NS) :]
        for s, _, o in ontology.triples((None, RDF.type, None))
        if isinstance(s, URIRef) and str(s).startswith(NS) and o in DECLARATIONS
    }
    used = {
        str(t)[len(NS) :]
        for triple in ontology
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(NS)
    }
    assert declared == set(TERMS)
    assert used <= set(TERMS), f"used but not in KGO: {sorted(used - set(TERMS))}"


@pytest.mark.parametrize("name", RELATIONS)
def test_namespace_every_schema_relation_is_a_kgo_term(name: str) -> None:
    spec = Schema.default()[name]
    assert name in TERMS, f"kgo:{name} is a relation of kg.ttl but not a term of KGO"
    assert getattr(KGO, name) == URIRef(spec.iri)


def test_namespace_schema_relations_are_the_marked_object_properties(ontology: Graph) -> None:
    """The schema's relations: the kgo: object properties with kgo:generalisesToState, no other."""
    marked = {
        str(p)[len(NS) :]
        for p in ontology.subjects(RDF.type, OWL.ObjectProperty)
        if str(p).startswith(NS) and ontology.value(p, GENERALISES) is not None
    }
    unmarked = {
        str(p)[len(NS) :]
        for p in ontology.subjects(RDF.type, OWL.ObjectProperty)
        if str(p).startswith(NS)
    } - marked
    assert set(RELATIONS) == marked
    assert unmarked == SKIP_RELATION_CHECK
    assert GENERALISES == KGO.generalisesToState
    assert (GENERALISES, RDF.type, OWL.AnnotationProperty) in ontology
    assert ontology.value(GENERALISES, RDFS.range) == XSD.boolean


def test_namespace_kgo_fails_on_unknown_term() -> None:
    with pytest.raises(AttributeError):
        KGO.meetWith  # noqa: B018 - the typo must fail


@pytest.mark.parametrize("name", RELATIONS)
def test_namespace_relation_has_domain_range_label_comment(ontology: Graph, name: str) -> None:
    term = URIRef(NS + name)
    assert (term, RDF.type, OWL.ObjectProperty) in ontology
    domain = ontology.value(term, RDFS.domain)
    range_ = ontology.value(term, RDFS.range)
    assert domain is not None and range_ is not None, f"kgo:{name} needs rdfs:domain and rdfs:range"
    known = {KGO[c] for c in (*ENTITY_TYPES, *EVENT_TYPES, "Entity", "Event")}
    assert class_members(ontology, domain) <= known
    assert class_members(ontology, range_) <= known
    assert english(ontology, term, RDFS.label) and english(ontology, term, RDFS.comment)
    symmetric = (term, RDF.type, OWL.SymmetricProperty) in ontology
    assert symmetric == (name in SYMMETRIC_RELATIONS)


@pytest.mark.parametrize(
    ("relation", "domain", "range_"),
    [
        ("hosts", {"Country", "Person", "Organization"}, {"Meeting"}),
        ("heldIn", {"Meeting"}, {"Location", "Country"}),
        ("memberOf", {"Person", "Country"}, {"Organization", "Country"}),
        ("partOf", {"Organization"}, {"Organization", "Country"}),
        ("locatedIn", {"Location"}, {"Location", "Country"}),
        ("occupies", {"Country", "Person", "Organization"}, {"Location", "Country"}),
        ("discusses", {"Country", "Person", "Organization", "Meeting"}, {"Event"}),
        (
            "demands",
            {"Country", "Person", "Organization"},
            {"Event", "Country", "Person", "Organization"},
        ),
    ],
)
def test_namespace_relation_meanings_follow_guidelines(
    ontology: Graph, relation: str, domain: set[str], range_: set[str]
) -> None:
    term = KGO[relation]
    assert class_members(ontology, ontology.value(term, RDFS.domain)) == {KGO[c] for c in domain}
    assert class_members(ontology, ontology.value(term, RDFS.range)) == {KGO[c] for c in range_}


@pytest.mark.parametrize(("names", "parent"), [(ENTITY_TYPES, "Entity"), (EVENT_TYPES, "Event")])
def test_namespace_types_are_subclasses(
    ontology: Graph, names: tuple[str, ...], parent: str
) -> None:
    for name in names:
        assert (KGO[name], RDFS.subClassOf, KGO[parent]) in ontology, name


@pytest.mark.parametrize(
    ("subject", "predicate", "obj"),
    [
        (KGO.Country, RDFS.subClassOf, URIRef("https://schema.org/Country")),
        (KGO.Person, RDFS.subClassOf, URIRef("https://schema.org/Person")),
        (KGO.Organization, RDFS.subClassOf, URIRef("https://schema.org/Organization")),
        (KGO.Location, RDFS.subClassOf, URIRef("https://schema.org/Place")),
        (KGO.Event, RDFS.subClassOf, URIRef("https://schema.org/Event")),
        (KGO.Event, RDFS.subClassOf, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")),
        (
            KGO.heldIn,
            RDFS.subPropertyOf,
            URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace"),
        ),
        (KGO.reportedBy, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasAttributedTo")),
        (KGO.hosts, SKOS.notation, Literal("CAMEO 043")),
        (KGO.accuses, SKOS.notation, Literal("PLOVER ACCUSE")),
    ],
)
def test_namespace_alignments(
    ontology: Graph, subject: URIRef, predicate: URIRef, obj: object
) -> None:
    assert (subject, predicate, obj) in ontology


def test_namespace_bookkeeping_properties(ontology: Graph) -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert (KGO.confidence, RDF.type, OWL.DatatypeProperty) in ontology
    assert (KGO.confidence, RDF.type, OWL.FunctionalProperty) in ontology
    restricted = ontology.value(KGO.confidence, RDFS.range)
    assert ontology.value(restricted, OWL.onDatatype) == URIRef(xsd + "decimal")
    assert ontology.value(KGO.rule, RDFS.range) == URIRef(xsd + "string")
    assert ontology.value(KGO.role, RDFS.range) == RDF.langString
    assert ontology.value(KGO.date, RDFS.range) == URIRef(xsd + "date")
    assert ontology.value(KGO.mentionedIn, RDFS.range) == URIRef("https://schema.org/NewsArticle")
    assert ontology.value(KGO.reportedBy, RDFS.domain) == RDF.Statement


def test_namespace_ontology_header(ontology: Graph) -> None:
    assert str(ONTOLOGY_IRI) + "#" == NS == PREFIXES["kgo"]
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert english(ontology, ONTOLOGY_IRI, DCTERMS.title)
    assert english(ontology, ONTOLOGY_IRI, RDFS.comment)


@pytest.mark.parametrize("path", [ontology_path(), shapes_path()], ids=["kg.ttl", "shapes.ttl"])
def test_namespace_files_parse_with_rdflib_and_oxigraph(path: Path) -> None:
    with_rdflib = Graph().parse(path, format="turtle")
    with_oxigraph = plain_strings(Graph().parse(path, format="ox-turtle"))
    assert len(with_rdflib) > 100
    assert isomorphic(with_rdflib, with_oxigraph)
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(quads) == len(with_rdflib)


def test_namespace_no_blank_node_terms(ontology: Graph) -> None:
    """Blank nodes only for class expressions and lists, never for named terms."""
    for s in ontology.subjects(RDFS.label, None):
        assert not isinstance(s, BNode)


# --- kg.store.ontology -----------------------------------------------------------------


def test_ontology_paths_exist() -> None:
    assert ontology_path().name == "kg.ttl" and ontology_path().is_file()
    assert shapes_path().name == "shapes.ttl" and shapes_path().is_file()
    assert queries_dir().is_dir() and any(queries_dir().glob("*.rq"))
    assert (
        ontology_module.ONTOLOGY_DIR
        == Path(ontology_module.__file__).resolve().parents[2] / "ontology"
    )


@pytest.mark.parametrize("store", ["default", "Oxigraph"])
def test_ontology_load_ontology_adds_the_triples(ontology: Graph, store: str) -> None:
    graph = Graph(store=store)
    assert load_ontology(graph) is graph
    assert len(graph) == len(ontology)
    assert (KGO.meetsWith, RDF.type, OWL.SymmetricProperty) in graph


def test_ontology_load_ontology_into_a_named_graph(ontology: Graph) -> None:
    dataset = Dataset(store="Oxigraph")
    load_ontology(dataset.graph(ONTOLOGY_IRI))
    assert len(dataset.graph(ONTOLOGY_IRI)) == len(ontology)


@pytest.mark.parametrize("function", [ontology_path, shapes_path, queries_dir])
def test_ontology_missing_folder_says_how_to_fix(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, function: object
) -> None:
    monkeypatch.setattr(ontology_module, "ONTOLOGY_DIR", tmp_path / "gone")
    with pytest.raises(KGError) as caught:
        function()  # type: ignore[operator]
    message = str(caught.value)
    assert str(tmp_path / "gone") in message
    assert "pip install -e ." in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("iri", "short"),
    [
        (NS + "meetsWith", "kgo:meetsWith"),
        ("https://w3id.org/newskg/id/country/syria", "country:syria"),  # longest namespace wins
        ("https://w3id.org/newskg/id/graph", "kg:graph"),
        ("https://w3id.org/newskg/id/country/", "<https://w3id.org/newskg/id/country/>"),
        ("http://example.org/x", "<http://example.org/x>"),
    ],
)
def test_namespace_shorten_iri(iri: str, short: str) -> None:
    assert shorten_iri(iri) == short


@pytest.mark.parametrize(
    ("iri", "local"),
    [
        (KGO.meetsWith, "meetsWith"),
        ("https://w3id.org/newskg/id/country/syria", "syria"),
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "type"),
        ("plain", "plain"),
    ],
)
def test_namespace_local_name(iri: str, local: str) -> None:
    assert local_name(iri) == local
