"""Places read by CoNLL04-style constructions: "Zambia's Kafue River", "in nearby Gainesville".

Token tables are the parses kg's pipeline gives.
"""

from __future__ import annotations

import pytest

from .docs import facts, run_rule

KAFUE = (
    "Crocodiles in Zambia's Kafue River ate five people.",
    """
        0  Crocodiles     crocodile      NOUN  NNS   nsubj     6   O
        1  in             in             ADP   IN    prep      0   O
        2  Zambia         Zambia         PROPN NNP   poss      5   B-GPE
        3  's             's             PART  POS   case      2   O
        4  Kafue          Kafue          PROPN NNP   compound  5   B-LOC
        5  River          River          PROPN NNP   pobj      1   I-LOC
        6  ate            eat            VERB  VBD   ROOT      6   O
        7  five           five           NUM   CD    nummod    8   B-CARDINAL
        8  people         people         NOUN  NNS   dobj      6   O
        9  .              .              PUNCT .     punct     6   O
    """,
)
FLEET = (
    "Russia's Black Sea Fleet sailed.",
    """
        0  Russia         Russia         PROPN NNP   poss      4   B-GPE
        1  's             's             PART  POS   case      0   O
        2  Black          Black          PROPN NNP   compound  4   B-LOC
        3  Sea            Sea            PROPN NNP   compound  4   I-LOC
        4  Fleet          Fleet          PROPN NNP   nsubj     5   O
        5  sailed         sail           VERB  VBD   ROOT      5   O
        6  .              .              PUNCT .     punct     5   O
    """,
)
GAINESVILLE = (
    "Tanya died at Shands Hospital in nearby Gainesville.",
    """
        0  Tanya          Tanya          PROPN NNP   nsubj     1   B-GPE
        1  died           die            VERB  VBD   ROOT      1   O
        2  at             at             ADP   IN    prep      1   O
        3  Shands         Shands         PROPN NNP   compound  4   B-ORG
        4  Hospital       Hospital       PROPN NNP   pobj      2   I-ORG
        5  in             in             ADP   IN    prep      1   O
        6  nearby         nearby         ADJ   JJ    amod      7   O
        7  Gainesville    Gainesville    PROPN NNP   pobj      5   B-GPE
        8  .              .              PUNCT .     punct     1   O
    """,
)

CASES = [
    ("located:poss", KAFUE, {("Kafue River", "locatedIn", "Zambia")}),
    ("located:poss", FLEET, set()),  # the fleet is Russia's; the sea is not said to be
    ("geo:region-in", GAINESVILLE, {("Shands Hospital", "locatedIn", "Gainesville")}),
]


@pytest.mark.parametrize(("rule_id", "case", "expected"), CASES,
                         ids=[f"{c[0]}: {c[1][0]}" for c in CASES])
def test_place(rule_id, case, expected):
    found = run_rule(rule_id, *case)
    assert facts(found) == expected
    assert all(not c.subject.acting and not c.object.acting for c in found)
