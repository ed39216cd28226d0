"""Campaigns against a side and named groups of fighters as actors (issue #18, re3d).

Hand-built Docs: every table is the parse kg's pipeline gives (``en_core_web_sm`` with kg's
entity pass); the expected facts are those of the conflict relations only. Negative rows
(aims, plans, games, factions named from a state) must give no attack.
"""

from __future__ import annotations

import pytest

from .docs import case, run, triples

ONLY = frozenset({"attacks", "kills", "operatesIn"})

#: "the campaign to defeat Y", "working to degrade and destroy Y": conflict:campaign-to.
CAMPAIGNS = [
    case(
        "The Global Coalition continues its efforts to degrade and defeat Da'esh.",
        """
            0   The        the        DET    DT   det       2   O
            1   Global     Global     PROPN  NNP  compound  2   O
            2   Coalition  Coalition  PROPN  NNP  nsubj     3   B-ORG
            3   continues  continue   VERB   VBZ  ROOT      3   O
            4   its        its        PRON   PRP$ poss      5   O
            5   efforts    effort     NOUN   NNS  dobj      3   O
            6   to         to         PART   TO   aux       7   O
            7   degrade    degrade    VERB   VB   acl       5   O
            8   and        and        CCONJ  CC   cc        7   O
            9   defeat     defeat     VERB   VB   conj      7   O
            10  Da'esh     Da'esh     PROPN  NNP  dobj      9   B-ORG
            11  .          .          PUNCT  .    punct     3   O
        """,
        {('Coalition', 'attacks', "Da'esh")},
        only=ONLY,
    ),
    case(
        "Airmen of the 407th Air Expeditionary Group are working hard to defeat and destroy "
        "Da'esh.",
        """
            0   Airmen         Airmen         PROPN  NNP  nsubj     8   O
            1   of             of             ADP    IN   prep      0   O
            2   the            the            DET    DT   det       6   B-ORG
            3   407th          407th          ADJ    JJ   amod      6   I-ORG
            4   Air            Air            PROPN  NNP  compound  5   I-ORG
            5   Expeditionary  Expeditionary  PROPN  NNP  compound  6   I-ORG
            6   Group          Group          PROPN  NNP  pobj      1   I-ORG
            7   are            be             AUX    VBP  aux       8   O
            8   working        work           VERB   VBG  ROOT      8   O
            9   hard           hard           ADV    RB   advmod    8   O
            10  to             to             PART   TO   aux       11  O
            11  defeat         defeat         VERB   VB   advcl     8   O
            12  and            and            CCONJ  CC   cc        11  O
            13  destroy        destroy        VERB   VB   conj      11  O
            14  Da'esh         Da'esh         PROPN  NNP  dobj      13  B-ORG
            15  .              .              PUNCT  .    punct     8   O
        """,
        {('407th Air Expeditionary Group', 'attacks', "Da'esh")},
        only=ONLY,
    ),
    case(
        'The Syrian Democratic Forces are leading efforts in the campaign to defeat Daesh.',
        """
            0   The         the         DET    DT   det       3   B-ORG
            1   Syrian      syrian      ADJ    JJ   compound  3   I-ORG
            2   Democratic  Democratic  PROPN  NNP  compound  3   I-ORG
            3   Forces      Forces      PROPN  NNPS nsubj     4   I-ORG
            4   are         be          AUX    VBP  ROOT      4   O
            5   leading     lead        VERB   VBG  amod      6   O
            6   efforts     effort      NOUN   NNS  attr      4   O
            7   in          in          ADP    IN   prep      6   O
            8   the         the         DET    DT   det       9   O
            9   campaign    campaign    NOUN   NN   pobj      7   O
            10  to          to          PART   TO   aux       11  O
            11  defeat      defeat      VERB   VB   acl       6   O
            12  Daesh       Daesh       PROPN  NNP  dobj      11  B-ORG
            13  .           .           PUNCT  .    punct     4   O
        """,
        {('Syrian Democratic Forces', 'attacks', 'Daesh')},
        only=ONLY,
    ),
    case(
        'Chelsea hope to defeat Arsenal.',
        """
            0   Chelsea  Chelsea  PROPN  NNP  nsubj     1   B-ORG
            1   hope     hope     VERB   VBP  ROOT      1   O
            2   to       to       PART   TO   aux       3   O
            3   defeat   defeat   VERB   VB   xcomp     1   O
            4   Arsenal  Arsenal  PROPN  NNP  dobj      3   B-ORG
            5   .        .        PUNCT  .    punct     1   O
        """,
        set(),
        only=ONLY,
    ),
    case(
        'The Coalition plans to destroy ISIL.',
        """
            0   The        the        DET    DT   det       1   O
            1   Coalition  Coalition  PROPN  NNP  nsubj     2   B-ORG
            2   plans      plan       VERB   VBZ  ROOT      2   O
            3   to         to         PART   TO   aux       4   O
            4   destroy    destroy    VERB   VB   xcomp     2   O
            5   ISIL       ISIL       PROPN  NNP  dobj      4   B-ORG
            6   .          .          PUNCT  .    punct     2   O
        """,
        set(),
        only=ONLY,
    ),
    case(
        'Manchester United defeated Chelsea on Sunday.',
        """
            0   Manchester  Manchester  PROPN  NNP  compound  1   B-PERSON
            1   United      United      PROPN  NNP  nsubj     2   I-PERSON
            2   defeated    defeat      VERB   VBD  ROOT      2   O
            3   Chelsea     Chelsea     PROPN  NNP  dobj      2   B-ORG
            4   on          on          ADP    IN   prep      2   O
            5   Sunday      Sunday      PROPN  NNP  pobj      4   B-DATE
            6   .           .           PUNCT  .    punct     2   O
        """,
        set(),
        only=ONLY,
    ),
]

#: "ISIL fighters" stand for ISIL; "Syrian opposition forces", "Syrian militants" not for Syria.
GROUPS = [
    case(
        'Iraqi forces fought against ISIL fighters in Mosul.',
        """
            0   Iraqi     iraqi    ADJ    JJ   amod      1   B-NORP
            1   forces    force    NOUN   NNS  nsubj     2   O
            2   fought    fight    VERB   VBD  ROOT      2   O
            3   against   against  ADP    IN   prep      2   O
            4   ISIL      ISIL     PROPN  NNP  compound  5   B-ORG
            5   fighters  fighter  NOUN   NNS  pobj      3   O
            6   in        in       ADP    IN   prep      2   O
            7   Mosul     Mosul    PROPN  NNP  pobj      6   B-GPE
            8   .         .        PUNCT  .    punct     2   O
        """,
        {('Iraqi', 'attacks', 'ISIL'), ('Iraqi', 'operatesIn', 'Mosul')},
        only=ONLY,
    ),
    case(
        'Syrian opposition forces liberated the town of Dabiq from ISIL.',
        """
            0   Syrian      syrian      ADJ    JJ   amod      2   B-NORP
            1   opposition  opposition  NOUN   NN   compound  2   O
            2   forces      force       NOUN   NNS  nsubj     3   O
            3   liberated   liberate    VERB   VBD  ROOT      3   O
            4   the         the         DET    DT   det       5   O
            5   town        town        NOUN   NN   dobj      3   O
            6   of          of          ADP    IN   prep      5   O
            7   Dabiq       Dabiq       PROPN  NNP  pobj      6   B-ORG
            8   from        from        ADP    IN   prep      3   O
            9   ISIL        ISIL        PROPN  NNP  pobj      8   B-ORG
            10  .           .           PUNCT  .    punct     3   O
        """,
        set(),
        only=ONLY,
    ),
    case(
        'Syrian militants attacked Turkish troops.',
        """
            0   Syrian     syrian    ADJ    JJ   amod      1   B-NORP
            1   militants  militant  NOUN   NNS  nsubj     2   O
            2   attacked   attack    VERB   VBD  ROOT      2   O
            3   Turkish    turkish   ADJ    JJ   amod      4   B-NORP
            4   troops     troop     NOUN   NNS  dobj      2   O
            5   .          .         PUNCT  .    punct     2   O
        """,
        set(),
        only=ONLY,
    ),
    case(
        "The Islamic State's fighters attacked Turkish troops.",
        """
            0   The       the      DET    DT   det       2   O
            1   Islamic   Islamic  PROPN  NNP  compound  2   B-ORG
            2   State     State    PROPN  NNP  poss      4   I-ORG
            3   's        's       PART   POS  case      2   O
            4   fighters  fighter  NOUN   NNS  nsubj     5   O
            5   attacked  attack   VERB   VBD  ROOT      5   O
            6   Turkish   turkish  ADJ    JJ   amod      7   B-NORP
            7   troops    troop    NOUN   NNS  dobj      5   O
            8   .         .        PUNCT  .    punct     5   O
        """,
        {('Islamic State', 'attacks', 'Turkish')},
        only=ONLY,
    ),
    case(
        'The destruction of ISIL targets in Syria limits the group.',
        """
            0   The          the          DET    DT   det       1   O
            1   destruction  destruction  NOUN   NN   nsubj     7   O
            2   of           of           ADP    IN   prep      1   O
            3   ISIL         ISIL         PROPN  NNP  compound  4   B-ORG
            4   targets      target       NOUN   NNS  pobj      2   O
            5   in           in           ADP    IN   prep      4   O
            6   Syria        Syria        PROPN  NNP  pobj      5   B-GPE
            7   limits       limit        VERB   VBZ  ROOT      7   O
            8   the          the          DET    DT   det       9   O
            9   group        group        NOUN   NN   dobj      7   O
            10  .            .            PUNCT  .    punct     7   O
        """,
        {('ISIL', 'operatesIn', 'Syria')},
        only=ONLY,
    ),
    case(
        'A Syrian refugee camp in Jordan was closed.',
        """
            0   A        a        DET    DT   det       3   O
            1   Syrian   syrian   ADJ    JJ   amod      3   B-NORP
            2   refugee  refugee  NOUN   NN   compound  3   O
            3   camp     camp     NOUN   NN   nsubjpass 7   O
            4   in       in       ADP    IN   prep      3   O
            5   Jordan   Jordan   PROPN  NNP  pobj      4   B-GPE
            6   was      be       AUX    VBD  auxpass   7   O
            7   closed   close    VERB   VBN  ROOT      7   O
            8   .        .        PUNCT  .    punct     7   O
        """,
        set(),
        only=ONLY,
    ),
    case(
        'The 134th Expeditionary Fighter Squadron will fly strike missions against ISIL.',
        """
            0   The            the            DET    DT   det       4   B-ORG
            1   134th          134th          ADJ    JJ   amod      4   I-ORG
            2   Expeditionary  Expeditionary  PROPN  NNP  compound  3   I-ORG
            3   Fighter        Fighter        PROPN  NNP  compound  4   I-ORG
            4   Squadron       Squadron       PROPN  NNP  nsubj     6   I-ORG
            5   will           will           AUX    MD   aux       6   O
            6   fly            fly            VERB   VB   ROOT      6   O
            7   strike         strike         VERB   VB   compound  8   O
            8   missions       mission        NOUN   NNS  dobj      6   O
            9   against        against        ADP    IN   prep      8   O
            10  ISIL           ISIL           PROPN  NNP  pobj      9   B-ORG
            11  .              .              PUNCT  .    punct     6   O
        """,
        {('134th Expeditionary Fighter Squadron', 'attacks', 'ISIL')},
        only=ONLY,
    ),
    case(
        "He commended Iran's political position in favor of Palestine.",
        """
            0   He         he         PRON   PRP  nsubj     1   O
            1   commended  commend    VERB   VBD  ROOT      1   O
            2   Iran       Iran       PROPN  NNP  poss      5   B-GPE
            3   's         's         PART   POS  case      2   O
            4   political  political  ADJ    JJ   amod      5   O
            5   position   position   NOUN   NN   dobj      1   O
            6   in         in         ADP    IN   prep      1   O
            7   favor      favor      NOUN   NN   pobj      6   O
            8   of         of         ADP    IN   prep      7   O
            9   Palestine  Palestine  PROPN  NNP  pobj      8   B-GPE
            10  .          .          PUNCT  .    punct     1   O
        """,
        set(),
        only=ONLY,
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), CAMPAIGNS)
def test_re3d_campaign_to(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), GROUPS)
def test_re3d_named_groups(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected
