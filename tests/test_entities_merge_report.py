"""The merge report (kg.resolve.audit): one TSV row per cross-article merge, with names,
target, reason, articles and a sentence per side. Model-free, on hand-made resolved articles."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from kg.model import Article, Entity, Extraction, Mention, Sentence
from kg.resolve.audit import COLUMNS, format_merge_report, merge_rows
from kg.resolve.identity import link_entities
from kg.resolve.resolver import ResolvedArticle
from kg.store.graph import GraphBuilder


def article(aid: str, text: str, *names: tuple[str, str, str]) -> ResolvedArticle:
    """A resolved article of one sentence naming (key, type, surface form) entities."""
    extraction = Extraction(
        sentences=(Sentence(0, len(text), text),),
        mentions=tuple(Mention(text.index(form), text.index(form) + len(form), form, "PERSON", 0)
                       for _, _, form in names),
    )
    ra = ResolvedArticle(Article(aid, f"{aid}.txt", text), extraction)
    for key, type_, form in names:
        ra.entities[key] = Entity(key, type_, form)
        ra.surface_forms.setdefault(key, Counter())[form] += 1
    return ra


FULL = ("person/ebrahim-raisi", "Person", "Ebrahim Raisi")
SHORT = ("person/raisi", "Person", "Raisi")
ARTICLES = [
    article("a2", "Raisi spoke in Tehran.", SHORT),
    article("a1", "President Ebrahim Raisi met the envoy.", FULL),
    article("a3", "Later\tRaisi left.", SHORT),
    article("a4", "Isfahan was hit.", ("location/isfahan", "Location", "Isfahan")),
]


def _report(articles: list[ResolvedArticle]) -> str:
    builder = GraphBuilder(include_ontology=False)
    for ra in articles:
        builder.add(ra)
    builder.build()
    return format_merge_report(merge_rows(builder.articles, builder.linking, builder.labels))


def test_entities_merge_report_row():
    lines = _report(ARTICLES).splitlines()
    assert lines[0].split("\t") == list(COLUMNS)
    assert len(lines) == 2  # one merge; the unmerged place has no row
    row = dict(zip(COLUMNS, lines[1].split("\t"), strict=True))
    assert row == {
        "merged": "person/raisi",
        "merged_names": "Raisi",
        "target": "person/ebrahim-raisi",
        "label": "Ebrahim Raisi",
        "reason": "surname",
        "articles": "a2.txt | a3.txt",
        "example": "a2.txt: Raisi spoke in Tehran.",
        "target_names": "Ebrahim Raisi",
        "target_example": "a1.txt: President Ebrahim Raisi met the envoy.",
    }


def test_entities_merge_report_cells_have_no_tabs():
    """A tab in a sentence would shift the columns: it is written as a space."""
    report = _report([ARTICLES[1], ARTICLES[2]])
    assert report.splitlines()[1].split("\t")[6] == "a3.txt: Later Raisi left."


def test_entities_merge_report_is_the_same_in_any_order():
    reports = {_report(list(p)) for p in itertools.permutations(ARTICLES)}
    assert len(reports) == 1


@pytest.mark.parametrize(
    ("articles", "merges"),
    [
        (ARTICLES[:1], 0),  # the short name alone: nothing to merge
        (ARTICLES[:2], 1),  # the full name arrives: one merge
    ],
)
def test_entities_merge_report_lists_every_merge(articles, merges):
    assert len(_report(articles).splitlines()) == 1 + merges
    assert len(link_entities(articles).merges) == merges


def test_entities_merge_report_names_most_mentioned_first():
    twice = article("a5", "Raisi and Raisi.", SHORT)
    twice.surface_forms["person/raisi"] = Counter({"Raisi": 2, "Mr Raisi": 1})
    rows = merge_rows([*ARTICLES[:2], twice], link_entities([*ARTICLES[:2], twice]),
                      {"person/ebrahim-raisi": "Ebrahim Raisi"})
    assert rows[0].merged_names == ("Raisi", "Mr Raisi")
    assert rows[0].articles == ("a2.txt", "a5.txt")


def test_entities_merge_report_path_that_is_a_folder_is_one_line(tmp_path, capsys):
    """Checked before any article is read or the model loaded."""
    from kg.cli import main

    assert main(["build", "no-such-input", "--merge-report", str(tmp_path), "-q"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"kg: --merge-report {tmp_path} is a folder; give a file path (e.g. out/merges.tsv) [E085]"
    ]


def test_entities_merge_report_is_replaced_with_the_outputs_or_not_at_all(tmp_path, monkeypatch):
    """The report is staged with the graph files: a failed export leaves the old one whole."""
    import rdflib

    import kg.export
    from kg.pipeline.outputs import write_outputs
    from kg.pipeline.timing import Timer

    report = tmp_path / "reports" / "merges.tsv"  # its folder is made
    written = write_outputs(rdflib.Dataset(), ["turtle"], tmp_path, Timer(),
                            extra={report: "old\n"})
    assert written == [str(tmp_path / "graph.ttl"), str(report)]
    assert report.read_text(encoding="utf-8") == "old\n"

    def fail(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(kg.export, "write_temp", fail)
    with pytest.raises(OSError, match="disk full"):
        write_outputs(rdflib.Dataset(), ["turtle"], tmp_path, Timer(), extra={report: "new\n"})
    assert report.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in report.parent.iterdir()) == ["merges.tsv"]  # no temp file
