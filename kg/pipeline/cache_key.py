"""What an article's extraction depends on besides its text: the key cached extractions
are valid for (:func:`fingerprint`)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path
from typing import Any

import spacy
import thinc
from spacy.language import Language

from kg.pipeline.nlp import DEFAULT_MODEL
from kg.store.ontology import ontology_files

#: What an extraction depends on besides the article text (the rest of kg only reads
#: extractions), by module name. Packages are walked: every file in them at any depth,
#: code and data alike, is in :func:`code_hash`, so a file added to or moved within them
#: changes the fingerprint. The folders walked come from the modules themselves: a
#: module that is moved or renamed fails here, loudly, instead of dropping out.
EXTRACTION_SOURCES = (
    "kg.extract", "kg.resolve", "kg.model", "kg.pipeline", "kg.schema", "kg.store.cache",
    "kg.store.namespace", "kg.store.ontology",  # how kg.schema finds and reads ontology/kg.ttl
)
#: The folder of the ``kg`` package.
KG_ROOT = Path(__file__).resolve().parents[1]


def fingerprint(model: str | Language = DEFAULT_MODEL) -> dict[str, str]:
    """What an article's extraction depends on besides its text.

    Stored with the cached extractions of ``kg build --store``; any difference
    makes a build drop them and parse every article again.

    Args:
        model: The spaCy pipeline, loaded or by name or path (only its
            ``meta.json`` is read, the model is not loaded).

    Returns:
        ``kg version``, ``kg code`` (:func:`code_hash`: rules, lexicons,
        gazetteer, recaser, the pipeline), ``spaCy`` (spaCy and Thinc versions)
        and ``model`` (language, name and version of the pipeline).
    """
    import kg

    return {
        "kg version": kg.__version__,
        "kg code": code_hash(),
        "spaCy": f"spacy {spacy.__version__}, thinc {thinc.__version__}",
        "model": _model_identity(model),
    }


def code_hash(root: Path | None = None) -> str:
    """A hash of every file of :data:`EXTRACTION_SOURCES`: their paths and their bytes.

    Args:
        root: The folder of the ``kg`` package to read the files in (a copy of it,
            say); by default the one this module belongs to.

    Returns:
        16 hex digits of the SHA-256 of each file's path relative to the package
        and its bytes, in the order of the paths, then of the ontology files of the
        relation schema in use (``ontology/kg.ttl``).
    """
    root = KG_ROOT if root is None else root
    digest = hashlib.sha256()
    for name in source_files(root):
        digest.update(name.encode() + b"\0" + (root / name).read_bytes() + b"\0")
    # The relation schema the rules and the resolver check against lives outside the package.
    for path in ontology_files():
        digest.update(f"ontology/{path.name}".encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def source_files(root: Path = KG_ROOT) -> list[str]:
    """The files of :data:`EXTRACTION_SOURCES` under ``root``, as sorted POSIX paths
    relative to it (compiled files, ``__pycache__`` and hidden files left out)."""
    found: set[str] = set()
    for part in map(_relative_path, EXTRACTION_SOURCES):
        path = root / part
        files = path.rglob("*") if path.is_dir() else [path]
        for f in files:
            rel = f.relative_to(root)
            if f.is_file() and not _ignored(rel):
                found.add(rel.as_posix())
    return sorted(found)


def _relative_path(module: str) -> Path:
    """Where a module of kg is, relative to the package: its folder or its file."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ImportError(f"no module {module} to fingerprint: update EXTRACTION_SOURCES")
    where = Path(spec.origin).resolve()
    return (where.parent if spec.submodule_search_locations else where).relative_to(KG_ROOT)


def _ignored(rel: Path) -> bool:
    return "__pycache__" in rel.parts or any(p.startswith(".") for p in rel.parts) \
        or rel.suffix in (".pyc", ".pyo")


def _model_identity(model: str | Language) -> str:
    if isinstance(model, Language):
        meta: dict[str, Any] = dict(model.meta)
    else:
        where = Path(model)
        if not where.is_dir() and spacy.util.is_package(model):
            where = spacy.util.get_package_path(model)
        try:
            meta = json.loads((where / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}  # not installed: loading it will say so, if anything needs parsing
    if not meta:
        return str(model)
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}"
