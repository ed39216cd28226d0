"""Modality on hand-built Docs: negated, conditional, hedged, denied and asked statements are
not facts; reported speech keeps its content and records the speaker.

Every Doc is the parse ``en_core_web_sm`` gives for the sentence, written down by
hand (see :mod:`tests.extract.docs`); corrections are noted where made. Each
suppressed sentence is paired with the same parse without its marker, which
does give the fact: the marker, not a missing frame, is what stops it.
"""

from __future__ import annotations

import pytest

from kg.extract.rules import extract

from .docs import case, drop, parse, run, text_of, triples

# (sentence, table, (rows of the marker), facts of the same parse without the marker)
SUPPRESSED = [
    case(
        "Turkey did not attack the Kurds.",
        """
            0  Turkey Turkey PROPN NNP   nsubj      3   B-GPE
            1  did    do     AUX   VBD   aux        3   O
            2  not    not    PART  RB    neg        3   O
            3  attack attack VERB  VB    ROOT       3   O
            4  the    the    DET   DT    det        5   O
            5  Kurds  Kurds  PROPN NNPS  dobj       3   B-NORP
            6  .      .      PUNCT .     punct      3   O
        """,
        ((1, 2), {("Turkey", "attacks", "Kurds")}),
    ),
    case(
        "Syria never demanded a withdrawal.",
        """
            0  Syria      Syria      PROPN NNP   nsubj      2   B-GPE
            1  never      never      ADV   RB    neg        2   O
            2  demanded   demand     VERB  VBD   ROOT       2   O
            3  a          a          DET   DT    det        4   O
            4  withdrawal withdrawal NOUN  NN    dobj       2   O
            5  .          .          PUNCT .     punct      2   O
        """,
        ((1,), {("Syria", "demands", "Withdrawal")}),
    ),
    case(
        "Syria did not demand the withdrawal of Turkish troops.",
        """
            0  Syria      Syria      PROPN NNP   nsubj      3   B-GPE
            1  did        do         AUX   VBD   aux        3   O
            2  not        not        PART  RB    neg        3   O
            3  demand     demand     VERB  VB    ROOT       3   O
            4  the        the        DET   DT    det        5   O
            5  withdrawal withdrawal NOUN  NN    dobj       3   O
            6  of         of         ADP   IN    prep       5   O
            7  Turkish    turkish    ADJ   JJ    amod       8   B-NORP
            8  troops     troop      NOUN  NNS   pobj       6   O
            9  .          .          PUNCT .     punct      3   O
        """,
        ((1, 2), {("Syria", "demands", "Withdrawal")}),
    ),
    case(
        "Sweden is not a member of NATO.",
        """
            0  Sweden Sweden PROPN NNP   nsubj      1   B-GPE
            1  is     be     AUX   VBZ   ROOT       1   O
            2  not    not    PART  RB    neg        1   O
            3  a      a      DET   DT    det        4   O
            4  member member NOUN  NN    attr       1   O
            5  of     of     ADP   IN    prep       4   O
            6  NATO   NATO   PROPN NNP   pobj       5   B-ORG
            7  .      .      PUNCT .     punct      1   O
        """,
        ((2,), {("Sweden", "memberOf", "NATO")}),
    ),
    case(
        "If Damascus and Ankara strike a deal, Russia will benefit.",
        """
            0  If       if       SCONJ IN    mark       4   O
            1  Damascus Damascus PROPN NNP   nsubj      4   B-GPE
            2  and      and      CCONJ CC    cc         1   O
            3  Ankara   Ankara   PROPN NNP   conj       1   B-GPE
            4  strike   strike   VERB  VBP   advcl      10  O
            5  a        a        DET   DT    det        6   O
            6  deal     deal     NOUN  NN    dobj       4   O
            7  ,        ,        PUNCT ,     punct      10  O
            8  Russia   Russia   PROPN NNP   nsubj      10  B-GPE
            9  will     will     AUX   MD    aux        10  O
            10 benefit  benefit  VERB  VB    ROOT       10  O
            11 .        .        PUNCT .     punct      10  O
        """,
        ((0,), {("Damascus", "participatesIn", "Agreement"),
                ("Ankara", "participatesIn", "Agreement")}),
    ),
    case(
        "Iran asked whether Russia would host the talks.",
        """
            0  Iran    Iran    PROPN NNP   nsubj      1   B-GPE
            1  asked   ask     VERB  VBD   ROOT       1   O
            2  whether whether SCONJ IN    mark       5   O
            3  Russia  Russia  PROPN NNP   nsubj      5   B-GPE
            4  would   would   AUX   MD    aux        5   O
            5  host    host    VERB  VB    ccomp      1   O
            6  the     the     DET   DT    det        7   O
            7  talks   talk    NOUN  NNS   dobj       5   O
            8  .       .       PUNCT .     punct      1   O
        """,
        ((2,), {("Russia", "hosts", "Meeting")}),
    ),
    case(
        "Russia could host the talks.",
        """
            0  Russia Russia PROPN NNP   nsubj      2   B-GPE
            1  could  could  AUX   MD    aux        2   O
            2  host   host   VERB  VB    ROOT       2   O
            3  the    the    DET   DT    det        4   O
            4  talks  talk   NOUN  NNS   dobj       2   O
            5  .      .      PUNCT .     punct      2   O
        """,
        ((1,), {("Russia", "hosts", "Meeting")}),
    ),
    case(
        "Iran might attack Israel.",
        """
            0  Iran   Iran   PROPN NNP   nsubj      2   B-GPE
            1  might  might  AUX   MD    aux        2   O
            2  attack attack VERB  VB    ROOT       2   O
            3  Israel Israel PROPN NNP   dobj       2   B-GPE
            4  .      .      PUNCT .     punct      2   O
        """,
        ((1,), {("Iran", "attacks", "Israel")}),
    ),
    case(
        "Damascus and Ankara should strike a deal.",
        """
            0  Damascus Damascus PROPN NNP   nsubj      4   B-GPE
            1  and      and      CCONJ CC    cc         0   O
            2  Ankara   Ankara   PROPN NNP   conj       0   B-GPE
            3  should   should   AUX   MD    aux        4   O
            4  strike   strike   VERB  VB    ROOT       4   O
            5  a        a        DET   DT    det        6   O
            6  deal     deal     NOUN  NN    dobj       4   O
            7  .        .        PUNCT .     punct      4   O
        """,
        ((3,), {("Damascus", "participatesIn", "Agreement"),
                ("Ankara", "participatesIn", "Agreement")}),
    ),
    case(
        "Will Russia host the talks?",
        """
            0  Will   will   AUX   MD    aux        2   O
            1  Russia Russia PROPN NNP   nsubj      2   B-GPE
            2  host   host   VERB  VB    ROOT       2   O
            3  the    the    DET   DT    det        4   O
            4  talks  talk   NOUN  NNS   dobj       2   O
            5  ?      ?      PUNCT .     punct      2   O
        """,
        ((0, 5), {("Russia", "hosts", "Meeting")}),
    ),
    case(
        "Erdogan told reporters that Turkey would never attack Syria.",
        """
            0  Erdogan   Erdogan  PROPN NNP   nsubj      1   B-PERSON
            1  told      tell     VERB  VBD   ROOT       1   O
            2  reporters reporter NOUN  NNS   dobj       1   O
            3  that      that     SCONJ IN    mark       7   O
            4  Turkey    Turkey   PROPN NNP   nsubj      7   B-GPE
            5  would     would    AUX   MD    aux        7   O
            6  never     never    ADV   RB    neg        7   O
            7  attack    attack   VERB  VB    ccomp      1   O
            8  Syria     Syria    PROPN NNP   dobj       7   B-GPE
            9  .         .        PUNCT .     punct      1   O
        """,
        ((6,), {("Turkey", "attacks", "Syria")}),
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), SUPPRESSED)
def test_rules_modality_suppressed(sentence, table, expected, only):
    marker, unmarked = expected
    assert triples(run(sentence, table)) == set()
    assert unmarked <= triples(extract(parse(drop(table, *marker))))


DENIED = [
    case(
        "Syria denied demanding a withdrawal.",
        """
            0  Syria      Syria      PROPN NNP   nsubj      1   B-GPE
            1  denied     deny       VERB  VBD   ROOT       1   O
            2  demanding  demand     VERB  VBG   xcomp      1   O
            3  a          a          DET   DT    det        4   O
            4  withdrawal withdrawal NOUN  NN    dobj       2   O
            5  .          .          PUNCT .     punct      1   O
        """,
        set(),
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), DENIED)
def test_rules_modality_denied(sentence, table, expected, only):
    assert triples(run(sentence, table)) == expected


SPEAKERS = [
    case(
        "The Turkish defense ministry said the talks focused on the return of refugees.",
        """
            0  The      the      DET   DT    det        3   O
            1  Turkish  turkish  ADJ   JJ    amod       3   B-ORG
            2  defense  defense  NOUN  NN    compound   3   I-ORG
            3  ministry ministry NOUN  NN    nsubj      4   I-ORG
            4  said     say      VERB  VBD   ROOT       4   O
            5  the      the      DET   DT    det        6   O
            6  talks    talk     NOUN  NNS   nsubj      7   O
            7  focused  focus    VERB  VBD   ccomp      4   O
            8  on       on       ADP   IN    prep       7   O
            9  the      the      DET   DT    det        10  O
            10 return   return   NOUN  NN    pobj       8   O
            11 of       of       ADP   IN    prep       10  O
            12 refugees refugee  NOUN  NNS   pobj       11  O
            13 .        .        PUNCT .     punct      4   O
        """,
        {("Meeting", "discusses", "RefugeeReturn", "Turkish defense ministry")},
    ),
    case(
        "According to the Russian Defense Ministry, the talks focused on the return of refugees.",
        """
            0  According accord   VERB  VBG   prep       9   O
            1  to        to       ADP   IN    prep       0   O
            2  the       the      DET   DT    det        5   B-ORG
            3  Russian   Russian  PROPN NNP   compound   5   I-ORG
            4  Defense   Defense  PROPN NNP   compound   5   I-ORG
            5  Ministry  Ministry PROPN NNP   pobj       1   I-ORG
            6  ,         ,        PUNCT ,     punct      9   O
            7  the       the      DET   DT    det        8   O
            8  talks     talk     NOUN  NNS   nsubj      9   O
            9  focused   focus    VERB  VBD   ROOT       9   O
            10 on        on       ADP   IN    prep       9   O
            11 the       the      DET   DT    det        12  O
            12 return    return   NOUN  NN    pobj       10  O
            13 of        of       ADP   IN    prep       12  O
            14 refugees  refugee  NOUN  NNS   pobj       13  O
            15 .         .        PUNCT .     punct      9   O
        """,
        {("Meeting", "discusses", "RefugeeReturn", "Russian Defense Ministry")},
    ),
    # NER fixed: the model tagged "Lavrov" ORG.
    case(
        "Lavrov said Russia supports the deal.",
        """
            0  Lavrov   Lavrov  PROPN NNP   nsubj      1   B-PERSON
            1  said     say     VERB  VBD   ROOT       1   O
            2  Russia   Russia  PROPN NNP   nsubj      3   B-GPE
            3  supports support VERB  VBZ   ccomp      1   O
            4  the      the     DET   DT    det        5   O
            5  deal     deal    NOUN  NN    dobj       3   O
            6  .        .       PUNCT .     punct      1   O
        """,
        {("Russia", "supports", "Agreement", "Lavrov")},
    ),
    case(
        "Washington supported the deal, Blinken said.",
        """
            0  Washington Washington PROPN NNP   nsubj      1   B-GPE
            1  supported  support    VERB  VBD   ccomp      6   O
            2  the        the        DET   DT    det        3   O
            3  deal       deal       NOUN  NN    dobj       1   O
            4  ,          ,          PUNCT ,     punct      6   O
            5  Blinken    Blinken    PROPN NNP   nsubj      6   B-PERSON
            6  said       say        VERB  VBD   ROOT       6   O
            7  .          .          PUNCT .     punct      6   O
        """,
        {("Washington", "supports", "Agreement", "Blinken")},
    ),
    case(
        "Qatar condemned the attack.",
        """
            0  Qatar     Qatar   PROPN NNP   nsubj      1   B-GPE
            1  condemned condemn VERB  VBD   ROOT       1   O
            2  the       the     DET   DT    det        3   O
            3  attack    attack  NOUN  NN    dobj       1   O
            4  .         .       PUNCT .     punct      1   O
        """,
        {("Qatar", "opposes", "Attack", None)},
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), SPEAKERS)
def test_rules_modality_reported_speech_speaker(sentence, table, expected, only):
    """The reported content is a fact; the speaker is recorded on it, never made its subject."""
    ex = run(sentence, table)
    got = {
        (text_of(r.subject), r.predicate, text_of(r.object),
         r.speaker.text if r.speaker else None)
        for r in ex.relations
    }
    assert got == expected
    for r in ex.relations:
        if r.speaker is not None:
            assert r.speaker.acting and sentence[r.speaker.start:r.speaker.end] == r.speaker.text
