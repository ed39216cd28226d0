"""The README is tested like code: its commands are the ones CI runs, and its examples run."""

from __future__ import annotations

import re
import shlex
import shutil

import pytest

from kg.cli import main, make_parser

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", README, flags=re.S)


def test_readme_opens_with_install_build_and_test_commands():
    first, second = BLOCKS[0], BLOCKS[1]
    assert first[0] == "bash" and first[1].strip().endswith("kg build")
    assert "pip install -e ." in first[1]
    assert second[0] == "bash" and "pytest" in second[1]


def test_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert BLOCKS[1][1].strip() in ci.splitlines()


@pytest.mark.parametrize(
    "command", ["build", "query", "entities", "validate", "explain", "export", "serve"]
)
def test_readme_every_command_is_documented_with_an_example(command, capsys):
    assert f"`kg {command}" in README
    with pytest.raises(SystemExit) as done:
        make_parser().parse_args([command, "--help"])
    assert done.value.code == 0
    help_text = capsys.readouterr().out
    assert "example:" in help_text and f"kg {command}" in help_text.split("example:")[1]


def _console_commands() -> list[list[str]]:
    """The worked example's ``$ kg`` lines (each runs alone), not the store example's (in \
sequence)."""
    console = "".join(body for lang, body in BLOCKS if lang == "console" and "kg-store" not in body)
    return [shlex.split(line[2:]) for line in console.splitlines() if line.startswith("$ kg ")]


def _console_output_of(command: str) -> str:
    """The line the worked example prints after ``command``."""
    console = "".join(body for lang, body in BLOCKS if lang == "console" and "kg-store" not in body)
    lines = console.splitlines()
    return lines[lines.index(command) + 1]


def _console_lines_after(argv: list[str]) -> list[str]:
    """The lines the worked example shows after the command ``argv``, up to ``...`` or the next \
command."""
    console = "".join(body for lang, body in BLOCKS if lang == "console" and "kg-store" not in body)
    lines = console.splitlines()
    at = next(
        i for i, line in enumerate(lines)
        if line.startswith("$ ") and shlex.split(line[2:]) == argv
    )
    shown = []
    for line in lines[at + 1:]:
        if line.startswith("$ ") or line == "...":
            break
        shown.append(line)
    return shown


def _store_example() -> list[tuple[list[str], str]]:
    """The incremental-build example: each ``$ kg`` line with the line printed after it."""
    (body,) = [body for lang, body in BLOCKS if lang == "console" and "kg-store" in body]
    lines = body.splitlines()
    return [(shlex.split(line[2:]), lines[i + 1] if i + 1 < len(lines) else "")
            for i, line in enumerate(lines) if line.startswith("$ kg ")]


@pytest.mark.parametrize("argv", _console_commands(), ids=lambda a: " ".join(a[1:3]))
def test_readme_console_example_runs(argv, seeds_build, tmp_path, monkeypatch, capsys):
    """Each `$ kg ...` line of the worked example runs and prints what the README shows first."""
    summary, out = seeds_build
    if argv[1] == "build":  # the counts the README shows are today's
        shown = _console_output_of("$ kg build")
        assert (f"kg: {summary.articles} articles, {summary.entities} entities, "
                f"{summary.events} events, {summary.relations} relations in ") in shown
    monkeypatch.chdir(tmp_path)
    shutil.copytree(out, tmp_path / "out")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    if argv[1] == "build":
        # the build itself is exercised elsewhere; here: the command parses and runs
        argv = [*argv, "-q"]
    assert main(argv[1:]) == 0
    printed = capsys.readouterr().out
    if argv[1] != "build":  # the lines the README shows are the first ones printed, as printed
        shown = _console_lines_after(argv)
        assert printed.splitlines()[:len(shown)] == shown
    if argv[1] == "query" and "who-hosted-what" in argv:
        assert "Russia" in printed and "Sergei Shoigu" in printed
    if argv[1] == "query" and "--format" in argv:
        assert printed.splitlines()[0] == "actor,type,relations"
    if argv[1] == "explain":
        assert printed.startswith("looking for: Iran  hosts  Meeting")


def test_readme_store_example_runs_in_order(nlp, tmp_path, monkeypatch, capsys):
    """The `--store` example, line after line in one folder: the counts are those shown."""
    import kg.pipeline.builder

    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    # the session's model, loaded once
    monkeypatch.setattr(kg.pipeline.builder, "load_nlp", lambda *_a, **_k: nlp)
    steps = _store_example()
    assert [argv[1] for argv, _ in steps] == ["build", "build", "query"]
    for argv, shown in steps:
        assert main(argv[1:]) == 0
        printed = capsys.readouterr().out
        if argv[1] == "build":
            counts = re.match(r"kg: \d+ articles \([^)]*\)", shown)
            assert counts is not None and printed.startswith(counts.group(0)), (shown, printed)
        else:
            assert printed.splitlines()[0].split() == shown.split()
