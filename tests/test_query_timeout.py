"""``kg query --timeout`` and the process machinery under it (kg.sparql.runner).

The runner's tests need no model: a worker pool over a handler that sleeps or
spins, and a tiny Oxigraph store. The ``kg query`` tests use the seeds' graph.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.sparql import list_queries, read_query, run_query
from kg.sparql.runner import (
    Busy,
    QueryTimeout,
    WorkerCrashed,
    WorkerPool,
    bounded_solutions,
    bounded_triples,
    call_with_timeout,
)
from kg.store.load import load_graph

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _job(job: tuple[str, float]) -> object:
    """A worker's handler: ``("sleep", s)``, ``("spin", s)``, ``("pid", 0)`` or ``("die", 0)``."""
    kind, seconds = job
    if kind == "sleep":
        time.sleep(seconds)
    elif kind == "spin":
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            pass
    elif kind == "die":
        os._exit(3)
    return kind, os.getpid()


def _spin_forever() -> None:
    while True:
        pass


def _raise() -> None:
    raise QueryError("bad query [E033]")


@pytest.fixture
def pool():
    found = WorkerPool(_job, workers=2, timeout=1.0, queue_wait=0.2)
    yield found
    found.close()


def test_pool_answers_in_its_workers(pool: WorkerPool):
    kind, pid = pool.run(("pid", 0))
    assert kind == "pid" and pid in pool.pids() and pid != os.getpid()


def test_pool_kills_and_replaces_a_job_over_its_time(pool: WorkerPool):
    before = set(pool.pids())
    start = time.monotonic()
    with pytest.raises(QueryTimeout):
        pool.run(("spin", 30))
    assert time.monotonic() - start < 2.5
    after = set(pool.pids())
    assert len(after) == 2 and len(after - before) == 1
    gone = (before - after).pop()
    assert not psutil.pid_exists(gone) or psutil.Process(gone).status() == psutil.STATUS_ZOMBIE
    assert pool.run(("pid", 0))[0] == "pid"


def test_pool_busy_after_the_queue_wait(pool: WorkerPool):
    import threading

    threads = [threading.Thread(target=pool.run, args=(("sleep", 0.8),)) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(0.1)
    start = time.monotonic()
    with pytest.raises(Busy) as busy:
        pool.run(("pid", 0))
    assert 0.15 < time.monotonic() - start < 0.8
    assert busy.value.retry_after == 1
    for thread in threads:
        thread.join()
    assert pool.run(("pid", 0))[0] == "pid"


def test_pool_replaces_a_worker_that_dies(pool: WorkerPool):
    with pytest.raises(WorkerCrashed):
        pool.run(("die", 0))
    assert len(pool.pids()) == 2 and pool.run(("pid", 0))[0] == "pid"


def test_pool_close_stops_every_worker():
    found = WorkerPool(_job, workers=3, timeout=1.0, queue_wait=0.2)
    pids = found.pids()
    found.close()
    assert all(not psutil.pid_exists(p) for p in pids)


def _children() -> set[int]:
    """This process's children (other fixtures' servers included)."""
    return {child.pid for child in psutil.Process().children()}


def test_call_with_timeout_kills_the_child():
    before = _children()
    start = time.monotonic()
    with pytest.raises(QueryTimeout):
        call_with_timeout(_spin_forever, 0.5)
    assert time.monotonic() - start < 2
    assert _children() <= before
    assert call_with_timeout(lambda: 6 * 7, 5) == 42
    with pytest.raises(QueryError, match="E033"):
        call_with_timeout(_raise, 5)


def _store() -> ox.Store:
    store = ox.Store()
    s, p = ox.NamedNode("urn:s"), ox.NamedNode("urn:p")
    objects = [ox.Literal("x", language="en"), ox.Literal("2", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer")), ox.Literal('a "quoted"\nline'),
        ox.BlankNode("b1"), ox.NamedNode("urn:o")]
    for obj in objects:
        store.add(ox.Quad(s, p, obj))
    return store


@pytest.mark.parametrize("cap, kept, cut", [(10, 5, False), (5, 5, False), (2, 2, True)])
def test_bounded_solutions_keep_terms_and_say_when_cut(cap: int, kept: int, cut: bool):
    store = _store()
    query = "SELECT ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?none } } ORDER BY ?o"
    full = list(store.query(query))
    rows, was_cut = bounded_solutions(store.query(query), cap)
    assert was_cut is cut
    assert [row["o"] for row in rows] == [row["o"] for row in full][:kept]
    assert [row["none"] for row in store.query(query)][:kept] == [None] * kept


def test_bounded_triples():
    store = _store()
    triples, cut = bounded_triples(store.query("CONSTRUCT WHERE { ?s ?p ?o }"), 3)
    assert len(triples) == 3 and cut
    triples, cut = bounded_triples(store.query("CONSTRUCT WHERE { ?s ?p ?o }"), 5)
    assert len(triples) == 5 and not cut


@pytest.fixture(scope="module")
def graph_file(seeds_build) -> Path:
    _summary, out = seeds_build
    return out / "graph.ttl"


def test_kg_query_timeout_is_one_line_and_frees_the_cpu(graph_file: Path):
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "query", "--timeout", "1", str(graph_file), CARTESIAN],
        capture_output=True, text=True, timeout=120,
    )
    seconds = time.monotonic() - start
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "kg: the query ran over its time limit of 1 s and was stopped. Fix: narrow it (more "
        "specific patterns, a LIMIT) or give a longer --timeout [E061]"
    ]
    assert seconds < 60  # loading the graph included; the query itself stopped after 1 s


def test_run_query_with_timeout_answers_like_without(graph_file: Path):
    before = _children()
    graph = load_graph(graph_file)
    for name, _title, _description in list_queries():
        query = read_query(name)
        limited, free = run_query(graph, query, timeout=30), run_query(graph, query)
        assert (limited.kind, limited.vars, limited.rows, limited.boolean) == (
            free.kind, free.vars, free.rows, free.boolean), name
    construct = "CONSTRUCT { ?a kgo:meetsWith ?b } WHERE { ?a kgo:meetsWith ?b }"
    limited = run_query(graph, construct, timeout=30)
    assert limited.rows == run_query(graph, construct).rows
    assert limited.graph is not None and len(limited.graph) == len(limited.rows)
    with pytest.raises(QueryError, match="E061"):
        run_query(graph, CARTESIAN, timeout=0.5)
    assert _children() <= before
