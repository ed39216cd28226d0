"""The RDF, GraphML and CSV exporters: same graph back, named graphs kept, deterministic \
bytes, SHACL-valid.

The seeds' dataset comes straight from the builder (no file in between), once
per module; a small hand-made dataset holds the hostile cases (quotes,
backslashes, line breaks, non-Latin scripts, ``<>`` in literals, IRIs with
non-ASCII characters and percent-escapes).
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import graph_diff, isomorphic

from kg.cli import main as kg_main
from kg.errors import ExportError
from kg.export import available, export, resolve_format, suffix
from kg.export.canonical import canonical_graphs
from kg.export.jsonld import CONTEXT_PATH, compact_iri
from kg.export.ntriples import canonical_lines
from kg.export.relations_csv import COLUMNS
from kg.model import RELATIONS
from kg.shacl import validate
from kg.sparql import run_query
from kg.store.graph import GraphBuilder
from kg.store.load import load_graph
from kg.store.namespace import PREFIXES
from kg.store.oxigraph import oxigraph_store, union_store
from tests.conftest import SEEDS

KG = "https://w3id.org/newskg/id/"
KGO = "https://w3id.org/newskg/ontology#"
GRAPH = KG + "graph/"
#: Formats whose files keep the named graphs, and those that write the union.
QUAD_FORMATS = ("trig", "nquads", "jsonld")
TRIPLE_FORMATS = ("turtle", "ntriples")
RDF_FORMATS = TRIPLE_FORMATS + QUAD_FORMATS
MINE = ("ntriples", "nquads", "trig", "jsonld", "graphml", "csv")
OX_FORMAT = {
    "turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD,
}
RDFLIB_FORMAT = {
    "turtle": "turtle", "ntriples": "nt", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld",
}
GRAPHML_TYPES = {"boolean", "int", "long", "float", "double", "string"}


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def resolved(nlp) -> list[Any]:
    """The seeds, parsed and resolved once: what GraphBuilder takes."""
    from kg.ingest import load_articles
    from kg.pipeline import extract_articles
    from kg.resolve.resolver import Resolver

    resolver = Resolver()
    articles = list(load_articles([SEEDS]))
    return [
        resolver.resolve(article, extraction)
        for article, extraction in extract_articles(nlp, articles)
    ]


def build_dataset(resolved: list[Any], *, reverse: bool = False) -> rdflib.Dataset:
    builder = GraphBuilder()
    for item in reversed(resolved) if reverse else resolved:
        builder.add(item)
    return builder.build()[0]


@pytest.fixture(scope="module")
def dataset(resolved) -> rdflib.Dataset:
    return build_dataset(resolved)


@pytest.fixture(scope="module")
def exported(dataset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every format of the seeds' dataset, exported once."""
    out = tmp_path_factory.mktemp("formats")
    return {
        fmt: export(dataset, fmt, out / f"graph{suffix(fmt)}")
        for fmt in (*RDF_FORMATS, "graphml", "csv")
    }


def hostile_dataset() -> rdflib.Dataset:
    """A tiny dataset of hostile strings and IRIs in named graphs, Oxigraph-backed like the \
builder's."""
    def iri(local: str) -> ox.NamedNode:
        return ox.NamedNode(KG + local)

    g1, g2 = ox.NamedNode(GRAPH + "a1"), ox.NamedNode(GRAPH + "a2")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    anchor = ox.NamedNode("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf")
    texts = [
        'He said "hi", then left',
        "back\\slash and \\u0041 and \\n literally",
        "line one\nline two\r\nthree\ttabbed",
        '""" triple quotes \'\'\' and <b>&amp;</b> <script>',
        "金正恩 and Владимир and مرحبا and 🙂",
        "trailing backslash \\",
    ]
    quads = [ox.Quad(iri(f"sentence/x-{i}"), anchor, ox.Literal(text), g1 if i % 2 else g2)
             for i, text in enumerate(texts)]
    quads += [
        ox.Quad(iri("person/%E9%87%91"), label, ox.Literal("金", language="en"),
                ox.NamedNode(GRAPH + "entities")),
        ox.Quad(iri("person/金正恩"), label, ox.Literal("Kim \"Jong\" Un", language="en"),
                ox.NamedNode(GRAPH + "entities")),
        ox.Quad(iri("location/z%C3%BCrich"), label, ox.Literal("Zürich", language="de-CH"),
                ox.NamedNode(GRAPH + "entities")),
        ox.Quad(iri("statement/1"), ox.NamedNode(KGO + "confidence"),
                ox.Literal("0.85",
                           datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")),
                g1),
        ox.Quad(iri("statement/1"), ox.NamedNode(KGO + "rule"), ox.Literal("svo:<hosts>"), g1),
        ox.Quad(ox.BlankNode("b0"), label, ox.Literal("a blank node"), g2),
        ox.Quad(iri("country/x"), label, ox.Literal("in the default graph")),
    ]
    dataset = rdflib.Dataset(store="Oxigraph")
    dataset.store._inner.extend(quads)  # type: ignore[attr-defined]
    return dataset


def oxigraph_load(path: Path, fmt: str) -> ox.Store:
    store = ox.Store()
    store.load(path=str(path), format=OX_FORMAT[fmt])
    return store


def rdflib_load(path: Path, fmt: str) -> rdflib.Dataset:
    loaded = rdflib.Dataset()
    loaded.parse(path, format=RDFLIB_FORMAT[fmt])
    return loaded


# ----------------------------------------------------------------------------- registry


@pytest.mark.parametrize(
    ("name", "canonical", "file_suffix"),
    [
        ("ntriples", "ntriples", ".nt"), ("nt", "ntriples", ".nt"),
        ("n-triples", "ntriples", ".nt"),
        ("nquads", "nquads", ".nq"), ("nq", "nquads", ".nq"), ("trig", "trig", ".trig"),
        ("jsonld", "jsonld", ".jsonld"), ("JSON-LD", "jsonld", ".jsonld"),
        ("graphml", "graphml", ".graphml"),
        ("csv", "csv", ".csv"), ("ttl", "turtle", ".ttl"),
    ],
)
def test_formats_registered(name: str, canonical: str, file_suffix: str):
    assert resolve_format(name) == canonical
    assert suffix(name) == file_suffix
    assert canonical in available()


def test_formats_unknown_name_lists_the_valid_ones():
    with pytest.raises(ExportError, match="No exporter 'turtl'. Available: .*nquads.*trig"):
        resolve_format("turtl")


# ----------------------------------------------------------------------------- RDF round trips


@pytest.mark.parametrize("fmt", QUAD_FORMATS)
def test_formats_quads_round_trip_in_oxigraph(dataset, exported, fmt: str):
    assert canonical_graphs(oxigraph_load(exported[fmt], fmt)) == canonical_graphs(dataset)


@pytest.mark.parametrize("fmt", QUAD_FORMATS)
def test_formats_quads_round_trip_in_rdflib(dataset, exported, fmt: str):
    assert canonical_graphs(rdflib_load(exported[fmt], fmt)) == canonical_graphs(dataset)


@pytest.mark.parametrize("fmt", TRIPLE_FORMATS)
def test_formats_union_round_trip(dataset, exported, fmt: str):
    """Turtle and N-Triples hold the union, isomorphic in rdflib's sense."""
    expected = rdflib.Graph().parse(data=b"\n".join(canonical_lines(dataset)).decode(), format="nt")
    got = rdflib.Graph().parse(exported[fmt], format=RDFLIB_FORMAT[fmt])
    if not isomorphic(expected, got):
        _, only_expected, only_got = graph_diff(expected, got)
        pytest.fail(f"{fmt} differs:\nmissing {sorted(only_expected)[:5]}"
                    f"\nextra {sorted(only_got)[:5]}")
    assert canonical_lines(oxigraph_load(exported[fmt], fmt)) == canonical_lines(dataset)


@pytest.mark.parametrize("fmt", QUAD_FORMATS)
def test_formats_named_graphs_kept(resolved, exported, fmt: str):
    names = {str(name) for name, _ in canonical_graphs(oxigraph_load(exported[fmt], fmt))}
    articles = {f"<{GRAPH}{item.article.id}>" for item in resolved}
    assert names == articles | {f"<{GRAPH}entities>", f"<{GRAPH}ontology>"}


def test_formats_article_graph_holds_its_facts_and_provenance(dataset, exported):
    """A TriG article graph holds its article node, sentences, statements and plain triples."""
    store = oxigraph_load(exported["trig"], "trig")
    query = """
    SELECT ?g (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?st) AS ?statements) WHERE {
      GRAPH ?g { ?a a <https://schema.org/NewsArticle> . \
?st a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> }
    } GROUP BY ?g"""
    rows = list(store.query(query))
    assert len(rows) == 5
    assert all(int(row["articles"].value) == 1 and int(row["statements"].value) > 0 for row in rows)


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_formats_shacl_valid(exported, fmt: str):
    report = validate(exported[fmt])
    assert report.conforms, report.text


# ----------------------------------------------------------------------------- determinism


@pytest.mark.parametrize("fmt", MINE)
def test_formats_deterministic_bytes(resolved, exported, tmp_path: Path, fmt: str):
    """Same graph, same bytes: articles added in another order, or the graph read back from TriG."""
    reordered = export(build_dataset(resolved, reverse=True), fmt, tmp_path / f"a{suffix(fmt)}")
    reloaded = export(load_graph(exported["trig"]), fmt, tmp_path / f"b{suffix(fmt)}")
    reference = exported[fmt].read_bytes() if fmt in exported else \
        export(build_dataset(resolved), fmt, tmp_path / f"c{suffix(fmt)}").read_bytes()
    assert reordered.read_bytes() == reference
    assert reloaded.read_bytes() == reference


@pytest.mark.parametrize(
    "kind", ["builder", "oxigraph dataset", "rdflib memory dataset", "pyoxigraph store"],
)
def test_formats_accept_every_graph_kind(dataset, exported, tmp_path: Path, kind: str):
    graph = {
        "builder": lambda: dataset,
        "oxigraph dataset": lambda: load_graph(exported["nquads"]),
        "rdflib memory dataset": lambda: load_graph(exported["nquads"], store="default"),
        "pyoxigraph store": lambda: oxigraph_load(exported["nquads"], "nquads"),
    }[kind]()
    for fmt in MINE:
        written = export(graph, fmt, tmp_path / f"graph{suffix(fmt)}")
        if fmt in exported:
            assert written.read_bytes() == exported[fmt].read_bytes(), fmt


def test_formats_union_store_is_a_set(dataset):
    """Facts stated in several article graphs count once in the union (Oxigraph's own union \
is a bag)."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    bag = oxigraph_store(dataset).query(query, use_default_graph_as_union=True)
    union = union_store(dataset).query(query)
    distinct = len(canonical_lines(dataset))
    assert int(next(iter(union))["n"].value) == distinct < int(next(iter(bag))["n"].value)
    assert len(list(union_store(dataset, keep_named_graphs=True).named_graphs())) == 7


def test_formats_plain_rdflib_graph_exports_its_triples(tmp_path: Path):
    graph = rdflib.Graph()
    graph.add((rdflib.URIRef(KG + "country/a"), rdflib.RDFS.label, rdflib.Literal("A", lang="en")))
    path = export(graph, "nquads", tmp_path / "g.nq")
    assert path.read_text() == (
        f'<{KG}country/a> <http://www.w3.org/2000/01/rdf-schema#label> "A"@en .\n'
    )


def test_export_removes_temporary_files_of_dead_writers_only(tmp_path: Path):
    """A killed build leaves ``.graph.ttl.PID.*.tmp``; the next write of that output removes
    it, but never a temporary file of a writer that still runs."""
    import os
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead = tmp_path / f".g.nq.{int(done.stdout)}.abc123.tmp"
    alive = tmp_path / f".g.nq.{os.getppid()}.def456.tmp"
    other = tmp_path / f".h.nq.{int(done.stdout)}.ghi789.tmp"
    for leftover in (dead, alive, other):
        leftover.write_text("partial")
    graph = rdflib.Graph()
    graph.add((rdflib.URIRef(KG + "country/a"), rdflib.RDFS.label, rdflib.Literal("A")))
    export(graph, "nquads", tmp_path / "g.nq")
    assert not dead.exists()
    assert alive.exists() and other.exists()  # a running writer's, another output's
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([alive.name, other.name, "g.nq"])


# ----------------------------------------------------------------------------- hostile strings


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_formats_hostile_strings_round_trip(tmp_path: Path, fmt: str):
    dataset = hostile_dataset()
    path = export(dataset, fmt, tmp_path / f"hostile{suffix(fmt)}")
    expected = canonical_graphs(dataset) if fmt in QUAD_FORMATS else canonical_lines(dataset)
    for loaded in (oxigraph_load(path, fmt), rdflib_load(path, fmt)):
        got = canonical_graphs(loaded) if fmt in QUAD_FORMATS else canonical_lines(loaded)
        assert got == expected


def test_formats_hostile_iris_stay_valid_iris(tmp_path: Path):
    text = export(hostile_dataset(), "nquads", tmp_path / "h.nq").read_text(encoding="utf-8")
    assert f"<{KG}person/金正恩>" in text
    assert f"<{KG}person/%E9%87%91>" in text
    assert f"<{KG}location/z%C3%BCrich>" in text
    assert '"line one\\nline two\\r\\nthree\\ttabbed"' in text


# ----------------------------------------------------------------------------- JSON-LD


def test_jsonld_context_is_the_published_one(exported):
    document = json.loads(exported["jsonld"].read_text(encoding="utf-8"))
    published = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))
    assert document["@context"] == published["@context"]
    assert isinstance(document["@graph"], list)


def test_jsonld_context_declares_every_prefix():
    context = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]
    assert {name: context.get(name) for name in PREFIXES} == PREFIXES


def test_jsonld_context_terms_are_contract_terms():
    context = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))["@context"]
    for relation in RELATIONS:
        assert context[relation] == {"@id": f"kgo:{relation}", "@type": "@id"}


@pytest.mark.parametrize(
    ("iri", "compact"),
    [
        (KG + "country/turkey", "country:turkey"),
        (KG + "graph/entities", "graph:entities"),
        (KGO + "Meeting", "kgo:Meeting"),
        ("http://example.org/x", "http://example.org/x"),
        (KG, KG),
    ],
)
def test_jsonld_compact_iri(iri: str, compact: str):
    assert compact_iri(iri) == compact


def test_jsonld_compact_node_shapes(exported):
    document = json.loads(exported["jsonld"].read_text(encoding="utf-8"))
    graphs = {
        graph["@id"]: {node["@id"]: node for node in graph["@graph"]}
        for graph in document["@graph"]
    }
    assert set(graphs) >= {"graph:entities", "graph:ontology"}
    turkey = graphs["graph:entities"]["country:turkey"]
    assert turkey["@type"] == "kgo:Country"
    assert turkey["label"] == "Turkey"
    assert turkey["sameAs"] == "wd:Q43"
    nodes = [
        node
        for name, graph in graphs.items() if name != "graph:ontology"
        for node in graph.values()
    ]
    statement = next(n for n in nodes if n.get("@type") == "rdf:Statement")
    assert statement["predicate"].startswith("kgo:")
    assert statement["subject"].split(":")[0] in PREFIXES
    # Confidence depends on every article, so it sits in the entities graph.
    confidence = graphs["graph:entities"][statement["@id"]]["confidence"]
    assert isinstance(confidence, str) and 0 < float(confidence) < 1
    sentence = next(n for n in nodes if n.get("@type") == "nif:Sentence")
    assert isinstance(sentence["beginIndex"], int)


# ----------------------------------------------------------------------------- GraphML


def test_graphml_attribute_types_are_legal(exported):
    root = ET.parse(exported["graphml"]).getroot()
    keys = root.findall("{http://graphml.graphdrawing.org/xmlns}key")
    assert {k.get("attr.name"): k.get("for") for k in keys} == {
        "label": "node", "type": "node", "kind": "node", "articles": "node", "wikidata": "node",
        "relation": "edge", "confidence": "edge", "evidence": "edge",
    }
    assert {k.get("attr.type") for k in keys} <= GRAPHML_TYPES
    edge_ids = [e.get("id") for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(edge_ids) == len(set(edge_ids))


def test_graphml_nodes_and_edges(dataset, exported):
    network = nx.read_graphml(exported["graphml"])
    assert not any(
        f"{KG}{kind}/" in node
        for node in network
        for kind in ("statement", "sentence", "article")
    )
    kinds = {data["kind"] for _, data in network.nodes(data=True)}
    assert kinds == {"entity", "event"}
    assert all(data["label"] and data["type"] for _, data in network.nodes(data=True))
    assert network.nodes[f"{KG}country/turkey"]["type"] == "Country"
    typed = run_query(dataset, "SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE { ?n a ?t . "
                               "FILTER (isIRI(?n) && STRSTARTS(STR(?t), STR(kgo:))) }")
    assert network.number_of_nodes() == int(typed.rows[0][0])
    relations = set(RELATIONS)
    for _, _, data in network.edges(data=True):
        assert data["relation"] in relations
        assert 0 < data.get("confidence", 1) <= 1
        assert data["evidence"] >= 1
    # Oxigraph's union default graph is a bag (a triple in two graphs comes twice): count DISTINCT.
    values = " ".join(f"kgo:{r}" for r in RELATIONS)
    facts = run_query(dataset, "SELECT (COUNT(*) AS ?c) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
                               f"VALUES ?p {{ {values} }} ?s ?p ?o . ?s a ?ts . ?o a ?to . "
                               "FILTER (STRSTARTS(STR(?ts), STR(kgo:)) "
                               "&& STRSTARTS(STR(?to), STR(kgo:))) } }")
    assert network.number_of_edges() == int(facts.rows[0][0]) > 0
    with_statement = sum(1 for _, _, data in network.edges(data=True) if "confidence" in data)
    assert with_statement == network.number_of_edges()


# ----------------------------------------------------------------------------- CSV


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_relations_csv_one_row_per_statement_and_sentence(dataset, exported):
    header, *rows = read_csv(exported["csv"])
    assert tuple(header) == COLUMNS
    pairs = run_query(dataset, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?st ?e WHERE "
                               "{ ?st a rdf:Statement ; prov:wasDerivedFrom ?e } }")
    assert len(rows) == int(pairs.rows[0][0])
    sentences = {
        str(r[0]) for r in run_query(dataset, "SELECT ?t WHERE { ?s nif:anchorOf ?t }").rows
    }
    sources = {
        str(r[0]) for r in run_query(dataset, "SELECT ?t WHERE { ?a dcterms:source ?t }").rows
    }
    for row in rows:
        record = dict(zip(COLUMNS, row, strict=True))
        assert record["relation"] in RELATIONS
        assert record["sentence"] in sentences
        assert record["article"] in sources
        assert 0 < float(record["confidence"]) <= 1
        assert record["subject"].startswith(KG) and record["object"].startswith(KG)
    assert exported["csv"].read_bytes().count(b"\r\n") >= len(rows) + 1


def test_relations_csv_quotes_hostile_sentences(tmp_path: Path):
    store = ox.Store()
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    st, s, o = (
        ox.NamedNode(KG + "statement/1"),
        ox.NamedNode(KG + "country/a"),
        ox.NamedNode(KG + "country/b"),
    )
    sentence, article = ox.NamedNode(KG + "sentence/1"), ox.NamedNode(KG + "article/1")
    text = 'A said, "B, well\nB" \\ met;\tthem'
    store.extend(ox.Quad(*t) for t in [
        (st, ox.NamedNode(rdf + "type"), ox.NamedNode(rdf + "Statement")),
        (st, ox.NamedNode(rdf + "subject"), s),
        (st, ox.NamedNode(rdf + "predicate"), ox.NamedNode(KGO + "meetsWith")),
        (st, ox.NamedNode(rdf + "object"), o),
        (st, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), sentence),
        (sentence, ox.NamedNode("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf"),
         ox.Literal(text)),
        (sentence, ox.NamedNode("http://purl.org/dc/terms/isPartOf"), article),
        (article, ox.NamedNode("http://purl.org/dc/terms/source"), ox.Literal("a, \"b\".txt")),
        (s, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
         ox.Literal("A, Inc.", language="en")),
    ])
    header, row = read_csv(export(store, "csv", tmp_path / "r.csv"))
    assert dict(zip(header, row, strict=True)) == {
        "subject": KG + "country/a", "subject_label": "A, Inc.", "relation": "meetsWith",
        "object": KG + "country/b", "object_label": "", "confidence": "", "article": 'a, "b".txt',
        "sentence": text,
    }


# ----------------------------------------------------------------------------- CLI


@pytest.mark.parametrize("fmt", ["nq", "jsonld", "graphml", "csv"])
def test_export_cli_writes_the_file(exported, tmp_path: Path, fmt: str, capsys):
    out = tmp_path / f"g{suffix(fmt)}"
    assert kg_main(["export", str(exported["trig"]), "--format", fmt, "-o", str(out)]) == 0
    assert out.read_bytes() == exported[resolve_format(fmt)].read_bytes()
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "missing.ttl", "--format", "nt", "-o", "x.nt"], "missing.ttl does not exist"),
        (["export", "GRAPH", "--format", "turtl", "-o", "x"], "No exporter 'turtl'. Available:"),
    ],
)
def test_export_cli_errors_are_one_line(
    exported, tmp_path: Path, capsys, args: list[str], message: str
):
    args = [
        str(exported["trig"]) if a == "GRAPH" else str(tmp_path / a) if a.startswith("x") else a
        for a in args
    ]
    assert kg_main(args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
