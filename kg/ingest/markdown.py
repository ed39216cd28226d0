"""Markdown articles: front matter as metadata, Markdown syntax stripped to plain text."""

from __future__ import annotations

import re

from kg.ingest.clean import CleanResult, Line, clean_lines, normalise_line
from kg.ingest.dates import parse_date

__all__ = ["clean_markdown", "split_front_matter"]

_FRONT_MATTER = re.compile(
    r"\A(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|\Z)", re.DOTALL
)
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*[:=]\s*(?P<value>.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX = re.compile(r"^\s{0,3}(?P<level>#{1,6})\s+(?P<text>.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_TABLE_ROW = re.compile(r"^\s*\|")
_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
# Every pattern below runs in linear time on hostile text (a 1 MB line of "[a" or "*a "):
# no nested quantifier over the same characters, and no span may run past the next opener
# of its own kind, so a match that fails stops at the next delimiter instead of the end.
_LINK = re.compile(
    r"\[(?P<text>[^\[\]]+)\](?:\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)|\[[^\[\]]*\])"
)
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^<>]+>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_CODE = re.compile(r"`+([^`]+)`+")
# The text of an emphasis never holds its own delimiter (a lone * or _ only inside a word).
_EMPHASIS = (
    re.compile(r"(\*\*\*|___)(?=\S)((?:(?!\1).)+?)(?<=\S)\1"),
    re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1"),
    re.compile(r"(?<![\w*])\*(?=\S)((?:[^*]|(?<=\w)\*(?=\w))+?)(?<=\S)\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=\S)((?:[^_]|(?<=\w)_(?=\w))+?)(?<=\S)_(?![\w_])"),
    re.compile(r"~~(?=\S)((?:(?!~~).)+?)(?<=\S)~~"),
)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")


def split_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """Split YAML (``---``) or TOML (``+++``) front matter off a Markdown file.

    Only flat ``key: value`` pairs are read (enough for title, date,
    publisher); nested values are ignored.

    Returns:
        ``(metadata, body)`` with lower-cased keys and unquoted values.
    """
    match = _FRONT_MATTER.match(raw)
    if not match:
        return {}, raw
    metadata: dict[str, str] = {}
    for line in match.group("body").splitlines():
        pair = _KEY_VALUE.match(line.strip())
        if pair:
            value = pair.group("value").strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            metadata[pair.group("key").lower()] = value
    return metadata, raw[match.end() :]


def _drop_comments(text: str) -> str:
    """Remove ``<!-- ... -->`` comments; an unclosed one stays (linear, unlike ``<!--.*?-->``)."""
    parts: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        parts.append(text[pos:start])
        pos = end + 3
    parts.append(text[pos:])
    return "".join(parts)


def _inline(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda match: match.group("text"), text)
    text = _AUTOLINK.sub("", text)
    text = _HTML_TAG.sub(" ", text)
    text = _CODE.sub(r"\1", text)
    for pattern in _EMPHASIS:
        text = pattern.sub(lambda match: match.group(match.lastindex or 0), text)
    return normalise_line(_ESCAPE.sub(r"\1", text))


def _paragraphs(body: str) -> tuple[list[str], str | None]:
    """Markdown blocks as plain-text paragraphs, and the first level-1 heading."""
    paragraphs: list[str] = []
    current: list[str] = []
    heading: str | None = None
    in_code = False

    def flush() -> None:
        text = _inline(" ".join(current))
        if text:
            paragraphs.append(text)
        current.clear()

    for line in _drop_comments(body).splitlines():
        if _FENCE.match(line):
            flush()
            in_code = not in_code
            continue
        if in_code or _LINK_DEFINITION.match(line) or _TABLE_ROW.match(line):
            continue
        setext = current and _SETEXT.match(line)
        if not line.strip() or (_RULE.match(line) and not setext):
            flush()
            continue
        if setext:
            level_one = line.strip().startswith("=")
            text = _inline(" ".join(current))
            current.clear()
            if text:
                paragraphs.append(text)
                if level_one and heading is None:
                    heading = text
            continue
        atx = _ATX.match(line)
        if atx:
            flush()
            text = _inline(atx.group("text"))
            if text:
                paragraphs.append(text)
                if len(atx.group("level")) == 1 and heading is None:
                    heading = text
            continue
        content = _QUOTE.sub("", line)
        if _LIST_ITEM.match(content):
            flush()
            content = _LIST_ITEM.sub("", content)
        current.append(content.strip())
    flush()
    return paragraphs, heading


def clean_markdown(raw: str) -> CleanResult:
    """Turn a Markdown article into plain article text with its metadata.

    Front matter keys read: ``title``; ``date`` (or ``published``); ``publisher``
    (or ``site``, ``site_name``, ``source``); ``author`` (put under the
    headline as a byline). Without a ``title`` key the first ``#`` heading is the
    headline. Headings, emphasis, code spans and link texts become plain text;
    images, link targets, tables, code blocks and HTML tags are dropped. The
    paragraphs then go through the same boilerplate rules as plain text.

    Args:
        raw: The decoded file content.

    Returns:
        The cleaned article.
    """
    metadata, body = split_front_matter(raw)
    paragraphs, heading = _paragraphs(body)
    title = metadata.get("title") or heading
    date_value = metadata.get("date") or metadata.get("published")
    publisher = next(
        (
            metadata[key]
            for key in ("publisher", "site", "site_name", "source")
            if metadata.get(key)
        ),
        None,
    )
    lines = [Line(text, block) for block, text in enumerate(paragraphs)]
    return clean_lines(
        lines,
        title=_inline(title) if title else None,
        date=parse_date(date_value) if date_value else None,
        publisher=publisher,
        byline=metadata.get("author") or None,
    )
