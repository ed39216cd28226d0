"""``kg entities`` (kg.entities): the rows of the named query ``entities``, filtered, in three
formats; bad options are one line naming the fix. Model-free, on tests/data/tiny.ttl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.entities import EntityRow, format_entities, list_entities
from kg.errors import InputError
from kg.sparql import read_query, run_query
from kg.store.load import load_graph

TINY = Path(__file__).parent / "data" / "tiny.ttl"
KG = "https://w3id.org/newskg/id/"


@pytest.fixture(scope="module")
def tiny():
    return load_graph(TINY)


@pytest.mark.parametrize(
    ("types", "top", "expected"),
    [
        ((), None, ["Syria", "Turkey", "Moscow", "Russia", "Russian Defense Ministry",
                    "Sergei Shoigu"]),
        ((), 2, ["Syria", "Turkey"]),
        (("Person",), None, ["Sergei Shoigu"]),
        (("country",), 2, ["Syria", "Turkey"]),  # the cut comes after the filter
        (("person,LOCATION",), None, ["Moscow", "Sergei Shoigu"]),
        (("Person", "Organization"), None, ["Russian Defense Ministry", "Sergei Shoigu"]),
    ],
)
def test_entities_listing_filters_and_cuts(tiny, types, top, expected):
    assert [r.label for r in list_entities(tiny, types=types, top=top)] == expected


def test_entities_listing_row_has_names_and_article_count(tiny):
    turkey = list_entities(tiny)[1]
    assert turkey == EntityRow(KG + "country/turkey", "Country", "Turkey", 2,
                               ("Ankara", "Turkish", "Türkiye"))


def test_entities_listing_agrees_with_the_named_query(tiny):
    """The command's rows are the named query's, in its order, names split and sorted."""
    result = run_query(tiny, read_query("entities"))
    expected = [(e, t, label, int(n), tuple(sorted(filter(None, names.split(" | ")))))
                for e, t, label, n, names in result.text_rows()]
    got = [(r.entity, r.type, r.label, r.articles, r.names) for r in list_entities(tiny)]
    assert got == expected
    assert len(got) == 6
    assert [r.articles for r in list_entities(tiny)] == sorted(
        (r.articles for r in list_entities(tiny)), reverse=True)


def test_entities_listing_counts_articles_of_mentionedIn(tiny):
    """Article counts are the distinct kgo:mentionedIn objects of each node."""
    for row in list_entities(tiny):
        q = f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ <{row.entity}> kgo:mentionedIn ?a }}"
        assert int(run_query(tiny, q).text_rows()[0][0]) == row.articles, row.label


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--top", "2", "--format", "tsv"],
         ["entity\ttype\tlabel\tarticles\tnames",
          f"{KG}country/syria\tCountry\tSyria\t2\tSyrian",
          f"{KG}country/turkey\tCountry\tTurkey\t2\tAnkara | Turkish | Türkiye"]),
        (["--type", "person"],
         ["entity                type    label          articles  names",
          "--------------------  ------  -------------  --------  -----",
          "person:sergei-shoigu  Person  Sergei Shoigu         1"]),
    ],
)
def test_entities_listing_cli_prints(argv, expected, capsys):
    assert main(["entities", str(TINY), *argv]) == 0
    assert capsys.readouterr().out.splitlines() == expected


def test_entities_listing_cli_json(capsys):
    assert main(["entities", str(TINY), "--type", "Country", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["label"] for r in rows] == ["Syria", "Turkey", "Russia"]
    assert rows[1] == {"entity": KG + "country/turkey", "type": "Country", "label": "Turkey",
                       "articles": 2, "names": ["Ankara", "Turkish", "Türkiye"]}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([str(TINY), "--type", "pople"],
         "kg: No entity type 'pople'. Fix: use one of Country, Location, Organization, Person "
         "(kg entities --type Person). [E039]"),
        ([str(TINY), "--top", "0"], "kg: --top must be at least 1, not 0 [E084]"),
        # the options are checked before the graph is read
        (["no/such.ttl", "--type", "x"], "kg: No entity type 'x'. Fix: use one of Country, "
         "Location, Organization, Person (kg entities --type Person). [E039]"),
        (["no/such.ttl"], "kg: Graph file no/such.ttl does not exist. Fix: give the path of a "
         "graph that `kg build` wrote (e.g. out/graph.ttl). [E020]"),
    ],
)
def test_entities_listing_bad_input_is_one_line(argv, message, capsys):
    assert main(["entities", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [message]
    assert captured.out == ""


def test_entities_listing_unknown_format_is_an_input_error():
    with pytest.raises(InputError, match="No output format 'csv'"):
        format_entities([], "csv")
