"""``kg explain``: the facts of one seed article with their provenance, and ``--why-not``.

Through the public entry points only: :func:`kg.explain.explain`,
:meth:`Explanation.facts`, :meth:`Explanation.why_not`, :func:`kg.explain.parse_fact`
and the ``kg explain`` command. Reading a fact needs no model; everything else
runs the pipeline on a seed (the tests are marked ``model``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest

from kg.cli import main
from kg.errors import KGError
from kg.explain import Explanation, explain, parse_fact
from kg.model import RELATIONS

from .conftest import SEEDS

SEED = SEEDS / "000_00e312ede173199d.txt"
#: The seed with a candidate the resolver drops (a person demanding a withdrawal).
SEED_DROPPED = SEEDS / "004_5a3bcd80164b96b3.txt"
TALKS = 'Meeting "four-way talks"'

# --------------------------------------------------------------------------- parse_fact


@pytest.mark.parametrize(
    ("fact", "expected"),
    [
        ("Syria demands Withdrawal", ("Syria", "demands", "Withdrawal")),
        ("Turkey meetsWith Syria", ("Turkey", "meetsWith", "Syria")),
        ("Turkey meets with Syria", ("Turkey", "meetsWith", "Syria")),
        ("Iran participates in Meeting", ("Iran", "participatesIn", "Meeting")),
        ("Iran HOSTS Meeting", ("Iran", "hosts", "Meeting")),
        ("Russian Defense Ministry partOf Russia",
         ("Russian Defense Ministry", "partOf", "Russia")),
        ("United States supports Syrian Democratic Forces",
         ("United States", "supports", "Syrian Democratic Forces")),
        ("  Syria   demands  Withdrawal ", ("Syria", "demands", "Withdrawal")),
        # a relation word opening the subject is part of the name, not the relation
        ("Supports Inc supports Syria", ("Supports Inc", "supports", "Syria")),
    ],
)
def test_explain_parse_fact(fact: str, expected: tuple[str, str, str]) -> None:
    assert parse_fact(fact) == expected


@pytest.mark.parametrize(
    "fact",
    ["", "Syria", "Syria demands", "demands Withdrawal", "Syria likes Turkey", "Syria Turkey Iran",
     "hosts"],
)
def test_explain_parse_fact_bad_fact_is_a_one_line_input_error(fact: str) -> None:
    with pytest.raises(KGError) as raised:
        parse_fact(fact)
    message = str(raised.value)
    assert raised.value.exit_code == 2
    assert "\n" not in message
    assert all(name in message for name in RELATIONS)  # says which relations there are


# --------------------------------------------------------------------------- facts


@pytest.fixture(scope="module")
def explanation(nlp) -> Explanation:
    return explain(SEED, nlp=nlp)


def test_explain_facts_carry_sentence_rule_and_confidence(explanation: Explanation) -> None:
    text = SEED.read_text(encoding="utf-8")
    facts = explanation.facts()
    assert len(facts) > 20
    for fact in facts:
        assert fact.subject and fact.object
        assert fact.predicate in RELATIONS
        assert fact.sentence.strip() and fact.sentence in text
        assert re.fullmatch(r"[a-z-]+(:[a-z-]+)?(\+state)?", fact.rule), fact.rule
        assert 0 < fact.confidence <= 1


def test_explain_facts_in_text_order(explanation: Explanation) -> None:
    text = SEED.read_text(encoding="utf-8")
    where = [text.index(f.sentence) for f in explanation.facts()]
    assert where == sorted(where)


@pytest.mark.parametrize(
    ("subject", "predicate", "obj", "rule", "confidence", "speaker"),
    [
        ("Sergei Shoigu", "hosts", TALKS, "svo", 0.85, None),
        ("Russia", "hosts", TALKS, "svo+state", 0.765, None),
        ("Sergei Shoigu", "memberOf", "Russia", "title", 0.9, None),
        ("Turkish Defense Ministry", "supports", TALKS, "svo", 0.75, None),
        ("Turkey", "supports", TALKS, "svo+state", 0.675, None),
        ("Iran", "participatesIn", TALKS, "svo:inverse", 0.8, "Russian Defense Ministry"),
        ("United States", "supports", "Syrian Democratic Forces", "hyphen", 0.8, None),
        ("Turkey", "occupies", "Syria", "svo", 0.85, None),
        ("Russian Defense Ministry", "partOf", "Russia", "name:state-body", 0.85, None),
    ],
)
def test_explain_facts_of_the_seed(explanation: Explanation, subject: str, predicate: str, obj: str,
                                   rule: str, confidence: float, speaker: str | None) -> None:
    found = [(f.rule, f.confidence, f.speaker) for f in explanation.facts()
             if (f.subject, f.predicate, f.object) == (subject, predicate, obj)]
    assert found == [(rule, pytest.approx(confidence), speaker)]


def test_explain_fact_printed_with_its_provenance(explanation: Explanation) -> None:
    fact = next(f for f in explanation.facts() if f.speaker)
    first, second = str(fact).split("\n")
    assert first.startswith(f"[{fact.confidence:.2f}] {fact.subject}  {fact.predicate}  ")
    assert f"(rule {fact.rule}, reported by {fact.speaker})" in first
    assert second.strip() == f"« {fact.sentence} »"


def test_explain_facts_are_the_articles_statements_in_the_build(explanation: Explanation,
                                                                seeds_build) -> None:
    """Explain and build agree: one fact per statement and evidence sentence of the article."""
    _summary, out = seeds_build
    graph = pyoxigraph.Store()
    graph.load(path=out / "graph.ttl", format=pyoxigraph.RdfFormat.TURTLE)
    rows = list(graph.query(f"""
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT DISTINCT ?st ?p ?text WHERE {{
          ?st a rdf:Statement ; rdf:predicate ?p ; prov:wasDerivedFrom ?s .
          ?s nif:anchorOf ?text ; dcterms:isPartOf ?a . ?a dcterms:source "{SEED.name}" }}"""))
    facts = explanation.facts()
    assert len(facts) == len(rows)
    kgo = "https://w3id.org/newskg/ontology#"
    assert {(f.predicate, f.sentence) for f in facts} == \
        {(row["p"].value.removeprefix(kgo), row["text"].value) for row in rows}


# --------------------------------------------------------------------------- why_not


@pytest.mark.parametrize(
    ("seed", "fact", "stage"),
    [
        (SEED, "Russia hosts Meeting", "kept: yes, 1 time(s) (rules svo+state)"),
        (SEED, "Iran participatesIn Meeting", "kept: yes"),
        (SEED, "Narnia hosts Meeting", "entities: no entity named 'Narnia' was found"),
        (SEED, "Iran hosts Narnia", "entities: no entity or event type named 'Narnia'"),
        (SEED, "Iran hosts Meeting", "kept under another relation: participatesIn"),
        (SEED, "Turkey meets with Syria", "kept under another relation: occupies"),
        (SEED, "Iraq attacks Jordan", "rules: no sentence mentions both"),
        (SEED, "Arab League hosts Jordan", "suppressed in sentence 13: 'is' conditional"),
        # "a move that would further push American forces out": "would" hedges (stance helper)
        (SEED, "Syria demands Withdrawal", "suppressed in sentence 1: 'push' hedged ('would'"),
        (SEED_DROPPED, "Bashar Assad demands Withdrawal",
         "extracted but dropped in resolution (argument types or roles)"),
    ],
    ids=lambda v: v.name[:3] if isinstance(v, Path) else None,
)
def test_explain_why_not_names_the_stage(nlp, seed: Path, fact: str, stage: str) -> None:
    lines = explain(seed, nlp=nlp).why_not(fact)
    subject, predicate, obj = parse_fact(fact)
    assert lines[0] == f"looking for: {subject}  {predicate}  {obj}"
    assert any(line.startswith(stage) for line in lines), "\n".join(lines)


def test_explain_why_not_bad_fact(explanation: Explanation) -> None:
    with pytest.raises(KGError) as raised:
        explanation.why_not("Syria likes Turkey")
    assert raised.value.exit_code == 2


# --------------------------------------------------------------------------- the command

FACT_LINE = re.compile(r"\[(0\.\d\d|1\.00)\] \S.*  [a-zA-Z]+  \S.*   \(rule [^)]+\)")


@pytest.mark.model
def test_explain_cli_lists_the_facts(explanation: Explanation,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(SEED)]) == 0
    out = capsys.readouterr().out.splitlines()
    facts = explanation.facts()
    assert out[-1] == f"kg: {len(facts)} facts in {SEED}"
    body = out[:-1]
    assert len(body) == 2 * len(facts)
    for line, sentence in zip(body[::2], body[1::2], strict=True):
        assert FACT_LINE.fullmatch(line), line
        assert sentence.startswith("        « ") and sentence.endswith(" »"), sentence
    assert body == "\n".join(str(f) for f in facts).splitlines()


@pytest.mark.model
def test_explain_cli_why_not(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(SEED), "--why-not", "Iraq attacks Jordan"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "looking for: Iraq  attacks  Jordan",
        "entities: 'Iraq' is country/iraq",
        "entities: 'Jordan' is country/jordan",
        "rules: no sentence mentions both",
    ]


@pytest.mark.model
def test_explain_cli_bad_fact_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(SEED), "--why-not", "Syria likes Turkey"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("kg")
    assert "Syria likes Turkey" in captured.err and "Traceback" not in captured.err
