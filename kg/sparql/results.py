"""Writing a query's answer: an aligned table, SPARQL CSV, TSV or JSON, or Turtle."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import Errors, QueryError
from kg.sparql.engine import QueryResult
from kg.store.namespace import PREFIXES, shorten_iri

__all__ = ["OUTPUT_FORMATS", "format_result"]

#: Output formats of :func:`format_result`.
OUTPUT_FORMATS = ("table", "csv", "tsv", "json", "turtle")


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
        formats = ", ".join(sorted(OUTPUT_FORMATS))
        raise QueryError(Errors.E036.format(format=fmt, formats=formats))
    if key == "turtle":
        if result.graph is None:
            raise QueryError(Errors.E037.format(kind=result.kind))
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


def _cell(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = shorten_iri(str(term))
    elif isinstance(term, BNode):
        text = f"_:{term}"
    else:
        text = str(term)
    return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def _width(text: str) -> int:
    """Return the terminal columns ``text`` takes (wide East Asian characters take two)."""
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
