"""Fighting, killing, presence and visits (attacks, kills, operatesIn, visits).

The verb frames of these relations are rows of the lexicon (``kill``, ``bomb``,
``travel to``, read by :mod:`kg.extract.rules.svo`); this family reads what a
frame cannot:

* killers and killings named by nouns ("Kennedy's assassin, Sirhan", "the
  assassination of Y by X", "X was convicted of killing Y");
* shooting, which kills only with a word of death ("shot dead", "fatally shot");
* attack nouns under a light verb ("conducted 10 strikes against ISIL near Mosul")
  and the places where actors fight (``operatesIn``);
* forces present somewhere ("Turkish troops in Syria", "ISIL fighters near Mosul");
* visits named by nouns ("during his visit to Cairo", "a visit by X to Y").

The word lists and the shared parse helpers are in :mod:`.conflict_words`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.rules.arguments import (
    mention_group,
    mentions_of,
    names_state,
    span_of,
    subjects,
)
from kg.extract.rules.checks import relation_accepts
from kg.extract.rules.conflict_words import (
    ATTACK_EVENT_TYPES,
    CAMPAIGN_NOUNS,
    CONFLICT_LIGHT,
    DEFEAT_VERBS,
    FORCE_NOUNS,
    FORCE_ORG_HEADS,
    HARM_VERBS,
    HEDGED_NOUN_MODS,
    HELD_PLACES,
    INJURE_VERBS,
    KILL_NOUNS,
    KILLER_NOUNS,
    PLACE_LABELS,
    PRESENCE_VERBS,
    PURSUIT_VERBS,
    REVOLT_NOUNS,
    SORTIE_NOUNS,
    TARGET_PREPS,
    VISIT_NOUNS,
    actors,
    against_named,
    agents_and_patients,
    claimants,
    conflict_light,
    convicted,
    fatal,
    fired_by,
    intended,
    own,
    people,
    places_under,
    planned,
    plural_people,
    visit_light,
)
from kg.extract.rules.index import DocIndex
from kg.extract.rules.modality import governor_speaker, noun_suppressed, speaker, suppressed
from kg.extract.rules.registry import Candidate, matcher, rule
from kg.extract.rules.tokens import as_actor, as_place, lemmas, lookup
from kg.model import Mention

KILLER = rule("conflict:killer-noun", 0.8,
              "\"Kennedy's assassin, Sirhan\", \"X, the killer of Y\": X kills Y")
KILLING = rule("conflict:killing-of", 0.75,
               '"the assassination of Y by X", "X\'s killing of Y": X kills Y')
CONVICTED = rule("conflict:convicted", 0.75,
                 '"X was convicted of killing Y", "sentenced for the murder of Y": X kills Y')
CHARGED = rule("conflict:charged", 0.6,
               '"X was charged with the murder of Y": X kills Y (as charged)')
SHOT_DEAD = rule("conflict:shot-dead", 0.8, '"X shot Y dead", "Y was fatally shot by X": X kills Y')
SHOT = rule("conflict:shot", 0.65, '"X shot Y" (a person, not said to die): X attacks Y')
FIRED = rule("conflict:fired-shots", 0.75, '"X fired the shots that killed Y": X kills Y')
KILLED_GROUP = rule("conflict:killed-group", 0.65,
                    '"ISIL killed Iraqi soldiers": a killing verb on no person: attacks')
ATTACK_NOUN = rule("conflict:attack-noun", 0.7,
                   '"X conducted strikes against Y", "strikes by X on Y": X attacks Y')
FIGHTS_IN = rule("conflict:fights-in", 0.7,
                 '"X conducted strikes in Syria", "X fought near Mosul": X operatesIn the place')
TARGET_IN = rule("conflict:target-in", 0.65,
                 '"strikes against ISIL near Mosul": the target operatesIn the place')
FORCES_IN = rule("conflict:forces-in", 0.75,
                 '"Turkish troops in Syria", "ISIL fighters near Mosul": operatesIn')
HAS_FORCES = rule("conflict:has-forces", 0.7,
                  '"the US has 900 troops in Syria", "Turkey deployed troops to Syria": operatesIn')
CAMPAIGN_TO = rule("conflict:campaign-to", 0.7,
                   '"the Coalition\'s campaign to defeat Daesh", "X is working to degrade and '
                   'destroy ISIL": X attacks Y')
VISIT = rule("conflict:visit-noun", 0.75,
             '"during his visit to Cairo", "a visit by X to Y", "X, on a visit to Y": visits')


# --- killers and killings named by nouns ---------------------------------------------

@matcher(KILLER, on="word", words=KILLER_NOUNS)
def killer_noun(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"Kennedy's assassin, Sirhan", "Kennedy assassin Sirhan", "X, the killer of Y"."""
    if _hedged(tok) or noun_suppressed(tok, ix):
        return
    victims = [m for c in tok.children if c.dep_ == "poss" for m in people(c, ix)]
    victims += [m for p in _pobjs(tok, ("of",)) for m in people(p, ix)]
    killers: list[Mention] = []
    for c in tok.children:
        if c.dep_ == "appos":
            killers += actors(c, ix)
    head = tok.head
    if tok.dep_ in ("appos", "compound", "nmod") and head.i in ix.ment_of:
        killers += own(head, ix)  # "X, the assassin of Y", "assassin X" (not X's conjuncts)
    elif tok.dep_ == "attr" and head.lemma_.lower() == "be":
        killers += [m for s in subjects(head, ix) for m in actors(s, ix)]  # "X was the killer"
    if not victims and tok.dep_ in ("compound", "nmod"):
        # "Garfield's assassin Charles Guiteau": the possessive hangs on the name
        victims += [m for c in head.children if c.dep_ == "poss" for m in people(c, ix)]
    if not victims and tok.dep_ in ("compound", "nmod"):
        # "Kennedy assassin Sirhan": the name just before the noun is the victim
        before = tok.i - 1
        if before >= 0 and before in ix.ment_of and ix.ment_of[before].label == "PERSON" \
                and ix.ment_of[before] not in killers:
            victims.append(ix.ment_of[before])
    said = governor_speaker(tok, ix)
    for k in killers:
        for v in victims:
            if k != v:
                yield KILLER(as_actor(k), "kills", v, tok, said)


def _is_kill_noun(tok: Token, ix: DocIndex) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and tok.i not in ix.ment_of


@matcher(KILLING, CONVICTED, CHARGED, on="word", words=KILL_NOUNS, when=_is_kill_noun)
def killing_of(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"the assassination of Y by X", "X's killing of Y", "convicted of Y's murder"."""
    if _hedged(tok) or noun_suppressed(tok, ix):
        return
    relation = "attacks" if tok.lemma_.lower() == "shooting" else "kills"
    of_victims = [m for p in _pobjs(tok, ("of",)) for m in people(p, ix)]
    owners = [m for c in tok.children if c.dep_ == "poss" for m in actors(c, ix)]
    named = [m for c in tok.children if c.dep_ == "compound" for m in people(c, ix)]
    victims = of_victims or [m for m in owners if m.label == "PERSON"] or named
    agents = [m for p in _pobjs(tok, ("by",)) for m in actors(p, ix)]
    if of_victims:
        agents += owners  # "Booth's assassination of Lincoln"
    said = governor_speaker(tok, ix)
    for a in agents:
        for v in victims:
            if a != v:
                yield KILLING(as_actor(a), relation, v, tok, said)
    found = convicted(tok, ix)
    if found is None:
        return
    made = CONVICTED if found[1] else CHARGED
    for a in found[0]:
        for v in victims:
            if a != v:
                yield made(as_actor(a), relation, v, tok, said)


# --- verbs of harm ---------------------------------------------------------------------

def _harms(verb: Token, ix: DocIndex) -> bool:
    return any(lem in HARM_VERBS for lem in lemmas(verb)[:2])


@matcher(SHOT_DEAD, SHOT, FIRED, KILLED_GROUP, CONVICTED, CHARGED, on="verb", when=_harms)
def harm_verb(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """Shooting (kills with a word of death, else attacks a person), killing a group."""
    if suppressed(verb, ix) or intended(verb):
        return
    said = speaker(verb, ix)
    agents, patients = agents_and_patients(verb, ix)
    lemma = lemmas(verb)[0] if lemmas(verb)[0] in HARM_VERBS else lemmas(verb)[1]
    shoot = lemma in INJURE_VERBS
    found = convicted(verb, ix) if not agents else None
    for p in patients:
        person = p.label == "PERSON"
        if shoot:
            if not person:
                continue
            relation, made = ("kills", SHOT_DEAD) if fatal(verb) else ("attacks", SHOT)
        elif person:  # the verb frame (svo) states it, unless the subject is what was fired
            relation = "kills"
            made = FIRED if any(fired_by(t, ix) != [t] for t in subjects(verb, ix)) else None
        elif plural_people(p):
            continue  # "killed innocent Syrians": people, not the state
        else:
            relation, made = "attacks", KILLED_GROUP
        if made is not None:
            for a in agents:
                if a != p and relation_accepts(relation, a, p):
                    yield made(as_actor(a), relation, p, verb, said)
        if found is not None:  # "X was convicted of killing Y"
            judged = CONVICTED if found[1] else CHARGED
            for a in found[0]:
                if a != p and relation_accepts(relation, a, p):
                    yield judged(as_actor(a), relation, p, verb, said)


# --- attacks named by nouns, and where actors fight --------------------------------------

def _attack_noun(tok: Token, ix: DocIndex) -> bool:
    frame = lookup(ix.lexicon.nouns, tok)
    if frame is not None and frame.relation == "attacks":
        return True
    if tok.lemma_.lower() in SORTIE_NOUNS and any(  # "fly strike missions against ISIL"
            c.dep_ in ("compound", "amod") and _attack_noun(c, ix) for c in tok.children):
        return True
    ev = ix.event_of.get(tok.i)
    return ev is not None and ev.type in ATTACK_EVENT_TYPES


@matcher(ATTACK_NOUN, FIGHTS_IN, TARGET_IN, on="noun", when=_attack_noun)
def attack_noun(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"X conducted 10 strikes against Y near Mosul", "strikes by X", "X's fight against Y"."""
    if _hedged(tok) or planned(tok) or any(c.lower_ == "no" for c in tok.children):
        return
    # a named owner presupposes the fight ("seeking to join the SDF's fight against ISIL")
    agents = [m for p in _pobjs(tok, ("by",)) for m in actors(p, ix)]
    agents += claimants(tok, ix)  # "the attacks in Jabla, for which Daesh claimed responsibility"
    agents += [m for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")
               and c.i in ix.ment_of and not against_named(c) for m in mention_group(c, ix)
               if m.label != "PERSON" or c.dep_ == "poss"]
    light = conflict_light(tok, ix)
    if light is not None:
        if not (suppressed(light, ix) or intended(light)):
            agents += [m for s in subjects(light, ix) for m in actors(s, ix)]
            agents += [m for p in _pobjs(light, ("by",)) for m in actors(p, ix)]  # passive
        elif not agents:
            return  # "threatened to launch an assault on X"
    elif not agents and (noun_suppressed(tok, ix) or (
            tok.dep_ in ("dobj", "pobj") and intended(tok.head))):
        return
    target_toks = _pobjs(tok, TARGET_PREPS)
    targets = [m for t in target_toks for m in actors(t, ix)]
    if tok.lemma_.lower() in REVOLT_NOUNS:  # "waged an insurgency inside Turkey": its state
        targets += [m for h in (tok, light) if h is not None
                    for t in _pobjs(h, ("in", "inside", "within"))
                    for m in mentions_of(t, ix) if m.label == "GPE" and names_state(m.text)]
    said = governor_speaker(tok, ix)
    for a in agents:
        for t in targets:
            if a != t and relation_accepts("attacks", a, t):
                yield ATTACK_NOUN(as_actor(a), "attacks", as_actor(t), tok, said)
    holders = [tok] if light is None else [tok, light]
    # the attacker strikes where it strikes its targets ("strikes against ISIL near Mosul")
    where = [pl for h in (*holders, *target_toks) for pl in places_under(h, ix)]
    for a in agents:
        for pl in where:
            if a.label != "PERSON" and relation_accepts("operatesIn", a, pl):
                yield FIGHTS_IN(as_actor(a), "operatesIn", pl, tok, said)
    for t_tok in target_toks:
        near = places_under(t_tok, ix)
        for t in actors(t_tok, ix):
            for pl in near:
                if t.label != "PERSON" and relation_accepts("operatesIn", t, pl):
                    yield TARGET_IN(as_actor(t), "operatesIn", pl, tok, said)


def _fights(verb: Token, ix: DocIndex) -> bool:
    frames = lookup(ix.lexicon.verbs, verb)
    return bool(frames) and any(f.relation in ("attacks", "kills") for f in frames)


@matcher(FIGHTS_IN, TARGET_IN, on="frame", when=_fights)
def fights_in(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"ISIL fighters attacked Iraqi forces near Mosul": both operate there."""
    if intended(verb):
        return
    agents, patients = agents_and_patients(verb, ix)
    said = speaker(verb, ix)
    where = places_under(verb, ix)
    where += [pl for c in verb.children if c.dep_ == "dobj" for pl in places_under(c, ix)
              if pl not in where]
    for a in agents:
        for pl in where:
            if a.label != "PERSON" and relation_accepts("operatesIn", a, pl):
                yield FIGHTS_IN(as_actor(a), "operatesIn", pl, verb, said)
    yield from _targets_in(verb, where, said, ix)


def _targets_in(verb: Token, where: list[Mention], said: Mention | None,
                ix: DocIndex) -> Iterator[Candidate]:
    """The named targets of an attack verb are where it or they are said to be."""
    for c in verb.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        near = places_under(c, ix) + where
        for t in actors(c, ix):
            for pl in near:
                if t.label != "PERSON" and relation_accepts("operatesIn", t, pl):
                    yield TARGET_IN(as_actor(t), "operatesIn", pl, verb, said)


def _struck_by_strikes(verb: Token, ix: DocIndex) -> bool:
    """A verb whose subject is an attack word: "near Mosul, four strikes engaged ISIL units"."""
    if verb.pos_ != "VERB":
        return False
    return any(c.dep_ == "nsubj" and c.i in ix.event_of and ix.event_of[c.i].type == "Attack"
               for c in verb.children)


@matcher(TARGET_IN, on="verb", when=_struck_by_strikes)
def strikes_hit(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"Near Mosul, four strikes engaged three ISIL tactical units": ISIL operatesIn Mosul."""
    if suppressed(verb, ix) or intended(verb):
        return
    yield from _targets_in(verb, places_under(verb, ix), speaker(verb, ix), ix)


# --- campaigns and efforts to defeat a side ----------------------------------------------

def _beats(verb: Token, ix: DocIndex) -> bool:
    if verb.pos_ != "VERB":
        return False
    if verb.lemma_.lower() in DEFEAT_VERBS:
        return True
    frames = lookup(ix.lexicon.verbs, verb)  # killing has its own rules (harm_verb, svo)
    return bool(frames) and all(f.relation == "attacks" for f in frames)


@matcher(CAMPAIGN_TO, FIGHTS_IN, TARGET_IN, on="verb", when=_beats)
def campaign_to(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"the campaign to defeat Daesh", "efforts to degrade and defeat Da'esh", "X is working
    hard to defeat and destroy Da'esh": whoever wages the campaign attacks the side.

    A to-infinitive is only aimed at; under a campaign noun or a verb of pursuit it is being
    done. "aims to defeat", "plans to destroy" stay out (modality, :func:`intended`).
    """
    first = verb
    while first.dep_ == "conj" and first.head.pos_ == "VERB":
        first = first.head  # "to degrade and defeat X": the clause is the first verb's
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children):
        return
    agents = _campaigners(first, ix)
    if not agents or suppressed(verb, ix) or intended(verb):
        return
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs:  # "to degrade and ultimately defeat ISIL": the object is shared
        objs = [c for cj in verb.conjuncts if cj.i > verb.i for c in cj.children
                if c.dep_ == "dobj"][:1]
    objs += _pobjs(verb, ("against",)) + (_pobjs(verb, ("from",))
                                           if verb.lemma_.lower() == "liberate" else [])
    targets = [m for t in objs for m in actors(t, ix)
               if m.label != "PERSON" and not plural_people(m)]  # not "Syrians": people
    said = speaker(verb, ix)
    for a in agents:
        for t in targets:
            if a != t and relation_accepts("attacks", a, t):
                yield CAMPAIGN_TO(as_actor(a), "attacks", as_actor(t), verb, said)
    if targets:  # "to defeat Da'esh in Iraq and Syria": both sides fight there
        where = [pl for h in (verb, *objs) for pl in places_under(h, ix)]
        for pl in where:
            for a in agents:
                if a.label != "PERSON" and relation_accepts("operatesIn", a, pl):
                    yield FIGHTS_IN(as_actor(a), "operatesIn", pl, verb, said)
            for t in targets:
                if relation_accepts("operatesIn", t, pl):
                    yield TARGET_IN(as_actor(t), "operatesIn", pl, verb, said)


def _campaigners(clause: Token, ix: DocIndex) -> list[Mention]:
    """Who does an infinitive clause under a campaign noun or a verb of pursuit."""
    head = clause.head
    if clause.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in PURSUIT_VERBS:
        return [m for s in subjects(head, ix) for m in actors(s, ix)]
    if clause.dep_ != "acl" or head.lemma_.lower() not in CAMPAIGN_NOUNS:
        return []
    noun = head
    for _ in range(2):
        owners = [m for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                  and c.i in ix.ment_of and not against_named(c) for m in mention_group(c, ix)
                  if m.label in ("ORG", "NORP", "GPE")]
        owners += [m for p in _pobjs(noun, ("by", "of")) for m in actors(p, ix)]
        if owners:
            return owners
        gov = noun.head
        if noun.dep_ == "pobj" and gov.dep_ == "prep" and gov.head.lemma_.lower() in \
                CAMPAIGN_NOUNS:
            noun = gov.head  # "efforts in the campaign to defeat": the efforts' owner
            continue
        if noun.dep_ in ("dobj", "attr", "nsubjpass") and gov.pos_ in ("VERB", "AUX") and (
                gov.lemma_.lower() in CONFLICT_LIGHT or gov.lemma_.lower() == "be"
                or any(c.dep_ == "amod" and c.lemma_.lower() == "lead" for c in noun.children)):
            return [m for s in subjects(gov, ix) for m in actors(s, ix)]
        return []
    return []


# --- forces present somewhere -----------------------------------------------------------

def _force_noun(tok: Token, ix: DocIndex) -> bool:
    low = tok.lemma_.lower()
    if low in FORCE_NOUNS or low in HELD_PLACES:
        return True
    return low == "member" and any(c.lower_ == "service" for c in tok.children)


@matcher(FORCES_IN, HAS_FORCES, on="noun", when=_force_noun)
def forces_in(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"Turkish troops in Syria", "ISIL fighters near Mosul", "the US has troops in Iraq"."""
    if _hedged(tok) or noun_suppressed(tok, ix):
        return
    owners = [m for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")
              and c.i in ix.ment_of and not against_named(c) for m in mention_group(c, ix)]
    owners += [m for p in _pobjs(tok, ("of", "from")) for m in actors(p, ix)]
    owners = [m for m in owners if m.label in ("ORG", "NORP", "GPE")]
    where = places_under(tok, ix, at=True)
    made = FORCES_IN
    verb = tok.head
    if tok.dep_ == "dobj" and any(lem in PRESENCE_VERBS for lem in lemmas(verb)[:2]):
        if suppressed(verb, ix) or intended(verb):
            return
        where += places_under(verb, ix, motion=True)  # "deployed troops to Syria"
        if not owners:
            owners = [m for s in subjects(verb, ix) for m in actors(s, ix)
                      if m.label in ("ORG", "NORP", "GPE")]
            made = HAS_FORCES
    said = governor_speaker(tok, ix)
    for a in owners:
        for pl in where:
            if relation_accepts("operatesIn", a, pl):
                yield made(as_actor(a), "operatesIn", pl, tok, said)


@matcher(FORCES_IN, on="mention", labels=frozenset({"ORG"}))
def force_name_in(m: Mention, ix: DocIndex) -> Iterator[Candidate]:
    """"the Syrian Democratic Forces in Raqqa", "Iraqi Security Forces near Mosul"."""
    span = span_of(m, ix)
    if span is None or span[-1].lower_ not in FORCE_ORG_HEADS:
        return
    root = span.root
    if noun_suppressed(root, ix):
        return
    said = governor_speaker(root, ix)
    for pl in places_under(root, ix):
        yield FORCES_IN(as_actor(m), "operatesIn", pl, root, said)


# --- visits named by nouns -------------------------------------------------------------

def _visit_noun(tok: Token, ix: DocIndex) -> bool:
    return tok.lemma_.lower() in VISIT_NOUNS or _led_delegation(tok) is not None


def _led_delegation(tok: Token) -> Token | None:
    """The verb of "X will lead a delegation to Berlin": its subject travels there (a state's
    "delegation to the UN" is a standing mission, and no visit)."""
    head = tok.head
    if tok.lemma_.lower() == "delegation" and tok.dep_ == "dobj" and head.pos_ == "VERB" \
            and head.lemma_.lower() in ("lead", "head"):
        return head
    return None


@matcher(VISIT, on="noun", when=_visit_noun)
def visit_noun(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"during his visit to Cairo", "a visit by X to Y", "X is on a visit to Y"."""
    if _hedged(tok) or planned(tok) or noun_suppressed(tok, ix):
        return
    lemma = tok.lemma_.lower()
    preps = ("of",) if lemma == "tour" else ("in",) if lemma == "arrival" else ("to",)
    dests: list[Mention] = []
    for p in _pobjs(tok, preps):
        first: Mention | None = None
        for t in (p, *p.conjuncts):
            # the named object itself, not what an apposition after it names
            if t.i in ix.ment_of:
                found = [ix.ment_of[t.i]]
            elif t.tag_ in ("NNS", "NNPS"):
                continue  # "his tour of the Gulf states" names no one place
            else:
                found = mentions_of(t, ix, place=True)  # "a visit to the city of Aleppo"
            for m in found:
                first = first or m
                if first.label in PLACE_LABELS and m.label not in PLACE_LABELS:
                    continue  # "trip to Tehran, William Burns said": no visit to a person
                dests.append(as_place(m) if m.label in PLACE_LABELS else as_actor(m))
    led = _led_delegation(tok)
    if led is not None:  # "will lead a delegation to Berlin, Germany": to a place only
        if suppressed(led, ix) or intended(led):
            return
        said = speaker(led, ix)
        places = [as_place(ix.ment_of[t.i]) for p in _pobjs(tok, ("to",)) + _pobjs(led, ("to",))
                  for t in (p, *p.conjuncts)
                  if t.i in ix.ment_of and ix.ment_of[t.i].label in PLACE_LABELS]
        for v in (m for s in subjects(led, ix) for m in actors(s, ix)):
            for d in places:
                if relation_accepts("visits", v, d):
                    yield VISIT(as_actor(v), "visits", d, tok, said)
        return
    if not dests:
        return
    visitors = [m for p in _pobjs(tok, ("by",)) for m in actors(p, ix)]
    for c in tok.children:
        if c.dep_ == "poss":
            visitors += actors(c, ix)
    if not visitors:
        gov = visit_light(tok)
        if gov is not None:
            if suppressed(gov, ix) or intended(gov):
                return
            visitors = [m for s in subjects(gov, ix) for m in actors(s, ix)]
        elif tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.i in ix.ment_of:
            visitors = actors(tok.head.head, ix)  # "Erdogan, on a visit to Moscow"
    said = governor_speaker(tok, ix)
    for v in visitors:
        for d in dests:
            if v != d and relation_accepts("visits", v, d):
                yield VISIT(as_actor(v), "visits", d, tok, said)


# --- small helpers -----------------------------------------------------------------------

def _hedged(tok: Token) -> bool:
    """"the alleged killer", "a planned visit", "possible strikes": not stated as fact."""
    return any(c.dep_ in ("amod", "compound") and c.lower_ in HEDGED_NOUN_MODS
               for c in tok.children)


def _pobjs(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """Objects of ``tok``'s prepositions (and "by" agents) under ``preps``."""
    return [p for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in preps
            for p in c.children if p.dep_ in ("pobj", "pcomp")]

