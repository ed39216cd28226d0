#!/usr/bin/env python3
"""Extraction figures for a built graph: relations per article, grounding, a sample to check by hand.

Usage:
    python scripts/corpus_report.py out/graph.ttl [--sample 30] [--seed 7]

Prints:
  * articles, statements, and statements (article-level facts) per article;
  * the share of statements whose subject and object are both typed canonical nodes
    (an entity of the four contract types, or an event), and the stricter share whose
    entity ends are grounded in the gazetteer (owl:sameAs Wikidata, or a country);
  * relations by predicate;
  * a seeded random sample of statements with their sentence, for a hand check.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.sparql import run_query  # after the sys.path line above
from kg.store.load import load_graph

ENTITY = {"Country", "Person", "Organization", "Location"}


def local(term: object) -> str:
    return str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("graph", type=Path)
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    g = load_graph(args.graph)
    n_articles = int(run_query(g, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle }").rows[0][0])
    rows = run_query(g, """
        SELECT ?st ?p ?s ?sl ?st_t ?o ?ol ?ot ?conf ?ev ?text ?src ?sgrounded ?ogrounded WHERE {
          ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
              kgo:confidence ?conf ; prov:wasDerivedFrom ?ev .
          ?ev nif:anchorOf ?text ; dcterms:isPartOf ?a . ?a dcterms:source ?src .
          ?s a ?st_t ; rdfs:label ?sl . ?o a ?ot ; rdfs:label ?ol .
          FILTER(STRSTARTS(STR(?st_t), STR(kgo:)) && STRSTARTS(STR(?ot), STR(kgo:)))
          BIND(EXISTS { ?s owl:sameAs ?w1 } || EXISTS { ?s a kgo:Country } AS ?sgrounded)
          BIND(EXISTS { ?o owl:sameAs ?w2 } || EXISTS { ?o a kgo:Country } AS ?ogrounded)
        }""").rows
    facts: dict[tuple[str, str], dict] = {}
    for st, p, s, sl, stt, o, ol, ot, conf, ev, text, src, sg, og in rows:
        key = (str(st), str(src))
        f = facts.setdefault(key, {"p": local(p), "s": str(sl), "o": str(ol), "conf": float(conf),
                                   "texts": set(), "src": str(src), "types": set(), "grounded": True})
        f["texts"].add(str(text))
        f["types"].add((local(stt), local(ot)))
        is_event = {local(stt), local(ot)} - ENTITY
        f["grounded"] &= (sg.toPython() or local(stt) not in ENTITY) and (og.toPython() or local(ot) not in ENTITY)
        del is_event
    statements = {k[0] for k in facts}
    typed = sum(1 for f in facts.values() if all(t in ENTITY or t not in ("Entity", "Event") for pair in f["types"]
                                                 for t in pair))
    grounded = sum(1 for f in facts.values() if f["grounded"])
    print(f"articles: {n_articles}")
    print(f"statements (distinct triples): {len(statements)}; article-level facts: {len(facts)}")
    print(f"facts per article: {len(facts) / max(1, n_articles):.2f}")
    print(f"facts whose subject and object are typed canonical entities or events: "
          f"{typed / max(1, len(facts)):.1%}")
    print(f"facts whose entity ends are gazetteer-grounded (Wikidata or country): "
          f"{grounded / max(1, len(facts)):.1%}")
    print("by relation:", ", ".join(f"{k} {v}" for k, v in Counter(f["p"] for f in facts.values()).most_common()))
    rng = random.Random(args.seed)
    sample = rng.sample(sorted(facts.items()), min(args.sample, len(facts)))
    print(f"\nrandom sample of {len(sample)} facts (seed {args.seed}):")
    for i, ((_, src), f) in enumerate(sample, 1):
        sentence = min(f["texts"]).replace("\n", " ")
        print(f"{i:2}. {f['s']}  {f['p']}  {f['o']}   [{f['conf']:.2f}, {src}]\n    « {sentence[:300]} »")
    return 0


if __name__ == "__main__":
    sys.exit(main())
