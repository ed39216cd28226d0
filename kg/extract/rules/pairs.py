"""Entity pairs of a sentence, their features, and the learned pair classifier's weights.

The learned family (:mod:`.learned`) scores each pair of named mentions in one
sentence with a logistic regression per relation, trained offline on the public
development sentences (``scripts/train_relations.py``) and shipped as a small JSON
file (``kg/extract/data/relations_model.json``). Everything here is pure Python:
features are read from the existing parse (no other pass), and a score is a sparse
dot product and a sigmoid.

Which relation a pair may hold is fixed by the mentions' coarse types (:data:`RELATION_OF`):
a person and an organisation ``memberOf``, a person and a place ``livesIn``, an
organisation and a place ``basedIn``, two places ``locatedIn``, two people ``kills``.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from kg.extract.lexicon import Lexicon
from kg.model import Mention

#: Coarse type of a mention's NER label (NORP names no place and no member body: left out).
COARSE = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
#: The relation a pair (subject type, object type) may hold.
RELATION_OF = {
    ("PER", "ORG"): "memberOf",
    ("PER", "LOC"): "livesIn",
    ("ORG", "LOC"): "basedIn",
    ("LOC", "LOC"): "locatedIn",
    ("PER", "PER"): "kills",
}
#: Pairs further apart than this many tokens are not scored (nor trained on).
MAX_GAP = 20
#: At most this many pairs are scored per sentence (the nearest first).
MAX_PAIRS = 24
#: Longer dependency paths (in edges) get only their length as a path feature.
MAX_PATH = 5
#: Words between two mentions kept as a bag only when at most this many.
MAX_BETWEEN = 10
#: Words that license a pair for a relation where one governs it on the dependency path
#: between the two mentions (lemmas or forms, lower case; the lexicon's verbs of the relation
#: are added; see :func:`licensed`). Residence, killing and seat are said in words: a person
#: named near a place is not said to live there ("Grossi's visit to Tehran"), nor one person
#: near another to have killed them.
TRIGGERS = {
    # not "home": "his Chicago home" may be anyone's (the people family reads "X's home")
    "livesIn": frozenset({"born", "native", "resident", "hometown", "citizen",
                          "grow", "raise", "live", "reside", "inhabitant", "settle"}),
    "kills": frozenset({"assassin", "assassination", "killer", "murderer", "murder", "killing",
                        "slaying", "slay", "shoot", "gun", "execute", "execution", "behead",
                        "stab", "strangle", "poison", "kill", "assassinate"}),
    "basedIn": frozenset({"base", "headquarter", "headquarters", "locate", "office", "branch"}),
}
#: Prepositions that attach a place to an organisation directly ("Bank of Boston", "a bank in
#: Chicago"). A person's "of Kansas" is the people family's (it checks the parse's guesses:
#: "killed Soleimani and al-Muhandis of Iraq" hangs "of Iraq" on the wrong name).
DIRECT_PREPS = {"basedIn": frozenset({"of", "in"})}
#: Dependencies that attach a place to an organisation directly ("Iran's X", "Tehran X").
DIRECT_DEPS = frozenset({"compound", "poss", "nmod", "npadvmod", "appos"})
#: Dependencies that cross into another clause ("X said Y murdered Z", "killed ... and exiled").
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "conj", "advcl"})
#: Dashes that join two names as parties ("Iran-IAEA talks"), not as place and body.
DASHES = frozenset({"-", "–", "—"})
#: The shipped weights.
MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "relations_model.json"


#: A dependency path: the tokens up from one end, the common ancestor (None: none), the
#: tokens down to the other end (both ends left out).
Path3 = tuple[list[Token], Token | None, list[Token]]


@dataclass(frozen=True, slots=True)
class Span:
    """A mention with its first token, one past its last token and its head token."""

    mention: Mention
    start: int
    end: int
    head: int
    coarse: str


@dataclass(frozen=True, slots=True)
class Pair:
    """An ordered pair of mentions of one sentence and the relation it may hold."""

    subject: Span
    object: Span
    relation: str


def spans(doc: Doc, ment_of: Mapping[int, Mention], start: int, end: int) -> list[Span]:
    """The named mentions of coarse type among tokens ``start:end``, in text order."""
    out: list[Span] = []
    i = start
    while i < end:
        m = ment_of.get(i)
        if m is None:
            i += 1
            continue
        j = i
        while j + 1 < end and ment_of.get(j + 1) is m:
            j += 1
        coarse = COARSE.get(m.label)
        if coarse is not None and m.kind == "name":
            out.append(Span(m, i, j + 1, _head(doc, i, j + 1), coarse))
        i = j + 1
    return out


def _head(doc: Doc, start: int, end: int) -> int:
    """The token of ``start:end`` whose head lies outside it (the last token if none does)."""
    for k in range(start, end):
        h = doc[k].head.i
        if h == k or not start <= h < end:
            return k
    return end - 1


def pairs(found: list[Span]) -> list[Pair]:
    """The ordered pairs that may hold a relation, nearest first, at most :data:`MAX_PAIRS`."""
    out: list[tuple[int, int, Pair]] = []
    for a_i, a in enumerate(found):
        for b_i, b in enumerate(found):
            if a_i == b_i or a.mention.text == b.mention.text:
                continue
            rel = RELATION_OF.get((a.coarse, b.coarse))
            if rel is None:
                continue
            gap = b.start - a.end if a.start < b.start else a.start - b.end
            if gap <= MAX_GAP:
                out.append((gap, len(out), Pair(a, b, rel)))
    out.sort(key=lambda t: (t[0], t[1]))
    return [p for _, _, p in out[:MAX_PAIRS]]


def _chain(tok: Token) -> list[Token]:
    """The token and its ancestors up to the sentence root."""
    chain = [tok]
    while tok.head.i != tok.i and len(chain) < 40:
        tok = tok.head
        chain.append(tok)
    return chain


def _bucket(n: int) -> str:
    for top, name in ((0, "0"), (1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (8, "6-8"), (12, "9-12")):
        if n <= top:
            return name
    return "13+"


def _word(tok: Token) -> str:
    """A token as a feature: its lower-case lemma, numbers folded to one symbol."""
    return "#" if tok.like_num else tok.lemma_.lower()


def path_tokens(doc: Doc, a: int, b: int) -> Path3:
    """The dependency path between tokens ``a`` and ``b``: up from a, the common ancestor, down
    to b (the ends excluded from the two lists); ``(…, None, …)`` if they share no ancestor."""
    up = _chain(doc[a])
    down = _chain(doc[b])
    on_down = {t.i: k for k, t in enumerate(down)}
    for k, t in enumerate(up):
        if t.i in on_down:
            return up[1:k], t, list(reversed(down[1:on_down[t.i]]))
    return up[1:], None, list(reversed(down[1:]))


_TRIGGER_CACHE: dict[int, dict[str, frozenset[str]]] = {}


def triggers(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """:data:`TRIGGERS` with the lexicon's verbs of each relation (worked out once per lexicon)."""
    key = id(lexicon)
    if key not in _TRIGGER_CACHE:
        _TRIGGER_CACHE[key] = {
            rel: words | {lemma for lemma, frames in lexicon.verbs.items()
                          if any(f.relation == rel for f in frames)}
            for rel, words in TRIGGERS.items()}
    return _TRIGGER_CACHE[key]


def licensed(doc: Doc, pair: Pair, path: Path3, words: Mapping[str, frozenset[str]]) -> bool:
    """Whether the text links the two mentions closely enough to state the pair's relation.

    ``livesIn``, ``kills`` and ``basedIn`` need a word of their class
    (:data:`TRIGGERS`) governing the relation on the dependency path (:func:`_governors`) or
    on a short path within one clause, or, for a place, a direct attachment
    (:data:`DIRECT_PREPS`, :data:`DIRECT_DEPS`); ``locatedIn`` needs the two places next
    to each other (at most two dependency edges and three words apart: "Columbus, Miss.",
    "Idlib province in Syria");
    ``memberOf`` is left to the model.
    """
    rel = pair.relation
    s, o = pair.subject, pair.object
    up, top, down = path
    if top is None:
        return False
    if rel == "memberOf":
        return True
    first, second = (s, o) if s.start < o.start else (o, s)
    if rel == "locatedIn":
        return len(up) + len(down) + (top.i not in (s.head, o.head)) <= 1 \
            and second.start - first.end <= 3
    trigger = words.get(rel, frozenset())
    if any(_word(t) in trigger or t.lower_ in trigger for t in _governors(s, o, path)):
        return True
    middle = [*up, *down] + ([] if top.i in (s.head, o.head) else [top])
    if len(middle) <= 3 and not any(t.dep_ in CLAUSE_DEPS for t in (*up, *down)) \
            and doc[s.head].dep_ not in CLAUSE_DEPS and doc[o.head].dep_ not in CLAUSE_DEPS \
            and any(_word(t) in trigger or t.lower_ in trigger for t in middle):
        return True  # "X was convicted of killing Y": a short path within one clause
    if top.i == s.head and not up:
        if len(down) == 1 and down[0].lower_ in DIRECT_PREPS.get(rel, ()):
            return True
        between = {doc[k].text for k in range(first.end, second.start)}
        if rel == "basedIn" and not down and doc[o.head].dep_ in DIRECT_DEPS \
                and not between & DASHES:  # "Iran-IAEA differences" names two parties
            return True
    return False


def _governors(s: Span, o: Span, path: Path3) -> list[Token]:
    """The words of a path that govern the relation: the common ancestor ("X killed Y", "X was
    born in Y"), or, where one end governs the other, the word under it ("Y's assassin X",
    "X, a native of Y"); not words further down ("X said Y murdered Z")."""
    up, top, down = path
    if top is None:
        return []
    if top.i == s.head:
        return down[:1]
    if top.i == o.head:
        return up[-1:]
    return [top]


def features(doc: Doc, pair: Pair, titles: Mapping[str, str], path: Path3 | None = None
             ) -> list[str]:
    """The features of a pair: dependency path, words between and around, order, distance."""
    s, o = pair.subject, pair.object
    first, second = (s, o) if s.start < o.start else (o, s)
    feats = ["bias", "ord=" + ("so" if first is s else "os")]
    between = range(first.end, second.start)
    feats.append("d=" + _bucket(len(between)))
    words = [_word(doc[k]) for k in between]
    if len(words) <= MAX_BETWEEN:
        feats.extend("bw=" + w for w in set(words))
        if len(words) <= 4:
            feats.append("bs=" + "_".join(words))
    if words:
        feats.extend(("bf=" + words[0], "bl=" + words[-1]))
    if first.start > 0:
        feats.append("b1=" + _word(doc[first.start - 1]))
    if second.end < len(doc) and doc[second.end].sent.start == doc[second.start].sent.start:
        feats.append("a1=" + _word(doc[second.end]))
    for span, side in ((s, "s"), (o, "o")):
        near = range(max(span.start - 3, 0), min(span.end + 2, len(doc)))
        for k in near:
            if doc[k].lower_ in titles and not span.start <= k < span.end:
                feats.append(f"t{side}=1")
                break
    up, top, down = path or path_tokens(doc, s.head, o.head)
    feats.extend(_path_features(doc, s, o, up, top, down))
    return feats


def _path_features(doc: Doc, s: Span, o: Span, up: list[Token], top: Token | None,
                   down: list[Token]) -> Iterator[str]:
    if top is None:
        yield "p=none"
        return
    length = len(up) + len(down) + (top.i not in (s.head, o.head)) + 1
    yield "pn=" + _bucket(length)
    deps_up = [doc[s.head].dep_] + [t.dep_ for t in up] if top.i != s.head else []
    deps_down = [t.dep_ for t in down] + [doc[o.head].dep_] if top.i != o.head else []
    if length <= MAX_PATH:
        yield "p=" + "<".join(deps_up) + "^" + ">".join(deps_down)
        middle = [*up, top, *down] if top.i not in (s.head, o.head) else [*up, *down]
        lex = "_".join(_word(t) for t in middle)
        yield "pl=" + "<".join(deps_up) + "^" + lex + "^" + ">".join(deps_down)
    if top.i not in (s.head, o.head):
        yield "top=" + _word(top)
        yield "toppos=" + top.pos_
    else:
        yield "top=" + ("s" if top.i == s.head else "o")
    for t in (*up, *down):
        yield "pw=" + _word(t)
    for dep in set(deps_up + deps_down):
        yield "pd=" + dep


def examples(doc: Doc, ment_of: Mapping[int, Mention], start: int, end: int,
             lexicon: Lexicon) -> Iterator[tuple[Pair, Path3, list[str]]]:
    """The licensed pairs of the sentence ``start:end`` with their paths and features.

    The one place pairs are made, for the rule and for its training alike.
    """
    found = spans(doc, ment_of, start, end)
    if len(found) < 2:
        return
    words = triggers(lexicon)
    for pair in pairs(found):
        path = path_tokens(doc, pair.subject.head, pair.object.head)
        if licensed(doc, pair, path, words):
            yield pair, path, features(doc, pair, lexicon.titles, path)


@dataclass(frozen=True, slots=True)
class Model:
    """A logistic regression per relation: bias, sparse weights and the decision threshold."""

    bias: Mapping[str, float]
    weights: Mapping[str, Mapping[str, float]]
    threshold: Mapping[str, float]

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Model:
        """A model from its JSON form ``{"relations": {rel: {bias, threshold, weights}}}``.

        Raises:
            ValueError: A relation not in :data:`RELATION_OF`, or a value out of range.
        """
        rels = data.get("relations")
        if not isinstance(rels, dict):
            raise ValueError("relations model: no 'relations' object")
        bias, weights, threshold = {}, {}, {}
        known = set(RELATION_OF.values())
        for rel, spec in rels.items():
            if rel not in known:
                raise ValueError(f"relations model: unknown relation {rel!r}")
            t = float(spec["threshold"])
            if not 0 < t < 1:
                raise ValueError(f"relations model: threshold of {rel} is {t}, not in (0, 1)")
            bias[rel] = float(spec["bias"])
            weights[rel] = {str(k): float(v) for k, v in spec["weights"].items()}
            threshold[rel] = t
        return cls(bias, weights, threshold)

    def probability(self, relation: str, feats: list[str]) -> float | None:
        """The model's probability that the pair holds ``relation`` (None: no such model)."""
        w = self.weights.get(relation)
        if w is None:
            return None
        z = self.bias[relation] + sum(w.get(f, 0) for f in feats)
        return 1 / (1 + math.exp(-z)) if z > -30 else 0

    def accepts(self, relation: str, probability: float) -> bool:
        """Whether a probability reaches the relation's threshold."""
        return probability >= self.threshold.get(relation, 2)


def load_model(path: Path) -> Model:
    """Read a model file (JSON, see :meth:`Model.from_json`)."""
    return Model.from_json(json.loads(path.read_text(encoding="utf-8")))


@functools.cache
def default_model() -> Model:
    """The shipped model, loaded once."""
    return load_model(MODEL_PATH)
