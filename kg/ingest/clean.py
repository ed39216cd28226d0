"""Boilerplate removal for scraped news text: headline, byline and body only.

The cleaner works on lines, because scrapes keep the page's boxes as lines:
a share bar, a weather widget or a "Related articles" list is one or more
whole lines, while body paragraphs are long lines of prose. Each rule is about a
*kind* of line (see ``data/boilerplate.tsv``), never about one site's sentence,
and every rule caps the number of words a matching line may have, so that real
body paragraphs are never removed.

Steps, in order:

1. normalise (NFC, one space between words, no invisible characters) and
   re-join lines that a hard wrap split in mid-sentence;
2. cut copyright and licence sentences off the end of paragraphs;
3. drop lines of the kinds in ``data/boilerplate.tsv`` (share bars, widgets, ...);
4. drop block headers ("Related articles", "Leave a Comment"), and all that
   follows them when no body paragraph comes after (a trailer);
5. drop lines that hold only a date, keeping a publication date when the page
   marks it as one;
6. drop repeated lines, breadcrumbs and section labels above the body, and a
   "Headline - Site" line followed by the bare headline;
7. find the headline and put it on top, then the other paragraphs, joined by
   blank lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kg.ingest.boilerplate import block_header, is_breadcrumb, line_kind, strip_notice
from kg.ingest.dates import date_line

__all__ = [
    "CleanResult",
    "Line",
    "clean_lines",
    "clean_text",
    "normalise_line",
    "split_lines",
]

# Zero-width and formatting characters that scrapes leave in words; ZWNJ/ZWJ
# are kept because some scripts need them.
# Dropped (a class, not str.translate: that looks every character up in a dict, ten times slower).
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_TERMINAL = ".!?…"
_CLOSERS = "\"”’')]»"
# A headline's trailing media tag: "... Out Of Syria [VIDEO]".
_MEDIA_TAG = re.compile(
    r"\s*[\[(](?:video|videos|photos?|pictures|watch|gallery|audio|live|updated?|exclusive)[\])]$",
    re.IGNORECASE,
)
# "Headline - Site Name": the last separator splits off the site.
_SITE_SUFFIX = re.compile(r"^(?P<head>.+\S)\s+[-–—|·:]\s+(?P<site>[^-–—|·:]{2,60})$")
_BYLINE = re.compile(r"^(?:by|written\s+by|reported\s+by|words\s+by)\s+\S", re.IGNORECASE)
_ROLE = (
    r"correspondent|journalist|reporter|editor|writer|author|columnist|analyst|contributor"
    r"|commentator|blogger|freelancer|producer|anchor|researcher|fellow|professor|photographer"
)
# An author's bio under the byline: "Jane Roe is a Paris-based correspondent ...".
_BIO = re.compile(
    r"^(?:about\s+the\s+author\b|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s+"
    rf"(?:is|was|has\s+been|works\s+as|writes)\b[^.]{{0,120}}?\b(?:{_ROLE})s?\b)"
)
# A body lead's dateline: "TEHRAN-", "GENEVA —", "MOSCOW (AP) -".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40}[A-Z](?:,\s*[A-Z][\w .]{1,30})?\s*(?:\([^)]{1,30}\)\s*)?[-–—]"
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w.'’-]*|al-\w+|el-\w+|de|da|di|van|von|der|bin|ibn|la|le)$")


@dataclass(frozen=True, slots=True)
class Line:
    """A normalised line of input and the block (run of non-blank lines) it is in."""

    text: str
    block: int


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The article text of a scrape and what the page said about it.

    Attributes:
        text: Headline first, then the kept paragraphs, joined by blank lines.
        title: The headline, where one was found.
        date: The publication date (``YYYY-MM-DD``), only where the page marks
            one; None rather than a guess.
        publisher: The site's name, where the page tells it.
        removed: What was removed, as ``(kind, line)`` pairs in page order.
    """

    text: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    removed: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)


def normalise_line(line: str) -> str:
    """NFC-normalise a line, drop invisible and control characters, squeeze spaces."""
    line = _INVISIBLE.sub("", unicodedata.normalize("NFC", line))
    line = _CONTROL.sub(" ", line)
    return _SPACES.sub(" ", line).strip()


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in _TERMINAL if text else False


def split_lines(raw: str) -> list[Line]:
    """Split raw text into normalised, non-empty lines with their block numbers.

    Lines that a hard wrap split in mid-sentence (a long line not ending a
    sentence, followed in the same block by one starting in lower case) are
    joined again.
    """
    lines: list[Line] = []
    block = 0
    previous_blank = True
    for raw_line in _LINE_BREAKS.sub("\n", raw).split("\n"):
        text = normalise_line(raw_line)
        if not text:
            previous_blank = True
            continue
        if previous_blank and lines:
            block += 1
        previous_blank = False
        last = lines[-1] if lines else None
        if (
            last is not None
            and last.block == block
            and len(last.text) >= 40
            and not _ends_sentence(last.text)
            and not last.text.endswith(":")
            and text[0].islower()
        ):
            lines[-1] = Line(f"{last.text} {text}", block)
        else:
            lines.append(Line(text, block))
    return lines


def _is_prose(text: str, min_words: int) -> bool:
    """A body paragraph: enough words, ending a sentence."""
    words = len(text.split())
    stripped = text.rstrip(_CLOSERS)
    if stripped[-1:] in ".…":
        return words >= min_words
    if stripped[-1:] in "!?":
        return words >= max(min_words, 20)
    return False


def _is_bio(text: str) -> bool:
    return _BIO.match(text) is not None


def _is_byline(text: str, others: Sequence[str]) -> bool:
    """A byline: "By ..." or a short name that the page repeats or a bio starts with.

    A short Title Case line alone could be a name or a headline ("Talks
    Collapse"); only the repetition tells a name.
    """
    if _BYLINE.match(text):
        return True
    tokens = text.split()
    if not (2 <= len(tokens) <= 4 and all(_NAME_TOKEN.match(token) for token in tokens)):
        return False
    return sum(other.startswith(text) for other in others) > 1


def _looks_like_headline(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 30 or len(text) > 250:
        return False
    if text.rstrip(_CLOSERS)[-1:] in ".,;:" or _BYLINE.match(text) or _DATELINE.match(text):
        return False
    first = text.lstrip("\"“‘'([")[:1]
    return first.isupper() or first.isdigit()


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _strip_site(title: str, publisher: str | None) -> str:
    if publisher:
        match = _SITE_SUFFIX.match(title)
        if match and _fold(match.group("site")) == _fold(publisher):
            return match.group("head")
    return title


def _find_title(kept: list[int], texts: Sequence[str], body_start: int) -> int | None:
    """Pick the headline among the lines above the first body paragraph.

    Bylines and author bios may come before the headline; the first candidate
    of four words or more wins over a shorter one (a short line is more likely
    a name).
    """
    candidates: list[int] = []
    for index in kept:
        if index >= body_start or len(candidates) >= 8:
            break
        text = texts[index]
        if _is_bio(text) or _BYLINE.match(text):
            continue
        if _looks_like_headline(text):
            candidates.append(index)
        elif _is_prose(text, 8):
            break
    long = [index for index in candidates if len(texts[index].split()) >= 4]
    if long:
        return long[0]
    kept_texts = [texts[index] for index in kept]
    short = [index for index in candidates if not _is_byline(texts[index], kept_texts)]
    return short[0] if short else None


def clean_lines(
    lines: Sequence[Line],
    *,
    title: str | None = None,
    date: str | None = None,
    publisher: str | None = None,
    byline: str | None = None,
) -> CleanResult:
    """Remove boilerplate from the lines of a page and find its headline and date.

    Args:
        lines: The page's lines, as :func:`split_lines` makes them.
        title: The headline when the source tells it (HTML or Markdown
            metadata); otherwise it is looked for among the top lines.
        date: The publication date when the source tells it.
        publisher: The site's name when the source tells it.
        byline: An author's name to put under the headline when the text
            does not already name them.

    Returns:
        The cleaned text with its title, date and publisher.
    """
    texts = [line.text for line in lines]
    removed: dict[int, str] = {}
    notices: dict[int, str] = {}

    # 2. Copyright and licence sentences at the end of paragraphs.
    for index, text in enumerate(texts):
        kept_text, notice = strip_notice(text)
        if notice:
            texts[index] = kept_text
            if kept_text:
                notices[index] = notice
            else:
                removed[index] = "copyright"

    # 3. Lines that are boilerplate wherever they are.
    for index, text in enumerate(texts):
        if index not in removed and not block_header(text):
            kind = line_kind(text)
            if kind:
                removed[index] = kind

    # 4. Block headers; a trailer when no body paragraph follows.
    for index, text in enumerate(texts):
        if index in removed:
            continue
        kind = block_header(text)
        if not kind:
            continue
        removed[index] = kind
        rest = [i for i in range(index + 1, len(texts)) if i not in removed]
        if not any(_is_prose(texts[i], 15) for i in rest):
            for i in rest:
                removed[i] = kind
            break

    # 5. Date-only lines: metadata, not text.
    date_lines: list[tuple[int, str, str | None]] = []
    for index, text in enumerate(texts):
        if index in removed:
            continue
        found = date_line(text)
        if found:
            removed[index] = "date"
            date_lines.append((index, found[0], found[1]))

    # 6. Repeats, breadcrumbs above the body, "Headline - Site" lines.
    previous: str | None = None
    for index, text in enumerate(texts):
        if index in removed:
            continue
        if previous is not None and _fold(text) == previous:
            removed[index] = "repeat"
        previous = _fold(text)

    def body_start() -> int:
        for index, text in enumerate(texts):
            if index not in removed and _is_prose(text, 8) and not _is_bio(text):
                return index
        return len(texts)

    for index in range(body_start()):
        if index not in removed:
            kind = is_breadcrumb(texts[index])
            if kind:
                removed[index] = kind

    start = body_start()
    kept_top = [i for i in range(start) if i not in removed]
    for position, index in enumerate(kept_top):
        match = _SITE_SUFFIX.match(texts[index])
        if not match:
            continue
        head = _fold(match.group("head"))
        if any(_fold(texts[later]) == head for later in kept_top[position + 1 : position + 5]):
            removed[index] = "site_title"
            publisher = publisher or match.group("site").strip()
            break

    # 7. The headline on top.
    kept = [i for i in range(len(texts)) if i not in removed]
    title_index: int | None = None
    if title:
        title = _strip_site(normalise_line(title), publisher)
        for index in kept:
            if index >= start:
                break
            if _fold(_strip_site(texts[index], publisher)) == _fold(title):
                removed[index] = "title"
    else:
        title_index = _find_title(kept, texts, start)
        if title_index is not None:
            title = _MEDIA_TAG.sub("", texts[title_index]).strip()
            removed[title_index] = "title"
            for index in kept:
                if index != title_index and index < start and _fold(texts[index]) == _fold(title):
                    removed[index] = "repeat"

    if date is None:
        date = _publication_date(date_lines, lines, removed, title_index, start)

    paragraphs = [texts[i] for i in range(len(texts)) if i not in removed]
    if byline and paragraphs and not any(_fold(byline) in _fold(p) for p in paragraphs[:6]):
        paragraphs.insert(0, f"By {normalise_line(byline)}")
    if title:
        paragraphs.insert(0, title)
    report = [
        (kind, lines[i].text) for i, kind in sorted(removed.items()) if kind not in ("title",)
    ]
    report += [("copyright", notice) for notice in notices.values()]
    return CleanResult(
        text="\n\n".join(paragraphs),
        title=title or None,
        date=date or None,
        publisher=publisher,
        removed=tuple(report),
    )


def _publication_date(
    date_lines: Iterable[tuple[int, str, str | None]],
    lines: Sequence[Line],
    removed: dict[int, str],
    title_index: int | None,
    body_start: int,
) -> str | None:
    """Choose the publication date among the date-only lines, conservatively.

    A date the page labels ("Published: ...", "Posted on ...") counts. A bare
    date counts only between the headline and the body, and only when it does
    not sit in a block with widget lines (a weather box or today's-date
    header shows the day of the scrape, not of the article).
    """
    labelled: dict[str, str] = {}
    bare: list[str] = []
    for index, iso, cue in date_lines:
        if not iso:
            continue
        if cue:
            labelled.setdefault(cue, iso)
            continue
        if title_index is None or not title_index < index < body_start:
            continue
        block = lines[index].block
        neighbours = [i for i, line in enumerate(lines) if line.block == block and i != index]
        if any(removed.get(i) == "widget" for i in neighbours):
            continue
        bare.append(iso)
    for cue in ("published", "first published", "posted", "date", "released"):
        if cue in labelled:
            return labelled[cue]
    if bare:
        return bare[0]
    return next(iter(labelled.values()), None)


def clean_text(raw: str) -> CleanResult:
    r"""Clean a plain-text scrape of a news page.

    Args:
        raw: The decoded file content.

    Returns:
        The headline, byline and body as text, with the title and publication
        date where the text shows them.

    Example:
        >>> result = clean_text("Skip to content\n\nTalks Resume In Geneva\n\n"
        ...                     "Delegates from both sides met in Geneva on Monday.")
        >>> result.title, result.text.splitlines()[-1]
        ('Talks Resume In Geneva', 'Delegates from both sides met in Geneva on Monday.')
    """
    return clean_lines(split_lines(raw))
