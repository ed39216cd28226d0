"""A relation declared only in a fixture ontology, plus one lexicon row, reaches every stage.

``tests/data/toy_relation.ttl`` declares ``kgo:praises`` (agent -> agent) beside
``ontology/kg.ttl``; a copy of the packaged lexicon gets one verb row
(``praise -> praises``). No code names the relation: the extractor's argument
checks, the resolver, the Turtle, the SHACL relation-end shapes and the HTML
legend all read it from the schema. No spaCy model: the Docs are built by hand.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph

import kg.schema
from kg.export import get_exporter
from kg.export.html_data import build_data
from kg.extract.lexicon import Lexicon, LexiconError
from kg.extract.rules import extract
from kg.model import Article
from kg.resolve.resolver import Resolver
from kg.schema import Schema
from kg.shacl import validate
from kg.store.graph import GraphBuilder
from kg.store.ontology import ontology_path

from .extract.docs import parse

DATA = Path(__file__).parent / "data"
ROW = "praise\t\tpraises\tactor\t0.8\n"

PRAISED_TURKEY = """
0  Russia   Russia  PROPN  NNP  nsubj  1  B-GPE
1  praised  praise  VERB   VBD  ROOT   1  O
2  Turkey   Turkey  PROPN  NNP  dobj   1  B-GPE
3  .        .       PUNCT  .    punct  1  O
"""
PRAISED_TALKS = """
0  Russia   Russia  PROPN  NNP  nsubj  1  B-GPE
1  praised  praise  VERB   VBD  ROOT   1  O
2  the      the     DET    DT   det    3  O
3  talks    talk    NOUN   NNS  dobj   1  O
4  .        .       PUNCT  .    punct  1  O
"""


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> Schema:
    """kg.ttl plus the toy relations, as the schema every stage reads."""
    schema = Schema.load(ontology_path(), DATA / "toy_relation.ttl")
    monkeypatch.setattr(kg.schema.Schema, "default", classmethod(lambda cls: schema))
    return schema


def lexicon_folder(tmp_path: Path) -> Path:
    """A copy of the packaged lexicon with one more verb row."""
    folder = tmp_path / "data"
    shutil.copytree(Path(kg.extract.lexicon.__file__).parent / "data", folder)
    with (folder / "verbs.tsv").open("a", encoding="utf-8") as f:
        f.write(ROW)
    return folder


@pytest.fixture
def lexicon(tmp_path: Path, toy: Schema) -> Lexicon:
    """The packaged lexicon with the toy row, read with the toy schema."""
    return Lexicon.from_files(lexicon_folder(tmp_path), schema=toy)


def graph_of(table: str, lexicon: Lexicon) -> tuple[Graph, list[tuple[str, str, str]]]:
    """Extract, resolve and store one hand-built sentence; the dataset and its facts."""
    doc = parse(table)
    extraction = extract(doc, lexicon=lexicon)
    facts = [(r.subject.text, r.predicate, r.object.text) for r in extraction.relations]
    resolved = Resolver().resolve(Article("a1", "a1.txt", doc.text), extraction)
    builder = GraphBuilder()
    builder.add(resolved)
    return builder.build()[0], facts


def test_toy_relation_is_read_from_the_fixture_ontology(toy: Schema) -> None:
    spec = toy["praises"]
    assert spec.accepts_subject("Country") and spec.accepts_object("Person")
    assert not spec.accepts_object("Meeting")
    assert "praises" not in Schema.load(ontology_path())


def test_toy_relation_row_needs_the_schema(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="praises"):
        Lexicon.from_files(lexicon_folder(tmp_path), schema=Schema.load(ontology_path()))


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (PRAISED_TURKEY, [("Russia", "praises", "Turkey")]),
        (PRAISED_TALKS, []),  # the range is an agent: the extractor's check drops an event
    ],
)
def test_toy_relation_reaches_the_extractor_checks(
    table: str, expected: list[tuple[str, str, str]], lexicon: Lexicon
) -> None:
    _, facts = graph_of(table, lexicon)
    assert [f for f in facts if f[1] == "praises"] == expected


def test_toy_relation_reaches_turtle_shacl_and_html(
    tmp_path: Path, lexicon: Lexicon, toy: Schema
) -> None:
    dataset, _ = graph_of(PRAISED_TURKEY, lexicon)
    path = tmp_path / "graph.ttl"
    get_exporter("turtle")(dataset, path)
    turtle = path.read_text(encoding="utf-8")
    assert "kgo:praises" in turtle

    report = validate(path)
    assert report.conforms, report.text

    legend = [r["relation"] for r in build_data(dataset)["relations"]]
    assert "praises" in legend


def test_toy_relation_ends_are_validated(tmp_path: Path, lexicon: Lexicon, toy: Schema) -> None:
    """A praises triple to a meeting breaks the generated relation-end shape."""
    dataset, _ = graph_of(PRAISED_TURKEY, lexicon)
    path = tmp_path / "graph.ttl"
    get_exporter("turtle")(dataset, path)
    text = path.read_text(encoding="utf-8")
    bad = text.replace("kgo:praises country:turkey", "kgo:praises kgo:Meeting", 1)
    assert bad != text
    path.write_text(bad, encoding="utf-8")
    assert not validate(path).conforms
