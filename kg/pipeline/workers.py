"""Forked worker processes: a pool that shares the parent's loaded model copy-on-write.

:func:`run_in_workers` knows nothing of spaCy or articles: it sends chunks of
items to workers that run a function the parent set up before forking (so the
function and what it holds, the model above all, are inherited, not pickled),
and yields each chunk with its result, in input order.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.pool import AsyncResult
from typing import Any, TypeVar

from kg.pipeline.timing import add

T = TypeVar("T")
P = TypeVar("P")
R = TypeVar("R")

#: Most items per task sent to a worker process: small enough that the last
#: tasks end close together, large enough that parsing stays batched.
WORKER_CHUNK = 16
#: Fewest items per task when tasks shrink towards the end of the input.
WORKER_CHUNK_MIN = 4

#: glibc's ``mallopt`` parameters (``malloc.h``) and the values workers use.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
WORKER_TRIM_THRESHOLD = 256 << 20
WORKER_MMAP_THRESHOLD = 32 << 20

#: The function workers run, set in the parent just before the pool forks.
_WORK: Callable[[Any], Any] | None = None


def keep_heap() -> bool:
    """Make this process's ``malloc`` keep freed memory for reuse instead of handing it back.

    A worker frees nearly all it allocated for a task when the task ends; glibc
    then returns the top of the heap (and its mmap-ed blocks) to the kernel and
    the next task faults the same pages in again, zeroed: about 1,400 page
    faults per article and 0.6 s of system time per 100 articles, on top of
    the cold caches. Fixed thresholds stop that: at most 256 MB free at the top
    of the heap is kept, and only blocks over 32 MB get their own mapping. What a
    worker once used stays its own until it exits: the peak PSS of a 2-process
    build of 998 articles rose from 712 to about 790 MB.

    Returns:
        False where there is no glibc ``mallopt`` (macOS, Windows): nothing is changed.
    """
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, TypeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    return bool(mallopt(_M_TRIM_THRESHOLD, WORKER_TRIM_THRESHOLD)) and bool(
        mallopt(_M_MMAP_THRESHOLD, WORKER_MMAP_THRESHOLD))


def init_worker() -> None:
    """In a worker: leave Ctrl-C to the parent, which stops the pool (no traceback per
    worker), and keep the heap between tasks (:func:`keep_heap`).

    SIGTERM, which the pool stops its workers with, gets its default action back
    (the parent may have made it raise ``KeyboardInterrupt``, as ``kg build`` does).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    keep_heap()


def _call(payload: Any) -> Any:
    assert _WORK is not None
    return _WORK(payload)


def run_in_workers(work: Callable[[P], R], items: Iterable[T], send: Callable[[list[T]], P], *,
                   processes: int, chunk: int, expected: Expected = None,
                   stats: dict[str, float] | None = None) -> Iterator[tuple[list[T], R]]:
    """Run ``work(send(task))`` in forked workers for each task of ``items``; yield
    ``(task, result)`` pairs in input order, streaming.

    Items are read only as tasks are sent, and at most two tasks per worker are
    in flight, so only those items are held.

    Args:
        work: Run in the workers; inherited by the fork, so it may hold anything
            (only what ``send`` returns, and the result, are pickled).
        items: The items.
        send: What of a task goes to the worker.
        processes: Worker processes.
        chunk: Most items per task (see :func:`tasks`).
        expected: How many items are coming at most, if known (see :func:`tasks`).
        stats: If given, the seconds spent waiting for results are added to its ``"wait"``.
    """
    global _WORK
    stats = {} if stats is None else stats
    ctx = multiprocessing.get_context("fork")
    pending: deque[tuple[list[T], AsyncResult[R]]] = deque()

    def collect() -> tuple[list[T], R]:
        task, result = pending.popleft()
        t0 = time.perf_counter()
        value = result.get()
        add(stats, "wait", time.perf_counter() - t0)
        return task, value

    _WORK = work
    try:
        # Forked with the loaded model out of the collector's generations: the children's
        # collections then never touch its objects, so its pages stay shared, not copied.
        with gc_frozen():
            pool = ctx.Pool(processes, initializer=init_worker)
        with pool:
            for task in tasks(items, chunk, processes, expected):
                pending.append((task, pool.apply_async(_call, (send(task),))))
                if len(pending) >= 2 * processes:
                    yield collect()
            while pending:
                yield collect()
    finally:
        _WORK = None


@contextmanager
def gc_frozen() -> Iterator[None]:
    """Keep every object alive now out of the garbage collector's generations until the
    block ends.

    Nothing is done when some objects are frozen already (the caller's own
    ``gc.freeze``), so a caller's freeze is never undone.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


#: How many items are coming: in all, or (a function) at most from now on; None: unknown.
Expected = int | Callable[[], int] | None


def tasks(items: Iterable[T], size: int, workers: int, expected: Expected) -> Iterator[list[T]]:
    """Split ``items`` into tasks of ``size``; when about ``expected`` items come, the tasks
    shrink towards the end ("guided" scheduling), down to :data:`WORKER_CHUNK_MIN`.

    A task gets an eighth per worker of what is left (``4 * workers`` shares): at most
    ``size``, and small when little is left, so the workers' last tasks end close together.
    ``expected`` may be a function, asked before each task how many items at most
    are still to come (a build that finds some articles in its cache knows that only
    as it reads them).
    """
    iterator = iter(items)
    taken = 0
    while True:
        n = size
        if expected is not None:
            left = expected() if callable(expected) else expected - taken
            n = max(min(size, WORKER_CHUNK_MIN), min(size, -(-left // (4 * workers))))
        batch = list(itertools.islice(iterator, n))
        if not batch:
            return
        taken += len(batch)
        yield batch
