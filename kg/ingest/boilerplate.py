"""Line-level boilerplate rules, loaded once from ``data/boilerplate.tsv``.

A rule describes a kind of web furniture (share bars, comment forms, weather
widgets, ...) by a regular expression and a word limit, so that long body
paragraphs can never match. See the header of the TSV file for the columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import pycountry

__all__ = [
    "Rule",
    "Scope",
    "block_header",
    "is_breadcrumb",
    "line_kind",
    "rules",
    "strip_notice",
]

Scope = Literal["line", "block", "header", "notice"]
_SCOPES: tuple[Scope, ...] = ("line", "block", "header", "notice")
# "GeneralSyriaTurkeyWest": menu labels run together when a scraper drops the markup.
_CAMEL_RUN = re.compile(r"\b\w*[a-z][A-Z]\w*[a-z][A-Z]\w*")
_CAMEL_SPLIT = re.compile(r"(?<=[a-z])(?=[A-Z])")
_CRUMB_SPLIT = re.compile(r"\s*(?:[›»>|/·•,]|\s-\s)\s*")
_NOTICE_START = re.compile(
    r"\ball\s+content\s+by\b|©|\(c\)\s*\d{4}|\bcopyright\s+(?:©\s*)?\d{4}", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+")


@dataclass(frozen=True, slots=True)
class Rule:
    """One boilerplate rule of ``data/boilerplate.tsv``.

    Attributes:
        kind: What a matching line is ("share_bar", "widget", ...).
        scope: Where the rule applies: ``line``, ``block``, ``header`` or ``notice``.
        max_words: Lines with more words never match (0: no limit).
        pattern: The compiled, case-insensitive expression.
    """

    kind: str
    scope: Scope
    max_words: int
    pattern: re.Pattern[str]

    def matches(self, line: str, words: int | None = None) -> bool:
        """Tell whether ``line`` is this kind of boilerplate.

        Args:
            line: The line.
            words: Its number of words, if the caller counted them already.
        """
        if self.max_words:
            if words is None:
                words = len(line.split())
            if words > self.max_words:
                return False
        return self.pattern.search(line) is not None


@cache
def rules() -> tuple[Rule, ...]:
    """Load the rules of ``data/boilerplate.tsv`` (once).

    Raises:
        ValueError: A row of the shipped file is malformed (a packaging bug).
    """
    text = resources.files("kg.ingest").joinpath("data/boilerplate.tsv").read_text("utf-8")
    loaded: list[Rule] = []
    for number, row in enumerate(text.splitlines(), start=1):
        if not row.strip() or row.startswith(("#", "kind\t")):
            continue
        fields = row.split("\t", 3)
        if len(fields) != 4 or fields[1] not in _SCOPES or not fields[2].isdigit():
            raise ValueError(
                f"kg/ingest/data/boilerplate.tsv line {number}: expected "
                f"'kind<TAB>scope<TAB>max_words<TAB>pattern', got {row[:80]!r}"
            )
        kind, scope, max_words, pattern = fields
        loaded.append(
            Rule(kind, scope, int(max_words), re.compile(pattern, re.IGNORECASE))  # type: ignore[arg-type]
        )
    return tuple(loaded)


@cache
def _scoped(scope: Scope) -> tuple[Rule, ...]:
    return tuple(rule for rule in rules() if rule.scope == scope)


def _first(line: str, scope: Scope) -> str | None:
    # The line's words are counted once for all the rules, not once per rule: splitting
    # long body paragraphs again and again was a third of reading the corpus.
    words = None
    for rule in _scoped(scope):
        if rule.max_words and words is None:
            words = len(line.split())
        if rule.matches(line, words):
            return rule.kind
    return None


def line_kind(line: str) -> str | None:
    """Return the kind of boilerplate ``line`` is anywhere in a page, or None."""
    return _first(line, "line")


def block_header(line: str) -> str | None:
    """Return the kind of block that ``line`` heads ("related", "comments"), or None."""
    return _first(line, "block")


@cache
def _section_names() -> frozenset[str]:
    text = resources.files("kg.ingest").joinpath("data/sections.tsv").read_text("utf-8")
    names = {
        line.strip().casefold()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    }
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.add(value.casefold())
                names.add(value.split(",")[0].casefold())
    return frozenset(names)


def is_breadcrumb(line: str) -> str | None:
    """Tell whether a line before the body is a section label or breadcrumb trail.

    Args:
        line: A normalised line from the top of a page.

    Returns:
        ``"breadcrumb"`` when the line is a ``header`` rule's match, a run of
        menu labels glued together ("GeneralWorldPolitics"), or made only of
        section and region names ("Middle East", "World › Europe"); else None.
    """
    kind = _first(line, "header")
    if kind:
        return kind
    words = line.split()
    if not words or len(words) > 6 or line[-1] in ".!?":
        return None
    if _CAMEL_RUN.search(line):
        return "breadcrumb"
    names = _section_names()
    parts = [
        part
        for chunk in _CRUMB_SPLIT.split(line)
        for part in _CAMEL_SPLIT.split(chunk)
        if part.strip()
    ]
    if parts and all(part.strip().casefold() in names for part in parts):
        return "breadcrumb"
    return None


def strip_notice(paragraph: str) -> tuple[str, str | None]:
    """Cut a trailing copyright or licence sentence off a paragraph.

    Args:
        paragraph: One normalised paragraph.

    Returns:
        ``(kept, removed)``: the paragraph without the notice, and the notice
        (None when there was none). Only notice sentences at the very end are
        cut; a sentence of the body that mentions copyright stays.
    """
    notice_rules = _scoped("notice")
    breaks = list(_SENTENCE_END.finditer(paragraph))
    starts = [0] + [match.end() for match in breaks]
    ends = [match.start() for match in breaks] + [len(paragraph)]
    cut = len(paragraph)
    for start, end in reversed(list(zip(starts, ends, strict=True))):
        sentence = paragraph[start:end]
        if not any(rule.pattern.search(sentence) for rule in notice_rules):
            break
        cut = start
    if cut == len(paragraph):
        return paragraph, None
    # A notice that opens with its own marker ("All Content by ...", "© 2023 ...")
    # starts there, even when the sentence before it lacks its final period.
    marker = _NOTICE_START.search(paragraph, cut)
    if marker and not _SENTENCE_END.search(paragraph, cut, marker.start()):
        cut = marker.start()
    return paragraph[:cut].rstrip(), paragraph[cut:].strip()
