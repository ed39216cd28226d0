"""Files that appear whole or not at all: a temporary file beside the target, renamed over it.

Temporary names are ``.NAME.PID.XXXX.tmp``: hidden, never taken for an output,
and removable by the next writer of ``NAME`` once process ``PID`` no longer runs
(a build killed with SIGKILL leaves them behind).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from glob import escape as glob_escape
from pathlib import Path

__all__ = ["new_temp", "umask", "write_temp", "write_text"]


def umask() -> int:
    """The process's file-creation mask (reading it means setting it, so it is set back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def new_temp(path: Path) -> Path:
    """Create an empty temporary file beside ``path`` (its folder must exist); return it.

    Leftover temporary files of ``path`` from writers that no longer run are deleted first.
    """
    _remove_leftovers(path)
    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
    )
    os.close(fd)
    return Path(tmp)


def write_temp(path: Path, write: Callable[[Path], None]) -> Path:
    """Fill a new temporary file beside ``path`` with ``write(temporary)``; return it,
    complete, with an ordinary file's permissions. On any error it is deleted.

    The caller renames it over ``path`` (``os.replace``) or deletes it.
    """
    tmp = new_temp(path)
    try:
        write(tmp)
        os.chmod(tmp, 0o666 & ~umask())  # mkstemp makes 0600
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically, with an ordinary file's permissions."""
    tmp = write_temp(path, lambda t: t.write_text(text, encoding="utf-8"))
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _remove_leftovers(path: Path) -> None:
    """Delete ``.NAME.PID.*.tmp`` files beside ``path`` left by processes that no longer run."""
    for leftover in path.parent.glob(f".{glob_escape(path.name)}.*.tmp"):
        pid = leftover.name[len(path.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
            leftover.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True
