"""kg: turn news articles into a knowledge graph.

The public API, re-exported here:

* :func:`build` -- articles in, ``graph.ttl`` and ``graph.html`` (and other formats) out;
* :func:`query` -- run SPARQL (text, a ``.rq`` file or a named query) over a graph;
* :func:`to_networkx` -- the graph's entities, events and relations as a networkx graph;
* :func:`list_queries` -- the named queries of ``ontology/queries/``, with their descriptions;
* :func:`load_graph` -- parse a graph file into an rdflib ``Dataset``;
* :func:`validate` -- check a graph against the SHACL shapes.

Example:
    >>> import kg                                         # doctest: +SKIP
    >>> summary = kg.build(["seeds"], "out")              # doctest: +SKIP
    >>> kg.query("out/graph.ttl", "who-met-whom").rows    # doctest: +SKIP
"""

from kg.graph_api import query, to_networkx
from kg.pipeline import build, load_nlp
from kg.shacl import validate
from kg.sparql import list_queries
from kg.store.load import load_graph

__all__ = ["build", "list_queries", "load_graph", "load_nlp", "query", "to_networkx", "validate"]
__version__ = "0.1.0"
