"""``kg serve``: a real SPARQL client (SPARQLWrapper) against a real server process.

The server is ``kg serve`` itself, started as a subprocess on 127.0.0.1 on a
free port (``--port 0``) over the seeds' graph. Every named query must give
the rows ``kg query`` gives; updates must be refused; the four result formats
must come back by content negotiation.
"""

from __future__ import annotations

import csv
import io
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import KGError
from kg.serve import DEFAULT_HOST, make_server
from kg.sparql import list_queries, read_query, run_query
from kg.store.load import load_graph
from tests.conftest import SEEDS
from tests.serving import kg_serve

try:
    from SPARQLWrapper import CSV, GET, JSON, POST, TSV, XML, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed
except ImportError:  # pragma: no cover - fail, never skip
    pytest.fail("SPARQLWrapper is not installed: run `bash scripts/install-interop.sh .venv`",
                pytrace=False)

NAMED_QUERIES = [name for name, _title, _description in list_queries()]
SIMPLE = "SELECT ?a ?label WHERE { ?a a kgo:Country ; rdfs:label ?label } ORDER BY ?a"
PROBE = "<urn:kg:test:s> <urn:kg:test:p> <urn:kg:test:o>"


@pytest.fixture(scope="module")
def graph_file(seeds_build) -> Path:
    _summary, out = seeds_build
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def endpoint(graph_file: Path) -> Iterator[str]:
    """URL of a ``kg serve`` subprocess over the seeds' graph on 127.0.0.1, any free port."""
    with kg_serve(graph_file) as (url, _process):
        yield url


@pytest.fixture(scope="module")
def kg_graph(graph_file: Path):
    return load_graph(graph_file)


@pytest.fixture(scope="module")
def trig_endpoint(tmp_path_factory: pytest.TempPathFactory, nlp) -> Iterator[str]:
    """An in-process server over the seeds' TriG (one named graph per article), any free port."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("serve-trig")
    build([SEEDS], out, formats=["trig"], nlp=nlp)
    server = make_server(load_graph(out / "graph.trig"), port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()


def client(
    url: str, query: str, *, fmt: str = JSON, method: str = GET, conneg_only: bool = False
) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(url)
    wrapper.setQuery(query)
    wrapper.setReturnFormat(fmt)
    wrapper.setMethod(method)
    wrapper.setOnlyConneg(conneg_only)
    return wrapper


def json_rows(document: dict) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    names = tuple(document["head"]["vars"])
    rows = [
        tuple(b[n]["value"] if n in b else "" for n in names)
        for b in document["results"]["bindings"]
    ]
    return names, rows


@pytest.mark.parametrize("name", NAMED_QUERIES)
def test_serve_named_query_rows_equal_kg_query(endpoint: str, kg_graph, name: str):
    sparql = read_query(name)
    expected = run_query(kg_graph, sparql)
    names, rows = json_rows(client(endpoint, sparql).queryAndConvert())
    assert names == expected.vars
    assert sorted(rows) == sorted(expected.text_rows())


@pytest.mark.parametrize("name", NAMED_QUERIES)
def test_serve_trig_answers_like_the_turtle(trig_endpoint: str, kg_graph, name: str):
    """Over the TriG the default graph is the merge of the article graphs: a fact stated in two
    articles counts once, so every named query answers exactly as over the Turtle."""
    sparql = read_query(name)
    names, rows = json_rows(client(trig_endpoint, sparql).queryAndConvert())
    expected = run_query(kg_graph, sparql)
    assert names == expected.vars
    assert sorted(rows) == sorted(expected.text_rows())


def test_serve_trig_keeps_named_graphs(trig_endpoint: str):
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    _, rows = json_rows(client(trig_endpoint, query).queryAndConvert())
    graphs = {g.rsplit("/", 1)[1] for g, _ in rows}
    assert {"entities", "ontology"} <= graphs and len(graphs) == 7
    assert all(int(n) > 0 for _, n in rows)


def test_serve_named_queries_cover_every_file():
    assert len(NAMED_QUERIES) >= 8
    assert {"who-met-whom", "actors-by-relations"} <= set(NAMED_QUERIES)


@pytest.mark.parametrize("method", [GET, POST])
def test_serve_get_and_post_agree(endpoint: str, kg_graph, method: str):
    _, rows = json_rows(client(endpoint, SIMPLE, method=method).queryAndConvert())
    assert rows == run_query(kg_graph, SIMPLE).text_rows()
    assert len(rows) > 5


@pytest.mark.parametrize("method", [GET, POST])
def test_serve_update_refused(endpoint: str, method: str):
    update = f"INSERT DATA {{ {PROBE} }}"
    wrapper = client(endpoint, update, method=method)
    if method == GET:
        # SPARQLWrapper sends updates by POST only; send the GET by hand.
        url = endpoint + "?" + urllib.parse.urlencode({"update": update})
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(url, timeout=30)
    else:
        assert wrapper.isSparqlUpdateRequest()
        with pytest.raises(urllib.error.HTTPError) as caught:
            wrapper.query()
    assert 400 <= caught.value.code < 500
    assert caught.value.code == 403
    ask = client(endpoint, f"ASK {{ {PROBE} }}").queryAndConvert()
    assert ask["boolean"] is False


def test_serve_update_body_refused(endpoint: str):
    request = urllib.request.Request(endpoint, data=f"INSERT DATA {{ {PROBE} }}".encode(),
                                     headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=30)
    assert caught.value.code == 403
    assert b"read-only" in caught.value.read()


def test_serve_update_as_query_is_bad_request(endpoint: str):
    """An update smuggled in the ``query`` field does not parse as a query: 400, nothing changes."""
    data = urllib.parse.urlencode({"query": f"INSERT DATA {{ {PROBE} }}"}).encode()
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(urllib.request.Request(endpoint, data=data), timeout=30)
    assert caught.value.code == 400
    assert client(endpoint, f"ASK {{ {PROBE} }}").queryAndConvert()["boolean"] is False


def test_serve_bad_query_is_query_bad_formed_for_sparqlwrapper(endpoint: str):
    with pytest.raises(QueryBadFormed):
        client(endpoint, "SELECT * WHERE { ?s ?p }").query()


@pytest.mark.parametrize(
    ("fmt", "media_type", "results_format"),
    [
        (JSON, "application/sparql-results+json", ox.QueryResultsFormat.JSON),
        (XML, "application/sparql-results+xml", ox.QueryResultsFormat.XML),
        (CSV, "text/csv", ox.QueryResultsFormat.CSV),
        (TSV, "text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ],
)
def test_serve_content_negotiation(endpoint: str, kg_graph, fmt: str, media_type: str,
                                   results_format: ox.QueryResultsFormat):
    """By Accept header alone (SPARQLWrapper's only-conneg mode): the right media type and the \
same rows."""
    result = client(endpoint, SIMPLE, fmt=fmt, conneg_only=True).query()
    assert result.info()["content-type"].split(";")[0] == media_type
    body = result.response.read()
    if results_format == ox.QueryResultsFormat.CSV:  # lossy, so Oxigraph does not parse it back
        header, *cells = csv.reader(io.StringIO(body.decode("utf-8"), newline=""))
        assert header == ["a", "label"]
        rows = [tuple(row) for row in cells]
    else:
        parsed = ox.parse_query_results(body, format=results_format)
        rows = [tuple(s[v].value for v in parsed.variables) for s in parsed]
    assert rows == run_query(kg_graph, SIMPLE).text_rows()


@pytest.mark.parametrize(
    ("param", "media_type"),
    [("json", "application/sparql-results+json"), ("xml", "application/sparql-results+xml"),
     ("csv", "text/csv"), ("tsv", "text/tab-separated-values"), ("text/csv", "text/csv")],
)
def test_serve_format_parameter_overrides_accept(endpoint: str, param: str, media_type: str):
    url = endpoint + "?" + urllib.parse.urlencode({"query": SIMPLE, "format": param})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Type"].split(";")[0] == media_type


def test_serve_csv_quotes_fields(endpoint: str, kg_graph):
    query = "SELECT ?s ?text WHERE { ?s nif:anchorOf ?text } ORDER BY ?s"
    request = urllib.request.Request(endpoint + "?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        rows = list(csv.reader(io.StringIO(response.read().decode("utf-8"), newline="")))
    assert rows[0] == ["s", "text"]
    assert rows[1:] == [list(r) for r in run_query(kg_graph, query).text_rows()]
    assert any("," in text for _, text in rows[1:])


@pytest.mark.parametrize(
    ("query", "status"),
    [("SELEKT * WHERE { ?s ?p ?o }", 400), ("", 400)],
)
def test_serve_bad_query_status(endpoint: str, query: str, status: int):
    url = endpoint + "?" + urllib.parse.urlencode({"query": query})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(url, timeout=30)
    assert caught.value.code == status


def test_serve_construct_is_turtle(endpoint: str):
    query = "CONSTRUCT { ?a a kgo:Country } WHERE { ?a a kgo:Country }"
    request = urllib.request.Request(endpoint + "?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "text/turtle"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Type"].startswith("text/turtle")
        triples = list(ox.parse(response.read(), format=ox.RdfFormat.TURTLE))
    assert len(triples) > 5


def test_serve_localhost_by_default(kg_graph):
    server = make_server(kg_graph, port=0)
    try:
        assert DEFAULT_HOST == "127.0.0.1"
        assert server.server_address[0] == "127.0.0.1"
        assert server.url.startswith("http://127.0.0.1:")
    finally:
        server.server_close()


def test_serve_port_in_use_is_one_line_error(kg_graph):
    first = make_server(kg_graph, port=0)
    try:
        with pytest.raises(KGError, match="--port"):
            make_server(kg_graph, port=first.server_address[1])
    finally:
        first.server_close()
