"""The token-table helper the rule tests build their Docs with (tests/extract/docs.py)."""

from __future__ import annotations

import pytest

from .docs import doc_for, drop, parse

TABLE = """
i  word    lemma   pos    tag   dep    head  ent
0  Talks   talk    NOUN   NNS   nsubj  1     O
1  ended   end     VERB   VBD   ROOT   1     O
2  .       .       PUNCT  .     punct  1     O
3  Russia  Russia  PROPN  NNP   nsubj  5     B-GPE
4  did     do      AUX    VBD   aux    5     O
5  host    host    VERB   VB    ROOT   5     O
6  US      US      PROPN  NNP   npadvmod 8   B-GPE
7  -       -       PUNCT  HYPH  punct  8     O
8  backed  back    VERB   VBN   amod   9     O
9  talks   talk    NOUN   NNS   dobj   5     O
10 .       .       PUNCT  .     punct  5     O
"""


def test_docs_parse_sets_every_column():
    doc = parse(TABLE)
    assert doc.text == "Talks ended. Russia did host US-backed talks."
    assert [s.text for s in doc.sents] == ["Talks ended.", "Russia did host US-backed talks."]
    t = doc[8]
    assert (t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i) == ("back", "VERB", "VBN", "amod", 9)
    assert [(e.text, e.label_) for e in doc.ents] == [("Russia", "GPE"), ("US", "GPE")]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("0 Talks talk NOUN NNS nsubj 0", "columns"),
        ("1 Talks talk NOUN NNS ROOT 1 O", "should be 0"),
        ("0 Talks talk NOUN NNS ROOT 3 O", "outside the Doc"),
    ],
)
def test_docs_parse_rejects_bad_rows(table, message):
    with pytest.raises(ValueError, match=message):
        parse(table)


def test_docs_doc_for_checks_the_sentence():
    with pytest.raises(ValueError, match="spells"):
        doc_for("Talks end.", TABLE)


def test_docs_drop_renumbers_heads():
    doc = parse(drop(TABLE, 4))
    assert doc.text == "Talks ended. Russia host US-backed talks."
    assert [(t.text, t.head.text) for t in doc[3:5]] == [("Russia", "host"), ("host", "host")]
    with pytest.raises(ValueError, match="heads"):
        drop(TABLE, 5)
