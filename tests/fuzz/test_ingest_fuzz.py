"""Fuzzing of ingest (kg.ingest): any bytes in a file give cleaned text or one line naming the file.

Random bytes, text in mixed encodings with BOMs and NUL bytes, random and deeply
nested HTML, Markdown made of its own delimiters, and 1 MB single lines: each
file read gives an :class:`~kg.model.Article` of valid, clean text, or a
:class:`~kg.ingest.SkipInput` whose message is one line naming the file. No
other exception, and no input slower than linear (the 1 MB lines have a time
budget that a quadratic regex overruns a hundredfold).
"""

from __future__ import annotations

import codecs
import os
import re
import time
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kg.errors import KGError
from kg.ingest import SUFFIXES, SkipInput, article_id, read_article
from kg.ingest.clean import clean_text
from kg.ingest.html import clean_html
from kg.ingest.markdown import clean_markdown

from .budget import fuzz

#: Control characters the cleaned text never holds (tab and newline aside).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2060\ufeff]")
BODY = (
    "The foreign ministers of both countries met in Geneva on Monday to discuss the "
    "withdrawal of troops from the border region, officials said. "
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for every example's file (Hypothesis reruns a test body many times)."""
    return tmp_path_factory.mktemp("fuzz-ingest")


def check_file(folder: Path, name: str, data: bytes) -> str | None:
    """Write ``data`` to ``folder/name`` and read it: an article or one line naming the file.

    Returns:
        The article's text, or None when the file was skipped.
    """
    path = folder / name
    path.write_bytes(data)
    try:
        article = read_article(path)
    except SkipInput as error:
        message = str(error)
        assert "\n" not in message and "\r" not in message, message
        assert repr(str(path)) in message, message
        assert error.code and error.exit_code == 2
        return None
    check_text(article.text)
    assert article.id == article_id(article.text)
    assert article.source == name
    for value in (article.title, article.publisher, article.date):
        assert value is None or (isinstance(value, str) and value.encode("utf-8"))
    return article.text


def check_text(text: str) -> None:
    """Cleaned text: valid Unicode (no lone surrogates), no control or invisible characters."""
    text.encode("utf-8")  # a lone surrogate raises UnicodeEncodeError
    assert not _CONTROL.search(text), repr(_CONTROL.search(text))
    assert text == text.strip()


# ----------------------------------------------------------------------------- strategies

suffixes = st.sampled_from([*SUFFIXES, ".TXT", ".Html"])
#: Text that scrapes are made of, and the characters that break parsers.
hostile_chars = st.characters(
    codec="utf-8", categories=("L", "M", "N", "P", "S", "Z", "Cc", "Cf")
) | st.sampled_from(list("\x00\ufeff\u200b\u202e\u2028\u2029\r\n\t<>&\"'`*_[]()#~\\"))
texts = st.text(hostile_chars, max_size=400)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "cp1252", "utf-16", "utf-16-be",
                             "utf-32", "koi8-r", "shift_jis"])


@st.composite
def mixed_encodings(draw: st.DrawFn) -> bytes:
    """Chunks of text, each in its own encoding, maybe after a BOM, maybe with NUL bytes."""
    chunks = draw(st.lists(st.tuples(texts, encodings), min_size=1, max_size=4))
    data = b"".join(text.encode(enc, "replace") for text, enc in chunks)
    bom = draw(st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]))
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + b"\x00" + data[cut:]
    return bom + data


TAGS = ["html", "head", "body", "div", "p", "article", "main", "section", "span", "a", "b",
        "table", "tr", "td", "ul", "li", "script", "style", "title", "h1", "nav", "footer",
        "template", "svg", "math", "iframe", "noscript", "!--", "![CDATA["]
CHARSETS = ["utf-8", "UTF8", "latin-1", "iso-8859-1", "windows-1252", "utf-16", "utf-7",
            "unicode_escape", "raw_unicode_escape", "base64", "rot13", "x-no-such", "koi8-r",
            "shift_jis", "idna", "punycode", "utf_32"]


def _element(tag: str, attrs: str, children: list[str]) -> str:
    inner = "".join(children)
    if tag == "!--":
        return f"<!--{inner}-->"
    if tag == "![CDATA[":
        return f"<![CDATA[{inner}]]>"
    return f"<{tag}{attrs}>{inner}</{tag}>"


attrs = st.lists(
    st.tuples(st.sampled_from(["class", "id", "href", "style", "charset", "lang", "x"]), texts),
    max_size=2,
).map(lambda pairs: "".join(f' {k}="{v}"' for k, v in pairs))
html_trees = st.recursive(
    texts | st.just(BODY),
    lambda children: st.builds(_element, st.sampled_from(TAGS), attrs,
                               st.lists(children, max_size=4)),
    max_leaves=30,
)


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    """A random tree, maybe nested thousands deep, maybe unclosed, maybe declaring a charset."""
    tree = draw(html_trees)
    depth = draw(st.sampled_from([0, 0, 10, 300, 3000]))
    tag = draw(st.sampled_from(TAGS[:20]))
    closed = draw(st.booleans())
    page = f"<{tag}>" * depth + tree + BODY * draw(st.integers(0, 3))
    page += f"</{tag}>" * depth if closed else ""
    charset = draw(st.none() | st.sampled_from(CHARSETS))
    head = f'<meta charset="{charset}">' if charset else ""
    encoding = draw(st.sampled_from(["utf-8", "latin-1", "utf-16"]))
    return (f"<html><head>{head}</head><body>{page}</body></html>").encode(encoding, "replace")


#: Markdown's own delimiters, repeated: the inputs that make backtracking regexes slow.
markdown_pieces = st.sampled_from(
    ["*", "**", "_", "__", "~~", "`", "[", "]", "(", ")", "<", ">", "<!--", "-->", "!", "#",
     "---", "+++", "|", "\\", "a", " ", "\n", "http://", ":", "=", '"', "```"]
)
markdown = st.lists(markdown_pieces | texts, max_size=200).map("".join)


# ----------------------------------------------------------------------------- properties


@fuzz(150)
@given(data=st.binary(max_size=3000), suffix=suffixes)
@example(data=b"\x00" * 10, suffix=".txt")
@example(data=b"\xff\xfe" + "Talks".encode("utf-16-le"), suffix=".md")
@example(data=b"   \n\t ", suffix=".html")
def test_fuzz_ingest_random_bytes(folder: Path, data: bytes, suffix: str) -> None:
    check_file(folder, f"random{suffix}", data)


@fuzz(150)
@given(data=mixed_encodings(), suffix=suffixes)
def test_fuzz_ingest_mixed_encodings_boms_and_nul(folder: Path, data: bytes, suffix: str) -> None:
    check_file(folder, f"mixed{suffix}", data)


@fuzz(120)
@given(data=html_pages(), suffix=st.sampled_from([".html", ".htm"]))
def test_fuzz_ingest_html(folder: Path, data: bytes, suffix: str) -> None:
    check_file(folder, f"page{suffix}", data)


@fuzz(150)
@given(text=markdown)
@example(text="[a](" + "a" * 40 + " ")  # exponential before the fix of _LINK
def test_fuzz_ingest_markdown(folder: Path, text: str) -> None:
    started = time.perf_counter()
    check_text(clean_markdown(text).text)
    check_file(folder, "doc.md", ("---\ntitle: " + text[:50] + "\n---\n" + text).encode())
    assert time.perf_counter() - started < 5


@fuzz(150)
@given(text=st.text(hostile_chars, max_size=2000))
def test_fuzz_ingest_clean_text_and_html_on_any_text(text: str) -> None:
    check_text(clean_text(text).text)
    result = clean_html(text)
    if result is not None:
        check_text(result.text)


# ----------------------------------------------------------------------------- 1 MB lines

#: One line of about 1 MB made of each unit; a quadratic pattern takes hours on these.
MEGA_UNITS = ["*a ", "**a ", "_a ", "__a ", "~~a ", "[a", "[a](", "<a ", "<http://", "<!--",
              "`a ", "a - ", "A ", "a", "\u00e9\u200b", "By A ", "A › ", "January 1, 2020 ",
              "\u202e\u0645"]


@pytest.mark.parametrize("unit", MEGA_UNITS)
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_fuzz_ingest_one_megabyte_line_is_linear(folder: Path, unit: str, suffix: str) -> None:
    line = unit * (1_000_000 // len(unit.encode()))
    started = time.perf_counter()
    check_file(folder, f"mega{suffix}", (BODY + "\n\n" + line + "\n").encode())
    assert time.perf_counter() - started < 10, "slower than linear"


def test_fuzz_ingest_one_megabyte_html_line(folder: Path) -> None:
    page = f"<html><body><article><p>{BODY * 8000}</p></article></body></html>"
    started = time.perf_counter()
    assert check_file(folder, "mega.html", page.encode())
    assert time.perf_counter() - started < 20


@pytest.mark.parametrize(
    "text",
    [
        "[a](" + "a" * 5000 + " ",  # _LINK: exponential backtracking
        "*a " * 20000,  # _EMPHASIS: each opener scanned to the end
        "<!--" * 20000,  # _HTML_COMMENT
        "[a" * 20000,
        "<a " * 20000,
    ],
    ids=["link", "emphasis", "comment", "bracket", "tag"],
)
def test_fuzz_ingest_markdown_delimiters_clean_in_linear_time(text: str) -> None:
    """Pins the fix of kg.ingest.markdown's regexes (before: hours for a 1 MB line)."""
    started = time.perf_counter()
    clean_markdown(text)
    assert time.perf_counter() - started < 2


def test_fuzz_ingest_skip_is_a_kg_error() -> None:
    assert issubclass(SkipInput, KGError)


# ----------------------------------------------------------------------------- file names

name_bytes = st.binary(min_size=1, max_size=40).map(
    lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_").lstrip(b".") or b"x"
)


@fuzz(60)
@given(name=name_bytes)
@example(name=b"caf\xe9")  # a Latin-1 file name: was an internal error of every build
def test_fuzz_ingest_any_file_name_gives_a_source_rdf_can_hold(folder: Path, name: bytes) -> None:
    import pyoxigraph as ox

    path = Path(os.fsdecode(os.fsencode(folder) + b"/" + name + b".txt"))
    path.write_bytes((BODY * 2).encode())
    article = read_article(path)
    article.source.encode("utf-8")
    assert ox.Literal(article.source).value == article.source
    assert os.fsencode(path.name).decode("utf-8", "backslashreplace") == article.source
    path.unlink()
