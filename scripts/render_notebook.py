"""Execute notebooks/quickstart.ipynb and render its outputs to docs/quickstart.md.

Usage:
    python scripts/render_notebook.py [--notebook PATH] [--out docs/quickstart.md]
        [--graph-dir out/quickstart] [--timeout 600] [--no-screenshot]

The notebook runs in a fresh kernel of *this* interpreter (see
:func:`execute_notebook`), with its working directory set to the notebook's folder, as
Jupyter would. Images go to ``<out stem>_files/`` next to the Markdown file. The inline
interactive graph (an ``<iframe srcdoc=...>`` of about a megabyte, which Markdown viewers
do not show) is replaced by a link to a copy of ``graph.html`` in that folder and, when
Chromium and Playwright are installed (``bash scripts/install-browser.sh``), a screenshot
of it made with ``scripts/screenshot.py``.

Example:
    .venv/bin/python scripts/render_notebook.py
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbconvert.exporters import MarkdownExporter
from nbconvert.writers import FilesWriter

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "quickstart.ipynb"
MARKDOWN = ROOT / "docs" / "quickstart.md"
GRAPH_DIR = ROOT / "out" / "quickstart"
#: Environment variable the notebook reads for the folder it builds the graph into.
OUT_ENV = "KG_QUICKSTART_OUT"
#: Tag of the notebook cell that shows graph.html inline.
INTERACTIVE_TAG = "interactive-graph"
KERNEL_NAME = "python3"


@contextlib.contextmanager
def _kernel_manager() -> Iterator[KernelManager]:
    """Yield a kernel manager whose ``python3`` kernel runs this very interpreter.

    The kernel spec is written to a temporary folder and only that folder is searched,
    so neither a missing spec (a fresh venv) nor a user-level ``python3`` spec pointing at
    another Python can make the notebook run without kg installed.
    """
    from ipykernel.kernelspec import write_kernel_spec

    with tempfile.TemporaryDirectory(prefix="kg-kernels-") as kernels:
        write_kernel_spec(Path(kernels) / KERNEL_NAME)
        specs = KernelSpecManager(kernel_dirs=[kernels], ensure_native_kernel=False)
        yield KernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=specs)


def execute_notebook(
    path: Path = NOTEBOOK, *, graph_dir: Path | None = None, timeout: int = 600
) -> nbformat.NotebookNode:
    """Run every cell of a notebook in a fresh kernel of this interpreter and return it.

    Args:
        path: The notebook file (read, never written).
        graph_dir: Folder the notebook builds the graph into (passed as ``KG_QUICKSTART_OUT``);
            ``None`` leaves the notebook's default.
        timeout: Seconds allowed per cell.

    Returns:
        The notebook with its outputs.

    Raises:
        nbclient.exceptions.CellExecutionError: A cell raised; the message names the cell
            and shows its traceback.
    """
    notebook = nbformat.read(path, as_version=4)
    env = dict(os.environ)
    if graph_dir is not None:
        env[OUT_ENV] = str(graph_dir)
    with _kernel_manager() as manager:
        client = NotebookClient(
            notebook,
            km=manager,
            timeout=timeout,
            resources={"metadata": {"path": str(path.parent)}},
        )
        try:
            client.execute(env=env)
        finally:
            # A client given its kernel manager leaves the kernel running; stop it here.
            if manager.has_kernel:
                manager.shutdown_kernel(now=False)
    return notebook


def _screenshot(graph_html: Path, png: Path) -> bool:
    """Save a PNG of ``graph_html`` with scripts/screenshot.py; say why not on stderr if it cannot."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshot.py"), str(graph_html), str(png),
         "--width", "1200", "--height", "760"],
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        print(f"render_notebook: no screenshot of the interactive graph "
              f"({(done.stderr or done.stdout).strip().splitlines()[-1:]}); linking the page only.",
              file=sys.stderr)
    return done.returncode == 0


def replace_interactive_graph(
    notebook: nbformat.NotebookNode, graph_html: Path, files_dir: Path, *, screenshot: bool = True
) -> None:
    """Swap the inline graph's output for a link to a copy of ``graph_html`` (and a screenshot).

    The copy and the screenshot go to ``files_dir``; links are relative to its parent.
    """
    files_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(graph_html, files_dir / "graph.html")
    text = (f"*The interactive graph: open [{files_dir.name}/graph.html]({files_dir.name}/graph.html) "
            "in a browser (a self-contained page that works offline).*")
    if screenshot and _screenshot(graph_html, files_dir / "graph.png"):
        text += f"\n\n![The interactive graph]({files_dir.name}/graph.png)"
    for cell in notebook.cells:
        if INTERACTIVE_TAG in cell.get("metadata", {}).get("tags", []):
            cell.outputs = [nbformat.v4.new_output("display_data", data={"text/markdown": text})]


def render_markdown(notebook: nbformat.NotebookNode, markdown: Path) -> Path:
    """Write an executed notebook as Markdown, its images into ``<stem>_files/`` beside it.

    Returns:
        The Markdown file written.
    """
    files_dir = f"{markdown.stem}_files"
    body, resources = MarkdownExporter().from_notebook_node(
        notebook, resources={"output_files_dir": files_dir, "unique_key": markdown.stem}
    )
    body = body.rstrip("\n") + "\n"
    written = FilesWriter(build_directory=str(markdown.parent)).write(
        body, resources, notebook_name=markdown.stem
    )
    return Path(written)


def main(argv: list[str] | None = None) -> int:
    """Execute the notebook and write the Markdown copy; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notebook", type=Path, default=NOTEBOOK)
    parser.add_argument("--out", type=Path, default=MARKDOWN, help="Markdown file to write")
    parser.add_argument("--graph-dir", type=Path, default=GRAPH_DIR,
                        help="folder the notebook builds the graph into")
    parser.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell")
    parser.add_argument("--no-screenshot", action="store_true",
                        help="link the interactive graph without a screenshot")
    args = parser.parse_args(argv)
    if not args.notebook.is_file():
        print(f"render_notebook: no notebook '{args.notebook}'. Fix: pass --notebook PATH.",
              file=sys.stderr)
        return 2
    from nbclient.exceptions import CellExecutionError

    try:
        notebook = execute_notebook(args.notebook, graph_dir=args.graph_dir.resolve(),
                                    timeout=args.timeout)
    except CellExecutionError as error:
        print(f"render_notebook: a cell of {args.notebook} failed; nothing written.\n{error}",
              file=sys.stderr)
        return 1
    files_dir = args.out.parent / f"{args.out.stem}_files"
    if files_dir.is_dir():
        shutil.rmtree(files_dir)  # drop images of cells that no longer exist
    replace_interactive_graph(notebook, args.graph_dir / "graph.html", files_dir,
                              screenshot=not args.no_screenshot)
    written = render_markdown(notebook, args.out)
    print(f"render_notebook: wrote {written} and {files_dir}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
