"""The ``kg`` command: thin subcommands over the library.

Every error kg expects (a bad path, a bad query, a missing model) is printed as
one line on stderr with no traceback, ``kg: <message> [E0xx]``; the messages and
their codes are the table of :mod:`kg.errors`, and :func:`_say` adds the ``kg: ``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence

from kg.errors import BuildInterrupted, Errors, InputError, KGError

EPILOG_BUILD = """example:
  kg build                              # seeds/ -> out/graph.ttl, out/graph.html
  kg build articles/ extra.html -o out/ --processes 2
  kg build articles/ --store kg-store/  # again later: only new or changed articles are parsed
  kg build articles/ --merge-report out/merges.tsv  # and which names became one node, why
  kg build articles/ --cluster tcp://10.0.0.5:8786   # parse on a Dask cluster"""
EPILOG_QUERY = """example:
  kg query out/graph.ttl "SELECT ?a ?b WHERE { ?a kgo:meetsWith ?b }"
  kg query out/graph.ttl ontology/queries/who-hosted-what.rq --format csv
  kg query kg-store/ who-met-whom         # the graph of a kg build --store folder
  kg query --list"""
EPILOG_EXPLAIN = """example:
  kg explain seeds/000_00e312ede173199d.txt
  kg explain seeds/000_00e312ede173199d.txt --why-not 'Syria demands Withdrawal'
  kg explain --rules                    # every extraction rule: id, family, confidence"""
EPILOG_ENTITIES = """example:
  kg entities out/graph.ttl --top 10
  kg entities out/graph.ttl --type Person,Organization --format tsv > entities.tsv
  kg entities kg-store/ --type person --format json"""
EPILOG_EVENTS = """example:
  kg events out/graph.ttl --top 10
  kg events out/graph.ttl --type Meeting --format tsv > meetings.tsv
  kg events kg-store/ --type meeting,agreement --format json"""
EPILOG_VALIDATE = """example:
  kg validate out/graph.ttl"""


def _cmd_build(args: argparse.Namespace) -> int:
    from kg.pipeline import build

    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    with _sigterm_as_interrupt():
        summary = build(
            args.inputs or ["seeds"],
            args.output,
            model=args.model,
            processes=args.processes,
            batch_size=args.batch_size,
            formats=formats,
            progress=not args.quiet,
            on_skip=_say,
            store=args.store,
            merge_report=args.merge_report,
            metadata=args.metadata,
            cluster=args.cluster,
        )
    if not args.quiet:
        n = summary.articles
        counts = f"{n} article{'s' if n != 1 else ''}"
        if summary.store is not None:
            changed = summary.cache_discarded
            reset = f"; cache discarded: {changed} changed" if changed else ""
            counts += (
                f" ({summary.parsed} parsed, {summary.from_store} from store, "
                f"{summary.removed} removed{reset})"
            )
        print(
            f"kg: {counts}, {summary.entities} entities, {summary.events} events, "
            f"{summary.relations} relations in {summary.seconds:.1f} s -> "
            f"{', '.join(summary.outputs)}"
        )
    return 0


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Treat SIGTERM (plain ``kill``) like Ctrl-C, so a build stops the same clean way."""
    try:
        previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    except ValueError:  # not the main thread: signals cannot be handled here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


def _say(message: str) -> None:
    """Print a library message (an error or a warning) as the one line ``kg: message`` on stderr."""
    print(f"kg: {message}", file=sys.stderr)


def _cmd_query(args: argparse.Namespace) -> int:
    from kg.sparql import format_result, list_queries, read_query, run_query
    from kg.store.load import load_graph

    if args.list:
        for name, title, _description in list_queries():
            print(f"{name:28} {title}")
        return 0
    if not args.graph or not args.query:
        raise InputError(Errors.E038)
    result = run_query(load_graph(args.graph), read_query(args.query), timeout=args.timeout)
    text = format_result(result, args.format)
    print(text, end="" if text.endswith("\n") else "\n")
    return 0


def _cmd_entities(args: argparse.Namespace) -> int:
    from kg.entities import format_entities, list_entities

    rows = list_entities(args.graph, types=args.type, top=args.top)
    print(format_entities(rows, args.format))
    return 0


def _cmd_events(args: argparse.Namespace) -> int:
    from kg.events import format_events, list_events

    rows = list_events(args.graph, types=args.type, top=args.top)
    print(format_events(rows, args.format))
    return 0


def _listing_arguments(p: argparse.ArgumentParser, types: str, most: str) -> None:
    """The arguments of a listing command (kg entities, kg events): graph, filters, format."""
    p.add_argument("graph", help="graph file (.ttl, .nt, .trig, .nq, .jsonld) or a --store folder")
    p.add_argument(
        "--type",
        action="append",
        default=[],
        metavar="TYPE",
        help=f"only this type ({types}; any case; repeat it or separate with commas)",
    )
    p.add_argument("--top", type=int, metavar="N", help=f"only the N {most}")
    p.add_argument("--format", default="table", choices=["table", "tsv", "json"])


def _cmd_validate(args: argparse.Namespace) -> int:
    from kg.shacl import validate

    report = validate(args.graph)
    if report.conforms:
        if not args.quiet:
            print(f"kg: {args.graph} conforms to the kg shapes")
        return 0
    print(report.text, file=sys.stderr)
    print(f"kg: {args.graph} has {report.violations} SHACL violation(s)", file=sys.stderr)
    return 1


def _cmd_export(args: argparse.Namespace) -> int:
    from kg.export import export, resolve_format
    from kg.store.load import load_graph

    resolve_format(args.format)  # an unknown format fails before a large graph is read
    path = export(load_graph(args.graph), args.format, args.output)
    if not args.quiet:
        print(f"kg: {args.graph} -> {path} ({args.format})")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from kg.serve import make_server
    from kg.store.load import load_graph

    server = make_server(load_graph(args.graph), args.host, args.port, verbose=args.verbose,
                         timeout=args.timeout, max_rows=args.max_rows, workers=args.workers,
                         queue_wait=args.queue_wait)
    print(
        f"kg: serving {args.graph} read-only at {server.url} (Ctrl-C stops)",
        file=sys.stderr,
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("kg: server stopped", file=sys.stderr)
    finally:
        server.server_close()
    return 0


def _cmd_explain(args: argparse.Namespace) -> int:
    if args.rules:
        from kg.extract.rules import describe_rules

        print("\n".join(describe_rules()))
        return 0
    if args.article is None:
        from kg.errors import InputError

        raise InputError("kg explain: give one article file (or --rules to list the rules)")
    from kg.explain import explain

    explanation = explain(args.article, model=args.model)
    if args.why_not:
        print("\n".join(explanation.why_not(args.why_not)))
        return 0
    facts = explanation.facts()
    for fact in facts:
        print(fact)
    print(f"kg: {len(facts)} facts in {args.article}")
    return 0


def _seconds(option: str) -> Callable[[str], float]:
    """An argparse type: a positive number of seconds, else a one-line E062 error."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = float("nan")
        if not value > 0 or value == float("inf"):
            raise argparse.ArgumentTypeError(Errors.E062.format(option=option, value=text))
        return value

    return parse


def _count(option: str) -> Callable[[str], int]:
    """An argparse type: an integer of at least 1, else a one-line E084 error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = 0
        if value < 1:
            raise argparse.ArgumentTypeError(Errors.E084.format(option=option, value=text))
        return value

    return parse


def make_parser() -> argparse.ArgumentParser:
    """The argument parser of ``kg`` and its subcommands."""
    from kg.pipeline import DEFAULT_BATCH_SIZE, DEFAULT_FORMATS, DEFAULT_MODEL

    parser = argparse.ArgumentParser(
        prog="kg", description="Build and query knowledge graphs of news articles."
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "build",
        help="build the graph of some articles",
        epilog=EPILOG_BUILD,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Read articles (.txt, .md, .html; folders recursively), extract entities, "
        "events and relations, and write out/graph.ttl and out/graph.html.",
    )
    p.add_argument("inputs", nargs="*", help="files or folders (default: seeds)")
    p.add_argument("-o", "--output", default="out", help="output folder (default: out)")
    p.add_argument(
        "--model", default=DEFAULT_MODEL, help=f"spaCy pipeline (default: {DEFAULT_MODEL})"
    )
    p.add_argument(
        "--processes", type=int, default=1, help="worker processes for parsing (default: 1)"
    )
    p.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="articles per batch")
    p.add_argument(
        "--formats",
        default=",".join(DEFAULT_FORMATS),
        help=f"comma-separated output formats (default: {','.join(DEFAULT_FORMATS)})",
    )
    p.add_argument(
        "--store",
        metavar="DIR",
        help="keep parsed articles and the graph in DIR; later builds parse only new or "
        "changed articles and drop deleted ones (same output as a full build)",
    )
    p.add_argument(
        "--merge-report",
        metavar="PATH",
        help="also write a TSV of every cross-article merge (the names merged, the node they "
        "joined, the reason, the articles, an example sentence per side) to PATH",
    )
    p.add_argument(
        "--metadata",
        metavar="FILE",
        help="a CSV or TSV with a 'file' column and any of date, title, publisher: the "
        "articles' publication dates (which resolve 'on Tuesday'), titles and publishers",
    )
    p.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="parse on a Dask cluster: the address of a running dask scheduler "
        "(tcp://HOST:PORT; its workers need newskg installed) or local:N (N worker processes "
        "here); same outputs as a local build (pip install 'newskg[cluster]')",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser(
        "query",
        help="run a SPARQL query over a graph file",
        epilog=EPILOG_QUERY,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Run a SPARQL query (a string, a .rq file, or a named query) over a graph "
        "file. The kg prefixes (kg:, kgo:, rdfs:, prov:, ...) are predeclared.",
    )
    p.add_argument(
        "graph", nargs="?", help="graph file (.ttl, .nt, .trig, .nq, .jsonld) or a --store folder"
    )
    p.add_argument("query", nargs="?", help="SPARQL text, a .rq file, or a named query")
    p.add_argument("--format", default="table", choices=["table", "csv", "tsv", "json"])
    p.add_argument("--list", action="store_true", help="list the named queries")
    p.add_argument(
        "--timeout", type=_seconds("--timeout"), default=None, metavar="SECONDS",
        help="stop the query after SECONDS (it runs in a child process that is killed, so its "
        "CPU is freed) and exit 2 with a one-line error (default: no limit)",
    )
    p.set_defaults(func=_cmd_query)

    p = sub.add_parser(
        "entities",
        help="list the entities of a graph with their names and article counts",
        epilog=EPILOG_ENTITIES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="List each entity (country, person, organisation, place) with its type, "
        "canonical name, how many articles mention it and its other names, most-mentioned "
        "first: the rows of the named query 'entities', filtered.",
    )
    _listing_arguments(p, "Country, Location, Organization, Person", "most-mentioned")
    p.set_defaults(func=_cmd_entities)

    p = sub.add_parser(
        "events",
        help="list the events of a graph with the articles that report them",
        epilog=EPILOG_EVENTS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="List each event with its type, label, date, place, participants and "
        "how many articles report it, and per reporting article its file and the words it "
        "names the event with; most-reported first, then by date: the rows of the named "
        "queries 'events-timeline' and 'event-reports'.",
    )
    _listing_arguments(p, "Meeting, Withdrawal, Agreement, ...", "most-reported")
    p.set_defaults(func=_cmd_events)

    p = sub.add_parser(
        "validate",
        help="check a graph against the SHACL shapes",
        epilog=EPILOG_VALIDATE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Validate a graph file with ontology/shapes.ttl; exit 1 on violations.",
    )
    p.add_argument("graph", help="graph file")
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser(
        "explain",
        help="show each fact of one article and how it was found",
        epilog=EPILOG_EXPLAIN,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Run the pipeline on one article and print every fact with its sentence, "
        "the rule that produced it and its confidence; with --why-not, say which "
        "stage dropped or never found a fact.",
    )
    p.add_argument("article", nargs="?", help="one article file (.txt, .md, .html)")
    p.add_argument(
        "--rules",
        action="store_true",
        help="list the extraction rules (id, family, confidence, description) and exit",
    )
    p.add_argument(
        "--why-not",
        metavar="FACT",
        help='a fact "Subject relation Object", e.g. "Syria demands Withdrawal"',
    )
    p.add_argument(
        "--model", default=DEFAULT_MODEL, help=f"spaCy pipeline (default: {DEFAULT_MODEL})"
    )
    p.set_defaults(func=_cmd_explain)

    p = sub.add_parser(
        "export",
        help="write a graph file in another format",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Convert a graph file (.ttl, .nt, .trig, .nq, .jsonld) to another format: "
        "turtle, ntriples, trig and nquads (named graphs kept), jsonld (with the "
        "context of ontology/context.jsonld), graphml (Gephi, Cytoscape), csv "
        "(one row per relation and evidence sentence), html.",
        epilog="example:\n  kg export out/graph.trig --format nquads -o out/graph.nq\n"
        "  kg export out/graph.ttl --format graphml -o out/graph.graphml",
    )
    p.add_argument("graph", help="graph file")
    p.add_argument(
        "--format",
        "-f",
        required=True,
        help="output format (turtle, ntriples, trig, nquads, jsonld, graphml, csv, "
        "html; aliases ttl, nt, nq)",
    )
    p.add_argument("-o", "--output", required=True, help="output file (written atomically)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser(
        "serve",
        help="answer SPARQL queries over HTTP (read-only)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Serve a graph file as a read-only SPARQL 1.1 Protocol endpoint at /sparql "
        "(GET and POST; results as JSON, XML, CSV or TSV by Accept header or "
        "format=). The kg prefixes are predeclared and the default graph is the "
        "union of all graphs, as in kg query. Updates are refused with 403. Each query runs "
        "in a worker process: one over --timeout is killed (503 'Query timed out'), answers "
        "over --max-rows are truncated (header X-SPARQL-MaxRows), and a request that finds "
        "every worker busy for --queue-wait gets 503 with Retry-After.",
        epilog="example:\n  kg serve out/graph.ttl --port 7878\n"
        "  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT ?a ?b WHERE "
        "{ ?a kgo:meetsWith ?b }' http://127.0.0.1:7878/sparql",
    )
    p.add_argument("graph", help="graph file")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="interface to listen on (default: 127.0.0.1, this machine only)",
    )
    p.add_argument(
        "--port", type=int, default=7878, help="TCP port (default: 7878; 0 picks a free one)"
    )
    p.add_argument(
        "--timeout", type=_seconds("--timeout"), default=30.0, metavar="SECONDS",
        help="stop a query after SECONDS: its worker process is killed (CPU freed) and the "
        "client gets 503 'Query timed out' (default: 30)",
    )
    p.add_argument(
        "--max-rows", type=_count("--max-rows"), default=100_000, metavar="N",
        help="truncate answers to their first N rows (triples for CONSTRUCT); a truncated "
        "answer carries the header X-SPARQL-MaxRows: N, as Virtuoso's (default: 100000)",
    )
    p.add_argument(
        "--workers", type=_count("--workers"), default=4, metavar="N",
        help="queries running at once, each in its own process (default: 4); a request that "
        "finds all busy waits up to --queue-wait, then gets 503 with Retry-After",
    )
    p.add_argument(
        "--queue-wait", type=_seconds("--queue-wait"), default=2.0, metavar="SECONDS",
        help="how long a request waits for a free worker (default: 2)",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="log each request on stderr")
    p.set_defaults(func=_cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``kg``; return the exit status."""
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KGError as err:
        _say(str(err))
        return err.exit_code
    except BuildInterrupted as err:
        _say(err.message)
        return 130
    except KeyboardInterrupt:
        print("kg: interrupted; earlier outputs are left as they were", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as err:  # last resort: one line, not a traceback
        if args.debug:
            raise
        print(
            f"kg: internal error: {type(err).__name__}: {err} (rerun with --debug for details)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
