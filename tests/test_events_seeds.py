"""Event fusion end to end on the seeds: one meeting, one node, whichever article reports it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.sparql import run_query
from kg.store.load import load_graph

PREFIXES = """
PREFIX kgo: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX location: <https://w3id.org/newskg/id/location/>
PREFIX country: <https://w3id.org/newskg/id/country/>
"""


def _rows(out, query: str) -> list[tuple[str, ...]]:
    result = run_query(load_graph(out / "graph.ttl"), PREFIXES + query)
    return result.text_rows()


def test_the_defence_ministers_meeting_is_one_node_and_the_deputies_another(seeds_build):
    # Four seeds report the defence ministers' meeting in Moscow on a Tuesday (25 April 2023);
    # seed 002 reports the deputy foreign ministers' talks there earlier that month.
    _, out = seeds_build
    rows = _rows(out, """
        SELECT ?m (GROUP_CONCAT(DISTINCT ?file; separator=" ") AS ?files) WHERE {
          ?m a kgo:Meeting ; kgo:heldIn location:moscow ; kgo:mentionedIn ?a .
          ?a dcterms:source ?file .
          country:turkey kgo:participatesIn ?m .
          country:syria kgo:participatesIn ?m .
          country:iran kgo:participatesIn ?m .
        } GROUP BY ?m""")
    reports = sorted(sorted(f[:3] for f in files.split()) for _, files in rows)
    assert reports == [["000", "001", "003", "004"], ["002"]]
    (hosted,) = _rows(out, """
        SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {
          country:russia kgo:hosts ?m . ?m kgo:heldIn location:moscow ; kgo:mentionedIn ?a .
          country:turkey kgo:participatesIn ?m . country:iran kgo:participatesIn ?m .
        }""")
    assert hosted == ("4",)


def test_every_event_mention_is_the_article_text_at_its_offsets(seeds_build):
    _, out = seeds_build
    rows = _rows(out, """
        SELECT ?anchor ?b ?e ?text WHERE {
          ?event a ?t ; prov:wasDerivedFrom ?m .
          ?t rdfs:subClassOf* kgo:Event .
          ?m a kgo:EventMention ; nif:anchorOf ?anchor ; nif:beginIndex ?b ; nif:endIndex ?e ;
             dcterms:isPartOf/dcterms:isPartOf/kgo:text ?text .
        }""")
    assert len(rows) >= 20
    for anchor, b, e, text in rows:
        assert text[int(b):int(e)] == anchor


def test_fusion_leaves_far_fewer_event_nodes_than_mentions(seeds_build):
    summary, out = seeds_build
    (mentions,) = _rows(out, "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a kgo:EventMention }")
    assert summary.events * 2 <= int(mentions[0])


def test_sample_events_script_draws_the_fused_meeting_with_its_sentences(seeds_build, capsys):
    import runpy
    import sys

    _, out = seeds_build
    script = Path(__file__).resolve().parent.parent / "scripts" / "sample_events.py"
    argv = sys.argv
    sys.argv = [str(script), str(out / "graph.ttl"), "-n", "5", "--type", "Meeting"]
    try:
        with pytest.raises(SystemExit) as done:
            runpy.run_path(str(script), run_name="__main__")
    finally:
        sys.argv = argv
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert "Meeting of Russia, Turkey, Syria and Iran, Moscow  (Meeting, 4 articles)" in text
    assert "[000_00e312ede173199d.txt] «four-way talks» On Tuesday, Russian Defense" in text
