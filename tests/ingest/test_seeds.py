"""End to end on the five seed scrapes: gold entities kept, page furniture dropped.

The gold of ``shared/eval/seeds-entities.tsv`` is annotated on the article text
only (headline, byline, body), so every gold surface form written in a seed
must survive cleaning.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from kg.ingest import read_article
from kg.model import Article

ROOT = Path(__file__).parents[2]
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "eval" / "seeds-entities.tsv"
SEED_NAMES = sorted(path.name for path in SEEDS.glob("*.txt"))


@cache
def article(name: str) -> Article:
    return read_article(SEEDS / name)


@cache
def gold_forms() -> dict[str, list[str]]:
    if not GOLD.is_file():
        pytest.fail(f"gold file {GOLD} not found: the tests expect shared/ beside the repository")
    forms: dict[str, list[str]] = {}
    with GOLD.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            forms.setdefault(row["doc"], []).extend(
                f.strip() for f in row["surface_forms"].split(";")
            )
    return forms


def test_seeds_all_five_present() -> None:
    assert len(SEED_NAMES) == 5


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seeds_keep_every_gold_surface_form(name: str) -> None:
    raw = (SEEDS / name).read_text("utf-8")
    forms = [form for form in gold_forms()[name] if form in raw]
    assert forms, f"no gold surface form of {name} found in the raw text"
    missing = [form for form in forms if form not in article(name).text]
    assert missing == []


@pytest.mark.parametrize(
    ("name", "title", "publisher"),
    [
        (
            "000_00e312ede173199d.txt",
            "Russia, Turkey, Iran And Syria Seek To Normalize Ties And Push American Forces "
            "Out Of Syria",
            None,
        ),
        (
            "001_9c88af45da0280e4.txt",
            "Moscow Hosts Summit – Attempts To Normalize Relations Between Turkey And Syria",
            None,
        ),
        (
            "002_8c22c43bf66d0418.txt",
            "Baby Steps Toward Peace: What to expect from Russia-Iran-Syria-Turkiye meeting",
            None,
        ),
        (
            "003_c4329f952f3d71cb.txt",
            "Four-Party Meeting in Moscow Discusses Turkish Troop Withdrawal from Syria",
            "Islamic Invitation Turkey",
        ),
        (
            "004_5a3bcd80164b96b3.txt",
            "Moscow hosts more rapprochement talks between Türkiye and Syria",
            None,
        ),
    ],
)
def test_seeds_headline_on_top_and_no_guessed_date(
    name: str, title: str, publisher: str | None
) -> None:
    result = article(name)
    assert result.title == title
    assert result.text.split("\n\n")[0] == title
    assert result.text.count(title) == 1
    assert result.publisher == publisher
    assert (
        result.date is None
    )  # no seed marks a publication date; 002's date is a today's-date header
    assert result.source == name


#: Fragments of each seed's page furniture (share bars, widgets, ...), none of them article text.
DROPPED: dict[str, list[str]] = {
    "000_00e312ede173199d.txt": [
        "skip to content",
        "[VIDEO]",
        "Check out other articles",
        "#RussianDefenseMinister",
        "views, thoughts, and opinions",
        "Have a tip",
        "We use cookies",
        "Optimole",
    ],
    "001_9c88af45da0280e4.txt": [
        "Middle East",
        "Please Follow us",
        "NO AD",
        "Sign up here",
        "Related articles",
        "Palestinian Prime Minister",
        "Seth Frantzman",
        "Tsarizm Staff",
        "Qayyara",
        "Leave a Comment",
        "evening newsletter",
    ],
    "002_8c22c43bf66d0418.txt": [
        "14.4 C",
        "May 26, 2024",
        "Popular Now",
        "Syria War news",
        "Promoted Content",
        "No login required",
        "Please enter your",
        "Daily Life",
        "scattered clouds",
        "°",
        "75 %",
        "Free Ads",
        "spot_img",
    ],
    "003_c4329f952f3d71cb.txt": ["Islamic Invitation", "GeneralSyria", "West Asia", "Back to top"],
    "004_5a3bcd80164b96b3.txt": ["___", "Leave a Comment"],
}


@pytest.mark.parametrize(("name", "dropped"), sorted(DROPPED.items()))
def test_seeds_drop_boilerplate(name: str, dropped: list[str]) -> None:
    text = article(name).text
    assert [fragment for fragment in dropped if fragment in text] == []


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        (
            "001_9c88af45da0280e4.txt",
            ["Syrian President Bashar al-Assad with Russian President Vladimir Putin"],
        ),
        (
            "002_8c22c43bf66d0418.txt",
            [
                "Ilya Tsukanov\n\nIlya Tsukanov is a Moscow-based correspondent",
                "Member of the Sputnik team",
                "\n\nRegional Realignment\n\n",
                "\n\nWake Up Call for Washington\n\n",
                "Middle East’s security architecture",
            ],
        ),
        (
            "003_c4329f952f3d71cb.txt",
            ["In January, Syrian President Bashar al-Assad connected a reconciliation"],
        ),
        (
            "004_5a3bcd80164b96b3.txt",
            ["\n\nSuzan Fraser contributed to this report from Ankara, Türkiye."],
        ),
    ],
)
def test_seeds_keep_byline_caption_and_subheadings(name: str, kept: list[str]) -> None:
    text = article(name).text
    assert [fragment for fragment in kept if fragment not in text] == []


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seeds_every_body_paragraph_kept(name: str) -> None:
    """Every raw line of 25 words or more is body prose, unless it is furniture, and stays."""
    text = article(name).text
    raw_lines = [" ".join(line.split()) for line in (SEEDS / name).read_text("utf-8").splitlines()]
    long_lines = [
        line
        for line in raw_lines
        if len(line.split()) >= 25 and not any(fragment in line for fragment in DROPPED[name])
    ]
    assert long_lines
    assert [line for line in long_lines if line not in text] == []
