"""The events of a graph with the articles that report them (``kg events``).

One row per event node: its type, label, date, place(s), participants (the actors
that take part in or host it) and how many articles report it, with one report per
article: the article's source file, its publication date and the words it names the
event with (the ``nif:anchorOf`` of the event's ``kgo:EventMention`` nodes in that
article; the event's own label on a graph whose events are not fused). Most-reported
first, then by date (undated last) and label. The rows are those of the named queries
``ontology/queries/events-timeline.rq`` and ``event-reports.rq`` (``kg query GRAPH
events-timeline`` gives the same events), joined, filtered and cut here::

    rows = list_events(load_graph("out/graph.ttl"), types=["Meeting"], top=10)
    print(format_events(rows, "tsv"))
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.entities import open_listing, plain, type_names
from kg.errors import Errors, InputError
from kg.model import EVENT_TYPES
from kg.sparql import QueryResult, format_result, read_query, run_query

__all__ = ["FORMATS", "EventRow", "Report", "event_types", "format_events", "list_events"]

#: Output formats of :func:`format_events`.
FORMATS = ("table", "tsv", "json")
#: How the named queries join an event's places, participants and mention texts.
SEPARATOR = " | "


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of an event.

    Attributes:
        source: The article's source file (``dcterms:source``).
        published: Its publication date (``YYYY-MM-DD``), or ``""`` when unknown.
        mentions: The words it names the event with, sorted and distinct.
    """

    source: str
    published: str
    mentions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event of a graph with its reports.

    Attributes:
        event: The node's IRI.
        type: Its event class (``Meeting``, ``Withdrawal``, ...).
        label: Its ``rdfs:label``.
        date: Its ``kgo:date`` (``YYYY-MM-DD``), or ``""`` when undated.
        places: The labels of its ``kgo:heldIn`` places, sorted.
        participants: The labels of the actors that take part in or host it, sorted.
        articles: How many articles report it (``kgo:mentionedIn``).
        reports: One per reporting article, oldest first (then by file).
    """

    event: str
    type: str
    label: str
    date: str
    places: tuple[str, ...]
    participants: tuple[str, ...]
    articles: int
    reports: tuple[Report, ...]


def event_types(given: Iterable[str]) -> tuple[str, ...]:
    """The ontology's spelling of each event type in ``given`` (any case; commas split too).

    Raises:
        InputError: A name that is no event type; the message lists them.
    """
    return type_names(given, EVENT_TYPES, Errors.E086)


def list_events(
    graph: Graph | str | Path, *, types: Iterable[str] = (), top: int | None = None
) -> list[EventRow]:
    """The events of ``graph`` with their reports, most-reported first.

    Ties go by date (undated last), then label (case-insensitive, then exact) and IRI.

    Args:
        graph: A graph kg built, or the path of one (a graph file or a ``--store``
            folder, read with :func:`kg.store.load.load_graph` once the options are
            checked).
        types: Keep only these event types (any case); all when empty.
        top: Keep the first ``top`` rows (after the type filter); all when ``None``.

    Raises:
        InputError: An unknown type, or ``top`` below 1.
        GraphFileError: A path that is no readable graph.
    """
    wanted = set(event_types(types))
    graph = open_listing(graph, top)
    reports: dict[str, list[Report]] = {}
    for event, source, published, mentions in run_query(
        graph, read_query("event-reports")
    ).text_rows():
        reports.setdefault(event, []).append(Report(source, published, _split(mentions)))
    rows: list[EventRow] = []
    for event, type_, label, date, place, participants, articles in run_query(
        graph, read_query("events-timeline")
    ).text_rows():
        if wanted and type_ not in wanted:
            continue
        rows.append(EventRow(event, type_, label, date, _split(place), _split(participants),
                             int(articles or 0), tuple(reports.get(event, ()))))
    rows.sort(key=lambda r: (-r.articles, r.date == "", r.date, r.label.lower(), r.label,
                             r.event))
    return rows[:top] if top is not None else rows


def format_events(rows: Sequence[EventRow], fmt: str = "table") -> str:
    """Render event rows as text, without a final newline.

    Formats:
        ``table``: aligned columns, one line per report, the event's cells on its first
        line only (IRIs shortened, ``event:...``);
        ``tsv``: a header line, then one line per event and report (an event without
        reports gets one line with empty report cells): full IRI, type, label, date,
        places, participants, articles, source, published and mentions, lists joined
        by `` | ``;
        ``json``: a list of objects with the fields of :class:`EventRow`, each report
        an object with the fields of :class:`Report`.

    Raises:
        InputError: An unknown format.
    """
    if fmt not in FORMATS:
        raise InputError(Errors.E036.format(format=fmt, formats=", ".join(FORMATS)))
    if fmt == "json":
        return json.dumps([_as_json(r) for r in rows], ensure_ascii=False, indent=1)
    if fmt == "tsv":
        lines = ["event\ttype\tlabel\tdate\tplace\tparticipants\tarticles\tsource\tpublished"
                 "\tmentions"]
        for r in rows:
            head = (r.event, r.type, r.label, r.date, SEPARATOR.join(r.places),
                    SEPARATOR.join(r.participants), str(r.articles))
            for rep in r.reports or (Report("", "", ()),):
                cells = (*head, rep.source, rep.published, SEPARATOR.join(rep.mentions))
                lines.append("\t".join(plain(c) for c in cells))
        return "\n".join(lines)
    table: list[tuple[Literal | URIRef | None, ...]] = []
    for r in rows:
        head = (URIRef(r.event), Literal(r.type), Literal(r.label), _text(r.date),
                _text(SEPARATOR.join(r.places)), _text(SEPARATOR.join(r.participants)),
                Literal(r.articles, datatype=XSD.integer))
        for i, rep in enumerate(r.reports or (Report("", "", ()),)):
            cells = head if i == 0 else (None,) * len(head)
            table.append((*cells, _text(rep.source), _text(SEPARATOR.join(rep.mentions))))
    columns = ("event", "type", "label", "date", "place", "participants", "articles",
               "source", "mentions")
    return format_result(QueryResult("SELECT", columns, tuple(table)), "table")


def _split(text: str) -> tuple[str, ...]:
    """The sorted distinct non-empty parts of a `` | ``-joined cell of the named queries."""
    return tuple(sorted({part for part in text.split(SEPARATOR) if part}))


def _text(text: str) -> Literal | None:
    """A table cell: ``None`` (printed empty) for an empty string."""
    return Literal(text) if text else None


def _as_json(row: EventRow) -> dict[str, object]:
    """One event as a JSON object: tuples as lists, reports as objects."""
    return asdict(row) | {
        "places": list(row.places),
        "participants": list(row.participants),
        "reports": [asdict(rep) | {"mentions": list(rep.mentions)} for rep in row.reports],
    }
