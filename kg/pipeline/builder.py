"""The build: ingest -> extract -> resolve -> store -> export, with timings.

``build()`` is the library entry point behind ``kg build``. Articles stream
through the parse (:mod:`kg.pipeline.extraction`) into the resolver. With a
store folder (``kg build --store``), extractions are kept between builds
(:mod:`kg.store.cache`, :mod:`kg.store.persistent`) and only new articles are parsed.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from spacy.language import Language

from kg import export as exporters
from kg.errors import BuildInterrupted, InputError
from kg.ingest import iter_input_files, load_articles
from kg.model import Article, BuildSummary, Extraction
from kg.pipeline.cache_key import fingerprint
from kg.pipeline.extraction import DEFAULT_BATCH_SIZE, extract_articles
from kg.pipeline.nlp import DEFAULT_MODEL, load_nlp
from kg.pipeline.outputs import DEFAULT_FORMATS, write_outputs
from kg.pipeline.timing import Timer, timed_iter
from kg.pipeline.workers import gc_frozen
from kg.resolve.resolver import Resolver
from kg.store.cache import ExtractionCache
from kg.store.graph import GraphBuilder
from kg.store.persistent import BuildStore


def build(
    inputs: Sequence[str | Path] = ("seeds",),
    out_dir: str | Path = "out",
    *,
    model: str = DEFAULT_MODEL,
    processes: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    formats: Sequence[str] = DEFAULT_FORMATS,
    progress: bool = False,
    on_skip: Callable[[str], None] | None = None,
    nlp: Language | None = None,
    store: str | Path | None = None,
) -> BuildSummary:
    """Build the knowledge graph of some articles and write it in each format.

    With ``store``, the build is incremental: the extraction of every article
    (the expensive part: parse and rules) is kept in that folder under the
    article id, the SHA-256 of its cleaned text, and only articles without one
    are parsed. Resolution and the graph are made again from all the current
    inputs, so the outputs are byte-identical to a build without a store;
    articles of the previous build that are no longer inputs drop out of the
    graph and the cache. The folder also keeps the graph itself as an Oxigraph
    store (``kg query STORE`` reads it). Cached extractions are dropped when kg's
    extraction code, the spaCy version or the model differ from those that
    made them (see :func:`fingerprint`). Extractions are saved batch by batch,
    so an interrupted build keeps the work done; outputs and the store's graph
    are replaced together at the end, so they stay those of the last finished
    build. One build at a time may use a store.

    Args:
        inputs: Files or folders (searched recursively for .txt, .md, .html, .htm).
        out_dir: Output folder; files are ``graph.<suffix>`` per format.
        model: spaCy pipeline name or path.
        processes: Worker processes for parsing.
        batch_size: Articles per ``nlp.pipe`` batch.
        formats: Export formats (see ``kg.export.available()``).
        progress: Show a progress bar on stderr.
        on_skip: Called with a one-line message for each input skipped.
        nlp: An already loaded pipeline (from :func:`load_nlp`), to reuse.
        store: A folder for incremental builds (created if missing).

    Returns:
        Counts, timings and the files written.

    Raises:
        InputError: No readable article in ``inputs``.
        StoreError: ``store`` is not a store folder or another build is using it.
        BuildInterrupted: Ctrl-C (a ``KeyboardInterrupt``); the message says what was kept.

    Example:
        >>> summary = build(["seeds"], "out")            # doctest: +SKIP
        >>> summary.articles, summary.outputs[0]         # doctest: +SKIP
        (5, 'out/graph.ttl')
        >>> build(["seeds"], "out", store="kg-store").from_store  # doctest: +SKIP
        5
    """
    started = time.perf_counter()
    timer = Timer()
    formats = [exporters.resolve_format(f) for f in formats]
    if store is not None:
        with BuildStore(store) as disk:
            summary = _build_incremental(disk, inputs, Path(out_dir), timer, model=model, processes=processes,
                                         batch_size=batch_size, formats=formats, progress=progress,
                                         on_skip=on_skip, nlp=nlp)
    else:
        summary = _build_from_scratch(inputs, Path(out_dir), timer, model=model, processes=processes,
                                      batch_size=batch_size, formats=formats, progress=progress,
                                      on_skip=on_skip, nlp=nlp)
    summary.seconds = time.perf_counter() - started
    summary.timings = timer.seconds
    return summary


def _build_from_scratch(inputs: Sequence[str | Path], out: Path, timer: Timer, *, model: str, processes: int,
                        batch_size: int, formats: list[str], progress: bool,
                        on_skip: Callable[[str], None] | None, nlp: Language | None) -> BuildSummary:
    # Articles stream from the files through parsing into the resolver: none is
    # held longer than it is in flight. The first is read before the model
    # loads, so bad inputs fail fast.
    articles = timed_iter(load_articles(inputs, on_skip=on_skip), timer.seconds, "ingest")
    first = next(articles, None)
    if first is None:
        raise InputError(f"kg: no readable articles in {', '.join(map(str, inputs))}")
    with timer.stage("load model"):
        nlp = nlp or load_nlp(model)
    builder = GraphBuilder()
    expected = len(iter_input_files(inputs))  # at most one article per file
    bar = _progress(expected if progress else 0, progress)
    n_articles = _parse_and_resolve(nlp, itertools.chain([first], articles), builder, timer, bar,
                                    processes=processes, batch_size=batch_size, expected=expected)
    with timer.stage("store"):
        graph, counts = builder.build()
    del builder  # the per-article records are not needed for writing
    outputs = write_outputs(graph, formats, out, timer)
    return BuildSummary(articles=n_articles, entities=counts["entities"], events=counts["events"],
                        relations=counts["relations"], outputs=outputs, parsed=n_articles)


def _build_incremental(disk: BuildStore, inputs: Sequence[str | Path], out: Path, timer: Timer, *, model: str,
                       processes: int, batch_size: int, formats: list[str], progress: bool,
                       on_skip: Callable[[str], None] | None, nlp: Language | None) -> BuildSummary:
    cache: ExtractionCache | None = None
    parsed = 0
    try:
        # Every input is read first (the ids decide what to parse); then only the new
        # articles go through the model, which is not even loaded when there are none.
        with timer.stage("ingest"):
            articles = list(load_articles(inputs, on_skip=on_skip))
        with timer.stage("store read"):
            previous = disk.article_ids()
            cache = disk.cache(fingerprint(nlp or model))
            cached = cache.get_many(a.id for a in articles)
        builder = GraphBuilder()
        resolver = Resolver()
        with timer.stage("resolve"):
            for article in articles:
                if article.id in cached:
                    builder.add(resolver.resolve(article, cached[article.id]))
        todo = [a for a in articles if a.id not in cached]
        del cached
        if todo:
            with timer.stage("load model"):
                nlp = nlp or load_nlp(model)
            bar = _progress(len(todo) if progress else 0, progress)
            saver = _CacheWriter(cache, batch_size, timer)
            try:
                _parse_and_resolve(nlp, todo, builder, timer, bar, processes=processes,
                                   batch_size=batch_size, expected=len(todo), keep=saver.add, resolver=resolver)
            finally:
                parsed = saver.flush()  # what was parsed before an interrupt is kept
        with timer.stage("store"):
            graph, counts = builder.build()
        del builder
        outputs = write_outputs(graph, formats, out, timer, disk=disk)
        current = {a.id for a in articles}
        with timer.stage("store write"):
            cache.keep_only(current)
    except KeyboardInterrupt as interrupt:
        if isinstance(interrupt, BuildInterrupted):
            raise
        kept = f"{parsed} article{'s' if parsed != 1 else ''} parsed so far {'are' if parsed != 1 else 'is'} kept"
        raise BuildInterrupted(
            f"kg: interrupted; {kept} in the store {disk.path}, outputs and the store's graph unchanged"
        ) from None
    finally:
        if cache is not None:
            cache.close()
    return BuildSummary(articles=len(articles), entities=counts["entities"], events=counts["events"],
                        relations=counts["relations"], outputs=outputs,
                        parsed=len(todo), from_store=len(articles) - len(todo),
                        removed=len(previous - current), store=str(disk.path),
                        cache_discarded=cache.discarded)


class _CacheWriter:
    """Collects fresh extractions and saves them in one transaction per batch or per second,
    whichever comes first, so an interrupted build loses at most that much work."""

    def __init__(self, cache: ExtractionCache, batch_size: int, timer: Timer, seconds: float = 1.0) -> None:
        self.cache = cache
        self.batch_size = max(1, batch_size)
        self.timer = timer
        self.seconds = seconds
        self.pending: list[tuple[str, Extraction]] = []
        self.saved = 0
        self.last = time.monotonic()

    def add(self, article: Article, extraction: Extraction) -> None:
        self.pending.append((article.id, extraction))
        if len(self.pending) >= self.batch_size or time.monotonic() - self.last >= self.seconds:
            self.flush()

    def flush(self) -> int:
        """Save what is pending; return how many were saved in all."""
        if self.pending:
            with self.timer.stage("store write"):
                self.saved += self.cache.put_many(self.pending)
        self.pending = []
        self.last = time.monotonic()
        return self.saved


def _parse_and_resolve(nlp: Language, articles: Iterable[Article], builder: GraphBuilder, timer: Timer,
                       bar: _NoBar, *, processes: int, batch_size: int, expected: int | None = None,
                       keep: Callable[[Article, Extraction], None] | None = None,
                       resolver: Resolver | None = None) -> int:
    """Parse, extract and resolve ``articles`` into ``builder``; return how many.

    Adds the seconds of parsing, rules and resolving to ``timer`` (and of
    reading articles, when ``articles`` reads them lazily, to its ``"ingest"``).
    ``keep`` sees each fresh extraction; its time is taken out of the parse.
    """
    resolver = resolver or Resolver()
    stats: dict[str, float] = {}
    n_articles = 0
    resolve_seconds = 0.0
    clock = time.perf_counter
    ingest_before = timer.seconds.get("ingest", 0.0)
    store_before = timer.seconds.get("store write", 0.0)
    t_loop = clock()
    try:
        # The model outlives the loop: the collections the parse triggers need not walk it.
        with gc_frozen():
            for article, extraction in extract_articles(nlp, articles, processes=processes,
                                                        batch_size=batch_size, stats=stats,
                                                        expected=expected):
                if keep is not None:
                    keep(article, extraction)
                t0 = clock()
                builder.add(resolver.resolve(article, extraction))
                resolve_seconds += clock() - t0
                n_articles += 1
                bar.update(1)
    finally:
        bar.close()
    # The loop's time, less what this process spent reading, saving and resolving, is
    # parsing and rules; with workers it is split in the proportion the workers report.
    extract_seconds = clock() - t_loop - resolve_seconds - (timer.seconds.get("ingest", 0.0) - ingest_before) \
        - (timer.seconds.get("store write", 0.0) - store_before)
    if processes > 1:
        worker_total = stats.get("worker parse", 0.0) + stats.get("worker rules", 0.0)
        rules_seconds = extract_seconds * stats.get("worker rules", 0.0) / worker_total if worker_total else 0.0
    else:
        rules_seconds = min(stats.get("rules", 0.0), extract_seconds)
    timer.seconds["parse"] = timer.seconds.get("parse", 0.0) + extract_seconds - rules_seconds
    timer.seconds["rules"] = timer.seconds.get("rules", 0.0) + rules_seconds
    timer.seconds["resolve"] = timer.seconds.get("resolve", 0.0) + resolve_seconds
    for key in ("worker parse", "worker rules"):
        if key in stats:
            timer.seconds[key] = stats[key]
    return n_articles


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, enabled: bool) -> _NoBar:
    if not enabled or not sys.stderr.isatty() or os.environ.get("CI"):
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="article", desc="kg build", file=sys.stderr, leave=False)  # type: ignore[return-value]
