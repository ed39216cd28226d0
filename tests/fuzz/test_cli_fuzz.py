"""End to end at the command line: hostile input files and queries through ``kg`` subprocesses.

A build of hostile files prints one ``kg: skipped 'FILE': ...`` line per file and
one closing error line, exits 2 and writes nothing into ``-o`` (earlier outputs
stay as they were, no temporary file is left). A bad query prints one line and
exits 2. Nothing loads the spaCy model: bad inputs fail before it is loaded.
"""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

TINY = ROOT / "tests" / "data" / "tiny.ttl"

#: File name -> bytes that no build can read as an article.
HOSTILE: dict[str, bytes] = {
    "random.txt": bytes(range(256)) * 8,
    "nul.md": b"# Talks\n\nThe talks \x00 resumed in Geneva on Monday.\n",
    "utf16.txt": codecs.BOM_UTF16_LE + "Talks resumed in Geneva.".encode("utf-16-le"),
    "latin1.txt": "Les n\u00e9gociations ont repris \u00e0 Gen\u00e8ve.".encode("latin-1"),
    "empty.html": b"   \n",
    "nested.html": b"<div>" * 5000 + b"x" + b"</div>" * 5000,
    "script.htm": b"<html><body><script>" + b"</script" * 1000 + b"</body></html>",
    "bom-only.md": codecs.BOM_UTF8 + b"\n\n",
    "line\nbreak 'quote\".txt": b"\xff\xfe\x00\x00",
}


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_fuzz_cli_build_of_hostile_files_says_one_line_each_and_writes_nothing(
    tmp_path: Path,
) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for name, data in HOSTILE.items():
        (inputs / name).write_bytes(data)
    out.mkdir()
    (out / "graph.ttl").write_text("# the previous build's\n", encoding="utf-8")

    result = kg("build", "-q", str(inputs), "-o", str(out))
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert all(line.startswith("kg: ") for line in lines), lines
    assert len(lines) == len(HOSTILE) + 1, lines
    for name in HOSTILE:  # each file named on its own line (repr: the line break stays escaped)
        assert sum(repr(str(inputs / name)) in line for line in lines[:-1]) == 1, name
    assert lines[-1].endswith("[E005]")
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "# the previous build's\n"


def test_fuzz_cli_build_of_one_hostile_file_makes_no_output_folder(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = kg("build", "-q", str(bad), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert [line[:12] for line in result.stderr.splitlines()] == ["kg: skipped ", "kg: no reada"]
    assert not (tmp_path / "out").exists()


def test_fuzz_cli_bad_queries_say_one_line(tmp_path: Path) -> None:
    # a few: each is a process (in-process fuzzing of kg query is in test_query_fuzz)
    for query in ("SELECT * WHERE { ?s ?p \u202e\x01", "ASK { <a b> ?p ?o }"):
        result = kg("query", str(TINY), query)
        assert result.returncode == 2, (query, result.stderr)
        assert result.stderr.startswith("kg: ") and result.stderr.count("\n") == 1, result.stderr
        assert result.stdout == ""
