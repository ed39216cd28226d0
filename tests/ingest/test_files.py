"""Input files: discovery, strict decoding, one-line skip messages, Articles out."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import SkipInput, article_id, iter_input_files, load_articles, read_article
from kg.model import Article

DATA = Path(__file__).parents[1] / "data" / "ingest"
STORY = (
    "Bridge Reopens After Repairs\n\n"
    "The old bridge over the river reopened on Monday after two years of repairs, the city said.\n"
)


def write(root: Path, name: str, content: bytes | str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.md", b"  \n\t\n\n", "the file is empty"),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
            "binary data, not text",
        ),
        ("controls.txt", bytes(range(1, 9)) * 40, "binary data, not text"),
        (
            "latin1.txt",
            "Café talks in Ankara, Türkiye.".encode("latin-1"),
            (
                "not valid UTF-8 (byte 0xe9 at offset 3); "
                "if it is Latin-1, convert it: iconv -f latin1 -t utf-8"
            ),
        ),
        ("bom_latin1.txt", b"\xef\xbb\xbfAb\xe9", "(byte 0xe9 at offset 5)"),
        (
            "utf16.txt",
            "Talks in Ankara.".encode("utf-16"),
            "UTF-16 text, not UTF-8 (convert it: iconv -f utf-16 -t utf-8",
        ),
        ("page.html", (DATA / "no_article.html").read_bytes(), "no article text found in the HTML"),
        (
            "furniture.txt",
            "Skip to content\n\n#News #World\n\nBack to top\n",
            "no article text left after removing boilerplate",
        ),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
    ],
)
def test_files_read_article_skips_bad_file_with_one_line(
    tmp_path: Path, name: str, content: bytes | str, reason: str
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(SkipInput) as caught:
        read_article(path)
    message = str(caught.value)
    assert message.startswith(f"skipped {str(path)!r}: ")
    assert reason in message
    assert re.search(r" \[E01\d\]$", message) and caught.value.code == message[-5:-1]
    assert "\n" not in message
    assert isinstance(caught.value, InputError)
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("name", "content", "text"),
    [
        ("story.txt", STORY, STORY.strip()),
        ("bom.txt", b"\xef\xbb\xbf" + STORY.encode(), STORY.strip()),
        ("crlf.txt", STORY.replace("\n", "\r\n"), STORY.strip()),
        (
            "old.html",
            "<html><head><meta charset='iso-8859-1'><title>Café Reopens</title></head>"
            "<body><article><h1>Café Reopens</h1><p>The café on the main square reopened "
            "on Monday after two years, its owner said.</p>"
            "</article></body></html>".encode("latin-1"),
            (
                "Café Reopens\n\nThe café on the main square reopened on Monday after two years, "
                "its owner said."
            ),
        ),
    ],
)
def test_files_read_article_reads_text(
    tmp_path: Path, name: str, content: bytes | str, text: str
) -> None:
    article = read_article(write(tmp_path, name, content))
    assert article.text == text
    assert article.source == name
    assert article.id == hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@pytest.mark.parametrize(
    ("name", "title", "date", "publisher"),
    [
        (
            "news_page.html",
            "Ministers meet in Vienna over river dam dispute",
            "2023-04-25",
            "The Riverside Herald",
        ),
        (
            "article.md",
            "Port strike ends after wage deal in Rotterdam",
            "2023-06-02",
            "Harbour Gazette",
        ),
    ],
)
def test_files_read_article_fixture_metadata(
    name: str, title: str, date: str, publisher: str
) -> None:
    article = read_article(DATA / name)
    assert article == Article(
        id=article_id(article.text),
        source=name,
        text=article.text,
        title=title,
        date=date,
        publisher=publisher,
    )
    assert article.text.startswith(title + "\n\n")


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("nope/", "no such file or folder: 'nope/' (check the path) [E002]"),
        ("missing.txt", "no such file or folder: 'missing.txt' (check the path) [E002]"),
    ],
)
def test_files_iter_input_files_missing_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argument: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as caught:
        iter_input_files([argument])
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("files", "argument", "fragment"),
    [
        ((), "empty", "no .txt, .md, .html or .htm files in folder"),
        (
            ("empty/notes.pdf", "empty/.hidden.txt", "empty/.git/a.txt"),
            "empty",
            "no .txt, .md, .html or .htm files in folder",
        ),
        (("report.docx",), "report.docx", "unsupported file type '.docx'"),
    ],
)
def test_files_iter_input_files_nothing_usable(
    tmp_path: Path, files: tuple[str, ...], argument: str, fragment: str
) -> None:
    (tmp_path / "empty").mkdir()
    for name in files:
        write(tmp_path, name, b"x")
    with pytest.raises(InputError) as caught:
        iter_input_files([tmp_path / argument])
    assert fragment in str(caught.value)
    assert repr(str(tmp_path / argument)) in str(caught.value)


def test_files_iter_input_files_recurses_in_order(tmp_path: Path) -> None:
    for name in (
        "b/2.txt",
        "a/z.md",
        "a/sub/y.html",
        "a/sub/x.HTM",
        "a/.hidden/x.txt",
        "a/.dot.txt",
        "c.TXT",
        "a/notes.pdf",
        "b/1.txt",
    ):
        write(tmp_path, name, STORY)
    found = iter_input_files(
        [tmp_path / "b", tmp_path / "c.TXT", tmp_path / "a", tmp_path / "b/2.txt"]
    )
    assert [str(path.relative_to(tmp_path)) for path in found] == [
        "a/sub/x.HTM",
        "a/sub/y.html",
        "a/z.md",
        "b/1.txt",
        "b/2.txt",
        "c.TXT",
    ]


def test_files_iter_input_files_accepts_strings(tmp_path: Path) -> None:
    path = write(tmp_path, "one.txt", STORY)
    assert iter_input_files([str(path)]) == [path]


def test_files_load_articles_yields_duplicates_once(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", STORY)
    write(tmp_path, "b.txt", "Skip to content\n\n" + STORY + "\nBack to top\n")
    write(tmp_path, "c.txt", STORY.replace("Monday", "Tuesday"))
    skipped: list[str] = []
    articles = list(load_articles([tmp_path], on_skip=skipped.append))
    assert [article.source for article in articles] == ["a.txt", "c.txt"]
    assert len(skipped) == 1
    assert skipped[0].startswith(f"skipped {str(tmp_path / 'b.txt')!r}: same article text as")
    assert skipped[0].endswith(" [W001]")


def test_files_load_articles_skips_and_goes_on(tmp_path: Path) -> None:
    write(tmp_path, "1_bad.txt", "Caf\xe9".encode("latin-1"))
    write(tmp_path, "2_empty.md", b"")
    write(tmp_path, "3_good.txt", STORY)
    skipped: list[str] = []
    articles = list(load_articles([tmp_path], on_skip=skipped.append))
    assert [article.source for article in articles] == ["3_good.txt"]
    assert [message.split(":")[0].strip() for message in skipped] == [
        f"skipped {str(tmp_path / '1_bad.txt')!r}",
        f"skipped {str(tmp_path / '2_empty.md')!r}",
    ]


def test_files_load_articles_without_on_skip_is_silent(tmp_path: Path) -> None:
    write(tmp_path, "bad.txt", b"\x00\x01")
    write(tmp_path, "good.txt", STORY)
    assert [article.source for article in load_articles([tmp_path])] == ["good.txt"]


def test_files_load_articles_nothing_readable(tmp_path: Path) -> None:
    write(tmp_path, "bad.txt", b"\x00\x01")
    write(tmp_path, "empty.txt", b"")
    with pytest.raises(InputError) as caught:
        list(load_articles([tmp_path]))
    message = str(caught.value)
    assert message.startswith("no readable articles in ")
    assert caught.value.code == "E005"
    assert repr(str(tmp_path / "bad.txt")) in message
    assert "\n" not in message


def test_files_load_articles_seeds_folder() -> None:
    seeds = Path(__file__).parents[2] / "seeds"
    articles = list(load_articles([seeds]))
    assert [article.source for article in articles] == sorted(
        path.name for path in seeds.glob("*.txt")
    )
    assert len({article.id for article in articles}) == len(articles)


@pytest.mark.parametrize(
    ("controls", "binary"),
    [
        (b"\x1b" * 40, False),
        (b"\x07" * 5, False),
        (b"\x07" * 6, True),
        (b"\x01\x1b\x02\x1b\x03" * 2, True),
    ],
)
def test_read_article_counts_control_bytes_against_the_binary_share(
    tmp_path: Path, controls: bytes, binary: bool
) -> None:
    # A 100-byte file: escape (terminal colour codes) and tab/newline are text, the other C0
    # controls count, and more than 5 of them (5 %) make the file binary.
    text = (b"Talks in Ankara and Damascus. " * 4)[: 100 - len(controls)]
    path = tmp_path / "a.txt"
    path.write_bytes(text + controls)
    if binary:
        with pytest.raises(SkipInput, match="binary data, not text"):
            read_article(path)
    else:
        assert "Ankara" in read_article(path).text
