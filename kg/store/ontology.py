"""Where the ontology, the SHACL shapes and the named queries live, and loading them.

They are files of the repository's ``ontology/`` folder (next to the ``kg``
package), so an editable install or a source checkout finds them.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.errors import Errors, KGError

__all__ = [
    "ONTOLOGY_DIR",
    "load_ontology",
    "load_shapes",
    "ontology_path",
    "queries_dir",
    "shapes_path",
]

#: The repository's ``ontology/`` folder: kg.ttl, shapes.ttl, queries/*.rq.
ONTOLOGY_DIR: Path = Path(__file__).resolve().parents[2] / "ontology"


def _existing(path: Path, what: str) -> Path:
    if not path.exists():
        raise KGError(Errors.E050.format(what=what, path=path))
    return path


def ontology_path() -> Path:
    """Return the path of the OWL ontology, ``ontology/kg.ttl``.

    Raises:
        KGError: The file is missing (for example kg was installed without its
            source tree).
    """
    return _existing(ONTOLOGY_DIR / "kg.ttl", "ontology kg.ttl")


def shapes_path() -> Path:
    """Return the path of the SHACL shapes, ``ontology/shapes.ttl``.

    Raises:
        KGError: The file is missing.
    """
    return _existing(ONTOLOGY_DIR / "shapes.ttl", "SHACL shapes shapes.ttl")


def queries_dir() -> Path:
    """Return the folder of the named SPARQL queries, ``ontology/queries``.

    Raises:
        KGError: The folder is missing.
    """
    return _existing(ONTOLOGY_DIR / "queries", "named queries folder queries/")


def load_ontology(graph: Graph) -> Graph:
    """Add the triples of ``ontology/kg.ttl`` (the files of the schema in use) to ``graph``.

    For a :class:`rdflib.Dataset`, pass the named graph that should hold the
    ontology (``ds.graph(ONTOLOGY_IRI)``); parsing into the dataset itself puts
    the triples in its default graph. Oxigraph-backed graphs are loaded with
    Oxigraph's own parser, which is much faster.

    Args:
        graph: The graph to add to; it is changed in place.

    Returns:
        The same graph, for chaining.

    Raises:
        KGError: ``kg.ttl`` is missing.
    """
    fmt = "ox-turtle" if type(graph.store).__name__ == "OxigraphStore" else "turtle"
    for path in ontology_files():
        graph.parse(path, format=fmt)
    return graph


def ontology_files() -> tuple[Path, ...]:
    """The ontology files of the relation schema in use: ``ontology/kg.ttl`` (plus any
    extension a caller loaded the schema with, as the toy-relation test does)."""
    from kg.schema import Schema  # kg.schema finds kg.ttl through this module

    return Schema.default().paths or (ontology_path(),)


def load_shapes() -> Graph:
    """Return the SHACL shapes graph that :func:`kg.validate` checks graphs against.

    The one place the shapes are read: ``ontology/shapes.ttl`` as written, plus the
    relation-end shapes generated from the relation schema of ``ontology/kg.ttl``
    (:func:`kg.schema.derived.relation_shapes`), so a relation declared there is
    validated with no shape written by hand.

    Raises:
        KGError: ``shapes.ttl`` is missing.
    """
    shapes = Graph()
    shapes.parse(shapes_path(), format="turtle")
    from kg.schema import Schema  # kg.schema reads the ontology through this module
    from kg.schema.derived import relation_shapes

    shapes += relation_shapes(Schema.default())
    return shapes
