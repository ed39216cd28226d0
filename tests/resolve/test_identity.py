"""Cross-article identity (kg.resolve.identity): model-free, on hand-made resolved articles."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from kg.model import Article, Entity, Extraction
from kg.resolve.identity import EntityIndex, Merge, link_entities
from kg.resolve.resolver import ResolvedArticle


def resolved(aid: str, *names: tuple[str, str, str]) -> ResolvedArticle:
    """A resolved article naming (key, type, surface form) entities, each once."""
    ra = ResolvedArticle(Article(aid, f"{aid}.txt", "text"), Extraction())
    for key, type_, form in names:
        ra.entities[key] = Entity(key, type_, form)
        ra.surface_forms[key] = Counter({form: 1})
    return ra


RAISI = ("person/ebrahim-raisi", "Person", "Ebrahim Raisi")
RAISI_SHORT = ("person/raisi", "Person", "Raisi")
ISFAHAN_ORG = ("organization/isfahan", "Organization", "Isfahan")
ISFAHAN_LOC = ("location/isfahan", "Location", "Isfahan")


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        # a surname alone in one article joins the full name of another
        ([resolved("a1", RAISI), resolved("a2", RAISI_SHORT)],
         (Merge("person/raisi", "person/ebrahim-raisi", "surname"),)),
        # two full names ending in the surname: the short form stays apart
        ([resolved("a1", RAISI), resolved("a2", RAISI_SHORT),
          resolved("a3", ("person/abdullah-raisi", "Person", "Abdullah al-Raisi"))], ()),
        # one name, two types: the type most mentions give wins, and a person that a
        # place outnumbers is not then taken for a surname
        ([resolved("a1", ISFAHAN_LOC), resolved("a2", ISFAHAN_LOC),
          resolved("a3", ("person/isfahan", "Person", "Isfahan")),
          resolved("a4", ("person/ali-isfahan", "Person", "Ali Isfahan"))],
         (Merge("person/isfahan", "location/isfahan", "type"),)),
        # a one-word person name takes a place of that name from its own articles only
        ([resolved("a1", ("person/ibrahim", "Person", "Ibrahim")),
          resolved("a2", ("person/ibrahim", "Person", "Ibrahim")),
          resolved("a3", ("location/ibrahim", "Location", "Ibrahim"))], ()),
        ([resolved("a1", ("person/ibrahim", "Person", "Ibrahim")),
          resolved("a2", ("person/ibrahim", "Person", "Ibrahim"),
                   ("location/ibrahim", "Location", "Ibrahim"))],
         (Merge("location/ibrahim", "person/ibrahim", "type"),)),
        # one name, two types: the type most mentions give wins
        ([resolved("a1", ISFAHAN_LOC), resolved("a2", ISFAHAN_LOC), resolved("a3", ISFAHAN_ORG)],
         (Merge("organization/isfahan", "location/isfahan", "type"),)),
        # the surname joins a full name: the same name typed otherwise follows it there
        ([resolved("a1", RAISI), resolved("a2", RAISI_SHORT), resolved("a4", RAISI_SHORT),
          resolved("a3", ("organization/raisi", "Organization", "Raisi"))],
         (Merge("organization/raisi", "person/ebrahim-raisi", "person"),
          Merge("person/raisi", "person/ebrahim-raisi", "surname"))),
    ],
)
def test_identity_merges(articles: list[ResolvedArticle], expected: tuple[Merge, ...]) -> None:
    linking = link_entities(articles)
    assert linking.merges == expected
    assert linking.remap == {m.source: m.target for m in expected}


def test_identity_order_does_not_matter() -> None:
    arts = [resolved("a1", ISFAHAN_LOC), resolved("a2", ISFAHAN_ORG, RAISI_SHORT),
            resolved("a3", RAISI, ISFAHAN_ORG)]
    results = {link_entities(list(p)).merges for p in itertools.permutations(arts)}
    assert len(results) == 1


def test_identity_index_sums_articles() -> None:
    index = EntityIndex.of([resolved("a2", RAISI), resolved("a1", RAISI, ISFAHAN_LOC)])
    info = index.entities["person/ebrahim-raisi"]
    assert info.articles == {"a1", "a2"}
    assert info.forms == Counter({"Ebrahim Raisi": 2})
    assert index.by_article["a1"] == {"person/ebrahim-raisi", "location/isfahan"}
    assert [a.article.id for a in index.articles] == ["a1", "a2"]
