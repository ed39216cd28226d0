"""People's homes read by CoNLL04-style constructions: "X is from Y", "a Fargo native".

Token tables are the parses kg's pipeline gives; corrections noted.
"""

from __future__ import annotations

import pytest

from .docs import facts, run_rule

TSURUYAMA = (
    "Mrs. Tsuruyama is from Yatsushiro in Kumamoto Prefecture.",
    """
        0  Mrs.           Mrs.           PROPN NNP   compound  1   O
        1  Tsuruyama      Tsuruyama      PROPN NNP   nsubj     2   B-PERSON
        2  is             be             AUX   VBZ   ROOT      2   O
        3  from           from           ADP   IN    prep      2   O
        4  Yatsushiro     Yatsushiro     PROPN NNP   pobj      3   B-GPE
        5  in             in             ADP   IN    prep      2   O
        6  Kumamoto       Kumamoto       PROPN NNP   compound  7   B-GPE
        7  Prefecture     Prefecture     PROPN NNP   pobj      5   I-GPE
        8  .              .              PUNCT .     punct     2   O
    """,
)
# hand-made: the negation of the sentence above
NOT_FROM = (
    "Smith is not from Texas.",
    """
        0  Smith          Smith          PROPN NNP   nsubj     1   B-PERSON
        1  is             be             AUX   VBZ   ROOT      1   O
        2  not            not            PART  RB    neg       1   O
        3  from           from           ADP   IN    prep      1   O
        4  Texas          Texas          PROPN NNP   pobj      3   B-GPE
        5  .              .              PUNCT .     punct     1   O
    """,
)
# hand-made: "from" on the verb, with "back" (the model hangs it on "back")
BACK_FROM = (
    "Smith is back from Paris.",
    """
        0  Smith          Smith          PROPN NNP   nsubj     1   B-PERSON
        1  is             be             AUX   VBZ   ROOT      1   O
        2  back           back           ADV   RB    advmod    1   O
        3  from           from           ADP   IN    prep      1   O
        4  Paris          Paris          PROPN NNP   pobj      3   B-GPE
        5  .              .              PUNCT .     punct     1   O
    """,
)
# the town tagged as an organisation and as a person
FARGO = (
    "Mr. Vee, a Fargo native, sent a sweater.",
    """
        0  Mr.            Mr.            PROPN NNP   compound  1   O
        1  Vee            Vee            PROPN NNP   nsubj     7   B-PERSON
        2  ,              ,              PUNCT ,     punct     1   O
        3  a              a              DET   DT    det       5   O
        4  Fargo          Fargo          PROPN NNP   compound  5   B-ORG
        5  native         native         NOUN  NN    appos     1   O
        6  ,              ,              PUNCT ,     punct     1   O
        7  sent           send           VERB  VBD   ROOT      7   O
        8  a              a              DET   DT    det       9   O
        9  sweater        sweater        NOUN  NN    dobj      7   O
        10 .              .              PUNCT .     punct     7   O
    """,
)
WILMINGTON = (
    "Miller is a Wilmington native.",
    """
        0  Miller         Miller         PROPN NNP   nsubj     1   B-PERSON
        1  is             be             AUX   VBZ   ROOT      1   O
        2  a              a              DET   DT    det       4   O
        3  Wilmington     Wilmington     PROPN NNP   compound  4   B-PERSON
        4  native         native         NOUN  NN    attr      1   O
        5  .              .              PUNCT .     punct     1   O
    """,
)
# hand-made: an organisation's name that is no place
APPLE = (
    "Cook, an Apple native, spoke.",
    """
        0  Cook           Cook           PROPN NNP   nsubj     6   B-PERSON
        1  ,              ,              PUNCT ,     punct     0   O
        2  an             an             DET   DT    det       4   O
        3  Apple          Apple          PROPN NNP   compound  4   B-ORG
        4  native         native         NOUN  NN    appos     0   O
        5  ,              ,              PUNCT ,     punct     0   O
        6  spoke          speak          VERB  VBD   ROOT      6   O
        7  .              .              PUNCT .     punct     6   O
    """,
)

CASES = [
    ("people:from", TSURUYAMA, {("Tsuruyama", "livesIn", "Yatsushiro")}),
    ("people:from", NOT_FROM, set()),
    ("people:from", BACK_FROM, set()),
    ("people:native", FARGO, {("Vee", "livesIn", "Fargo")}),
    ("people:native", WILMINGTON, {("Miller", "livesIn", "Wilmington")}),
    ("people:native", APPLE, set()),
]


@pytest.mark.parametrize(("rule_id", "case", "expected"), CASES,
                         ids=[f"{c[0]}: {c[1][0]}" for c in CASES])
def test_home(rule_id, case, expected):
    found = run_rule(rule_id, *case)
    assert facts(found) == expected
    assert all(c.object.label == "GPE" and not c.object.acting for c in found)


FORDS_THEATER = (
    "Booth shot Lincoln at Ford's Theater in Washington.",
    """
        0  Booth          Booth          PROPN NNP   nsubj     1   O
        1  shot           shoot          VERB  VBD   ROOT      1   O
        2  Lincoln        Lincoln        PROPN NNP   dobj      1   B-PERSON
        3  at             at             ADP   IN    prep      1   O
        4  Ford           Ford           PROPN NNP   poss      6   B-ORG
        5  's             's             PART  POS   case      4   O
        6  Theater        Theater        PROPN NNP   pobj      3   B-ORG
        7  in             in             ADP   IN    prep      6   O
        8  Washington     Washington     PROPN NNP   pobj      7   B-GPE
        9  .              .              PUNCT .     punct     1   O
    """,
)
REPORTER_BASED = (
    "Foster is the AP's reporter, based in Seattle.",
    """
        0  Foster         Foster         PROPN NNP   nsubj     1   B-PERSON
        1  is             be             AUX   VBZ   ROOT      1   O
        2  the            the            DET   DT    det       3   O
        3  AP             AP             PROPN NNP   poss      5   B-ORG
        4  's             's             PART  POS   case      3   O
        5  reporter       reporter       NOUN  NN    attr      1   O
        6  ,              ,              PUNCT ,     punct     5   O
        7  based          base           VERB  VBN   acl       5   O
        8  in             in             ADP   IN    prep      7   O
        9  Seattle        Seattle        PROPN NNP   pobj      8   B-GPE
        10 .              .              PUNCT .     punct     1   O
    """,
)


@pytest.mark.parametrize(("rule_id", "case"), [("people:org-of-place", FORDS_THEATER),
                                               ("people:based", REPORTER_BASED)],
                         ids=["bare head noun", "a person's noun is based"])
def test_no_seat(rule_id, case):
    """A bare "Theater" is no name; the reporter, not the AP, is based in Seattle."""
    assert facts(run_rule(rule_id, *case)) == set()


DC_COUNCIL = (
    "John Ray, a member of the District of Columbia Council, spoke.",
    """
        0  John           John           PROPN NNP   compound  1   B-PERSON
        1  Ray            Ray            PROPN NNP   nsubj     12  I-PERSON
        2  ,              ,              PUNCT ,     punct     1   O
        3  a              a              DET   DT    det       4   O
        4  member         member         NOUN  NN    appos     1   O
        5  of             of             ADP   IN    prep      4   O
        6  the            the            DET   DT    det       10  B-GPE
        7  District       District       PROPN NNP   nmod      10  I-GPE
        8  of             of             ADP   IN    prep      7   I-GPE
        9  Columbia       Columbia       PROPN NNP   pobj      8   I-GPE
        10 Council        Council        PROPN NNP   pobj      5   I-GPE
        11 ,              ,              PUNCT ,     punct     1   O
        12 spoke          speak          VERB  VBD   ROOT      12  O
        13 .              .              PUNCT .     punct     12  O
    """,
)
ONTARIO_AIRPORT = (
    "Beatrice Martinez, secretary at the Ontario airport, said it.",
    """
        0  Beatrice       Beatrice       PROPN NNP   compound  1   B-PERSON
        1  Martinez       Martinez       PROPN NNP   nsubj     9   I-PERSON
        2  ,              ,              PUNCT ,     punct     1   O
        3  secretary      secretary      NOUN  NN    appos     1   O
        4  at             at             ADP   IN    prep      3   O
        5  the            the            DET   DT    det       7   O
        6  Ontario        Ontario        PROPN NNP   compound  7   B-GPE
        7  airport        airport        NOUN  NN    pobj      4   O
        8  ,              ,              PUNCT ,     punct     1   O
        9  said           say            VERB  VBD   ROOT      9   O
        10 it             it             PRON  PRP   dobj      9   O
        11 .              .              PUNCT .     punct     9   O
    """,
)
AUSTRIA_HUNGARY = (
    "Princip shot Archduke Franz Ferdinand of Austria-Hungary.",
    """
        0  Princip        princip        NOUN  NN    nsubj     1   O
        1  shot           shoot          VERB  VBD   ROOT      1   O
        2  Archduke       Archduke       PROPN NNP   compound  4   B-PERSON
        3  Franz          Franz          PROPN NNP   compound  4   I-PERSON
        4  Ferdinand      Ferdinand      PROPN NNP   dobj      1   I-PERSON
        5  of             of             ADP   IN    prep      4   O
        6  Austria        Austria        PROPN NNP   compound  8   B-GPE
        7  -              -              PUNCT HYPH  punct     8   O
        8  Hungary        Hungary        PROPN NNP   pobj      5   B-GPE
        9  .              .              PUNCT .     punct     1   O
    """,
)

TITLE_CASES = [
    (DC_COUNCIL, {("John Ray", "memberOf", "District of Columbia Council")}),
    (ONTARIO_AIRPORT, set()),
    (AUSTRIA_HUNGARY, set()),
]


@pytest.mark.parametrize(("case", "expected"), TITLE_CASES, ids=[c[0][0] for c in TITLE_CASES])
def test_titles_and_homes(case, expected):
    """A body tagged as a place is a body; a town naming an airport or the end of a
    hyphenated name is nobody's home."""
    found = set()
    for rule_id in ("people:title-of", "people:title-home", "people:home-of"):
        found |= facts(run_rule(rule_id, *case))
    assert found == expected
