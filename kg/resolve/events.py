"""Event fusion: the mentions of one real-world event become one event node.

The extractor gives one event per mention ("four-way talks", "the meeting",
"4-way talks" in another article). :func:`fuse_events` groups them, first
within an article, then across articles, from what the graph says of each:

* its class (a Meeting never joins a Withdrawal);
* its date (``kgo:date``) and, within one article, an unresolved date phrase
  ("on Monday" is not "on Tuesday");
* its place (``heldIn``);
* its actors: who takes part in or hosts it, and who else the text links to it;
* words that set a mention apart from the event at hand ("an *earlier* meeting",
  "*separate* bilateral talks") and its size ("*four-way* talks" is not
  "*bilateral* talks").

Within an article, a mention that says something of its event (who attends, when,
where) joins a group only on common ground (a shared person, two shared actors, the
place or the date); a bare one ("the talks", "in this meeting") joins the group it
follows most closely, if it refers back (a definite or possessive determiner) or
shares its sentence. Across articles, groups join only on positive evidence, weighing
each actor by how rare it is among the events of its class (Iran and its foreign
minister attend half the meetings of an Iranian paper):

* the same sentence (one story in two articles);
* the same date with a shared actor or place;
* undated, two shared sides (states or people) that weigh at least half of their
  actors and, for a meeting, the same place, three states and the same size, or
  the same people on the same weekday (two states meet again and again);
* a process (normalization, withdrawal) named in the same words.

Each join re-checks the whole group, so a chain of pairwise matches never fuses two
dated events of different days, or talks of Iran with the US and with Saudi Arabia.

A meeting or agreement that says nothing of its own (attendance by one actor, no
date, no place, no name, nothing else linked) is vacuous: its facts stay out of the
graph. Fused IRIs derive from the members' article ids and offsets, so the
same inputs give the same nodes in any order, and an incremental build equals
a build from scratch.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations

from kg.model import Sentence
from kg.resolve.event_words import (
    DEFINITE_WORDS,
    DISTINCT_WORDS,
    OTHER_WORDS,
    adjacent,
    arity,
    article_levels,
    contradicts,
    kinds,
    levels,
    months,
    same_time,
    several,
    time_kind,
    weekdays,
)
from kg.resolve.remap import follow
from kg.resolve.resolver import ResolvedArticle

__all__ = ["FusedEvent", "EventFusion", "fuse_events", "event_label"]

#: Relations by which an actor attends an event.
ATTENDANCE = frozenset({"participatesIn", "hosts"})
#: Events that need two sides: one actor attending one, and nothing else, says nothing.
TWO_SIDED = frozenset({"Meeting", "Agreement"})
#: Events that one process runs through, not dated incidents: one name, one process.
PROCESSES = frozenset({"Normalization", "Withdrawal", "RefugeeReturn", "Occupation"})
#: Processes between two sides: relations of Iran with Egypt are not those with Saudi Arabia.
BILATERAL = frozenset({"Normalization"})
#: Most actors used to block candidate pairs of groups across articles.
BLOCK_ACTORS = 8
#: The least share of the actors' weight two reports of an undated event have in common.
RATIO = 0.5
@dataclass
class _Group:
    """Mentions taken for one event, with what they say of it together."""

    type: str
    members: list[tuple[str, str]] = field(default_factory=list)  # (article id, event key)
    dates: set[str] = field(default_factory=set)
    whens: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    attendees: Counter[str] = field(default_factory=Counter)
    hosts: set[str] = field(default_factory=set)
    linked: set[str] = field(default_factory=set)  # every entity related to it
    arity: set[int] = field(default_factory=set)
    distinct: bool = True  # every mention is set apart ("an earlier meeting")
    other: bool = False  # a mention says it is another event ("separate talks")
    sentences: set[int] = field(default_factory=set)
    said: set[str] = field(default_factory=set)  # the texts of its sentences (copied stories)
    definite: bool = True  # the mention refers back ("the talks", "this meeting")
    named: bool = False
    other_facts: bool = False  # a fact beyond attendance (discusses, supports, ...)
    texts: Counter[str] = field(default_factory=Counter)
    kinds: set[str] = field(default_factory=set)  # telling modifiers ("nuclear" deal)
    levels: set[str] = field(default_factory=set)  # who meets: "deputy foreign" ministers
    apart: set[tuple[str, str]] = field(default_factory=set)  # events it is related to
    named_by_text: set[str] = field(default_factory=set)  # linked, not only as a person's state

    def actors(self) -> set[str]:
        """Who the event is of: its attendees, or for a process every actor linked to it."""
        if self.attendees or self.hosts or self.type not in PROCESSES:
            return set(self.attendees) | self.hosts
        return self.linked

    def people(self) -> set[str]:
        return {x for x in self.actors() if x.startswith("person/")}

    def absorb(self, other: _Group) -> None:
        self.members += other.members
        self.dates |= other.dates
        self.whens |= other.whens
        self.places |= other.places
        self.attendees.update(other.attendees)
        self.hosts |= other.hosts
        self.linked |= other.linked
        self.arity |= other.arity
        self.distinct = self.distinct and other.distinct
        self.other = self.other or other.other
        self.sentences |= other.sentences
        self.said |= other.said
        self.named = self.named or other.named
        self.other_facts = self.other_facts or other.other_facts
        self.texts.update(other.texts)
        self.kinds |= other.kinds
        self.levels |= other.levels
        self.apart |= other.apart
        self.named_by_text |= other.named_by_text


@dataclass(frozen=True)
class FusedEvent:
    """One event node: its class, members, date, places, attendees and label parts."""

    key: str
    type: str
    members: tuple[tuple[str, str], ...]
    date: str | None
    places: tuple[str, ...]
    attendees: tuple[str, ...]  # hosts first, then by how often they are named
    texts: tuple[str, ...]  # the mention texts, most frequent first

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({a for a, _ in self.members}))


@dataclass
class EventFusion:
    """The fused events, and the node of each (article id, event key); None: left out."""

    events: dict[str, FusedEvent] = field(default_factory=dict)
    node_of: dict[tuple[str, str], str | None] = field(default_factory=dict)


def fuse_events(articles: Iterable[ResolvedArticle], remap: Mapping[str, str]) -> EventFusion:
    """Group the event mentions of ``articles`` into events (see the module docstring)."""
    groups: list[_Group] = []
    for ra in sorted(articles, key=lambda r: r.article.id):
        groups += _article_groups(ra, remap)
    fused = _fuse_across(groups)
    out = EventFusion()
    for g in fused:
        if _vacuous(g):
            for m in g.members:
                out.node_of[m] = None
            continue
        members = tuple(sorted(g.members))
        digest = hashlib.sha256("\n".join(f"{a}-{k}" for a, k in members).encode()).hexdigest()
        key = digest[:16]
        dates = sorted(g.dates)
        seen = {a: i for i, a in enumerate(g.attendees)}  # as the articles name them
        hosts = sorted(g.hosts, key=lambda h: (-g.attendees[h], seen.get(h, 0), h))
        rest = sorted(set(g.attendees) - g.hosts, key=lambda a: (-g.attendees[a], seen[a]))
        out.events[key] = FusedEvent(
            key, g.type, members, dates[0] if len(dates) == 1 else None, tuple(sorted(g.places)),
            tuple(hosts + rest), tuple(t for t, _ in sorted(g.texts.items(),
                                                            key=lambda kv: (-kv[1], kv[0]))),
        )
        for m in members:
            out.node_of[m] = key
    return out


def event_label(ev: FusedEvent, labels: Mapping[str, str]) -> str:
    """A readable label: "Meeting of Russia, Turkey, Syria and Iran, Moscow, 2023-04-25"."""
    # states and bodies name a meeting best; people only where fewer than two of them
    bodies = [a for a in ev.attendees if not a.startswith("person/")]
    names = [labels.get(a, a) for a in (bodies if len(bodies) >= 2 else ev.attendees)]
    if len(names) > 4:
        more = len(names) - 4
        names = names[:4] + [f"{more} other" + ("s" if more > 1 else "")]
    kind = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", ev.type).capitalize()
    head = f"{kind} of {_join(names)}" if names else ev.texts[0]
    parts = [head] + [labels.get(p, p) for p in ev.places[:2]]
    if ev.date:
        parts.append(ev.date)
    return ", ".join(parts)


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# ------------------------------------------------------------------ per article
def _article_groups(ra: ResolvedArticle, remap: Mapping[str, str]) -> list[_Group]:
    aid = ra.article.id
    singles: dict[str, _Group] = {}
    used = {x.key for r in ra.relations for x in (r.subject, r.object) if x.kind == "event"}
    per_sentence = Counter((em.sentence, em.type) for k, em in ra.events.items() if k in used)
    for ekey, em in ra.events.items():
        if ekey not in used:
            continue
        g = _Group(em.type, [(aid, ekey)])
        if em.date:
            g.dates.add(em.date)
        when = ra.event_when.get(ekey)
        if when:
            g.whens.add(when)
        words = set(re.findall(r"[a-z]+", em.text.lower()))
        g.distinct = bool(words & DISTINCT_WORDS)
        g.kinds = kinds(em.text) if em.type in TWO_SIDED else set()  # "nuclear talks"
        g.sentences.add(em.sentence)
        sent = ra.extraction.sentences[em.sentence]
        g.said.add(" ".join(sent.text.split()).lower())
        before = re.findall(r"[A-Za-z]+", ra.article.text[max(0, em.start - 30):em.start])
        det = before[-1].lower() if before else ""
        g.definite = det in DEFINITE_WORDS
        # "separate talks", "another meeting", "meetings": another event, or several
        g.other = bool((words | {det}) & OTHER_WORDS) or several(em.text)
        g.arity = arity(em.text)
        g.named = _named(em.text, em.start, sent)
        if em.type == "Meeting":
            g.levels = levels(sent.text, em.start - sent.start, em.end - sent.start,
                              alone=per_sentence[em.sentence, em.type] == 1)
        g.texts[" ".join(em.text.split())] += 1
        singles[ekey] = g
    for r in ra.relations:
        subj, obj = r.subject, r.object
        if subj.kind == "event" and obj.kind == "event":
            for k, other_key in ((subj.key, obj.key), (obj.key, subj.key)):
                if k in singles:
                    singles[k].other_facts = True
                    singles[k].apart.add((aid, other_key))  # talks about a meeting: two events
            continue
        if subj.kind == "event" and subj.key in singles:
            g, other, as_subject = singles[subj.key], obj, False
        elif obj.kind == "event" and obj.key in singles:
            g, other, as_subject = singles[obj.key], subj, True
        else:
            continue
        ent = follow(remap, other.key)
        g.linked.add(ent)
        if not r.rule.endswith("+state"):
            g.named_by_text.add(ent)
        if r.predicate == "heldIn" and not as_subject:
            g.places.add(ent)
        elif r.predicate in ATTENDANCE and as_subject:
            g.attendees[ent] += 1
            if r.predicate == "hosts":
                g.hosts.add(ent)
        else:
            g.other_facts = True
    groups: list[_Group] = []
    # mentions that say something of their event found the groups, joining one only on
    # common ground; bare ones ("the talks", "in this meeting") then join the group they
    # follow most closely
    for ekey in sorted(singles, key=lambda k: (ra.events[k].start, k)):
        single = singles[ekey]
        if not _informative(single):
            continue
        best = max(
            (g for g in groups if g.type == single.type and _fits(g, single, same_article=True)
             and _common_ground(g, single)),
            key=lambda g: (len(g.actors() & single.actors()), not g.distinct, -groups.index(g)),
            default=None,
        )
        if best is None:
            groups.append(single)
        else:
            best.absorb(single)
    unranked = [g for g in groups if g.type == "Meeting" and not g.levels]
    ranks = article_levels(ra.article.text) if unranked else set()
    if len(ranks) == 1:  # meetings whose sentences do not say who met: the article's one rank
        for g in unranked:
            g.levels = set(ranks)
    starts = {id(g): [ra.events[k].start for _, k in g.members] for g in groups}
    for ekey in sorted(singles, key=lambda k: (ra.events[k].start, k)):
        single = singles[ekey]
        if _informative(single):
            continue
        at = ra.events[ekey].start
        best = max(
            (g for g in groups if g.type == single.type and _fits(g, single, same_article=True)
             and (single.type in PROCESSES or g.sentences & single.sentences
                  or (single.definite and _near(g, single)))),
            key=lambda g: (bool(g.sentences & single.sentences),
                           max((x for x in starts[id(g)] if x <= at), default=-1),
                           -min(starts[id(g)])),
            default=None,
        )
        if best is None:
            groups.append(single)
            starts[id(single)] = [at]
        else:
            best.absorb(single)
            starts[id(best)].append(at)
    return groups


def _past(g: _Group) -> bool:
    """Whether the group's date phrases all set it before the time the article reports."""
    return bool(g.whens) and all(
        time_kind(w) == "past" for w in g.whens
    )


def _near(g: _Group, single: _Group) -> bool:
    """Whether a group was told in the two sentences before a mention that refers back."""
    (at,) = single.sentences
    return any(at - 2 <= i <= at for i in g.sentences)


def _common_ground(g: _Group, single: _Group) -> bool:
    """Whether two informative mentions of one article share enough to be one event."""
    shared = g.actors() & single.actors()
    # states known only as their people's ("talks between Erdogan and Assad") tell a meeting
    # of those people, not one of the states' other officials
    told = shared & g.named_by_text & single.named_by_text if g.type in TWO_SIDED else shared
    return bool(
        g.people() & single.people() or len(told) >= 2 or g.places & single.places
        or g.dates & single.dates or g.whens & single.whens
        or (shared and (len(g.actors()) == 1 or len(single.actors()) == 1))
        or not g.actors() or not single.actors()  # "a meeting in Tehran": who is not said
    )


def _informative(g: _Group) -> bool:
    return bool(g.attendees or g.hosts or g.dates or g.whens or g.places)


def _named(text: str, start: int, sentence: Sentence) -> bool:
    """A mention with a proper name in it ("the Astana talks"), not a headline in title case."""
    alpha = [w for w in sentence.text.split() if w[:1].isalpha()]
    if alpha and sum(w[0].isupper() for w in alpha) > 0.6 * len(alpha):
        return False  # a headline: every word capitalised
    words = text.split()[1:] if start == sentence.start else text.split()
    return any(w[:1].isupper() for w in words)


# ------------------------------------------------------------------ compatibility
def _fits(a: _Group, b: _Group, *, same_article: bool) -> bool:
    """Whether ``a`` and ``b`` can be one event: nothing they say contradicts it."""
    if len(a.dates | b.dates) > 1 and not adjacent(a.dates | b.dates):
        return False
    if set(a.members) & b.apart or set(b.members) & a.apart:
        return False
    if contradicts(a.dates, b.whens) or contradicts(b.dates, a.whens):
        return False
    if same_article and any(not same_time(x, y) for x in a.whens for y in b.whens):
        return False
    if same_article and a.type in TWO_SIDED and _past(a) != _past(b):
        return False  # "a meeting held in early April" is not the one the article reports
    if not same_article and months(a.whens) and months(b.whens) and not (
        months(a.whens) & months(b.whens)
    ):
        return False  # "in early April" and "on May 10": two meetings
    if a.places and b.places and not a.places & b.places:
        return False
    if a.arity and b.arity and not a.arity & b.arity:
        return False
    if a.kinds and b.kinds and not a.kinds & b.kinds:
        return False  # a "nuclear deal" is not a "security agreement"
    if a.levels and b.levels and not a.levels & b.levels:
        return False  # the deputy foreign ministers' meeting is not the defence ministers'
    if _other_sides(a, b):
        return False  # talks (or ties) of Iran with the US are not those of Iran with Saudi Arabia
    if a.type in BILATERAL and _more_sides(_states(a), _states(b), same_article=same_article):
        return False  # ties of Iran and Saudi Arabia and those of Saudi Arabia and Syria
    if a.other or b.other:
        return False
    if (a.distinct or b.distinct) and not (a.dates & b.dates or a.whens & b.whens):
        return False  # "an earlier meeting" is another event unless its date says otherwise
    if not same_article and weekdays(a.whens) and weekdays(b.whens) and not (
        weekdays(a.whens) & weekdays(b.whens)
    ):
        return False  # the day of an event is one weekday in every report
    shared = a.actors() & b.actors()
    if len(a.actors()) >= 2 and len(b.actors()) >= 2 and not shared:
        return False
    if a.type in TWO_SIDED and a.people() and b.people() and not a.people() & b.people():
        return False  # the president's meeting is not his defence minister's
    return True


def _states(g: _Group) -> set[str]:
    """The states an event is of (its attendees or, for a process, its actors)."""
    return {x for x in g.actors() if x.startswith("country/")}


def _more_sides(sa: set[str], sb: set[str], *, same_article: bool) -> bool:
    """Whether joining two sets of sides makes more than two: across articles at all, within
    one unless one set holds the other ("restore ties with Iran and Syria" holds both)."""
    return len(sa | sb) > 2 and not (same_article and (sa <= sb or sb <= sa))


def _other_sides(a: _Group, b: _Group) -> bool:
    """Whether each of two meetings has a state taking part that the other has not."""
    sa = {x for x in set(a.attendees) | a.hosts if x.startswith("country/")}
    sb = {x for x in set(b.attendees) | b.hosts if x.startswith("country/")}
    return len(sa) >= 2 and len(sb) >= 2 and bool(sa - sb) and bool(sb - sa)


def _joins(a: _Group, b: _Group, weight: Mapping[str, float]) -> int:
    """How strongly two groups of different articles are one event (0: not at all).

    Undated, they must share two actors or more that weigh at least half of all their
    actors, an actor weighing less the more events of the class it takes part in: Iran
    and its foreign minister attend half the meetings of an Iranian paper, and say
    little of which meeting it was.
    """
    if a.type != b.type or not _fits(a, b, same_article=False) or not _fits(
        b, a, same_article=False
    ):
        return 0
    shared = a.actors() & b.actors()
    if a.said & b.said and (shared or not (a.actors() or b.actors())):
        return 4  # one story in two articles: the same sentence tells it
    if a.distinct or b.distinct:
        return 0 if not a.dates & b.dates else 2
    if a.dates and b.dates:  # the same day (or the next)
        return 3 if shared or a.places & b.places else 0
    # a meeting is told by all who attend it; a process (normalization, war) by its parties,
    # which one report may name with others the other report does not
    whole = a.actors() | b.actors() if a.type in TWO_SIDED else min(
        a.actors(), b.actors(), key=lambda xs: (sum(weight[x] for x in xs), sorted(xs)))
    # two states meet often; the same people, the same place or three parties tell one meeting
    sides = {x for x in shared if x.startswith(("country/", "person/"))}
    # the same two sides meet again and again: only the place tells one meeting from another
    countries = {x for x in shared if x.startswith("country/")}
    # the same officials of three states, or of two in one place on the same weekday: one meeting
    day = bool(weekdays(a.whens) & weekdays(b.whens))
    ranked = day and bool(a.levels & b.levels)
    named = a.type not in TWO_SIDED or bool(
        (a.places & b.places or (len(countries) >= 3 and (a.arity & b.arity or a.levels & b.levels))
         or (day and len(a.people() & b.people()) >= 2))
        and (len({x for x in sides if x.startswith("country/")}) >= 2
             or len({x for x in sides if x.startswith("person/")}) >= 2)
    )
    if len(shared) >= 2 and named and (
        sum(weight[x] for x in shared) >= RATIO * sum(weight[x] for x in whole)
    ):
        return 1 + (1 if a.places & b.places else 0)
    if a.places & b.places and (a.arity & b.arity or ranked):
        return 1  # "four-way talks in Moscow", "a four-party meeting in Moscow"
    if a.type in BILATERAL and not (len(_states(a)) == 2 and _states(a) == _states(b)):
        return 0  # "improving relations" of Iran (with whom?) is not told by its words
    if a.type in PROCESSES and not (a.linked and b.linked and not a.linked & b.linked) and (
        _wording(a) & _wording(b)
    ):
        return 1  # a process named in the same words by the same actors: "return Syrian refugees"
    return 0


def _wording(g: _Group) -> set[str]:
    """The group's mention texts of two words or more, in lower case."""
    return {t.lower() for t in g.texts if len(t.split()) >= 2}


def _fuse_across(groups: list[_Group]) -> list[_Group]:
    """Join groups of different articles, strongest pairs first, re-checking each join."""
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        for d in g.dates:
            blocks[(g.type, "date", d)].append(i)
        for p in g.places:
            blocks[(g.type, "place", p)].append(i)
        for t in _wording(g):
            blocks[(g.type, "text", t)].append(i)
        top = sorted(g.actors())[:BLOCK_ACTORS]
        for x, y in combinations(top, 2):
            blocks[(g.type, x, y)].append(i)
    pairs: set[tuple[int, int]] = set()
    for idx in blocks.values():
        for i, j in combinations(idx, 2):
            if groups[i].members[0][0] != groups[j].members[0][0]:
                pairs.add((i, j))
    df: Counter[tuple[str, str]] = Counter(
        (g.type, x) for g in groups for x in g.actors()
    )
    n = Counter(g.type for g in groups)
    weights: dict[str, dict[str, float]] = defaultdict(dict)
    for (t, x), c in df.items():
        weights[t][x] = math.log((1 + n[t]) / (1 + c)) + 0.1
    scored = sorted(
        ((s, i, j) for i, j in pairs
         if (s := _joins(groups[i], groups[j], weights[groups[i].type]))),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    merged = {i: g for i, g in enumerate(groups)}
    for _, i, j in scored:
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        gi, gj = merged[ri], merged[rj]
        arts_i = {a for a, _ in gi.members}
        if arts_i & {a for a, _ in gj.members}:
            continue  # an article's own groups were kept apart on purpose
        if not (_fits(gi, gj, same_article=False) and _fits(gj, gi, same_article=False)):
            continue
        lo, hi = min(ri, rj), max(ri, rj)
        merged[lo].absorb(merged.pop(hi))
        parent[hi] = lo
    return [merged[i] for i in sorted(merged)]


def _vacuous(g: _Group) -> bool:
    """A group that is only attendance by one actor, with nothing else to say."""
    if g.type not in TWO_SIDED or g.dates or g.places or g.named or g.other_facts:
        return False
    if len(g.named_by_text) > 1:
        return False  # a minister's own state, read from his title, is no second side
    return len({a for a, _ in g.members}) == 1
