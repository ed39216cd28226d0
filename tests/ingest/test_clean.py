"""Boilerplate removal on plain-text scrapes: synthetic pages, one kind of line at a time."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import kg.ingest.clean as clean_module
from kg.ingest.clean import CleanResult, clean_text, split_lines

DATA = Path(__file__).parents[1] / "data" / "ingest"
HEADLINE = "Dam Talks Resume Between Upstream And Downstream States"
BODY = (
    (
        "GENEVA — Negotiators from the three river states met in Geneva on Monday to resume "
        "talks on sharing water from the dam, officials said."
    ),
    (
        "The talks, hosted by the Swiss foreign ministry, focused on how much water may be held "
        "back during dry summers and who pays for new fish ladders."
    ),
    (
        "“We are closer than ever,” said Amara Diallo, the lead negotiator, adding that a deal "
        "could be signed in June if the parliaments agree."
    ),
)


def page(
    top: tuple[str, ...] = (), middle: tuple[str, ...] = (), bottom: tuple[str, ...] = ()
) -> str:
    """A scrape: top furniture, headline, first paragraph, middle lines, the rest, bottom."""
    lines = [*top, HEADLINE, BODY[0], *middle, *BODY[1:], *bottom]
    return "\n\n".join(lines) + "\n"


def paragraphs(result: CleanResult) -> list[str]:
    return result.text.split("\n\n")


def assert_article_intact(result: CleanResult) -> None:
    assert result.title == HEADLINE
    assert paragraphs(result) == [HEADLINE, *BODY]


@pytest.mark.parametrize(
    ("where", "line", "kind"),
    [
        ("top", "Skip to content", "skip_link"),
        ("top", "World › Africa", "breadcrumb"),
        ("top", "Politics", "breadcrumb"),
        ("top", "AfricaPoliticsWorld", "breadcrumb"),
        ("top", "Climate news", "breadcrumb"),
        ("top", "18 °C", "widget"),
        ("top", "partly cloudy", "widget"),
        ("top", "Saturday, June 1, 2024", "date"),
        ("top", "Trending now", "related"),
        ("middle", "Share this article", "share_bar"),
        ("middle", "Follow us on Telegram and WhatsApp for live updates", "share_bar"),
        ("middle", "Advertisement", "advert"),
        ("middle", "Read more: Floods hit the capital for a second week", "related"),
        ("middle", "Sign up now for our breaking news alerts!", "subscribe"),
        ("middle", "Most Read", "related"),
        ("bottom", "#Water #Diplomacy #Geneva", "hashtags"),
        (
            "bottom",
            "The views expressed in this article are those of the author alone.",
            "disclaimer",
        ),
        ("bottom", "We use cookies to personalise content and ads.", "cookie"),
        ("bottom", "Leave a Reply", "comments"),
        ("bottom", "Your email address will not be published.", "comment_form"),
        ("bottom", "Got a tip? Email the river desk.", "cta"),
        ("bottom", "Check out more stories in our Environment section", "cta"),
        ("bottom", "Powered by Ghost", "credit"),
        ("bottom", "Back to top", "nav"),
        ("bottom", "© 2024 River News Network", "copyright"),
        ("bottom", "~~~", "separator"),
        ("bottom", "Sponsored content", "related"),
    ],
)
def test_clean_text_removes_boilerplate_kind(where: str, line: str, kind: str) -> None:
    raw = page(**{where: (line,)})
    result = clean_text(raw)
    assert line not in result.text
    assert (kind, line) in result.removed
    assert_article_intact(result)


@pytest.mark.parametrize(
    "bottom",
    [
        (
            "Related Stories",
            "Farmers Count The Cost Of A Dry Summer",
            "Maria Lopez",
            "Flood Barriers Tested On The Rhine",
            "River Desk",
        ),
        (
            "2 Comments",
            "Great piece, thanks!",
            "K. Obi",
            "Please type your comment here",
            "Name *",
            "Clear sky",
            "24 °",
        ),
        (
            "You might also like",
            "Why the river is drying up",
            "Advertisement",
            "Popular now",
            "Heatwave Grips The South",
        ),
    ],
)
def test_clean_text_removes_trailer_block(bottom: tuple[str, ...]) -> None:
    result = clean_text(page(bottom=bottom))
    assert_article_intact(result)
    assert [line for _, line in result.removed] == list(bottom)


def test_clean_text_block_header_before_body_drops_only_header() -> None:
    result = clean_text(page(middle=("Related coverage",)))
    assert_article_intact(result)
    assert result.removed == (("related", "Related coverage"),)


@pytest.mark.parametrize(
    "lines",
    [
        (
            "Home Secretary Jane Doe visited the border post on Tuesday.",
            "Share prices fell sharply on Monday after the central bank raised rates.",
            "Farmers can sign up for the new irrigation scheme until March, the ministry said.",
            "Rain fell across the north of the country on Sunday.",
            "12 people were killed in the attack, the governor said.",
            "Jane Okafor contributed to this report from Lagos.",
        ),
        (
            "Regional Realignment",
            "Officials said the agreement would be signed next week in the capital.",
            "A Wake-Up Call For The Capital",
            "The opposition said it would challenge the deal in court, its leader told reporters.",
        ),
    ],
)
def test_clean_text_keeps_body_lines(lines: tuple[str, ...]) -> None:
    result = clean_text(page(middle=lines))
    for line in lines:
        assert line in paragraphs(result)
    assert result.removed == ()


@pytest.mark.parametrize(
    ("raw", "title", "publisher"),
    [
        (
            f"Dam Talks Resume - River News Network\nDam Talks Resume\n\n{BODY[0]}",
            "Dam Talks Resume",
            "River News Network",
        ),
        (
            (
                "Amara Diallo\nAmara Diallo\nAmara Diallo is a Dakar-based correspondent "
                "covering West "
                f"African politics and energy.\n\nWest Africa Weighs New Power Grid Deal"
                f"\n\n{BODY[0]}"
            ),
            "West Africa Weighs New Power Grid Deal",
            None,
        ),
        (
            f"Leaders Meet On Border Dispute [VIDEO]\n\n{BODY[0]}",
            "Leaders Meet On Border Dispute",
            None,
        ),
        (
            f"Business\n\nShares Slide As Rates Rise\n\n{BODY[0]}",
            "Shares Slide As Rates Rise",
            None,
        ),
        (f"Talks Collapse\n\n{BODY[0]}", "Talks Collapse", None),
        (
            f"By Jane Roe\n\nTalks collapse in Geneva as deadline passes\n\n{BODY[0]}",
            "Talks collapse in Geneva as deadline passes",
            None,
        ),
        (f"Why did the talks fail?\n\n{BODY[0]}", "Why did the talks fail?", None),
        (f"{BODY[0]}\n\n{BODY[1]}", None, None),
        (f"Jane Roe\nJane Roe is a London-based reporter.\n\n{BODY[0]}", None, None),
        (f"TEHRAN - {BODY[1]}", None, None),
        (f"TEHRAN- Who are the negotiators?\n\n{BODY[1]}", None, None),
        (f"MOSCOW (AP) — Talks begin today\n\n{BODY[1]}", None, None),
    ],
)
def test_clean_text_finds_headline(raw: str, title: str | None, publisher: str | None) -> None:
    result = clean_text(raw)
    assert result.title == title
    assert result.publisher == publisher
    if title:
        assert paragraphs(result)[0] == title
        assert paragraphs(result).count(title) == 1
    assert BODY[0] in result.text or BODY[1] in result.text


def test_clean_text_headline_moves_above_byline_and_bio() -> None:
    raw = (
        "Amara Diallo\nAmara Diallo is a Dakar-based correspondent covering West African "
        f"politics and energy.\n\nWest Africa Weighs New Power Grid Deal\n\n{BODY[0]}"
    )
    assert paragraphs(clean_text(raw)) == [
        "West Africa Weighs New Power Grid Deal",
        "Amara Diallo",
        "Amara Diallo is a Dakar-based correspondent covering West African politics and energy.",
        BODY[0],
    ]


@pytest.mark.parametrize(
    ("raw", "date"),
    [
        (f"{HEADLINE}\n\nPublished: 25 April 2023\n\n{BODY[0]}", "2023-04-25"),
        (f"{HEADLINE}\n\nPosted on Tuesday, March 7, 2023 at 10:15 am\n\n{BODY[0]}", "2023-03-07"),
        (f"{HEADLINE}\n\nMarch 3, 2023\n\n{BODY[0]}", "2023-03-03"),
        (f"{HEADLINE}\n\nUpdated: 2023-05-01 14:30 GMT\n\n{BODY[0]}", "2023-05-01"),
        (f"17 °C\nMonday, May 6, 2024\n\n{HEADLINE}\n\n{BODY[0]}", None),
        (f"Monday, May 6, 2024\n\n{HEADLINE}\n\n{BODY[0]}", None),
        (f"{HEADLINE}\n\n21 °C\nMonday, May 6, 2024\n\n{BODY[0]}", None),
        (f"{HEADLINE}\n\nThe deal was signed on April 25, 2023 in Geneva, officials said.", None),
        (f"{HEADLINE}\n\nPublished: February 30, 2023\n\n{BODY[0]}", None),
    ],
)
def test_clean_text_finds_publication_date(raw: str, date: str | None) -> None:
    result = clean_text(raw)
    assert result.date == date
    assert result.title == HEADLINE
    assert not any(
        p.startswith(("Published", "Posted", "Updated", "March 3", "Monday"))
        for p in paragraphs(result)
    )


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (
            "Tu\u0308rkiye  and\u00a0Syria\u200b met.\r\n\r\nSecond   paragraph.",
            "Türkiye and Syria met.\n\nSecond paragraph.",
        ),
        ("“Quoted,” she said. ‘Inner’ quotes stay.", "“Quoted,” she said. ‘Inner’ quotes stay."),
        (
            "\ufeffFirst line.\nSecond line.\n\n\n\nThird line.",
            "First line.\n\nSecond line.\n\nThird line.",
        ),
        (
            (
                "The ministers of the three states met in the capital after\n"
                "talks on the dam and the water it holds back.\n\nNext."
            ),
            (
                "The ministers of the three states met in the capital after talks on the dam "
                "and the water it holds back.\n\nNext."
            ),
        ),
        ("Same line.\nSame line.\n\nOther line.", "Same line.\n\nOther line."),
    ],
)
def test_clean_text_normalises_text(raw: str, text: str) -> None:
    assert clean_text(raw).text == text


@pytest.mark.parametrize(
    ("raw", "blocks"),
    [
        ("a\nb\n\nc", [0, 0, 1]),
        ("\n\na\n\n\nb\nc\n", [0, 1, 1]),
    ],
)
def test_clean_split_lines_numbers_blocks(raw: str, blocks: list[int]) -> None:
    assert [line.block for line in split_lines(raw)] == blocks


def test_clean_text_only_boilerplate_gives_empty_text() -> None:
    result = clean_text("Skip to content\n\n#News #World\n\nBack to top\n")
    assert result.text == ""
    assert result.title is None


def test_clean_docstring_examples_run() -> None:
    results = doctest.testmod(clean_module)
    assert results.attempted > 0
    assert results.failed == 0


def test_clean_text_wire_scrape_fixture() -> None:
    """A realistic scrape (not a seed) with most kinds of furniture around the article."""
    result = clean_text((DATA / "scrape_wire.txt").read_text("utf-8"))
    assert (result.title, result.date, result.publisher) == (
        "Rival Leaders Agree To Reopen Border Crossings",
        "2023-03-13",
        "The Example Courier",
    )
    paragraphs = result.text.split("\n\n")
    assert paragraphs[:2] == ["Rival Leaders Agree To Reopen Border Crossings", "By Lena Hartmann"]
    assert paragraphs[2].startswith("BRUSSELS — The leaders of Serbia and Kosovo agreed")
    assert paragraphs[3].startswith("“This is a step forward, not the end of the road,” Borrell")
    assert paragraphs[4].startswith("The crossings were blocked by barricades")
    assert paragraphs[5].startswith("Serbian President Aleksandar Vucic said")
    assert (
        paragraphs[6]
        == "Additional reporting by Ivan Petrovic in Belgrade; editing by Mark Heinrich."
    )
    assert len(paragraphs) == 7
    kinds = {kind for kind, _ in result.removed}
    assert kinds == {
        "skip_link", "nav", "breadcrumb", "date", "widget", "site_title", "page_meta", "share_bar",
        "credit", "advert", "related", "tags", "subscribe", "comment_form", "copyright",
    }  # fmt: skip
    assert len(result.removed) == 28
