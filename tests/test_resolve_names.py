"""Resolver on hand-made mentions: titles and ranks out of names, short forms to the full name."""

from __future__ import annotations

import pytest

from kg.model import Article, Extraction, Mention, Relation
from kg.resolve.names import person_key, person_tokens, strip_honorifics
from kg.resolve.resolver import Resolver


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


def _mentions(text: str, names: list[tuple[str, str]]) -> list[Mention]:
    out, at = [], 0
    for surface, label in names:
        i = text.index(surface, at)
        out.append(Mention(i, i + len(surface), surface, label, 0, True))
        at = i + len(surface)
    return out


def _entities(resolver: Resolver, text: str, names: list[tuple[str, str]]) -> dict[str, str]:
    ex = Extraction(mentions=tuple(_mentions(text, names)), events=(), relations=())
    ra = resolver.resolve(Article("a1", "a1.txt", text), ex)
    return {clean: ra.entities[key].label
            for key, forms in ra.surface_forms.items() for clean in forms}


@pytest.mark.parametrize(
    ("name", "stripped"),
    [
        ("Lt. Nettie Johnson", "Nettie Johnson"),
        ("Brig. Gen. Richard Coe", "Richard Coe"),
        ("Sgt. Maj. Albert Connelly", "Albert Connelly"),
        ("Col. John J. Thomas", "John J. Thomas"),
        ("Secretary Kerry", "Kerry"),
        ("Archduke Franz Ferdinand", "Franz Ferdinand"),
        # a lone title is kept: there is nothing else to name
        ("Lt.", "Lt."),
    ],
)
def test_resolve_names_ranks_are_honorifics(name, stripped):
    assert strip_honorifics(name) == stripped


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Lt. Nettie Johnson", "Nettie Johnson", True),
        ("President Bashar al-Assad", "Bashar Assad", True),
        # a title word after the first name is part of the name
        ("John Major", "John", False),
        ("Wesley General", "Wesley", False),
    ],
)
def test_resolve_names_title_only_before_the_name(a, b, same):
    assert (person_key(a) == person_key(b)) is same


def test_resolve_names_title_word_inside_name_kept():
    assert person_tokens("John Major") == ["john", "major"]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a surname alone, before or after the full name, is the full name
        ("Raisi arrived. Iranian President Ebrahim Raisi said so.",
         [("Raisi", "PERSON"), ("Ebrahim Raisi", "PERSON")],
         {"Raisi": "Ebrahim Raisi", "Ebrahim Raisi": "Ebrahim Raisi"}),
        ("Defense Minister Sergei Shoigu spoke. Shoigu said so.",
         [("Sergei Shoigu", "PERSON"), ("Shoigu", "PERSON")],
         {"Sergei Shoigu": "Sergei Shoigu", "Shoigu": "Sergei Shoigu"}),
        # a title before the surname, a particle in the full name
        ("Bashar al-Assad met them. President Assad agreed.",
         [("Bashar al-Assad", "PERSON"), ("President Assad", "PERSON")],
         {"Bashar al-Assad": "Bashar al-Assad", "President Assad": "Bashar al-Assad"}),
        # a rank in the NER's span is no part of the name
        ("Navy spokeswoman Lt. Nettie Johnson said so. Johnson added more.",
         [("Lt. Nettie Johnson", "PERSON"), ("Johnson", "PERSON")],
         {"Lt. Nettie Johnson": "Nettie Johnson", "Johnson": "Nettie Johnson"}),
        # a surname the NER took for an ORG ("Brig. Gen. Coe's statement") is the person
        ("Brig. Gen. Richard Coe spoke. Coe's statement followed.",
         [("Richard Coe", "PERSON"), ("Coe", "ORG")],
         {"Richard Coe": "Richard Coe", "Coe": "Richard Coe"}),
        # a shorter full name ending the article's longer one is that person
        ("Hossein Amir Abdollahian met them. Amir Abdollahian said so.",
         [("Hossein Amir Abdollahian", "PERSON"), ("Amir Abdollahian", "PERSON")],
         {"Hossein Amir Abdollahian": "Hossein Amir Abdollahian",
          "Amir Abdollahian": "Hossein Amir Abdollahian"}),
        # two people with one surname: each keeps their own name
        ("Lee Smith met. John Smith left.",
         [("Lee Smith", "PERSON"), ("John Smith", "PERSON")],
         {"Lee Smith": "Lee Smith", "John Smith": "John Smith"}),
    ],
)
def test_resolve_names_short_form_to_article_full_name(resolver, text, names, expected):
    assert _entities(resolver, text, names) == expected


@pytest.mark.parametrize(
    ("surface", "label"),
    [
        ("Navy Capt", "Navy"),  # "Navy Capt. Jeff Davis": the rank names no body
        ("Central Command", "Central Command"),
        ("Capt", "Capt"),  # nothing left to drop it for
    ],
)
def test_resolve_names_rank_out_of_org_name(resolver, surface, label):
    m = Mention(0, len(surface), surface, "ORG", 0, True)
    e = resolver.entity_for(m)
    assert e is not None and e.type == "Organization" and e.label == label


def test_resolve_names_state_does_not_visit_own_capital(resolver):
    """An Iranian minister's visits are his, not Iran's (visits does not generalise to the
    state): neither "Iran visits Tehran" nor "Iran visits Baghdad"."""
    text = "Iranian Foreign Minister Ali Bagheri visited Tehran and Baghdad."
    iranian, person = _mentions(text, [("Iranian", "NORP"), ("Ali Bagheri", "PERSON")])
    tehran, baghdad = (Mention(text.index(w), text.index(w) + len(w), w, "GPE", 0, False)
                       for w in ("Tehran", "Baghdad"))
    rels = (Relation(person, "memberOf", iranian, 0, "title", 0.9),
            Relation(person, "visits", tehran, 0, "svo", 0.8),
            Relation(person, "visits", baghdad, 0, "svo", 0.8))
    ex = Extraction(mentions=(iranian, person, tehran, baghdad), events=(), relations=rels)
    ra = resolver.resolve(Article("a1", "a1.txt", text), ex)
    found = {(ra.entities[r.subject.key].label, r.predicate, ra.entities[r.object.key].label)
             for r in ra.relations}
    assert ("Ali Bagheri", "visits", "Tehran") in found
    assert ("Ali Bagheri", "visits", "Baghdad") in found
    assert not {f for f in found if f[0] == "Iran" and f[1] == "visits"}


def test_resolve_names_state_visiting_own_capital_dropped(resolver):
    """"TEHRAN - ... visited Tehran": a dateline misread as the visitor makes no fact."""
    text = "TEHRAN - Grossi visited Tehran."
    dateline = Mention(0, 6, "TEHRAN", "GPE", 0, True)
    tehran = Mention(text.index("Tehran"), text.index("Tehran") + 6, "Tehran", "GPE", 0, False)
    ex = Extraction(mentions=(dateline, tehran), events=(),
                    relations=(Relation(dateline, "visits", tehran, 0, "svo", 0.8),))
    ra = resolver.resolve(Article("a1", "a1.txt", text), ex)
    assert ra.relations == []
