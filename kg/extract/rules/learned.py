"""A learned relation classifier over entity pairs of a sentence, after the hand rules.

Each pair of named mentions of one sentence (a person and an organisation, a person and a
place, an organisation and a place, two places, two people; see :mod:`.pairs`) is scored by
a small logistic regression over its dependency path and the words between and around it.
A pair whose probability reaches the relation's threshold (chosen on held-out sentences for
precision) becomes a fact with that probability as its confidence. It runs once per
document, on the last mention, so every hand rule has run before it: the runner keeps the
first candidate of each fact, and a rule's fact keeps the rule's provenance.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.rules.checks import relation_accepts
from kg.extract.rules.index import DocIndex
from kg.extract.rules.modality import governor_speaker, speaker, suppressed
from kg.extract.rules.pairs import COARSE, Pair, Path3, default_model, examples
from kg.extract.rules.people_syntax import cut_name
from kg.extract.rules.registry import Candidate, matcher, rule
from kg.extract.rules.tokens import as_actor, as_place
from kg.model import Mention

LEARNED = rule("learned", None,
               '"X, a Y spokesman", "X of Y-based Z": a pair the trained classifier scores '
               "above its relation's threshold (confidence: the probability)")

_VERBAL = ("VERB", "AUX")
#: The relations the classifier may state. livesIn and kills stay with the hand rules: on
#: real news their learned pairs were mostly a person and a place of the same clause
#: ("met Jones in Chicago") and killings read in the wrong direction.
RELATIONS = frozenset({"memberOf", "livesIn", "basedIn", "locatedIn"})


def _last_pair_mention(ix: DocIndex) -> Mention | None:
    for m in reversed(ix.mentions):
        if m.label in COARSE:
            return m
    return None


@matcher(LEARNED, on="mention", labels=frozenset(COARSE))
def classified(m: Mention, ix: DocIndex) -> Iterator[Candidate]:
    """Score every pair of every sentence, once per document (on its last mention)."""
    if m is not _last_pair_mention(ix):
        return
    model = default_model()
    doc = ix.doc
    for sent in doc.sents:
        for pair, path, feats in examples(doc, ix.ment_of, sent.start, sent.end, ix.lexicon):
            if pair.relation not in RELATIONS:
                continue
            p = model.probability(pair.relation, feats)
            if p is not None and model.accepts(pair.relation, p):
                yield from _candidate(pair, path, p, ix)


def _candidate(pair: Pair, path: Path3, p: float, ix: DocIndex) -> Iterator[Candidate]:
    """The fact of an accepted pair, unless its clause states no fact or its types do not fit."""
    doc = ix.doc
    up, top, down = path
    on_path = [*up, *down] + ([top] if top is not None else [])
    if any(t.pos_ in _VERBAL and suppressed(t, ix) for t in on_path):  # "was not born in"
        return
    rel = pair.relation
    subject = pair.subject.mention
    subject = as_place(subject) if rel == "locatedIn" else as_actor(subject)
    obj = as_actor(pair.object.mention) if rel in ("memberOf", "kills") \
        else as_place(pair.object.mention)
    if not relation_accepts(rel, subject, obj) or cut_name(subject, ix) or cut_name(obj, ix):
        return
    anchor = top if top is not None else doc[pair.subject.head]
    said = speaker(anchor, ix) if anchor.pos_ in _VERBAL else governor_speaker(anchor, ix)
    yield LEARNED(subject, rel, obj, anchor, said, lexicon_confidence=round(p, 3))
