"""The mention phase: entity mentions from the ``Doc``'s entities (not a relation rule)."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from kg.extract.entities import word_list
from kg.extract.lexicon import Lexicon
from kg.extract.rules.tokens import LOCATIVE_PREPS, MOTION_PREPS, MOTION_WORDS
from kg.model import Mention

#: NER labels kept as mentions.
ENTITY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})


def find_mentions(doc: Doc, lexicon: Lexicon, sent_of: Mapping[int, int]
                  ) -> tuple[list[Mention], dict[int, Mention]]:
    """The entity mentions of ``doc``, and the mention of each token inside one."""
    mentions: list[Mention] = []
    ment_of: dict[int, Mention] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        trimmed = trim(ent)
        if trimmed is None or is_title_fragment(trimmed, lexicon):
            continue
        m = Mention(trimmed.start_char, trimmed.end_char, trimmed.text, trimmed.label_,
                    sent_of[trimmed.start], acting(trimmed))
        mentions.append(m)
        for tok in trimmed:
            ment_of[tok.i] = m
    return mentions, ment_of


#: Words that open a compound title or rank ("Rear Admiral", "Deputy Minister"): no body's
#: name ends with one. Source: US DoD rank titles and cabinet titles in news, by hand.
RANK_MODIFIERS = frozenset({
    "rear", "vice", "deputy", "acting", "lieutenant", "brigadier", "major", "under",
    "assistant", "chief", "general", "attorney", "sergeant", "senior",
})


def is_title_fragment(ent: Span, lexicon: Lexicon) -> bool:
    """"Defense" tagged ORG inside "Russian Defense Minister Sergei Shoigu".

    Only a span ending in a portfolio word or a rank modifier is a fragment ("Kazakh
    Foreign Minister", "Rear Admiral"): "FAA spokesman", "Navy spokeswoman X", "Khmer
    Rouge leader X" and "U.N. Secretary" name a body.
    """
    if ent.label_ != "ORG" or len(ent) > 2:
        return False
    last = ent[-1].lower_
    ranks = lexicon.titles.keys() | RANK_MODIFIERS  # "Rear Admiral": a rank, all of it
    if not (last in _portfolio_words() or all(t.lower_ in ranks for t in ent)):
        return False
    head = ent.root.head
    while head.dep_ == "compound" and head.head.i != head.i:
        if head.lower_ in lexicon.titles:
            return True
        head = head.head
    return head.lower_ in lexicon.titles or any(
        e.label_ == "PERSON" and head in e for e in ent.doc.ents
    )


def trim(ent: Span) -> Span | None:
    """Drop articles, edge punctuation and unbalanced brackets from an entity span.

    "Organization of Islamic Cooperation (OIC" ends before the bracket: the acronym
    is its own mention, read as a definition by the resolver.
    """
    start, end = ent.start, ent.end
    doc = ent.doc
    for i in range(start, end):
        if doc[i].text in ("(", "[") and not any(doc[j].text in (")", "]") for j in range(i, end)):
            end = i
            break
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while start < end and doc[start].text in ("]", ")"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=ent.label_)


def acting(ent: Span) -> bool:
    """A mention acts unless it is the object of a locative preposition ("in Moscow")."""
    t = ent.root
    if t.dep_ == "appos" and ent.label_ in PLACE_LABELS and _place_syntax(t):
        return False
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj":
        prep = t.head
        governor = prep.head
        if prep.lower_ in LOCATIVE_PREPS:
            # "officials in Ankara" are the government's officials
            return governor.lemma_.lower() in ("official", "officials", "diplomat", "leadership")
        if prep.lower_ in MOTION_PREPS:
            return governor.lemma_.lower() not in MOTION_WORDS
    # "the Tanf base", "the Iraq border": a place that names a place
    if t.dep_ in ("compound", "npadvmod") and t.head.lemma_.lower() in ("base", "border"):
        return False
    return ent.label_ not in PLACE_LABELS or not _place_syntax(t)


#: NER labels of places: a capital among them stands for its state only where it acts.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _place_syntax(t: Token) -> bool:
    """A place name used as a place, not for its government (ACE GPE metonymy).

    "left Moscow", "visit Paris" (object of a motion verb), "the Moscow Tchaikovsky
    Competition" (modifier of a noun that is neither an actor noun nor a title),
    "BANGKOK, Thailand (AP)" (a verbless dateline), "Bosnia's capital, Sarajevo" (apposed
    to a place), "Beijing's Tiananmen Square" (owning a place), "Rome is in Lazio" (placed),
    "south of Baghdad" (of a place noun).
    """
    head = t.head
    if t.dep_ == "dobj":
        return head.lemma_.lower() in MOTION_WORDS
    if t.dep_ == "compound":
        lex = Lexicon.default()  # "the Moscow government", "Kremlin spokesman": the state
        return head.lemma_.lower() not in lex.actor_nouns and head.lower_ not in lex.titles
    if t.dep_ == "ROOT":
        return not any(c.dep_ in ("nsubj", "dobj", "nsubjpass") for c in t.children)
    if t.dep_ == "appos":
        return head.ent_type_ in PLACE_LABELS or head.lemma_.lower() in ("capital", "city", "town")
    if t.dep_ == "poss":  # "Beijing's Tiananmen Square", "Moscow's streets"
        return head.ent_type_ in PLACE_LABELS or head.lemma_.lower() in PLACE_NOUNS
    if t.dep_ == "nsubj" and head.lemma_ == "be":  # "Rome is in Lazio province"
        return any(c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS
                   and any(o.ent_type_ in PLACE_LABELS for o in c.children) for c in head.children)
    if t.dep_ == "pobj" and head.lower_ == "of":  # "south of Baghdad", "the city of Raqqa"
        return head.head.lemma_.lower() in PLACE_NOUNS
    return False


@functools.cache
def _portfolio_words() -> frozenset[str]:
    """Cabinet portfolio words ("defense", "foreign"): what a title fragment is made of."""
    return word_list("departments.txt") | {"ministry", "minister"}


#: Nouns of a place or a part of one: a capital they govern or own is the city.
PLACE_NOUNS = frozenset({
    "capital", "city", "town", "village", "suburb", "suburbs", "outskirts", "north", "south",
    "east", "west", "northeast", "northwest", "southeast", "southwest", "center", "centre",
    "heart", "street", "streets", "square", "airport", "port", "province", "district",
    "neighborhood", "neighbourhood", "downtown", "mayor",
})
