"""Tests for kg.export.layout: positions depend on the graph only, never on the process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from kg.export.layout import KAMADA_KAWAI_MAX, positions

SCRIPT = """
import json, random
from kg.export.layout import positions
rng = random.Random(3)
# one big component (spring layout), a small one (Kamada-Kawai), a pair and singles
big = [f"entity/{i}" for i in range({big})]
small = [f"event/{i}" for i in range(6)]
edges = [(rng.choice(big), rng.choice(big)) for _ in range(3 * len(big))]
edges += [(big[i], big[i + 1]) for i in range(len(big) - 1)]
edges += [(small[i], small[(i + 1) % 6]) for i in range(6)] + [(small[0], small[3])]
edges += [("pair/b", "pair/a")]
# many small components, so that the big one is less than half of the graph
triangles = [[f"t{i}/{j}" for j in range(3)] for i in range({big} // 2)]
edges += [(t[j], t[(j + 1) % 3]) for t in triangles for j in range(3)]
nodes = big + small + ["pair/a", "pair/b", "alone/1", "alone/2"] + [n for t in triangles for n in t]
print(json.dumps(positions(nodes, edges), sort_keys=True))
"""


def _run(hash_seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    code = SCRIPT.replace("{big}", str(KAMADA_KAWAI_MAX + 40))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          check=True)
    return json.loads(done.stdout)


def test_positions_do_not_depend_on_the_hash_seed() -> None:
    first = _run("1")
    big = KAMADA_KAWAI_MAX + 40
    assert len(first) == big + 6 + 4 + 3 * (big // 2)
    for seed in ("2", "12345"):
        assert _run(seed) == first


def test_edge_direction_and_order_do_not_matter() -> None:
    nodes = ["a", "b", "c", "d", "e"]
    edges = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("a", "c"), ("e", "d")]
    flipped = [(t, s) for s, t in reversed(edges)]
    assert positions(nodes, edges) == positions(nodes, flipped)
