"""Tests for kg.resolve.names: folding, surface clean-up, slugs and person keys."""

from __future__ import annotations

import re

import pytest

from kg.resolve.names import clean_surface, fold, person_key, person_tokens, slug, strip_honorifics


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Türkiye", "turkiye"),
        ("Turkey’s", "turkey"),
        ("Turkey's", "turkey"),
        ("the Kremlin", "kremlin"),
        ("  Bashar   al-Assad ", "bashar al-assad"),
        ("Erdoğan", "erdogan"),
        ("KURDISTAN WORKERS’ PARTY", "kurdistan workers' party"),
    ],
)
def test_names_fold(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Kremlin", "Kremlin"),
        ("The Pentagon", "Pentagon"),
        ("Turkey’s", "Turkey"),
        ("Damascus'", "Damascus"),
        ("  Bashar\n al-Assad ", "Bashar al-Assad"),
        ("Moscow.", "Moscow"),
        ("U.S.", "U.S."),
        ("Syria,", "Syria"),
    ],
)
def test_names_clean_surface(text, expected):
    assert clean_surface(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Turkey", "turkey"),
        ("United States", "united-states"),
        ("Kurdistan Workers' Party", "kurdistan-workers-party"),
        ("Türkiye", "turkiye"),
        ("U.S.", "u-s"),
        ("Iraq–Syria border", "iraq-syria-border"),
    ],
)
def test_names_slug(name, expected):
    assert slug(name) == expected


@pytest.mark.parametrize("name", ["دمشق", "Кремль", "北京"])
def test_names_slug_non_latin_is_a_valid_distinct_segment(name):
    s = slug(name)
    assert s and re.fullmatch(r"[A-Za-z0-9%._-]+", s)
    assert len({slug(n) for n in ["دمشق", "Кремль", "北京"]}) == 3


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Bashar al-Assad", ["bashar", "assad"]),
        ("Bashar Assad", ["bashar", "assad"]),
        ("Sergey Lavrov", ["sergei", "lavrov"]),
        ("Sergei Lavrov", ["sergei", "lavrov"]),
        ("Mohamed bin Salman", ["mohammed", "salman"]),
        ("Muhammad bin Salman", ["mohammed", "salman"]),
        ("President Vladimir Putin", ["vladimir", "putin"]),
        ("Dr. Ayman Sousan", ["ayman", "sousan"]),
        ("Recep Tayyip Erdoğan", ["recep", "tayyip", "erdogan"]),
    ],
)
def test_names_person_tokens(name, tokens):
    assert person_tokens(name) == tokens


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bashar al-Assad", "Bashar Assad"),
        ("Sergei Shoigu", "Sergey Shoigu"),
        ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
        ("Mohammed bin Salman", "Mohamed bin Salman"),
        ("President Vladimir Putin", "Vladimir Putin"),
    ],
)
def test_names_person_key_same_person(a, b):
    assert person_key(a) == person_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Bashar al-Assad", "Asma al-Assad"), ("Sergei Lavrov", "Sergei Shoigu")]
)
def test_names_person_key_different_people(a, b):
    assert person_key(a) != person_key(b)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dr. Ayman Sousan", "Ayman Sousan"),
        ("President Putin", "Putin"),
        ("Prime Minister Benjamin Netanyahu", "Benjamin Netanyahu"),
        ("Sheikh Tamim", "Tamim"),
        ("President", "President"),
        ("Faisal Mekdad", "Faisal Mekdad"),
    ],
)
def test_names_strip_honorifics(name, expected):
    assert strip_honorifics(name) == expected
