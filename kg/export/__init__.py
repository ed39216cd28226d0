"""Exporters, one small module per format, found by name through a registry.

Each exporter module defines ``write(graph, path, **options)`` taking the built
:class:`rdflib.Dataset` (Oxigraph-backed, one named graph per article plus the
ontology's) and the output path. :func:`export` writes to a temporary file in
the same folder and renames it, so a failed export never leaves a partial file.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg import atomic
from kg.errors import Errors, ExportError

#: format name -> (module under kg.export, default file suffix)
FORMATS: dict[str, tuple[str, str]] = {
    "turtle": ("turtle", ".ttl"),
    "html": ("html", ".html"),
    "ntriples": ("ntriples", ".nt"),
    "nquads": ("nquads", ".nq"),
    "trig": ("trig", ".trig"),
    "jsonld": ("jsonld", ".jsonld"),
    "graphml": ("graphml", ".graphml"),
    "csv": ("relations_csv", ".csv"),
}
#: short names users type
ALIASES: dict[str, str] = {
    "ttl": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "nq": "nquads",
    "n-quads": "nquads",
    "json-ld": "jsonld",
}


def available() -> list[str]:
    """Return the sorted names of every registered format."""
    return sorted(FORMATS)


def resolve_format(name: str) -> str:
    """Return the canonical format name for ``name`` or raise :class:`ExportError`."""
    key = ALIASES.get(name.lower(), name.lower())
    if key not in FORMATS:
        raise ExportError(Errors.E040.format(name=name, formats=", ".join(available())))
    return key


def suffix(name: str) -> str:
    """Return the default file suffix of a format."""
    return FORMATS[resolve_format(name)][1]


def get_exporter(name: str) -> Callable[..., None]:
    """Return the ``write`` function of the exporter called ``name``."""
    module = importlib.import_module(f"kg.export.{FORMATS[resolve_format(name)][0]}")
    return module.write


def export(graph: Any, name: str, path: str | Path, **options: Any) -> Path:
    """Write ``graph`` as format ``name`` to ``path`` atomically.

    Args:
        graph: The built graph.
        name: A format name of :func:`available` (or an alias such as ``ttl``).
        path: Output file; its folder is created if needed.
        **options: Passed to the exporter.

    Returns:
        The path written.
    """
    path = Path(path)
    parent = next((p for p in path.parents if p.exists()), None)
    if parent is not None and not parent.is_dir():
        raise ExportError(Errors.E049.format(path=path, parent=parent))
    os.replace(write_temp(graph, name, path, **options), path)
    return path


def write_temp(graph: Any, name: str, path: str | Path, **options: Any) -> Path:
    """Write ``graph`` as format ``name`` to a new temporary file beside ``path``.

    The caller renames the file over ``path`` (``os.replace``, atomic) or deletes
    it; a build does so for all its outputs at once. The file's name starts with a
    dot, holds the writer's process id and ends in ``.tmp``, so nothing mistakes it
    for an output, and the temporary files of a killed writer (SIGKILL, power
    loss) are removed by the next write of the same output.

    Args:
        graph: The built graph.
        name: A format name of :func:`available` (or an alias such as ``ttl``).
        path: The output file it will become; its folder is created if needed.
        **options: Passed to the exporter.

    Returns:
        The temporary file, complete, with an output file's permissions.
    """
    write = get_exporter(name)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return atomic.write_temp(path, lambda tmp: write(graph, tmp, **options))
