"""Dates written in news pages: parsed to ISO 8601, never guessed."""

from __future__ import annotations

import pytest

from kg.ingest.dates import date_line, parse_date


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2023-04-25", "2023-04-25"),
        ("2023-04-25T09:30:00+02:00", "2023-04-25"),
        ("April 25, 2023", "2023-04-25"),
        ("Apr. 5 2023", "2023-04-05"),
        ("Tuesday, 25th April 2023", "2023-04-25"),
        ("25 of April, 2023", "2023-04-25"),
        ("Published 3 Sept 2022, 10:00 GMT", "2022-09-03"),
        ("February 30, 2023", None),
        ("04/05/2023", None),
        ("no date here", None),
        ("", None),
    ],
)
def test_dates_parse_date(value: str, iso: str | None) -> None:
    assert parse_date(value) == iso


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sunday, May 26, 2024", ("2024-05-26", None)),
        ("May 26, 2024 10:15 am", ("2024-05-26", None)),
        ("Published: 25 April 2023", ("2023-04-25", "published")),
        ("Last updated on March 7, 2023 at 14:05 GMT", ("2023-03-07", "last updated")),
        ("Posted on 2023-01-09", ("2023-01-09", "posted")),
        ("February 30, 2023", ("", None)),
        ("On May 26, 2024 the talks began.", None),
        ("May 2024", None),
        ("Headline about May", None),
    ],
)
def test_dates_date_line(line: str, expected: tuple[str, str | None] | None) -> None:
    assert date_line(line) == expected
