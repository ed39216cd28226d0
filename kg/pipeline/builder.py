"""The build: ingest -> extract -> resolve -> store -> export, with timings.

``build()`` is the library entry point behind ``kg build``. Articles stream
through the parse (:mod:`kg.pipeline.extraction`) into the resolver. With a
store folder (``kg build --store``), extractions are kept between builds
(:mod:`kg.store.cache`, :mod:`kg.store.persistent`) and only new articles are parsed.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language

from kg import export as exporters
from kg.errors import BuildInterrupted, ClusterError, Errors, InputError
from kg.ingest import iter_input_files, load_articles
from kg.ingest.metadata import read_metadata
from kg.model import Article, BuildSummary, Extraction
from kg.pipeline.cache_key import fingerprint
from kg.pipeline.extraction import DEFAULT_BATCH_SIZE, extract_articles
from kg.pipeline.nlp import DEFAULT_MODEL, load_nlp
from kg.pipeline.outputs import DEFAULT_FORMATS, write_outputs
from kg.pipeline.timing import Timer, record_extraction, timed_iter
from kg.pipeline.workers import gc_frozen
from kg.resolve.audit import format_merge_report, merge_rows
from kg.resolve.resolver import Resolver
from kg.store.cache import Cache, MemoryCache
from kg.store.graph import GraphBuilder
from kg.store.persistent import BuildStore

if TYPE_CHECKING:
    from rdflib import Dataset


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
    merge_report: str | Path | None = None,
    metadata: str | Path | None = None,
    cluster: str | None = None,
) -> BuildSummary:
    """Build the knowledge graph of some articles and write it in each format.

    Articles stream from the files: each is looked up in the cache; a cached
    extraction is resolved at once, the other articles are parsed (the model is
    loaded when the first of them comes), resolved, and saved in the cache. Only
    the articles in flight are held.

    With ``store``, the build is incremental: the extraction of every article
    (the expensive part: parse and rules) is kept in that folder under the
    article id, the SHA-256 of its cleaned text, and only articles without one
    are parsed. Without it the build is the same, with a cache in memory that
    starts empty. Resolution and the graph are made again from all the current
    inputs, so the outputs are byte-identical to a build without a store;
    articles of the previous build that are no longer inputs drop out of the
    graph and the cache. The folder also keeps the graph itself as an Oxigraph
    store (``kg query STORE`` reads it). Cached extractions are dropped when kg's
    extraction code, the spaCy version or the model differ from those that
    made them (see :func:`~kg.pipeline.cache_key.fingerprint`). Extractions are
    saved batch by batch, so an interrupted build keeps the work done; outputs and the store's graph
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
        nlp: An already loaded pipeline (from :func:`~kg.pipeline.nlp.load_nlp`), to reuse.
        store: A folder for incremental builds (created if missing).
        merge_report: A file to write the merge report to (TSV, see
            :mod:`kg.resolve.audit`), with the other outputs; none when ``None``.
        metadata: A CSV or TSV of publication date, title and publisher by file
            name (see :mod:`kg.ingest.metadata`); they replace those read from the files.
        cluster: Parse on a Dask cluster instead of here: a scheduler's address
            (``tcp://HOST:PORT``) or ``local:N`` (see :mod:`kg.pipeline.cluster`);
            the outputs are the same. Reached only when some article needs parsing.

    Returns:
        Counts, timings and the files written.

    Raises:
        InputError: No readable article in ``inputs``, an output folder that is a
            file, or fewer than one process or article per batch.
        ClusterError: ``cluster`` cannot be used (no Dask, no scheduler, no worker).
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
    for option, value in (("--processes", processes), ("--batch-size", batch_size)):
        if value < 1:
            raise InputError(Errors.E084.format(option=option, value=value))
    if Path(out_dir).exists() and not Path(out_dir).is_dir():
        raise InputError(Errors.E083.format(path=out_dir))
    if merge_report is not None and Path(merge_report).is_dir():
        raise InputError(Errors.E085.format(path=merge_report))
    if cluster is not None:
        from kg.pipeline.cluster import parse_cluster

        parse_cluster(cluster)  # a bad value fails before any work
        if processes > 1:
            raise ClusterError(Errors.E096)
    table = read_metadata(metadata) if metadata is not None else None
    with contextlib.ExitStack() as stack:
        disk = None if store is None else stack.enter_context(BuildStore(store))
        summary = _build(inputs, Path(out_dir), timer, disk, model=model, processes=processes,
                         batch_size=batch_size, formats=formats, progress=progress,
                         on_skip=on_skip, nlp=nlp, metadata=table, cluster=cluster,
                         merge_report=None if merge_report is None else Path(merge_report))
    summary.seconds = time.perf_counter() - started
    # An in-memory cache takes microseconds: no rows for a store the build has not got.
    summary.timings = {k: v for k, v in timer.seconds.items()
                       if disk is not None or k not in ("store read", "store write")}
    return summary


def _build(inputs: Sequence[str | Path], out: Path, timer: Timer, disk: BuildStore | None, *,
           model: str, processes: int, batch_size: int, formats: list[str], progress: bool,
           on_skip: Callable[[str], None] | None, nlp: Language | None,
           merge_report: Path | None = None,
           metadata: Mapping[str, Mapping[str, str]] | None = None,
           cluster: str | None = None) -> BuildSummary:
    articles = timed_iter(load_articles(inputs, on_skip=on_skip, metadata=metadata),
                          timer.seconds, "ingest")
    first = next(articles, None)  # bad inputs fail before the cache opens or the model loads
    if first is None:
        raise InputError(Errors.E082.format(inputs=", ".join(map(str, inputs))))
    n_files = len(iter_input_files(inputs))  # at most one article per file
    graph = _Graph(timer, _progress(n_files if progress else 0, progress),
                   merge_report=merge_report is not None)
    seen: set[str] = set()
    cache: Cache = MemoryCache()
    saver: _CacheWriter | None = None
    previous: set[str] = set()

    def save_and_add(article: Article, extraction: Extraction) -> None:
        assert saver is not None
        saver.add(article, extraction)
        graph.add(article, extraction)

    try:
        if disk is not None:
            with timer.stage("store read"):
                previous = disk.article_ids()
                cache = disk.cache(fingerprint(nlp or model))
        saver = _CacheWriter(cache, batch_size, timer)
        todo = _uncached(itertools.chain([first], articles), cache, timer, graph.add, seen)
        new = next(todo, None)
        if new is not None:  # else the model is not even loaded
            with contextlib.ExitStack() as session:
                run = _extractor(session, timer, nlp, model, processes, cluster)
                try:
                    _extract(run, itertools.chain([new], todo), timer,
                             workers=processes > 1 or cluster is not None,
                             batch_size=batch_size, expected=lambda: n_files - len(seen),
                             done=save_and_add)
                finally:
                    saver.flush()  # what was parsed before an error or interrupt is kept
        parsed = saver.saved
        rdf, counts = graph.build()
        extra = {} if merge_report is None else {merge_report: graph.merge_report}
        outputs = write_outputs(rdf, formats, out, timer, disk=disk, extra=extra)
        with timer.stage("store write"):
            cache.keep_only(seen)
    except KeyboardInterrupt as interrupt:
        if disk is None or isinstance(interrupt, BuildInterrupted):
            raise
        parsed = saver.saved if saver is not None else 0
        s = "s" if parsed != 1 else ""
        kept = f"{parsed} article{s} parsed so far {'are' if parsed != 1 else 'is'} kept"
        raise BuildInterrupted(f"interrupted; {kept} in the store {disk.path}, "
                               "outputs and the store's graph unchanged") from None
    finally:
        graph.bar.close()
        cache.close()
    return BuildSummary(articles=len(seen), entities=counts["entities"], events=counts["events"],
                        relations=counts["relations"], outputs=outputs, parsed=parsed,
                        from_store=len(seen) - parsed, removed=len(previous - seen),
                        store=None if disk is None else str(disk.path),
                        cache_discarded=cache.discarded)


class _Graph:
    """The graph being made: articles with their extractions resolved into a
    :class:`GraphBuilder`, timed, each a step of the progress bar."""

    def __init__(self, timer: Timer, bar: _NoBar, *, merge_report: bool = False) -> None:
        self.timer = timer
        self.bar = bar
        self.builder = GraphBuilder()
        self.resolver = Resolver()
        self.want_report = merge_report
        #: The merge report's text (:mod:`kg.resolve.audit`), once built, if wanted.
        self.merge_report = ""

    def add(self, article: Article, extraction: Extraction) -> None:
        """Resolve an article and add it to the graph."""
        with self.timer.stage("resolve"):
            self.builder.add(self.resolver.resolve(article, extraction))
        self.bar.update(1)

    def build(self) -> tuple[Dataset, dict[str, int]]:
        """Return the graph and its counts (entities, events, relations); no article can
        be added afterwards."""
        self.bar.close()
        with self.timer.stage("store"):
            result = self.builder.build()
        if self.want_report:
            with self.timer.stage("merge report"):
                b = self.builder
                self.merge_report = format_merge_report(merge_rows(b.articles, b.linking,
                                                                   b.labels))
        del self.builder  # the per-article records are not needed for writing
        return result


def _uncached(articles: Iterable[Article], cache: Cache, timer: Timer,
              resolve: Callable[[Article, Extraction], None], seen: set[str]) -> Iterator[Article]:
    """Yield the articles without an extraction in ``cache``; hand the others to ``resolve``.

    Each article's id is added to ``seen`` as it is read.
    """
    for article in articles:
        seen.add(article.id)
        with timer.stage("store read"):
            extraction = cache.get(article.id)
        if extraction is None:
            yield article
        else:
            resolve(article, extraction)


def _extractor(session: contextlib.ExitStack, timer: Timer, nlp: Language | None, model: str,
               processes: int, cluster: str | None) -> Callable[..., Iterator[tuple[Article,
                                                                             Extraction]]]:
    """What parses: the model here (with ``processes`` forked workers), or a Dask cluster
    whose client ``session`` closes."""
    if cluster is None:
        with timer.stage("load model"):
            loaded = nlp or load_nlp(model)
        return functools.partial(extract_articles, loaded, processes=processes)
    from kg.pipeline.cluster import connect, extract_on_cluster

    with timer.stage("connect"):
        client = session.enter_context(connect(cluster))
    return functools.partial(extract_on_cluster, client, model, check=fingerprint(nlp or model))


def _extract(run: Callable[..., Iterator[tuple[Article, Extraction]]], articles: Iterable[Article],
             timer: Timer, *, workers: bool, batch_size: int, expected: Callable[[], int],
             done: Callable[[Article, Extraction], None]) -> None:
    """Parse and extract ``articles``, handing each with its extraction to ``done``.

    The loop's time, less what this process spent in other stages meanwhile (reading
    articles, the cache, resolving), goes to the timer's "parse" and "rules".
    """
    stats: dict[str, float] = {}
    for key in ("parse", "rules"):  # the stages in the order a build goes through them
        timer.seconds.setdefault(key, 0.0)
    others = sum(timer.seconds.values())
    t_loop = time.perf_counter()
    # The model outlives the loop: the collections the parse triggers need not walk it.
    with gc_frozen():
        pairs = run(articles, batch_size=batch_size, stats=stats, expected=expected)
        with contextlib.closing(pairs):  # an error or Ctrl-C here stops the workers' batches
            for article, extraction in pairs:
                done(article, extraction)
    seconds = time.perf_counter() - t_loop - (sum(timer.seconds.values()) - others)
    record_extraction(timer, seconds, stats, workers=workers)


class _CacheWriter:
    """Collects fresh extractions and saves them in one transaction per batch or per second,
    whichever comes first, so an interrupted build loses at most that much work."""

    def __init__(self, cache: Cache, batch_size: int, timer: Timer,
                 seconds: float = 1.0) -> None:
        self.cache = cache
        self.batch_size = max(1, batch_size)
        self.timer = timer
        self.seconds = seconds
        self.pending: list[tuple[str, Extraction]] = []
        self.saved = 0
        self.last = time.monotonic()

    def add(self, article: Article, extraction: Extraction) -> None:
        """Save ``extraction`` under the article's id, with the next batch."""
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


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, enabled: bool) -> _NoBar:
    if not enabled or not sys.stderr.isatty() or os.environ.get("CI"):
        return _NoBar()
    from tqdm import tqdm

    bar = tqdm(total=total, unit="article", desc="kg build", file=sys.stderr, leave=False)
    return bar  # type: ignore[no-any-return]
