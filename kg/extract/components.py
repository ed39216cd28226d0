"""Thin spaCy components: the gazetteer tagger and the extractor.

Rules live in :mod:`kg.extract.rules` and :mod:`kg.extract.entities`; these
components only call them and store the result (``doc._.kg``).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import LOWER, ORTH
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
    operators or regular expressions keep a ``Matcher``, which runs only on
    documents that hold the tokens some pattern requires (:class:`_RequiredTokens`).
    """

    def __init__(self, nlp: Language, patterns: list[dict[str, Any]]) -> None:
        # String patterns are exact-case names and acronyms ("US" must not match "us");
        # token patterns carry their own case rules.
        self.tokens = Matcher(nlp.vocab)
        self.case = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        # lower-cased phrase -> [(pattern index, label, per-token checks)]
        self.checks: dict[str, list[tuple[int, str, list[_Check]]]] = {}
        token_patterns: list[list[dict[str, Any]]] = []
        for index, p in enumerate(patterns):
            label = p["label"]
            if isinstance(p["pattern"], str):
                self.case.add(label, [nlp.make_doc(p["pattern"])])
                continue
            expanded = _phrases(p["pattern"])
            if expanded is None:
                self.tokens.add(label, [p["pattern"]])
                token_patterns.append(p["pattern"])
                continue
            for words, checks in expanded:
                key = " ".join(words)
                if key not in self.checks:
                    self.checks[key] = []
                    self.phrases.add(key, [Doc(nlp.vocab, words=words)])
                self.checks[key].append((index, label, checks))
        self.required = _RequiredTokens(nlp, token_patterns)

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = merge_entities(doc, self.matches(doc))
        return doc

    def matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Every gazetteer match in ``doc`` as ``(start, end, label)``, in a fixed order."""
        found: list[tuple[int, int, int, str]] = []
        strings = doc.vocab.strings
        for mid, start, end in self.phrases(doc) if len(self.phrases) else []:
            for index, label, checks in self.checks[strings[mid]]:
                if all(check(doc[start + i]) for i, check in checks):
                    found.append((start, end, index, label))
        found.sort()
        spans = [(start, end, label) for start, end, _, label in found]
        if len(self.tokens) and self.required.may_match(doc):  # an empty matcher warns
            spans += [(start, end, strings[mid]) for mid, start, end in self.tokens(doc)]
        if len(self.case):
            spans += [(start, end, strings[mid]) for mid, start, end in self.case(doc)]
        return spans


#: Regular-expression syntax whose meaning depends on what surrounds the match.
_CONTEXT_SYNTAX = re.compile(r"\\[AZbBG]|\(\?<?[=!]|[$^]")


class _RequiredTokens:
    """Tells cheaply whether a ``Matcher``'s patterns can match anywhere in a document.

    A pattern can match only in a document that holds, for each of its required
    tokens, a token that passes that token's test; the ``Matcher`` (which tries
    every pattern at every token) need not run on any other document. Tests by
    ``LOWER``/``ORTH``/``TEXT`` values are set lookups on the document's words;
    a ``TEXT``/``ORTH`` regular expression is searched for in the document's
    text (a token's text is part of it), with anchors at its ends dropped.
    Optional and negated tokens, and tests of other kinds, are not checked: the
    answer may be a needless yes, never a wrong no.
    """

    def __init__(self, nlp: Language, patterns: list[list[dict[str, Any]]]) -> None:
        strings = nlp.vocab.strings
        # per pattern: the required tokens' tests, each a set of LOWER or ORTH hashes or a regex
        self.patterns: list[list[tuple[str, frozenset[int] | re.Pattern[str]]]] = []
        for pattern in patterns:
            tests: list[tuple[str, frozenset[int] | re.Pattern[str]]] = []
            for spec in pattern:
                if spec.get("OP") not in (None, "+"):
                    continue
                values = _values(spec)
                if values is None:
                    continue
                attr, found = values
                if isinstance(found, str):
                    tests.append(("REGEX", re.compile(found)))
                else:
                    keys = {v.lower() if attr == "LOWER" else v for v in found}
                    tests.append((attr, frozenset(strings.add(k) for k in keys)))
            self.patterns.append(tests)

    def may_match(self, doc: Doc) -> bool:
        """False only if no pattern can match in ``doc``."""
        words: dict[str, set[int]] = {}
        text: str | None = None  # Doc.text joins every token: built once, when needed
        for tests in self.patterns:
            for attr, test in tests:
                if attr == "REGEX":
                    text = doc.text if text is None else text
                    if not test.search(text):  # type: ignore[union-attr]
                        break
                    continue
                if not words:
                    table = doc.to_array([LOWER, ORTH])
                    words = {"LOWER": set(table[:, 0].tolist()), "ORTH": set(table[:, 1].tolist())}
                if words[attr].isdisjoint(test):  # type: ignore[arg-type]
                    break
            else:
                return True
        return False


def _values(spec: dict[str, Any]) -> tuple[str, list[str] | str] | None:
    """A token's test as ``(attribute, values)`` or ``(attribute, regex)``; None when it
    is none of those (or a regex that depends on its surroundings)."""
    for attr in ("LOWER", "ORTH", "TEXT"):
        if attr not in spec:
            continue
        value = spec[attr]
        if isinstance(value, str):
            return ("LOWER" if attr == "LOWER" else "ORTH"), [value]
        if (
            isinstance(value, dict)
            and set(value) == {"IN"}
            and all(isinstance(v, str) for v in value["IN"])
        ):
            return ("LOWER" if attr == "LOWER" else "ORTH"), list(value["IN"])
        if isinstance(value, dict) and set(value) == {"REGEX"} and attr != "LOWER":
            regex = value["REGEX"]
            bare = regex.removeprefix("^")
            bare = bare[:-1] if bare.endswith("$") and not bare.endswith("\\$") else bare
            if _CONTEXT_SYNTAX.search(bare.replace("[^", "[")):
                return None
            return "ORTH", bare
        return None
    return None


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
                check = (
                    i,
                    checks[0]
                    if len(checks) == 1
                    else (lambda tok, cs=checks: all(c(tok) for c in cs)),
                )
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
