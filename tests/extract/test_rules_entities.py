"""Entity rules on hand-built Docs: mentions, titles and appositions, members, places, owners.

Every Doc is the parse ``en_core_web_sm`` gives for the sentence, written down by
hand (see :mod:`tests.extract.docs`); corrections are noted where made.
"""

from __future__ import annotations

import pytest

from .docs import case, run, triples

MENTIONS = [
    case(
        "Russian Defense Minister Sergei Shoigu hosted talks in Moscow on Tuesday.",
        """
            0  Russian  russian  ADJ   JJ    amod       2   B-NORP
            1  Defense  Defense  PROPN NNP   compound   2   B-ORG
            2  Minister Minister PROPN NNP   compound   4   O
            3  Sergei   Sergei   PROPN NNP   compound   4   B-PERSON
            4  Shoigu   Shoigu   PROPN NNP   nsubj      5   I-PERSON
            5  hosted   host     VERB  VBD   ROOT       5   O
            6  talks    talk     NOUN  NNS   dobj       5   O
            7  in       in       ADP   IN    prep       6   O
            8  Moscow   Moscow   PROPN NNP   pobj       7   B-GPE
            9  on       on       ADP   IN    prep       5   O
            10 Tuesday  Tuesday  PROPN NNP   pobj       9   B-DATE
            11 .        .        PUNCT .     punct      5   O
        """,
        # "Defense" (ORG inside the title) is no mention; dates are not entities
        [("Russian", "NORP", True), ("Sergei Shoigu", "PERSON", True), ("Moscow", "GPE", False)],
    ),
    case(
        "Moscow demanded the withdrawal of American forces.",
        """
            0  Moscow     Moscow     PROPN NNP   nsubj      1   B-GPE
            1  demanded   demand     VERB  VBD   ROOT       1   O
            2  the        the        DET   DT    det        3   O
            3  withdrawal withdrawal NOUN  NN    dobj       1   O
            4  of         of         ADP   IN    prep       3   O
            5  American   american   ADJ   JJ    amod       6   B-NORP
            6  forces     force      NOUN  NNS   pobj       4   O
            7  .          .          PUNCT .     punct      1   O
        """,
        [("Moscow", "GPE", True), ("American", "NORP", True)],
    ),
    case(
        "Officials in Ankara welcomed the agreement.",
        """
            0  Officials official  NOUN  NNS   nsubj      3   O
            1  in        in        ADP   IN    prep       0   O
            2  Ankara    Ankara    PROPN NNP   pobj       1   B-GPE
            3  welcomed  welcome   VERB  VBD   ROOT       3   O
            4  the       the       DET   DT    det        5   O
            5  agreement agreement NOUN  NN    dobj       3   O
            6  .         .         PUNCT .     punct      3   O
        """,
        [("Ankara", "GPE", True)],
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
        [("Lavrov", "PERSON", True), ("Cairo", "GPE", False), ("Shoukry", "PERSON", True)],
    ),
    case(
        "The Syrian Democratic Forces are backed by the United States.",
        """
            0  The        the        DET   DT    det        3   B-ORG
            1  Syrian     syrian     ADJ   JJ    compound   3   I-ORG
            2  Democratic Democratic PROPN NNP   compound   3   I-ORG
            3  Forces     Forces     PROPN NNPS  nsubjpass  5   I-ORG
            4  are        be         AUX   VBP   auxpass    5   O
            5  backed     back       VERB  VBN   ROOT       5   O
            6  by         by         ADP   IN    agent      5   O
            7  the        the        DET   DT    det        9   O
            8  United     United     PROPN NNP   compound   9   B-GPE
            9  States     States     PROPN NNP   pobj       6   I-GPE
            10 .          .          PUNCT .     punct      5   O
        """,
        [("Syrian Democratic Forces", "ORG", True), ("United States", "GPE", True)],
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
        [("Turkey", "GPE", True), ("Syria", "GPE", True)],
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), MENTIONS)
def test_rules_entities_mentions_and_acting(sentence, table, expected, only):
    """Mentions are trimmed NER spans; a capital after a locative or motion preposition is a \
place."""
    ex = run(sentence, table)
    assert [(m.text, m.label, m.acting) for m in ex.mentions] == expected
    for m in ex.mentions:
        assert sentence[m.start:m.end] == m.text


DEMONYM_ACTORS = [
    case(
        "The Syrian side demanded a withdrawal.",
        """
            0  The        the        DET   DT    det        2   O
            1  Syrian     syrian     ADJ   JJ    amod       2   B-NORP
            2  side       side       NOUN  NN    nsubj      3   O
            3  demanded   demand     VERB  VBD   ROOT       3   O
            4  a          a          DET   DT    det        5   O
            5  withdrawal withdrawal NOUN  NN    dobj       3   O
            6  .          .          PUNCT .     punct      3   O
        """,
        {("Syrian", "demands", "Withdrawal")},
    ),
    case(
        "Iran's foreign minister condemned the attack.",
        """
            0  Iran      Iran     PROPN NNP   poss       3   B-GPE
            1  's        's       PART  POS   case       0   O
            2  foreign   foreign  ADJ   JJ    amod       3   O
            3  minister  minister NOUN  NN    nsubj      4   O
            4  condemned condemn  VERB  VBD   ROOT       4   O
            5  the       the      DET   DT    det        6   O
            6  attack    attack   NOUN  NN    dobj       4   O
            7  .         .        PUNCT .     punct      4   O
        """,
        {("Iran", "opposes", "Attack")},
    ),
    case(
        "Turkish forces occupying northern Syria attacked the Kurds.",
        """
            0  Turkish   turkish  ADJ   JJ    amod       1   B-NORP
            1  forces    force    NOUN  NNS   nsubj      5   O
            2  occupying occupy   VERB  VBG   acl        1   O
            3  northern  northern ADJ   JJ    amod       4   O
            4  Syria     Syria    PROPN NNP   dobj       2   B-GPE
            5  attacked  attack   VERB  VBD   ROOT       5   O
            6  the       the      DET   DT    det        7   O
            7  Kurds     Kurds    PROPN NNPS  dobj       5   B-NORP
            8  .         .        PUNCT .     punct      5   O
        """,
        {("Turkish", "occupies", "Syria"), ("Turkish", "attacks", "Kurds")},
    ),
    case(
        "The Iranian and Syrian foreign ministers met in Damascus.",
        """
            0  The       the      DET   DT    det        5   O
            1  Iranian   iranian  ADJ   JJ    amod       5   B-NORP
            2  and       and      CCONJ CC    cc         1   O
            3  Syrian    syrian   ADJ   JJ    conj       1   B-NORP
            4  foreign   foreign  ADJ   JJ    amod       5   O
            5  ministers minister NOUN  NNS   nsubj      6   O
            6  met       meet     VERB  VBD   ROOT       6   O
            7  in        in       ADP   IN    prep       6   O
            8  Damascus  Damascus PROPN NNP   pobj       7   B-GPE
            9  .         .        PUNCT .     punct      6   O
        """,
        {("Iranian", "meetsWith", "Syrian")},
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), DEMONYM_ACTORS)
def test_rules_entities_demonym_and_actor_nouns(sentence, table, expected, only):
    """"the Syrian side", "Turkish forces", "Iran's foreign minister": the modifier is the actor."""
    assert triples(run(sentence, table), predicates=only) == expected


GOVT = [
    case(
        "The Assad government demanded a withdrawal.",
        """
            0  The        the        DET   DT    det        2   O
            1  Assad      Assad      PROPN NNP   compound   2   B-PERSON
            2  government government NOUN  NN    nsubj      3   O
            3  demanded   demand     VERB  VBD   ROOT       3   O
            4  a          a          DET   DT    det        5   O
            5  withdrawal withdrawal NOUN  NN    dobj       3   O
            6  .          .          PUNCT .     punct      3   O
        """,
        [("Assad", "PERSON", "government", True, "demands", "Withdrawal")],
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), GOVT)
def test_rules_entities_government_named_by_its_leader(sentence, table, expected, only):
    """"The Assad government" acts for the leader's state: the subject is a government mention."""
    ex = run(sentence, table)
    got = [(r.subject.text, r.subject.label, r.subject.kind, r.subject.acting, r.predicate,
            r.object.type) for r in ex.relations]
    assert got == expected


TITLES = [
    case(
        "Russian Defense Minister Sergei Shoigu hosted talks in Moscow on Tuesday.",
        MENTIONS[0].values[1],
        {("Sergei Shoigu", "memberOf", "Russian"),
         ("Sergei Shoigu", "memberOf", "Russian Defense Minister")},
        only={"memberOf"},
    ),
    case(
        "Iranian President Ebrahim Raisi visited Damascus.",
        """
            0  Iranian   iranian   ADJ   JJ    amod       1   B-NORP
            1  President President PROPN NNP   compound   3   O
            2  Ebrahim   Ebrahim   PROPN NNP   compound   3   B-PERSON
            3  Raisi     Raisi     PROPN NNP   nsubj      4   I-PERSON
            4  visited   visit     VERB  VBD   ROOT       4   O
            5  Damascus  Damascus  PROPN NNP   dobj       4   B-GPE
            6  .         .         PUNCT .     punct      4   O
        """,
        {("Ebrahim Raisi", "memberOf", "Iranian"),
         ("Ebrahim Raisi", "memberOf", "Iranian President"),
         ("Ebrahim Raisi", "visits", "Damascus")},
    ),
    case(
        "Turkish President Recep Tayyip Erdogan met Putin.",
        """
            0  Turkish   turkish   ADJ   JJ    amod       1   B-NORP
            1  President President PROPN NNP   compound   4   O
            2  Recep     Recep     PROPN NNP   compound   4   B-PERSON
            3  Tayyip    Tayyip    PROPN NNP   compound   4   I-PERSON
            4  Erdogan   Erdogan   PROPN NNP   nsubj      5   I-PERSON
            5  met       meet      VERB  VBD   ROOT       5   O
            6  Putin     Putin     PROPN NNP   dobj       5   B-PERSON
            7  .         .         PUNCT .     punct      5   O
        """,
        {
            ("Recep Tayyip Erdogan", "memberOf", "Turkish"),
            ("Recep Tayyip Erdogan", "memberOf", "Turkish President"),
        },
        only={"memberOf"},
    ),
    case(
        "Faisal Mekdad, the Syrian Foreign Minister, attended the talks.",
        """
            0  Faisal   Faisal   PROPN NNP   compound   1   B-PERSON
            1  Mekdad   Mekdad   PROPN NNP   nsubj      8   I-PERSON
            2  ,        ,        PUNCT ,     punct      1   O
            3  the      the      DET   DT    det        6   O
            4  Syrian   syrian   ADJ   JJ    amod       6   B-NORP
            5  Foreign  Foreign  PROPN NNP   compound   6   O
            6  Minister Minister PROPN NNP   appos      1   O
            7  ,        ,        PUNCT ,     punct      1   O
            8  attended attend   VERB  VBD   ROOT       8   O
            9  the      the      DET   DT    det        10  O
            10 talks    talk     NOUN  NNS   dobj       8   O
            11 .        .        PUNCT .     punct      8   O
        """,
        {("Faisal Mekdad", "memberOf", "Syrian"),
         ("Faisal Mekdad", "memberOf", "Syrian Foreign Minister")},
        only={"memberOf"},
    ),
    # a dateline before an apposed title is not part of it: the envoy's state is the
    # demonym's, not the dateline's city (Tehran would resolve to Iran); the model tags
    # the spaced "-" HYPH, here ":" so that the table keeps its spaces
    case(
        "TEHRAN - Palestinian Ambassador to Iran Salam Zawawi said the time has come.",
        """
            0  TEHRAN      TEHRAN      PROPN NNP  npadvmod  2   B-GPE
            1  -           -           PUNCT :    punct     2   O
            2  Palestinian palestinian ADJ   JJ   amod      3   B-NORP
            3  Ambassador  Ambassador  PROPN NNP  nsubj     8   O
            4  to          to          ADP   IN   prep      3   O
            5  Iran        Iran        PROPN NNP  pobj      4   B-GPE
            6  Salam       Salam       PROPN NNP  compound  7   B-PERSON
            7  Zawawi      Zawawi      PROPN NNP  appos     3   I-PERSON
            8  said        say         VERB  VBD  ROOT      8   O
            9  the         the         DET   DT   det       10  O
            10 time        time        NOUN  NN   nsubj     12  O
            11 has         have        AUX   VBZ  aux       12  O
            12 come        come        VERB  VBN  ccomp     8   O
            13 .           .           PUNCT .    punct     8   O
        """,
        {("Salam Zawawi", "memberOf", "Palestinian"),
         ("Salam Zawawi", "memberOf", "Palestinian Ambassador")},
        only={"memberOf"},
    ),
    # the same with the dateline set off by a spaced dash and parsed into the title
    case(
        "ANKARA \u2013 Syrian Foreign Minister Faisal Mekdad arrived.",
        """
            0  ANKARA   ANKARA   PROPN NNP   compound  3   B-GPE
            1  \u2013       \u2013       PUNCT :     punct     3   O
            2  Syrian   syrian   ADJ   JJ    amod      4   B-NORP
            3  Foreign  Foreign  PROPN NNP   compound  4   O
            4  Minister Minister PROPN NNP   compound  6   O
            5  Faisal   Faisal   PROPN NNP   compound  6   B-PERSON
            6  Mekdad   Mekdad   PROPN NNP   nsubj     7   I-PERSON
            7  arrived  arrive   VERB  VBD   ROOT      7   O
            8  .        .        PUNCT .     punct     7   O
        """,
        {("Faisal Mekdad", "memberOf", "Syrian"),
         ("Faisal Mekdad", "memberOf", "Syrian Foreign Minister")},
        only={"memberOf"},
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), TITLES)
def test_rules_entities_titles_and_appositions(sentence, table, expected, only):
    """A title before a name or in apposition: memberOf its state, and the title kept as a role."""
    ex = run(sentence, table)
    assert triples(ex, predicates=only) == expected
    roles = [r.object for r in ex.relations
             if r.predicate == "memberOf" and r.object.kind == "role"]
    assert len(roles) == 1 and sentence[roles[0].start:roles[0].end] == roles[0].text


def test_rules_entities_apposed_title_person_still_acts():
    sentence, table = TITLES[3].values[:2]  # the Mekdad apposition
    assert ("Faisal Mekdad", "participatesIn", "Meeting") in triples(run(sentence, table))


MEMBERS = [
    case(
        "Turkey and Greece are members of NATO.",
        """
            0  Turkey  Turkey PROPN NNP   nsubj      3   B-GPE
            1  and     and    CCONJ CC    cc         0   O
            2  Greece  Greece PROPN NNP   conj       0   B-GPE
            3  are     be     AUX   VBP   ROOT       3   O
            4  members member NOUN  NNS   attr       3   O
            5  of      of     ADP   IN    prep       4   O
            6  NATO    NATO   PROPN NNP   pobj       5   B-ORG
            7  .       .      PUNCT .     punct      3   O
        """,
        {("Turkey", "memberOf", "NATO"), ("Greece", "memberOf", "NATO")},
    ),
    case(
        "Egypt, Jordan and other Arab League members met in Cairo.",
        """
            0  Egypt   Egypt  PROPN NNP   nsubj      8   B-GPE
            1  ,       ,      PUNCT ,     punct      0   O
            2  Jordan  Jordan PROPN NNP   conj       0   B-GPE
            3  and     and    CCONJ CC    cc         2   O
            4  other   other  ADJ   JJ    amod       7   O
            5  Arab    Arab   PROPN NNP   compound   6   B-ORG
            6  League  League PROPN NNP   compound   7   I-ORG
            7  members member NOUN  NNS   conj       2   O
            8  met     meet   VERB  VBD   ROOT       8   O
            9  in      in     ADP   IN    prep       8   O
            10 Cairo   Cairo  PROPN NNP   pobj       9   B-GPE
            11 .       .      PUNCT .     punct      8   O
        """,
        {("Egypt", "memberOf", "Arab League"), ("Jordan", "memberOf", "Arab League")},
        only={"memberOf"},
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), MEMBERS)
def test_rules_entities_members(sentence, table, expected, only):
    ex = run(sentence, table)
    assert triples(ex, predicates=only) == expected
    assert {r.rule for r in ex.relations if r.predicate == "memberOf"} == {"member"}


LOCATED = [
    case(
        "Idlib province in Syria is under attack.",
        """
            0  Idlib    idlib    ADJ   JJ    amod       1   B-LOC
            1  province province NOUN  NN    nsubj      4   I-LOC
            2  in       in       ADP   IN    prep       1   O
            3  Syria    Syria    PROPN NNP   pobj       2   B-GPE
            4  is       be       AUX   VBZ   ROOT       4   O
            5  under    under    ADP   IN    prep       4   O
            6  attack   attack   NOUN  NN    pobj       5   O
            7  .        .        PUNCT .     punct      4   O
        """,
        {("Idlib province", "locatedIn", "Syria")},
    ),
    case(
        "The summit took place in Ankara, Turkey.",
        """
            0  The    the    DET   DT    det        1   O
            1  summit summit NOUN  NN    nsubj      2   O
            2  took   take   VERB  VBD   ROOT       2   O
            3  place  place  NOUN  NN    dobj       2   O
            4  in     in     ADP   IN    prep       2   O
            5  Ankara Ankara PROPN NNP   pobj       4   B-GPE
            6  ,      ,      PUNCT ,     punct      5   O
            7  Turkey Turkey PROPN NNP   appos      5   B-GPE
            8  .      .      PUNCT .     punct      2   O
        """,
        {("Ankara", "locatedIn", "Turkey")},
        only={"locatedIn"},
    ),
    case(
        "The Tanf garrison on the Iraq-Syria border was attacked.",
        """
            0  The      the      DET   DT    det        2   O
            1  Tanf     Tanf     PROPN NNP   compound   2   B-LOC
            2  garrison garrison NOUN  NN    nsubjpass  10  O
            3  on       on       ADP   IN    prep       2   O
            4  the      the      DET   DT    det        8   O
            5  Iraq     Iraq     PROPN NNP   compound   7   B-LOC
            6  -        -        PUNCT HYPH  punct      7   I-LOC
            7  Syria    Syria    PROPN NNP   compound   8   I-LOC
            8  border   border   NOUN  NN    pobj       3   I-LOC
            9  was      be       AUX   VBD   auxpass    10  O
            10 attacked attack   VERB  VBN   ROOT       10  O
            11 .        .        PUNCT .     punct      10  O
        """,
        {("Tanf", "locatedIn", "Iraq-Syria border")},
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), LOCATED)
def test_rules_entities_located(sentence, table, expected, only):
    ex = run(sentence, table)
    assert triples(ex, predicates=only) == expected
    for r in ex.relations:
        if r.predicate == "locatedIn":  # both ends are places, not actors
            assert (r.subject.acting, r.object.acting) == (False, False)


OWNERS = [
    # The model reads "SANA" as a second subject; the table has the apposition.
    case(
        "Syria's official news agency SANA reported the attack.",
        """
        0  Syria    Syria    PROPN NNP   poss       4   B-GPE
        1  's       's       PART  POS   case       0   O
        2  official official ADJ   JJ    amod       4   O
        3  news     news     NOUN  NN    compound   4   O
        4  agency   agency   NOUN  NN    nsubj      6   O
        5  SANA     SANA     PROPN NNP   appos      4   B-ORG
        6  reported report   VERB  VBD   ROOT       6   O
        7  the      the      DET   DT    det        8   O
        8  attack   attack   NOUN  NN    dobj       6   O
        9  .        .        PUNCT .     punct      6   O
        """,
        {("SANA", "partOf", "Syria")},
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), OWNERS)
def test_rules_entities_org_owner(sentence, table, expected, only):
    assert triples(run(sentence, table), predicates=only) == expected
