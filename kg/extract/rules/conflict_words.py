"""Word classes and parse helpers of the conflict family (:mod:`.conflict`); no rules here.

Sources of the word classes: the CAMEO codes 18-20 (assault, fight, mass violence) and
186 (assassinate), the VerbNet classes murder-42.1 and judgment-33 (convict, sentence),
the ACE 2005 Conflict.Attack and Life.Die triggers, and the military-unit nouns of news
reporting, by hand.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.rules.arguments import (
    faction_noun,
    mention_group,
    mentions_of,
    names_state,
    subjects,
)
from kg.extract.rules.index import DocIndex
from kg.extract.rules.modality import suppressed
from kg.extract.rules.tokens import VERB_POS, as_place, lemmas
from kg.model import Mention

#: Nouns for whoever killed someone ("Kennedy's assassin", "the killer of X").
KILLER_NOUNS = frozenset({"assassin", "assassins", "killer", "killers", "murderer", "murderers",
                          "slayer", "slayers"})
#: Nouns for a killing ("the assassination of X"); "shooting" is an attack.
KILL_NOUNS = frozenset({"assassination", "assassinations", "killing", "killings", "murder",
                        "murders", "slaying", "slayings", "shooting", "shootings"})
#: Verbs of killing and shooting whose patient this family reads (non-persons, "shot dead").
HARM_VERBS = frozenset({"kill", "murder", "assassinate", "slay", "behead", "execute", "gun",
                        "shoot", "massacre", "slaughter", "wound"})
#: Verbs that harm a person, and kill only with a word of death ("mortally wounded").
INJURE_VERBS = frozenset({"shoot", "wound"})
#: Nouns of what killed someone, fired by the killer ("X fired the shots that killed Y").
MISSILE_NOUNS = frozenset({"shot", "bullet", "round", "bomb", "missile", "rocket", "grenade"})
#: Verbs whose clause judges a killing done ("convicted of", "pleaded guilty to"), and
#: whether the judgement is final (True) or a charge (False).
CONVICT_VERBS = {"convict": True, "sentence": True, "serve": True, "execute": True, "hang": True,
                 "jail": True, "imprison": True, "plead": True, "confess": True, "admit": True,
                 "find": True, "charge": False, "indict": False, "prosecute": False, "try": False}
#: Nouns of a punishment between its verb and the crime ("serving a life sentence for").
SENTENCE_NOUNS = frozenset({"sentence", "term", "year", "years", "life"})
#: Adjectives between a judging verb and its preposition ("pleaded guilty to killing").
JUDGED_ADJECTIVES = frozenset({"guilty", "responsible"})
#: Verbs whose infinitive is intended, threatened or planned, not done ("threatened to
#: attack", "plans to strike"); nouns of the same ("a plan to attack").
INTENT_VERBS = frozenset({"threaten", "plan", "vow", "pledge", "promise", "prepare", "intend",
                          "warn", "want", "seek", "aim", "try", "attempt", "hope", "propose",
                          "consider", "mull", "weigh", "offer", "decide", "agree", "refuse",
                          "call", "urge", "ask", "demand", "order", "need", "wish", "expect"})
INTENT_NOUNS = frozenset({"plan", "plans", "threat", "threats", "intention", "intent", "bid",
                          "attempt", "attempts", "call", "calls", "decision", "order", "vow",
                          "readiness", "willingness", "proposal", "option"})
#: Prefixes that set a name against or for the noun it modifies ("anti-Iran groups").
STANCE_PREFIXES = frozenset({"anti", "pro", "non"})
#: Modifiers of an event noun that make it unreal or unsure ("the alleged killer").
HEDGED_NOUN_MODS = frozenset({"alleged", "suspected", "accused", "would-be", "possible",
                              "potential", "planned", "proposed", "upcoming", "expected",
                              "postponed", "canceled", "cancelled", "purported", "threatened",
                              "imminent", "future", "prospective", "rumored", "rumoured",
                              "reputed", "feared", "hypothetical", "reported", "looming",
                              "impending", "mooted", "intended", "anticipated"})
#: Nouns that make the event they are "for" or "of" a plan ("preparations for a visit").
PLAN_NOUNS = frozenset({"plan", "plans", "preparation", "preparations", "discussion",
                        "discussions", "talk", "talks", "invitation", "proposal", "request",
                        "arrangement", "arrangements", "threat", "threats", "possibility",
                        "prospect", "idea", "option", "call", "calls", "date"})
#: Event types whose word names fighting ("strikes in Syria", "the war in Yemen").
ATTACK_EVENT_TYPES = frozenset({"Attack", "Conflict"})
#: Verbs that lend their subject to an attack noun they take ("conducted strikes").
CONFLICT_LIGHT = frozenset({"conduct", "launch", "carry", "mount", "stage", "wage", "lead", "fly",
                            "deliver", "execute", "perform", "undertake", "unleash",
                            "intensify", "escalate", "step", "continue", "resume", "begin",
                            "start", "make", "join", "order", "renew", "press"})
#: Verbs of claiming an attack ("claimed responsibility for", "an attack claimed by X").
CLAIM_VERBS = frozenset({"claim", "accept", "admit"})
#: Verbs that lend their subject to a visit noun they take ("paid a visit to Cairo").
VISIT_LIGHT = frozenset({"pay", "make", "begin", "start", "conclude", "end", "complete",
                         "undertake", "wrap", "continue", "kick"})
#: Nouns of a visit; their destination is the object of "to" ("of" for a tour, "in" for
#: an arrival).
VISIT_NOUNS = frozenset({"visit", "trip", "tour", "arrival", "journey", "stopover"})
#: Prepositions of the object of an attack noun ("strikes against ISIL", "assault on X").
TARGET_PREPS = ("against", "on")
#: Prepositions of where an actor is or fights ("in Syria", "near Mosul").
LOCATIVE = frozenset({"in", "near", "inside", "across", "around", "throughout", "outside",
                      "within"})
MOTION = frozenset({"to", "into"})
#: Nouns of armed people and units: with a place they say that their side is there.
FORCE_NOUNS = frozenset({"force", "troop", "fighter", "militant", "soldier", "unit", "militia",
                         "militiaman", "rebel", "insurgent", "jihadist", "airman", "marine",
                         "sailor", "personnel", "commando", "paratrooper", "garrison",
                         "contingent", "battalion", "brigade", "squadron", "regiment",
                         "deployment", "gunman", "terrorist", "operative", "extremist"})
#: Nouns of what an armed side holds: attacking "ISIL targets" attacks ISIL.
HELD_NOUNS = frozenset({"target", "position", "stronghold", "base", "headquarters", "facility",
                        "camp", "hideout", "convoy", "checkpoint", "outpost", "depot",
                        "compound", "installation", "asset"})
#: Held nouns that are where their side is ("ISIL targets in Syria", "a US base in Qatar");
#: not camps and facilities, which a name may only modify ("a Syrian refugee camp in Jordan"),
#: nor a "position" (also a stance) or "headquarters" (an organisation's seat: basedIn).
HELD_PLACES = frozenset({"target", "stronghold", "base", "hideout", "checkpoint", "outpost",
                         "depot"})
#: Last words of an organisation's name that make it an armed force ("Syrian Democratic Forces").
FORCE_ORG_HEADS = frozenset({"forces", "army", "militia", "militias", "brigade", "brigades",
                             "battalion", "regiment", "squadron", "corps", "units", "guard",
                             "guards", "marines", "army"})
#: Verbs whose object forces are where the verb says ("has 900 troops in Syria").
PRESENCE_VERBS = frozenset({"have", "keep", "maintain", "deploy", "send", "station", "base",
                            "dispatch", "position", "post", "rotate", "leave", "retain"})
#: Verbs of beating an armed side that are attacks only where a campaign or effort does them
#: ("the campaign to defeat Daesh", "working to degrade and destroy ISIL"); alone they may be
#: a game or a vote ("Chelsea defeated Arsenal"). Source: by hand, from the military
#: statements of re3d's development part and the ACE 2005 Conflict.Attack triggers.
DEFEAT_VERBS = frozenset({"defeat", "destroy", "degrade", "dismantle", "eradicate", "annihilate",
                          "crush", "rout", "vanquish", "eliminate", "finish", "decimate"})
#: Nouns of an armed undertaking whose to-infinitive its owner does ("the campaign to defeat
#: ISIL", "efforts to degrade Da'esh", "the fight to destroy it").
CAMPAIGN_NOUNS = frozenset({"campaign", "effort", "efforts", "fight", "battle", "war",
                            "operation", "operations", "mission", "struggle", "offensive",
                            "drive", "push"})
#: Verbs whose to-infinitive their subject is doing, not only aiming at ("working to defeat",
#: "continue to degrade", "fought to destroy").
PURSUIT_VERBS = frozenset({"work", "continue", "fight", "strive", "struggle", "battle",
                           "operate", "cooperate", "partner", "unite", "act", "keep"})
#: Nouns of an armed revolt against a state: one waged in a state is waged against it ("the
#: PKK waged an insurgency inside Turkey").
REVOLT_NOUNS = frozenset({"insurgency", "insurrection", "rebellion", "revolt", "uprising"})
#: Nouns of a flight or task that an attack word makes an attack ("strike missions against
#: ISIL", "bombing sorties on Raqqa").
SORTIE_NOUNS = frozenset({"mission", "sortie", "run", "flight", "operation", "raid"})
#: Labels of the mentions that act (places do not kill or visit).
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her"})


def people(tok: Token, ix: DocIndex) -> list[Mention]:
    """The persons a word stands for (victims of a killing must be persons)."""
    return [m for m in actors(tok, ix) if m.label == "PERSON"]


def actors(tok: Token, ix: DocIndex) -> list[Mention]:
    """The acting mentions a word stands for, through force nouns and personal pronouns.

    "ISIL fighters" and "ISIL targets" stand for ISIL; a possessive "his" for the nearest
    person subject before it.
    """
    found = [m for m in mentions_of(tok, ix) if m.label in ACTOR_LABELS]
    if found:
        return found
    low = tok.lower_
    if low in POSSESSIVE_PRONOUNS and tok.dep_ == "poss":  # "his visit to Cairo"
        ante = person_antecedent(tok, ix)
        return [ante] if ante is not None else []
    lemma = tok.lemma_.lower()
    if lemma.endswith("men"):  # "Airmen", a proper noun the lemmatiser leaves plural
        lemma = lemma[:-3] + "man"
    if lemma in FORCE_NOUNS or lemma in HELD_NOUNS:
        out = [m for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")
               and c.i in ix.ment_of and not against_named(c) for m in mention_group(c, ix)]
        if lemma in FORCE_NOUNS:  # "Airmen of the 407th Air Expeditionary Group"
            out += [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                    for p in c.children if p.dep_ == "pobj" for m in mentions_of(p, ix)
                    if m.label == "ORG"]
        faction = faction_noun(tok, ix)  # "Syrian rebels" are not Syria's
        return [m for m in out if m.label in ("ORG", "NORP", "GPE")
                and not (faction and m.label != "ORG" and names_state(m.text))]
    return []


def against_named(tok: Token) -> bool:
    """A name after "anti-" or "pro-" ("anti-Iran separatists"): not whose the noun is."""
    doc = tok.doc
    i = tok.i
    before = doc[i - 1].lower_ if i >= 1 else ""
    if before in STANCE_PREFIXES:
        return True
    return before in ("-", "\u2013") and i >= 2 and doc[i - 2].lower_ in STANCE_PREFIXES


def plural_people(m: Mention) -> bool:
    """A nationality's people ("Syrians", "Palestinians"), not its state: no group to attack."""
    return m.label == "NORP" and m.text.endswith("s") and not m.text.endswith("ss")


def person_antecedent(pron: Token, ix: DocIndex) -> Mention | None:
    """The nearest person before a possessive pronoun in its sentence that is a subject."""
    best = None
    for t in pron.sent:
        if t.i >= pron.i:
            break
        m = ix.ment_of.get(t.i)
        if m is not None and m.label == "PERSON" and t.dep_ in ("nsubj", "nsubjpass"):
            best = m
    return best


def agents_and_patients(verb: Token, ix: DocIndex) -> tuple[list[Mention], list[Mention]]:
    """Who does a transitive verb and to whom: active, passive, relative clauses."""
    children = list(verb.children)
    agent_toks = [p for c in children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"))
    if passive:
        patient_toks = [c for c in children if c.dep_ == "nsubjpass"]
        if verb.dep_ in ("acl", "relcl") and (
                not patient_toks or patient_toks[0].lower_ in ("who", "whom", "that", "which")):
            patient_toks = [verb.head]  # "Y, who was killed by X", "Y, killed by X"
        subj_toks = agent_toks
    else:
        subj_toks = subjects(verb, ix)
        patient_toks = [c for c in children if c.dep_ == "dobj"]
    if not patient_toks and verb.dep_ == "conj":  # "Y was shot and mortally wounded by X"
        patient_toks = [c for c in verb.head.children if c.dep_ == ("nsubjpass" if passive
                                                                    else "dobj")]
    if not subj_toks and passive:  # "Y was shot and mortally wounded by X"
        subj_toks = [p for cj in verb.conjuncts if cj.i > verb.i for c in cj.children
                     if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not passive:
        subj_toks = [s for t in subj_toks for s in fired_by(t, ix)]
    agents = [m for t in subj_toks for m in actors(t, ix)]
    patients = [m for t in patient_toks for m in actors(t, ix)]
    return agents, patients


def fired_by(tok: Token, ix: DocIndex) -> list[Token]:
    """Who fired what killed: "X fired the shots that killed Y" gives X; else ``tok``."""
    gov = tok.head
    if tok.lemma_.lower() in MISSILE_NOUNS and tok.dep_ == "dobj" and gov.pos_ in VERB_POS:
        return subjects(gov, ix)
    return [tok]


def fatal(verb: Token) -> bool:
    """A shooting that kills: "shot dead", "shot to death", "fatally shot", "shot and killed"."""
    for c in verb.children:
        low = c.lower_
        if low in ("fatally", "mortally", "dead"):
            return True
        if c.dep_ == "conj" and c.lemma_.lower() in ("kill", "wound") and fatal(c):
            return True  # "shot and mortally wounded"
        if c.dep_ == "prep" and low == "to" and any(p.lower_ == "death" for p in c.children):
            return True
    return False


def intended(tok: Token) -> bool:
    """Threatened, planned or asked for, not done ("threatened to attack", "plans to strike").

    A noun is read through the verb that governs it ("threatened attacks on X").
    """
    t = tok
    if t.pos_ not in VERB_POS and t.dep_ in ("dobj", "pobj"):
        gov = t.head.head if t.dep_ == "pobj" else t.head
        if gov.pos_ in VERB_POS and gov.lemma_.lower() in INTENT_VERBS:
            return True
        t = gov
    for _ in range(4):
        head = t.head
        if head.i == t.i:
            return False
        if t.dep_ == "xcomp" and head.lemma_.lower() in INTENT_VERBS:
            return True
        if t.dep_ in ("acl", "relcl") and head.lower_ in INTENT_NOUNS:
            return True
        if t.dep_ not in ("xcomp", "conj", "acl"):
            return False
        t = head
    return False


def planned(tok: Token) -> bool:
    """An event noun that is what a plan is for: "discussions for a visit by X to Y"."""
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ in ("for", "of", "about", "on") \
        and head.head.lower_ in PLAN_NOUNS


def claimants(tok: Token, ix: DocIndex) -> list[Mention]:
    """Who claimed an attack: "X claimed responsibility for the attack", "the attacks, for which
    X claimed responsibility", "an attack claimed by X"."""
    toks: list[Token] = []
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "responsibility":
        resp = head.head
        if resp.dep_ == "dobj" and resp.head.lemma_.lower() in CLAIM_VERBS:
            toks = subjects(resp.head, ix)
    for c in tok.children:
        if c.dep_ not in ("relcl", "acl") or c.lemma_.lower() not in CLAIM_VERBS:
            continue
        kids = list(c.children)
        if any(k.dep_ == "agent" for k in kids):  # "an attack claimed by X"
            toks += [p for k in kids if k.dep_ == "agent" for p in k.children if p.dep_ == "pobj"]
        elif any(k.lemma_.lower() == "responsibility" for k in kids):
            toks += [k for k in kids if k.dep_ == "nsubj"]  # "for which X claimed responsibility"
    return [m for t in toks for m in actors(t, ix) if m.label != "PERSON" or t.dep_ == "nsubj"]


def conflict_light(tok: Token, ix: DocIndex) -> Token | None:
    """The light verb that takes an attack noun: "conducted strikes", "carried out attacks"."""
    if tok.dep_ not in ("dobj", "nsubjpass"):
        return None
    head = tok.head
    if head.pos_ not in VERB_POS:
        return None
    lemma = next((lem for lem in lemmas(head) if lem in CONFLICT_LIGHT), None)
    if lemma is None:  # "waged", which the lemmatiser makes "wag"
        return None
    if lemma == "carry" and not any(c.lower_ == "out" for c in head.children):
        return None
    return head


def visit_light(tok: Token) -> Token | None:
    """The verb whose subject makes a visit: "paid a visit to", "is on a visit to"."""
    head = tok.head
    if tok.dep_ == "dobj" and head.pos_ in VERB_POS and head.lemma_.lower() in VISIT_LIGHT:
        return head
    if tok.dep_ == "pobj" and head.lower_ == "on" and head.head.pos_ in VERB_POS:
        return head.head
    return None


def convicted(tok: Token, ix: DocIndex) -> tuple[list[Mention], bool] | None:
    """Who a clause convicts of (or charges with) the killing ``tok`` names, and whether final.

    "X was convicted of killing Y", "sentenced X for the murder of Y", "X pleaded guilty
    to killing Y", "X was charged with the murder of Y".
    """
    if tok.dep_ not in ("pobj", "pcomp") or tok.head.dep_ != "prep":
        return None
    gov = tok.head.head
    judged: list[Token] = []
    if gov.lower_ in JUDGED_ADJECTIVES and gov.head.i != gov.i:
        judged = [c for c in gov.children if c.dep_ == "nsubj"]  # "found X guilty of"
        gov = gov.head  # "pleaded guilty to", "found guilty of"
    elif gov.pos_ in ("NOUN", "PROPN", "NUM") and gov.lemma_.lower() in SENTENCE_NOUNS:
        gov = gov.head  # "serving a life sentence for the killing of Y"
        gov = gov.head if gov.dep_ == "prep" else gov  # "held on a sentence for"
    elif gov.pos_ in ("NOUN", "PROPN") and gov.dep_ == "dobj":
        judged, gov = [gov], gov.head  # "convicted sniper X of killing Y"
    if gov.pos_ not in VERB_POS:
        return None
    final = CONVICT_VERBS.get(gov.lemma_.lower())
    if final is None:
        return None
    if suppressed(gov, ix):
        return None
    children = list(gov.children)
    toks = judged or [c for c in children if c.dep_ == "nsubjpass"]
    if not toks:
        toks = [c for c in children if c.dep_ == "dobj"
                and c.lemma_.lower() not in SENTENCE_NOUNS] or subjects(gov, ix)
    if not toks and gov.dep_ == "conj":  # "was tried and convicted of"
        toks = [c for c in gov.head.children if c.dep_ in ("nsubjpass", "nsubj")]
    if gov.dep_ in ("acl", "relcl") and toks == [gov.head]:
        found = own(gov.head, ix)  # "X, convicted of killing Y; and Z, ...": X only
    else:
        found = [m for t in toks for m in actors(t, ix)]
    return (found, final) if found else None


def own(tok: Token, ix: DocIndex) -> list[Mention]:
    """The acting mention ``tok`` is part of, without its conjuncts or appositions."""
    m = ix.ment_of.get(tok.i)
    return [m] if m is not None and m.label in ACTOR_LABELS else []


def places_under(tok: Token, ix: DocIndex, *, motion: bool = False,
                 at: bool = False) -> list[Mention]:
    """The named places of ``tok``'s locative prepositions ("in Syria", "near Mosul").

    With ``motion``, also "to" and "into" ("deployed troops to Syria"); with ``at``, "at"
    ("troops at Incirlik Air Base"; after an attack word "at" names the target).
    """
    preps = LOCATIVE | MOTION if motion else LOCATIVE
    if at:
        preps = preps | {"at"}
    out: list[Mention] = []
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in preps:
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            for m in mentions_of(p, ix, place=True):
                if m.label in PLACE_LABELS and as_place(m) not in out:
                    out.append(as_place(m))
    return out
