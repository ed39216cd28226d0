"""benchmarks/throughput.py's report: ratios per repeat and the targets it checks (no model, \
no corpus)."""

from __future__ import annotations

import importlib.util
import re
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "throughput.py"


@pytest.fixture(scope="module")
def throughput() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kg_bench_throughput", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _run(seconds: float, pss: float = 600.0) -> dict[str, Any]:
    return {"seconds": seconds, "tokens": 1000, "peak_rss_mb": pss + 20, "peak_pss_mb": pss,
            "cpu_seconds": seconds, "components": ["tok2vec"], "timings": {"parse": seconds * 0.8}}


def _result(bare1: list[float], kg1: list[float], bare2: list[float], kg2: list[float],
            turtle: tuple[float, float, float] | None = None) -> dict[str, Any]:
    runs: dict[str, list[dict[str, Any]]] = {
        "bare 1": [_run(s) for s in bare1], "kg 1": [_run(s) for s in kg1],
        "bare 2": [_run(s) for s in bare2], "kg 2": [_run(s, 800.0) for s in kg2],
    }
    if turtle is not None:
        kg_s, ox_s, store_s = turtle
        runs["turtle"] = [{"triples": 10, "bytes": 100, "kg_seconds": kg_s, "ox_seconds": ox_s,
                           "ox_store_seconds": store_s, "ox_union_seconds": 2 * kg_s,
                           "same_bytes": True}]
    return {"runs": runs, "articles": 10}


def _targets(out: str) -> dict[str, str]:
    """Each target line's name and verdict."""
    lines = out.split("\ntargets\n", 1)[1].splitlines()
    found = (
        re.fullmatch(r"  (.{38}) +[\d.]+ +(?:>=|<=) +\S+ +(met|NOT MET)", line) for line in lines
    )
    return {m[1].strip(): m[2] for m in found if m}


def test_ratios_per_repeat_pair_runs_of_the_same_repeat(
    throughput: ModuleType, capsys: Any
) -> None:
    figures = throughput.report(_result([100, 120], [110, 100], [60, 70], [55, 70]), [1, 2])
    assert figures["per repeat"] == {"kg/bare x1": [round(100 / 110, 3), 1.2],
                                     "kg x2/x1": [2.0, round(100 / 70, 3)]}
    # the medians: kg/bare from the median times, 110 / 105; x2/x1 105 / 62.5
    assert figures["ratio 1"] == round(110 / 105, 3)
    assert figures["speedup 2"] == round(105 / 62.5, 3)
    out = capsys.readouterr().out
    assert "per repeat: kg/bare x1 0.909, 1.200; kg x2/x1 2.000, 1.429" in out
    assert _targets(out)["kg 2 processes / kg 1 process"] == "NOT MET"
    assert _targets(out)["kg / bare throughput, 1 process"] == "met"


def test_turtle_is_checked_against_pyoxigraph_from_the_store(
    throughput: ModuleType, capsys: Any
) -> None:
    figures = throughput.report(_result([100], [100], [55], [55], turtle=(0.45, 0.1, 0.3)), [1, 2])
    out = capsys.readouterr().out
    assert figures["turtle ratio store"] == 1.5 and figures["turtle ratio"] == 4.5
    targets = _targets(out)
    assert targets["Turtle / pyoxigraph from the store"] == "met"
    assert not any("objects" in name for name in targets)
    assert "ready-made objects = 4.50" in out
    throughput.report(_result([100], [100], [55], [55], turtle=(0.65, 0.1, 0.3)), [1, 2])
    assert _targets(capsys.readouterr().out)["Turtle / pyoxigraph from the store"] == "NOT MET"


def test_one_process_only_has_no_speedup(throughput: ModuleType, capsys: Any) -> None:
    result = _result([100], [90], [], [])
    del result["runs"]["bare 2"], result["runs"]["kg 2"]
    figures = throughput.report(result, [1])
    assert figures["per repeat"] == {"kg/bare x1": [round(100 / 90, 3)]}
    assert "speedup 2" not in figures
    assert "kg x2/x1" not in capsys.readouterr().out


def test_schedule_puts_compared_runs_side_by_side_and_reverses_every_second_repeat(
    throughput: ModuleType,
) -> None:
    runs = throughput.schedule(2, [1, 2])
    assert runs == [(0, "split", 2), (0, "bare", 1), (0, "kg", 1), (0, "kg", 2), (0, "bare", 2),
                    (1, "bare", 2), (1, "kg", 2), (1, "kg", 1), (1, "bare", 1), (1, "split", 2)]
    # every ratio the report gives compares neighbours, in both orders across the two repeats
    for a, b in ((("bare", 1), ("kg", 1)), (("kg", 1), ("kg", 2)), (("bare", 2), ("kg", 2)),
                 (("split", 2), ("bare", 1))):
        firsts = set()
        for rep in (0, 1):
            order = [(kind, procs) for r, kind, procs in runs if r == rep]
            assert abs(order.index(a) - order.index(b)) == 1
            firsts.add(order.index(a) < order.index(b))
        assert firsts == {True, False}
    assert len(throughput.schedule(3, [1, 2, 4])) == 24  # 2 split runs and 6 others per repeat
    assert throughput.schedule(1, [1]) == [(0, "bare", 1), (0, "kg", 1)]


def test_the_host_ceiling_is_bare_x1_over_the_split_runs(
    throughput: ModuleType, capsys: Any
) -> None:
    result = _result([100, 120], [110, 100], [60, 70], [55, 70])
    result["runs"]["split 2"] = [
        {"seconds": s, "tokens": 1000, "peak_rss_mb": 900, "peak_pss_mb": 700}
        for s in (55, 60)
    ]
    figures = throughput.report(result, [1, 2])
    assert figures["ceiling 2"] == round(110 / 57.5, 3)
    assert figures["per repeat"]["ceiling x2/x1"] == [round(100 / 55, 3), 2.0]
    out = capsys.readouterr().out
    share = f"{figures['speedup 2'] / figures['ceiling 2']:.0%}"
    assert f"(57.5 s) = {110 / 57.5:.3f}; kg x2/x1 is {share} of it" in out
    without = throughput.report(_result([100], [110], [60], [55]), [1, 2])
    assert "ceiling 2" not in without and "ceiling x2/x1" not in without["per repeat"]
    assert "the host's ceiling" not in capsys.readouterr().out


def test_memory_sampler_reads_rss_often_and_pss_on_full_samples(throughput: ModuleType) -> None:
    import subprocess

    sampler_class = sys.modules["_common"]._TreeSampler
    child = subprocess.Popen([sys.executable, "-c",
                              "import sys; sys.stdin.readline(); block = b'x' * 60_000_000; "
                              "print('ready', flush=True); sys.stdin.readline()"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        # one full sample, at the start
        sampler = sampler_class(child.pid, 0.02, full_interval=3600)
        sampler.start()
        deadline = time.monotonic() + 10
        # the full sample, before the block
        while sampler.peak_procs == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "ready"
        while sampler.peak_rss < 60_000_000 and time.monotonic() < deadline:
            time.sleep(0.02)
        sampler.stop()
        assert sampler.peak_rss >= 60_000_000  # the cheap readings saw the block
        assert 0 < sampler.peak_pss < 60_000_000  # PSS only from the full sample taken before it
        sampler.sample()  # a full sample
        assert sampler.peak_pss >= 60_000_000 and sampler.peak_procs == 1
    finally:
        child.kill()
        child.wait()
