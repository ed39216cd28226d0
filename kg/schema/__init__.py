"""The relation schema: ``ontology/kg.ttl`` read once into a typed table.

The ontology is the one place a relation is declared. :class:`Schema` reads it
into frozen :class:`RelationSpec` rows (domain, range, symmetry, super-properties
and whether an official's act generalises to the state) and the class hierarchy,
so that the resolver's type checks, the lexicon's relation names, the JSON-LD
context and the SHACL shapes of relation ends (:mod:`kg.schema.derived`) all
follow from it.

Types are class names: a ``kgo:`` class by its local name (``Country``,
``Meeting``), any other class as a prefixed name (``prov:Agent``,
``schema:Place``). A relation is a ``kgo:`` ``owl:ObjectProperty`` that carries
``kgo:generalisesToState`` (``true`` or ``false``).

``python -m kg.schema --context`` prints ``ontology/context.jsonld``;
``--shapes`` prints the generated SHACL shapes; ``--table`` the relations.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from kg.errors import KGError
from kg.store.namespace import KGO
from kg.store.ontology import ontology_path

__all__ = ["GENERALISES", "RelationSpec", "Schema", "SchemaError"]

KGO_NS = str(KGO._NS)
#: The annotation that marks a relation and says whether it generalises to the state.
GENERALISES = URIRef(KGO_NS + "generalisesToState")
_ENTITY = "Entity"
_EVENT = "Event"
#: Class name -> the class and all its superclasses.
Hierarchy = Mapping[str, frozenset[str]]


class SchemaError(KGError):
    """An ontology that cannot be read as kg's relation schema, or a relation it lacks."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class RelationSpec:
    """One relation of the graph contract, as ``kg.ttl`` declares it.

    Attributes:
        name: The local name (``hosts``); the relation is ``kgo:<name>``.
        iri: The full IRI.
        label: The English ``rdfs:label``.
        comment: The English ``rdfs:comment``.
        domain: The classes of its ``rdfs:domain`` (an ``owl:unionOf`` expanded).
        range: The classes of its ``rdfs:range`` (an ``owl:unionOf`` expanded).
        symmetric: Whether it is an ``owl:SymmetricProperty``.
        super_properties: Its ``rdfs:subPropertyOf`` (``^p`` for ``[ owl:inverseOf p ]``).
        generalises: Whether an official's or state body's act is also their
            state's (``kgo:generalisesToState``).
        subject_types: Every class that fits the domain: its classes and their subclasses.
        object_types: Every class that fits the range.
    """

    name: str
    iri: str
    label: str
    comment: str
    domain: frozenset[str]
    range: frozenset[str]
    symmetric: bool
    super_properties: frozenset[str]
    generalises: bool
    subject_types: frozenset[str] = field(default=frozenset(), repr=False)
    object_types: frozenset[str] = field(default=frozenset(), repr=False)

    def accepts_subject(self, type_: str) -> bool:
        """Whether a node of class ``type_`` (``"Person"``) may be the subject."""
        return type_ in self.subject_types

    def accepts_object(self, type_: str) -> bool:
        """Whether a node of class ``type_`` (``"Meeting"``) may be the object."""
        return type_ in self.object_types


class Schema:
    """The relations and classes of an ontology, read once.

    Build one with :meth:`load` (any Turtle files) or :meth:`default`
    (``ontology/kg.ttl``, cached).

    Attributes:
        relations: The relations, ordered by name.
        symmetric: Names of the symmetric relations.
        classes: Every named class -> its superclasses, transitively, itself included.
        source: The file(s) read, for messages.
        paths: The Turtle files read (empty for a schema made from a graph): the
            ontology a build writes into its graph and validates against.
    """

    paths: tuple[Path, ...] = ()

    def __init__(
        self,
        relations: Iterable[RelationSpec],
        classes: Mapping[str, frozenset[str]],
        source: str = "<graph>",
        class_iris: Mapping[str, str] | None = None,
    ) -> None:
        """Make a schema from rows already read (use :meth:`load` to read an ontology).

        Args:
            relations: The relations, in any order.
            classes: Every named class -> the class and its superclasses.
            source: Where they were read from, for messages.
            class_iris: Class name -> IRI, for names that are not ``kgo:`` local names.
        """
        self.relations: tuple[RelationSpec, ...] = tuple(sorted(relations, key=lambda r: r.name))
        self.classes: Mapping[str, frozenset[str]] = MappingProxyType(dict(classes))
        self.symmetric: frozenset[str] = frozenset(r.name for r in self.relations if r.symmetric)
        self.source = source
        self._by_name = {r.name: r for r in self.relations}
        self._iris = dict(class_iris or {})

    @classmethod
    @functools.cache
    def default(cls) -> Schema:
        """Return the schema of ``ontology/kg.ttl``, read once per process."""
        return cls.load(ontology_path())

    @classmethod
    def load(cls, path: str | Path, *more: str | Path) -> Schema:
        """Read the schema from one or more Turtle files (an ontology and extensions of it).

        Args:
            path: The ontology, e.g. ``ontology/kg.ttl``.
            *more: Further Turtle files read into the same graph (a toy relation in tests).

        Raises:
            SchemaError: A file is missing, is not Turtle, or declares a relation badly.
        """
        graph = Graph()
        paths = [Path(p) for p in (path, *more)]
        for p in paths:
            if not p.is_file():
                raise SchemaError(
                    f"Cannot read the ontology {p}: no such file. "
                    "Pass the path of a Turtle ontology such as ontology/kg.ttl."
                )
            try:
                graph.parse(p, format="turtle")
            except Exception as error:  # rdflib raises several unrelated types
                text = str(error).strip()
                first = text.splitlines()[0] if text else type(error).__name__
                raise SchemaError(
                    f"Cannot parse the ontology {p} as Turtle ({first}). Fix its syntax."
                ) from error
        schema = cls.from_graph(graph, source=", ".join(str(p) for p in paths))
        schema.paths = tuple(paths)
        return schema

    @classmethod
    def from_graph(cls, graph: Graph, source: str = "<graph>") -> Schema:
        """Read the schema from an ontology already parsed into ``graph``.

        Raises:
            SchemaError: A relation without a domain or range, one naming an unknown
                class, a non-boolean ``kgo:generalisesToState``, a symmetric relation
                whose ends differ, or an object property between entities and events
                that does not say whether it generalises.
        """
        return _Reader(graph, source).schema()

    # ------------------------------------------------------------------ lookups
    @property
    def names(self) -> tuple[str, ...]:
        """The relation names, sorted."""
        return tuple(self._by_name)

    def get(self, name: str) -> RelationSpec | None:
        """The relation called ``name``, or None."""
        return self._by_name.get(name)

    def __getitem__(self, name: str) -> RelationSpec:
        """The relation called ``name``.

        Raises:
            SchemaError: No such relation; the message lists the valid names.
        """
        spec = self._by_name.get(name)
        if spec is None:
            raise SchemaError(
                f"Unknown relation {name!r} in {self.source}; valid relations: "
                f"{', '.join(self.names)}."
            )
        return spec

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[RelationSpec]:
        return iter(self.relations)

    def __len__(self) -> int:
        return len(self.relations)

    def __repr__(self) -> str:
        return f"Schema({self.source!r}, relations={list(self.names)})"

    def is_a(self, type_: str, cls: str) -> bool:
        """Whether class ``type_`` is ``cls`` or one of its subclasses."""
        return cls in self.classes.get(type_, frozenset())

    def subclasses(self, cls: str) -> frozenset[str]:
        """Every class that is ``cls`` or a subclass of it."""
        return frozenset(c for c, supers in self.classes.items() if cls in supers)

    def class_iri(self, name: str) -> str:
        """The IRI of the class called ``name`` (``Country`` -> ``kgo:Country``'s IRI)."""
        if name in self._iris:
            return self._iris[name]
        if name.startswith("<") and name.endswith(">"):
            return name[1:-1]
        return KGO_NS + name


class _Reader:
    """Turns an ontology graph into a :class:`Schema`, with one-line errors."""

    def __init__(self, graph: Graph, source: str) -> None:
        self.g = graph
        self.source = source
        self.iris: dict[str, str] = {}

    def fail(self, message: str) -> SchemaError:
        return SchemaError(f"{self.source}: {message}")

    def name(self, node: Node) -> str:
        """``kgo:Country`` -> ``Country``; another IRI -> its prefixed name (or ``<iri>``)."""
        iri = str(node)
        if iri.startswith(KGO_NS):
            return iri[len(KGO_NS) :]
        try:
            prefix, _, local = self.g.namespace_manager.compute_qname(iri, generate=False)
        except (KeyError, ValueError):
            return f"<{iri}>"
        return f"{prefix}:{local}"

    def schema(self) -> Schema:
        classes = self.hierarchy()
        relations = [self.relation(p, classes) for p in self.relation_iris()]
        self.check_unmarked(classes, {r.iri for r in relations})
        return Schema(relations, classes, self.source, self.iris)

    def hierarchy(self) -> dict[str, frozenset[str]]:
        named: set[URIRef] = {
            c
            for kind in (OWL.Class, RDFS.Class)
            for c in self.g.subjects(RDF.type, kind)
            if isinstance(c, URIRef)
        }
        parents: dict[str, set[str]] = {}
        for sub, sup in self.g.subject_objects(RDFS.subClassOf):
            if isinstance(sub, URIRef) and isinstance(sup, URIRef):
                named |= {sub, sup}
                parents.setdefault(self.name(sub), set()).add(self.name(sup))
        self.iris = {self.name(n): str(n) for n in named}
        out: dict[str, frozenset[str]] = {}
        for c in sorted(self.iris):
            seen, todo = {c}, [c]
            while todo:  # transitive closure; a cycle only repeats classes already seen
                for sup in parents.get(todo.pop(), ()):
                    if sup not in seen:
                        seen.add(sup)
                        todo.append(sup)
            out[c] = frozenset(seen)
        return out

    def relation_iris(self) -> list[URIRef]:
        return sorted(
            p
            for p in set(self.g.subjects(GENERALISES, None))
            if isinstance(p, URIRef) and str(p).startswith(KGO_NS)
        )

    def ends(self, prop: URIRef, which: URIRef, classes: Hierarchy) -> frozenset[str]:
        what = "rdfs:domain" if which == RDFS.domain else "rdfs:range"
        values = list(self.g.objects(prop, which))
        fix = "a class or [ a owl:Class ; owl:unionOf ( ... ) ]"
        if len(values) != 1:
            raise self.fail(
                f"relation kgo:{self.name(prop)} has {len(values)} {what} values; "
                f"give it exactly one: {fix}."
            )
        node = values[0]
        if isinstance(node, URIRef):
            members: list[Node] = [node]
        else:
            union = self.g.value(node, OWL.unionOf)
            if union is None:
                raise self.fail(
                    f"the {what} of kgo:{self.name(prop)} is neither a class nor {fix}."
                )
            members = list(Collection(self.g, union))
        names = [self.name(m) if isinstance(m, URIRef) else "" for m in members]
        unknown = [n or "a blank node" for n in names if n not in classes]
        if unknown or not names:
            raise self.fail(
                f"the {what} of kgo:{self.name(prop)} names {', '.join(unknown) or 'no class'}, "
                "not a declared class; declare it (a owl:Class) or fix the name."
            )
        return frozenset(names)

    def relation(self, prop: URIRef, classes: Hierarchy) -> RelationSpec:
        name = self.name(prop)
        flags = list(self.g.objects(prop, GENERALISES))
        flag = flags[0] if len(flags) == 1 else None
        if not (isinstance(flag, Literal) and isinstance(flag.toPython(), bool)):
            raise self.fail(
                f"kgo:{name} needs exactly one kgo:generalisesToState, true or false "
                f"(found {', '.join(f.n3() for f in flags)})."
            )
        domain = self.ends(prop, RDFS.domain, classes)
        range_ = self.ends(prop, RDFS.range, classes)
        symmetric = (prop, RDF.type, OWL.SymmetricProperty) in self.g
        if symmetric and domain != range_:
            raise self.fail(
                f"kgo:{name} is an owl:SymmetricProperty but its rdfs:domain and rdfs:range "
                "differ; give both the same classes."
            )
        supers = set()
        for sup in self.g.objects(prop, RDFS.subPropertyOf):
            inverse = self.g.value(sup, OWL.inverseOf) if isinstance(sup, BNode) else None
            if isinstance(sup, URIRef):
                supers.add(self.name(sup))
            elif isinstance(inverse, URIRef):
                supers.add("^" + self.name(inverse))

        def below(ends: frozenset[str]) -> frozenset[str]:
            return frozenset(c for c, ups in classes.items() if ups & ends)

        return RelationSpec(
            name=name,
            iri=str(prop),
            label=self.english(prop, RDFS.label) or name,
            comment=self.english(prop, RDFS.comment),
            domain=domain,
            range=range_,
            symmetric=symmetric,
            super_properties=frozenset(supers),
            generalises=bool(flag.toPython()),
            subject_types=below(domain),
            object_types=below(range_),
        )

    def english(self, node: URIRef, predicate: URIRef) -> str:
        values = sorted(
            self.g.objects(node, predicate),
            key=lambda v: (getattr(v, "language", None) != "en", str(v)),  # English first
        )
        return " ".join(str(values[0]).split()) if values else ""

    def check_unmarked(self, classes: Hierarchy, marked: set[str]) -> None:
        """A kgo: object property between entities and events must say whether it generalises."""

        def kg_class(node: Node | None) -> bool:
            if isinstance(node, BNode) and (union := self.g.value(node, OWL.unionOf)) is not None:
                return all(kg_class(m) for m in Collection(self.g, union))
            if not isinstance(node, URIRef):
                return False
            return bool(classes.get(self.name(node), frozenset()) & {_ENTITY, _EVENT})

        for prop in sorted(self.g.subjects(RDF.type, OWL.ObjectProperty)):
            if not isinstance(prop, URIRef) or not str(prop).startswith(KGO_NS):
                continue
            domain, range_ = self.g.value(prop, RDFS.domain), self.g.value(prop, RDFS.range)
            if str(prop) not in marked and kg_class(domain) and kg_class(range_):
                raise self.fail(
                    f"kgo:{self.name(prop)} relates entities or events but has no "
                    "kgo:generalisesToState; add `kgo:generalisesToState true` (or false) to make "
                    "it a relation."
                )
