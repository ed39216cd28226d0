"""Interactive HTML view of a built graph: one self-contained file.

The page holds everything it needs: vis-network (read from the copy that the
installed ``pyvis`` package bundles, never a CDN), the page's own script and
style, and the graph as JSON in ``<script type="application/json" id="kg-data">``.
It fetches nothing when it opens; the only external addresses are the Wikidata
links of the details panel, which the reader has to click.

Safety: the data JSON escapes ``<``, ``>``, ``&``, U+2028 and U+2029, a
Content-Security-Policy allows only the page's own two scripts (by hash), and the
script renders every string with ``textContent`` and DOM calls, never as HTML.

The page's data (nodes, edges, evidence, positions) comes from
:mod:`kg.export.html_data`; positions are computed there, so the page opens
without physics, and the output is byte-identical for the same graph. A graph of
more than a few hundred nodes opens on its actors, one link per actor pair and
relation (:mod:`kg.export.html_actors`); selecting a node shows its neighbourhood.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.resources
import importlib.util
import json
import re
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.errors import Errors, ExportError
from kg.export.html_actors import ACTOR_VIEW_MIN_NODES
from kg.export.html_data import build_data

__all__ = ["build_data", "render", "script_json", "write"]

#: vis-network as bundled by pyvis (files under the pyvis package).
VIS_VERSION = "vis-9.1.2"

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


def write(
    graph: Graph,
    path: str | Path,
    *,
    title: str = "kg graph",
    max_nodes: int = 1500,
    actor_view_min: int = ACTOR_VIEW_MIN_NODES,
) -> None:
    """Write the interactive HTML view of ``graph`` to ``path``.

    Args:
        graph: The built graph: an rdflib ``Graph`` or ``Dataset`` (any store,
            Oxigraph included); for a dataset the union of its graphs is shown.
        path: The output file, overwritten.
        title: Page title and heading.
        max_nodes: Above this many nodes the full view (events shown) opens on
            the ``max_nodes`` most connected ones, with a button to show everything.
        actor_view_min: Above this many nodes the page opens on the actors
            (:mod:`kg.export.html_actors`), not on every node.

    Raises:
        ExportError: ``max_nodes`` is not a positive integer, pyvis's bundled
            vis-network is missing, or the file cannot be written.
    """
    data = build_data(graph, actor_view_min=actor_view_min)
    page = render(data, title=title, max_nodes=max_nodes)
    try:
        Path(path).write_bytes(page.encode("utf-8"))
    except OSError as error:
        raise ExportError(Errors.E043.format(path=path, reason=error.strerror)) from error


def script_json(value: Any) -> str:
    """Serialise ``value`` as JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u003c``, ``\\u003e`` and ``\\u0026`` (so
    neither ``</script>`` nor ``<!--`` can appear), and U+2028/U+2029 are escaped
    too; ``JSON.parse`` restores every string exactly.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def _escape_text(text: str) -> str:
    """Escape text for HTML content and attributes, line separators included."""
    return html.escape(text, quote=True).replace("\u2028", "&#x2028;").replace("\u2029", "&#x2029;")


def _asset(name: str) -> str:
    return (
        importlib.resources.files("kg.export")
        .joinpath("html_assets", name)
        .read_text(encoding="utf-8")
    )


def _vis_files() -> tuple[str, str]:
    """Return vis-network's script and style from the installed pyvis package."""
    try:
        # Found, not imported: importing pyvis loads IPython and jsonpickle (0.16 s).
        spec = importlib.util.find_spec("pyvis")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("No module named 'pyvis'")
        folder = Path(next(iter(spec.submodule_search_locations)), "lib", VIS_VERSION)
        script = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        style = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError) as error:
        raise ExportError(Errors.E045.format(version=VIS_VERSION, reason=error)) from error
    return script, style


def _inline_script(source: str) -> str:
    # "</script" inside the code would end the element early; "<\/" means the same in JS.
    return re.sub(r"</(?=script)", r"<\\/", source, flags=re.IGNORECASE)


def _inline_style(source: str) -> str:
    return re.sub(r"</(?=style)", r"<\\/", source, flags=re.IGNORECASE)


def _sha256(source: str) -> str:
    return (
        "'sha256-"
        + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()
        + "'"
    )


def _top_nodes(nodes: list[dict[str, Any]], max_nodes: int) -> list[int] | None:
    if len(nodes) <= max_nodes:
        return None
    ranked = sorted(nodes, key=lambda n: (-n["degree"], n["label"], n["iri"]))
    return sorted(n["id"] for n in ranked[:max_nodes])


def render(data: dict[str, Any], *, title: str = "kg graph", max_nodes: int = 1500) -> str:
    """Return the whole HTML page for the data of :func:`build_data`.

    Args:
        data: The result of :func:`build_data`.
        title: Page title and heading (escaped here, shown as text).
        max_nodes: See :func:`write`.

    Raises:
        ExportError: ``max_nodes`` is not a positive integer or vis-network is missing.
    """
    if isinstance(max_nodes, bool) or not isinstance(max_nodes, int) or max_nodes < 1:
        raise ExportError(Errors.E046.format(value=repr(max_nodes)))
    vis_js, vis_css = _vis_files()
    vis_js = _inline_script(vis_js)
    app_js = _inline_script(_asset("graph.js"))
    payload = dict(
        data, title=str(title), maxNodes=max_nodes, top=_top_nodes(data["nodes"], max_nodes)
    )
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_sha256(vis_js)} {_sha256(app_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    parts = {
        "CSP": html.escape(csp, quote=True),
        "TITLE": _escape_text(str(title)),
        "VIS_CSS": _inline_style(vis_css),
        "APP_CSS": _inline_style(_asset("graph.css")),
        "DATA": script_json(payload),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    # One pass, so text put in is never scanned for markers again.
    return re.sub(r"\{\{KG_([A-Z_]+)\}\}", lambda m: parts[m.group(1)], _asset("page.html"))
