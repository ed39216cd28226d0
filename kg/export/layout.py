"""Deterministic node positions in pixels for the HTML graph.

The page draws with physics off, so the layout is computed here once: each
connected component is laid out on its own (networkx's Kamada-Kawai for small
ones; a seeded, vectorised Fruchterman-Reingold for big ones, because
networkx's own spring layout takes minutes past a few thousand nodes), scaled
so that a typical edge is ``spacing`` pixels long, and the components are packed
in rows, biggest first, with nodes that have no relation in a grid after them.
The same nodes and edges always give the same positions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

__all__ = ["positions", "spread_labels"]

#: Components up to this many nodes use Kamada-Kawai (nicer, O(n^2) memory).
KAMADA_KAWAI_MAX = 150
#: Pair cells (rows x nodes) per block of the spring layout's repulsion: 0.5 MB per array.
_BLOCK_CELLS = 125_000
#: Median distance from a node to its nearest neighbour, as a share of ``spacing``.
NEIGHBOUR_SHARE = 0.75


def positions(
    nodes: Sequence[str],
    edges: Iterable[tuple[str, str]],
    *,
    seed: int = 7,
    spacing: float = 180.0,
) -> dict[str, tuple[int, int]]:
    """Lay the graph out and return integer pixel coordinates per node.

    Args:
        nodes: Every node id; nodes without edges get a place too.
        edges: ``(source, target)`` pairs; direction, repeats and self-loops
            are ignored (repeats only pull their nodes closer).
        seed: Seed of the spring layout, fixed so the output is deterministic.
        spacing: Typical edge length in pixels.

    Returns:
        ``{node: (x, y)}`` with ``y`` growing downwards, as vis-network expects.
    """
    graph = nx.Graph()
    graph.add_nodes_from(sorted(nodes))
    weights: dict[tuple[str, str], float] = {}
    for source, target in edges:
        if source == target:
            continue
        key = (source, target) if source < target else (target, source)
        weights[key] = weights.get(key, 0.0) + 1.0
    for (source, target), weight in sorted(weights.items()):
        graph.add_edge(source, target, weight=weight)

    components = sorted(
        (sorted(component) for component in nx.connected_components(graph)),
        key=lambda members: (-len(members), members[0]),
    )
    blocks = [
        _component_layout(graph, members, seed=seed, spacing=spacing)
        for members in components
        if len(members) > 1
    ]
    singles = [members[0] for members in components if len(members) == 1]
    if singles:
        blocks.append(_grid(singles, spacing=spacing))
    return _pack(blocks, spacing=spacing)


def _component_layout(
    graph: nx.Graph, members: list[str], *, seed: int, spacing: float
) -> dict[str, np.ndarray]:
    """Lay one connected component out around the origin, neighbours ~``spacing`` apart."""
    sub = nx.Graph()
    sub.add_nodes_from(members)
    # Each edge as (smaller, larger) in sorted order: a subgraph view yields its edges
    # in set order, which varies with the hash seed, and so would the sums below.
    inside = graph.subgraph(members).edges(data=True)
    sub.add_weighted_edges_from(sorted((min(a, b), max(a, b), d["weight"]) for a, b, d in inside))
    if len(members) == 2:
        return {members[0]: np.array([0.0, 0.0]), members[1]: np.array([spacing, 0.0])}
    if len(members) <= KAMADA_KAWAI_MAX:
        # Unweighted: repeated relations must not squash labels together.
        raw = nx.kamada_kawai_layout(sub, weight=None)
    else:
        index = {node: i for i, node in enumerate(members)}
        pairs = np.array([(index[a], index[b]) for a, b in sub.edges()], dtype=np.int64)
        layout = _fruchterman_reingold(len(members), pairs, seed=seed)
        raw = {node: layout[index[node]] for node in members}
    coords = np.array([raw[node] for node in members], dtype=float)
    coords -= coords.mean(axis=0)
    coords = _landscape(coords)
    index = {node: i for i, node in enumerate(members)}
    # Scale by the distance to the nearest other node, not by edge length: in big
    # layouts long edges cross the drawing, and labels need room from neighbours.
    nearest, _ = cKDTree(coords).query(coords, k=2)
    typical = float(np.median(nearest[:, 1]))
    if typical > 1e-9:
        coords *= spacing * NEIGHBOUR_SHARE / typical
    return {node: coords[index[node]] for node in members}


def _landscape(coords: np.ndarray) -> np.ndarray:
    """Rotate centred points so their longest spread is horizontal (screens are wide).

    Each axis is then flipped so that its third moment is not negative, which
    makes the result independent of the sign the SVD happens to return.
    """
    _, _, axes = np.linalg.svd(coords, full_matrices=False)
    rotated = coords @ axes.T
    skew = (rotated**3).sum(axis=0)
    return rotated * np.where(skew < 0, -1.0, 1.0)


def _fruchterman_reingold(
    count: int, pairs: np.ndarray, *, seed: int, iterations: int | None = None
) -> np.ndarray:
    """Fruchterman-Reingold in the unit square, repulsion computed in blocks of rows.

    Every step is an element-wise numpy operation or a row sum, never a BLAS
    product: a product's sums split differently with the number of BLAS threads
    (and the block size), which moved nodes by a sixth of the square between a
    one-core and a two-core run. The pairwise terms are single precision (the
    positions end as whole pixels; half the memory traffic), in blocks of about
    :data:`_BLOCK_CELLS` pair cells that stay in the CPU's cache.

    Args:
        count: Number of nodes.
        pairs: ``(m, 2)`` array of edge end indices.
        seed: Seed of the random start positions.
        iterations: Cooling steps; fewer for very big graphs to bound the time.

    Returns:
        ``(count, 2)`` positions.
    """
    if iterations is None:
        iterations = 60 if count <= 3000 else 40 if count <= 8000 else 25
    rng = np.random.default_rng(seed)
    pos = rng.random((count, 2))
    k = 1.0 / math.sqrt(count)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    block = max(1, min(count, _BLOCK_CELLS // count))
    source, target = pairs[:, 0], pairs[:, 1]
    for _ in range(iterations):
        # Repulsion k^2/d along each pair: the sum over j of w_ij * (p_i - p_j), w = k^2/d^2.
        x, y = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
        displacement = np.empty_like(pos)
        for start in range(0, count, block):
            stop = min(count, start + block)
            dx = np.subtract.outer(x[start:stop], x)
            dy = np.subtract.outer(y[start:stop], y)
            weight = dx * dx
            weight += dy * dy
            np.maximum(weight, 1e-9, out=weight)
            np.divide(np.float32(k * k), weight, out=weight)
            dx *= weight
            dy *= weight
            displacement[start:stop, 0] = dx.sum(axis=1)
            displacement[start:stop, 1] = dy.sum(axis=1)
        delta = pos[source] - pos[target]
        distance = np.sqrt((delta**2).sum(axis=1))
        pull = delta * (distance / k)[:, None]
        np.subtract.at(displacement, source, pull)
        np.add.at(displacement, target, pull)
        length = np.maximum(np.sqrt((displacement**2).sum(axis=1)), 1e-9)
        pos += displacement * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return pos


def _grid(members: list[str], *, spacing: float) -> dict[str, np.ndarray]:
    """Place unconnected nodes in a roughly square grid."""
    columns = max(1, math.ceil(math.sqrt(len(members) * 2)))
    step_x, step_y = spacing * 0.9, spacing * 0.6
    return {
        node: np.array([(i % columns) * step_x, (i // columns) * step_y])
        for i, node in enumerate(members)
    }


def _pack(blocks: list[dict[str, np.ndarray]], *, spacing: float) -> dict[str, tuple[int, int]]:
    """Shelf-pack the blocks in rows, in order, and round to whole pixels."""
    margin = spacing
    boxes = []
    for block in blocks:
        coords = np.array(list(block.values()))
        low, high = coords.min(axis=0), coords.max(axis=0)
        boxes.append((block, low, high - low))
    total_area = sum((size[0] + margin) * (size[1] + margin) for _, _, size in boxes)
    widest = max((size[0] for _, _, size in boxes), default=0.0)
    row_limit = max(widest, math.sqrt(total_area) * 1.3)

    result: dict[str, tuple[int, int]] = {}
    x = y = row_height = 0.0
    for block, low, size in boxes:
        if x > 0 and x + size[0] > row_limit:
            x, y, row_height = 0.0, y + row_height + margin, 0.0
        for node, point in block.items():
            px, py = point - low + (x, y)
            result[node] = (round(float(px)), round(float(py)))
        x += size[0] + margin
        row_height = max(row_height, size[1])
    return result


def spread_labels(
    points: dict[str, tuple[int, int]],
    boxes: dict[str, tuple[float, float, float]],
    *,
    width: float = 800.0,
    height: float = 740.0,
    iterations: int = 1000,
) -> dict[str, tuple[int, int]]:
    """Fit a layout into ``width`` x ``height`` pixels, then push apart labels that overlap.

    The page draws each node's label under it; in a dense layout the labels of
    neighbours cover each other. This scales the layout to about a screen (so
    labels keep their size when the page fits the view) and moves every pair of
    overlapping boxes apart along the axis where they overlap least, until none
    overlap or ``iterations`` runs out. Element-wise numpy only, so the result
    does not depend on BLAS threads.

    Args:
        points: ``{node: (x, y)}``, e.g. from :func:`positions`.
        boxes: ``{node: (width, above, below)}``: the label's width and how far
            the node and its label reach above and below the node's centre.
        width: Width of the screen the layout is fitted into.
        height: Its height.
        iterations: Most steps of pushing.

    Returns:
        ``{node: (x, y)}`` in whole pixels.
    """
    names = sorted(points)
    if not names:
        return {}
    xy = np.array([points[n] for n in names], dtype=float)
    half_w = np.array([boxes[n][0] / 2 for n in names])
    above = np.array([boxes[n][1] for n in names])
    below = np.array([boxes[n][2] for n in names])
    xy = _push_apart(_fit(xy, width, height), half_w, above, below, iterations)
    return {n: (round(float(x)), round(float(y))) for n, (x, y) in zip(names, xy, strict=True)}


def _fit(xy: np.ndarray, width: float, height: float) -> np.ndarray:
    """Scale points (keeping their shape) to fit ``width`` x ``height``, top left at 0."""
    xy = xy - xy.min(axis=0)
    extent = xy.max(axis=0)
    ratio = min(
        width / extent[0] if extent[0] > 0 else math.inf,
        height / extent[1] if extent[1] > 0 else math.inf,
    )
    return xy * ratio if math.isfinite(ratio) else xy


def _push_apart(
    xy: np.ndarray, half_w: np.ndarray, above: np.ndarray, below: np.ndarray, iterations: int
) -> np.ndarray:
    """Move overlapping boxes apart, each pair half its overlap each, along the cheaper axis."""
    xy = xy.copy()
    half_h = (above + below) / 2
    upper = np.triu(np.ones((len(xy), len(xy)), dtype=bool), k=1)
    for _ in range(iterations):
        centre_y = xy[:, 1] + (below - above) / 2
        dx = np.subtract.outer(xy[:, 0], xy[:, 0])
        dy = np.subtract.outer(centre_y, centre_y)
        over_x = np.add.outer(half_w, half_w) - np.abs(dx)
        over_y = np.add.outer(half_h, half_h) - np.abs(dy)
        clash = (over_x > 0) & (over_y > 0) & upper
        if not clash.any():
            break
        i, j = np.nonzero(clash)
        # The shorter way out, sideways favoured twice: labels are wide and low, and
        # pushing only up or down would make a tall layout for a wide screen.
        along_x = over_x[i, j] <= 2 * over_y[i, j]
        # Coincident points part by index (i < j), so the result stays deterministic.
        sign_x = np.where(dx[i, j] > 0, 1.0, -1.0)
        sign_y = np.where(dy[i, j] > 0, 1.0, -1.0)
        step = np.zeros((len(i), 2))
        step[:, 0] = np.where(along_x, sign_x * (over_x[i, j] / 2 + 1.5), 0.0)
        step[:, 1] = np.where(along_x, 0.0, sign_y * (over_y[i, j] / 2 + 1.5))
        push = np.zeros_like(xy)
        np.add.at(push, i, step)
        np.subtract.at(push, j, step)
        # Damped: a node in several clashes would otherwise overshoot.
        xy += push * 0.6
    return xy
