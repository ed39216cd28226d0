"""Event fusion end to end on the seeds: the five articles' meeting is one node."""

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


def test_the_moscow_meeting_is_one_node_with_all_five_reports(seeds_build):
    _, out = seeds_build
    rows = _rows(out, """
        SELECT ?m (COUNT(DISTINCT ?a) AS ?articles) WHERE {
          ?m a kgo:Meeting ; kgo:heldIn location:moscow ; kgo:mentionedIn ?a .
          country:russia kgo:hosts ?m .
          country:turkey kgo:participatesIn ?m .
          country:syria kgo:participatesIn ?m .
          country:iran kgo:participatesIn ?m .
        } GROUP BY ?m""")
    assert len(rows) == 1
    assert rows[0][1] == "5"


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
    assert "Meeting of Russia, Turkey, Syria and Iran, Moscow  (Meeting, 5 articles)" in text
    assert "[000_00e312ede173199d.txt] «four-way talks» On Tuesday, Russian Defense" in text
