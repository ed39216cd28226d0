"""Tests for kg.extract.components.GazetteerTagger: its phrase-matcher path finds exactly
what spaCy's Matcher finds with the same entity-ruler patterns."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc

from kg.extract.components import GazetteerTagger, _phrases, _RequiredTokens

from .docs import blank

PATTERNS = [
    {"label": "GPE", "pattern": [{"LOWER": "turkey", "IS_LOWER": False}]},
    {"label": "NORP", "pattern": [{"LOWER": "turkish", "IS_LOWER": False}]},
    {"label": "GPE", "pattern": [{"LOWER": "republic", "IS_LOWER": False}, {"LOWER": "of"},
                                 {"LOWER": "turkey", "IS_LOWER": False}]},
    {"label": "GPE", "pattern": [{"LOWER": "people", "IS_LOWER": False},
                                 {"LOWER": {"IN": ["'s", "\u2019s"]}},
                                 {"LOWER": "republic", "IS_LOWER": False}, {"LOWER": "of"},
                                 {"LOWER": "china", "IS_LOWER": False}]},
    {"label": "ORG", "pattern": [{"ORTH": "UN"}, {"LOWER": "security", "IS_LOWER": False},
                                 {"LOWER": "council", "IS_LOWER": False}]},
    {"label": "ORG", "pattern": [{"TEXT": "ISIS"}]},
    # a label clash on one span: both are reported, the earlier pattern first
    {"label": "ORG", "pattern": [{"LOWER": "hamas", "IS_LOWER": False}]},
    {"label": "NORP", "pattern": [{"LOWER": "hamas"}]},
    # not a fixed sequence: left to a Matcher
    {"label": "LOC", "pattern": [{"LOWER": {"IN": ["north", "south"]}},
                                 {"ORTH": {"IN": ["-", "\u2013"]}, "OP": "?"},
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
        ["people", "'s", "republic", "of", "china"],
        ["people", "\u2019s", "republic", "of", "china"]]


def test_huge_expansions_fall_back_to_matcher() -> None:
    names = [f"place{i}" for i in range(20)]
    pattern = [{"LOWER": {"IN": names}}, {"ORTH": "-"}, {"LOWER": {"IN": names}}]
    assert _phrases(pattern) is None


def test_string_patterns_match_exact_case() -> None:
    nlp = blank()
    tagger = GazetteerTagger(nlp, [{"label": "GPE", "pattern": "US"}])
    doc = Doc(nlp.vocab, words=["US", "and", "us"])
    assert tagger.matches(doc) == [(0, 1, "GPE")]


# ------------------------------------------------ the gate before the Matcher

# an optional dash: not a fixed word sequence, so the Matcher's
BORDER = [{"LOWER": {"IN": ["iran", "iraq"]}}, {"ORTH": {"IN": ["-", "\u2013"]}, "OP": "?"},
          {"LOWER": {"IN": ["iran", "iraq"]}}, {"LOWER": "border"}]
LED = [{"TEXT": {"REGEX": r"^U\.N\.-[^\W\d_]+$"}}]
GATE_TEXTS = [
    "the Iran - Iraq border was quiet",
    "Iran and Iraq met ; the border was quiet",  # every word a pattern needs, no match
    "Iran Iraq talks",  # no "border": the Matcher need not run
    "a U.N.-led force and the UN",
    "the UN led force",
    "nothing here",
]


def _gate(patterns: list[list[dict]]) -> tuple[GazetteerTagger, _RequiredTokens]:
    nlp = blank()
    tagger = GazetteerTagger(nlp, [{"label": "LOC", "pattern": p} for p in patterns])
    return tagger, tagger.required


@pytest.mark.parametrize("text", GATE_TEXTS)
def test_gate_never_hides_a_match(text: str) -> None:
    tagger, gate = _gate([BORDER, LED])
    doc = Doc(tagger.tokens.vocab, words=text.split())
    strings = doc.vocab.strings
    matcher_found = {(start, end, strings[key]) for key, start, end in tagger.tokens(doc)}
    if matcher_found:
        assert gate.may_match(doc)
    assert set(tagger.matches(doc)) == matcher_found


def test_gate_skips_documents_without_a_required_word() -> None:
    tagger, gate = _gate([BORDER, LED])
    words = {
        text: gate.may_match(Doc(tagger.tokens.vocab, words=text.split())) for text in GATE_TEXTS
    }
    assert words == {
        "the Iran - Iraq border was quiet": True,
        "Iran and Iraq met ; the border was quiet": True,  # a needless yes is allowed
        "Iran Iraq talks": False,
        "a U.N.-led force and the UN": True,
        "the UN led force": False,
        "nothing here": False,
    }


def test_gate_does_not_check_optional_negated_or_unknown_tokens() -> None:
    optional = [{"LOWER": "north", "OP": "?"}, {"LOWER": "sudan"}]
    negated = [{"LOWER": "not", "OP": "!"}, {"LOWER": "sudan"}]
    shaped = [{"SHAPE": "Xxxxx"}, {"LOWER": "sudan"}]
    tagger, gate = _gate([optional, negated, shaped])
    assert [[attr for attr, _ in tests] for tests in gate.patterns] == [["LOWER"]] * 3
    assert gate.may_match(Doc(tagger.tokens.vocab, words=["Sudan"]))
    assert not gate.may_match(Doc(tagger.tokens.vocab, words=["North"]))


@pytest.mark.parametrize("regex", [r"\bU\.N\.", r"(?<=x)U\.N\.", r"^U\.N\.$|^UN$", r"U\.N\.\Z"])
def test_gate_ignores_regexes_that_depend_on_their_surroundings(regex: str) -> None:
    """Anchors or lookarounds inside an expression mean something else in the whole text: not \
checked."""
    tagger, gate = _gate([[{"TEXT": {"REGEX": regex}}]])
    assert gate.patterns == [[]]
    assert gate.may_match(Doc(tagger.tokens.vocab, words=["nothing"]))


def test_gate_with_a_lone_anchored_regex_checks_the_text() -> None:
    _tagger, gate = _gate([LED])
    assert [attr for attr, _ in gate.patterns[0]] == ["REGEX"]
    assert gate.patterns[0][0][1].pattern == r"U\.N\.-[^\W\d_]+"
