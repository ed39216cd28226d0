"""Headline case: lower-case the common words of Title Case lines before parsing.

Parsers trained on running text misread "Russia, Turkey, Iran And Syria Seek To
Normalize Ties": "Seek", "Normalize" and "Ties" look like names. A line is a
headline when nearly all its longer words are capitalised and it does not end
with a full stop; in such a line every word after the first whose lower-case
form is a function word or a lexicon word (verbs, event nouns, actor nouns) is
lower-cased, unless it belongs to a gazetteer name. Only ASCII letters change
case, so every character offset stays valid.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.model import Extraction

_WORD = re.compile(r"[^\W\d_][^\W\d_'’]*(?:['’][^\W\d_]+)*")
_SUFFIXES = ("ing", "ed", "es", "s", "d")


def is_headline(line: str) -> bool:
    """True for a Title Case line of three or more words with no final full stop."""
    words = _WORD.findall(line)
    longer = [w for w in words if len(w) > 3]
    if len(words) < 3 or not longer or line.rstrip().endswith("."):
        return False
    return sum(w[0].isupper() for w in longer) / len(longer) >= 0.8


class Recaser:
    """Lower-cases common words in headline lines.

    Args:
        common: Lower-case words to lower-case in headlines (and their inflections).
        protected: Lower-case words never to touch (words of known names).
    """

    def __init__(self, common: Iterable[str], protected: Iterable[str] = ()) -> None:
        self.common = frozenset(w.lower() for w in common)
        self.protected = frozenset(w.lower() for w in protected)

    def _is_common(self, word: str) -> bool:
        low = word.lower()
        if low in self.protected:
            return False
        if low in self.common:
            return True
        return any(low.endswith(s) and low[: -len(s)] in self.common for s in _SUFFIXES) or any(
            low.endswith(s) and low[: -len(s)] + "e" in self.common for s in ("ing", "ed", "es")
        )

    def __call__(self, text: str) -> str:
        """Return ``text`` with headline lines recased; same length, same offsets."""
        out = []
        for line in text.split("\n"):
            if is_headline(line):
                first = True

                def repl(m: re.Match[str]) -> str:
                    nonlocal first
                    word = m.group(0)
                    if first:
                        first = False
                        return word
                    if word.isascii() and self._is_common(word):
                        return word.lower()
                    return word

                line = _WORD.sub(repl, line)
            out.append(line)
        return "\n".join(out)


def restore_text(ex: Extraction, text: str) -> Extraction:
    """Give every span of an extraction the exact text of the original article."""
    from dataclasses import replace

    from kg.model import EventMention, Extraction, Mention, Relation  # noqa: F401

    memo: dict[object, object] = {}

    def fix(a):  # type: ignore[no-untyped-def]
        if a is None:
            return None
        if a not in memo:
            memo[a] = replace(a, text=text[a.start:a.end])
        return memo[a]

    return Extraction(
        sentences=tuple(replace(s, text=text[s.start:s.end]) for s in ex.sentences),
        mentions=tuple(fix(m) for m in ex.mentions),
        events=tuple(fix(e) for e in ex.events),
        relations=tuple(
            replace(r, subject=fix(r.subject), object=fix(r.object), speaker=fix(r.speaker))
            for r in ex.relations
        ),
    )
