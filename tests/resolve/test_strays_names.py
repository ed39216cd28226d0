"""Titles left in person names (#22): the Shia rank Hojjat al-Islam, a ruler's title after a
dynasty's or state's adjective (kg.resolve.names)."""

from __future__ import annotations

from collections import Counter

import pytest

from kg.model import Article, Extraction, Mention
from kg.resolve.names import (
    clean_surface,
    person_key,
    person_label,
    person_tokens,
    strip_honorifics,
)
from kg.resolve.resolver import Resolver


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        # the clerical rank in its transliterations, before the name
        ("Hujjat al-Islam Abbas Ali Soleimani", "Abbas Ali Soleimani"),
        ("Hojjat al-Eslam Ali Khan", "Ali Khan"),
        ("Hojjat ol-Islam Hamid Shahriari", "Hamid Shahriari"),
        ("Hujjat al-Islam Mr. Haj Sheikh Abbas Ali Soleimani", "Abbas Ali Soleimani"),
        # "Hojjat" is a given name too, and al-Islam after a given name is the name
        ("Hojjat Nazari", "Hojjat Nazari"),
        ("Saif al-Islam Gaddafi", "Saif al-Islam Gaddafi"),
        # a ruler's title after a dynasty's, a state's or a time's word
        ("Sassanid King Ardashir", "Ardashir"),
        ("Safavid Shah Abbas", "Safavid Shah Abbas"),  # Shah is in names ("Reza Shah")
        ("Saudi Crown Prince Mohammed bin Salman", "Mohammed bin Salman"),
        ("Former President Hassan Rouhani", "Hassan Rouhani"),
        ("Iranian President Ebrahim Raisi", "Ebrahim Raisi"),
        # a title that is a given name too, before a given name and its patronymic
        ("Amir Faisal bin Farhan", "Faisal bin Farhan"),
        ("Imam Ali bin Abi Talib", "Ali bin Abi Talib"),
        ("Amir bin Ali", "Amir bin Ali"),
        ("Amir Saeed Iravani", "Amir Saeed Iravani"),
        # a title in the middle of a name stays: not after an adjective, or at the end
        ("Nat King Cole", "Nat King Cole"),
        ("Martin Luther King Jr.", "Martin Luther King Jr."),
        ("Reza Shah Pahlavi", "Reza Shah Pahlavi"),
        ("Sassanid King", "Sassanid King"),
    ],
)
def test_strays_names_titles_out(name: str, bare: str) -> None:
    assert strip_honorifics(name) == bare
    assert person_key(name) == person_key(bare)


@pytest.mark.parametrize("title", ["Hujjat al-Islam", "Hojjat ol-Eslam", "Hujjat al-Islam"])
def test_strays_names_title_alone_is_no_person(title: str) -> None:
    """A rank the NER tagged PERSON names nobody: no tokens, and the resolver drops it."""
    assert person_tokens(title) == []
    text = f"Following the assassination of {title} in Babol, the Leader spoke."
    start = text.index(title)
    m = Mention(start, start + len(title), title, "PERSON", 0)
    ra = Resolver().resolve(Article("a1", "a1.txt", text), Extraction(mentions=(m,)))
    assert not [e for e in ra.entities.values() if e.type == "Person"]


def test_strays_names_label_without_dynasty_title() -> None:
    assert person_label(Counter({"Sassanid King Ardashir": 1})) == "Ardashir"
    assert person_label(Counter({"Hujjat al-Islam Abbas Ali Soleimani": 1,
                                 "Abbas Ali Soleimani": 2})) == "Abbas Ali Soleimani"


@pytest.mark.parametrize(
    ("surface", "clean"),
    [
        # an interview's speaker line: the next sentence's first word after the colon
        ("Tehran Times: Welcome", "Tehran Times"),
        ("Arab League: Reiterate", "Arab League"),
        # more words after a colon are a name's own (a title, a subtitle)
        ("Mission: Impossible Fallout", "Mission: Impossible Fallout"),
        ("Tehran Times", "Tehran Times"),
    ],
)
def test_strays_names_speaker_line(surface: str, clean: str) -> None:
    assert clean_surface(surface) == clean
