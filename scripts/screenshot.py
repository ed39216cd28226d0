"""Save a PNG of kg's HTML graph page, as headless Chromium shows it.

Usage:
    python scripts/screenshot.py GRAPH_HTML OUT_PNG [--width 1400] [--height 860]
        [--select NAME [--fit]] [--hover-edge] [--events] [--dates FROM TO]

Opens the file with every network request blocked, waits until the page says it
is ready (``window.kgReady``), optionally searches for NAME (so the details panel
is filled), and writes the screenshot. A large graph (past a few hundred nodes)
opens on its actors; there ``--select NAME`` shows NAME's neighbourhood,
``--events`` draws the events too and ``--dates`` sets the event-date filter.
Needs Debian's chromium and Playwright: run ``bash scripts/install-browser.sh`` first.

Examples:
    python scripts/screenshot.py out/graph.html docs/graph.png --select Turkey --fit
    python scripts/screenshot.py corpus.html docs/graph-corpus.png
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, open the page, save the PNG; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph_html", type=Path)
    parser.add_argument("out_png", type=Path)
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=860)
    parser.add_argument("--select", help="search for this name and select it first")
    parser.add_argument("--fit", action="store_true", help="after --select, zoom out to everything")
    parser.add_argument("--hover-edge", action="store_true", help="hover the first drawn edge")
    parser.add_argument("--events", action="store_true", help="large graphs: draw the events too")
    parser.add_argument(
        "--dates", nargs=2, metavar=("FROM", "TO"), help="event-date filter, YYYY-MM-DD each"
    )
    args = parser.parse_args(argv)

    if not args.graph_html.is_file():
        print(
            f"screenshot: no such file '{args.graph_html}'. Fix: export the graph first "
            "(kg export GRAPH --format html -o OUT.html).",
            file=sys.stderr,
        )
        return 2
    if not Path(CHROMIUM).exists():
        print(
            f"screenshot: {CHROMIUM} is missing. Fix: run `bash scripts/install-browser.sh`.",
            file=sys.stderr,
        )
        return 2
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print(
            "screenshot: Playwright is not installed. Fix: run `bash scripts/install-browser.sh`.",
            file=sys.stderr,
        )
        return 2

    url = args.graph_html.resolve().as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.route(
                "**/*",
                lambda route: (
                    route.abort()
                    if not route.request.url.startswith("file:")
                    else route.continue_()
                ),
            )
            began = time.perf_counter()
            page.goto(url)
            page.wait_for_function("window.kgReady === true", timeout=60_000)
            ready = time.perf_counter() - began
            if args.events and page.is_visible("#kg-events"):
                page.check("#kg-events")
            if args.dates and page.is_visible("#kg-dates"):
                page.fill("#kg-date-from", args.dates[0])
                page.fill("#kg-date-to", args.dates[1])
            if args.select:
                page.fill("#kg-search", args.select)
                page.press("#kg-search", "Enter")
                page.wait_for_timeout(600)
                if args.fit:
                    page.evaluate("window.kg.network.fit({animation: false})")
                    page.wait_for_timeout(100)
            if args.hover_edge:
                point = page.evaluate(
                    """() => {
                        const net = window.kg.network, ids = window.kg.edgeView.getIds();
                        if (!ids.length) return null;
                        const e = window.kg.edges.get(ids[0]);
                        const p = net.getPositions([e.from, e.to]);
                        const c = net.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2,
                                                  y: (p[e.from].y + p[e.to].y) / 2});
                        const box = document.getElementById('kg-network').getBoundingClientRect();
                        return {x: c.x + box.left, y: c.y + box.top};
                    }"""
                )
                if point:
                    page.mouse.move(point["x"], point["y"])
                    page.wait_for_timeout(300)
            args.out_png.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out_png))
        finally:
            browser.close()
    print(f"screenshot: wrote {args.out_png} (page ready in {ready * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
