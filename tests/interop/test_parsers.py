"""The seeds' Turtle and TriG read the same in rdflib, pyoxigraph and Raptor's rapper.

Counts must agree, and more: rapper's re-serialization, read back, is the same
graph (compared after RDFC-1.0 blank-node canonicalization), so no IRI or
literal was read differently.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.export.canonical import canonical_graphs

_RAPPER_COUNT = re.compile(r"Parsing returned (\d+) (?:triples|statements)")


def run_rapper(
    rapper: str, syntax: str, path: Path, *args: str
) -> subprocess.CompletedProcess[bytes]:
    """Run rapper strictly; fail on any error or warning it prints."""
    done = subprocess.run([rapper, "-i", syntax, *args, str(path)],
                          capture_output=True, timeout=300, check=False)
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, f"rapper -i {syntax} failed on {path}: {stderr}"
    assert "Error" not in stderr and "Warning" not in stderr, (
        f"rapper -i {syntax} complained about {path}: {stderr}"
    )
    return done


def rapper_count(rapper: str, syntax: str, path: Path) -> int:
    stderr = run_rapper(rapper, syntax, path, "-c").stderr.decode()
    match = _RAPPER_COUNT.search(stderr)
    assert match, f"no count in rapper's output: {stderr}"
    return int(match.group(1))


def oxigraph_store(path: Path, fmt: ox.RdfFormat) -> ox.Store:
    store = ox.Store()
    store.load(path=str(path), format=fmt)
    return store


def test_parsers_turtle_triple_counts_agree(interop_build: Path, rapper: str):
    path = interop_build / "graph.ttl"
    n_rdflib = len(rdflib.Graph().parse(path, format="turtle"))
    n_oxigraph = len(oxigraph_store(path, ox.RdfFormat.TURTLE))
    n_rapper = rapper_count(rapper, "turtle", path)
    assert n_rdflib == n_oxigraph == n_rapper, (
        f"rdflib {n_rdflib}, pyoxigraph {n_oxigraph}, rapper {n_rapper}"
    )
    assert n_oxigraph > 2000


def test_parsers_trig_quad_counts_agree(interop_build: Path, rapper: str):
    path = interop_build / "graph.trig"
    dataset = rdflib.Dataset()
    dataset.parse(path, format="trig")
    n_rdflib = sum(1 for _ in dataset.quads((None, None, None, None)))
    store = oxigraph_store(path, ox.RdfFormat.TRIG)
    n_rapper = rapper_count(rapper, "trig", path)
    assert n_rdflib == len(store) == n_rapper, (
        f"rdflib {n_rdflib}, pyoxigraph {len(store)}, rapper {n_rapper}"
    )


def test_parsers_trig_graphs_agree(interop_build: Path, rapper: str):
    """Per named graph: one per article, the entities', the ontology's; the same sizes \
everywhere."""
    path = interop_build / "graph.trig"
    store = oxigraph_store(path, ox.RdfFormat.TRIG)
    by_oxigraph = Counter(str(q.graph_name) for q in store)
    dataset = rdflib.Dataset()
    dataset.parse(path, format="trig")
    by_rdflib = Counter(
        f"<{g}>" for _, _, _, g in dataset.quads((None, None, None, None)) if g is not None
    )
    rapper_nq = run_rapper(rapper, "trig", path, "-o", "nquads").stdout
    by_rapper = Counter(str(q.graph_name) for q in ox.parse(rapper_nq, format=ox.RdfFormat.N_QUADS))
    assert by_oxigraph == by_rdflib == by_rapper
    names = set(by_oxigraph)
    assert "<https://w3id.org/newskg/id/graph/ontology>" in names
    assert "<https://w3id.org/newskg/id/graph/entities>" in names
    articles = {n for n in names if not n.endswith(("/ontology>", "/entities>"))}
    assert len(articles) == 5, names
    assert "<>" not in names and "DEFAULT" not in names


@pytest.mark.parametrize(
    ("file", "syntax", "ox_format", "out_syntax", "out_format"),
    [
        ("graph.ttl", "turtle", ox.RdfFormat.TURTLE, "ntriples", ox.RdfFormat.N_TRIPLES),
        ("graph.trig", "trig", ox.RdfFormat.TRIG, "nquads", ox.RdfFormat.N_QUADS),
    ],
)
def test_parsers_rapper_reads_the_same_graph(
    interop_build: Path, rapper: str, file: str, syntax: str,
    ox_format: ox.RdfFormat, out_syntax: str, out_format: ox.RdfFormat,
):
    path = interop_build / file
    expected = canonical_graphs(oxigraph_store(path, ox_format))
    rapper_out = run_rapper(rapper, syntax, path, "-o", out_syntax).stdout
    store = ox.Store()
    store.load(rapper_out, format=out_format)
    assert canonical_graphs(store) == expected


HOSTILE_ARTICLE = """Kim "Jong" Un meets <Vladimir Putin> in Pyongyang

North Korean leader Kim Jong Un met Russian President Vladimir Putin in Pyongyang on Tuesday.
The "People's Army" of 조선 hosted talks with Владимир Путин and رجب طيب أردوغان in Zürich.
Officials of the <Foo & Bar> Organization met envoys from Côte d'Ivoire and São Tomé; \
"Al-Qa'ida \\ Front"
accused Turkey of attacking Syria.
"""
# What an IRI may not hold raw
# (RFC 3987: no spaces, quotes, angle brackets, braces, backslash, ...).
_BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]')


def test_parsers_hostile_article_gives_valid_iris_and_literals(tmp_path: Path, nlp, rapper: str):
    """Names with quotes, spaces, non-Latin scripts and <> become valid IRIs; texts stay exact \
literals."""
    from kg.pipeline import build

    source = tmp_path / 'in' / 'hostile "name" <x> 文章.txt'
    source.parent.mkdir()
    source.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    build([source.parent], out, formats=["turtle", "trig"], nlp=nlp)
    for file, syntax, fmt in (("graph.ttl", "turtle", ox.RdfFormat.TURTLE),
                              ("graph.trig", "trig", ox.RdfFormat.TRIG)):
        run_rapper(rapper, syntax, out / file, "-c")
        store = oxigraph_store(out / file, fmt)  # Oxigraph checks every IRI against RFC 3987
        iris = {t.value for q in store for t in (q.subject, q.predicate, q.object, q.graph_name)
                if isinstance(t, ox.NamedNode)}
        bad = sorted(iri for iri in iris if _BAD_IRI_CHARS.search(iri))
        assert not bad, f"IRIs with characters RFC 3987 forbids in {file}: {bad[:5]}"
        sources = {row["s"].value for row in store.query(
            "SELECT ?s WHERE { ?a <http://purl.org/dc/terms/source> ?s }",
            use_default_graph_as_union=True)}
        assert sources == {source.name}
        texts = [row["t"].value for row in store.query(
            "SELECT ?t WHERE { ?a <https://w3id.org/newskg/ontology#text> ?t }",
            use_default_graph_as_union=True)]
        assert texts and all(
            '"People\'s Army"' in t and "Владимир Путин" in t and "\\" in t for t in texts
        )
