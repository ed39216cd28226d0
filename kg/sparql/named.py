"""Query text from a named query (``ontology/queries/*.rq``), a ``.rq`` file, or SPARQL itself."""

from __future__ import annotations

import re
from pathlib import Path

from kg.errors import Errors, QueryError, exception_text, one_line
from kg.store.ontology import queries_dir

__all__ = ["list_queries", "read_query"]

_NAME_RE = re.compile(r"^[A-Za-z0-9_.\-]+$")


def _query_names() -> str:
    return ", ".join(sorted(p.stem for p in queries_dir().glob("*.rq")))


def _read_query_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = one_line(exception_text(error))
        raise QueryError(Errors.E030.format(path=path, reason=reason)) from error


def read_query(text_or_path: str | Path) -> str:
    """Return SPARQL text from query text, a ``.rq`` file, or a named query.

    ``text_or_path`` is, in this order of trial: a :class:`~pathlib.Path` or an
    existing file (read as the query); a name ending in ``.rq`` or a bare name
    such as ``who-met-whom`` (looked up in ``ontology/queries/``); anything else
    is taken as the query text itself.

    Args:
        text_or_path: Query text, a path to a query file, or a query name.

    Returns:
        The query text.

    Raises:
        QueryError: A named query or query file that does not exist or cannot
            be read; the message lists the named queries.
    """
    if isinstance(text_or_path, Path):
        if not text_or_path.is_file():
            raise QueryError(Errors.E031.format(path=text_or_path, names=_query_names()))
        return _read_query_file(text_or_path)
    text = text_or_path.strip()
    looks_like_name = bool(_NAME_RE.match(text)) or (
        text.endswith(".rq") and "\n" not in text and "{" not in text
    )
    if looks_like_name and Path(text).is_file():
        return _read_query_file(Path(text))
    if looks_like_name:
        name = Path(text).name.removesuffix(".rq")
        named = queries_dir() / f"{name}.rq"
        if _NAME_RE.match(name) and named.is_file():
            return _read_query_file(named)
        raise QueryError(Errors.E032.format(name=text, names=_query_names()))
    return text_or_path


def _header_field(lines: list[str], key: str) -> str:
    prefix = f"# {key}:"
    for line in lines:
        if line.lower().startswith(prefix):
            return line[len(prefix) :].strip()
    return ""


def list_queries() -> list[tuple[str, str, str]]:
    """Return ``(name, title, description)`` of every named query, sorted by name.

    Title and description come from the query file's leading ``# title:`` and
    ``# description:`` comment lines.

    Raises:
        KGError: The ``ontology/queries`` folder is missing.
    """
    found = []
    for path in sorted(queries_dir().glob("*.rq")):
        lines = _read_query_file(path).splitlines()
        head = [line.strip() for line in lines if line.strip().startswith("#")]
        found.append((path.stem, _header_field(head, "title"), _header_field(head, "description")))
    return found
