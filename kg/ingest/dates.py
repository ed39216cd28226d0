"""Publication dates written out in English news pages, parsed to ISO 8601."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["date_line", "parse_date"]

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = (
    r"(?:\s*(?:[-|,•·–—@]|\bat\b)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:\(?(?:[A-Z]{2,5}|(?:UTC|GMT)\s*[-+]?\d{0,2}(?::?\d{2})?)\)?)?)?"
)
_DATE_FORMS = (
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",
    (
        r"(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})"
        r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[-+]\d{2}:?\d{2})?)?"
    ),
)
_CUE = (
    r"(?:(?P<cue>published|posted|updated|last\s+updated|first\s+published|date|released)"
    r"(?:\s+on)?\s*:?\s*)?"
)
_DATE_LINE = [re.compile(rf"^{_CUE}{form}{_TIME}$", re.IGNORECASE) for form in _DATE_FORMS]
_DATE_ANYWHERE = [re.compile(rf"\b{form}", re.IGNORECASE) for form in _DATE_FORMS]


def _iso(match: re.Match[str]) -> str | None:
    month_text = match.group("month").lower()
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text[:3]]
    try:
        day = dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None
    return day.isoformat()


def date_line(line: str) -> tuple[str, str | None] | None:
    """Read a line that holds nothing but a date.

    Args:
        line: One normalised line of text.

    Returns:
        ``(iso_date, cue)`` where ``cue`` is the lower-cased word that introduced
        the date ("published", "updated", ...) or None for a bare date; None when
        the line is anything more than a date. A date that does not exist
        (``February 30, 2023``) still marks the line as a date line, with an
        empty ISO string.
    """
    for pattern in _DATE_LINE:
        match = pattern.match(line.strip())
        if match:
            cue = match.group("cue")
            return _iso(match) or "", " ".join(cue.lower().split()) if cue else None
    return None


def parse_date(value: str) -> str | None:
    """Parse the first date written in ``value`` (ISO or English month names).

    Args:
        value: Text such as ``"2023-04-25T09:30:00+02:00"``, ``"April 25, 2023"``
            or ``"Published 25 April 2023"``.

    Returns:
        The date as ``YYYY-MM-DD``, or None when no valid date is written.
        Numeric day/month orders such as ``04/05/2023`` are ambiguous and never
        guessed.
    """
    found: list[tuple[int, str]] = []
    for pattern in _DATE_ANYWHERE:
        match = pattern.search(value)
        if match:
            iso = _iso(match)
            if iso:
                found.append((match.start(), iso))
    return min(found)[1] if found else None
