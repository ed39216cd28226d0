"""Adjectival compounds: "US-backed SDF", "Turkey's banned PKK", "CIA-led war".

A participle of a verb class that modifies a noun states the class's relation
between the name it is hyphenated to (or the possessor) and the noun. Where one
of these applies, the verb's own frames (:mod:`kg.extract.rules.svo`) do not.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.lexicon import VerbFrame
from kg.extract.rules.arguments import args
from kg.extract.rules.checks import hyphen_accepts
from kg.extract.rules.index import DocIndex
from kg.extract.rules.registry import Candidate, matcher, rule
from kg.extract.rules.tokens import HYPHENS, as_actor, hyphen_follows, lookup
from kg.model import EventMention, Mention

HYPHEN = rule("hyphen", None, '"US-backed SDF", "Russia-brokered deal": the name does it')
POSS_PARTICIPLE = rule("poss-participle", None, "\"Turkey's banned PKK\": the possessor does it",
                       factor=0.9)
LEAD = rule("hyphen:lead", 0.75, '"CIA-led war": the name participatesIn the event', name="hyphen")

#: How the parser may attach the name of "US-backed" to the participle.
HYPHEN_DEPS = frozenset({"npadvmod", "compound", "nmod", "amod", "nsubj", "advmod"})


def _compound(verb: Token) -> bool:
    """A participle or adjective modifying a noun ("backed" in "US-backed SDF")."""
    return verb.tag_ in ("VBN", "VBD", "JJ") and verb.dep_ in ("amod", "compound", "acl", "nmod")


def _hyphened_name(verb: Token, ix: DocIndex) -> Token | None:
    """The name joined to the participle by a dash: "US" of "US-backed"."""
    doc = ix.doc
    for child in verb.lefts:
        if child.dep_ not in HYPHEN_DEPS or child.i not in ix.ment_of:
            continue
        if child.i + 1 < len(doc) and doc[child.i + 1].text in HYPHENS and child.i + 2 == verb.i:
            return child
    return None


def _owners(verb: Token, ix: DocIndex) -> list[Token]:
    """The named possessors of the noun a participle modifies ("Turkey's banned PKK")."""
    if verb.dep_ != "amod" or verb.tag_ != "VBN":
        return []
    return [c for c in verb.head.children if c.dep_ == "poss" and c.i in ix.ment_of]


def _leader(verb: Token, ix: DocIndex) -> Token | None:
    """The name of "X-led"."""
    if verb.lemma_.lower() != "lead":
        return None
    return next((c for c in verb.lefts if c.i in ix.ment_of and hyphen_follows(c)), None)


def _is_hyphened(verb: Token, ix: DocIndex) -> bool:
    return _compound(verb) and _hyphened_name(verb, ix) is not None


def _is_owned(verb: Token, ix: DocIndex) -> bool:
    return _compound(verb) and _hyphened_name(verb, ix) is None and bool(_owners(verb, ix))


def _is_led(verb: Token, ix: DocIndex) -> bool:
    return _compound(verb) and _hyphened_name(verb, ix) is None and not _owners(verb, ix) \
        and _leader(verb, ix) is not None


@matcher(HYPHEN, on="compound", when=_is_hyphened)
def hyphened(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """The first relation of the verb's frames that the head takes, per head."""
    child = _hyphened_name(verb, ix)
    assert child is not None  # checked by the matcher's ``when``
    actor = as_actor(ix.ment_of[child.i])
    targets = args(verb.head, ix)
    frames: list[VerbFrame] = lookup(ix.lexicon.verbs, verb)
    for frame in frames:
        for target in targets:
            if hyphen_accepts(frame.relation, target):
                yield HYPHEN(actor, frame.relation, target, verb,
                             lexicon_confidence=frame.confidence)
                break


@matcher(POSS_PARTICIPLE, on="compound", when=_is_owned)
def owned(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """Actor frames between the possessor and the named head."""
    owners = _owners(verb, ix)
    targets = args(verb.head, ix)
    frames: list[VerbFrame] = lookup(ix.lexicon.verbs, verb)
    for frame in frames:
        if frame.object not in ("actor", "any"):
            continue
        for o in owners:
            for t in targets:
                if isinstance(t, Mention):
                    yield POSS_PARTICIPLE(as_actor(ix.ment_of[o.i]), frame.relation, t, verb,
                                          lexicon_confidence=frame.confidence)


@matcher(LEAD, on="compound", when=_is_led)
def led(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """The leader takes part in the event it leads."""
    child = _leader(verb, ix)
    assert child is not None  # checked by the matcher's ``when``
    actor = as_actor(ix.ment_of[child.i])
    for target in args(verb.head, ix):
        if isinstance(target, EventMention):
            yield LEAD(actor, "participatesIn", target, verb)
