"""The rule registry: every rule's id, family, confidence and description, in one place.

Modelled on spaCy's registries and textacy's extractors. Two kinds of entries:

* a :class:`Rule` is a *kind of finding* with its provenance id and confidence:
  what a :class:`~kg.model.Relation` records in ``rule`` and ``kg explain``
  shows. It is declared once, at the top of its family's module, with
  :meth:`Registry.rule`; that declaration is the only place its confidence is
  written. ``confidence=None`` means "the lexicon row's confidence" (the verb
  frame's, the relational noun's), times ``factor``;
* a :class:`Matcher` is a small generator ``(token or mention, index) ->
  Iterator[Candidate]`` registered with :meth:`Registry.matcher`: which
  :data:`Trigger` calls it, a cheap ``when`` test, and the rules it emits. Most
  matchers emit one rule; a few emit several, where the facts are found
  together and their order must stay as found (first found, first kept).

Two rules may record the same provenance ``name`` with different confidences
("nominal:between" is 0.75 for a participant, 0.7 for the pair who meet): ids
are unique, names need not be.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Token

from kg.extract.rules.index import DocIndex
from kg.model import Argument, Mention

#: When the runner calls a matcher (see :mod:`kg.extract.rules.runner`), in visiting order:
#:
#: * ``"compound"``: a verb-like word with verb frames in an adjectival compound
#:   ("US-backed"); when any compound matcher's ``when`` holds, the word's
#:   ``"frame"`` matchers do not run;
#: * ``"frame"``: a verb-like word with verb frames whose clause states a fact;
#: * ``"verb"``: any verb-like word (each matcher checks suppression itself);
#: * ``"event"``: the head word of an event mention whose clause states a fact;
#: * ``"word"``: a token whose lower-case form is one of the matcher's ``words``;
#: * ``"noun"``: a noun that is not part of an entity mention;
#: * ``"mention"``: an entity mention whose label is one of the matcher's ``labels``.
Trigger = Literal["compound", "frame", "verb", "event", "word", "noun", "mention"]
TRIGGERS: tuple[Trigger, ...] = ("compound", "frame", "verb", "event", "word", "noun", "mention")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A fact a rule found, before the runner's dedupe turns it into a :class:`~kg.model.Relation`.

    Attributes:
        subject: The subject mention or event.
        predicate: A relation name of :data:`kg.model.RELATIONS`.
        object: The object mention or event.
        anchor: Index of the token the fact hangs on (its sentence is the fact's).
        rule: The provenance recorded on the relation ("svo:passive", "noun:support").
        confidence: The rule's confidence in [0, 1].
        speaker: Who the text reports as saying it, for reported speech.
        source: Id of the registered :class:`Rule` that made it.
        object_from_host: See :attr:`kg.model.Relation.object_from_host`.
    """

    subject: Argument
    predicate: str
    object: Argument
    anchor: int
    rule: str
    confidence: float
    speaker: Mention | None = None
    source: str = ""
    object_from_host: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of finding: its id, family, confidence and one-line description.

    Attributes:
        id: Unique id (``kg explain --rules`` lists it).
        family: The module that declares it ("svo", "nominal", ...).
        confidence: Its confidence, or None for the lexicon row's (times ``factor``).
        doc: One line: an example and what it gives.
        name: The provenance its relations record (the id unless given).
        factor: Multiplies the lexicon row's confidence (lexicon rules only).
        object_from_host: Its object place is read from a meeting's host (see
            :attr:`kg.model.Relation.object_from_host`).
    """

    id: str
    family: str
    confidence: float | None
    doc: str
    name: str
    factor: float = 1.0
    object_from_host: bool = False

    def __call__(self, subject: Argument, predicate: str, obj: Argument, anchor: Token,
                 speaker: Mention | None = None, *, lexicon_confidence: float | None = None,
                 name: str | None = None) -> Candidate:
        """A candidate fact of this rule.

        Args:
            subject: The subject.
            predicate: The relation name.
            obj: The object.
            anchor: The token the fact hangs on.
            speaker: The reported speaker, if any.
            lexicon_confidence: The lexicon row's confidence (lexicon rules only).
            name: The provenance where it depends on the lexicon row ("noun:support").

        Raises:
            TypeError: A lexicon rule without ``lexicon_confidence``.
        """
        if self.confidence is not None:
            confidence = self.confidence
        else:
            if lexicon_confidence is None:
                raise TypeError(f"rule {self.id!r} takes the lexicon row's confidence")
            confidence = lexicon_confidence
            if self.factor != 1.0:
                confidence = lexicon_confidence * self.factor
        return Candidate(subject, predicate, obj, anchor.i, name or self.name, confidence, speaker,
                         self.id, self.object_from_host)

    def describe(self) -> str:
        """``id  family  confidence  description``, for ``kg explain --rules``."""
        if self.confidence is None:
            conf = "lexicon" if self.factor == 1.0 else f"lexicon*{self.factor:g}"
        else:
            conf = f"{self.confidence:.2f}"
        recorded = f" (recorded as {self.name})" if self.name != self.id else ""
        return f"{self.id:<28} {self.family:<9} {conf:<11} {self.doc}{recorded}"


#: A matcher's generator: the token (or, for ``"mention"``, the mention) and the index.
MatchFn = Callable[[Token, DocIndex], Iterator[Candidate]]
#: A matcher's generator as registered: token or mention first, then the index.
AnyMatchFn = Callable[..., Iterator[Candidate]]
#: A matcher's cheap test, called before the generator.
WhenFn = Callable[[Token, DocIndex], bool]


@dataclass(frozen=True, slots=True)
class Matcher:
    """A registered generator: what calls it, when, and which rules it emits.

    Attributes:
        name: ``family.function``.
        on: The :data:`Trigger` that calls it.
        fn: The generator.
        rules: The rules whose candidates it yields.
        when: A cheap test of the token, or None for every token the trigger gives.
        words: For ``"word"``: the lower-case forms it is called on.
        labels: For ``"mention"``: the mention labels it is called on.
    """

    name: str
    on: Trigger
    fn: AnyMatchFn
    rules: tuple[Rule, ...]
    when: WhenFn | None = None
    words: frozenset[str] = frozenset()
    labels: frozenset[str] = frozenset()


@dataclass
class Registry:
    """Rules and matchers by id, in registration order."""

    rules: dict[str, Rule] = field(default_factory=dict)
    matchers: list[Matcher] = field(default_factory=list)

    def rule(self, id: str, confidence: float | None, doc: str, *, name: str | None = None,
             factor: float = 1.0, object_from_host: bool = False) -> Rule:
        """Declare a rule; its family is the declaring module's name.

        Raises:
            ValueError: The id is taken, or a fixed confidence has a factor.
        """
        if id in self.rules:
            raise ValueError(f"rule id {id!r} is declared twice")
        if confidence is not None and factor != 1.0:
            raise ValueError(f"rule {id!r}: a factor applies to the lexicon's confidence only")
        family = sys._getframe(1).f_globals.get("__name__", "?").rsplit(".", 1)[-1]
        declared = Rule(id, family, confidence, doc, name or id, factor, object_from_host)
        self.rules[id] = declared
        return declared

    def matcher(self, *rules: Rule, on: Trigger, when: WhenFn | None = None,
                words: frozenset[str] = frozenset(), labels: frozenset[str] = frozenset()
                ) -> Callable[[AnyMatchFn], AnyMatchFn]:
        """Register the decorated generator (returned unchanged, so it can be called alone).

        Raises:
            ValueError: No rules, an unknown trigger, or ``words``/``labels`` missing.
        """
        if not rules or on not in TRIGGERS:
            raise ValueError(f"a matcher needs rules and one of the triggers {TRIGGERS}")
        if (on == "word") != bool(words) or (on == "mention") != bool(labels):
            raise ValueError("'word' matchers need words, 'mention' matchers labels, and only they")

        def register(fn: AnyMatchFn) -> AnyMatchFn:
            name = f"{fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}"
            self.matchers.append(Matcher(name, on, fn, rules, when, words, labels))
            return fn

        return register

    def matchers_of(self, rule_id: str) -> list[Matcher]:
        """The matchers that emit the rule ``rule_id``.

        Raises:
            KeyError: No rule has that id.
        """
        if rule_id not in self.rules:
            raise KeyError(f"no rule {rule_id!r}; see kg explain --rules")
        return [m for m in self.matchers if any(r.id == rule_id for r in m.rules)]

    def describe(self) -> list[str]:
        """One line per rule, sorted by family then id."""
        return [r.describe() for r in sorted(self.rules.values(), key=lambda r: (r.family, r.id))]


#: The registry of kg's rules (the family modules register into it when imported).
REGISTRY = Registry()
rule = REGISTRY.rule
matcher = REGISTRY.matcher
