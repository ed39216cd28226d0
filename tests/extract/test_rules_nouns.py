"""Relational, mutual and effort nouns, and prerequisites, on hand-built Docs.

Every Doc is the parse ``en_core_web_sm`` gives for the sentence, written down by
hand (see :mod:`tests.extract.docs`); corrections are noted where made.
"""

from __future__ import annotations

import pytest

from .docs import case, run, triples

RELATIONAL = [
    case(
        "Russia's support for Assad is firm.",
        """
            0  Russia  Russia  PROPN NNP   poss       2   B-GPE
            1  's      's      PART  POS   case       0   O
            2  support support NOUN  NN    nsubj      5   O
            3  for     for     ADP   IN    prep       2   O
            4  Assad   Assad   PROPN NNP   pobj       3   B-PERSON
            5  is      be      AUX   VBZ   ROOT       5   O
            6  firm    firm    ADJ   JJ    acomp      5   O
            7  .       .       PUNCT .     punct      5   O
        """,
        {("Russia", "supports", "Assad")},
    ),
    case(
        "Syria's demand for a withdrawal was rejected.",
        """
            0  Syria      Syria      PROPN NNP   poss       2   B-GPE
            1  's         's         PART  POS   case       0   O
            2  demand     demand     NOUN  NN    nsubjpass  7   O
            3  for        for        ADP   IN    prep       2   O
            4  a          a          DET   DT    det        5   O
            5  withdrawal withdrawal NOUN  NN    pobj       3   O
            6  was        be         AUX   VBD   auxpass    7   O
            7  rejected   reject     VERB  VBN   ROOT       7   O
            8  .          .          PUNCT .     punct      7   O
        """,
        {("Syria", "demands", "Withdrawal")},
    ),
    case(
        "Turkey's cooperation with Iran grew.",
        """
            0  Turkey      Turkey      PROPN NNP   poss       2   B-GPE
            1  's          's          PART  POS   case       0   O
            2  cooperation cooperation NOUN  NN    nsubj      5   O
            3  with        with        ADP   IN    prep       2   O
            4  Iran        Iran        PROPN NNP   pobj       3   B-GPE
            5  grew        grow        VERB  VBD   ROOT       5   O
            6  .           .           PUNCT .     punct      5   O
        """,
        {("Turkey", "cooperatesWith", "Iran")},
    ),
    case(
        "Turkey has a military presence in Iraq.",
        """
            0  Turkey   Turkey   PROPN NNP   nsubj      1   B-GPE
            1  has      have     VERB  VBZ   ROOT       1   O
            2  a        a        DET   DT    det        4   O
            3  military military ADJ   JJ    amod       4   O
            4  presence presence NOUN  NN    dobj       1   O
            5  in       in       ADP   IN    prep       4   O
            6  Iraq     Iraq     PROPN NNP   pobj       5   B-GPE
            7  .        .        PUNCT .     punct      1   O
        """,
        {("Turkey", "occupies", "Iraq")},
    ),
    case(
        "Turkey has de facto control over large swaths of northwestern Syria.",
        """
            0  Turkey       Turkey       PROPN NNP   nsubj      1   B-GPE
            1  has          have         VERB  VBZ   ROOT       1   O
            2  de           de           X     FW    advmod     4   O
            3  facto        facto        X     FW    amod       4   O
            4  control      control      NOUN  NN    dobj       1   O
            5  over         over         ADP   IN    prep       4   O
            6  large        large        ADJ   JJ    amod       7   O
            7  swaths       swath        NOUN  NNS   pobj       5   O
            8  of           of           ADP   IN    prep       7   O
            9  northwestern northwestern ADJ   JJ    amod       10  O
            10 Syria        Syria        PROPN NNP   pobj       8   B-GPE
            11 .            .            PUNCT .     punct      1   O
        """,
        {("Turkey", "occupies", "Syria")},
    ),
    case(
        "The SDF has been under Turkish threat.",
        """
            0  The     the     DET   DT    det        1   O
            1  SDF     SDF     PROPN NNP   nsubj      3   B-ORG
            2  has     have    AUX   VBZ   aux        3   O
            3  been    be      AUX   VBN   ROOT       3   O
            4  under   under   ADP   IN    prep       3   O
            5  Turkish turkish ADJ   JJ    amod       6   B-NORP
            6  threat  threat  NOUN  NN    pobj       4   O
            7  .       .       PUNCT .     punct      3   O
        """,
        {("Turkish", "opposes", "SDF")},
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), RELATIONAL)
def test_rules_nouns_relational(sentence, table, expected, only):
    """The noun's possessor, demonym or light-verb subject is the agent; its preposition gives \
the object."""
    ex = run(sentence, table)
    assert triples(ex, predicates=only) == expected
    assert all(r.rule.startswith("noun:") for r in ex.relations)


MUTUAL = [
    case(
        "Iran and Saudi Arabia, longtime rivals, restored ties.",
        """
            0  Iran     Iran     PROPN NNP   nsubj      8   B-GPE
            1  and      and      CCONJ CC    cc         0   O
            2  Saudi    Saudi    PROPN NNP   compound   3   B-GPE
            3  Arabia   Arabia   PROPN NNP   conj       0   I-GPE
            4  ,        ,        PUNCT ,     punct      0   O
            5  longtime longtime ADJ   JJ    amod       6   O
            6  rivals   rival    NOUN  NNS   appos      0   O
            7  ,        ,        PUNCT ,     punct      0   O
            8  restored restore  VERB  VBD   ROOT       8   O
            9  ties     tie      NOUN  NNS   dobj       8   O
            10 .        .        PUNCT .     punct      8   O
        """,
        {("Iran", "opposes", "Saudi Arabia"), ("Saudi Arabia", "opposes", "Iran")},
        only={"opposes"},
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), MUTUAL)
def test_rules_nouns_mutual(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected


EFFORT = [
    case(
        "The Kremlin's efforts to broker a deal failed.",
        """
            0  The     the     DET   DT    det        1   O
            1  Kremlin Kremlin PROPN NNP   poss       3   B-GPE
            2  's      's      PART  POS   case       1   O
            3  efforts effort  NOUN  NNS   nsubj      8   O
            4  to      to      PART  TO    aux        5   O
            5  broker  broker  VERB  VB    acl        3   O
            6  a       a       DET   DT    det        7   O
            7  deal    deal    NOUN  NN    dobj       5   O
            8  failed  fail    VERB  VBD   ROOT       8   O
            9  .       .       PUNCT .     punct      8   O
        """,
        {("Kremlin", "supports", "Agreement")},
    ),
    case(
        "Qatar joined the attempt to overthrow Assad.",
        """
            0  Qatar     Qatar     PROPN NNP   nsubj      1   B-GPE
            1  joined    join      VERB  VBD   ROOT       1   O
            2  the       the       DET   DT    det        3   O
            3  attempt   attempt   NOUN  NN    dobj       1   O
            4  to        to        PART  TO    aux        5   O
            5  overthrow overthrow VERB  VB    acl        3   O
            6  Assad     Assad     PROPN NNP   dobj       5   B-PERSON
            7  .         .         PUNCT .     punct      1   O
        """,
        {("Qatar", "opposes", "Assad")},
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), EFFORT)
def test_rules_nouns_effort_control(sentence, table, expected, only):
    """The possessor of an effort noun, or the subject of the verb governing it, does the \
infinitive."""
    assert triples(run(sentence, table), predicates=only) == expected


PREREQUISITE = [
    # The model's parse: "as a precondition" hangs on the object noun.
    case(
        "Ankara has described the pullout of Russian troops from Libya as a precondition "
        "for talks.",
        """
            0  Ankara       Ankara       PROPN NNP   nsubj      2   B-GPE
            1  has          have         AUX   VBZ   aux        2   O
            2  described    describe     VERB  VBN   ROOT       2   O
            3  the          the          DET   DT    det        4   O
            4  pullout      pullout      NOUN  NN    dobj       2   O
            5  of           of           ADP   IN    prep       4   O
            6  Russian      russian      ADJ   JJ    amod       7   B-NORP
            7  troops       troop        NOUN  NNS   pobj       5   O
            8  from         from         ADP   IN    prep       4   O
            9  Libya        Libya        PROPN NNP   pobj       8   B-GPE
            10 as           as           ADP   IN    prep       4   O
            11 a            a            DET   DT    det        12  O
            12 precondition precondition NOUN  NN    pobj       10  O
            13 for          for          ADP   IN    prep       12  O
            14 talks        talk         NOUN  NNS   pobj       13  O
            15 .            .            PUNCT .     punct      2   O
        """,
        {("Ankara", "demands", "Withdrawal")},
    ),
    case(
        "Syria sees the withdrawal as a precondition.",
        """
            0  Syria        Syria        PROPN NNP   nsubj      1   B-GPE
            1  sees         see          VERB  VBZ   ROOT       1   O
            2  the          the          DET   DT    det        3   O
            3  withdrawal   withdrawal   NOUN  NN    dobj       1   O
            4  as           as           ADP   IN    prep       3   O
            5  a            a            DET   DT    det        6   O
            6  precondition precondition NOUN  NN    pobj       4   O
            7  .            .            PUNCT .     punct      1   O
        """,
        {("Syria", "demands", "Withdrawal")},
    ),
    # ... and the verb's complement reading ("describe X as Y") of the first sentence.
    case(
        "Ankara has described the pullout of Russian troops from Libya as a precondition "
        "for talks.",
        """
        0  Ankara       Ankara       PROPN NNP   nsubj      2   B-GPE
        1  has          have         AUX   VBZ   aux        2   O
        2  described    describe     VERB  VBN   ROOT       2   O
        3  the          the          DET   DT    det        4   O
        4  pullout      pullout      NOUN  NN    dobj       2   O
        5  of           of           ADP   IN    prep       4   O
        6  Russian      russian      ADJ   JJ    amod       7   B-NORP
        7  troops       troop        NOUN  NNS   pobj       5   O
        8  from         from         ADP   IN    prep       4   O
        9  Libya        Libya        PROPN NNP   pobj       8   B-GPE
        10 as           as           ADP   IN    prep       2   O
        11 a            a            DET   DT    det        12  O
        12 precondition precondition NOUN  NN    pobj       10  O
        13 for          for          ADP   IN    prep       12  O
        14 talks        talk         NOUN  NNS   pobj       13  O
        15 .            .            PUNCT .     punct      2   O
        """,
        {("Ankara", "demands", "Withdrawal")},
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), PREREQUISITE)
def test_rules_nouns_prerequisite(sentence, table, expected, only):
    ex = run(sentence, table)
    assert triples(ex, predicates=only) == expected
    assert {r.rule for r in ex.relations} == {"svo:prerequisite"}
