"""Drive a private Virtuoso Open Source server: start, bulk-load, query over SPARQL, stop.

The server is Debian's ``virtuoso-t`` (``bash scripts/install-interop.sh``
installs it). It listens on loopback only, on two free ports (SQL/isql and
HTTP), with its database in a temporary folder that :meth:`Virtuoso.stop`
leaves for the caller to delete. Files are bulk-loaded with Virtuoso's own
loader (``ld_dir`` + ``rdf_loader_run``), and queries go to its SPARQL 1.1
Protocol endpoint over HTTP.

Usable from the command line to measure a graph file::

    python tests/interop/virtuoso.py out/graph.ttl [out/graph.trig]
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Self

INSTALL_HINT = "run `bash scripts/install-interop.sh .venv` (Debian virtuoso-opensource)"
SERVER = "virtuoso-t"
ISQL = "isql-vt"
#: The graph IRI a Turtle file is loaded into (and TriG triples outside a GRAPH block).
DEFAULT_GRAPH = "urn:kg:test:default"

_INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {dir}/virtuoso-temp.db
TransactionFile    = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:{sql_port}
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 8
CheckpointInterval       = 0
O_DIRECT                 = 0
CaseMode                 = 2
DirsAllowed              = ., {dir}, {data}
NumberOfBuffers          = 20000
MaxDirtyBuffers          = 15000
MaxQueryMem              = 1G
ThreadsPerQuery          = 2
AsyncQueueMaxThreads     = 4
VADInstallDir            = /usr/share/virtuoso-opensource-7/vad/

[HTTPServer]
ServerPort                  = 127.0.0.1:{http_port}
ServerRoot                  = {dir}
MaxClientConnections        = 4
ServerThreads               = 4
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
Charset                     = UTF-8

[SPARQL]
ResultSetMaxRows           = 10000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime      = 300
MaxSortedTopRows           = 10000000
"""


class VirtuosoError(RuntimeError):
    """Virtuoso is missing, did not start, or refused a load or a query."""


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def require_programs() -> None:
    """Fail (never skip) with the install command when Virtuoso's programs are missing."""
    missing = [name for name in (SERVER, ISQL) if shutil.which(name) is None]
    if missing:
        raise VirtuosoError(f"{', '.join(missing)} not found on PATH: {INSTALL_HINT}")


class Virtuoso:
    """One private Virtuoso server; use as a context manager or call :meth:`start`/:meth:`stop`.

    Args:
        data_dir: Folder of the files to load (Virtuoso only reads folders listed
            in its ``DirsAllowed``).
        workdir: Folder for the database; a new temporary folder if omitted.
    """

    def __init__(self, data_dir: Path, workdir: Path | None = None) -> None:
        require_programs()
        self.data_dir = Path(data_dir).resolve()
        self._own_workdir = workdir is None
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="kg-virtuoso-")).resolve()
        self.sql_port = free_port()
        self.http_port = free_port()
        while self.http_port == self.sql_port:
            self.http_port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    # ----------------------------------------------------------------- lifecycle
    @property
    def endpoint(self) -> str:
        """The server's SPARQL endpoint URL."""
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def log(self) -> str:
        """The server's log so far."""
        path = self.workdir / "virtuoso.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def start(self, timeout: float = 60.0) -> float:
        """Start the server and wait until SQL and HTTP answer; return the seconds it took."""
        t0 = time.perf_counter()
        self.workdir.mkdir(parents=True, exist_ok=True)
        ini = self.workdir / "virtuoso.ini"
        ini.write_text(_INI.format(dir=self.workdir, data=self.data_dir,
                                   sql_port=self.sql_port, http_port=self.http_port))
        self.process = subprocess.Popen(
            [SERVER, "+foreground", "+configfile", str(ini)], cwd=self.workdir,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise VirtuosoError(f"virtuoso-t exited with status {self.process.returncode}; "
                                    f"log:\n{self.log[-2000:]}")
            if "Server online at" in self.log and self._http_up():
                return time.perf_counter() - t0
            time.sleep(0.2)
        self.stop()
        raise VirtuosoError(
            f"virtuoso-t did not come up in {timeout:.0f} s; log:\n{self.log[-2000:]}"
        )

    def _http_up(self) -> bool:
        try:
            self.select("ASK { }")
            return True
        except (OSError, VirtuosoError):
            return False

    def stop(self) -> None:
        """Stop the server (gracefully, then by force) and delete a temporary database folder."""
        if self.process is not None and self.process.poll() is None:
            try:
                self.isql("shutdown;", timeout=30)
            except (VirtuosoError, subprocess.TimeoutExpired):
                pass
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.terminate()
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
        self.process = None
        if self._own_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()

    # ----------------------------------------------------------------- SQL
    def isql(self, sql: str, timeout: float = 300) -> str:
        """Run SQL statements through ``isql-vt``; raise on any error it reports."""
        result = subprocess.run(
            [ISQL, f"127.0.0.1:{self.sql_port}", "dba", "dba", "VERBOSE=OFF", "BANNER=OFF",
             "PROMPT=OFF", "ECHO=OFF", "ERRORS=STDOUT", f"exec={sql}"],
            capture_output=True, text=True, timeout=timeout, check=False,
        )
        output = result.stdout + result.stderr
        if result.returncode != 0 or "*** Error" in output:
            raise VirtuosoError(f"isql failed on {sql!r}: {output.strip()[:2000]}")
        return output

    def load(self, path: Path, graph: str = DEFAULT_GRAPH) -> float:
        """Bulk-load one RDF file (``.ttl``, ``.nt``, ``.trig``, ``.nq``) with Virtuoso's loader.

        Triples of a Turtle or N-Triples file go into ``graph``; TriG and N-Quads
        keep their own graph names. Returns the seconds the load took.

        Raises:
            VirtuosoError: The loader reported an error for the file.
        """
        path = Path(path).resolve()
        if path.parent != self.data_dir:
            raise VirtuosoError(f"{path} is not in the server's data folder {self.data_dir}")
        t0 = time.perf_counter()
        self.isql(
            f"ld_dir('{self.data_dir}', '{path.name}', '{graph}'); "
            "rdf_loader_run(); checkpoint;"
        )
        seconds = time.perf_counter() - t0
        state = self.isql(
            f"SELECT ll_state, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_file = '{path}';"
        )
        fields = state.split(None, 1)
        if not fields or fields[0] != "2" or fields[1].strip() != "NULL":
            raise VirtuosoError(
                f"Virtuoso's loader failed on {path}: {' '.join(state.split())[:1500]}"
            )
        return seconds

    # ----------------------------------------------------------------- SPARQL
    def select(self, query: str, default_graph: str | None = None) -> dict:
        """Run a query on the HTTP endpoint; return the SPARQL JSON results document."""
        params = [("query", query), ("format", "application/sparql-results+json")]
        if default_graph:
            params.append(("default-graph-uri", default_graph))
        data = urllib.parse.urlencode(params).encode()
        request = urllib.request.Request(self.endpoint, data=data, headers={
            "Accept": "application/sparql-results+json",
            "Content-Type": "application/x-www-form-urlencoded",
        })
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            body = error.read().decode("utf-8", "replace")
            raise VirtuosoError(
                f"Virtuoso refused the query ({error.code}): {body[:1500]}"
            ) from error

    def rows(
        self, query: str, default_graph: str | None = None
    ) -> tuple[list[str], list[tuple[str, ...]]]:
        """Variables and rows of a SELECT, each cell as a plain string (``""`` where unbound)."""
        document = self.select(query, default_graph)
        names = document["head"]["vars"]
        out = [
            tuple(b[n]["value"] if n in b else "" for n in names)
            for b in document["results"]["bindings"]
        ]
        return names, out

    def count(self, query: str, default_graph: str | None = None) -> int:
        """The single integer a ``SELECT (COUNT(*) AS ?n)`` query answers."""
        _, rows = self.rows(query, default_graph)
        return int(rows[0][0])

    def triple_count(self, graph: str = DEFAULT_GRAPH) -> int:
        """Triples in one graph."""
        return self.count(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")

    def quad_count(self, graph_prefix: str) -> int:
        """Quads in every graph whose IRI starts with ``graph_prefix``."""
        return self.count(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER (STRSTARTS(STR(?g), "{graph_prefix}")) }}'
        )


def main(argv: list[str]) -> int:
    """Load each file given into a fresh server and print counts and times."""
    files = [Path(a).resolve() for a in argv]
    if not files:
        print("usage: python tests/interop/virtuoso.py GRAPH.ttl [GRAPH.trig ...]", file=sys.stderr)
        return 2
    for path in files:
        with tempfile.TemporaryDirectory(prefix="kg-virtuoso-data-") as data:
            copy = Path(data) / path.name
            shutil.copyfile(path, copy)
            server = Virtuoso(Path(data))
            started = server.start()
            try:
                seconds = server.load(copy)
                if path.suffix in (".trig", ".nq"):
                    n = server.quad_count("https://w3id.org/newskg/")
                    n += server.triple_count(DEFAULT_GRAPH)
                    what = "quads"
                else:
                    n, what = server.triple_count(), "triples"
                print(f"virtuoso {path}: {n} {what}; start {started:.1f} s, load {seconds:.2f} s")
            finally:
                server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
