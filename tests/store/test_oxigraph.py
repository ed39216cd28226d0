"""kg.store.oxigraph: the one rdflib -> Oxigraph term converter, and stores from any graph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD

from kg.errors import ExportError
from kg.store.oxigraph import oxigraph_store, to_oxigraph, union_store

EX = "http://example.org/"


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (URIRef(EX + "a"), ox.NamedNode(EX + "a")),
        (BNode("b1"), ox.BlankNode("b1")),
        (Literal("Syria", lang="en"), ox.Literal("Syria", language="en")),
        (Literal("0.80", datatype=XSD.decimal),
         ox.Literal("0.80", datatype=ox.NamedNode(str(XSD.decimal)))),
        (Literal("plain"), ox.Literal("plain")),
    ],
)
def test_oxigraph_to_oxigraph(term: object, expected: object) -> None:
    assert to_oxigraph(term) == expected  # type: ignore[arg-type]


def test_oxigraph_to_oxigraph_refuses_a_variable() -> None:
    with pytest.raises(ExportError) as caught:
        to_oxigraph(Variable("x"))
    assert caught.value.code == "E047"


def test_oxigraph_store_refuses_other_objects() -> None:
    with pytest.raises(ExportError) as caught:
        oxigraph_store(["not", "a", "graph"])
    assert caught.value.code == "E048"


def test_oxigraph_union_store_is_the_set_of_every_graph() -> None:
    dataset = Dataset()
    triple = (URIRef(EX + "s"), URIRef(EX + "p"), Literal("o"))
    for name in ("g1", "g2"):
        dataset.graph(URIRef(EX + name)).add(triple)
    plain = Graph()
    plain.add(triple)
    union = union_store(dataset)
    assert len(union) == 1 and not list(union.named_graphs())
    assert len(union_store(dataset, keep_named_graphs=True)) == 3
    assert len(union_store(plain)) == 1
