"""SPARQL over built graphs: named queries, running, and formatting the results.

A typical use (what ``kg query GRAPH QUERY`` does)::

    graph = load_graph("out/graph.ttl")          # kg.store.load
    result = run_query(graph, read_query("who-met-whom"))
    print(format_result(result, "table"))

Every prefix of :data:`kg.store.namespace.PREFIXES` is predeclared, and the
union of all named graphs is the default graph, so
``SELECT ?a ?b WHERE { ?a kgo:meetsWith ?b }`` works on any graph kg writes.

The package is split by concern: :mod:`kg.sparql.named` finds query text
(named queries, ``.rq`` files), :mod:`kg.sparql.engine` runs it,
:mod:`kg.sparql.results` writes the answer as a table, CSV, TSV, JSON or Turtle.
"""

from __future__ import annotations

from kg.sparql.engine import QueryKind, QueryResult, run_query
from kg.sparql.named import list_queries, read_query
from kg.sparql.results import OUTPUT_FORMATS, format_result

__all__ = [
    "OUTPUT_FORMATS",
    "QueryKind",
    "QueryResult",
    "format_result",
    "list_queries",
    "read_query",
    "run_query",
]
