"""Reading place names in the text with the gazetteer (:mod:`kg.resolve.places`).

Shared by the ``located`` and ``geo`` families: where the container of a place starts after
a comma ("Klamath Falls, *Ore.*"), whether a comma run is a list ("Moscow, Turkey and Iran"),
and the all-caps place of a dateline ("BEIRUT, Lebanon (AP) _").
"""

from __future__ import annotations

from typing import NamedTuple

from kg.extract.rules.arguments import span_of
from kg.extract.rules.index import DocIndex
from kg.extract.rules.tokens import as_place
from kg.model import Mention
from kg.resolve import places

#: NER labels of names that may be places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: What ends a dateline's place: "BEIRUT, Lebanon (AP) _", "PERUGIA, Italy --".
DATELINE_ENDS = frozenset({"(", "-", "--", "_", "\u2014", "\u2013", ":"})
#: Head words of facility names the NER tags ORG ("GSA Depot, Davisville, R.I."): in an
#: address they are places, not organisations with a seat.
FACILITY_NOUNS = frozenset({"depot", "seashore", "channel", "base", "park", "airport", "station",
                            "dam", "bridge", "plant", "reservoir", "river", "lake", "canal",
                            "harbor", "harbour", "port", "forest", "monument", "arsenal",
                            "shipyard", "airfield", "field", "range", "site", "mine", "refinery",
                            "landfill", "stadium", "museum", "memorial", "cemetery", "beach",
                            "island", "islands", "mountain", "mountains", "valley", "canyon",
                            "hospital", "penitentiary", "prison", "camp", "fort", "cave",
                            "palace", "theatre", "theater", "cathedral", "mosque", "church",
                            "shrine", "embassy", "consulate", "hotel", "arena", "square",
                            "tower", "hall", "garrison", "crossing", "checkpoint", "highway",
                            "terminal", "gate"})
#: Words that continue a list after a name ("Moscow, Turkey and Iran").
LIST_WORDS = frozenset({"and", "or", "&", "nor"})
#: Dependencies that make a name the subject of a clause, not part of an address
#: ("In Gaza, Israel said ...").
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


class Named(NamedTuple):
    """A place name read in the text: its mention, what the gazetteer calls it, its tokens."""

    mention: Mention
    kind: places.Kind | None
    start: int
    end: int

    @property
    def abbreviated(self) -> bool:
        """An AP or postal state abbreviation ("Ore.", "N.Y.", "OR"): never a list member."""
        text = self.mention.text
        return self.kind == "state" and (text.endswith(".") or text.isupper()) \
            and places.us_state(text) is not None and len(text.rstrip(".")) <= 6


def name_at(i: int, ix: DocIndex) -> Named | None:
    """The place name that starts at token ``i``: a place mention, or a state or country.

    A mention that starts there is taken whole ("New York"); otherwise one to three tokens
    that the gazetteer knows as a US state or a country ("Ore.", "W. Va.", "N.Y."), which
    the NER often leaves untagged.
    """
    doc = ix.doc
    if i >= len(doc):
        return None
    m = ix.ment_of.get(i)
    if m is not None and m.start == doc[i].idx:
        span = span_of(m, ix)
        if span is None or m.label not in PLACE_LABELS | {"ORG"}:
            return None
        k = places.kind(m.text)
        if m.label == "ORG" and k not in ("country", "state"):
            return None
        return Named(m, k, span.start, span.end)
    for n in (3, 2, 1):
        if i + n > len(doc):
            continue
        span = doc[i:i + n]
        if not span[0].text[:1].isupper() or any(t.is_space for t in span):
            continue
        text = span.text
        k: places.Kind | None = None
        if places.us_state(text) is not None:
            k = "state"
        elif places.country_code(text) is not None:
            k = "country"
        if k is not None:
            return Named(Mention(span.start_char, span.end_char, text, "GPE",
                                 ix.sent_of.get(i, 0)), k, span.start, span.end)
    return None


def continues_list(j: int, ix: DocIndex) -> bool:
    """Whether the text after token ``j - 1`` goes on with a list ("..., Turkey and Iran")."""
    doc = ix.doc
    if j >= len(doc):
        return False
    t = doc[j]
    if t.lower_ in LIST_WORDS:
        return True
    if t.text == "," and j + 1 < len(doc):
        nxt = doc[j + 1]
        if nxt.lower_ in LIST_WORDS:
            return True
        after = name_at(j + 1, ix)
        return after is not None and after.kind in ("country", "state")
    return False


def is_subject(named: Named, ix: DocIndex) -> bool:
    """Whether the name is a clause's subject ("In Gaza, *Israel* said"): no address."""
    return any(ix.doc[k].dep_ in SUBJECT_DEPS for k in range(named.start, named.end)
               if ix.doc[k].head.i not in range(named.start, named.end))


def runs_on(named: Named, ix: DocIndex) -> bool:
    """Whether the name goes on: a capitalised word after it in its sentence (a longer name
    the NER cut: "Aloha, *America* West, American" are airlines) or a possessive ("Ali
    Jahormi, *Iran's* spokesman")."""
    doc = ix.doc
    if named.end >= len(doc):
        return False
    nxt = doc[named.end]
    if nxt.lower_ in ("'s", "\u2019s", "'"):  # "Jahormi, *Iran's* spokesperson"
        return True
    return nxt.text[:1].isupper() and nxt.is_alpha and not nxt.is_sent_start


def after_comma(end: int, ix: DocIndex) -> Named | None:
    """The name after a comma at token ``end`` ("Klamath Falls*, Ore.*").

    A dotted state abbreviation may follow with no comma ("Jamestown N.Y.").
    """
    doc = ix.doc
    if end < len(doc) and doc[end].text == ",":
        return name_at(end + 1, ix)
    named = name_at(end, ix)
    if named is not None and named.abbreviated and "." in named.mention.text:
        return named
    return None


def holds(container: Named, place: str, *, strict_list: bool, ix: DocIndex) -> bool:
    """Whether the text places ``place`` in ``container`` (a country or US state after a comma).

    The gazetteer decides where it knows the place: "Athens, Ga." yes, "Moscow, Turkey" no, a
    country or a state before another ("Russia, Turkey") no; but a US state may hold a small
    town named like a larger one elsewhere ("Livingston, Texas"). Where it does not know the
    place, the syntax must be clear: the container is no clause's subject and, unless it is a state
    abbreviation (only ever written after a town), no list goes on after it.
    """
    if container.kind not in ("country", "state"):
        return False
    if is_subject(container, ix) or runs_on(container, ix):
        return False
    known = places.contains(container.mention.text, place)
    if known:
        return True
    if known is False and (container.kind != "state" or places.kind(place) in ("country",
                                                                           "state")):
        return False
    # unknown, or a small US town that shares a larger town's name ("Livingston, Texas"):
    # the gazetteer holds towns of more than 15,000 people only
    if container.abbreviated:
        return True
    return not (strict_list and continues_list(container.end, ix))


def container(named: Named, place: str) -> Mention:
    """The container's mention, read as a place; a US state that is also a country's name
    ("Athens, Georgia") is tagged LOC so that the resolver reads it as the state."""
    m = named.mention
    if m.label != "LOC" and places.country_code(m.text) is not None and \
            places.in_state(m.text, place):
        return Mention(m.start, m.end, m.text, "LOC", m.sentence)
    return as_place(m)


def as_town(m: Mention) -> Mention:
    """A town the NER took for a person or an organisation ("Klamath Falls"), read as a place."""
    return as_place(m) if m.label in PLACE_LABELS else \
        Mention(m.start, m.end, m.text, "GPE", m.sentence)


#: First words of facility and landmark names ("Camp Butner", "Fort Campbell", "Lake Mead").
FACILITY_PREFIXES = frozenset({"camp", "fort", "lake", "mount", "mt."})


def is_facility(name: str) -> bool:
    """Whether a name is a facility's or a landmark's by its first or last word."""
    words = name.lower().split()
    return len(words) >= 2 and (words[-1] in FACILITY_NOUNS or words[0] in FACILITY_PREFIXES)


def named_like_a_place(m: Mention) -> bool:
    """Whether a place mention's own words look like a place's name, where the gazetteer
    does not know it: capitalised, not a mixed-case acronym ("GoU"), and a facility only
    by a facility word ("Mehrabad Airport"; "the Holy Quran" and "Grand Prix" are tagged FAC).
    """
    text = m.text[4:] if m.text.lower().startswith("the ") else m.text
    if not text[:1].isupper():
        return False  # "mosques"
    if " " not in text and len(text) <= 4 and sum(c.isupper() for c in text) >= 2 and \
            not text.isupper():
        return False
    return m.label != "FAC" or is_facility(text) or text.lower().split()[-1] in FACILITY_NOUNS
