"""Verb frames (issue #18): people visited are no visit to their state; garden-path agents.

Hand-built Docs (the parse kg's pipeline gives); expected facts are ``visits`` only.
"""

from __future__ import annotations

import pytest

from kg.extract.entities import _indefinite_acronym

from .docs import case, parse, run, triples

ONLY = frozenset({"visits"})
HOSTS = frozenset({"hosts"})

VISITS = [
    case(
        'Carter flew to visit U.S. service members at Qayyarah Airfield West.',
        """
            0   Carter    Carter    PROPN  NNP  nsubj     1   B-PERSON
            1   flew      fly       VERB   VBD  ROOT      1   O
            2   to        to        PART   TO   aux       3   O
            3   visit     visit     VERB   VB   xcomp     1   O
            4   U.S.      U.S.      PROPN  NNP  compound  6   B-GPE
            5   service   service   NOUN   NN   compound  6   O
            6   members   member    NOUN   NNS  dobj      3   O
            7   at        at        ADP    IN   prep      3   O
            8   Qayyarah  Qayyarah  PROPN  NNP  compound  10  B-FAC
            9   Airfield  Airfield  PROPN  NNP  compound  10  I-FAC
            10  West      West      PROPN  NNP  pobj      7   I-FAC
            11  .         .         PUNCT  .    punct     1   O
        """,
        {('Carter', 'visits', 'Qayyarah Airfield West')},
        only=ONLY,
    ),
    case(
        'Putin visited Syria in December.',
        """
            0   Putin     Putin     PROPN  NNP  nsubj     1   B-PERSON
            1   visited   visit     VERB   VBD  ROOT      1   O
            2   Syria     Syria     PROPN  NNP  dobj      1   B-GPE
            3   in        in        ADP    IN   prep      1   O
            4   December  December  PROPN  NNP  pobj      3   B-DATE
            5   .         .         PUNCT  .    punct     1   O
        """,
        {('Putin', 'visits', 'Syria')},
        only=ONLY,
    ),
    case(
        'Lavrov visited Iraqi officials in Baghdad.',
        """
            0   Lavrov     Lavrov    PROPN  NNP  nsubj     1   B-ORG
            1   visited    visit     VERB   VBD  ROOT      1   O
            2   Iraqi      iraqi     ADJ    JJ   amod      3   B-NORP
            3   officials  official  NOUN   NNS  dobj      1   O
            4   in         in        ADP    IN   prep      1   O
            5   Baghdad    Baghdad   PROPN  NNP  pobj      4   B-GPE
            6   .          .         PUNCT  .    punct     1   O
        """,
        {('Lavrov', 'visits', 'Baghdad')},
        only=ONLY,
    ),
]


#: "X headed a delegation to Y": X visits Y (conflict:visit-noun); a state's delegation
#: to the UN is no visit.
DELEGATIONS = [
    case(
        'Zarif headed a delegation to Moscow last week.',
        """
            0   Zarif       Zarif       PROPN  NNP  nsubj     1   B-PERSON
            1   headed      head        VERB   VBD  ROOT      1   O
            2   a           a           DET    DT   det       3   O
            3   delegation  delegation  NOUN   NN   dobj      1   O
            4   to          to          ADP    IN   prep      1   O
            5   Moscow      Moscow      PROPN  NNP  pobj      4   B-GPE
            6   last        last        ADJ    JJ   amod      7   B-DATE
            7   week        week        NOUN   NN   npadvmod  1   I-DATE
            8   .           .           PUNCT  .    punct     1   O
        """,
        {('Zarif', 'visits', 'Moscow')},
        only=ONLY,
    ),
    case(
        'Iran sent its delegation to the United Nations.',
        """
            0   Iran        Iran        PROPN  NNP  nsubj     1   B-GPE
            1   sent        send        VERB   VBD  ROOT      1   O
            2   its         its         PRON   PRP$ poss      3   O
            3   delegation  delegation  NOUN   NN   dobj      1   O
            4   to          to          ADP    IN   prep      1   O
            5   the         the         DET    DT   det       7   O
            6   United      United      PROPN  NNP  compound  7   B-ORG
            7   Nations     Nations     PROPN  NNP  pobj      4   I-ORG
            8   .           .           PUNCT  .    punct     1   O
        """,
        set(),
        only=ONLY,
    ),
]


#: A fronted participle's agents end where the main clause's subjects begin (svo:passive).
GARDEN = [
    case(
        'After days of negotiations hosted by China, Iran and Saudi Arabia clinched a deal.',
        """
            0   After         after        ADP    IN   prep      12  O
            1   days          day          NOUN   NNS  pobj      0   B-DATE
            2   of            of           ADP    IN   prep      1   O
            3   negotiations  negotiation  NOUN   NNS  pobj      2   O
            4   hosted        host         VERB   VBN  acl       3   O
            5   by            by           ADP    IN   agent     4   O
            6   China         China        PROPN  NNP  pobj      5   B-GPE
            7   ,             ,            PUNCT  ,    punct     6   O
            8   Iran          Iran         PROPN  NNP  conj      6   B-GPE
            9   and           and          CCONJ  CC   cc        8   O
            10  Saudi         Saudi        PROPN  NNP  compound  11  B-GPE
            11  Arabia        Arabia       PROPN  NNP  conj      8   I-GPE
            12  clinched      clinch       VERB   VBD  ROOT      12  O
            13  a             a            DET    DT   det       14  O
            14  deal          deal         NOUN   NN   dobj      12  O
            15  .             .            PUNCT  .    punct     12  O
        """,
        {('China', 'hosts', 'Meeting')},
        only=HOSTS,
    ),
    case(
        'The talks were hosted by China, Iran and Iraq.',
        """
            0   The     the    DET    DT   det       1   O
            1   talks   talk   NOUN   NNS  nsubjpass 3   O
            2   were    be     AUX    VBD  auxpass   3   O
            3   hosted  host   VERB   VBN  ROOT      3   O
            4   by      by     ADP    IN   agent     3   O
            5   China   China  PROPN  NNP  pobj      4   B-GPE
            6   ,       ,      PUNCT  ,    punct     5   O
            7   Iran    Iran   PROPN  NNP  conj      5   B-GPE
            8   and     and    CCONJ  CC   cc        7   O
            9   Iraq    Iraq   PROPN  NNP  conj      7   B-GPE
            10  .       .      PUNCT  .    punct     3   O
        """,
        {('Iran', 'hosts', 'Meeting'), ('China', 'hosts', 'Meeting'), ('Iraq', 'hosts', 'Meeting')},
        only=HOSTS,
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), VISITS)
def test_re3d_visit_people(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected


A_VBIED = """
    0  destroyed  destroy  VERB   VBD  ROOT      0  O
    1  a          a        DET    DT   det       2  O
    2  VBIED      vbied    NOUN   NN   dobj      0  B-ORG
"""
A_NATO_SUMMIT = """
    0  attended  attend  VERB   VBD  ROOT      0  O
    1  a         a       DET    DT   det       3  O
    2  NATO      NATO    PROPN  NNP  compound  3  B-ORG
    3  summit    summit  NOUN   NN   dobj      0  O
"""
THE_PKK = """
    0  fought  fight  VERB   VBD  ROOT      0  O
    1  the     the    DET    DT   det       2  O
    2  PKK     PKK    PROPN  NNP  dobj      0  B-ORG
"""


@pytest.mark.parametrize(("table", "expected"), [
    (A_VBIED, True),         # a thing named by an acronym
    (A_NATO_SUMMIT, False),  # a name modifying a noun
    (THE_PKK, False),        # a definite name
])
def test_re3d_indefinite_acronym(table, expected):
    doc = parse(table)
    assert _indefinite_acronym(doc.ents[0]) is expected


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), GARDEN)
def test_re3d_garden_path_agents(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), DELEGATIONS)
def test_re3d_delegation_to(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected
