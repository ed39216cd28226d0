"""Strays of one person or organisation across articles (#22): nicknames, compound given
names written joined, a middle name added, "Sardar" as a title, names the NER cut at a
hyphen (kg.resolve.given_names, kg.resolve.people_links, kg.resolve.cut_names)."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from kg.model import Article, Entity, Extraction, Mention
from kg.resolve.given_names import Compounds, formal_names
from kg.resolve.identity import Merge, link_entities
from kg.resolve.names import person_key
from kg.resolve.people_links import translit
from kg.resolve.resolver import ResolvedArticle

P = "person/"
IRAN = ("IRNA", "Majlis", "AEOI")
#: Articles on other things: shared actors weigh by how few articles name them.
OTHERS = ("Jane Doe", "John Roe", "Max Mustermann")


def article(aid: str, *forms: str, others: tuple[str, ...] = (),
            roles: dict[str, str] | None = None) -> ResolvedArticle:
    """A resolved article naming people (by surface form, with a role each may have) and
    organisations."""
    ra = ResolvedArticle(Article(aid, f"{aid}.txt", "text"), Extraction())
    for form in forms:
        key = f"{P}{person_key(form)}"
        ra.entities[key] = Entity(key, "Person", form)
        ra.surface_forms.setdefault(key, Counter())[form] += 1
        if roles and form in roles:
            ra.roles.setdefault(key, set()).add(roles[form])
    for name in others:
        key = f"organization/{name.lower()}"
        ra.entities[key] = Entity(key, "Organization", name)
        ra.surface_forms[key] = Counter({name: 1})
    return ra


def others() -> list[ResolvedArticle]:
    return [article(f"z{i}", name) for i, name in enumerate(OTHERS)]


def merges(articles: list[ResolvedArticle]) -> set[Merge]:
    return set(link_entities(articles).merges)


def test_strays_links_nickname_table() -> None:
    """The hypocoristics come from the maintained ``nicknames`` table."""
    assert "joseph" in formal_names("joe")
    assert "william" in formal_names("bill")
    assert not formal_names("biden")


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        # the nickname joins the formal name with the same surname, to the name most used
        ([article("a1", "Joe Biden"), article("a2", "Joe Biden"), article("a3", "Joseph Biden")],
         {Merge(P + "joseph-biden", P + "joe-biden", "nickname")}),
        ([article("a1", "William Burns"), article("a2", "William Burns"),
          article("a3", "Bill Burns")],
         {Merge(P + "bill-burns", P + "william-burns", "nickname")}),
        # another surname, or another given name: not one person
        ([article("a1", "Joe Biden"), article("a2", "Joseph Smith")], set()),
        ([article("a1", "Joe Biden"), article("a2", "Hunter Biden")], set()),
        # two formal names the nickname may stand for: left apart
        ([article("a1", "Chris Smith"), article("a2", "Christopher Smith"),
          article("a3", "Christine Smith")], set()),
    ],
)
def test_strays_links_nicknames(articles: list[ResolvedArticle], expected: set[Merge]) -> None:
    assert merges(articles) == expected


def test_strays_links_compound_split() -> None:
    keys = [P + "mohammad-reza-ashtiani", P + "ali-akbari", P + "reza-nouri",
            P + "mohammadreza-ashtiani", P + "alireza-tangsiri", P + "ali-mahmoudi"]
    comp = Compounds(keys, translit)
    assert comp.split("mohammadreza") == ("mohammed", "reza")
    assert comp.split("alireza") == ("ali", "reza")
    assert comp.split("mahmoud") == ("mahmoud",)  # "mah" is no given name here
    assert comp.tokens(("ali", "rezaei")) == ("ali", "rezaei")  # a surname is never split
    assert translit("reza") in comp.tails


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        # a compound given name joined and spaced: one name
        ([article("a1", "Mohammad Reza Ashtiani"), article("a2", "Mohammad Reza Ashtiani"),
          article("a3", "Mohammadreza Ashtiani")],
         {Merge(P + "mohammadreza-ashtiani", P + "mohammed-reza-ashtiani", "compound-name")}),
        ([article("a1", "Alireza Tangsiri"), article("a2", "Ali Reza Tangsiri"),
          article("a3", "Alireza Tangsiri")],
         {Merge(P + "ali-reza-tangsiri", P + "alireza-tangsiri", "compound-name")}),
        # the parts alone are not the compound: Reza Akbari is not Alireza Akbari
        ([article("a1", "Alireza Akbari", others=IRAN), article("a2", "Ali Akbari", others=IRAN),
          article("a3", "Reza Akbari", others=IRAN), article("a4", "Ali Reza Nouri")], set()),
    ],
)
def test_strays_links_compounds(articles: list[ResolvedArticle], expected: set[Merge]) -> None:
    assert merges(articles) == expected


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        # one middle word added, one candidate, an actor in common
        ([article("a1", "Mohammed Shia al-Sudani", others=IRAN),
          article("a2", "Mohammed al-Sudani", others=("IRNA",)), *others()],
         {Merge(P + "mohammed-sudani", P + "mohammed-shia-sudani", "middle-name")}),
        # the middle word is half of a compound given name the corpus writes joined:
        # Mohammad Reza Khatami is not his brother Mohammad Khatami
        ([article("a1", "Mohammad Reza Khatami", others=("IRNA",)),
          article("a2", "Mohammad Khatami", others=("IRNA",)),
          article("a3", "Alireza Tangsiri"), article("a4", "Ali Shamkhani"), *others()],
         set()),
        # two candidates: the context decides, and there is none
        ([article("a1", "Anwar Mohammed Gargash", others=("IRNA",)),
          article("a2", "Anwar Ali Gargash", others=("Majlis",)),
          article("a3", "Anwar Gargash", others=("AEOI",)), *others()], set()),
        # an initial is not a middle name (George W. Bush is not his father)
        ([article("a1", "George W. Bush", others=IRAN),
          article("a2", "George Bush", others=IRAN)], set()),
    ],
)
def test_strays_links_middle_name(articles: list[ResolvedArticle], expected: set[Merge]) -> None:
    assert merges(articles) == expected


GENERAL = {"Sardar Baqeri": "Major General", "Sardar Azmoun": "striker",
           "Sardar Ali": "Brigadier General"}


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        # a general called Sardar: the title, and his surname joins the full name
        ([article("a1", "Mohammad Hossein Baqeri", others=IRAN),
          article("a2", "Mohammad Hossein Baqeri", others=IRAN),
          article("a3", "Sardar Baqeri", others=IRAN, roles=GENERAL), *others()],
         {Merge(P + "sardar-baqeri", P + "mohammed-hossein-baqeri", "surname")}),
        # no rank: Sardar is his given name (the footballer Sardar Azmoun)
        ([article("a1", "Mehdi Azmoun", others=IRAN),
          article("a2", "Sardar Azmoun", others=IRAN, roles=GENERAL), *others()], set()),
        # a given name after it ("Ali"): Sardar Ali is a name, whatever his rank
        ([article("a1", "Ali Larijani", others=IRAN), article("a2", "Ali Shamkhani"),
          article("a3", "Sardar Ali", others=IRAN, roles=GENERAL), *others()], set()),
    ],
)
def test_strays_links_sardar(articles: list[ResolvedArticle], expected: set[Merge]) -> None:
    assert merges(articles) == expected


def cut_article(aid: str, text: str, cut: str, as_type: str = "Person",
                orgs: tuple[tuple[str, str], ...] = ()) -> ResolvedArticle:
    """An article whose NER read ``cut`` alone (as ``as_type``), with organisations named
    (key slug, surface form)."""
    ra = ResolvedArticle(Article(aid, f"{aid}.txt", text), Extraction())
    mentions = []
    start = text.index(cut)
    mentions.append(Mention(start, start + len(cut), cut, "PERSON", 0))
    key = f"{as_type.lower()}/{cut.lower()}"
    ra.entities[key] = Entity(key, as_type, cut)
    ra.surface_forms[key] = Counter({cut: 1})
    for slug, form in orgs:
        okey = f"organization/{slug}"
        ra.entities[okey] = Entity(okey, "Organization", form)
        ra.surface_forms.setdefault(okey, Counter())[form] += 1
    ra.extraction = Extraction(mentions=tuple(mentions))
    return ra


MEK = (("mek", "Mojahedin-e Khalq Organization"),)
MKO = "organization/mek"


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        ([cut_article("a1", "the terrorist Mujahedin-e-Khalq Organization (MKO) said",
                      "Mujahedin"),
          cut_article("a2", "the Mujaheddin-e Khalq (MEK) group", "Mujaheddin", "Organization"),
          cut_article("a3", "Members of the Mojahedin-e Khalq Organization", "Khalq",
                      orgs=MEK)],
         {Merge("person/mujahedin", MKO, "cut-name"),
          Merge("organization/mujaheddin", MKO, "cut-name")}),
        # one mention written whole ("the Afghan Mujahedin"): the word is its own name
        ([cut_article("a1", "the terrorist Mujahedin-e-Khalq Organization said", "Mujahedin"),
          cut_article("a2", "the Afghan Mujahedin fought on", "Mujahedin"),
          cut_article("a3", "the Mojahedin-e Khalq Organization", "Khalq", orgs=MEK)], set()),
        # a hyphened word after a name that begins no organisation ("Trump-Putin summit")
        ([cut_article("a1", "the Trump-Putin summit", "Trump", orgs=MEK)], set()),
    ],
)
def test_strays_links_cut_names(articles: list[ResolvedArticle], expected: set[Merge]) -> None:
    assert merges(articles) == expected


def test_strays_links_any_order() -> None:
    """The merges depend on the set of articles, never their order."""
    arts = [article("a1", "Joe Biden", others=IRAN), article("a2", "Joseph Biden"),
            article("a3", "Mohammad Reza Ashtiani"), article("a4", "Mohammadreza Ashtiani"),
            article("a5", "Mohammed Shia al-Sudani", others=IRAN),
            article("a6", "Mohammed al-Sudani", others=IRAN),
            article("a7", "Mohammad Hossein Baqeri", others=IRAN),
            article("a8", "Sardar Baqeri", others=IRAN, roles=GENERAL),
            cut_article("a9", "the Mujahedin-e-Khalq Organization said", "Mujahedin",
                        orgs=MEK), *others()]
    first = link_entities(arts)
    assert len(first.merges) >= 5
    for order in itertools.islice(itertools.permutations(range(len(arts))), 0, 400, 97):
        again = link_entities([arts[i] for i in order])
        assert again.merges == first.merges and again.remap == first.remap


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        # the patronymic alone, in articles that name the full name
        ([article("a1", "Faisal bin Farhan Al Saud", "bin Farhan", others=IRAN),
          article("a2", "Faisal bin Farhan Al Saud", "bin Farhan", others=IRAN),
          article("a3", "Mohammed bin Salman"), *others()],
         {Merge(P + "farhan", P + "faisal-farhan-saud", "surname")}),
        # a grandfather's name at the end where other articles write the family's
        ([article("a1", "Faisal bin Farhan Al Saud"),
          article("a2", "Faisal bin Farhan bin Abdullah")],
         {Merge(P + "faisal-farhan-abdullah", P + "faisal-farhan-saud", "patronymic")}),
        # ... but a grandfather's name is no family name of another man
        ([article("a1", "Faisal bin Farhan Al Saud"),
          article("a2", "Khalid bin Farhan bin Abdullah")], set()),
        # a surname's last letter left off, the rest of three words the same
        ([article("a1", "Ali Bagheri Kani"), article("a2", "Ali Bagheri Kani"),
          article("a3", "Ali Bagheri Kan")],
         {Merge(P + "ali-bagheri-kan", P + "ali-bagheri-kani", "transliteration")}),
        # two words: too little to read a typo ("Ali Reza" / "Ali Rezai" are two names)
        ([article("a1", "Ali Rezai"), article("a2", "Ali Reza")], set()),
    ],
)
def test_strays_links_patronymics_and_typos(articles: list[ResolvedArticle],
                                            expected: set[Merge]) -> None:
    assert merges(articles) == expected


def test_strays_links_rank_decides() -> None:
    """A surname with a rank joins the one candidate the articles give a military rank."""
    arts = [article("a1", "Mohammad Hossein Baqeri", others=("Majlis",),
                    roles={"Mohammad Hossein Baqeri": "Major General"}),
            article("a2", "Hassan Bagheri", others=("IRNA",),
                    roles={"Hassan Bagheri": "deputy foreign minister"}),
            article("a3", "Baqeri", others=("AEOI",), roles={"Baqeri": "General"}), *others()]
    assert merges(arts) == {Merge(P + "baqeri", P + "mohammed-hossein-baqeri",
                                  "surname-context")}
    arts[2] = article("a3", "Baqeri", others=("AEOI",))
    assert merges(arts) == set()


def listed(aid: str, text: str, *names: str) -> ResolvedArticle:
    """An article whose one sentence names each of ``names`` (the NER's mentions kept)."""
    ra = article(aid, *names)
    ra.article = Article(aid, f"{aid}.txt", text)
    ra.extraction = Extraction(mentions=tuple(
        Mention(text.index(n), text.index(n) + len(n), n, "PERSON", 0) for n in names))
    return ra


def test_strays_links_one_sentence_two_men() -> None:
    """Named in one sentence, a name and the name with a middle word are two men; named
    in one article apart, one."""
    text = "Its natives: John Adams, John Quincy Adams, and John Kennedy."
    assert merges([listed("a1", text, "John Adams", "John Quincy Adams"), *others()]) == set()
    apart = "John Quincy Adams spoke. Later John Adams left."
    ra = listed("a1", apart, "John Adams", "John Quincy Adams")
    ra.extraction = Extraction(mentions=tuple(
        Mention(apart.index(n), apart.index(n) + len(n), n, "PERSON", i)
        for i, n in enumerate(("John Quincy Adams", "John Adams"))))
    assert merges([ra, *others()]) == {
        Merge(P + "john-adams", P + "john-quincy-adams", "partial-name-context")}
