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
nodes = big + small + ["pair/a", "pair/b", "alone/1", "alone/2"]
print(json.dumps(positions(nodes, edges), sort_keys=True))
"""


def _run(hash_seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    code = SCRIPT.replace("{big}", str(KAMADA_KAWAI_MAX + 40))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout)


def test_positions_do_not_depend_on_the_hash_seed() -> None:
    first = _run("1")
    assert len(first) == KAMADA_KAWAI_MAX + 40 + 6 + 4
    for seed in ("2", "12345"):
        assert _run(seed) == first


def test_edge_direction_and_order_do_not_matter() -> None:
    nodes = ["a", "b", "c", "d", "e"]
    edges = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("a", "c"), ("e", "d")]
    flipped = [(t, s) for s, t in reversed(edges)]
    assert positions(nodes, edges) == positions(nodes, flipped)
