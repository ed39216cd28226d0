"""Titles: "Russian Defense Minister Sergei Shoigu", "Faisal Mekdad, the Syrian Foreign Minister".

The title phrase becomes a *role* mention (``Mention.kind == "role"``) that the
person is ``memberOf``; each state, people or organisation named inside it is
another ``memberOf`` object.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.rules.index import DocIndex
from kg.extract.rules.people_words import stands_for_state
from kg.extract.rules.registry import Candidate, matcher, rule
from kg.extract.rules.tokens import as_actor, as_place, separates
from kg.model import Mention

ROLE = rule("title:role", 0.9, '"Defense Minister Sergei Shoigu": Shoigu memberOf the role')
TITLE = rule("title", 0.9, '"Russian Defense Minister Sergei Shoigu": Shoigu memberOf Russian')
TITLE_HOME = rule("title:home", 0.7,
                  '"New Jersey Gov. Thomas Kean": a place (not a state) in the title: livesIn')

#: Labels of the names inside a title that the holder is a member of.
MEMBER_LABELS = ("NORP", "GPE", "ORG")


@matcher(ROLE, TITLE, TITLE_HOME, on="mention", labels=frozenset({"PERSON"}))
def titles(person: Mention, ix: DocIndex) -> Iterator[Candidate]:
    """The person is a member of each title phrase before or apposed to the name."""
    first = ix.doc.char_span(person.start, person.end, alignment_mode="expand")
    if first is None:
        return
    titles_ = set(ix.lexicon.titles)
    for role in _roles(first, ix):
        words = {t.lower_ for t in role} | {t.lemma_.lower() for t in role}
        if not words & titles_:
            continue
        role_mention = Mention(role.start_char, role.end_char, role.text, "",
                               ix.sent_of[role.start], True, "role")
        yield ROLE(person, "memberOf", role_mention, role.root)
        for t in role:
            m = ix.ment_of.get(t.i)
            if m is None or m.label not in MEMBER_LABELS:
                continue
            if m.label == "GPE" and not stands_for_state(m, ix):  # a governor's state
                yield TITLE_HOME(person, "livesIn", as_place(m), role.root)
            else:
                yield TITLE(person, "memberOf", as_actor(m), role.root)


def _roles(first: Span, ix: DocIndex) -> list[Span]:
    """The phrases that may be the person's title: before the name, or in apposition."""
    doc = ix.doc
    roles: list[Span] = []
    j = first.start
    while j > 0 and _continues_title(doc[j - 1], first, j):
        j -= 1
    if j < first.start:
        roles.append(doc[j:first.start])
    for t in (first.root, first.root.head):
        for child in t.children:
            if child.dep_ == "appos" and child.i not in range(first.start, first.end) \
                    and child.i not in ix.ment_of:
                sub = [c for c in child.subtree
                       if c.dep_ not in ("det", "punct") and c.lower_ != "the"]
                if sub:
                    roles.append(doc[sub[0].i:child.i + 1])
    if first.root.dep_ == "appos" and first.root.head.i not in ix.ment_of:
        head = first.root.head
        # A dateline or other separated opener ("TEHRAN - Palestinian Ambassador to Iran
        # Salam Zawawi") is no part of the title: start after the last separator.
        cut = max((c.i for c in head.subtree if c.i < head.i and separates(c)), default=-1)
        sub = [c for c in head.subtree
               if cut < c.i < first.start and c.dep_ not in ("det", "punct")]
        if sub:
            roles.append(doc[sub[0].i:head.i + 1])
    return roles


def _continues_title(t: Token, first: Span, j: int) -> bool:
    """Whether the word before position ``j`` is still part of the title before the name."""
    if t.is_punct and t.text != "-" or t.dep_ == "det" or t.pos_ in ("VERB", "AUX", "ADP") \
            or separates(t):
        return False
    return first.start <= t.head.i < first.end or j <= t.head.i < first.end
