"""Whether a clause states a fact, and who the text reports as saying it.

Statements that are negated, conditional ("if ..."), hedged ("could", "might"),
denied, requested or asked are suppressed; reported speech keeps its content
and records the speaker. Each check is worked out once per verb (the answers are
memoised in the index); every check that suppresses is reported to the index's
``trace``, once per asking rule, as ``kg explain --why-not`` lists them.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.rules.arguments import args, subjects
from kg.extract.rules.index import DocIndex
from kg.extract.rules.tokens import as_actor, governing_verb
from kg.model import Mention

SPEECH_VERBS = frozenset({"say", "tell", "add", "state", "report", "note", "claim", "confirm",
                          "announce", "declare", "argue", "write", "insist", "stress",
                          "emphasize", "reaffirm", "assert", "explain", "warn", "believe"})
#: Verbs of reporting whose complement's "would" is a tense, not a hedge.
REPORTING_VERBS = SPEECH_VERBS | {"ask"}
DENIAL_VERBS = frozenset({"deny", "refute", "dismiss", "reject", "refuse", "decline", "fail"})
#: Verbs whose infinitive complement is asked for or aimed at, not asserted
#: ("urged Turkey to withdraw", "seeks to normalize ties").
DIRECTIVE_VERBS = frozenset({"urge", "ask", "call", "press", "demand", "request", "encourage",
                             "invite", "tell", "order", "want", "seek", "hope", "plan", "aim",
                             "try", "attempt", "wish", "push", "expect", "like", "vow",
                             "pledge", "promise", "threaten", "offer", "propose", "intend",
                             "mean", "hesitate", "need"})
#: Adjectives whose infinitive complement is only in prospect ("ready to cooperate").
PROSPECT_ADJECTIVES = frozenset({"ready", "willing", "prepared", "poised", "eager", "keen",
                                 "likely", "unlikely", "set", "due", "reluctant",
                                 "unwilling", "unable", "determined", "free"})
#: Nouns whose infinitive complement is intended or offered, not done ("willingness to
#: cooperate", "plans to visit"); efforts and attempts are acts, and stay facts.
PROSPECT_NOUNS = frozenset({"willingness", "readiness", "intention", "intent", "plan", "aim",
                            "goal", "objective", "proposal", "offer", "desire", "wish", "hope",
                            "promise", "pledge", "vow", "threat", "call", "demand", "request",
                            "appeal", "need", "bid", "chance", "opportunity", "option", "way",
                            "ability", "right", "permission", "invitation", "idea"})
HEDGE_MODALS = frozenset({"could", "might", "may", "should", "would", "must", "ought"})
#: Verbs whose "from"-complement is not done ("abstained from voting").
ABSTAIN_VERBS = frozenset({"abstain", "refrain", "desist", "stop", "cease"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
#: How a clause may govern a complement whose verb it denies or requests.
COMPLEMENT_DEPS = ("ccomp", "xcomp", "pcomp", "dobj", "advcl")
#: Dependencies of clauses that state their own facts: the upward walk stops at them.
OWN_CLAUSE_DEPS = ("relcl", "acl", "appos", "parataxis")


def suppressed(verb: Token, ix: DocIndex) -> bool:
    """Negated, conditional, hedged, denied or interrogative: not a fact (reported to the trace)."""
    reason = suppression(verb, ix)
    if reason is not None and ix.trace is not None:
        ix.trace.append((ix.sent_of.get(verb.i, 0), verb.text, reason))
    return reason is not None


def suppression(verb: Token, ix: DocIndex) -> str | None:
    """Why a clause states no fact, or None where it does (memoised; see :func:`_suppression`)."""
    memo = ix.reasons
    if verb.i not in memo:
        memo[verb.i] = _suppression(verb)
    return memo[verb.i]


def _suppression(verb: Token) -> str | None:
    """Why a clause states no fact, or None where it does.

    Walks up from the verb through the clauses that govern it: a negation or a
    hedging modal on the verb (or on the verb of a control chain), a condition
    ("if", "unless") on any governing clause, a denial or directive governing it
    as a complement ("denied attacking", "urged Turkey to support"), or a
    question. Relative clauses, appositions and coordinated verbs state their own
    facts: the walk stops at them, and a coordinated verb inherits only conditions.
    """
    if verb.sent.text.rstrip().endswith("?"):
        return "a question"
    t = verb
    came: str | None = None
    prev: Token | None = None
    hops = 0
    while hops < 8:
        shares_aux = came == "conj" and prev is not None and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in prev.children)
        reason = _marked(t, came, hops, shares_aux)
        if reason is not None:
            return reason
        if came == "prep" and prev is not None and prev.lower_ == "from" \
                and t.lemma_.lower() in ABSTAIN_VERBS and t.pos_ == "VERB":
            return f"not done ('{t.text}')"  # "abstained from voting"
        if t is not verb and came in COMPLEMENT_DEPS:
            lemma = t.lemma_.lower()
            if lemma in DENIAL_VERBS and t.pos_ == "VERB":
                return f"denied ('{t.text}')"
            if came == "xcomp" and lemma in DIRECTIVE_VERBS:
                return f"requested, not asserted ('{t.text}')"
            if came == "xcomp" and lemma in PROSPECT_ADJECTIVES and t.pos_ == "ADJ":
                return f"in prospect, not done ('{t.text}')"
            if came == "xcomp" and lemma == "have" and _has_yet(t):
                return f"not yet done ('yet' on '{t.text}')"
        if t.dep_ == "acl" and t.head.lemma_.lower() in PROSPECT_NOUNS and _infinitive(t):
            return f"in prospect, not done ('{t.head.text}')"
        if t.head.i == t.i or t.dep_ in OWN_CLAUSE_DEPS:
            break
        came = t.dep_ if t.dep_ != "conj" or came in (None, "conj") else came
        prev = t
        t = t.head
        hops += 1
    return None


def _backshifted(t: Token) -> bool:
    """ "said Russia would host the talks": reported speech's "would" is a shifted "will"."""
    return t.dep_ == "ccomp" and t.head.lemma_.lower() in REPORTING_VERBS


def _has_yet(t: Token) -> bool:
    """ "has yet to sign": the complement has not happened."""
    return any(c.dep_ == "advmod" and c.lower_ == "yet" for c in t.children)


def _infinitive(t: Token) -> bool:
    """A to-infinitive clause ("plans *to visit*"), not a participle ("a plan adopted by")."""
    return t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def _marked(t: Token, came: str | None, hops: int, shares_aux: bool = False) -> str | None:
    """A condition, negation or hedge on clause ``t``, reached from a ``came`` dependent.

    A coordinated verb inherits conditions, and the hedging modal too where it has no
    subject or auxiliary of its own ("must take action and hold X accountable").
    """
    for c in t.children:
        if c.dep_ == "mark" and c.lower_ in CONDITION_MARKS:
            return f"conditional ('{c.text}' on '{t.text}')"
        if came == "conj" and shares_aux and c.dep_ == "aux" and c.lower_ in HEDGE_MODALS \
                and c.lower_ != "would":
            return f"hedged ('{c.text}' on '{t.text}')"
        if came == "conj":
            continue
        if c.dep_ == "neg":
            return f"negated ('{c.text}' on '{t.text}')"
        if c.dep_ == "aux" and c.lower_ in HEDGE_MODALS and hops <= 1 \
                and not (c.lower_ == "would" and _backshifted(t)):
            return f"hedged ('{c.text}' on '{t.text}')"
    return None


def noun_suppressed(tok: Token, ix: DocIndex) -> bool:
    """Suppression for a noun-headed fact ("talks between X and Y", "support for X").

    "no talks" is negated; a noun that is the subject of its clause is presupposed
    ("Russia's support for Assad could weaken" still asserts the support); otherwise
    the governing clause decides.
    """
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return tok.sent.text.rstrip().endswith("?")
    governor = governing_verb(tok)
    return governor is not None and suppressed(governor, ix)


def event_suppressed(tok: Token, ix: DocIndex) -> bool:
    """Suppression for an event word: its own clause for a verb, else as for a noun."""
    return suppressed(tok, ix) if tok.pos_ == "VERB" else noun_suppressed(tok, ix)


def speaker(verb: Token | None, ix: DocIndex) -> Mention | None:
    """Who the sentence reports as saying it ("X said", "according to X") (memoised)."""
    if verb is None:
        return None
    memo = ix.speakers
    if verb.i not in memo:
        memo[verb.i] = _speaker(verb, ix)
    return memo[verb.i]


def governor_speaker(tok: Token, ix: DocIndex) -> Mention | None:
    """The speaker of the clause that governs a noun or an event word."""
    governor = governing_verb(tok)
    return speaker(governor, ix) if governor is not None else None


def _speaker(verb: Token, ix: DocIndex) -> Mention | None:
    t = verb
    while t.head.i != t.i:
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in SPEECH_VERBS:
            for s in subjects(t.head, ix):
                for a in args(s, ix):
                    if isinstance(a, Mention):
                        return as_actor(a)
        t = t.head
    for tok in verb.sent:
        if tok.lower_ != "according":
            continue
        for c in tok.children:
            if c.lower_ != "to":
                continue
            for p in c.children:
                if p.dep_ == "pobj" and p.i in ix.ment_of:
                    return as_actor(ix.ment_of[p.i])
    return None
