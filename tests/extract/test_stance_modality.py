"""Modality of the stance helper: what is only in prospect is no fact.

"has yet to", "would", "must", "refrained from", "ready to", "willingness to",
"refused to", and a press conference typed as a meeting. Every Doc is the parse
``en_core_web_sm`` gives through kg's pipeline, written down by hand (see
:mod:`tests.extract.docs`). Each case is paired with the same parse with the marker
word swapped for a neutral one, which does give the fact: the marker, not a missing
frame, is what stops it.
"""

from __future__ import annotations

import pytest

from .docs import run, triples

YET = """
    0  Iran     Iran     PROPN NNP  nsubj     1   B-GPE
    1  has      have     VERB  VBZ  ROOT      1   O
    2  yet      yet      ADV   RB   advmod    1   O
    3  to       to       PART  TO   aux       4   O
    4  support  support  VERB  VB   xcomp     1   O
    5  the      the      DET   DT   det       6   O
    6  SDF      SDF      PROPN NNP  dobj      4   B-ORG
    7  .        .        PUNCT .    punct     1   O
"""
WILLINGNESS = """
    0  Turkey       Turkey       PROPN NNP  nsubj     1   B-GPE
    1  expressed    express      VERB  VBD  ROOT      1   O
    2  its          its          PRON  PRP$ poss      3   O
    3  willingness  willingness  NOUN  NN   dobj      1   O
    4  to           to           PART  TO   aux       5   O
    5  cooperate    cooperate    VERB  VB   acl       3   O
    6  with         with         ADP   IN   prep      5   O
    7  Syria        Syria        PROPN NNP  pobj      6   B-GPE
    8  .            .            PUNCT .    punct     1   O
"""
READY = """
    0  Turkey   Turkey   PROPN NNP  nsubj     1   B-GPE
    1  is       be       AUX   VBZ  ROOT      1   O
    2  ready    ready    ADJ   JJ   acomp     1   O
    3  to       to       PART  TO   aux       4   O
    4  support  support  VERB  VB   xcomp     2   O
    5  the      the      DET   DT   det       6   O
    6  SDF      SDF      PROPN NNP  dobj      4   B-ORG
    7  .        .        PUNCT .    punct     1   O
"""
WOULD = """
    0  Russia  Russia  PROPN NNP  nsubj     2   B-GPE
    1  would   would   AUX   MD   aux       2   O
    2  back    back    VERB  VB   ROOT      2   O
    3  the     the     DET   DT   det       4   O
    4  SDF     SDF     PROPN NNP  dobj      2   B-ORG
    5  .       .       PUNCT .    punct     2   O
"""
REFUSED = """
    0  Iran     Iran     PROPN NNP  nsubj     1   B-GPE
    1  refused  refuse   VERB  VBD  ROOT      1   O
    2  to       to       PART  TO   aux       3   O
    3  support  support  VERB  VB   xcomp     1   O
    4  Hamas    Hamas    PROPN NNP  dobj      3   B-ORG
    5  .        .        PUNCT .    punct     1   O
"""
PRESS_CONFERENCE = """
    0  Lavrov      Lavrov      PROPN NNP  nsubj     1   B-PERSON
    1  held        hold        VERB  VBD  ROOT      1   O
    2  a           a           DET   DT   det       4   O
    3  press       press       NOUN  NN   compound  4   O
    4  conference  conference  NOUN  NN   dobj      1   O
    5  in          in          ADP   IN   prep      4   O
    6  Moscow      Moscow      PROPN NNP  pobj      5   B-GPE
    7  .           .           PUNCT .    punct     1   O
"""
REFRAINED = """
    0  Indonesia    Indonesia    PROPN NNP  nsubj     1   B-GPE
    1  refrained    refrain      VERB  VBD  ROOT      1   O
    2  from         from         ADP   IN   prep      1   O
    3  criticizing  criticize    VERB  VBG  pcomp     2   O
    4  Iran         Iran         PROPN NNP  dobj      3   B-GPE
    5  .            .            PUNCT .    punct     1   O
"""
MUST = """
    0  Russia  Russia  PROPN NNP  nsubj     2   B-GPE
    1  must    must    AUX   MD   aux       2   O
    2  back    back    VERB  VB   ROOT      2   O
    3  the     the     DET   DT   det       4   O
    4  SDF     SDF     PROPN NNP  dobj      2   B-ORG
    5  .       .       PUNCT .    punct     2   O
"""

# (sentence, table, (marker in the table, neutral word, same in the sentence), the fact)
CASES = [
    ("Iran has yet to support the SDF.", YET, ("yet      yet      ADV", "also     also     ADV"),
     ("yet", "also"), ("Iran", "supports", "SDF")),
    ("Turkey expressed its willingness to cooperate with Syria.", WILLINGNESS,
     ("willingness  willingness", "effort       effort     "), ("willingness", "effort"),
     ("Turkey", "cooperatesWith", "Syria")),
    ("Turkey is ready to support the SDF.", READY, ("ready    ready ", "quick    quick "),
     ("ready", "quick"), ("Turkey", "supports", "SDF")),
    ("Russia would back the SDF.", WOULD, ("would   would ", "will    will  "),
     ("would", "will"), ("Russia", "supports", "SDF")),
    ("Iran refused to support Hamas.", REFUSED, ("refused  refuse ", "began    begin  "),
     ("refused", "began"), ("Iran", "supports", "Hamas")),
    ("Indonesia refrained from criticizing Iran.", REFRAINED,
     ("refrained    refrain ", "profited     profit  "), ("refrained", "profited"),
     ("Indonesia", "opposes", "Iran")),
    ("Russia must back the SDF.", MUST, ("must    must", "did     do  "), ("must", "did"),
     ("Russia", "supports", "SDF")),
    ("Lavrov held a press conference in Moscow.", PRESS_CONFERENCE,
     ("press       press ", "peace       peace "), ("press", "peace"),
     ("Meeting", "heldIn", "Moscow")),
]


@pytest.mark.parametrize(("sentence", "table", "marker", "word", "fact"), CASES,
                         ids=[c[0] for c in CASES])
def test_stance_modality_marker_stops_the_fact(sentence, table, marker, word, fact):
    """No fact with the marker; the fact with a neutral word in its place."""
    assert fact not in triples(run(sentence, table))
    old, new = marker
    assert old in table
    neutral = run(sentence.replace(*word), table.replace(old, new))
    assert fact in triples(neutral)


BACKED_EFFORTS = """
    0  Russia   Russia   PROPN NNP  nsubj     1   B-GPE
    1  backed   back     VERB  VBD  ROOT      1   O
    2  efforts  effort   NOUN  NNS  dobj      1   O
    3  to       to       PART  TO   aux       4   O
    4  end      end      VERB  VB   acl       2   O
    5  the      the      DET   DT   det       6   O
    6  war      war      NOUN  NN   dobj      4   O
    7  .        .        PUNCT .    punct     1   O
"""


def test_stance_modality_backing_efforts_to_end_a_war_backs_no_war():
    """The event under a verb of undoing is not what the subject supports."""
    assert ("Russia", "supports", "Conflict") not in triples(
        run("Russia backed efforts to end the war.", BACKED_EFFORTS))
    won = run("Russia backed efforts to win the war.",
              BACKED_EFFORTS.replace("end      end ", "win      win "))
    assert ("Russia", "supports", "Conflict") in triples(won)


MUST_AND = """
    0  Russia   Russia   PROPN NNP  nsubj     2   B-GPE
    1  must     must     AUX   MD   aux       2   O
    2  condemn  condemn  VERB  VB   ROOT      2   O
    3  Turkey   Turkey   PROPN NNP  dobj      2   B-GPE
    4  and      and      CCONJ CC   cc        2   O
    5  support  support  VERB  VB   conj      2   O
    6  the      the      DET   DT   det       7   O
    7  SDF      SDF      PROPN NNP  dobj      5   B-ORG
    8  .        .        PUNCT .    punct     2   O
"""


def test_stance_modality_coordinated_verb_shares_the_hedge():
    """"must condemn X and support Y": neither is a fact; "did" makes both facts."""
    found = triples(run("Russia must condemn Turkey and support the SDF.", MUST_AND))
    assert ("Russia", "supports", "SDF") not in found
    assert ("Russia", "opposes", "Turkey") not in found
    did = triples(run("Russia did condemn Turkey and support the SDF.",
                      MUST_AND.replace("must     must ", "did      do   ")))
    assert {("Russia", "supports", "SDF"), ("Russia", "opposes", "Turkey")} <= did
