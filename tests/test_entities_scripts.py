"""The measuring scripts of issue #22: scripts/entity_splits.py (honorifics and datelines in
labels, top nodes, node counts) and scripts/sample_merges.py (a random draw of a merge report).
Model-free."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from kg.entities import EntityRow
from kg.resolve.audit import COLUMNS, MergeRow, format_merge_report

from .conftest import ROOT

TINY = Path(__file__).parent / "data" / "tiny.ttl"


def load_script(name: str) -> ModuleType:
    """Import scripts/NAME.py (not a package module) by its path."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


splits = load_script("entity_splits")
sample = load_script("sample_merges")


def row(label: str, type_: str = "Person") -> EntityRow:
    return EntityRow(f"x/{label}", type_, label, 1, ())


@pytest.mark.parametrize(
    ("label", "type_", "expected"),
    [
        ("Ayatollah Ebrahim Raisi", "Person", True),
        ("Ebrahim Raisi", "Person", False),
        ("Seyed Ali Khamenei", "Person", True),
        ("Lieutenant General Qassem Soleimani", "Person", True),
        ("Dr. Ali Akbar Salehi", "Person", True),
        ("Drake", "Person", False),
        ("Amir Abdollahian", "Person", False),  # Amir is a given name
        ("Hajj", "Person", False),  # the pilgrimage, no title before a name
        ("Prince Faisal bin Farhan", "Person", True),
        ("General Assembly", "Organization", False),  # an office word first: a name
        ("Imam Khomeini Relief Foundation", "Organization", True),
        ("Iranian Foreign Ministry", "Organization", False),
    ],
)
def test_entities_scripts_honorific(label, type_, expected):
    assert splits.has_honorific(row(label, type_)) is expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("TEHRAN- Iran’s Foreign Ministry", True),
        ("TEHRAN - Iranian Foreign Ministry", True),
        ("BEIRUT (AP) Hezbollah", True),
        ("Iranian Foreign Ministry", False),
        ("U.S.-led", False),
        ("COVID-19", False),
        ("INSTEX - Instrument", False),  # an acronym, not a place
        ("IRGC", False),
    ],
)
def test_entities_scripts_dateline(label, expected):
    assert splits.has_dateline(row(label, "Organization")) is expected


def test_entities_scripts_splits_report():
    rows = [row("Ayatollah Raisi"), row("Ebrahim Raisi"),
            row("TEHRAN- Iran’s Foreign Ministry", "Organization"), row("Iran", "Country")]
    text = splits.report(rows, top=2, examples=5)
    assert "== the 2 most-mentioned Person nodes" in text
    assert "  1.     1  Ayatollah Raisi  [-]" in text
    assert "== labels with an honorific (Person: anywhere; others: a courtesy title first): " \
           "1 (Person 1)" in text
    assert "== labels with a dateline: 1 (Organization 1)" in text
    assert text.endswith("== nodes: Country 1, Location 0, Organization 1, Person 2, all 4")


def test_entities_scripts_splits_main_reads_a_graph(capsys):
    assert splits.main([str(TINY), "--top", "1"]) == 0
    out = capsys.readouterr().out
    assert "  1.     1  Sergei Shoigu  [-]" in out
    assert out.rstrip().endswith("Organization 1, Person 1, all 6")


def test_entities_scripts_splits_main_bad_graph(capsys):
    assert splits.main(["no/such.ttl"]) == 2
    assert capsys.readouterr().err.startswith("entity_splits: Graph file no/such.ttl")


def _merge(i: int, reason: str) -> MergeRow:
    return MergeRow(f"person/p{i:02}", (f"P{i}",), "person/full", "Full Name", reason,
                    (f"a{i}.txt",), f"a{i}.txt: P{i} spoke.", ("Full Name",),
                    "b.txt: Full Name left.")


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "merges.tsv"
    rows = [_merge(i, "surname" if i % 3 else "type") for i in range(30)]
    path.write_text(format_merge_report(rows), encoding="utf-8")
    return path


def test_entities_scripts_sample_columns_match_the_report():
    assert sample.COLUMNS == COLUMNS


def test_entities_scripts_sample_is_reproducible(report, capsys):
    assert sample.main([str(report), "-n", "5", "--seed", "22"]) == 0
    first = capsys.readouterr().out
    assert first.startswith("30 merges: surname 20, type 10\n5 drawn (seed 22):")
    assert first.count("-> 'Full Name'") == 5
    assert "    merged: a" in first and "    target: b.txt: Full Name left." in first
    sample.main([str(report), "-n", "5", "--seed", "22"])
    assert capsys.readouterr().out == first
    sample.main([str(report), "-n", "5", "--seed", "23"])
    assert capsys.readouterr().out != first


def test_entities_scripts_sample_by_reason(report, capsys):
    assert sample.main([str(report), "-n", "40", "--reason", "type"]) == 0
    out = capsys.readouterr().out
    assert "10 drawn" in out and "[surname]" not in out and out.count("[type]") == 10


@pytest.mark.parametrize("content", [None, "a\tb\n1\t2\n"])
def test_entities_scripts_sample_bad_report(tmp_path, content, capsys):
    path = tmp_path / "x.tsv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert sample.main([str(path)]) == 2
    assert capsys.readouterr().err.startswith("sample_merges: ")
