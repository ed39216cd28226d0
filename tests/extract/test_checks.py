"""Relation argument checks of the extractor (kg.extract.rules.checks): one table each."""

from __future__ import annotations

import pytest

from kg.extract.lexicon import VerbFrame
from kg.extract.rules.checks import fits, hyphen_accepts
from kg.model import EventMention, Mention

TURKEY = Mention(0, 6, "Turkey", "GPE", 0, True)
SYRIA = Mention(10, 15, "Syria", "GPE", 0, False)
KURDS = Mention(20, 25, "Kurds", "NORP", 0, True)
TALKS = EventMention(30, 35, "talks", "Meeting", 0)
WITHDRAWAL = EventMention(40, 50, "withdrawal", "Withdrawal", 0)


def frame(relation: str, obj: str = "any") -> VerbFrame:
    return VerbFrame("verb", "", relation, obj, 0.8)


@pytest.mark.parametrize(
    ("relation", "object_kind", "s", "o", "ok"),
    [
        ("hosts", "any", TURKEY, TALKS, True),
        ("hosts", "any", TURKEY, WITHDRAWAL, False),  # only a meeting is hosted
        ("hosts", "any", TURKEY, SYRIA, False),
        ("participatesIn", "any", TURKEY, WITHDRAWAL, True),
        ("participatesIn", "any", TURKEY, SYRIA, False),
        ("meetsWith", "any", TURKEY, SYRIA, True),
        ("meetsWith", "any", TURKEY, TALKS, False),
        ("accuses", "any", TURKEY, TALKS, False),
        ("cooperatesWith", "any", TURKEY, KURDS, True),
        ("occupies", "place", TURKEY, SYRIA, True),
        ("occupies", "place", TURKEY, KURDS, False),  # a people is not occupied
        ("discusses", "any", TALKS, WITHDRAWAL, True),  # a meeting discusses
        ("discusses", "any", WITHDRAWAL, TALKS, False),  # no other event subject
        ("supports", "any", WITHDRAWAL, TURKEY, False),
        ("supports", "event", TURKEY, SYRIA, False),  # the frame wants an event
        ("supports", "actor", TURKEY, WITHDRAWAL, False),  # the frame wants an actor
        ("supports", "any", TURKEY, WITHDRAWAL, True),
        ("supports", "any", TURKEY, TURKEY, False),
    ],
)
def test_checks_fits(relation, object_kind, s, o, ok):
    assert fits(frame(relation, object_kind), s, o) is ok


@pytest.mark.parametrize(
    ("relation", "target", "ok"),
    [
        ("supports", TURKEY, True),  # "US-backed SDF"
        ("supports", TALKS, True),
        ("opposes", TURKEY, True),
        ("attacks", SYRIA, True),
        ("occupies", SYRIA, True),  # "Turkish-occupied Afrin"
        ("occupies", WITHDRAWAL, False),  # only a place is occupied
        ("participatesIn", TALKS, True),  # "Russia-brokered talks"
        ("participatesIn", TURKEY, False),
        ("hosts", TALKS, False),  # no compound states these
        ("discusses", WITHDRAWAL, False),
        ("meetsWith", TURKEY, False),
    ],
)
def test_checks_hyphen_accepts(relation, target, ok):
    assert hyphen_accepts(relation, target) is ok
