"""notebooks/quickstart.ipynb: stored clean, runs without errors, shows what it promises.

The notebook is executed once per test session in a fresh kernel of this interpreter
(through ``scripts/render_notebook.py``'s :func:`execute_notebook`), building the graph of
the seeds into a temporary folder. A cell that raises fails every test here.
"""

from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError

from .conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "quickstart.ipynb"
SCRIPT = ROOT / "scripts" / "render_notebook.py"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update"]
FIX = "Fix: run `bash scripts/install-browser.sh` (installs Debian chromium and Playwright)."
CELL_TIMEOUT = 600


def load_script() -> ModuleType:
    """Import scripts/render_notebook.py (not a package module) by its path."""
    spec = importlib.util.spec_from_file_location("render_notebook", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tiny_notebook(path: Path, *sources: str) -> Path:
    """Write a notebook of code cells with ``sources`` to ``path``."""
    cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return path


def tagged(notebook: nbformat.NotebookNode, tag: str) -> nbformat.NotebookNode:
    """The one cell carrying ``tag``."""
    cells = [c for c in notebook.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"expected one cell tagged {tag!r}, found {len(cells)}"
    return cells[0]


def output_text(cell: nbformat.NotebookNode, mime: str) -> str:
    """Everything a cell showed as ``mime`` (``stream`` for printed text), joined."""
    parts = []
    for output in cell.get("outputs", []):
        if mime == "stream" and output.output_type == "stream":
            parts.append(output.text)
        elif mime in output.get("data", {}):
            parts.append(str(output.data[mime]))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def render() -> ModuleType:
    return load_script()


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("quickstart-graph")


@pytest.fixture(scope="module")
def executed(render: ModuleType, graph_dir: Path) -> nbformat.NotebookNode:
    try:
        return render.execute_notebook(NOTEBOOK, graph_dir=graph_dir, timeout=CELL_TIMEOUT)
    except CellExecutionError as error:
        pytest.fail(f"a cell of {NOTEBOOK.relative_to(ROOT)} failed:\n{error}", pytrace=False)


# ----------------------------------------------------------------------------- stored file


def test_notebook_stored_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code, "the notebook has no code cells"
    dirty = [c.id for c in code if c.outputs or c.execution_count is not None
             or "execution" in c.metadata]
    assert not dirty, f"cells stored with outputs (strip them): {dirty}"
    assert notebook.metadata["kernelspec"]["name"] == "python3"


# ----------------------------------------------------------------------------- execution


@pytest.mark.model  # the executed notebook builds the seeds
def test_notebook_runs_every_cell_cleanly(executed: nbformat.NotebookNode) -> None:
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code)
    errors = [c.id for c in code if any(o.output_type == "error" for o in c.outputs)]
    assert not errors, f"cells with errors: {errors}"
    noisy = {c.id: output_text(c, "stream") for c in code
             if any(o.output_type == "stream" and o.name == "stderr" for o in c.outputs)}
    assert not noisy, f"cells that wrote to stderr (warnings rot the rendered docs): {noisy}"


@pytest.mark.model
@pytest.mark.parametrize(
    ("tag", "mime", "expected"),
    [
        ("build", "stream", "5 articles -> "),
        ("build", "stream", "wrote: graph.ttl, graph.html"),
        ("named-queries", "text/html", "<td>evidence-for-fact</td>"),
        ("who-met-whom", "text/html", "<th>actor1</th>"),
        ("who-met-whom", "text/html", "<th>articles</th>"),
        ("who-hosted-what", "text/html", "<th>meeting</th>"),
        ("who-hosted-what", "text/html", "<td>Russia</td>"),
        ("demands-by-actor", "text/html", "<th>demand</th>"),
        ("networkx", "stream", " actors, "),
        ("centrality", "text/html", "<th>pagerank</th>"),
        ("communities", "text/html", "<th>members</th>"),
        ("communities", "stream", " communities, modularity "),
        ("draw", "image/png", ""),
        ("interactive-graph", "text/html", "<iframe srcdoc="),
        ("trace", "stream", "sentence:   "),
        ("offsets-check", "stream", "== sentence: True"),
    ],
)
def test_notebook_cell_shows(executed: nbformat.NotebookNode, tag: str, mime: str,
                             expected: str) -> None:
    cell = tagged(executed, tag)
    shown = output_text(cell, mime)
    assert shown, f"cell {tag!r} showed no {mime} output"
    assert expected in shown, f"cell {tag!r} {mime} output lacks {expected!r}:\n{shown[:2000]}"


@pytest.mark.model  # the executed notebook builds the seeds
def test_notebook_builds_into_given_folder(executed: nbformat.NotebookNode,
                                           graph_dir: Path) -> None:
    import kg

    graph = kg.load_graph(graph_dir / "graph.ttl")
    articles = kg.query(graph, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle }")
    assert int(str(articles.rows[0][0])) == len(list((ROOT / "seeds").iterdir()))
    assert (graph_dir / "graph.html").stat().st_size > 0


@pytest.mark.model
@pytest.mark.browser
def test_notebook_inline_graph_renders_offline(executed: nbformat.NotebookNode,
                                              tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing; this test needs it. {FIX}", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(f"Playwright is not installed in this environment. {FIX}", pytrace=False)
    host = tmp_path / "host.html"
    host.write_text("<!doctype html><meta charset=utf-8><body>"
                    + output_text(tagged(executed, "interactive-graph"), "text/html"),
                    encoding="utf-8")
    requested: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})

            def block(route: Any) -> None:
                if route.request.url.startswith("file:"):
                    route.continue_()
                else:
                    requested.append(route.request.url)
                    route.abort()

            page.route("**/*", block)
            page.goto(host.as_uri())
            frame = page.frame_locator("iframe").locator("#kg-network")
            frame.wait_for(timeout=30_000)
            inner = next(f for f in page.frames if f != page.main_frame)
            inner.wait_for_function("window.kgReady === true", timeout=30_000)
            stats = inner.evaluate("window.kgStats")
        finally:
            browser.close()
    assert stats["nodes"] > 0 and stats["visibleNodes"] > 0, stats
    assert not requested, f"the inline graph asked the network for {requested}"


# ----------------------------------------------------------------------------- rendering


@pytest.mark.model  # the executed notebook builds the seeds
def test_render_notebook_writes_markdown_and_images(render: ModuleType,
                                                    executed: nbformat.NotebookNode,
                                                    graph_dir: Path, tmp_path: Path) -> None:
    notebook = copy.deepcopy(executed)
    files = tmp_path / "quickstart_files"
    render.replace_interactive_graph(notebook, graph_dir / "graph.html", files, screenshot=False)
    markdown = render.render_markdown(notebook, tmp_path / "quickstart.md")
    text = markdown.read_text(encoding="utf-8")
    assert markdown == tmp_path / "quickstart.md"
    assert "srcdoc=\"&lt;" not in text  # the inline page itself, not the code making it
    assert "](quickstart_files/graph.html)" in text
    assert (files / "graph.html").read_bytes() == (graph_dir / "graph.html").read_bytes()
    images = [line.split("](", 1)[1].rstrip(")") for line in text.splitlines()
              if line.startswith("![png](")]
    assert images, "no image in the rendered Markdown"
    assert all((tmp_path / image).is_file() for image in images), images
    assert text.count('class="dataframe"') >= 3
    assert "== sentence: True" in text


def test_render_notebook_kernel_runs_this_interpreter(render: ModuleType, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # A user-level "python3" kernel spec pointing at another program must not be used.
    bogus = tmp_path / "jupyter" / "kernels" / "python3"
    bogus.mkdir(parents=True)
    (bogus / "kernel.json").write_text(
        '{"argv": ["/bin/false", "{connection_file}"], "display_name": "x", "language": "python"}',
        encoding="utf-8",
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    notebook = tiny_notebook(tmp_path / "which.ipynb", "import sys, kg\nprint(sys.executable)")
    executed = render.execute_notebook(notebook, timeout=CELL_TIMEOUT)
    assert output_text(executed.cells[0], "stream").strip() == sys.executable


def test_render_notebook_fails_when_a_cell_errors(render: ModuleType, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    notebook = tiny_notebook(tmp_path / "broken.ipynb", "x = 1", "raise ValueError('boom 42')")
    out = tmp_path / "docs" / "broken.md"
    status = render.main(["--notebook", str(notebook), "--out", str(out),
                          "--graph-dir", str(tmp_path / "graph"), "--no-screenshot"])
    assert status == 1
    assert "boom 42" in capsys.readouterr().err
    assert not out.exists()
