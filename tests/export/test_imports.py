"""Exporters stand alone: no exporter module imports another one."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kg.export
from kg.export import FORMATS

EXPORT_DIR = Path(kg.export.__file__).parent
EXPORTERS = sorted({module for module, _suffix in FORMATS.values()})


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, by full dotted name (``from a import b`` gives a and a.b)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            # Relative imports in kg/export/*.py are relative to the kg.export package.
            parts = [p for p in ("kg.export" if node.level else "", node.module or "") if p]
            base = ".".join(parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def test_imports_every_exporter_is_a_module_file() -> None:
    assert EXPORTERS and all((EXPORT_DIR / f"{name}.py").is_file() for name in EXPORTERS)


@pytest.mark.parametrize("path", sorted(EXPORT_DIR.glob("*.py")), ids=lambda p: p.name)
def test_imports_no_exporter_imports_another(path: Path) -> None:
    others = {f"kg.export.{name}" for name in EXPORTERS} - {f"kg.export.{path.stem}"}
    assert not imported_modules(path) & others


def test_imports_the_check_sees_an_exporter_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from kg.export.nquads import write\nfrom kg.export import turtle\n"
        "import kg.export.trig\nfrom . import jsonld\nfrom .graphml import write\n",
        encoding="utf-8",
    )
    expected = {"kg.export.nquads", "kg.export.turtle", "kg.export.trig", "kg.export.jsonld",
                "kg.export.graphml"}
    assert expected <= imported_modules(bad)
