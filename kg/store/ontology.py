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
    """Add the triples of ``ontology/kg.ttl`` to ``graph``.

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
    path = ontology_path()
    fmt = "ox-turtle" if type(graph.store).__name__ == "OxigraphStore" else "turtle"
    graph.parse(path, format=fmt)
    return graph


def load_shapes() -> Graph:
    """Return the SHACL shapes graph that :func:`kg.validate` checks graphs against.

    The one place the shapes are read (today ``ontology/shapes.ttl`` as written),
    so shapes made from the ontology can be added here.

    Raises:
        KGError: ``shapes.ttl`` is missing.
    """
    shapes = Graph()
    shapes.parse(shapes_path(), format="turtle")
    return shapes
