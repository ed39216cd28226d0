"""Tests for kg.extract.entities: unit names, proper collectives and split person names."""

from __future__ import annotations

from itertools import pairwise

import pytest
from spacy.tokens import Doc

from kg.extract.entities import merge_entities

from .docs import blank


def _doc(words: list[str], ents: list[str]) -> Doc:
    return Doc(blank().vocab, words=words, ents=ents)


def _spans(words: list[str], ner: list[str], matches=()) -> list[tuple[str, str]]:
    spans = merge_entities(_doc(words, ner), list(matches))
    assert all(a.end <= b.start for a, b in pairwise(spans))
    return [(s.text, s.label_) for s in spans]


@pytest.mark.parametrize(
    ("words", "ner", "expected"),
    [
        # the NER left the ordinal out: the unit name starts with it
        (["the", "407th", "Air", "Expeditionary", "Group", "left"],
         ["O", "B-ORDINAL", "B-ORG", "I-ORG", "I-ORG", "O"],
         [("407th Air Expeditionary Group", "ORG")]),
        # no NER span at all: the ordinal and the unit head noun make the name
        (["from", "3rd", "Battalion", ",", "321st", "Field", "Artillery", "Regiment"],
         ["O", "B-ORDINAL", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"],
         [("3rd Battalion", "ORG"), ("321st Field Artillery Regiment", "ORG")]),
        # a unit the NER took for a person
        (["Soldiers", "of", "Abel", "Battery", "fired"], ["O", "O", "B-PERSON", "I-PERSON", "O"],
         [("Abel Battery", "ORG")]),
        # an ORG right after an ordinal starts with it
        (["the", "5th", "U.S.", "Circuit", "Court", "of", "Appeals", "ruled"],
         ["O", "B-ORDINAL", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"],
         [("5th U.S. Circuit Court of Appeals", "ORG")]),
        # an ordinal before common nouns, or before capitals without a unit head, is no unit
        (["the", "5th", "battalion", "left"], ["O", "B-ORDINAL", "O", "O"],
         [("5th", "ORDINAL")]),
        (["the", "2nd", "Annual", "Meeting"], ["O", "B-ORDINAL", "O", "O"],
         [("2nd", "ORDINAL")]),
        # a person whose surname is no unit head stays a person
        (["Albert", "Connelly", "fired"], ["B-PERSON", "I-PERSON", "O"],
         [("Albert Connelly", "PERSON")]),
    ],
)
def test_entities_unit_names(words, ner, expected):
    assert _spans(words, ner) == expected


@pytest.mark.parametrize(
    ("words", "ner", "expected"),
    [
        # written capitalised inside a sentence, "Coalition" names one body, there and
        # at a sentence start
        (["Coalition", "forces", "struck", ".", "The", "Coalition", "said", "so", "."],
         ["O"] * 9, [("Coalition", "ORG"), ("Coalition", "ORG")]),
        # never capitalised inside a sentence: a sentence-initial "Coalition" is a word
        (["Coalition", "talks", "failed", "."], ["O"] * 4, []),
        # lower case: a common noun
        (["the", "coalition", "said", "so"], ["O"] * 4, []),
        # inside a longer name the name is kept
        (["the", "Syrian", "Arab", "Coalition", "said"], ["O", "B-ORG", "I-ORG", "I-ORG", "O"],
         [("Syrian Arab Coalition", "ORG")]),
    ],
)
def test_entities_proper_collectives(words, ner, expected):
    doc = _doc(words, ner)
    if words[0] == "Coalition":
        for i, w in enumerate(words):
            doc[i].is_sent_start = i == 0 or words[i - 1] == "."
    spans = merge_entities(doc, [])
    assert [(s.text, s.label_) for s in spans] == expected


@pytest.mark.parametrize(
    ("words", "ner", "matches", "expected"),
    [
        # a given name the NER took for a place, before a one-word PERSON: one person
        (["Suzan", "Fraser", "contributed"], ["B-GPE", "B-PERSON", "O"], [],
         [("Suzan Fraser", "PERSON")]),
        # a gazetteer name before a surname is not joined
        (["Turkey", "Erdogan", "said"], ["B-GPE", "B-PERSON", "O"], [(0, 1, "GPE")],
         [("Turkey", "GPE"), ("Erdogan", "PERSON")]),
        # an acronym or an organisation head word is not a given name
        (["NATO", "Stoltenberg", "said"], ["B-ORG", "B-PERSON", "O"], [],
         [("NATO", "ORG"), ("Stoltenberg", "PERSON")]),
        (["Navy", "Kuznetsov", "said"], ["B-ORG", "B-PERSON", "O"], [],
         [("Navy", "ORG"), ("Kuznetsov", "PERSON")]),
        # a full name after the place is no split surname
        (["Ankara", "Recep", "Erdogan"], ["B-GPE", "B-PERSON", "I-PERSON"], [],
         [("Ankara", "GPE"), ("Recep Erdogan", "PERSON")]),
    ],
)
def test_entities_split_person_names(words, ner, matches, expected):
    assert _spans(words, ner, matches) == expected


@pytest.mark.parametrize(
    ("words", "pos", "heads", "deps", "ner", "expected"),
    [
        # the NER left the given name out: a capitalised proper noun compounding the surname
        (["Suzan", "Fraser", "contributed"], ["PROPN", "PROPN", "VERB"], [1, 2, 2],
         ["compound", "nsubj", "ROOT"], ["O", "B-PERSON", "O"], [("Suzan Fraser", "PERSON")]),
        # a title before the surname stays out of the name
        (["President", "Assad", "agreed"], ["PROPN", "PROPN", "VERB"], [1, 2, 2],
         ["compound", "nsubj", "ROOT"], ["O", "B-PERSON", "O"], [("Assad", "PERSON")]),
        # so does an organisation head word
        (["Army", "Smith", "agreed"], ["PROPN", "PROPN", "VERB"], [1, 2, 2],
         ["compound", "nsubj", "ROOT"], ["O", "B-PERSON", "O"], [("Smith", "PERSON")]),
    ],
)
def test_entities_given_name_joins_surname(words, pos, heads, deps, ner, expected):
    doc = Doc(blank().vocab, words=words, pos=pos, heads=heads, deps=deps, ents=ner)
    assert [(s.text, s.label_) for s in merge_entities(doc, [])] == expected


@pytest.mark.parametrize(
    ("words", "pos", "expected"),
    [
        # a capitalised "Near" opening a sentence fronts a place the NER missed
        (["Near", "Al", "Huwayjah", ",", "one", "strike", "hit"],
         ["PROPN", "PROPN", "PROPN", "PUNCT", "NUM", "NOUN", "VERB"], [("Al Huwayjah", "GPE")]),
        # no comma after the capitalised words: no fronted place
        (["Near", "East", "Studies", "grew"], ["PROPN", "PROPN", "PROPN", "VERB"], []),
        # other prepositions front no place ("In Short, ...")
        (["In", "Short", ",", "it", "works"], ["ADP", "PROPN", "PUNCT", "PRON", "VERB"], []),
    ],
)
def test_entities_fronted_place(words, pos, expected):
    doc = Doc(blank().vocab, words=words, pos=pos, ents=["O"] * len(words))
    assert [(s.text, s.label_) for s in merge_entities(doc, [])] == expected


def test_entities_fronted_place_out_of_ner_person():
    """The NER's PERSON "Near Bayji" is the place "Bayji"."""
    words = ["Near", "Bayji", ",", "one", "strike", "hit"]
    pos = ["PROPN", "PROPN", "PUNCT", "NUM", "NOUN", "VERB"]
    ents = ["B-PERSON", "I-PERSON", "O", "B-CARDINAL", "O", "O"]
    doc = Doc(blank().vocab, words=words, pos=pos, ents=ents)
    assert [(s.text, s.label_) for s in merge_entities(doc, [])] == [
        ("Bayji", "GPE"), ("one", "CARDINAL")]



@pytest.mark.parametrize(
    ("words", "pos", "heads", "deps", "lemmas", "ner", "expected"),
    [
        # an apposed age: a person
        (["Jacobs", ",", "20", ",", "was", "charged"],
         ["PROPN", "PUNCT", "NUM", "PUNCT", "AUX", "VERB"], [5, 0, 0, 0, 5, 5],
         ["nsubjpass", "punct", "appos", "punct", "auxpass", "ROOT"],
         ["Jacobs", ",", "20", ",", "be", "charge"],
         ["B-ORG", "O", "B-DATE", "O", "O", "O"], [("Jacobs", "PERSON"), ("20", "DATE")]),
        # a "who" relative: a person
        (["Campbell", ",", "who", "went", ",", "asked"],
         ["PROPN", "PUNCT", "PRON", "VERB", "PUNCT", "VERB"], [5, 0, 3, 0, 0, 5],
         ["nsubj", "punct", "nsubj", "relcl", "punct", "ROOT"],
         ["Campbell", ",", "who", "go", ",", "ask"],
         ["B-ORG", "O", "O", "O", "O", "O"], [("Campbell", "PERSON")]),
        # the object of a verb of killing: a person
        (["Booth", "shot", "Lincoln"], ["PROPN", "VERB", "PROPN"], [1, 1, 1],
         ["nsubj", "ROOT", "dobj"], ["Booth", "shoot", "Lincoln"],
         ["B-PERSON", "O", "B-ORG"], [("Booth", "PERSON"), ("Lincoln", "PERSON")]),
        # "which", an acronym, an organisation head word: no person
        (["Amtrak", ",", "which", "went", ",", "asked"],
         ["PROPN", "PUNCT", "PRON", "VERB", "PUNCT", "VERB"], [5, 0, 3, 0, 0, 5],
         ["nsubj", "punct", "nsubj", "relcl", "punct", "ROOT"],
         ["Amtrak", ",", "which", "go", ",", "ask"],
         ["B-ORG", "O", "O", "O", "O", "O"], [("Amtrak", "ORG")]),
        (["NATO", ",", "who", "went", ",", "asked"],
         ["PROPN", "PUNCT", "PRON", "VERB", "PUNCT", "VERB"], [5, 0, 3, 0, 0, 5],
         ["nsubj", "punct", "nsubj", "relcl", "punct", "ROOT"],
         ["NATO", ",", "who", "go", ",", "ask"],
         ["B-ORG", "O", "O", "O", "O", "O"], [("NATO", "ORG")]),
        (["Rebels", "shot", "Ocean", "Bank"], ["NOUN", "VERB", "PROPN", "PROPN"], [1, 1, 3, 1],
         ["nsubj", "ROOT", "compound", "dobj"], ["rebel", "shoot", "Ocean", "Bank"],
         ["O", "O", "B-ORG", "I-ORG"], [("Ocean Bank", "ORG")]),
    ],
)
def test_entities_person_by_context(words, pos, heads, deps, lemmas, ner, expected):
    doc = Doc(blank().vocab, words=words, pos=pos, heads=heads, deps=deps, lemmas=lemmas,
              ents=ner)
    assert [(s.text, s.label_) for s in merge_entities(doc, [])] == expected


@pytest.mark.parametrize(
    ("words", "ner", "expected"),
    [
        # the NER's PERSON "Navy Capt" is the service and a rank: the service is an ORG
        (["by", "Navy", "Capt", ".", "Jeff", "Davis"], ["O", "B-PERSON", "I-PERSON", "O",
                                                        "B-PERSON", "I-PERSON"],
         [("Navy", "ORG"), ("Jeff Davis", "PERSON")]),
        # a rank after other words: no entity at all
        (["Pentagon", "director", "Smith", "Capt", "."], ["O", "O", "B-PERSON", "I-PERSON", "O"],
         []),
    ],
)
def test_entities_person_span_ending_in_rank(words, ner, expected):
    assert _spans(words, ner) == expected
