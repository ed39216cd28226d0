"""The actor view of a large graph: who does what to whom, one edge per actor pair and relation.

Past :data:`ACTOR_VIEW_MIN_NODES` nodes the HTML page opens on the actors (the
entities that take part in relations) instead of every node. Each drawn edge
stands for every fact of one relation between one pair of actors: a symmetric
relation stated both ways is one edge, and two actors that take part in the
same event (``participatesIn`` or ``hosts`` it) are joined by one edge per
event type, standing for those events. An edge's weight is the number of
distinct sentences that state its facts; an actor's weight is the sum over its
edges. The page shows the :data:`ACTOR_TOP` heaviest actors first, laid out here
(labels pushed apart), with the links of at least ``minWeight`` sentences: at
most :data:`ACTOR_EDGES_MAX`. The rest is the page's (``html_assets/graph.js``):
every actor on demand, the events two or more drawn actors take part in on
demand, and a selected node's neighbourhood in rings around it.

Everything is sorted by node id and positions come from
:mod:`kg.export.layout`, so the same data gives the same view.
"""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations
from typing import Any

from kg.export.layout import positions, spread_labels

__all__ = [
    "ACTOR_EDGES_MAX",
    "ACTOR_TOP",
    "ACTOR_VIEW_MIN_NODES",
    "PAIRED_MAX",
    "PARTICIPATION",
    "actor_view",
]

#: Graphs with more nodes than this open on the actor view (the seeds have ~110 nodes).
ACTOR_VIEW_MIN_NODES = 300
#: The actor view first shows this many actors, the heaviest; a button shows them all.
ACTOR_TOP = 50
#: The actor view first draws at most this many edges among them: the best attested.
ACTOR_EDGES_MAX = 200
#: Label size of the actor view in pixels, and its longest label (graph.js draws the same).
LABEL_FONT = 13
LABEL_MAX = 22
#: Relations by which an actor takes part in an event: co-participants are joined.
PARTICIPATION = frozenset({"participatesIn", "hosts"})
#: An event with more actors than this joins none pairwise (n^2 links, and it says little
#: of who met whom); it still shows as an event. The 998 corpus articles' largest has 9.
PAIRED_MAX = 40


def _aggregate(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Group the facts into one record per actor pair and relation (or event type)."""
    is_actor = [n["kind"] == "entity" for n in nodes]
    facts: dict[tuple[int, int, str, str | None], set[int]] = defaultdict(set)
    symmetric: dict[tuple[int, int, str, str | None], bool] = {}
    taking_part: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for edge in edges:
        a, b, relation = edge["from"], edge["to"], edge["relation"]
        if a == b:
            continue
        if is_actor[a] and is_actor[b]:
            pair = (min(a, b), max(a, b)) if edge["symmetric"] else (a, b)
            key = (pair[0], pair[1], relation, None)
            facts[key].add(edge["id"])
            symmetric[key] = bool(edge["symmetric"])
        elif is_actor[a] and not is_actor[b] and relation in PARTICIPATION:
            taking_part[b][a].append(edge["id"])
    for event in sorted(taking_part):
        actors = taking_part[event]
        if len(actors) > PAIRED_MAX:
            continue
        for a, b in combinations(sorted(actors), 2):
            key = (a, b, nodes[event]["type"], "event")
            facts[key] |= set(actors[a]) | set(actors[b])
            symmetric[key] = True
    records = []
    for key in sorted(facts, key=lambda k: (k[0], k[1], k[2], k[3] or "")):
        a, b, relation, via = key
        ids = sorted(facts[key])
        said = {s for i in ids for s in edges[i]["sentences"]}
        record: dict[str, Any] = {"from": a, "to": b, "relation": relation}
        # Flags only when true: the corpus has thousands of links, mostly neither.
        if symmetric[key]:
            record["symmetric"] = True
        if via is not None:
            record["event"] = True
        records.append(record | {"facts": ids, "weight": len(said)})
    return records


def _default_min_weight(records: list[dict[str, Any]], chosen: set[int], most: int) -> int:
    """Return the least sentence count that keeps at most ``most`` edges among ``chosen``."""
    weights = sorted(
        (r["weight"] for r in records if r["from"] in chosen and r["to"] in chosen), reverse=True
    )
    if len(weights) <= most:
        return 0
    # Edges of weight >= w number more than ``most`` for w <= weights[most]; one more is enough.
    return weights[most] + 1


def _box(node: dict[str, Any]) -> tuple[float, float, float]:
    """The room a node and its label take on the page: width, above and below its centre."""
    size = min(7 + 1.5 * math.sqrt(node["degree"]), 18)  # graph.js nodeSize(), large views
    chars = min(len(node["label"]), LABEL_MAX)
    width = max(0.65 * LABEL_FONT * chars, 2 * size) + 12
    return (width, size + 3, size + 6 + 1.3 * LABEL_FONT)


def actor_view(
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    *,
    top: int = ACTOR_TOP,
    most_edges: int = ACTOR_EDGES_MAX,
) -> dict[str, Any]:
    """Return the actor view of the page's data (see the module docstring).

    Args:
        nodes: The page's nodes (``id``, ``kind``, ``type``, ``label``, ``iri``).
        edges: The page's edges (``id``, ``from``, ``to``, ``relation``,
            ``symmetric``, ``sentences``).
        top: How many actors the view shows first.
        most_edges: The default minimum weight keeps at most this many edges among them.

    Returns:
        ``{"edges": [...], "top": [ids], "topXY": [x, y, ...], "minWeight": int}``:
        the actor edges (each with ``from``, ``to``, ``relation`` (the event type
        for co-participants), ``symmetric`` and ``event`` (true for co-participants)
        when true, ``facts`` (edge ids) and ``weight``), the heaviest ``top``
        actors sorted by id with their positions, laid out with the edges the view
        first draws among them: those of at least ``minWeight`` sentences.
    """
    records = _aggregate(nodes, edges)
    weight: dict[int, int] = defaultdict(int)
    for record in records:
        weight[record["from"]] += max(1, record["weight"])
        weight[record["to"]] += max(1, record["weight"])
    ranked = sorted(weight, key=lambda i: (-weight[i], nodes[i]["label"], nodes[i]["iri"]))
    chosen = sorted(ranked[:top])
    inside = set(chosen)
    least = _default_min_weight(records, inside, most_edges)
    keys = [str(i) for i in chosen]
    layout = positions(
        keys,
        (
            (str(r["from"]), str(r["to"]))
            for r in records
            if r["from"] in inside and r["to"] in inside and r["weight"] >= least
        ),
    )
    # Smaller than the page's drawing area (~830 x 810 at 1400 x 860): pushing labels apart
    # spreads the layout, and the page should fit it at about 1:1, labels at LABEL_FONT.
    boxes = {key: _box(nodes[int(key)]) for key in keys}
    layout = spread_labels(layout, boxes, width=700.0, height=640.0)
    return {
        "edges": records,
        "top": chosen,
        "topXY": [c for key in keys for c in layout[key]],
        "minWeight": least,
    }
