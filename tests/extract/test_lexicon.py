"""Tests for kg.extract.lexicon and its data files (kg/extract/data)."""

from __future__ import annotations

import csv
import shutil
from importlib import resources
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.extract.lexicon import Lexicon, LexiconError
from kg.model import EVENT_TYPES, RELATIONS

DATA = Path(str(resources.files("kg.extract") / "data"))
FILES = sorted(p.name for p in DATA.iterdir() if p.suffix in (".tsv", ".txt"))
OBJECT_KINDS = {"event", "actor", "place", "any", "inverse"}
TSV_HEADERS = {
    "verbs.tsv": ["lemma", "prep", "relation", "object", "confidence"],
    "events.tsv": ["lemma", "type", "requires", "confidence"],
    "event_verbs.tsv": ["lemma", "object", "type"],
    "nouns.tsv": ["lemma", "preps", "relation", "object", "confidence"],
    "mutual_nouns.tsv": ["lemma", "relation"],
    "titles.tsv": ["word", "body"],
}


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.from_files()


def _data_lines(name: str) -> list[str]:
    return [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")]


def test_lexicon_default_is_loaded_once():
    assert Lexicon.default() is Lexicon.default()


def test_lexicon_files_all_known():
    """Every data file is one of the lexicon's tables or word lists (no stray, unloaded file)."""
    lists = {"actor_nouns.txt", "effort_nouns.txt", "departments.txt", "org_heads.txt",
             "light_verbs.txt"}
    assert set(FILES) == set(TSV_HEADERS) | lists, (
        "a new data file: list it here and test its shape"
    )


@pytest.mark.parametrize("name", FILES)
def test_lexicon_file_says_where_it_comes_from(name):
    """Each data file opens with comments that name the source of its classes."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    header = []
    for ln in lines:
        if not ln.startswith("#"):
            break
        header.append(ln)
    assert header, f"{name} has no leading comment"
    assert any("Source:" in ln for ln in header), f"{name}: no 'Source:' in its leading comment"


@pytest.mark.parametrize("name", sorted(TSV_HEADERS))
def test_lexicon_tsv_rows_fit_header(name):
    lines = _data_lines(name)
    assert lines[0].split("\t") == TSV_HEADERS[name]
    for ln in lines[1:]:
        cells = ln.split("\t")
        assert len(cells) == len(TSV_HEADERS[name]), f"{name}: {ln!r} has {len(cells)} cells"
        assert cells[0].strip() == cells[0] and cells[0], f"{name}: bad key in {ln!r}"


@pytest.mark.parametrize("name", sorted(set(FILES) - set(TSV_HEADERS)))
def test_lexicon_word_lists_are_clean(name):
    words = _data_lines(name)
    assert words, f"{name} is empty"
    assert all("\t" not in w and w == w.strip() and w == w.lower() for w in words), name
    assert len(words) == len(set(words)), f"{name} repeats a word"


def test_lexicon_no_duplicate_keys():
    for name, key in [("verbs.tsv", (0, 1, 2)), ("events.tsv", (0,)), ("nouns.tsv", (0,)),
                      ("mutual_nouns.tsv", (0,)), ("titles.tsv", (0,)),
                      ("event_verbs.tsv", (0, 1))]:
        rows = list(csv.reader(_data_lines(name)[1:], delimiter="\t"))
        keys = [tuple(r[i] for i in key) for r in rows]
        assert len(keys) == len(set(keys)), (
            f"{name}: duplicate {[k for k in keys if keys.count(k) > 1]}"
        )


def test_lexicon_verb_relations_are_contract_relations(lex):
    for lemma, frames in lex.verbs.items():
        for f in frames:
            assert f.relation in RELATIONS, f"verbs.tsv {lemma}: {f.relation!r}"
            assert f.object in OBJECT_KINDS, f"verbs.tsv {lemma}: object {f.object!r}"
            assert 0 < f.confidence <= 1, f"verbs.tsv {lemma}: confidence {f.confidence}"
            assert f.prep == "" or f.prep.isalpha() and f.prep.islower(), (
                f"verbs.tsv {lemma}: prep {f.prep!r}"
            )


def test_lexicon_noun_relations_are_contract_relations(lex):
    for lemma, f in lex.nouns.items():
        assert f.relation in RELATIONS, f"nouns.tsv {lemma}: {f.relation!r}"
        assert f.object in OBJECT_KINDS - {"inverse"}, f"nouns.tsv {lemma}: object {f.object!r}"
        assert f.preps and all(p.isalpha() for p in f.preps), f"nouns.tsv {lemma}: preps {f.preps}"
        assert 0 < f.confidence <= 1
    for lemma, rel in lex.mutual_nouns.items():
        assert rel in RELATIONS, f"mutual_nouns.tsv {lemma}: {rel!r}"


def test_lexicon_event_types_are_contract_types(lex):
    for lemma, e in lex.event_nouns.items():
        assert e.type in EVENT_TYPES, f"events.tsv {lemma}: {e.type!r}"
        assert 0 < e.confidence <= 1
    for lemma, evs in lex.event_verbs.items():
        for ev in evs:
            assert ev.type in EVENT_TYPES, f"event_verbs.tsv {lemma}: {ev.type!r}"


def test_lexicon_every_contract_event_type_has_a_noun(lex):
    assert {e.type for e in lex.event_nouns.values()} == set(EVENT_TYPES)


def test_lexicon_every_extractable_relation_has_a_verb_or_noun(lex):
    """Relations read from clauses have lexicon entries; memberOf, partOf, locatedIn and heldIn
    come from structural rules (titles, owners, places) instead."""
    from_lexicon = ({f.relation for fs in lex.verbs.values() for f in fs}
                    | {f.relation for f in lex.nouns.values()})
    # basedIn is said with participles ("based in", "headquartered in", "a Beirut-based
    # group"), which need a rule of their own (issue #18), not a verb frame.
    assert set(RELATIONS) - from_lexicon == {"memberOf", "partOf", "locatedIn", "heldIn", "basedIn"}


@pytest.mark.parametrize(
    ("lemma", "prep", "relation", "object_"),
    [
        ("host", "", "hosts", "event"),
        ("include", "", "participatesIn", "inverse"),
        ("call", "for", "demands", "any"),
        ("back", "", "supports", "any"),
        ("occupy", "", "occupies", "place"),
        ("cooperate", "with", "cooperatesWith", "actor"),
        ("accuse", "", "accuses", "actor"),
    ],
)
def test_lexicon_verb_frames(lex, lemma, prep, relation, object_):
    assert any(
        (f.prep, f.relation, f.object) == (prep, relation, object_) for f in lex.verbs[lemma]
    )


@pytest.mark.parametrize(
    ("lemma", "type_", "requires"),
    [
        ("talk", "Meeting", ("plural",)),
        ("summit", "Meeting", ()),
        ("withdrawal", "Withdrawal", ()),
        ("return", "RefugeeReturn", ("refugee", "refugees")),
        ("campaign", "Conflict", ("military",)),
        ("deal", "Agreement", ()),
    ],
)
def test_lexicon_event_nouns(lex, lemma, type_, requires):
    e = lex.event_nouns[lemma]
    assert (e.type, e.requires) == (type_, requires)


def test_lexicon_word_lists_loaded(lex):
    assert {"forces", "side", "government"} <= lex.actor_nouns
    assert {"effort", "attempt"} <= lex.effort_nouns
    assert lex.titles["minister"] == "Ministry" and lex.titles["president"] == ""
    assert lex.mutual_nouns["rival"] == "opposes" and lex.mutual_nouns["ally"] == "cooperatesWith"


def test_lexicon_loads_from_a_folder_as_from_the_package(lex):
    assert Lexicon.from_files(DATA) == lex


@pytest.mark.parametrize(
    ("name", "column"), [("verbs.tsv", 2), ("nouns.tsv", 2), ("mutual_nouns.tsv", 1)]
)
def test_lexicon_unknown_relation_names_file_line_and_valid_names(tmp_path, name, column):
    """A row naming a relation kg.ttl lacks fails at load: the file, its line, the valid names."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    rows = [i for i, ln in enumerate(lines) if ln.strip() and not ln.startswith("#")]
    bad = rows[3]  # the third data row, after the header
    cells = lines[bad].split("\t")
    cells[column] = "meetWith"
    lines[bad] = "\t".join(cells)
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        Lexicon.from_files(folder)
    message = str(caught.value)
    assert f"{folder / name} line {bad + 1}: unknown relation 'meetWith'" in message
    assert all(r in message for r in RELATIONS)
    assert isinstance(caught.value, KGError) and "\n" not in message
