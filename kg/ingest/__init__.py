"""Ingest: input files to :class:`~kg.model.Article` objects, boilerplate removed.

No spaCy here. ``.txt`` scrapes go through line-level boilerplate rules
(:mod:`kg.ingest.clean`, rules in ``data/boilerplate.tsv``), ``.md`` files lose
their Markdown syntax and give their front matter as metadata, and
``.html``/``.htm`` pages go through trafilatura.
"""

from kg.ingest.clean import CleanResult, clean_text
from kg.ingest.files import (
    SUFFIXES,
    SkipInput,
    article_id,
    iter_input_files,
    load_articles,
    read_article,
)
from kg.ingest.html import clean_html
from kg.ingest.markdown import clean_markdown

__all__ = [
    "SUFFIXES",
    "CleanResult",
    "SkipInput",
    "article_id",
    "clean_html",
    "clean_markdown",
    "clean_text",
    "iter_input_files",
    "load_articles",
    "read_article",
]
