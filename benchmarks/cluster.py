"""Throughput of ``kg build --cluster local:2`` against ``kg build --processes 2``, same host.

Usage::

    .venv/bin/python benchmarks/cluster.py                  # all 998 articles, ABBA (~8 min)
    .venv/bin/python benchmarks/cluster.py --limit 100      # the first 100: a smoke run
    .venv/bin/python benchmarks/cluster.py --workers 4 --repeat 3 --json out.json

Each run is a fresh child process (``_common.run_child``: peak RSS and PSS of it and every
process under it), building the same articles end to end into a temporary folder with
no ``--store``, so both parse everything:

* ``processes``: ``build(files, processes=N)``: the forked pool sharing the loaded model;
* ``cluster``: ``build(files, cluster="local:N")``: a Dask ``LocalCluster`` of N worker
  processes of one thread each, started by the build (its "connect" stage), each worker
  loading the model itself; the client resolves and exports.

They alternate (processes, cluster, then cluster, processes, ...), so a host that drifts
favours neither. Then ``overhead``: on a ``local:N`` cluster of its own, the same batches
of the same texts go through the build's loop (:func:`kg.pipeline.cluster.extract_on_cluster`)
to a trivial task that sends back, for every article, one real extraction row (the first
article's): what the cluster costs per article apart from parsing (sending the texts,
scheduling, sending back and decoding the rows). It prints articles per second of each,
the ratio cluster / processes (target >= 0.85), the cluster's start-up and per-article
overhead, whether the two graphs are the same bytes, the host's core count and load.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CORPUS, BenchError, corpus_files, emit, machine, machine_line, median, run_child

SCRIPT = str(Path(__file__).resolve())
TARGET = 0.85


# ---------------------------------------------------------------- children
def child_build(kind: str, n: int | None, workers: int, batch_size: int) -> None:
    """Build the first ``n`` articles with ``workers`` processes or a ``local:workers`` cluster."""
    from kg.pipeline import build

    files = corpus_files(CORPUS, n)
    options: dict[str, Any] = ({"processes": workers} if kind == "processes"
                               else {"cluster": f"local:{workers}"})
    with tempfile.TemporaryDirectory(prefix="kg-bench-cluster-") as tmp:
        summary = build(files, Path(tmp) / "out", batch_size=batch_size, formats=["turtle"],
                        **options)
        digest = hashlib.sha256((Path(tmp) / "out" / "graph.ttl").read_bytes()).hexdigest()
    emit({"phase": kind, "seconds": summary.seconds, "articles": summary.articles,
          "relations": summary.relations, "timings": summary.timings, "sha256": digest})


def _echo(row: str) -> Any:
    """A stand-in for :func:`kg.pipeline.cluster.extract_batch`: no parsing, one row per text."""
    def echo(model: str, check: Any, texts: list[str]) -> tuple[list[str], float, float]:
        return [row] * len(texts), 0.0, 0.0
    return echo


def child_overhead(n: int | None, workers: int, batch_size: int) -> None:
    """Time the build's cluster loop over the same batches with a trivial task."""
    import kg.pipeline.cluster as cluster
    from kg.ingest import load_articles
    from kg.pipeline import extract_article, load_nlp
    from kg.store.cache import encode_extraction

    articles = list(load_articles(corpus_files(CORPUS, n)))
    row = encode_extraction(extract_article(load_nlp(), articles[0].text))
    cluster.extract_batch = _echo(row)  # type: ignore[assignment]  # pickled by value
    t0 = time.perf_counter()
    with cluster.connect(f"local:{workers}") as client:
        started = time.perf_counter() - t0
        t1 = time.perf_counter()
        count = sum(1 for _ in cluster.extract_on_cluster(client, "none", articles, check={},
                                                          batch_size=batch_size,
                                                          expected=len(articles)))
        seconds = time.perf_counter() - t1
    emit({"phase": "overhead", "seconds": seconds, "articles": count, "start_seconds": started,
          "row_bytes": len(row.encode()),
          "text_bytes": sum(len(a.text.encode()) for a in articles) / len(articles)})


# ------------------------------------------------------------------ parent
def schedule(repeat: int) -> list[str]:
    """processes, cluster; then cluster, processes; ... (ABBA)."""
    pair = ["processes", "cluster"]
    return [kind for rep in range(repeat) for kind in (pair if rep % 2 == 0 else pair[::-1])]


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Run the builds in the order of :func:`schedule`, then the overhead run."""
    files = corpus_files(CORPUS, args.limit)
    info = machine()
    print(machine_line(info))
    print(f"corpus {CORPUS} ({len(files)} articles), {args.workers} workers, batch size "
          f"{args.batch_size}, {args.repeat} repeat(s)\n", flush=True)
    common = ["--workers", str(args.workers), "--batch-size", str(args.batch_size)]
    if args.limit is not None:
        common += ["--limit", str(args.limit)]
    runs: dict[str, list[dict[str, Any]]] = {}
    for kind in [*schedule(args.repeat), "overhead"]:
        load = os.getloadavg()[0]
        record = run_child([SCRIPT, "--child", kind, *common])[-1]
        record["load_before"] = round(load, 2)
        runs.setdefault(kind, []).append(record)
        print(f"  {kind:9s} {record['seconds']:8.1f} s  {record['articles'] / record['seconds']:7.2f}"
              f" articles/s  peak PSS {record['peak_pss_mb']:6.0f} MB  load {load:.2f}", flush=True)
    info["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    return {"machine": info, "articles": len(files), "runs": runs}


def report(result: dict[str, Any], workers: int) -> dict[str, Any]:
    """Print the figures and the target; return them."""
    runs = result["runs"]
    n = result["articles"]
    proc_s = median([r["seconds"] for r in runs["processes"]])
    clus_s = median([r["seconds"] for r in runs["cluster"]])
    start_s = median([r["timings"].get("connect", 0.0) for r in runs["cluster"]])
    over = runs["overhead"][0]
    figures: dict[str, Any] = {
        "articles": n, "workers": workers, "cores": result["machine"]["nproc"],
        "processes": {"seconds": round(proc_s, 2), "articles_per_s": round(n / proc_s, 3)},
        "cluster": {"seconds": round(clus_s, 2), "articles_per_s": round(n / clus_s, 3),
                    "start_seconds": round(start_s, 2)},
        "ratio": round(proc_s / clus_s, 3),
        "ratio_without_start": round(proc_s / (clus_s - start_s), 3),
        "per_pair": [round(p["seconds"] / c["seconds"], 3)
                     for p, c in zip(runs["processes"], runs["cluster"], strict=False)],
        "overhead_ms_per_article": round(1000 * over["seconds"] / over["articles"], 2),
        "difference_ms_per_article": round(1000 * (clus_s - proc_s) / n, 2),
        "same_graph": len({r["sha256"] for r in runs["processes"] + runs["cluster"]}) == 1,
    }
    print(f"\n{n} articles on {figures['cores']} cores; medians over repeats\n")
    print(f"  {'configuration':26s} {'seconds':>8s} {'articles/s':>11s} {'peak PSS MB':>12s}")
    for key, label in (("processes", f"--processes {workers}"), ("cluster", f"--cluster local:{workers}")):
        rs = runs[key]
        pss = max(r["peak_pss_mb"] for r in rs)
        figures[key]["peak_pss_mb"] = pss
        print(f"  {label:26s} {figures[key]['seconds']:8.1f} {figures[key]['articles_per_s']:11.2f}"
              f" {pss:12.0f}")
    print(f"\n  cluster start-up (LocalCluster, workers spawned; the 'connect' stage): {start_s:.1f} s")
    print(f"  cluster overhead, trivial task on the same batches: "
          f"{figures['overhead_ms_per_article']:.2f} ms per article "
          f"({over['articles'] / over['seconds']:.0f} articles/s; texts {over['text_bytes']:.0f} B "
          f"out, rows {over['row_bytes']} B back per article; start-up {over['start_seconds']:.1f} s)")
    print(f"  cluster - processes, per article: {figures['difference_ms_per_article']:.2f} ms")
    print(f"  same graph (SHA-256 of graph.ttl) in every run: {figures['same_graph']}")
    ok = figures["ratio"] >= TARGET
    print(f"\ntarget\n  cluster / processes throughput {figures['ratio']:8.3f}  >= {TARGET}  "
          f"{'met' if ok else 'NOT MET'}   (per ABBA pair: "
          f"{', '.join(f'{r:.3f}' for r in figures['per_pair'])}; without the start-up "
          f"{figures['ratio_without_start']:.3f})")
    return figures


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--limit", type=int, default=None, help="the first N articles (default: all)")
    p.add_argument("--workers", type=int, default=2, help="processes and cluster workers (default 2)")
    p.add_argument("--repeat", type=int, default=2, help="ABBA repeats (default: 2)")
    p.add_argument("--batch-size", type=int, default=None, help="articles per batch (default: kg's)")
    p.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    p.add_argument("--child", choices=("processes", "cluster", "overhead"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    from kg.pipeline import DEFAULT_BATCH_SIZE

    args.batch_size = args.batch_size or DEFAULT_BATCH_SIZE
    try:
        if args.child == "overhead":
            child_overhead(args.limit, args.workers, args.batch_size)
            return 0
        if args.child:
            child_build(args.child, args.limit, args.workers, args.batch_size)
            return 0
        if args.repeat < 1 or args.workers < 1:
            raise BenchError("benchmark: --repeat and --workers must be 1 or more")
        result = run(args)
        figures = report(result, args.workers)
    except BenchError as err:
        print(err, file=sys.stderr)
        return 2
    if args.json:
        args.json.write_text(json.dumps({"machine": result["machine"], "figures": figures,
                                         "runs": result["runs"]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
