"""Membership: "Moscow and Ankara are members of the Astana Process", "other OIC members"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.rules.arguments import mentions_of, pobjs, subjects
from kg.extract.rules.index import DocIndex
from kg.extract.rules.modality import suppressed
from kg.extract.rules.registry import Candidate, matcher, rule
from kg.extract.rules.tokens import as_actor, governing_verb
from kg.model import Mention

MEMBER = rule("member", 0.8, '"Turkey and Greece are members of NATO": each memberOf NATO')


@matcher(MEMBER, on="word", words=frozenset({"member", "members"}))
def members(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """The named members of the named organisations of a "member(s)" word."""
    ment_of = ix.ment_of
    orgs = [ment_of[c.i] for c in tok.children if c.dep_ in ("compound", "nmod") and c.i in ment_of
            and ment_of[c.i].label == "ORG"]
    orgs += [a for p in pobjs(tok, ("of",)) for a in mentions_of(p, ix) if a.label == "ORG"]
    if not orgs:
        return
    found = _members(tok, orgs, ix)
    governor = governing_verb(tok)
    if governor is not None and suppressed(governor, ix):
        return
    for m in found:
        for org in orgs:
            if m != org:
                yield MEMBER(as_actor(m), "memberOf", org, tok)


def _members(tok: Token, orgs: list[Mention], ix: DocIndex) -> list[Mention]:
    """The subject of "are members", the coordinated names, or the name's own coordination."""
    ment_of = ix.ment_of
    found: list[Mention] = []
    if tok.dep_ == "attr":
        found = [a for s in subjects(tok.head, ix) for a in mentions_of(s, ix)]
    found += [ment_of[t.i] for t in tok.conjuncts if t.i in ment_of]
    if tok.dep_ == "conj":
        first = _first_conjunct(tok)
        found += [ment_of[t.i] for t in (first, *first.conjuncts) if t.i in ment_of]
    inside = ment_of.get(tok.head.i) if tok.dep_ == "pobj" and tok.head.head.i in ment_of else None
    if inside is None and tok.head.i in ment_of:
        inside = ment_of[tok.head.i]
    hung_inside = tok.head.dep_ == "prep" and tok.head.head.i in ment_of
    if inside is not None and inside in orgs or hung_inside:
        # "X, Y and other Organization of Islamic Cooperation members": the parser hangs
        # "members" inside the name; the members are the name's coordination group
        org_root = ix.doc.char_span(orgs[0].start, orgs[0].end, alignment_mode="expand")
        if org_root is not None and org_root.root.dep_ == "conj":
            first = _first_conjunct(org_root.root)
            found += [ment_of[t.i] for t in (first, *first.conjuncts)
                      if t.i in ment_of and ment_of[t.i] not in orgs]
    return found


def _first_conjunct(tok: Token) -> Token:
    first = tok.head
    while first.dep_ == "conj":
        first = first.head
    return first
