"""Relational and mutual nouns: "Russia's support for X", "regional rivals Iran and Israel"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.lexicon import NounFrame
from kg.extract.rules.arguments import (
    args,
    deep_event,
    mention_group,
    mentions_of,
    named_by,
    pobjs,
    subject_args,
    subjects,
)
from kg.extract.rules.index import DocIndex
from kg.extract.rules.modality import governor_speaker, noun_suppressed
from kg.extract.rules.registry import Candidate, matcher, rule
from kg.extract.rules.tokens import VERB_POS, as_actor, lemmas, lookup
from kg.model import Argument, EventMention, Mention

NOUN = rule("noun:<lemma>", None, "\"Russia's support for X\": a relational noun of the lexicon",
            name="noun:{lemma}")
MUTUAL_OF = rule("noun:mutual-of", 0.7, '"Russia and Iran, close allies of Assad": each to Assad')
MUTUAL = rule("noun:mutual", 0.65, '"regional rivals Iran and Saudi Arabia": every pair, both ways')
MUTUAL_IN = rule("noun:mutual-in", 0.65, '"our Coalition partners, especially the Turks", '
                 '"NATO allies France and Germany": each named partner memberOf the organisation')

MODIFIER_DEPS = ("amod", "compound", "poss", "nmod")


def _relational(tok: Token, ix: DocIndex) -> bool:
    return lookup(ix.lexicon.nouns, tok) is not None


def _mutual(tok: Token, ix: DocIndex) -> bool:
    return lookup(ix.lexicon.mutual_nouns, tok) is not None


def _light(verb: Token, ix: DocIndex) -> bool:
    return any(lem in ix.lexicon.light_verbs for lem in lemmas(verb))


@matcher(NOUN, on="noun", when=_relational)
def relational(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"Russia's support for X", "cooperation with Iran", "Turkey has control over X"."""
    frame: NounFrame = lookup(ix.lexicon.nouns, tok)
    if noun_suppressed(tok, ix):
        return
    said = governor_speaker(tok, ix)
    objects = _noun_objects(tok, frame, ix)
    patient_first = False
    if not objects and tok.dep_ == "pobj" and tok.head.lower_ == "under":
        # "the SDF has been under Turkish threat": the subject is the patient
        gov = tok.head.head
        if gov.pos_ in VERB_POS:
            objects = subject_args(gov, ix)
            patient_first = True
    agents = _noun_agents(tok, ix) if not patient_first else [
        a for c in tok.children if c.dep_ in MODIFIER_DEPS and c.i in ix.ment_of
        for a in mention_group(c, ix)]
    for a in agents:
        for o in objects:
            if frame.object in ("actor", "place") and not isinstance(o, Mention):
                continue
            if frame.object == "event" and not isinstance(o, EventMention):
                continue
            yield NOUN(as_actor(a), frame.relation, o, tok, said,
                       lexicon_confidence=frame.confidence, name=f"noun:{frame.lemma}")


def _noun_objects(tok: Token, frame: NounFrame, ix: DocIndex) -> list[Argument]:
    """The objects of the noun's prepositions ("support *for X*")."""
    place = frame.object == "place"
    objects: list[Argument] = []
    holders = [tok]
    if tok.dep_ == "dobj" and _light(tok.head, ix):
        holders.append(tok.head)  # "Iran provides support to Hezbollah": "to" hangs on the verb
    for c in (c for h in holders for c in h.children):
        if c.dep_ != "prep" or c.lower_ not in frame.preps:
            continue
        for p in c.children:
            if p.dep_ not in ("pobj", "pcomp"):
                continue
            found = args(p, ix, place=place)
            if not found and frame.object in ("event", "any"):
                deep = deep_event(p, ix, 2)
                found = [deep] if deep else []
            objects += found
    return objects


def _noun_agents(tok: Token, ix: DocIndex) -> list[Mention]:
    """Who does what a noun names: its possessor or demonym, else the light verb's subject."""
    agents: list[Mention] = []
    for c in tok.children:
        if c.dep_ == "poss":
            agents += mentions_of(c, ix)
        elif c.dep_ in ("amod", "compound", "nmod") and c.i in ix.ment_of:
            agents += mention_group(c, ix)
    if agents:
        return agents
    head = tok.head
    if tok.dep_ in ("dobj", "attr") and head.pos_ in VERB_POS and (
        _light(head, ix) or head.lemma_.lower() == "be"
    ):
        return [a for s in subjects(head, ix) for a in mentions_of(s, ix)]
    return []


@matcher(MUTUAL_OF, MUTUAL, MUTUAL_IN, on="noun", when=_mutual)
def mutual(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"long-time regional rivals Iran and Saudi Arabia": every pair, both ways."""
    relation: str = lookup(ix.lexicon.mutual_nouns, tok)
    if noun_suppressed(tok, ix):
        return
    group = named_by(tok, ix)
    targets = [a for p in pobjs(tok, ("of",)) for a in mentions_of(p, ix)]
    if targets:  # "Russia and Iran, close allies of Assad": each of the group to the "of" party
        for a in group:
            for b in targets:
                yield MUTUAL_OF(as_actor(a), relation, as_actor(b), tok)
        return
    # "Coalition partners", "NATO allies": partners within the organisation, its members
    # (a state's "US allies" are the US's partners, and stay pairs)
    within = [m for c in tok.children if c.dep_ in ("compound", "nmod") and c.i in ix.ment_of
              for m in mention_group(c, ix) if m.label == "ORG"]
    if within:
        group = [m for m in group if m not in within]
        for a in group:
            for org in within:
                if a.label != "ORG" or a.text != org.text:
                    yield MUTUAL_IN(as_actor(a), "memberOf", org, tok)
    if len(group) < 2:
        return
    for a in group:
        for b in group:
            if a != b:
                yield MUTUAL(as_actor(a), relation, as_actor(b), tok)
