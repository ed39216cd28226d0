"""Organisation linkers (kg.resolve.org_links) on hand-made resolved articles."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from kg.model import Article, Entity, Extraction, Mention
from kg.resolve.identity import Merge, link_entities
from kg.resolve.org_links import initials
from kg.resolve.resolver import ResolvedArticle


def resolved(aid: str, *names: tuple[str, str, str], text: str = "text",
             tagged: tuple[tuple[str, str], ...] = ()) -> ResolvedArticle:
    """A resolved article naming (key, type, surface form) entities, each once; ``tagged``
    (form, NER label) are mentions found in ``text``."""
    mentions = tuple(Mention(i, i + len(f), f, label, 0)
                     for f, label in tagged for i in [text.index(f)])
    ra = ResolvedArticle(Article(aid, f"{aid}.txt", text), Extraction(mentions=mentions))
    for key, type_, form in names:
        ra.entities[key] = Entity(key, type_, form)
        ra.surface_forms[key] = Counter({form: 1})
    return ra


def org(slug: str, label: str, *forms: str) -> tuple[str, str, str]:
    return (f"organization/{slug}", "Organization", forms[0] if forms else label)


IRGC = ("organization/islamic-revolutionary-guard-corps", "Organization",
        "Islamic Revolutionary Guard Corps")
IRAN = ("country/iran", "Country", "Iran")


def with_forms(ra: ResolvedArticle, key: str, *forms: str) -> ResolvedArticle:
    ra.surface_forms[key].update(forms)
    return ra


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        # spelling variants of a gazetteer name join it
        ([resolved("a1", IRGC), resolved("a2", org("islamic-revolution-guards-corps",
                                                   "Islamic Revolution Guards Corps"))],
         {Merge("organization/islamic-revolution-guards-corps",
                "organization/islamic-revolutionary-guard-corps", "spelling")}),
        # one state's ministry written two ways; another state's stays apart
        ([resolved("a1", org("iranian-foreign-ministry", "Iranian Foreign Ministry")),
          resolved("a2", org("iranian-foreign-ministry", "Iranian Foreign Ministry")),
          resolved("a3", org("ministry-of-foreign-affairs-of-iran",
                             "Ministry of Foreign Affairs of Iran")),
          resolved("a4", org("russian-foreign-ministry", "Russian Foreign Ministry"))],
         {Merge("organization/ministry-of-foreign-affairs-of-iran",
                "organization/iranian-foreign-ministry", "spelling")}),
        # bodies of an unnamed state, bare or labelled so, are some state's each: never one
        # node across articles, however they are spelt
        ([resolved("a1", org("foreign-ministry-a1", "x", "Foreign Ministry (unnamed state)")),
          resolved("a2", org("foreign-affairs-ministry-a2", "x",
                             "Foreign Affairs Ministry (unnamed state)")),
          resolved("a3", org("foreign-ministry", "x", "Foreign Ministry")),
          resolved("a4", org("foreign-affairs-ministry", "x", "foreign affairs ministry"))],
         set()),
        # a body named without its owner joins the one owner's body the articles name
        ([resolved("a1", org("atomic-energy-org", "Atomic Energy Organisation of Iran"), IRAN),
          resolved("a2", org("atomic-energy-organization", "Atomic Energy Organization"), IRAN),
          resolved("a3", org("atomic-energy-organization", "Atomic Energy Organization"), IRAN)],
         {Merge("organization/atomic-energy-org", "organization/atomic-energy-organization",
                "body-of-owner")}),
        # ... not where the articles naming it do not name that owner
        ([resolved("a1", org("iraqi-supreme-court", "Iraqi Supreme Court")),
          resolved("a2", org("supreme-court", "Supreme Court"), IRAN)], set()),
        # ... nor a generic body ("Foreign Ministry" is every state's)
        ([resolved("a1", org("iranian-foreign-ministry", "Iranian Foreign Ministry"), IRAN),
          resolved("a2", org("foreign-ministry", "Foreign Ministry"), IRAN)], set()),
        # an acronym alone joins the one organisation an article defines it for
        ([with_forms(resolved("a1", org("nsb", "National Statistics Bureau")),
                     "organization/nsb", "NSB"),
          resolved("a2", org("nsb-alone", "NSB"))],
         {Merge("organization/nsb-alone", "organization/nsb", "acronym")}),
        # ... not when two organisations have it, nor when the letters do not fit
        ([with_forms(resolved("a1", org("nsb", "National Statistics Bureau")),
                     "organization/nsb", "NSB"),
          with_forms(resolved("a3", org("nsb2", "National Security Board")),
                     "organization/nsb2", "NSB"),
          resolved("a2", org("nsb-alone", "NSB"))], set()),
        ([with_forms(resolved("a1", org("nsb", "Reuters Office")), "organization/nsb", "NSB"),
          resolved("a2", org("nsb-alone", "NSB"))], set()),
    ],
)
def test_org_merges(articles: list[ResolvedArticle], expected: set[Merge]) -> None:
    merges = {m for m in link_entities(articles).merges if m.reason != "type"}
    assert merges == expected


def test_outlet_typed_person_is_an_organization() -> None:
    text = "the Kayhan newspaper wrote"
    kayhan = ("person/kayhan", "Person", "Kayhan")
    arts = [resolved("a1", kayhan, text=text, tagged=(("Kayhan", "PERSON"),)),
            resolved("a2", kayhan), resolved("a3", kayhan),
            resolved("a4", ("organization/kayhan", "Organization", "Kayhan"))]
    linking = link_entities(arts)
    # the outlet reading wins, though more mentions type it Person, and no loop is made
    assert linking.remap == {"person/kayhan": "organization/kayhan"}
    # without the cue, a one-word person name takes no body of that name from other
    # articles (identity.link_types)
    assert link_entities(arts[1:]).remap == {}


@pytest.mark.parametrize("text", ["In its editorial, Kayhan wrote", "Kayhan wrote in its editorial",
                                  "Kayhan TV showed", "on his Kayhan account"])
def test_outlet_cues(text: str) -> None:
    arts = [resolved("a1", ("person/kayhan", "Person", "Kayhan"), text=text,
                     tagged=(("Kayhan", "PERSON"),))]
    assert link_entities(arts).remap == {"person/kayhan": "organization/kayhan"}


@pytest.mark.parametrize("text", ["Kayhan wrote in his article", "Kayhan said on TV"])
def test_no_outlet_cue(text: str) -> None:
    arts = [resolved("a1", ("person/kayhan", "Person", "Kayhan"), text=text,
                     tagged=(("Kayhan", "PERSON"),))]
    assert link_entities(arts).remap == {}


def test_city_typed_organization_is_the_place() -> None:
    text = "a rally in Isfahan and Isfahan said"
    arts = [resolved("a1", ("organization/isfahan", "Organization", "Isfahan"), text=text,
                     tagged=(("Isfahan", "ORG"),))]
    assert link_entities(arts).remap == {"organization/isfahan": "location/isfahan"}


def test_surname_typed_organization_is_the_person() -> None:
    arts = [resolved("a1", ("person/donald-trump", "Person", "Donald Trump")),
            resolved("a2", ("organization/trump", "Organization", "Trump")),
            resolved("a3", ("organization/agency", "Organization", "Agency"),
                     ("person/john-agency", "Person", "John Agency"), text="the agency said")]
    assert link_entities(arts).remap == {"organization/trump": "person/donald-trump"}
    # another full name ending in it where it is written: not the corpus' one person
    arts[1] = resolved("a2", ("organization/trump", "Organization", "Trump"),
                       ("organization/amit-trump", "Organization", "Amit Trump"))
    assert link_entities(arts).remap == {}


def test_org_links_order_does_not_matter() -> None:
    arts = [resolved("a1", IRGC, IRAN),
            resolved("a2", org("irgc-variant", "Islamic Revolution Guard Corps"), IRAN),
            resolved("a3", org("aeo", "Atomic Energy Organization"), IRAN),
            resolved("a4", org("aeoi", "Atomic Energy Organization of Iran"), IRAN)]
    results = {link_entities(list(p)).merges for p in itertools.permutations(arts)}
    assert len(results) == 1


@pytest.mark.parametrize(
    ("name", "acronym"),
    [("Atomic Energy Organization of Iran", "AEOI"), ("Non-Aligned Movement", "NAM"),
     ("Islamic Republic of Iran Broadcasting", "IRIB"), ("United Nations", "UN")],
)
def test_initials(name: str, acronym: str) -> None:
    assert acronym in initials(name)
