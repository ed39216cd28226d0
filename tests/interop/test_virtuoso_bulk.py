"""Virtuoso bulk-loads kg's N-Quads with scripts/virtuoso-bulk-load.sh and answers as kg query does.

The seeds' dataset (one named graph per article, ``kg:graph/entities``,
``kg:graph/ontology``) goes through ``kg export --format nquads`` and then
through the script, as a user types it, into a private Virtuoso server on
loopback (:mod:`tests.interop.virtuoso`; its ``DirsAllowed`` holds the data
folder). Counts come back over SPARQL and must equal the N-Quads file's, graph
by graph; every named query must give the same rows in Virtuoso, over the
union graph the script fills, as ``kg query NAME --format json``: the same
variables and the same bag of rows, each cell compared as kind (IRI, literal),
lexical value, datatype (``xsd:string`` = none) and language tag.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main as kg_main
from kg.sparql import list_queries, read_query
from tests.conftest import ROOT
from tests.interop.conftest import INSTALL, require
from tests.interop.virtuoso import Virtuoso, VirtuosoError, free_port

pytestmark = pytest.mark.virtuoso

SCRIPT = ROOT / "scripts" / "virtuoso-bulk-load.sh"
UNION = "urn:kg:union"
KG_GRAPHS = "https://w3id.org/newskg/id/graph/"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: Named queries whose answer on the seeds may be empty (nobody is killed in them).
MAY_BE_EMPTY = {"who-killed-whom"}
#: Named queries whose ORDER BY keys make the order total (in the others rows may tie).
TOTAL_ORDER = {"entities", "event-reports", "events-by-type", "events-timeline",
               "where-actors-are"}

Cell = tuple[str, str, str | None, str | None] | None


def run_script(port: int, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the bulk-load script against the server on 127.0.0.1:``port``."""
    return subprocess.run(
        ["bash", str(SCRIPT), "--isql", f"127.0.0.1:{port}", *args],
        capture_output=True, text=True, timeout=300, check=False,
    )


@pytest.fixture(scope="module")
def nquads(interop_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """graph.nq of the seeds, written by ``kg export`` from the build's TriG."""
    target = tmp_path_factory.mktemp("bulk-data") / "graph.nq"
    status = kg_main(["export", str(interop_build / "graph.trig"), "--format", "nquads",
                      "-o", str(target), "-q"])
    assert status == 0
    return target


@pytest.fixture(scope="module")
def bulk(nquads: Path) -> Iterator[tuple[Virtuoso, str]]:
    """A private Virtuoso server holding ``nquads``, loaded by the script; and its summary line."""
    require("virtuoso-t", "virtuoso-opensource")
    require("isql-vt", "virtuoso-opensource")
    try:
        server = Virtuoso(nquads.parent)
        server.start()
    except VirtuosoError as error:
        pytest.fail(f"Virtuoso did not start: {error}. If it is not installed: run `{INSTALL}`",
                    pytrace=False)
    try:
        result = run_script(server.sql_port, "--replace", str(nquads))
        assert result.returncode == 0, result.stderr
        yield server, result.stdout.strip()
    finally:
        server.stop()


def quads_of(path: Path) -> list[ox.Quad]:
    """The distinct quads of an N-Quads file."""
    return list(ox.Dataset(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)))


def cell(term: dict[str, str] | None) -> Cell:
    """A SPARQL JSON term as (kind, value, datatype, language); typed-literal = literal."""
    if term is None:
        return None
    kind = "literal" if term["type"] == "typed-literal" else term["type"]
    datatype = term.get("datatype")
    return kind, term["value"], None if datatype == XSD_STRING else datatype, term.get("xml:lang")


def table(document: dict) -> tuple[list[str], list[tuple[Cell, ...]]]:
    """Variables and rows of a SPARQL JSON results document."""
    names = document["head"]["vars"]
    return names, [tuple(cell(b.get(n)) for n in names) for b in document["results"]["bindings"]]


def kg_query(graph: Path, name: str, capsys: pytest.CaptureFixture[str]) -> dict:
    """The JSON document ``kg query GRAPH NAME --format json`` prints."""
    capsys.readouterr()
    assert kg_main(["query", str(graph), name, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_every_quad_loaded_graph_by_graph(nquads: Path, bulk: tuple[Virtuoso, str]):
    server, summary = bulk
    quads = quads_of(nquads)
    lines = {line for line in nquads.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert len(quads) == len(lines)
    assert server.quad_count(KG_GRAPHS) == len(lines)
    _, rows = server.rows(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER (STRSTARTS(STR(?g), "{KG_GRAPHS}")) }} GROUP BY ?g'
    )
    assert {g: int(n) for g, n in rows} == Counter(q.graph_name.value for q in quads)
    # The union graph holds each distinct triple once, however many article graphs state it.
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    assert len(triples) < len(quads)
    assert server.triple_count(UNION) == len(triples)
    graphs = len({q.graph_name for q in quads})
    assert f": {len(quads)} quads in {graphs} graphs, {len(triples)} distinct triples in " \
           f"<{UNION}>;" in summary


@pytest.mark.parametrize("name", [name for name, _, _ in list_queries()])
def test_named_query_same_rows_as_kg_query(
    nquads: Path, bulk: tuple[Virtuoso, str], capsys: pytest.CaptureFixture[str], name: str
):
    server, _ = bulk
    names, ours = table(kg_query(nquads, name, capsys))
    their_names, theirs = table(server.select(read_query(name), default_graph=UNION))
    assert their_names == names
    assert name in MAY_BE_EMPTY or ours
    assert Counter(theirs) == Counter(ours)


@pytest.mark.parametrize("name", sorted(TOTAL_ORDER))
def test_named_query_same_order_as_kg_query(
    nquads: Path, bulk: tuple[Virtuoso, str], capsys: pytest.CaptureFixture[str], name: str
):
    """Where the ORDER BY is total, Virtuoso gives kg query's order too.

    The queries sort labels by ``STR(?label)`` and the timeline by
    ``STR(LCASE(?label))``: Virtuoso 7.2 sorts language-tagged literals and
    ``LCASE(STR(?label))`` wrongly (docs/virtuoso.md).
    """
    server, _ = bulk
    _, ours = table(kg_query(nquads, name, capsys))
    _, theirs = table(server.select(read_query(name), default_graph=UNION))
    assert theirs == ours


def test_virtuoso_default_graph_is_a_bag(nquads: Path, bulk: tuple[Virtuoso, str],
                                         capsys: pytest.CaptureFixture[str]):
    """Why the script fills a union graph: without, a fact stated by n articles comes n times."""
    server, _ = bulk
    # A small query: over the bag of every graph (the union graph too) evidence-for-fact's
    # joins run into the millions of rows.
    _, ours = table(kg_query(nquads, "who-hosted-what", capsys))
    _, theirs = table(server.select(read_query("who-hosted-what")))
    assert set(theirs) == set(ours)
    assert len(theirs) > len(ours)


def test_reload_with_replace_gives_the_same_graph(nquads: Path, bulk: tuple[Virtuoso, str]):
    server, summary = bulk
    result = run_script(server.sql_port, "--replace", str(nquads))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(";")[0] == summary.split(";")[0]


def test_failed_file_is_one_line_and_status_1(nquads: Path, bulk: tuple[Virtuoso, str]):
    server, _ = bulk
    bad = nquads.parent / "bad.nq"
    bad.write_text('<urn:kg:test:s> <urn:kg:test:p> "unterminated <urn:kg:test:bad> .\n',
                   encoding="utf-8")
    try:
        result = run_script(server.sql_port, str(bad))
    finally:
        bad.unlink()
    assert result.returncode == 1
    message = result.stderr.strip()
    assert "\n" not in message
    assert message.startswith(f"virtuoso-bulk-load: Virtuoso's loader failed on {bad}: ")
    assert "SP029" in message  # Virtuoso's syntax error code


def test_unreachable_server_and_missing_file_are_status_2(nquads: Path, tmp_path: Path):
    require("isql-vt", "virtuoso-opensource")
    result = run_script(free_port(), str(nquads))
    assert result.returncode == 2
    assert result.stderr.startswith("virtuoso-bulk-load: cannot connect to Virtuoso at 127.0.0.1:")
    result = run_script(free_port(), str(tmp_path / "missing.nq"))
    assert (result.returncode, result.stderr.strip()) == (
        2, f"virtuoso-bulk-load: no such file: {tmp_path / 'missing.nq'}")


def test_folder_outside_dirs_allowed_is_status_2(nquads: Path, bulk: tuple[Virtuoso, str]):
    """Virtuoso reads only folders of its DirsAllowed: the script says so before loading."""
    server, _ = bulk
    # /var/tmp (FHS) is outside the private server's DirsAllowed (it lets /tmp folders through).
    with tempfile.TemporaryDirectory(dir="/var/tmp", prefix="kg-bulk-") as folder:
        copy = Path(folder) / "graph.nq"
        shutil.copyfile(nquads, copy)
        result = run_script(server.sql_port, str(copy))
    assert result.returncode == 2
    message = result.stderr.strip()
    assert "\n" not in message
    assert message.startswith(f"virtuoso-bulk-load: {Path(folder).resolve()}: Virtuoso may not "
                              "read that folder: add it to DirsAllowed")
    assert "FA003" in message
