"""Each registered rule run alone on a hand-built Doc (:func:`kg.extract.rules.run_rule`).

One row per rule id: the sentence, its token table (most are the tables of the other
rule tests, found by sentence; the rest are written here) and the facts that rule
alone finds, before the runner's dedupe. Every Doc is the parse ``en_core_web_sm``
gives (through kg's pipeline), corrections noted.
"""

from __future__ import annotations

import pytest

from kg.extract.rules import REGISTRY, Candidate, extract
from kg.model import Mention

from . import test_conflict_rules as C
from . import test_conll_geo as CG
from . import test_conll_people as CP
from . import test_conll_source as CS
from . import test_geo_rules as G
from . import test_people_rules as P
from . import test_re3d_conflict as RC
from . import test_re3d_stance as RS
from . import test_rules_entities as E
from . import test_rules_hard_cases as H
from . import test_rules_nominal as N
from . import test_rules_nouns as O
from . import test_rules_svo as S
from . import test_stance_rules as ST
from .docs import doc_for, facts, run_rule, table_of, triples

# the model tags "US" npadvmod, which the "hyphen" rule takes; as "dep" only "lead" does
US_LED_WAR = """
    0  The          the          DET   DT    det        4   O
    1  US           US           PROPN NNP   dep        3   B-GPE
    2  -            -            PUNCT HYPH  punct      3   O
    3  led          lead         VERB  VBN   amod       4   O
    4  war          war          NOUN  NN    nsubj      7   O
    5  in           in           ADP   IN    prep       4   O
    6  Iraq         Iraq         PROPN NNP   pobj       5   B-GPE
    7  ended        end          VERB  VBD   ROOT       7   O
    8  .            .            PUNCT .     punct      7   O
"""
TALKS_AMONG = """
    0  Talks        talk         NOUN  NNS   nsubj      7   O
    1  among        among        ADP   IN    prep       0   O
    2  Russia       Russia       PROPN NNP   pobj       1   B-GPE
    3  ,            ,            PUNCT ,     punct      2   O
    4  Iran         Iran         PROPN NNP   conj       2   B-GPE
    5  and          and          CCONJ CC    cc         4   O
    6  Turkey       Turkey       PROPN NNP   conj       4   B-GPE
    7  ended        end          VERB  VBD   ROOT       7   O
    8  .            .            PUNCT .     punct      7   O
"""
NORMALIZATION_OF_TIES = """
    0  Moscow       Moscow       PROPN NNP   nsubj      1   B-GPE
    1  supports     support      VERB  VBZ   ROOT       1   O
    2  the          the          DET   DT    det        3   O
    3  normalization normalization NOUN NN   dobj       1   O
    4  of           of           ADP   IN    prep       3   O
    5  relations    relation     NOUN  NNS   pobj       4   O
    6  between      between      ADP   IN    prep       5   O
    7  Ankara       Ankara       PROPN NNP   pobj       6   B-GPE
    8  and          and          CCONJ CC    cc         7   O
    9  Damascus     Damascus     PROPN NNP   conj       7   B-GPE
    10 .            .            PUNCT .     punct      1   O
"""
RAPPROCHEMENT_TALKS = """
    0  Rapprochement rapprochement ADJ  JJ    amod       1   O
    1  talks        talk         NOUN  NNS   nsubj      2   O
    2  began        begin        VERB  VBD   ROOT       2   O
    3  .            .            PUNCT .     punct      2   O
"""
DISCUSSED_WITHDRAWING = """
    0  At           at           ADP   IN    prep       6   O
    1  the          the          DET   DT    det        2   O
    2  talks        talk         NOUN  NNS   pobj       0   O
    3  ,            ,            PUNCT ,     punct      6   O
    4  the          the          DET   DT    det        5   O
    5  ministers    minister     NOUN  NNS   nsubj      6   O
    6  discussed    discuss      VERB  VBD   ROOT       6   O
    7  withdrawing  withdraw     VERB  VBG   xcomp      6   O
    8  troops       troop        NOUN  NNS   dobj       7   O
    9  .            .            PUNCT .     punct      6   O
"""
MET_FOR_TALKS = """
    0  Erdogan      Erdogan      PROPN NNP   nsubj      3   B-PERSON
    1  and          and          CCONJ CC    cc         0   O
    2  Putin        Putin        PROPN NNP   conj       0   B-PERSON
    3  met          meet         VERB  VBD   ROOT       3   O
    4  in           in           ADP   IN    prep       3   O
    5  Sochi        Sochi        PROPN NNP   pobj       4   B-GPE
    6  for          for          ADP   IN    prep       3   O
    7  talks        talk         NOUN  NNS   pobj       6   O
    8  .            .            PUNCT .     punct      3   O
"""
IN_AN_EFFORT = """
    0  Russia       Russia       PROPN NNP   nsubj      1   B-GPE
    1  hosted       host         VERB  VBD   ROOT       1   O
    2  talks        talk         NOUN  NNS   dobj       1   O
    3  in           in           ADP   IN    prep       2   O
    4  an           an           DET   DT    det        5   O
    5  effort       effort       NOUN  NN    pobj       3   O
    6  to           to           PART  TO    aux        7   O
    7  normalize    normalize    VERB  VB    acl        5   O
    8  relations    relation     NOUN  NNS   dobj       7   O
    9  .            .            PUNCT .     punct      1   O
"""


Facts = set[tuple[str, str, str]]


def row(rule_id: str, sentence: str, table: str, expected: Facts) -> object:
    return pytest.param(rule_id, sentence, table, expected, id=f"{rule_id}: {sentence}")


def ref(rule_id: str, cases: list[object], sentence: str, expected: Facts) -> object:
    """A row whose token table is the one another rule test wrote for ``sentence``."""
    return row(rule_id, sentence, table_of(cases, sentence), expected)


HOSTED_IN_CAIRO = "Egypt hosted talks in Cairo."
HELD_WITH_IRAN = "Russia held talks with Iran."
MET_IN_SOCHI = "Erdogan and Putin met in Sochi for talks."
TRAVELLED = "Lavrov travelled to Cairo for talks with Shoukry."
TALKS_BETWEEN = "Talks between Damascus and Ankara resumed."
WAR_ON_ISIS = "Washington's war on ISIS ended."
RAISI = "Iranian President Ebrahim Raisi visited Damascus."
PKK = "Kurdistan Workers' Party"

ROWS = [
    # svo
    ref("svo", S.ACTIVE_PASSIVE, HOSTED_IN_CAIRO, {("Egypt", "hosts", "Meeting")}),
    ref("svo:passive", S.ACTIVE_PASSIVE, "Talks were hosted by Russia.",
        {("Russia", "hosts", "Meeting")}),
    ref("svo:inverse", S.CLAUSES, "The meeting, which included Iran, ended on Tuesday.",
        {("Iran", "participatesIn", "Meeting")}),
    # hyphen
    ref("hyphen", S.HYPHEN, "The US-backed SDF controls the oil fields.",
        {("US", "supports", "SDF")}),
    # the head is also an owner's target: the self-fact is dropped by the runner, not the rule
    ref("poss-participle", S.HYPHEN, "Turkey's banned Kurdistan Workers' Party attacked the base.",
        {("Turkey", "opposes", PKK), (PKK, "opposes", PKK)}),
    row("hyphen:lead", "The US-led war in Iraq ended.", US_LED_WAR,
        {("US", "participatesIn", "Conflict")}),
    # purpose
    ref("svo:prerequisite", O.PREREQUISITE, "Syria sees the withdrawal as a precondition.",
        {("Syria", "demands", "Withdrawal")}),
    row("svo:purpose", "Russia hosted talks in an effort to normalize relations.", IN_AN_EFFORT,
        {("Russia", "supports", "Normalization"), ("Meeting", "discusses", "Normalization")}),
    # meeting
    ref("svo:reciprocal", S.MEET, "Erdogan and Putin met in Sochi.",
        {("Erdogan", "meetsWith", "Putin")}),
    row("svo:meet-for", MET_IN_SOCHI, MET_FOR_TALKS,
        {("Erdogan", "participatesIn", "Meeting"), ("Putin", "participatesIn", "Meeting")}),
    row("svo:meet-in", MET_IN_SOCHI, MET_FOR_TALKS, {("Meeting", "heldIn", "Sochi")}),
    ref("svo:receive-for", S.HOLD_HOST, "Egypt received the Turkish minister for talks.",
        {("Egypt", "hosts", "Meeting")}),
    ref("svo:hold-with", S.HOLD_HOST, HELD_WITH_IRAN, {("Russia", "meetsWith", "Iran")}),
    ref("svo:hold-with:partner", S.HOLD_HOST, HELD_WITH_IRAN,
        {("Iran", "participatesIn", "Meeting")}),
    ref("svo:host-place", S.ACTIVE_PASSIVE, HOSTED_IN_CAIRO, {("Meeting", "heldIn", "Egypt")}),
    ref("svo:held-in", S.HOLD_HOST, "Talks were held in Cairo.", {("Meeting", "heldIn", "Cairo")}),
    # topics
    row("nominal:topic-modifier", "Rapprochement talks began.", RAPPROCHEMENT_TALKS,
        {("Meeting", "discusses", "Normalization")}),
    ref("nominal:topic", N.TOPICS, "Ministers held talks on the return of refugees.",
        {("Meeting", "discusses", "RefugeeReturn")}),
    ref("svo:at-meeting", N.TOPICS,
        "During the talks, the ministers discussed the return of refugees.",
        {("Meeting", "discusses", "RefugeeReturn")}),
    row("svo:at-meeting:goal", "At the talks, the ministers discussed withdrawing troops.",
        DISCUSSED_WITHDRAWING, {("Meeting", "discusses", "Withdrawal")}),
    ref("nominal:adjunct", N.ADJUNCTS, TRAVELLED,
        {("Lavrov", "participatesIn", "Meeting"), ("Lavrov", "meetsWith", "Shoukry")}),
    ref("nominal:destination", N.ADJUNCTS, TRAVELLED, {("Meeting", "heldIn", "Cairo")}),
    # nominal
    ref("nominal:between", N.NOMINAL, TALKS_BETWEEN,
        {("Damascus", "participatesIn", "Meeting"), ("Ankara", "participatesIn", "Meeting")}),
    ref("nominal:between:meet", N.NOMINAL, TALKS_BETWEEN, {("Damascus", "meetsWith", "Ankara")}),
    row("nominal:among", "Talks among Russia, Iran and Turkey ended.", TALKS_AMONG,
        {("Russia", "participatesIn", "Meeting"), ("Iran", "participatesIn", "Meeting"),
         ("Turkey", "participatesIn", "Meeting")}),
    ref("nominal:with", S.HOLD_HOST, HELD_WITH_IRAN, {("Iran", "participatesIn", "Meeting")}),
    ref("nominal:in", S.ACTIVE_PASSIVE, HOSTED_IN_CAIRO, {("Meeting", "heldIn", "Cairo")}),
    row("nominal:of-between",
        "Moscow supports the normalization of relations between Ankara and Damascus.",
        NORMALIZATION_OF_TIES,
        {("Ankara", "participatesIn", "Normalization"),
         ("Damascus", "participatesIn", "Normalization")}),
    ref("nominal:poss", N.NOMINAL, WAR_ON_ISIS, {("Washington", "participatesIn", "Conflict")}),
    ref("nominal:war-on", N.NOMINAL, WAR_ON_ISIS, {("Washington", "attacks", "ISIS")}),
    ref("nominal:modifier", N.NOMINAL, "Turkish reconciliation with Syria is slow.",
        {("Turkish", "participatesIn", "Normalization")}),
    ref("nominal:modifier:meet", H.GAPS, "US-Iran talks resumed in Oman.",
        {("US", "meetsWith", "Iran")}),
    ref("nominal:occupation", N.NOMINAL, "Turkey's occupation of northern Syria continues.",
        {("Turkey", "occupies", "Syria")}),
    ref("svo:event-verb", N.EVENTS, "Iran and Saudi Arabia restored relations.",
        {("Iran", "participatesIn", "Normalization"),
         ("Saudi Arabia", "participatesIn", "Normalization")}),
    # member, nouns
    ref("member", E.MEMBERS, "Turkey and Greece are members of NATO.",
        {("Turkey", "memberOf", "NATO"), ("Greece", "memberOf", "NATO")}),
    ref("noun:<lemma>", S.PRONOUN_AND_LEMMA, "Russia waged war on ISIS.",
        {("Russia", "attacks", "ISIS")}),
    ref("noun:mutual", O.MUTUAL, "Iran and Saudi Arabia, longtime rivals, restored ties.",
        {("Iran", "opposes", "Saudi Arabia"), ("Saudi Arabia", "opposes", "Iran")}),
    ref("noun:mutual-in", RS.WITHIN, "NATO allies France and Germany sent troops.",
        {("France", "memberOf", "NATO"), ("Germany", "memberOf", "NATO")}),
    ref("noun:mutual-of", H.GAPS, "Russia and Iran, close allies of Assad, condemned the strike.",
        {("Russia", "cooperatesWith", "Assad"), ("Iran", "cooperatesWith", "Assad")}),
    # title, located
    ref("title", E.TITLES, RAISI, {("Ebrahim Raisi", "memberOf", "Iranian")}),
    ref("title:role", E.TITLES, RAISI, {("Ebrahim Raisi", "memberOf", "Iranian President")}),
    ref("located", E.LOCATED, "Idlib province in Syria is under attack.",
        {("Idlib province", "locatedIn", "Syria")}),
    ref("located:comma", E.LOCATED, "The summit took place in Ankara, Turkey.",
        {("Ankara", "locatedIn", "Turkey")}),
    ref("poss-owner", E.OWNERS, "Syria's official news agency SANA reported the attack.",
        {("SANA", "partOf", "Syria")}),
    # --- geo rows ---
    row("geo:dateline", *G.PERUGIA, {("PERUGIA", "locatedIn", "Italy")}),
    row("geo:chain", *G.SEASHORE, {("Fire Island National Seashore", "locatedIn", "Patchogue"),
                                   ("Fire Island National Seashore", "locatedIn", "N.Y.")}),
    row("geo:copula", *G.ROME, {("Rome", "locatedIn", "Lazio province"),
                                ("Naples", "locatedIn", "Campania")}),
    row("geo:region-in", *G.RAQQA_PROVINCE, {("Al-Raqqa", "locatedIn", "Syria")}),
    row("geo:source-line", *CS.IZVESTIYA, {("IZVESTIYA", "basedIn", "Moscow")}),
    row("located:poss", *CG.KAFUE, {("Kafue River", "locatedIn", "Zambia")}),

    # --- people rows ---
    row("people:from", *CP.TSURUYAMA, {("Tsuruyama", "livesIn", "Yatsushiro")}),
    ref("people:title-of", P.CASES, "Andrew Stephens, president of Eaglebrook Plastics, said it.",
        {("Andrew Stephens", "memberOf", "Eaglebrook Plastics")}),
    ref("people:title-home", P.CASES, "Richard Daley, the mayor of Chicago, spoke.",
        {("Richard Daley", "livesIn", "Chicago")}),
    ref("title:home", P.CASES, "Ohio Governor John Kasich left office.",
        {("John Kasich", "livesIn", "Ohio")}),
    ref("people:name-of", P.CASES, "Phillip Lieberman of Brown University was quoted.",
        {("Phillip Lieberman", "memberOf", "Brown University")}),
    ref("people:name-poss", P.CASES, "Boston University's John Silber said so.",
        {("John Silber", "memberOf", "Boston University")}),
    ref("people:home-of", P.CASES, "Andrew Hall of Miami, Fla., confirmed it.",
        {("Andrew Hall", "livesIn", "Miami"), ("Andrew Hall", "livesIn", "Fla.")}),
    ref("people:role-compound", P.CASES, "CBS anchorman Dan Rather spoke.",
        {("Dan Rather", "memberOf", "CBS")}),
    ref("people:born", P.CASES, "Woodrow Wilson was born in Virginia.",
        {("Woodrow Wilson", "livesIn", "Virginia")}),
    ref("people:native", P.CASES, "Thomas is a native of Chisholm, Minn.",
        {("Thomas", "livesIn", "Chisholm"), ("Thomas", "livesIn", "Minn.")}),
    ref("people:based", P.CASES, "The Field Museum is headquartered in Chicago.",
        {("Field Museum", "basedIn", "Chicago")}),
    ref("people:based-hyphen", P.CASES, "Delta, the Atlanta-based airline, said so.",
        {("Delta", "basedIn", "Atlanta")}),
    ref("people:org-of-place", P.CASES, "Manufacturers Hanover Trust Co. of New York said so.",
        {("Manufacturers Hanover Trust Co.", "basedIn", "New York")}),
    ref("people:org-poss-place", P.CASES, "Chicago's Field Museum opened.",
        {("Field Museum", "basedIn", "Chicago")}),
    ref("people:org-place-compound", P.CASES, "Col. Harold Richardson of the U.S. Strategic "
        "Defense Initiative Office told the magazine.",
        {("Defense Initiative Office", "partOf", "U.S.")}),
    ref("people:unit-part", P.CASES,
        "Soldiers from the 3rd Battalion, 321st Field Artillery Regiment arrived.",
        {("3rd Battalion", "partOf", "321st Field Artillery Regiment")}),
    ref("people:as-part", P.CASES, "The 134th Expeditionary Fighter Squadron deployed as part "
        "of the 407th Air Expeditionary Group.",
        {("134th Expeditionary Fighter Squadron", "partOf", "407th Air Expeditionary Group")}),
    ref("people:members-include", P.CASES, "NATO members include Turkey, Greece and Canada.",
        {("Turkey", "memberOf", "NATO"), ("Greece", "memberOf", "NATO"),
         ("Canada", "memberOf", "NATO")}),
    ref("people:joined", P.CASES, "Smith was elected to the Senate in 1980.",
        {("Smith", "memberOf", "Senate")}),

    # --- conflict rows ---
    ref("conflict:killer-noun", C.KILLS, "Grant Cooper defended Kennedy assassin Sirhan B. Sirhan.",
        {("Sirhan B. Sirhan", "kills", "Kennedy")}),
    ref("conflict:killing-of", C.KILLS,
        "The murder of John Lennon by Mark Chapman shocked the world.",
        {("Mark Chapman", "kills", "John Lennon")}),
    ref("conflict:convicted", C.KILLS, "Mark David Chapman pleaded guilty to killing John Lennon.",
        {("Mark David Chapman", "kills", "John Lennon")}),
    ref("conflict:charged", C.KILLS, "John Smith was charged with the murder of Jane Doe.",
        {("John Smith", "kills", "Jane Doe")}),
    ref("conflict:shot-dead", C.KILLS, "Lennon was fatally shot by Mark David Chapman.",
        {("Mark David Chapman", "kills", "Lennon")}),
    ref("conflict:shot", C.KILLS, "Jack Ruby shot Lee Harvey Oswald.",
        {("Jack Ruby", "attacks", "Lee Harvey Oswald")}),
    ref("conflict:fired-shots", C.KILLS,
        "Lee Harvey Oswald fired the shots that killed John Kennedy.",
        {("Lee Harvey Oswald", "kills", "John Kennedy")}),
    ref("conflict:killed-group", C.KILLS, "The Islamic State killed Iraqi soldiers.",
        {("Islamic State", "attacks", "Iraqi")}),
    ref("conflict:attack-noun", C.ATTACKS, "Turkey launched an assault on the YPG.",
        {("Turkey", "attacks", "YPG")}),
    ref("conflict:fights-in", C.ATTACKS, "Russian forces carried out airstrikes in Syria.",
        {("Russian", "operatesIn", "Syria")}),
    ref("conflict:target-in", C.ATTACKS,
        "Near Mosul, four strikes engaged three ISIL tactical units.",
        {("ISIL", "operatesIn", "Mosul")}),
    ref("conflict:forces-in", C.ATTACKS, "Turkish troops in Syria remain a problem.",
        {("Turkish", "operatesIn", "Syria")}),
    ref("conflict:has-forces", C.ATTACKS, "The U.S. has about 900 troops in Syria.",
        {("U.S.", "operatesIn", "Syria")}),
    ref("conflict:visit-noun", C.VISITS, "Kerry met Lavrov during his visit to Moscow.",
        {("Kerry", "visits", "Moscow")}),
    ref("conflict:campaign-to", RC.CAMPAIGNS,
        "The Global Coalition continues its efforts to degrade and defeat Da'esh.",
        {("Coalition", "attacks", "Da'esh")}),

    # --- stance rows ---
    ref("stance:call-with", RS.CALLS,
        "In a phone call with Vladimir Putin, Erdogan praised the deal.",
        {("Erdogan", "meetsWith", "Vladimir Putin")}),
    ref("stance:designates", RS.DESIGNATES, "Washington has labeled Hezbollah a terrorist group.",
        {("Washington", "accuses", "Hezbollah")}),
    row("stance:in-support", "The United States remains steadfast in support of Turkey.",
        ST.IN_SUPPORT, {("United States", "supports", "Turkey")}),
    row("stance:with-support", "The SDF, with support from Turkey, captured Raqqa.",
        ST.WITH_SUPPORT, {("Turkey", "supports", "SDF")}),
    row("stance:act-agent", "The United States strongly condemns ISIL's attacks.",
        ST.ACT_AGENT, {("United States", "opposes", "ISIL")}),
    row("stance:mutual-poss", "Syria's ally Russia condemned the strike.", ST.MUTUAL_POSS,
        {("Russia", "cooperatesWith", "Syria")}),
    row("stance:mutual-attr", "Russia is a close ally of Syria.", ST.MUTUAL_ATTR,
        {("Russia", "cooperatesWith", "Syria")}),
    row("stance:spoke-with", "Erdogan spoke with Putin on Tuesday.", ST.SPOKE_WITH,
        {("Erdogan", "meetsWith", "Putin")}),
    row("stance:backs-agent", "Iran has supported the Chinese initiative.", ST.BACKS_INITIATIVE,
        {("Iran", "supports", "Chinese")}),
    row("stance:received", "Hamas received support from Iran.", ST.RECEIVED_SUPPORT,
        {("Iran", "supports", "Hamas")}),
    row("stance:demand-that", "Iran demanded that the United States lift the sanctions.",
        ST.DEMANDED_THAT, {("Iran", "demands", "United States")}),
    row("stance:to-blame", "Shamkhani said that the United States and Israel are to blame for "
        "the conflicts.", ST.TO_BLAME,
        {("Shamkhani", "accuses", "United States"), ("Shamkhani", "accuses", "Israel")}),
    row("stance:hold-responsible", "Iran holds Washington responsible for the attack.",
        ST.HOLDS_RESPONSIBLE, {("Iran", "accuses", "Washington")}),

    # --- learned rows ---
    row("learned", "Mohammad Eslami, the head of the Atomic Energy Organization, said so.", """
        0  Mohammad      Mohammad      PROPN NNP  compound  1   B-PERSON
        1  Eslami        Eslami        PROPN NNP  nsubj     11  I-PERSON
        2  ,             ,             PUNCT ,    punct     1   O
        3  the           the           DET   DT   det       4   O
        4  head          head          NOUN  NN   appos     1   O
        5  of            of            ADP   IN   prep      4   O
        6  the           the           DET   DT   det       9   B-ORG
        7  Atomic        Atomic        PROPN NNP  compound  8   I-ORG
        8  Energy        Energy        PROPN NNP  compound  9   I-ORG
        9  Organization  Organization  PROPN NNP  pobj      5   I-ORG
        10 ,             ,             PUNCT ,    punct     1   O
        11 said          say           VERB  VBD  ROOT      11  O
        12 so            so            ADV   RB   advmod    11  O
        13 .             .             PUNCT .     punct     11  O
    """, {("Mohammad Eslami", "memberOf", "Atomic Energy Organization")}),

]


@pytest.mark.parametrize(("rule_id", "sentence", "table", "expected"), ROWS)
def test_families_rule_alone(rule_id, sentence, table, expected):
    """One rule, run alone, finds its facts and records its provenance and confidence."""
    found = run_rule(rule_id, sentence, table)
    assert facts(found) == expected
    rule = REGISTRY.rules[rule_id]
    assert {c.source for c in found} == {rule_id}
    if rule.confidence is not None:
        assert {(c.rule, c.confidence) for c in found} == {(rule.name, rule.confidence)}


def test_families_every_rule_has_a_row():
    assert sorted({p.values[0] for p in ROWS}) == sorted(REGISTRY.rules)


def _kept(c: Candidate) -> bool:
    """What the runner keeps of a candidate: no fact between a mention and itself."""
    s, o = c.subject, c.object
    both = isinstance(s, Mention) and isinstance(o, Mention)
    same_span = both and (s.start, s.end) == (o.start, o.end)
    return s != o and not same_span


@pytest.mark.parametrize(("rule_id", "sentence", "table", "expected"), ROWS)
def test_families_rules_alone_add_up_to_the_full_run(rule_id, sentence, table, expected):
    """Every rule run alone, together, finds exactly the facts of the full extraction."""
    alone: set[tuple[str, str, str]] = set()
    for other in REGISTRY.rules:
        alone |= facts(c for c in run_rule(other, sentence, table) if _kept(c))
    assert alone == triples(extract(doc_for(sentence, table)))


def test_families_host_place_marks_its_object():
    """Only the host rule hands over a place read from the host (the resolver checks it)."""
    ex = extract(doc_for(HOSTED_IN_CAIRO, table_of(S.ACTIVE_PASSIVE, HOSTED_IN_CAIRO)))
    assert {(r.rule, r.object_from_host) for r in ex.relations} == {
        ("svo", False), ("nominal:in", False), ("svo:host-place", True)}


def test_families_role_mention_is_typed():
    """A title phrase is handed over as a role mention: no entity label, kind "role"."""
    [c] = run_rule("title:role", RAISI, table_of(E.TITLES, RAISI))
    assert isinstance(c.object, Mention) and (c.object.label, c.object.kind) == ("", "role")
    assert (c.subject.label, c.subject.kind) == ("PERSON", "name")
