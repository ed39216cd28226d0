"""Shared helpers of the benchmark scripts: corpus selection, child runs, memory, machine.

Every measured configuration runs in a fresh child process, so imports,
caches and memory peaks never carry over from one configuration to the next.
The parent polls the child's whole process tree (the child and any worker it
forks) and records two peaks:

* ``rss``: the largest sum of resident set sizes over the tree. Pages shared
  between a parent and its forked workers (the spaCy model) count once per
  process, so with workers this overstates what the machine spends.
* ``pss``: the largest sum of proportional set sizes: each shared page is
  divided among the processes sharing it. This is the memory the build takes
  from the machine.

A child reports through JSON lines on stdout; each line is stamped with the
peaks reached up to the moment it was read, so a child can close a measured
phase (``{"phase": "build", ...}``) and go on with unmeasured work.
"""

from __future__ import annotations

import datetime
import json
import math
import os
import platform
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("KG_BENCH_CORPUS", ROOT.parent / "shared" / "corpus" / "articles"))
MB = 1024 * 1024


class BenchError(Exception):
    """A benchmark could not run: bad option, missing corpus, or a child failed."""


def corpus_files(corpus: Path = CORPUS, n: int | None = None) -> list[Path]:
    """The first ``n`` article files of ``corpus`` (all by default), in build order.

    Raises:
        BenchError: The corpus folder is missing or holds fewer than ``n`` files.
    """
    from kg.ingest import iter_input_files

    if not corpus.is_dir():
        raise BenchError(f"benchmark: corpus folder {corpus} not found; set KG_BENCH_CORPUS to a folder of articles")
    files = iter_input_files([corpus])
    if n is not None:
        if n < 1 or n > len(files):
            raise BenchError(f"benchmark: --articles {n} is out of range; {corpus} holds {len(files)} files")
        files = files[:n]
    return files


class _TreeSampler(threading.Thread):
    """Poll the memory of a process and its descendants until stopped.

    RSS is read every ``interval`` (``/proc/PID/statm``: microseconds); PSS,
    which makes the kernel walk every page table (``smaps_rollup``: ~24 ms of
    CPU for a 2-process build), and the list of descendants (a scan of
    ``/proc``: ~3 ms) only every ``full_interval``. Polling it all every 0.1 s
    took ~16 % of a CPU, which on a 2-core machine came out of the 2-process
    runs only (with one process a core is free for it).
    """

    def __init__(self, pid: int, interval: float, full_interval: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.interval = interval
        self.full_interval = full_interval
        self.peak_rss = 0
        self.peak_pss = 0
        self.peak_procs = 0
        self._procs: list[psutil.Process] = [self.root]
        self._halt = threading.Event()

    def sample(self, full: bool = True) -> None:
        """Add one reading to the peaks: RSS only, or (``full``) the process tree again, RSS and PSS."""
        if full:
            try:
                self._procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                return
        rss = pss = 0
        alive = 0
        for proc in self._procs:
            try:
                if full:
                    info = proc.memory_full_info()
                    pss += info.pss
                else:
                    info = proc.memory_info()
            except psutil.Error:
                continue
            rss += info.rss
            alive += 1
        self.peak_rss = max(self.peak_rss, rss)
        if full:
            self.peak_pss = max(self.peak_pss, pss)
        self.peak_procs = max(self.peak_procs, alive)

    def run(self) -> None:
        last_full = float("-inf")
        while not self._halt.is_set():
            now = time.monotonic()
            full = now - last_full >= self.full_interval
            if full:
                last_full = now
            self.sample(full)
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def run_child(args: Sequence[str], *, interval: float = 0.1, timeout: float = 7200) -> list[dict[str, Any]]:
    """Run ``python <args>`` in a child, sampling its memory; return its JSON lines.

    Each returned record gets ``peak_rss_mb``, ``peak_pss_mb`` and ``processes``
    (the most processes seen at once): the peaks up to when the line was read.

    Raises:
        BenchError: The child exits with an error (its stderr tail is quoted).
    """
    cmd = [sys.executable, *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    sampler = _TreeSampler(proc.pid, interval)
    sampler.start()
    records: list[dict[str, Any]] = []
    err_lines: list[str] = []
    err_reader = threading.Thread(target=lambda: err_lines.extend(proc.stderr or []), daemon=True)
    err_reader.start()
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    for line in proc.stdout:
        line = line.strip()
        if not line.startswith("{"):
            continue
        sampler.sample()
        record = json.loads(line)
        record["peak_rss_mb"] = round(sampler.peak_rss / MB, 1)
        record["peak_pss_mb"] = round(sampler.peak_pss / MB, 1)
        record["processes"] = sampler.peak_procs
        records.append(record)
        if time.monotonic() > deadline:
            proc.kill()
            break
    code = proc.wait()
    sampler.stop()
    err_reader.join(timeout=5)
    if code != 0:
        tail = "".join(err_lines[-15:])
        raise BenchError(f"benchmark: child {' '.join(args)} failed with exit code {code}:\n{tail}")
    return records


def emit(record: dict[str, Any]) -> None:
    """Print one JSON line for the parent (used by children)."""
    print(json.dumps(record), flush=True)


def loglog_slope(xs: Sequence[float], ys: Sequence[float]) -> float:
    """The least-squares slope of ``log y`` against ``log x``: the growth exponent.

    Raises:
        BenchError: Fewer than two points, or a non-positive value.
    """
    if len(xs) != len(ys) or len(xs) < 2:
        raise BenchError(f"benchmark: need two or more (x, y) points to fit, got {len(xs)} and {len(ys)}")
    if min(xs) <= 0 or min(ys) <= 0:
        raise BenchError("benchmark: every size and time must be positive to fit on log-log axes")
    lx = [math.log(x) for x in xs]
    ly = [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    sxx = sum((x - mx) ** 2 for x in lx)
    if sxx == 0:
        raise BenchError("benchmark: the sizes must differ to fit a growth exponent")
    return sum((x - mx) * (y - my) for x, y in zip(lx, ly, strict=True)) / sxx


def median(values: Sequence[float]) -> float:
    """The median of ``values``."""
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                             check=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        return out.stdout.strip() + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine() -> dict[str, Any]:
    """Date, commit, cores, CPU model, RAM, Python and spaCy versions, load average."""
    import spacy

    return {
        "date": datetime.date.today().isoformat(),
        "commit": _commit(),
        "nproc": os.cpu_count(),
        "cpu": _cpu_model(),
        "ram_gb": round(psutil.virtual_memory().total / 1024**3, 1),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }


def machine_line(info: dict[str, Any]) -> str:
    """One line describing the machine and the code measured."""
    return (f"{info['date']}  commit {info['commit']}  {info['nproc']} cores ({info['cpu']})  "
            f"{info['ram_gb']} GB RAM  Python {info['python']}  spaCy {info['spacy']}  "
            f"load average {info['loadavg'][0]:.2f}")
