"""Tests for kg.extract.entities: how NER spans and gazetteer matches combine, body patterns."""

from __future__ import annotations

from itertools import pairwise

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc

from kg.extract.entities import body_patterns, merge_entities, word_list

from .docs import blank


def _doc(words: list[str], ents: list[str]) -> Doc:
    return Doc(blank().vocab, words=words, ents=ents)


@pytest.mark.parametrize(
    ("words", "ner", "matches", "expected"),
    [
        # a headline the NER took for one ORG: the gazetteer's place wins
        (["Moscow", "Hosts", "Summit"], ["B-ORG", "I-ORG", "I-ORG"], [(0, 1, "GPE")],
         [("Moscow", "GPE")]),
        # an ORG with an organisation head word keeps its span around a country name
        (["the", "Ministry", "of", "Defense", "of", "Turkey"],
         ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"],
         [(5, 6, "GPE")], [("Ministry of Defense of Turkey", "ORG")]),
        # ... and around a demonym
        (["the", "Turkish", "Armed", "Forces"], ["O", "B-ORG", "I-ORG", "I-ORG"], [(1, 2, "NORP")],
         [("Turkish Armed Forces", "ORG")]),
        # the gazetteer corrects a wrong NER label
        (["Hezbollah", "fired", "rockets"], ["B-PERSON", "O", "O"], [(0, 1, "ORG")],
         [("Hezbollah", "ORG")]),
        # a longer gazetteer match wins over a shorter one inside it
        (["Saudi", "Arabia", "agreed"], ["B-NORP", "O", "O"], [(0, 1, "NORP"), (0, 2, "GPE")],
         [("Saudi Arabia", "GPE")]),
        # NER spans the gazetteer does not touch are kept
        (["Putin", "met", "Erdogan", "in", "Sochi"], ["B-PERSON", "O", "B-PERSON", "O", "O"],
         [(4, 5, "GPE")],
         [("Putin", "PERSON"), ("Erdogan", "PERSON"), ("Sochi", "GPE")]),
        # numbers and dates are never overridden
        (["Independence", "Day", "parade"], ["B-DATE", "I-DATE", "O"], [(0, 1, "LOC")],
         [("Independence Day", "DATE")]),
    ],
)
def test_entities_merge(words, ner, matches, expected):
    doc = _doc(words, ner)
    spans = merge_entities(doc, matches)
    assert [(s.text, s.label_) for s in spans] == expected
    assert all(a.end <= b.start for a, b in pairwise(spans))


def test_entities_merge_does_not_mutate_doc():
    doc = _doc(["Moscow", "Hosts", "Summit"], ["B-ORG", "I-ORG", "I-ORG"])
    merge_entities(doc, [(0, 1, "GPE")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Moscow Hosts Summit", "ORG")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Turkish defense ministry said", [("Turkish defense ministry", "ORG")]),
        ("The Russian Foreign Affairs Ministry", [("Russian Foreign Affairs Ministry", "ORG")]),
        ("a Turkish ministry", [("Turkish ministry", "ORG")]),
        ("on the Iraq-Syria border", [("Iraq-Syria border", "LOC")]),
        ("the Turkish defense official", []),
        ("the ministry", []),
        ("Syria border", []),
    ],
)
def test_entities_body_patterns(text, expected):
    nlp = blank()
    matcher = Matcher(nlp.vocab)
    for i, p in enumerate(body_patterns(["Turkish", "Russian", "South Korean"],
                                        ["Iraq", "Syria", "Saudi Arabia"])):
        matcher.add(f"{p['label']}{i}", [p["pattern"]])
    doc = nlp(text)
    found = []
    for mid, start, end in matcher(doc):
        label = nlp.vocab.strings[mid].rstrip("0123456789")
        found.append((doc[start:end].text, label))
    # the Matcher reports every sub-span; the longest is what the tagger keeps
    longest = sorted(found, key=lambda x: -len(x[0]))[:1]
    assert longest == expected


def test_entities_body_patterns_skip_multiword_names():
    """Patterns are one token per name: "South Korean" and "Saudi Arabia" are left to the \
gazetteer."""
    pats = body_patterns(["Turkish", "South Korean"], ["Syria", "Saudi Arabia"])
    assert "south korean" not in pats[0]["pattern"][0]["LOWER"]["IN"]
    assert "saudi arabia" not in pats[1]["pattern"][0]["LOWER"]["IN"]


@pytest.mark.parametrize(
    ("name", "word"), [("departments.txt", "defense"), ("org_heads.txt", "ministry")]
)
def test_entities_word_list(name, word):
    words = word_list(name)
    assert word in words and all(w == w.lower() and not w.startswith("#") for w in words)
