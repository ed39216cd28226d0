"""The runner: calls the registered matchers over one index, then keeps the first of each fact.

Tokens are visited in text order, then entity mentions. For each token the
triggers are tried in the order of :data:`~kg.extract.rules.registry.TRIGGERS`;
the matchers of one trigger run in registration order (the import order of the
family modules in :mod:`kg.extract.rules`, then their order in the module).
That order only decides which rule is credited when two find the same fact:
the first one found is kept (:func:`relations`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extract.rules.index import DocIndex
from kg.extract.rules.modality import event_suppressed, suppressed
from kg.extract.rules.registry import REGISTRY, Candidate, Matcher, Registry
from kg.extract.rules.tokens import VERB_POS, VERB_TAGS, lookup
from kg.model import Mention, Relation

NOUN_POS = ("NOUN", "PROPN")


@dataclass(frozen=True)
class Plan:
    """The matchers to call, grouped by trigger.

    ``compound_tests`` are the ``when`` tests of every compound matcher of the
    registry, selected or not: a compound word never gets the frame matchers,
    also when one rule runs alone.
    """

    compound: tuple[Matcher, ...] = ()
    compound_tests: tuple[Matcher, ...] = ()
    frame: tuple[Matcher, ...] = ()
    verb: tuple[Matcher, ...] = ()
    event: tuple[Matcher, ...] = ()
    noun: tuple[Matcher, ...] = ()
    by_word: dict[str, tuple[Matcher, ...]] = field(default_factory=dict)
    by_label: dict[str, tuple[Matcher, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, matchers: Sequence[Matcher], registry: Registry = REGISTRY) -> Plan:
        """Group ``matchers`` (in their order) by trigger."""
        def on(trigger: str) -> tuple[Matcher, ...]:
            return tuple(m for m in matchers if m.on == trigger)

        by_word: dict[str, tuple[Matcher, ...]] = {}
        by_label: dict[str, tuple[Matcher, ...]] = {}
        for m in matchers:
            for w in sorted(m.words):
                by_word[w] = (*by_word.get(w, ()), m)
            for label in sorted(m.labels):
                by_label[label] = (*by_label.get(label, ()), m)
        tests = tuple(m for m in registry.matchers if m.on == "compound")
        return cls(on("compound"), tests, on("frame"), on("verb"), on("event"), on("noun"),
                   by_word, by_label)


_PLANS: dict[tuple[int, int], Plan] = {}


def _default_plan(registry: Registry) -> Plan:
    key = (id(registry), len(registry.matchers))  # a new registration makes a new plan
    if key not in _PLANS:
        _PLANS[key] = Plan.of(registry.matchers, registry)
    return _PLANS[key]


def candidates(ix: DocIndex, plan: Plan | None = None) -> Iterator[Candidate]:
    """Every candidate fact of the plan's matchers (all of the registry's by default), in order."""
    plan = plan or _default_plan(REGISTRY)
    lex = ix.lexicon
    event_of, ment_of = ix.event_of, ix.ment_of
    for tok in ix.doc:
        pos = tok.pos_
        if pos in VERB_POS or tok.tag_ in VERB_TAGS:
            yield from _verb(tok, ix, plan, bool(lookup(lex.verbs, tok)))
        ev = event_of.get(tok.i)
        if ev is not None and plan.event and (ev.start == tok.idx or pos in NOUN_POS) \
                and not event_suppressed(tok, ix):
            yield from _call(plan.event, tok, ix)
        if plan.by_word and tok.lower_ in plan.by_word:
            yield from _call(plan.by_word[tok.lower_], tok, ix)
        if plan.noun and pos in NOUN_POS and tok.i not in ment_of:
            yield from _call(plan.noun, tok, ix)
    for m in ix.mentions:
        for matcher in plan.by_label.get(m.label, ()):
            yield from matcher.fn(m, ix)


def _verb(tok: Token, ix: DocIndex, plan: Plan, has_frames: bool) -> Iterator[Candidate]:
    """A verb-like word: its compound or its frames (stated clauses only), then the verb rules."""
    if has_frames:
        claimed = [m for m in plan.compound_tests if m.when is not None and m.when(tok, ix)]
        if claimed:
            yield from (c for m in claimed if m in plan.compound for c in m.fn(tok, ix))
        elif plan.frame and not suppressed(tok, ix):
            yield from _call(plan.frame, tok, ix)
    yield from _call(plan.verb, tok, ix)


def _call(matchers: Iterable[Matcher], tok: Token, ix: DocIndex) -> Iterator[Candidate]:
    for m in matchers:
        if m.when is None or m.when(tok, ix):
            yield from m.fn(tok, ix)


def relations(ix: DocIndex, found: Iterable[Candidate]) -> list[Relation]:
    """The relations of the candidates: the first of each ``(subject, predicate, object)``.

    A fact between a mention and itself (or two mentions of one span) is dropped.
    """
    out: dict[tuple[object, str, object], Relation] = {}
    sent_of = ix.sent_of
    for c in found:
        s, o = c.subject, c.object
        if s == o or (isinstance(s, Mention) and isinstance(o, Mention)
                      and s.start == o.start and s.end == o.end):
            continue
        key = (s, c.predicate, o)
        if key not in out:
            out[key] = Relation(s, c.predicate, o, sent_of[c.anchor], c.rule, c.confidence,
                                c.speaker, c.object_from_host)
    return list(out.values())
