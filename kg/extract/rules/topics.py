"""What a meeting discusses, and events hung on a verb ("Assad said after a meeting with Putin").

Runs on the head word of an event mention whose clause states a fact (the
``"event"`` trigger), before :mod:`kg.extract.rules.nominal`:

* "rapprochement talks", "talks on X", "the meeting during which X was
  discussed": the meeting discusses X;
* "At the talks, the participants explored X": the meeting discusses the verb's
  object;
* "Assad said after a meeting with Putin", "travelled to Cairo for talks with
  X": the verb's subject takes part, meets the "with" partners, and a
  destination is where the meeting was held.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.rules.arguments import args, deep_event, mentions_of, pobjs, subjects
from kg.extract.rules.index import DocIndex
from kg.extract.rules.modality import governor_speaker, suppressed
from kg.extract.rules.registry import Candidate, matcher, rule
from kg.extract.rules.tokens import MOTION_WORDS, VERB_POS, WH_WORDS, as_actor, lookup
from kg.model import EventMention, Mention

TOPIC_MODIFIER = rule("nominal:topic-modifier", 0.7,
                      '"rapprochement talks": the meeting discusses the event named')
TOPIC = rule("nominal:topic", 0.7, '"talks on the withdrawal": the meeting discusses it')
AT_MEETING = rule("svo:at-meeting", 0.75,
                  '"at the talks, they discussed the withdrawal": the meeting discusses it')
AT_MEETING_GOAL = rule("svo:at-meeting:goal", 0.7,
                       '"at the talks, they agreed to withdraw": the meeting discusses it',
                       name="svo:at-meeting")
ADJUNCT = rule("nominal:adjunct", 0.7, '"Assad said after a meeting with Putin": '
               "Assad participatesIn it and meetsWith Putin")
DESTINATION = rule("nominal:destination", 0.7,
                   '"travelled to Cairo for talks": the talks heldIn Cairo')

TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
#: Prepositions that set a discussion at a meeting ("at the talks, X was discussed").
DISCUSSED_AT = ("at", "during", "in")
#: Prepositions that hang a meeting on what its participants did ("after a meeting with X").
ADJUNCT_PREPS = ("after", "during", "at", "for", "following", "in", "before")


def _is_meeting(tok: Token, ix: DocIndex) -> bool:
    return ix.event_of[tok.i].type == "Meeting"


@matcher(TOPIC_MODIFIER, AT_MEETING, AT_MEETING_GOAL, TOPIC, on="event", when=_is_meeting)
def topics(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """What a meeting word says it discusses: its modifier, relative clause or topic phrase."""
    ev = ix.event_of[tok.i]
    said = governor_speaker(tok, ix)
    for c in tok.children:  # "rapprochement talks": a meeting named by its topic
        if c.dep_ in ("compound", "amod", "nmod") and c.i in ix.event_of and ix.event_of[c.i] != ev:
            yield TOPIC_MODIFIER(ev, "discusses", ix.event_of[c.i], tok, said)
    for rc in tok.children:  # "the meeting during which X was discussed"
        if rc.dep_ == "relcl" and _discuss_verb(rc, ix) and any(
            c.dep_ == "prep" and any(p.lower_ in WH_WORDS for p in c.children) for c in rc.children
        ):
            yield from _discussed(ev, rc, said, ix)
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in TOPIC_PREPS:
            continue
        for p in c.children:
            if p.dep_ in ("pobj", "pcomp"):
                topic = ix.event_of.get(p.i) or deep_event(p, ix, 3)
                if topic is not None and topic != ev:
                    yield TOPIC(ev, "discusses", topic, tok, said)


def _in_adjunct(tok: Token, ix: DocIndex) -> bool:
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in VERB_POS


@matcher(AT_MEETING, AT_MEETING_GOAL, ADJUNCT, DESTINATION, on="event", when=_in_adjunct)
def adjunct(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """An event in a prepositional phrase of a stated verb ("said after a meeting with X")."""
    prep, verb = tok.head, tok.head.head
    if suppressed(verb, ix):
        return
    ev = ix.event_of[tok.i]
    if ev.type != "Meeting":
        return
    said = governor_speaker(tok, ix)
    low = prep.lower_
    if low in DISCUSSED_AT and _discuss_verb(verb, ix):
        yield from _discussed(ev, verb, said, ix)
    if low not in ADJUNCT_PREPS:
        return
    partners = [a for p in pobjs(tok, ("with",)) for a in mentions_of(p, ix)]
    for s in subjects(verb, ix):
        for sub in mentions_of(s, ix):
            yield ADJUNCT(as_actor(sub), "participatesIn", ev, verb, said)
            for partner in partners:
                yield ADJUNCT(as_actor(sub), "meetsWith", as_actor(partner), verb, said)
    if low == "for" and verb.lemma_.lower() in MOTION_WORDS:
        for c in verb.children:
            if c.dep_ != "prep" or c.lower_ != "to":
                continue
            for p in c.children:
                for pl in mentions_of(p, ix, place=True):
                    yield DESTINATION(ev, "heldIn", pl, verb, said)


def _discuss_verb(verb: Token, ix: DocIndex) -> bool:
    frames = lookup(ix.lexicon.verbs, verb) or ()
    return any(f.relation == "discusses" for f in frames)


def _discussed(ev: EventMention, verb: Token, said: Mention | None,
               ix: DocIndex) -> Iterator[Candidate]:
    """The meeting is where the verb's discussion happened: it discusses the topic."""
    for o in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        for c in (o, *o.conjuncts):
            topics_ = [a for a in args(c, ix) if isinstance(a, EventMention)]
            if not topics_:
                deep = deep_event(c, ix)
                topics_ = [deep] if deep else []
            for topic in topics_:
                if topic != ev:
                    yield AT_MEETING(ev, "discusses", topic, verb, said)
    for xc in (c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i in ix.event_of):
        if ix.event_of[xc.i] != ev:
            yield AT_MEETING_GOAL(ev, "discusses", ix.event_of[xc.i], verb, said)
