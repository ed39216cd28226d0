"""A read-only SPARQL 1.1 Protocol endpoint over a graph file (``kg serve``).

What it speaks (https://www.w3.org/TR/sparql11-protocol/):

* ``GET /sparql?query=...``; ``POST /sparql`` with a form body
  (``application/x-www-form-urlencoded``, field ``query``) or with the query as
  the body (``application/sparql-query``). ``/`` answers too.
* ``default-graph-uri`` and ``named-graph-uri`` choose the query's dataset;
  without them the default graph is the RDF merge of every graph (each
  distinct triple once, however many article graphs state it) and ``GRAPH ?g``
  sees the named graphs; the kg prefixes (``kg:``, ``kgo:``, ``rdfs:`` ...) are
  predeclared, as in ``kg query``.
* Results of SELECT and ASK as SPARQL JSON, XML, CSV or TSV; graphs of
  CONSTRUCT and DESCRIBE as Turtle, N-Triples, RDF/XML or JSON-LD. The
  ``format`` (or ``output``) parameter picks one by name (``json``, ``xml``,
  ``csv``, ``tsv``, ``turtle`` ...) or media type; otherwise the ``Accept``
  header does (q-values honoured); otherwise JSON, or Turtle for graphs.
* Read-only: an update (``update=`` field, ``application/sparql-update`` body)
  is refused with ``403 Forbidden``; an update sent as a query does not parse
  and gets ``400``. A query that does not parse gets ``400`` with the parser's
  message.

It listens on 127.0.0.1 unless told otherwise. Queries run on Oxigraph, and
Oxigraph's serializers write the results.

Limits (as Virtuoso, Fuseki, QLever and Oxigraph's server have them), so that no
query and no client can stall the endpoint:

* **Time** (``timeout``, default 30 s). Queries run in worker *processes* forked
  after the store is loaded (:class:`kg.sparql.runner.WorkerPool`): Oxigraph cannot
  be interrupted from another thread, so a query over its time has its process
  killed (``SIGKILL``, its CPU freed at once) and replaced by a fresh fork. The
  client gets ``503 Service Unavailable`` (Fuseki's status for a query timeout)
  with a ``text/plain`` body ``Query timed out after N s ...``, and no
  ``Retry-After``: the same query would time out again. Serializing the answer
  counts in the time.
* **Rows** (``max_rows``, default 100,000). A longer answer is *truncated* to its
  first rows (triples for CONSTRUCT and DESCRIBE) and says so in the header
  ``X-SPARQL-MaxRows: N``, as Virtuoso does (``ResultSetMaxRows``); a complete
  answer never carries that header. Add ``LIMIT``/``OFFSET`` to page through.
* **Concurrency** (``workers``, default 4): that many queries run at once. A
  request waits up to ``queue_wait`` seconds (default 2) for a free worker, then
  gets ``503 Service Unavailable`` with ``Retry-After: S`` (when the oldest running
  query will be done or stopped at the latest) and a ``text/plain`` body ``All N
  query workers are busy ...``.

Parsing errors, unknown formats and the like are answered by the worker with the
same 4xx statuses as before; a worker that dies otherwise gives ``500``.

Example::

    graph = load_graph("out/graph.ttl")
    server = make_server(graph, port=0)        # 0: any free port
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.url)                          # http://127.0.0.1:40123/sparql
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import Errors, KGError
from kg.sparql.runner import (
    Busy,
    QueryTimeout,
    WorkerCrashed,
    WorkerPool,
    bounded_solutions,
    bounded_triples,
)
from kg.store.namespace import PREFIXES
from kg.store.oxigraph import union_store

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_MAX_ROWS",
    "DEFAULT_PORT",
    "DEFAULT_QUEUE_WAIT",
    "DEFAULT_TIMEOUT",
    "DEFAULT_WORKERS",
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "SparqlServer",
    "make_server",
]

DEFAULT_HOST = "127.0.0.1"
#: Oxigraph's own default port.
DEFAULT_PORT = 7878
#: Seconds a query may run (its worker process is killed after).
DEFAULT_TIMEOUT = 30.0
#: Rows (or triples) of an answer before it is truncated (header ``X-SPARQL-MaxRows``).
DEFAULT_MAX_ROWS = 100_000
#: Queries running at once (worker processes).
DEFAULT_WORKERS = 4
#: Seconds a request waits for a free worker before ``503`` with ``Retry-After``.
DEFAULT_QUEUE_WAIT = 2.0
#: The header of a truncated answer (Virtuoso's name); its value is the row cap.
TRUNCATED_HEADER = "X-SPARQL-MaxRows"
#: Largest request body accepted (a query, not data: nothing is uploaded).
MAX_BODY = 1 << 20

#: Result formats of SELECT and ASK: name -> (Oxigraph format, media types it answers to).
RESULT_FORMATS: dict[str, tuple[ox.QueryResultsFormat, tuple[str, ...]]] = {
    "json": (ox.QueryResultsFormat.JSON, ("application/sparql-results+json", "application/json",
                                          "text/javascript", "application/javascript")),
    "xml": (ox.QueryResultsFormat.XML,
            ("application/sparql-results+xml", "application/xml", "text/xml")),
    "csv": (ox.QueryResultsFormat.CSV, ("text/csv",)),
    "tsv": (ox.QueryResultsFormat.TSV, ("text/tab-separated-values",)),
}
#: Graph formats of CONSTRUCT and DESCRIBE.
GRAPH_FORMATS: dict[str, tuple[ox.RdfFormat, tuple[str, ...]]] = {
    "turtle": (ox.RdfFormat.TURTLE, ("text/turtle", "application/x-turtle")),
    "ntriples": (ox.RdfFormat.N_TRIPLES, ("application/n-triples", "text/plain")),
    "rdfxml": (ox.RdfFormat.RDF_XML, ("application/rdf+xml", "application/xml", "text/xml")),
    "jsonld": (ox.RdfFormat.JSON_LD, ("application/ld+json", "application/json")),
}
_FORMAT_ALIASES = {"srj": "json", "srx": "xml", "ttl": "turtle", "nt": "ntriples",
                   "n-triples": "ntriples",
                   "rdf": "rdfxml", "rdf/xml": "rdfxml", "json-ld": "jsonld"}

_HELP = """kg SPARQL endpoint (read-only, SPARQL 1.1 Protocol)

Send queries to {url}
  GET  {url}?query=SELECT...
  POST {url}  (form field 'query', or the query as an application/sparql-query body)
Results: JSON, XML, CSV, TSV (Accept header or format=json|xml|csv|tsv).
Prefixes kg:, kgo:, rdf:, rdfs:, prov:, dcterms:, ... are predeclared; \
the default graph is the merge of all graphs.
Limits: a query stops after {timeout:g} s (503 'Query timed out'); answers keep their \
first {max_rows} rows (header X-SPARQL-MaxRows when cut); {workers} queries run at once \
(then 503 with Retry-After).
"""


_UPDATES_REFUSED = "This endpoint is read-only: SPARQL updates are refused."


class RequestError(Exception):
    """A request the endpoint answers with a 4xx status and a one-line message."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class _Request:
    query: str
    default_graphs: list[str]
    named_graphs: list[str]
    formats: list[str]
    accept: str = ""


@dataclass(frozen=True)
class _Reply:
    """A worker's answer to a :class:`_Request` (it crosses a pipe: plain fields only)."""

    status: int
    body: bytes
    media: str
    headers: dict[str, str] = field(default_factory=dict)


def _parse_accept(header: str) -> list[str]:
    """Media ranges of an Accept header, best first (by q, then by position)."""
    ranked = []
    for position, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, position, media))
    return [media for _, _, media in sorted(ranked)]


def _lookup(table: dict[str, tuple[Any, tuple[str, ...]]], value: str) -> str | None:
    """The format of ``table`` that a name, alias or media type means, if any."""
    key = value.split(";")[0].strip().lower()
    key = _FORMAT_ALIASES.get(key, key)
    if key in table:
        return key
    if table is GRAPH_FORMATS and key in ("xml", "json"):
        return "rdfxml" if key == "xml" else "jsonld"
    for fmt, (_, media_types) in table.items():
        if key in media_types:
            return fmt
    return None


def _choose(
    table: dict[str, tuple[Any, tuple[str, ...]]], names: list[str], accept: str, default: str
) -> str:
    """Pick a format of ``table``: format parameters, else the Accept header, else ``default``.

    Clients such as SPARQLWrapper repeat the format parameter (``format=tsv`` and
    ``format=text/tab-separated-values``); the first value this endpoint knows wins.
    A value meant for the other kind of answer (``turtle`` for a SELECT) falls back
    to the Accept header; a value nobody knows is a 400.
    """
    for name in names:
        found = _lookup(table, name)
        if found:
            return found
    known = [
        n for n in names if n.strip() and (_lookup(RESULT_FORMATS, n) or _lookup(GRAPH_FORMATS, n))
    ]
    if names and not known and any(n.strip() for n in names):
        raise RequestError(
            HTTPStatus.BAD_REQUEST,
            f"Unknown result format '{names[0]}'. "
            f"Use one of {', '.join([*RESULT_FORMATS, *GRAPH_FORMATS])} (or their media types).",
        )
    for media in _parse_accept(accept):
        if media in ("*/*", "application/*", "text/*"):
            if media == "*/*" or any(m.startswith(media[:-1]) for m in table[default][1]):
                return default
            continue
        for fmt, (_, media_types) in table.items():
            if media in media_types:
                return fmt
    return default


def _one(params: dict[str, list[str]], key: str) -> str | None:
    values = params.get(key, [])
    if len(values) > 1:
        raise RequestError(HTTPStatus.BAD_REQUEST,
                           f"Give the '{key}' parameter once, not {len(values)} times.")
    return values[0] if values else None


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql/1"
    protocol_version = "HTTP/1.1"
    # What the HTTP layer itself refuses (a bad request line, an unknown method) gets
    # one line of text too, not the standard library's HTML page.
    error_message_format = "%(message)s: %(explain)s\n"
    error_content_type = "text/plain; charset=utf-8"

    # ------------------------------------------------------------ plumbing
    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: HTTPStatus, message: str,
               extra: dict[str, str] | None = None) -> None:
        # The request body may be unread: close rather than misread it as the next request.
        self.close_connection = True
        self._send(status, (message.rstrip("\n") + "\n").encode(), "text/plain; charset=utf-8",
                   {"Connection": "close", **(extra or {})})

    def _path(self) -> tuple[str, dict[str, list[str]]]:
        parts = urlsplit(self.path)
        return parts.path, parse_qs(parts.query, keep_blank_values=True)

    # ------------------------------------------------------------ verbs
    def do_OPTIONS(self) -> None:
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Allow", "GET, POST, OPTIONS")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        self._handle(post=False)

    def do_HEAD(self) -> None:
        self._handle(post=False)

    def do_POST(self) -> None:
        self._handle(post=True)

    def do_PUT(self) -> None:
        self._refuse_write()

    def do_DELETE(self) -> None:
        self._refuse_write()

    def do_PATCH(self) -> None:
        self._refuse_write()

    def _refuse_write(self) -> None:
        """Graph Store Protocol writes: refused like updates."""
        try:
            self._drain()
        except RequestError as error:
            self._error(error.status, str(error))
            return
        self._error(HTTPStatus.FORBIDDEN,
                    "This endpoint is read-only: kg serve answers queries and refuses updates "
                    "and Graph Store writes. Change the graph with kg build instead.")

    def _drain(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise RequestError(HTTPStatus.BAD_REQUEST,
                               "Content-Length is not a whole number of bytes.") from None
        if length > MAX_BODY:
            raise RequestError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                               f"Request body of {length} bytes is larger than {MAX_BODY}; "
                               "send a shorter query.")
        return self.rfile.read(length) if length > 0 else b""

    def _handle(self, *, post: bool) -> None:
        try:
            path, params = self._path()
            if path not in ("/", "/sparql", "/query"):
                raise RequestError(HTTPStatus.NOT_FOUND,
                                   f"No such resource {path}; send queries to /sparql.")
            request = self._read(params, post=post, path=path)
            if request is None:
                return
            self._answer(request)
        except RequestError as error:
            self._error(error.status, str(error))
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as error:  # noqa: BLE001 - answer 500 in one line, keep serving
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR,
                        f"Internal error: {type(error).__name__}: {error}")

    def _read(self, params: dict[str, list[str]], *, post: bool, path: str) -> _Request | None:
        query: str | None
        if post:
            body = self._drain()
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                raise RequestError(HTTPStatus.FORBIDDEN, _UPDATES_REFUSED)
            if ctype == "application/x-www-form-urlencoded":
                form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
                if "update" in form or "update" in params:
                    raise RequestError(HTTPStatus.FORBIDDEN, _UPDATES_REFUSED)
                for key, values in form.items():
                    params.setdefault(key, []).extend(values)
                query = _one(params, "query")
            elif ctype == "application/sparql-query":
                if "query" in params:
                    raise RequestError(HTTPStatus.BAD_REQUEST,
                                       "Give the query either as the body or as the 'query' "
                                       "parameter, not both.")
                query = body.decode("utf-8", "replace")
            else:
                raise RequestError(
                    HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    f"Cannot read a POST body of type '{ctype or 'none'}'. "
                    "Send application/x-www-form-urlencoded (field 'query') or "
                    "application/sparql-query.",
                )
        else:
            if "update" in params:
                raise RequestError(HTTPStatus.FORBIDDEN, _UPDATES_REFUSED)
            query = _one(params, "query")
            if query is None and path == "/":
                server = self.server
                page = _HELP.format(url=server.url, timeout=server.pool.timeout,
                                    max_rows=server.max_rows, workers=server.workers).encode()
                self._send(HTTPStatus.OK, page, "text/plain; charset=utf-8")
                return None
        if query is None or not query.strip():
            raise RequestError(HTTPStatus.BAD_REQUEST,
                               "Missing the 'query' parameter: send ?query=SELECT ...")
        formats = params.get("format", []) + params.get("output", [])
        return _Request(query, params.get("default-graph-uri", []),
                        params.get("named-graph-uri", []), formats,
                        self.headers.get("Accept") or "")

    def _answer(self, request: _Request) -> None:
        server = self.server
        try:
            reply: _Reply = server.pool.run(request)
        except Busy as busy:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE,
                        f"All {server.workers} query workers are busy; retry in "
                        f"{busy.retry_after} s (Retry-After).",
                        {"Retry-After": str(busy.retry_after)})
            return
        except QueryTimeout as late:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE,
                        f"Query timed out after {late.seconds:g} s and was stopped. "
                        "Narrow it (more specific patterns, LIMIT) or ask the endpoint's "
                        "owner for a longer --timeout.")
            return
        except WorkerCrashed as crash:
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR,
                        f"The query's worker process died ({crash}); it was replaced.")
            return
        if reply.status != HTTPStatus.OK:
            self._error(HTTPStatus(reply.status), reply.body.decode())
            return
        self._send(HTTPStatus.OK, reply.body, reply.media, reply.headers)


def _execute(store: ox.Store, max_rows: int, request: _Request) -> _Reply:
    """Answer ``request`` (in a worker process): run, cap at ``max_rows``, serialize."""
    try:
        return _run(store, max_rows, request)
    except RequestError as error:
        return _Reply(error.status, str(error).encode(), "text/plain")
    except Exception as error:  # noqa: BLE001 - a 500 in one line; the worker keeps serving
        return _Reply(HTTPStatus.INTERNAL_SERVER_ERROR,
                      f"Query failed while running: {type(error).__name__}: {error}".encode(),
                      "text/plain")


def _run(store: ox.Store, max_rows: int, request: _Request) -> _Reply:
    options: dict[str, Any] = {"prefixes": PREFIXES}
    try:
        if request.default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs]
        if request.named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
    except ValueError as error:
        raise RequestError(HTTPStatus.BAD_REQUEST, f"Bad graph IRI: {error}") from error
    try:
        result = store.query(request.query, **options)
    except SyntaxError as error:
        detail = " ".join(str(error.msg or error).split())
        raise RequestError(HTTPStatus.BAD_REQUEST, f"Bad SPARQL query: {detail}") from error
    cut = False
    if isinstance(result, ox.QueryTriples):
        name = _choose(GRAPH_FORMATS, request.formats, request.accept, "turtle")
        rdf_format = GRAPH_FORMATS[name][0]
        triples, cut = bounded_triples(result, max_rows)
        prefixes = None if rdf_format == ox.RdfFormat.N_TRIPLES else PREFIXES
        body = ox.serialize(triples, format=rdf_format, prefixes=prefixes)
        media = rdf_format.media_type
    else:
        name = _choose(RESULT_FORMATS, request.formats, request.accept, "json")
        results_format = RESULT_FORMATS[name][0]
        if isinstance(result, ox.QuerySolutions):
            result, cut = bounded_solutions(result, max_rows)
        body = result.serialize(format=results_format)
        media = results_format.media_type
    textual = media.startswith("text/") or "json" in media or "xml" in media
    if "charset" not in media and textual:
        media += "; charset=utf-8"
    headers = {TRUNCATED_HEADER: str(max_rows)} if cut else {}
    return _Reply(HTTPStatus.OK, body or b"", media, headers)


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server of ``kg serve``: one Oxigraph store, answered read-only.

    Attributes:
        store: The store queries run on (in the worker processes).
        pool: The worker processes (see the module's "Limits").
        workers: Queries running at once.
        max_rows: Rows an answer keeps.
        verbose: Log each request on stderr.
    """

    daemon_threads = True
    allow_reuse_address = True
    # socketserver's backlog of 5 drops connections under a burst of clients (each
    # dropped SYN costs the client a 1 s retransmit, or a reset); the listen(2) default.
    request_queue_size = 128

    def __init__(self, store: ox.Store, host: str, port: int, *, verbose: bool = False,
                 timeout: float = DEFAULT_TIMEOUT, max_rows: int = DEFAULT_MAX_ROWS,
                 workers: int = DEFAULT_WORKERS,
                 queue_wait: float = DEFAULT_QUEUE_WAIT) -> None:
        self.store = store
        self.verbose = verbose
        self.workers = workers
        self.max_rows = max_rows
        super().__init__((host, port), _Handler)
        # Fork after binding (a taken port fails before any process starts) and after
        # loading: the workers share the store's pages with this process.
        self.pool = WorkerPool(partial(_execute, store, max_rows), workers=workers,
                               timeout=timeout, queue_wait=queue_wait)

    def server_close(self) -> None:
        """Stop listening and stop the worker processes."""
        super().server_close()
        pool = getattr(self, "pool", None)
        if pool is not None:
            pool.close()

    @property
    def url(self) -> str:
        """The query URL, e.g. ``http://127.0.0.1:7878/sparql``."""
        host, port = str(self.server_address[0]), self.server_address[1]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/sparql"


def make_server(graph: Any, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *,
                verbose: bool = False, timeout: float = DEFAULT_TIMEOUT,
                max_rows: int = DEFAULT_MAX_ROWS, workers: int = DEFAULT_WORKERS,
                queue_wait: float = DEFAULT_QUEUE_WAIT) -> SparqlServer:
    """Bind a read-only SPARQL endpoint over ``graph`` (call ``serve_forever()`` to answer).

    Args:
        graph: A dataset from :func:`kg.store.load.load_graph` or the builder, or a
            :class:`pyoxigraph.Store`.
        host: Interface to listen on; the default answers this machine only.
        port: TCP port; 0 picks a free one (see :attr:`SparqlServer.url`).
        verbose: Log each request on stderr.
        timeout: Seconds a query may run before its worker process is killed (503).
        max_rows: Rows (triples) an answer keeps; a longer one is truncated and has
            the header ``X-SPARQL-MaxRows``.
        workers: Worker processes, i.e. queries running at once.
        queue_wait: Seconds a request waits for a free worker before 503 + Retry-After.

    Raises:
        KGError: The address cannot be bound (port taken, host unknown).
    """
    # The default graph holds the RDF merge of every graph (a set, unlike Oxigraph's
    # bag-like union option), and the named graphs stay for GRAPH queries.
    store = union_store(graph, keep_named_graphs=True)
    try:
        return SparqlServer(store, host, port, verbose=verbose, timeout=timeout,
                            max_rows=max_rows, workers=workers, queue_wait=queue_wait)
    except OSError as error:
        in_use = error.errno == errno.EADDRINUSE
        why = "the port is in use" if in_use else (error.strerror or str(error))
        raise KGError(Errors.E060.format(host=host, port=port, reason=why)) from error

