"""What a syntactic argument stands for: shared by every rule family.

Plain functions over a token and the :class:`~kg.extract.rules.index.DocIndex`:
:func:`args` maps a word to the mentions or events it stands for (coordination,
apposition, pronouns, "officials from X", "the Assad government"), :func:`subjects`
finds a verb's subjects through relative clauses, control and coordination, and
:func:`deep_event` the event inside an object phrase.
"""

from __future__ import annotations

import functools

from spacy.tokens import Span, Token

from kg.extract.rules.index import DocIndex
from kg.extract.rules.tokens import VERB_POS, WH_WORDS, as_actor, as_place, hyphen_follows
from kg.model import Argument, EventMention, Mention

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: Verbs whose object controls an infinitive ("urged Turkey to withdraw").
OBJECT_CONTROL = frozenset({"urge", "ask", "call", "press", "force", "tell", "encourage",
                            "invite", "push", "help", "allow", "persuade", "order"})
#: Communication nouns: what they report is not what the governing verb acts on.
REPORT_NOUNS = frozenset({"report", "claim", "rumor", "rumour", "allegation", "speculation",
                          "story", "news", "statement", "remark", "comment", "assertion"})
#: Prepositions of place and time: their phrases are the setting of what they modify,
#: never its content ("discussed ways to raise trade *in a meeting in Islamabad*").
SETTING_PREPS = frozenset({"in", "at", "during", "after", "before", "since", "until", "amid",
                           "near", "inside"})
#: Nouns of people who act for the place they are in ("officials in Ankara").
OFFICIAL_NOUNS = frozenset({"official", "authority", "government", "leadership", "diplomat",
                            "administration", "leader"})
#: Nouns that a leader's name makes the leader's state ("the Assad government").
GOVERNMENT_NOUNS = frozenset({"government", "regime", "administration"})
#: Words after an organisation's name that make its members the argument ("OIC members").
MEMBERS_AFTER = frozenset({"member", "members", "states", "countries"})
PRONOUNS = frozenset({"it", "its", "they", "their", "them"})
#: Modifiers that make armed people a faction, not their state's forces ("Syrian opposition
#: forces", "Syrian Arab forces", "Iraqi Kurdish fighters"): no state is read from the name.
FACTION_MODIFIERS = frozenset({"opposition", "rebel", "rebels", "insurgent", "dissident",
                               "tribal", "resistance", "arab", "kurdish", "sunni", "shia",
                               "shiite", "islamist", "jihadist", "militant", "anti-government"})
#: Nouns of irregular fighters: only an organisation's name says whose they are ("ISIL
#: fighters"); a state's adjective does not ("Syrian militants" are not Syria's).
IRREGULAR_NOUNS = frozenset({"fighter", "militant", "terrorist", "operative", "jihadist",
                             "insurgent", "rebel", "gunman", "extremist", "militiaman"})
PLACE_LABELS = ("GPE", "LOC", "FAC")


def args(tok: Token, ix: DocIndex, *, place: bool = False) -> list[Argument]:
    """The mentions or events a syntactic argument stands for, with coordination."""
    out: list[Argument] = []
    for t in (tok, *tok.conjuncts):
        for g in _group(t, ix):
            for a in _arg1(g, ix, place=place):
                if a not in out:
                    out.append(a)
    return out


def mentions_of(tok: Token, ix: DocIndex, *, place: bool = False) -> list[Mention]:
    """The mentions among :func:`args` (events dropped)."""
    return [a for a in args(tok, ix, place=place) if isinstance(a, Mention)]


def _group(t: Token, ix: DocIndex) -> list[Token]:
    """A word with the words that rename it: appositions, "including" lists."""
    group = [t]
    for c in t.children:
        # "its proxy, the Syrian Democratic Forces"; but "X, the secretary of Y" describes X
        if c.dep_ == "appos" and not (t.i in ix.ment_of and ix.ment_of[t.i].label == "PERSON"):
            group += [c, *c.conjuncts]
        elif c.dep_ == "prep" and c.lower_ in ("including", "like"):  # "Arab states, including X"
            group += [g for p in c.children if p.dep_ == "pobj" for g in (p, *p.conjuncts)]
    return group


def _arg1(tok: Token, ix: DocIndex, *, place: bool) -> list[Argument]:
    if tok.i in ix.ment_of:
        m = ix.ment_of[tok.i]
        doc = ix.doc
        after = doc.char_span(m.start, m.end, alignment_mode="expand")
        if m.label == "ORG" and after is not None and after.end < len(doc) and \
                doc[after.end].lower_ in MEMBERS_AFTER:
            return []  # "other OIC members" are the members, not the OIC
        if place and m.acting:
            m = as_place(m)
        return [m]
    if tok.i in ix.event_of:
        return [ix.event_of[tok.i]]
    if tok.lower_ in PRONOUNS and not place:
        ante = antecedent(tok, ix)
        return [ante] if ante else []
    if place and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
        return place_within(tok, ix)
    if tok.pos_ in ("NOUN", "PROPN"):
        lemma = tok.lemma_.lower()
        lex = ix.lexicon
        if lemma in lex.actor_nouns or tok.lower_ in lex.actor_nouns or lemma in lex.titles:
            return _actors_of_noun(tok, lemma, ix)
        for child in tok.children:  # "the normalization process"
            if child.dep_ in ("compound", "amod", "nmod") and child.i in ix.event_of:
                return [ix.event_of[child.i]]
    return []


def _actors_of_noun(tok: Token, lemma: str, ix: DocIndex) -> list[Argument]:
    """Whom an actor noun stands for: "Turkish forces", "officials from Iran"."""
    found: list[Mention] = []
    faction = faction_noun(tok, ix)
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i in ix.ment_of:
            for m in mention_group(child, ix):
                if faction and m.label in ("GPE", "NORP") and names_state(m.text):
                    continue  # "Syrian opposition forces" are not Syria's
                if m.label == "PERSON" and lemma in GOVERNMENT_NOUNS:
                    # "the Assad government" acts for the leader's state
                    m = Mention(m.start, m.end, m.text, m.label, m.sentence, True, "government")
                found.append(m)
        elif child.dep_ == "prep" and (child.lower_ in ("from", "of") or (
                child.lower_ == "in" and lemma in OFFICIAL_NOUNS)):  # "officials in Ankara"
            for p in child.children:
                if p.dep_ == "pobj":
                    found.extend(as_actor(m) for m in mentions_of(p, ix))
    return [as_actor(m) for m in found]


def faction_noun(tok: Token, ix: DocIndex) -> bool:
    """Armed people of a faction, whom a state's name does not own: "Syrian opposition forces",
    "Syrian Arab forces", "Iraqi militants" (a faction word outside any name)."""
    if tok.lemma_.lower() in IRREGULAR_NOUNS or tok.lower_ in IRREGULAR_NOUNS:
        return True
    return any(c.dep_ in ("amod", "compound") and c.lower_ in FACTION_MODIFIERS
               and c.i not in ix.ment_of for c in tok.children)


@functools.lru_cache(maxsize=4096)
def names_state(text: str) -> bool:
    """Whether a name or a demonym names a state ("Syria", "Syrian"; not "Kurdish", "ISIL")."""
    from kg.resolve.gazetteer import Gazetteer  # the resolver's gazetteer, loaded once

    gaz = Gazetteer.default()
    entry = gaz.lookup(text) or gaz.demonym(text)
    return entry is not None and entry.type == "Country"


def place_within(tok: Token, ix: DocIndex, depth: int = 3) -> list[Argument]:
    """The place a partitive phrase is in: "a portion of northeast Syria", "Syria's north"."""
    frontier = [tok]
    for _ in range(depth):
        nxt: list[Token] = []
        for c in (c for t in frontier for c in t.children):
            found = _named_place(c, ix, nxt)
            if found is not None:
                return [as_place(found)]
        frontier = nxt
    return []


def _named_place(c: Token, ix: DocIndex, nxt: list[Token]) -> Mention | None:
    """The place a dependent names ("Syria's north", "of Syria"); else queue what to look in."""
    if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in ix.ment_of:
        m = ix.ment_of[c.i]
        if m.label in ("GPE", "LOC", "FAC", "NORP"):
            return m
    if c.dep_ == "prep" and c.lower_ in ("of", "in", "within", "inside"):
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            if p.i in ix.ment_of and ix.ment_of[p.i].label in PLACE_LABELS:
                return ix.ment_of[p.i]
            nxt.append(p)
    return None


def span_of(m: Mention, ix: DocIndex) -> Span | None:
    """The tokens of a mention (its characters widened to whole tokens)."""
    return ix.doc.char_span(m.start, m.end, alignment_mode="expand")


def mention_group(tok: Token, ix: DocIndex) -> list[Mention]:
    """A modifier and its conjuncts: "the Syrian and Turkish governments"."""
    out = []
    for t in (tok, *tok.conjuncts):
        # "US-Iran talks", "Syrian-Turkish reconciliation": the first name hangs on the second
        pair = [c for c in t.children if c.dep_ in ("compound", "amod", "npadvmod", "nmod")
                and hyphen_follows(c)]
        for u in (*pair, t):
            if u.i in ix.ment_of and ix.ment_of[u.i] not in out:
                out.append(ix.ment_of[u.i])
    return out


def named_by(tok: Token, ix: DocIndex) -> list[Mention]:
    """The names a noun is apposed to or compounded with: "rivals Iran and Saudi Arabia",
    "Russia, Syria's ally"."""
    group: list[Mention] = []
    for c in tok.children:
        if c.dep_ in ("appos", "compound", "nmod") and c.i in ix.ment_of:
            group += [m for m in mention_group(c, ix) if m not in group]
    if tok.dep_ == "appos" and tok.head.i in ix.ment_of:
        group += [m for m in mention_group(tok.head, ix) if m not in group]
    return group


def antecedent(pron: Token, ix: DocIndex) -> Mention | None:
    """The nearest preceding actor that is a subject in the same sentence."""
    best = None
    for t in pron.sent:
        if t.i >= pron.i:
            break
        if t.i in ix.ment_of and t.dep_ in ("nsubj", "nsubjpass") and \
                ix.ment_of[t.i].label in ("GPE", "ORG", "NORP"):
            best = ix.ment_of[t.i]
    return as_actor(best) if best else None


def subjects(verb: Token, ix: DocIndex) -> list[Token]:
    """Syntactic subjects of a verb: own, relative-clause head, controller, shared."""
    subs = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subs:
        if subs[0].lower_ in WH_WORDS and verb.dep_ == "relcl":
            return [verb.head]
        return subs
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if agents:
        return agents
    head = verb.head
    if head.i == verb.i:
        return []
    dep = verb.dep_
    if dep == "xcomp":
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if objs and head.lemma_.lower() in OBJECT_CONTROL:
            return objs
        return subjects(head, ix)
    if dep in ("conj", "acomp", "attr") and head.pos_ in VERB_POS:
        return subjects(head, ix)  # shared, or "Ankara and Damascus are appalled by X"
    if dep == "acl" and head.lower_ in ix.lexicon.effort_nouns:
        return _effort_subjects(head, ix)
    if dep in ("acl", "relcl"):
        return [head]
    if dep == "advcl" and verb.tag_ == "VBG":
        return subjects(head, ix)
    if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in VERB_POS:
        return subjects(head.head, ix)  # "Russia will focus on developing cooperation"
    return []


def subject_args(verb: Token, ix: DocIndex) -> list[Argument]:
    """What the subjects of ``verb`` stand for (see :func:`subjects` and :func:`args`)."""
    return [a for t in subjects(verb, ix) for a in args(t, ix)]


def _effort_subjects(effort: Token, ix: DocIndex) -> list[Token]:
    """"the Kremlin's efforts to broker", "joined the attempt to overthrow"."""
    poss = [c for c in effort.children if c.dep_ == "poss"]
    if poss:
        return poss
    gov = effort.head
    if effort.dep_ in ("dobj", "pobj", "attr") and gov.i != effort.i:
        gov = gov.head if gov.dep_ == "prep" else gov
        if gov.pos_ in VERB_POS:
            return subjects(gov, ix)
    return []


def prep_objects(verb: Token, prep: str) -> list[Token]:
    """The objects of one preposition (or particle, or "by" agent) on ``verb``."""
    out = []
    for c in verb.children:
        if c.dep_ in ("prep", "agent", "prt") and c.lower_ == prep:
            out += [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
    return out


def pobjs(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """The prepositional objects of ``tok`` under the prepositions ``preps``."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ == "pobj"]


#: Verbs that undo the event in their object: backing efforts to end a war backs no war.
UNDOING_VERBS = frozenset({"resolve", "end", "stop", "halt", "prevent", "settle", "defuse",
                           "avert", "curb", "contain", "counter", "combat", "fight", "oppose",
                           "resist", "deter", "thwart", "block", "ban", "avoid", "eliminate",
                           "overcome", "tackle", "de-escalate", "deescalate", "reduce",
                           "ease", "mitigate", "condemn", "reject", "terminate", "suspend"})


def deep_event(tok: Token, ix: DocIndex, depth: int = 4) -> EventMention | None:
    """The first event inside an object phrase: "the need to ... return refugees"."""
    if tok.lemma_.lower() in REPORT_NOUNS:
        return None
    frontier = [tok]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            if t is not tok and t.lemma_.lower() in REPORT_NOUNS:
                continue  # "rejected reports of a deal" rejects the reports, not the deal
            for c in t.children:
                if c.dep_ in ("relcl", "nsubj", "advcl", "ccomp", "conj", "cc", "punct"):
                    continue
                if c.dep_ == "prep" and c.lower_ in SETTING_PREPS:
                    continue  # "discussed ways to raise trade in a meeting": the setting
                if c.i in ix.event_of:
                    return ix.event_of[c.i]
                if c.lemma_.lower() not in UNDOING_VERBS or c.pos_ != "VERB":
                    nxt.append(c)  # "efforts to resolve the conflict" do not support it
        frontier = nxt
    return None
