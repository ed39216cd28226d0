"""Markdown articles: front matter read as metadata, syntax stripped to plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest.markdown import clean_markdown, split_front_matter

DATA = Path(__file__).parents[1] / "data" / "ingest"


def test_markdown_fixture_gives_metadata_and_plain_text() -> None:
    result = clean_markdown((DATA / "article.md").read_text("utf-8"))
    assert result.title == "Port strike ends after wage deal in Rotterdam"
    assert result.date == "2023-06-02"
    assert result.publisher == "Harbour Gazette"
    assert result.text.split("\n\n") == [
        "Port strike ends after wage deal in Rotterdam",
        "By Pieter de Vries",
        (
            "Dock workers in Rotterdam returned to work on Friday after unions and employers "
            "agreed a two-year wage deal, the FNV union said."
        ),
        "What the deal includes",
        "A pay rise of 5 percent this year and 3.5 percent next year.",
        "A fund for workers who retire early.",
        '"This is a fair result for everyone in the port," a union spokesman said.',
        (
            "The strike had stopped container traffic at the Maasvlakte terminals for four days, "
            "shipping agents said."
        ),
    ]


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        (
            "Talks in **Oslo** and *Bern* and __Rome__ and _Vienna_.",
            "Talks in Oslo and Bern and Rome and Vienna.",
        ),
        ('See [the report](https://example.org/r "Report") now.', "See the report now."),
        ("A [reference link][1] here.\n\n[1]: https://example.org", "A reference link here."),
        ("The dam ![a dam](dam.png) holds back the river.", "The dam holds back the river."),
        ("Use `snake_case` and file_name_here.", "Use snake_case and file_name_here."),
        ("Line one\nwraps here.\n\nNew paragraph.", "Line one wraps here.\n\nNew paragraph."),
        ("Intro.\n\n```\ncode block\n```\n\nOutro.", "Intro.\n\nOutro."),
        ("Intro.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nOutro.", "Intro.\n\nOutro."),
        ("Sub heading\n-----------\n\nBody text.", "Sub heading\n\nBody text."),
        ("Before.\n\n* * *\n\nAfter.", "Before.\n\nAfter."),
        ("1. First item\n2. Second item", "First item\n\nSecond item"),
        ("> Quoted text\n> goes on.", "Quoted text goes on."),
        ("Price rose 5\\* percent <br> today.<!-- hidden -->", "Price rose 5* percent today."),
        ("~~Old~~ New figures.", "Old New figures."),
    ],
)
def test_markdown_strips_syntax(markdown: str, text: str) -> None:
    assert clean_markdown(markdown).text == text


@pytest.mark.parametrize(
    ("markdown", "title", "date", "publisher"),
    [
        ("# Heading Is The Title\n\nBody sentence here.", "Heading Is The Title", None, None),
        ("Title Line\n==========\n\nBody sentence here.", "Title Line", None, None),
        (
            (
                "---\ntitle: 'From Front Matter'\ndate: \"2023-06-02T08:00:00Z\"\n"
                "site_name: Example Post\n---\n"
                "# Other Heading\n\nBody sentence here."
            ),
            "From Front Matter",
            "2023-06-02",
            "Example Post",
        ),
        (
            '+++\ntitle = "TOML Title"\ndate = 2023-01-31\n+++\nBody sentence here.',
            "TOML Title",
            "2023-01-31",
            None,
        ),
        ("---\ndate: yesterday\n---\nBody sentence here.", None, None, None),
    ],
)
def test_markdown_metadata(
    markdown: str, title: str | None, date: str | None, publisher: str | None
) -> None:
    result = clean_markdown(markdown)
    assert (result.title, result.date, result.publisher) == (title, date, publisher)
    if title:
        assert result.text.startswith(title + "\n\n")
    assert result.text.endswith("Body sentence here.")


@pytest.mark.parametrize(
    ("raw", "metadata", "body"),
    [
        ("---\nTitle: A\nauthor: B\n---\nText", {"title": "A", "author": "B"}, "Text"),
        ("No front matter\n---\n", {}, "No front matter\n---\n"),
        ("---\nunclosed: yes\nText", {}, "---\nunclosed: yes\nText"),
    ],
)
def test_markdown_split_front_matter(raw: str, metadata: dict[str, str], body: str) -> None:
    assert split_front_matter(raw) == (metadata, body)


def test_markdown_boilerplate_rules_apply() -> None:
    result = clean_markdown(
        "# Floods Hit The Valley\n\nRivers burst their banks overnight.\n\n"
        "Share this article\n\n#Floods #Weather"
    )
    assert result.text == "Floods Hit The Valley\n\nRivers burst their banks overnight."
