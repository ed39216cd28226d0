"""SPARQL over built graphs: load a graph file, find named queries, run, format.

A typical use (what ``kg query GRAPH QUERY`` does)::

    graph = load_graph("out/graph.ttl")
    result = run_query(graph, read_query("who-met-whom"))
    print(format_result(result, "table"))

Every prefix of :data:`kg.store.namespace.PREFIXES` is predeclared, and the
union of all named graphs is the default graph, so
``SELECT ?a ?b WHERE { ?a kgo:meetsWith ?b }`` works on any graph kg writes.
Graph files are parsed and queried with Oxigraph (through oxrdflib) where it
can, which is much faster than rdflib's own store and query engine.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from typing import Literal as TypingLiteral

import pyoxigraph as ox
from oxrdflib.store import OxigraphStore
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import GraphFileError, QueryError
from kg.store.namespace import PREFIXES
from kg.store.ontology import queries_dir
from kg.store.oxigraph import inner_store, union_store
from kg.store.persistent import is_store, open_graph

__all__ = [
    "GRAPH_SUFFIXES",
    "OUTPUT_FORMATS",
    "QueryResult",
    "format_result",
    "list_queries",
    "load_graph",
    "read_query",
    "run_query",
]

#: Graph file suffix -> (Oxigraph parser, rdflib parser, format name for messages).
GRAPH_SUFFIXES: dict[str, tuple[str, str, str]] = {
    ".ttl": ("ox-turtle", "turtle", "Turtle"),
    ".turtle": ("ox-turtle", "turtle", "Turtle"),
    ".nt": ("ox-ntriples", "nt", "N-Triples"),
    ".trig": ("ox-trig", "trig", "TriG"),
    ".nq": ("ox-nquads", "nquads", "N-Quads"),
    ".jsonld": ("ox-json-ld", "json-ld", "JSON-LD"),
    ".json": ("ox-json-ld", "json-ld", "JSON-LD"),
    ".rdf": ("ox-xml", "xml", "RDF/XML"),
    ".owl": ("ox-xml", "xml", "RDF/XML"),
    ".xml": ("ox-xml", "xml", "RDF/XML"),
}
#: Formats Oxigraph may reject where rdflib's parser copes (JSON-LD 1.0 quirks,
#: RDF/XML oddities); for these a failed Oxigraph parse is retried with rdflib.
_RDFLIB_FALLBACK = frozenset({"json-ld", "xml"})

#: Output formats of :func:`format_result`.
OUTPUT_FORMATS = ("table", "csv", "tsv", "json", "turtle")

QueryKind = TypingLiteral["SELECT", "ASK", "CONSTRUCT"]

_NAME_RE = re.compile(r"^[A-Za-z0-9_.\-]+$")
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
        """Return the rows as plain strings: IRIs in full, literals' lexical forms, ``""`` if unbound."""
        return [tuple("" if t is None else str(t) for t in row) for row in self.rows]


# ---------------------------------------------------------------------------
# Graph files
# ---------------------------------------------------------------------------


def load_graph(path: str | Path, *, store: str = "Oxigraph") -> Dataset:
    """Parse a graph file into a dataset whose default graph is the union of all graphs.

    The format comes from the suffix: ``.ttl``, ``.nt``, ``.trig``, ``.nq``,
    ``.jsonld``, ``.rdf``/``.owl``. Oxigraph's parsers read the file; a JSON-LD
    or RDF/XML file that Oxigraph rejects is retried with rdflib's parser and
    rdflib's in-memory store.

    A folder made by ``kg build --store`` gives the graph of its last finished
    build, named graphs included: the Oxigraph store in it is opened read-only,
    not parsed (with ``store="default"`` it is copied into rdflib's store). A
    build may run on the folder meanwhile: it replaces the graph only when it
    finishes, and an opened graph stays as it was opened.

    Args:
        path: The graph file, or a store folder.
        store: ``"Oxigraph"`` (fast SPARQL) or ``"default"`` (rdflib's
            in-memory store). An Oxigraph store keeps values, not lexical
            forms: it stores ``"7"^^xsd:nonNegativeInteger`` as
            ``"7"^^xsd:integer`` and ``"0.80"^^xsd:decimal`` as ``"0.8"``;
            use ``"default"`` to see the file's literals exactly as written.

    Returns:
        A :class:`rdflib.Dataset` with ``default_union=True``.

    Raises:
        GraphFileError: The file is missing, its suffix is unknown, or it does
            not parse. The message is one line naming the file and the fix.
    """
    path = Path(path)
    if path.is_dir():
        return _load_store(path, store)
    if not path.is_file():
        raise GraphFileError(
            f"Graph file {path} does not exist. Fix: give the path of a graph that "
            "`kg build` wrote (e.g. out/graph.ttl)."
        )
    suffix = path.suffix.lower()
    if suffix not in GRAPH_SUFFIXES:
        raise GraphFileError(
            f"Cannot tell the RDF format of {path} from its suffix '{suffix}'. "
            f"Fix: rename it to one of {', '.join(sorted(GRAPH_SUFFIXES))}."
        )
    ox_format, rdflib_format, name = GRAPH_SUFFIXES[suffix]
    dataset = Dataset(store=store, default_union=True)
    try:
        dataset.parse(str(path), format=ox_format)
        return dataset
    except Exception as error:  # noqa: BLE001 - parsers raise many types; all mean "bad file"
        first_error = error
    if rdflib_format in _RDFLIB_FALLBACK:
        dataset = Dataset(default_union=True)
        try:
            dataset.parse(str(path), format=rdflib_format)
            return dataset
        except Exception:  # noqa: BLE001, S110 - report Oxigraph's message, which is clearer
            pass
    raise GraphFileError(
        f"Cannot parse {path} as {name}: {_one_line(_message(first_error))}. "
        f"Fix: correct the file there, or give it the suffix of its real format "
        f"({', '.join(sorted(GRAPH_SUFFIXES))})."
    ) from first_error


def _load_store(path: Path, store: str) -> Dataset:
    """The graph of a ``kg build --store`` folder (or of an Oxigraph store folder), opened read-only."""
    if is_store(path):
        graph = open_graph(path)
    elif (path / "CURRENT").is_file():  # RocksDB's: an Oxigraph store itself, e.g. STORE/graph
        try:
            graph = ox.Store.read_only(str(path))
        except OSError as error:
            raise GraphFileError(f"Cannot open the Oxigraph store {path}: {_one_line(str(error))}.") from None
    else:
        raise GraphFileError(
            f"{path} is a folder, not a graph file or a kg store. Fix: give the path of a graph "
            "that `kg build` wrote (e.g. out/graph.ttl) or a folder made by `kg build --store`."
        )
    if store == "Oxigraph":
        return Dataset(store=OxigraphStore(store=graph), default_union=True)
    dataset = Dataset(store=store, default_union=True)
    dataset.parse(data=graph.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
    return dataset


# ---------------------------------------------------------------------------
# Named queries
# ---------------------------------------------------------------------------


def _query_names() -> list[str]:
    return sorted(p.stem for p in queries_dir().glob("*.rq"))


def _read_query_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(
            f"Cannot read query file {path}: {_one_line(_message(error))}. "
            "Fix: give a readable UTF-8 .rq file."
        ) from error


def read_query(text_or_path: str | Path) -> str:
    """Return SPARQL text from query text, a ``.rq`` file, or a named query.

    ``text_or_path`` is, in this order of trial: a :class:`~pathlib.Path` or an
    existing file (read as the query); a name ending in ``.rq`` or a bare name
    such as ``who-met-whom`` (looked up in ``ontology/queries/``); anything else
    is taken as the query text itself.

    Args:
        text_or_path: Query text, a path to a query file, or a query name.

    Returns:
        The query text.

    Raises:
        QueryError: A named query or query file that does not exist or cannot
            be read; the message lists the named queries.
    """
    if isinstance(text_or_path, Path):
        if not text_or_path.is_file():
            raise QueryError(
                f"Query file {text_or_path} does not exist. Fix: check the path; "
                f"named queries: {', '.join(_query_names())}."
            )
        return _read_query_file(text_or_path)
    text = text_or_path.strip()
    looks_like_name = bool(_NAME_RE.match(text)) or (
        text.endswith(".rq") and "\n" not in text and "{" not in text
    )
    if looks_like_name and Path(text).is_file():
        return _read_query_file(Path(text))
    if looks_like_name:
        name = Path(text).name.removesuffix(".rq")
        named = queries_dir() / f"{name}.rq"
        if _NAME_RE.match(name) and named.is_file():
            return _read_query_file(named)
        raise QueryError(
            f"No query file or named query '{text}'. "
            f"Fix: use one of {', '.join(_query_names())}, a path to a .rq file, "
            "or SPARQL text."
        )
    return text_or_path


def _header_field(lines: list[str], key: str) -> str:
    prefix = f"# {key}:"
    for line in lines:
        if line.lower().startswith(prefix):
            return line[len(prefix) :].strip()
    return ""


def list_queries() -> list[tuple[str, str, str]]:
    """Return ``(name, title, description)`` of every named query, sorted by name.

    Title and description come from the query file's leading ``# title:`` and
    ``# description:`` comment lines.

    Raises:
        KGError: The ``ontology/queries`` folder is missing.
    """
    found = []
    for path in sorted(queries_dir().glob("*.rq")):
        lines = _read_query_file(path).splitlines()
        head = [line.strip() for line in lines if line.strip().startswith("#")]
        found.append((path.stem, _header_field(head, "title"), _header_field(head, "description")))
    return found


# ---------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------


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


def run_query(graph: Graph, query: str) -> QueryResult:
    """Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE) on ``graph``.

    The prefixes of :data:`~kg.store.namespace.PREFIXES` are predeclared;
    ``PREFIX`` lines in the query override them. On a dataset the default graph
    is the union of all its graphs.

    Args:
        graph: The graph or dataset, e.g. from :func:`load_graph`.
        query: The query text (see :func:`read_query` for names and files).

    Returns:
        The materialised result.

    Raises:
        QueryError: The query does not parse or fails to run; one line with
            the parser's message and where it stopped.
    """
    target = _union_view(graph)
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


def _message(error: BaseException) -> str:
    if isinstance(error, SyntaxError) and error.msg:
        return str(error.msg)
    return str(error) or type(error).__name__


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_KNOWN_PREFIXES = ", ".join(f"{p}:" for p in PREFIXES)
_QUERY_FIX = (
    "Fix: correct the query (kg runs SPARQL 1.1 SELECT, ASK, CONSTRUCT and DESCRIBE; "
    f"predeclared prefixes: {_KNOWN_PREFIXES})."
)


def _query_error_message(error: BaseException) -> str:
    """Turn a parser's or engine's exception into one readable line."""
    raw = _message(error)
    if isinstance(error, SyntaxError):
        # Oxigraph: "error at 1:27: expected one of OPTIONAL, Prefix not found, ['%'], ..."
        match = re.match(r"error at (\d+):(\d+): (.*)", raw, re.DOTALL)
        if match:
            line, column, detail = match.groups()
            if "Prefix not found" in detail:
                detail = "undeclared prefix; declare it with a PREFIX line"
            else:
                detail = _without_char_classes(detail)
            return f"Bad SPARQL query at line {line}, column {column}: {detail}. {_QUERY_FIX}"
        return f"Bad SPARQL query: {_one_line(raw)}. {_QUERY_FIX}"
    if type(error).__name__ == "ParseException":  # rdflib's pyparsing-based parser
        line = getattr(error, "lineno", None)
        column = getattr(error, "col", None)
        found = _one_line(str(getattr(error, "msg", raw)), 150)
        return f"Bad SPARQL query at line {line}, column {column}: {found}. {_QUERY_FIX}"
    if "Unknown namespace prefix" in raw:
        return f"Bad SPARQL query: {_one_line(raw)}. {_QUERY_FIX}"
    return f"SPARQL query failed: {_one_line(raw)}. {_QUERY_FIX}"


def _without_char_classes(detail: str) -> str:
    """Drop Oxigraph's character-class alternatives (``['0' ..= '9']``) from a message."""
    detail = " ".join(detail.split())
    head, sep, rest = detail.partition("expected one of ")
    if not sep:
        return _one_line(detail, 200)
    items = [item for item in re.split(r", (?=\S)", re.sub(r"\[[^\]]*\]", "", rest))]
    items = [item.strip() for item in items if item.strip() and item.strip() != "_"]
    if not items:
        return _one_line(head + "unexpected input", 200)
    return _one_line(f"{head}expected one of {', '.join(items)}", 200)


# ---------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a query result as text.

    Formats:
        ``table``: aligned columns for reading; IRIs shortened with the fixed
        prefixes (``kgo:meetsWith``), literals as their plain text.
        ``csv``: SPARQL 1.1 Query Results CSV (full IRIs, lexical values).
        ``tsv``: SPARQL 1.1 Query Results TSV (terms in Turtle/N-Triples syntax).
        ``json``: SPARQL 1.1 Query Results JSON.
        ``turtle``: the answer graph of a CONSTRUCT or DESCRIBE query.

    Graph answers (CONSTRUCT, DESCRIBE) print in the tabular formats as
    ``subject``, ``predicate``, ``object`` rows.

    Args:
        result: The result of :func:`run_query`.
        fmt: One of :data:`OUTPUT_FORMATS`.

    Returns:
        The text, ending without a newline.

    Raises:
        QueryError: An unknown format, or ``turtle`` for a non-graph answer.
    """
    key = fmt.lower()
    if key == "ttl":
        key = "turtle"
    if key not in OUTPUT_FORMATS:
        raise QueryError(
            f"No output format '{fmt}'. Fix: use one of {', '.join(sorted(OUTPUT_FORMATS))}."
        )
    if key == "turtle":
        if result.graph is None:
            raise QueryError(
                f"Output format 'turtle' needs a CONSTRUCT or DESCRIBE query, not {result.kind}. "
                "Fix: use --format table, csv, tsv or json."
            )
        return _turtle(result.graph)
    if key == "json":
        return _json(result)
    if result.kind == "ASK":
        text = "true" if result.boolean else "false"
        return {"table": text, "csv": f"_askResult\r\n{text}", "tsv": f"?_askResult\n{text}"}[key]
    if key == "csv":
        return _csv(result)
    if key == "tsv":
        return _tsv(result)
    return _table(result)


def _turtle(graph: Graph) -> str:
    out = Graph()
    for prefix, namespace in PREFIXES.items():
        out.bind(prefix, namespace, override=True, replace=True)
    out += graph
    return out.serialize(format="turtle").rstrip("\n")


def _shorten(iri: str) -> str:
    best = ""
    best_prefix = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(best):
            best, best_prefix = namespace, prefix
    if best and len(iri) > len(best):
        return f"{best_prefix}:{iri[len(best) :]}"
    return f"<{iri}>"


def _cell(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = _shorten(str(term))
    elif isinstance(term, BNode):
        text = f"_:{term}"
    else:
        text = str(term)
    return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def _width(text: str) -> int:
    """Return the number of terminal columns ``text`` takes (wide East Asian characters take two)."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


_NUMERIC_TYPES = frozenset(
    {
        XSD.integer,
        XSD.decimal,
        XSD.double,
        XSD.float,
        XSD.int,
        XSD.long,
        XSD.short,
        XSD.nonNegativeInteger,
        XSD.positiveInteger,
        XSD.unsignedInt,
        XSD.unsignedLong,
    }
)


def _is_number(term: Node | None) -> bool:
    return isinstance(term, Literal) and term.datatype in _NUMERIC_TYPES


def _table(result: QueryResult) -> str:
    header = list(result.vars)
    cells = [[_cell(term) for term in row] for row in result.rows]
    widths = [_width(name) for name in header]
    for row in cells:
        for i, text in enumerate(row):
            widths[i] = max(widths[i], _width(text))
    numeric = [
        bool(result.rows) and all(row[i] is None or _is_number(row[i]) for row in result.rows)
        for i in range(len(header))
    ]

    def line(texts: list[str]) -> str:
        parts = []
        for i, text in enumerate(texts):
            pad = " " * (widths[i] - _width(text))
            parts.append(pad + text if numeric[i] else text + pad)
        return "  ".join(parts).rstrip()

    lines = [line(header), "  ".join("-" * w for w in widths)]
    lines.extend(line(row) for row in cells)
    return "\n".join(lines)


def _csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow(
            ["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row]
        )
    return buffer.getvalue().removesuffix("\r\n")


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_INTEGER_RE = re.compile(r"^[+-]?[0-9]+$")
_DECIMAL_RE = re.compile(r"^[+-]?[0-9]*\.[0-9]+$")


def _nt(term: Node | None) -> str:
    """Return ``term`` in N-Triples syntax (numbers abbreviated as in Turtle)."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    assert isinstance(term, Literal)
    lexical = str(term)
    if term.datatype == XSD.integer and _INTEGER_RE.match(lexical):
        return lexical
    if term.datatype == XSD.decimal and _DECIMAL_RE.match(lexical):
        return lexical
    quoted = '"' + "".join(_ESCAPES.get(c, c) for c in lexical) + '"'
    if term.language:
        return f"{quoted}@{term.language}"
    if term.datatype and term.datatype != XSD.string:
        return f"{quoted}^^<{term.datatype}>"
    return quoted


def _tsv(result: QueryResult) -> str:
    lines = ["\t".join(f"?{name}" for name in result.vars)]
    lines.extend("\t".join(_nt(term) for term in row) for row in result.rows)
    return "\n".join(lines)


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def _json(result: QueryResult) -> str:
    document: dict[str, Any]
    if result.kind == "ASK":
        document = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [
            {name: _json_term(term) for name, term in zip(result.vars, row) if term is not None}
            for row in result.rows
        ]
        document = {"head": {"vars": list(result.vars)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2)
