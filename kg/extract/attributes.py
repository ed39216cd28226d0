"""Table lookups instead of a ``Matcher`` for the model's attribute ruler.

spaCy's English pipelines map fine-grained tags to POS and morphology, and fix
the lemmas of some words, with an :class:`~spacy.pipeline.AttributeRuler`: a few
hundred token patterns ("TAG is NN", "LOWER is 'his' and TAG is PRP$", ...) run
through a ``Matcher``, which tries every pattern at every token. In
``en_core_web_sm`` 3.8 that costs about as much as the parser (25 µs a token).
Almost all the patterns are one token with exact values, so the same matches
come from one dictionary lookup per group of attributes per token.

:func:`speed_up_attribute_ruler` replaces only how the ruler *finds* its
matches; it still applies them itself, in its own order, so the annotations
are exactly the model's. Patterns of any other form (several tokens, operators,
sets) keep a ``Matcher`` of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

#: Pattern keys answered by a lookup: spaCy's attribute ids.
_COLUMNS = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "DEP": DEP, "POS": POS, "IS_SPACE": IS_SPACE}

_Match = tuple[int, int, int, int]  # (attr_id, match_id, start, end), as AttributeRuler.match returns


class LookupMatcher:
    """Find the matches of an :class:`AttributeRuler` with array operations.

    Called with a Doc, returns what ``AttributeRuler.match`` returns for it: the
    sorted ``(attr_id, match_id, start, end)`` of every pattern match.

    Fixed-length patterns (no ``OP``) whose token specs test the attributes in
    :data:`_COLUMNS` with exact values, ``IN``, ``NOT_IN`` or ``REGEX`` are
    evaluated as boolean masks over ``Doc.to_array`` (a regular expression is
    tried once per distinct value, not per token); anything else keeps a
    ``Matcher``.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.patterns: list[tuple[int, int, list[list[_Test]]]] = []  # (attr_id, match_id, token specs)
        self.rest = Matcher(ruler.vocab, validate=False)
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            match_id = strings.add(key)
            for pattern in ruler.matcher.get(key)[1]:
                specs = _compile(pattern, strings.add)
                if specs is None:
                    self.rest.add(key, [pattern])
                else:
                    self.patterns.append((attr_id, match_id, specs))
        self.names = sorted({test[0] for *_, specs in self.patterns for spec in specs for test in spec})

    def __call__(self, doc: Doc) -> list[_Match]:
        found: list[_Match] = []
        n = len(doc)
        if n and self.patterns:
            array = doc.to_array([_COLUMNS[name] for name in self.names]).reshape(n, -1)
            columns = {name: array[:, i] for i, name in enumerate(self.names)}
            distinct: dict[str, np.ndarray] = {}
            cache: dict[tuple[Any, ...], np.ndarray] = {}

            def mask(test: _Test) -> np.ndarray:
                if test not in cache:
                    name, kind, value = test
                    column = columns[name]
                    if kind == "==":
                        cache[test] = column == value
                    elif kind == "in":
                        cache[test] = np.isin(column, value)
                    elif kind == "not in":
                        cache[test] = ~np.isin(column, value)
                    else:  # "regex": tried on each distinct value once
                        if name not in distinct:
                            distinct[name] = np.unique(column)
                        strings = doc.vocab.strings
                        hits = [h for h in distinct[name].tolist() if value.search(strings[h])]
                        cache[test] = np.isin(column, hits)
                return cache[test]

            for attr_id, match_id, specs in self.patterns:
                length = len(specs)
                if length > n:
                    continue
                ok = np.ones(n - length + 1, dtype=bool)
                for offset, spec in enumerate(specs):
                    for test in spec:
                        ok &= mask(test)[offset:n - length + 1 + offset]
                found.extend((attr_id, match_id, i, i + length) for i in np.flatnonzero(ok).tolist())
        if len(self.rest):
            strings = doc.vocab.strings
            found.extend((int(strings[m]), m, s, e) for m, s, e in self.rest(doc, allow_missing=True))
        found.sort()
        return found


#: One test on one token attribute: (attribute name, kind, value) with kind "==",
#: "in", "not in" (value: a hash, or a tuple of hashes) or "regex" (a compiled pattern).
_Test = tuple[str, str, Any]


def _compile(pattern: list[dict[str, Any]], intern: Callable[[str], int]) -> list[list[_Test]] | None:
    """A Matcher pattern as lists of tests per token; ``None`` if it is not one this class evaluates."""
    specs = []
    for spec in pattern:
        if not spec or not set(spec) <= _COLUMNS.keys():
            return None
        tests: list[_Test] = []
        for name, value in sorted(spec.items()):
            test = _compile_test(name, value, intern)
            if test is None:
                return None
            tests.append(test)
        specs.append(tests)
    return specs or None


def _compile_test(name: str, value: Any, intern: Callable[[str], int]) -> _Test | None:
    def encode(v: Any) -> int | None:
        if name == "IS_SPACE":
            return int(v) if isinstance(v, bool) else None
        return intern(v) if isinstance(v, str) else None

    if not isinstance(value, dict):
        code = encode(value)
        return None if code is None else (name, "==", code)
    if len(value) != 1:
        return None
    ((op, arg),) = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list):
        codes = [encode(v) for v in arg]
        if any(c is None for c in codes):
            return None
        return (name, "in" if op == "IN" else "not in", tuple(codes))
    if op == "REGEX" and isinstance(arg, str) and name != "IS_SPACE":
        return (name, "regex", re.compile(arg))
    return None


def speed_up_attribute_ruler(nlp: Language) -> bool:
    """Let every :class:`AttributeRuler` in ``nlp`` find its matches with :class:`LookupMatcher`.

    Returns:
        Whether any ruler was changed.
    """
    changed = False
    for _, component in nlp.pipeline:
        if isinstance(component, AttributeRuler) and len(component.attrs):
            component.match = LookupMatcher(component)  # type: ignore[method-assign]
            changed = True
    return changed
