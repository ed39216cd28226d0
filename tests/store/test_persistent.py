"""The ``--store`` folder: refusing other folders, one build at a time, atomic graph swaps, \
leftovers."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pyoxigraph as ox
import pytest

from kg.errors import GraphFileError, StoreError
from kg.store.graph import ENTITY_GRAPH, article_graph
from kg.store.persistent import BuildStore, open_graph
from tests.conftest import ROOT

P = ox.NamedNode("https://example.org/p")


def _quads(*ids: str) -> list[ox.Quad]:
    out = [
        ox.Quad(ox.NamedNode(f"https://example.org/{i}"), P, ox.Literal(i), article_graph(i))
        for i in ids
    ]
    return [*out, ox.Quad(P, P, P, ENTITY_GRAPH)]


def test_persistent_store_publishes_a_graph_readers_open_read_only(tmp_path):
    with BuildStore(tmp_path / "s") as store:
        assert store.article_ids() == set()
        store.publish(store.write_graph(_quads("0" * 16, "1" * 16)))
        assert store.article_ids() == {"0" * 16, "1" * 16}
    graph = open_graph(tmp_path / "s")
    assert len(graph) == 3
    with pytest.raises(RuntimeError, match="read-write"):
        graph.add(ox.Quad(P, P, P))  # read-only


def test_persistent_publish_replaces_the_graph_and_deletes_the_old_folder(tmp_path):
    with BuildStore(tmp_path / "s") as store:
        store.publish(store.write_graph(_quads("0" * 16)))
        first = store.graph_path()
        reader = open_graph(tmp_path / "s")  # opened before the swap: keeps what it opened
        store.publish(store.write_graph(_quads("1" * 16, "2" * 16)))
        assert store.article_ids() == {"1" * 16, "2" * 16}
        assert first is not None and not first.exists()
    assert {q.graph_name for q in reader} == {article_graph("0" * 16), ENTITY_GRAPH}
    assert sorted(p.name for p in (tmp_path / "s").iterdir() if p.name.startswith("graph-")) == \
        [store.graph_path().name]  # type: ignore[union-attr]


def test_persistent_relative_path_keeps_the_published_graph(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with BuildStore("s") as store:
        folder = store.write_graph(_quads("0" * 16))
        store.publish(folder)
        store.discard(folder)  # the published graph is never discarded
    with BuildStore("s") as store:  # nor removed as a leftover
        assert store.article_ids() == {"0" * 16}


def test_persistent_leftovers_of_a_killed_build_are_removed_on_opening(tmp_path):
    with BuildStore(tmp_path / "s") as store:
        store.publish(store.write_graph(_quads("0" * 16)))
        current = store.graph_path()
        unpublished = store.write_graph(_quads("1" * 16))
    os.symlink("nowhere", tmp_path / "s" / ".graph-link-12345")
    with BuildStore(tmp_path / "s") as store:
        assert not unpublished.exists() and not (tmp_path / "s" / ".graph-link-12345").is_symlink()
        assert store.graph_path() == current and store.article_ids() == {"0" * 16}


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("file", "is a file"),
        ("other files", "not a kg store"),
        ("other format", "another format"),
    ],
)
def test_persistent_refuses_what_is_not_a_store(tmp_path, setup, message):
    path = tmp_path / "s"
    if setup == "file":
        path.write_text("x")
    else:
        path.mkdir()
        (path / "notes.txt").write_text("mine")
        if setup == "other format":
            (path / "kg-store.json").write_text('{"kg store": 99}')
    with pytest.raises(StoreError, match=message):
        BuildStore(path)
    if setup == "other files":
        assert sorted(p.name for p in path.iterdir()) == ["notes.txt"]  # nothing written there


def test_persistent_one_build_at_a_time(tmp_path):
    with BuildStore(tmp_path / "s"), pytest.raises(
        StoreError, match=r"in use by another build \(process \d+\)"
    ):
        BuildStore(tmp_path / "s")
    with BuildStore(tmp_path / "s"):  # released on closing
        pass


def test_persistent_lock_of_a_killed_process_is_released(tmp_path):
    holder = textwrap.dedent(f"""
        import time
        from kg.store.persistent import BuildStore
        store = BuildStore({str(tmp_path / "s")!r})
        print("locked", flush=True)
        time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", holder], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match=f"process {proc.pid}"):
            BuildStore(tmp_path / "s")
    finally:
        proc.kill()
        proc.wait()
    with BuildStore(tmp_path / "s"):
        pass


@pytest.mark.parametrize(
    ("setup", "message"),
    [("plain folder", "not a graph file or a kg store"), ("no build yet", "no finished build yet")],
)
def test_persistent_open_graph_says_what_is_missing(tmp_path, setup, message):
    path = tmp_path / "s"
    if setup == "plain folder":
        path.mkdir()
    else:
        BuildStore(path).close()
    with pytest.raises(GraphFileError, match=message):
        open_graph(path)
