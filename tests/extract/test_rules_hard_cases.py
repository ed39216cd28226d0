"""Hard cases: realistic sentences the first version of the rules got wrong.

Each case is the parse ``en_core_web_sm`` gives for the sentence (written down
by hand, NER as the pipeline tags it) with the correct expectation under
shared/eval/GUIDELINES.md. Each was found failing, and the rule was fixed
(reduced passives, denial and directive scope, joint event verbs, heldIn from
any verb, hyphenated name pairs, light verbs, appositive owners, "allies of X",
"officials in <capital>", presupposed subject nominals, "no talks", gazetteer
over a PERSON label, acronyms defined in the text, non-ASCII headlines). The
comment above each case says what the rules produced before the fix.

Expectations are either ``exact`` (the triples, restricted to ``only`` where
given) or ``has`` / ``lacks`` (triples that must or must not be found) where the
rest of the reading is open.
"""

from __future__ import annotations

import pytest

from kg.extract.recase import is_headline
from kg.model import Article, Extraction, Mention, Relation
from kg.resolve.resolver import Resolver

from .docs import case, run, triples

GAPS = [
    # Reduced passive relative ("talks hosted by Egypt"): a participle with an agent but no
    # auxiliary is not seen as passive, so it looks for a direct object and finds none.
    # Today: nothing.
    case(
        "The talks, hosted by Egypt, began on Sunday.",
        """
            0  The    the    DET   DT    det        1   O
            1  talks  talk   NOUN  NNS   nsubj      7   O
            2  ,      ,      PUNCT ,     punct      1   O
            3  hosted host   VERB  VBN   acl        1   O
            4  by     by     ADP   IN    agent      3   O
            5  Egypt  Egypt  PROPN NNP   pobj       4   B-GPE
            6  ,      ,      PUNCT ,     punct      1   O
            7  began  begin  VERB  VBD   ROOT       7   O
            8  on     on     ADP   IN    prep       7   O
            9  Sunday Sunday PROPN NNP   pobj       8   B-DATE
            10 .      .      PUNCT .     punct      7   O
        """,
        {"exact": {("Egypt", "hosts", "Meeting")}},
    ),
    case(
        "The talks hosted by Egypt began on Sunday.",
        """
            0  The    the    DET   DT    det        1   O
            1  talks  talk   NOUN  NNS   nsubj      5   O
            2  hosted host   VERB  VBN   acl        1   O
            3  by     by     ADP   IN    agent      2   O
            4  Egypt  Egypt  PROPN NNP   pobj       3   B-GPE
            5  began  begin  VERB  VBD   ROOT       5   O
            6  on     on     ADP   IN    prep       5   O
            7  Sunday Sunday PROPN NNP   pobj       6   B-DATE
            8  .      .      PUNCT .     punct      5   O
        """,
        {"exact": {("Egypt", "hosts", "Meeting")}},
    ),
    # Denial scope: _suppressed walks from the relative-clause / conjoined verb up to a
    # governing "reject"/"deny" verb and treats the clause as denied. Today: nothing.
    case(
        "Turkey, which occupies parts of northern Syria, rejected the plan.",
        """
            0  Turkey   Turkey   PROPN NNP   nsubj      9   B-GPE
            1  ,        ,        PUNCT ,     punct      0   O
            2  which    which    PRON  WDT   nsubj      3   O
            3  occupies occupy   VERB  VBZ   relcl      0   O
            4  parts    part     NOUN  NNS   dobj       3   O
            5  of       of       ADP   IN    prep       4   O
            6  northern northern ADJ   JJ    amod       7   O
            7  Syria    Syria    PROPN NNP   pobj       5   B-GPE
            8  ,        ,        PUNCT ,     punct      0   O
            9  rejected reject   VERB  VBD   ROOT       9   O
            10 the      the      DET   DT    det        11  O
            11 plan     plan     NOUN  NN    dobj       9   O
            12 .        .        PUNCT .     punct      9   O
        """,
        {"exact": {("Turkey", "occupies", "Syria")}},
    ),
    case(
        "Turkey rejected the Russian proposal and attacked the SDF.",
        """
            0  Turkey   Turkey   PROPN NNP   nsubj      1   B-GPE
            1  rejected reject   VERB  VBD   ROOT       1   O
            2  the      the      DET   DT    det        4   O
            3  Russian  russian  ADJ   JJ    amod       4   B-NORP
            4  proposal proposal NOUN  NN    dobj       1   O
            5  and      and      CCONJ CC    cc         1   O
            6  attacked attack   VERB  VBD   conj       1   O
            7  the      the      DET   DT    det        8   O
            8  SDF      SDF      PROPN NNP   dobj       6   B-ORG
            9  .        .        PUNCT .     punct      1   O
        """,
        {"exact": {("Turkey", "attacks", "SDF")}},
    ),
    # The subject of an event verb ("restored relations", "normalize ties") is a party to
    # the event; only modifiers and "with/between" objects of "ties" are read.
    # Today: nothing / only Damascus.
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
        {"exact": {("Iran", "participatesIn", "Normalization"),
                   ("Saudi Arabia", "participatesIn", "Normalization")}},
    ),
    case(
        "Ankara agreed to normalize ties with Damascus.",
        """
            0  Ankara    Ankara    PROPN NNP   nsubj      1   B-GPE
            1  agreed    agree     VERB  VBD   ROOT       1   O
            2  to        to        PART  TO    aux        3   O
            3  normalize normalize VERB  VB    xcomp      1   O
            4  ties      tie       NOUN  NNS   dobj       3   O
            5  with      with      ADP   IN    prep       4   O
            6  Damascus  Damascus  PROPN NNP   pobj       5   B-GPE
            7  .         .         PUNCT .     punct      1   O
        """,
        {"exact": {("Ankara", "participatesIn", "Normalization"),
                   ("Damascus", "participatesIn", "Normalization")}, "only": {"participatesIn"}},
    ),
    # "held a meeting in Moscow": the HAPPEN_VERBS branch takes meetings only from the
    # subject or a passive subject, not from the direct object. Today: nothing.
    case(
        "The ministers held a meeting in Moscow.",
        """
            0  The       the      DET   DT    det        1   O
            1  ministers minister NOUN  NNS   nsubj      2   O
            2  held      hold     VERB  VBD   ROOT       2   O
            3  a         a        DET   DT    det        4   O
            4  meeting   meeting  NOUN  NN    dobj       2   O
            5  in        in       ADP   IN    prep       2   O
            6  Moscow    Moscow   PROPN NNP   pobj       5   B-GPE
            7  .         .        PUNCT .     punct      2   O
        """,
        {"exact": {("Meeting", "heldIn", "Moscow")}},
    ),
    # HAPPEN_VERBS without a verb frame ("begin", "take place", "resume"): _verb_extras is
    # only reached for verbs that have a frame in verbs.tsv. Today: no heldIn.
    case(
        "The meeting began in Geneva.",
        """
            0  The     the     DET   DT    det        1   O
            1  meeting meeting NOUN  NN    nsubj      2   O
            2  began   begin   VERB  VBD   ROOT       2   O
            3  in      in      ADP   IN    prep       2   O
            4  Geneva  Geneva  PROPN NNP   pobj       3   B-GPE
            5  .       .       PUNCT .     punct      2   O
        """,
        {"exact": {("Meeting", "heldIn", "Geneva")}},
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
        {"has": {("Meeting", "heldIn", "Ankara")}},
    ),
    # A hyphenated pair of names before an event noun ("US-Iran talks", "Syrian-Turkish
    # reconciliation"): the model hangs the first name on the second, and only direct
    # modifiers of the event noun are read. Today: the second name only (and no heldIn
    # with "resumed", a HAPPEN_VERB without a frame).
    case(
        "US-Iran talks resumed in Oman.",
        """
            0  US      US     PROPN NNP   compound   2   B-GPE
            1  -       -      PUNCT HYPH  punct      2   O
            2  Iran    Iran   PROPN NNP   compound   3   B-GPE
            3  talks   talk   NOUN  NNS   nsubj      4   O
            4  resumed resume VERB  VBD   ROOT       4   O
            5  in      in     ADP   IN    prep       4   O
            6  Oman    Oman   PROPN NNP   pobj       5   B-GPE
            7  .       .      PUNCT .     punct      4   O
        """,
        {"has": {("US", "participatesIn", "Meeting"), ("Iran", "participatesIn", "Meeting"),
                 ("Meeting", "heldIn", "Oman")}},
    ),
    case(
        "Syrian-Turkish reconciliation is slow.",
        """
            0  Syrian         syrian         ADJ   JJ    amod       2   B-NORP
            1  -              -              PUNCT HYPH  punct      2   O
            2  Turkish        turkish        ADJ   JJ    amod       3   B-NORP
            3  reconciliation reconciliation NOUN  NN    nsubj      4   O
            4  is             be             AUX   VBZ   ROOT       4   O
            5  slow           slow           ADJ   JJ    acomp      4   O
            6  .              .              PUNCT .     punct      4   O
        """,
        {"exact": {("Syrian", "participatesIn", "Normalization"),
                   ("Turkish", "participatesIn", "Normalization")}},
    ),
    case(
        "The Saudi-Iranian agreement surprised Washington.",
        """
            0  The        the        DET   DT    det        4   O
            1  Saudi      saudi      ADJ   JJ    amod       3   B-NORP
            2  -          -          PUNCT HYPH  punct      3   O
            3  Iranian    iranian    ADJ   JJ    amod       4   B-NORP
            4  agreement  agreement  NOUN  NN    nsubj      5   O
            5  surprised  surprise   VERB  VBD   ROOT       5   O
            6  Washington Washington PROPN NNP   npadvmod   5   B-GPE
            7  .          .          PUNCT .     punct      5   O
        """,
        {"exact": {("Saudi", "participatesIn", "Agreement"),
                   ("Iranian", "participatesIn", "Agreement")},
         "only": {"participatesIn"}},
    ),
    # Relational noun whose "to/for" phrase the model attaches to the light verb
    # ("provides support to X"). Today: nothing.
    case(
        "Iran provides support to Hezbollah.",
        """
            0  Iran      Iran      PROPN NNP   nsubj      1   B-GPE
            1  provides  provide   VERB  VBZ   ROOT       1   O
            2  support   support   NOUN  NN    dobj       1   O
            3  to        to        ADP   IN    prep       1   O
            4  Hezbollah Hezbollah PROPN NNP   pobj       3   B-ORG
            5  .         .         PUNCT .     punct      1   O
        """,
        {"exact": {("Iran", "supports", "Hezbollah")}},
    ),
    # Owner rule, organisation first: "SANA, Syria's state news agency" (the possessed noun
    # is an apposition of the organisation). Today: nothing.
    case(
        "SANA, Syria's state news agency, reported the attack.",
        """
            0  SANA     SANA   PROPN NNP   nsubj      8   B-ORG
            1  ,        ,      PUNCT ,     punct      0   O
            2  Syria    Syria  PROPN NNP   poss       6   B-GPE
            3  's       's     PART  POS   case       2   O
            4  state    state  NOUN  NN    compound   6   O
            5  news     news   NOUN  NN    compound   6   O
            6  agency   agency NOUN  NN    appos      0   O
            7  ,        ,      PUNCT ,     punct      0   O
            8  reported report VERB  VBD   ROOT       8   O
            9  the      the    DET   DT    det        10  O
            10 attack   attack NOUN  NN    dobj       8   O
            11 .        .      PUNCT .     punct      8   O
        """,
        {"exact": {("SANA", "partOf", "Syria")}},
    ),
    # Mutual noun with an "of" complement: "close allies of Assad" relates each to Assad,
    # not to each other. Today: Russia <-> Iran, and nothing with Assad.
    case(
        "Russia and Iran, close allies of Assad, condemned the strike.",
        """
            0  Russia    Russia  PROPN NNP   nsubj      9   B-GPE
            1  and       and     CCONJ CC    cc         0   O
            2  Iran      Iran    PROPN NNP   conj       0   B-GPE
            3  ,         ,       PUNCT ,     punct      0   O
            4  close     close   ADJ   JJ    amod       5   O
            5  allies    ally    NOUN  NNS   appos      0   O
            6  of        of      ADP   IN    prep       5   O
            7  Assad     Assad   PROPN NNP   pobj       6   B-PERSON
            8  ,         ,       PUNCT ,     punct      0   O
            9  condemned condemn VERB  VBD   ROOT       9   O
            10 the       the     DET   DT    det        11  O
            11 strike    strike  NOUN  NN    dobj       9   O
            12 .         .       PUNCT .     punct      9   O
        """,
        {"has": {("Russia", "cooperatesWith", "Assad"), ("Iran", "cooperatesWith", "Assad")},
         "lacks": {("Russia", "cooperatesWith", "Iran"), ("Iran", "cooperatesWith", "Russia")}},
    ),
    # A relational noun as the object of a rejecting verb: the light-verb fallback makes
    # the rejecter the agent of the call. Today: also (Turkey, demands, Withdrawal).
    case(
        "Turkey rejected calls for a withdrawal.",
        """
            0  Turkey     Turkey     PROPN NNP   nsubj      1   B-GPE
            1  rejected   reject     VERB  VBD   ROOT       1   O
            2  calls      call       NOUN  NNS   dobj       1   O
            3  for        for        ADP   IN    prep       2   O
            4  a          a          DET   DT    det        5   O
            5  withdrawal withdrawal NOUN  NN    pobj       3   O
            6  .          .          PUNCT .     punct      1   O
        """,
        {"exact": {("Turkey", "opposes", "Withdrawal")}},
    ),
    # "officials in Ankara" act for Turkey (the mention is even marked acting), but
    # _arg1 reads only "from/of" complements of actor nouns. Today: nothing.
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
        {"exact": {("Ankara", "supports", "Agreement")}},
    ),
    # A nominal fact presupposed under a modal verb: the sentence asserts Russia's
    # support; only its weakening is hedged. Today: suppressed, nothing.
    case(
        "Russia's support for Assad could weaken.",
        """
            0  Russia  Russia  PROPN NNP   poss       2   B-GPE
            1  's      's      PART  POS   case       0   O
            2  support support NOUN  NN    nsubj      6   O
            3  for     for     ADP   IN    prep       2   O
            4  Assad   Assad   PROPN NNP   pobj       3   B-PERSON
            5  could   could   AUX   MD    aux        6   O
            6  weaken  weaken  VERB  VB    ROOT       6   O
            7  .       .       PUNCT .     punct      6   O
        """,
        {"exact": {("Russia", "supports", "Assad")}},
    ),
    # Object control: the object of "urge" is the addressee, not what is demanded, and the
    # urged act is not asserted. Today: (Syria, demands, Turkey); (Ankara, supports, Agreement).
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
        # the gold annotates "X urged Y to V" as X demands Y as well as X demands V
        {"exact": {("Syria", "demands", "Withdrawal"), ("Syria", "demands", "Turkey")}},
    ),
    case(
        "Washington urged Ankara to support the deal.",
        """
            0  Washington Washington PROPN NNP   nsubj      1   B-GPE
            1  urged      urge       VERB  VBD   ROOT       1   O
            2  Ankara     Ankara     PROPN NNP   dobj       1   B-GPE
            3  to         to         PART  TO    aux        4   O
            4  support    support    VERB  VB    xcomp      1   O
            5  the        the        DET   DT    det        6   O
            6  deal       deal       NOUN  NN    dobj       4   O
            7  .          .          PUNCT .     punct      1   O
        """,
        {"lacks": {("Ankara", "supports", "Agreement")},
         "has": {("Washington", "demands", "Ankara")}},
    ),
    # Negation by a determiner ("no talks"): only "neg" dependents are read.
    # Today: Syria and Turkey take part in, and meet at, talks that did not happen.
    case(
        "There were no talks between Syria and Turkey.",
        """
            0  There   there   PRON  EX    expl       1   O
            1  were    be      VERB  VBD   ROOT       1   O
            2  no      no      DET   DT    det        3   O
            3  talks   talk    NOUN  NNS   attr       1   O
            4  between between ADP   IN    prep       3   O
            5  Syria   Syria   PROPN NNP   pobj       4   B-GPE
            6  and     and     CCONJ CC    cc         5   O
            7  Turkey  Turkey  PROPN NNP   conj       5   B-GPE
            8  .       .       PUNCT .     punct      1   O
        """,
        {"exact": set()},
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), GAPS)
def test_rules_known_gaps(sentence, table, expected, only):
    got = triples(run(sentence, table), predicates=expected.get("only"))
    if "exact" in expected:
        assert got == expected["exact"]
    assert expected.get("has", set()) <= got
    assert not expected.get("lacks", set()) & got


# ------------------------------------------------------------------ resolution
# Known gaps past the rules: kg.resolve.resolver and kg.extract.recase.


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        # A gazetteer organisation the NER calls a PERSON becomes a Person: entity_for only
        # trusts the gazetteer over a PERSON label for countries. Today: person/reuters etc.
        ("Reuters", ("organization/reuters", "Organization")),
        ("Anadolu Agency", ("organization/anadolu-agency", "Organization")),
        ("Hezbollah", ("organization/hezbollah", "Organization")),
    ],
)
def test_resolver_known_gap_gazetteer_org_tagged_person(surface, expected):
    ent = Resolver().entity_for(Mention(0, len(surface), surface, "PERSON", 0, True))
    assert ent is not None and (ent.key, ent.type) == expected


def test_resolver_known_gap_acronym_defined_in_text():
    """"The Kurdistan Free Life Party (PJAK) ... PJAK": one organisation, not two.

    Nothing reads the "Name (ACRONYM)" definition; an acronym the gazetteer lacks gets
    its own entity. Today: organization/kurdistan-free-life-party and organization/pjak.
    """
    t = "The Kurdistan Free Life Party (PJAK) attacked Iran. PJAK fighters attacked a base."
    name = Mention(4, 29, "Kurdistan Free Life Party", "ORG", 0, True)
    acro1 = Mention(31, 35, "PJAK", "ORG", 0, True)
    iran = Mention(46, 50, "Iran", "GPE", 0, True)
    acro2 = Mention(52, 56, "PJAK", "ORG", 1, True)
    assert [t[m.start:m.end] for m in (name, acro1, iran, acro2)] == [
        m.text for m in (name, acro1, iran, acro2)
    ]
    ex = Extraction(mentions=(name, acro1, iran, acro2),
                    relations=(Relation(acro2, "attacks", iran, 1, "svo", 0.85),))
    ra = Resolver().resolve(Article("a1", "a1.txt", t), ex)
    orgs = {k: e.label for k, e in ra.entities.items() if e.type == "Organization"}
    assert list(orgs.values()) == ["Kurdistan Free Life Party"]
    [r] = ra.relations
    assert r.subject.key in orgs


@pytest.mark.parametrize(
    "line",
    [
        # _WORD is ASCII-only, so "Türkiye" counts as "T" + a lower-case "rkiye" and the
        # line falls under the 80 % capitalised threshold. Today: not a headline.
        "Türkiye And Syria Seek Talks",
    ],
)
def test_recase_known_gap_headline_with_non_ascii_name(line):
    assert is_headline(line)


# Cases from the hand check of a random corpus sample (scripts/corpus_report.py).
SAMPLE_CASES = [
    # an event noun modifying an actor noun is not an event
    case(
        "Israeli occupation forces attacked the mosque.",
        """
            0  Israeli      israeli      ADJ   JJ    amod       2   B-NORP
            1  occupation   occupation   NOUN  NN    compound   2   O
            2  forces       force        NOUN  NNS   nsubj      3   O
            3  attacked     attack       VERB  VBD   ROOT       3   O
            4  the          the          DET   DT    det        5   O
            5  mosque       mosque       NOUN  NN    dobj       3   O
            6  .            .            PUNCT .     punct      3   O
        """,
        {"exact": set()},
    ),
    # a communication noun blocks the search for an event inside the object
    case(
        "Iran rejected reports of a nuclear deal.",
        """
            0  Iran         Iran         PROPN NNP   nsubj      1   B-GPE
            1  rejected     reject       VERB  VBD   ROOT       1   O
            2  reports      report       NOUN  NNS   dobj       1   O
            3  of           of           ADP   IN    prep       2   O
            4  a            a            DET   DT    det        6   O
            5  nuclear      nuclear      ADJ   JJ    amod       6   O
            6  deal         deal         NOUN  NN    pobj       3   O
            7  .            .            PUNCT .     punct      1   O
        """,
        {"lacks": {("Iran", "opposes", "Agreement")}},
    ),
    # an apposition on a named person describes that person
    case(
        "Araji met with Ali Ahmadian, the secretary of the Supreme National Security Council.",
        """
            0  Araji        Araji        PROPN NNP   nsubj      1   B-PERSON
            1  met          meet         VERB  VBD   ROOT       1   O
            2  with         with         ADP   IN    prep       1   O
            3  Ali          Ali          PROPN NNP   compound   4   B-PERSON
            4  Ahmadian     Ahmadian     PROPN NNP   pobj       2   I-PERSON
            5  ,            ,            PUNCT ,     punct      4   O
            6  the          the          DET   DT    det        7   O
            7  secretary    secretary    NOUN  NN    appos      4   O
            8  of           of           ADP   IN    prep       7   O
            9  the          the          DET   DT    det        13  B-ORG
            10 Supreme      Supreme      PROPN NNP   compound   13  I-ORG
            11 National     National     PROPN NNP   compound   13  I-ORG
            12 Security     Security     PROPN NNP   compound   13  I-ORG
            13 Council      Council      PROPN NNP   pobj       8   I-ORG
            14 .            .            PUNCT .     punct      1   O
        """,
        {"has": {("Araji", "meetsWith", "Ali Ahmadian")},
         "lacks": {("Araji", "meetsWith", "Supreme National Security Council")}},
    ),
    # locatedIn needs a place noun head and a direct place mention
    case(
        "Iran's Helmand water rights on the part of Afghanistan are not met.",
        """
            0  Iran         Iran         PROPN NNP   poss       4   B-GPE
            1  's           's           PART  POS   case       0   O
            2  Helmand      Helmand      PROPN NNP   compound   4   B-GPE
            3  water        water        NOUN  NN    compound   4   O
            4  rights       right        NOUN  NNS   nsubjpass  12  O
            5  on           on           ADP   IN    prep       4   O
            6  the          the          DET   DT    det        7   O
            7  part         part         NOUN  NN    pobj       5   O
            8  of           of           ADP   IN    prep       7   O
            9  Afghanistan  Afghanistan  PROPN NNP   pobj       8   B-GPE
            10 are          be           AUX   VBP   auxpass    12  O
            11 not          not          PART  RB    neg        12  O
            12 met          meet         VERB  VBN   ROOT       12  O
            13 .            .            PUNCT .     punct      12  O
        """,
        {"lacks": {("Helmand", "locatedIn", "Afghanistan")}},
    ),
]


@pytest.mark.parametrize(("sentence", "table", "expected", "only"), SAMPLE_CASES)
def test_rules_hard_cases_from_corpus_sample(sentence, table, expected, only):
    ex = run(sentence, table)
    got = triples(ex, predicates=expected.get("only"))
    if "exact" in expected:
        assert got == expected["exact"]
    assert expected.get("has", set()) <= got
    assert not expected.get("lacks", set()) & got
    assert not any(e.type == "Occupation" for e in ex.events) or "occupation forces" not in sentence
