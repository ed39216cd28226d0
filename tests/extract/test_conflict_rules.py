"""The conflict family: kills, attacks, operatesIn and visits on hand-built Docs.

Every table is the parse ``en_core_web_sm`` gives (through kg's pipeline); the
expected facts are those of the four relations only (``ONLY``). Negative rows
(hedged, negated, threatened, planned) must give nothing.
"""

from __future__ import annotations

import pytest

from kg.extract.rules import REGISTRY

from .docs import case, run, run_rule, triples

ONLY = frozenset({"kills", "attacks", "operatesIn", "visits"})

KILLS = [
    case(
        "Kennedy's assassin, Sirhan Bishara Sirhan, was arrested.",
        """
            0   Kennedy   Kennedy   PROPN  NNP  poss       2  B-PERSON
            1   's        's        PART   POS  case       0  O
            2   assassin  assassin  NOUN   NN   nsubjpass  9  O
            3   ,         ,         PUNCT  ,    punct      2  O
            4   Sirhan    Sirhan    PROPN  NNP  compound   6  B-PERSON
            5   Bishara   Bishara   PROPN  NNP  compound   6  I-PERSON
            6   Sirhan    Sirhan    PROPN  NNP  appos      2  I-PERSON
            7   ,         ,         PUNCT  ,    punct      2  O
            8   was       be        AUX    VBD  auxpass    9  O
            9   arrested  arrest    VERB   VBN  ROOT       9  O
            10  .         .         PUNCT  .    punct      9  O
        """,
        {('Sirhan Bishara Sirhan', 'kills', 'Kennedy')},
        only=ONLY,
    ),
    case(
        'Grant Cooper defended Kennedy assassin Sirhan B. Sirhan.',
        """
            0  Grant     Grant     PROPN  NNP  compound  1  B-PERSON
            1  Cooper    Cooper    PROPN  NNP  nsubj     2  I-PERSON
            2  defended  defend    VERB   VBD  ROOT      2  O
            3  Kennedy   Kennedy   PROPN  NNP  compound  4  B-PERSON
            4  assassin  assassin  VERB   VBP  compound  7  O
            5  Sirhan    Sirhan    PROPN  NNP  compound  7  B-PERSON
            6  B.        B.        PROPN  NNP  compound  7  I-PERSON
            7  Sirhan    Sirhan    PROPN  NNP  dobj      2  I-PERSON
            8  .         .         PUNCT  .    punct     2  O
        """,
        {('Sirhan B. Sirhan', 'kills', 'Kennedy')},
        only=ONLY,
    ),
    case(
        'James Earl Ray, the convicted assassin of Martin Luther King, escaped from prison.',
        """
            0   James      James     PROPN  NNP  compound  2   B-PERSON
            1   Earl       Earl      PROPN  NNP  compound  2   I-PERSON
            2   Ray        Ray       PROPN  NNP  nsubj     12  I-PERSON
            3   ,          ,         PUNCT  ,    punct     2   O
            4   the        the       DET    DT   det       6   O
            5   convicted  convict   VERB   VBN  amod      6   O
            6   assassin   assassin  NOUN   NN   appos     2   O
            7   of         of        ADP    IN   prep      6   O
            8   Martin     Martin    PROPN  NNP  compound  10  B-PERSON
            9   Luther     Luther    PROPN  NNP  compound  10  I-PERSON
            10  King       King      PROPN  NNP  pobj      7   I-PERSON
            11  ,          ,         PUNCT  ,    punct     2   O
            12  escaped    escape    VERB   VBD  ROOT      12  O
            13  from       from      ADP    IN   prep      12  O
            14  prison     prison    NOUN   NN   pobj      13  O
            15  .          .         PUNCT  .    punct     12  O
        """,
        {('James Earl Ray', 'kills', 'Martin Luther King')},
        only=ONLY,
    ),
    case(
        'The alleged killer of Robert Kennedy, John Smith, was released.',
        """
            0   The       the      DET    DT   det        2   O
            1   alleged   alleged  ADJ    JJ   amod       2   O
            2   killer    killer   NOUN   NN   nsubjpass  11  O
            3   of        of       ADP    IN   prep       2   O
            4   Robert    Robert   PROPN  NNP  compound   5   B-PERSON
            5   Kennedy   Kennedy  PROPN  NNP  pobj       3   I-PERSON
            6   ,         ,        PUNCT  ,    punct      5   O
            7   John      John     PROPN  NNP  compound   8   B-PERSON
            8   Smith     Smith    PROPN  NNP  appos      5   I-PERSON
            9   ,         ,        PUNCT  ,    punct      2   O
            10  was       be       AUX    VBD  auxpass    11  O
            11  released  release  VERB   VBN  ROOT       11  O
            12  .         .        PUNCT  .    punct      11  O
        """,
        set(),
        only=ONLY,
    ),
    case(
        'Sirhan Sirhan was sentenced to death for the assassination of Robert Kennedy.',
        """
            0   Sirhan         Sirhan         PROPN  NNP  compound   1   B-PERSON
            1   Sirhan         Sirhan         PROPN  NNP  nsubjpass  3   I-PERSON
            2   was            be             AUX    VBD  auxpass    3   O
            3   sentenced      sentence       VERB   VBN  ROOT       3   O
            4   to             to             ADP    IN   prep       3   O
            5   death          death          NOUN   NN   pobj       4   O
            6   for            for            ADP    IN   prep       3   O
            7   the            the            DET    DT   det        8   O
            8   assassination  assassination  NOUN   NN   pobj       6   O
            9   of             of             ADP    IN   prep       8   O
            10  Robert         Robert         PROPN  NNP  compound   11  B-PERSON
            11  Kennedy        Kennedy        PROPN  NNP  pobj       9   I-PERSON
            12  .              .              PUNCT  .    punct      3   O
        """,
        {('Sirhan Sirhan', 'kills', 'Robert Kennedy')},
        only=ONLY,
    ),
    case(
        'The murder of John Lennon by Mark Chapman shocked the world.',
        """
            0   The      the      DET    DT   det       1   O
            1   murder   murder   NOUN   NN   nsubj     8   O
            2   of       of       ADP    IN   prep      1   O
            3   John     John     PROPN  NNP  compound  4   B-PERSON
            4   Lennon   Lennon   PROPN  NNP  pobj      2   I-PERSON
            5   by       by       ADP    IN   prep      1   O
            6   Mark     Mark     PROPN  NNP  compound  7   B-PERSON
            7   Chapman  Chapman  PROPN  NNP  pobj      5   I-PERSON
            8   shocked  shock    VERB   VBD  ROOT      8   O
            9   the      the      DET    DT   det       10  O
            10  world    world    NOUN   NN   dobj      8   O
            11  .        .        PUNCT  .    punct     8   O
        """,
        {('Mark Chapman', 'kills', 'John Lennon')},
        only=ONLY,
    ),
    case(
        'Mark David Chapman pleaded guilty to killing John Lennon.',
        """
            0  Mark     Mark     PROPN  NNP  compound  2  B-PERSON
            1  David    David    PROPN  NNP  compound  2  I-PERSON
            2  Chapman  Chapman  PROPN  NNP  nsubj     3  I-PERSON
            3  pleaded  plead    VERB   VBD  ROOT      3  O
            4  guilty   guilty   ADJ    JJ   acomp     3  O
            5  to       to       ADP    IN   prep      4  O
            6  killing  kill     VERB   VBG  pcomp     5  O
            7  John     John     PROPN  NNP  compound  8  B-PERSON
            8  Lennon   Lennon   PROPN  NNP  dobj      6  I-PERSON
            9  .        .        PUNCT  .    punct     3  O
        """,
        {('Mark David Chapman', 'kills', 'John Lennon')},
        only=ONLY,
    ),
    case(
        'John Smith was charged with the murder of Jane Doe.',
        """
            0   John     John    PROPN  NNP  compound   1  B-PERSON
            1   Smith    Smith   PROPN  NNP  nsubjpass  3  I-PERSON
            2   was      be      AUX    VBD  auxpass    3  O
            3   charged  charge  VERB   VBN  ROOT       3  O
            4   with     with    ADP    IN   prep       3  O
            5   the      the     DET    DT   det        6  O
            6   murder   murder  NOUN   NN   pobj       4  O
            7   of       of      ADP    IN   prep       6  O
            8   Jane     Jane    PROPN  NNP  compound   9  B-PERSON
            9   Doe      Doe     PROPN  NNP  pobj       7  I-PERSON
            10  .        .       PUNCT  .    punct      3  O
        """,
        {('John Smith', 'kills', 'Jane Doe')},
        only=ONLY,
    ),
    case(
        'Lennon was fatally shot by Mark David Chapman.',
        """
            0  Lennon   Lennon   PROPN  NNP  nsubjpass  3  B-PERSON
            1  was      be       AUX    VBD  auxpass    3  O
            2  fatally  fatally  ADV    RB   advmod     3  O
            3  shot     shoot    VERB   VBN  ROOT       3  O
            4  by       by       ADP    IN   agent      3  O
            5  Mark     Mark     PROPN  NNP  compound   7  B-PERSON
            6  David    David    PROPN  NNP  compound   7  I-PERSON
            7  Chapman  Chapman  PROPN  NNP  pobj       4  I-PERSON
            8  .        .        PUNCT  .    punct      3  O
        """,
        {('Mark David Chapman', 'kills', 'Lennon')},
        only=ONLY,
    ),
    case(
        'Jack Ruby shot Lee Harvey Oswald.',
        """
            0  Jack    Jack    PROPN  NNP  compound  1  B-PERSON
            1  Ruby    Ruby    PROPN  NNP  nsubj     2  I-PERSON
            2  shot    shoot   VERB   VBD  ROOT      2  O
            3  Lee     Lee     PROPN  NNP  compound  4  B-PERSON
            4  Harvey  Harvey  PROPN  NNP  compound  5  I-PERSON
            5  Oswald  Oswald  PROPN  NNP  dobj      2  I-PERSON
            6  .       .       PUNCT  .    punct     2  O
        """,
        {('Jack Ruby', 'attacks', 'Lee Harvey Oswald')},
        only=ONLY,
    ),
    case(
        'Jack Ruby did not shoot Lee Harvey Oswald.',
        """
            0  Jack    Jack    PROPN  NNP  compound  1  B-PERSON
            1  Ruby    Ruby    PROPN  NNP  nsubj     4  I-PERSON
            2  did     do      AUX    VBD  aux       4  O
            3  not     not     PART   RB   neg       4  O
            4  shoot   shoot   VERB   VB   ROOT      4  O
            5  Lee     Lee     PROPN  NNP  compound  7  B-PERSON
            6  Harvey  Harvey  PROPN  NNP  compound  7  I-PERSON
            7  Oswald  Oswald  PROPN  NNP  dobj      4  I-PERSON
            8  .       .       PUNCT  .    punct     4  O
        """,
        set(),
        only=ONLY,
    ),
    case(
        'The Islamic State killed Iraqi soldiers.',
        """
            0  The       the      DET    DT   det       2  O
            1  Islamic   Islamic  PROPN  NNP  compound  2  B-ORG
            2  State     State    PROPN  NNP  nsubj     3  I-ORG
            3  killed    kill     VERB   VBD  ROOT      3  O
            4  Iraqi     iraqi    ADJ    JJ   amod      5  B-NORP
            5  soldiers  soldier  NOUN   NNS  dobj      3  O
            6  .         .        PUNCT  .    punct     3  O
        """,
        {('Islamic State', 'attacks', 'Iraqi')},
        only=ONLY,
    ),
    case(
        'Martin Luther King, who was assassinated by James Earl Ray, was a leader.',
        """
            0   Martin        Martin       PROPN  NNP  compound   2   B-PERSON
            1   Luther        Luther       PROPN  NNP  compound   2   I-PERSON
            2   King          King         PROPN  NNP  nsubj      12  I-PERSON
            3   ,             ,            PUNCT  ,    punct      2   O
            4   who           who          PRON   WP   nsubjpass  6   O
            5   was           be           AUX    VBD  auxpass    6   O
            6   assassinated  assassinate  VERB   VBN  relcl      2   O
            7   by            by           ADP    IN   agent      6   O
            8   James         James        PROPN  NNP  compound   10  B-PERSON
            9   Earl          Earl         PROPN  NNP  compound   10  I-PERSON
            10  Ray           Ray          PROPN  NNP  pobj       7   I-PERSON
            11  ,             ,            PUNCT  ,    punct      2   O
            12  was           be           AUX    VBD  ROOT       12  O
            13  a             a            DET    DT   det        14  O
            14  leader        leader       NOUN   NN   attr       12  O
            15  .             .            PUNCT  .    punct      12  O
        """,
        {('James Earl Ray', 'kills', 'Martin Luther King')},
        only=ONLY,
    ),
    case(
        'Turkey threatened to kill Kurdish militants.',
        """
            0  Turkey      Turkey    PROPN  NNP  nsubj  1  B-GPE
            1  threatened  threaten  VERB   VBD  ROOT   1  O
            2  to          to        PART   TO   aux    3  O
            3  kill        kill      VERB   VB   xcomp  1  O
            4  Kurdish     kurdish   ADJ    JJ   amod   5  B-NORP
            5  militants   militant  NOUN   NNS  dobj   3  O
            6  .           .         PUNCT  .    punct  1  O
        """,
        set(),
        only=ONLY,
    ),
    case(
        'Jack Ruby shot and mortally wounded Lee Harvey Oswald.',
        """
            0  Jack      Jack      PROPN  NNP  compound  1  B-PERSON
            1  Ruby      Ruby      PROPN  NNP  nsubj     2  I-PERSON
            2  shot      shoot     VERB   VBD  ROOT      2  O
            3  and       and       CCONJ  CC   cc        2  O
            4  mortally  mortally  ADV    RB   advmod    5  O
            5  wounded   wound     VERB   VBN  conj      2  O
            6  Lee       Lee       PROPN  NNP  compound  8  B-PERSON
            7  Harvey    Harvey    PROPN  NNP  compound  8  I-PERSON
            8  Oswald    Oswald    PROPN  NNP  dobj      5  I-PERSON
            9  .         .         PUNCT  .    punct     2  O
        """,
        {('Jack Ruby', 'kills', 'Lee Harvey Oswald')},
        only=ONLY,
    ),
    case(
        'President Lincoln was shot and mortally wounded by John Wilkes Booth.',
        """
            0   President  President  PROPN  NNP  compound   1   O
            1   Lincoln    Lincoln    PROPN  NNP  nsubjpass  3   B-PERSON
            2   was        be         AUX    VBD  auxpass    3   O
            3   shot       shoot      VERB   VBN  ROOT       3   O
            4   and        and        CCONJ  CC   cc         3   O
            5   mortally   mortally   ADV    RB   advmod     6   O
            6   wounded    wound      VERB   VBN  conj       3   O
            7   by         by         ADP    IN   agent      6   O
            8   John       John       PROPN  NNP  compound   10  B-PERSON
            9   Wilkes     Wilkes     PROPN  NNP  compound   10  I-PERSON
            10  Booth      Booth      PROPN  NNP  pobj       7   I-PERSON
            11  .          .          PUNCT  .    punct      3   O
        """,
        {('John Wilkes Booth', 'kills', 'Lincoln')},
        only=ONLY,
    ),
    case(
        'Lee Harvey Oswald fired the shots that killed John Kennedy.',
        """
            0   Lee      Lee      PROPN  NNP  compound  2  B-PERSON
            1   Harvey   Harvey   PROPN  NNP  compound  2  I-PERSON
            2   Oswald   Oswald   PROPN  NNP  nsubj     3  I-PERSON
            3   fired    fire     VERB   VBD  ROOT      3  O
            4   the      the      DET    DT   det       5  O
            5   shots    shot     NOUN   NNS  dobj      3  O
            6   that     that     PRON   WDT  nsubj     7  O
            7   killed   kill     VERB   VBD  relcl     5  O
            8   John     John     PROPN  NNP  compound  9  B-PERSON
            9   Kennedy  Kennedy  PROPN  NNP  dobj      7  I-PERSON
            10  .        .        PUNCT  .    punct     3  O
        """,
        {('Lee Harvey Oswald', 'kills', 'John Kennedy')},
        only=ONLY,
    ),
    case(
        'A jury found Jack Ruby guilty of murdering Lee Harvey Oswald.',
        """
            0   A          a       DET    DT   det       1   O
            1   jury       jury    NOUN   NN   nsubj     2   O
            2   found      find    VERB   VBD  ROOT      2   O
            3   Jack       Jack    PROPN  NNP  compound  4   B-PERSON
            4   Ruby       Ruby    PROPN  NNP  nsubj     5   I-PERSON
            5   guilty     guilty  ADJ    JJ   ccomp     2   O
            6   of         of      ADP    IN   prep      5   O
            7   murdering  murder  VERB   VBG  pcomp     6   O
            8   Lee        Lee     PROPN  NNP  compound  9   B-PERSON
            9   Harvey     Harvey  PROPN  NNP  compound  10  I-PERSON
            10  Oswald     Oswald  PROPN  NNP  dobj      7   I-PERSON
            11  .          .       PUNCT  .    punct     2   O
        """,
        {('Jack Ruby', 'kills', 'Lee Harvey Oswald')},
        only=ONLY,
    ),
    case(
        'Sirhan, who is serving a life sentence for the killing of Robert Kennedy, '
        'was denied parole.',
        """
            0   Sirhan    Sirhan    PROPN  NNP  nsubjpass  16  B-GPE
            1   ,         ,         PUNCT  ,    punct      0   O
            2   who       who       PRON   WP   nsubj      4   O
            3   is        be        AUX    VBZ  aux        4   O
            4   serving   serve     VERB   VBG  relcl      0   O
            5   a         a         DET    DT   det        7   O
            6   life      life      NOUN   NN   compound   7   O
            7   sentence  sentence  NOUN   NN   dobj       4   O
            8   for       for       ADP    IN   prep       4   O
            9   the       the       DET    DT   det        10  O
            10  killing   killing   NOUN   NN   pobj       8   O
            11  of        of        ADP    IN   prep       10  O
            12  Robert    Robert    PROPN  NNP  compound   13  B-PERSON
            13  Kennedy   Kennedy   PROPN  NNP  pobj       11  I-PERSON
            14  ,         ,         PUNCT  ,    punct      0   O
            15  was       be        AUX    VBD  auxpass    16  O
            16  denied    deny      VERB   VBN  ROOT       16  O
            17  parole    parole    NOUN   NN   dobj       16  O
            18  .         .         PUNCT  .    punct      16  O
        """,
        {('Sirhan', 'kills', 'Robert Kennedy')},
        only=ONLY,
    ),
    case(
        'He claimed that Assad continued to kill innocent Syrians.',
        """
            0  He         he        PRON   PRP   nsubj  1  O
            1  claimed    claim     VERB   VBD   ROOT   1  O
            2  that       that      SCONJ  IN    mark   4  O
            3  Assad      Assad     PROPN  NNP   nsubj  4  B-PERSON
            4  continued  continue  VERB   VBD   ccomp  1  O
            5  to         to        PART   TO    aux    6  O
            6  kill       kill      VERB   VB    xcomp  4  O
            7  innocent   innocent  ADJ    JJ    amod   8  O
            8  Syrians    Syrians   PROPN  NNPS  dobj   6  B-NORP
            9  .          .         PUNCT  .     punct  1  O
        """,
        set(),
        only=ONLY,
    ),
]

ATTACKS = [
    case(
        'U.S. forces conducted 10 strikes against ISIL near Mosul.',
        """
            0  U.S.       U.S.     PROPN  NNP  compound  1  B-GPE
            1  forces     force    NOUN   NNS  nsubj     2  O
            2  conducted  conduct  VERB   VBD  ROOT      2  O
            3  10         10       NUM    CD   nummod    4  B-CARDINAL
            4  strikes    strike   NOUN   NNS  dobj      2  O
            5  against    against  ADP    IN   prep      4  O
            6  ISIL       ISIL     PROPN  NNP  pobj      5  B-ORG
            7  near       near     ADP    IN   prep      6  O
            8  Mosul      Mosul    PROPN  NNP  pobj      7  B-GPE
            9  .          .        PUNCT  .    punct     2  O
        """,
        {('ISIL', 'operatesIn', 'Mosul'), ('U.S.', 'attacks', 'ISIL'),
         ('U.S.', 'operatesIn', 'Mosul')},
        only=ONLY,
    ),
    case(
        'Russian forces carried out airstrikes in Syria.',
        """
            0  Russian     russian    ADJ    JJ   amod   1  B-NORP
            1  forces      force      NOUN   NNS  nsubj  2  O
            2  carried     carry      VERB   VBD  ROOT   2  O
            3  out         out        ADP    RP   prt    2  O
            4  airstrikes  airstrike  NOUN   NNS  dobj   2  O
            5  in          in         ADP    IN   prep   2  O
            6  Syria       Syria      PROPN  NNP  pobj   5  B-GPE
            7  .           .          PUNCT  .    punct  2  O
        """,
        {('Russian', 'operatesIn', 'Syria')},
        only=ONLY,
    ),
    case(
        'Turkey launched an assault on the YPG.',
        """
            0  Turkey    Turkey   PROPN  NNP  nsubj  1  B-GPE
            1  launched  launch   VERB   VBD  ROOT   1  O
            2  an        an       DET    DT   det    3  O
            3  assault   assault  NOUN   NN   dobj   1  O
            4  on        on       ADP    IN   prep   3  O
            5  the       the      DET    DT   det    6  O
            6  YPG       YPG      PROPN  NNP  pobj   4  B-ORG
            7  .         .        PUNCT  .    punct  1  O
        """,
        {('Turkey', 'attacks', 'YPG')},
        only=ONLY,
    ),
    case(
        'Turkey threatened to launch an assault on the YPG.',
        """
            0  Turkey      Turkey    PROPN  NNP  nsubj  1  B-GPE
            1  threatened  threaten  VERB   VBD  ROOT   1  O
            2  to          to        PART   TO   aux    3  O
            3  launch      launch    VERB   VB   xcomp  1  O
            4  an          an        DET    DT   det    5  O
            5  assault     assault   NOUN   NN   dobj   3  O
            6  on          on        ADP    IN   prep   3  O
            7  the         the       DET    DT   det    8  O
            8  YPG         YPG       PROPN  NNP  pobj   6  B-ORG
            9  .           .         PUNCT  .    punct  1  O
        """,
        set(),
        only=ONLY,
    ),
    case(
        'The Islamic State attacked Kurdish forces near Kobani.',
        """
            0  The       the      DET    DT   det       2  O
            1  Islamic   Islamic  PROPN  NNP  compound  2  B-ORG
            2  State     State    PROPN  NNP  nsubj     3  I-ORG
            3  attacked  attack   VERB   VBD  ROOT      3  O
            4  Kurdish   kurdish  ADJ    JJ   amod      5  B-NORP
            5  forces    force    NOUN   NNS  dobj      3  O
            6  near      near     ADP    IN   prep      3  O
            7  Kobani    Kobani   PROPN  NNP  pobj      6  B-LOC
            8  .         .        PUNCT  .    punct     3  O
        """,
        {('Islamic State', 'attacks', 'Kurdish'), ('Islamic State', 'operatesIn', 'Kobani'),
         ('Kurdish', 'operatesIn', 'Kobani')},
        only=ONLY,
    ),
    case(
        'Near Mosul, four strikes engaged three ISIL tactical units.',
        """
            0   Near      Near      PROPN  NNP  prep    5  O
            1   Mosul     Mosul     PROPN  NNP  pobj    0  B-GPE
            2   ,         ,         PUNCT  ,    punct   5  O
            3   four      four      NUM    CD   nummod  4  B-CARDINAL
            4   strikes   strike    NOUN   NNS  nsubj   5  O
            5   engaged   engage    VERB   VBD  ROOT    5  O
            6   three     three     NUM    CD   nummod  9  B-CARDINAL
            7   ISIL      isil      ADJ    JJ   amod    9  B-ORG
            8   tactical  tactical  ADJ    JJ   amod    9  O
            9   units     unit      NOUN   NNS  dobj    5  O
            10  .         .         PUNCT  .    punct   5  O
        """,
        {('ISIL', 'operatesIn', 'Mosul')},
        only=ONLY,
    ),
    case(
        'Turkish troops in Syria remain a problem.',
        """
            0  Turkish  turkish  ADJ    JJ   amod   1  B-NORP
            1  troops   troop    NOUN   NNS  nsubj  4  O
            2  in       in       ADP    IN   prep   1  O
            3  Syria    Syria    PROPN  NNP  pobj   2  B-GPE
            4  remain   remain   VERB   VBP  ROOT   4  O
            5  a        a        DET    DT   det    6  O
            6  problem  problem  NOUN   NN   attr   4  O
            7  .        .        PUNCT  .    punct  4  O
        """,
        {('Turkish', 'operatesIn', 'Syria')},
        only=ONLY,
    ),
    case(
        'The U.S. has about 900 troops in Syria.',
        """
            0  The     the    DET    DT   det     1  O
            1  U.S.    U.S.   PROPN  NNP  nsubj   2  B-GPE
            2  has     have   VERB   VBZ  ROOT    2  O
            3  about   about  ADV    RB   advmod  4  O
            4  900     900    NUM    CD   nummod  5  O
            5  troops  troop  NOUN   NNS  dobj    2  O
            6  in      in     ADP    IN   prep    5  O
            7  Syria   Syria  PROPN  NNP  pobj    6  B-GPE
            8  .       .      PUNCT  .    punct   2  O
        """,
        {('U.S.', 'operatesIn', 'Syria')},
        only=ONLY,
    ),
    case(
        'ISIL fighters near Mosul surrendered.',
        """
            0  ISIL         ISIL       PROPN  NNP  compound  1  B-ORG
            1  fighters     fighter    NOUN   NNS  nsubj     4  O
            2  near         near       ADP    IN   prep      1  O
            3  Mosul        Mosul      PROPN  NNP  pobj      2  B-GPE
            4  surrendered  surrender  VERB   VBD  ROOT      4  O
            5  .            .          PUNCT  .    punct     4  O
        """,
        {('ISIL', 'operatesIn', 'Mosul')},
        only=ONLY,
    ),
    case(
        'The Syrian Democratic Forces in Raqqa advanced.',
        """
            0  The         the         DET    DT    det       3  B-ORG
            1  Syrian      syrian      ADJ    JJ    compound  3  I-ORG
            2  Democratic  Democratic  PROPN  NNP   compound  3  I-ORG
            3  Forces      Forces      PROPN  NNPS  nsubj     6  I-ORG
            4  in          in          ADP    IN    prep      3  O
            5  Raqqa       Raqqa       PROPN  NNPS  pobj      4  B-LOC
            6  advanced    advance     VERB   VBD   ROOT      6  O
            7  .           .           PUNCT  .     punct     6  O
        """,
        {('Syrian Democratic Forces', 'operatesIn', 'Raqqa')},
        only=ONLY,
    ),
    case(
        'Iran did not deploy troops in Syria.',
        """
            0  Iran    Iran    PROPN  NNP  nsubj  3  B-GPE
            1  did     do      AUX    VBD  aux    3  O
            2  not     not     PART   RB   neg    3  O
            3  deploy  deploy  VERB   VB   ROOT   3  O
            4  troops  troop   NOUN   NNS  dobj   3  O
            5  in      in      ADP    IN   prep   3  O
            6  Syria   Syria   PROPN  NNP  pobj   5  B-GPE
            7  .       .       PUNCT  .    punct  3  O
        """,
        set(),
        only=ONLY,
    ),
    case(
        "Arab citizens are seeking to join the SDF's fight against ISIL.",
        """
            0   Arab      arab     ADJ    JJ   amod   1   B-NORP
            1   citizens  citizen  NOUN   NNS  nsubj  3   O
            2   are       be       AUX    VBP  aux    3   O
            3   seeking   seek     VERB   VBG  ROOT   3   O
            4   to        to       PART   TO   aux    5   O
            5   join      join     VERB   VB   xcomp  3   O
            6   the       the      DET    DT   det    7   O
            7   SDF       SDF      PROPN  NNP  poss   9   B-ORG
            8   's        's       PART   POS  case   7   O
            9   fight     fight    NOUN   NN   dobj   5   O
            10  against   against  ADP    IN   prep   9   O
            11  ISIL      ISIL     PROPN  NNP  pobj   10  B-ORG
            12  .         .        PUNCT  .    punct  3   O
        """,
        {('SDF', 'attacks', 'ISIL')},
        only=ONLY,
    ),
    case(
        'Turkey did not launch an assault on the YPG.',
        """
            0  Turkey   Turkey   PROPN  NNP  nsubj  3  B-GPE
            1  did      do       AUX    VBD  aux    3  O
            2  not      not      PART   RB   neg    3  O
            3  launch   launch   VERB   VB   ROOT   3  O
            4  an       an       DET    DT   det    5  O
            5  assault  assault  NOUN   NN   dobj   3  O
            6  on       on       ADP    IN   prep   3  O
            7  the      the      DET    DT   det    8  O
            8  YPG      YPG      PROPN  NNP  pobj   6  B-ORG
            9  .        .        PUNCT  .    punct  3  O
        """,
        set(),
        only=ONLY,
    ),
    case(
        'U.S. aircraft struck ISIL targets in Syria.',
        """
            0  U.S.      U.S.      PROPN  NNP  compound  1  B-GPE
            1  aircraft  aircraft  NOUN   NN   nsubj     2  O
            2  struck    strike    VERB   VBD  ROOT      2  O
            3  ISIL      ISIL      PROPN  NNP  compound  4  B-ORG
            4  targets   target    NOUN   NNS  dobj      2  O
            5  in        in        ADP    IN   prep      2  O
            6  Syria     Syria     PROPN  NNP  pobj      5  B-GPE
            7  .         .         PUNCT  .    punct     2  O
        """,
        {('ISIL', 'operatesIn', 'Syria')},
        only=ONLY,
    ),
    case(
        'Team Melli defeated Saudi Arabia in the final.',
        """
            0  Team      Team    PROPN  NNP  compound  1  O
            1  Melli     Melli   PROPN  NNP  nsubj     2  B-PERSON
            2  defeated  defeat  VERB   VBD  ROOT      2  O
            3  Saudi     Saudi   PROPN  NNP  compound  4  B-GPE
            4  Arabia    Arabia  PROPN  NNP  dobj      2  I-GPE
            5  in        in      ADP    IN   prep      2  O
            6  the       the     DET    DT   det       7  O
            7  final     final   NOUN   NN   pobj      5  O
            8  .         .       PUNCT  .    punct     2  O
        """,
        set(),
        only=ONLY,
    ),
    case(
        'The Islamic State claimed responsibility for the bombing in Kabul.',
        """
            0   The             the             DET    DT   det       2  O
            1   Islamic         Islamic         PROPN  NNP  compound  2  B-ORG
            2   State           State           PROPN  NNP  nsubj     3  I-ORG
            3   claimed         claim           VERB   VBD  ROOT      3  O
            4   responsibility  responsibility  NOUN   NN   dobj      3  O
            5   for             for             ADP    IN   prep      4  O
            6   the             the             DET    DT   det       7  O
            7   bombing         bombing         NOUN   NN   pobj      5  O
            8   in              in              ADP    IN   prep      7  O
            9   Kabul           Kabul           PROPN  NNP  pobj      8  B-GPE
            10  .               .               PUNCT  .    punct     3  O
        """,
        {('Islamic State', 'operatesIn', 'Kabul')},
        only=ONLY,
    ),
    # the model tags the dash of "anti-Iran" ADJ JJ; tagged HYPH here so the table spells it
    case(
        'The IRGC conducted drone strikes on anti-Iran separatist strongholds in northern Iraq.',
        """
            0   The          the         DET    DT   det       1   O
            1   IRGC         irgc        NOUN   NN   nsubj     2   B-ORG
            2   conducted    conduct     VERB   VBD  ROOT      2   O
            3   drone        drone       NOUN   NN   compound  4   O
            4   strikes      strike      NOUN   NNS  dobj      2   O
            5   on           on          ADP    IN   prep      4   O
            6   anti         anti        ADJ    JJ   amod      10  O
            7   -            -           PUNCT  HYPH amod      10  O
            8   Iran         iran        ADJ    JJ   amod      10  B-GPE
            9   separatist   separatist  NOUN   NN   amod      10  O
            10  strongholds  stronghold  NOUN   NNS  pobj      5   O
            11  in           in          ADP    IN   prep      10  O
            12  northern     northern    ADJ    JJ   amod      13  O
            13  Iraq         Iraq        PROPN  NNP  pobj      11  B-GPE
            14  .            .           PUNCT  .    punct     2   O
        """,
        {('IRGC', 'operatesIn', 'Iraq')},
        only=ONLY,
    ),
]

VISITS = [
    case(
        'Kerry met Lavrov during his visit to Moscow.',
        """
            0  Kerry   Kerry   PROPN  NNP   nsubj  1  B-PERSON
            1  met     meet    VERB   VBD   ROOT   1  O
            2  Lavrov  Lavrov  PROPN  NNP   dobj   1  B-PERSON
            3  during  during  ADP    IN    prep   1  O
            4  his     his     PRON   PRP$  poss   5  O
            5  visit   visit   NOUN   NN    pobj   3  O
            6  to      to      ADP    IN    prep   5  O
            7  Moscow  Moscow  PROPN  NNP   pobj   6  B-GPE
            8  .       .       PUNCT  .     punct  1  O
        """,
        {('Kerry', 'visits', 'Moscow')},
        only=ONLY,
    ),
    case(
        'Erdogan paid a visit to Tehran.',
        """
            0  Erdogan  Erdogan  PROPN  NNP  nsubj  1  B-PERSON
            1  paid     pay      VERB   VBD  ROOT   1  O
            2  a        a        DET    DT   det    3  O
            3  visit    visit    NOUN   NN   dobj   1  O
            4  to       to       ADP    IN   prep   3  O
            5  Tehran   Tehran   PROPN  NNP  pobj   4  B-GPE
            6  .        .        PUNCT  .    punct  1  O
        """,
        {('Erdogan', 'visits', 'Tehran')},
        only=ONLY,
    ),
    case(
        'A visit by Pope Francis to Iraq began on Friday.',
        """
            0   A        a        DET    DT   det       1  O
            1   visit    visit    NOUN   NN   nsubj     7  O
            2   by       by       ADP    IN   prep      1  O
            3   Pope     Pope     PROPN  NNP  compound  4  B-PERSON
            4   Francis  Francis  PROPN  NNP  pobj      2  I-PERSON
            5   to       to       ADP    IN   prep      1  O
            6   Iraq     Iraq     PROPN  NNP  pobj      5  B-GPE
            7   began    begin    VERB   VBD  ROOT      7  O
            8   on       on       ADP    IN   prep      7  O
            9   Friday   Friday   PROPN  NNP  pobj      8  B-DATE
            10  .        .        PUNCT  .    punct     7  O
        """,
        {('Pope Francis', 'visits', 'Iraq')},
        only=ONLY,
    ),
    case(
        'Erdogan postponed a planned visit to Tehran.',
        """
            0  Erdogan    Erdogan   PROPN  NNP  nsubj  1  B-PERSON
            1  postponed  postpone  VERB   VBD  ROOT   1  O
            2  a          a         DET    DT   det    4  O
            3  planned    plan      VERB   VBN  amod   4  O
            4  visit      visit     NOUN   NN   dobj   1  O
            5  to         to        ADP    IN   prep   4  O
            6  Tehran     Tehran    PROPN  NNP  pobj   5  B-GPE
            7  .          .         PUNCT  .    punct  1  O
        """,
        set(),
        only=ONLY,
    ),
    case(
        'Blinken arrived in Cairo on Monday.',
        """
            0  Blinken  Blinken  PROPN  NNP  nsubj  1  B-PERSON
            1  arrived  arrive   VERB   VBD  ROOT   1  O
            2  in       in       ADP    IN   prep   1  O
            3  Cairo    Cairo    PROPN  NNP  pobj   2  B-GPE
            4  on       on       ADP    IN   prep   1  O
            5  Monday   Monday   PROPN  NNP  pobj   4  B-DATE
            6  .        .        PUNCT  .    punct  1  O
        """,
        {('Blinken', 'visits', 'Cairo')},
        only=ONLY,
    ),
    case(
        'Abdollahian concluded his tour of the Persian Gulf states on Thursday.',
        """
            0   Abdollahian  Abdollahian  PROPN  NNP   nsubj     1  B-ORG
            1   concluded    conclude     VERB   VBD   ROOT      1  O
            2   his          his          PRON   PRP$  poss      3  O
            3   tour         tour         NOUN   NN    dobj      1  O
            4   of           of           ADP    IN    prep      3  O
            5   the          the          DET    DT    det       8  O
            6   Persian      Persian      PROPN  NNP   compound  7  B-LOC
            7   Gulf         Gulf         PROPN  NNP   compound  8  I-LOC
            8   states       state        NOUN   NNS   pobj      4  O
            9   on           on           ADP    IN    prep      1  O
            10  Thursday     Thursday     PROPN  NNP   pobj      9  B-DATE
            11  .            .            PUNCT  .     punct     1  O
        """,
        set(),
        only=ONLY,
    ),
    case(
        'The ministers discussed the looming visit to Saudi Arabia by the Iranian president.',
        """
            0   The        the        DET    DT   det       1   O
            1   ministers  minister   NOUN   NNS  nsubj     2   O
            2   discussed  discuss    VERB   VBD  ROOT      2   O
            3   the        the        DET    DT   det       5   O
            4   looming    loom       VERB   VBG  amod      5   O
            5   visit      visit      NOUN   NN   dobj      2   O
            6   to         to         ADP    IN   prep      5   O
            7   Saudi      Saudi      PROPN  NNP  compound  8   B-GPE
            8   Arabia     Arabia     PROPN  NNP  pobj      6   I-GPE
            9   by         by         ADP    IN   prep      5   O
            10  the        the        DET    DT   det       12  O
            11  Iranian    iranian    ADJ    JJ   amod      12  B-NORP
            12  president  president  NOUN   NN   pobj      9   O
            13  .          .          PUNCT  .    punct     2   O
        """,
        set(),
        only=ONLY,
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), KILLS)
def test_conflict_kills(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), ATTACKS)
def test_conflict_attacks_and_presence(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), VISITS)
def test_conflict_visits(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected


def _table(cases: list, sentence: str) -> str:
    return next(c.values[1] for c in cases if c.values[0] == sentence)


def test_conflict_shooting_kills_only_with_a_word_of_death():
    """"fatally shot" kills; a plain "shot" is an attack, credited to its own rule."""
    dead = "Lennon was fatally shot by Mark David Chapman."
    shot = "Jack Ruby shot Lee Harvey Oswald."
    assert [c.predicate for c in run_rule("conflict:shot-dead", dead, _table(KILLS, dead))] \
        == ["kills"]
    assert run_rule("conflict:shot", dead, _table(KILLS, dead)) == []
    assert [c.predicate for c in run_rule("conflict:shot", shot, _table(KILLS, shot))] \
        == ["attacks"]


def test_conflict_a_charge_is_less_sure_than_a_conviction():
    assert REGISTRY.rules["conflict:charged"].confidence \
        < REGISTRY.rules["conflict:convicted"].confidence


def test_conflict_victim_of_kills_is_a_person():
    """A killing of a group is an attack, never a kills fact."""
    s = "The Islamic State killed Iraqi soldiers."
    ex = run(s, _table(KILLS, s))
    assert not [r for r in ex.relations if r.predicate == "kills"]
