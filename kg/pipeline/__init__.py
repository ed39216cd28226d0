"""The build: ingest -> extract -> resolve -> store -> export, with timings.

``build()`` is the library entry point behind ``kg build``. The package is split
by concern:

* :mod:`kg.pipeline.nlp`: the spaCy model with kg's components, the recaser;
* :mod:`kg.pipeline.extraction`: article texts to extractions, here or in workers;
* :mod:`kg.pipeline.workers`: the forked worker pool;
* :mod:`kg.pipeline.cluster`: the parse on a Dask cluster (``kg build --cluster``);
* :mod:`kg.pipeline.cache_key`: what a cached extraction depends on;
* :mod:`kg.pipeline.builder`: the build itself;
* :mod:`kg.pipeline.timing`: seconds per stage;
* :mod:`kg.pipeline.outputs`: outputs written aside, then put in place together.
"""

from kg.pipeline.builder import build
from kg.pipeline.cache_key import fingerprint
from kg.pipeline.extraction import DEFAULT_BATCH_SIZE, extract_article, extract_articles
from kg.pipeline.nlp import DEFAULT_MODEL, KG_COMPONENTS, load_nlp, make_recaser
from kg.pipeline.outputs import DEFAULT_FORMATS
from kg.pipeline.timing import Timer
from kg.pipeline.workers import WORKER_CHUNK, WORKER_CHUNK_MIN, keep_heap

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_FORMATS",
    "DEFAULT_MODEL",
    "KG_COMPONENTS",
    "WORKER_CHUNK",
    "WORKER_CHUNK_MIN",
    "Timer",
    "build",
    "extract_article",
    "extract_articles",
    "fingerprint",
    "keep_heap",
    "load_nlp",
    "make_recaser",
]
