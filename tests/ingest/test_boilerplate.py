"""Line rules of kg/ingest/data/boilerplate.tsv: each kind caught, body prose kept."""

from __future__ import annotations

import pytest

from kg.ingest.boilerplate import block_header, is_breadcrumb, line_kind, rules, strip_notice


def test_boilerplate_rules_load_with_every_scope() -> None:
    scopes = {rule.scope for rule in rules()}
    assert scopes == {"line", "block", "header", "notice"}


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Skip to main content", "skip_link"),
        ("Press ENTER to skip to navigation", "skip_link"),
        ("Follow us on Mastodon, Bluesky and Threads", "share_bar"),
        ("Please follow us at TikTok and Instagram", "share_bar"),
        ("Share this story", "share_bar"),
        ("Share:", "share_bar"),
        ("Facebook Twitter WhatsApp Email", "share_bar"),
        ("#Budget2024 #Parliament #Taxes", "hashtags"),
        ("#Elections", "hashtags"),
        ("21.5 °C", "widget"),
        ("-3 °F", "widget"),
        ("64 %", "widget"),
        ("light rain", "widget"),
        ("Overcast clouds", "widget"),
        ("Humidity: 81%", "widget"),
        (
            (
                "The opinions expressed in this column are those of the writer and do not "
                "necessarily reflect the position of the newspaper."
            ),
            "disclaimer",
        ),
        ("Disclaimer: this post contains affiliate links.", "disclaimer"),
        ("Advertisement", "advert"),
        ("- Sponsored -", "advert"),
        ("Ads by Bidvertiser", "advert"),
        ("banner_img spot_img", "advert"),
        ("Sign up now and read without limits!", "subscribe"),
        ("Subscribe to our weekly briefing to get the top stories.", "subscribe"),
        ("Join 20,000 readers who get our newsletter every Friday", "subscribe"),
        ("Donate today to keep this site independent.", "subscribe"),
        ("Please enter your email address", "comment_form"),
        ("Your email address will not be published. Required fields are marked *", "comment_form"),
        ("Comments are moderated and may take a day to appear.", "comment_form"),
        ("Email *", "comment_form"),
        ("This website uses cookies to give you the best experience.", "cookie"),
        ("Manage cookies", "cookie"),
        ("Back to top", "nav"),
        ("Scroll to top button", "nav"),
        ("Next article", "nav"),
        ("Home | World | Europe", "nav"),
        ("Powered by WordPress", "credit"),
        ("Image source, Getty Images", "credit"),
        ("Photo credit: AFP", "credit"),
        ("Photo: Anadolu Agency", "credit"),
        ("(Photo by Jane Roe/Example Wire)", "credit"),
        ("4 min read", "page_meta"),
        ("Listen to this article (3 min)", "page_meta"),
        ("Updated 3 hours ago", "page_meta"),
        ("Loading...", "page_meta"),
        ("Tags: Dams, Rivers, Water policy", "tags"),
        ("Follow @exampledesk on Twitter", "share_bar"),
        ("Join our Telegram channel for live updates", "share_bar"),
        ("Privacy Policy | Terms of Use | Contact Us", "nav"),
        ("Got a news tip? Write to the newsroom.", "cta"),
        ("Send us your tips", "cta"),
        ("Read more stories in our Science pages", "cta"),
        ("Click here to watch the full interview", "cta"),
        ("Download our free app for breaking news alerts", "cta"),
        ("© 2024 Example Media Group", "copyright"),
        ("Copyright 2023 Example Wire. All rights reserved.", "copyright"),
        ("* * *", "separator"),
        ("———", "separator"),
        ("Read more: Storm batters coastal towns", "related"),
        ("See also | Budget vote delayed again", "related"),
    ],
)
def test_boilerplate_line_kind_catches(line: str, kind: str) -> None:
    assert line_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell sharply on Monday after the central bank raised rates.",
        "Follow-up talks are planned for June in Geneva.",
        "The views of the two delegations remained far apart, diplomats said.",
        "Farmers can sign up for the new irrigation scheme until March.",
        "The ministry publishes a weekly newsletter on reservoir levels.",
        "Rain fell across the north of the country on Sunday.",
        "12 people were killed in the attack, the governor said.",
        "Home Secretary Jane Doe visited the border post on Tuesday.",
        "Ad hoc talks were held in Doha.",
        "Comments by the minister angered the opposition.",
        "Next week the parliament will vote on the budget.",
        "The cookie maker said exports to Europe doubled.",
        "Powered rail cars will replace diesel trains by 2030.",
        "Read the full statement on the ministry's website, officials said.",
        "Syrian President Bashar al-Assad with Russian President Vladimir Putin",
        "Jane Okafor contributed to this report from Lagos.",
        "Regional Realignment",
        "A 5 percent rise in prices was recorded.",
        "#1 priority for the government is the economy, he said.",
        "Photographers were kept away from the summit venue, organisers said.",
        "Image rights of athletes are a growing business, the report said.",
        "Tags on the luggage showed it had come from Ankara.",
        "Email records were seized by investigators on Monday.",
        "About 300 people attended the rally.",
        "Contact between the two sides has been rare since 2011.",
        "Updated figures will be published next week.",
    ],
)
def test_boilerplate_line_kind_keeps_body(line: str) -> None:
    assert line_kind(line) is None
    assert block_header(line) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Related articles", "related"),
        ("Related Stories:", "related"),
        ("You may also like", "related"),
        ("Most read", "related"),
        ("Trending now", "related"),
        ("More from The Example Post", "related"),
        ("Sponsored Stories", "related"),
        ("Popular today", "related"),
        ("Leave a Reply", "comments"),
        ("3 Comments", "comments"),
        ("Join the discussion", "comments"),
    ],
)
def test_boilerplate_block_header_catches(line: str, kind: str) -> None:
    assert block_header(line) == kind


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("World › Europe", "breadcrumb"),
        ("Home » Politics » Elections", "breadcrumb"),
        ("PoliticsEconomyWorld", "breadcrumb"),
        ("NewsWorldLatin America", "breadcrumb"),
        ("Middle East", "breadcrumb"),
        ("Latin America news", "breadcrumb"),
        ("Business News", "breadcrumb"),
        ("Germany", "breadcrumb"),
        ("Opinion | Analysis", "breadcrumb"),
        ("Jane Okafor", None),
        ("Talks Resume In Geneva", None),
        ("McDonald Expands In Asia", None),
        ("Iran rejects fake news", None),
        ("Europe braces for heatwave.", None),
    ],
)
def test_boilerplate_is_breadcrumb(line: str, expected: str | None) -> None:
    assert is_breadcrumb(line) == expected


@pytest.mark.parametrize(
    ("paragraph", "kept", "notice"),
    [
        (
            (
                "The bridge reopened on Monday. All Content by Example Wire is licensed under a "
                "Creative Commons Attribution 4.0 International License."
            ),
            "The bridge reopened on Monday.",
            (
                "All Content by Example Wire is licensed under a Creative Commons Attribution 4.0 "
                "International License."
            ),
        ),
        (
            "Voters queued for hours. © 2023 Example Post. All rights reserved.",
            "Voters queued for hours.",
            "© 2023 Example Post. All rights reserved.",
        ),
        (
            "Copyright 2023 cases rose sharply, the report said. Experts disagree on why.",
            "Copyright 2023 cases rose sharply, the report said. Experts disagree on why.",
            None,
        ),
        ("No notice here at all.", "No notice here at all.", None),
        (
            (
                "Talks went on in a calm atmosphere All Content by Example Wire is licensed "
                "under a Creative Commons Attribution 4.0 International License."
            ),
            "Talks went on in a calm atmosphere",
            (
                "All Content by Example Wire is licensed under a Creative Commons Attribution 4.0 "
                "International License."
            ),
        ),
        (
            "Prices rose. This article is licensed under a Creative Commons licence.",
            "Prices rose.",
            "This article is licensed under a Creative Commons licence.",
        ),
    ],
)
def test_boilerplate_strip_notice(paragraph: str, kept: str, notice: str | None) -> None:
    assert strip_notice(paragraph) == (kept, notice)


def _first_by_rule(line: str, scope: str) -> str | None:
    return next((rule.kind for rule in rules() if rule.scope == scope and rule.matches(line)), None)


def _near_limit_lines() -> list[str]:
    """Lines of each rule's own kind with as many words as its limit allows, and one more."""
    lines = ["Share this story", "Skip to main content", "Related articles",
             "Home › World › Europe"]
    for rule in rules():
        if not rule.max_words:
            continue
        for line in ("Share this story", "Related articles", "Skip to main content",
                     "Leave a comment"):
            filler = max(0, rule.max_words - len(line.split()))
            lines.append(line + " word" * filler)
            lines.append(line + " word" * (filler + 1))
    return lines


@pytest.mark.parametrize("scope", ["line", "block", "header"])
def test_boilerplate_first_matching_rule_is_rule_matches(scope: str) -> None:
    # line_kind & co. count a line's words once; the answer must be what each Rule.matches
    # says, first rule first, on both sides of every word limit.
    find = {"line": line_kind, "block": block_header}.get(scope)
    for line in _near_limit_lines():
        expected = _first_by_rule(line, scope)
        if find is not None:
            assert find(line) == expected, line
        elif expected is not None:
            assert is_breadcrumb(line) == expected, line
