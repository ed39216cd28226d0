"""Virtuoso Open Source loads the seeds' Turtle and TriG and answers the named queries as kg does.

A private server (see :mod:`tests.interop.virtuoso`) bulk-loads both files
with its own loader; counts come back over its SPARQL endpoint and must equal
pyoxigraph's, graph by graph. Two named queries run in Virtuoso and in
``kg query`` and must give the same rows (as sets of rows of strings).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.sparql import read_query, run_query
from kg.store.load import load_graph
from tests.interop.conftest import TURTLE_GRAPH
from tests.interop.virtuoso import Virtuoso

KG_GRAPHS = "https://w3id.org/newskg/id/graph/"


def test_virtuoso_turtle_triple_count(interop_build: Path, virtuoso: Virtuoso):
    store = ox.Store()
    store.load(path=str(interop_build / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    assert virtuoso.triple_count(TURTLE_GRAPH) == len(store)


def test_virtuoso_trig_graph_counts(interop_build: Path, virtuoso: Virtuoso):
    store = ox.Store()
    store.load(path=str(interop_build / "graph.trig"), format=ox.RdfFormat.TRIG)
    expected = Counter(q.graph_name.value for q in store)
    _, rows = virtuoso.rows(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER (STRSTARTS(STR(?g), "{KG_GRAPHS}")) }} GROUP BY ?g'
    )
    assert {g: int(n) for g, n in rows} == dict(expected)
    assert virtuoso.quad_count(KG_GRAPHS) == len(store)


def test_virtuoso_iris_survive(interop_build: Path, virtuoso: Virtuoso):
    """Every IRI of the Turtle comes back from Virtuoso unchanged (no escape or encoding slips)."""
    query = ("SELECT DISTINCT ?iri WHERE { { ?iri ?p ?o } UNION { ?s ?iri ?o } "
             "UNION { ?s ?p ?iri } FILTER isIRI(?iri) }")
    store = ox.Store()
    store.load(path=str(interop_build / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    expected = {row["iri"].value for row in store.query(query)}
    _, rows = virtuoso.rows(query, default_graph=TURTLE_GRAPH)
    assert {iri for (iri,) in rows} == expected


@pytest.mark.parametrize(
    "name", ["who-met-whom", "actors-by-relations", "events-timeline", "event-reports"])
def test_virtuoso_named_query_matches_kg_query(interop_build: Path, virtuoso: Virtuoso, name: str):
    sparql = read_query(name)
    ours = run_query(load_graph(interop_build / "graph.ttl"), sparql)
    names, theirs = virtuoso.rows(sparql, default_graph=TURTLE_GRAPH)
    assert tuple(names) == ours.vars
    assert len(ours.rows) > 0
    assert set(theirs) == set(ours.text_rows())
    assert len(theirs) == len(ours.rows)
