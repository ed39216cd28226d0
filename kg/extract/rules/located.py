"""Places in places, owned organisations: "Idlib province in Syria", "Syria's news agency SANA"."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extract.rules.geotext import (
    PLACE_LABELS,
    after_comma,
    as_town,
    container,
    holds,
    is_facility,
    named_like_a_place,
)
from kg.extract.rules.index import DocIndex
from kg.extract.rules.registry import Candidate, matcher, rule
from kg.extract.rules.tokens import as_actor, as_place
from kg.model import Mention
from kg.resolve import places

LOCATED = rule("located", 0.7, '"Tanf garrison on the Iraq-Syria border": locatedIn')
LOCATED_COMMA = rule("located:comma", 0.75,
                     '"Ankara, Turkey", "Klamath Falls, Ore.": a place in the country or US '
                     "state after a comma, where the gazetteer agrees or cannot say")
POSS = rule("located:poss", 0.75,
             "\"Zambia's Kafue River\", \"Turkey's Incirlik Air Base\": a landmark or facility "
             "a country or US state is said to have locatedIn it")
OWNER = rule("poss-owner", 0.8, "\"Syria's official news agency SANA\": SANA partOf Syria")

#: Head nouns of places a named place can be part of ("Tanf garrison on the border").
PLACE_NOUNS = frozenset({"garrison", "base", "province", "city", "region", "border", "town",
                         "village", "area", "camp", "airport", "port", "highway", "district",
                         "governorate", "crossing"})
WITHIN_PREPS = ("in", "on", "near", "inside", "within")


@matcher(LOCATED, LOCATED_COMMA, on="mention", labels=PLACE_LABELS | {"PERSON", "ORG"})
def located(loc: Mention, ix: DocIndex) -> Iterator[Candidate]:
    """A place phrase's "in"/"on" place, or the country or state after a comma.

    A name tagged PERSON or ORG counts only where the gazetteer knows it as a town of the
    state or country after the comma ("Klamath Falls, Ore.").
    """
    doc = ix.doc
    span = doc.char_span(loc.start, loc.end, alignment_mode="expand")
    if span is None:
        return
    if loc.label not in PLACE_LABELS:
        state = after_comma(span.end, ix)
        if state is None or not holds(state, loc.text, strict_list=True, ix=ix):
            return
        if places.kind(loc.text) in ("city", "county") and \
                places.contains(state.mention.text, loc.text):
            yield LOCATED_COMMA(as_town(loc), "locatedIn", container(state, loc.text),
                                doc[state.start])
        elif is_facility(loc.text):  # "Camp Butner, N.C." (tagged PERSON)
            facility = Mention(loc.start, loc.end, loc.text, "FAC", loc.sentence)
            yield LOCATED_COMMA(facility, "locatedIn", container(state, loc.text),
                                doc[state.start])
        return
    root = span.root
    anchors = [root]
    if root.dep_ == "compound" and root.head.lemma_.lower() in PLACE_NOUNS:
        anchors.append(root.head)
    for a in anchors:
        gap = min((c.i for c in a.children if c.dep_ in ("cc", "conj")), default=len(doc))
        for child in a.children:
            if child.dep_ == "prep" and child.lower_ in WITHIN_PREPS and child.i < gap:
                for p in child.children:
                    m = ix.ment_of.get(p.i) if p.dep_ == "pobj" else None
                    if m is not None and m.label in PLACE_LABELS and \
                            places.contains(m.text, loc.text) is not False and \
                            not _two_towns(loc.text, m.text) and \
                            (places.kind(loc.text) is not None or named_like_a_place(loc)):
                        yield LOCATED(as_place(loc), "locatedIn", as_place(m), child)
    state = after_comma(span.end, ix)
    if state is not None and holds(state, loc.text, strict_list=True, ix=ix):
        yield LOCATED_COMMA(as_place(loc), "locatedIn", container(state, loc.text),
                            doc[state.start])


@matcher(POSS, on="mention", labels=frozenset({"LOC", "FAC", "ORG"}))
def possessed(loc: Mention, ix: DocIndex) -> Iterator[Candidate]:
    """"Zambia's Kafue River": a landmark or facility named after a state's possessive.

    An organisation counts only where a facility word names it ("Turkey's Incirlik Air
    Base"): "Russia's Black Sea Fleet" belongs to Russia but lies nowhere by that.
    """
    span = ix.doc.char_span(loc.start, loc.end, alignment_mode="expand")
    if span is None or (loc.label == "ORG" and not is_facility(loc.text)):
        return
    for child in span.root.children:
        m = ix.ment_of.get(child.i) if child.dep_ == "poss" else None
        if m is None or m.label != "GPE" or places.kind(m.text) not in ("country", "state") or \
                places.contains(m.text, loc.text) is False:
            continue
        place = loc if loc.label != "ORG" else \
            Mention(loc.start, loc.end, loc.text, "FAC", loc.sentence)
        yield POSS(as_place(place), "locatedIn", as_place(m), child)


def _two_towns(place: str, container: str) -> bool:
    """Two towns the gazetteer knows: "fighting in Aleppo in Idlib" places neither in the other."""
    return places.kind(place) == "city" and places.kind(container) == "city"


@matcher(OWNER, on="mention", labels=frozenset({"ORG"}))
def owner(org: Mention, ix: DocIndex) -> Iterator[Candidate]:
    """The possessor of an organisation's description owns it (state media, ministries)."""
    span = ix.doc.char_span(org.start, org.end, alignment_mode="expand")
    if span is None:
        return
    root = span.root
    heads = [root.head] if root.dep_ in ("appos", "compound") else []
    heads += [c for c in root.children if c.dep_ == "appos"]  # "SANA, Syria's state news agency"
    for head in heads:
        for child in head.children:
            if child.dep_ == "poss" and child.i in ix.ment_of and \
                    ix.ment_of[child.i].label in ("GPE", "NORP"):
                yield OWNER(org, "partOf", as_actor(ix.ment_of[child.i]), head)
