#!/usr/bin/env python3
"""Draw fused events of a graph at random, to judge by hand (issue #19: "30 fused events drawn
at random checked by hand, >= 90 % right (every merged mention reports the same event)").

Usage:
    kg build ARTICLES... -o out
    python scripts/sample_events.py out/graph.ttl [-n 30] [--seed 19] [--min-articles 2]
        [--type Meeting ...]

Prints how many events the graph has by class and how many of them are reported by at
least ``--min-articles`` articles, then one numbered block per event drawn from those: its
label, class and IRI, and for each of its mentions (``kgo:EventMention``) the article's
file, the mention's words and its sentence. Judge each: does every sentence report the same
real-world event? The draw is reproducible: events are sorted by IRI and drawn with
``random.Random(seed)``.
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.errors import KGError  # noqa: E402
from kg.sparql import run_query  # noqa: E402
from kg.store.load import load_graph  # noqa: E402

QUERY = """
PREFIX kgo: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT ?event ?type ?label ?source ?begin ?anchor ?sentence WHERE {
  ?event a ?t ; rdfs:label ?label ; prov:wasDerivedFrom ?m .
  ?t rdfs:subClassOf kgo:Event .
  BIND (STRAFTER(STR(?t), "#") AS ?type)
  ?m a kgo:EventMention ; nif:anchorOf ?anchor ; nif:beginIndex ?begin ;
     dcterms:isPartOf ?s .
  ?s nif:anchorOf ?sentence ; dcterms:isPartOf/dcterms:source ?source .
}
"""


def events(path: Path) -> dict[str, dict]:
    """Each event of the graph: its class, label and mentions (file, offset, words, sentence)."""
    out: dict[str, dict] = defaultdict(lambda: {"mentions": []})
    for event, type_, label, source, begin, anchor, sentence in run_query(
        load_graph(path), QUERY
    ).text_rows():
        ev = out[event]
        ev["type"], ev["label"] = type_, label
        ev["mentions"].append((source, int(begin), anchor, sentence))
    for ev in out.values():
        ev["mentions"].sort()
        ev["articles"] = len({m[0] for m in ev["mentions"]})
    return dict(out)


def describe(i: int, iri: str, ev: dict) -> str:
    """One numbered block: the event, then each mention with its sentence."""
    lines = [f"{i:>3}. {ev['label']}  ({ev['type']}, {ev['articles']} articles)  {iri}"]
    for source, _, anchor, sentence in ev["mentions"]:
        lines.append(textwrap.fill(" ".join(sentence.split()), width=100,
                                   initial_indent=f"      [{source}] «{anchor}» ",
                                   subsequent_indent=" " * 8))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("-n", type=int, default=30, help="events to draw (default 30)")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--min-articles", type=int, default=2,
                        help="draw among events reported by at least this many articles")
    parser.add_argument("--type", action="append", default=[], help="only this class")
    args = parser.parse_args(argv)
    try:
        found = events(args.graph)
    except KGError as exc:
        print(f"sample_events: {exc}", file=sys.stderr)
        return 2
    by_type = Counter(ev["type"] for ev in found.values())
    pool = sorted(iri for iri, ev in found.items() if ev["articles"] >= args.min_articles
                  and (not args.type or ev["type"] in args.type))
    multi = Counter(found[iri]["type"] for iri in pool)
    print(f"{len(found)} events: " + ", ".join(f"{t} {n}" for t, n in sorted(by_type.items())))
    print(f"{len(pool)} reported by >= {args.min_articles} articles: "
          + ", ".join(f"{t} {n}" for t, n in sorted(multi.items())))
    drawn = random.Random(args.seed).sample(pool, min(args.n, len(pool)))
    for i, iri in enumerate(drawn, 1):
        print()
        print(describe(i, iri, found[iri]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
