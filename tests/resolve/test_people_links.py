"""Cross-article person linkers (kg.resolve.people_links): variants and short forms."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from kg.model import Article, Entity, Extraction
from kg.resolve.identity import Merge, link_entities
from kg.resolve.names import person_key
from kg.resolve.people_links import translit
from kg.resolve.resolver import ResolvedArticle


def article(aid: str, *forms: str, others: tuple[str, ...] = ()) -> ResolvedArticle:
    """A resolved article naming people (by surface form) and other organisations."""
    ra = ResolvedArticle(Article(aid, f"{aid}.txt", "text"), Extraction())
    for form in forms:
        key = f"person/{person_key(form)}"
        ra.entities[key] = Entity(key, "Person", form)
        ra.surface_forms.setdefault(key, Counter())[form] += 1
    for name in others:
        key = f"organization/{name.lower()}"
        ra.entities[key] = Entity(key, "Organization", name)
        ra.surface_forms[key] = Counter({name: 1})
    return ra


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("ebrahim", "ibrahim", True),
        ("hossein", "hussein", True),
        ("abdollahian", "abdullahian", True),
        ("ghalibaf", "qalibaf", True),
        ("kanaani", "kanani", True),
        ("hassan", "hossein", False),
        ("hamad", "hamid", False),
    ],
)
def test_people_links_translit(a: str, b: str, same: bool) -> None:
    assert (translit(a) == translit(b)) is same


P = "person/"
IRAN = ("IRNA", "Majlis", "AEOI")
#: Articles on other things: shared actors weigh by how few articles name them.
OTHERS = [article("f1", "Jane Doe"), article("f2", "John Roe")]


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        # spellings of one name
        ([article("a1", "Ebrahim Raisi"), article("a2", "Ebrahim Raisi"),
          article("a3", "Ibrahim Raisi")],
         {Merge(P + "ibrahim-raisi", P + "ebrahim-raisi", "transliteration")}),
        ([article("a1", "Hossein Amir Abdollahian"), article("a2", "Hussein Amir Abdullahian")],
         {Merge(P + "hussein-amir-abdullahian", P + "hossein-amir-abdollahian",
                "transliteration")}),
        # Hassan and Hossein are different names, Hamad and Hamid too
        ([article("a1", "Hassan Rouhani"), article("a2", "Hossein Rouhani"),
          article("a3", "Hamad Rouhani"), article("a4", "Hamid Rouhani")], set()),
        # a part of a name joins the one full name that extends it; with its first name
        # left out, where the articles share actors ("Reza Pahlavi" is not his father
        # Mohammad Reza Pahlavi)
        ([article("a1", "Hossein Amir Abdollahian", others=IRAN),
          article("a2", "Amir Abdollahian", others=IRAN), *OTHERS],
         {Merge(P + "amir-abdollahian", P + "hossein-amir-abdollahian",
                "partial-name-context")}),
        ([article("a1", "Mohammad Reza Pahlavi", others=("SAVAK",)),
          article("a2", "Reza Pahlavi", others=("Majlis",)), *OTHERS], set()),
        ([article("a1", "Faisal bin Farhan Al Saud"), article("a2", "Faisal bin Farhan")],
         {Merge(P + "faisal-farhan", P + "faisal-farhan-saud", "partial-name")}),
        # middle names left out, and a hyphened given name (one middle word, the one
        # candidate, an actor in common: the name needs no more context)
        ([article("a1", "Rafael Mariano Grossi", others=IRAN),
          article("a2", "Rafael Grossi", others=IRAN), *OTHERS],
         {Merge(P + "rafael-grossi", P + "rafael-mariano-grossi", "middle-name")}),
        ([article("a1", "John Quincy Adams", others=("Harvard",)),
          article("a2", "John Adams", others=("Congress",)), *OTHERS], set()),
        # both in the same articles: one man named twice, as the corpus writes "Rafael
        # Mariano Grossi" and "Rafael Grossi" in one report (before: kept as two men)
        ([article("a1", "John Adams", "John Quincy Adams", others=IRAN),
          article("a2", "John Adams", "John Quincy Adams", others=IRAN), *OTHERS],
         {Merge(P + "john-adams", P + "john-quincy-adams", "middle-name")}),
        ([article("a1", "George W. Bush", others=IRAN),
          article("a2", "George Bush", others=IRAN), *OTHERS], set()),
        ([article("a1", "Mohammad Baqer Qalibaf"), article("a2", "Mohammad Baqer Qalibaf"),
          article("a3", "Mohammad-Baqer Qalibaf")],
         {Merge(P + "mohammad-baqer-qalibaf", P + "mohammed-baqer-qalibaf", "transliteration")}),
        # the surname after both the part and the full name: one node, not two candidates
        ([article("a1", "Hossein Amir Abdollahian", others=IRAN),
          article("a2", "Amir Abdollahian", others=IRAN), article("a3", "Abdollahian"),
          *OTHERS],
         {Merge(P + "amir-abdollahian", P + "hossein-amir-abdollahian", "partial-name-context"),
          Merge(P + "abdollahian", P + "hossein-amir-abdollahian", "surname")}),
        # several full names: the articles naming one of them beside the short form decide
        ([article("a1", "Ebrahim Raisi", "Raisi"), article("a2", "Ebrahim Raisi", "Raisi"),
          article("a3", "Abdullah bin Khamis al-Raisi")],
         {Merge(P + "raisi", P + "ebrahim-raisi", "surname-context")}),
        # ... or the actors they share
        ([article("a1", "Joe Biden", others=("Pentagon", "Congress", "CIA")),
          article("a2", "Biden", others=("Pentagon", "Congress", "CIA")),
          article("a3", "Hunter Biden", others=("Burisma",)),
          article("a4", "Hunter Biden", others=("Burisma",)),
          article("a5", "Joe Biden", others=("Pentagon",))],
         {Merge(P + "biden", P + "joe-biden", "surname-context")}),
        # nothing decides: the short form stays apart
        ([article("a1", "Ebrahim Raisi"), article("a2", "Raisi"),
          article("a3", "Abdullah bin Khamis al-Raisi")], set()),
        # a given name alone joins the name it opens only where its articles name it
        # (in two articles at least: "Lord Ahmad" beside Ahmad Aboul Gheit once is not him)
        ([article("a1", "Ebrahim Raisi", "Ayatollah Ebrahim"),
          article("a2", "Ebrahim Raisi", "Ayatollah Ebrahim"),
          article("a3", "Abdul Karim Ibrahim")],
         {Merge(P + "ebrahim", P + "ebrahim-raisi", "given-name-context")}),
        ([article("a1", "Saddam Hussein", "Saddam"), article("a2", "Saddam Hussein", "Saddam"),
          article("a3", "Saddam")],
         {Merge(P + "saddam", P + "saddam-hussein", "given-name-context")}),
        ([article("a1", "Ahmad Aboul Gheit", "Lord Ahmad")], set()),
        ([article("a1", "Saddam Hussein"), article("a2", "Saddam")], set()),
        # a particle the short form writes, the full name must write too: the group
        # al-Haq is not Sirajul Haq; al-Assad is Bashar al-Assad
        ([article("a1", "Sirajul Haq"), article("a2", "al-Haq")], set()),
        ([article("a1", "Bashar al-Assad"), article("a2", "al-Assad")],
         {Merge(P + "assad", P + "bashar-assad", "surname")}),
        # a surname that is a large city's name needs the articles' word: "Yazd" is the city
        ([article("a1", "Aftab Yazd"), article("a2", "Yazd")], set()),
        ([article("a1", "Aftab Yazd", "Yazd"), article("a2", "Aftab Yazd", "Yazd"),
          article("a3", "Yazd")],
         {Merge(P + "yazd", P + "aftab-yazd", "surname-context")}),
        # a word far more often a surname than a given name is read as the surname only
        ([article(f"a{i}", "Mohammad Baqer Qalibaf") for i in range(5)]
         + [article("b1", "Qalibaf Sobh-e-No"), article("c1", "Qalibaf")],
         {Merge(P + "qalibaf", P + "mohammed-baqer-qalibaf", "surname")}),
        # a patronymic is no surname: King Salman is not his son Mohammed bin Salman
        ([article("a1", "Mohammed bin Salman"), article("a2", "King Salman")], set()),
        # "Imam Ali" is not a short form of a living Ali
        ([article("a1", "Ali Khamenei", "Imam Ali")], set()),
        ([article("a1", "Erfan Darvish Ali"), article("a2", "Ali Khamenei"),
          article("a3", "Ali Shamkhani"), article("a5", "Ali Larijani"),
          article("a6", "Ali Bagheri"), article("a4", "Imam Ali")], set()),
        # ... but "Imam Khomeini" is Ruhollah Khomeini
        ([article("a1", "Ruhollah Khomeini"), article("a2", "Imam Khomeini"),
          article("a3", "Khomeini Hosseinieh")],
         {Merge(P + "khomeini", P + "ruhollah-khomeini", "surname")}),
    ],
)
def test_people_links_merges(articles: list[ResolvedArticle], expected: set[Merge]) -> None:
    assert set(link_entities(articles).merges) == expected


def test_people_links_any_order() -> None:
    arts = [article("a1", "Ebrahim Raisi", "Raisi"), article("a2", "Ibrahim Raisi"),
            article("a3", "Hossein Amir Abdollahian"), article("a4", "Amir Abdullahian"),
            article("a5", "Raisi", "Abdullah bin Khamis al-Raisi")]
    first = link_entities(arts)
    for perm in itertools.permutations(arts):
        assert link_entities(list(perm)).merges == first.merges


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Ali Khamenei", "Ali Khomeini", False),  # a changed letter: another name
        ("Qassem Soleimani", "Qassem Sulaimani", True),  # a letter left out
        ("Ali Akbar Ahmadian", "Ali Akbar Ahamadian", True),
        ("Mohammad Hosseini", "Mohammad Hossein", False),
        # one word alone says too little across articles: "Nasser" the general is not
        # "Naser" (of Naser Makarem Shirazi); one joins a full name by the short-form linker
        ("Rai", "Ray", False),
        ("Nasser", "Naser", False),
        ("Raeisi", "Raisi", False),
        ("Ebrahim Raeisi", "Ebrahim Raisi", True),
    ],
)
def test_people_links_spellings(a: str, b: str, same: bool) -> None:
    merges = link_entities([article("a1", a), article("a2", a), article("a3", b)]).merges
    assert bool(merges) is same


def test_people_links_one_word_spelling_joins_full_name() -> None:
    merges = link_entities([article("a1", "Ebrahim Raisi"), article("a2", "Raeisi")]).merges
    assert merges == (Merge(P + "raeisi", P + "ebrahim-raisi", "surname"),)
