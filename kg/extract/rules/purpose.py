"""Aims and conditions: "in an effort to normalize relations", "a prerequisite for talks"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.rules.arguments import deep_event, mentions_of, subjects
from kg.extract.rules.index import DocIndex
from kg.extract.rules.modality import speaker, suppressed
from kg.extract.rules.registry import Candidate, matcher, rule
from kg.extract.rules.tokens import as_actor
from kg.model import EventMention

PREREQUISITE = rule("svo:prerequisite", 0.75,
                    '"X described the withdrawal as a prerequisite": X demands the withdrawal')
PURPOSE = rule("svo:purpose", 0.7, '"X hosted talks in an effort to normalize ties": '
               "X supports the aim, the talks discuss it")

PREREQUISITES = frozenset({"prerequisite", "precondition", "condition", "requirement", "priority"})


def _holders(verb: Token) -> list[Token]:
    """The verb and its objects: the phrase may hang on either ("described X as a prerequisite")."""
    return [verb, *(c for c in verb.children if c.dep_ == "dobj")]


@matcher(PREREQUISITE, on="verb")
def prerequisite(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """Making an event a condition demands it."""
    conds = [p for h in _holders(verb) for c in h.children if c.dep_ == "prep" and c.lower_ == "as"
             for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in PREREQUISITES]
    if not conds or suppressed(verb, ix):
        return
    dobjs = [c for c in verb.children if c.dep_ == "dobj"]
    events = [ix.event_of[c.i] for c in dobjs if c.i in ix.event_of]
    events += [d for c in dobjs if c.i not in ix.event_of for d in [deep_event(c, ix, 2)] if d]
    for s in subjects(verb, ix):
        for a in mentions_of(s, ix):
            for ev in events:
                yield PREREQUISITE(as_actor(a), "demands", ev, verb, speaker(verb, ix))


@matcher(PURPOSE, on="verb")
def purpose(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """The subject supports the aim of "in an effort to"; a meeting it holds discusses it."""
    aims: list[EventMention] = []
    for c in (c for h in _holders(verb) for c in h.children):
        if c.dep_ != "prep" or c.lower_ not in ("in", "as"):
            continue
        for p in c.children:
            if p.dep_ == "pobj" and p.lower_ in ix.lexicon.effort_nouns:
                aims += [ix.event_of[a.i] for a in p.children
                         if a.dep_ == "acl" and a.i in ix.event_of]
    if not aims or suppressed(verb, ix):
        return
    said = speaker(verb, ix)
    for s_tok in subjects(verb, ix):
        for a in mentions_of(s_tok, ix):
            for aim in aims:
                yield PURPOSE(as_actor(a), "supports", aim, verb, said)
    for d in (c for c in verb.children if c.dep_ == "dobj" and c.i in ix.event_of):
        meeting = ix.event_of[d.i]
        if meeting.type == "Meeting":
            for aim in aims:
                yield PURPOSE(meeting, "discusses", aim, verb, said)
