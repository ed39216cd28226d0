"""Words and date phrases that tell one event mention from another (kg.resolve.events).

A mention's own words say whether it is the event at hand ("the talks"), another one
("an *earlier* meeting", "*separate* talks", "*meetings*"), of which size ("*four-way*
talks") and of which kind ("*nuclear* talks"); its date phrase, within one article,
whether two mentions can name one time ("Tuesday" and "this week", not "in December").
"""

from __future__ import annotations

import re
from datetime import date

#: Words that set a mention apart from the event the article reports.
DISTINCT_WORDS = frozenset({
    "earlier", "previous", "prior", "past", "last", "next", "upcoming", "future", "another",
    "separate", "second", "third", "fourth", "fifth", "later", "subsequent", "former",
    "coming", "first", "new", "recent",
    "other", "such",
})
#: Words that always name another event than the one at hand ("separate bilateral talks").
OTHER_WORDS = frozenset({"separate", "another", "other", "different", "parallel"})
#: Modifiers that grade an event rather than tell which one it is ("a *historic* deal").
GRADING_WORDS = frozenset({
    "historic", "landmark", "major", "key", "important", "brokered", "significant", "final",
    "full", "big", "high", "level", "highest", "top", "official", "formal", "direct",
    "indirect", "secret", "surprise", "crucial", "rare", "fresh", "latest", "recent", "ongoing",
    "current", "way", "party", "lateral", "partite", "round", "day", "days", "long", "short",
    "successful", "failed", "advanced", "serious", "constructive", "fruitful", "so", "called",
    "much", "awaited", "anticipated", "expected",
})
#: Event nouns whose plural names several events ("talks" names one).
COUNTABLE = frozenset({"meeting", "summit", "conference", "agreement", "deal", "accord", "treaty",
                       "session", "visit", "round", "attack", "strike", "airstrike", "election",
                       "memorandum", "contract", "operation", "assault", "raid", "bombing"})
#: Words before an event noun that refer back to an event already told ("*the* talks").
DEFINITE_WORDS = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her",
                            "our", "said", "today"})
#: Number words and prefixes of a meeting's size ("four-way", "*tri*lateral"); 0: unknown.
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "bi": 2, "tri": 3, "quadri": 4, "quadr": 4, "quad": 4, "penta": 5, "multi": 0,
}
#: A meeting's size in words: "4-way", "four-party", "bilateral", "quadripartite".
ARITY = re.compile(
    r"\b(?:(\d+|two|three|four|five|six|seven|eight)[- ](?:way|party|nation|sided|country)"
    r"|(bi|tri|quadri?|quad|penta|multi)(?:lateral|partite))\b",
    re.IGNORECASE,
)


def several(text: str) -> bool:
    """A plural of a countable event ("meetings", "two agreements") names several events."""
    last = text.lower().split()[-1] if text.split() else ""
    return last.endswith("s") and last[:-1] in COUNTABLE


def kinds(text: str) -> set[str]:
    """The modifiers that tell which event it is: "nuclear" of "the 2015 nuclear deal"."""
    words = re.findall(r"[A-Za-z]+", ARITY.sub(" ", text))[:-1]
    return {w for w in words if len(w) > 2 and w.islower() and w not in GRADING_WORDS
            and w not in DISTINCT_WORDS and w not in OTHER_WORDS and w not in NUMBER_WORDS
            and w not in {"the", "this", "that", "its", "their", "and", "for", "with"}}


def arity(text: str) -> set[int]:
    out: set[int] = set()
    for m in ARITY.finditer(text):
        word = (m.group(1) or m.group(2)).lower()
        n = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0)
        if n:
            out.add(n)
    return out


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")


RECENT = frozenset({"today", "yesterday", "tonight", "week", "weekend", "morning", "evening",
                     "night", "afternoon"} | set(WEEKDAYS))
FUTURE = frozenset({"next", "coming", "upcoming", "tomorrow", "later"})


def phrase_words(phrase: str) -> set[str]:
    """The words and numbers of a lower-case date phrase ("march 10" -> {"march", "10"})."""
    return set(re.findall(r"[a-z]+|\d+", phrase))


def weekdays(whens: set[str]) -> set[str]:
    """The weekday names of some date phrases ("last tuesday" -> {"tuesday"})."""
    return {w for when in whens for w in phrase_words(when) if w in WEEKDAYS}


def months(whens: set[str]) -> set[str]:
    """The month names of some date phrases ("early april" -> {"april"})."""
    return {w for when in whens for w in phrase_words(when) if w in MONTH_NAMES}


def time_kind(phrase: str) -> str:
    """How far a date phrase of one article reaches: "future", "recent" (this week) or "past"."""
    words = phrase_words(phrase)
    if words & FUTURE:
        return "future"
    if words & RECENT and not words & {"month", "year"}:
        return "recent"
    return "past"  # a month, a year, "last month", "earlier this year"


def same_time(x: str, y: str) -> bool:
    """Whether two date phrases of one article can name one time ("Tuesday", "this week")."""
    if x == y:
        return True
    wx, wy = phrase_words(x), phrase_words(y)
    if time_kind(x) != time_kind(y):
        return False
    for names in (set(WEEKDAYS), set(MONTH_NAMES), {w for w in wx | wy if len(w) == 4
                                                     and w.isdigit()}):
        if wx & names and wy & names and not wx & wy & names:
            return False
    return True


def contradicts(dates: set[str], whens: set[str]) -> bool:
    """Whether a date phrase names another day than a known date ("Tuesday" vs a Wednesday)."""
    for d in dates:
        day = date.fromisoformat(d)
        for when in whens:
            words = phrase_words(when)
            if words & set(WEEKDAYS) and WEEKDAYS[day.weekday()] not in words:
                return True
            if words & set(MONTH_NAMES) and MONTH_NAMES[day.month - 1] not in words:
                return True
            years = {w for w in words if len(w) == 4 and w.isdigit()}
            if years and str(day.year) not in years:
                return True
    return False


def adjacent(dates: set[str]) -> bool:
    """Dates at most a day apart: one event reported on two days ("Monday night")."""
    days = sorted(date.fromisoformat(d) for d in dates)
    return (days[-1] - days[0]).days <= 1


#: The rank of the officials who meet: "deputy foreign ministers", "defence ministers".
_PORTFOLIO = (r"\b((?:deputy|vice)\s+)?(foreign|defen[cs]e|interior|intelligence|economy|"
              r"finance|oil|energy|trade|health|agriculture|justice|transport|culture|"
              r"education|industry)(?:\s+affairs)?\s+")
LEVEL = _PORTFOLIO + r"minist(?:ers?|erial)\b"
_LEVEL = re.compile(LEVEL, re.I)
_LEVEL_AFTER = re.compile(
    r"\s+(?:of|between|among)\s+(?:the\s+)?(?:[\w-]+,?\s+(?:and\s+)?){0,3}?" + LEVEL, re.I)
_LEVEL_AT = re.compile(r"\bat\s+the\s+level\s+of\s+(?:the\s+)?" + LEVEL, re.I)
_LEVEL_BEFORE = re.compile(LEVEL + r"['’]?s?\s*$", re.I)
_LEVEL_SUBJECT = re.compile(
    LEVEL + r"(?:\s+of\s+[^.;]{0,80}?)?\s+(?:held|hold|holds|holding|had|have|has|will\s+hold)"
    r"\s+(?:(?:a|an|the|their)\s+)?(?:[\w-]+\s+){0,2}$", re.I)


def _rank(m: re.Match[str]) -> str:
    deputy = "deputy " if m.group(1) else ""
    return deputy + m.group(2).lower().replace("defense", "defence")


def levels(sentence: str, start: int, end: int, *, alone: bool) -> set[str]:
    """The rank of the officials a meeting mention (``sentence[start:end]``) is of.

    "a meeting of the deputy foreign ministers", "defence ministers' talks", "foreign
    ministers held talks", "at the level of foreign ministers"; and where the mention is the
    sentence's only meeting, the one rank its titles name ("Turkish Defense Minister Akar
    announced a joint meeting"). Empty when the sentence does not tell.
    """
    after, before = sentence[end:], sentence[:start]
    for m in (_LEVEL_AFTER.match(after), _LEVEL_BEFORE.search(before),
              _LEVEL_SUBJECT.search(before), _LEVEL_AT.search(after)):
        if m:
            return {_rank(m)}
    named = {_rank(m) for m in _LEVEL.finditer(sentence)}
    return named if alone and len(named) == 1 else set()


_LEVEL_OF = re.compile(_PORTFOLIO + r"ministers\b(?:\s+and\s+[\w ]{1,30}?)?\s+of\b", re.I)


def article_levels(text: str) -> set[str]:
    """The ranks an article names as a group's: "the defense ministers ... of Russia, Syria"."""
    return {_rank(m) for m in _LEVEL_OF.finditer(text)}
