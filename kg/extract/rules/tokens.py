"""Small helpers over single tokens and mentions, and the word lists several rules share."""

from __future__ import annotations

import functools
from typing import Any

from spacy.tokens import Token

from kg.model import Mention

#: Prepositions whose object is a place, not an actor ("talks in Moscow").
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "into", "across", "within", "inside", "throughout", "around",
     "outside", "via", "through", "over"}
)
#: Prepositions of motion: locative only after a motion verb or noun ("travel to Cairo").
MOTION_PREPS = frozenset({"to", "from", "toward", "towards"})
MOTION_WORDS = frozenset({"travel", "go", "come", "return", "fly", "send", "move", "head", "arrive",
                          "trip", "visit", "journey", "flight", "deploy", "report", "contribute",
                          "flee", "leave", "withdraw", "pull", "drive", "push", "transport",
                          "export"})
#: Relative pronouns: "the meeting during *which*", "the talks *that* ...".
WH_WORDS = frozenset({"which", "who", "that", "whom"})
#: Event types whose "with"/"among" phrase names participants ("an agreement with Iran").
PARTICIPANT_EVENT_TYPES = frozenset({"Meeting", "Normalization", "Agreement", "Election"})
#: Dashes that join a name to the word it modifies ("US-backed", "Syrian-Turkish").
HYPHENS = ("-", "\u2013")
#: Parts of speech and tags of the tokens verb rules look at (participles and past
#: forms the tagger took for adjectives or nouns included).
VERB_POS = ("VERB", "AUX")
VERB_TAGS = ("VBN", "VBG", "VBD")

_SUFFIXES = (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
             ("d", ""), ("es", ""), ("s", ""))


def lemmas(tok: Token) -> tuple[str, ...]:
    """The token's lemma, then its lower-case form and plain de-inflections of it.

    The statistical lemmatizer errs on rarer verbs ("waged" -> "wag"); the lexicon
    is looked up under each candidate in turn.
    """
    return _lemma_candidates(tok.lemma_, tok.lower_)


@functools.lru_cache(maxsize=65536)
def _lemma_candidates(lemma: str, low: str) -> tuple[str, ...]:
    out = [lemma.lower(), low]
    for suffix, repl in _SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            out.append(low[: -len(suffix)] + repl)
    return tuple(out)


def lookup(table: dict[str, Any], tok: Token) -> Any:
    """The lexicon row of the first of :func:`lemmas` that ``table`` holds, or None."""
    for lem in lemmas(tok):
        if lem in table:
            return table[lem]
    return None


def separates(tok: Token) -> bool:
    """A dash set off by spaces ("TEHRAN - ...") or a dateline's place (``npadvmod``).

    What stands before it is not part of the phrase after it.
    """
    if tok.dep_ == "npadvmod":
        return True
    return tok.text in ("-", "\u2013", "\u2014") and bool(tok.whitespace_) and tok.i > 0 \
        and bool(tok.doc[tok.i - 1].whitespace_)


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` (itself where it is the root verb), or None."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in VERB_POS:
            return t
    return t if t.pos_ in VERB_POS else None


def as_actor(m: Mention) -> Mention:
    """The mention read as an actor: a capital that acts stands for its state."""
    return m if m.acting else Mention(m.start, m.end, m.text, m.label, m.sentence, True, m.kind)


def as_place(m: Mention) -> Mention:
    """The mention read as a place ("talks in Moscow")."""
    return Mention(m.start, m.end, m.text, m.label, m.sentence, False, m.kind) if m.acting else m


def hyphen_follows(tok: Token) -> bool:
    """The next token is a joining dash ("US-backed": "US" is followed by "-")."""
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].text in HYPHENS
