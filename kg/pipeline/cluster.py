"""``kg build --cluster``: the parse on a Dask distributed cluster, the rest of the build here.

The build's client reads and cleans the articles, sends batches of their texts to the
cluster's workers, and resolves and exports the extractions that come back, exactly
as a local build does with its forked workers (:mod:`kg.pipeline.workers`); so the
graph is byte-identical to a local build of the same inputs, in any number of workers.

* ``--cluster tcp://HOST:PORT`` (or ``HOST:PORT``, or another Dask address) uses the
  running ``dask scheduler`` there and its workers. Every worker needs ``newskg`` and
  the spaCy model installed (``pip install 'newskg[cluster]'``), the same versions as
  the client: each batch carries the client's :func:`~kg.pipeline.cache_key.fingerprint`
  and a worker with other extraction code or another model refuses it (``E095``).
  Workers need no shared disk: they get texts, not paths. Start them with one thread
  each (``dask worker ADDRESS --nthreads 1 --nworkers N``): a worker parses one batch
  at a time.
* ``--cluster local:N`` starts a ``LocalCluster`` of N worker processes on this machine,
  one thread each, for the duration of the build.

A worker loads the model once (:func:`_worker_model`, kept for its life) and sends back,
per article, the JSON row the ``--store`` cache keeps (:func:`~kg.store.cache.encode_extraction`).
A batch that is lost with its worker is run again on another (Dask reschedules it;
:data:`RETRIES` more tries after an error); Ctrl-C cancels every batch still queued.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import logging
import re
import signal
import threading
import time
import uuid
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from kg.errors import ClusterError, Errors, exception_text, one_line
from kg.model import Article, Extraction
from kg.pipeline.timing import add
from kg.pipeline.workers import WORKER_CHUNK, Expected, keep_heap, tasks
from kg.store.cache import decode_extraction, encode_extraction

if TYPE_CHECKING:
    from distributed import Client
    from spacy.language import Language

#: Seconds to reach a scheduler, and then to wait for its first worker.
CONNECT_TIMEOUT = 10.0
#: Seconds to disconnect at the end of a build (or on Ctrl-C).
CLOSE_TIMEOUT = 5.0
#: More tries for a batch whose task raised (a lost worker's batches are rescheduled anyway).
RETRIES = 2
#: Batches per worker thread sent ahead of the one being read, so no worker waits for the next.
AHEAD = 3
#: ``local:N``.
_LOCAL = re.compile(r"local:(\d+)")
#: A Dask address: ``[protocol://]host:port``.
_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+]*://)?[^\s/]+:\d+")

#: One batch at a time per worker process: a spaCy pipeline is not made for threads.
_WORKER_LOCK = threading.Lock()


def parse_cluster(value: str) -> int | str:
    """Read a ``--cluster`` value: the N of ``local:N``, or a scheduler address.

    Raises:
        ClusterError: Neither (``E094``).
    """
    local = _LOCAL.fullmatch(value.strip())
    if local and int(local.group(1)) >= 1:
        return int(local.group(1))
    if not local and _ADDRESS.fullmatch(value.strip()):
        return value.strip()
    raise ClusterError(Errors.E094.format(value=value))


@contextlib.contextmanager
def connect(value: str, *, timeout: float | None = None) -> Iterator[Client]:
    """A Dask client of the scheduler ``value`` names (see :func:`parse_cluster`), with at
    least one worker; a ``local:N`` cluster is started for the block and stopped after it.

    Args:
        value: ``tcp://HOST:PORT`` (any Dask address) or ``local:N``.
        timeout: Seconds to reach the scheduler and to wait for a worker
            (default :data:`CONNECT_TIMEOUT`).

    Raises:
        ClusterError: Dask distributed is not installed (``E092``), the scheduler cannot
            be reached (``E093``), ``value`` is no address (``E094``), or the scheduler
            has no worker (``E097``).
    """
    target = parse_cluster(value)
    try:
        import dask
        import distributed
    except ImportError:
        raise ClusterError(Errors.E092) from None
    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    with contextlib.ExitStack() as stack:
        stack.enter_context(_quiet("distributed"))
        if isinstance(target, int):
            # inherited by the workers: Ctrl-C is for this process; and no statistical
            # profiler sampling every worker's stack each 10 ms, nor a dashboard, on cores
            # that the parse needs
            with _sigint_ignored(), dask.config.set({"distributed.worker.profile.enabled": False}):
                cluster = stack.enter_context(distributed.LocalCluster(
                    n_workers=target, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.ERROR))
            address = cluster.scheduler_address
        else:
            address = target
        try:
            client = distributed.Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as error:
            reason = one_line(exception_text(error), 160)
            raise ClusterError(Errors.E093.format(address=address, seconds=f"{timeout:g}",
                                                  reason=reason)) from None
        stack.callback(_close, client)
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            raise ClusterError(Errors.E097.format(address=address,
                                                  seconds=f"{timeout:g}")) from None
        yield client


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignore SIGINT in this process for the block, so processes started in it ignore it too.

    Ctrl-C on a terminal signals every process of the foreground group: the build's
    own handling stops its ``local:N`` workers cleanly, where workers that caught
    the signal themselves would each print a traceback.
    """
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals are not this thread's to set
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _close(client: Client) -> None:
    """Disconnect, within seconds even from a scheduler that no longer answers."""
    with contextlib.suppress(TimeoutError, OSError):
        client.close(timeout=CLOSE_TIMEOUT)


@contextlib.contextmanager
def _quiet(name: str) -> Iterator[None]:
    """Keep a library's log to errors and its warnings out for the block: kg says what went
    wrong in one line."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", module=re.escape(name))
            yield
    finally:
        logger.setLevel(level)


def extract_on_cluster(client: Client, model: str, articles: Iterable[Article], *,
                       check: Mapping[str, str], batch_size: int, expected: Expected = None,
                       stats: dict[str, float] | None = None,
                       ) -> Iterator[tuple[Article, Extraction]]:
    """Parse and extract each article on the cluster's workers, in input order, streaming.

    Articles are read only as batches are sent; at most :data:`AHEAD` batches per
    worker thread are sent or held, so only those articles are in memory here.
    Batches shrink towards the end as with local workers
    (:func:`~kg.pipeline.workers.tasks`).

    Args:
        client: A client from :func:`connect`.
        model: The spaCy pipeline the workers load (a package name, or a path on the workers).
        articles: The articles.
        check: The client's :func:`~kg.pipeline.cache_key.fingerprint`; a worker whose
            own differs raises ``E095`` instead of parsing.
        batch_size: Most articles per batch (at most
            :data:`~kg.pipeline.workers.WORKER_CHUNK`).
        expected: How many articles are coming at most (see :func:`~kg.pipeline.workers.tasks`).
        stats: If given, gets "worker parse" and "worker rules" (the workers' seconds,
            summed) and "wait" (seconds this process waited for batches).

    Raises:
        ClusterError: A batch killed every worker it was given to (``E098``).
        KGError: What a worker raised (``E095``, a model it cannot load: ``E080``).
    """
    from distributed import KilledWorker, as_completed

    stats = {} if stats is None else stats
    threads = max(1, sum(client.nthreads().values()))
    chunk = max(1, min(batch_size, WORKER_CHUNK))
    build = uuid.uuid4().hex[:12]
    check = dict(check)
    sent: dict[int, tuple[list[Article], Any]] = {}  # by batch number: articles, future
    number: dict[str, int] = {}  # future key -> batch number
    back: dict[int, tuple[list[str], float, float]] = {}
    finished = as_completed(loop=client.loop)
    batches = enumerate(tasks(articles, chunk, threads, expected))
    head = 0  # the next batch to hand on
    try:
        while True:
            for i, batch in itertools.islice(batches, max(0, AHEAD * threads - len(sent))):
                future = client.submit(extract_batch, model, check, [a.text for a in batch],
                                       key=f"kg-extract-{build}-{i}", retries=RETRIES,
                                       pure=False)
                sent[i] = (batch, future)
                number[future.key] = i
                finished.add(future)
            if head not in sent:
                return
            while head not in back:
                t0 = time.perf_counter()
                future = next(finished)
                try:
                    back[number.pop(future.key)] = future.result()
                except KilledWorker as error:
                    raise ClusterError(Errors.E098.format(reason=one_line(str(error), 160)))
                add(stats, "wait", time.perf_counter() - t0)
            rows, parse_s, rules_s = back.pop(head)
            batch, _ = sent.pop(head)
            head += 1
            add(stats, "worker parse", parse_s)
            add(stats, "worker rules", rules_s)
            yield from zip(batch, map(decode_extraction, rows), strict=True)
    finally:
        left = [future for _, future in sent.values() if not future.done()]
        if left:  # an error, Ctrl-C, or a consumer that stopped early
            client.cancel(left)


def extract_batch(model: str, check: Mapping[str, str],
                  texts: list[str]) -> tuple[list[str], float, float]:
    """On a worker: extract a batch of article texts.

    Args:
        model: The spaCy pipeline to parse with (loaded once per worker process).
        check: The client's fingerprint; this worker's own must be the same.
        texts: Cleaned article texts.

    Returns:
        Each text's extraction as the store's JSON row, and the seconds spent parsing
        and in kg's rules.

    Raises:
        ClusterError: This worker's kg code, spaCy or model differ from the client's (``E095``).
    """
    from kg.pipeline.extraction import _extract_chunk

    with _WORKER_LOCK:
        nlp, own = _worker_model(model)
        if own != dict(check):
            part = next((k for k in check if own.get(k) != check[k]), "fingerprint")
            raise ClusterError(Errors.E095.format(worker=_worker_name(), part=part,
                                                  here=own.get(part), there=check.get(part)))
        extractions, parse_s, rules_s = _extract_chunk(nlp, texts)
    return [encode_extraction(e) for e in extractions], parse_s, rules_s


@functools.cache
def _worker_model(model: str) -> tuple[Language, dict[str, str]]:
    """The pipeline and fingerprint of ``model`` in this worker process, made once."""
    from kg.pipeline.cache_key import fingerprint
    from kg.pipeline.nlp import load_nlp, make_recaser

    keep_heap()  # as local workers do: a batch's freed memory is reused by the next
    nlp = load_nlp(model)
    make_recaser()
    gc.freeze()  # the model lives as long as the worker: the collector need not walk it
    return nlp, fingerprint(model)


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return "(not a Dask worker)"

