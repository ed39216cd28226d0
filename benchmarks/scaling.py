"""How ``kg build`` time and memory grow with the number of articles.

Usage::

    .venv/bin/python benchmarks/scaling.py                     # 100, 250, 500, 1,000 articles
    .venv/bin/python benchmarks/scaling.py --sizes 50,100,200  # other sizes
    .venv/bin/python benchmarks/scaling.py --repeat 2 --processes 2

Each size builds the first N articles of the benchmark corpus end to end
(``kg.pipeline.build`` with its default formats, into a temporary folder) in a
fresh child process, and records the build time and the peak memory (RSS and
PSS of the child and its workers). The growth exponent is the least-squares
slope of log time against log N. It is fitted to the time less model loading,
which is the same for every size (a fixed cost would bend the fit below 1);
the exponent of the total time is printed too.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    CORPUS,
    BenchError,
    corpus_files,
    emit,
    loglog_slope,
    machine,
    machine_line,
    median,
    run_child,
)

SCRIPT = str(Path(__file__).resolve())
TARGET_EXPONENT = 1.05


def child(n: int, processes: int, batch_size: int | None) -> None:
    """Build the first ``n`` articles and print the summary as a JSON line."""
    from kg.pipeline import DEFAULT_BATCH_SIZE, build

    files = corpus_files(CORPUS, n)
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp:
        summary = build(files, Path(tmp) / "out", processes=processes,
                        batch_size=batch_size or DEFAULT_BATCH_SIZE)
    emit({"phase": "build", "articles": summary.articles, "seconds": summary.seconds,
          "timings": summary.timings, "relations": summary.relations})


def token_counts(sizes: list[int]) -> dict[int, int]:
    """Tokens (spaCy's English tokenizer) in the cleaned texts of the first N articles, per size."""
    import spacy

    from kg.ingest import load_articles

    tokenizer = spacy.blank("en").tokenizer
    counts = [len(tokenizer(a.text)) for a in load_articles(corpus_files(CORPUS, max(sizes)))]
    return {n: sum(counts[:n]) for n in sizes}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[100, 250, 500, 1000],
                   help="comma-separated article counts (default: 100,250,500,1000)")
    p.add_argument("--repeat", type=int, default=1, help="builds per size; the median is used (default: 1)")
    p.add_argument("--processes", type=int, default=1, help="worker processes (default: 1)")
    p.add_argument("--batch-size", type=int, default=None, help="nlp.pipe batch size (default: kg's)")
    p.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    p.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    try:
        if args.child is not None:
            child(args.child, args.processes, args.batch_size)
            return 0
        figures = run(args)
    except BenchError as err:
        print(err, file=sys.stderr)
        return 2
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Build every size (smallest first, repeats interleaved), print the table and the fit."""
    if args.repeat < 1 or args.processes < 1:
        raise BenchError("benchmark: --repeat and --processes must be 1 or more")
    available = len(corpus_files(CORPUS))
    if min(args.sizes) < 1:
        raise BenchError(f"benchmark: every size must be 1 or more, got {args.sizes}")
    # The corpus is "1,000 articles" in round numbers; a size above what it holds means all of it.
    sizes = sorted({min(n, available) for n in args.sizes})
    if len(sizes) < 2:
        raise BenchError(f"benchmark: --sizes needs two or more different sizes, got {args.sizes}")
    info = machine()
    print(machine_line(info))
    print(f"corpus {CORPUS} ({available} articles), {args.processes} process(es), {args.repeat} repeat(s); "
          f"sizes {sizes}\n", flush=True)
    runs: dict[int, list[dict[str, Any]]] = {n: [] for n in sizes}
    extra = ["--processes", str(args.processes)]
    if args.batch_size:
        extra += ["--batch-size", str(args.batch_size)]
    for _ in range(args.repeat):
        for n in sizes:
            record = run_child([SCRIPT, "--child", str(n), *extra])[0]
            runs[n].append(record)
            print(f"  {n:5d} articles  {record['seconds']:8.1f} s  peak RSS {record['peak_rss_mb']:6.0f} MB  "
                  f"PSS {record['peak_pss_mb']:6.0f} MB", flush=True)
    tokens = token_counts(sizes)
    rows = []
    print(f"\n{'articles':>8s} {'tokens':>8s} {'seconds':>9s} {'less model':>11s} {'s/article':>10s} "
          f"{'ms/100 tok':>10s} {'peak RSS MB':>12s} {'peak PSS MB':>12s}")
    for n in sizes:
        total = median([r["seconds"] for r in runs[n]])
        work = median([r["seconds"] - r["timings"].get("load model", 0.0) for r in runs[n]])
        rss = max(r["peak_rss_mb"] for r in runs[n])
        pss = max(r["peak_pss_mb"] for r in runs[n])
        rows.append({"articles": n, "tokens": tokens[n], "seconds": round(total, 2), "seconds_less_model": round(work, 2),
                     "peak_rss_mb": rss, "peak_pss_mb": pss,
                     "stages": {k: round(median([r["timings"].get(k, 0.0) for r in runs[n]]), 2)
                                for k in runs[n][0]["timings"]}})
        print(f"{n:8d} {tokens[n]:8d} {total:9.1f} {work:11.1f} {work / n:10.3f} {1e5 * work / tokens[n]:10.1f} "
              f"{rss:12.0f} {pss:12.0f}")
    exponent = loglog_slope([r["articles"] for r in rows], [r["seconds_less_model"] for r in rows])
    exponent_total = loglog_slope([r["articles"] for r in rows], [r["seconds"] for r in rows])
    exponent_tokens = loglog_slope([r["tokens"] for r in rows], [r["seconds_less_model"] for r in rows])
    print("\ntime by stage, seconds")
    stages = list(rows[-1]["stages"])
    print(f"  {'stage':14s}" + "".join(f"{r['articles']:>9d}" for r in rows) + f"{'exponent':>10s}")
    for stage in stages:
        vals = [r["stages"].get(stage, 0.0) for r in rows]
        slope = f"{loglog_slope(sizes, vals):10.2f}" if min(vals) > 0.02 else f"{'':10s}"
        print(f"  {stage:14s}" + "".join(f"{v:9.2f}" for v in vals) + slope)
    ok = exponent <= TARGET_EXPONENT
    print(f"\ngrowth exponent of time in articles (log-log least squares, less model loading): {exponent:.3f}"
          f"  target <= {TARGET_EXPONENT}: {'met' if ok else 'NOT MET'}")
    print(f"growth exponent of the total time: {exponent_total:.3f}")
    print(f"growth exponent of time (less model loading) in tokens: {exponent_tokens:.3f}"
          "  (the first articles of the corpus are not all the same length)")
    info["loadavg_end"] = [round(x, 2) for x in __import__("os").getloadavg()]
    return {"machine": info, "processes": args.processes, "rows": rows, "exponent": round(exponent, 3),
            "exponent_total": round(exponent_total, 3), "exponent_tokens": round(exponent_tokens, 3)}


if __name__ == "__main__":
    sys.exit(main())
