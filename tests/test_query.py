"""SPARQL helpers: loading graph files, named queries on tests/data/tiny.ttl, errors, formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import GraphFileError, QueryError
from kg.sparql import (
    OUTPUT_FORMATS,
    QueryResult,
    format_result,
    list_queries,
    read_query,
    run_query,
)
from kg.store.load import load_graph
from kg.store.ontology import queries_dir

TINY = Path(__file__).parent / "data" / "tiny.ttl"
KGO = "https://w3id.org/newskg/ontology#"
KG = "https://w3id.org/newskg/id/"
M = "000_tiny_moscow.txt"
R = "001_tiny_refugees.txt"
S1 = ("On Tuesday, Russian Defense Minister Sergei Shoigu hosted four-way talks with Turkey "
      "in Moscow.")

# Every named query: its columns and its rows on tiny.ttl, as text.
EXPECTED: dict[str, tuple[tuple[str, ...], list[tuple[str, ...]]]] = {
    "who-met-whom": (
        ("actor1", "actor2", "via", "date", "place", "articles", "meeting"),
        [
            ("Sergei Shoigu", "Turkey", "four-way talks", "2023-04-25", "Moscow", "1",
             KG + "event/492e1ff944e7f4c6-105"),
            ("Syria", "Turkey", "meetsWith", "", "", "2", ""),
        ],
    ),
    "events-timeline": (
        ("event", "type", "label", "date", "place", "participants", "articles"),
        [
            (KG + "event/492e1ff944e7f4c6-105", "Meeting", "four-way talks", "2023-04-25",
             "Moscow", "Sergei Shoigu | Turkey", "1"),
            (KG + "event/bc36b0602fa7b8f5-102", "RefugeeReturn", "return of refugees", "", "",
             "", "1"),
            (KG + "event/492e1ff944e7f4c6-203", "Withdrawal", "withdrawal", "", "", "", "1"),
        ],
    ),
    "event-reports": (
        ("event", "source", "published", "mentions"),
        [
            (KG + "event/492e1ff944e7f4c6-105", M, "2023-04-25", "four-way talks"),
            (KG + "event/492e1ff944e7f4c6-203", M, "2023-04-25", "withdrawal"),
            (KG + "event/bc36b0602fa7b8f5-102", R, "", "return of refugees"),
        ],
    ),
    "who-hosted-what": (
        ("host", "meeting", "place", "date", "source"),
        [("Sergei Shoigu", "four-way talks", "Moscow", "2023-04-25", M)],
    ),
    "demands-by-actor": (
        ("actor", "demand", "type", "source", "confidence"),
        [("Turkey", "withdrawal", "Withdrawal", M, "0.8")],
    ),
    "evidence-for-fact": (
        (
            "subject",
            "relation",
            "object",
            "confidence",
            "source",
            "begin",
            "end",
            "sentence",
            "statement",
        ),
        [
            (
                "Sergei Shoigu",
                KGO + "hosts",
                "four-way talks",
                "0.85",
                M,
                "38",
                "133",
                S1,
                KG + "statement/b0f3f74395414ff9",
            ),
            (
                "Sergei Shoigu",
                KGO + "memberOf",
                "Russia",
                "0.9",
                M,
                "38",
                "133",
                S1,
                KG + "statement/6376af2e56ec93df",
            ),
            (
                "Turkey",
                KGO + "demands",
                "withdrawal",
                "0.8",
                M,
                "183",
                "244",
                "Ankara demanded the withdrawal of American forces from Syria.",
                KG + "statement/266bb7dc5e1b589e",
            ),
            (
                "Turkey",
                KGO + "meetsWith",
                "Syria",
                "0.8",
                M,
                "134",
                "182",
                "Turkish officials met their Syrian counterparts.",
                KG + "statement/081d90efddc5cb81",
            ),
            (
                "Turkey",
                KGO + "meetsWith",
                "Syria",
                "0.8",
                R,
                "29",
                "69",
                "Turkish and Syrian envoys met in Moscow.",
                KG + "statement/081d90efddc5cb81",
            ),
            (
                "Turkey",
                KGO + "participatesIn",
                "four-way talks",
                "0.7",
                M,
                "38",
                "133",
                S1,
                KG + "statement/2caf0ebb6df7b484",
            ),
            (
                "Turkey",
                KGO + "supports",
                "return of refugees",
                "0.75",
                R,
                "70",
                "121",
                "Syria said Türkiye supports the return of refugees.",
                KG + "statement/0eae942e886d1075",
            ),
            (
                "four-way talks",
                KGO + "heldIn",
                "Moscow",
                "0.9",
                M,
                "38",
                "133",
                S1,
                KG + "statement/765df66780c4a6cf",
            ),
        ],
    ),
    "actors-by-relations": (
        ("actor", "type", "relations"),
        [
            ("Turkey", "Country", "4"),
            ("Sergei Shoigu", "Person", "2"),
            ("Russia", "Country", "1"),
            ("Syria", "Country", "1"),
        ],
    ),
    "events-by-type": (
        ("type", "events", "articles", "example"),
        [
            ("Meeting", "1", "1", "four-way talks"),
            ("RefugeeReturn", "1", "1", "return of refugees"),
            ("Withdrawal", "1", "1", "withdrawal"),
        ],
    ),
    "entity-aliases": (
        ("entity", "type", "alias", "wikidata"),
        [
            ("Russia", "Country", "Russian", "http://www.wikidata.org/entity/Q159"),
            ("Syria", "Country", "Syrian", "http://www.wikidata.org/entity/Q858"),
            ("Turkey", "Country", "Ankara", "http://www.wikidata.org/entity/Q43"),
            ("Turkey", "Country", "Turkish", "http://www.wikidata.org/entity/Q43"),
            ("Turkey", "Country", "Türkiye", "http://www.wikidata.org/entity/Q43"),
            ("Moscow", "Location", "", "http://www.wikidata.org/entity/Q649"),
            ("Russian Defense Ministry", "Organization", "", ""),
            ("Sergei Shoigu", "Person", "", "http://www.wikidata.org/entity/Q315514"),
        ],
    ),
    "entities": (
        ("entity", "type", "label", "articles", "names"),
        [
            (KG + "country/syria", "Country", "Syria", "2", "Syrian"),
            (KG + "country/turkey", "Country", "Turkey", "2", "Ankara | Turkish | Türkiye"),
            (KG + "location/moscow", "Location", "Moscow", "2", ""),
            (KG + "country/russia", "Country", "Russia", "1", "Russian"),
            (KG + "organization/russian-defense-ministry", "Organization",
             "Russian Defense Ministry", "1", ""),
            (KG + "person/sergei-shoigu", "Person", "Sergei Shoigu", "1", ""),
        ],
    ),
    "who-supports-whom": (
        ("actor", "stance", "target", "targetType", "source", "reportedBy"),
        [("Turkey", "supports", "return of refugees", "RefugeeReturn", R, "Syria")],
    ),
    # The tiny graph states none of these; tests/test_query_places.py has a graph that does.
    "who-killed-whom": (("killer", "victim", "source", "sentence"), []),
    "where-actors-are": (("actor", "relation", "place", "articles"), []),
}


@pytest.fixture(scope="module")
def tiny() -> Dataset:
    return load_graph(TINY)


def load(store: str) -> Dataset:
    return load_graph(TINY, store=store)


# --- named queries -----------------------------------------------------------------


def test_query_every_named_query_has_expectations() -> None:
    assert {name for name, _, _ in list_queries()} == set(EXPECTED)


@pytest.mark.parametrize("store", ["Oxigraph", "default"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_named_query_rows_on_tiny(name: str, store: str) -> None:
    columns, rows = EXPECTED[name]
    result = run_query(load(store), read_query(name))
    assert result.kind == "SELECT"
    assert result.vars == columns
    assert result.text_rows() == rows
    assert len(result) == len(rows)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_named_query_runs_standalone(name: str) -> None:
    """Each .rq declares its own prefixes: it runs in any SPARQL engine without kg's."""
    graph = Graph().parse(TINY, format="turtle")
    result = graph.query((queries_dir() / f"{name}.rq").read_text(encoding="utf-8"), initNs={})
    assert len(list(result)) == len(EXPECTED[name][1])


def test_query_list_queries_titles_and_descriptions() -> None:
    found = list_queries()
    assert [name for name, _, _ in found] == sorted(EXPECTED)
    titles = {name: title for name, title, _ in found}
    assert titles["who-met-whom"] == "Who met whom"
    for name, title, description in found:
        assert title and description, name
        assert not title.startswith("#") and "\n" not in description


# --- read_query ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "given",
    ["who-met-whom", "who-met-whom.rq", "ontology/queries/who-met-whom.rq", "PATH", "PATHOBJ"],
)
def test_query_read_query_finds_named_query(given: str) -> None:
    path = queries_dir() / "who-met-whom.rq"
    argument: str | Path = {"PATH": str(path), "PATHOBJ": path}.get(given, given)
    text = read_query(argument)
    assert text == path.read_text(encoding="utf-8")
    assert text.startswith("# title: Who met whom")


def test_query_read_query_reads_a_file_outside_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert read_query(str(path)) == "ASK { ?s ?p ?o }"


@pytest.mark.parametrize("text", ["SELECT * WHERE { ?s ?p ?o }", "ASK{?s ?p ?o}"])
def test_query_read_query_passes_text_through(text: str) -> None:
    assert read_query(text) == text


@pytest.mark.parametrize("given", ["who-met-who", "nothing.rq", Path("no/such/file.rq")])
def test_query_read_query_unknown_name_lists_the_named_queries(given: str | Path) -> None:
    with pytest.raises(QueryError) as caught:
        read_query(given)
    message = str(caught.value)
    assert "\n" not in message
    assert "who-met-whom" in message and "evidence-for-fact" in message


# --- run_query ----------------------------------------------------------------------


@pytest.mark.parametrize("store", ["Oxigraph", "default"])
def test_query_prefixes_are_predeclared(store: str) -> None:
    result = run_query(load(store), "SELECT ?a ?b WHERE { ?a kgo:meetsWith ?b }")
    assert result.rows == ((URIRef(KG + "country/turkey"), URIRef(KG + "country/syria")),)


def test_query_prefix_lines_override_predeclared(tiny: Dataset) -> None:
    result = run_query(tiny, "PREFIX kgo: <urn:nothing#> SELECT ?a WHERE { ?a kgo:meetsWith ?b }")
    assert result.rows == ()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ASK { country:turkey kgo:meetsWith country:syria }", True),
        ("ASK { country:syria kgo:meetsWith country:turkey }", False),
    ],
)
def test_query_ask(tiny: Dataset, query: str, expected: bool) -> None:
    result = run_query(tiny, query)
    assert result.kind == "ASK"
    assert result.boolean is expected
    assert format_result(result, "table") == str(expected).lower()
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": expected}


def test_query_construct(tiny: Dataset) -> None:
    result = run_query(tiny, "CONSTRUCT { ?b kgo:meetsWith ?a } WHERE { ?a kgo:meetsWith ?b }")
    assert result.kind == "CONSTRUCT"
    assert result.vars == ("subject", "predicate", "object")
    triple = (
        URIRef(KG + "country/syria"),
        URIRef(KGO + "meetsWith"),
        URIRef(KG + "country/turkey"),
    )
    assert result.rows == (triple,)
    assert result.graph is not None and set(result.graph) == {triple}
    turtle = format_result(result, "turtle")
    assert "country:syria kgo:meetsWith country:turkey" in turtle
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), result.graph)


def test_query_describe(tiny: Dataset) -> None:
    result = run_query(tiny, "DESCRIBE country:turkey")
    assert result.graph is not None
    assert (
        URIRef(KG + "country/turkey"),
        URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
        Literal("Turkey", lang="en"),
    ) in result.graph


@pytest.mark.parametrize("store", ["Oxigraph", "default"])
@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("SELEC ?s WHERE { ?s ?p ?o }", "line 1, column 1"),
        ("SELECT ?s WHERE { ?s ?p }", "Bad SPARQL query"),
        ("SELECT ?s WHERE { ?s nope:p ?o }", "prefix"),
        ("INSERT DATA { country:x kgo:meetsWith country:y }", "Bad SPARQL query"),
    ],
)
def test_query_bad_sparql_raises_one_line(store: str, query: str, fragment: str) -> None:
    with pytest.raises(QueryError) as caught:
        run_query(load(store), query)
    message = str(caught.value)
    assert "\n" not in message
    assert fragment in message
    assert "Fix:" in message
    assert len(message) < 600


def test_query_oxigraph_message_drops_character_classes(tiny: Dataset) -> None:
    with pytest.raises(QueryError) as caught:
        run_query(tiny, "SELECT ?s WHERE { ?s nope:p ?o }")
    message = str(caught.value)
    assert message.startswith("Bad SPARQL query at line 1, column ")
    assert "undeclared prefix" in message
    assert "\\u{" not in message and "..=" not in message


def test_query_union_of_named_graphs_is_the_default_graph(tmp_path: Path) -> None:
    dataset = Dataset()
    one = dataset.graph(URIRef(KG + "graph/one"))
    two = dataset.graph(URIRef(KG + "graph/two"))
    for s, p, o in Graph().parse(TINY, format="turtle"):
        (one if "statement" in str(s) else two).add((s, p, o))
    path = tmp_path / "tiny.trig"
    dataset.serialize(path, format="trig")
    rows = run_query(load_graph(path), read_query("evidence-for-fact")).text_rows()
    assert rows == EXPECTED["evidence-for-fact"][1]
    # A dataset whose default graph is not the union is queried as the union too.
    assert dataset.default_union is False
    assert len(run_query(dataset, read_query("evidence-for-fact"))) == 8


# --- load_graph -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "rdflib_format"),
    [
        (".ttl", "turtle"),
        (".nt", "nt"),
        (".nq", "nquads"),
        (".trig", "trig"),
        (".jsonld", "json-ld"),
        (".rdf", "xml"),
        (".owl", "xml"),
    ],
)
def test_query_load_graph_formats_from_suffix(
    tmp_path: Path, suffix: str, rdflib_format: str
) -> None:
    path = tmp_path / f"tiny{suffix}"
    source = Dataset()
    source.graph(URIRef(KG + "graph/tiny")).parse(TINY, format="turtle")
    if rdflib_format in ("nquads", "trig"):
        source.serialize(path, format=rdflib_format)
    else:
        Graph().parse(TINY, format="turtle").serialize(path, format=rdflib_format)
    graph = load_graph(path)
    assert isinstance(graph, Dataset)
    assert len(graph) == 141
    assert run_query(graph, read_query("who-met-whom")).text_rows() == EXPECTED["who-met-whom"][1]


def test_query_load_graph_oxigraph_store_by_default(tiny: Dataset) -> None:
    assert type(tiny.store).__name__ == "OxigraphStore"
    assert tiny.default_union is True


def test_query_load_graph_default_store_keeps_literals_as_written() -> None:
    graph = load_graph(TINY, store="default")
    begin = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex")
    value = graph.value(URIRef(KG + "sentence/bc36b0602fa7b8f5-29-69"), begin)
    assert value is not None
    assert value.datatype == URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")


def test_query_load_graph_missing_file() -> None:
    with pytest.raises(GraphFileError) as caught:
        load_graph("no/such/graph.ttl")
    message = str(caught.value)
    assert message.startswith("Graph file no/such/graph.ttl does not exist.")
    assert "Fix:" in message and "\n" not in message


def test_query_load_graph_folder(tmp_path: Path) -> None:
    with pytest.raises(GraphFileError, match="is a folder"):
        load_graph(tmp_path)


def test_query_load_graph_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "graph.txt"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(GraphFileError, match=r"suffix '\.txt'.*\.ttl"):
        load_graph(path)


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("bad.ttl", b"@prefix ex: <http://ex.org/> .\nex:a ex:p .\n", "line 2"),
        ("words.ttl", b"this is not turtle at all\n", "as Turtle"),
        ("binary.ttl", bytes(range(256)), "as Turtle"),
        ("bad.jsonld", b'{"@id": ', "as JSON-LD"),
        ("bad.rdf", b"<rdf:RDF><oops", "as RDF/XML"),
        ("bad.nt", b"<http://a> <http://b> .\n", "as N-Triples"),
    ],
)
def test_query_load_graph_garbage_file(
    tmp_path: Path, name: str, content: bytes, fragment: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(GraphFileError) as caught:
        load_graph(path)
    message = str(caught.value)
    assert message.startswith(f"Cannot parse {path}")
    assert fragment in message
    assert "Fix:" in message and "\n" not in message


# --- format_result ----------------------------------------------------------------------


SMALL = (
    'SELECT ?entity ?label ?n WHERE { ?entity rdfs:label ?label . '
    'FILTER (?label IN ("Turkey"@en, "Moscow"@en)) OPTIONAL { ?entity owl:sameAs ?w } '
    'BIND (IF(BOUND(?w), 1, 22) AS ?n) } ORDER BY ?label'
)


def test_query_format_table(tiny: Dataset) -> None:
    result = run_query(tiny, SMALL)
    assert format_result(result, "table").splitlines() == [
        "entity           label   n",
        "---------------  ------  -",
        "location:moscow  Moscow  1",
        "country:turkey   Turkey  1",
    ]


def test_query_format_table_right_aligns_numbers_and_escapes_newlines() -> None:
    result = QueryResult(
        "SELECT",
        vars=("text", "count", "iri"),
        rows=(
            (Literal("two\nlines"), Literal(7), URIRef("urn:x:1")),
            (None, Literal(1234), URIRef(KGO + "hosts")),
        ),
    )
    assert format_result(result, "table").splitlines() == [
        "text        count  iri",
        "----------  -----  ---------",
        "two\\nlines      7  <urn:x:1>",
        "             1234  kgo:hosts",
    ]


def test_query_format_csv(tiny: Dataset) -> None:
    text = format_result(run_query(tiny, SMALL), "csv")
    assert text == (
        f"entity,label,n\r\n{KG}location/moscow,Moscow,1\r\n{KG}country/turkey,Turkey,1"
    )
    assert list(csv.reader(io.StringIO(text)))[1][1] == "Moscow"


def test_query_format_tsv(tiny: Dataset) -> None:
    assert format_result(run_query(tiny, SMALL), "tsv").splitlines() == [
        "?entity\t?label\t?n",
        f'<{KG}location/moscow>\t"Moscow"@en\t1',
        f'<{KG}country/turkey>\t"Turkey"@en\t1',
    ]


def test_query_format_tsv_escapes_and_types() -> None:
    result = QueryResult(
        "SELECT",
        vars=("a", "b", "c"),
        rows=(
            (
                Literal('say "hi"\tnow'),
                Literal("0.85", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")),
                Literal("2023-04-25", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")),
            ),
        ),
    )
    assert format_result(result, "tsv").splitlines()[1] == (
        '"say \\"hi\\"\\tnow"\t0.85\t"2023-04-25"^^<http://www.w3.org/2001/XMLSchema#date>'
    )


def test_query_format_json(tiny: Dataset) -> None:
    document = json.loads(format_result(run_query(tiny, SMALL), "json"))
    assert document["head"] == {"vars": ["entity", "label", "n"]}
    assert document["results"]["bindings"][0] == {
        "entity": {"type": "uri", "value": KG + "location/moscow"},
        "label": {"type": "literal", "value": "Moscow", "xml:lang": "en"},
        "n": {
            "type": "literal",
            "value": "1",
            "datatype": "http://www.w3.org/2001/XMLSchema#integer",
        },
    }


def test_query_format_json_leaves_out_unbound(tiny: Dataset) -> None:
    result = run_query(tiny, read_query("entity-aliases"))
    bindings = json.loads(format_result(result, "json"))["results"]["bindings"]
    ministry = next(b for b in bindings if b["entity"]["value"] == "Russian Defense Ministry")
    assert set(ministry) == {"entity", "type"}


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_format_every_named_query(tiny: Dataset, fmt: str) -> None:
    for name in EXPECTED:
        if not EXPECTED[name][1]:
            continue  # answers nothing on the tiny graph; tests/test_query_places.py has its rows
        text = format_result(run_query(tiny, read_query(name)), fmt)
        assert any(word in text for word in ("Turkey", "Sergei Shoigu", "Meeting",
                                             "four-way talks")), (name, fmt)


def test_query_format_unknown(tiny: Dataset) -> None:
    with pytest.raises(QueryError, match="No output format 'xml'.*csv, json, table, tsv, turtle"):
        format_result(run_query(tiny, SMALL), "xml")


def test_query_format_turtle_needs_a_graph(tiny: Dataset) -> None:
    with pytest.raises(QueryError, match="needs a CONSTRUCT or DESCRIBE"):
        format_result(run_query(tiny, SMALL), "turtle")


def test_query_output_formats() -> None:
    assert set(OUTPUT_FORMATS) >= {"table", "csv", "tsv", "json"}
