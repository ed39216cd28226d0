#!/usr/bin/env python3
"""Draw cross-article merges of a merge report at random, to judge by hand (issue #22: "40
merges drawn at random and judged by hand: >= 95 % right").

Usage:
    kg build ARTICLES... --merge-report merges.tsv
    python scripts/sample_merges.py merges.tsv [-n 40] [--seed 22] [--reason surname ...]

Prints the number of merges by reason, then one numbered block per merge drawn: the key
merged away with its names and the articles that mention it, the node it joined (key,
final label, own names), the reason, and one sentence of an article for each side. Judge
each: do both sentences name the same real-world entity? The draw is reproducible: rows
are taken in the report's order (sorted by merged key) and drawn with
``random.Random(seed)``. The report's columns are those of ``kg.resolve.audit.COLUMNS``.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import textwrap
from collections import Counter
from pathlib import Path

COLUMNS = ("merged", "merged_names", "target", "label", "reason", "articles", "example",
           "target_names", "target_example")


def read_report(path: Path) -> list[dict[str, str]]:
    """The rows of a merge report as dicts by column name."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path} is no merge report (no column {', '.join(sorted(missing))})")
        return list(reader)


def _wrap(label: str, text: str) -> str:
    return textwrap.fill(text, width=100, initial_indent=f"    {label:8}",
                         subsequent_indent=" " * 12)


def describe(i: int, row: dict[str, str]) -> str:
    """One numbered block: names, target, reason and a sentence for each side."""
    articles = row["articles"].split(" | ")
    more = f" (+{len(articles) - 3} more)" if len(articles) > 3 else ""
    return "\n".join([
        f"{i:3}. [{row['reason']}] {row['merged_names']!r} -> {row['label']!r}",
        f"    merged  {row['merged']} in {len(articles)} article(s): "
        f"{' | '.join(articles[:3])}{more}",
        f"    target  {row['target']}, own names: {row['target_names'] or '-'}",
        _wrap("merged:", row["example"] or "-"),
        _wrap("target:", row["target_example"] or "-"),
    ])


def main(argv: list[str] | None = None) -> int:
    """Print the merges by reason and a reproducible random sample of them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path, help="a merge report (kg build --merge-report)")
    parser.add_argument("-n", type=int, default=40, help="how many merges (default 40)")
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--reason", action="append", default=[], help="only these reasons")
    args = parser.parse_args(argv)
    if not args.report.is_file():
        print(f"sample_merges: no merge report at {args.report}; write one with "
              "kg build --merge-report PATH", file=sys.stderr)
        return 2
    try:
        rows = read_report(args.report)
    except ValueError as err:
        print(f"sample_merges: {err}", file=sys.stderr)
        return 2
    by_reason = Counter(row["reason"] for row in rows)
    print(f"{len(rows)} merges: " + ", ".join(f"{r} {n}" for r, n in by_reason.most_common()))
    if args.reason:
        rows = [row for row in rows if row["reason"] in args.reason]
    drawn = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
    print(f"{len(drawn)} drawn (seed {args.seed}):\n")
    for i, row in enumerate(drawn, 1):
        print(describe(i, row), end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
