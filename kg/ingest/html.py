"""HTML news pages: the article and its metadata through trafilatura."""

from __future__ import annotations

import re

import trafilatura

from kg.ingest.clean import CleanResult, clean_lines, split_lines
from kg.ingest.dates import parse_date

__all__ = ["MIN_BODY_WORDS", "clean_html", "declared_charset"]

#: An HTML page whose body (headline aside) has fewer words than this in its
#: longest paragraph holds no article: a front page, an error page, a paywall.
MIN_BODY_WORDS = 8

_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*(?P<charset>[A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


def declared_charset(data: bytes) -> str | None:
    """Return the character set a page declares in a ``<meta>`` tag, lower-cased."""
    match = _CHARSET.search(data[:4096])
    return match.group("charset").decode("ascii").lower() if match else None


def clean_html(html: str) -> CleanResult | None:
    """Extract the article of an HTML page.

    trafilatura finds the main text (no comments, no tables) and the metadata:
    title, publication date (from the page's markup only, never guessed from
    its text), site name as publisher and author as byline. The text then goes
    through the same boilerplate rules as plain text.

    Args:
        html: The page's markup.

    Returns:
        The cleaned article, or None when the page holds no article text.
    """
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return None
    metadata = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = metadata.get("text") or ""
    date_value = metadata.get("date")
    result = clean_lines(
        split_lines(text),
        title=metadata.get("title") or None,
        date=parse_date(date_value) if date_value else None,
        publisher=metadata.get("sitename") or None,
        byline=metadata.get("author") or None,
    )
    paragraphs = result.text.split("\n\n")
    body = paragraphs[1:] if result.title else paragraphs
    if max((len(paragraph.split()) for paragraph in body), default=0) < MIN_BODY_WORDS:
        return None
    return result
