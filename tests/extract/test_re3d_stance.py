"""Accusation by naming, calls with someone, revolts against a state (issue #18).

Hand-built Docs (the parse kg's pipeline gives). "Y, which X designates as a terrorist group"
and "X labeled Y a terrorist group" accuse Y (negated or without a word of terror: nothing);
an insurgency waged inside a state is an attack on it, other attacks there are not.
"""

from __future__ import annotations

import pytest

from .docs import case, run, triples

STANCE = frozenset({"accuses", "opposes", "supports"})
CONFLICT = frozenset({"attacks", "operatesIn"})
MEET = frozenset({"meetsWith"})
PARTNERS = frozenset({"memberOf", "cooperatesWith"})

DESIGNATES = [
    case(
        'He fought the Kurdistan Workers Party, which Ankara designates as a terrorist group.',
        """
            0   He          he         PRON   PRP  nsubj     1   O
            1   fought      fight      VERB   VBD  ROOT      1   O
            2   the         the        DET    DT   det       5   B-ORG
            3   Kurdistan   Kurdistan  PROPN  NNP  compound  5   I-ORG
            4   Workers     Workers    PROPN  NNPS compound  5   I-ORG
            5   Party       Party      PROPN  NNP  dobj      1   I-ORG
            6   ,           ,          PUNCT  ,    punct     5   O
            7   which       which      PRON   WDT  dobj      9   O
            8   Ankara      Ankara     PROPN  NNP  nsubj     9   B-GPE
            9   designates  designate  VERB   VBZ  relcl     5   O
            10  as          as         ADP    IN   prep      9   O
            11  a           a          DET    DT   det       13  O
            12  terrorist   terrorist  ADJ    JJ   amod      13  O
            13  group       group      NOUN   NN   pobj      10  O
            14  .           .          PUNCT  .    punct     1   O
        """,
        {('Ankara', 'accuses', 'Kurdistan Workers Party')},
        only=STANCE,
    ),
    case(
        'Washington has labeled Hezbollah a terrorist group.',
        """
            0   Washington  Washington  PROPN  NNP  nsubj     2   B-GPE
            1   has         have        AUX    VBZ  aux       2   O
            2   labeled     label       VERB   VBN  ROOT      2   O
            3   Hezbollah   Hezbollah   PROPN  NNP  dobj      2   B-ORG
            4   a           a           DET    DT   det       6   O
            5   terrorist   terrorist   ADJ    JJ   amod      6   O
            6   group       group       NOUN   NN   appos     3   O
            7   .           .           PUNCT  .    punct     2   O
        """,
        {('Washington', 'accuses', 'Hezbollah')},
        only=STANCE,
    ),
    case(
        'Iran does not consider Hezbollah a terrorist group.',
        """
            0   Iran       Iran       PROPN  NNP  nsubj     3   B-GPE
            1   does       do         AUX    VBZ  aux       3   O
            2   not        not        PART   RB   neg       3   O
            3   consider   consider   VERB   VB   ROOT      3   O
            4   Hezbollah  Hezbollah  PROPN  NNP  nsubj     7   B-ORG
            5   a          a          DET    DT   det       7   O
            6   terrorist  terrorist  ADJ    JJ   amod      7   O
            7   group      group      NOUN   NN   ccomp     3   O
            8   .          .          PUNCT  .    punct     3   O
        """,
        set(),
        only=STANCE,
    ),
    case(
        'Egypt considers Saudi Arabia a key partner.',
        """
            0   Egypt      Egypt     PROPN  NNP  nsubj     1   B-GPE
            1   considers  consider  VERB   VBZ  ROOT      1   O
            2   Saudi      Saudi     PROPN  NNP  compound  3   B-GPE
            3   Arabia     Arabia    PROPN  NNP  nsubj     6   I-GPE
            4   a          a         DET    DT   det       6   O
            5   key        key       ADJ    JJ   amod      6   O
            6   partner    partner   NOUN   NN   ccomp     1   O
            7   .          .         PUNCT  .    punct     1   O
        """,
        set(),
        only=STANCE,
    ),
]

REVOLTS = [
    case(
        'The PKK has for decades waged an insurgency inside Turkey.',
        """
            0   The         the         DET    DT   det       1   O
            1   PKK         PKK         PROPN  NNP  nsubj     5   B-ORG
            2   has         have        AUX    VBZ  aux       5   O
            3   for         for         ADP    IN   prep      5   O
            4   decades     decade      NOUN   NNS  pobj      3   B-DATE
            5   waged       wag         VERB   VBD  ROOT      5   O
            6   an          an          DET    DT   det       7   O
            7   insurgency  insurgency  NOUN   NN   dobj      5   O
            8   inside      inside      ADP    IN   prep      5   O
            9   Turkey      Turkey      PROPN  NNP  pobj      8   B-GPE
            10  .           .           PUNCT  .    punct     5   O
        """,
        {('PKK', 'operatesIn', 'Turkey'), ('PKK', 'attacks', 'Turkey')},
        only=CONFLICT,
    ),
    case(
        'The PKK has waged attacks inside Turkey.',
        """
            0   The      the     DET    DT   det       1   O
            1   PKK      PKK     PROPN  NNP  nsubj     3   B-ORG
            2   has      have    AUX    VBZ  aux       3   O
            3   waged    wag     VERB   VBN  ROOT      3   O
            4   attacks  attack  NOUN   NNS  dobj      3   O
            5   inside   inside  ADP    IN   prep      3   O
            6   Turkey   Turkey  PROPN  NNP  pobj      5   B-GPE
            7   .        .       PUNCT  .    punct     3   O
        """,
        {('PKK', 'operatesIn', 'Turkey')},
        only=CONFLICT,
    ),
]


#: "in a (phone) call with Y": the caller meetsWith Y (stance:call-with).
CALLS = [
    case(
        "In a telephone conversation with his Saudi counterpart Faisal bin Farhan, Iranian "
        "Foreign Minister Hossein Amir Abdollahian has expressed pleasure.",
        """
            0   In            in            ADP    IN   prep      19  O
            1   a             a             DET    DT   det       3   O
            2   telephone     telephone     NOUN   NN   compound  3   O
            3   conversation  conversation  NOUN   NN   pobj      0   O
            4   with          with          ADP    IN   prep      3   O
            5   his           his           PRON   PRP$ poss      7   O
            6   Saudi         saudi         ADJ    JJ   amod      7   B-NORP
            7   counterpart   counterpart   NOUN   NN   pobj      4   O
            8   Faisal        Faisal        PROPN  NNP  compound  10  B-PERSON
            9   bin           bin           PROPN  NNP  compound  10  I-PERSON
            10  Farhan        Farhan        PROPN  NNP  nsubj     19  I-PERSON
            11  ,             ,             PUNCT  ,    punct     10  O
            12  Iranian       iranian       ADJ    JJ   amod      14  B-NORP
            13  Foreign       Foreign       PROPN  NNP  compound  14  O
            14  Minister      Minister      PROPN  NNP  compound  17  O
            15  Hossein       Hossein       PROPN  NNP  compound  17  B-PERSON
            16  Amir          Amir          PROPN  NNP  compound  17  I-PERSON
            17  Abdollahian   Abdollahian   PROPN  NNP  conj      10  I-PERSON
            18  has           have          AUX    VBZ  aux       19  O
            19  expressed     express       VERB   VBN  ROOT      19  O
            20  pleasure      pleasure      NOUN   NN   dobj      19  O
            21  .             .             PUNCT  .    punct     19  O
        """,
        {
            ('Hossein Amir Abdollahian', 'meetsWith', 'Faisal bin Farhan'),
            ('Hossein Amir Abdollahian', 'meetsWith', 'Saudi'),
        },
        only=MEET,
    ),
    case(
        'Naserian said in a conversation with Shargh that the war goes on.',
        """
            0   Naserian      Naserian      PROPN  NNP  nsubj     1   B-ORG
            1   said          say           VERB   VBD  ROOT      1   O
            2   in            in            ADP    IN   prep      1   O
            3   a             a             DET    DT   det       4   O
            4   conversation  conversation  NOUN   NN   pobj      2   O
            5   with          with          ADP    IN   prep      4   O
            6   Shargh        Shargh        PROPN  NNP  pobj      5   B-PERSON
            7   that          that          SCONJ  IN   pobj      10  O
            8   the           the           DET    DT   det       9   O
            9   war           war           NOUN   NN   nsubj     10  O
            10  goes          go            VERB   VBZ  ccomp     1   O
            11  on            on            ADP    RP   prt       10  O
            12  .             .             PUNCT  .    punct     1   O
        """,
        set(),
        only=MEET,
    ),
    case(
        'Secretary Kerry raised these concerns in a call with Russian Foreign Minister Lavrov.',
        """
            0   Secretary  Secretary  PROPN  NNP  compound  1   O
            1   Kerry      Kerry      PROPN  NNP  nsubj     2   B-PERSON
            2   raised     raise      VERB   VBD  ROOT      2   O
            3   these      these      DET    DT   det       4   O
            4   concerns   concern    NOUN   NNS  dobj      2   O
            5   in         in         ADP    IN   prep      2   O
            6   a          a          DET    DT   det       7   O
            7   call       call       NOUN   NN   pobj      5   O
            8   with       with       ADP    IN   prep      7   O
            9   Russian    russian    ADJ    JJ   amod      11  B-NORP
            10  Foreign    Foreign    PROPN  NNP  compound  11  O
            11  Minister   Minister   PROPN  NNP  compound  12  O
            12  Lavrov     Lavrov     PROPN  NNP  pobj      8   B-PERSON
            13  .          .          PUNCT  .    punct     2   O
        """,
        {('Kerry', 'meetsWith', 'Lavrov')},
        only=MEET,
    ),
    case(
        'In a phone call with Vladimir Putin, Erdogan praised the deal.',
        """
            0   In        in        ADP    IN   prep      9   O
            1   a         a         DET    DT   det       3   O
            2   phone     phone     NOUN   NN   compound  3   O
            3   call      call      NOUN   NN   pobj      0   O
            4   with      with      ADP    IN   prep      3   O
            5   Vladimir  Vladimir  PROPN  NNP  compound  6   B-PERSON
            6   Putin     Putin     PROPN  NNP  pobj      4   I-PERSON
            7   ,         ,         PUNCT  ,    punct     9   O
            8   Erdogan   Erdogan   PROPN  NNP  nsubj     9   B-PERSON
            9   praised   praise    VERB   VBD  ROOT      9   O
            10  the       the       DET    DT   det       11  O
            11  deal      deal      NOUN   NN   dobj      9   O
            12  .         .         PUNCT  .    punct     9   O
        """,
        {('Erdogan', 'meetsWith', 'Vladimir Putin')},
        only=MEET,
    ),
    case(
        'Erdogan did not hold a phone call with Vladimir Putin.',
        """
            0   Erdogan   Erdogan   PROPN  NNP  nsubj     3   B-PERSON
            1   did       do        AUX    VBD  aux       3   O
            2   not       not       PART   RB   neg       3   O
            3   hold      hold      VERB   VB   ROOT      3   O
            4   a         a         DET    DT   det       6   O
            5   phone     phone     NOUN   NN   compound  6   O
            6   call      call      NOUN   NN   dobj      3   O
            7   with      with      ADP    IN   prep      6   O
            8   Vladimir  Vladimir  PROPN  NNP  compound  9   B-PERSON
            9   Putin     Putin     PROPN  NNP  pobj      7   I-PERSON
            10  .         .         PUNCT  .    punct     3   O
        """,
        set(),
        only=MEET,
    ),
    case(
        'Biden will call Putin.',
        """
            0   Biden  Biden  PROPN  NNP  nsubj     2   B-ORG
            1   will   will   AUX    MD   aux       2   O
            2   call   call   VERB   VB   ROOT      2   O
            3   Putin  Putin  PROPN  NNP  dobj      2   B-PERSON
            4   .      .      PUNCT  .    punct     2   O
        """,
        set(),
        only=MEET,
    ),
]


#: "NATO allies X and Y": members of the organisation; "US allies X and Y": partners.
WITHIN = [
    case(
        'NATO allies France and Germany sent troops.',
        """
            0   NATO     NATO     PROPN  NNP  compound  1   B-ORG
            1   allies   ally     NOUN   NNS  nsubj     5   O
            2   France   France   PROPN  NNP  appos     1   B-GPE
            3   and      and      CCONJ  CC   cc        2   O
            4   Germany  Germany  PROPN  NNP  conj      2   B-GPE
            5   sent     send     VERB   VBD  ROOT      5   O
            6   troops   troop    NOUN   NNS  dobj      5   O
            7   .        .        PUNCT  .    punct     5   O
        """,
        {
            ('France', 'cooperatesWith', 'Germany'),
            ('France', 'memberOf', 'NATO'),
            ('Germany', 'cooperatesWith', 'France'),
            ('Germany', 'memberOf', 'NATO'),
        },
        only=PARTNERS,
    ),
    case(
        'US allies Japan and South Korea protested.',
        """
            0   US         US       PROPN  NNP  compound  1   B-GPE
            1   allies     ally     NOUN   NNS  nsubj     6   O
            2   Japan      Japan    PROPN  NNP  appos     1   B-GPE
            3   and        and      CCONJ  CC   cc        2   O
            4   South      South    PROPN  NNP  compound  5   B-GPE
            5   Korea      Korea    PROPN  NNP  conj      2   I-GPE
            6   protested  protest  VERB   VBD  ROOT      6   O
            7   .          .        PUNCT  .    punct     6   O
        """,
        {
            ('Japan', 'cooperatesWith', 'South Korea'),
            ('Japan', 'cooperatesWith', 'US'),
            ('South Korea', 'cooperatesWith', 'US'),
            ('South Korea', 'cooperatesWith', 'Japan'),
            ('US', 'cooperatesWith', 'Japan'),
            ('US', 'cooperatesWith', 'South Korea'),
        },
        only=PARTNERS,
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), DESIGNATES)
def test_re3d_designates(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), REVOLTS)
def test_re3d_revolt_in_state(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), CALLS)
def test_re3d_call_with(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), WITHIN)
def test_re3d_partners_within(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected
