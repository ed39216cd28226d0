"""Article metadata from a sidecar table: publication date, title and publisher by file.

Scrapers and news archives keep an article's date and outlet beside the text (a CSV of
url, date, title), while the text itself often has none; without a publication date
"on Tuesday" names no day. ``kg build --metadata FILE`` reads such a table: a header
row with a ``file`` column (the input's file name, or a path ending in it) and any of
``date``, ``title``, ``publisher``; comma- or tab-separated (a ``.tsv`` file, or a
header with a tab). A value given there replaces what kg read from the file itself;
an empty cell leaves it. Dates are ISO 8601 or written out ("April 25, 2023").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from kg.errors import Errors, InputError
from kg.ingest.dates import parse_date
from kg.model import Article

__all__ = ["FIELDS", "apply_metadata", "read_metadata"]

#: The columns read besides ``file``, by the :class:`~kg.model.Article` field they set.
FIELDS = ("date", "title", "publisher")


def read_metadata(path: str | Path) -> dict[str, dict[str, str]]:
    """The table at ``path`` as file name -> {field: value}, values checked.

    Raises:
        InputError: No such file, not UTF-8, no ``file`` column, a file listed twice,
            or a date that is none; the message names the file, the line and the fix.
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise InputError(Errors.E087.format(path=path, reason=error.strerror or error)) from None
    except UnicodeDecodeError:
        raise InputError(Errors.E087.format(path=path, reason="not UTF-8 text")) from None
    header = text.split("\n", 1)[0]
    tab = path.suffix.lower() == ".tsv" or "\t" in header
    reader = csv.DictReader(io.StringIO(text), delimiter="\t" if tab else ",")
    columns = [(c or "").strip().lower() for c in reader.fieldnames or ()]
    if "file" not in columns:
        raise InputError(Errors.E088.format(path=path, columns=", ".join(columns) or "none"))
    reader.fieldnames = columns
    table: dict[str, dict[str, str]] = {}
    for row in reader:
        line = reader.line_num
        name = Path((row.get("file") or "").strip()).name
        if not name:
            continue
        if name in table:
            raise InputError(Errors.E089.format(path=path, line=line, name=name))
        fields = {f: (row.get(f) or "").strip() for f in FIELDS}
        if fields["date"]:
            iso = parse_date(fields["date"])
            if iso is None:
                raise InputError(Errors.E091.format(path=path, line=line, value=fields["date"]))
            fields["date"] = iso
        table[name] = {f: v for f, v in fields.items() if v}
    return table


def apply_metadata(article: Article, table: Mapping[str, Mapping[str, str]]) -> Article:
    """The article with the table's values for its file, where the table has any."""
    fields = table.get(article.source)
    return replace(article, **fields) if fields else article
