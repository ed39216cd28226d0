"""A statement's ``kgo:confidence``, computed from its evidence, on hand-built inputs.

The formula (kg/store/graph.py): each stating sentence contributes the confidence
of the best rule that found the fact there; sentences combine as independent
votes, ``1 - prod(1 - c_i)``, capped at 0.99 and rounded to three decimals. An
official's or state body's act is also its state's, at 0.9 times the rule's
confidence (rounded to three decimals; kg/resolve/resolver.py). No spaCy model.
"""

from __future__ import annotations

import pytest
import rdflib

from kg.model import Article, Entity, EventMention, Extraction, Mention, Relation, Sentence
from kg.resolve.resolver import Ref, ResolvedArticle, ResolvedRelation, Resolver
from kg.store.graph import GraphBuilder
from kg.store.namespace import KG, KGO

ENTITIES = {
    "country/turkey": Entity("country/turkey", "Country", "Turkey", "Q43"),
    "country/syria": Entity("country/syria", "Country", "Syria", "Q858"),
}
TEXT = ("Turkey backed Syria. Turkey backed Syria again. Turkey still backs Syria. "
        "Turkey backs Syria most of all.")
TURKEY, SYRIA = Ref("entity", "country/turkey"), Ref("entity", "country/syria")
#: One piece of evidence: (article, sentence index, confidence of the rule there).
Evidence = tuple[str, int, float]


def sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text``, split after each full stop."""
    out, start = [], 0
    for end in [i + 1 for i, c in enumerate(text) if c == "."]:
        while text[start] == " ":
            start += 1
        out.append(Sentence(start, end, text[start:end]))
        start = end
    return tuple(out)


def resolved_article(article_id: str, evidence: list[tuple[int, float]]) -> ResolvedArticle:
    """An article stating "Turkey supports Syria": (sentence, rule confidence) in ``evidence``."""
    article = Article(article_id, f"{article_id}.txt", TEXT)
    ra = ResolvedArticle(article, Extraction(sentences=sentences(TEXT)), entities=dict(ENTITIES))
    ra.relations = [
        ResolvedRelation(TURKEY, "supports", SYRIA, sentence, f"rule{n}", confidence)
        for n, (sentence, confidence) in enumerate(evidence)
    ]
    return ra


def statements(dataset: rdflib.Dataset) -> dict[tuple[str, str, str], rdflib.Literal]:
    """Every statement's (subject, predicate, object), IRIs shortened, -> its kgo:confidence."""
    rdf = rdflib.RDF  # not imported at module level: pytest's collector pokes at names there
    parts: dict[rdflib.term.Node, dict[rdflib.term.Node, rdflib.term.Node]] = {}
    for st, p, o, _g in dataset.quads((None, None, None, None)):
        if p in (rdf.subject, rdf.predicate, rdf.object, KGO.confidence):
            parts.setdefault(st, {})[p] = o

    def short(term: rdflib.term.Node) -> str:
        return str(term).removeprefix(str(KG)).removeprefix(str(KGO))

    out = {}
    for fields in parts.values():
        conf = fields[KGO.confidence]
        assert isinstance(conf, rdflib.Literal)
        triple = (fields[rdf.subject], fields[rdf.predicate], fields[rdf.object])
        out[short(triple[0]), short(triple[1]), short(triple[2])] = conf
    return out


def confidence(evidence: list[Evidence]) -> rdflib.Literal:
    """The confidence GraphBuilder gives "Turkey supports Syria" stated as in ``evidence``."""
    builder = GraphBuilder(include_ontology=False)
    for article_id in sorted({a for a, _, _ in evidence}):
        mine = [(sentence, conf) for a, sentence, conf in evidence if a == article_id]
        builder.add(resolved_article(article_id, mine))
    dataset, counts = builder.build()
    assert counts["relations"] == 1
    return statements(dataset)["country/turkey", "supports", "country/syria"]


@pytest.mark.parametrize(
    ("evidence", "expected"),
    [
        ([("a1", 0, 0.8)], "0.8"),
        ([("a1", 0, 0.65)], "0.65"),
        # two sentences of one article: 1 - 0.2 * 0.3
        ([("a1", 0, 0.8), ("a1", 1, 0.7)], "0.94"),
        # one sentence in each of two articles: 1 - 0.2 * 0.2
        ([("a1", 0, 0.8), ("a2", 0, 0.8)], "0.96"),
        # two rules in one sentence: the best one counts, once
        ([("a1", 0, 0.7), ("a1", 0, 0.8)], "0.8"),
        ([("a1", 0, 0.8), ("a1", 0, 0.7), ("a1", 1, 0.5)], "0.9"),
        # three sentences over two articles: 1 - 0.5^3
        ([("a1", 0, 0.5), ("a2", 0, 0.5), ("a2", 1, 0.5)], "0.875"),
        # rounded to three decimals: 1 - 0.15 * 0.25 * 0.3 = 0.98875
        ([("a1", 0, 0.85), ("a1", 1, 0.75), ("a1", 2, 0.7)], "0.989"),
        # capped at 0.99: 1 - 0.1^3 = 0.999
        ([("a1", 0, 0.9), ("a1", 1, 0.9), ("a1", 2, 0.9)], "0.99"),
        ([("a1", 0, 0.9), ("a1", 1, 0.9), ("a1", 2, 0.9), ("a1", 3, 0.9)], "0.99"),
    ],
)
def test_confidence_combines_evidence(evidence: list[Evidence], expected: str) -> None:
    conf = confidence(evidence)
    assert conf.datatype == rdflib.XSD.decimal
    assert str(conf) == expected


def test_confidence_does_not_depend_on_article_order() -> None:
    evidence = [("a1", 0, 0.85), ("a2", 1, 0.75), ("a3", 2, 0.7)]
    expected = rdflib.Literal("0.989", datatype=rdflib.XSD.decimal)
    assert confidence(evidence) == confidence(evidence[::-1]) == expected


# ------------------------------------------------------------- acts of officials and state bodies

MINISTRY = "The Turkish defense ministry praised the meeting."
OFFICIAL = "Russian Defense Minister Sergei Shoigu hosted the talks with Turkey."


def _mention(text: str, surface: str, label: str) -> Mention:
    i = text.index(surface)
    return Mention(i, i + len(surface), surface, label, 0, True)


def _event(text: str, surface: str, type_: str) -> EventMention:
    i = text.index(surface)
    return EventMention(i, i + len(surface), surface, type_, 0)


def ministry_supports(conf: float) -> tuple[str, Extraction]:
    """A state body supports a meeting with confidence ``conf``: its state does too."""
    mod = _mention(MINISTRY, "Turkish defense ministry", "ORG")
    meeting = _event(MINISTRY, "meeting", "Meeting")
    return MINISTRY, Extraction(sentences=sentences(MINISTRY), mentions=(mod,), events=(meeting,),
                                relations=(Relation(mod, "supports", meeting, 0, "svo", conf),))


def official_hosts(conf: float) -> tuple[str, Extraction]:
    """An official of Russia hosts talks with confidence ``conf``: Russia does too.

    Turkey takes part, so that the talks are more than one side's (a meeting of one
    actor and nothing else stays out of the graph).
    """
    ru, sh = _mention(OFFICIAL, "Russian", "NORP"), _mention(OFFICIAL, "Sergei Shoigu", "PERSON")
    tr = _mention(OFFICIAL, "Turkey", "GPE")
    talks = _event(OFFICIAL, "talks", "Meeting")
    return OFFICIAL, Extraction(sentences=sentences(OFFICIAL), mentions=(ru, sh, tr),
                                events=(talks,),
                                relations=(Relation(sh, "memberOf", ru, 0, "title", 0.9),
                                           Relation(sh, "hosts", talks, 0, "svo", conf),
                                           Relation(tr, "participatesIn", talks, 0, "svo", 0.8)))


CASES = {"state body": (ministry_supports, "country/turkey", "supports"),
         "official": (official_hosts, "country/russia", "hosts")}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize(
    ("conf", "expected"),
    [(0.8, "0.72"), (0.75, "0.675"), (0.65, "0.585"), (0.777, "0.699"), (0.5, "0.45")],
)
def test_confidence_of_the_state_is_nine_tenths(case: str, conf: float, expected: str) -> None:
    make, state, predicate = CASES[case]
    text, extraction = make(conf)
    ra = Resolver().resolve(Article("a1", "a1.txt", text), extraction)
    (rel,) = [r for r in ra.relations if r.subject.key == state and r.predicate == predicate]
    assert rel.confidence == float(expected)
    builder = GraphBuilder(include_ontology=False)
    builder.add(ra)
    (event,) = ra.events
    found = statements(builder.build()[0])
    fused = builder.fusion.node_of[("a1", event)]
    assert str(found[state, predicate, f"event/{fused}"]) == expected


def test_confidence_state_body_is_part_of_its_state() -> None:
    text, extraction = ministry_supports(0.8)
    builder = GraphBuilder(include_ontology=False)
    builder.add(Resolver().resolve(Article("a1", "a1.txt", text), extraction))
    found = statements(builder.build()[0])
    assert str(found["organization/turkish-defense-ministry", "partOf", "country/turkey"]) == "0.85"
