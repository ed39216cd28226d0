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
from operator import itemgetter
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

#: Pattern keys answered by a lookup: spaCy's attribute ids.
_COLUMNS = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "DEP": DEP, "POS": POS, "IS_SPACE": IS_SPACE}

_Match = tuple[
    int, int, int, int
]  # (attr_id, match_id, start, end), as AttributeRuler.match returns


class LookupMatcher:
    """Find the matches of an :class:`AttributeRuler` by table lookups.

    Called with a Doc, returns what ``AttributeRuler.match`` returns for it: the
    sorted ``(attr_id, match_id, start, end)`` of every pattern match.

    Fixed-length patterns (no ``OP``) whose token specs test the attributes in
    :data:`_COLUMNS` with exact values, ``IN``, ``NOT_IN`` or ``REGEX`` are
    evaluated here; anything else keeps a ``Matcher``. Whether a token passes a
    token spec depends only on the token's own values, so which specs a tuple of
    values passes is worked out once (specs of exact values and sets by one
    dictionary lookup per group of attributes, the others test by test) and
    remembered (at most :data:`MEMO_SIZE` tuples); a pattern of several tokens
    matches where consecutive tokens pass its specs in order.
    """

    #: Distinct token value tuples remembered; the memo is emptied when full (300
    #: articles of the benchmark corpus have 24,213).
    MEMO_SIZE = 1 << 18

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.patterns: list[
            tuple[int, int, list[list[_Test]]]
        ] = []  # (attr_id, match_id, token specs)
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
        self.names = sorted(
            {test[0] for *_, specs in self.patterns for spec in specs for test in spec}
        )
        column = {name: i for i, name in enumerate(self.names)}
        # Every token spec gets a number: (pattern, offset) = self.spec_of[number]. Specs of
        # exact values and sets go in tables, one per tuple of columns tested, keyed by the
        # values (a set spelled out, one key per value); the others are lists of tests.
        self.spec_of: list[tuple[int, int]] = []
        tables: dict[tuple[int, ...], dict[tuple[int, ...], list[int]]] = {}
        self.tested: list[tuple[int, list[tuple[int, str, Any]]]] = []
        for index, (_, _, specs) in enumerate(self.patterns):
            for offset, spec in enumerate(specs):
                number = len(self.spec_of)
                self.spec_of.append((index, offset))
                keys = _table_keys(spec)
                if keys is None:
                    self.tested.append(
                        (
                            number,
                            [
                                (
                                    column[name],
                                    kind,
                                    frozenset(value) if kind in ("in", "not in") else value,
                                )
                                for name, kind, value in spec
                            ],
                        )
                    )
                    continue
                table = tables.setdefault(tuple(column[test[0]] for test in spec), {})
                for key in keys:
                    table.setdefault(key, []).append(number)
        # each table's key of a row: one value, or a tuple of them (as itemgetter gives)
        self._lookups = [
            (
                itemgetter(*columns),
                table if len(columns) > 1 else {k[0]: v for k, v in table.items()},
            )
            for columns, table in tables.items()
        ]
        self.memo: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._strings = strings

    def __call__(self, doc: Doc) -> list[_Match]:
        found: list[_Match] = []
        n = len(doc)
        if n and self.patterns:
            memo, spec_of, patterns = self.memo, self.spec_of, self.patterns
            passed: dict[
                int, set[int]
            ] = {}  # pattern of several tokens -> where its first spec passed
            later: dict[tuple[int, int], set[int]] = {}  # (pattern, offset > 0) -> tokens passing
            array = doc.to_array([_COLUMNS[name] for name in self.names]).reshape(n, -1)
            for i, row in enumerate(map(tuple, array.tolist())):
                numbers = memo.get(row)
                if numbers is None:
                    if len(memo) >= self.MEMO_SIZE:
                        memo.clear()
                    numbers = memo[row] = self._passes(row)
                for number in numbers:
                    index, offset = spec_of[number]
                    attr_id, match_id, specs = patterns[index]
                    if len(specs) == 1:
                        found.append((attr_id, match_id, i, i + 1))
                    elif offset == 0:
                        passed.setdefault(index, set()).add(i)
                    else:
                        later.setdefault((index, offset), set()).add(i)
            for index, starts in passed.items():
                attr_id, match_id, specs = patterns[index]
                length = len(specs)
                for i in starts:
                    if i + length <= n and all(
                        i + o in later.get((index, o), ()) for o in range(1, length)
                    ):
                        found.append((attr_id, match_id, i, i + length))
        if len(self.rest):
            strings = doc.vocab.strings
            found.extend(
                (int(strings[m]), m, s, e) for m, s, e in self.rest(doc, allow_missing=True)
            )
        found.sort()
        return found

    def _passes(self, row: tuple[int, ...]) -> tuple[int, ...]:
        """The numbers of every token spec a token with these values passes."""
        numbers: list[int] = []
        for key, table in self._lookups:
            numbers.extend(table.get(key(row), ()))
        for number, tests in self.tested:
            for i, kind, value in tests:
                v = row[i]
                if kind == "==":
                    ok = v == value
                elif kind == "in":
                    ok = v in value
                elif kind == "not in":
                    ok = v not in value
                else:  # "regex"
                    ok = value.search(self._strings[v]) is not None
                if not ok:
                    break
            else:
                numbers.append(number)
        return tuple(numbers)


#: One test on one token attribute: (attribute name, kind, value) with kind "==",
#: "in", "not in" (value: a hash, or a tuple of hashes) or "regex" (a compiled pattern).
_Test = tuple[str, str, Any]


#: Most keys one pattern's sets may spell out in a table (a bigger product is tested instead).
_TABLE_KEYS_MAX = 4096


def _table_keys(tests: list[_Test]) -> list[tuple[int, ...]] | None:
    """The value tuples a token must have to pass ``tests`` (``==`` and ``in`` only), in
    the order of the tests; ``None`` for any other kind of test."""
    keys: list[tuple[int, ...]] = [()]
    for _name, kind, value in tests:
        if kind == "==":
            keys = [key + (value,) for key in keys]
        elif kind == "in":
            keys = [key + (v,) for key in keys for v in dict.fromkeys(value)]
        else:
            return None
        if len(keys) > _TABLE_KEYS_MAX:
            return None
    return keys


def _compile(
    pattern: list[dict[str, Any]], intern: Callable[[str], int]
) -> list[list[_Test]] | None:
    """A Matcher pattern as lists of tests per token.

    ``None`` if it is not one this class evaluates.
    """
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
