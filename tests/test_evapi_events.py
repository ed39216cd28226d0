"""Events over the fused event model of #19: the named queries ``events-timeline``,
``event-reports`` and ``who-met-whom``, ``kg events`` (kg.events) in three formats, and the
ontology and shapes of ``kgo:EventMention``. Model-free on tests/data/events_fused.ttl (two
articles report one meeting; one meeting reported once; one undated unfused withdrawal) and
tests/data/tiny.ttl (unfused events), plus one end-to-end run on the seeds build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import OWL, RDFS, Graph

from kg.cli import main
from kg.errors import InputError
from kg.events import EventRow, Report, format_events, list_events
from kg.shacl import validate
from kg.sparql import read_query, run_query
from kg.store.load import load_graph
from kg.store.namespace import KGO, NIF, PREFIXES
from kg.store.ontology import load_ontology, queries_dir

DATA = Path(__file__).parent / "data"
FUSED = DATA / "events_fused.ttl"
TINY = DATA / "tiny.ttl"
KG = "https://w3id.org/newskg/id/"
E1 = KG + "event/e1e1e1e1e1e1e1e1"  # the meeting both articles report
E3 = KG + "event/e3e3e3e3e3e3e3e3"  # the talks only article B reports
W = KG + "event/a1a1a1a1a1a1a1a1-117"  # the undated withdrawal, unfused shape
A, B = "010_fused_a.txt", "011_fused_b.txt"
L1 = "Meeting of Russia, Turkey and Syria, Moscow, 2023-04-25"
L3 = "Meeting of Syria and Iran, 2023-04-24"

# Each named query: its columns and its rows on events_fused.ttl, as text.
EXPECTED: dict[str, tuple[tuple[str, ...], list[tuple[str, ...]]]] = {
    "events-timeline": (
        ("event", "type", "label", "date", "place", "participants", "articles"),
        [
            (E3, "Meeting", L3, "2023-04-24", "", "Iran | Syria", "1"),
            (E1, "Meeting", L1, "2023-04-25", "Moscow", "Russia | Syria | Turkey", "2"),
            (W, "Withdrawal", "withdrawal", "", "", "", "1"),  # undated: last
        ],
    ),
    "event-reports": (
        ("event", "source", "published", "mentions"),
        [
            (W, A, "2023-04-25", "withdrawal"),  # no mention node: the label stands for it
            (E1, A, "2023-04-25", "four-way talks"),  # named twice in A: once here
            (E1, B, "2023-04-26", "4-way talks"),
            (E3, B, "2023-04-26", "talks"),
        ],
    ),
    "who-met-whom": (
        ("actor1", "actor2", "via", "date", "place", "articles", "meeting"),
        [
            ("Iran", "Syria", L3, "2023-04-24", "", "1", E3),
            ("Iran", "Syria", "meetsWith", "", "", "1", ""),
            # one row per pair and meeting, not per pair and article
            ("Russia", "Syria", L1, "2023-04-25", "Moscow", "2", E1),
            ("Russia", "Turkey", L1, "2023-04-25", "Moscow", "2", E1),
            ("Syria", "Turkey", L1, "2023-04-25", "Moscow", "2", E1),
        ],
    ),
}

ROW_E1 = EventRow(E1, "Meeting", L1, "2023-04-25", ("Moscow",), ("Russia", "Syria", "Turkey"), 2,
                  (Report(A, "2023-04-25", ("four-way talks",)),
                   Report(B, "2023-04-26", ("4-way talks",))))
ROW_E3 = EventRow(E3, "Meeting", L3, "2023-04-24", (), ("Iran", "Syria"), 1,
                  (Report(B, "2023-04-26", ("talks",)),))
ROW_W = EventRow(W, "Withdrawal", "withdrawal", "", (), (), 1,
                 (Report(A, "2023-04-25", ("withdrawal",)),))


@pytest.fixture(scope="module")
def fused():
    return load_graph(FUSED)


# --- named queries ------------------------------------------------------------------------


@pytest.mark.parametrize("store", ["Oxigraph", "default"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_evapi_named_query_rows_on_fused_events(name: str, store: str) -> None:
    columns, rows = EXPECTED[name]
    result = run_query(load_graph(FUSED, store=store), read_query(name))
    assert result.vars == columns
    assert result.text_rows() == rows


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_evapi_named_query_runs_standalone(name: str) -> None:
    """Each .rq declares its own prefixes and runs in plain rdflib without kg's."""
    graph = Graph().parse(FUSED, format="turtle")
    result = graph.query((queries_dir() / f"{name}.rq").read_text(encoding="utf-8"), initNs={})
    assert len(list(result)) == len(EXPECTED[name][1])


def test_evapi_events_timeline_ignores_mentions_and_entities(fused) -> None:
    """Mentions, sentences and entities are no events, even though some carry kgo: types."""
    events = {row[0] for row in run_query(fused, read_query("events-timeline")).text_rows()}
    assert events == {E1, E3, W}


def test_evapi_event_reports_reads_only_the_articles_own_mentions(fused) -> None:
    """A mention counts for the article it is part of, not for every article of the event."""
    graph = Graph().parse(FUSED, format="turtle")
    # B's mention of the meeting moves to A's graph text: B falls back to the label
    graph.update(
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        f"DELETE {{ <{KG}mention/b2b2b2b2b2b2b2b2-26-37> dcterms:isPartOf ?s }}\n"
        f"INSERT {{ <{KG}mention/b2b2b2b2b2b2b2b2-26-37> dcterms:isPartOf "
        f"<{KG}sentence/a1a1a1a1a1a1a1a1-29-101> }}\n"
        f"WHERE {{ <{KG}mention/b2b2b2b2b2b2b2b2-26-37> dcterms:isPartOf ?s }}"
    )
    rows = run_query(graph, read_query("event-reports")).text_rows()
    assert (E1, A, "2023-04-25", "4-way talks | four-way talks") in rows
    assert (E1, B, "2023-04-26", L1) in rows


def test_evapi_who_met_whom_counts_a_meeting_once_per_pair(fused) -> None:
    rows = run_query(fused, read_query("who-met-whom")).text_rows()
    pairs = [(a1, a2, meeting) for a1, a2, _, _, _, _, meeting in rows]
    assert len(pairs) == len(set(pairs))


# --- kg events: rows ----------------------------------------------------------------------


def test_evapi_list_events_rows_most_reported_first(fused) -> None:
    # most-reported first; then dated before undated
    assert list_events(fused) == [ROW_E1, ROW_E3, ROW_W]


@pytest.mark.parametrize(
    ("types", "top", "expected"),
    [
        ((), 2, [E1, E3]),
        (("meeting",), None, [E1, E3]),
        (("Withdrawal",), None, [W]),
        (("withdrawal,MEETING",), None, [E1, E3, W]),
        (("Meeting", "Withdrawal"), 1, [E1]),
        (("Withdrawal",), 1, [W]),  # the cut comes after the filter
        (("Agreement",), None, []),
    ],
)
def test_evapi_list_events_filters_and_cuts(fused, types, top, expected) -> None:
    assert [r.event for r in list_events(fused, types=types, top=top)] == expected


def test_evapi_list_events_agrees_with_the_named_query(fused) -> None:
    """The command's events are the timeline's, with its counts, places and participants."""
    timeline = run_query(fused, read_query("events-timeline")).text_rows()
    got = {(r.event, r.type, r.label, r.date, " | ".join(r.places), " | ".join(r.participants),
            str(r.articles)) for r in list_events(fused)}
    assert got == set(timeline)
    for row in list_events(fused):
        assert row.articles == len(row.reports), row.event


def test_evapi_list_events_on_an_unfused_graph_uses_labels() -> None:
    """Today's graphs: one node per mention, its label its only mention text."""
    rows = list_events(TINY)
    assert [(r.label, r.articles, [rep.mentions for rep in r.reports]) for r in rows] == [
        ("four-way talks", 1, [("four-way talks",)]),
        ("return of refugees", 1, [("return of refugees",)]),
        ("withdrawal", 1, [("withdrawal",)]),
    ]
    assert rows[0].participants == ("Sergei Shoigu", "Turkey")


# --- kg events: formats and the command ---------------------------------------------------

TABLE = [
    "event                       type        label                                               "
    "     date        place   participants             articles  source           mentions",
    "--------------------------  ----------  ----------------------------------------------------"
    "---  ----------  ------  -----------------------  --------  ---------------  --------------",
    "event:e1e1e1e1e1e1e1e1      Meeting     Meeting of Russia, Turkey and Syria, Moscow, "
    "2023-04-25  2023-04-25  Moscow  Russia | Syria | Turkey         2  010_fused_a.txt  "
    "four-way talks",
    " " * 152 + "011_fused_b.txt  4-way talks",
    "event:e3e3e3e3e3e3e3e3      Meeting     Meeting of Syria and Iran, 2023-04-24               "
    "     2023-04-24          Iran | Syria                    1  011_fused_b.txt  talks",
    "event:a1a1a1a1a1a1a1a1-117  Withdrawal  withdrawal                                          "
    "                                                         1  010_fused_a.txt  withdrawal",
]
TSV = [
    "event\ttype\tlabel\tdate\tplace\tparticipants\tarticles\tsource\tpublished\tmentions",
    f"{E1}\tMeeting\t{L1}\t2023-04-25\tMoscow\tRussia | Syria | Turkey\t2\t{A}\t2023-04-25"
    "\tfour-way talks",
    f"{E1}\tMeeting\t{L1}\t2023-04-25\tMoscow\tRussia | Syria | Turkey\t2\t{B}\t2023-04-26"
    "\t4-way talks",
    f"{E3}\tMeeting\t{L3}\t2023-04-24\t\tIran | Syria\t1\t{B}\t2023-04-26\ttalks",
    f"{W}\tWithdrawal\twithdrawal\t\t\t\t1\t{A}\t2023-04-25\twithdrawal",
]


@pytest.mark.parametrize(("fmt", "expected"), [("table", TABLE), ("tsv", TSV)])
def test_evapi_events_cli_prints(fmt: str, expected: list[str], capsys) -> None:
    assert main(["events", str(FUSED), "--format", fmt]) == 0
    assert [line.rstrip() for line in capsys.readouterr().out.splitlines()] == expected


def test_evapi_events_cli_table_is_the_default(capsys) -> None:
    assert main(["events", str(FUSED), "--top", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[2].startswith("event:e1e1e1e1e1e1e1e1  ")


def test_evapi_events_cli_json(capsys) -> None:
    assert main(["events", str(FUSED), "--type", "Meeting", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["event"] for r in rows] == [E1, E3]
    assert rows[0] == {
        "event": E1, "type": "Meeting", "label": L1, "date": "2023-04-25",
        "places": ["Moscow"], "participants": ["Russia", "Syria", "Turkey"], "articles": 2,
        "reports": [{"source": A, "published": "2023-04-25", "mentions": ["four-way talks"]},
                    {"source": B, "published": "2023-04-26", "mentions": ["4-way talks"]}],
    }


def test_evapi_format_events_without_reports() -> None:
    """An event no article reports (a hand-made row) still gets its line."""
    row = EventRow(E3, "Meeting", "talks", "", (), ("Iran",), 0, ())
    assert format_events([row], "tsv").splitlines()[1] == f"{E3}\tMeeting\ttalks\t\t\tIran\t0\t\t\t"
    assert "talks" in format_events([row], "table")
    assert json.loads(format_events([row], "json"))[0]["reports"] == []
    assert format_events([], "tsv") == TSV[0]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([str(FUSED), "--type", "summit"],
         "kg: No event type 'summit'. Fix: use one of Meeting, Withdrawal, Normalization, "
         "RefugeeReturn, Attack, Agreement, Occupation, Conflict, Election "
         "(kg events --type Meeting). [E086]"),
        ([str(FUSED), "--top", "0"], "kg: --top must be at least 1, not 0 [E084]"),
        # the options are checked before the graph is read
        (["no/such.ttl", "--top", "-1"], "kg: --top must be at least 1, not -1 [E084]"),
        (["no/such.ttl"], "kg: Graph file no/such.ttl does not exist. Fix: give the path of a "
         "graph that `kg build` wrote (e.g. out/graph.ttl). [E020]"),
    ],
)
def test_evapi_events_bad_input_is_one_line(argv: list[str], message: str, capsys) -> None:
    assert main(["events", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [message]
    assert captured.out == ""


def test_evapi_events_unreadable_graph_is_one_line(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle .", encoding="utf-8")
    assert main(["events", str(bad)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"kg: Cannot parse {bad} as Turtle")
    assert err[0].endswith("[E022]")


def test_evapi_format_events_unknown_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="No output format 'csv'"):
        format_events([], "csv")


# --- ontology and shapes ------------------------------------------------------------------


def test_evapi_event_mention_is_nif_evidence_not_an_event() -> None:
    ontology = load_ontology(Graph())
    parents = set(ontology.objects(KGO.EventMention, RDFS.subClassOf))
    assert {NIF.Phrase, NIF.OffsetBasedString} <= parents
    assert (KGO.EventMention, OWL.disjointWith, KGO.Event) in ontology


def test_evapi_fused_graph_conforms() -> None:
    report = validate(FUSED)
    assert report.conforms, report.text


HEADER = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
M1 = f"<{KG}mention/b2b2b2b2b2b2b2b2-26-37>"


@pytest.mark.parametrize(
    ("case", "update", "phrase"),
    [
        ("mention-iri-not-of-its-form",
         f"DELETE {{ {M1} ?p ?o }} INSERT {{ <{KG}mention/four-way> ?p ?o }} "
         f"WHERE {{ {M1} ?p ?o }}",
         "mention:<article id>-<begin>-<end>"),
        ("mention-not-in-a-sentence",
         f"DELETE WHERE {{ {M1} dcterms:isPartOf ?s }} ; "
         f"INSERT DATA {{ {M1} dcterms:isPartOf article:b2b2b2b2b2b2b2b2 }}",
         "exactly one nif:Sentence"),
        ("mention-text-not-at-offsets",
         f'DELETE WHERE {{ {M1} nif:anchorOf ?a }} ; INSERT DATA {{ {M1} nif:anchorOf "5-way" }}',
         "is not the article's kgo:text"),
        ("event-derives-from-a-mention-of-an-unreported-article",
         f"INSERT DATA {{ <{W}> prov:wasDerivedFrom {M1} }}",
         "an article it is not kgo:mentionedIn"),
        ("event-iri-neither-digest-nor-offset",
         "DELETE { event:e3e3e3e3e3e3e3e3 ?p ?o } INSERT { event:talks ?p ?o } "
         "WHERE { event:e3e3e3e3e3e3e3e3 ?p ?o }",
         "An event must be an IRI event:<digest>"),
    ],
)
def test_evapi_broken_fused_graph_fails(case: str, update: str, phrase: str) -> None:
    graph = Graph().parse(FUSED, format="turtle")
    graph.update(HEADER + update)
    report = validate(graph)
    assert not report.conforms, f"{case}: expected a violation"
    assert phrase in report.text, report.text


# --- end to end: the seeds build ----------------------------------------------------------


def test_evapi_events_on_the_seeds_build(seeds_build, capsys) -> None:
    """`kg events` lists the seeds' meetings with the articles that report them.

    Counts are left open: event fusion changes them (one meeting reported by all five).
    """
    _, out = seeds_build
    graph = out / "graph.ttl"
    assert main(["events", str(graph), "--type", "Meeting", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {r["type"] for r in rows} == {"Meeting"}
    seeds = {p.name for p in (Path(__file__).parents[1] / "seeds").glob("*.txt")}
    for r in rows:
        assert r["articles"] == len(r["reports"]) >= 1, r
        for rep in r["reports"]:
            assert rep["source"] in seeds and rep["mentions"], rep
    assert any("Russia" in r["participants"] for r in rows)
    keys = [(-r["articles"], r["date"] == "", r["date"]) for r in rows]
    assert keys == sorted(keys)
    # the named queries agree: every meeting pair of who-met-whom is a listed meeting
    met = run_query(load_graph(graph), read_query("who-met-whom")).text_rows()
    listed = {r["event"] for r in rows}
    assert {m for *_, m in met if m} <= listed
    assert any("Russia" in (a1, a2) and m for a1, a2, *_, m in met)
    assert main(["events", str(graph), "--top", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["event", "type", "label", "date", "place", "participants",
                                "articles", "source", "mentions"]
