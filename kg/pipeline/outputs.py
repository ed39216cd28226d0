"""A build's outputs: written to temporary files, then put in place all together.

The renames (and the store's new graph, with ``kg build --store``) happen with
Ctrl-C and SIGTERM held off, so the outputs are all the previous build's or all
this one's.
"""

from __future__ import annotations

import functools
import os
import signal
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from kg import export as exporters
from kg.atomic import write_temp
from kg.errors import BuildInterrupted
from kg.pipeline.timing import Timer
from kg.store.oxigraph import oxigraph_store
from kg.store.persistent import BuildStore

DEFAULT_FORMATS = ("turtle", "html")

_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def write_outputs(graph: Any, formats: Sequence[str], out: Path, timer: Timer, *,
                  disk: BuildStore | None = None,
                  extra: Mapping[Path, str] | None = None) -> list[str]:
    """Write every output (and, with ``disk``, the store's new graph; ``extra`` text
    files, path -> text, such as the merge report) to temporary places, then put them
    all in place together.

    Returns:
        The output files, the graph's first, then ``extra``'s. On any error or
        interrupt nothing is replaced and the temporary files and folders are deleted.
    """
    staged: list[tuple[Path, Path]] = []
    folder: Path | None = None
    try:
        for path, text in (extra or {}).items():  # small: first, so a bad path fails fast
            path.parent.mkdir(parents=True, exist_ok=True)
            write = functools.partial(Path.write_text, data=text, encoding="utf-8")
            staged.append((write_temp(path, write), path))
        _stage(graph, formats, out, timer, staged)
        publish = None
        if disk is not None:
            with timer.stage("store write"):
                folder = disk.write_graph(oxigraph_store(graph))
            publish = functools.partial(disk.publish, folder)
        _commit(staged, publish=publish)
    except BaseException:
        _unstage(staged)
        if disk is not None and folder is not None:
            disk.discard(folder)
        raise
    finals = [str(final) for _, final in staged]
    extras = len(extra or {})
    return finals[extras:] + finals[:extras]  # the graph files first, as without extras


def _stage(graph: Any, formats: Sequence[str], out: Path, timer: Timer,
           staged: list[tuple[Path, Path]]) -> None:
    """Write every output to a temporary file, appending (temporary, final) pairs to ``staged``.

    The caller renames them with :func:`_commit`, or deletes them with :func:`_unstage`.
    """
    for fmt in formats:
        final = out / f"graph{exporters.suffix(fmt)}"
        with timer.stage(f"export {fmt}"):
            staged.append((exporters.write_temp(graph, fmt, final), final))


def _unstage(staged: list[tuple[Path, Path]]) -> None:
    for tmp, _ in staged:
        tmp.unlink(missing_ok=True)


def _commit(staged: list[tuple[Path, Path]], *, publish: Callable[[], None] | None = None) -> None:
    """Publish the store's new graph and rename every output into place, as one step.

    Ctrl-C and SIGTERM are held off meanwhile (a handful of renames), so the
    outputs and the store's graph are all the previous build's or all this
    one's. A Ctrl-C that came meanwhile is raised afterwards as
    :class:`BuildInterrupted`, saying that the build finished.
    """
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    done = False
    try:
        if publish is not None:
            publish()
        for tmp, final in staged:
            os.replace(tmp, final)
        done = True
    finally:
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a held-off Ctrl-C is raised here
        except KeyboardInterrupt:
            if not done:
                raise
            raise BuildInterrupted(
                "interrupted as the build finished; its outputs were written") from None
