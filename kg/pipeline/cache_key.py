"""What an article's extraction depends on besides its text: the key cached extractions
are valid for (:func:`fingerprint`)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import spacy
import thinc
from spacy.language import Language

from kg.pipeline.nlp import DEFAULT_MODEL

#: The parts of the kg package an extraction depends on, besides the article text
#: (the rest of kg only reads extractions): their bytes are in :func:`fingerprint`.
EXTRACTION_CODE = ("extract", "resolve", "model.py", "pipeline", "store/cache.py")


def fingerprint(model: str | Language = DEFAULT_MODEL) -> dict[str, str]:
    """What an article's extraction depends on besides its text.

    Stored with the cached extractions of ``kg build --store``; any difference
    makes a build drop them and parse every article again.

    Args:
        model: The spaCy pipeline, loaded or by name or path (only its
            ``meta.json`` is read, the model is not loaded).

    Returns:
        ``kg version``, ``kg code`` (a hash of :data:`EXTRACTION_CODE`: rules,
        lexicons, gazetteer, recaser, the pipeline), ``spaCy`` (spaCy and Thinc
        versions) and ``model`` (language, name and version of the pipeline).
    """
    import kg

    return {
        "kg version": kg.__version__,
        "kg code": code_hash(),
        "spaCy": f"spacy {spacy.__version__}, thinc {thinc.__version__}",
        "model": _model_identity(model),
    }


def code_hash() -> str:
    """A hash of :data:`EXTRACTION_CODE`: file paths and contents."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for part in EXTRACTION_CODE:
        path = root / part
        files = sorted(f for f in path.rglob("*") if f.is_file() and "__pycache__" not in f.parts
                       and not f.name.startswith(".")) if path.is_dir() else [path]
        for f in files:
            digest.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


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
