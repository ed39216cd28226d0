"""Article texts to extractions: recase, parse, run the rules, restore the original text.

:func:`extract_article` does it for one text (``kg explain``), :func:`extract_articles`
for a stream of articles (the build); both go through :func:`extract_texts`.

In this process or, with ``processes > 1``, in forked workers that each have the
model already loaded (shared copy-on-write); only texts go to them and only the
small :class:`~kg.model.Extraction` objects come back.
"""

from __future__ import annotations

import functools
import time
from collections import deque
from collections.abc import Iterable, Iterator

from spacy.language import Language

from kg.extract.lexicon import Lexicon
from kg.extract.recase import restore_text
from kg.extract.rules import extract
from kg.model import Article, Extraction
from kg.pipeline.nlp import EXTRACTOR, KG_COMPONENTS, make_recaser
from kg.pipeline.timing import add, timed_pipe
from kg.pipeline.workers import WORKER_CHUNK, Expected, run_in_workers

DEFAULT_BATCH_SIZE = 32
#: What the rules report they suppressed: ``(sentence index, verb, reason)``.
Trace = list[tuple[int, str, str]]


def extract_texts(nlp: Language, texts: Iterable[str], batch_size: int,
                  stats: dict[str, float], *, trace: Trace | None = None) -> Iterator[Extraction]:
    """Recase, parse, run the rules and restore the original text, one extraction per text.

    The pipe leaves out the extractor component and the rules run here, on each
    parsed ``Doc``, so that ``kg explain`` gets their trace from the one run.

    Args:
        nlp: A pipeline from :func:`~kg.pipeline.nlp.load_nlp`.
        texts: Cleaned article texts.
        batch_size: Texts per ``nlp.pipe`` batch.
        stats: kg's share of the work (recasing, its components, the rules,
            restoring) is added to its ``"rules"``.
        trace: If given, gets what the rules suppressed (see
            :func:`kg.extract.rules.extract`); its entries do not say which text
            they come from, so give it with one text only.
    """
    clock = time.perf_counter
    recase = make_recaser()
    lexicon = Lexicon.default()
    held: deque[str] = deque()  # the original texts spaCy has taken but not yet given back

    def recased() -> Iterator[str]:
        for text in texts:
            held.append(text)
            t0 = clock()
            parsed = recase(text)
            add(stats, "rules", clock() - t0)
            yield parsed

    for doc in timed_pipe(nlp, recased(), batch_size, stats, KG_COMPONENTS, skip={EXTRACTOR}):
        t0 = clock()
        extraction = restore_text(extract(doc, lexicon=lexicon, trace=trace), held.popleft())
        add(stats, "rules", clock() - t0)
        yield extraction


def extract_article(nlp: Language, text: str, *, trace: Trace | None = None) -> Extraction:
    """One article's extraction, made as a build makes it: recase, parse, run the rules,
    restore the original text.

    Args:
        nlp: A pipeline from :func:`~kg.pipeline.nlp.load_nlp`.
        text: The article's cleaned text (:attr:`kg.model.Article.text`).
        trace: If given, gets ``(sentence index, verb, reason)`` for every clause
            whose statements the rules suppressed.
    """
    return next(extract_texts(nlp, [text], 1, {}, trace=trace))


def extract_articles(nlp: Language, articles: Iterable[Article], *, processes: int = 1,
                     batch_size: int = DEFAULT_BATCH_SIZE,
                     stats: dict[str, float] | None = None,
                     expected: Expected = None) -> Iterator[tuple[Article, Extraction]]:
    """Parse and extract each article, in input order, streaming.

    Articles are read from ``articles`` only as parsing needs them, and each
    pair is yielded as soon as it is ready, so only the articles in flight are
    held. With ``processes > 1``, forked workers (sharing the loaded model
    copy-on-write) get chunks of article texts and send back extractions; at
    most two chunks per worker are in flight.

    Args:
        nlp: A pipeline from :func:`~kg.pipeline.nlp.load_nlp`.
        articles: The articles.
        processes: Worker processes; 1 runs in this process.
        batch_size: Articles per ``nlp.pipe`` batch (and per task for workers).
        stats: If given, seconds are added to it: ``"rules"`` (kg's recasing,
            components and text restoring) and, with workers, ``"worker parse"``
            and ``"worker rules"`` (summed over workers) and ``"wait"`` (this
            process waiting for them).
        expected: How many articles are coming at most, if known (the number of
            input files), or a function that says how many at most are still to
            come: workers then get smaller tasks towards the end, so they finish
            close together instead of one idling while the other parses a last
            full chunk.
    """
    stats = {} if stats is None else stats
    if processes <= 1:
        held: deque[Article] = deque()

        def texts() -> Iterator[str]:
            for article in articles:
                held.append(article)
                yield article.text

        for extraction in extract_texts(nlp, texts(), batch_size, stats):
            yield held.popleft(), extraction
        return
    make_recaser()  # built once here, inherited by the forked workers
    work = functools.partial(_extract_chunk, nlp)
    chunk = max(1, min(batch_size, WORKER_CHUNK))
    for batch, (extractions, parse_s, rules_s) in run_in_workers(
            work, articles, _texts, processes=processes, chunk=chunk, expected=expected,
            stats=stats):
        add(stats, "worker parse", parse_s)
        add(stats, "worker rules", rules_s)
        yield from zip(batch, extractions, strict=True)


def _texts(articles: list[Article]) -> list[str]:
    return [a.text for a in articles]


def _extract_chunk(nlp: Language, texts: list[str]) -> tuple[list[Extraction], float, float]:
    """Extract a chunk of article texts in a worker.

    Only the texts come in and only the small extractions (and the seconds spent
    in parsing and in the rules) go back: no ``Doc`` and no ``Article`` crosses
    the process boundary.
    """
    t0 = time.perf_counter()
    stats: dict[str, float] = {}
    out = list(extract_texts(nlp, texts, len(texts), stats))
    rules = stats.get("rules", 0.0)
    return out, time.perf_counter() - t0 - rules, rules
