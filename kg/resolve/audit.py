"""The merge report: every cross-article merge of a build, with names and an example each.

:func:`kg.resolve.identity.link_entities` decides which entity keys of different
articles are one entity; this module lays each decision out for a reader to check
(``kg build --merge-report PATH``): the key merged away with the names the articles
give it, the node it joined with its final label and own names, the linker's reason
code, the articles that mention the merged key, and one sentence for each side.

The report is TSV, one merge per line under a header line, sorted by merged key (so
two builds of the same articles write the same bytes). Lists within a cell (names,
articles) are joined by `` | ``; names come most-mentioned first. Keys are entity
keys (``person/raisi``); a node's IRI is ``https://w3id.org/newskg/id/`` + key.
Example sentences read ``SOURCE: sentence``, from the first article (by id) that
mentions the key. It is written only when asked, after the graph is built.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kg.resolve.identity import Linking
from kg.resolve.resolver import ResolvedArticle

__all__ = ["COLUMNS", "MergeRow", "format_merge_report", "merge_rows"]

#: The report's header, in column order.
COLUMNS = ("merged", "merged_names", "target", "label", "reason", "articles", "example",
           "target_names", "target_example")
#: How lists are joined within a cell.
SEPARATOR = " | "


@dataclass(frozen=True, slots=True)
class MergeRow:
    """One merge of the report (the fields are the columns of :data:`COLUMNS`).

    Attributes:
        merged: The key merged away (``person/raisi``).
        merged_names: Its surface forms across the build, most-mentioned first.
        target: The key of the node it joined.
        label: That node's final ``rdfs:label``.
        reason: The linker's reason code (``surname``, ``type``, ...).
        articles: The sources (file names) of the articles that mention ``merged``.
        example: ``SOURCE: sentence`` naming ``merged``.
        target_names: The target key's own surface forms, most-mentioned first.
        target_example: ``SOURCE: sentence`` naming the target key.
    """

    merged: str
    merged_names: tuple[str, ...]
    target: str
    label: str
    reason: str
    articles: tuple[str, ...]
    example: str
    target_names: tuple[str, ...]
    target_example: str


def merge_rows(
    articles: Sequence[ResolvedArticle], linking: Linking, labels: Mapping[str, str]
) -> list[MergeRow]:
    """One row per merge of ``linking``, sorted by merged key.

    Args:
        articles: The resolved articles of the build (any order).
        linking: The build's cross-article decisions.
        labels: Final key -> ``rdfs:label`` (:attr:`kg.store.graph.GraphBuilder.labels`).
    """
    wanted = {m.source for m in linking.merges} | {m.target for m in linking.merges}
    forms: dict[str, Counter[str]] = {k: Counter() for k in wanted}
    sources: dict[str, list[str]] = {k: [] for k in wanted}
    example: dict[str, str] = {}
    for ra in sorted(articles, key=lambda ra: ra.article.id):
        for key in wanted.intersection(ra.entities):
            found = ra.surface_forms.get(key, Counter())
            forms[key].update(found)
            sources[key].append(ra.article.source)
            if key not in example:
                example[key] = _example(ra, found)
    return [
        MergeRow(m.source, _names(forms[m.source]), m.target, labels.get(m.target, ""), m.reason,
                 tuple(sorted(sources[m.source])), example.get(m.source, ""),
                 _names(forms[m.target]), example.get(m.target, ""))
        for m in sorted(linking.merges)
    ]


def format_merge_report(rows: Sequence[MergeRow]) -> str:
    """The report as TSV text: the header line, then one line per row, ending in a newline."""
    lines = ["\t".join(COLUMNS)]
    for row in rows:
        cells = [SEPARATOR.join(v) if isinstance(v, tuple) else v
                 for v in (getattr(row, c) for c in COLUMNS)]
        lines.append("\t".join(_cell(c) for c in cells))
    return "\n".join(lines) + "\n"


def _names(forms: Counter[str]) -> tuple[str, ...]:
    return tuple(f for f, _ in sorted(forms.items(), key=lambda fc: (-fc[1], fc[0])))


def _example(ra: ResolvedArticle, forms: Counter[str]) -> str:
    """``SOURCE: sentence`` of the first sentence of ``ra`` with a mention in ``forms``."""
    sentences = ra.extraction.sentences
    hits = [m.sentence for m in ra.extraction.mentions if m.text in forms]
    if not hits:  # a form the resolver rewrote: look for its text
        hits = [i for i, s in enumerate(sentences) if any(f in s.text for f in forms)]
    if not hits or not 0 <= min(hits) < len(sentences):
        return f"{ra.article.source}:"
    return f"{ra.article.source}: {sentences[min(hits)].text}"


def _cell(text: str) -> str:
    """A TSV cell: tabs and line breaks as spaces."""
    return " ".join(text.replace("\t", " ").split())
