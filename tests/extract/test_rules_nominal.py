"""Event nouns and their arguments (``nominal``) and event mentions, on hand-built Docs.

Every Doc is the parse ``en_core_web_sm`` gives for the sentence, written down by
hand (see :mod:`tests.extract.docs`); corrections are noted where made.
"""

from __future__ import annotations

import pytest

from .docs import case, run, triples

NOMINAL = [
    case(
        "Talks between Damascus and Ankara resumed.",
        """
            0  Talks    talk     NOUN  NNS   nsubj      5   O
            1  between  between  ADP   IN    prep       0   O
            2  Damascus Damascus PROPN NNP   pobj       1   B-GPE
            3  and      and      CCONJ CC    cc         2   O
            4  Ankara   Ankara   PROPN NNP   conj       2   B-GPE
            5  resumed  resume   VERB  VBD   ROOT       5   O
            6  .        .        PUNCT .     punct      5   O
        """,
        {
            ("Damascus", "participatesIn", "Meeting"),
            ("Ankara", "participatesIn", "Meeting"),
            ("Damascus", "meetsWith", "Ankara"),
        },
    ),
    case(
        "Russian Defense Minister Sergei Shoigu hosted four-way talks in Moscow on Tuesday.",
        """
            0  Russian  russian  ADJ   JJ    amod       2   B-NORP
            1  Defense  Defense  PROPN NNP   compound   2   B-ORG
            2  Minister Minister PROPN NNP   compound   4   O
            3  Sergei   Sergei   PROPN NNP   compound   4   B-PERSON
            4  Shoigu   Shoigu   PROPN NNP   nsubj      5   I-PERSON
            5  hosted   host     VERB  VBD   ROOT       5   O
            6  four     four     NUM   CD    nummod     8   B-CARDINAL
            7  -        -        PUNCT HYPH  punct      8   O
            8  way      way      NOUN  NN    compound   9   O
            9  talks    talk     NOUN  NNS   dobj       5   O
            10 in       in       ADP   IN    prep       9   O
            11 Moscow   Moscow   PROPN NNP   pobj       10  B-GPE
            12 on       on       ADP   IN    prep       5   O
            13 Tuesday  Tuesday  PROPN NNP   pobj       12  B-DATE
            14 .        .        PUNCT .     punct      5   O
        """,
        {("Meeting", "heldIn", "Moscow")},
        only={"heldIn"},
    ),
    case(
        "Turkey's occupation of northern Syria continues.",
        """
            0  Turkey     Turkey     PROPN NNP   poss       2   B-GPE
            1  's         's         PART  POS   case       0   O
            2  occupation occupation NOUN  NN    nsubj      6   O
            3  of         of         ADP   IN    prep       2   O
            4  northern   northern   ADJ   JJ    amod       5   O
            5  Syria      Syria      PROPN NNP   pobj       3   B-GPE
            6  continues  continue   VERB  VBZ   ROOT       6   O
            7  .          .          PUNCT .     punct      6   O
        """,
        {("Turkey", "occupies", "Syria")},
    ),
    case(
        "Turkish reconciliation with Syria is slow.",
        """
            0  Turkish        turkish        ADJ   JJ    amod       1   B-NORP
            1  reconciliation reconciliation NOUN  NN    nsubj      4   O
            2  with           with           ADP   IN    prep       1   O
            3  Syria          Syria          PROPN NNP   pobj       2   B-GPE
            4  is             be             AUX   VBZ   ROOT       4   O
            5  slow           slow           ADJ   JJ    acomp      4   O
            6  .              .              PUNCT .     punct      4   O
        """,
        {("Turkish", "participatesIn", "Normalization"),
         ("Syria", "participatesIn", "Normalization")},
    ),
    case(
        "Washington's war on ISIS ended.",
        """
            0  Washington Washington PROPN NNP   poss       2   B-GPE
            1  's         's         PART  POS   case       0   O
            2  war        war        NOUN  NN    nsubj      5   O
            3  on         on         ADP   IN    prep       2   O
            4  ISIS       ISIS       PROPN NNP   pobj       3   B-ORG
            5  ended      end        VERB  VBD   ROOT       5   O
            6  .          .          PUNCT .     punct      5   O
        """,
        {("Washington", "participatesIn", "Conflict"), ("Washington", "attacks", "ISIS")},
    ),
    case(
        "Turkey condemned Israel's attack on Gaza.",
        """
            0  Turkey    Turkey  PROPN NNP   nsubj      1   B-GPE
            1  condemned condemn VERB  VBD   ROOT       1   O
            2  Israel    Israel  PROPN NNP   poss       4   B-GPE
            3  's        's      PART  POS   case       2   O
            4  attack    attack  NOUN  NN    dobj       1   O
            5  on        on      ADP   IN    prep       4   O
            6  Gaza      Gaza    PROPN NNP   pobj       5   B-LOC
            7  .         .       PUNCT .     punct      1   O
        """,
        {
            ("Turkey", "opposes", "Attack"),
            ("Turkey", "opposes", "Israel"),  # condemning an act opposes its agent (stance)
            ("Israel", "participatesIn", "Attack"),
            ("Israel", "attacks", "Gaza"),
        },
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), NOMINAL)
def test_rules_nominal_arguments(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected


def test_rules_nominal_capitals_between_act_and_place_in_does_not():
    """Damascus and Ankara in "talks between" act; Moscow in "talks in Moscow" is a place."""
    s1, t1 = NOMINAL[0].values[:2]
    s2, t2 = NOMINAL[1].values[:2]
    acting = {m.text: m.acting for m in (*run(s1, t1).mentions, *run(s2, t2).mentions)}
    assert (acting["Damascus"], acting["Ankara"], acting["Moscow"]) == (True, True, False)


ADJUNCTS = [
    # NER fixed: the model left "Assad" untagged.
    case(
        "Assad spoke after a meeting with Putin.",
        """
            0  Assad   Assad   PROPN NNP   nsubj      1   B-PERSON
            1  spoke   speak   VERB  VBD   ROOT       1   O
            2  after   after   ADP   IN    prep       1   O
            3  a       a       DET   DT    det        4   O
            4  meeting meeting NOUN  NN    pobj       2   O
            5  with    with    ADP   IN    prep       4   O
            6  Putin   Putin   PROPN NNP   pobj       5   B-PERSON
            7  .       .       PUNCT .     punct      1   O
        """,
        {
            ("Assad", "participatesIn", "Meeting"),
            ("Putin", "participatesIn", "Meeting"),
            ("Assad", "meetsWith", "Putin"),
        },
    ),
    # NER fixed: the model tagged both ministers ORG.
    case(
        "Lavrov travelled to Cairo for talks with Shoukry.",
        """
            0  Lavrov    Lavrov  PROPN NNP   nsubj      1   B-PERSON
            1  travelled travel  VERB  VBD   ROOT       1   O
            2  to        to      ADP   IN    prep       1   O
            3  Cairo     Cairo   PROPN NNP   pobj       2   B-GPE
            4  for       for     ADP   IN    prep       1   O
            5  talks     talk    NOUN  NNS   pobj       4   O
            6  with      with    ADP   IN    prep       5   O
            7  Shoukry   Shoukry PROPN NNP   pobj       6   B-PERSON
            8  .         .       PUNCT .     punct      1   O
        """,
        {
            ("Lavrov", "participatesIn", "Meeting"),
            ("Shoukry", "participatesIn", "Meeting"),
            ("Lavrov", "meetsWith", "Shoukry"),
            ("Meeting", "heldIn", "Cairo"),
            ("Lavrov", "visits", "Cairo"),  # "travel to" is a visits frame
        },
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), ADJUNCTS)
def test_rules_nominal_event_adjuncts(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected


TOPICS = [
    case(
        "Ministers held talks on the return of refugees.",
        """
            0  Ministers minister NOUN  NNS   nsubj      1   O
            1  held      hold     VERB  VBD   ROOT       1   O
            2  talks     talk     NOUN  NNS   dobj       1   O
            3  on        on       ADP   IN    prep       2   O
            4  the       the      DET   DT    det        5   O
            5  return    return   NOUN  NN    pobj       3   O
            6  of        of       ADP   IN    prep       5   O
            7  refugees  refugee  NOUN  NNS   pobj       6   O
            8  .         .        PUNCT .     punct      1   O
        """,
        {("Meeting", "discusses", "RefugeeReturn")},
    ),
    case(
        "During the talks, the ministers discussed the return of refugees.",
        """
            0  During    during   ADP   IN    prep       6   O
            1  the       the      DET   DT    det        2   O
            2  talks     talk     NOUN  NNS   pobj       0   O
            3  ,         ,        PUNCT ,     punct      6   O
            4  the       the      DET   DT    det        5   O
            5  ministers minister NOUN  NNS   nsubj      6   O
            6  discussed discuss  VERB  VBD   ROOT       6   O
            7  the       the      DET   DT    det        8   O
            8  return    return   NOUN  NN    dobj       6   O
            9  of        of       ADP   IN    prep       8   O
            10 refugees  refugee  NOUN  NNS   pobj       9   O
            11 .         .        PUNCT .     punct      6   O
        """,
        {("Meeting", "discusses", "RefugeeReturn")},
    ),
    case(
        "The meeting during which the withdrawal was discussed ended.",
        """
            0  The        the        DET   DT    det        1   O
            1  meeting    meeting    NOUN  NN    nsubj      8   O
            2  during     during     ADP   IN    prep       7   O
            3  which      which      PRON  WDT   pobj       2   O
            4  the        the        DET   DT    det        5   O
            5  withdrawal withdrawal NOUN  NN    nsubjpass  7   O
            6  was        be         AUX   VBD   auxpass    7   O
            7  discussed  discuss    VERB  VBN   relcl      1   O
            8  ended      end        VERB  VBN   ROOT       8   O
            9  .          .          PUNCT .     punct      8   O
        """,
        {("Meeting", "discusses", "Withdrawal")},
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), TOPICS)
def test_rules_nominal_meeting_topics(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected


EVENTS = [
    case(
        "Russian Defense Minister Sergei Shoigu hosted four-way talks in Moscow on Tuesday.",
        NOMINAL[1].values[1],
        [("four-way talks", "Meeting")],
    ),
    case(
        "The talks ended. The meeting was tense.",
        """
            0  The     the     DET   DT    det        1   O
            1  talks   talk    NOUN  NNS   nsubj      2   O
            2  ended   end     VERB  VBD   ROOT       2   O
            3  .       .       PUNCT .     punct      2   O
            4  The     the     DET   DT    det        5   O
            5  meeting meeting NOUN  NN    nsubj      6   O
            6  was     be      AUX   VBD   ROOT       6   O
            7  tense   tense   ADJ   JJ    acomp      6   O
            8  .       .       PUNCT .     punct      6   O
        """,
        [("talks", "Meeting")],
    ),
    case(
        "Russia hosted talks on Monday. On Tuesday, Iran hosted a meeting on Syria.",
        """
            0  Russia  Russia  PROPN NNP   nsubj      1   B-GPE
            1  hosted  host    VERB  VBD   ROOT       1   O
            2  talks   talk    NOUN  NNS   dobj       1   O
            3  on      on      ADP   IN    prep       1   O
            4  Monday  Monday  PROPN NNP   pobj       3   B-DATE
            5  .       .       PUNCT .     punct      1   O
            6  On      on      ADP   IN    prep       10  O
            7  Tuesday Tuesday PROPN NNP   pobj       6   B-DATE
            8  ,       ,       PUNCT ,     punct      10  O
            9  Iran    Iran    PROPN NNP   nsubj      10  B-GPE
            10 hosted  host    VERB  VBD   ROOT       10  O
            11 a       a       DET   DT    det        12  O
            12 meeting meeting NOUN  NN    dobj       10  O
            13 on      on      ADP   IN    prep       12  O
            14 Syria   Syria   PROPN NNP   pobj       13  B-GPE
            15 .       .       PUNCT .     punct      10  O
        """,
        [("talks", "Meeting"), ("meeting", "Meeting")],
    ),
    case(
        "The return of the ambassador was delayed.",
        """
            0  The        the        DET   DT    det        1   O
            1  return     return     NOUN  NN    nsubjpass  6   O
            2  of         of         ADP   IN    prep       1   O
            3  the        the        DET   DT    det        4   O
            4  ambassador ambassador NOUN  NN    pobj       2   O
            5  was        be         AUX   VBD   auxpass    6   O
            6  delayed    delay      VERB  VBN   ROOT       6   O
            7  .          .          PUNCT .     punct      6   O
        """,
        [],
    ),
    case(
        "The election campaign began.",
        """
            0  The      the      DET   DT    det        2   O
            1  election election NOUN  NN    compound   2   O
            2  campaign campaign NOUN  NN    nsubj      3   O
            3  began    begin    VERB  VBD   ROOT       3   O
            4  .        .        PUNCT .     punct      3   O
        """,
        [("election", "Election")],
    ),
    case(
        "Turkey will pull out its troops.",
        """
            0  Turkey Turkey PROPN NNP   nsubj      2   B-GPE
            1  will   will   AUX   MD    aux        2   O
            2  pull   pull   VERB  VB    ROOT       2   O
            3  out    out    ADP   RP    prt        2   O
            4  its    its    PRON  PRP$  poss       5   O
            5  troops troop  NOUN  NNS   dobj       2   O
            6  .      .      PUNCT .     punct      2   O
        """,
        [("pull out", "Withdrawal")],
    ),
    case(
        "Iran and Saudi Arabia restored relations.",
        """
            0  Iran      Iran     PROPN NNP   nsubj      4   B-GPE
            1  and       and      CCONJ CC    cc         0   O
            2  Saudi     Saudi    PROPN NNP   compound   3   B-GPE
            3  Arabia    Arabia   PROPN NNP   conj       0   I-GPE
            4  restored  restore  VERB  VBD   ROOT       4   O
            5  relations relation NOUN  NNS   dobj       4   O
            6  .         .        PUNCT .     punct      4   O
        """,
        [("restored relations", "Normalization")],
    ),
    case(
        "Syria urged Turkey to withdraw.",
        """
            0  Syria    Syria    PROPN NNP   nsubj      1   B-GPE
            1  urged    urge     VERB  VBD   ROOT       1   O
            2  Turkey   Turkey   PROPN NNP   dobj       1   B-GPE
            3  to       to       PART  TO    aux        4   O
            4  withdraw withdraw VERB  VB    xcomp      1   O
            5  .        .        PUNCT .     punct      1   O
        """,
        [("withdraw", "Withdrawal")],
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), EVENTS)
def test_rules_nominal_event_mentions(sentence, table, expected, only):
    """One event per distinct mention: modifiers in its span, definite NPs corefer."""
    ex = run(sentence, table)
    assert [(e.text, e.type) for e in ex.events] == expected
    for e in ex.events:
        assert sentence[e.start:e.end] == e.text


def test_rules_nominal_one_meeting_for_all_its_facts():
    """"hosted four-way talks in Moscow": the host and the place attach to the same event node."""
    sentence, table = NOMINAL[1].values[:2]
    ex = run(sentence, table)
    meetings = {r.object if r.predicate == "hosts" else r.subject
                for r in ex.relations if r.predicate in ("hosts", "heldIn")}
    assert meetings == set(ex.events) and len(meetings) == 1



def test_rules_nominal_event_date_phrase():
    """The date phrase of an event's clause is kept with the event ("began ... on December 28, \
2022")."""
    table =         """
            0  The          the          DET   DT    det        1   O
            1  meeting      meeting      NOUN  NN    nsubj      2   O
            2  began        begin        VERB  VBD   ROOT       2   O
            3  in           in           ADP   IN    prep       2   O
            4  Moscow       Moscow       PROPN NNP   pobj       3   B-GPE
            5  on           on           ADP   IN    prep       2   O
            6  December     December     PROPN NNP   pobj       5   B-DATE
            7  28           28           NUM   CD    nummod     6   I-DATE
            8  ,            ,            PUNCT ,     punct      6   I-DATE
            9  2022         2022         NUM   CD    appos      6   I-DATE
            10 .            .            PUNCT .     punct      2   O
        """
    ex = run("The meeting began in Moscow on December 28, 2022.", table)
    [meeting] = [e for e in ex.events if e.type == "Meeting"]
    assert meeting.date == "December 28, 2022"
