"""Stance and speech acts at full width (supports, opposes, accuses, demands, cooperatesWith).

The verb classes and relational nouns are rows of the lexicon (``verbs.tsv``,
``nouns.tsv``); this family reads the constructions those rows cannot: a
relational noun in a manner phrase ("X acted *in support of* Y", "X, *with support
from* Y"), condemning an actor's act ("condemned ISIL's attack" opposes ISIL) and
relations through a possessed or predicated mutual noun ("Turkey's allies Russia
and Iran", "Russia is an ally of Syria").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.lexicon import NounFrame
from kg.extract.rules.arguments import mention_group, mentions_of, named_by, pobjs, subjects
from kg.extract.rules.index import DocIndex
from kg.extract.rules.modality import governor_speaker, noun_suppressed, speaker, suppressed
from kg.extract.rules.registry import Candidate, matcher, rule
from kg.extract.rules.tokens import VERB_POS, as_actor, governing_verb, lookup
from kg.model import EventMention

IN_SUPPORT = rule("stance:in-support", 0.7, '"X struck targets in support of Y", "X remains '
                  'steadfast in support of Y": the subject of the clause relates to Y')
WITH_SUPPORT = rule("stance:with-support", 0.65, '"Syrian forces, with support from Turkey, '
                    'took Dabiq": Turkey supports the subject of the clause')
ACT_AGENT = rule("stance:act-agent", 0.65, "\"the US condemned ISIL's attack\": the US opposes "
                 "ISIL, the attack's named agent")
BACKS_AGENT = rule("stance:backs-agent", 0.65, "\"Iran supported China's initiative\": "
                   "Iran supports China, the author of the plan")
RECEIVED = rule("stance:received", 0.65, '"Syria faced sanctions by the US", "received support '
                'from Iran": the giver relates to the subject')
MUTUAL_POSS = rule("stance:mutual-poss", 0.65, "\"Turkey's allies Russia and Iran\": each ally "
                   "cooperatesWith Turkey")
SPOKE_WITH = rule("stance:spoke-with", 0.7, '"Raisi spoke by phone with the emir of Qatar": '
                  "X meetsWith Y (not \"Speaking to IRNA, X said\": an interview)")
CALL_WITH = rule("stance:call-with", 0.7, '"in a phone call with Y, X said", "X raised concerns in '
                 'a call with Y": X meetsWith Y')
TO_BLAME = rule("stance:to-blame", 0.7, '"Shamkhani said the US is to blame for the conflicts": '
                "the speaker accuses the US")
HOLD_RESPONSIBLE = rule("stance:hold-responsible", 0.75,
                        '"Iran holds Washington responsible for the attack": Iran accuses it')
DEMAND_THAT = rule("stance:demand-that", 0.75, '"Iran demanded that the US lift the sanctions": '
                   "Iran demands the US")
DESIGNATES = rule("stance:designates", 0.75, '"the PKK, which Ankara designates as a terrorist '
                  'group", "Washington labeled Hezbollah a terrorist group": X accuses Y')
MUTUAL_ATTR = rule("stance:mutual-attr", 0.7, '"Russia is a close ally of Syria": the subject '
                   "to the \"of\" party")

#: Relations a manner phrase "in <noun> of/with Y" lends to the clause's subject.
MANNER_RELATIONS = frozenset({"supports", "cooperatesWith", "opposes"})
#: Nouns of help whose giver is the "from"/"of" party in "with support from Y".
HELP_NOUNS = frozenset({"support", "backing", "help", "assistance", "aid", "cover"})
#: Event types whose named agent is what one condemns along with the act.
ACT_TYPES = frozenset({"Attack", "Conflict", "Occupation"})
AGENT_DEPS = ("poss", "compound", "amod", "nmod")
#: What an actor does or holds that condemning or rejecting opposes it for.
OPPOSED_ACTS = frozenset({"aggression", "crime", "policy", "move", "decision", "measure",
                          "action", "interference", "intervention", "sanction", "claim",
                          "accusation", "violation", "provocation", "threat", "remark",
                          "comment", "statement", "atrocity", "massacre", "blockade", "siege",
                          "incursion", "raid", "invasion", "annexation", "settlement"})
#: What an actor proposes or achieves that praising or backing it supports it for.
AIMS = frozenset({"initiative", "plan", "proposal", "effort", "position", "stance", "role",
                  "mediation", "bid", "approach", "vision", "idea", "achievement",
                  "accomplishment", "success", "leadership", "candidacy"})
#: Verbs of the supports class that wish for or stress an event, and back no one's plan.
WISH_VERBS = frozenset({"emphasize", "emphasise", "stress", "seek", "want", "desire", "like"})
#: Verbs whose object relational noun comes from someone else ("faced sanctions by the US").
UNDERGO_VERBS = frozenset({"face", "suffer", "endure", "receive", "draw", "attract", "get",
                           "enjoy", "win", "earn", "gain", "incur", "encounter"})
#: Verbs whose "that" clause is what is demanded of its subject.
DEMAND_VERBS = frozenset({"demand", "urge", "request", "ask", "require", "insist"})
#: What "hold X ..." makes X when it accuses X.
CULPABLE = frozenset({"responsible", "accountable", "culpable", "liable", "guilty"})
#: Verbs of naming or classing something as something ("designates X as", "labeled X a").
NAMING_VERBS = frozenset({"designate", "label", "brand", "list", "blacklist", "classify",
                          "declare", "consider", "deem", "call", "regard", "view", "describe",
                          "term", "dub"})
#: Words of a complement that makes the naming an accusation ("a terrorist group", "a
#: state sponsor of terrorism").
TERROR_WORDS = frozenset({"terrorist", "terrorists", "terror", "terrorism"})
#: Verbs of conversation; with an actor as partner they are a consultation (CAMEO 04).
TALK_VERBS = frozenset({"speak", "talk", "converse", "chat"})
#: Nouns of a conversation; "a (phone) call with Y" is a consultation with Y.
CALL_NOUNS = frozenset({"call", "conversation", "phonecall", "videoconference", "teleconference"})
#: Who one consults: persons and states; a talk "with" an organisation is mostly an interview.
PARTNER_LABELS = frozenset({"PERSON", "GPE", "NORP", ""})


def _clause_verb(prep: Token) -> Token | None:
    """The verb a manner phrase hangs on, through a predicate adjective ("steadfast in")."""
    head = prep.head
    if head.pos_ in VERB_POS:
        return head
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod", "advmod") \
            and head.head.pos_ in VERB_POS:
        return head.head
    return None


def _in_phrase(tok: Token, ix: DocIndex) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "with") \
        and lookup(ix.lexicon.nouns, tok) is not None


@matcher(IN_SUPPORT, WITH_SUPPORT, on="noun", when=_in_phrase)
def manner(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"in support of Y" relates the clause's subject to Y; "with support from Y" the reverse."""
    prep = tok.head
    if prep.head.i in ix.ment_of:  # "The SDF, with support from Turkey, took Raqqa"
        verb = governing_verb(prep.head)
        doers = [as_actor(a) for a in mention_group(prep.head, ix)]
    else:
        verb = _clause_verb(prep)
        doers = [as_actor(a) for s in subjects(verb, ix) for a in mentions_of(s, ix)] \
            if verb is not None else []
    if not doers or noun_suppressed(tok, ix):
        return
    frame: NounFrame = lookup(ix.lexicon.nouns, tok)
    said = speaker(verb, ix)
    if tok.head.lower_ == "in" and frame.relation in MANNER_RELATIONS:
        preps = tuple(p for p in frame.preps if p != "to") + ("with",) * (
            frame.relation == "cooperatesWith")
        for p in pobjs(tok, preps):
            for o in mentions_of(p, ix):
                for d in doers:
                    yield IN_SUPPORT(d, frame.relation, as_actor(o), tok, said)
    elif tok.head.lower_ == "with" and tok.lemma_.lower() in HELP_NOUNS:
        givers = [a for p in pobjs(tok, ("from", "of", "by")) for a in mentions_of(p, ix)]
        givers += [a for c in tok.children if c.dep_ in ("poss", "amod", "compound")
                   and c.i in ix.ment_of for a in mention_group(c, ix)]
        for g in givers:
            for d in doers:
                yield WITH_SUPPORT(as_actor(g), "supports", d, tok, said)


def _stance_verb(verb: Token, ix: DocIndex) -> bool:
    """A verb of backing or opposing ("emphasized X's efforts" backs no one)."""
    if verb.lemma_.lower() in WISH_VERBS:
        return False
    frames = lookup(ix.lexicon.verbs, verb) or ()
    return any(f.relation in ("opposes", "supports") and not f.prep for f in frames)


@matcher(ACT_AGENT, BACKS_AGENT, on="frame", when=_stance_verb)
def act_agent(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """Condemning an actor's attack or policy opposes the actor; praising its plan supports it."""
    frames = lookup(ix.lexicon.verbs, verb)
    relation = "opposes" if any(f.relation == "opposes" and not f.prep for f in frames) \
        else "supports"
    made, nouns = (ACT_AGENT, OPPOSED_ACTS) if relation == "opposes" else (BACKS_AGENT, AIMS)
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [cj for o in objs for cj in o.conjuncts]
    said = speaker(verb, ix)
    doers = [as_actor(a) for s in subjects(verb, ix) for a in mentions_of(s, ix)]
    for o in objs:
        if o.i in ix.ment_of:
            continue
        ev: EventMention | None = ix.event_of.get(o.i)
        acts = ev is not None and ev.type in ACT_TYPES and relation == "opposes"
        if not acts and o.lemma_.lower() not in nouns:
            continue
        agents = [a for c in o.children if c.dep_ in AGENT_DEPS and c.i in ix.ment_of
                  for a in mention_group(c, ix)]
        agents += [a for p in pobjs(o, ("by",)) for a in mentions_of(p, ix)]
        if ev is not None and ev.type == "Attack":  # "the attack of the Israeli forces on Nablus"
            agents += [a for p in pobjs(o, ("of",)) for a in mentions_of(p, ix)]
        for a in agents:
            for d in doers:
                yield made(d, relation, as_actor(a), verb, said)


def _undergoes(tok: Token, ix: DocIndex) -> bool:
    frame = lookup(ix.lexicon.nouns, tok)
    return frame is not None and frame.relation in ("supports", "opposes", "accuses") \
        and tok.dep_ == "dobj" and tok.head.lemma_.lower() in UNDERGO_VERBS


@matcher(RECEIVED, on="noun", when=_undergoes)
def received(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"Syria faced sanctions by the US", "received support from Iran": the giver to the subject."""
    if noun_suppressed(tok, ix):
        return
    frame: NounFrame = lookup(ix.lexicon.nouns, tok)
    verb = tok.head
    said = speaker(verb, ix)
    holders = (tok, verb)  # "from Iran" hangs on the noun or on the verb
    givers = [a for h in holders for p in pobjs(h, ("from", "by")) for a in mentions_of(p, ix)]
    if tok.lemma_.lower() in HELP_NOUNS:  # "enjoys the backing of Russia"
        givers += [a for p in pobjs(tok, ("of",)) for a in mentions_of(p, ix)]
    for s in subjects(verb, ix):
        for a in mentions_of(s, ix):
            for g in givers:
                yield RECEIVED(as_actor(g), frame.relation, as_actor(a), tok, said)


def _mutual(tok: Token, ix: DocIndex) -> bool:
    return lookup(ix.lexicon.mutual_nouns, tok) is not None


@matcher(MUTUAL_POSS, MUTUAL_ATTR, on="noun", when=_mutual)
def mutual_of_owner(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"Turkey's allies Russia and Iran"; "Russia is an ally of Syria"."""
    relation: str = lookup(ix.lexicon.mutual_nouns, tok)
    if noun_suppressed(tok, ix):
        return
    said = governor_speaker(tok, ix)
    owners = [as_actor(a) for c in tok.children if c.dep_ == "poss" for a in mentions_of(c, ix)]
    if owners:
        group = named_by(tok, ix)
        for m in group:
            for o in owners:
                yield MUTUAL_POSS(as_actor(m), relation, o, tok, said)
        return
    head = tok.head
    if tok.dep_ == "attr" and head.lemma_.lower() == "be":
        targets = [as_actor(a) for p in pobjs(tok, ("of",)) for a in mentions_of(p, ix)]
        for s in subjects(head, ix):
            for a in mentions_of(s, ix):
                for t in targets:
                    yield MUTUAL_ATTR(as_actor(a), relation, t, tok, said)


def _talks(verb: Token, ix: DocIndex) -> bool:
    return verb.lemma_.lower() in TALK_VERBS and verb.pos_ == "VERB"


@matcher(SPOKE_WITH, on="verb", when=_talks)
def spoke_with(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """A finite "spoke with Y" is a consultation; a "Speaking to Y," participle an interview."""
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "ROOT", "csubj") or suppressed(verb, ix):
        return
    partners = [a for p in pobjs(verb, ("with", "to")) for a in mentions_of(p, ix)
                if a.label in PARTNER_LABELS]
    said = speaker(verb, ix)
    for s in subjects(verb, ix):
        for a in mentions_of(s, ix):
            for b in partners:
                yield SPOKE_WITH(as_actor(a), "meetsWith", as_actor(b), verb, said)


def _call_with(tok: Token, ix: DocIndex) -> bool:
    if tok.lemma_.lower() not in CALL_NOUNS or tok.pos_ != "NOUN" or not any(
            c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return False
    if tok.lemma_.lower() != "conversation":
        return True
    # "said in a conversation with Shargh" may be an interview; a phone conversation, or one
    # held or had, is a consultation
    return any(c.lower_ in ("phone", "telephone") for c in tok.children) or (
        tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("hold", "have"))


@matcher(CALL_WITH, on="noun", when=_call_with)
def call_with(tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"In a phone call with Y, X congratulated Iran", "X raised concerns in a call with Y",
    "X's comments came in a call with Y": the caller (the clause's subject, or its owner)
    meetsWith Y."""
    if noun_suppressed(tok, ix):
        return
    partners = [a for p in pobjs(tok, ("with",)) for a in mentions_of(p, ix)
                if a.label in PARTNER_LABELS]
    gov = governing_verb(tok)
    if not partners or gov is None or tok.dep_ not in ("pobj", "dobj"):
        return
    callers = [a for c in tok.children if c.dep_ == "poss" for a in mentions_of(c, ix)]
    ends = {p.right_edge.i + 1 for p in pobjs(tok, ("with",))}
    for s_tok in subjects(gov, ix):
        if s_tok.left_edge.i in ends:  # "with his counterpart [Faisal], X said": misparsed
            if s_tok.i in ix.ment_of and ix.ment_of[s_tok.i] not in partners:
                partners.append(ix.ment_of[s_tok.i])
            callers += [ix.ment_of[c.i] for c in s_tok.conjuncts if c.i in ix.ment_of]
            continue
        callers += mentions_of(s_tok, ix) or [  # "Xi's comments came in a call with Y"
            a for c in s_tok.children if c.dep_ == "poss" for a in mentions_of(c, ix)]
    said = governor_speaker(tok, ix)
    for a in callers:
        if a in partners:
            continue  # "In a call with his Saudi counterpart Faisal, ...": the partner
        for b in partners:
            if a != b:
                yield CALL_WITH(as_actor(a), "meetsWith", as_actor(b), tok, said)


def _to_blame(verb: Token, ix: DocIndex) -> bool:
    return verb.lemma_.lower() == "blame" and verb.dep_ == "xcomp" \
        and verb.head.lemma_.lower() == "be"


@matcher(TO_BLAME, on="verb", when=_to_blame)
def to_blame(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"X is to blame": whoever the text reports as saying so accuses X."""
    be = verb.head
    said = speaker(be, ix)
    if said is None or suppressed(be, ix):
        return
    for s in subjects(be, ix):
        for a in mentions_of(s, ix):
            yield TO_BLAME(said, "accuses", as_actor(a), verb, said)


def _holds(verb: Token, ix: DocIndex) -> bool:
    return verb.lemma_.lower() == "hold" and any(
        c.lemma_.lower() in CULPABLE for c in verb.children)


@matcher(HOLD_RESPONSIBLE, on="verb", when=_holds)
def hold_responsible(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"X holds Y responsible/accountable": X accuses Y."""
    if suppressed(verb, ix):
        return
    said = speaker(verb, ix)
    culpable = [c for c in verb.children if c.lemma_.lower() in CULPABLE]
    accused = [c for c in verb.children if c.dep_ == "dobj"]
    accused += [s for c in culpable for s in c.children if s.dep_ == "nsubj"]
    for s in subjects(verb, ix):
        for a in mentions_of(s, ix):
            for t in accused:
                for b in mentions_of(t, ix):
                    yield HOLD_RESPONSIBLE(as_actor(a), "accuses", as_actor(b), verb, said)


def _demands_that(verb: Token, ix: DocIndex) -> bool:
    return verb.lemma_.lower() in DEMAND_VERBS and verb.pos_ == "VERB" and any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children)


@matcher(DEMAND_THAT, on="verb", when=_demands_that)
def demand_that(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"X demanded that Y withdraw": X demands Y (an assertion after "insist" needs "should")."""
    if suppressed(verb, ix):
        return
    said = speaker(verb, ix)
    insist = verb.lemma_.lower() == "insist"
    for c in verb.children:
        if c.dep_ != "ccomp" or not any(m.dep_ == "mark" and m.lower_ == "that"
                                        for m in c.children):
            continue
        if insist and not any(a.dep_ == "aux" and a.lower_ in ("should", "must")
                              for a in c.children):
            continue  # "insisted that Iran is peaceful" asserts, demands nothing
        targets = [a for t in c.children if t.dep_ in ("nsubj", "nsubjpass")
                   for a in mentions_of(t, ix)]
        for s_tok in subjects(verb, ix):
            for a in mentions_of(s_tok, ix):
                for t in targets:
                    yield DEMAND_THAT(as_actor(a), "demands", as_actor(t), verb, said)


def _names_as(verb: Token, ix: DocIndex) -> bool:
    return verb.lemma_.lower() in NAMING_VERBS and verb.pos_ == "VERB"


@matcher(DESIGNATES, on="verb", when=_names_as)
def designates(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"Y, which X designates as a terrorist group", "X labeled Y a terrorist group", "Y was
    designated a terrorist organisation by X": X accuses Y."""
    children = list(verb.children)
    named = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    complements = [p for c in children if c.dep_ == "prep" and c.lower_ == "as"
                   for p in c.children if p.dep_ == "pobj"]
    complements += [c for c in children if c.dep_ in ("oprd", "attr", "xcomp", "ccomp")]
    if len(named) > 1:  # "designated the IRGC a terrorist organization": two objects
        complements.append(named.pop())
    complements += [c for n in named for c in n.children if c.dep_ == "appos"]
    if not any(t.lower_ in TERROR_WORDS for c in complements for t in c.subtree):
        return
    if suppressed(verb, ix):
        return
    accused = named
    if verb.dep_ == "relcl" and any(n.lower_ in ("which", "that", "whom", "who") for n in named):
        accused = [verb.head]  # "the PKK, which Ankara designates as ..."
    passive = any(c.dep_ == "nsubjpass" for c in children)
    accusers = pobjs(verb, ("by",)) + [p for c in children if c.dep_ == "agent"
                                       for p in c.children if p.dep_ == "pobj"]
    if not passive:
        accusers = subjects(verb, ix)
    said = speaker(verb, ix)
    for s_tok in accusers:
        for a in mentions_of(s_tok, ix):
            for t in accused:
                for b in mentions_of(t, ix):
                    if a != b:
                        yield DESIGNATES(as_actor(a), "accuses", as_actor(b), verb, said)
