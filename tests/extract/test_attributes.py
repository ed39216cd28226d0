"""Tests for kg.extract.attributes: the attribute ruler's matches found by array
operations equal spaCy's own (its Matcher), pattern kind by pattern kind."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from kg.extract.attributes import LookupMatcher, speed_up_attribute_ruler

PATTERNS = [
    # a tag map entry
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "VERB"}},
    # a word with a tag, overriding the entry above (later patterns win)
    {"patterns": [[{"TAG": "VBZ", "LOWER": "is"}]], "attrs": {"POS": "AUX"}},
    # sets and exclusions
    {"patterns": [[{"TAG": "RB", "LOWER": {"IN": ["not", "n't"]}}]], "attrs": {"POS": "PART"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]],
     "attrs": {"POS": "AUX"}},
    # a regular expression
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    # two tokens, the attributes set on the second
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], "attrs": {"POS": "VERB"},
     "index": 1},
    # spaces
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    # an operator: left to a Matcher
    {"patterns": [[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], "attrs": {"POS": "ADV"}},
]

DOCS = [
    # words, tags, deps (heads all point at token 0 except itself)
    ("there is nothin' here", ["EX", "VBZ", "NN", "RB"], ["expl", "ROOT", "attr", "advmod"]),
    ("it is not gon na rain", ["PRP", "VBZ", "RB", "VBG", "TO", "VB"],
     ["nsubj", "ROOT", "neg", "aux", "aux", "xcomp"]),
    ("she has n't seen very very tall trees", ["PRP", "VBZ", "RB", "VBN", "RB", "RB", "JJ", "NNS"],
     ["nsubj", "aux", "neg", "ROOT", "advmod", "advmod", "amod", "dobj"]),
    ("nuthin' was NOT said", ["NN", "VBD", "RB", "VBN"], ["nsubjpass", "auxpass", "neg", "ROOT"]),
    ("x", ["NN"], ["ROOT"]),
    # two-token patterns back to back, and one cut off by the end of the doc
    ("gon na gon na gon", ["VBG", "TO", "VBG", "TO", "VBG"], ["ROOT", "aux", "dep", "aux", "dep"]),
    ("there is there", ["EX", "VBZ", "EX"], ["expl", "ROOT", "expl"]),
]


def _ruler() -> tuple[spacy.language.Language, AttributeRuler]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(PATTERNS)
    return nlp, ruler


def _doc(nlp: spacy.language.Language, text: str, tags: list[str], deps: list[str]) -> Doc:
    words = text.split(" ")
    root = deps.index("ROOT")
    heads = [root] * len(words)
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


@pytest.mark.parametrize(("text", "tags", "deps"), DOCS)
def test_same_matches_as_the_ruler(text: str, tags: list[str], deps: list[str]) -> None:
    nlp, ruler = _ruler()
    doc = _doc(nlp, text, tags, deps)
    assert LookupMatcher(ruler)(doc) == ruler.match(doc)


def test_every_kind_but_operators_is_evaluated_without_matcher() -> None:
    _, ruler = _ruler()
    fast = LookupMatcher(ruler)
    assert len(fast.rest) == 1
    assert len(fast.patterns) == len(PATTERNS) - 1


@pytest.mark.parametrize(("text", "tags", "deps"), DOCS)
def test_annotations_unchanged(text: str, tags: list[str], deps: list[str]) -> None:
    nlp, ruler = _ruler()
    expected = ruler(_doc(nlp, text, tags, deps))
    assert speed_up_attribute_ruler(nlp)
    got = nlp.get_pipe("attribute_ruler")(_doc(nlp, text, tags, deps))
    for a, b in zip(expected, got, strict=True):
        assert (a.pos_, a.tag_, a.lemma_, str(a.morph)) == (b.pos_, b.tag_, b.lemma_, str(b.morph))
    # the regex, the two-token pattern and the override all took effect
    if "nothin'" in text:
        assert got[2].lemma_ == "nothing"
    pairs = [i + 1 for i in range(len(got) - 1) if (got[i].text, got[i + 1].text) == ("gon", "na")]
    assert all(got[i].lemma_ == "to" for i in pairs)
    assert bool(pairs) == ("gon na" in text)
    if text.startswith("it is"):
        assert got[1].pos_ == "AUX"


def test_a_full_memo_is_emptied_and_matches_stay_the_same() -> None:
    nlp, ruler = _ruler()
    fast = LookupMatcher(ruler)
    fast.MEMO_SIZE = 3
    for text, tags, deps in DOCS:
        doc = _doc(nlp, text, tags, deps)
        assert fast(doc) == ruler.match(doc)
        assert len(fast.memo) <= 3
    assert fast.memo  # it was used


def test_empty_doc() -> None:
    nlp, ruler = _ruler()
    assert LookupMatcher(ruler)(Doc(nlp.vocab, words=[])) == []


@pytest.mark.model
def test_installed_model_matches_are_unchanged_on_the_seeds() -> None:
    """The shipped model's 179 patterns, on real text: the same matches as its Matcher."""
    from pathlib import Path

    from kg.ingest import load_articles
    from kg.pipeline import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    ruler = nlp.get_pipe("attribute_ruler")
    fast = LookupMatcher(ruler)
    assert not len(fast.rest)  # every pattern of the model is evaluated without a Matcher
    texts = [a.text for a in load_articles([Path(__file__).parents[2] / "seeds"])]
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(nlp.pipe(texts))
    assert sum(len(d) for d in docs) > 3000
    for doc in docs:
        assert fast(doc) == ruler.match(doc)
