"""Mention phase on hand-built Docs: where a capital is a place, which ORGs are title fragments.

Every Doc is the parse ``en_core_web_sm`` gives for the sentence (see :mod:`tests.extract.docs`);
entity tags are those after the gazetteer tagger where it changes them (noted).
"""

from __future__ import annotations

import pytest

from .docs import case, run

ACTING = [
    case(
        "A special group has left Moscow by plane.",
        """
            0  A          a          DET   DT    det        2   O
            1  special    special    ADJ   JJ    amod       2   O
            2  group      group      NOUN  NN    nsubj      4   O
            3  has        have       AUX   VBZ   aux        4   O
            4  left       leave      VERB  VBN   ROOT       4   O
            5  Moscow     Moscow     PROPN NNP   dobj       4   B-GPE
            6  by         by         ADP   IN    prep       4   O
            7  plane      plane      NOUN  NN    pobj       6   O
            8  .          .          PUNCT .     punct      4   O
        """,
        # the object of a motion verb is a place, not the state
        [("Moscow", "GPE", False)],
    ),
    case(
        "Moscow said it would not back down.",
        """
            0  Moscow     Moscow     PROPN NNP   nsubj      1   B-GPE
            1  said       say        VERB  VBD   ROOT       1   O
            2  it         it         PRON  PRP   nsubj      5   O
            3  would      would      AUX   MD    aux        5   O
            4  not        not        PART  RB    neg        5   O
            5  back       back       VERB  VB    ccomp      1   O
            6  down       down       ADV   RB    prt        5   O
            7  .          .          PUNCT .     punct      1   O
        """,
        # a capital as the subject speaks for its state
        [("Moscow", "GPE", True)],
    ),
    case(
        "He took part in the Moscow Tchaikovsky Competition.",
        """
            0  He          he          PRON  PRP   nsubj      1   O
            1  took        take        VERB  VBD   ROOT       1   O
            2  part        part        NOUN  NN    dobj       1   O
            3  in          in          ADP   IN    prep       1   O
            4  the         the         DET   DT    det        7   O
            5  Moscow      Moscow      PROPN NNP   compound   7   B-GPE
            6  Tchaikovsky Tchaikovsky PROPN NNP   compound   7   O
            7  Competition Competition PROPN NNP   pobj       3   O
            8  .           .           PUNCT .     punct      1   O
        """,
        # the gazetteer's GPE replaces the NER's ORG "the Moscow Tchaikovsky Competition";
        # a place naming a thing that is no actor noun is a place
        [("Moscow", "GPE", False)],
    ),
    case(
        "The Moscow government agreed.",
        """
            0  The        the        DET   DT    det        2   O
            1  Moscow     Moscow     PROPN NNP   compound   2   B-GPE
            2  government government NOUN  NN    nsubj      3   O
            3  agreed     agree      VERB  VBD   ROOT       3   O
            4  .          .          PUNCT .     punct      3   O
        """,
        # ... but before an actor noun it stands for the state
        [("Moscow", "GPE", True)],
    ),
    case(
        "Bosnia's capital, Sarajevo, is known.",
        """
            0  Bosnia     Bosnia     PROPN NNP   poss       2   B-GPE
            1  's         's         PART  POS   case       0   O
            2  capital    capital    NOUN  NN    nsubjpass  7   O
            3  ,          ,          PUNCT ,     punct      2   O
            4  Sarajevo   Sarajevo   PROPN NNP   appos      2   B-GPE
            5  ,          ,          PUNCT ,     punct      2   O
            6  is         be         AUX   VBZ   auxpass    7   O
            7  known      know       VERB  VBN   ROOT       7   O
            8  .          .          PUNCT .     punct      7   O
        """,
        # apposed to "capital": the city; owning a place noun, the country is a place too
        [("Bosnia", "GPE", False), ("Sarajevo", "GPE", False)],
    ),
    case(
        "BANGKOK, Thailand (AP)",
        """
            0  BANGKOK    BANGKOK    PROPN NNP   ROOT       0   B-GPE
            1  ,          ,          PUNCT ,     punct      0   O
            2  Thailand   Thailand   PROPN NNP   conj       0   B-GPE
            3  (          (          PUNCT -LRB- punct      2   O
            4  AP         AP         PROPN NNP   appos      2   B-ORG
            5  )          )          PUNCT -RRB- punct      0   O
        """,
        # a verbless dateline names places (BANGKOK is tagged by the gazetteer)
        [("BANGKOK", "GPE", False), ("Thailand", "GPE", False), ("AP", "ORG", True)],
    ),
    case(
        "They gathered in Beijing's Tiananmen Square.",
        """
            0  They       they       PRON  PRP   nsubj      1   O
            1  gathered   gather     VERB  VBD   ROOT       1   O
            2  in         in         ADP   IN    prep       1   O
            3  Beijing    Beijing    PROPN NNP   poss       6   B-GPE
            4  's         's         PART  POS   case       3   O
            5  Tiananmen  Tiananmen  PROPN NNP   compound   6   B-FAC
            6  Square     Square     PROPN NNP   pobj       2   I-FAC
            7  .          .          PUNCT .     punct      1   O
        """,
        # owning a place: the city
        [("Beijing", "GPE", False), ("Tiananmen Square", "FAC", False)],
    ),
    case(
        "The town lies south of Baghdad.",
        """
            0  The        the        DET   DT    det        1   O
            1  town       town       NOUN  NN    nsubj      2   O
            2  lies       lie        VERB  VBZ   ROOT       2   O
            3  south      south      ADV   RB    advmod     2   O
            4  of         of         ADP   IN    prep       3   O
            5  Baghdad    Baghdad    PROPN NNP   pobj       4   B-GPE
            6  .          .          PUNCT .     punct      2   O
        """,
        [("Baghdad", "GPE", False)],
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), ACTING)
def test_mentions_capital_acts_only_where_syntax_says(sentence, table, expected, only):
    ex = run(sentence, table)
    assert [(m.text, m.label, m.acting) for m in ex.mentions] == expected


FRAGMENTS = [
    case(
        "Fred Farrar, another FAA spokesman, said so.",
        """
            0  Fred       Fred       PROPN NNP   compound   1   B-PERSON
            1  Farrar     Farrar     PROPN NNP   nsubj      7   I-PERSON
            2  ,          ,          PUNCT ,     punct      1   O
            3  another    another    DET   DT    det        5   O
            4  FAA        FAA        PROPN NNP   compound   5   B-ORG
            5  spokesman  spokesman  NOUN  NN    appos      1   O
            6  ,          ,          PUNCT ,     punct      1   O
            7  said       say        VERB  VBD   ROOT       7   O
            8  so         so         ADV   RB    advmod     7   O
            9  .          .          PUNCT .     punct      7   O
        """,
        [("Fred Farrar", "PERSON"), ("FAA", "ORG")],
    ),
    case(
        "Khmer Rouge leader Khieu Samphan left.",
        """
            0  Khmer      Khmer      PROPN NNP   compound   1   B-ORG
            1  Rouge      Rouge      PROPN NNP   compound   2   I-ORG
            2  leader     leader     NOUN  NN    compound   4   O
            3  Khieu      Khieu      PROPN NNP   compound   4   B-PERSON
            4  Samphan    Samphan    PROPN NNP   nsubj      5   I-PERSON
            5  left       leave      VERB  VBD   ROOT       5   O
            6  .          .          PUNCT .     punct      5   O
        """,
        [("Khmer Rouge", "ORG"), ("Khieu Samphan", "PERSON")],
    ),
    case(
        "Russian Defense Minister Sergei Shoigu left.",
        """
            0  Russian  russian  ADJ   JJ    amod       2   B-NORP
            1  Defense  Defense  PROPN NNP   compound   2   B-ORG
            2  Minister Minister PROPN NNP   compound   4   O
            3  Sergei   Sergei   PROPN NNP   compound   4   B-PERSON
            4  Shoigu   Shoigu   PROPN NNP   nsubj      5   I-PERSON
            5  left     leave    VERB  VBD   ROOT       5   O
            6  .        .        PUNCT .     punct      5   O
        """,
        # a portfolio word inside a title is no organisation
        [("Russian", "NORP"), ("Sergei Shoigu", "PERSON")],
    ),
    case(
        "On January 28, Rear Admiral Hamzeh Ali Kaviani said so.",
        """
            0  On         on         ADP   IN    prep       9   O
            1  January    January    PROPN NNP   pobj       0   B-DATE
            2  28         28         NUM   CD    nummod     1   I-DATE
            3  ,          ,          PUNCT ,     punct      9   O
            4  Rear       Rear       PROPN NNP   compound   5   B-ORG
            5  Admiral    Admiral    PROPN NNP   compound   8   I-ORG
            6  Hamzeh     Hamzeh     PROPN NNP   compound   8   B-PERSON
            7  Ali        Ali        PROPN NNP   compound   8   I-PERSON
            8  Kaviani    Kaviani    PROPN NNP   nsubj      9   I-PERSON
            9  said       say        VERB  VBD   ROOT       9   O
            10 so         so         ADV   RB    advmod     9   O
            11 .          .          PUNCT .     punct      9   O
        """,
        # a rank the NER took for an ORG is no organisation
        [("Hamzeh Ali Kaviani", "PERSON")],
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), FRAGMENTS)
def test_mentions_title_fragment_only_portfolio_words(sentence, table, expected, only):
    ex = run(sentence, table)
    assert [(m.text, m.label) for m in ex.mentions] == expected
