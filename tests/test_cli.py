"""The ``kg`` command: help ends with an example, errors are one line, ``kg query --list``.

Bad input exits 2 with one line on stderr and no traceback (1 for a graph that
fails validation). The rows here need no spaCy model: every one fails before a
model would be loaded (``pytest --no-model`` checks it), except those marked
``model``. What each command does with good input is tested in the command's
own tests (test_build.py, test_query.py, export/test_formats.py, test_serve.py,
test_explain.py); here only the command line around it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from kg.cli import main, make_parser
from kg.sparql import list_queries

from .conftest import SEEDS

DATA = Path(__file__).resolve().parent / "data"
TINY = DATA / "tiny.ttl"
SEED = SEEDS / "000_00e312ede173199d.txt"


def commands() -> dict[str, argparse.ArgumentParser]:
    """Every subcommand of ``kg`` and its parser."""
    parser = make_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """Bad inputs of every kind, by name; the names appear in the argv tables below."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "bad.ttl").write_text("@prefix : <x:> .\n:a :b ", encoding="utf-8")
    (tmp_path / "notes.xyz").write_text("not an article", encoding="utf-8")
    (tmp_path / "file").write_text("a file, not a folder", encoding="utf-8")
    (tmp_path / "article.txt").write_text("Turkey met Syria in Moscow.\n", encoding="utf-8")
    broken = TINY.read_text(encoding="utf-8").replace('kgo:confidence "0.85"^^xsd:decimal ;', "")
    (tmp_path / "broken.ttl").write_text(broken, encoding="utf-8")
    names = ["empty", "bad.ttl", "notes.xyz", "file", "article.txt", "broken.ttl", "missing.ttl",
             "missing.txt", "missing", "out"]
    return {"TINY": TINY, "SEEDS": SEEDS, "SEED": SEED} | {name: tmp_path / name for name in names}


def argv(args: list[str], files: dict[str, Path]) -> list[str]:
    """``args`` with each name of :func:`files` (alone, or before ``/``) made a path."""
    out = []
    for arg in args:
        head, _, tail = arg.partition("/")
        out.append(str(files[head] / tail if tail else files[head]) if head in files else arg)
    return out


# --------------------------------------------------------------------------- help


@pytest.mark.parametrize("command", sorted(commands()))
def test_cli_help_ends_with_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert text.count("\nexample:\n") == 1, text
    example = text.split("\nexample:\n")[1].rstrip("\n").splitlines()
    assert example and all(line.startswith("  ") for line in example), example
    assert example[0].strip().startswith(f"kg {command}")


def test_cli_every_command_has_help_and_a_description() -> None:
    parser = make_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    helps = {a.dest: a.help for a in sub._choices_actions}
    for name, command in commands().items():
        assert helps.get(name), f"kg {name} has no one-line help in `kg --help`"
        assert command.description, f"kg {name} --help has no description"


# --------------------------------------------------------------------------- bad input



BAD_INPUT = [
    # (argv, exit status, what the message must name)
    (["query", "missing.ttl", "who-met-whom"], 2, "missing.ttl"),
    (["query", "bad.ttl", "who-met-whom"], 2, "bad.ttl"),
    (["query", "TINY", "SELECT nonsense"], 2, "SPARQL"),
    (["query", "TINY", "no-such-query"], 2, "no-such-query"),
    (["query", "missing", "who-met-whom"], 2, "missing"),
    (["query"], 2, "--list"),
    (["query", "TINY"], 2, "--list"),
    (["validate", "missing.ttl"], 2, "missing.ttl"),
    (["validate", "bad.ttl"], 2, "bad.ttl"),
    (["validate", "empty"], 2, "empty"),
    (["export", "missing.ttl", "--format", "nt", "-o", "out/g.nt"], 2, "missing.ttl"),
    (["export", "TINY", "--format", "turtl", "-o", "out/g.ttl"], 2, "turtl"),
    (["export", "TINY", "--format", "nt", "-o", "file/g.nt"], 2, "file"),
    (["serve", "missing.ttl"], 2, "missing.ttl"),
    (["serve", "bad.ttl", "--port", "0"], 2, "bad.ttl"),
    (["explain", "missing.txt"], 2, "missing.txt"),
    (["explain", "notes.xyz"], 2, ".xyz"),
    (["build", "missing", "-o", "out"], 2, "missing"),
    (["build", "empty", "-o", "out"], 2, "empty"),
    (["build", "notes.xyz", "-o", "out"], 2, "notes.xyz"),
    (["build", "SEEDS", "--formats", "nope", "-o", "out"], 2, "nope"),
    (["build", "SEEDS", "--store", "file", "-o", "out"], 2, "file"),
    # found before the model is loaded
    (["build", "article.txt", "-o", "file"], 2, "file"),
    (["build", "article.txt", "--batch-size", "0", "-o", "out"], 2, "batch"),
    (["build", "article.txt", "--processes", "0", "-o", "out"], 2, "processes"),
]


@pytest.mark.parametrize(("args", "status", "names"), BAD_INPUT, ids=lambda v: " ".join(v)
                         if isinstance(v, list) else None)
def test_cli_bad_input_is_one_line_on_stderr(args: list[str], status: int, names: str,
                                            files: dict[str, Path],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv(args, files)) == status
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1, captured.err
    assert captured.err.startswith("kg") and "Traceback" not in captured.err
    assert names in captured.err
    assert captured.out == ""
    assert not files["out"].exists()  # nothing written


@pytest.mark.parametrize(
    "args",
    [[], ["frobnicate"], ["query", "TINY", "who-met-whom", "--format", "xml"],
     ["build", "--processes", "two"], ["export", "TINY"], ["validate"],
     ["serve", "TINY", "--port", "x"]],
    ids=lambda a: " ".join(a) or "(nothing)",
)
def test_cli_usage_error_exits_2(args: list[str], files: dict[str, Path],
                                 capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv(args, files))
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: kg") and "Traceback" not in err
    assert err.splitlines()[-1].startswith("kg") and " error: " in err.splitlines()[-1]


class Failing:
    """A stdout that fails as no kg code expects."""

    def write(self, _text: str) -> int:
        raise RuntimeError("disk on fire")

    def flush(self) -> None:
        pass


def test_cli_unexpected_error_is_one_line_exit_1(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdout", Failing())
    assert main(["query", "--list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("kg: ") and "RuntimeError: disk on fire" in err and "--debug" in err


def test_cli_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout", Failing())
    with pytest.raises(RuntimeError, match="disk on fire"):
        main(["--debug", "query", "--list"])


# --------------------------------------------------------------------------- validate


@pytest.mark.parametrize(
    ("quiet", "printed"), [([], "kg: {} conforms to the kg shapes\n"), (["-q"], "")]
)
def test_cli_validate_conforms(quiet: list[str], printed: str,
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(TINY), *quiet]) == 0
    captured = capsys.readouterr()
    assert captured.out == printed.format(TINY) and captured.err == ""


def test_cli_validate_violation_exits_1(files: dict[str, Path],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(files["broken.ttl"])]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0].startswith("Does not conform: 1 violation")
    assert any("kgo:confidence" in line for line in lines)
    assert lines[-1] == f"kg: {files['broken.ttl']} has 1 SHACL violation(s)"


# --------------------------------------------------------------------------- query


def test_cli_query_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    named = list_queries()
    assert len(lines) == len(named) >= 8
    for line, (name, title, _description) in zip(lines, named, strict=True):
        assert line.split(None, 1) == [name, title]
    assert [line.split()[0] for line in lines] == sorted(name for name, _, _ in named)


@pytest.mark.parametrize(
    ("query", "fmt", "expected"),
    [
        ("who-met-whom", "csv", ["actor1,actor2,via,date,place,articles,meeting",
                                 "Sergei Shoigu,Turkey,four-way talks,2023-04-25,Moscow,1,"
                                 "https://w3id.org/newskg/id/event/492e1ff944e7f4c6-105",
                                 "Syria,Turkey,meetsWith,,,2,"]),
        ("SELECT ?a WHERE { ?a kgo:meetsWith country:syria }", "tsv",
         ["?a", "<https://w3id.org/newskg/id/country/turkey>"]),
    ],
)
def test_cli_query_prints_the_result(query: str, fmt: str, expected: list[str],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", str(TINY), query, "--format", fmt]) == 0
    assert capsys.readouterr().out.splitlines() == expected


def test_cli_query_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", str(TINY), "ASK { ?a kgo:supports ?e }", "--format", "json"]) == 0
    answer: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert answer["boolean"] is True
