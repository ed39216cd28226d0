"""Tests for kg.resolve.resolver: canonical entities, metonymy, roles and type signatures.

The extractions are written by hand (mentions, events and relations with offsets
into the article text), so these tests need no spaCy model.
"""

from __future__ import annotations

from collections import Counter

import pytest

from kg.model import Article, Entity, EventMention, Extraction, Mention, MentionKind, Relation
from kg.resolve.resolver import ResolvedArticle, Resolver, choose_label


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


def _find(text: str, surface: str, nth: int) -> int:
    i = -1
    for _ in range(nth + 1):
        i = text.index(surface, i + 1)
    return i


def mention(text: str, surface: str, label: str, *, acting: bool = True, nth: int = 0,
            sent: int = 0, kind: MentionKind = "name") -> Mention:
    """The ``nth`` occurrence of ``surface`` in ``text`` as a mention."""
    i = _find(text, surface, nth)
    return Mention(i, i + len(surface), surface, label, sent, acting, kind)


def role(text: str, surface: str) -> Mention:
    """A title phrase as the extractor hands it over: a role mention (no entity label)."""
    return mention(text, surface, "", kind="role")


def event(text: str, surface: str, type_: str, *, nth: int = 0, sent: int = 0) -> EventMention:
    i = _find(text, surface, nth)
    return EventMention(i, i + len(surface), surface, type_, sent)


def resolve(resolver: Resolver, text: str, mentions: list[Mention], events: list[EventMention],
            relations: list[tuple[Mention | EventMention, str, Mention | EventMention, str]],
            *, from_host: bool = False) -> ResolvedArticle:
    """Resolve one hand-made extraction; relations are (subject, predicate, object, rule).

    ``from_host`` marks every relation's object as read from a meeting's host.
    """
    rels = tuple(Relation(s, p, o, s.sentence, rule, 0.8, object_from_host=from_host)
                 for s, p, o, rule in relations)
    ex = Extraction(mentions=tuple(mentions), events=tuple(events), relations=rels)
    return resolver.resolve(Article("a1", "a1.txt", text), ex)


def named(ra: ResolvedArticle, *, rules: bool = False) -> set[tuple[str, ...]]:
    """Resolved relations as (subject label or event type, predicate, object label or event \
type)."""
    def name(ref):  # type: ignore[no-untyped-def]
        return ra.events[ref.key].type if ref.kind == "event" else ra.entities[ref.key].label

    return {(name(r.subject), r.predicate, name(r.object), *((r.rule,) if rules else ()))
            for r in ra.relations}


# ----------------------------------------------------------------- entity_for

@pytest.mark.parametrize(
    ("surface", "label", "acting", "expected"),
    [
        # aliases and variants
        ("Türkiye", "GPE", True, ("country/turkey", "Country", "Turkey")),
        ("Turkiye", "GPE", True, ("country/turkey", "Country", "Turkey")),
        ("the U.S.", "GPE", True, ("country/united-states", "Country", "United States")),
        ("Daesh", "ORG", True, ("organization/islamic-state", "Organization", "Islamic State")),
        ("ISIL", "ORG", True, ("organization/islamic-state", "Organization", "Islamic State")),
        ("ISIS", "ORG", True, ("organization/islamic-state", "Organization", "Islamic State")),
        ("SDF", "ORG", True,
         ("organization/syrian-democratic-forces", "Organization", "Syrian Democratic Forces")),
        # capitals and seats acting stand for their state; as places they are Locations
        ("Damascus", "GPE", True, ("country/syria", "Country", "Syria")),
        ("Ankara", "GPE", True, ("country/turkey", "Country", "Turkey")),
        ("Moscow", "GPE", True, ("country/russia", "Country", "Russia")),
        ("Washington", "GPE", True, ("country/united-states", "Country", "United States")),
        ("the Kremlin", "FAC", True, ("country/russia", "Country", "Russia")),
        ("Moscow", "GPE", False, ("location/moscow", "Location", "Moscow")),
        ("Damascus", "GPE", False, ("location/damascus", "Location", "Damascus")),
        # the Pentagon is a body of its own
        ("the Pentagon", "ORG", True, ("organization/pentagon", "Organization", "Pentagon")),
        # demonym actors
        ("Turkish", "NORP", True, ("country/turkey", "Country", "Turkey")),
        ("Syrians", "NORP", True, ("country/syria", "Country", "Syria")),
        ("American Forces", "ORG", True, ("country/united-states", "Country", "United States")),
        ("Kurds", "NORP", True, None),
        # state bodies get a canonical name
        ("Ministry of Defense of Turkey", "ORG", True,
         ("organization/turkish-defense-ministry", "Organization", "Turkish Defense Ministry")),
        ("Turkish defence ministry", "ORG", True,
         ("organization/turkish-defense-ministry", "Organization", "Turkish Defense Ministry")),
        # people: honorifics and particles dropped from the key, transliterations unified
        ("Sergei Shoigu", "PERSON", True, ("person/sergei-shoigu", "Person", "Sergei Shoigu")),
        ("Sergey Shoigu", "PERSON", True, ("person/sergei-shoigu", "Person", "Sergey Shoigu")),
        ("Bashar al-Assad", "PERSON", True, ("person/bashar-assad", "Person", "Bashar al-Assad")),
        ("President Putin", "PERSON", True, ("person/putin", "Person", "Putin")),
        # places the guidelines do not annotate, adjectives
        ("the West", "LOC", True, None),
        ("Eastern European", "NORP", True, None),
        ("Idlib province", "LOC", False, ("location/idlib", "Location", "Idlib")),
    ],
)
def test_resolver_entity_for(resolver, surface, label, acting, expected):
    ent = resolver.entity_for(Mention(0, len(surface), surface, label, 0, acting))
    assert (None if ent is None else (ent.key, ent.type, ent.label)) == expected


@pytest.mark.parametrize(
    ("surface", "label", "kind", "expected"),
    [
        ("Defense Minister", "", "role", None),
        ("Russian Defense Minister", "", "role", None),
        # a role names no entity, even where its words would name one
        ("Turkey", "", "role", None),
        ("Turkey", "GPE", "name", "country/turkey"),
    ],
)
def test_resolver_entity_for_roles(resolver, surface, label, kind, expected):
    """A title phrase handed over as a role mention is kept as a role, never an entity."""
    ent = resolver.entity_for(Mention(0, len(surface), surface, label, 0, True, kind))
    assert (None if ent is None else ent.key) == expected


@pytest.mark.parametrize(
    ("surface", "label", "people", "expected"),
    [
        ("Assad", "PERSON", {"assad": "Bashar al-Assad"},
         ("person/bashar-assad", "Bashar al-Assad")),
        ("Shoigu", "ORG", {"shoigu": "Sergei Shoigu"}, ("person/sergei-shoigu", "Sergei Shoigu")),
        ("Shoigu", "GPE", {"shoigu": "Sergei Shoigu"}, ("person/sergei-shoigu", "Sergei Shoigu")),
        ("Assad", "PERSON", {}, ("person/assad", "Assad")),
        # a gazetteer name is never taken for a surname
        ("Jordan", "GPE", {"jordan": "Michael Jordan"}, ("country/jordan", "Jordan")),
    ],
)
def test_resolver_entity_for_surnames(resolver, surface, label, people, expected):
    """A surname alone names the full name given in the same article, even where NER calls it \
an ORG."""
    ent = resolver.entity_for(Mention(0, len(surface), surface, label, 0, True), people)
    assert ent is not None and (ent.key, ent.label) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Russian Defense Ministry", "Russia"),
        ("Turkish Defense Ministry", "Turkey"),
        ("Ministry of Foreign Affairs of Iran", "Iran"),
        ("Syrian Democratic Forces", None),
        ("Arab League", None),
    ],
)
def test_resolver_owner_state(resolver, label, expected):
    owner = resolver.owner_state(Entity("organization/x", "Organization", label))
    assert (owner.name if owner else None) == expected


# --------------------------------------------------------------------- resolve

def test_resolver_role_to_state(resolver):
    """"Russian Defense Minister Sergei Shoigu hosted talks": Shoigu and Russia host; the role \
is kept."""
    t = "Russian Defense Minister Sergei Shoigu hosted talks in Moscow."
    ru, sh, mo = mention(t, "Russian", "NORP"), mention(t, "Sergei Shoigu", "PERSON"), \
        mention(t, "Moscow", "GPE", acting=False)
    title, talks = role(t, "Russian Defense Minister"), event(t, "talks", "Meeting")
    ra = resolve(resolver, t, [ru, sh, mo], [talks], [
        (sh, "memberOf", title, "title:role"), (sh, "memberOf", ru, "title"),
        (sh, "hosts", talks, "svo"), (talks, "heldIn", mo, "nominal:in"),
    ])
    assert named(ra, rules=True) == {
        ("Sergei Shoigu", "memberOf", "Russia", "title"),
        ("Sergei Shoigu", "hosts", "Meeting", "svo"),
        ("Russia", "hosts", "Meeting", "svo+state"),
        ("Meeting", "heldIn", "Moscow", "nominal:in"),
    }
    assert ra.roles == {"person/sergei-shoigu": {"Russian Defense Minister"}}
    assert ra.entities["location/moscow"].type == "Location"


def test_resolver_role_names_the_ministry_where_the_article_does(resolver):
    """The title's ministry is a memberOf target only when the article names it; it is partOf \
the state."""
    t = "Russian Defense Minister Sergei Shoigu spoke. The Russian Defense Ministry said so."
    ru, sh = mention(t, "Russian", "NORP"), mention(t, "Sergei Shoigu", "PERSON")
    mod = mention(t, "Russian Defense Ministry", "ORG", sent=1)
    title = role(t, "Russian Defense Minister")
    ra = resolve(resolver, t, [ru, sh, mod], [],
                 [(sh, "memberOf", title, "title:role"), (sh, "memberOf", ru, "title")])
    assert named(ra, rules=True) == {
        ("Sergei Shoigu", "memberOf", "Russia", "title"),
        ("Sergei Shoigu", "memberOf", "Russian Defense Ministry", "title:body"),
        ("Russian Defense Ministry", "partOf", "Russia", "name:state-body"),
    }


def test_resolver_state_body_acts_for_its_state(resolver):
    t = "The Turkish defense ministry praised the meeting."
    mod, meeting = mention(t, "Turkish defense ministry", "ORG"), event(t, "meeting", "Meeting")
    ra = resolve(resolver, t, [mod], [meeting], [(mod, "supports", meeting, "svo")])
    assert named(ra, rules=True) == {
        ("Turkish Defense Ministry", "supports", "Meeting", "svo"),
        ("Turkey", "supports", "Meeting", "svo+state"),
        ("Turkish Defense Ministry", "partOf", "Turkey", "name:state-body"),
    }


def test_resolver_government_named_by_its_leader(resolver):
    """"the Assad government" is Syria once the article makes Assad a member of Syria."""
    t = "Syrian President Bashar al-Assad spoke. The Assad government demanded a withdrawal."
    sy, ba = mention(t, "Syrian", "NORP"), mention(t, "Bashar al-Assad", "PERSON")
    govt = mention(t, "Assad", "PERSON", nth=1, sent=1, kind="government")
    wd = event(t, "withdrawal", "Withdrawal", sent=1)
    ra = resolve(resolver, t, [sy, ba], [wd],
                 [(govt, "demands", wd, "svo"), (ba, "memberOf", sy, "title")])
    assert ("Syria", "demands", "Withdrawal") in named(ra)
    assert ("Bashar al-Assad", "demands", "Withdrawal") not in named(ra)


def test_resolver_government_of_unknown_state_is_the_leader(resolver):
    t = "The Assad government demanded a withdrawal."
    govt = mention(t, "Assad", "PERSON", kind="government")
    wd = event(t, "withdrawal", "Withdrawal")
    ra = resolve(resolver, t, [], [wd], [(govt, "demands", wd, "svo")])
    assert named(ra) == {("Assad", "demands", "Withdrawal")}


def test_resolver_capital_acting_and_as_place(resolver):
    """One article, both readings: Damascus demands (Syria), talks in Damascus (a Location)."""
    t = "Damascus demanded a withdrawal. Talks were held in Damascus."
    d1 = mention(t, "Damascus", "GPE")
    d2 = mention(t, "Damascus", "GPE", acting=False, nth=1, sent=1)
    wd, talks = event(t, "withdrawal", "Withdrawal"), event(t, "Talks", "Meeting", sent=1)
    ra = resolve(resolver, t, [d1, d2], [wd, talks],
                 [(d1, "demands", wd, "svo"), (talks, "heldIn", d2, "svo:held-in")])
    assert named(ra) == {("Syria", "demands", "Withdrawal"), ("Meeting", "heldIn", "Damascus")}
    assert ra.entities["location/damascus"].type == "Location"
    # the capital's name is not recorded as another name of the state
    assert "Damascus" not in ra.surface_forms["country/syria"]


def test_resolver_demonym_actor_and_alias(resolver):
    t = "Turkish forces attacked the SDF. Türkiye said Turkey would act."
    tr, sdf = mention(t, "Turkish", "NORP"), mention(t, "SDF", "ORG")
    tk1, tk2 = mention(t, "Türkiye", "GPE", sent=1), mention(t, "Turkey", "GPE", sent=1)
    ra = resolve(resolver, t, [tr, sdf, tk1, tk2], [], [(tr, "attacks", sdf, "svo")])
    assert named(ra) == {("Turkey", "attacks", "Syrian Democratic Forces")}
    assert ra.surface_forms["country/turkey"] == Counter({"Turkish": 1, "Türkiye": 1, "Turkey": 1})


def test_resolver_surname_is_the_full_name(resolver):
    t = "Bashar al-Assad met Putin. Assad said Shoigu and Sergei Shoigu agreed."
    ba, pu = mention(t, "Bashar al-Assad", "PERSON"), mention(t, "Putin", "PERSON")
    a2 = mention(t, "Assad", "PERSON", nth=1, sent=1)
    s1 = mention(t, "Shoigu", "ORG", sent=1)  # NER error: a surname as an ORG
    s2 = mention(t, "Sergei Shoigu", "PERSON", sent=1)
    ra = resolve(resolver, t, [ba, pu, a2, s1, s2], [], [(ba, "meetsWith", pu, "svo")])
    assert set(ra.entities) == {"person/bashar-assad", "person/putin", "person/sergei-shoigu"}
    assert ra.surface_forms["person/bashar-assad"] == Counter({"Bashar al-Assad": 1, "Assad": 1})
    assert ra.entities["person/sergei-shoigu"].type == "Person"


@pytest.mark.parametrize(
    ("subject", "predicate", "object_", "kept"),
    [
        (("Sergei Shoigu", "PERSON"), "hosts", ("talks", "Meeting"), True),
        (("Sergei Shoigu", "PERSON"), "hosts", ("withdrawal", "Withdrawal"), False),
        (("talks", "Meeting"), "heldIn", ("Cairo", "GPE"), True),
        (("talks", "Meeting"), "heldIn", ("Sergei Shoigu", "PERSON"), False),
        (("Turkish", "NORP"), "occupies", ("Cairo", "GPE"), True),
        (("Turkish", "NORP"), "occupies", ("Sergei Shoigu", "PERSON"), False),
        (("Sergei Shoigu", "PERSON"), "meetsWith", ("withdrawal", "Withdrawal"), False),
        (("SDF", "ORG"), "partOf", ("Turkish", "NORP"), True),
        (("Sergei Shoigu", "PERSON"), "partOf", ("Turkish", "NORP"), False),
        (("Cairo", "GPE"), "locatedIn", ("Turkish", "NORP"), True),
        (("talks", "Meeting"), "discusses", ("withdrawal", "Withdrawal"), True),
        (("withdrawal", "Withdrawal"), "discusses", ("talks", "Meeting"), False),
        (("Sergei Shoigu", "PERSON"), "participatesIn", ("withdrawal", "Withdrawal"), True),
    ],
)
def test_resolver_type_signatures(resolver, subject, predicate, object_, kept):
    """Relations whose resolved argument types the guidelines do not allow are dropped."""
    t = "Sergei Shoigu, Turkish, SDF, Cairo: talks, withdrawal."

    def arg(spec: tuple[str, str]) -> Mention | EventMention:
        surface, kind = spec
        if kind in ("Meeting", "Withdrawal"):
            return event(t, surface, kind)
        return mention(t, surface, kind, acting=surface != "Cairo")  # Cairo as a place

    s, o = arg(subject), arg(object_)
    mentions = [a for a in (s, o) if isinstance(a, Mention)]
    ra = resolve(resolver, t, mentions, [a for a in (s, o) if isinstance(a, EventMention)],
                 [(s, predicate, o, "svo")])
    assert (len(ra.relations) == 1) == kept


def test_resolver_host_city_country_dropped(resolver):
    """"Egypt hosted talks": heldIn from the host rule needs a place, not the host country."""
    t = "Egypt hosted talks. Moscow hosted talks."
    eg, mo = (mention(t, "Egypt", "GPE", acting=False),
              mention(t, "Moscow", "GPE", acting=False, sent=1))
    t1, t2 = event(t, "talks", "Meeting"), event(t, "talks", "Meeting", nth=1, sent=1)
    ra = resolve(resolver, t, [eg, mo], [t1, t2],
                 [(t1, "heldIn", eg, "svo:host-place"), (t2, "heldIn", mo, "svo:host-place")],
                 from_host=True)
    assert named(ra) == {("Meeting", "heldIn", "Moscow")}


@pytest.mark.parametrize(("rule", "from_host", "kept"), [
    ("svo:held-in", False, {"Moscow", "Egypt"}),  # "talks were held in Egypt": a country is a place
    ("svo:held-in", True, {"Moscow"}),  # the flag decides, not the rule's name
    ("svo:host-place", False, {"Moscow", "Egypt"}),
])
def test_resolver_host_place_flag_not_rule_id(resolver, rule, from_host, kept):
    """Only a place marked ``object_from_host`` must not be a country."""
    t = "Egypt hosted talks. Moscow hosted talks."
    eg = mention(t, "Egypt", "GPE", acting=False)
    mo = mention(t, "Moscow", "GPE", acting=False, sent=1)
    t1, t2 = event(t, "talks", "Meeting"), event(t, "talks", "Meeting", nth=1, sent=1)
    ra = resolve(resolver, t, [eg, mo], [t1, t2],
                 [(t1, "heldIn", eg, rule), (t2, "heldIn", mo, rule)], from_host=from_host)
    assert {o for _, _, o in named(ra)} == kept


def test_resolver_speaker_resolved(resolver):
    t = "Lavrov said Russia supports the deal."
    lv, ru, deal = (mention(t, "Lavrov", "PERSON"), mention(t, "Russia", "GPE"),
                    event(t, "deal", "Agreement"))
    ex = Extraction(mentions=(lv, ru), events=(deal,),
                    relations=(Relation(ru, "supports", deal, 0, "svo", 0.85, lv),))
    ra = resolver.resolve(Article("a1", "a1.txt", t), ex)
    [r] = ra.relations
    assert (r.subject.key, r.speaker) == ("country/russia", "person/lavrov")


def test_resolver_one_event_node_per_event_mention(resolver):
    """Two meetings of one article stay two; two facts about one meeting share its node."""
    t = "Egypt hosted talks. Iran hosted a meeting in Tehran."
    eg, ir = mention(t, "Egypt", "GPE"), mention(t, "Iran", "GPE", sent=1)
    te = mention(t, "Tehran", "GPE", acting=False, sent=1)
    t1, t2 = event(t, "talks", "Meeting"), event(t, "meeting", "Meeting", sent=1)
    ra = resolve(resolver, t, [eg, ir, te], [t1, t2],
                 [(eg, "hosts", t1, "svo"), (ir, "hosts", t2, "svo"),
                  (t2, "heldIn", te, "nominal:in")])
    assert sorted(ra.events.values(), key=lambda e: e.start) == [t1, t2]
    assert all("a1" in k for k in ra.events)
    by_pred = {(r.subject.key, r.predicate): r for r in ra.relations}
    assert by_pred[("country/iran", "hosts")].object == by_pred[
        (by_pred[("country/iran", "hosts")].object.key, "heldIn")
    ].subject
    assert by_pred[("country/egypt", "hosts")].object != by_pred[("country/iran", "hosts")].object


# ------------------------------------------------------- cross-article helpers

@pytest.mark.parametrize(
    ("entity", "forms", "expected"),
    [
        (Entity("country/turkey", "Country", "Turkey", "Q43"),
         Counter({"Türkiye": 5, "Turkey": 1}), "Turkey"),
        (Entity("person/bashar-assad", "Person", "Assad"),
         Counter({"Assad": 9, "Bashar Assad": 1, "Bashar al-Assad": 1}), "Bashar al-Assad"),
        (Entity("organization/x", "Organization", "Turkish Defense Ministry"),
         Counter({"Turkish defense ministry": 2, "Turkish Defense Ministry": 1}),
         "Turkish Defense Ministry"),
        (Entity("organization/y", "Organization", "Kurdish Red Crescent"),
         Counter({"Kurdish Red Crescent": 1}), "Kurdish Red Crescent"),
        (Entity("organization/z", "Organization", "Turkish Defense Ministry"),
         Counter({"Turkish defense ministry": 2}), "Turkish defense ministry"),
        (Entity("location/idlib", "Location", "Idlib", "Q1"), Counter(), "Idlib"),
    ],
)
def test_resolver_choose_label(entity, forms, expected):
    assert choose_label(entity, forms) == expected


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("December 28, 2022", None, "2022-12-28"),
        ("28 December 2022", "2023-01-05", "2022-12-28"),
        ("Tuesday", "2023-04-27", "2023-04-25"),  # a Thursday: the Tuesday before
        ("Thursday", "2023-04-27", "2023-04-27"),
        ("last Friday", "2023-04-27", "2023-04-21"),
        ("Tuesday", None, None),  # no publication date: nothing is guessed
        ("May", None, None),
        ("March 2012", None, None),  # no day: not an xsd:date
        (None, "2023-04-27", None),
    ],
)
def test_resolver_event_date(phrase, published, expected):
    from kg.resolve.resolver import event_date

    assert event_date(phrase, published) == expected


# ----------------------------------------------------------------- presence and control

@pytest.mark.parametrize(
    ("relations", "expected"),
    [
        # "occupied" and "forces in" of the same pair: control says it all
        ([("occupies", 0), ("operatesIn", 1)], {("Turkey", "occupies", "Syria")}),
        # presence alone stays
        ([("operatesIn", 1)], {("Turkey", "operatesIn", "Syria")}),
    ],
)
def test_resolver_operates_in_yields_to_occupies(resolver, relations, expected):
    text = "Turkey occupied parts of Syria. Turkish forces in Syria stay."
    turkey = [mention(text, "Turkey", "GPE"), mention(text, "Turkish", "NORP", sent=1)]
    syria = [mention(text, "Syria", "GPE"), mention(text, "Syria", "GPE", nth=1, sent=1)]
    ra = resolve(resolver, text, turkey + syria, [],
                 [(turkey[s], p, syria[s], "test") for p, s in relations])
    assert named(ra) == expected


def test_resolver_a_visit_is_not_restated_of_the_state(resolver):
    text = "Syrian Foreign Minister Faisal Mekdad travelled to Cairo."
    mekdad = mention(text, "Faisal Mekdad", "PERSON")
    cairo = mention(text, "Cairo", "GPE", acting=False)  # a place: the object of "travelled to"
    ra = resolve(resolver, text,
                 [mention(text, "Syrian", "NORP"), role(text, "Syrian Foreign Minister"), mekdad,
                  cairo], [],
                 [(mekdad, "visits", cairo, "test"),
                  (mekdad, "memberOf", mention(text, "Syrian", "NORP"), "test")])
    assert ("Faisal Mekdad", "visits", "Cairo") in named(ra)
    assert not any(p == "visits" and s == "Syria" for s, p, _ in named(ra))
