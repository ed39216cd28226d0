"""``kg.to_networkx``: the nodes, edges and attributes it makes of a hand-written graph.

tests/data/networkx.ttl holds seven statements that must become edges and four
that must not (unlabelled, untyped, without confidence, no statement node). No
spaCy model: the graph is written by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import rdflib

import kg
from kg.errors import KGError

DATA = Path(__file__).resolve().parent / "data"
GRAPH = DATA / "networkx.ttl"
ID = "https://w3id.org/newskg/id/"

NODES = {
    "country/a": ("A", "Country"),
    "country/b": ("B", "Country"),
    "person/p": ("P", "Person"),
    "organization/o": ("O", "Organization"),
    "location/l": ("L", "Location"),
    "event/m": ("talks", "Meeting"),
}
EDGES = {
    ("person/p", "country/a", "memberOf", 0.9),
    ("country/a", "country/b", "meetsWith", 0.8),
    ("country/a", "country/b", "supports", 0.6),
    ("country/a", "event/m", "hosts", 0.675),
    ("person/p", "event/m", "hosts", 0.75),
    ("event/m", "location/l", "heldIn", 0.9),
    ("organization/o", "country/a", "partOf", 0.85),
}
ACTORS = {"Country", "Person", "Organization", "Location"}

#: The forms of graph to_networkx accepts: a path as text, a Path, a loaded graph.
SOURCES: dict[str, Callable[[], Any]] = {
    "str": lambda: str(GRAPH),
    "path": lambda: GRAPH,
    "load_graph": lambda: kg.load_graph(GRAPH),
    "rdflib.Graph": lambda: rdflib.Graph().parse(GRAPH, format="turtle"),
}


def short(iri: str) -> str:
    assert iri.startswith(ID), iri
    return iri[len(ID):]


def edges(graph: nx.MultiDiGraph) -> set[tuple[str, str, str, float]]:
    """Edges as (subject, object, relation, confidence); checks that the key is the relation."""
    out = set()
    for s, o, key, data in graph.edges(keys=True, data=True):
        assert key == data["relation"]
        out.add((short(s), short(o), data["relation"], data["confidence"]))
    return out


@pytest.mark.parametrize("source", SOURCES, ids=str)
def test_graph_api_to_networkx_nodes_and_edges(source: str) -> None:
    graph = kg.to_networkx(SOURCES[source]())
    assert isinstance(graph, nx.MultiDiGraph)
    assert {short(n): (d["label"], d["type"]) for n, d in graph.nodes(data=True)} == NODES
    assert edges(graph) == EDGES


def test_graph_api_to_networkx_confidence_is_a_float() -> None:
    graph = kg.to_networkx(GRAPH)
    assert all(type(c) is float for _, _, c in graph.edges(data="confidence"))


def test_graph_api_to_networkx_parallel_relations_are_two_edges() -> None:
    graph = kg.to_networkx(GRAPH)
    a, b = ID + "country/a", ID + "country/b"
    assert graph.number_of_edges(a, b) == 2
    assert set(graph[a][b]) == {"meetsWith", "supports"}
    assert not graph.has_edge(b, a)  # direction is kept, even for the symmetric meetsWith


def test_graph_api_to_networkx_actors_only() -> None:
    """Only entity-to-entity relations; nodes come with their edges (L has none left)."""
    graph = kg.to_networkx(GRAPH, actors_only=True)
    expected = {e for e in EDGES if NODES[e[0]][1] in ACTORS and NODES[e[1]][1] in ACTORS}
    assert expected == {e for e in EDGES if e[2] in ("memberOf", "meetsWith", "supports", "partOf")}
    assert edges(graph) == expected
    assert {short(n) for n in graph} == {"country/a", "country/b", "person/p", "organization/o"}


@pytest.mark.parametrize(
    ("left_out", "why"),
    [
        ("country/unlabelled", "object without rdfs:label"),
        ("thing/t", "subject without a kgo: type"),
    ],
)
def test_graph_api_to_networkx_leaves_out_nodes(left_out: str, why: str) -> None:
    assert ID + left_out not in kg.to_networkx(GRAPH), why


@pytest.mark.parametrize(
    ("subject", "obj", "why"),
    [
        ("country/b", "country/a", "a statement without kgo:confidence"),
        ("country/b", "organization/o", "a plain triple without a statement node"),
    ],
)
def test_graph_api_to_networkx_leaves_out_edges(subject: str, obj: str, why: str) -> None:
    assert not kg.to_networkx(GRAPH).has_edge(ID + subject, ID + obj), why


def test_graph_api_to_networkx_empty_graph() -> None:
    graph = kg.to_networkx(rdflib.Graph())
    assert graph.number_of_nodes() == 0 and graph.number_of_edges() == 0


def test_graph_api_to_networkx_tiny_graph_counts() -> None:
    """tests/data/tiny.ttl (the ontology README's shape): its seven statements, eight nodes."""
    graph = kg.to_networkx(DATA / "tiny.ttl")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (8, 7)
    assert graph.nodes[ID + "person/sergei-shoigu"] == {"label": "Sergei Shoigu", "type": "Person"}


@pytest.mark.parametrize("path", ["missing.ttl", "data"], ids=["missing", "folder"])
def test_graph_api_to_networkx_bad_path_is_an_input_error(path: str) -> None:
    with pytest.raises(KGError) as raised:
        kg.to_networkx(Path(__file__).resolve().parent / path)
    assert raised.value.exit_code == 2
    assert "\n" not in str(raised.value)
