"""Thin spaCy components: the gazetteer tagger and the extractor.

Rules live in :mod:`kg.extract.rules` and :mod:`kg.extract.entities`; these
components only call them and store the result (``doc._.kg``).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token

from kg.extract.entities import merge_entities
from kg.extract.lexicon import Lexicon
from kg.extract.rules import extract

if not Doc.has_extension("kg"):
    Doc.set_extension("kg", default=None)


class GazetteerTagger:
    """Tag gazetteer names as entities, correcting or completing the NER's spans.

    Patterns are spaCy entity-ruler patterns. Most are fixed word sequences
    (``LOWER``/``ORTH``/``TEXT`` values, ``IN`` lists, ``IS_LOWER`` checks): those
    go into one :class:`~spacy.matcher.PhraseMatcher` on ``LOWER`` and their
    per-token checks run on its matches only, which costs a hash lookup per
    token instead of trying every pattern at every token as a ``Matcher`` does
    (80 s against 1.4 s on the 1,000-article corpus). The few patterns with
    operators or regular expressions keep a ``Matcher``.
    """

    def __init__(self, nlp: Language, patterns: list[dict[str, Any]]) -> None:
        # String patterns are exact-case names and acronyms ("US" must not match "us");
        # token patterns carry their own case rules.
        self.tokens = Matcher(nlp.vocab)
        self.case = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        # lower-cased phrase -> [(pattern index, label, per-token checks)]
        self.checks: dict[str, list[tuple[int, str, list[_Check]]]] = {}
        for index, p in enumerate(patterns):
            label = p["label"]
            if isinstance(p["pattern"], str):
                self.case.add(label, [nlp.make_doc(p["pattern"])])
                continue
            expanded = _phrases(p["pattern"])
            if expanded is None:
                self.tokens.add(label, [p["pattern"]])
                continue
            for words, checks in expanded:
                key = " ".join(words)
                if key not in self.checks:
                    self.checks[key] = []
                    self.phrases.add(key, [Doc(nlp.vocab, words=words)])
                self.checks[key].append((index, label, checks))

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = merge_entities(doc, self.matches(doc))
        return doc

    def matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Every gazetteer match in ``doc`` as ``(start, end, label)``, in a fixed order."""
        found: list[tuple[int, int, int, str]] = []
        strings = doc.vocab.strings
        for mid, start, end in (self.phrases(doc) if len(self.phrases) else []):
            for index, label, checks in self.checks[strings[mid]]:
                if all(check(doc[start + i]) for i, check in checks):
                    found.append((start, end, index, label))
        found.sort()
        spans = [(start, end, label) for start, end, _, label in found]
        for matcher in (self.tokens, self.case):
            if len(matcher):  # an empty matcher warns
                spans += [(start, end, strings[mid]) for mid, start, end in matcher(doc)]
        return spans


_Check = tuple[int, Callable[[Token], bool]]
_MAX_PHRASES = 64  # word sequences one pattern may expand to


def _phrases(pattern: list[dict[str, Any]]) -> list[tuple[list[str], list[_Check]]] | None:
    """A token pattern as the lower-cased word sequences it matches, each with the
    checks a match must pass; ``None`` when the pattern is not a fixed sequence."""
    options: list[list[tuple[str, _Check | None]]] = []
    for i, spec in enumerate(pattern):
        keys = set(spec)
        attr = keys & {"LOWER", "ORTH", "TEXT"}
        if len(attr) != 1 or not keys <= {"LOWER", "ORTH", "TEXT", "IS_LOWER"}:
            return None
        (attr_name,) = attr
        value = spec[attr_name]
        if isinstance(value, dict):
            if set(value) != {"IN"}:
                return None
            values = list(value["IN"])
        else:
            values = [value]
        if not all(isinstance(v, str) for v in values):
            return None
        choice = []
        for v in values:
            checks: list[Callable[[Token], bool]] = []
            if attr_name != "LOWER":
                checks.append(lambda tok, v=v: tok.orth_ == v)
            if "IS_LOWER" in spec:
                checks.append(lambda tok, want=bool(spec["IS_LOWER"]): tok.is_lower == want)
            check = None
            if checks:
                check = (i, checks[0] if len(checks) == 1 else (lambda tok, cs=checks: all(c(tok) for c in cs)))
            choice.append((v.lower(), check))
        options.append(choice)
    if math.prod(len(choice) for choice in options) > _MAX_PHRASES:
        return None  # e.g. "<place>-<place>": a Matcher handles it in one pattern
    out = []
    for combo in itertools.product(*options):
        words = [w for w, _ in combo]
        if any(not w or " " in w for w in words):
            return None
        out.append((words, [c for _, c in combo if c is not None]))
    return out


@Language.factory("kg_gazetteer", default_config={"patterns": []})
def make_gazetteer(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> GazetteerTagger:
    """Create the gazetteer tagger (place it after ``ner``)."""
    return GazetteerTagger(nlp, patterns)


def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, bylines and paragraphs are
    never one sentence with what follows, whatever the parser would guess."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
    return doc


@Language.component("kg_paragraphs")
def make_paragraphs(doc: Doc) -> Doc:
    """Sentence starts at line breaks (place it before ``parser``)."""
    return paragraph_starts(doc)


class Extractor:
    """Run :func:`kg.extract.rules.extract` and store the result in ``doc._.kg``."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg = extract(doc, lexicon=self.lexicon)
        return doc


@Language.factory("kg_extractor")
def make_extractor(nlp: Language, name: str) -> Extractor:
    """Create the relation and event extractor (place it last)."""
    return Extractor(Lexicon.default())
