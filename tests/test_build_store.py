"""Incremental builds (``kg build --store``) on the seeds: only new articles are parsed, the
outputs are byte-identical to a build from scratch, and interrupted or killed builds lose \
nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

import kg.pipeline.builder
import kg.pipeline.cache_key
from kg.cli import _sigterm_as_interrupt, main
from kg.errors import BuildInterrupted
from kg.ingest import read_article
from kg.pipeline import build
from kg.sparql import run_query
from kg.store.cache import MemoryCache
from kg.store.load import load_graph
from kg.store.persistent import BuildStore

from .conftest import ROOT, SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))
EDIT = ("Moscow", "Moskva")


def _folder(root: Path, name: str, files: list[Path], edit: str | None = None) -> Path:
    folder = root / name
    folder.mkdir()
    for f in files:
        text = f.read_text(encoding="utf-8")
        if edit and f.name.startswith(edit):
            assert EDIT[0] in text
            text = text.replace(*EDIT)
        (folder / f.name).write_text(text, encoding="utf-8")
    return folder


def _ids(folder: Path) -> set[str]:
    return {read_article(f).id for f in folder.iterdir()}


def _store_ids(store: Path) -> set[str]:
    with BuildStore(store) as disk:
        return disk.article_ids()


def _rows(store: Path) -> int:
    with sqlite3.connect(store / "extractions.sqlite") as db:
        return int(db.execute("SELECT COUNT(*) FROM extraction").fetchone()[0])


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    root = tmp_path_factory.mktemp("inputs")
    return {
        "three": _folder(root, "three", SEED_FILES[:3]),
        "four": _folder(root, "four", SEED_FILES[:4]),
        "edited": _folder(root, "edited", SEED_FILES[:4], edit="001"),
    }


@pytest.fixture(scope="module")
def scratch(tmp_path_factory, inputs, nlp):
    """From-scratch Turtle of the four-article inputs."""
    out = tmp_path_factory.mktemp("scratch")
    return {
        name: Path(
            build([inputs[name]], out / name, nlp=nlp, formats=["turtle"]).outputs[0]
        ).read_bytes()
        for name in ("four", "edited")
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory, inputs, nlp):
    """One store through a sequence of builds: 3 seeds, all 5 (two workers), 4 (one file gone),
    4 with one edited, the same after a kg code change. Each step: (summary, graph.ttl, \
graph.html)."""
    root = tmp_path_factory.mktemp("runs")
    store, out = root / "store", root / "out"
    steps = {}

    def step(name: str, folder: Path, **options) -> None:
        summary = build([folder], out, store=store, nlp=nlp, **options)
        steps[name] = (summary, (out / "graph.ttl").read_bytes(), (out / "graph.html").read_bytes())

    step("three", inputs["three"])
    step("five", SEEDS, processes=2)
    step("four", inputs["four"])
    step("edited", inputs["edited"])
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kg.pipeline.cache_key, "code_hash", lambda: "changed")
        step("code changed", inputs["edited"])
    return steps, store, out


def _counts(summary) -> tuple[int, int, int, int]:
    return summary.articles, summary.parsed, summary.from_store, summary.removed


@pytest.mark.parametrize(
    ("step", "counts"),
    [
        ("three", (3, 3, 0, 0)),
        ("five", (5, 2, 3, 0)),
        ("four", (4, 0, 4, 1)),
        ("edited", (4, 1, 3, 1)),  # the old version of the edited file is gone, the new one parsed
        ("code changed", (4, 4, 0, 0)),
    ],
)
def test_build_store_parses_only_what_is_new(runs, step, counts):
    summary = runs[0][step][0]
    assert _counts(summary) == counts
    assert summary.cache_discarded == ("kg code" if step == "code changed" else None)


def test_build_store_all_five_is_byte_identical_to_a_build_from_scratch(runs, seeds_build):
    _, scratch_out = seeds_build
    _, ttl, html = runs[0]["five"]
    assert ttl == (scratch_out / "graph.ttl").read_bytes()
    assert html == (scratch_out / "graph.html").read_bytes()


@pytest.mark.parametrize(("step", "inputs_name"), [("four", "four"), ("edited", "edited"),
                                                    ("code changed", "edited")])
def test_build_store_removed_and_edited_files_equal_a_build_from_scratch(
    runs, scratch, step, inputs_name
):
    assert runs[0][step][1] == scratch[inputs_name]


def test_build_store_edited_article_replaces_the_old_version(runs, inputs):
    old = read_article(SEED_FILES[1]).id
    new = read_article(inputs["edited"] / SEED_FILES[1].name).id
    before, after = (runs[0][step][1].decode("utf-8") for step in ("four", "edited"))
    assert f"article:{old}" in before and f"article:{new}" not in before and "Moskva" not in before
    assert f"article:{old}" not in after and f"article:{new}" in after and "Moskva" in after


def test_build_store_without_a_store_is_the_same_build_with_a_cache_in_memory(
        tmp_path, nlp, seeds_build, monkeypatch):
    calls: list[tuple[str, int]] = []

    class Recording(MemoryCache):
        def get(self, key):
            calls.append(("get", 1))
            return super().get(key)

        def put_many(self, items):
            count = super().put_many(items)
            calls.append(("put", count))
            return count

    monkeypatch.setattr(kg.pipeline.builder, "MemoryCache", Recording)
    summary = build([SEEDS], tmp_path, nlp=nlp, formats=["turtle"])
    assert calls.count(("get", 1)) == 5 and sum(n for op, n in calls if op == "put") == 5
    assert _counts(summary) == (5, 5, 0, 0) and summary.store is None
    assert summary.cache_discarded is None
    assert not {"store read", "store write"} & set(summary.timings)  # no store, no such rows
    assert (tmp_path / "graph.ttl").read_bytes() == (seeds_build[1] / "graph.ttl").read_bytes()


def test_build_store_graph_is_queryable_and_equals_the_turtle(runs, inputs):
    _, store, out = runs
    assert _store_ids(store) == _ids(inputs["edited"])
    query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    from_store = run_query(load_graph(store), query).graph
    from_turtle = run_query(load_graph(out / "graph.ttl"), query).graph
    assert from_store is not None and from_turtle is not None and len(from_store) > 1000
    _, only_store, only_turtle = graph_diff(to_isomorphic(from_store), to_isomorphic(from_turtle))
    assert isomorphic(from_store, from_turtle), (sorted(only_store)[:5], sorted(only_turtle)[:5])


def test_build_store_cli_summary_and_query_of_the_store(runs, inputs, monkeypatch, capsys):
    """Nothing new: the model is not even loaded; `kg query STORE` reads the store's graph."""
    _, store, out = runs

    def no_model(*_a, **_k):
        raise AssertionError("the model was loaded though every article was in the store")

    monkeypatch.setattr(kg.pipeline.builder, "load_nlp", no_model)
    # as in the store's last build
    monkeypatch.setattr(kg.pipeline.cache_key, "code_hash", lambda: "changed")
    assert main(["build", str(inputs["edited"]), "-o", str(out), "--store", str(store)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("kg: 4 articles (0 parsed, 4 from store, 0 removed), ")
    assert main(["query", str(store), "who-hosted-what", "--format", "csv"]) == 0
    from_store = capsys.readouterr().out
    assert main(["query", str(out / "graph.ttl"), "who-hosted-what", "--format", "csv"]) == 0
    assert from_store == capsys.readouterr().out and from_store.count("\n") > 3


def test_build_store_in_use_by_another_build_is_one_line(tmp_path, capsys):
    with BuildStore(tmp_path / "store"):
        assert main(["build", str(SEEDS), "-o", str(tmp_path / "out"),
                     "--store", str(tmp_path / "store")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is in use by another build" in err
    assert not (tmp_path / "out").exists()


def test_build_store_interrupted_keeps_parsed_articles_and_previous_outputs(
    tmp_path, inputs, nlp, seeds_build, monkeypatch
):
    store, out = tmp_path / "store", tmp_path / "out"
    build([inputs["three"]], out, store=store, nlp=nlp, formats=["turtle"])
    before = (out / "graph.ttl").read_bytes()
    real = kg.pipeline.builder.extract_articles

    def one_then_ctrl_c(*args, **kwargs):
        for pair in real(*args, **kwargs):
            yield pair
            raise KeyboardInterrupt

    monkeypatch.setattr(kg.pipeline.builder, "extract_articles", one_then_ctrl_c)
    with pytest.raises(BuildInterrupted) as stop:
        build([SEEDS], out, store=store, nlp=nlp, formats=["turtle"], batch_size=1)
    assert stop.value.message == (
        f"interrupted; 1 article parsed so far is kept in the store {store}, "
        "outputs and the store's graph unchanged"
    )
    assert (out / "graph.ttl").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]  # no temporary file left
    assert _store_ids(store) == _ids(inputs["three"]) and _rows(store) == 4
    monkeypatch.setattr(kg.pipeline.builder, "extract_articles", real)
    summary = build([SEEDS], out, store=store, nlp=nlp, formats=["turtle"])
    assert _counts(summary) == (5, 1, 4, 0)
    assert (out / "graph.ttl").read_bytes() == (seeds_build[1] / "graph.ttl").read_bytes()


def test_build_store_kill_stops_a_build_like_ctrl_c():
    before = signal.getsignal(signal.SIGTERM)
    with _sigterm_as_interrupt(), pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)
    assert signal.getsignal(signal.SIGTERM) == before


def _copies(folder: Path, n: int) -> Path:
    """``n`` articles: the seeds again and again, each with a sentence that makes its text new."""
    folder.mkdir()
    for i in range(n):
        seed = SEED_FILES[i % len(SEED_FILES)]
        paras = seed.read_text(encoding="utf-8").split("\n\n")
        half = len(paras) // 2  # mid-article: the boilerplate rules drop some lines at the ends
        text = "\n\n".join([
            *paras[:half],
            f"Diplomats said the meeting was number {i} in the series.",
            *paras[half:],
        ])
        (folder / f"copy{i:02d}_{seed.name}").write_text(text, encoding="utf-8")
    return folder


def _start(copies: Path, store: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(copies), "-o", str(out),
         "--store", str(store),
         "--batch-size", "2", "-q"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        # A shell's background job (`cmd &`, nohup) starts with SIGINT ignored, and Python keeps it
        # ignored: give the child the default action, so Ctrl-C is tested however pytest was
        # started.
        preexec_fn=_default_sigint)  # noqa: PLW1509  (pytest runs no threads here)


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for_rows(
    proc: subprocess.Popen[str], store: Path, more_than: int, timeout: float = 120
) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, (
            f"the build ended before it could be stopped: {proc.communicate()}"
        )
        if (store / "extractions.sqlite").exists() and (rows := _rows(store)) > more_than:
            return rows
        time.sleep(0.05)
    raise AssertionError("no article was saved in time")


def test_build_store_ctrl_c_and_kill_of_the_cli_lose_nothing(tmp_path, inputs, nlp):
    """SIGINT to a running `kg build --store`: exit 130, one line, outputs and graph as they were;
    then SIGKILL; then a build completes, parsing only what is left, equal to a build from \
scratch."""
    store, out = tmp_path / "store", tmp_path / "out"
    copies = _copies(tmp_path / "copies", 10)
    assert len(_ids(copies)) == 10
    build([inputs["three"]], out, store=store, nlp=nlp)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    proc = _start(copies, store, out)
    _wait_for_rows(proc, store, more_than=3)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert (
        stderr.count("\n") == 1
        and stderr.startswith("kg: interrupted; ")
        and "kept in the store" in stderr
    )
    assert stdout == ""
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert _store_ids(store) == _ids(inputs["three"])
    assert run_query(load_graph(store), "ASK { ?a dcterms:source ?s }").boolean is True
    kept = _rows(store)
    assert kept > 3

    proc = _start(copies, store, out)
    _wait_for_rows(proc, store, more_than=kept)
    proc.kill()
    proc.wait(timeout=60)
    assert {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")} == before
    assert _store_ids(store) == _ids(inputs["three"])
    kept = _rows(store)

    summary = build([copies], out, store=store, nlp=nlp, formats=["turtle"])
    assert summary.articles == 10 and summary.removed == 3
    assert summary.from_store == kept - 3 and summary.parsed == 10 - summary.from_store > 0
    expected = build([copies], tmp_path / "scratch", nlp=nlp, formats=["turtle"])
    assert (out / "graph.ttl").read_bytes() == Path(expected.outputs[0]).read_bytes()
    graphs = sorted(p.name for p in store.iterdir() if p.name.startswith("graph-"))
    assert graphs == [(store / "graph").resolve().name]  # nothing left of the killed build
