"""The entities of a graph with their names and article counts (``kg entities``).

One row per entity node (country, person, organisation, place): its type, canonical
label (``rdfs:label``), other names (``skos:altLabel``) and how many articles mention
it (``kgo:mentionedIn``), most-mentioned first. The rows are those of the named
query ``ontology/queries/entities.rq`` (one source of truth: ``kg query GRAPH
entities`` gives the same), filtered and cut here::

    rows = list_entities(load_graph("out/graph.ttl"), types=["Person"], top=10)
    print(format_entities(rows, "tsv"))
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import Errors, InputError
from kg.sparql import QueryResult, format_result, read_query, run_query

__all__ = ["ENTITY_TYPES", "FORMATS", "EntityRow", "format_entities", "list_entities"]

#: The entity classes of the ontology (``kgo:``), as ``kg entities --type`` takes them.
ENTITY_TYPES = ("Country", "Location", "Organization", "Person")
#: Output formats of :func:`format_entities`.
FORMATS = ("table", "tsv", "json")
#: How the named query joins an entity's other names.
NAME_SEPARATOR = " | "


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One entity of a graph.

    Attributes:
        entity: The node's IRI.
        type: ``Country``, ``Location``, ``Organization`` or ``Person``.
        label: The canonical name (``rdfs:label``).
        articles: How many articles mention it.
        names: Its other names (``skos:altLabel``), sorted.
    """

    entity: str
    type: str
    label: str
    articles: int
    names: tuple[str, ...]


def entity_types(given: Iterable[str]) -> tuple[str, ...]:
    """The ontology's spelling of each type in ``given`` (any case; commas split too).

    Raises:
        InputError: A name that is no entity type; the message lists them.
    """
    return type_names(given, ENTITY_TYPES, Errors.E039)


def type_names(given: Iterable[str], types: Sequence[str], error: str) -> tuple[str, ...]:
    """Each name of ``given`` spelled as in ``types`` (any case; commas split too), once.

    Raises:
        InputError: A name not in ``types``: ``error`` formatted with it and the list.
    """
    known = {t.lower(): t for t in types}
    found: list[str] = []
    for text in given:
        for name in filter(None, (part.strip() for part in text.split(","))):
            if name.lower() not in known:
                raise InputError(error.format(name=name, types=", ".join(types)))
            found.append(known[name.lower()])
    return tuple(dict.fromkeys(found))


def list_entities(
    graph: Graph | str | Path, *, types: Iterable[str] = (), top: int | None = None
) -> list[EntityRow]:
    """The entities of ``graph``, most-mentioned first (then by type, label and IRI).

    Args:
        graph: A graph kg built, or the path of one (a graph file or a ``--store``
            folder, read with :func:`kg.store.load.load_graph` once the options are
            checked).
        types: Keep only these types (any case); all when empty.
        top: Keep the first ``top`` rows (after the type filter); all when ``None``.

    Raises:
        InputError: An unknown type, or ``top`` below 1.
        GraphFileError: A path that is no readable graph.
    """
    wanted = set(entity_types(types))
    graph = open_listing(graph, top)
    result = run_query(graph, read_query("entities"))
    rows: list[EntityRow] = []
    for entity, type_, label, articles, names in result.text_rows():
        if wanted and type_ not in wanted:
            continue
        rows.append(EntityRow(entity, type_, label, int(articles or 0),
                              tuple(sorted(n for n in names.split(NAME_SEPARATOR) if n))))
        if top is not None and len(rows) == top:
            break
    return rows


def format_entities(rows: Sequence[EntityRow], fmt: str = "table") -> str:
    """Render entity rows as text, without a final newline.

    Formats:
        ``table``: aligned columns (IRIs shortened, ``person:ebrahim-raisi``);
        ``tsv``: a header line, then one line per entity: full IRI, type, label,
        articles and the other names joined by `` | ``;
        ``json``: a list of objects with the fields of :class:`EntityRow`.

    Raises:
        InputError: An unknown format.
    """
    if fmt not in FORMATS:
        raise InputError(Errors.E036.format(format=fmt, formats=", ".join(FORMATS)))
    if fmt == "json":
        return json.dumps([asdict(r) | {"names": list(r.names)} for r in rows],
                          ensure_ascii=False, indent=1)
    if fmt == "tsv":
        lines = ["entity\ttype\tlabel\tarticles\tnames"]
        lines += ["\t".join(plain(c) for c in (r.entity, r.type, r.label, str(r.articles),
                                                 NAME_SEPARATOR.join(r.names))) for r in rows]
        return "\n".join(lines)
    table = QueryResult(
        "SELECT",
        ("entity", "type", "label", "articles", "names"),
        tuple((URIRef(r.entity), Literal(r.type), Literal(r.label),
               Literal(r.articles, datatype=XSD.integer), Literal(NAME_SEPARATOR.join(r.names)))
              for r in rows),
    )
    return format_result(table, "table")


def open_listing(graph: Graph | str | Path, top: int | None) -> Graph:
    """The graph a listing reads (loaded from a path), once ``top`` is checked.

    Raises:
        InputError: ``top`` below 1.
        GraphFileError: A path that is no readable graph.
    """
    if top is not None and top < 1:
        raise InputError(Errors.E084.format(option="--top", value=top))
    if isinstance(graph, Graph):
        return graph
    from kg.store.load import load_graph

    return load_graph(graph)


def plain(text: str) -> str:
    """A TSV cell: tabs and line breaks as spaces (names and labels never need them)."""
    return " ".join(text.replace("\t", " ").splitlines())
