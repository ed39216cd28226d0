"""kg.schema: ontology/kg.ttl as a typed relation table, and what is derived from it.

The table of today's relations pins their ends and flags; the old resolver's
signature mini-language is kept here as an oracle, to show the schema accepts
exactly what it accepted. A toy ontology (tests/data/toy_relation.ttl) adds two
relations that only it declares.
"""

from __future__ import annotations

import json
import re
import shutil
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.errors import KGError
from kg.extract.lexicon import Lexicon, LexiconError
from kg.model import ENTITY_TYPES, EVENT_TYPES, RELATIONS, SYMMETRIC_RELATIONS
from kg.schema import RelationSpec, Schema, SchemaError
from kg.schema.__main__ import main
from kg.schema.derived import (
    GRAPH_SHAPE,
    context_text,
    jsonld_context,
    relation_shapes,
)
from kg.store.namespace import KGO, PREFIXES
from kg.store.ontology import ONTOLOGY_DIR, load_ontology, ontology_path, queries_dir, shapes_path

DATA = Path(__file__).parent / "data"
TOY = DATA / "toy_relation.ttl"
TINY = DATA / "tiny.ttl"
HAND_SHAPES = DATA / "hand_relation_shapes.ttl"
NS = str(KGO._NS)
ACTOR = {"Country", "Person", "Organization"}
PLACE = {"Country", "Location"}
HEADER = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


@pytest.fixture(scope="module")
def schema() -> Schema:
    return Schema.default()


@pytest.fixture(scope="module")
def toy() -> Schema:
    return Schema.load(ontology_path(), TOY)


def kg_ttl_with(tmp_path: Path, extra: str, drop: str = "") -> Path:
    """A copy of kg.ttl with ``drop`` cut out and ``extra`` appended (its prefixes are kg.ttl's)."""
    text = ontology_path().read_text(encoding="utf-8")
    assert drop in text
    path = tmp_path / "kg.ttl"
    path.write_text(text.replace(drop, "") + "\n" + extra, encoding="utf-8")
    return path


# --- The relations of kg.ttl --------------------------------------------------------

# (relation, domain, range, symmetric, generalises): the graph contract as it stands.
RELATION_TABLE = [
    ("accuses", ACTOR, ACTOR, False, True),
    ("attacks", ACTOR, {"Entity"}, False, True),
    ("basedIn", {"Organization"}, PLACE, False, False),
    ("cooperatesWith", ACTOR, ACTOR, True, True),
    ("demands", ACTOR, ACTOR | {"Event"}, False, True),
    ("discusses", ACTOR | {"Meeting"}, {"Event"}, False, True),
    ("heldIn", {"Meeting"}, PLACE, False, False),
    ("hosts", ACTOR, {"Meeting"}, False, True),
    ("kills", ACTOR, {"Person"}, False, True),
    ("livesIn", {"Person"}, PLACE, False, False),
    ("locatedIn", {"Location"}, PLACE, False, False),
    ("meetsWith", ACTOR, ACTOR, True, True),
    ("memberOf", {"Person", "Country"}, {"Organization", "Country"}, False, False),
    ("occupies", ACTOR, PLACE, False, True),
    ("operatesIn", ACTOR, PLACE, False, True),
    ("opposes", ACTOR, ACTOR | {"Event"}, False, True),
    ("partOf", {"Organization"}, {"Organization", "Country"}, False, False),
    ("participatesIn", ACTOR, {"Event"}, False, True),
    ("supports", ACTOR, ACTOR | {"Event"}, False, True),
    ("visits", ACTOR, {"Entity"}, False, False),
]


@pytest.mark.parametrize(
    ("name", "domain", "range_", "symmetric", "generalises"),
    RELATION_TABLE,
    ids=[row[0] for row in RELATION_TABLE],
)
def test_schema_reads_each_relation_of_kg_ttl(
    schema: Schema, name: str, domain: set[str], range_: set[str], symmetric: bool,
    generalises: bool,
) -> None:
    spec = schema[name]
    assert isinstance(spec, RelationSpec)
    assert (spec.name, spec.iri) == (name, NS + name)
    assert spec.domain == domain
    assert spec.range == range_
    assert spec.symmetric is symmetric
    assert spec.generalises is generalises
    assert spec.label and spec.comment and "\n" not in spec.comment


def test_schema_relations_are_the_table_ordered_by_name(schema: Schema) -> None:
    assert schema.names == tuple(sorted(row[0] for row in RELATION_TABLE))
    assert [r.name for r in schema.relations] == list(schema.names) == [r.name for r in schema]
    assert len(schema) == len(RELATION_TABLE)
    assert schema.symmetric == {"meetsWith", "cooperatesWith"}


def test_schema_model_constants_come_from_the_schema(schema: Schema) -> None:
    assert RELATIONS == schema.names
    assert SYMMETRIC_RELATIONS == schema.symmetric


def test_schema_default_is_read_once() -> None:
    assert Schema.default() is Schema.default()


@pytest.mark.parametrize(
    ("name", "supers"),
    [
        ("hosts", {"participatesIn"}),
        ("participatesIn", {"^sem:hasActor"}),
        ("heldIn", {"sem:hasPlace", "schema:location"}),
        ("locatedIn", {"schema:containedInPlace"}),
        ("meetsWith", set()),
    ],
)
def test_schema_super_properties(schema: Schema, name: str, supers: set[str]) -> None:
    assert schema[name].super_properties == supers


def test_schema_unknown_relation(schema: Schema) -> None:
    assert schema.get("meetWith") is None
    assert "meetWith" not in schema and "meetsWith" in schema
    with pytest.raises(SchemaError) as caught:
        schema["meetWith"]
    message = str(caught.value)
    assert "'meetWith'" in message and "meetsWith" in message and "kg.ttl" in message
    assert isinstance(caught.value, KGError) and "\n" not in message


# --- Classes and the ends a relation accepts ---------------------------------------------

@pytest.mark.parametrize(
    ("type_", "cls", "expected"),
    [
        ("Meeting", "Event", True),
        ("Meeting", "Meeting", True),
        ("Country", "Entity", True),
        ("Country", "prov:Agent", True),
        ("Country", "schema:Country", True),
        ("Location", "schema:Place", True),
        ("Location", "prov:Agent", False),
        ("Country", "Event", False),
        ("Event", "Meeting", False),
        ("ROLE", "Entity", False),
    ],
)
def test_schema_class_hierarchy(schema: Schema, type_: str, cls: str, expected: bool) -> None:
    assert schema.is_a(type_, cls) is expected


def test_schema_subclasses(schema: Schema) -> None:
    assert schema.subclasses("Entity") == {"Entity", *ENTITY_TYPES}
    assert schema.subclasses("Event") == {"Event", *EVENT_TYPES}
    assert set(ENTITY_TYPES) | set(EVENT_TYPES) <= set(schema.classes)
    assert schema.class_iri("Country") == NS + "Country"
    assert schema.class_iri("prov:Agent") == "http://www.w3.org/ns/prov#Agent"


# The resolver's argument check before the schema (kg/resolve/resolver.py SIGNATURES and
# _accepts at f26a19c), kept as an oracle: A actor, E any event, M meeting, P place.
OLD_SIGNATURES = {
    "hosts": ("A", "Meeting"),
    "participatesIn": ("A", "E"),
    "meetsWith": ("A", "A"),
    "discusses": ("AM", "E"),
    "demands": ("A", "EA"),
    "supports": ("A", "EA"),
    "opposes": ("A", "EA"),
    "attacks": ("A", "AP"),
    "accuses": ("A", "A"),
    "cooperatesWith": ("A", "A"),
    "occupies": ("A", "P"),
    "heldIn": ("Meeting", "P"),
    "memberOf": ("PersonCountry", "OrgCountry"),
    "partOf": ("Organization", "OrgCountry"),
    "locatedIn": ("Location", "P"),
}

NEWER_RELATIONS = {"basedIn", "kills", "livesIn", "operatesIn", "visits"}


def old_accepts(spec: str, type_: str) -> bool:
    fixed = {
        "Meeting": {"Meeting"},
        "PersonCountry": {"Person", "Country"},
        "OrgCountry": {"Organization", "Country"},
        "Organization": {"Organization"},
        "Location": {"Location"},
    }
    if spec in fixed:
        return type_ in fixed[spec]
    letters = {"A": ACTOR, "E": set(EVENT_TYPES), "M": {"Meeting"}, "P": PLACE}
    return any(type_ in letters[c] for c in spec)


@pytest.mark.parametrize("name", sorted(OLD_SIGNATURES))
def test_schema_accepts_what_the_old_signatures_accepted(schema: Schema, name: str) -> None:
    spec = schema[name]
    subject, object_ = OLD_SIGNATURES[name]
    for type_ in (*ENTITY_TYPES, *EVENT_TYPES):
        assert spec.accepts_subject(type_) is old_accepts(subject, type_), (name, "subject", type_)
        assert spec.accepts_object(type_) is old_accepts(object_, type_), (name, "object", type_)
    # The oracle covers the relations the old resolver knew; RELATION_TABLE pins the newer ones.
    assert set(OLD_SIGNATURES) | NEWER_RELATIONS == set(schema.names)


@pytest.mark.parametrize(
    ("name", "end", "type_", "expected"),
    [
        ("heldIn", "subject", "Meeting", True),
        ("heldIn", "subject", "Withdrawal", False),
        ("memberOf", "subject", "Country", True),
        ("memberOf", "subject", "Organization", False),
        ("attacks", "object", "Location", True),
        ("attacks", "object", "Meeting", False),
        ("discusses", "subject", "Meeting", True),
        ("discusses", "subject", "Agreement", False),
        ("participatesIn", "object", "Election", True),
        ("hosts", "object", "Agreement", False),
        ("supports", "object", "ROLE", False),
    ],
)
def test_schema_accepts_with_subclasses(
    schema: Schema, name: str, end: str, type_: str, expected: bool
) -> None:
    spec = schema[name]
    accepts = spec.accepts_subject if end == "subject" else spec.accepts_object
    assert accepts(type_) is expected


# --- A toy relation declared only in a fixture ontology --------------------------------------

def test_schema_load_reads_a_toy_relation(toy: Schema) -> None:
    praises = toy["praises"]
    assert praises.domain == praises.range == {"prov:Agent"}
    assert praises.generalises is True and praises.symmetric is False
    assert praises.super_properties == {"supports"}
    assert praises.label == "praises"
    assert all(praises.accepts_subject(t) for t in ACTOR)
    assert not praises.accepts_object("Location") and not praises.accepts_object("Meeting")
    feuds = toy["feudsWith"]
    assert feuds.symmetric is True and feuds.generalises is False
    assert feuds.domain == feuds.range == {"Country", "Organization"}
    assert toy.symmetric == {"meetsWith", "cooperatesWith", "feudsWith"}
    assert set(toy.names) == set(RELATIONS) | {"praises", "feudsWith"}
    assert "toy_relation.ttl" in toy.source
    assert "praises" not in Schema.default()


def toy_lexicon(tmp_path: Path) -> Path:
    """A copy of the packaged lexicon with one verb row for the toy relation."""
    folder = tmp_path / "lexicon"
    shutil.copytree(Path(str(resources.files("kg.extract") / "data")), folder)
    with (folder / "verbs.tsv").open("a", encoding="utf-8") as out:
        out.write("laud\t\tpraises\tactor\t0.7\n")
    return folder


def test_schema_lexicon_row_of_a_toy_relation_loads_with_its_schema(
    tmp_path: Path, toy: Schema
) -> None:
    lexicon = Lexicon.from_files(toy_lexicon(tmp_path), schema=toy)
    assert [(f.relation, f.object) for f in lexicon.verbs["laud"]] == [("praises", "actor")]


def test_schema_lexicon_row_of_a_toy_relation_fails_with_the_default_schema(
    tmp_path: Path,
) -> None:
    folder = toy_lexicon(tmp_path)
    lines = (folder / "verbs.tsv").read_text(encoding="utf-8").splitlines()
    with pytest.raises(LexiconError) as caught:
        Lexicon.from_files(folder)
    message = str(caught.value)
    assert f"verbs.tsv line {len(lines)}: unknown relation 'praises'" in message
    assert "meetsWith" in message and "\n" not in message


# --- Malformed ontologies --------------------------------------------------------------------

HELD_IN_DOMAIN = "    rdfs:domain kgo:Meeting ;\n"
TRUE = "kgo:generalisesToState true"


def prop(name: str, *body: str, kinds: str = "owl:ObjectProperty") -> str:
    """A ``kgo:`` property declaration with the given predicate-object pairs."""
    return f"kgo:{name} a {kinds} ; {' ; '.join(body)} ."


BROKEN = [
    # (case, text appended to kg.ttl, text cut from kg.ttl, phrase of the message)
    ("no-domain", "", HELD_IN_DOMAIN, "kgo:heldIn has 0 rdfs:domain values"),
    ("two-domains", "kgo:heldIn rdfs:domain kgo:Event .", "", "kgo:heldIn has 2 rdfs:domain"),
    ("unknown-class", prop("x", "rdfs:domain kgo:Person", "rdfs:range kgo:Meetng", TRUE), "",
     "names Meetng"),
    ("not-a-union", prop("x", "rdfs:domain kgo:Person", "rdfs:range [ a owl:Class ]", TRUE), "",
     "is neither a class nor"),
    ("flag-not-boolean",
     prop("x", "rdfs:domain kgo:Person", "rdfs:range kgo:Person", 'kgo:generalisesToState "yes"'),
     "", "true or false"),
    ("two-flags", "kgo:heldIn kgo:generalisesToState true .", "", "exactly one"),
    ("symmetric-ends-differ",
     prop("x", "rdfs:domain kgo:Person", "rdfs:range kgo:Country", TRUE,
          kinds="owl:ObjectProperty, owl:SymmetricProperty"),
     "", "owl:SymmetricProperty"),
    ("relation-without-flag", prop("ownedBy", "rdfs:domain kgo:Organization",
                                   "rdfs:range kgo:Person"),
     "", "kgo:ownedBy relates entities or events but has no"),
]


@pytest.mark.parametrize(("case", "extra", "drop", "phrase"), BROKEN, ids=[b[0] for b in BROKEN])
def test_schema_malformed_ontology_fails_with_one_line(
    tmp_path: Path, case: str, extra: str, drop: str, phrase: str
) -> None:
    path = kg_ttl_with(tmp_path, extra, drop)
    with pytest.raises(SchemaError) as caught:
        Schema.load(path)
    message = str(caught.value)
    assert phrase in message, f"{case}: {message}"
    assert message.startswith(str(path)) and "\n" not in message


@pytest.mark.parametrize(
    ("case", "text", "phrase"),
    [
        ("missing", None, "no such file"),
        ("not-turtle", "kgo:x a ;; .", "as Turtle"),
    ],
)
def test_schema_unreadable_file(tmp_path: Path, case: str, text: str | None, phrase: str) -> None:
    path = tmp_path / f"{case}.ttl"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(SchemaError) as caught:
        Schema.load(path)
    assert phrase in str(caught.value) and str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_schema_an_unflagged_bookkeeping_property_is_no_relation(schema: Schema) -> None:
    """kgo:mentionedIn and kgo:reportedBy link to articles and statements: not relations."""
    assert "mentionedIn" not in schema and "reportedBy" not in schema


# --- The JSON-LD context -------------------------------------------------------------------

def test_schema_context_file_is_the_generated_one() -> None:
    checked_in = (ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8")
    assert checked_in == context_text(), (
        "ontology/context.jsonld is stale: python -m kg.schema --context > ontology/context.jsonld"
    )
    assert json.loads(checked_in) == jsonld_context()


def test_schema_context_has_a_term_per_kgo_property(schema: Schema) -> None:
    terms = jsonld_context()["@context"]
    ontology = Graph().parse(ontology_path(), format="turtle")
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty)
    properties = {
        str(p)[len(NS) :]
        for kind in kinds
        for p in ontology.subjects(RDF.type, kind)
        if str(p).startswith(NS)
    }
    for name in properties:
        term = terms.get(name)
        assert term is not None, f"kgo:{name} has no term in the JSON-LD context"
        assert (term if isinstance(term, str) else term["@id"]) == f"kgo:{name}"
    for name in schema.names:
        assert terms[name] == {"@id": f"kgo:{name}", "@type": "@id"}


def test_schema_context_of_the_toy_relation(toy: Schema) -> None:
    terms = jsonld_context(toy)["@context"]
    assert terms["praises"] == {"@id": "kgo:praises", "@type": "@id"}
    assert '    "praises": {"@id": "kgo:praises", "@type": "@id"}' in context_text(toy)


def test_schema_context_refuses_a_relation_named_like_a_term(tmp_path: Path) -> None:
    path = kg_ttl_with(tmp_path, prop("source", "rdfs:domain kgo:Person",
                                      "rdfs:range kgo:Person", TRUE))
    with pytest.raises(SchemaError, match="source"):
        jsonld_context(Schema.load(path))


# --- SHACL shapes of relation ends -------------------------------------------------------------

# The hand-written constraints of shapes.ttl that the generated ones replace (kept as they
# stood in tests/data/hand_relation_shapes.ttl).
HAND_MESSAGES = (
    "Relation triple {?s} {?p} {?value} has no rdf:Statement",
    "Event {?event} is kgo:heldIn",
)


def sparql_constraints(shapes: Graph) -> dict[str, str]:
    """Message -> query (with its PREFIX lines) of each SPARQL constraint of kgsh:GraphShape."""
    out = {}
    for constraint in shapes.objects(GRAPH_SHAPE, SH.sparql):
        lines = {
            f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>"
            for source in shapes.objects(constraint, SH.prefixes)
            for d in shapes.objects(source, SH.declare)
        }
        query = "\n".join(sorted(lines)) + "\n" + str(shapes.value(constraint, SH.select))
        out[str(shapes.value(constraint, SH.message))] = query
    return out


def hand_written() -> dict[str, str]:
    found = sparql_constraints(Graph().parse(HAND_SHAPES, format="turtle"))
    assert all(any(m.startswith(h) for m in found) for h in HAND_MESSAGES) and len(found) == 2
    return found


def fired(constraints: dict[str, str], data: Graph) -> set[str]:
    """The messages of the constraints with at least one result on ``data`` (run by Oxigraph)."""
    store = ox.Store()
    store.load(data.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES)
    return {m for m, q in constraints.items() if list(store.query(q))}  # type: ignore[arg-type]


def tiny(update: str = "") -> Graph:
    graph = load_ontology(Graph().parse(TINY, format="turtle"))
    if update:
        graph.update(HEADER + update)
    return graph


def stated(s: str, p: str, o: str) -> str:
    """A relation triple and its statement node (so that only its ends can be wrong)."""
    return (
        f"INSERT DATA {{ {s} {p} {o} . statement:ffffffffffffffff a rdf:Statement ;"
        f" rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o} }}"
    )


MEETING, WITHDRAWAL = "event:492e1ff944e7f4c6-105", "event:492e1ff944e7f4c6-203"
# (case, update of tests/data/tiny.ttl, hand-written rules fire, generated rules fire)
SHAPE_CASES = [
    ("tiny-as-is", "", False, False),
    ("symmetric-reverse-plain-triple",
     "INSERT DATA { country:syria kgo:meetsWith country:turkey }", False, False),
    ("plain-triple-without-statement",
     "INSERT DATA { country:russia kgo:supports country:syria }", True, True),
    ("event-held-in-a-person",
     f"INSERT DATA {{ {MEETING} kgo:heldIn person:sergei-shoigu }}", True, True),
    ("event-held-in-a-person-stated", stated(MEETING, "kgo:heldIn", "person:sergei-shoigu"),
     True, True),
    ("finer-event-subclass",
     f"INSERT DATA {{ kgo:Summit rdfs:subClassOf kgo:Meeting . {MEETING} a kgo:Summit }}",
     False, False),
    ("country-member-of-organization",
     stated("country:turkey", "kgo:memberOf", "organization:russian-defense-ministry"),
     False, False),
    # Ends that only the generated rules check (every relation's domain and range):
    ("withdrawal-held-in-moscow", stated(WITHDRAWAL, "kgo:heldIn", "location:moscow"),
     False, True),
    ("place-hosts-a-meeting", stated("location:moscow", "kgo:hosts", MEETING), False, True),
    ("actor-hosts-a-withdrawal", stated("country:russia", "kgo:hosts", WITHDRAWAL), False, True),
    ("untyped-subject", stated("country:atlantis", "kgo:demands", WITHDRAWAL), False, True),
]


@pytest.mark.parametrize(
    ("case", "update", "hand", "generated"), SHAPE_CASES, ids=[c[0] for c in SHAPE_CASES]
)
def test_schema_relation_shapes_against_the_hand_written_ones(
    case: str, update: str, hand: bool, generated: bool
) -> None:
    data = tiny(update)
    assert bool(fired(hand_written(), data)) is hand, case
    assert bool(fired(sparql_constraints(relation_shapes()), data)) is generated, case


def test_schema_relation_shapes_accept_the_seeds_graph(seeds_build) -> None:
    _, out = seeds_build
    data = load_ontology(Graph().parse(out / "graph.ttl", format="turtle"))
    assert fired(hand_written(), data) == set()
    assert fired(sparql_constraints(relation_shapes()), data) == set()


def test_schema_relation_shapes_one_rule_per_relation_end(schema: Schema) -> None:
    constraints = sparql_constraints(relation_shapes(schema))
    assert len(constraints) == 1 + 2 * len(schema)
    for name in schema.names:
        assert sum(f"kgo:{name} " in q for q in constraints.values()) >= 2, name
    statement_rule = next(q for m, q in constraints.items() if m.startswith(HAND_MESSAGES[0]))
    assert re.findall(r"BIND \(kgo:(\w+) AS \?p\)", statement_rule) == list(schema.names)
    assert "FILTER (?p IN (kgo:cooperatesWith, kgo:meetsWith))" in statement_rule


def test_schema_relation_shapes_run_as_plain_shacl() -> None:
    shapes = relation_shapes()
    assert pyshacl.validate(tiny(), shacl_graph=shapes, inference="none")[0]
    bad = tiny(stated(WITHDRAWAL, "kgo:heldIn", "location:moscow"))
    conforms, _, text = pyshacl.validate(bad, shacl_graph=shapes, inference="none")
    assert not conforms
    assert "is the subject of kgo:heldIn" in str(text) and "kgo:Meeting" in str(text)


def test_schema_relation_shapes_of_the_toy_relation(toy: Schema) -> None:
    shapes = sparql_constraints(relation_shapes(toy))
    praise = "INSERT DATA { country:turkey kgo:praises person:sergei-shoigu }"
    assert any(m.startswith(HAND_MESSAGES[0]) for m in fired(shapes, tiny(praise)))
    assert not fired(sparql_constraints(relation_shapes()), tiny(praise))
    assert fired(shapes, tiny(stated("country:turkey", "kgo:praises", "person:sergei-shoigu"))) \
        == set()
    wrong = fired(shapes, tiny(stated("country:turkey", "kgo:praises", MEETING)))
    assert wrong == {
        "{?s} is kgo:praises {?value}, which is not a prov:Agent (the rdfs:range of kgo:praises)"
    }
    assert any("<http://www.w3.org/ns/prov#Agent>" in q for q in shapes.values())


# --- Other places that name relations --------------------------------------------------------

def test_schema_named_query_lists_every_relation(schema: Schema) -> None:
    """actors-by-relations.rq lists the relations by hand: it must list the schema's."""
    text = (queries_dir() / "actors-by-relations.rq").read_text(encoding="utf-8")
    listed = re.search(r"FILTER \(\?p IN \(([^)]*)\)\)", text)
    assert listed is not None
    assert sorted(re.findall(r"kgo:(\w+)", listed.group(1))) == sorted(schema.names)


def test_schema_shapes_ttl_relation_lists_are_complete(schema: Schema) -> None:
    """A rule of shapes.ttl that lists relations by hand (until the generated rules replace
    it) lists every relation."""
    shapes = Graph().parse(shapes_path(), format="turtle")
    for message, query in sparql_constraints(shapes).items():
        listed = set(re.findall(r"BIND \(kgo:(\w+) AS \?p\)", query))
        assert not listed or listed == set(schema.names), message


# --- python -m kg.schema ------------------------------------------------------------------------

def test_schema_cli_prints_the_context(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--context"]) == 0
    assert capsys.readouterr().out == (ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8")


def test_schema_cli_prints_the_table_and_shapes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--table", "--ontology", str(ontology_path()), "--ontology", str(TOY)]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:3] == ["relation", "domain", "range"]
    assert re.search(r"^praises\s+prov:Agent\s+prov:Agent\s+yes\s+supports$", table, re.MULTILINE)
    assert main(["--shapes"]) == 0
    shapes = Graph().parse(data=capsys.readouterr().out, format="turtle")
    assert (GRAPH_SHAPE, SH.targetNode, URIRef(PREFIXES["kg"] + "graph")) in shapes


def test_schema_cli_reports_a_bad_ontology(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--table", "--ontology", str(tmp_path / "gone.ttl")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg.schema: ") and "no such file" in err


def test_schema_generalises_annotation_is_declared() -> None:
    ontology = Graph().parse(ontology_path(), format="turtle")
    term = KGO.generalisesToState
    assert (term, RDF.type, OWL.AnnotationProperty) in ontology
    assert ontology.value(term, RDFS.label) is not None
