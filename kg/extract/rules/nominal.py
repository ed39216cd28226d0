"""Arguments of event words: "talks between X and Y", "X's war on Y", "a meeting in Moscow".

Every matcher here runs on the head word of an event mention whose clause
states a fact (the ``"event"`` trigger); the reported speaker is the governing
clause's. :mod:`kg.extract.rules.topics` (what a meeting discusses, and events
hung on a verb) runs before these, on the same words.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.rules.arguments import mention_group, mentions_of, pobjs, subjects
from kg.extract.rules.events import verb_objects_for_event
from kg.extract.rules.index import DocIndex
from kg.extract.rules.modality import governor_speaker
from kg.extract.rules.registry import Candidate, matcher, rule
from kg.extract.rules.tokens import PARTICIPANT_EVENT_TYPES, as_actor
from kg.model import EventMention, Mention

BETWEEN = rule("nominal:between", 0.75, '"talks between X and Y": each participatesIn')
AMONG = rule("nominal:among", 0.75, '"talks among X, Y and Z": each participatesIn')
WITH = rule("nominal:with", 0.75, '"an agreement with Iran": Iran participatesIn')
BETWEEN_MEET = rule("nominal:between:meet", 0.7, '"talks between X and Y": X meetsWith Y',
                    name="nominal:between")
IN = rule("nominal:in", 0.8, '"a meeting in Moscow": the meeting heldIn Moscow')
OF_BETWEEN = rule("nominal:of-between", 0.7,
                  '"normalization of ties between X and Y": each participatesIn')
POSS = rule("nominal:poss", 0.7, "\"Turkey's war\", \"Iran's talks\": the possessor participatesIn")
WAR_ON = rule("nominal:war-on", 0.7, "\"Turkey's war on the PKK\": Turkey attacks the PKK")
MODIFIER = rule("nominal:modifier", 0.7, '"US-Iran talks", "Syrian-Turkish relations": '
                "each name participatesIn")
MODIFIER_MEET = rule("nominal:modifier:meet", 0.65, '"US-Iran talks": the US meetsWith Iran',
                     name="nominal:modifier")
EVENT_VERB = rule("svo:event-verb", 0.7,
                  '"Iran and Saudi Arabia restored relations": the subjects participatesIn')
OCCUPATION = rule("nominal:occupation", 0.7, "\"Ankara's occupation of northern Syria\": occupies")

PARTNER_RULES = {"between": BETWEEN, "among": AMONG, "with": WITH}
#: Event types a possessor takes part in ("Turkey's war").
POSS_EVENT_TYPES = PARTICIPANT_EVENT_TYPES | {"Conflict"}
#: Event types a named modifier takes part in ("US-Iran talks").
MODIFIER_EVENT_TYPES = ("Meeting", "Normalization", "Agreement")
#: Objects of a normalization verb whose modifiers are the parties ("restore Syrian-Turkish ties").
TIES = ("tie", "relation", "relationship")
AGENT_DEPS = ("poss", "compound", "amod")


@matcher(BETWEEN, AMONG, WITH, BETWEEN_MEET, IN, OF_BETWEEN, POSS, WAR_ON, MODIFIER, MODIFIER_MEET,
         on="event")
def arguments(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """The event word's own dependents, in the order they come."""
    ev = ix.event_of[tok.i]
    said = governor_speaker(tok, ix)
    for child in tok.children:
        dep, low = child.dep_, child.lower_
        if dep == "prep" and low in PARTNER_RULES:
            yield from _partners(tok, ev, child, said, ix)
        elif dep == "prep" and low in ("in", "at") and ev.type == "Meeting":
            for p in child.children:
                if p.dep_ != "pobj":
                    continue
                for pl in mentions_of(p, ix, place=True):
                    if pl.label in ("GPE", "LOC", "FAC"):
                        yield IN(ev, "heldIn", pl, tok, said)
        elif dep == "prep" and low in ("on", "against") and ev.type in ("Conflict", "Attack"):
            targets = [a for p in child.children if p.dep_ == "pobj" for a in mentions_of(p, ix)]
            yield from _war_on(tok, ev, targets, said, ix)
        elif dep == "prep" and low == "of" and ev.type == "Normalization":
            for p in child.children:
                if p.dep_ != "pobj":
                    continue
                for pp in pobjs(p, ("between", "with")):
                    for a in mentions_of(pp, ix):
                        yield OF_BETWEEN(as_actor(a), "participatesIn", ev, tok, said)
        elif dep == "poss" and ev.type in POSS_EVENT_TYPES:
            for a in mentions_of(child, ix):
                yield POSS(as_actor(a), "participatesIn", ev, tok, said)
        elif dep in ("amod", "compound", "nmod") and child.i in ix.ment_of \
                and ev.type in MODIFIER_EVENT_TYPES:
            group = mention_group(child, ix)
            for a in group:
                yield MODIFIER(as_actor(a), "participatesIn", ev, tok, said)
            if ev.type == "Meeting":  # "US-Iran talks"
                for i, a in enumerate(group):
                    for b in group[i + 1:]:
                        yield MODIFIER_MEET(as_actor(a), "meetsWith", as_actor(b), tok, said)


def _partners(tok: Token, ev: EventMention, prep: Token, said: Mention | None,
              ix: DocIndex) -> Iterator[Candidate]:
    """"talks between X and Y", "an agreement with Iran", "war with the PKK"."""
    low = prep.lower_
    actors = [a for p in prep.children if p.dep_ == "pobj" for a in mentions_of(p, ix)]
    if ev.type in PARTICIPANT_EVENT_TYPES or low == "between":
        for a in actors:
            yield PARTNER_RULES[low](as_actor(a), "participatesIn", ev, tok, said)
    if ev.type == "Meeting" and low == "between":
        for i, a in enumerate(actors):
            for b in actors[i + 1:]:
                yield BETWEEN_MEET(as_actor(a), "meetsWith", as_actor(b), tok, said)
    if ev.type == "Conflict" and low == "with":
        yield from _war_on(tok, ev, actors, said, ix)


def _war_on(tok: Token, ev: EventMention, targets: list[Mention], said: Mention | None,
            ix: DocIndex) -> Iterator[Candidate]:
    """The named agents of a conflict take part in it and attack its targets."""
    agents = [a for c in tok.children if c.dep_ in AGENT_DEPS for a in mentions_of(c, ix)]
    for a in agents:
        yield POSS(as_actor(a), "participatesIn", ev, tok, said)
        for t in targets:
            yield WAR_ON(as_actor(a), "attacks", as_actor(t), tok, said)


def _joint_event_verb(tok: Token, ix: DocIndex) -> bool:
    return tok.pos_ == "VERB" and ix.event_of[tok.i].type in MODIFIER_EVENT_TYPES


@matcher(EVENT_VERB, on="event", when=_joint_event_verb)
def event_verb(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """Who does a joint event verb takes part in it."""
    ev = ix.event_of[tok.i]
    said = governor_speaker(tok, ix)
    for s_tok in subjects(tok, ix):
        for a in mentions_of(s_tok, ix):
            yield EVENT_VERB(as_actor(a), "participatesIn", ev, tok, said)


def _normalization_verb(tok: Token, ix: DocIndex) -> bool:
    return tok.pos_ == "VERB" and ix.event_of[tok.i].type == "Normalization"


@matcher(MODIFIER, BETWEEN, on="event", when=_normalization_verb)
def ties(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"restored Syrian-Turkish relations", "ties between X and Y": the parties take part."""
    ev = ix.event_of[tok.i]
    said = governor_speaker(tok, ix)
    for obj in verb_objects_for_event(tok):
        if obj.lemma_.lower() not in TIES:
            continue
        for child in obj.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i in ix.ment_of:
                for a in mention_group(child, ix):
                    yield MODIFIER(as_actor(a), "participatesIn", ev, obj, said)
            if child.dep_ == "prep" and child.lower_ in ("between", "with"):
                parties = [a for p in child.children if p.dep_ == "pobj"
                           for a in mentions_of(p, ix)]
                for a in parties:
                    yield BETWEEN(as_actor(a), "participatesIn", ev, obj, said)


def _occupation(tok: Token, ix: DocIndex) -> bool:
    return ix.event_of[tok.i].type == "Occupation"


@matcher(OCCUPATION, on="event", when=_occupation)
def occupation(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """The named agent of an occupation occupies the place it is "of" or "in"."""
    said = governor_speaker(tok, ix)
    agents = [a for c in tok.children if c.dep_ in AGENT_DEPS and c.i in ix.ment_of
              for a in mention_group(c, ix)]
    places = [a for p in pobjs(tok, ("of", "in")) for a in mentions_of(p, ix, place=True)]
    for a in agents:
        for pl in places:
            yield OCCUPATION(as_actor(a), "occupies", pl, tok, said)
