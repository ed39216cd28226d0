"""Measure how rdflib, pyoxigraph, rapper and Virtuoso read a built graph: counts and load times.

Usage (after ``kg build ... --formats turtle,trig``)::

    .venv/bin/python tests/interop/measure.py OUT_DIR [--queries who-met-whom,actors-by-relations]

Reads ``OUT_DIR/graph.ttl`` (triples) and ``OUT_DIR/graph.trig`` (quads) with
each program, prints one line per program and file, then runs the named
queries in Virtuoso and in ``kg query`` and says whether the rows agree.
Exit status 1 when any count or answer differs.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.sparql import read_query, run_query
from kg.store.load import load_graph
from tests.interop.virtuoso import DEFAULT_GRAPH, Virtuoso

_RAPPER_COUNT = re.compile(r"Parsing returned (\d+) (?:triples|statements)")
TURTLE_GRAPH = "urn:kg:test:turtle"


def timed(action):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    value = action()
    return value, time.perf_counter() - t0


def rdflib_count(path: Path, quads: bool) -> int:
    if quads:
        dataset = rdflib.Dataset()
        dataset.parse(path, format="trig")
        return sum(1 for _ in dataset.quads((None, None, None, None)))
    return len(rdflib.Graph().parse(path, format="turtle"))


def oxigraph_count(path: Path, quads: bool) -> int:
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG if quads else ox.RdfFormat.TURTLE)
    return len(store)


def rapper_count(path: Path, quads: bool) -> int:
    done = subprocess.run(["rapper", "-i", "trig" if quads else "turtle", "-c", str(path)],
                          capture_output=True, text=True, check=True)
    if "Error" in done.stderr or "Warning" in done.stderr:
        raise RuntimeError(done.stderr)
    match = _RAPPER_COUNT.search(done.stderr)
    assert match, done.stderr
    return int(match.group(1))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--queries", default="who-met-whom,actors-by-relations")
    args = parser.parse_args(argv)
    ok = True
    files = {"turtle": args.out / "graph.ttl", "trig": args.out / "graph.trig"}
    for kind, path in files.items():
        quads = kind == "trig"
        counts = {}
        for name, reader in (("rdflib", rdflib_count), ("pyoxigraph", oxigraph_count),
                             ("rapper", rapper_count)):
            counts[name], seconds = timed(lambda r=reader, p=path, q=quads: r(p, q))
            print(f"{kind:6} {name:10} {counts[name]:>9} {'quads' if quads else 'triples'} "
                  f"{seconds:7.2f} s")
        with tempfile.TemporaryDirectory(prefix="kg-measure-") as data:
            copy = Path(data) / path.name
            shutil.copyfile(path, copy)
            with Virtuoso(Path(data)) as server:
                seconds = server.load(copy, TURTLE_GRAPH if not quads else DEFAULT_GRAPH)
                if quads:
                    n = (server.quad_count("https://w3id.org/newskg/id/graph/")
                         + server.triple_count(DEFAULT_GRAPH))
                else:
                    n = server.triple_count(TURTLE_GRAPH)
                counts["virtuoso"] = n
                print(f"{kind:6} {'virtuoso':10} {n:>9} {'quads' if quads else 'triples'} "
                      f"{seconds:7.2f} s "
                      "(bulk load + checkpoint)")
                if not quads:
                    graph = load_graph(path)
                    for name in args.queries.split(","):
                        sparql = read_query(name)
                        (_, theirs), t_v = timed(
                            lambda s=sparql, v=server: v.rows(s, default_graph=TURTLE_GRAPH)
                        )
                        ours, t_k = timed(lambda s=sparql, g=graph: run_query(g, s))
                        same = (set(theirs) == set(ours.text_rows())
                                and len(theirs) == len(ours.rows))
                        ok &= same
                        print(f"query  {name:24} virtuoso {len(theirs)} rows ({t_v:.2f} s), "
                              f"kg query {len(ours.rows)} rows ({t_k:.2f} s): "
                              f"{'same' if same else 'DIFFERENT'}")
        if len(set(counts.values())) != 1:
            ok = False
            print(f"{kind}: COUNTS DIFFER {counts}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
