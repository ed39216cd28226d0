"""Meetings by their verbs: "X and Y met", "X hosted talks", "talks were held in Cairo"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.rules.arguments import (
    args,
    deep_event,
    mentions_of,
    prep_objects,
    subject_args,
    subjects,
)
from kg.extract.rules.index import DocIndex
from kg.extract.rules.modality import speaker, suppressed
from kg.extract.rules.registry import Candidate, matcher, rule
from kg.extract.rules.tokens import as_actor, as_place
from kg.model import Argument, EventMention, Mention

RECIPROCAL = rule("svo:reciprocal", 0.8, '"X, Y and Z met": each pair meetsWith')
MEET_FOR = rule("svo:meet-for", 0.75, '"X and Y met for talks": each participatesIn the talks')
MEET_IN = rule("svo:meet-in", 0.75, '"X and Y met in Moscow for talks": the talks heldIn Moscow')
RECEIVE_FOR = rule("svo:receive-for", 0.75, '"X received Y for talks": X hosts the talks')
HOLD_WITH = rule("svo:hold-with", 0.8, '"X held talks with Y": X meetsWith Y')
HOLD_WITH_PARTNER = rule("svo:hold-with:partner", 0.75,
                         '"X held talks with Y": Y participatesIn the talks', name="svo:hold-with")
HOST_PLACE = rule("svo:host-place", 0.7, '"Moscow hosted the talks": the talks heldIn Moscow',
                  object_from_host=True)
HELD_IN = rule("svo:held-in", 0.8,
               '"the meeting began in Moscow", "talks were held in Cairo": heldIn')

#: Verbs whose Meeting subject and "in" phrase give heldIn ("the meeting began in Moscow").
HAPPEN_VERBS = frozenset({"hold", "take", "begin", "start", "convene", "open", "end",
                          "conclude", "happen", "occur", "be", "continue", "resume"})
#: Verbs whose subject holds or hosts the meeting they take ("hold talks with X").
HOLD_VERBS = frozenset({"hold", "receive", "host", "have"})
PLACE_LABELS = ("GPE", "LOC", "FAC")


def _is_meet(verb: Token, ix: DocIndex) -> bool:
    return verb.lemma_.lower() == "meet"


def _is_hold(verb: Token, ix: DocIndex) -> bool:
    return verb.lemma_.lower() in HOLD_VERBS


def _is_host(verb: Token, ix: DocIndex) -> bool:
    return verb.lemma_.lower() == "host"


def _is_happen(verb: Token, ix: DocIndex) -> bool:
    return verb.lemma_.lower() in HAPPEN_VERBS


@matcher(RECIPROCAL, MEET_FOR, MEET_IN, on="frame", when=_is_meet)
def met(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"X, Y and Z met (in Moscow) (for talks)": pairwise meetsWith, participation, place."""
    said = speaker(verb, ix)
    subs = [a for t in subjects(verb, ix) for a in args(t, ix) if isinstance(a, Mention)]
    has_obj = any(c.dep_ == "dobj" for c in verb.children) or prep_objects(verb, "with")
    if not has_obj and len(subs) >= 2:
        for i, a in enumerate(subs):
            for b in subs[i + 1:]:
                yield RECIPROCAL(as_actor(a), "meetsWith", as_actor(b), verb, said)
    events = [deep_event(p, ix, 3) or ix.event_of.get(p.i) for p in prep_objects(verb, "for")]
    places = [a for p in prep_objects(verb, "in") for a in args(p, ix, place=True)]
    for ev in events:
        if ev is None:
            continue
        for s in subs:
            yield MEET_FOR(as_actor(s), "participatesIn", ev, verb, said)
        for pl in places:
            if isinstance(pl, Mention):
                yield MEET_IN(ev, "heldIn", pl, verb, said)


@matcher(RECEIVE_FOR, HOLD_WITH, HOLD_WITH_PARTNER, on="frame", when=_is_hold)
def held(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"hold talks with X" / "receive X for talks": participation and hosting."""
    said = speaker(verb, ix)
    lemma = verb.lemma_.lower()
    subs = subject_args(verb, ix)
    dobj_events = [c for c in verb.children if c.dep_ == "dobj" and c.i in ix.event_of]
    events = [ix.event_of[c.i] for c in dobj_events]
    events += [e for p in prep_objects(verb, "for")
               for e in [ix.event_of.get(p.i) or deep_event(p, ix, 2)] if e]
    partners: list[Argument] = [a for p in prep_objects(verb, "with") for a in args(p, ix)]
    hosts = lemma in ("receive", "host") and any(
        c.dep_ == "dobj" and c.i not in ix.event_of for c in verb.children)
    for ev in events:
        if ev.type != "Meeting":
            continue
        for d in dobj_events:  # added once per meeting, as found
            partners += [a for p in prep_objects(d, "with") for a in args(p, ix)]
        for s in subs:
            if not isinstance(s, Mention):
                continue
            if hosts:
                yield RECEIVE_FOR(as_actor(s), "hosts", ev, verb, said)
            for p in partners:
                if isinstance(p, Mention):
                    yield HOLD_WITH(as_actor(s), "meetsWith", as_actor(p), verb, said)
        for p in partners:
            if isinstance(p, Mention):
                yield HOLD_WITH_PARTNER(as_actor(p), "participatesIn", ev, verb, said)


@matcher(HOST_PLACE, on="frame", when=_is_host)
def host_place(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"Moscow hosted the talks": the host city is also where they were held."""
    said = speaker(verb, ix)
    for s_tok in subjects(verb, ix):
        if s_tok.i not in ix.ment_of or ix.ment_of[s_tok.i].label not in PLACE_LABELS:
            continue
        for d in verb.children:
            if d.dep_ != "dobj":
                continue
            for ev in args(d, ix):
                if isinstance(ev, EventMention) and ev.type == "Meeting":
                    yield HOST_PLACE(ev, "heldIn", as_place(ix.ment_of[s_tok.i]), verb, said)


@matcher(HELD_IN, on="verb", when=_is_happen)
def happened_in(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"The meeting began in Moscow", "talks were held in Cairo", "held a meeting in Moscow"."""
    if suppressed(verb, ix):
        return
    said = speaker(verb, ix)
    subs = subject_args(verb, ix)
    deps = ("nsubjpass", "dobj") if verb.lemma_.lower() == "hold" else ("nsubjpass",)
    meets = [a for a in subs if isinstance(a, EventMention) and a.type == "Meeting"]
    meets += [a for c in verb.children if c.dep_ in deps for a in args(c, ix)
              if isinstance(a, EventMention) and a.type == "Meeting"]
    for prep in ("in", "at"):
        for p in prep_objects(verb, prep):
            for pl in mentions_of(p, ix, place=True):
                for ev in meets:
                    yield HELD_IN(ev, "heldIn", pl, verb, said)
