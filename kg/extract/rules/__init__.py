"""Relation and event rules over a parsed ``Doc``: pure functions, no side effects.

:func:`extract` reads a spaCy ``Doc`` (tokens, lemmas, dependency parse, entities)
and returns an :class:`~kg.model.Extraction`: sentences, entity mentions, event
mentions and relations, all with character offsets into ``doc.text``. It never
mutates the ``Doc`` and never loads a model, so every rule can be tested on a
``Doc`` built by hand, alone (:func:`run_rule`) or with all the others.

The package:

* :mod:`.index`: the per-document :class:`~.index.DocIndex` (sentences,
  mentions from :mod:`.mentions`, events from :mod:`.events`), built once;
* :mod:`.arguments`, :mod:`.modality`, :mod:`.tokens`: what an argument stands
  for, whether a clause states a fact and who says it, word lists;
* :mod:`.checks`: which arguments a relation takes;
* :mod:`.registry`: every rule's id, family, confidence and description;
* :mod:`.runner`: calls the rules in order and keeps the first of each fact;
* the rule families, general syntax driven by the lexicon (``kg/extract/data``):
  :mod:`.svo` (verb frames), :mod:`.hyphen` ("US-backed SDF"), :mod:`.purpose`
  ("in an effort to"), :mod:`.meeting` ("X and Y met", "talks were held in
  Cairo"), :mod:`.topics` and :mod:`.nominal` (arguments of event words),
  :mod:`.member`, :mod:`.nouns` (relational and mutual nouns), :mod:`.title`,
  :mod:`.located`.

Statements that are negated, conditional ("if ..."), modal ("could", "might")
or questions are suppressed; reported speech keeps its content and records the
speaker.
"""

from __future__ import annotations

import importlib

from spacy.tokens import Doc

from kg.extract.lexicon import Lexicon
from kg.extract.rules.index import DocIndex, Trace, build_index
from kg.extract.rules.registry import REGISTRY, Candidate, Rule
from kg.extract.rules.runner import Plan, candidates, relations
from kg.extract.rules.tokens import lemmas
from kg.model import Extraction

__all__ = ["FAMILIES", "REGISTRY", "Candidate", "DocIndex", "Rule", "describe_rules", "extract",
           "lemmas", "run_rule"]

#: The rule families, imported (and so registered) in this order, which is the order
#: the matchers of one trigger run in (see :mod:`kg.extract.rules.runner`): it decides
#: which rule is credited with a fact two rules find. Add a new family at the end.
FAMILIES = (
    "svo", "hyphen", "purpose", "meeting", "topics", "nominal", "member", "nouns", "title",
    "located",
    "geo",
    "people",
    "conflict",
    "stance",
    "learned",
)
for _family in FAMILIES:
    importlib.import_module(f"{__name__}.{_family}")


def extract(doc: Doc, *, lexicon: Lexicon | None = None, trace: Trace | None = None) -> Extraction:
    """Find sentences, entity mentions, events and relations in a parsed ``Doc``.

    Args:
        doc: A ``Doc`` with POS tags, lemmas, a dependency parse and entities.
        lexicon: Verb classes and event nouns; the packaged lexicon by default.
        trace: If given, gets ``(sentence index, verb, reason)`` for every clause
            whose statements were suppressed (used by ``kg explain --why-not``).

    Returns:
        Everything found, with character offsets into ``doc.text``.
    """
    ix = build_index(doc, lexicon or Lexicon.default(), trace)
    return Extraction(
        sentences=ix.sentences,
        mentions=ix.mentions,
        events=ix.events,
        relations=tuple(relations(ix, candidates(ix))),
    )


def run_rule(rule_id: str, doc: Doc, *, lexicon: Lexicon | None = None) -> list[Candidate]:
    """The candidates one rule finds in ``doc``, with no other rule running.

    The rule's matchers are called where the full run would call them (same
    triggers, same suppression); only the candidates of ``rule_id`` are kept,
    before any dedupe.

    Raises:
        KeyError: No rule has that id.
    """
    plan = Plan.of(REGISTRY.matchers_of(rule_id))
    ix = build_index(doc, lexicon or Lexicon.default())
    return [c for c in candidates(ix, plan) if c.source == rule_id]


def describe_rules() -> list[str]:
    """One line per registered rule (id, family, confidence, description), by family then id."""
    return REGISTRY.describe()
