#!/usr/bin/env python3
"""Draw statements of a built graph at random, each with its rule and one stating sentence,
for judging precision by hand (issue notes: "N statements drawn at random, judged").

Usage:
    python scripts/sample_statements.py GRAPH.ttl [-n 30] [--seed 18] [--relation R ...]
        [--rule PREFIX]

Prints one numbered block per statement: subject, relation, object, rule, confidence, the
article file and the sentence. The draw is reproducible: statements are sorted by IRI and
drawn with ``random.Random(seed)``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import pyoxigraph as ox

QUERY = """
PREFIX kgo: <https://w3id.org/newskg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT ?st ?s ?p ?o ?rule ?conf ?file ?sentence WHERE {
  ?st a rdf:Statement ; rdf:subject ?a ; rdf:predicate ?pred ; rdf:object ?b .
  BIND (STRAFTER(STR(?pred), "#") AS ?p)
  OPTIONAL { ?a rdfs:label ?s }
  OPTIONAL { ?b rdfs:label ?o }
  OPTIONAL { ?st kgo:rule ?rule }
  OPTIONAL { ?st kgo:confidence ?conf }
  OPTIONAL {
    ?st prov:wasDerivedFrom ?ev .
    ?ev nif:anchorOf ?sentence .
    OPTIONAL { ?ev dcterms:isPartOf+/dcterms:source ?file }
  }
}
"""


def main(argv: list[str] | None = None) -> int:
    """Print a reproducible random sample of a graph's statements with their sentences."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("-n", type=int, default=30, help="how many statements (default 30)")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--relation", action="append", default=[], help="only these relations")
    parser.add_argument("--rule", default="", help="only rules whose id starts with this")
    args = parser.parse_args(argv)
    if not args.graph.is_file():
        print(f"sample_statements: no graph at {args.graph}; build one with kg build",
              file=sys.stderr)
        return 2
    store = ox.Store()
    store.bulk_load(path=str(args.graph), format=ox.RdfFormat.TURTLE)
    rows: dict[str, tuple[str, ...]] = {}
    for sol in store.query(QUERY):
        key = sol["st"].value
        if key in rows:  # one sentence per statement: the first in IRI order is enough
            continue
        rows[key] = tuple("" if sol[v] is None else sol[v].value
                          for v in ("s", "p", "o", "rule", "conf", "file", "sentence"))
    picked = [
        r for _, r in sorted(rows.items())
        if (not args.relation or r[1] in args.relation) and r[3].startswith(args.rule)
    ]
    sample = random.Random(args.seed).sample(picked, min(args.n, len(picked)))
    print(f"{len(sample)} of {len(picked)} statements (seed {args.seed})")
    for i, (s, p, o, rule, conf, file, sentence) in enumerate(sample, 1):
        text = " ".join(sentence.split())
        print(f"{i:3}. {s}  {p}  {o}   [{rule} {conf}] {file}\n     « {text} »")
    return 0


if __name__ == "__main__":
    sys.exit(main())
