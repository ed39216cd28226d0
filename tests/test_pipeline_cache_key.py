"""The fingerprint of cached extractions covers the extraction code and data by walking its
packages: a file added, moved or changed there changes it, a file elsewhere does not."""

from __future__ import annotations

import ast
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.pipeline.cache_key import EXTRACTION_SOURCES, KG_ROOT, code_hash, fingerprint, source_files

#: kg modules the extraction code may import without being in the fingerprint: they
#: cannot change an extraction (error classes and their messages).
NOT_EXTRACTION = ("kg.errors",)
#: The modules of kg.pipeline an extraction runs through (the rest builds and writes).
EXTRACTION_PIPELINE = ("nlp", "extraction", "timing", "workers", "cache_key")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the kg package, without compiled files."""
    root = tmp_path / "kg"
    shutil.copytree(KG_ROOT, root, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return root


def _add(rel: str, text: str = "x\n") -> Callable[[Path], None]:
    def change(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return change


def _move(rel: str, to: str) -> Callable[[Path], None]:
    return lambda root: (root / rel).rename(root / to)


def _append(rel: str) -> Callable[[Path], None]:
    return lambda root: (root / rel).write_bytes((root / rel).read_bytes() + b"\n")


@pytest.mark.parametrize(
    ("change", "changes_the_hash"),
    [
        (_add("extract/data/new_nouns.tsv", "noun\tActor\n"), True),  # data of any kind
        (_add("extract/rules/new_family.py"), True),  # a new subpackage
        (_add("resolve/data/more.json", "{}\n"), True),
        (_move("extract/data/verbs.tsv", "extract/data/verbs_old.tsv"), True),
        (_move("resolve/names.py", "resolve/names2.py"), True),
        (_append("model.py"), True),
        (_append("store/cache.py"), True),
        (_append("pipeline/nlp.py"), True),
        (_append("cli.py"), False),  # outside the extraction code
        (_add("export/new.py"), False),
        (_add("extract/__pycache__/rules.cpython-311.pyc"), False),
        (_add("extract/.rules.py.swp"), False),
    ],
)
def test_cache_key_code_hash_follows_the_files_of_the_extraction_packages(
        copy: Path, change: Callable[[Path], None], changes_the_hash: bool) -> None:
    before = code_hash(copy)
    assert before == code_hash()  # paths are relative to the package: a copy hashes the same
    change(copy)
    assert (code_hash(copy) != before) is changes_the_hash


def test_cache_key_walks_every_source_and_its_data() -> None:
    files = source_files()
    assert "model.py" in files and "store/cache.py" in files
    for module in EXTRACTION_SOURCES:
        rel = module.removeprefix("kg.").replace(".", "/")
        assert any(f == f"{rel}.py" or f.startswith(f"{rel}/") for f in files), module
    assert any(f.startswith("extract/data/") and f.endswith(".tsv") for f in files)
    assert any(f.startswith("resolve/data/") and not f.endswith(".py") for f in files)


def _kg_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("kg.")}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "kg":
                found |= {f"kg.{a.name}" for a in node.names}
            elif node.module.startswith("kg."):
                found.add(node.module)
    return found


def test_cache_key_covers_every_kg_module_the_extraction_imports() -> None:
    """A module the extraction starts to import from elsewhere in kg (say a relation schema)
    must join EXTRACTION_SOURCES, or cached extractions outlive a change to it."""
    files = [f for f in source_files() if f.endswith(".py")
             and (not f.startswith("pipeline/") or Path(f).stem in EXTRACTION_PIPELINE)]
    covered = tuple(EXTRACTION_SOURCES) + NOT_EXTRACTION
    outside = {(f, m) for f in files for m in _kg_imports(KG_ROOT / f)
               if not any(m == c or m.startswith(f"{c}.") for c in covered)}
    assert not outside


def test_cache_key_fingerprint_parts() -> None:
    fp = fingerprint("/no/such/model")
    assert list(fp) == ["kg version", "kg code", "spaCy", "model"]
    assert fp["kg code"] == code_hash() and fp["model"] == "/no/such/model"
    assert fp["spaCy"].startswith("spacy ")
