"""``kg serve`` limits: time, rows, queries at once (a real server, a real HTTP client).

The server is ``kg serve`` started as a subprocess on 127.0.0.1 over the seeds'
graph with small limits (``--timeout 2 --workers 2 --max-rows 3 --queue-wait
0.3``). The hostile query is the cartesian product of the whole graph with itself
three times, which Oxigraph would count for hours.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from tests.serving import kg_serve

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SIMPLE = "SELECT ?a WHERE { ?a a kgo:Country } ORDER BY ?a"
TIMEOUT = 2.0


@contextlib.contextmanager
def serving(graph: Path, *options: str) -> Iterator[tuple[str, psutil.Process]]:
    """``kg serve GRAPH --port 0 OPTIONS``: (query URL, the server process)."""
    with kg_serve(graph, *options) as (url, process):
        yield url, psutil.Process(process.pid)


def ask(url: str, query: str, accept: str = "text/csv", timeout: float = 30
        ) -> tuple[int, dict[str, str], str, float]:
    """POST ``query``: (status, headers, body, seconds taken)."""
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=data, headers={"Accept": accept})
    start = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, headers, body = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, dict(error.headers), error.read()
    return status, headers, body.decode(), time.monotonic() - start


def in_background(url: str, query: str) -> tuple[threading.Thread, list]:
    """Send ``query`` from a thread; its answer lands in the returned list."""
    answers: list = []
    thread = threading.Thread(target=lambda: answers.append(ask(url, query)), daemon=True)
    thread.start()
    return thread, answers


def busy_workers(server: psutil.Process, seconds: float = 1.0) -> list[tuple[int, float]]:
    """(pid, CPU %) of the server's worker processes using over 20 % of a core."""
    children = server.children()
    for child in children:
        child.cpu_percent(None)
    time.sleep(seconds)
    found = []
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            percent = child.cpu_percent(None)
            if percent > 20:
                found.append((child.pid, percent))
    return found


@pytest.fixture(scope="module")
def graph_file(seeds_build) -> Path:
    _summary, out = seeds_build
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def limited(graph_file: Path) -> Iterator[tuple[str, psutil.Process]]:
    with serving(graph_file, "--timeout", str(TIMEOUT), "--workers", "2", "--max-rows", "3",
                 "--queue-wait", "0.3") as found:
        yield found


def test_cartesian_query_times_out_and_frees_its_cpu(limited):
    url, server = limited
    workers_before = {p.pid for p in server.children()}
    assert len(workers_before) == 2
    thread, answers = in_background(url, CARTESIAN)
    time.sleep(0.5)
    assert busy_workers(server, 0.5), "the cartesian query should be burning a core"
    # While it runs, a simple query is answered by the other worker.
    status, _headers, body, simple_seconds = ask(url, "ASK { ?a a kgo:Country }", "text/csv")
    assert status == 200 and body.strip() == "true"
    print(f"simple query during the hostile one: {simple_seconds:.3f} s")
    assert simple_seconds < 3
    thread.join(TIMEOUT + 10)
    status, headers, body, seconds = answers[0]
    print(f"cartesian query answered in {seconds:.2f} s: {status} {body.strip()}")
    assert status == 503
    assert "timed out after 2 s" in body and "Retry-After" not in headers
    assert headers["Content-Type"].startswith("text/plain")
    assert seconds < TIMEOUT + 5
    # Its worker was killed and replaced; no process of the server burns CPU any more.
    workers_after = {p.pid for p in server.children()}
    assert len(workers_after) == 2 and workers_after != workers_before
    assert not psutil.pid_exists(min(workers_before - workers_after))
    assert busy_workers(server) == []
    assert server.cpu_percent(1.0) < 20
    # And the endpoint still answers.
    assert ask(url, SIMPLE)[0] == 200


def test_rows_over_the_cap_are_truncated_with_a_header(limited):
    url, _server = limited
    status, headers, body, _ = ask(url, SIMPLE)
    assert status == 200
    assert headers.get("X-SPARQL-MaxRows") == "3"
    assert body.splitlines()[0] == "a" and len(body.splitlines()) == 4
    status, headers, body, _ = ask(url, SIMPLE + " LIMIT 3")
    assert status == 200 and "X-SPARQL-MaxRows" not in headers
    assert len(body.splitlines()) == 4
    graph = "CONSTRUCT { ?a a kgo:Country } WHERE { ?a a kgo:Country }"
    status, headers, body, _ = ask(url, graph, "application/n-triples")
    assert status == 200 and headers.get("X-SPARQL-MaxRows") == "3"
    assert len(body.splitlines()) == 3


@pytest.mark.parametrize("accept", ["application/sparql-results+json",
                                    "application/sparql-results+xml",
                                    "text/tab-separated-values"])
def test_truncated_answers_keep_their_format(limited, accept: str):
    url, _server = limited
    status, headers, body, _ = ask(url, "SELECT ?a ?label WHERE { ?a rdfs:label ?label }", accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    assert headers.get("X-SPARQL-MaxRows") == "3"
    assert body.count("https://w3id.org/newskg/") == 3


def test_all_workers_busy_is_503_with_retry_after(limited):
    url, server = limited
    hostile = [in_background(url, CARTESIAN) for _ in range(2)]
    time.sleep(0.5)
    status, headers, body, seconds = ask(url, SIMPLE)
    assert status == 503
    assert "busy" in body and headers["Content-Type"].startswith("text/plain")
    assert 1 <= int(headers["Retry-After"]) <= TIMEOUT
    assert seconds < 0.3 + 1.5  # waited --queue-wait, not the query's time
    for thread, answers in hostile:
        thread.join(TIMEOUT + 10)
        assert answers[0][0] == 503 and "timed out" in answers[0][2]
    time.sleep(0.2)
    assert ask(url, SIMPLE + " LIMIT 1")[0] == 200
    assert busy_workers(server) == []


@pytest.mark.parametrize("option, value", [("--timeout", "0"), ("--timeout", "soon"),
                                           ("--workers", "0"), ("--max-rows", "-1")])
def test_bad_limit_is_one_line_error(option: str, value: str):
    done = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "x.ttl", option, value],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    last = done.stderr.strip().splitlines()[-1]
    assert f"{option} must be" in last and ("[E062]" in last or "[E084]" in last)


def test_load_script_runs_small(graph_file: Path, tmp_path: Path):
    """benchmarks/load.py with tiny numbers: every healthy answer right, the hostile one stopped."""
    import json

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "load.py"
    report = tmp_path / "load.json"
    done = subprocess.run(
        [sys.executable, str(script), str(graph_file), "--clients", "3", "--hostile", "1",
         "--requests", "40", "--timeout", "1", "--max-seconds", "30", "--json", str(report)],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(report.read_text())
    assert found["problems"] == [] and found["not_sent"] == 0
    answers = found["answers"]
    assert answers.get("hostile:timeout", 0) >= 1
    healthy = sum(n for key, n in answers.items() if not key.startswith(("hostile", "malformed")))
    assert healthy + answers.get("malformed:bad-request", 0) == 40
    assert not any(key.endswith(("wrong", "5xx")) for key in answers)
