"""Tests for kg.extract.components.GazetteerTagger: its phrase-matcher path finds exactly
what spaCy's Matcher finds with the same entity-ruler patterns."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc

from kg.extract.components import GazetteerTagger, _phrases

from .docs import blank

PATTERNS = [
    {"label": "GPE", "pattern": [{"LOWER": "turkey", "IS_LOWER": False}]},
    {"label": "NORP", "pattern": [{"LOWER": "turkish", "IS_LOWER": False}]},
    {"label": "GPE", "pattern": [{"LOWER": "republic", "IS_LOWER": False}, {"LOWER": "of"},
                                 {"LOWER": "turkey", "IS_LOWER": False}]},
    {"label": "GPE", "pattern": [{"LOWER": "people", "IS_LOWER": False}, {"LOWER": {"IN": ["'s", "\u2019s"]}},
                                 {"LOWER": "republic", "IS_LOWER": False}, {"LOWER": "of"},
                                 {"LOWER": "china", "IS_LOWER": False}]},
    {"label": "ORG", "pattern": [{"ORTH": "UN"}, {"LOWER": "security", "IS_LOWER": False},
                                 {"LOWER": "council", "IS_LOWER": False}]},
    {"label": "ORG", "pattern": [{"TEXT": "ISIS"}]},
    # a label clash on one span: both are reported, the earlier pattern first
    {"label": "ORG", "pattern": [{"LOWER": "hamas", "IS_LOWER": False}]},
    {"label": "NORP", "pattern": [{"LOWER": "hamas"}]},
    # not a fixed sequence: left to a Matcher
    {"label": "LOC", "pattern": [{"LOWER": {"IN": ["north", "south"]}}, {"ORTH": {"IN": ["-", "\u2013"]}, "OP": "?"},
                                 {"LOWER": "sudan", "IS_LOWER": False}]},
]

TEXTS = [
    "Turkey and the Republic of Turkey met TURKEY",
    "a turkey is not a country , nor is turkish coffee",
    "the People 's Republic of China and the People \u2019s Republic of China",
    "the UN Security Council , the un Security Council , the UN security council",
    "ISIS isis Isis",
    "Hamas said hamas said",
    "North Sudan , North - Sudan , north sudan",
]


def _matcher_spans(doc: Doc) -> set[tuple[int, int, str]]:
    matcher = Matcher(doc.vocab)
    for p in PATTERNS:
        matcher.add(p["label"], [p["pattern"]])
    return {(s, e, doc.vocab.strings[m]) for m, s, e in matcher(doc)}


@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_spacy_matcher(text: str) -> None:
    nlp = blank()
    doc = Doc(nlp.vocab, words=text.split())
    tagger = GazetteerTagger(nlp, PATTERNS)
    found = tagger.matches(doc)
    assert len(found) == len(set(found))
    assert set(found) == _matcher_spans(doc)


def test_clashing_labels_keep_pattern_order() -> None:
    nlp = blank()
    doc = Doc(nlp.vocab, words=["Hamas", "said"])
    assert GazetteerTagger(nlp, PATTERNS).matches(doc) == [(0, 1, "ORG"), (0, 1, "NORP")]


def test_only_patterns_with_operators_fall_back_to_matcher() -> None:
    nlp = blank()
    tagger = GazetteerTagger(nlp, PATTERNS)
    assert len(tagger.tokens) == 1
    assert _phrases(PATTERNS[-1]["pattern"]) is None
    # an IN list expands to one phrase per value
    assert [w for w, _ in _phrases(PATTERNS[3]["pattern"])] == [
        ["people", "'s", "republic", "of", "china"], ["people", "\u2019s", "republic", "of", "china"]]


def test_huge_expansions_fall_back_to_matcher() -> None:
    names = [f"place{i}" for i in range(20)]
    pattern = [{"LOWER": {"IN": names}}, {"ORTH": "-"}, {"LOWER": {"IN": names}}]
    assert _phrases(pattern) is None


def test_string_patterns_match_exact_case() -> None:
    nlp = blank()
    tagger = GazetteerTagger(nlp, [{"label": "GPE", "pattern": "US"}])
    doc = Doc(nlp.vocab, words=["US", "and", "us"])
    assert tagger.matches(doc) == [(0, 1, "GPE")]
