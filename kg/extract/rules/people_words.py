"""Word lists and small tree helpers of the people family (membership, residence, seats).

No rules here: :mod:`kg.extract.rules.people` declares them. Every list is a set built
once at import, looked up in O(1).
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from kg.extract.rules.arguments import span_of
from kg.extract.rules.index import DocIndex
from kg.model import Mention

#: Labels of a person's employer or body ("of the Navy", "of Exxon").
ORG_LABELS = frozenset({"ORG"})
#: Labels of places a person or an organisation is in.
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: Labels of what a title's holder serves: a body, a state, a people.
BODY_LABELS = frozenset({"ORG", "GPE", "NORP"})
#: Prepositions after a title that name its body ("president of", "spokesman for",
#: "an official with", "a professor at", "a researcher in the Department of ...").
TITLE_PREPS = frozenset({"of", "for", "at", "with", "in", "from"})
#: Prepositions after a person's own name that name their body or home ("Col. X of the
#: 507th Wing", "Shi Liming at the Institute", "Daniel Sullivan, 30, of Boothbay").
PERSON_PREPS = frozenset({"of", "at", "from", "with"})
#: ... of these, the ones that name a home when their object is a place.
HOME_PREPS = frozenset({"of", "from"})
#: Verbs that link a subject to a title ("X is the chairman of Y", "X became president").
COPULAS = frozenset({"be", "become", "remain", "serve"})
#: Verbs that make their object a title ("was named chairman", "was elected president").
NAMING_VERBS = frozenset({"name", "elect", "appoint", "make", "choose", "select", "nominate"})
#: Prepositions of the place one is born, raised or living in.
HOME_PLACE_PREPS = frozenset({"in", "at", "near"})
#: Prepositions of an organisation's seat ("based in", "headquartered at").
SEAT_PREPS = frozenset({"in", "at", "near", "outside"})
#: Last words of institutions that have a seat ("the U.S. Embassy in Ethiopia", "Brown
#: University in Providence"); armed groups and parties are present in a place, not seated
#: there ("ISIL in Mosul"); a ministry "in" a province is its branch there. From the
#: institution heads of OntoNotes ORG names.
SEAT_HEADS = frozenset({"embassy", "consulate", "museum", "hospital", "school", "college",
                        "university", "institute", "center", "centre", "laboratory", "library",
                        "theater", "theatre", "zoo", "exchange", "club", "company", "co.", "co",
                        "inc.", "inc", "corp.", "corp", "corporation", "bank", "firm", "newspaper",
                        "station", "agency", "court", "council", "commission",
                        "church", "foundation", "association",
                        "society", "academy", "plant", "factory", "mill", "airline", "airlines",
                        "group", "holdings", "ltd.", "ltd", "llc", "network", "times", "post",
                        "journal", "press", "tribune", "herald", "news"})


def person_root(m: Mention, ix: DocIndex) -> Token | None:
    """The syntactic head token of a mention, or None if it spans no tokens."""
    span = span_of(m, ix)
    return span.root if span is not None else None


def mention_at(tok: Token, ix: DocIndex, labels: frozenset[str]) -> Mention | None:
    """The mention of ``tok`` if it has one of ``labels``."""
    m = ix.ment_of.get(tok.i)
    return m if m is not None and m.label in labels else None


def pobj_mentions(tok: Token, preps: frozenset[str], ix: DocIndex,
                  labels: frozenset[str], only: list[Token] | None = None
                  ) -> list[tuple[str, Mention]]:
    """``(preposition, mention)`` for the named objects of ``tok``'s prepositions (or ``only``).

    The object's coordination counts ("president of A and B"); a common-noun object
    whose own compound is a name counts too ("of the Montgomery County House
    delegation", where the name ends before "delegation").
    """
    out: list[tuple[str, Mention]] = []
    for c in tok.children if only is None else only:
        if c.dep_ != "prep" or c.lower_ not in preps:
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            for t in (p, *p.conjuncts):
                m = mention_at(t, ix, labels) or _named_by_compound(t, ix, labels)
                if m is not None and (c.lower_, m) not in out:
                    out.append((c.lower_, m))
    return out


def _named_by_compound(t: Token, ix: DocIndex, labels: frozenset[str]) -> Mention | None:
    """The name compounded on a common noun ("the Montgomery County House delegation",
    whose "delegation" the tagger left out; "a United Nations peacekeeping force")."""
    if t.pos_ != "NOUN":
        return None
    for c in t.children:  # "a United Nations peacekeeping force"
        m = mention_at(c, ix, labels) if c.dep_ == "compound" and c.i < t.i else None
        if m is not None:
            return m
    return None


def is_title(tok: Token, ix: DocIndex) -> bool:
    """Whether a common noun is a job title or rank of the lexicon ("chairman", "analyst")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    titles = ix.lexicon.titles
    return tok.lower_ in titles or tok.lemma_.lower() in titles


@functools.lru_cache(maxsize=4096)
def _country_name(text: str) -> tuple[bool, bool, bool]:
    """(the name or an alias of a state, else its capital, else its seat ("White House"))."""
    from kg.resolve.gazetteer import Gazetteer  # the resolver's gazetteer, loaded once

    gaz = Gazetteer.default()
    entry = gaz.lookup(text)
    if entry is not None:
        return entry.type == "Country", False, False
    found = gaz.match(text)
    if found is None or found.entry.type != "Country":
        return False, False, False
    return False, found.via == "capital", found.via == "seat"


def is_country(m: Mention) -> bool:
    """Whether a place mention names a state (the gazetteer's names and aliases)."""
    return m.label == "GPE" and _country_name(m.text)[0]


def stands_for_state(m: Mention, ix: DocIndex) -> bool:
    """A state's name, or its capital or seat used for it before a title ("Tehran's
    special envoy", "the White House coordinator"); "the mayor of Tehran", "Baghdad Mayor X"
    are the city's."""
    if m.label != "GPE":
        return False
    name, capital, seat = _country_name(m.text)
    if name or seat or not capital:
        return name or seat
    root = person_root(m, ix)
    return root is not None and root.dep_ == "poss"


def separated(a: int, b: int, ix: DocIndex) -> bool:
    """A dateline dash or a separated opener between token positions ``a`` and ``b``
    ("TEHRAN - President Ebrahim Raisi": the place is no part of the title)."""
    lo, hi = min(a, b), max(a, b)
    doc = ix.doc
    return any(doc[i].text in ("-", "\u2013", "\u2014") and bool(doc[i].whitespace_)
               and i > 0 and bool(doc[i - 1].whitespace_) for i in range(lo, hi + 1))


def modified_outside(tok: Token, ix: DocIndex) -> bool:
    """A name that a word outside it modifies: "Latin American" is no American."""
    m = ix.ment_of.get(tok.i)
    return any(c.dep_ in ("amod", "compound") and ix.ment_of.get(c.i) is not m
               and c.pos_ in ("ADJ", "PROPN") for c in tok.children)


def adjacent(name_end: int, prep: Token, ix: DocIndex) -> bool:
    """Only commas and an age stand between a name and its phrase ("X, 30, of Boothbay"),
    so that "Soleimani and al-Muhandis of Iraq" does not give Soleimani's home."""
    return all(ix.doc[i].is_punct or ix.doc[i].like_num for i in range(name_end, prep.i))


def named_places(tok: Token, ix: DocIndex) -> list[Mention]:
    """The place a token names and the state after its comma ("Bethany, Conn.")."""
    m = mention_at(tok, ix, PLACE_LABELS)
    if m is None:
        return []
    out = [m]
    for c in tok.children:
        if c.dep_ in ("appos", "npadvmod", "conj") and c.i > tok.i and ix.doc[c.i - 1].text == ",":
            state = mention_at(c, ix, PLACE_LABELS)
            if state is not None and state != m:
                out.append(state)
    return out


def with_state(m: Mention, ix: DocIndex) -> list[Mention]:
    """A place mention and the state after its comma, if any ("Bethany, Conn.")."""
    root = person_root(m, ix)
    return named_places(root, ix) if root is not None else [m]


def looks_like_acronym(m: Mention) -> bool:
    """An all-capital name without dots ("IRIAF"): an organisation the tagger took for a
    place more often than a place (state abbreviations have dots: "N.Y.")."""
    return len(m.text) > 2 and m.text.isupper() and "." not in m.text and " " not in m.text
