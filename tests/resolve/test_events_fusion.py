"""Event fusion (kg.resolve.events): model-free, on hand-made resolved articles."""

from __future__ import annotations

import pytest

from kg.model import Article, EventMention, Extraction, Sentence
from kg.resolve.event_words import arity, article_levels, kinds, levels, same_time, several
from kg.resolve.events import EventFusion, event_label, fuse_events
from kg.resolve.resolver import Ref, ResolvedArticle, ResolvedRelation

RU, TR, SY, IR = "country/russia", "country/turkey", "country/syria", "country/iran"
US, SA = "country/united-states", "country/saudi-arabia"
MOSCOW, MUSCAT = "location/moscow", "location/muscat"
SHOIGU = "person/sergei-shoigu"
LABELS = {RU: "Russia", TR: "Turkey", SY: "Syria", IR: "Iran", MOSCOW: "Moscow"}


def story(aid: str, *sentences: tuple[str, str, str, list[tuple[str, str]]],
          date: str | None = None) -> ResolvedArticle:
    """A resolved article: each sentence with one event (its words, class, when) and facts.

    A fact is ``(predicate, entity)``: ``heldIn`` the event's place, any other predicate
    the entity's relation to the event. ``when`` is an ISO date, a date phrase or "".
    """
    text = " ".join(s for s, *_ in sentences)
    ra = ResolvedArticle(Article(aid, f"{aid}.txt", text, date=date), Extraction())
    sents, at = [], 0
    for i, (sentence, words, type_, facts) in enumerate(sentences):
        sents.append(Sentence(at, at + len(sentence), sentence))
        start = at + sentence.index(words)
        when = next((w for p, w in facts if p == "when"), "")
        iso = when if when[:2] in ("19", "20") else None
        key = f"{aid}-{start}"
        ra.events[key] = EventMention(start, start + len(words), words, type_, i, iso)
        if when and not iso:
            ra.event_when[key] = when
        ev = Ref("event", key)
        for predicate, entity in facts:
            if predicate == "when":
                continue
            ent = Ref("entity", entity)
            pair = (ev, ent) if predicate == "heldIn" else (ent, ev)
            ra.relations.append(ResolvedRelation(pair[0], predicate, pair[1], i, "test", 0.8))
        at += len(sentence) + 1
    ra.extraction = Extraction(sentences=tuple(sents))
    return ra


def talks(words: str = "four-way talks", when: str = "tuesday", place: str | None = MOSCOW,
          actors: tuple[str, ...] = (TR, SY, IR), host: str = RU) -> tuple:
    facts = [("when", when), ("hosts", host)] + [("participatesIn", a) for a in actors]
    if place:
        facts.append(("heldIn", place))
    return (f"{host} hosted {words} with them {when}.", words, "Meeting", facts)


def nodes(f: EventFusion) -> set[frozenset[str]]:
    """The fused events as sets of the articles that report them."""
    return {frozenset(ev.articles) for ev in f.events.values()}


def test_one_meeting_in_two_articles_is_one_node_labelled_from_its_parts() -> None:
    f = fuse_events([story("a1", talks()), story("a2", talks("4-way talks"))], {})
    (ev,) = f.events.values()
    assert ev.articles == ("a1", "a2")
    assert event_label(ev, LABELS) == "Meeting of Russia, Turkey, Syria and Iran, Moscow"
    assert set(ev.texts) == {"four-way talks", "4-way talks"}


def test_the_fused_node_does_not_depend_on_input_order() -> None:
    arts = [story("a1", talks()), story("a2", talks("4-way talks")), story("a3", talks())]
    first, second = fuse_events(arts, {}), fuse_events(arts[::-1], {})
    assert first.events == second.events
    assert first.node_of == second.node_of


@pytest.mark.parametrize(
    ("a2", "together"),
    [
        (talks(when="monday"), False),  # the day of an event is one weekday in every report
        (talks(when="2022-12-28"), False),  # a Wednesday: not "on Tuesday"
        (talks(place=MUSCAT), False),  # another place
        (talks(words="bilateral talks"), False),  # another size
        (talks(words="separate talks"), False),  # says it is another event
        (talks(place=None, words="4-way talks"), True),  # three states of one size: enough
        (talks(place=None, words="talks"), False),  # three states, size unknown, no place
        (talks(place=None, words="talks", actors=(TR,)), False),  # two states, no place
        (talks(when="early april"), False),  # months: not the a1 meeting "in early May"
    ],
)
def test_reports_of_a_meeting_join_only_on_evidence(a2: tuple, together: bool) -> None:
    a1 = talks(words="quadripartite talks", when="early may" if "april" in a2[0] else "tuesday")
    f = fuse_events([story("a1", a1), story("a2", a2)], {})
    assert (frozenset({"a1", "a2"}) in nodes(f)) is together


def test_two_states_meeting_twice_stay_apart_without_a_place() -> None:
    one = talks(words="talks", place=None, actors=(IR,), host=SA)
    other = talks(words="talks", place=None, actors=(IR,), host=SA, when="")
    f = fuse_events([story("a1", one), story("a2", other)], {})
    assert nodes(f) == {frozenset({"a1"}), frozenset({"a2"})}


def test_talks_of_one_state_with_two_others_are_two_meetings() -> None:
    with_us = talks(words="talks", place=MUSCAT, actors=(IR, US), host="country/oman")
    with_sa = talks(words="talks", place=MUSCAT, actors=(IR, SA), host="country/oman")
    f = fuse_events([story("a1", with_us), story("a2", with_sa)], {})
    assert len(f.events) == 2


def test_dates_a_day_apart_are_one_event_and_a_week_apart_two() -> None:
    def dated(d: str) -> tuple:
        return talks(words="talks", when=d, place=None)

    near = fuse_events([story("a1", dated("2023-04-25")), story("a2", dated("2023-04-26"))], {})
    far = fuse_events([story("a1", dated("2023-04-25")), story("a2", dated("2023-05-02"))], {})
    assert len(near.events) == 1 and len(far.events) == 2


def test_a_copied_sentence_fuses_two_reports() -> None:
    line = ("The meeting between Irani and Sidhu is a testament.", "meeting", "Meeting",
            [("participatesIn", "person/shahram-irani"),
             ("participatesIn", "person/ahmad-baber-sidhu")])
    f = fuse_events([story("a1", line), story("a2", line)], {})
    (ev,) = f.events.values()
    assert ev.articles == ("a1", "a2")


def test_within_an_article_earlier_and_plural_mentions_are_other_events() -> None:
    ra = story(
        "a1",
        talks(),
        ("At an earlier meeting, they spoke.", "earlier meeting", "Meeting",
         [("participatesIn", TR), ("participatesIn", SY)]),
        ("The talks were useful.", "talks", "Meeting", [("supports", TR)]),
        ("He held meetings with them.", "meetings", "Meeting",
         [("participatesIn", TR), ("participatesIn", SY)]),
        ("Rockets hit the base.", "Rockets", "Attack", [("participatesIn", US)]),
        ("Later the meeting was praised.", "meeting", "Meeting", [("supports", SY)]),
    )
    f = fuse_events([ra], {})
    by_text = {t: ev.key for ev in f.events.values() for t in ev.texts}
    assert by_text["talks"] == by_text["four-way talks"]  # refers back to the event at hand
    assert len({by_text["earlier meeting"], by_text["meetings"], by_text["talks"]}) == 3
    assert by_text["meeting"] != by_text["talks"]  # three sentences on: too far to refer back


def test_a_meeting_the_article_dates_back_is_not_the_one_it_reports() -> None:
    ra = story("a1", talks(when=""),
               talks(words="four-way meeting", when="early april"))
    assert len(fuse_events([ra], {}).events) == 2


def test_a_meeting_attended_by_one_actor_and_nothing_else_stays_out() -> None:
    bare = ("Iran attended the meeting.", "meeting", "Meeting", [("participatesIn", IR)])
    dated = ("Iran attended the meeting.", "meeting", "Meeting",
             [("participatesIn", IR), ("when", "2023-04-25")])
    war = ("Russia waged the war.", "war", "Conflict", [("participatesIn", RU)])
    f = fuse_events([story("a1", bare), story("a2", dated), story("a3", war)], {})
    assert f.node_of[("a1", next(iter(story("a1", bare).events)))] is None
    assert nodes(f) == {frozenset({"a2"}), frozenset({"a3"})}


def test_entities_are_compared_after_cross_article_linking() -> None:
    a2 = talks(actors=("country/turkiye", SY, IR))
    f = fuse_events([story("a1", talks()), story("a2", a2)], {"country/turkiye": TR})
    assert len(f.events) == 1


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        ("tuesday", "this week", True),
        ("tuesday", "monday", False),
        ("tuesday", "december", False),  # a weekday is this week, a month name long ago
        ("last month", "earlier this month", True),
        ("march 10", "march", True),
        ("march", "april", False),
        ("next week", "tuesday", False),
        ("2015", "2019", False),
    ],
)
def test_date_phrases_of_one_article_name_one_time_or_not(x: str, y: str, same: bool) -> None:
    assert same_time(x, y) is same


@pytest.mark.parametrize(
    ("text", "size", "kind", "many"),
    [
        ("four-way talks", {4}, set(), False),
        ("quadripartite meeting", {4}, set(), False),
        ("bilateral consultations", {2}, set(), False),
        ("2015 nuclear deal", set(), {"nuclear"}, False),
        ("historic agreement", set(), set(), False),
        ("several meetings", set(), {"several"}, True),
        ("talks", set(), set(), False),
    ],
)
def test_mention_words(text: str, size: set[int], kind: set[str], many: bool) -> None:
    assert (arity(text), kinds(text), several(text)) == (size, kind, many)


EG = "country/egypt"


def ties(words: str, *sides: str) -> tuple:
    return (f"{' and '.join(sides)} agreed on {words}.", words, "Normalization",
            [("participatesIn", s) for s in sides])


@pytest.mark.parametrize(
    ("one", "other", "together"),
    [
        (ties("restore diplomatic ties", IR, SA), ties("restore diplomatic ties", IR, SA), True),
        # the same words, another pair of states: two thaws
        (ties("restore diplomatic ties", IR, SA), ties("restore diplomatic ties", SA, SY), False),
        # "Iran is improving relations" (with whom?) is not the Iran-Egypt thaw
        (ties("improving relations", IR, EG), ties("improving relations", IR), False),
    ],
)
def test_a_thaw_is_between_two_states(one: tuple, other: tuple, together: bool) -> None:
    across = fuse_events([story("a1", one), story("a2", other)], {})
    assert (frozenset({"a1", "a2"}) in nodes(across)) is together
    if len(other[3]) == 2 and one[3] != other[3]:  # in one article, two pairs are two thaws
        assert len(fuse_events([story("a1", one, other)], {}).events) == 2


def test_states_known_only_through_their_leaders_tell_a_meeting_of_the_leaders() -> None:
    ra = story(
        "a1",
        talks(words="joint meeting", when="", place=None, actors=(TR, SY)),
        ("Direct negotiations between Erdogan and Assad are on the agenda.",
         "Direct negotiations", "Meeting",
         [("participatesIn", "person/recep-tayyip-erdogan"),
          ("participatesIn", "person/bashar-assad"), ("participatesIn", TR),
          ("participatesIn", SY)]),
    )
    states = [i for i, r in enumerate(ra.relations)
              if r.object.key.endswith("-" + str(ra.article.text.index("Direct")))
              and r.subject.key.startswith("country/")]
    for i in states:  # Turkey and Syria are read off the presidents ("+state" rules)
        r = ra.relations[i]
        ra.relations[i] = ResolvedRelation(r.subject, r.predicate, r.object, r.sentence,
                                           "nominal:between+state", r.confidence)
    assert len(states) == 2
    assert len(fuse_events([ra], {}).events) == 2


@pytest.mark.parametrize(
    ("sentence", "words", "alone", "rank"),
    [
        ("Deputy foreign ministers of Iran and Syria held a meeting in Moscow.", "meeting",
         False, {"deputy foreign"}),
        ("They discussed the next meeting of the foreign ministers.", "meeting", False,
         {"foreign"}),
        ("A four-way meeting of the Deputy Foreign Ministers was held.", "four-way meeting",
         True, {"deputy foreign"}),
        ("Moscow hosted a meeting between them at the level of foreign ministers.", "meeting",
         True, {"foreign"}),
        ("Turkish Defense Minister Akar announced a joint meeting.", "joint meeting", True,
         {"defence"}),
        ("Turkish Defense Minister Akar announced a joint meeting.", "joint meeting", False,
         set()),  # two meetings in the sentence: the title may be the other's
        ("The Foreign Minister met the deputy foreign minister in a meeting.", "meeting", True,
         set()),  # two ranks: the sentence does not tell
        ("The defence ministers' talks ended.", "talks", True, {"defence"}),
    ],
)
def test_the_rank_of_who_meets(sentence: str, words: str, alone: bool, rank: set[str]) -> None:
    at = sentence.index(words)
    assert levels(sentence, at, at + len(words), alone=alone) == rank


def test_an_article_names_the_rank_of_its_meeting_once() -> None:
    text = ("The defense ministers and intelligence chiefs of Russia, Syria and Iran talked. "
            "Russian Defense Minister Shoigu spoke.")
    assert article_levels(text) == {"defence"}
    assert article_levels("Deputy foreign ministers of four states met.") == {"deputy foreign"}


def test_the_same_states_meeting_at_two_ranks_are_two_meetings() -> None:
    def ranked(rank: str) -> tuple:
        sentence = f"Russia hosted the {rank} ministers' talks with them on Tuesday in Moscow."
        facts = [("when", "tuesday"), ("hosts", RU), ("heldIn", MOSCOW)] + [
            ("participatesIn", a) for a in (TR, SY, IR)]
        return (sentence, "talks", "Meeting", facts)

    apart = fuse_events([story("a1", ranked("defence")), story("a2", ranked("deputy foreign"))],
                        {})
    one = fuse_events([story("a1", ranked("defence")), story("a2", ranked("defence"))], {})
    assert len(apart.events) == 2 and len(one.events) == 1
