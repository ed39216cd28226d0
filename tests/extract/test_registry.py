"""The rule registry, the runner's order and dedupe, and ``kg explain --rules``."""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterator

import pytest

import kg.extract.rules as rules_pkg
from kg.cli import main
from kg.extract.rules import FAMILIES, REGISTRY, Candidate
from kg.extract.rules.registry import TRIGGERS, Registry
from kg.extract.rules.runner import relations
from kg.model import EventMention, Mention

#: The rules whose confidence is the lexicon row's (for "learned", the model's probability).
LEXICON_RULES = {"svo", "svo:passive", "svo:inverse", "hyphen", "poss-participle", "noun:<lemma>",
                 "learned"}


def test_registry_ids_unique():
    reg = Registry()
    reg.rule("x", 0.5, "one")
    with pytest.raises(ValueError, match="declared twice"):
        reg.rule("x", 0.6, "again")


def test_registry_rules_are_the_declared_ones():
    """Every matcher emits declared rules, and every declared rule has a matcher."""
    emitted = {r.id: r for m in REGISTRY.matchers for r in m.rules}
    assert emitted.keys() == REGISTRY.rules.keys()
    assert all(emitted[k] is REGISTRY.rules[k] for k in emitted)


@pytest.mark.parametrize("rule_id", sorted(REGISTRY.rules))
def test_registry_each_rule_has_confidence_or_is_lexicon_driven(rule_id):
    rule = REGISTRY.rules[rule_id]
    assert rule.doc and "\n" not in rule.doc
    assert rule.family in FAMILIES
    if rule_id in LEXICON_RULES:
        assert rule.confidence is None and 0 < rule.factor <= 1
    else:
        assert rule.confidence is not None and 0 < rule.confidence <= 1 and rule.factor == 1.0


def test_registry_lexicon_confidence_and_factor():
    """A lexicon rule takes the row's confidence (times its factor) and needs it."""
    subject = Mention(0, 6, "Turkey", "GPE", 0, True)
    obj = Mention(10, 13, "PKK", "ORG", 0, True)
    doc = _doc()
    poss = REGISTRY.rules["poss-participle"]
    assert poss(subject, "opposes", obj, doc[0], lexicon_confidence=0.8).confidence == 0.8 * 0.9
    with pytest.raises(TypeError, match="lexicon"):
        poss(subject, "opposes", obj, doc[0])
    noun = REGISTRY.rules["noun:<lemma>"]
    made = noun(subject, "supports", obj, doc[1], lexicon_confidence=0.7, name="noun:support")
    assert (made.rule, made.confidence, made.source, made.anchor) == (
        "noun:support", 0.7, "noun:<lemma>", 1)


def test_registry_rejects_bad_declarations():
    reg = Registry()
    r = reg.rule("y", 0.5, "one")
    with pytest.raises(ValueError, match="factor"):
        reg.rule("z", 0.5, "fixed", factor=0.9)
    with pytest.raises(ValueError):
        reg.matcher(on="verb")
    with pytest.raises(ValueError):
        reg.matcher(r, on="word")  # no words
    with pytest.raises(ValueError):
        reg.matcher(r, on="verb", labels=frozenset({"GPE"}))
    assert r.family == "test_registry"  # the declaring module


def test_registry_explain_rules_lists_every_rule(capsys):
    """``kg explain --rules``: one line per rule, by family then id, with its confidence."""
    assert main(["explain", "--rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(REGISTRY.rules)
    ids = [ln.split()[0] for ln in lines]
    assert sorted(ids) == sorted(REGISTRY.rules)
    rows = [(REGISTRY.rules[i].family, i) for i in ids]
    assert rows == sorted(rows)
    by_id = dict(zip(ids, lines, strict=True))
    assert by_id["svo:reciprocal"].split()[1:3] == ["meeting", "0.80"]
    assert by_id["svo"].split()[1:3] == ["svo", "lexicon"]
    assert by_id["poss-participle"].split()[1:3] == ["hyphen", "lexicon*0.9"]
    assert "(recorded as nominal:between)" in by_id["nominal:between:meet"]


def test_registry_explain_needs_an_article_without_rules(capsys):
    assert main(["explain"]) == 2
    assert "--rules" in capsys.readouterr().err


#: The order matchers run in within each trigger: the order of the rules of kg 0.x's one
#: extractor class, which decides which rule is credited with a fact two rules find.
ORDER = {
    "compound": ["hyphen.hyphened", "hyphen.owned", "hyphen.led"],
    "frame": ["svo.verb_frames", "meeting.met", "meeting.held", "meeting.host_place",
              "conflict.fights_in", "stance.act_agent"],
    "verb": ["purpose.prerequisite", "purpose.purpose", "meeting.happened_in", "geo.copula",
             "people.joined", "people.members_include", "conflict.harm_verb",
             "conflict.strikes_hit", "conflict.campaign_to", "stance.spoke_with", "stance.to_blame",
             "stance.hold_responsible", "stance.demand_that", "stance.designates"],
    "event": ["topics.topics", "topics.adjunct", "nominal.arguments", "nominal.event_verb",
              "nominal.ties", "nominal.occupation"],
    "word": ["member.members", "geo.source_language", "people.born", "people.natives",
             "people.home_from", "people.based", "people.based_hyphen", "people.as_part",
             "conflict.killer_noun", "conflict.killing_of"],
    "noun": ["nouns.relational", "nouns.mutual", "conflict.attack_noun", "conflict.forces_in",
             "conflict.visit_noun", "stance.manner", "stance.received", "stance.mutual_of_owner",
             "stance.call_with"],
    "mention": ["title.titles", "located.located", "located.possessed", "located.owner",
                "geo.dateline", "geo.chain", "geo.region_in", "geo.source_line",
                "people.affiliations", "people.seats", "conflict.force_name_in",
                "learned.classified"],
}


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_registry_matcher_order(trigger):
    assert [m.name for m in REGISTRY.matchers if m.on == trigger] == ORDER[trigger]


@pytest.mark.parametrize("family", FAMILIES)
def test_registry_no_confidence_literal_in_rule_bodies(family):
    """Every float in a family module is an argument of a ``rule(...)`` declaration."""
    tree = ast.parse(inspect.getsource(getattr(rules_pkg, family)))
    declared: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "rule":
            declared |= {id(n) for n in ast.walk(node)}
    floats = [n for n in ast.walk(tree)
              if isinstance(n, ast.Constant) and isinstance(n.value, float)]
    assert [n.lineno for n in floats if id(n) not in declared] == []


def _doc():  # type: ignore[no-untyped-def]
    from .docs import parse

    return parse("""
        0  Turkey   Turkey   PROPN NNP  nsubj  1  B-GPE
        1  opposes  oppose   VERB  VBZ  ROOT   1  O
        2  PKK      PKK      PROPN NNP  dobj   1  B-ORG
    """)


def _stub_index():  # type: ignore[no-untyped-def]
    from kg.extract.lexicon import Lexicon
    from kg.extract.rules.index import build_index

    return build_index(_doc(), Lexicon.default())


def test_runner_keeps_the_first_of_each_fact():
    """First found, first kept; a fact between a mention and itself (or its span) is dropped."""
    ix = _stub_index()
    tr, pkk = ix.mentions
    tr_place = Mention(tr.start, tr.end, tr.text, tr.label, tr.sentence, False)
    ev = EventMention(0, 6, "Turkey", "Attack", 0)

    def found() -> Iterator[Candidate]:
        yield Candidate(tr, "opposes", pkk, 1, "first", 0.5)
        yield Candidate(tr, "opposes", pkk, 1, "second", 0.9)
        yield Candidate(tr, "attacks", tr, 1, "self", 0.9)
        yield Candidate(tr, "locatedIn", tr_place, 1, "same span", 0.9)
        yield Candidate(tr, "participatesIn", ev, 2, "event", 0.7, object_from_host=True)

    got = relations(ix, found())
    assert [(r.predicate, r.rule, r.confidence, r.sentence, r.object_from_host) for r in got] == [
        ("opposes", "first", 0.5, 0, False), ("participatesIn", "event", 0.7, 0, True)]
