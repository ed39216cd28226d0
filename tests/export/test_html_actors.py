"""Tests of the HTML page's actor view (kg.export.html_actors) and label spreading, no browser."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from kg.export.html import build_data, write
from kg.export.html_actors import (
    ACTOR_EDGES_MAX,
    ACTOR_TOP,
    ACTOR_VIEW_MIN_NODES,
    PAIRED_MAX,
    actor_view,
)
from kg.export.layout import spread_labels
from tests.export.corpus_graph import corpus_graph

SMALL = Path(__file__).resolve().parents[1] / "data" / "html" / "small.ttl"


def node(i: int, kind: str = "entity", type_: str = "Country", degree: int = 1) -> dict[str, Any]:
    return {
        "id": i,
        "iri": f"x:{i}",
        "label": f"n{i}",
        "kind": kind,
        "type": type_,
        "degree": degree,
    }


def edge(i: int, a: int, b: int, relation: str, said: list[int], sym: bool = False) -> dict:
    return {"id": i, "from": a, "to": b, "relation": relation, "symmetric": sym, "sentences": said}


#: Actors 0-3, events 4 (a Meeting) and 5 (an Agreement).
NODES = [node(0), node(1), node(2, type_="Person"), node(3)] + [
    node(4, "event", "Meeting"),
    node(5, "event", "Agreement"),
]


def links_of(edges: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    view = actor_view(NODES, edges)
    return [
        (r["from"], r["to"], r["relation"], r.get("event", False), r["facts"], r["weight"])
        for r in view["edges"]
    ]


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        # A symmetric relation stated both ways is one link; its sentences count once each.
        (
            [edge(0, 0, 1, "meetsWith", [1, 2], True), edge(1, 1, 0, "meetsWith", [2, 3], True)],
            [(0, 1, "meetsWith", False, [0, 1], 3)],
        ),
        # A directed relation keeps its direction: two ways, two links.
        (
            [edge(0, 0, 1, "supports", [1]), edge(1, 1, 0, "supports", [2])],
            [(0, 1, "supports", False, [0], 1), (1, 0, "supports", False, [1], 1)],
        ),
        # Two relations between one pair: two links.
        (
            [edge(0, 0, 1, "supports", [1]), edge(1, 0, 1, "visits", [])],
            [(0, 1, "supports", False, [0], 1), (0, 1, "visits", False, [1], 0)],
        ),
        # Co-participants of one event: one link per event type, standing for both facts.
        (
            [
                edge(0, 0, 4, "hosts", [1]),
                edge(1, 2, 4, "participatesIn", [1, 2]),
                edge(2, 3, 4, "participatesIn", [5]),
            ],
            [
                (0, 2, "Meeting", True, [0, 1], 2),
                (0, 3, "Meeting", True, [0, 2], 2),
                (2, 3, "Meeting", True, [1, 2], 3),
            ],
        ),
        # Supporting the same agreement is not taking part in it; a self-loop is no link.
        (
            [
                edge(0, 0, 5, "supports", [1]),
                edge(1, 1, 5, "supports", [2]),
                edge(2, 1, 1, "meetsWith", []),
            ],
            [],
        ),
        # Two events of one type, both with the pair: one link for both.
        (
            [
                edge(0, 0, 4, "participatesIn", [1]),
                edge(1, 1, 4, "participatesIn", [1]),
                edge(2, 0, 5, "participatesIn", [3]),
                edge(3, 1, 5, "participatesIn", [4]),
            ],
            [(0, 1, "Agreement", True, [2, 3], 2), (0, 1, "Meeting", True, [0, 1], 1)],
        ),
    ],
)
def test_html_actors_links(edges: list[dict[str, Any]], expected: list[tuple[Any, ...]]) -> None:
    assert links_of(edges) == expected


def test_html_actors_crowded_event_joins_no_pairs() -> None:
    nodes = [node(i) for i in range(PAIRED_MAX + 1)] + [node(PAIRED_MAX + 1, "event", "Meeting")]
    event = PAIRED_MAX + 1
    crowd = [edge(i, i, event, "participatesIn", [i]) for i in range(PAIRED_MAX + 1)]
    assert actor_view(nodes, crowd)["edges"] == []
    assert len(actor_view(nodes, crowd[:PAIRED_MAX])["edges"]) == PAIRED_MAX * (PAIRED_MAX - 1) // 2


def test_html_actors_top_and_least_weight() -> None:
    # A star: actor 0 linked to 1..40 by i sentences each; the rest of the links among others.
    nodes = [node(i) for i in range(41)]
    edges = [edge(i - 1, 0, i, "supports", list(range(i))) for i in range(1, 41)]
    view = actor_view(nodes, edges, top=11, most_edges=4)
    # The heaviest: 0 (all links) and 30..39 (the heaviest links) -- sorted by id.
    assert view["top"] == [0] + list(range(31, 41))
    assert len(view["topXY"]) == 2 * 11
    drawn = [
        r
        for r in view["edges"]
        if r["from"] in view["top"] and r["to"] in view["top"] and r["weight"] >= view["minWeight"]
    ]
    assert len(drawn) == 4 and view["minWeight"] == 37
    assert actor_view(nodes, edges, top=11, most_edges=10)["minWeight"] == 0


def test_html_actors_only_past_threshold() -> None:
    assert build_data(Graph().parse(SMALL))["actors"] is None
    data = build_data(Graph().parse(SMALL), actor_view_min=3)
    assert data["actors"] is not None and data["actors"]["top"]
    labels = {data["nodes"][i]["label"] for i in data["actors"]["top"]}
    assert {"Russia", "Turkey", "Syria", "Iran"} <= labels
    assert all(data["nodes"][i]["kind"] == "entity" for i in data["actors"]["top"])
    assert ACTOR_VIEW_MIN_NODES >= 200 and ACTOR_TOP <= 100 and ACTOR_EDGES_MAX <= 300


def test_html_actors_spread_labels_part_overlaps() -> None:
    # Twenty labels piled up on four points.
    points = {f"n{i:02d}": (i % 2, (i // 2) % 2) for i in range(20)}
    boxes = {name: (120.0, 10.0, 30.0) for name in points}
    spread = spread_labels(points, boxes)
    assert spread == spread_labels(dict(reversed(points.items())), boxes)
    names = sorted(spread)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            (ax, ay), (bx, by) = spread[a], spread[b]
            assert abs(ax - bx) >= 119 or abs(ay - by) >= 39, (a, b, spread[a], spread[b])


@pytest.fixture(scope="module")
def medium() -> Graph:
    return corpus_graph(entities=320, relations=900, events=60, articles=40)


def test_html_actors_page_same_bytes(tmp_path: Path, medium: Graph) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    write(medium, first)
    write(medium, second)
    assert first.read_bytes() == second.read_bytes()
    page = first.read_text(encoding="utf-8")
    data = json.loads(
        re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)[1]  # type: ignore[index]
    )
    assert len(data["nodes"]) > ACTOR_VIEW_MIN_NODES and data["actors"]["top"]
    assert len(data["actors"]["top"]) == ACTOR_TOP
