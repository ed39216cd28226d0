"""Article metadata from a sidecar table (kg.ingest.metadata), and its use by kg build."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import load_articles
from kg.ingest.metadata import apply_metadata, read_metadata
from kg.model import Article


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("meta.csv", "file,date,title,publisher\na.txt,2023-04-26,Talks,AP\n"),
        ("meta.tsv", "File\tDate\tTitle\tPublisher\nnews/a.txt\tApril 26, 2023\tTalks\tAP\n"),
        ("meta.txt", "\ufefffile\tdate\ttitle\tpublisher\na.txt\t26 April 2023\tTalks\tAP\n"),
    ],
)
def test_a_table_gives_date_title_and_publisher_by_file_name(tmp_path, name, text) -> None:
    table = read_metadata(write(tmp_path, name, text))
    assert table == {"a.txt": {"date": "2023-04-26", "title": "Talks", "publisher": "AP"}}


def test_empty_cells_leave_what_the_file_gives(tmp_path) -> None:
    table = read_metadata(write(tmp_path, "m.csv", "file,date,title\na.txt,,Talks\n"))
    article = Article("id", "a.txt", "text", title="Old", date="2020-01-01")
    assert apply_metadata(article, table) == Article("id", "a.txt", "text", title="Talks",
                                                     date="2020-01-01")
    other = Article("id2", "b.txt", "text")
    assert apply_metadata(other, table) is other


@pytest.mark.parametrize(
    ("text", "code", "phrase"),
    [
        ("name,date\na.txt,2023-01-01\n", "E088", "no 'file' column (columns: name, date)"),
        ("file,date\na.txt,2023-01-01\na.txt,2023-01-02\n", "E089", "line 3: 'a.txt' is listed"),
        ("file,date\na.txt,yesterday\n", "E091", "line 2: 'yesterday' is no date"),
    ],
)
def test_a_bad_table_is_one_line_naming_file_line_and_fix(tmp_path, text, code, phrase) -> None:
    path = write(tmp_path, "m.csv", text)
    with pytest.raises(InputError) as error:
        read_metadata(path)
    message = str(error.value)
    assert phrase in message and str(path) in message and f"[{code}]" in message
    assert "\n" not in message


@pytest.mark.parametrize("content", [None, b"file,date\n\xff\xfe,1\n"])
def test_a_missing_or_undecodable_table_is_one_line(tmp_path, content) -> None:
    path = tmp_path / "m.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=r"--metadata .*m\.csv: .*\[E087\]"):
        read_metadata(path)


def test_load_articles_applies_the_table(tmp_path) -> None:
    write(tmp_path, "a.txt", "Russia hosted talks on Tuesday.\n")
    write(tmp_path, "b.txt", "Iran hosted talks on Monday.\n")
    table = {"a.txt": {"date": "2023-04-26"}}
    dates = {a.source: a.date for a in load_articles([tmp_path], metadata=table)}
    assert dates == {"a.txt": "2023-04-26", "b.txt": None}


def test_a_publication_date_dates_the_seeds_meeting(tmp_path, nlp) -> None:
    from kg.pipeline import build
    from kg.sparql import run_query
    from kg.store.load import load_graph

    from ..conftest import SEEDS

    meta = write(tmp_path, "meta.csv", "file,date\n000_00e312ede173199d.txt,2023-04-26\n")
    build([SEEDS], tmp_path / "out", nlp=nlp, metadata=meta, formats=["ttl"])
    rows = run_query(load_graph(tmp_path / "out" / "graph.ttl"), """
        PREFIX kgo: <https://w3id.org/newskg/ontology#>
        PREFIX location: <https://w3id.org/newskg/id/location/>
        PREFIX country: <https://w3id.org/newskg/id/country/>
        SELECT ?date (COUNT(DISTINCT ?a) AS ?n) WHERE {
          ?m a kgo:Meeting ; kgo:heldIn location:moscow ; kgo:date ?date ; kgo:mentionedIn ?a .
          country:russia kgo:hosts ?m .
        } GROUP BY ?date""").text_rows()
    # "On Tuesday" of an article of Wednesday 26 April; four seeds report that meeting
    assert rows == [("2023-04-25", "4")]
