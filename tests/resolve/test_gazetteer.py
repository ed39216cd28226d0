"""Tests for kg.resolve.gazetteer: the shipped data and the loader."""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pycountry
import pytest
import spacy

from kg.resolve.gazetteer import (
    COUNTRY_COLUMNS,
    LOCATION_COLUMNS,
    ORGANIZATION_COLUMNS,
    GazEntry,
    Gazetteer,
    GazetteerError,
    normalize,
)

DATA = Path(str(resources.files("kg.resolve") / "data"))
FILES = {
    "countries.tsv": COUNTRY_COLUMNS,
    "organizations.tsv": ORGANIZATION_COLUMNS,
    "locations.tsv": LOCATION_COLUMNS,
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Türkiye", "Turkey"),
        ("Turkiye", "Turkey"),
        ("Republic of Türkiye", "Turkey"),
        ("Turkey's", "Turkey"),
        ("Turkey’s", "Turkey"),
        ("U.S.", "United States"),
        ("US", "United States"),
        ("USA", "United States"),
        ("America", "United States"),
        ("the U.S.", "United States"),
        ("United States of America", "United States"),
        ("Daesh", "Islamic State"),
        ("ISIL", "Islamic State"),
        ("ISIS", "Islamic State"),
        ("IS", "Islamic State"),
        ("Kurdistan Workers’ Party", "Kurdistan Workers' Party"),
        ("PKK", "Kurdistan Workers' Party"),
        ("Syrian Arab Republic", "Syria"),
        ("Islamic Republic of Iran", "Iran"),
        ("Russian Federation", "Russia"),
        ("UK", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("UAE", "United Arab Emirates"),
        ("KSA", "Saudi Arabia"),
        ("DPRK", "North Korea"),
        ("Czechia", "Czech Republic"),
        ("Burma", "Myanmar"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("DR Congo", "Democratic Republic of the Congo"),
        ("SDF", "Syrian Democratic Forces"),
        ("YPG", "People's Defense Units"),
        ("Hizbollah", "Hezbollah"),
        ("Revolutionary Guards", "Islamic Revolutionary Guard Corps"),
        ("HTS", "Hayat Tahrir al-Sham"),
        ("Al-Qaeda", "al-Qaeda"),
        ("Ansar Allah", "Houthis"),
        ("NATO", "North Atlantic Treaty Organization"),
        ("Nato", "North Atlantic Treaty Organization"),
        ("U.N.", "United Nations"),
        ("League of Arab States", "Arab League"),
        ("Astana Troika", "Astana Process"),
        ("DoD", "Pentagon"),
        ("CIA", "Central Intelligence Agency"),
        ("SANA", "Syrian Arab News Agency"),
        ("AFP", "Agence France-Presse"),
        ("al-Tanf", "Tanf"),
        ("Deir al-Zour", "Deir ez-Zor"),
        ("Donbass", "Donbas"),
        ("Gaza", "Gaza Strip"),
        ("Hong Kong", "Hong Kong"),
        ("  United   Kingdom ", "United Kingdom"),
    ],
)
def test_gazetteer_lookup_resolves_surface(gaz: Gazetteer, surface: str, canonical: str) -> None:
    entry = gaz.lookup(surface)
    assert entry is not None, surface
    assert entry.name == canonical


@pytest.mark.parametrize(
    "surface",
    [
        "us",
        "Us",
        "is",
        "un",
        "who",
        "uk",
        "",
        "   ",
        "Congo",
        "Kurdish",
        "Arab",
        "Korean",
        "Washington",
        "Kremlin",
        "Turkish",
        "Assad",
        "New Jersey",
    ],
)
def test_gazetteer_lookup_rejects_non_names(gaz: Gazetteer, surface: str) -> None:
    assert gaz.lookup(surface) is None


@pytest.mark.parametrize(
    ("surface", "type_"),
    [
        ("Turkey", "Country"),
        ("Islamic State", "Organization"),
        ("Idlib", "Location"),
        ("Puerto Rico", "Location"),
        ("Vatican City", "Country"),
        ("Kosovo", "Country"),
    ],
)
def test_gazetteer_lookup_types_entries(gaz: Gazetteer, surface: str, type_: str) -> None:
    entry = gaz.lookup(surface)
    assert entry is not None and entry.type == type_


@pytest.mark.parametrize(
    ("word", "canonical"),
    [
        ("Turkish", "Turkey"),
        ("Turks", "Turkey"),
        ("Saudi", "Saudi Arabia"),
        ("Saudis", "Saudi Arabia"),
        ("American", "United States"),
        ("Americans", "United States"),
        ("Emirati", "United Arab Emirates"),
        ("Syrian", "Syria"),
        ("Israeli", "Israel"),
        ("Iranian", "Iran"),
        ("Russian", "Russia"),
        ("British", "United Kingdom"),
        ("Palestinian", "Palestine"),
        ("Dominican", "Dominican Republic"),
        ("TURKISH", "Turkey"),
    ],
)
def test_gazetteer_demonym_resolves(gaz: Gazetteer, word: str, canonical: str) -> None:
    entry = gaz.demonym(word)
    assert entry is not None and entry.name == canonical


@pytest.mark.parametrize("word", ["turkish", "polish", "Kurdish", "Arab", "Korean", "Turkey", ""])
def test_gazetteer_demonym_rejects(gaz: Gazetteer, word: str) -> None:
    assert gaz.demonym(word) is None


@pytest.mark.parametrize(
    ("word", "canonical"),
    [
        ("Ankara", "Turkey"),
        ("Kremlin", "Russia"),
        ("the Kremlin", "Russia"),
        ("Moscow", "Russia"),
        ("Washington", "United States"),
        ("Washington, D.C.", "United States"),
        ("White House", "United States"),
        ("Damascus", "Syria"),
        ("Tehran", "Iran"),
        ("Riyadh", "Saudi Arabia"),
        ("Tel Aviv", "Israel"),
        ("Downing Street", "United Kingdom"),
        ("Beijing", "China"),
        ("Kyiv", "Ukraine"),
        ("Kiev", "Ukraine"),
    ],
)
def test_gazetteer_capital_resolves(gaz: Gazetteer, word: str, canonical: str) -> None:
    entry = gaz.capital(word)
    assert entry is not None and entry.name == canonical


@pytest.mark.parametrize("word", ["Pentagon", "Brussels", "Turkey", "Idlib", "Victoria"])
def test_gazetteer_capital_rejects(gaz: Gazetteer, word: str) -> None:
    assert gaz.capital(word) is None


@pytest.mark.parametrize(
    ("surface", "canonical", "via"),
    [
        ("Turkey", "Turkey", "name"),
        ("Türkiye", "Turkey", "alias"),
        ("Ankara", "Turkey", "capital"),
        ("Kremlin", "Russia", "seat"),
        ("Syrians", "Syria", "demonym"),
        ("Pentagon", "Pentagon", "name"),
    ],
)
def test_gazetteer_match_reports_field(
    gaz: Gazetteer, surface: str, canonical: str, via: str
) -> None:
    found = gaz.match(surface)
    assert found is not None
    assert (found.entry.name, found.via) == (canonical, via)


def test_gazetteer_match_misses_unknown(gaz: Gazetteer) -> None:
    assert gaz.match("Atlantis") is None


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Kurdistan Workers’ Party", "Kurdistan Workers' Party"),
        ("the United  States", "United States"),
        ("The Hague", "Hague"),
        ("Turkey’s", "Turkey"),
        ("al\u2011Qaeda", "al-Qaeda"),
        ("ＮＡＴＯ", "NATO"),
    ],
)
def test_gazetteer_normalize(surface: str, expected: str) -> None:
    assert normalize(surface) == expected


@pytest.mark.parametrize(
    ("name", "wikidata"),
    [
        ("United States", "Q30"),
        ("Russia", "Q159"),
        ("Turkey", "Q43"),
        ("Syria", "Q858"),
        ("Iran", "Q794"),
        ("Iraq", "Q796"),
        ("Israel", "Q801"),
        ("Saudi Arabia", "Q851"),
        ("Egypt", "Q79"),
        ("Jordan", "Q810"),
        ("Ukraine", "Q212"),
        ("China", "Q148"),
        ("Qatar", "Q846"),
        ("Oman", "Q842"),
        ("United Arab Emirates", "Q878"),
        ("Lebanon", "Q822"),
        ("United Kingdom", "Q145"),
        ("France", "Q142"),
        ("Germany", "Q183"),
        ("Kosovo", "Q1246"),
        ("Islamic State", "Q2429253"),
        ("United Nations", "Q1065"),
        ("North Atlantic Treaty Organization", "Q7184"),
        ("Arab League", "Q7172"),
        ("Gulf Cooperation Council", "Q217172"),
        ("International Atomic Energy Agency", "Q41984"),
        ("Pentagon", "Q11209"),
    ],
)
def test_gazetteer_wikidata_known_ids(gaz: Gazetteer, name: str, wikidata: str) -> None:
    assert gaz.by_name(name).wikidata == wikidata


def test_gazetteer_by_name_unknown_raises(gaz: Gazetteer) -> None:
    with pytest.raises(GazetteerError, match="no entry named 'Atlantis'"):
        gaz.by_name("Atlantis")


def test_gazetteer_default_is_cached() -> None:
    assert Gazetteer.default() is Gazetteer.default()


def test_gazetteer_countries_cover_states(gaz: Gazetteer) -> None:
    countries = [e for e in gaz.entries() if e.type == "Country"]
    assert len(countries) == 197  # 193 UN members + Palestine, Vatican City, Taiwan, Kosovo
    iso_codes = {c.alpha_3 for c in pycountry.countries}
    for entry in countries:
        assert entry.iso3 in iso_codes or entry.name == "Kosovo", entry.name
    for name in ("Palestine", "Taiwan", "Kosovo", "Vatican City", "South Sudan"):
        assert name in gaz


def test_gazetteer_country_cells_name_countries(gaz: Gazetteer) -> None:
    for entry in gaz.entries():
        if entry.country is not None:
            assert gaz.by_name(entry.country).type == "Country", entry.name
    assert gaz.by_name("Idlib").country == "Syria"
    assert gaz.by_name("Central Intelligence Agency").country == "United States"
    assert gaz.by_name("Islamic State").country is None


@pytest.mark.parametrize(("filename", "columns"), list(FILES.items()))
def test_gazetteer_tsv_rows_have_all_columns(filename: str, columns: tuple[str, ...]) -> None:
    lines = (DATA / filename).read_text(encoding="utf-8").splitlines()
    assert tuple(lines[0].split("\t")) == columns
    assert len(lines) > 1
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        assert len(cells) == len(columns), f"{filename}:{number}"
        assert cells[0].strip() == cells[0] and cells[0], f"{filename}:{number}"


@pytest.mark.parametrize(("filename", "columns"), list(FILES.items()))
def test_gazetteer_tsv_wikidata_cells_are_qids(filename: str, columns: tuple[str, ...]) -> None:
    col = columns.index("wikidata")
    lines = (DATA / filename).read_text(encoding="utf-8").splitlines()[1:]
    ids = [line.split("\t")[col] for line in lines]
    for value in ids:
        assert value == "" or re.fullmatch(r"Q[1-9][0-9]*", value), value
    filled = [v for v in ids if v]
    assert len(filled) == len(set(filled)), "one Q-id on two rows"


def test_gazetteer_no_form_shared_by_two_entries(gaz: Gazetteer) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in gaz.entries():
        for form, _via in entry.forms():
            owners[normalize(form).casefold()].add(entry.name)
    shared = {form: names for form, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_gazetteer_constructor_rejects_shared_alias() -> None:
    entries = [
        GazEntry("Turkey", "Country", aliases=("Türkiye",)),
        GazEntry("Turkey Inc", "Organization", aliases=("türkiye",)),
    ]
    with pytest.raises(GazetteerError, match="belongs to both 'Turkey' and 'Turkey Inc'"):
        Gazetteer(entries)


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([GazEntry("Turkey", "Country"), GazEntry("Turkey", "Country")], "used by two entries"),
        ([GazEntry("Idlib", "Location", country="Syria")], "not the name of a country"),
        ([GazEntry("Syria", "Country"), GazEntry("Idlib", "Location", country="Syria")], None),
    ],
)
def test_gazetteer_constructor_validates(entries: list[GazEntry], message: str | None) -> None:
    if message is None:
        assert len(Gazetteer(entries)) == 2
    else:
        with pytest.raises(GazetteerError, match=message):
            Gazetteer(entries)


def _copy_data(tmp_path: Path) -> Path:
    for filename in FILES:
        shutil.copy(DATA / filename, tmp_path / filename)
    return tmp_path


def test_gazetteer_load_reads_a_folder(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    with (folder / "locations.tsv").open("a", encoding="utf-8") as fh:
        fh.write("# a comment line\nAtlantis\t\tLost City\t\n")
    gaz = Gazetteer.load(folder)
    entry = gaz.lookup("lost city")
    assert entry is not None and entry.name == "Atlantis" and entry.country is None


@pytest.mark.parametrize(
    ("filename", "old", "new", "message"),
    [
        (
            "countries.tsv",
            "Turkey\tTUR\tQ43\t",
            "Turkey\tTUR\tQ43\t\t",
            r"countries\.tsv:\d+: 8 tab-separated cells, expected 7",
        ),
        (
            "countries.tsv",
            "Turkey\tTUR\tQ43\t",
            "Turkey\tTUR\t43\t",
            r"countries\.tsv:\d+: wikidata '43' is not a Q-id",
        ),
        ("countries.tsv", "Turkey\tTUR\tQ43\t", "Turkey\tTUR\tQ043\t", "is not a Q-id"),
        (
            "countries.tsv",
            "Turkey\tTUR\tQ43\t",
            "Turkey\tTR\tQ43\t",
            "iso3 'TR' is not three capital letters",
        ),
        (
            "organizations.tsv",
            "Hamas\tOrganization",
            "Hamas\tOrg",
            "type 'Org' is not 'Organization'",
        ),
        ("locations.tsv", "Idlib\t\t", "\t\t", r"locations\.tsv:\d+: the name cell is empty"),
        ("locations.tsv", "name\twikidata", "name\twd", r"locations\.tsv:1: header is"),
        ("locations.tsv", "Idlib\t\tIdleb", "Idlib\t\tAleppo", "belongs to both"),
    ],
)
def test_gazetteer_load_reports_bad_data(
    tmp_path: Path, filename: str, old: str, new: str, message: str
) -> None:
    folder = _copy_data(tmp_path)
    path = folder / filename
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(GazetteerError, match=message) as info:
        Gazetteer.load(folder)
    assert "Fix:" in str(info.value)


def test_gazetteer_load_reports_missing_file(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    (folder / "organizations.tsv").unlink()
    with pytest.raises(GazetteerError, match=r"organizations\.tsv: file not found\. Fix:"):
        Gazetteer.load(folder)


@pytest.fixture(scope="module")
def ruler_nlp(gaz: Gazetteer) -> spacy.language.Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(gaz.patterns())  # type: ignore[attr-defined]
    return nlp


def test_gazetteer_patterns_are_well_formed(gaz: Gazetteer) -> None:
    patterns = gaz.patterns()
    assert patterns == gaz.patterns()  # stable order
    labels = {p["label"] for p in patterns}
    assert labels == {"GPE", "NORP", "ORG", "LOC"}
    names = {e.name for e in gaz.entries()}
    for p in patterns:
        assert set(p) == {"label", "pattern", "id"}
        assert p["id"] in names
        assert isinstance(p["pattern"], str) or (
            isinstance(p["pattern"], list) and all(isinstance(t, dict) for t in p["pattern"])
        )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Türkiye and the US-backed SDF met in Ankara, the Kremlin said.",
            [
                ("Türkiye", "GPE", "Turkey"),
                ("US", "GPE", "United States"),
                ("SDF", "ORG", "Syrian Democratic Forces"),
                ("Ankara", "GPE", "Turkey"),
                ("Kremlin", "GPE", "Russia"),
            ],
        ),
        (
            "The U.S.-backed Kurdistan Workers’ Party fought Daesh near al-Tanf.",
            [
                ("U.S.-backed", "GPE", "United States"),
                ("Kurdistan Workers’ Party", "ORG", "Kurdistan Workers' Party"),
                ("Daesh", "ORG", "Islamic State"),
                ("al-Tanf", "LOC", "Tanf"),
            ],
        ),
        (
            "The Turkish side and the Saudis welcomed the Syrian Arab Republic to the Arab League.",
            [
                ("Turkish", "NORP", "Turkey"),
                ("Saudis", "NORP", "Saudi Arabia"),
                ("Syrian Arab Republic", "GPE", "Syria"),
                ("Arab League", "ORG", "Arab League"),
            ],
        ),
        ("Let us eat turkey from china and polish it; who is un-happy?", []),
        (
            "AL-QAEDA and the People's Defense Units in Deir ez-Zor, Middle East.",
            [
                ("AL-QAEDA", "ORG", "al-Qaeda"),
                ("People's Defense Units", "ORG", "People's Defense Units"),
                ("Deir ez-Zor", "LOC", "Deir ez-Zor"),
                ("Middle East", "LOC", "Middle East"),
            ],
        ),
    ],
)
def test_gazetteer_patterns_tag_sentence(
    ruler_nlp: spacy.language.Language, text: str, expected: list[tuple[str, str, str]]
) -> None:
    doc = ruler_nlp(text)
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == expected


def test_gazetteer_patterns_custom_tokenizer() -> None:
    gaz = Gazetteer([GazEntry("Gaza Strip", "Location", aliases=("GS",))])
    patterns = gaz.patterns(tokenizer=str.split)
    assert {"label": "LOC", "pattern": "GS", "id": "Gaza Strip"} in patterns
    assert {
        "label": "LOC",
        "pattern": [{"LOWER": "gaza", "IS_LOWER": False}, {"LOWER": "strip", "IS_LOWER": False}],
        "id": "Gaza Strip",
    } in patterns
