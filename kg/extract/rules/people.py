"""People and organisations: membership, residence and seats (memberOf, livesIn, basedIn).

* a person's body, from a title in apposition or predication ("X, chairman of Y", "the
  president of Y, X", "X is a spokesman for Y", "X, a senior Defense Ministry official"),
  from the name's own phrase ("Col. X of the 507th Wing", "X at the Institute of Zoology",
  "Boston University's X");
* a person's home: "X of Virginia", "was born in", "a native of", "a Chicago native",
  "X is from Y",
  "X's hometown of Y", "X's home in Y";
* an organisation's seat: "based in", "headquartered in", "a Chicago-based company",
  "X of Shanghai", "the Field Museum in Chicago", "Chicago's Field Museum";
* units and bodies: "3rd Battalion, 321st Field Artillery Regiment", "as part of Y".

Appositions and a name's own phrases are presupposed by the clause that holds them, so
they hold whatever that clause's modality; verbs and predications are suppressed as
every clause is (:func:`~kg.extract.rules.modality.suppressed`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.entities import word_list
from kg.extract.rules.arguments import args, span_of, subjects
from kg.extract.rules.checks import relation_accepts
from kg.extract.rules.geo import PLACE_HEADS
from kg.extract.rules.geotext import FACILITY_NOUNS, after_comma
from kg.extract.rules.index import DocIndex
from kg.extract.rules.modality import noun_suppressed, suppressed
from kg.extract.rules.people_syntax import (
    antecedent,
    bodies,
    cut_name,
    is_unit,
    people_of,
    places_under,
    right_before,
    subject_toks,
    titles_of,
)
from kg.extract.rules.people_words import (
    BODY_LABELS,
    COPULAS,
    HOME_PLACE_PREPS,
    HOME_PREPS,
    ORG_LABELS,
    PERSON_PREPS,
    PLACE_LABELS,
    SEAT_HEADS,
    SEAT_PREPS,
    adjacent,
    is_country,
    is_title,
    looks_like_acronym,
    mention_at,
    pobj_mentions,
    stands_for_state,
    with_state,
)
from kg.extract.rules.registry import Candidate, matcher, rule
from kg.extract.rules.tokens import as_actor, as_place, hyphen_follows
from kg.model import Mention
from kg.resolve.places import kind as places_kind

TITLE_OF = rule("people:title-of", 0.8,
                '"X, chairman of Y", "the president of Y, X", "X is a spokesman for Y": '
                "X memberOf Y")
NAME_OF = rule("people:name-of", 0.75,
               '"Col. X of the 507th Wing", "X at the Institute of Zoology": X memberOf Y')
ROLE_COMPOUND = rule("people:role-compound", 0.7,
                     '"CBS anchorman Dan Rather": a name before the person\'s noun: memberOf')
TITLE_HOME = rule("people:title-home", 0.7,
                  '"Whitefish City Attorney X", "mayor of Panama City, X": X livesIn the city')
NAME_POSS = rule("people:name-poss", 0.75, "\"Boston University's John Silber\": memberOf")
HOME_OF = rule("people:home-of", 0.7, '"Sen. X of Virginia", "X, 30, of Boothbay": livesIn')
BORN = rule("people:born", 0.8, '"X was born in Y", "Born in Y, X ...": X livesIn Y')
NATIVE = rule("people:native", 0.75,
              '"X, a native of Y", "a Memphis native", "X\'s hometown of Y": X livesIn Y')
FROM = rule("people:from", 0.7, '"X is from Bay City, Mich.", "X hails from Y": X livesIn Y')
BASED = rule("people:based", 0.8, '"X is based in Y", "X, headquartered in Y": X basedIn Y')
BASED_HYPHEN = rule("people:based-hyphen", 0.8, '"the Atlanta-based airline Delta": basedIn')
ORG_OF_PLACE = rule("people:org-of-place", 0.7,
                    '"Trust Co. of New York", "the Field Museum in Chicago": basedIn')
ORG_PLACE_COMPOUND = rule("people:org-place-compound", 0.7,
                          '"the U.S. Congress": partOf the state; "Chicago Police": basedIn')
MEMBERS_INCLUDE = rule("people:members-include", 0.75,
                       '"NATO members include Turkey, Greece": each memberOf (partOf) NATO')
JOINED = rule("people:joined", 0.75,
              '"X joined Y", "X was elected to Y", "X works for Y": X memberOf Y')
ORG_POSS_PLACE = rule("people:org-poss-place", 0.7, "\"Chicago's Field Museum\": basedIn")
UNIT_PART = rule("people:unit-part", 0.75,
                 '"3rd Battalion, 321st Field Artillery Regiment": the first partOf the second')
AS_PART = rule("people:as-part", 0.75, '"X deployed as part of Y": X partOf (or memberOf) Y')

#: Words whose phrase names a person's home ("a native of", "a Chicago resident").
HOME_WORDS = frozenset({"native", "natives", "resident", "hometown", "home", "birthplace"})


@matcher(TITLE_OF, TITLE_HOME, NAME_OF, NAME_POSS, HOME_OF, ROLE_COMPOUND, on="mention",
         labels=frozenset({"PERSON"}))
def affiliations(person: Mention, ix: DocIndex) -> Iterator[Candidate]:
    """The bodies and home a person's own phrase and titles name."""
    span = span_of(person, ix)
    if span is None:
        return
    root, end = span.root, span.end
    preps = [c for c in root.children if c.dep_ == "prep" and c.i >= end and adjacent(end, c, ix)]
    titled = any(c.dep_ == "compound" and is_title(c, ix) for c in root.children)
    for prep, m in pobj_mentions(root, PERSON_PREPS, ix, ORG_LABELS | PLACE_LABELS, preps):
        if m.label in ORG_LABELS:
            yield NAME_OF(person, "memberOf", as_actor(m), root)
        elif prep in HOME_PREPS and titled and is_country(m):
            # "President Abdel Fattah El Sisi of Egypt" serves the state
            yield TITLE_OF(person, "memberOf", as_actor(m), root)
        elif prep in HOME_PREPS and not _hyphened(m, ix):  # not "of Austria-Hungary"
            for place in with_state(m, ix):
                yield HOME_OF(person, "livesIn", as_place(place), root)
    for c in root.children:
        m = mention_at(c, ix, BODY_LABELS - {"NORP"}) if c.dep_ == "poss" else None
        # "Boston University's John Silber"; a state's only with a title ("France's President
        # Emmanuel Macron"): "Iran's Astara" is a town the tagger took for a person
        if m is not None and m != person and (m.label == "ORG" or titled):
            yield NAME_POSS(person, "memberOf", as_actor(m), c)
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i not in ix.ment_of:
            # "CBS anchorman Dan Rather": a name on the noun before the person
            for g in c.children:
                org = mention_at(g, ix, ORG_LABELS) if g.dep_ in ("compound", "nmod") else None
                if org is not None and org != person:
                    yield ROLE_COMPOUND(person, "memberOf", as_actor(org), c)
    for title, verb in titles_of(root, ix):
        if verb is not None and suppressed(verb, ix):
            continue
        for m in bodies(title, ix):
            if m == person:
                continue
            if m.label == "GPE" and m.text.split()[-1].lower() in word_list("org_heads.txt"):
                # "a member of the District of Columbia Council" tagged as a place
                yield TITLE_OF(person, "memberOf", Mention(m.start, m.end, m.text, "ORG",
                                                           m.sentence, True), title)
            elif m.label == "GPE" and not stands_for_state(m, ix):
                if not looks_like_acronym(m) and _home_in_title(m, ix):
                    yield TITLE_HOME(person, "livesIn", as_place(m), title)
            else:
                yield TITLE_OF(person, "memberOf", as_actor(m), title)


def _home_in_title(m: Mention, ix: DocIndex) -> bool:
    """A place in a title is the holder's home where the gazetteer knows it and it names no
    facility or body ("secretary at the Ontario airport", "of Shinseito", a party)."""
    span = span_of(m, ix)
    doc = ix.doc
    region = m.text.split()[-1].lower() in PLACE_HEADS or (
        span is not None and span.end < len(doc) and doc[span.end].lower_ in PLACE_HEADS)
    if places_kind(m.text) is None and not region and (
            span is None or (after := after_comma(span.end, ix)) is None or
            after.kind not in ("state", "country")):
        return False  # unknown, and neither "the Upper Nile region" nor "North Wales, Pa."
    head = span.root.head if span is not None else None
    return head is None or not (span.root.dep_ in ("compound", "nmod") and head.i not in
                                ix.ment_of and head.lower_ in FACILITY_NOUNS | SEAT_HEADS)


def _hyphened(m: Mention, ix: DocIndex) -> bool:
    """The name is the end of a hyphenated one the tagger split ("Austria-Hungary")."""
    return m.start > 0 and ix.doc.text[m.start - 1] == "-"


@matcher(BORN, on="word", words=frozenset({"born"}))
def born(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"X was born in Y", "X, born in Y", "Born in Y, X ...": X lives in Y."""
    if suppressed(verb, ix):
        return
    people = people_of(verb, ix)
    names = [c for c in verb.children if c.dep_ in ("oprd", "attr")]  # "born Phoebe Moses"
    people += [m for c in names for m in [mention_at(c, ix, frozenset({"PERSON"}))] if m]
    places = places_under(verb, HOME_PLACE_PREPS, ix)[:1]
    places += [] if places else [m for c in names for m in places_under(c, HOME_PLACE_PREPS, ix)]
    if not places and verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        places = [as_place(m) for m in [mention_at(verb.head, ix, PLACE_LABELS)] if m]
    for place in places[:1]:  # the town only: its state is the town's (located:comma)
        for p in dict.fromkeys(people):
            yield BORN(p, "livesIn", place, verb)


@matcher(NATIVE, on="word", words=HOME_WORDS)
def natives(word: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"X, a native of Y", "a Memphis native", "X's hometown of Y", "X's home in Y"."""
    people: list[Mention] = []
    places: list[Mention] = []
    low = word.lemma_.lower()
    head = word.head
    for c in word.children:
        if c.dep_ == "poss" and c.lower_ in ("his", "her"):
            people += antecedent(c, ix)  # "Harry Reasoner is returning to his Iowa hometown"
        elif c.dep_ == "poss":
            people += [m for m in [mention_at(c, ix, frozenset({"PERSON"}))] if m]
        elif c.dep_ in ("compound", "nmod", "amod"):
            places += [m for m in [mention_at(c, ix, PLACE_LABELS | {"NORP"})
                                   or _known_place(c, ix)] if m]
        elif c.dep_ == "appos" and low in ("hometown", "birthplace"):
            places += [m for m in [mention_at(c, ix, PLACE_LABELS)] if m]
    preps = frozenset({"in"}) if low == "home" else frozenset({"of"})
    if low != "native" or not places:  # "a native of Chisholm, Minn.": the town and its state
        places += [p for m in places_under(word, preps, ix)[:1] for p in with_state(m, ix)]
    if word.dep_ == "appos" and low in ("hometown", "birthplace"):
        places += [m for m in [mention_at(head, ix, PLACE_LABELS)] if m]  # "Y, X's hometown"
    elif word.dep_ == "appos":
        people += [m for m in [mention_at(head, ix, frozenset({"PERSON"}))] if m]
    elif word.dep_ == "attr" and head.lemma_.lower() in COPULAS:
        if suppressed(head, ix):
            return
        people += [m for t in subjects(head, ix) for m in [mention_at(t, ix, frozenset(
            {"PERSON"}))] if m]
    elif word.dep_ == "amod" and low == "native" and any(
            c.dep_ == "poss" for c in head.children):
        # "his native South Carolina", "Jackson's native South Carolina"
        place = mention_at(head, ix, PLACE_LABELS)
        for c in head.children:
            if place is not None and c.dep_ == "poss":
                places.append(place)
                people += antecedent(c, ix) if c.lower_ in ("his", "her") else [
                    m for m in [mention_at(c, ix, frozenset({"PERSON"}))] if m]
    elif word.dep_ == "amod" and head.dep_ == "appos":
        # "Cybill Shepherd, a Memphis native": the parser hangs "native" on the place
        place = mention_at(head, ix, PLACE_LABELS | {"NORP"})
        person = mention_at(head.head, ix, frozenset({"PERSON"}))
        if place is not None and person is not None and low == "native":
            places.append(place)
            people.append(person)
    if low == "home" and not people:
        return
    for p in dict.fromkeys(people):
        for place in dict.fromkeys(places):
            # a city the tagger took for a people ("a Memphis native") stays as tagged
            home = place if place.label == "NORP" else as_place(place)
            if relation_accepts("livesIn", p, home):
                yield NATIVE(p, "livesIn", home, word)


def _known_place(tok: Token, ix: DocIndex) -> Mention | None:
    """A name the tagger took for a person or an organisation that the gazetteer knows as a
    town, state or country ("a Fargo native", "a Wilmington native"), read as a place."""
    m = mention_at(tok, ix, frozenset({"PERSON", "ORG"}))
    if m is None or " " in m.text or places_kind(m.text) is None:
        return None
    return Mention(m.start, m.end, m.text, "GPE", m.sentence)


#: Words that make "X is ... from Y" a journey, not a home ("back from", "away from").
AWAY_WORDS = frozenset({"back", "away", "far", "home", "absent", "free", "released", "missing",
                        "different", "separate", "safe", "exempt", "barred", "banned"})


def _from_verb(word: Token, ix: DocIndex) -> bool:
    return word.dep_ == "prep" and word.head.lemma_.lower() in ("be", "hail")


@matcher(FROM, on="word", words=frozenset({"from"}), when=_from_verb)
def home_from(word: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"Mrs. Tsuruyama is from Yatsushiro", "Madonna is from Bay City, Mich.": livesIn."""
    verb = word.head
    if suppressed(verb, ix) or any(c.lower_ in AWAY_WORDS for c in verb.children):
        return
    people = [m for t in subjects(verb, ix) for m in [mention_at(t, ix, frozenset({"PERSON"}))]
              if m]
    homes = [p for m in places_under(verb, frozenset({"from"}), ix)[:1] for p in with_state(m, ix)]
    for p in dict.fromkeys(people):
        for home in dict.fromkeys(homes):
            yield FROM(p, "livesIn", as_place(home), word)


@matcher(BASED, on="word", words=frozenset({"based", "headquartered", "headquarters"}))
def based(word: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"X is based in Y", "X, headquartered in Y", "X's headquarters in Y"."""
    if word.pos_ == "NOUN":
        if noun_suppressed(word, ix):
            return
        orgs = [m for c in word.children if c.dep_ == "poss"
                for m in [mention_at(c, ix, ORG_LABELS)] if m]
        places = places_under(word, SEAT_PREPS, ix)
        places += [as_place(m) for c in word.children if c.dep_ in ("compound", "nmod")
                   for m in [mention_at(c, ix, PLACE_LABELS)] if m]
    else:
        if suppressed(word, ix):
            return
        toks = [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not toks and word.dep_ in ("acl", "relcl"):
            if is_title(word.head, ix) and word.head.i not in ix.ment_of:
                return  # "the AP's regional reporter, based in Seattle": the reporter is
            toks = [word.head]
        orgs = [m for t in toks for m in args(t, ix) if isinstance(m, Mention)
                and m.label in ORG_LABELS]
        places = places_under(word, SEAT_PREPS, ix)[:1]
    for org in orgs:
        for place in places:
            yield BASED(as_actor(org), "basedIn", place, word)


@matcher(BASED_HYPHEN, on="word", words=frozenset({"based"}))
def based_hyphen(word: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"a Chicago-based company X", "X, the Atlanta-based airline": X basedIn the place."""
    places = [as_place(m) for c in word.children if c.i < word.i and hyphen_follows(c)
              for m in [mention_at(c, ix, PLACE_LABELS)] if m]
    if not places or word.dep_ != "amod":
        return
    noun = word.head
    orgs = [m for m in [mention_at(noun, ix, ORG_LABELS)] if m]
    if noun.dep_ == "appos":
        orgs += [m for m in [mention_at(noun.head, ix, ORG_LABELS)] if m]
    orgs += [m for c in noun.children if c.dep_ == "appos"
             for m in [mention_at(c, ix, ORG_LABELS)] if m]
    if noun.i + 1 < len(ix.doc) and not orgs:  # "the Atlanta-based company Coca-Cola"
        orgs += [m for m in [mention_at(ix.doc[noun.i + 1], ix, ORG_LABELS)] if m]
    for org in orgs:
        for place in places:
            yield BASED_HYPHEN(as_actor(org), "basedIn", place, word)


@matcher(ORG_OF_PLACE, ORG_POSS_PLACE, ORG_PLACE_COMPOUND, UNIT_PART, on="mention",
         labels=frozenset({"ORG"}))
def seats(org: Mention, ix: DocIndex) -> Iterator[Candidate]:
    """An organisation's place in its own phrase, and the unit a unit is apposed to."""
    span = span_of(org, ix)
    if span is None:
        return
    root, end = span.root, span.end
    # an institution's name ("Trust Co. of New York", "the Embassy in Tehran"), right
    # before its phrase: not "ISIL in Mosul", "the Treaty and ... of Iran's Helmand"
    words = org.text.split()
    # a name, not its bare head noun: the tagger cut "Ford's Theater" to "Theater"
    seated = any(w.lower() in SEAT_HEADS for w in words) and not (
        len(words) == 1 and words[0].lower() in SEAT_HEADS)
    preps = [c for c in root.children if c.dep_ == "prep" and c.i >= end and seated
             and adjacent(end, c, ix)]
    for _, m in pobj_mentions(root, frozenset({"of", "in", "at"}), ix, PLACE_LABELS, preps):
        if m != org:
            yield ORG_OF_PLACE(as_actor(org), "basedIn", as_place(m), root)
    for c in root.children:
        m = mention_at(c, ix, PLACE_LABELS) if c.dep_ == "poss" else None
        if m is not None and m != org and not is_country(m):
            # a city's or region's: "Chicago's Field Museum"; a state's is its organ, its
            # ally or its foe ("Turkey's banned PKK"), no seat
            yield ORG_POSS_PLACE(as_actor(org), "basedIn", as_place(m), c)
        m = mention_at(c, ix, frozenset({"GPE", "NORP"})) \
            if c.dep_ in ("compound", "nmod", "amod") else None
        if m is not None and m != org and c.i < root.i and (
                m.label == "GPE" or right_before(m, org, ix)) and not _cut(m, org, ix):
            if is_country(m) or m.label == "NORP":  # "the U.S. Congress", "the Soviet Navy"
                yield ORG_PLACE_COMPOUND(as_actor(org), "partOf", as_actor(m), c)
            else:
                yield ORG_PLACE_COMPOUND(as_actor(org), "basedIn", as_place(m), c)
        unit = mention_at(c, ix, ORG_LABELS) if c.dep_ == "appos" else None
        if unit is not None and unit != org and is_unit(org) and is_unit(unit):
            yield UNIT_PART(as_actor(org), "partOf", as_actor(unit), c)


def _cut(place: Mention, org: Mention, ix: DocIndex) -> bool:
    """The organisation's name in capitals was cut by the tagger ("Tokyo MAINICHI SHIMBUN"
    gives "SHIMBUN"): its seat is not read (:func:`cut_name`)."""
    return place.end < org.start and cut_name(org, ix)


@matcher(AS_PART, on="word", words=frozenset({"part"}))
def as_part(word: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"X deployed as part of Y": the subject of the clause is part (or a member) of Y."""
    prep = word.head
    if word.dep_ != "pobj" or prep.lower_ != "as" or prep.head.pos_ not in ("VERB", "AUX"):
        return
    verb = prep.head
    if suppressed(verb, ix):
        return
    wholes = [m for _, m in pobj_mentions(word, frozenset({"of"}), ix, ORG_LABELS)]
    for s in (m for t in subject_toks(verb, ix) for m in args(t, ix)):
        if not isinstance(s, Mention):
            continue
        for whole in wholes:
            pred = "memberOf" if s.label in ("PERSON", "GPE") else "partOf"
            if s != whole and relation_accepts(pred, as_actor(s), whole):
                yield AS_PART(as_actor(s), pred, whole, word)


#: Verbs of joining or serving a body, with the preposition of the body ("" = object).
MEMBER_FRAMES = {"join": "", "elect": "to", "work": "for", "teach": "at", "serve": "in",
                 "employ": "by", "hire": "by", "enlist": "in", "assign": "to",
                 # a journalist's or a player's body: "X covers the White House for the AP"
                 "cover": "for", "report": "for", "play": "for",
                 # "X, who heads the Centers for Disease Control", "X chairs the panel"
                 "head": "", "chair": ""}


def _joins(verb: Token, ix: DocIndex) -> bool:
    return verb.lemma_.lower() in MEMBER_FRAMES


@matcher(JOINED, on="verb", when=_joins)
def joined(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"X joined Y", "X was elected to Y", "X, who heads Y", "X covers Z for Y": memberOf Y.

    Only a named organisation is a body here: "Britain joined France in condemning ..."
    joins an act, not France.
    """
    if suppressed(verb, ix):
        return
    prep = MEMBER_FRAMES[verb.lemma_.lower()]
    if prep:
        bodies = [m for _, m in pobj_mentions(verb, frozenset({prep}), ix, ORG_LABELS)]
        if prep == "by":
            bodies += [m for c in verb.children if c.dep_ == "agent" for p in c.children
                       if p.dep_ == "pobj" for m in [mention_at(p, ix, ORG_LABELS)] if m]
    else:
        if verb.lemma_.lower() == "join" and any(
                c.dep_ == "prep" and c.lower_ == "in" for c in verb.children):
            return
        bodies = [m for c in verb.children if c.dep_ == "dobj"
                  for m in [mention_at(c, ix, ORG_LABELS)] if m]
    if not bodies:
        return
    for s in (m for t in subject_toks(verb, ix) for m in args(t, ix)):
        if not isinstance(s, Mention) or s.label not in ("PERSON", "GPE"):
            continue
        for body in bodies:
            if s != body and relation_accepts("memberOf", as_actor(s), body):
                yield JOINED(as_actor(s), "memberOf", as_actor(body), verb)


#: Nouns of an organisation's members ("Coalition nations include ...", "NATO members").
MEMBER_NOUNS = frozenset({"member", "nation", "country", "state", "partner", "ally",
                          "government", "party", "signatory"})


def _includes(verb: Token, ix: DocIndex) -> bool:
    return verb.lemma_.lower() in ("include", "comprise")


@matcher(MEMBERS_INCLUDE, on="verb", when=_includes)
def members_include(verb: Token, ix: DocIndex) -> Iterator[Candidate]:
    """"NATO includes Turkey", "Coalition nations include Australia, Bahrain, ...": each
    named object is a member of the organisation (a body of it: partOf)."""
    if suppressed(verb, ix):
        return
    wholes: list[Mention] = []
    for t in subject_toks(verb, ix):
        m = mention_at(t, ix, ORG_LABELS)
        if m is not None:
            wholes.append(m)  # "NATO includes Turkey"
        elif t.lemma_.lower() in MEMBER_NOUNS:
            wholes += [m for c in t.children if c.dep_ in ("compound", "poss", "nmod")
                       for m in [mention_at(c, ix, ORG_LABELS)] if m]
            wholes += [m for _, m in pobj_mentions(t, frozenset({"of"}), ix, ORG_LABELS)]
    if not wholes:
        return
    parts = [m for c in verb.children if c.dep_ == "dobj" for t in (c, *c.conjuncts)
             for m in [mention_at(t, ix, frozenset({"GPE", "ORG", "PERSON"}))] if m]
    for whole in dict.fromkeys(wholes):
        for part in dict.fromkeys(parts):
            pred = "partOf" if part.label == "ORG" else "memberOf"
            if part != whole and relation_accepts(pred, as_actor(part), whole):
                yield MEMBERS_INCLUDE(as_actor(part), pred, as_actor(whole), verb)
