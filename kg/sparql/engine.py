"""Running a SPARQL query on a graph: the union default graph, the result, readable errors."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal as TypingLiteral
from typing import cast

from oxrdflib.store import OxigraphStore
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.term import Node

from kg.errors import Errors, QueryError, exception_text, one_line
from kg.store.namespace import PREFIXES
from kg.store.oxigraph import inner_store, union_store

__all__ = ["QueryKind", "QueryResult", "run_query"]

QueryKind = TypingLiteral["SELECT", "ASK", "CONSTRUCT"]

_GRAPH_VARS = ("subject", "predicate", "object")


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The materialised answer of a SPARQL query.

    Attributes:
        kind: ``SELECT``, ``ASK`` or ``CONSTRUCT`` (``DESCRIBE`` answers are
            graphs too and come back as ``CONSTRUCT``).
        vars: Column names, without ``?``. For graph answers:
            ``subject``, ``predicate``, ``object``.
        rows: One tuple per solution in column order; ``None`` where a
            variable is unbound. For graph answers: the triples, sorted.
        boolean: The answer of an ``ASK`` query, else ``None``.
        graph: The answer of a ``CONSTRUCT`` or ``DESCRIBE`` query, else ``None``.
    """

    kind: QueryKind
    vars: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None

    def __len__(self) -> int:
        """Return the number of rows (triples for graph answers, 1 for ASK)."""
        return 1 if self.kind == "ASK" else len(self.rows)

    def text_rows(self) -> list[tuple[str, ...]]:
        """Return the rows as strings: IRIs in full, literals' lexical forms, ``""`` if unbound."""
        return [tuple("" if t is None else str(t) for t in row) for row in self.rows]


def _union_view(graph: Graph) -> Graph:
    """Return ``graph``, or a view whose default graph is the union (a set) of all its graphs.

    For an Oxigraph-backed dataset with named graphs (a TriG or N-Quads file, or a
    fresh build) the union is materialised once and cached on the dataset:
    Oxigraph's own union default graph is a bag, so a triple stated by 40 articles
    would match 40 times and joins would multiply. Named graphs stay available to
    ``GRAPH ?g`` patterns.
    """
    inner = inner_store(graph)
    if isinstance(graph, Dataset) and inner is not None and next(iter(inner.named_graphs()), None):
        cached = getattr(graph, "_kg_union_view", None)
        if cached is None or cached[0] != len(inner):
            union = union_store(graph, keep_named_graphs=True)
            cached = (len(inner), Dataset(store=OxigraphStore(store=union), default_union=False))
            graph._kg_union_view = cached  # type: ignore[attr-defined]
        return cached[1]
    if isinstance(graph, Dataset) and not graph.default_union:
        return Dataset(store=graph.store, default_union=True)
    return graph


def run_query(graph: Graph, query: str, *, timeout: float | None = None) -> QueryResult:
    """Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE) on ``graph``.

    The prefixes of :data:`~kg.store.namespace.PREFIXES` are predeclared;
    ``PREFIX`` lines in the query override them. On a dataset the default graph
    is the union of all its graphs.

    Args:
        graph: The graph or dataset, e.g. from :func:`kg.store.load.load_graph`.
        query: The query text (see :func:`kg.sparql.read_query` for names and files).
        timeout: Seconds the query may run. With a limit it runs in a forked
            process (Oxigraph cannot be interrupted from Python), killed when
            over its time, so its CPU is freed; ``None``: no limit, run here.

    Returns:
        The materialised result.

    Raises:
        QueryError: The query does not parse or fails to run; one line with
            the parser's message and where it stopped; or it ran over ``timeout``
            (E061) and was stopped.
    """
    target = _union_view(graph)
    if timeout is not None:
        return _run_in_child(target, query, timeout)
    return _run(target, query)


def _run_in_child(target: Graph, query: str, timeout: float) -> QueryResult:
    """:func:`_run` in a forked process, killed after ``timeout`` seconds."""
    from kg.sparql.runner import QueryTimeout, WorkerCrashed, call_with_timeout

    def answer() -> tuple[QueryKind, tuple[str, ...], tuple[tuple[Node | None, ...], ...],
                          bool | None]:
        found = _run(target, query)  # the graph of a CONSTRUCT is rebuilt from its rows
        return found.kind, found.vars, found.rows, found.boolean

    try:
        kind, names, rows, boolean = call_with_timeout(answer, timeout)
    except QueryTimeout as error:
        raise QueryError(Errors.E061.format(seconds=timeout)) from error
    except WorkerCrashed as error:
        raise QueryError(Errors.E063.format(reason=error)) from error
    graph = None
    if kind == "CONSTRUCT":
        graph = Graph()
        for triple in rows:
            graph.add(cast("tuple[Node, Node, Node]", triple))
    return QueryResult(kind, vars=names, rows=rows, boolean=boolean, graph=graph)


def _run(target: Graph, query: str) -> QueryResult:
    try:
        result = target.query(query, initNs=dict(PREFIXES))
        kind = str(result.type).upper()
        if kind == "SELECT":
            names = tuple(str(v) for v in (result.vars or ()))
            rows = tuple(tuple(cast("Iterable[Node | None]", row)) for row in result)
            return QueryResult("SELECT", vars=names, rows=rows)
        if kind == "ASK":
            return QueryResult("ASK", boolean=bool(result.askAnswer))
        answer = result.graph if result.graph is not None else Graph()
        triples = tuple(sorted(answer, key=lambda t: tuple(_sort_key(x) for x in t)))
        return QueryResult("CONSTRUCT", vars=_GRAPH_VARS, rows=triples, graph=answer)
    except QueryError:
        raise
    except Exception as error:
        raise QueryError(_query_error_message(error)) from error


def _sort_key(term: Node) -> tuple[int, str]:
    order = 0 if isinstance(term, URIRef) else 1 if isinstance(term, BNode) else 2
    return order, str(term)


_KNOWN_PREFIXES = ", ".join(f"{p}:" for p in PREFIXES)
_QUERY_FIX = (
    "Fix: correct the query (kg runs SPARQL 1.1 SELECT, ASK, CONSTRUCT and DESCRIBE; "
    f"predeclared prefixes: {_KNOWN_PREFIXES})."
)


def _query_error_message(error: BaseException) -> str:
    """Turn a parser's or engine's exception into one readable line."""
    raw = exception_text(error)
    if isinstance(error, SyntaxError):
        # Oxigraph: "error at 1:27: expected one of OPTIONAL, Prefix not found, ['%'], ..."
        match = re.match(r"error at (\d+):(\d+): (.*)", raw, re.DOTALL)
        if match:
            line, column, detail = match.groups()
            if "Prefix not found" in detail:
                detail = "undeclared prefix; declare it with a PREFIX line"
            else:
                detail = _without_char_classes(detail)
            return Errors.E033.format(line=line, column=column, detail=detail, fix=_QUERY_FIX)
        return Errors.E034.format(detail=one_line(raw), fix=_QUERY_FIX)
    if type(error).__name__ == "ParseException":  # rdflib's pyparsing-based parser
        line = getattr(error, "lineno", None)
        column = getattr(error, "col", None)
        found = one_line(str(getattr(error, "msg", raw)), 150)
        return Errors.E033.format(line=line, column=column, detail=found, fix=_QUERY_FIX)
    if "Unknown namespace prefix" in raw:
        return Errors.E034.format(detail=one_line(raw), fix=_QUERY_FIX)
    return Errors.E035.format(detail=one_line(raw), fix=_QUERY_FIX)


def _without_char_classes(detail: str) -> str:
    """Drop Oxigraph's character-class alternatives (``['0' ..= '9']``) from a message."""
    detail = " ".join(detail.split())
    head, sep, rest = detail.partition("expected one of ")
    if not sep:
        return one_line(detail, 200)
    items = [item for item in re.split(r", (?=\S)", re.sub(r"\[[^\]]*\]", "", rest))]
    items = [item.strip() for item in items if item.strip() and item.strip() != "_"]
    if not items:
        return one_line(head + "unexpected input", 200)
    return one_line(f"{head}expected one of {', '.join(items)}", 200)
