"""Credit lines of monitored news ("Moscow IZVESTIYA in Russian"): the outlet basedIn the city.

Token tables are the parses kg's pipeline gives (recased as a build recases headlines);
corrections noted. A wire dateline ("SEOUL, South Korea (AP)") names where the story was
filed, not where the agency is based, and gives no seat.
"""

from __future__ import annotations

import pytest

from kg.extract.rules.geo import languages

from .docs import facts, run_rule, triples
from .docs import run as run_all

IZVESTIYA = (
    "PM2303111794 Moscow IZVESTIYA in Russian 23 Mar 94 p 3",
    """
        0  PM2303111794   PM2303111794   PROPN NNP   ROOT      0   O
        1  Moscow         Moscow         PROPN NNP   compound  2   B-GPE
        2  IZVESTIYA      izvestiya      NOUN  NN    ROOT      2   O
        3  in             in             ADP   IN    prep      2   O
        4  Russian        russian        ADJ   JJ    amod      5   B-NORP
        5  23             23             NUM   CD    punct     2   O
        6  Mar            Mar            PROPN NNP   nmod      8   O
        7  94             94             NUM   CD    nummod    6   B-CARDINAL
        8  p              p              NOUN  NN    prep      2   O
        9  3              3              NUM   CD    nummod    8   B-CARDINAL
    """,
)
BTA = (
    "Sofia BTA",
    """
        0  Sofia          Sofia          PROPN NNP   compound  1   B-GPE
        1  BTA            BTA            PROPN NNP   ROOT      1   O
    """,
)
RFI = (
    "Paris Radio France International",
    """
        0  Paris          Paris          PROPN NNP   compound  3   B-GPE
        1  Radio          Radio          PROPN NNP   compound  3   O
        2  France         France         PROPN NNP   compound  3   B-GPE
        3  International  International  PROPN NNP   ROOT      3   O
    """,
)
# the whole credit line tagged as one person's name; the city's name has three words
GLOBO = (
    "PY2604013394 Rio de Janeiro O GLOBO in Portuguese 23 Apr 94",
    """
        0  PY2604013394   PY2604013394   PROPN NNP   compound  5   O
        1  Rio            Rio            PROPN NNP   compound  5   B-PERSON
        2  de             de             PROPN NNP   compound  5   I-PERSON
        3  Janeiro        Janeiro        PROPN NNP   compound  5   I-PERSON
        4  O              O              PROPN NNP   compound  5   I-PERSON
        5  GLOBO          GLOBO          PROPN NNP   ROOT      5   I-PERSON
        6  in             in             ADP   IN    prep      5   O
        7  Portuguese     Portuguese     PROPN NNP   pobj      6   B-NORP
        8  23             23             NUM   CD    nummod    9   O
        9  Apr            Apr            PROPN NNP   npadvmod  5   O
        10 94             94             NUM   CD    nummod    9   B-CARDINAL
    """,
)
SEOUL_AP = (
    "SEOUL, South Korea (AP)",
    """
        0  SEOUL          SEOUL          PROPN NNP   ROOT      0   B-GPE
        1  ,              ,              PUNCT ,     punct     0   O
        2  South          South          PROPN NNP   compound  3   B-GPE
        3  Korea          Korea          PROPN NNP   conj      0   I-GPE
        4  (              (              PUNCT -LRB- punct     3   O
        5  AP             AP             PROPN NNP   appos     3   B-ORG
        6  )              )              PUNCT -RRB- punct     0   O
    """,
)
BEIJING_XINHUA = (
    "(Text) Beijing, February 21 (XINHUA) -- Qian met Li.",
    """
        0  (              (              PUNCT -LRB- punct     3   O
        1  Text           Text           PROPN NNP   nmod      3   O
        2  )              )              PUNCT -RRB- punct     3   O
        3  Beijing        Beijing        PROPN NNP   ROOT      3   B-GPE
        4  ,              ,              PUNCT ,     punct     3   O
        5  February       February       PROPN NNP   nmod      8   B-DATE
        6  21             21             NUM   CD    nummod    5   I-DATE
        7  (              (              PUNCT -LRB- punct     8   O
        8  XINHUA         XINHUA         PROPN NNP   appos     3   B-ORG
        9  )              )              PUNCT -RRB- punct     3   O
        10 --             --             PUNCT :     punct     3   O
        11 Qian           Qian           PROPN NNP   nsubj     12  B-PERSON
        12 met            meet           VERB  VBD   ROOT      12  O
        13 Li             Li             PROPN NNP   dobj      12  B-PERSON
        14 .              .              PUNCT .     punct     12  O
    """,
)
RADIO_LIBERTY = (
    "He spoke to Moscow Radio Liberty in Russian.",
    """
        0  He             he             PRON  PRP   nsubj     1   O
        1  spoke          speak          VERB  VBD   ROOT      1   O
        2  to             to             ADP   IN    prep      1   O
        3  Moscow         Moscow         PROPN NNP   compound  5   B-GPE
        4  Radio          Radio          PROPN NNP   compound  5   O
        5  Liberty        Liberty        PROPN NNP   pobj      2   O
        6  in             in             ADP   IN    prep      5   O
        7  Russian        Russian        PROPN NNP   pobj      6   B-NORP
        8  .              .              PUNCT .     punct     1   O
    """,
)
# a headline whose verb the recaser did not lower-case (corrected: "Warns", "Press" kept)
HEADLINE = (
    "Beijing Radio Warns Press",
    """
        0  Beijing        Beijing        PROPN NNP   compound  1   B-GPE
        1  Radio          Radio          PROPN NNP   nsubj     2   O
        2  Warns          warn           VERB  VBZ   ROOT      2   O
        3  Press          Press          PROPN NNP   dobj      2   O
    """,
)
TEHRAN_TIMES = (
    "Tehran Times",
    """
        0  Tehran         Tehran         PROPN NNP   compound  1   B-ORG
        1  Times          Times          PROPN NNP   ROOT      1   I-ORG
    """,
)
MAINICHI = (
    "Tokyo MAINICHI SHIMBUN",
    """
        0  Tokyo          Tokyo          PROPN NNP   compound  2   B-GPE
        1  MAINICHI       MAINICHI       PROPN NNP   compound  2   O
        2  SHIMBUN        SHIMBUN        PROPN NNP   ROOT      2   B-ORG
    """,
)
# "Federal" is a small Argentine town; the parenthesis opens a clause, not a line's end
FSB = (
    "The Federal Security Service (FSB) launched a probe.",
    """
        0  The            the            DET   DT    det       3   B-ORG
        1  Federal        Federal        PROPN NNP   compound  3   I-ORG
        2  Security       Security       PROPN NNP   compound  3   I-ORG
        3  Service        Service        PROPN NNP   nsubj     7   I-ORG
        4  (              (              PUNCT -LRB- punct     3   O
        5  FSB            FSB            PROPN NNP   appos     3   B-ORG
        6  )              )              PUNCT -RRB- punct     3   O
        7  launched       launch         VERB  VBD   ROOT      7   O
        8  a              a              DET   DT    det       9   O
        9  probe          probe          NOUN  NN    dobj      7   O
        10 .              .              PUNCT .     punct     7   O
    """,
)

CASES = [
    (IZVESTIYA, {("IZVESTIYA", "basedIn", "Moscow")}),
    (BTA, {("BTA", "basedIn", "Sofia")}),
    (RFI, {("Radio France International", "basedIn", "Paris")}),
    (GLOBO, {("O GLOBO", "basedIn", "Rio de Janeiro")}),
    (MAINICHI, {("MAINICHI SHIMBUN", "basedIn", "Tokyo")}),
    (SEOUL_AP, set()),          # a dateline: where the story was filed
    (BEIJING_XINHUA, set()),    # the same with a date
    (RADIO_LIBERTY, set()),     # a clause, not a credit line
    (HEADLINE, set()),          # a headline's verb
    (TEHRAN_TIMES, set()),      # the city is the paper's own name
    (FSB, set()),               # a clause goes on after the parenthesis
]


@pytest.mark.parametrize(("case", "expected"), CASES, ids=[c[0][0] for c in CASES])
def test_source_line(case, expected):
    assert facts(run_rule("geo:source-line", *case)) == expected


def test_outlet_is_an_organisation_and_city_a_place():
    (found,) = run_rule("geo:source-line", *BTA)
    assert found.subject.label == "ORG" and found.subject.acting
    assert found.object.label == "GPE" and not found.object.acting


@pytest.mark.parametrize("case", [MAINICHI])
def test_a_name_the_tagger_cut_gets_no_seat(case):
    """"Tokyo MAINICHI SHIMBUN": no rule seats the bare "SHIMBUN" in Tokyo."""
    assert not {t for t in triples(run_all(*case)) if t[0] == "SHIMBUN"}


@pytest.mark.parametrize(("name", "known"), [("Russian", True), ("Serbo-Croatian", True),
                                             ("Greek", True), ("Monday", False),
                                             ("Ewe", False)])
def test_languages(name, known):
    assert (name in languages()) is known
