"""Input files: finding them, decoding them strictly, and turning them into Articles."""

from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from kg.errors import Errors, InputError, Warnings
from kg.ingest.clean import CleanResult, clean_text
from kg.ingest.html import clean_html, declared_charset
from kg.ingest.markdown import clean_markdown
from kg.ingest.metadata import apply_metadata
from kg.model import Article

__all__ = [
    "SUFFIXES",
    "SkipInput",
    "article_id",
    "decode",
    "iter_input_files",
    "load_articles",
    "read_article",
]

#: File name suffixes kg reads, lower-cased.
SUFFIXES = (".txt", ".md", ".html", ".htm")
_SUFFIX_LIST = ".txt, .md, .html or .htm"
# Share of control bytes above which a file is binary rather than text.
_BINARY_SHARE = 0.05
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")
_BINARY_CONTROLS = bytes(b for b in range(0x20) if b not in _TEXT_CONTROLS)


class SkipInput(InputError):
    """One input file that cannot be read as an article; a build skips it and goes on."""


def _quote(path: Path | str) -> str:
    return repr(str(path))


def source_name(path: Path) -> str:
    """Return a file's name as text for ``dcterms:source``, even when it is not UTF-8.

    POSIX file names are bytes; Python keeps the bytes of a name that is not
    UTF-8 (a Latin-1 ``café.txt``) as lone surrogates, which no RDF literal or
    UTF-8 output can hold. Those bytes are written as ``\\xe9`` instead.
    """
    return os.fsencode(path.name).decode("utf-8", "backslashreplace")


def article_id(text: str) -> str:
    """Return an article's id: the first 16 hex digits of the SHA-256 of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def iter_input_files(paths: Iterable[str | Path]) -> list[Path]:
    """List the article files named by ``paths``, folders searched recursively.

    Files in folders are kept when their suffix is one of :data:`SUFFIXES`
    (any case); hidden files and folders are left out. The result has no
    duplicates and is sorted by path string, so a build reads the same files in
    the same order on every machine.

    Args:
        paths: Files and folders, as given on the command line.

    Returns:
        The files to read.

    Raises:
        InputError: A path does not exist, a named file has another suffix,
            a folder holds no article file, or no path was given.
    """
    found: dict[str, Path] = {}
    given = list(paths)
    if not given:
        raise InputError(Errors.E001)
    for item in given:
        path = Path(item)
        if not path.exists():
            raise InputError(Errors.E002.format(path=_quote(item)))
        if path.is_dir():
            inside = _walk(path)
            if not inside:
                raise InputError(Errors.E003.format(suffixes=_SUFFIX_LIST, path=_quote(item)))
            for file in inside:
                found.setdefault(str(file.resolve()), file)
        elif path.suffix.lower() in SUFFIXES:
            found.setdefault(str(path.resolve()), path)
        else:
            raise InputError(
                Errors.E004.format(
                    path=_quote(item), suffix=path.suffix or "(none)", suffixes=_SUFFIX_LIST
                )
            )
    return sorted(found.values(), key=str)


def _walk(folder: Path) -> list[Path]:
    """Article files under ``folder``, hidden files and folders left out."""
    files: list[Path] = []
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        files.extend(
            Path(root) / name
            for name in names
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES
        )
    return files


def decode(data: bytes, path: Path) -> str:
    """Decode a file's bytes as UTF-8 text, refusing to guess other encodings.

    A UTF-8 byte-order mark is dropped. An HTML page that declares another
    character set in a ``<meta>`` tag is decoded with that set.

    Args:
        data: The file's bytes.
        path: The file, named in error messages.

    Returns:
        The text.

    Raises:
        SkipInput: The file is empty, binary, UTF-16 or not valid UTF-8.
    """
    name = _quote(path)
    if not data.strip():
        raise SkipInput(Errors.E010.format(path=name))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SkipInput(Errors.E011.format(path=name, suffix=path.suffix))
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    if b"\x00" in data or controls > _BINARY_SHARE * min(len(data), 65536):
        raise SkipInput(Errors.E012.format(path=name, suffixes=_SUFFIX_LIST))
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        if path.suffix.lower() in (".html", ".htm"):
            charset = declared_charset(data)
            if charset and charset.replace("-", "").replace("_", "") != "utf8":
                try:
                    return data.decode(charset)
                except (LookupError, UnicodeDecodeError):
                    pass
        offset = bom + error.start
        raise SkipInput(
            Errors.E013.format(path=name, byte=data[offset], offset=offset, suffix=path.suffix)
        ) from None


def _clean(text: str, path: Path) -> CleanResult:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        result = clean_html(text)
        if result is None:
            raise SkipInput(Errors.E014.format(path=_quote(path)))
        return result
    if suffix == ".md":
        return clean_markdown(text)
    return clean_text(text)


def read_article(path: Path) -> Article:
    """Read one file into an :class:`~kg.model.Article`.

    ``.txt`` files are plain-text scrapes, ``.md`` files Markdown with optional
    front matter, ``.html``/``.htm`` pages go through trafilatura; all lose
    their boilerplate (see :mod:`kg.ingest.clean`).

    Args:
        path: The file.

    Returns:
        The article: id from its cleaned text, source the file name.

    Raises:
        SkipInput: The file cannot be read, is empty, binary, not UTF-8, or
            holds no article text; the message names the file and the fix.
    """
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise SkipInput(
            Errors.E015.format(
                path=_quote(path), suffix=path.suffix or "(none)", suffixes=_SUFFIX_LIST
            )
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SkipInput(
            Errors.E016.format(path=_quote(path), reason=error.strerror or error)
        ) from None
    result = _clean(decode(data, path), path)
    if not result.text.strip():
        raise SkipInput(Errors.E017.format(path=_quote(path)))
    return Article(
        id=article_id(result.text),
        source=source_name(path),
        text=result.text,
        title=result.title,
        date=result.date,
        publisher=result.publisher,
    )


def load_articles(
    paths: Iterable[str | Path],
    *,
    on_skip: Callable[[str], None] | None = None,
    metadata: Mapping[str, Mapping[str, str]] | None = None,
) -> Iterator[Article]:
    """Read every article under ``paths``, in :func:`iter_input_files` order.

    Args:
        paths: Files and folders.
        on_skip: Called with the one-line message of each file that is
            skipped: unreadable (see :func:`read_article`) or the same article
            text as an earlier file (each article is yielded once).
        metadata: Date, title and publisher by file name (see
            :func:`kg.ingest.metadata.read_metadata`); they replace those read from
            the file.

    Yields:
        The articles.

    Raises:
        InputError: A path is bad (see :func:`iter_input_files`), or no file
            at all held a readable article.
    """
    files = iter_input_files(paths)
    seen: dict[str, Path] = {}
    for path in files:
        try:
            article = read_article(path)
        except SkipInput as error:
            if on_skip is not None:
                on_skip(str(error))
            continue
        if article.id in seen:
            if on_skip is not None:
                on_skip(Warnings.W001.format(path=_quote(path), first=_quote(seen[article.id])))
            continue
        seen[article.id] = path
        yield apply_metadata(article, metadata) if metadata else article
    if not seen:
        names = ", ".join(_quote(path) for path in files[:3])
        more = f" and {len(files) - 3} more" if len(files) > 3 else ""
        raise InputError(Errors.E005.format(names=names, more=more))
