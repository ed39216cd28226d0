"""Organisation names read by kg.resolve.orgs: owner and body words, bare bodies, beliefs."""

from __future__ import annotations

import re

import pytest

from kg.model import Article, Extraction, Mention
from kg.resolve.gazetteer import Gazetteer
from kg.resolve.orgs import OrgName, article_bodies, dateline_state, not_org, org_name
from kg.resolve.resolver import Resolver

IRAN_FM = OrgName("Iran", ("foreign", "ministry"))
IRGC = OrgName("Islamic Revolutionary Guard Corps", ())


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Iranian Foreign Ministry", IRAN_FM),
        ("Iran’s Foreign Ministry", IRAN_FM),
        ("Ministry of Foreign Affairs of the Islamic Republic of Iran", IRAN_FM),
        ("Iranian Ministry of Foreign Affairs", IRAN_FM),
        ("Iranian Foreign Affairs Ministry", IRAN_FM),
        # the same body of another state is another organisation
        ("Russian Foreign Ministry", OrgName("Russia", ("foreign", "ministry"))),
        ("Foreign Ministry", OrgName("", ("foreign", "ministry"))),
        # spelling variants of a gazetteer name, and the name with its own state
        ("Islamic Revolution Guards Corps", IRGC),
        ("Islamic Revolution Guard Corps", IRGC),
        ("Iran's Islamic Revolution Guard Corps", IRGC),
        # a body of an organisation, named either way round
        ("IRGC Navy", OrgName("Islamic Revolutionary Guard Corps", ("navy",))),
        ("Navy of the Islamic Revolution Guards Corps",
         OrgName("Islamic Revolutionary Guard Corps", ("navy",))),
        ("United Nations Human Rights Council", OrgName("United Nations", ("human", "rights",
                                                                          "council"))),
        ("UN Human Rights Council", OrgName("United Nations", ("human", "rights", "council"))),
        ("Parliament of Uzbekistan", OrgName("Uzbekistan", ("parliament",))),
        ("Armed Forces of Iran", OrgName("Iran", ("armed", "force"))),
        ("Iranian Armed Forces", OrgName("Iran", ("armed", "force"))),
        ("Ministry of Defence of Turkey", OrgName("Turkey", ("defense", "ministry"))),
        # an outlet's acronym with what a writer adds to it is the outlet
        ("IRNA news agency", OrgName("Islamic Republic News Agency", ())),
        ("IRNA news", OrgName("Islamic Republic News Agency", ())),
        ("IRGC Ground Force", OrgName("Islamic Revolutionary Guard Corps", ("ground", "force"))),
        # "of" + a name that is no state or organisation is part of the body
        ("Organisation of Islamic Cooperation", OrgName("Organization of Islamic Cooperation", ())),
        ("Council of Economic Advisers", OrgName("", ("council", "of", "economic", "advisers"))),
    ],
)
def test_org_name(label: str, expected: OrgName) -> None:
    assert org_name(label) == expected


@pytest.mark.parametrize(
    ("label", "generic"),
    [("Foreign Ministry", True), ("Ministry of Defense", True), ("Navy", True),
     ("Armed Forces", True), ("Parliament", True), ("Iranian Navy", False),
     ("Supreme National Security Council", False), ("Ministry", False)],
)
def test_generic_bodies(label: str, generic: bool) -> None:
    assert org_name(label).generic is generic


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Islam", True), ("Takfiri", True), ("Zionism", True), ("Islamophobia", True),
     ("Sunnis", True), ("Islamic Jihad", False), ("Hamas", False), ("Taliban", False)],
)
def test_not_org(name: str, expected: bool) -> None:
    assert not_org(name) is expected


@pytest.mark.parametrize(
    ("text", "state"),
    [("TEHRAN – The ministry said", "Iran"), ("TEHRAN- Abbas said", "Iran"),
     ("MOSCOW (Reuters) - Russia said", "Russia"), ("ISFAHAN - A plant", "Iran"),
     ("The ministry said in Tehran", None), ("NATO - the alliance", None)],
)
def test_dateline_state(text: str, state: str | None) -> None:
    found = dateline_state(text, Gazetteer.default())
    assert (found.name if found else None) == state


def _mentions(text: str, names: list[tuple[str, str]]) -> list[Mention]:
    out = []
    for name, label in names:
        for m in re.finditer(re.escape(name), text):
            sentence = text.count(". ", 0, m.start())
            out.append(Mention(m.start(), m.end(), name, label, sentence))
    return sorted(out, key=lambda m: m.start)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # the same body named with its state in the article
        ("LONDON - Russia's Foreign Ministry said. The Foreign Ministry added.",
         [("Russia's Foreign Ministry", "ORG"), ("Foreign Ministry", "ORG")],
         {"Foreign Ministry": "Russian Foreign Ministry"}),
        # else the dateline's state
        ("TEHRAN - The Navy held drills. Syria said.", [("Navy", "ORG"), ("Syria", "GPE")],
         {"Navy": "Iranian Navy"}),
        # ... unless its sentence names other states only
        ("TEHRAN - Drills. The American military: Army, Navy and Marines.",
         [("American", "NORP"), ("Navy", "ORG")], {"Navy": "Navy (unnamed state)"}),
        # a state written just before the name, outside the span
        ("TEHRAN - China's Ministry of National Defense said.",
         [("Ministry of National Defense", "ORG")],
         {"National Defense Ministry": "Chinese National Defense Ministry"}),
        # no state named with it, no dateline: a label that says so (the state the
        # article names most is no safe guess)
        ("The Army said. Iraq voted; Iraq said; Syria said.",
         [("Army", "ORG"), ("Iraq", "GPE"), ("Syria", "GPE")], {"Army": "Army (unnamed state)"}),
        # a head word alone: the article's one organisation with that head
        ("The International Atomic Energy Agency said the Agency would.",
         [("International Atomic Energy Agency", "ORG"), ("Agency", "ORG")],
         {"Agency": "International Atomic Energy Agency"}),
        ("The Fars News Agency and Mehr News Agency said the Agency would.",
         [("Fars News Agency", "ORG"), ("Mehr News Agency", "ORG"), ("Agency", "ORG")], {}),
    ],
)
def test_article_bodies(text: str, names: list[tuple[str, str]],
                        expected: dict[str, str]) -> None:
    article = Article("a1", "a1.txt", text)
    found = article_bodies(Resolver(), article, _mentions(text, names))
    assert {k: e.label for k, e in found.items()} == expected


def test_bare_body_resolved_in_article() -> None:
    text = "TEHRAN - The Foreign Ministry summoned the envoy."
    ex = Extraction(mentions=_mentions(text, [("Foreign Ministry", "ORG")]))
    ra = Resolver().resolve(Article("a1", "a1.txt", text), ex)
    assert list(ra.entities) == ["organization/iranian-foreign-ministry", "country/iran"]
