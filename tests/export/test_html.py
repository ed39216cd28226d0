"""Tests of kg.export.html without a browser: the file, its data, its safety."""

from __future__ import annotations

import functools
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, Graph, URIRef

from kg.errors import ExportError
from kg.export import export
from kg.export.html import build_data, render, script_json, write
from kg.export.layout import positions
from kg.model import ENTITY_TYPES, EVENT_TYPES, RELATIONS

DATA = Path(__file__).resolve().parents[1] / "data" / "html"
SMALL = DATA / "small.ttl"
HOSTILE = DATA / "hostile.ttl"
KGO = "https://w3id.org/newskg/ontology#"

NODE_TYPES = " ".join(f"<{KGO}{name}>" for name in ENTITY_TYPES + EVENT_TYPES)
NODES_QUERY = f"SELECT DISTINCT ?n WHERE {{ VALUES ?t {{ {NODE_TYPES} }} ?n a ?t }}"
EDGES_QUERY = f"""
SELECT DISTINCT ?s ?p ?o WHERE {{
  VALUES ?p {{ {" ".join(f"<{KGO}{name}>" for name in RELATIONS)} }}
  VALUES ?ts {{ {NODE_TYPES} }}
  VALUES ?to {{ {NODE_TYPES} }}
  ?s ?p ?o . ?s a ?ts . ?o a ?to .
}}"""

HOSTILE_RAW = [
    "<script>alert",
    "</script><script>",
    "<img",
    "<svg",
    "<iframe",
    "<b onmouseover",
    "<a href",
    "</title><script>",
    "\u2028",
    "\u2029",
]


# ----------------------------------------------------------------------------- helpers


def load(path: Path, kind: str) -> Graph:
    """Load a Turtle fixture as one of the graph kinds the exporter must accept.

    The dataset kinds spread the triples over three named graphs (round robin in
    sorted order), so an exporter that reads only the default graph sees nothing.
    """
    plain = Graph().parse(path, format="turtle")
    if kind == "graph":
        return plain
    if kind == "dataset":
        graph: Dataset = Dataset()
    elif kind == "dataset-union":
        graph = Dataset(default_union=True)
    elif kind == "oxigraph":
        graph = Dataset(store="Oxigraph")
    else:
        raise AssertionError(kind)
    for i, triple in enumerate(sorted(plain)):
        graph.graph(URIRef(f"https://w3id.org/newskg/id/graph/part{i % 3}")).add(triple)
    return graph


@functools.cache
def _small_data_json() -> str:
    return json.dumps(build_data(load(SMALL, "graph")))


def small_data() -> dict[str, Any]:
    """The small fixture's page data, built once (a fresh copy per call)."""
    return json.loads(_small_data_json())


def page_of(tmp_path: Path, source: Path, kind: str = "graph", **options: Any) -> str:
    out = tmp_path / f"{source.stem}-{kind}.html"
    write(load(source, kind), out, **options)
    return out.read_text(encoding="utf-8")


def data_of(page: str) -> dict[str, Any]:
    match = re.search(
        r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL
    )
    assert match, "no kg-data script in the page"
    return json.loads(match.group(1))


class Tags(HTMLParser):
    """Every start tag with its attributes, and the raw text of each script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(page)
    return parser.tags


def sparql_counts(path: Path) -> tuple[set[str], set[tuple[str, ...]]]:
    graph = Graph().parse(path, format="turtle")
    nodes = {str(row[0]) for row in graph.query(NODES_QUERY)}  # type: ignore[index]
    edges = {tuple(str(term) for term in row) for row in graph.query(EDGES_QUERY)}  # type: ignore[union-attr]
    return nodes, edges


# ----------------------------------------------------------------------------- the file


@pytest.mark.parametrize("source", [SMALL, HOSTILE])
def test_html_self_contained(tmp_path: Path, source: Path) -> None:
    page = page_of(tmp_path, source)
    tags = tags_of(page)
    names = [name for name, _ in tags]
    assert names.count("script") == 3
    assert "link" not in names and "iframe" not in names and "img" not in names
    for name, attrs in tags:
        assert "src" not in attrs, (name, attrs)
        assert not any(key.startswith("on") for key in attrs), (name, attrs)
        if name == "a":
            raise AssertionError(f"static link in the page: {attrs}")
    # The only address the page may name in a src/href is the Wikidata link it builds.
    targets = re.findall(
        r"""\b(?:src|href)\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]*)""", page, re.IGNORECASE
    )
    assert set(targets) <= {"https://www.wikidata.org/wiki/"}, targets
    assert not re.search(r"@import|@font-face|url\(\s*[\"']?(https?:)?//", page, re.IGNORECASE)
    csp = next(a["content"] for n, a in tags if n == "meta" and a.get("http-equiv"))
    assert csp is not None and csp.startswith("default-src 'none'")
    assert "'unsafe-eval'" not in csp and "script-src 'sha256-" in csp


def test_html_inlines_pyvis_vis_network(tmp_path: Path) -> None:
    import importlib.resources

    vis = importlib.resources.files("pyvis").joinpath("lib", "vis-9.1.2", "vis-network.min.js")
    page = page_of(tmp_path, SMALL)
    assert vis.read_text(encoding="utf-8")[-2000:] in page
    assert "@version 9.1.2" in page


def test_html_reads_vis_network_without_importing_pyvis(tmp_path: Path) -> None:
    # pyvis's own import pulls in IPython; the page only needs its two files.
    import subprocess
    import sys

    code = (
        "import sys; from rdflib import Graph; from kg.export import export; "
        f"export(Graph().parse({str(SMALL)!r}), 'html', {str(tmp_path / 'g.html')!r}); "
        "print('pyvis' in sys.modules, 'IPython' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
    assert "@version 9.1.2" in (tmp_path / "g.html").read_text(encoding="utf-8")


def test_html_without_pyvis_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "pyvis" else real(name, *a))
    with pytest.raises(ExportError, match=r"Cannot find vis-network .* pip install 'pyvis"):
        page_of(tmp_path, SMALL)


# ----------------------------------------------------------------------------- the data


@pytest.mark.parametrize("kind", ["graph", "dataset", "dataset-union", "oxigraph"])
@pytest.mark.parametrize("source", [SMALL, HOSTILE])
def test_html_data_matches_graph(tmp_path: Path, source: Path, kind: str) -> None:
    nodes, edges = sparql_counts(source)
    data = data_of(page_of(tmp_path, source, kind))
    assert {n["iri"] for n in data["nodes"]} == nodes
    assert len(data["nodes"]) == len(nodes)
    iri = {n["id"]: n["iri"] for n in data["nodes"]}
    got = {(iri[e["from"]], KGO + e["relation"], iri[e["to"]]) for e in data["edges"]}
    assert got == edges
    assert len(data["edges"]) == len(edges)


def test_html_small_counts() -> None:
    nodes, edges = sparql_counts(SMALL)
    assert (len(nodes), len(edges)) == (16, 17)


@pytest.mark.parametrize(
    ("subject", "relation", "obj", "sentences", "articles", "confidence"),
    [
        ("Russia", "hosts", "four-way talks", 1, 1, 0.85),
        ("Syria", "meetsWith", "Turkey", 2, 2, 0.7),
        ("Moscow", "locatedIn", "Russia", 0, 0, 1.0),
        ("four-way talks", "discusses", "normalizing ties", 2, 1, 0.75),
    ],
)
def test_html_edge_evidence(
    subject: str, relation: str, obj: str, sentences: int, articles: int, confidence: float
) -> None:
    data = small_data()
    label = {n["id"]: n["label"] for n in data["nodes"]}
    (edge,) = [
        e
        for e in data["edges"]
        if (label[e["from"]], e["relation"], label[e["to"]]) == (subject, relation, obj)
    ]
    assert len(edge["sentences"]) == sentences
    assert len({data["sentences"][s]["article"] for s in edge["sentences"]}) == articles
    assert edge["confidence"] == confidence
    for s in edge["sentences"]:
        assert data["sentences"][s]["text"]
        assert data["articles"][data["sentences"][s]["article"]]["title"]


def test_html_edge_reported_by_and_symmetry() -> None:
    data = small_data()
    label = {n["id"]: n["label"] for n in data["nodes"]}
    reported = [e for e in data["edges"] if e["reportedBy"]]
    assert [(label[e["from"]], [label[r] for r in e["reportedBy"]]) for e in reported] == [
        ("Iran", ["Russian Defense Ministry"])
    ]
    assert {e["relation"] for e in data["edges"] if e["symmetric"]} == {
        "meetsWith",
        "cooperatesWith",
    }


@pytest.mark.parametrize(
    ("label", "type_", "kind", "aliases", "wikidata", "degree"),
    [
        ("Turkey", "Country", "entity", ["Ankara", "Turkish", "Türkiye"], "Q43", 5),
        ("Sergei Shoigu", "Person", "entity", ["Shoigu"], None, 1),
        ("four-way talks", "Meeting", "event", [], None, 8),
        ("Jordan", "Country", "entity", [], "Q810", 0),
    ],
)
def test_html_node_fields(
    label: str, type_: str, kind: str, aliases: list[str], wikidata: str | None, degree: int
) -> None:
    data = small_data()
    (node,) = [n for n in data["nodes"] if n["label"] == label]
    assert (node["type"], node["kind"], node["aliases"], node["wikidata"], node["degree"]) == (
        type_,
        kind,
        aliases,
        wikidata,
        degree,
    )


def test_html_event_fields() -> None:
    data = small_data()
    by_label = {n["label"]: n for n in data["nodes"]}
    talks = by_label["four-way talks"]
    assert talks["date"] == "2023-04-25"
    assert talks["heldIn"] == by_label["Moscow"]["id"]
    assert [data["sentences"][s]["text"][:35] for s in talks["evidence"]] == [
        "On Tuesday, Russian Defense Ministe"
    ]


def test_html_legend_lists_types_present() -> None:
    data = small_data()
    assert [(t["type"], t["count"]) for t in data["types"]] == [
        ("Country", 6),
        ("Person", 2),
        ("Organization", 2),
        ("Location", 2),
        ("Agreement", 1),
        ("Meeting", 1),
        ("Normalization", 1),
        ("RefugeeReturn", 1),
    ]
    assert len({(t["color"], t["shape"]) for t in data["types"]}) == len(data["types"])


# ----------------------------------------------------------------------------- safety


def test_html_hostile_strings_escaped(tmp_path: Path) -> None:
    page = page_of(tmp_path, HOSTILE, title="</title><script>alert(9)</script>\u2028")
    for raw in HOSTILE_RAW:
        assert raw not in page, f"unescaped {raw!r} in the page"
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(9)&lt;/script&gt;" in page
    names = [name for name, _ in tags_of(page)]
    assert names.count("script") == 3 and names.count("title") == 1


def test_html_hostile_strings_round_trip(tmp_path: Path) -> None:
    graph = Graph().parse(HOSTILE, format="turtle")
    labels = {
        str(o) for o in graph.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))
    }
    data = data_of(page_of(tmp_path, HOSTILE))
    assert {n["label"] for n in data["nodes"]} == labels
    aliases = {a for n in data["nodes"] for a in n["aliases"]}
    assert {"line\u2028sep\u2029para", 'O\'Brien "the" \\ backslash', "${alert(4)}"} <= aliases
    texts = {s["text"] for s in data["sentences"]}
    assert any("\\u003c \\\\" in t for t in texts)


def test_html_hostile_same_as_is_not_a_link() -> None:
    data = build_data(load(HOSTILE, "graph"))
    wikidata = {n["label"]: n["wikidata"] for n in data["nodes"]}
    assert wikidata["<script>alert(1)</script>"] is None  # owl:sameAs <javascript:alert(7)>
    assert wikidata["</script><script>alert(2)</script>"] == "Q1"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("</script>", '"\\u003c/script\\u003e"'),
        ("<!--", '"\\u003c!--"'),
        ("a & b", '"a \\u0026 b"'),
        ("\u2028\u2029", '"\\u2028\\u2029"'),
        ('"\\', '"\\"\\\\"'),
        ("Türkiye", '"Türkiye"'),
    ],
)
def test_html_script_json_escapes(value: str, expected: str) -> None:
    assert script_json(value) == expected
    assert json.loads(script_json(value)) == value


# ----------------------------------------------------------------------------- determinism


def test_html_same_bytes_every_time_and_store(tmp_path: Path) -> None:
    pages = {
        kind: page_of(tmp_path, SMALL, kind)
        for kind in ("graph", "dataset", "dataset-union", "oxigraph")
    }
    again = page_of(tmp_path / ".." / tmp_path.name, SMALL, "graph")
    assert len(set(pages.values())) == 1
    assert pages["graph"] == again


def test_html_positions_distinct_and_deterministic() -> None:
    data = small_data()
    points = [(n["x"], n["y"]) for n in data["nodes"]]
    assert all(isinstance(c, int) for p in points for c in p)
    assert len(set(points)) == len(points)
    nodes = [n["iri"] for n in data["nodes"]]
    pairs = [(nodes[e["from"]], nodes[e["to"]]) for e in data["edges"]]
    assert positions(nodes, pairs) == positions(list(reversed(nodes)), list(reversed(pairs)))


@pytest.mark.parametrize("count", [0, 1, 2, 7, 600])
def test_html_layout_sizes(count: int) -> None:
    nodes = [f"n{i:04d}" for i in range(count)]
    edges = [(nodes[i], nodes[(i * 7 + 1) % count]) for i in range(count)] if count else []
    placed = positions(nodes, edges)
    assert set(placed) == set(nodes)
    assert len(set(placed.values())) == count


def _scale_free(count: int) -> tuple[list[str], list[tuple[str, str]]]:
    """A seeded tree with hubs, like a news graph (a regular ring hides rounding differences)."""
    import networkx as nx

    graph = nx.barabasi_albert_graph(count, 1, seed=3)
    return [f"n{i:04d}" for i in graph], [(f"n{a:04d}", f"n{b:04d}") for a, b in graph.edges()]


def test_html_spring_layout_same_for_any_block_size(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.export import layout

    nodes, edges = _scale_free(400)  # over KAMADA_KAWAI_MAX: the spring layout
    first = positions(nodes, edges)
    monkeypatch.setattr(layout, "_BLOCK_CELLS", 3_000)  # blocks of 7 rows instead of all 400
    assert positions(nodes, edges) == first


def test_html_spring_layout_same_for_any_number_of_blas_threads() -> None:
    # A BLAS product splits its sums by thread: the layout must not depend on the machine's cores.
    import os
    import subprocess
    import sys

    code = (
        "import json; from tests.export.test_html import _scale_free; "
        "from kg.export.layout import positions; "
        "print(json.dumps(sorted(positions(*_scale_free(1500)).items())))"
    )
    root = Path(__file__).resolve().parents[2]
    out = []
    for threads in ("1", "2"):
        env = dict(os.environ, OPENBLAS_NUM_THREADS=threads, OMP_NUM_THREADS=threads)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True, cwd=root, env=env)
        out.append(json.loads(done.stdout))
    assert len(out[0]) == 1500
    assert out[0] == out[1]


# ----------------------------------------------------------------------------- big graphs


@pytest.mark.parametrize(
    ("max_nodes", "limited"), [(1500, False), (16, False), (15, True), (3, True)]
)
def test_html_top_nodes(tmp_path: Path, max_nodes: int, limited: bool) -> None:
    data = data_of(page_of(tmp_path, SMALL, max_nodes=max_nodes))
    assert data["maxNodes"] == max_nodes
    if not limited:
        assert data["top"] is None
        return
    assert len(data["top"]) == max_nodes
    degree = {n["id"]: n["degree"] for n in data["nodes"]}
    shown = min(degree[i] for i in data["top"])
    assert all(degree[i] <= shown for i in degree if i not in data["top"])


@pytest.mark.parametrize("bad", [0, -1, "10", 2.5, True])
def test_html_rejects_bad_max_nodes(tmp_path: Path, bad: Any) -> None:
    with pytest.raises(ExportError, match="max_nodes must be a positive integer"):
        write(load(SMALL, "graph"), tmp_path / "g.html", max_nodes=bad)


# ----------------------------------------------------------------------------- edges of use


def test_html_empty_graph(tmp_path: Path) -> None:
    data = data_of(render(build_data(Graph())))
    assert (data["nodes"], data["edges"], data["articles"]) == ([], [], [])


def test_html_unwritable_path(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Cannot write the HTML graph to .*missing"):
        write(load(SMALL, "graph"), tmp_path / "missing" / "deeper" / "g.html")


def test_html_through_registry(tmp_path: Path) -> None:
    out = export(load(SMALL, "oxigraph"), "html", tmp_path / "out" / "graph.html", title="News")
    page = out.read_text(encoding="utf-8")
    assert "<title>News</title>" in page
    assert len(data_of(page)["nodes"]) == 16
