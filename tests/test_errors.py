"""The table of numbered messages (kg.errors) and how the CLI prints them."""

from __future__ import annotations

import ast
import pickle
import pkgutil
import re
from pathlib import Path

import pytest

import kg
from kg import cli
from kg.errors import (
    Errors,
    ExportError,
    GraphFileError,
    InputError,
    KGError,
    QueryError,
    Warnings,
    code_of,
)

KG_DIR = Path(kg.__file__).parent
ERRORS_PY = KG_DIR / "errors.py"
CODE = re.compile(r"[EW]\d{3}")
# Modules other sessions rewrite; their messages still carry "kg: " themselves (see
# kg.cli._say) until they take theirs from the table (entries E070-E090 wait for them).
NOT_YET_CONVERTED: set[str] = set()


def table_entries() -> dict[str, list[str]]:
    """``{table class: [entry names in source order]}`` read from kg/errors.py."""
    tree = ast.parse(ERRORS_PY.read_text(encoding="utf-8"))
    return {
        node.name: [
            target.id
            for statement in node.body
            if isinstance(statement, ast.Assign)
            for target in statement.targets
            if isinstance(target, ast.Name) and CODE.fullmatch(target.id)
        ]
        for node in tree.body
        if isinstance(node, ast.ClassDef) and node.name in ("Errors", "Warnings")
    }


def codes_used_in(path: Path) -> set[str]:
    """Every ``Errors.E0xx`` / ``Warnings.W0xx`` attribute read in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        f"{node.value.id}.{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in ("Errors", "Warnings")
    }


def test_errors_codes_are_unique_and_in_order() -> None:
    entries = table_entries()
    assert set(entries) == {"Errors", "Warnings"}
    for table, names in entries.items():
        assert len(names) == len(set(names)), f"{table} defines a code twice"
        assert names == sorted(names), f"{table}'s codes are out of order"
        assert all(name[0] == table[0] for name in names)


def test_errors_every_code_used_in_kg_exists() -> None:
    used = set().union(*(codes_used_in(p) for p in KG_DIR.rglob("*.py")))
    assert used, "no module reads the table"
    missing = sorted(u for u in used if not hasattr(Errors if u[0] == "E" else Warnings,
                                                     u.split(".")[1]))
    assert not missing


@pytest.mark.parametrize(
    ("table", "name"),
    [(t, n) for t, names in table_entries().items() for n in names],
)
def test_errors_entry_is_one_line_without_prefix_and_ends_with_its_code(
    table: str, name: str
) -> None:
    text = getattr(Errors if table == "Errors" else Warnings, name)
    assert text.endswith(f" [{name}]")
    assert not text.startswith("kg")
    assert "\n" not in text
    assert code_of(text) == name


def test_errors_format_keeps_the_code() -> None:
    message = Errors.E002.format(path="'x'")
    assert message == "no such file or folder: 'x' (check the path) [E002]"
    error = InputError(message)
    assert (str(error), error.code, error.exit_code) == (message, "E002", 2)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (KGError("some text of a module outside the table"), None),
        (QueryError(Errors.E038), "E038"),
        (GraphFileError(Errors.E020.format(path="g.ttl")), "E020"),
    ],
)
def test_errors_code_of_an_error(error: KGError, code: str | None) -> None:
    assert error.code == code


def test_errors_survive_pickling() -> None:  # a worker process hands errors back
    error = ExportError(Errors.E040.format(name="x", formats="ttl"))
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is ExportError and str(copy) == str(error) and copy.code == "E040"


def prefixed_strings(source: str) -> list[str]:
    """String literals of ``source`` (docstrings left out) that start like a CLI line, ``kg: ``."""
    tree = ast.parse(source)
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings and re.match(r"kg( [a-z]+)?: ", node.value)
    ]


def test_errors_prefix_check_finds_prefixed_literals() -> None:
    source = '''"""kg: a docstring."""\nraise KGError(f"kg: no {x}")\nsay("kg serve: no")\n'''
    assert sorted(prefixed_strings(source)) == ["kg serve: no", "kg: no "]


@pytest.mark.parametrize(
    "path",
    sorted(
        p for p in KG_DIR.rglob("*.py")
        if p.relative_to(KG_DIR).as_posix() not in NOT_YET_CONVERTED | {"cli.py"}
        and "extract" not in p.parts and "resolve" not in p.parts
    ),
    ids=lambda p: p.relative_to(KG_DIR).as_posix(),
)
def test_errors_library_messages_do_not_carry_the_cli_prefix(path: Path) -> None:
    assert not prefixed_strings(path.read_text(encoding="utf-8"))


GRAPH_FIX = "Fix: give the path of a graph that `kg build` wrote (e.g. out/graph.ttl)."
EXPORTERS = "csv, graphml, html, jsonld, nquads, ntriples, trig, turtle"


@pytest.mark.parametrize(
    ("argv", "line", "status"),
    [
        (["build", "no/dir"], "kg: no such file or folder: 'no/dir' (check the path) [E002]", 2),
        (
            ["query", "no/such.ttl", "who-met-whom"],
            f"kg: Graph file no/such.ttl does not exist. {GRAPH_FIX} [E020]",
            2,
        ),
        (
            ["query", "x.ttl"],
            "kg: give a graph file and a query (or --list); see kg query --help [E038]",
            2,
        ),
        (
            ["export", "x.ttl", "--format", "xml", "-o", "x.xml"],
            f"kg: No exporter 'xml'. Available: {EXPORTERS} [E040]",
            2,
        ),
    ],
)
def test_errors_cli_prints_one_prefixed_line(
    argv: list[str], line: str, status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(argv) == status
    assert capsys.readouterr().err == line + "\n"


@pytest.mark.parametrize(
    ("message", "line"),
    [
        ("skipped 'a.txt': the file is empty [E010]",
         "kg: skipped 'a.txt': the file is empty [E010]"),
        ("interrupted; outputs unchanged", "kg: interrupted; outputs unchanged"),
        ("no readable articles in x [E082]", "kg: no readable articles in x [E082]"),
    ],
)
def test_errors_cli_say_adds_the_prefix_once(
    message: str, line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    cli._say(message)
    assert capsys.readouterr().err == line + "\n"


def test_errors_public_functions_do_not_shadow_modules() -> None:
    submodules = {info.name for info in pkgutil.iter_modules(kg.__path__)}
    assert not submodules & set(kg.__all__)
    assert callable(kg.query) and callable(kg.validate) and callable(kg.load_graph)
