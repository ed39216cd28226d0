"""Tests for kg.extract.lemmas: the sped-up rule lemmatizer gives spaCy's own lemmas."""

from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.lookups import Lookups
from spacy.tokens import Doc

from kg.extract.lemmas import IndexedList, Memoized, speed_up_lemmatizer

# Tables in spaCy's format: rules per POS (suffix -> replacement), word lists per POS, exceptions.
RULES = {"noun": [["s", ""], ["ies", "y"], ["ves", "f"]],
         "verb": [["ed", ""], ["ed", "e"], ["ing", ""], ["s", ""]],
         "adj": [["er", ""], ["est", ""]]}
INDEX = {"noun": ["talk", "city", "leaf", "wolf"], "verb": ["host", "wage", "talk"],
         "adj": ["tall"]}
EXC = {"noun": {"children": ["child"]}, "verb": {"was": ["be"]}}

# words, POS, morphology: every branch of the rules (index hit, out-of-index form, exception,
# base form, no rule for the POS, proper noun), and the same word twice with different POS
WORDS = ["Talks", "cities", "wolves", "waged", "hosted", "hosting", "children", "was", "leaf",
         "tallest", "Ankara", "talks", "zebras", "taller", "quickly", "wage"]
POS = ["NOUN", "NOUN", "NOUN", "VERB", "VERB", "VERB", "NOUN", "VERB", "NOUN", "ADJ",
       "PROPN", "VERB", "NOUN", "ADJ", "ADV", "VERB"]
MORPHS = ["Number=Plur", "Number=Plur", "Number=Plur", "Tense=Past|VerbForm=Fin",
          "Tense=Past|VerbForm=Part", "Aspect=Prog|Tense=Pres|VerbForm=Part", "Number=Plur",
          "Tense=Past|VerbForm=Fin", "Number=Sing", "Degree=Sup", "Number=Sing",
          "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin", "Number=Plur", "Degree=Cmp", "",
          "VerbForm=Inf"]


def _nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    lookups = Lookups()
    lookups.add_table("lemma_rules", RULES)
    lookups.add_table("lemma_index", INDEX)
    lookups.add_table("lemma_exc", EXC)
    nlp.add_pipe("lemmatizer", config={"mode": "rule"}).initialize(lookups=lookups)
    return nlp


def _lemmas(nlp: spacy.language.Language, repeat: int = 2) -> list[list[str]]:
    lemmatizer = nlp.get_pipe("lemmatizer")
    out = []
    for _ in range(repeat):  # a second pass answers from the caches
        doc = Doc(nlp.vocab, words=WORDS, pos=POS, morphs=MORPHS)
        out.append([t.lemma_ for t in lemmatizer(doc)])
    return out


def test_same_lemmas_as_spacy_with_every_rule_branch() -> None:
    stock = _lemmas(_nlp())
    nlp = _nlp()
    assert speed_up_lemmatizer(nlp)
    fast = _lemmas(nlp)
    assert fast == stock
    assert stock[0][:8] == ["talk", "city", "wolf", "wage", "host", "host", "child", "be"]
    assert stock[0][-6:] == ["Ankara", "talk", "zebra", "tall", "quickly", "wage"]


def test_every_form_is_worked_out_once() -> None:
    nlp = _nlp()
    speed_up_lemmatizer(nlp)
    lemmatizer = nlp.get_pipe("lemmatizer")
    calls: list[str] = []
    inner = lemmatizer.lemmatize.lemmatize

    def counting(token):
        calls.append(token.text)
        return inner(token)

    lemmatizer.lemmatize.lemmatize = counting
    _lemmas(nlp, repeat=3)
    # base forms ("leaf", "wage") included: spaCy redoes those
    assert sorted(calls) == sorted(WORDS)


def test_a_full_memo_is_emptied_and_lemmas_stay_the_same() -> None:
    expected = _lemmas(_nlp())
    nlp = _nlp()
    speed_up_lemmatizer(nlp)
    memoized = nlp.get_pipe("lemmatizer").lemmatize
    memoized.MEMO_SIZE = 3
    assert _lemmas(nlp) == expected
    assert 0 < len(memoized.memo) <= 3


def test_word_lists_answer_in_as_lists_do_and_still_serialise() -> None:
    nlp = _nlp()
    speed_up_lemmatizer(nlp)
    lemmatizer = nlp.get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    nouns = index["noun"]
    assert isinstance(nouns, IndexedList) and nouns == INDEX["noun"]
    assert "city" in nouns and "cities" not in nouns and ["city"] not in nouns
    # the component still saves and loads, and pickles (kg's workers fork; others may pickle)
    again = _nlp().get_pipe("lemmatizer").from_bytes(lemmatizer.to_bytes())
    assert list(again.lookups.get_table("lemma_index")["noun"]) == INDEX["noun"]
    copy = pickle.loads(pickle.dumps(lemmatizer))
    assert isinstance(copy.lemmatize, Memoized)


def test_twice_is_harmless_and_other_modes_are_left_alone() -> None:
    nlp = _nlp()
    assert speed_up_lemmatizer(nlp) and speed_up_lemmatizer(nlp)
    lemmatize = nlp.get_pipe("lemmatizer").lemmatize
    assert isinstance(lemmatize, Memoized) and not isinstance(lemmatize.lemmatize, Memoized)
    lookup = spacy.blank("en")
    lookup.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not speed_up_lemmatizer(lookup)
    assert not speed_up_lemmatizer(spacy.blank("en"))


@pytest.fixture(scope="module")
def stock() -> spacy.language.Language:
    """The same model loaded by spaCy alone, once for the module."""
    from kg.pipeline import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)


@pytest.mark.parametrize("seed", range(5))
def test_the_models_lemmas_are_unchanged_on_the_seeds(nlp, stock, seed: int) -> None:
    """End to end: kg's pipeline (sped up) against a stock load of the same model."""
    from ..conftest import SEEDS

    text = sorted(SEEDS.glob("*.txt"))[seed].read_text(encoding="utf-8")
    assert not isinstance(stock.get_pipe("lemmatizer").lemmatize, Memoized)
    ours = nlp.get_pipe("lemmatizer")
    assert isinstance(ours.lemmatize, Memoized)
    with nlp.select_pipes(enable=stock.pipe_names):
        assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in stock(text)]
