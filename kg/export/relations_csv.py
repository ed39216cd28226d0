"""CSV of relations: one row per (fact, sentence stating it), for spreadsheets and pandas.

Columns (:data:`COLUMNS`): ``subject``, ``subject_label``, ``relation``,
``object``, ``object_label``, ``confidence``, ``article`` (the source file
of the article holding the sentence), ``sentence`` (its exact text).
``subject``/``object`` are IRIs, ``relation`` the local name (``hosts``),
``confidence`` the statement's decimal as written. A fact with no evidence
sentence gets one row with empty ``article`` and ``sentence``.

RFC 4180 CSV in UTF-8: CRLF line ends, fields quoted where they hold a comma,
quote or line break (sentences may), quotes doubled. Rows are sorted, so the
same graph always gives the same bytes. (The module is not called ``csv`` so it
cannot be mistaken for the standard library's.)
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.store.namespace import PREFIXES, local_name
from kg.store.oxigraph import union_store

__all__ = ["COLUMNS", "rows", "write"]

COLUMNS = ("subject", "subject_label", "relation", "object", "object_label",
           "confidence", "article", "sentence")

_QUERY = """
SELECT DISTINCT ?s ?sl ?p ?o ?ol ?confidence ?source ?sentence ?evidence
WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?st kgo:confidence ?confidence }
  OPTIONAL { ?s rdfs:label ?sl }
  OPTIONAL { ?o rdfs:label ?ol }
  OPTIONAL {
    ?st prov:wasDerivedFrom ?evidence .
    OPTIONAL { ?evidence nif:anchorOf ?sentence }
    OPTIONAL { ?evidence dcterms:isPartOf+ ?article . ?article dcterms:source ?source }
  }
}
"""


def rows(graph: Any) -> list[tuple[str, ...]]:
    """Return the CSV rows of ``graph`` (without the header), sorted.

    Args:
        graph: Anything :func:`kg.store.oxigraph.oxigraph_store` accepts.
    """
    store = union_store(graph)
    out: set[tuple[str, ...]] = set()
    result = store.query(_QUERY, prefixes=PREFIXES)
    assert isinstance(result, ox.QuerySolutions)
    for row in result:
        s, sl, p, o, ol, confidence, source, sentence, evidence = (
            "" if term is None else term.value for term in row
        )
        # The evidence IRI stays in the key so two evidence nodes with the same
        # text (a sentence repeated in two articles' copies) stay two rows.
        out.add((s, sl, local_name(p), o, ol, confidence, source, sentence, evidence))
    return [r[:-1] for r in sorted(out)]


def write(graph: Any, path: Path, **_: Any) -> None:
    """Write ``graph``'s relations with their evidence sentences as CSV to ``path``."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        writer.writerows(rows(graph))
