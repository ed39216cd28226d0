"""The named queries of the newer relations (kills, basedIn, livesIn, visits, operatesIn) on a
small graph that states them, with statements and evidence as kg writes them."""

from __future__ import annotations

from rdflib import Dataset

from kg.sparql import read_query, run_query

GRAPH = """
@prefix kgo: <https://w3id.org/newskg/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix schema: <https://schema.org/> .
@prefix : <https://w3id.org/newskg/id/> .

:a1 a schema:NewsArticle ; dcterms:source "a1.txt" .
:a2 a schema:NewsArticle ; dcterms:source "a2.txt" .
:s1 a nif:Sentence ; nif:anchorOf "Booth killed Lincoln." ; dcterms:isPartOf :a1 .
:s2 a nif:Sentence ; nif:anchorOf "Acme, based in Ohio, said." ; dcterms:isPartOf :a1 .
:s3 a nif:Sentence ; nif:anchorOf "The Ohio-based Acme grew." ; dcterms:isPartOf :a2 .
:s4 a nif:Sentence ; nif:anchorOf "Booth visited Ohio." ; dcterms:isPartOf :a2 .

:booth a kgo:Person ; rdfs:label "John Wilkes Booth"@en .
:lincoln a kgo:Person ; rdfs:label "Abraham Lincoln"@en .
:acme a kgo:Organization ; rdfs:label "Acme"@en .
:ohio a kgo:Location ; rdfs:label "Ohio"@en .

:booth kgo:kills :lincoln ; kgo:attacks :lincoln ; kgo:visits :ohio .
:acme kgo:basedIn :ohio .
:st1 a rdf:Statement ; rdf:subject :booth ; rdf:predicate kgo:kills ; rdf:object :lincoln ;
    prov:wasDerivedFrom :s1 .
:st2 a rdf:Statement ; rdf:subject :acme ; rdf:predicate kgo:basedIn ; rdf:object :ohio ;
    prov:wasDerivedFrom :s2, :s3 .
:st3 a rdf:Statement ; rdf:subject :booth ; rdf:predicate kgo:visits ; rdf:object :ohio ;
    prov:wasDerivedFrom :s4 .
"""


def graph() -> Dataset:
    data = Dataset()
    data.parse(data=GRAPH, format="turtle")
    return data


def test_query_places_who_killed_whom_gives_killer_victim_and_sentence() -> None:
    result = run_query(graph(), read_query("who-killed-whom"))
    assert result.vars == ("killer", "victim", "source", "sentence")
    assert result.text_rows() == [
        ("John Wilkes Booth", "Abraham Lincoln", "a1.txt", "Booth killed Lincoln.")
    ]


def test_query_places_where_actors_are_counts_articles() -> None:
    result = run_query(graph(), read_query("where-actors-are"))
    assert result.vars == ("actor", "relation", "place", "articles")
    assert result.text_rows() == [
        ("Acme", "basedIn", "Ohio", "2"),
        ("John Wilkes Booth", "visits", "Ohio", "1"),
    ]
