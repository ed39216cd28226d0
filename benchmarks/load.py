"""Load test of ``kg serve``: concurrent clients, hostile queries, every answer checked.

Starts ``kg serve GRAPH`` on 127.0.0.1 (loopback only, any free port) with the
given limits, then runs ``--clients`` client threads:

* ``--hostile`` of them send only the cartesian query ``SELECT (COUNT(*) AS ?n)
  WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }``, back to back, for the whole run:
  each one holds a worker until the server's ``--timeout`` kills it;
* the others share ``--requests`` healthy requests (a fixed, seeded mix): the
  named queries, entity lookups (``SELECT ?p ?o WHERE { <e> ?p ?o }``), CONSTRUCTs
  of an entity's triples (as N-Triples), and malformed queries (10 %) that must
  get ``400``.

Every ``200`` answer is compared with what ``kg query``'s engine
(:func:`kg.sparql.run_query`) gives on the same graph, rows as multisets (blank
node labels ignored). It reports throughput, latency percentiles of the healthy
queries (answered while the hostile ones run), and answers by kind; afterwards it
checks that no server process still burns CPU. Exit status 1 if a healthy query
was lost or wrong, a 5xx other than the documented 503s came back, or the healthy
p95 is 1 s or more; 2 on a bad option.

Bounded in count and time: ``--requests`` healthy requests, and the whole run
stops after ``--max-seconds`` (unsent requests are reported as not sent).

    .venv/bin/python benchmarks/load.py OUT/graph.ttl                 # 16 clients, 2,000 requests
    .venv/bin/python benchmarks/load.py OUT/graph.ttl --clients 4 --requests 50 --hostile 1
"""

from __future__ import annotations

import argparse
import json
import random
import selectors
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

HOSTILE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
MALFORMED = [
    "SELECT ?x WHERE { ?x ?y }",
    "SELEC ?x WHERE { ?x ?y ?z }",
    "SELECT ?x WHERE { ?x nope:p ?z }",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "SELECT ?x WHERE { ?x ?y ?z ",
]
ENTITY_TYPES = ("kgo:Person", "kgo:Country", "kgo:Organization", "kgo:Location")


def _percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def _text(term: Any) -> str:
    """A term as text to compare: IRIs and literals by value, every blank node alike."""
    name = type(term).__name__
    if term is None:
        return ""
    if name in ("BNode", "BlankNode"):
        return "_:"
    if type(term).__module__.startswith("rdflib"):
        return str(term)  # URIRef: the IRI; Literal: its lexical form
    return str(term.value)  # pyoxigraph's NamedNode and Literal


def make_requests(graph_file: Path, count: int, seed: int) -> list[dict[str, Any]]:
    """The healthy mix: ``count`` requests, each with the answer ``kg query`` gives."""
    from kg.sparql import list_queries, read_query, run_query
    from kg.store.load import load_graph

    graph = load_graph(graph_file)
    pool: list[dict[str, Any]] = []

    def add(kind: str, query: str, accept: str) -> None:
        result = run_query(graph, query)
        if result.kind == "ASK":
            expected: Any = result.boolean
        else:
            expected = sorted(tuple(_text(t) for t in row) for row in result.rows)
        pool.append({"kind": kind, "query": query, "accept": accept, "expected": expected})

    for name, _title, _description in list_queries():
        add("named", read_query(name), "application/sparql-results+json")
    types = " ".join(ENTITY_TYPES)
    entities = run_query(graph, f"SELECT DISTINCT ?e WHERE {{ VALUES ?t {{ {types} }} ?e a ?t }}")
    for row in sorted(entities.text_rows())[:60]:
        add("lookup", f"SELECT ?p ?o WHERE {{ <{row[0]}> ?p ?o }}",
            "application/sparql-results+json")
    for row in sorted(entities.text_rows())[:20]:
        add("construct", f"CONSTRUCT {{ <{row[0]}> ?p ?o }} WHERE {{ <{row[0]}> ?p ?o }}",
            "application/n-triples")
    add("ask", "ASK { ?a kgo:meetsWith ?b }", "application/sparql-results+json")
    rng = random.Random(seed)
    chosen = []
    for _ in range(count):
        if rng.random() < 0.1:
            chosen.append({"kind": "malformed", "query": rng.choice(MALFORMED),
                           "accept": "application/sparql-results+json", "expected": None})
        else:
            chosen.append(rng.choice(pool))
    return chosen


def answer_of(request: dict[str, Any], body: bytes) -> Any:
    """What the server answered, in the form of ``request['expected']``."""
    import pyoxigraph as ox

    if request["accept"] == "application/n-triples":
        triples = ox.parse(body, format=ox.RdfFormat.N_TRIPLES)
        return sorted(tuple(_text(t) for t in (q.subject, q.predicate, q.object))
                      for q in triples)
    document = json.loads(body)
    if "boolean" in document:
        return document["boolean"]
    names = document["head"]["vars"]
    return sorted(tuple(_bound(b.get(n)) for n in names) for b in document["results"]["bindings"])


def _bound(binding: dict[str, str] | None) -> str:
    if binding is None:
        return ""
    return "_:" if binding["type"] == "bnode" else binding["value"]


def send(url: str, query: str, accept: str, timeout: float) -> tuple[int, dict[str, str], bytes]:
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=data, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def classify(request: dict[str, Any] | None, status: int, headers: dict[str, str],
             body: bytes) -> str:
    """One word for an answer: ok, wrong, bad-request, timeout, busy, 5xx, unexpected."""
    if status == 200:
        if request is None:
            return "unexpected"  # a hostile query that finished: the timeout did not bite
        return "ok" if answer_of(request, body) == request["expected"] else "wrong"
    if status == 503:
        return "busy" if "Retry-After" in headers else "timeout"
    if status in (400, 403):
        return "bad-request"
    return "5xx" if status >= 500 else f"status-{status}"


def start_server(graph: Path, options: list[str]) -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, "-m", "kg.cli", "serve", str(graph), "--host", "127.0.0.1",
               "--port", "0", *options]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    assert process.stderr is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stderr, selectors.EVENT_READ)
    line, deadline = "", time.monotonic() + 120
    while "serving" not in line and time.monotonic() < deadline:
        if not selector.select(timeout=deadline - time.monotonic()):
            break
        line = process.stderr.readline()
        if not line and process.poll() is not None:
            break
    if "serving" not in line:
        process.kill()
        raise SystemExit(f"load: kg serve did not start: {line.strip()}")
    return process, line.split(" at ", 1)[1].split()[0]


def run(args: argparse.Namespace) -> dict[str, Any]:
    requests = make_requests(args.graph, args.requests, args.seed)
    options = ["--timeout", str(args.timeout), "--workers", str(args.workers),
               "--queue-wait", str(args.queue_wait)]
    server, url = start_server(args.graph, options)
    lock = threading.Lock()
    todo = list(reversed(requests))
    kinds: Counter[str] = Counter()
    latencies: dict[str, list[float]] = {"healthy": [], "hostile": [], "malformed": []}
    wrong: list[str] = []
    done = threading.Event()
    start = time.monotonic()
    stop_at = start + args.max_seconds

    def healthy_client() -> None:
        while time.monotonic() < stop_at:
            with lock:
                if not todo:
                    return
                request = todo.pop()
            began = time.monotonic()
            try:
                status, headers, body = send(url, request["query"], request["accept"],
                                             args.timeout + 30)
                kind = classify(request, status, headers, body)
            except OSError as error:
                kind = f"transport-{type(error).__name__}"
            took = time.monotonic() - began
            with lock:
                kinds[f"{request['kind']}:{kind}"] += 1
                bucket = "malformed" if request["kind"] == "malformed" else "healthy"
                latencies[bucket].append(took)
                if kind == "wrong" and len(wrong) < 5:
                    wrong.append(request["query"])

    def hostile_client() -> None:
        while not done.is_set() and time.monotonic() < stop_at:
            began = time.monotonic()
            try:
                status, headers, body = send(url, HOSTILE, "application/sparql-results+json",
                                             args.timeout + 30)
                kind = classify(None, status, headers, body)
            except OSError as error:
                kind = f"transport-{type(error).__name__}"
            with lock:
                kinds[f"hostile:{kind}"] += 1
                latencies["hostile"].append(time.monotonic() - began)

    hostile = [threading.Thread(target=hostile_client, daemon=True) for _ in range(args.hostile)]
    healthy = [threading.Thread(target=healthy_client, daemon=True)
               for _ in range(args.clients - args.hostile)]
    server_ps = psutil.Process(server.pid)
    try:
        for thread in hostile:
            thread.start()
        time.sleep(0.3)  # the hostile queries are running before the first healthy one
        for thread in healthy:
            thread.start()
        for thread in healthy:
            thread.join()
        healthy_seconds = time.monotonic() - start
        done.set()
        for thread in hostile:
            thread.join(args.timeout + 35)
        wall = time.monotonic() - start
        time.sleep(0.5)
        tree = [server_ps, *server_ps.children(recursive=True)]
        for process in tree:
            process.cpu_percent(None)
        time.sleep(1.0)
        cpu_after = sum(p.cpu_percent(None) for p in tree if p.is_running())
    finally:
        server.terminate()
        server.wait(10)
    sent = sum(kinds.values())
    healthy_lat = latencies["healthy"]
    return {
        "graph": str(args.graph), "clients": args.clients, "hostile_clients": args.hostile,
        "workers": args.workers, "timeout_s": args.timeout, "queue_wait_s": args.queue_wait,
        "requests_sent": sent, "not_sent": len(todo), "wall_s": round(wall, 2),
        "healthy_phase_s": round(healthy_seconds, 2),
        "throughput_rps": round(sent / wall, 1),
        "healthy_phase_rps": round((len(healthy_lat) + len(latencies["malformed"]))
                                   / healthy_seconds, 1),
        "healthy": {f"p{p}_ms": round(1000 * _percentile(healthy_lat, p), 1)
                    for p in (50, 95, 99, 100)} | {"n": len(healthy_lat)},
        "hostile_answer_s": {"p50": round(_percentile(latencies["hostile"], 50), 2),
                             "max": round(max(latencies["hostile"], default=0.0), 2)},
        "answers": dict(sorted(kinds.items())), "wrong_examples": wrong,
        "server_cpu_after_pct": round(cpu_after, 1),
    }


def verdict(report: dict[str, Any]) -> list[str]:
    """What fails the run (empty: it passed)."""
    problems = []
    answers = report["answers"]
    for key, n in answers.items():
        source, kind = key.split(":", 1)
        if kind in ("wrong", "5xx", "unexpected") or kind.startswith(("transport", "status")):
            problems.append(f"{n} x {key}")
        if source != "malformed" and source != "hostile" and kind != "ok":
            problems.append(f"{n} healthy answers lost as {kind}")
        if source == "malformed" and kind != "bad-request":
            problems.append(f"{n} malformed queries answered {kind}")
    if report["not_sent"]:
        problems.append(f"{report['not_sent']} requests not sent within --max-seconds")
    if report["healthy"]["p95_ms"] >= 1000:
        problems.append(f"healthy p95 {report['healthy']['p95_ms']} ms >= 1 s")
    if report["server_cpu_after_pct"] > 25:
        problems.append(f"server still using {report['server_cpu_after_pct']} % CPU after")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path, help="graph file kg serve loads (e.g. out/graph.ttl)")
    parser.add_argument("--clients", type=int, default=16, help="client threads (default 16)")
    parser.add_argument("--hostile", type=int, default=2,
                        help="of them, clients sending only the cartesian query (default 2)")
    parser.add_argument("--requests", type=int, default=2000,
                        help="healthy and malformed requests in all (default 2000)")
    parser.add_argument("--workers", type=int, default=4, help="kg serve --workers (default 4)")
    parser.add_argument("--timeout", type=float, default=2.0, help="kg serve --timeout (default 2)")
    parser.add_argument("--queue-wait", type=float, default=2.0,
                        help="kg serve --queue-wait (default 2)")
    parser.add_argument("--max-seconds", type=float, default=300.0,
                        help="stop sending after this long (default 300)")
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    if not args.graph.is_file():
        parser.error(f"no graph file {args.graph}; build one with kg build -o OUT")
    if not 0 <= args.hostile < args.clients or args.requests < 1:
        parser.error("need 0 <= --hostile < --clients and --requests >= 1")
    report = run(args)
    problems = verdict(report)
    report["problems"] = problems
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print("load: " + ("PASS" if not problems else "FAIL: " + "; ".join(problems)), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
