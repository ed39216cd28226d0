"""Worker task sizes (kg.pipeline.workers.tasks): full-size tasks, shrinking towards the end."""

from __future__ import annotations

import pytest

from kg.pipeline.workers import WORKER_CHUNK_MIN, tasks


@pytest.mark.parametrize("n, expected",
                         [(998, 998), (50, 60), (5, 5), (0, 0), (37, None), (100, 40)])
def test_tasks_keep_every_item_in_order(n: int, expected: int | None) -> None:
    chunks = list(tasks(range(n), 16, 2, expected))
    assert [i for task in chunks for i in task] == list(range(n))
    assert all(1 <= len(task) <= 16 for task in chunks)


def test_tasks_shrink_towards_the_end() -> None:
    sizes = [len(task) for task in tasks(range(998), 16, 2, 998)]
    assert sizes[:40] == [16] * 40
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-2] == WORKER_CHUNK_MIN
    # the last few tasks together are about one full task: the workers end close together
    assert sum(sizes[-4:]) <= 16


def test_tasks_without_a_count_are_full_size() -> None:
    assert [len(task) for task in tasks(range(40), 16, 2, None)] == [16, 16, 8]


def test_tasks_past_the_expected_count_stay_small() -> None:
    """More items than announced (never from kg build: one article per file at most) still all
    come."""
    sizes = [len(task) for task in tasks(range(100), 16, 2, 40)]
    assert sum(sizes) == 100
    assert max(sizes[-10:]) == WORKER_CHUNK_MIN



def test_tasks_ask_a_function_how_many_may_still_come() -> None:
    """A build that finds articles in its cache learns only as it reads that fewer come:
    of 200 inputs every second one is cached, so 100 come, and the tasks still shrink."""
    read: list[int] = []

    def uncached():
        for i in range(200):
            read.append(i)
            if i % 2:
                yield i

    sizes = [len(task) for task in tasks(uncached(), 16, 2, lambda: 200 - len(read))]
    assert sum(sizes) == 100
    assert sizes[:3] == [16] * 3 and sizes[-4:-1] == [WORKER_CHUNK_MIN] * 3
    # counting only what was taken of 200 expected, the tasks would stay full-size to the end
    assert max(len(task) for task in list(tasks(range(1, 200, 2), 16, 2, 200))[-3:]) == 16
