"""The model's rule lemmatizer, with the same lemmas found faster.

spaCy's rule :class:`~spacy.pipeline.Lemmatizer` keeps its word lists
(``lemma_index``: 57,528 English nouns, 8,700 verbs, ...) as Python lists, and
for every word form it has not seen yet it tests candidate lemmas with
``form in list``, a linear scan. It also caches only inflected words: base
forms (singular nouns, infinitives, ...) are worked out again at every token.
In ``en_core_web_sm`` 3.8 that makes the lemmatizer about a twentieth of the
whole pipeline's time.

:func:`speed_up_lemmatizer` changes neither the tables' contents nor the rules:

* each word list becomes an :class:`IndexedList`, a ``list`` with the same
  items whose ``in`` is a set lookup (same answers, serialises the same);
* ``lemmatize`` is wrapped in a memo keyed by what the rules read of a token
  (its text, POS and morphology), so every form is worked out once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Token


class IndexedList(list):  # type: ignore[type-arg]
    """A list whose membership test is a set lookup; it must not be changed after it is made."""

    def __init__(self, items: Iterable[Any] = ()) -> None:
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item: object) -> bool:
        try:
            return item in self._members
        except TypeError:  # unhashable: compare as a list would
            return any(item == member for member in self)


class Memoized:
    """A lemmatizer function with its answers kept per ``(text, POS, morphology)`` of a token.

    Only for lemmatizers whose answer depends on nothing else: spaCy's rule mode
    (its own cache uses the same key, but skips base forms). A class, not a
    closure, so a pipeline using it still pickles.
    """

    #: Keys remembered; the memo is emptied when full, so a long build cannot grow it.
    MEMO_SIZE = 1 << 18

    def __init__(self, lemmatize: Callable[[Token], list[str]]) -> None:
        self.lemmatize = lemmatize
        self.memo: dict[tuple[int, int, int], list[str]] = {}

    def __call__(self, token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        forms = self.memo.get(key)
        if forms is None:
            if len(self.memo) >= self.MEMO_SIZE:
                self.memo.clear()
            forms = self.memo[key] = self.lemmatize(token)
        return forms


def speed_up_lemmatizer(nlp: Language) -> bool:
    """Give every rule-mode :class:`Lemmatizer` in ``nlp`` indexed word lists and a full memo.

    Returns:
        Whether any lemmatizer was changed (lookup-mode and trained ones are left as they are).
    """
    changed = False
    for _, component in nlp.pipeline:
        if not isinstance(component, Lemmatizer) or component.mode != "rule":
            continue
        if isinstance(component.lemmatize, Memoized):
            changed = True  # done before
            continue
        if component.lookups.has_table("lemma_index"):
            index = component.lookups.get_table("lemma_index")
            for key in list(index.keys()):
                if isinstance(index[key], list) and not isinstance(index[key], IndexedList):
                    index[key] = IndexedList(index[key])
        component.lemmatize = Memoized(component.rule_lemmatize)  # type: ignore[method-assign]
        changed = True
    return changed
