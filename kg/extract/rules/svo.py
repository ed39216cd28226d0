"""Verb frames: "X hosted Y", "Y was hosted by X", "the meeting, which included X".

Each verb class of the lexicon (``kg/extract/data/verbs.tsv``) names a relation,
the kind of its object and an optional preposition; this family reads the
subject and object of every verb of a class: active, passive, relative clauses,
participles, control and coordination on either side. Confidence is the frame's.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.lexicon import VerbFrame
from kg.extract.rules.arguments import args, deep_event, prep_objects, subjects
from kg.extract.rules.checks import fits
from kg.extract.rules.index import DocIndex
from kg.extract.rules.modality import speaker
from kg.extract.rules.registry import Candidate, matcher, rule
from kg.extract.rules.tokens import WH_WORDS, as_actor, lookup
from kg.model import Argument, EventMention, Mention

SVO = rule("svo", None, '"Egypt hosted talks": subject and object of a verb frame')
PASSIVE = rule("svo:passive", None, '"talks were hosted by Egypt": a verb frame in the passive')
INVERSE = rule("svo:inverse", None,
               '"the meeting, which included Russia": actor object, event subject')

#: Prepositions whose object a place frame takes when it has none of its own
#: ("occupied territory within Syria's northern border").
PLACE_PREPS = ("within", "in", "inside", "across", "over")
#: Nouns of people besides the lexicon's actor nouns and titles: visiting them is no visit to
#: their state ("visited U.S. service members").
PEOPLE_NOUNS = frozenset({"member", "personnel", "soldier", "airman", "sailor", "marine",
                          "employee", "staff", "worker", "student", "refugee", "family",
                          "people", "civilian", "resident", "citizen"})


@matcher(SVO, PASSIVE, INVERSE, on="frame")
def verb_frames(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """Every frame of the verb's class, with the subjects and objects its voice gives."""
    frames: list[VerbFrame] = lookup(ix.lexicon.verbs, verb)
    children = list(verb.children)
    agent = any(c.dep_ == "agent" for c in children)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and agent
    )  # "the talks (which were) hosted by Egypt"
    said = speaker(verb, ix)
    for frame in frames:
        if frame.prep == "by":
            subj_toks = [c for c in children if c.dep_ in ("nsubjpass", "nsubj")]
            if not subj_toks and verb.dep_ in ("acomp", "attr"):
                subj_toks = subjects(verb.head, ix)  # "Ankara and Damascus are appalled by X"
            obj_toks = [p for c in children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                        for p in c.children if p.dep_ == "pobj"]
        elif passive:
            subj_toks = [p for c in children if c.dep_ == "agent"
                         for p in c.children if p.dep_ == "pobj"]
            obj_toks = [c for c in children if c.dep_ == "nsubjpass"] if not frame.prep else \
                prep_objects(verb, frame.prep)
            if verb.dep_ in ("acl", "relcl") and (
                    not obj_toks or obj_toks[0].lower_ in WH_WORDS):  # "Y, who was killed by X"
                obj_toks = [verb.head]
        else:
            subj_toks = subjects(verb, ix)
            obj_toks = _objects(verb, frame, ix)
        yield from _frame(verb, frame, subj_toks, obj_toks, said, passive, ix)


def _objects(verb: Token, frame: VerbFrame, ix: DocIndex) -> list[Token]:
    """The object words of an active verb for one frame."""
    if frame.prep:
        toks = prep_objects(verb, frame.prep)
    else:
        toks = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    if frame.object in ("event", "any"):
        # the event of an infinitive complement: "seek to normalize ties"
        toks += [c for c in verb.children if c.dep_ == "xcomp" and c.i in ix.event_of]
    if frame.object == "place" and not frame.prep:
        toks += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS
                 for p in c.children if p.dep_ == "pobj"]
    if frame.relation == "visits" and any(_people_noun(t, ix) for t in toks):
        # "flew to visit U.S. service members at Q-West": the visit is to the place where
        # the people are, not to their state
        toks = [t for t in toks if not _people_noun(t, ix)]
        toks += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "in")
                 for p in c.children if p.dep_ == "pobj" and p.i in ix.ment_of
                 and ix.ment_of[p.i].label in ("GPE", "LOC", "FAC")]
    return toks


def _people_noun(tok: Token, ix: DocIndex) -> bool:
    """A common noun of people ("troops", "service members", "officials"), not a name."""
    if tok.i in ix.ment_of or tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    lex = ix.lexicon
    return lemma in lex.actor_nouns or lemma in lex.titles or lemma in PEOPLE_NOUNS


def _frame(verb: Token, frame: VerbFrame, subj_toks: list[Token], obj_toks: list[Token],
           said: Mention | None, passive: bool, ix: DocIndex) -> Iterator[Candidate]:
    """The facts of one frame between what its subject and object words stand for."""
    subjects_ = [a for t in subj_toks for a in (_alone(t, ix) if garden_agent(t) else args(t, ix))]
    conf = frame.confidence
    if frame.object == "inverse":  # "the meeting, which included Russia"
        events = [a for a in subjects_ if isinstance(a, EventMention)]
        actors = [a for t in obj_toks for a in args(t, ix) if isinstance(a, Mention)]
        for ev in events:
            for actor in actors:
                yield INVERSE(as_actor(actor), frame.relation, ev, verb, said,
                              lexicon_confidence=conf)
        return
    objects: list[Argument] = []
    for t in obj_toks:
        found = args(t, ix, place=frame.object == "place")
        if frame.object in ("event", "any"):
            for c in (t, *t.conjuncts):
                if not args(c, ix):
                    deep = deep_event(c, ix)
                    if deep is not None and deep not in found:
                        found.append(deep)
        objects += found
    made = PASSIVE if passive else SVO
    for s in subjects_:
        for o in objects:
            if fits(frame, s, o):
                subj = as_actor(s) if isinstance(s, Mention) else s
                yield made(subj, frame.relation, o, verb, said, lexicon_confidence=conf)


def garden_agent(tok: Token) -> bool:
    """"After talks hosted by China, Iran and Saudi Arabia clinched a deal": the parser read
    the main clause's subjects as more agents of the fronted participle.

    So where the conjuncts after a comma run up to a verb that governs the agent's phrase and
    has no subject of its own, they are that verb's subjects and only the first is the agent.
    """
    conj = tok.conjuncts
    doc = tok.doc
    if not conj or tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
        return False
    j = max(c.right_edge.i for c in conj) + 1
    while j < len(doc) and doc[j].dep_ in ("advmod", "aux"):
        j += 1
    if j >= len(doc):
        return False
    verb = doc[j]
    return verb.pos_ in ("VERB", "AUX") and verb.i in {a.i for a in tok.ancestors} \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _alone(tok: Token, ix: DocIndex) -> list[Argument]:
    """The mention of one word, without its conjuncts."""
    return [ix.ment_of[tok.i]] if tok.i in ix.ment_of else []
