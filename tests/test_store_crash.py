"""Crash safety of ``kg build --store``: SIGKILL at random points, then a build that recovers.

The crash loop runs ``kg build --store`` on the seeds as a subprocess and kills it
with SIGKILL after seeded-random delays spread over a whole build's duration
(importing, loading the model, parsing article after article into the cache,
writing the outputs and the store's graph, publishing). After every kill the
outputs are whole or absent (a graph.ttl there is byte-identical to a clean
build's) and the store opens. Then a build runs to the end: its outputs are
byte-identical to a clean build from scratch, the store's graph is the same
graph, nothing of the killed builds is left, and a second build parses nothing.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.atomic import _running
from kg.export import turtle
from kg.store.load import load_graph
from kg.store.persistent import MARKER, BuildStore

from .conftest import ROOT, SEEDS

#: Kills of the loop; their delays are fractions of a clean build's time, one drawn (from
#: SEED) in each of KILLS equal slices of the build, in shuffled order.
KILLS = 6
SEED = 20


def _kg_build(inputs: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(inputs), "-o", str(out), "--processes", "1",
         *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )


def _outputs(out: Path) -> dict[str, bytes]:
    """The visible files of an output folder (temporary files are hidden: ``.graph.ttl.*.tmp``)."""
    if not out.exists():
        return {}
    return {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}


@pytest.mark.model
def test_store_crash_loop_recovers_to_the_byte_identical_graph(tmp_path: Path) -> None:
    started = time.monotonic()
    # The same command as the killed builds, into a new store: its time is theirs.
    clean = _kg_build(SEEDS, tmp_path / "clean", "--store", str(tmp_path / "new-store"),
                      "--batch-size", "1", "-q")
    _, err = clean.communicate(timeout=300)
    assert clean.returncode == 0, err
    duration = time.monotonic() - started
    expected = _outputs(tmp_path / "clean")
    assert set(expected) == {"graph.ttl", "graph.html"}

    store, out = tmp_path / "store", tmp_path / "out"
    rng = random.Random(SEED)
    fractions = [0.02 + 0.93 * (i + rng.random()) / KILLS for i in range(KILLS)]
    rng.shuffle(fractions)
    killed = finished = 0
    for fraction in fractions:
        proc = _kg_build(SEEDS, out, "--store", str(store), "--batch-size", "1", "-q")
        begun = time.monotonic()
        try:
            _, err = proc.communicate(timeout=fraction * duration)
            assert proc.returncode == 0, err
            finished += 1
            duration = min(duration, time.monotonic() - begun)  # the machine got faster
        except subprocess.TimeoutExpired:
            proc.kill()  # SIGKILL: no handler runs, nothing is cleaned up
            proc.communicate(timeout=60)
            killed += 1
        visible = _outputs(out)
        assert set(visible) <= set(expected)
        for name, data in visible.items():  # whole or absent: never a partial file
            assert data == expected[name], name
        if store.exists() and (store / MARKER).exists():
            with BuildStore(store) as disk:  # opens: not locked, not damaged
                disk.article_ids()
    assert killed >= KILLS - 2, (killed, finished)

    proc = _kg_build(SEEDS, out, "--store", str(store))
    stdout, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert _outputs(out) == expected
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]
    graphs = sorted(p.name for p in store.iterdir() if p.name.startswith("graph-"))
    assert graphs == [(store / "graph").resolve().name]  # nothing left of the killed builds
    assert not [p.name for p in store.iterdir() if p.name.endswith(".tmp")]
    store_ttl = tmp_path / "store.ttl"
    turtle.write(load_graph(store), store_ttl)
    assert store_ttl.read_bytes() == expected["graph.ttl"]

    again = _kg_build(SEEDS, out, "--store", str(store))
    stdout, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert "(0 parsed, 5 from store, 0 removed)" in stdout, stdout
    assert _outputs(out) == expected
    print(f"{killed} kills, {finished} finished, clean build {duration:.1f} s, "
          f"all {time.monotonic() - started:.1f} s")


def test_store_marker_leftover_of_a_killed_build_is_not_a_foreign_folder(tmp_path: Path) -> None:
    """A build killed while writing ``kg-store.json`` left only its temporary file; the folder
    was then refused as "a folder of other files" (E071) for good."""
    store = tmp_path / "store"
    store.mkdir()
    leftover = store / f".{MARKER}.{2**22 + 12345}.x1y2.tmp"
    leftover.write_text('{"kg st', encoding="utf-8")
    with BuildStore(store) as disk:
        assert disk.article_ids() == set()
    assert (store / MARKER).is_file()
    if not _running(2**22 + 12345):
        assert not leftover.exists()

