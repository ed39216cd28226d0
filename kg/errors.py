"""Typed exceptions. Every message says what failed, the bad value and the fix.

The library raises these; the CLI prints ``str(error)`` as one line, without a
traceback, and exits with status 2 (bad input) or 1 (anything else).
"""

from __future__ import annotations


class KGError(Exception):
    """Base class of every error kg raises on purpose."""

    exit_code = 1


class InputError(KGError):
    """An input path or file that cannot be used."""

    exit_code = 2


class ModelError(KGError):
    """The spaCy model cannot be loaded."""

    exit_code = 2


class QueryError(KGError):
    """A SPARQL query that does not parse or cannot run."""

    exit_code = 2


class GraphFileError(KGError):
    """A graph file that does not exist or does not parse."""

    exit_code = 2


class ExportError(KGError):
    """An unknown export format or a failed export."""

    exit_code = 2


class StoreError(KGError):
    """A ``--store`` folder that cannot be used: in use by another build, not a kg store, damaged."""

    exit_code = 2


class BuildInterrupted(KeyboardInterrupt):
    """A build stopped by Ctrl-C (or SIGTERM): says what was kept.

    A ``KeyboardInterrupt``, so code that catches ``Exception`` lets it through.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationFailed(KGError):
    """SHACL validation found violations."""

    exit_code = 1
