"""The folder of ``kg build --store DIR``: cached extractions and the last good graph.

Layout::

    DIR/kg-store.json        marks the folder as a kg store ({"kg store": 1})
    DIR/extractions.sqlite   the extraction cache (kg.store.cache), with SQLite's -wal/-shm
    DIR/graph -> graph-XXXX  symbolic link to the Oxigraph store of the last good build
    DIR/graph-XXXX/          that store (RocksDB): never written again once published
    DIR/lock                 held (flock) by the one build using the folder

A build writes its graph into a new ``graph-XXXX`` folder and publishes it by
replacing the ``graph`` link in one rename, then deletes the previous folder.
Readers (``kg query DIR``) resolve the link and open its target read-only, so
they see the previous build or the new one, never a mix. A build killed
before publishing leaves an unpublished ``graph-XXXX`` folder, which the next
build deletes.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Self

import pyoxigraph as ox

from kg.atomic import umask, write_text
from kg.errors import Errors, GraphFileError, StoreError
from kg.store.cache import ExtractionCache
from kg.store.graph import article_graph

__all__ = ["BuildStore", "is_store", "open_graph"]

STORE_FORMAT = 1
MARKER = "kg-store.json"
CACHE_FILE = "extractions.sqlite"
GRAPH_LINK = "graph"
LOCK_FILE = "lock"
_GRAPH_PREFIX = "graph-"
_LINK_TEMP_PREFIX = ".graph-link-"
_ARTICLE_GRAPH = re.compile(re.escape(article_graph("").value) + r"([0-9a-f]{16})$")


def is_store(path: str | Path) -> bool:
    """True when ``path`` is a folder ``kg build --store`` made."""
    return (Path(path) / MARKER).is_file()


def open_graph(path: str | Path) -> ox.Store:
    """Open the graph of a store folder's last good build, read-only.

    Raises:
        GraphFileError: ``path`` is not a store folder or has no finished build.
    """
    path = Path(path)
    if not is_store(path):
        raise GraphFileError(Errors.E023.format(path=path))
    link = path / GRAPH_LINK
    if not link.exists():
        raise GraphFileError(Errors.E025.format(path=path))
    target = link.resolve()  # once: a build that publishes meanwhile cannot change what is opened
    try:
        return ox.Store.read_only(str(target))
    except OSError as error:
        raise GraphFileError(Errors.E026.format(path=path, reason=error)) from None


class BuildStore:
    """A store folder, locked for one build until :meth:`close`.

    Opening it creates the folder if needed, takes the lock, and deletes what a
    killed build left behind.

    Args:
        path: The folder.

    Raises:
        StoreError: The path is a file or a folder of other files, a store of
            another format, or another build holds the lock.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock_fd: int | None = None
        self._check_folder()
        self.path.mkdir(parents=True, exist_ok=True)
        if not (self.path / MARKER).exists():  # first, so that no other file is ever without it
            write_text(self.path / MARKER, json.dumps({"kg store": STORE_FORMAT}) + "\n")
        self._lock()
        try:
            self._remove_leftovers()
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------------ folder
    def _check_folder(self) -> None:
        p = self.path
        if p.exists() and not p.is_dir():
            raise StoreError(Errors.E070.format(path=p))
        # A build killed while writing the marker leaves only its temporary file: still new.
        if not p.exists() or all(_marker_leftover(entry.name) for entry in p.iterdir()):
            return
        marker = p / MARKER
        if not marker.is_file():
            raise StoreError(Errors.E071.format(path=p))
        try:
            found = json.loads(marker.read_text(encoding="utf-8")).get("kg store")
        except (OSError, ValueError, AttributeError):
            found = None
        if found != STORE_FORMAT:
            raise StoreError(Errors.E072.format(path=p, found=repr(found), expected=STORE_FORMAT))

    def _lock(self) -> None:
        import fcntl  # POSIX only: imported here so that kg itself imports everywhere

        fd = os.open(self.path / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip()
            os.close(fd)
            holder_text = f" (process {holder})" if holder else ""
            raise StoreError(Errors.E073.format(path=self.path, holder=holder_text)) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._lock_fd = fd

    def _remove_leftovers(self) -> None:
        current = self.graph_path()
        for entry in self.path.iterdir():
            if entry.name.startswith(_LINK_TEMP_PREFIX):
                entry.unlink(missing_ok=True)
            elif (
                entry.name.startswith(_GRAPH_PREFIX)
                and entry.is_dir()
                and not entry.is_symlink()
                and entry.resolve() != current
            ):
                shutil.rmtree(entry, ignore_errors=True)

    def close(self) -> None:
        """Release the lock (the folder stays as it is)."""
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._lock_fd, 0)
            os.close(self._lock_fd)  # closing the only descriptor releases the flock
            self._lock_fd = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ parts
    def cache(self, fingerprint: Mapping[str, str]) -> ExtractionCache:
        """Open the extraction cache, emptied if ``fingerprint`` differs from its own."""
        return ExtractionCache(self.path / CACHE_FILE, fingerprint)

    def graph_path(self) -> Path | None:
        """The folder of the last published graph, or ``None`` before the first."""
        link = self.path / GRAPH_LINK
        return link.resolve() if link.exists() else None

    def article_ids(self) -> set[str]:
        """The ids of the articles in the last published graph (none before the first)."""
        target = self.graph_path()
        if target is None:
            return set()
        try:
            store = ox.Store.read_only(str(target))
        except OSError:
            return set()  # damaged: the build replaces it
        ids = {
            m.group(1)
            for g in store.named_graphs()
            if isinstance(g, ox.NamedNode) and (m := _ARTICLE_GRAPH.match(g.value))
        }
        del store
        return ids

    def write_graph(self, quads: Iterable[ox.Quad]) -> Path:
        """Write a new, unpublished Oxigraph store of ``quads``; return its folder.

        The folder is deleted again if writing fails or is interrupted.
        """
        folder = Path(tempfile.mkdtemp(prefix=_GRAPH_PREFIX, dir=self.path))
        try:
            os.chmod(folder, 0o777 & ~umask())  # mkdtemp makes 0700; readers may be other users
            store = ox.Store(str(folder))
            store.bulk_extend(quads)
            store.flush()
            del store  # closes the database
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return folder

    def publish(self, folder: Path) -> None:
        """Make ``folder`` (from :meth:`write_graph`) the store's graph in one rename.

        The old graph is deleted.

        Readers resolve the ``graph`` link once, so each sees one complete graph.
        """
        previous = self.graph_path()
        temp = self.path / f"{_LINK_TEMP_PREFIX}{os.getpid()}"
        temp.unlink(missing_ok=True)
        os.symlink(folder.name, temp)  # relative: the store folder may be moved
        os.replace(temp, self.path / GRAPH_LINK)
        _fsync_dir(self.path)
        if previous is not None and previous != folder.resolve():
            shutil.rmtree(previous, ignore_errors=True)

    def discard(self, folder: Path) -> None:
        """Delete an unpublished graph folder."""
        if folder.resolve() != self.graph_path():
            shutil.rmtree(folder, ignore_errors=True)


def _marker_leftover(name: str) -> bool:
    """Whether ``name`` is a temporary marker file (``.kg-store.json.PID.XXXX.tmp``, kg.atomic)."""
    return name.startswith(f".{MARKER}.") and name.endswith(".tmp")


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
