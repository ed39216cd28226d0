"""Seconds per build stage: the :class:`Timer`, timed iteration, and a pipe that times
kg's own components apart from spaCy's."""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

T = TypeVar("T")


class Timer:
    """Accumulates seconds per stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Add the time the block takes to stage ``name``."""
        t0 = time.perf_counter()
        try:
            yield
        finally:
            add(self.seconds, name, time.perf_counter() - t0)


def add(seconds: dict[str, float], key: str, value: float) -> None:
    """Add ``value`` seconds to ``seconds[key]``."""
    seconds[key] = seconds.get(key, 0.0) + value


def record_extraction(timer: Timer, seconds: float, stats: dict[str, float], *,
                      workers: bool) -> None:
    """Add ``seconds`` of parsing and rules, not told apart yet, to ``timer``'s "parse"
    and "rules".

    Args:
        timer: The build's timer.
        seconds: This process's time in the extraction loop, less its other stages.
        stats: What :func:`~kg.pipeline.extraction.extract_articles` measured.
        workers: Whether workers did the parsing: ``seconds`` are then split in
            the proportion the workers report, and their own sums are kept as
            "worker parse" and "worker rules". In one process "rules" is the
            time kg's own steps took.
    """
    if workers:
        total = stats.get("worker parse", 0.0) + stats.get("worker rules", 0.0)
        rules = seconds * stats.get("worker rules", 0.0) / total if total else 0.0
    else:
        rules = min(stats.get("rules", 0.0), seconds)
    add(timer.seconds, "parse", seconds - rules)
    add(timer.seconds, "rules", rules)
    for key in ("worker parse", "worker rules"):
        if key in stats:
            timer.seconds[key] = stats[key]


def timed_iter(items: Iterable[T], seconds: dict[str, float], key: str) -> Iterator[T]:
    """Yield from ``items``, adding the time spent producing each item to ``seconds[key]``."""
    seconds.setdefault(key, 0.0)
    it = iter(items)
    while True:
        t0 = time.perf_counter()
        try:
            item = next(it)
        except StopIteration:
            seconds[key] += time.perf_counter() - t0
            return
        seconds[key] += time.perf_counter() - t0
        yield item


def _timed(proc: Callable[[Doc], Doc], docs: Iterable[Doc],
           stats: dict[str, float]) -> Iterator[Doc]:
    clock = time.perf_counter
    for doc in docs:
        t0 = clock()
        doc = proc(doc)
        add(stats, "rules", clock() - t0)
        yield doc


def timed_pipe(nlp: Language, texts: Iterable[str], batch_size: int, stats: dict[str, float],
               timed: Collection[str], skip: Collection[str] = ()) -> Iterator[Doc]:
    """``nlp.pipe(texts, disable=skip)``, with the components named in ``timed`` timed into
    ``stats["rules"]``.

    spaCy has no hook around one component's work, and swapping components for
    timed wrappers would change the pipeline every other user of ``nlp`` sees.
    So this is the loop :meth:`spacy.language.Language.pipe` runs in one process:
    each text is tokenized, then every enabled component runs in pipeline order,
    batched through its ``pipe`` method where it has one; left out is what kg
    does not use (error handlers, ``component_cfg``, ``as_tuples``, ``n_process``).
    """
    docs: Iterator[Doc] = (nlp.make_doc(text) for text in texts)
    for name, proc in nlp.pipeline:
        if name in skip:
            continue
        if name in timed:
            docs = _timed(proc, docs, stats)
        elif hasattr(proc, "pipe"):
            docs = proc.pipe(docs, batch_size=batch_size)
        else:
            docs = map(proc, docs)
    return docs
