"""JSON-LD: compact form with kg's published ``@context`` (``ontology/context.jsonld``) embedded.

The document is ``{"@context": {...}, "@graph": [...]}``: nodes of the default
graph first, then one ``{"@id": <graph>, "@graph": [...]}`` object per named
graph (one per article, the entities', the ontology's), so it round-trips to
the same dataset as the TriG. The context is copied in, not linked, so no
processor needs the network to read the file.

Compaction is done here, for this one context, straight from the canonical
quads (:mod:`kg.export.canonical`): a property with a term in the context uses the
term (``label``, ``hosts``, ``confidence``), and a value that matches the term's
coercion is written as a plain string (``"Turkey"`` for a ``label`` in English,
``"0.85"`` for an ``xsd:decimal`` confidence); anything else falls back to a
compact IRI key and an explicit value object, so no value changes meaning.
Canonical ``xsd:integer`` values are JSON numbers. Keys are sorted, values in
canonical order, so the same dataset always gives the same bytes. The tests
parse the output with Oxigraph and rdflib and compare it with the dataset.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeAlias

import pyoxigraph as ox

from kg.errors import Errors, ExportError
from kg.export.canonical import canonical_graphs
from kg.store.ontology import ONTOLOGY_DIR

__all__ = ["CONTEXT_PATH", "compact_iri", "context", "document", "write"]

#: The published context, embedded in every JSON-LD file kg writes.
CONTEXT_PATH = ONTOLOGY_DIR / "context.jsonld"

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING, _XSD_INTEGER = _XSD + "string", _XSD + "integer"
# Integers that every JSON parser reads exactly (below 2**53) and in canonical form.
_NATIVE_INT = re.compile(r"^(0|-?[1-9][0-9]{0,14})$")

#: How a term coerces plain strings: "@id", ("@language", tag), ("@type", datatype IRI) or None.
Coercion: TypeAlias = str | tuple[str, str] | None
JsonValue: TypeAlias = Any


@functools.cache
def context() -> dict[str, Any]:
    """Return the ``@context`` object of ``ontology/context.jsonld``.

    Raises:
        ExportError: The file is missing or is not a JSON-LD context document.
    """
    try:
        data = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))
        ctx = data["@context"]
        if not isinstance(ctx, dict):
            raise TypeError("@context is not an object")
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ExportError(Errors.E041.format(path=CONTEXT_PATH, reason=error)) from error
    return ctx


@functools.cache
def _prefixes() -> tuple[tuple[str, str], ...]:
    """(prefix, namespace) pairs of the context, longest namespace first."""
    pairs = [
        (name, value) for name, value in context().items()
        if isinstance(value, str) and ":" not in name and value.endswith(("/", "#"))
    ]
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[1]), pair[0])))


def _expand(value: str) -> str:
    prefix, sep, suffix = value.partition(":")
    if sep and not suffix.startswith("//"):
        for name, namespace in _prefixes():
            if name == prefix:
                return namespace + suffix
    return value


@functools.cache
def _terms() -> dict[str, tuple[str, Coercion]]:
    """Property IRI -> (term, coercion) for every property term of the context."""
    prefixes = {name for name, _ in _prefixes()}
    out: dict[str, tuple[str, Coercion]] = {}
    for name, definition in context().items():
        if name.startswith("@") or name in prefixes:
            continue
        coercion: Coercion = None
        if isinstance(definition, str):
            iri = _expand(definition)
        else:
            iri = _expand(definition["@id"])
            if definition.get("@type") == "@id":
                coercion = "@id"
            elif "@type" in definition:
                coercion = ("@type", _expand(definition["@type"]))
            elif "@language" in definition:
                coercion = ("@language", definition["@language"])
        out[iri] = (name, coercion)
    return out


def compact_iri(iri: str) -> str:
    """Return ``iri`` as ``prefix:local`` by the context's longest matching prefix, else as is."""
    for name, namespace in _prefixes():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            local = iri[len(namespace):]
            if not local.startswith("//"):
                return f"{name}:{local}"
    return iri


def _node_id(term: ox.NamedNode | ox.BlankNode) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else compact_iri(term.value)


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal, coercion: Coercion) -> JsonValue:
    """The compact JSON value of an object ``term`` under a key with ``coercion``."""
    if not isinstance(term, ox.Literal):
        ident = _node_id(term)
        return ident if coercion == "@id" else {"@id": ident}
    lexical, language = term.value, term.language
    datatype = term.datatype.value
    if language:
        if coercion == ("@language", language):
            return lexical
        return {"@value": lexical, "@language": language}
    if isinstance(coercion, tuple) and coercion == ("@type", datatype):
        return lexical
    if coercion is None:
        if datatype == _XSD_STRING:
            return lexical
        if datatype == _XSD_INTEGER and _NATIVE_INT.match(lexical):
            return int(lexical)
    if datatype == _XSD_STRING:
        return {"@value": lexical}
    return {"@value": lexical, "@type": compact_iri(datatype)}


def _nodes(quads: Iterable[ox.Quad]) -> list[dict[str, JsonValue]]:
    """Node objects of one graph's quads, in order of first appearance."""
    terms = _terms()
    nodes: dict[str, dict[str, list[JsonValue]]] = {}
    for quad in quads:
        subject = _node_id(quad.subject)  # type: ignore[arg-type]
        node = nodes.setdefault(subject, {})
        predicate = quad.predicate.value
        obj = quad.object
        if predicate == _RDF_TYPE and not isinstance(obj, ox.Literal):
            node.setdefault("@type", []).append(_node_id(obj))  # type: ignore[arg-type]
            continue
        if isinstance(obj, ox.Triple):
            raise ExportError(Errors.E042.format(term=obj))
        key, coercion = terms.get(predicate, (compact_iri(predicate), None))
        node.setdefault(key, []).append(_value(obj, coercion))
    out = []
    for subject, properties in nodes.items():
        item: dict[str, JsonValue] = {"@id": subject}
        for key, values in properties.items():
            item[key] = values[0] if len(values) == 1 else values
        out.append(item)
    return out


def document(graph: Any) -> dict[str, JsonValue]:
    """Return the compact JSON-LD document of ``graph`` (context embedded).

    Args:
        graph: Anything :func:`kg.store.oxigraph.oxigraph_store` accepts.
    """
    items: list[dict[str, JsonValue]] = []
    for name, lines in canonical_graphs(graph):
        quads = ox.parse(b"\n".join(lines) + b"\n", format=ox.RdfFormat.N_TRIPLES)
        nodes = _nodes(quads)
        if isinstance(name, ox.DefaultGraph):
            items.extend(nodes)
        else:
            items.append({"@id": _node_id(name), "@graph": nodes})
    return {"@context": context(), "@graph": items}


def write(graph: Any, path: Path, **_: Any) -> None:
    """Write ``graph`` as compact JSON-LD to ``path``, every named graph kept."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        json.dump(document(graph), out, ensure_ascii=False, indent=1, sort_keys=True)
        out.write("\n")
