"""Check a built graph against the graph contract with SHACL (``ontology/shapes.ttl``).

The shapes target ``kgo:Entity`` and ``kgo:Event`` and reach their subclasses
through the ontology's ``rdfs:subClassOf`` triples, so the ontology
(``ontology/kg.ttl``) goes into the data graph beside the data. That is what
pyshacl's ``ont_graph`` option does (it mixes the ontology into a copy of the
data graph); building the one copy here saves a second. No inference is needed.

Speed: pyshacl checks the SHACL Core shapes. The SPARQL constraints of shapes
whose only target is ``sh:targetNode`` (the graph-wide rules of
``kgsh:GraphShape``) run here on Oxigraph instead of rdflib's much slower
SPARQL engine: same queries, same pre-bound ``$this``, same messages. Together a
20k-triple graph validates in a second or two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pyshacl
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.store.load import load_graph
from kg.store.namespace import shorten_iri
from kg.store.ontology import load_ontology, load_shapes
from kg.store.oxigraph import to_oxigraph

__all__ = ["MAX_LISTED", "ValidationReport", "validate"]

#: At most this many results are listed in the report's text; the rest are counted.
MAX_LISTED = 50

_SEVERITY_NAMES: dict[Node | None, str] = {
    SH.Violation: "Violation",
    SH.Warning: "Warning",
    SH.Info: "Info",
}
_TEMPLATE_VAR = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of :func:`validate`.

    Attributes:
        conforms: True when no shape reports a violation.
        violations: Number of results of severity ``sh:Violation``.
        text: A readable report: a summary line, then one line per result
            (severity, focus node, path, message), sorted; at most
            :data:`MAX_LISTED` lines.
        warnings: Number of results of severity ``sh:Warning`` or ``sh:Info``.
    """

    conforms: bool
    violations: int
    text: str
    warnings: int = 0


@dataclass(frozen=True, slots=True)
class _Finding:
    severity: str
    focus: str
    path: str
    message: str

    def line(self) -> str:
        return f"{self.severity}: {self.focus} {self.path}: {self.message}"


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


def _data_graph(graph_or_path: Graph | str | Path) -> tuple[Graph, int]:
    """Return an in-memory graph of the input's triples plus the ontology, and the input's size."""
    if isinstance(graph_or_path, (str, Path)):
        # rdflib's memory store keeps literals as written (an Oxigraph store
        # would turn xsd:nonNegativeInteger offsets into xsd:integer).
        loaded = load_graph(graph_or_path, store="default")
        named = [g for g in loaded.graphs() if g.identifier != loaded.default_graph.identifier]
        if not any(len(g) for g in named):
            # A triples-only file: its one graph is ours to extend, no copy needed.
            data = loaded.default_graph
            size = len(data)
            load_ontology(data)
            return data, size
        source: Graph = loaded
    else:
        source = graph_or_path
    data = Graph()
    if isinstance(source, Dataset) and not source.default_union:
        data.addN((s, p, o, data) for s, p, o, _ in source.quads((None, None, None, None)))
    else:
        data.addN((s, p, o, data) for s, p, o in source.triples((None, None, None)))
    size = len(data)
    load_ontology(data)
    return data, size


def _oxigraph_store(data: Graph) -> ox.Store:
    store = ox.Store()
    store.extend(
        ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))  # type: ignore[arg-type]
        for s, p, o in data
    )
    return store


# ---------------------------------------------------------------------------
# Formatting terms
# ---------------------------------------------------------------------------


def _short(term: Node | None) -> str:
    if term is None:
        return "-"
    if isinstance(term, URIRef):
        return shorten_iri(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    assert isinstance(term, Literal)
    return term.n3()


def _short_ox(term: object) -> str:
    if isinstance(term, ox.NamedNode):
        return shorten_iri(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        if term.language:
            return f'"{term.value}"@{term.language}'
        if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
            return f'"{term.value}"'
        return f'"{term.value}"^^{shorten_iri(term.datatype.value)}'
    return str(term)


def _message_term(term: object) -> str:
    """Return a term as it reads inside a message: IRIs shortened, literals as their text."""
    if isinstance(term, ox.Literal):
        return term.value
    return _short_ox(term)


# ---------------------------------------------------------------------------
# SHACL-SPARQL constraints of targetNode shapes, run on Oxigraph
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _SparqlConstraint:
    focus_nodes: tuple[URIRef, ...]
    query: str
    messages: tuple[str, ...]
    severity: str


def _prefix_lines(shapes: Graph, constraint: Node) -> str:
    lines = []
    for source in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(source, SH.declare):
            prefix = shapes.value(declaration, SH.prefix)
            namespace = shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(sorted(set(lines)))


def _split_sparql_constraints(shapes: Graph) -> list[_SparqlConstraint]:
    """Take the SPARQL constraints of shapes with only ``sh:targetNode`` out of ``shapes``."""
    other_targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
    taken: list[_SparqlConstraint] = []
    for shape in set(shapes.subjects(SH.sparql, None)):
        nodes = tuple(n for n in shapes.objects(shape, SH.targetNode) if isinstance(n, URIRef))
        if not nodes or any(shapes.value(shape, t) is not None for t in other_targets):
            continue
        if (shape, RDF.type, RDF.Property) in shapes or shapes.value(shape, SH.path) is not None:
            continue  # property shapes: leave their value-node semantics to pyshacl
        shape_severity = shapes.value(shape, SH.severity)
        for constraint in list(shapes.objects(shape, SH.sparql)):
            select = shapes.value(constraint, SH.select)
            if select is None or shapes.value(constraint, SH.deactivated) == Literal(True):
                continue
            severity = shapes.value(constraint, SH.severity) or shape_severity or SH.Violation
            messages = tuple(str(m) for m in shapes.objects(constraint, SH.message)) or tuple(
                str(m) for m in shapes.objects(shape, SH.message)
            )
            query = f"{_prefix_lines(shapes, constraint)}\n{select}"
            taken.append(
                _SparqlConstraint(
                    nodes, query, messages, _SEVERITY_NAMES.get(severity, "Violation")
                )
            )
            shapes.remove((shape, SH.sparql, constraint))
    return taken


_THIS = re.compile(r"\$this\b")
_PROJECTS_THIS = re.compile(r"SELECT\s+(DISTINCT\s+|REDUCED\s+)?[^{]*[?$]this\b", re.IGNORECASE)


def _query_with_this(store: ox.Store, query: str, focus: URIRef) -> object:
    """Run ``query`` with ``$this`` pre-bound to ``focus``, as SHACL-SPARQL requires."""
    if not _THIS.search(query):
        return store.query(query)
    if _PROJECTS_THIS.search(query):
        return store.query(query, substitutions={ox.Variable("this"): ox.NamedNode(str(focus))})
    # Oxigraph substitutes only projected variables; elsewhere the IRI goes in as text.
    return store.query(_THIS.sub(f"<{focus}>", query))


def _fill(template: str, bound: dict[str, object]) -> str:
    """Put the solution's values into a message's ``{?var}`` / ``{$var}`` slots."""
    return _TEMPLATE_VAR.sub(
        lambda m: _message_term(bound[m.group(1)]) if m.group(1) in bound else m.group(0), template
    )


def _run_sparql_constraints(
    store: ox.Store, constraints: list[_SparqlConstraint]
) -> list[_Finding]:
    findings = []
    for constraint in constraints:
        for focus in constraint.focus_nodes:
            solutions = _query_with_this(store, constraint.query, focus)
            assert isinstance(solutions, ox.QuerySolutions)
            names = [v.value for v in solutions.variables]
            for solution in solutions:
                bound = {n: solution[n] for n in names if solution[n] is not None}
                template = (
                    constraint.messages[0] if constraint.messages else "SPARQL constraint not met"
                )
                message = _fill(template, bound)
                focus_text = _short_ox(bound["this"]) if "this" in bound else _short(focus)
                findings.append(_Finding(constraint.severity, focus_text, "-", message))
    return findings


# ---------------------------------------------------------------------------
# pyshacl's report
# ---------------------------------------------------------------------------


def _path_text(report: Graph, result: Node) -> str:
    path = report.value(result, SH.resultPath)
    if path is None:
        return "-"
    if isinstance(path, URIRef):
        return _short(path)
    inner = report.value(path, SH.oneOrMorePath)
    return f"{_short(inner)}+" if inner is not None else "(path)"


def _pyshacl_findings(report: Graph) -> list[_Finding]:
    findings = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = _SEVERITY_NAMES.get(report.value(result, SH.resultSeverity), "Violation")
        message = report.value(result, SH.resultMessage)
        value = report.value(result, SH.value)
        detail = str(message) if message is not None else "constraint not met"
        if value is not None:
            detail += f" (value: {_short(value)})"
        focus = _short(report.value(result, SH.focusNode))
        findings.append(_Finding(severity, focus, _path_text(report, result), detail))
    return findings


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


def validate(graph_or_path: Graph | str | Path) -> ValidationReport:
    """Validate a graph against the SHACL shapes of the graph contract.

    Args:
        graph_or_path: A graph or dataset (all its named graphs are validated
            together, as one graph), or the path of a graph file (see
            :func:`kg.store.load.load_graph` for the formats).

    Returns:
        The report; ``conforms`` is False when any rule reports a violation.

    Raises:
        GraphFileError: A path that is missing or does not parse.
        KGError: The ontology folder is missing.
    """
    data, size = _data_graph(graph_or_path)
    shapes = load_shapes()
    sparql_constraints = _split_sparql_constraints(shapes)
    findings = _run_sparql_constraints(_oxigraph_store(data), sparql_constraints)
    _, report_graph, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        allow_infos=True,
        inplace=True,
    )
    assert isinstance(report_graph, Graph)
    findings.extend(_pyshacl_findings(report_graph))

    violations = sum(1 for f in findings if f.severity == "Violation")
    warnings = len(findings) - violations
    lines = sorted(f.line() for f in findings)
    listed = lines[:MAX_LISTED]
    if len(lines) > MAX_LISTED:
        listed.append(f"... and {len(lines) - MAX_LISTED} more")
    if violations == 0:
        summary = f"Conforms: {size} triples, no violations"
    else:
        plural = "s" if violations != 1 else ""
        summary = f"Does not conform: {violations} violation{plural} in {size} triples"
    if warnings:
        summary += f", {warnings} warning{'s' if warnings != 1 else ''}"
    return ValidationReport(
        conforms=violations == 0,
        violations=violations,
        text="\n".join([summary, *listed]),
        warnings=warnings,
    )
