"""Hypothesis profiles of the fuzz tests: reproducible in CI, nothing written into the repository.

``ci`` (the default) derandomizes: every run tries the same examples, so a failure
in CI fails again on a laptop. ``explore`` draws new random examples each run and
ten times as many (``KG_FUZZ_PROFILE=explore pytest tests/fuzz``); a failure prints
its ``@reproduce_failure`` blob. Neither keeps an example database (``database=None``),
and Hypothesis's other cache (constants read from the code under test) goes to the
temporary folder, not ``.hypothesis/`` in the checkout
(``HYPOTHESIS_STORAGE_DIRECTORY`` chooses another place).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.configuration import set_hypothesis_home_dir

_COMMON = {
    "database": None,
    "deadline": None,
    "print_blob": True,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}
settings.register_profile("ci", derandomize=True, **_COMMON)
settings.register_profile("explore", derandomize=False, **_COMMON)
settings.load_profile(os.environ.get("KG_FUZZ_PROFILE", "ci"))

if not os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
    set_hypothesis_home_dir(Path(tempfile.gettempdir()) / f"kg-hypothesis-{os.getuid()}")
