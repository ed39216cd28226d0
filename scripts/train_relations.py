#!/usr/bin/env python3
"""Train the learned pair classifier (kg/extract/rules/learned.py) on CoNLL04's development parts.

Usage:
    python scripts/train_relations.py [--train train,dev] [--eval dev] [--out PATH]
                                      [--conll04 DIR] [--precision 0.8]

Needs the ``train`` extra (scikit-learn); kg itself never imports it. Each sentence of the
chosen CoNLL04 splits is parsed with kg's pipeline (recased, kg's components) and indexed as
a build does; every pair of :mod:`kg.extract.rules.pairs` gets its features, and is a
positive when CoNLL04 relates the two mentions (names matched as the public scorer matches
them) with the pair's relation (Work_For -> memberOf, Live_In -> livesIn, OrgBased_In ->
basedIn, Located_In -> locatedIn, Kill -> kills). One L2 logistic regression per relation;
its threshold is the lowest whose 5-fold cross-validated precision on the training sentences
is at least ``--precision`` (folds by sentence). With ``--eval``, the pair-level precision and
recall on that split (never trained on) is printed. The weights are written as JSON (no
pickle), rounded and pruned, with their features.

The CoNLL04 test split is kept back by the maintainers and never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = ROOT.parent / "shared" / "eval" / "public"
WEIGHT: str | None = None
GOLD_RELATION = {"Work_For": "memberOf", "Live_In": "livesIn", "OrgBased_In": "basedIn",
                 "Located_In": "locatedIn", "Kill": "kills"}


def _within(small: str, big: str) -> bool:
    if len(small) < 4:
        return f" {small} " in f" {big} "
    return f" {small}" in f" {big} "


def same(a: str, b: str) -> bool:
    """Two normalised names match as the public scorer matches them (equal or contained)."""
    return bool(a) and bool(b) and (a == b or _within(a, b) or _within(b, a))


def examples(parts: set[str], public: Path) -> list[tuple[str, str, list[str], int]]:
    """(sentence name, relation, features, label) of every pair of the parts' sentences."""
    sys.path.insert(0, str(public))
    import conll04  # type: ignore[import-not-found]
    from _common import norm  # type: ignore[import-not-found]

    from kg.extract.lexicon import Lexicon
    from kg.extract.rules.index import build_index
    from kg.extract.rules.pairs import examples as pair_examples
    from kg.pipeline.nlp import EXTRACTOR, load_nlp, make_recaser

    sents = [(n, s) for n, s in conll04.load_sentences(str(public / "conll04"), "dev")
             if n.split("_")[0][3:] in parts]
    nlp = load_nlp()
    recase = make_recaser()
    lexicon = Lexicon.default()
    texts = [recase(conll04.detokenize(s["tokens"])) for _, s in sents]
    out = []
    with nlp.select_pipes(disable=[EXTRACTOR]):
        for (name, s), doc in zip(sents, nlp.pipe(texts, batch_size=64), strict=True):
            toks, ents = s["tokens"], s["entities"]
            gold = set()
            for r in s["relations"]:
                h, t = ents[r["head"]], ents[r["tail"]]
                gold.add((GOLD_RELATION[r["type"]],
                          norm(conll04.detokenize(toks[h["start"]:h["end"]])),
                          norm(conll04.detokenize(toks[t["start"]:t["end"]]))))
            ix = build_index(doc, lexicon)
            for sent in doc.sents:
                for pair, _, feats in pair_examples(doc, ix.ment_of, sent.start, sent.end,
                                                    lexicon):
                    a, b = norm(pair.subject.mention.text), norm(pair.object.mention.text)
                    label = any(rel == pair.relation and same(a, g_h) and same(b, g_t)
                                for rel, g_h, g_t in gold)
                    out.append((name, pair.relation, feats, int(label)))
    return out


def fit(rows: list[tuple[str, list[str], int]], c: float, min_count: int):  # type: ignore[no-untyped-def]
    """A logistic regression on (sentence, features, label) rows: (model, vectorizer)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for _, feats, _ in rows for f in set(feats))
    keep = {f for f, n in counts.items() if n >= min_count}
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in feats if f in keep} for _, feats, _ in rows])
    y = [label for _, _, label in rows]
    model = LogisticRegression(C=c, max_iter=2000, class_weight=WEIGHT)
    model.fit(x, y)
    return model, vec


def score(model, vec, rows) -> list[float]:  # type: ignore[no-untyped-def]
    x = vec.transform([{f: 1 for f in feats} for _, feats, _ in rows])
    return list(model.predict_proba(x)[:, 1])


def cross_val(rows, c: float, min_count: int, folds: int = 5) -> list[float]:  # type: ignore[no-untyped-def]
    """Out-of-fold probabilities, folds by sentence."""
    names = sorted({n for n, _, _ in rows})
    fold_of = {n: k % folds for k, n in enumerate(names)}
    probs = [0.0] * len(rows)
    for k in range(folds):
        train = [r for r in rows if fold_of[r[0]] != k]
        test = [j for j, r in enumerate(rows) if fold_of[r[0]] == k]
        if not any(r[2] for r in train):
            continue
        model, vec = fit(train, c, min_count)
        for j, p in zip(test, score(model, vec, [rows[j] for j in test]), strict=True):
            probs[j] = p
    return probs


def pick_threshold(probs: list[float], labels: list[int], precision: float,
                   min_hits: int = 5, floor: float = 0.5) -> float:
    """The lowest threshold (not under ``floor``) whose hits have precision >= ``precision``,
    with at least ``min_hits`` hits; 0.99 if none."""
    ranked = sorted(zip(probs, labels, strict=True), reverse=True)
    tp = fp = 0
    best = 0.99
    for k, (p, y) in enumerate(ranked):
        tp += y
        fp += 1 - y
        nxt = ranked[k + 1][0] if k + 1 < len(ranked) else -1
        if p < floor:
            break
        if tp >= min_hits and tp / (tp + fp) >= precision and nxt < p:
            best = round(p, 3)
    return best


def prf(probs, labels, threshold) -> tuple[float, float, int, int, int]:  # type: ignore[no-untyped-def]
    tp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= threshold and y)
    fp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= threshold and not y)
    pos = sum(labels)
    return (tp / (tp + fp) if tp + fp else 0.0, tp / pos if pos else 0.0, tp, fp, pos)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", default="train,dev", help="CoNLL04 parts to train on")
    ap.add_argument("--eval", default="", help="a CoNLL04 part to evaluate on (pairs)")
    ap.add_argument("--out", default=str(ROOT / "kg/extract/data/relations_model.json"))
    ap.add_argument("--conll04", default=str(PUBLIC), help="folder of conll04.py")
    ap.add_argument("--precision", type=float, default=0.8,
                    help="cross-validated precision each threshold must reach")
    ap.add_argument("--precision-of", default="kills=0.9,livesIn=0.9,memberOf=0.85",
                    help="per-relation precision targets, e.g. kills=0.9,basedIn=0.85")
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    ap.add_argument("--min-count", type=int, default=2, help="drop rarer features")
    ap.add_argument("--prune", type=float, default=0.02, help="drop smaller |weights|")
    ap.add_argument("--cache", default="", help="keep the parsed pairs in this JSON file")
    args = ap.parse_args(argv)
    targets = {k: float(v) for k, v in (t.split("=") for t in args.precision_of.split(",") if t)}
    train_parts = set(args.train.split(","))
    eval_parts = {args.eval} if args.eval else set()
    cache = Path(args.cache) if args.cache else None
    if cache is not None and cache.exists():
        rows = [tuple(r) for r in json.loads(cache.read_text(encoding="utf-8"))]
    else:
        rows = examples({"train", "dev"}, Path(args.conll04))
        if cache is not None:
            cache.write_text(json.dumps(rows), encoding="utf-8")
    rows = [r for r in rows if r[0].split("_")[0][3:] in train_parts | eval_parts]
    by_rel: dict[str, list] = defaultdict(list)
    held: dict[str, list] = defaultdict(list)
    for name, rel, feats, label in rows:
        part = name.split("_")[0][3:]
        (held if part in eval_parts else by_rel)[rel].append((name, feats, label))
    out: dict[str, object] = {}
    for rel in sorted(by_rel):
        data = by_rel[rel]
        labels = [y for _, _, y in data]
        oof = cross_val(data, args.c, args.min_count)
        threshold = pick_threshold(oof, labels, targets.get(rel, args.precision))
        cp, cr, ctp, cfp, cpos = prf(oof, labels, threshold)
        model, vec = fit(data, args.c, args.min_count)
        line = (f"{rel:<10} pairs {len(data):>5} pos {cpos:>4}  threshold {threshold:.3f}  "
                f"cv P {cp:.3f} R {cr:.3f} ({ctp} tp, {cfp} fp)")
        if held.get(rel):
            hl = [y for _, _, y in held[rel]]
            hp, hr, htp, hfp, hpos = prf(score(model, vec, held[rel]), hl, threshold)
            line += f"  | held-out P {hp:.3f} R {hr:.3f} ({htp} tp, {hfp} fp, {hpos} pos)"
        print(line, flush=True)
        names = vec.get_feature_names_out()
        weights = {str(f): round(float(w), 3) for f, w in zip(names, model.coef_[0], strict=True)
                   if abs(w) >= args.prune}
        out[rel] = {"bias": round(float(model.intercept_[0]), 4), "threshold": threshold,
                    "weights": dict(sorted(weights.items()))}
    meta = {"trained_on": f"CoNLL04 {args.train} (Roth & Yih 2004, SpERT release)",
            "by": "scripts/train_relations.py", "c": args.c, "min_count": args.min_count,
            "precision": args.precision, "precision_of": targets}
    Path(args.out).write_text(json.dumps({"meta": meta, "relations": out}, indent=0,
                                         ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
