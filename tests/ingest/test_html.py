"""HTML pages through trafilatura: article text and metadata, page furniture left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.html import clean_html, declared_charset

DATA = Path(__file__).parents[1] / "data" / "ingest"


def test_html_news_page_gives_title_date_publisher_body() -> None:
    result = clean_html((DATA / "news_page.html").read_text("utf-8"))
    assert result is not None
    assert result.title == "Ministers meet in Vienna over river dam dispute"
    assert result.date == "2023-04-25"
    assert result.publisher == "The Riverside Herald"
    paragraphs = result.text.split("\n\n")
    assert paragraphs[0] == "Ministers meet in Vienna over river dam dispute"
    assert paragraphs[1] == "By Marta Kowalczyk"
    assert paragraphs[2].startswith("VIENNA — Water ministers from Austria, Hungary and Slovakia")
    assert paragraphs[-1].startswith("Slovak officials welcomed the agreement")
    assert len(paragraphs) == 6


@pytest.mark.parametrize(
    "furniture",
    [
        "Skip to content",
        "Home",
        "Politics",
        "cookies",
        "Related articles",
        "Flood barriers",
        "All rights reserved",
        "Privacy policy",
    ],
)
def test_html_news_page_leaves_out_furniture(furniture: str) -> None:
    result = clean_html((DATA / "news_page.html").read_text("utf-8"))
    assert result is not None
    assert furniture not in result.text


@pytest.mark.parametrize(
    "html",
    [
        (DATA / "no_article.html").read_text("utf-8"),
        "<html><head><title>Front page</title></head>"
        "<body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body></body></html>",
    ],
)
def test_html_without_article_gives_none(html: str) -> None:
    assert clean_html(html) is None


def test_html_date_not_guessed_from_copyright_line() -> None:
    html = (
        "<html><head><title>Quiet Day</title></head><body><article><h1>Quiet Day At The Port</h1>"
        "<p>Ships waited outside the harbour on Monday because of strong winds, "
        "the port authority said.</p>"
        "</article><footer>(c) 2023 Port News</footer></body></html>"
    )
    result = clean_html(html)
    assert result is not None
    assert result.date is None


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<meta charset="ISO-8859-1">', "iso-8859-1"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
            "windows-1252",
        ),
        (b"<title>none</title>", None),
    ],
)
def test_html_declared_charset(head: bytes, charset: str | None) -> None:
    assert declared_charset(b"<html><head>" + head + b"</head></html>") == charset
