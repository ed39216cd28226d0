"""The quickstart notebook runs end to end in a fresh kernel; any cell error fails the build."""

from __future__ import annotations

import json
import os

import nbformat
from nbclient import NotebookClient

from .conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "quickstart.ipynb"


def test_notebook_is_stored_without_outputs():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(not c.get("outputs") and c.get("execution_count") is None for c in code)


def test_notebook_quickstart_executes(tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    env_out = tmp_path / "out"
    os.environ["KG_QUICKSTART_OUT"] = str(env_out)
    try:
        # "python3" is ipykernel's native kernel: this interpreter, so the project's venv
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    finally:
        os.environ.pop("KG_QUICKSTART_OUT", None)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "\n".join(str(o.get("text", "")) + json.dumps(o.get("data", {})) for o in outputs)
    assert "5 articles" in text  # the build ran on the seeds
    assert "image/png" in text  # the actor network was drawn
    assert (env_out / "graph.ttl").exists() and (env_out / "graph.html").exists()
