"""Fuzzing of ``kg query`` and ``kg serve`` inputs: one-line errors, never a traceback or a 500.

``kg query`` gets random text and near-SPARQL (real keywords, hostile IRIs,
literals, regexes and numbers): it answers (exit 0) or prints one ``kg: ...``
line and exits 2, never an internal error. ``kg serve`` gets random paths,
parameters, headers and POST bodies as raw HTTP: every answer is a 2xx, or a
4xx (or the documented 503) with a one-line message; never a 5xx with an
internal error, and the server keeps answering.
"""

from __future__ import annotations

import contextlib
import io
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kg.cli import main
from kg.serve import make_server
from kg.store.load import load_graph

from .budget import fuzz

TINY = Path(__file__).resolve().parents[1] / "data" / "tiny.ttl"

KEYWORDS = ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "(", ")", ".", ";",
            ",", "*", "?s", "?p", "?o", "$x", "FILTER", "OPTIONAL", "UNION", "MINUS", "GRAPH",
            "BIND", "AS", "VALUES", "LIMIT", "OFFSET", "ORDER BY", "GROUP BY", "HAVING",
            "COUNT(*)", "DISTINCT", "PREFIX", "BASE", "SERVICE", "INSERT DATA", "DELETE",
            "LOAD", "CLEAR", "a", "kgo:meetsWith", "rdfs:label", "nope:x", "=", "!=", "<", ">",
            "&&", "||", "REGEX(", "STR(", "LANG(", "xsd:integer(", "IRI(", "STRDT(", "NOW()",
            "RAND()", "SUBSTR(", "REPLACE(", "^^", "@en", "#", "\n", "1e99999", "-0",
            "99999999999999999999999999", "0x10", "true", "\"\"\"", "'", "\"", "\\", "\\u0000",
            "\x00", "\ufeff", "\u202e", "<>", "<http://a b>", "<../x>", "<javascript:x>",
            "_:b", "[]", "?", "$"]
fragments = st.sampled_from(KEYWORDS) | st.text(st.characters(codec="utf-8"), max_size=6)
near_sparql = st.lists(fragments, max_size=25).map(" ".join)
queries = near_sparql | st.text(max_size=200)


def _utf8(text: str) -> str:
    """Text as a command line can carry it: no NUL, no lone surrogates."""
    return text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


# ----------------------------------------------------------------------------- kg query


@fuzz(150)
@given(query=queries.map(_utf8), fmt=st.sampled_from(["table", "csv", "tsv", "json"]))
@example(query="SELECT * WHERE { ?s ?p ?o FILTER(REGEX(?o, '(((((a*)*)*)*)*)b')) }", fmt="csv")
@example(query="SELECT * WHERE { ?s ?p ?o } LIMIT 99999999999999999999999", fmt="table")
@example(query="CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3", fmt="json")
@example(query="SELECT (STRDT('x', <http://a b>) AS ?x) {}", fmt="json")
def test_fuzz_query_cli_answers_or_says_one_line(query: str, fmt: str) -> None:
    if not query.strip() or Path(query).exists():
        query = query + " ?"  # never a path to an existing file or folder
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(["query", "--format", fmt, "--", str(TINY), query])  # "--": "-x" is no option
    err = stderr.getvalue()
    assert "internal error" not in err and "Traceback" not in err, err
    if code == 0:
        assert err == ""
    else:
        assert code == 2, (code, err)
        assert err.startswith("kg: ") and err.count("\n") == 1, err


# ----------------------------------------------------------------------------- kg serve


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, int]]:
    srv = make_server(load_graph(TINY), port=0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield str(srv.server_address[0]), int(srv.server_address[1])
    srv.shutdown()
    srv.server_close()


def raw_request(address: tuple[str, int], request: bytes) -> tuple[int, bytes]:
    """Send raw bytes, read the answer to the end (the server closes after errors)."""
    with socket.create_connection(address, timeout=30) as sock:
        sock.sendall(request)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    answer = b"".join(chunks)
    if not answer:
        return 0, b""
    if not answer.startswith(b"HTTP/"):  # an HTTP/0.9-style reply: no status line, the body
        return 400, answer
    status_line, _, rest = answer.partition(b"\r\n")
    head, _, body = rest.partition(b"\r\n\r\n")
    return int(status_line.split(b" ")[1]), body


def check_answer(status: int, body: bytes, *, head: bool = False) -> None:
    """A 2xx, or a 4xx/503 whose body (none for HEAD) is one line; never a 5xx."""
    assert status != 0, "no answer"
    text = body.decode("utf-8", "replace")
    assert "Traceback" not in text and "Internal error" not in text, (status, text)
    # 503: too busy (documented); 501: a method HTTP does not know (BREW), as RFC 9110 says
    assert status < 500 or status in (501, 503), (status, text)
    if status >= 400 and not head:
        assert text.strip() and text.rstrip("\n").count("\n") == 0, text


PATHS = ["/sparql", "/", "/query", "/x", "//sparql", "/sparql/..", "/%00", "*",
         "/sparql?query", "/sparql?query=", "/sparql?format=", "/sparql?update=x"]
PARAM_NAMES = ["query", "format", "output", "default-graph-uri", "named-graph-uri", "update", "x",
               "query"]
CTYPES = ["application/sparql-query", "application/x-www-form-urlencoded",
          "application/sparql-update", "text/plain", "", "multipart/form-data; boundary=x",
          "application/sparql-query; charset=latin-1", "\x00"]
LENGTHS = ["", "abc", "-1", "1e3", "99999999999999999999", " 5", "0x10", "5, 5", "nan"]


@st.composite
def http_requests(draw: st.DrawFn) -> bytes:
    """A raw HTTP/1.1 request: random verb, path, parameters, headers and body."""
    verb = draw(st.sampled_from(["GET", "POST", "HEAD", "PUT", "OPTIONS", "DELETE", "BREW"]))
    params = draw(st.lists(st.tuples(st.sampled_from(PARAM_NAMES), queries), max_size=3))
    path = draw(st.sampled_from(PATHS))
    if params:
        sep = "&" if "?" in path else "?"
        path += sep + "&".join(f"{k}={quote(v.encode('utf-8', 'surrogatepass'))}"
                               for k, v in params)
    body = draw(st.binary(max_size=300) | near_sparql.map(lambda q: q.encode("utf-8")))
    headers = ["Host: 127.0.0.1"]
    if draw(st.booleans()):
        headers.append(f"Content-Type: {draw(st.sampled_from(CTYPES))}")
    accept = draw(st.none() | st.sampled_from(["*/*", "text/csv;q=x", "application/json;q=0",
                                               "text/turtle", ",,;", "application/rdf+xml"]))
    if accept is not None:
        headers.append(f"Accept: {accept}")
    length = draw(st.sampled_from([str(len(body))] * 4 + LENGTHS))
    headers.append(f"Content-Length: {length}")
    head = f"{verb} {path} HTTP/1.1\r\n" + "\r\n".join(headers) + "\r\nConnection: close\r\n\r\n"
    return head.encode("latin-1", "replace") + body


@fuzz(150)
@given(request=http_requests())
@example(request=b"POST /sparql HTTP/1.1\r\nContent-Length: abc\r\n"
                 b"Content-Type: application/sparql-query\r\n\r\nASK {}")
@example(request=b"GET /sparql?query=" + quote("SELECT * { ?s ?p ?o } LIMIT 1").encode()
                 + b"&format=csv HTTP/1.1\r\nAccept: text/csv;q=x\r\n\r\n")
@example(request=b"GET /sparql HTTP/9\r\n\r\n")
@example(request=b"GET /sparql HTTP/1.1 x\r\n\r\n")
@example(request=b"BREW /sparql HTTP/1.1\r\n\r\n")
@example(request=b"GET /sparql?query=ASK%7B%7D&default-graph-uri=%3Chttp:/a%20b%3E HTTP/1.1"
                 b"\r\n\r\n")
def test_fuzz_serve_answers_4xx_with_one_line_never_500(server, request: bytes) -> None:
    check_answer(*raw_request(server, request), head=request.startswith(b"HEAD "))


@fuzz(40)
@given(body=st.binary(max_size=2000))
def test_fuzz_serve_random_post_bodies(server, body: bytes) -> None:
    for ctype in ("application/sparql-query", "application/x-www-form-urlencoded"):
        request = (f"POST /sparql HTTP/1.1\r\nContent-Type: {ctype}\r\n"
                   f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
        check_answer(*raw_request(server, request))


def test_fuzz_serve_still_answers_after_the_fuzzing(server) -> None:
    status, body = raw_request(server, b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\n"
                                       b"Connection: close\r\n\r\n")
    assert status == 200 and b"true" in body.lower()


# ----------------------------------------------------------------------------- graph files

TURTLE_PIECES = ["@prefix", "kg:", "<http://a>", "<>", "<a b>", '"x"', '"""', "'", "@en", "^^",
                 "xsd:int", "_:b", "[", "]", "(", ")", ".", ";", ",", "a", "{", "}", "GRAPH",
                 "\\u0000", "\\", "\n", " ", "1e9", "#", "\ufeff", "\x00", "<<", ">>"]
graph_texts = st.lists(st.sampled_from(TURTLE_PIECES) | st.text(max_size=5), max_size=60).map(
    "".join)


@fuzz(100)
@given(data=st.binary(max_size=500) | graph_texts.map(lambda t: t.encode("utf-8")),
       suffix=st.sampled_from([".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf", ".owl"]))
def test_fuzz_query_graph_file_loads_or_says_one_line(tmp_path_factory, data: bytes,
                                                      suffix: str) -> None:
    from kg.errors import GraphFileError

    path = tmp_path_factory.getbasetemp() / f"fuzz-graph{suffix}"
    path.write_bytes(data)
    try:
        load_graph(path)
    except GraphFileError as error:
        assert "\n" not in str(error) and str(path) in str(error), str(error)
