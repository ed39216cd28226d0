"""Loading a built graph: a graph file or a ``kg build --store`` folder into an rdflib ``Dataset``.

The one place kg reads graphs back: :func:`kg.query`, :func:`kg.validate`, the
CLI's ``query``, ``export`` and ``serve``, and the notebooks all go through
:func:`load_graph`. Files are parsed with Oxigraph (through oxrdflib) where it
can, which is much faster than rdflib's own parsers and store.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from oxrdflib.store import OxigraphStore
from rdflib import Dataset

from kg.errors import Errors, GraphFileError, exception_text, one_line
from kg.store.persistent import is_store, open_graph

__all__ = ["GRAPH_SUFFIXES", "load_graph"]

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
_SUFFIX_LIST = ", ".join(sorted(GRAPH_SUFFIXES))


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
        raise GraphFileError(Errors.E020.format(path=path))
    suffix = path.suffix.lower()
    if suffix not in GRAPH_SUFFIXES:
        raise GraphFileError(Errors.E021.format(path=path, suffix=suffix, suffixes=_SUFFIX_LIST))
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
        Errors.E022.format(
            path=path, format=name, reason=one_line(exception_text(first_error)),
            suffixes=_SUFFIX_LIST,
        )
    ) from first_error


def _load_store(path: Path, store: str) -> Dataset:
    """Open the graph of a ``kg build --store`` folder (or an Oxigraph store folder) read-only."""
    if is_store(path):
        graph = open_graph(path)
    elif (path / "CURRENT").is_file():  # RocksDB's: an Oxigraph store itself, e.g. STORE/graph
        try:
            graph = ox.Store.read_only(str(path))
        except OSError as error:
            reason = one_line(str(error))
            raise GraphFileError(Errors.E024.format(path=path, reason=reason)) from None
    else:
        raise GraphFileError(Errors.E023.format(path=path))
    if store == "Oxigraph":
        return Dataset(store=OxigraphStore(store=graph), default_union=True)
    dataset = Dataset(store=store, default_union=True)
    dataset.parse(data=graph.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
    return dataset
