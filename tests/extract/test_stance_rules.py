"""The stance family and the stance rows of the lexicon on hand-built Docs.

Every Doc is the parse ``en_core_web_sm`` gives through kg's pipeline, written down by
hand (see :mod:`tests.extract.docs`); corrections are noted where made. Each rule
case is paired with a variant of the same parse that must not give the fact, so
that the word the rule reads, not a missing frame, is what makes it.
"""

from __future__ import annotations

import pytest

from .docs import facts, run, run_rule, triples

IN_SUPPORT = """
    0  The        the        DET   DT   det       2   O
    1  United     United     PROPN NNP  compound  2   B-GPE
    2  States     States     PROPN NNP  nsubj     3   I-GPE
    3  remains    remain     VERB  VBZ  ROOT      3   O
    4  steadfast  steadfast  ADJ   JJ   acomp     3   O
    5  in         in         ADP   IN   prep      3   O
    6  support    support    NOUN  NN   pobj      5   O
    7  of         of         ADP   IN   prep      6   O
    8  Turkey     Turkey     PROPN NNP  pobj      7   B-GPE
    9  .          .          PUNCT .    punct     3   O
"""
WITH_SUPPORT = """
    0  The       the       DET   DT   det       1   O
    1  SDF       SDF       PROPN NNP  nsubj     8   B-ORG
    2  ,         ,         PUNCT ,    punct     1   O
    3  with      with      ADP   IN   prep      1   O
    4  support   support   NOUN  NN   pobj      3   O
    5  from      from      ADP   IN   prep      4   O
    6  Turkey    Turkey    PROPN NNP  pobj      5   B-GPE
    7  ,         ,         PUNCT ,    punct     1   O
    8  captured  capture   VERB  VBN  ROOT      8   O
    9  Raqqa     Raqqa     PROPN NNP  dobj      8   B-LOC
    10 .         .         PUNCT .    punct     8   O
"""
ACT_AGENT = """
    0  The       the       DET   DT   det       2   O
    1  United    United    PROPN NNP  compound  2   B-GPE
    2  States    States    PROPN NNP  nsubj     4   I-GPE
    3  strongly  strongly  ADV   RB   advmod    4   O
    4  condemns  condemn   VERB  VBZ  ROOT      4   O
    5  ISIL      ISIL      PROPN NNP  poss      7   B-ORG
    6  's        's        PART  POS  case      5   O
    7  attacks   attack    NOUN  NNS  dobj      4   O
    8  .         .         PUNCT .    punct     4   O
"""
MUTUAL_POSS = """
    0  Syria      Syria      PROPN NNP  poss      2   B-GPE
    1  's         's         PART  POS  case      0   O
    2  ally       ally       NOUN  NN   nsubj     4   O
    3  Russia     Russia     PROPN NNP  appos     2   B-GPE
    4  condemned  condemn    VERB  VBD  ROOT      4   O
    5  the        the        DET   DT   det       6   O
    6  strike     strike     NOUN  NN   dobj      4   O
    7  .          .          PUNCT .    punct     4   O
"""
MUTUAL_ATTR = """
    0  Russia  Russia  PROPN NNP  nsubj     1   B-GPE
    1  is      be      AUX   VBZ  ROOT      1   O
    2  a       a       DET   DT   det       4   O
    3  close   close   ADJ   JJ   amod      4   O
    4  ally    ally    NOUN  NN   attr      1   O
    5  of      of      ADP   IN   prep      4   O
    6  Syria   Syria   PROPN NNP  pobj      5   B-GPE
    7  .       .       PUNCT .    punct     1   O
"""
# corrected: the model tags "Erdogan" a common noun outside any entity
SPOKE_WITH = """
    0  Erdogan  Erdogan  PROPN NNP  nsubj     1   B-PERSON
    1  spoke    speak    VERB  VBD  ROOT      1   O
    2  with     with     ADP   IN   prep      1   O
    3  Putin    Putin    PROPN NNP  pobj      2   B-PERSON
    4  on       on       ADP   IN   prep      1   O
    5  Tuesday  Tuesday  PROPN NNP  pobj      4   B-DATE
    6  .        .        PUNCT .    punct     1   O
"""
SPEAKING_TO = """
    0  Speaking  speak     VERB  VBG  advcl     5   O
    1  to        to        ADP   IN   prep      0   O
    2  Tasnim    Tasnim    PROPN NNP  pobj      1   B-ORG
    3  ,         ,         PUNCT ,    punct     5   O
    4  Tangsiri  Tangsiri  PROPN NNP  nsubj     5   B-PERSON
    5  said      say       VERB  VBD  ROOT      5   O
    6  Iran      Iran      PROPN NNP  nsubj     7   B-GPE
    7  was       be        AUX   VBD  ccomp     5   O
    8  ready     ready     ADJ   JJ   acomp     7   O
    9  .         .         PUNCT .    punct     5   O
"""
SLAMMED = """
    0  China       China       PROPN NNP  nsubj     1   B-GPE
    1  slammed     slam        VERB  VBD  ROOT      1   O
    2  Washington  Washington  PROPN NNP  dobj      1   B-GPE
    3  .           .           PUNCT .    punct     1   O
"""
CALLED_ON = """
    0  Liberman   Liberman   PROPN NNP  nsubj     1   B-PERSON
    1  called     call       VERB  VBD  ROOT      1   O
    2  on         on         ADP   IN   prep      1   O
    3  Netanyahu  Netanyahu  PROPN NNP  pobj      2   B-PERSON
    4  to         to         PART  TO   aux       5   O
    5  resign     resign     VERB  VB   xcomp     1   O
    6  .          .          PUNCT .    punct     1   O
"""
IMPOSED_SANCTIONS = """
    0  The        the        DET   DT   det       2   O
    1  United     United     PROPN NNP  compound  2   B-GPE
    2  States     States     PROPN NNP  nsubj     3   I-GPE
    3  imposed    impose     VERB  VBD  ROOT      3   O
    4  sanctions  sanction   NOUN  NNS  dobj      3   O
    5  on         on         ADP   IN   prep      4   O
    6  Iran       Iran       PROPN NNP  pobj      5   B-GPE
    7  .          .          PUNCT .    punct     3   O
"""
TO_BLAME = """
    0  Shamkhani  Shamkhani  PROPN NNP  nsubj     1   B-PERSON
    1  said       say        VERB  VBD  ROOT      1   O
    2  that       that       SCONJ IN   mark      8   O
    3  the        the        DET   DT   det       5   O
    4  United     United     PROPN NNP  compound  5   B-GPE
    5  States     States     PROPN NNP  nsubj     8   I-GPE
    6  and        and        CCONJ CC   cc        5   O
    7  Israel     Israel     PROPN NNP  conj      5   B-GPE
    8  are        be         AUX   VBP  ccomp     1   O
    9  to         to         PART  TO   aux       10  O
    10 blame      blame      VERB  VB   xcomp     8   O
    11 for        for        ADP   IN   prep      10  O
    12 the        the        DET   DT   det       13  O
    13 conflicts  conflict   NOUN  NNS  pobj      11  O
    14 .          .          PUNCT .    punct     1   O
"""
HOLDS_RESPONSIBLE = """
    0  Iran         Iran         PROPN NNP  nsubj     1   B-GPE
    1  holds        hold         VERB  VBZ  ROOT      1   O
    2  Washington   Washington   PROPN NNP  nsubj     3   B-GPE
    3  responsible  responsible  ADJ   JJ   ccomp     1   O
    4  for          for          ADP   IN   prep      3   O
    5  the          the          DET   DT   det       6   O
    6  attack       attack       NOUN  NN   pobj      4   O
    7  .            .            PUNCT .    punct     1   O
"""
BACKS_INITIATIVE = """
    0  Iran        Iran        PROPN NNP  nsubj     2   B-GPE
    1  has         have        AUX   VBZ  aux       2   O
    2  supported   support     VERB  VBN  ROOT      2   O
    3  the         the         DET   DT   det       5   O
    4  Chinese     chinese     ADJ   JJ   amod      5   B-NORP
    5  initiative  initiative  NOUN  NN   dobj      2   O
    6  .           .           PUNCT .    punct     2   O
"""
RECEIVED_SUPPORT = """
    0  Hamas     Hamas     PROPN NNP  nsubj     1   B-ORG
    1  received  receive   VERB  VBD  ROOT      1   O
    2  support   support   NOUN  NN   dobj      1   O
    3  from      from      ADP   IN   prep      1   O
    4  Iran      Iran      PROPN NNP  pobj      3   B-GPE
    5  .         .         PUNCT .    punct     1   O
"""
DEMANDED_THAT = """
    0  Iran       Iran       PROPN NNP  nsubj     1   B-GPE
    1  demanded   demand     VERB  VBD  ROOT      1   O
    2  that       that       SCONJ IN   mark      6   O
    3  the        the        DET   DT   det       5   O
    4  United     United     PROPN NNP  compound  5   B-GPE
    5  States     States     PROPN NNP  nsubj     6   I-GPE
    6  lift       lift       VERB  VBP  ccomp     1   O
    7  the        the        DET   DT   det       8   O
    8  sanctions  sanction   NOUN  NNS  dobj      6   O
    9  .          .          PUNCT .    punct     1   O
"""

US = "United States"

# (rule id, sentence, table, facts of the rule alone,
#  (old, new, (word, new word)) edit of the table and sentence, facts after the edit)
RULE_CASES = [
    # "on support of": no manner phrase
    ("stance:in-support", "The United States remains steadfast in support of Turkey.",
     IN_SUPPORT, {(US, "supports", "Turkey")},
     ("in         in  ", "on         on  ", ("in support", "on support")), set()),
    ("stance:with-support", "The SDF, with support from Turkey, captured Raqqa.",
     WITH_SUPPORT, {("Turkey", "supports", "SDF")},
     ("support   support", "rain      rain   ", ("support", "rain")), set()),
    ("stance:act-agent", "The United States strongly condemns ISIL's attacks.",
     ACT_AGENT, {(US, "opposes", "ISIL")},
     ("attacks   attack ", "photos    photo  ", ("attacks", "photos")), set()),
    ("stance:mutual-poss", "Syria's ally Russia condemned the strike.",
     MUTUAL_POSS, {("Russia", "cooperatesWith", "Syria")},
     ("ally       ally ", "envoy      envoy", ("ally", "envoy")), set()),
    ("stance:mutual-attr", "Russia is a close ally of Syria.",
     MUTUAL_ATTR, {("Russia", "cooperatesWith", "Syria")},
     ("ally    ally ", "rival   rival", ("ally", "rival")), {("Russia", "opposes", "Syria")}),
    ("stance:spoke-with", "Erdogan spoke with Putin on Tuesday.",
     SPOKE_WITH, {("Erdogan", "meetsWith", "Putin")},
     ("VBD  ROOT", "VBG  ROOT", ("", "")), set()),  # "Speaking with Putin, ..." is an interview
    ("stance:to-blame", "Shamkhani said that the United States and Israel are to blame for the "
     "conflicts.", TO_BLAME, {("Shamkhani", "accuses", US), ("Shamkhani", "accuses", "Israel")},
     ("said       say ", "left       leave", ("said", "left")), set()),  # no one says it
    ("stance:hold-responsible", "Iran holds Washington responsible for the attack.",
     HOLDS_RESPONSIBLE, {("Iran", "accuses", "Washington")},
     ("responsible  responsible", "happy        happy      ", ("responsible", "happy")), set()),
    ("stance:backs-agent", "Iran has supported the Chinese initiative.", BACKS_INITIATIVE,
     {("Iran", "supports", "Chinese")},
     ("initiative  initiative", "ship        ship      ", ("initiative", "ship")), set()),
    ("stance:received", "Hamas received support from Iran.", RECEIVED_SUPPORT,
     {("Iran", "supports", "Hamas")},
     ("received  receive", "sent      send   ", ("received", "sent")), set()),
    ("stance:demand-that", "Iran demanded that the United States lift the sanctions.",
     DEMANDED_THAT, {("Iran", "demands", US)},
     ("demanded   demand", "said       say   ", ("demanded", "said")), set()),
    ("stance:spoke-with", "Speaking to Tasnim, Tangsiri said Iran was ready.",
     SPEAKING_TO, set(), ("B-ORG", "B-GPE", ("", "")), set()),
]


@pytest.mark.parametrize(("rule_id", "sentence", "table", "expected", "edit", "edited"),
                         RULE_CASES, ids=[f"{c[0]}: {c[1]}" for c in RULE_CASES])
def test_stance_rule_reads_its_word(rule_id, sentence, table, expected, edit, edited):
    """The rule finds its fact, and not once the word it reads is changed."""
    assert facts(run_rule(rule_id, sentence, table)) == expected
    old, new, (word, other) = edit
    assert old in table
    changed = sentence.replace(word, other) if word else sentence
    assert facts(run_rule(rule_id, changed, table.replace(old, new))) == edited


LEXICON_CASES = [
    ("China slammed Washington.", SLAMMED, {("China", "opposes", "Washington")}),
    ("Liberman called on Netanyahu to resign.", CALLED_ON,
     {("Liberman", "demands", "Netanyahu")}),
    ("The United States imposed sanctions on Iran.", IMPOSED_SANCTIONS,
     {(US, "opposes", "Iran")}),
]


@pytest.mark.parametrize(("sentence", "table", "expected"), LEXICON_CASES,
                         ids=[c[0] for c in LEXICON_CASES])
def test_stance_lexicon_rows_give_the_relation(sentence, table, expected):
    """Verb classes and relational nouns of the stance rows, through the full run."""
    assert expected <= triples(run(sentence, table))
