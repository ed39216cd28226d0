"""Worker processes keep their heap between tasks (kg.pipeline.workers.keep_heap)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

# A task's worth of allocations, freed at its end, five times over: the page faults
# of the last four tasks are printed (what they cost the kernel, zeroing fresh pages).
CHURN = textwrap.dedent("""
    import resource
    {setup}
    def task():
        held = [bytearray(2048) for _ in range(20_000)]  # 40 MB, freed at the end
        del held
    task()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(4):
        task()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
""")


def _faults(setup: str) -> int:
    out = subprocess.run([sys.executable, "-c", CHURN.format(setup=setup)], capture_output=True,
                         text=True, check=True).stdout
    return int(out.split()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mallopt is glibc's")
def test_a_worker_reuses_its_heap_instead_of_faulting_it_in_for_every_task() -> None:
    default = _faults("")
    worker = _faults("from kg.pipeline.workers import init_worker; init_worker()")
    assert default > 20_000  # glibc gave the 40 MB back after each task and faulted them in again
    assert worker < 1_000


def test_keep_heap_says_whether_it_changed_anything() -> None:
    code = "from kg.pipeline import keep_heap; print(keep_heap())"
    out = subprocess.run([sys.executable, "-c", code],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == ("True" if sys.platform.startswith("linux") else "False")
