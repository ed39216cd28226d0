"""How many examples a fuzz test tries: its CI count, times ten under the ``explore`` profile."""

from __future__ import annotations

import os

from hypothesis import settings

SCALE = 10 if os.environ.get("KG_FUZZ_PROFILE") == "explore" else 1


def fuzz(examples: int) -> settings:
    """Settings for a fuzz test of ``examples`` examples in CI (the profile gives the rest)."""
    return settings(max_examples=examples * SCALE)
