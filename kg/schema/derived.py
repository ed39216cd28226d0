"""Files derived from the relation schema: the JSON-LD context and SHACL shapes of relation ends.

:func:`context_text` is ``ontology/context.jsonld`` (a test keeps the checked-in
file equal to it); :func:`relation_shapes` is the part of ``ontology/shapes.ttl``'s
``kgsh:GraphShape`` that depends on the relations. ``python -m kg.schema --context``
and ``--shapes`` print them.
"""

from __future__ import annotations

import json
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from kg.schema import RelationSpec, Schema, SchemaError
from kg.store.namespace import KG, PREFIXES

__all__ = [
    "CONTEXT_TERMS",
    "GRAPH_SHAPE",
    "KGSH",
    "context_text",
    "jsonld_context",
    "relation_shapes",
]

# ---------------------------------------------------------------------------
# The JSON-LD context (ontology/context.jsonld)
# ---------------------------------------------------------------------------

#: The context's terms that are not relations, in groups (a blank line between groups).
CONTEXT_TERMS: tuple[tuple[tuple[str, Any], ...], ...] = (
    (
        ("label", {"@id": "rdfs:label", "@language": "en"}),
        ("altLabel", {"@id": "skos:altLabel", "@language": "en"}),
        ("sameAs", {"@id": "owl:sameAs", "@type": "@id"}),
        ("imports", {"@id": "owl:imports", "@type": "@id"}),
        ("role", {"@id": "kgo:role", "@language": "en"}),
        ("mentionedIn", {"@id": "kgo:mentionedIn", "@type": "@id"}),
        ("reportedBy", {"@id": "kgo:reportedBy", "@type": "@id"}),
        ("confidence", {"@id": "kgo:confidence", "@type": "xsd:decimal"}),
        ("rule", "kgo:rule"),
        ("text", "kgo:text"),
        ("date", {"@id": "kgo:date", "@type": "xsd:date"}),
    ),
    (
        ("source", "dcterms:source"),
        ("title", "dcterms:title"),
        ("isPartOf", {"@id": "dcterms:isPartOf", "@type": "@id"}),
        ("datePublished", {"@id": "schema:datePublished", "@type": "xsd:date"}),
        ("publisher", "schema:publisher"),
    ),
    (
        ("anchorOf", "nif:anchorOf"),
        ("beginIndex", "nif:beginIndex"),
        ("endIndex", "nif:endIndex"),
    ),
    (
        ("subject", {"@id": "rdf:subject", "@type": "@id"}),
        ("predicate", {"@id": "rdf:predicate", "@type": "@id"}),
        ("object", {"@id": "rdf:object", "@type": "@id"}),
        ("wasDerivedFrom", {"@id": "prov:wasDerivedFrom", "@type": "@id"}),
    ),
)


def _context_groups(schema: Schema) -> list[list[tuple[str, Any]]]:
    fixed = [list(group) for group in CONTEXT_TERMS]
    taken = set(PREFIXES) | {key for group in fixed for key, _ in group}
    clash = sorted(r.name for r in schema if r.name in taken)
    if clash:
        raise SchemaError(
            f"Relation name(s) {', '.join(clash)} of {schema.source} are already JSON-LD "
            "terms of ontology/context.jsonld; rename the relation."
        )
    relations = [(r.name, {"@id": f"kgo:{r.name}", "@type": "@id"}) for r in schema]
    return [list(PREFIXES.items()), *fixed, relations]


def jsonld_context(schema: Schema | None = None) -> dict[str, Any]:
    """The JSON-LD context of kg's graphs: fixed prefixes and terms, one term per relation.

    Raises:
        SchemaError: A relation's name is already another term of the context.
    """
    groups = _context_groups(schema or Schema.default())
    return {"@context": {key: value for group in groups for key, value in group}}


def context_text(schema: Schema | None = None) -> str:
    """:func:`jsonld_context` laid out as ``ontology/context.jsonld`` is: one term a line."""
    groups = _context_groups(schema or Schema.default())
    blocks = [
        ",\n".join(f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in group)
        for group in groups
        if group
    ]
    return '{\n  "@context": {\n' + ",\n\n".join(blocks) + "\n  }\n}\n"


# ---------------------------------------------------------------------------
# SHACL shapes of relation ends (for ontology/shapes.ttl's kgsh:GraphShape)
# ---------------------------------------------------------------------------

KGSH = URIRef("https://w3id.org/newskg/shapes#")
GRAPH_SHAPE = URIRef(str(KGSH) + "GraphShape")
_SHAPE_PREFIXES = ("kgo", "rdf", "rdfs", "owl")


def _is_kgo(name: str) -> bool:
    return ":" not in name and not name.startswith("<")


def _class_term(schema: Schema, name: str) -> str:
    """A class in a query: ``kgo:Country``, or a full IRI (its prefix may be undeclared)."""
    return f"kgo:{name}" if _is_kgo(name) else f"<{schema.class_iri(name)}>"


def _class_words(names: frozenset[str]) -> str:
    """Classes in a message: ``kgo:Country, kgo:Person or prov:Agent``."""
    terms = [f"kgo:{n}" if _is_kgo(n) else n for n in sorted(names)]
    return terms[0] if len(terms) == 1 else f"{', '.join(terms[:-1])} or {terms[-1]}"


def _end_query(schema: Schema, spec: RelationSpec, end: str) -> tuple[str, str]:
    """(message, SELECT) of the constraint that the subject (or object) of ``spec`` fits."""
    classes = spec.domain if end == "domain" else spec.range
    # One FILTER per class, the class bound: Oxigraph walks a/rdfs:subClassOf* from
    # ?value to a fixed class fast, but is slow to enumerate every class of ?value.
    indent = "\n                "
    filters = "".join(
        f"{indent}FILTER NOT EXISTS {{ ?value a/rdfs:subClassOf* {_class_term(schema, c)} }}"
        for c in sorted(classes)
    )
    words = _class_words(classes)
    if end == "domain":
        triple = f"?value kgo:{spec.name} ?o ."
        message = (
            f"{{?value}} is the subject of kgo:{spec.name} {{?o}} but is not a {words} "
            f"(the rdfs:domain of kgo:{spec.name})"
        )
        head = "SELECT ?value ?o WHERE {"
    else:
        triple = f"?s kgo:{spec.name} ?value ."
        message = (
            f"{{?s}} is kgo:{spec.name} {{?value}}, which is not a {words} "
            f"(the rdfs:range of kgo:{spec.name})"
        )
        head = "SELECT ?s ?value WHERE {"
    select = f"""
            {head}
                {triple}{filters}
            }}"""
    return message, select


def _statement_query(schema: Schema) -> tuple[str, str]:
    """(message, SELECT) of the rule that every relation triple has a statement node."""
    # One pattern per relation, not a filter on ?p: each reads one predicate's index.
    # (SHACL-SPARQL forbids VALUES in a constraint.)
    patterns = "\n                UNION ".join(
        f"{{ ?s kgo:{r.name} ?value . BIND (kgo:{r.name} AS ?p) }}" for r in schema
    )
    symmetric = ", ".join(f"kgo:{n}" for n in sorted(schema.symmetric))
    either_way = f"""
                # A symmetric relation is stated by a statement in either direction.
                FILTER NOT EXISTS {{
                    ?st2 rdf:subject ?value ; rdf:predicate ?p ; rdf:object ?s .
                    FILTER (?p IN ({symmetric}))
                }}""" if symmetric else ""
    message = (
        "Relation triple {?s} {?p} {?value} has no rdf:Statement node with its evidence "
        "and confidence"
    )
    select = f"""
            SELECT ?s ?p ?value WHERE {{
                {patterns}
                FILTER NOT EXISTS {{
                    ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?value .
                }}{either_way}
            }}"""
    return message, select


def relation_shapes(schema: Schema | None = None) -> Graph:
    """SHACL-SPARQL constraints of ``kgsh:GraphShape`` generated from the relation schema.

    One rule that every relation triple has its ``rdf:Statement`` node (either
    direction for a symmetric relation), and for each relation one rule for its
    subject's classes (``rdfs:domain``) and one for its object's (``rdfs:range``),
    reached through ``rdfs:subClassOf`` as the other shapes do (the ontology sits in
    the data graph). The graph adds to ``ontology/shapes.ttl``: it declares the
    prefixes it uses on ``kgsh:`` and the shape's target, as shapes.ttl does.
    """
    schema = schema or Schema.default()
    g = Graph()
    for prefix in ("kgsh", *_SHAPE_PREFIXES, "sh", "xsd", "kg"):
        ns = {"kgsh": str(KGSH), "sh": str(SH), "xsd": str(XSD)}.get(prefix) or PREFIXES[prefix]
        g.bind(prefix, ns, override=True, replace=True)
    for prefix in _SHAPE_PREFIXES:
        declaration = BNode()
        g.add((KGSH, SH.declare, declaration))
        g.add((declaration, SH.prefix, Literal(prefix)))
        g.add((declaration, SH.namespace, Literal(PREFIXES[prefix], datatype=XSD.anyURI)))
    g.add((GRAPH_SHAPE, RDF.type, SH.NodeShape))
    g.add((GRAPH_SHAPE, SH.targetNode, URIRef(str(KG) + "graph")))
    rules = [_statement_query(schema)] if len(schema) else []
    rules += [_end_query(schema, r, end) for r in schema for end in ("domain", "range")]
    for message, select in rules:
        constraint = BNode()
        g.add((GRAPH_SHAPE, SH.sparql, constraint))
        g.add((constraint, RDF.type, SH.SPARQLConstraint))
        g.add((constraint, SH.message, Literal(message)))
        g.add((constraint, SH.prefixes, KGSH))
        g.add((constraint, SH.select, Literal(select)))
    return g
