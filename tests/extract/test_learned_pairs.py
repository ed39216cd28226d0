"""The learned pair classifier: features, licensing, inference, thresholds, the shipped weights.

Every Doc is the parse ``en_core_web_sm`` gives for the sentence, written down by hand (see
:mod:`tests.extract.docs`); corrections are noted where made. No test depends on the shipped
weights' exact values except the one row of ``test_families.py``: the rule is tested with
tiny hand-made weight files.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import kg.extract.rules.learned as learned
from kg.extract.lexicon import Lexicon
from kg.extract.rules.index import build_index
from kg.extract.rules.pairs import (
    MODEL_PATH,
    RELATION_OF,
    Model,
    default_model,
    examples,
    features,
    licensed,
    load_model,
    pairs,
    path_tokens,
    spans,
    triggers,
)

from .docs import doc_for, facts, run, run_rule

ESLAMI = ("Mohammad Eslami, the head of the Atomic Energy Organization, said on Monday that "
          "talks went well.")
ESLAMI_TABLE = """
    0  Mohammad      Mohammad      PROPN NNP  compound  1   B-PERSON
    1  Eslami        Eslami        PROPN NNP  nsubj     11  I-PERSON
    2  ,             ,             PUNCT ,    punct     1   O
    3  the           the           DET   DT   det       4   O
    4  head          head          NOUN  NN   appos     1   O
    5  of            of            ADP   IN   prep      4   O
    6  the           the           DET   DT   det       9   B-ORG
    7  Atomic        Atomic        PROPN NNP  compound  8   I-ORG
    8  Energy        Energy        PROPN NNP  compound  9   I-ORG
    9  Organization  Organization  PROPN NNP  pobj      5   I-ORG
    10 ,             ,             PUNCT ,    punct     1   O
    11 said          say           VERB  VBD  ROOT      11  O
    12 on            on            ADP   IN   prep      11  O
    13 Monday        Monday        PROPN NNP  pobj      12  B-DATE
    14 that          that          SCONJ IN   mark      16  O
    15 talks         talk          NOUN  NNS  nsubj     16  O
    16 went          go            VERB  VBD  ccomp     11  O
    17 well          well          ADV   RB   advmod    16  O
    18 .             .             PUNCT .    punct     11  O
"""
BORDER = "The Border Guard Command of Iran sent a delegation."
BORDER_TABLE = """
    0  The           the           DET   DT   det       3   B-ORG
    1  Border        Border        PROPN NNP  compound  2   I-ORG
    2  Guard         Guard         PROPN NNP  compound  3   I-ORG
    3  Command       Command       PROPN NNP  nsubj     6   I-ORG
    4  of            of            ADP   IN   prep      3   O
    5  Iran          Iran          PROPN NNP  pobj      4   B-GPE
    6  sent          send          VERB  VBD  ROOT      6   O
    7  a             a             DET   DT   det       8   O
    8  delegation    delegation    NOUN  NN   dobj      6   O
    9  .             .             PUNCT .    punct     6   O
"""
# "Rashid" is tagged O by the model: tagged PERSON here, to have a pair.
NATIVE = "Rashid, a native of Kurdistan, met Erdogan."
NATIVE_TABLE = """
    0  Rashid        Rashid        PROPN NNP  nsubj     7   B-PERSON
    1  ,             ,             PUNCT ,    punct     0   O
    2  a             a             DET   DT   det       3   O
    3  native        native        NOUN  NN   appos     0   O
    4  of            of            ADP   IN   prep      3   O
    5  Kurdistan     Kurdistan     PROPN NNP  pobj      4   B-GPE
    6  ,             ,             PUNCT ,    punct     0   O
    7  met           meet          VERB  VBD  ROOT      7   O
    8  Erdogan       Erdogan       PROPN NNP  dobj      7   B-PERSON
    9  .             .             PUNCT .    punct     7   O
"""
NOT_KILL = "Lee Harvey Oswald did not kill John Kennedy."
NOT_KILL_TABLE = """
    0  Lee           Lee           PROPN NNP  compound  1   B-PERSON
    1  Harvey        Harvey        PROPN NNP  compound  2   I-PERSON
    2  Oswald        Oswald        PROPN NNP  nsubj     5   I-PERSON
    3  did           do            AUX   VBD  aux       5   O
    4  not           not           PART  RB   neg       5   O
    5  kill          kill          VERB  VB   ROOT      5   O
    6  John          John          PROPN NNP  compound  7   B-PERSON
    7  Kennedy       Kennedy       PROPN NNP  dobj      5   I-PERSON
    8  .             .             PUNCT .    punct     5   O
"""
KILLED = "Lee Harvey Oswald killed John Kennedy."
KILLED_TABLE = """
    0  Lee           Lee           PROPN NNP  compound  2   B-PERSON
    1  Harvey        Harvey        PROPN NNP  compound  2   I-PERSON
    2  Oswald        Oswald        PROPN NNP  nsubj     3   I-PERSON
    3  killed        kill          VERB  VBD  ROOT      3   O
    4  John          John          PROPN NNP  compound  5   B-PERSON
    5  Kennedy       Kennedy       PROPN NNP  dobj      3   I-PERSON
    6  .             .             PUNCT .    punct     3   O
"""
# The model parses this one badly ("that" as dobj, "murdered" as amod): corrected to the
# reading every reader has (a complement clause of "said").
SAID = "Salami said Trump murdered Soleimani."
SAID_TABLE = """
    0  Salami        Salami        PROPN NNP  nsubj     1   B-PERSON
    1  said          say           VERB  VBD  ROOT      1   O
    2  Trump         Trump         PROPN NNP  nsubj     3   B-PERSON
    3  murdered      murder        VERB  VBD  ccomp     1   O
    4  Soleimani     Soleimani     PROPN NNP  dobj      3   B-PERSON
    5  .             .             PUNCT .    punct     1   O
"""


def _pairs(sentence: str, table: str) -> list:  # type: ignore[type-arg]
    doc = doc_for(sentence, table)
    ix = build_index(doc, Lexicon.default())
    return list(examples(doc, ix.ment_of, 0, len(doc), ix.lexicon))


def _model(tmp_path: Path, relations: dict[str, dict[str, object]]) -> Model:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"relations": relations}), encoding="utf-8")
    return load_model(path)


def test_pairs_features_of_an_apposition():
    """"X, the head of Y": the path up from X's head and down to Y's, the words between."""
    doc = doc_for(ESLAMI, ESLAMI_TABLE)
    ix = build_index(doc, Lexicon.default())
    found = spans(doc, ix.ment_of, 0, len(doc))
    assert [(s.mention.text, s.head, s.coarse) for s in found] == [
        ("Mohammad Eslami", 1, "PER"), ("Atomic Energy Organization", 9, "ORG")]
    (pair,) = pairs(found)
    assert pair.relation == "memberOf" and pair.subject is found[0]
    up, top, down = path_tokens(doc, 1, 9)
    assert (up, top.i, [t.i for t in down]) == ([], 1, [4, 5])
    feats = features(doc, pair, Lexicon.default().titles)
    for expected in ("bias", "ord=so", "d=4-5", "bf=,", "bl=the", "bw=head", "top=s",
                     "p=^appos>prep>pobj", "pl=^head_of^appos>prep>pobj", "pw=head"):
        assert expected in feats
    assert not any(f.startswith("bs=") for f in feats)  # five words between: no sequence


@pytest.mark.parametrize(("sentence", "table", "expected"), [
    (ESLAMI, ESLAMI_TABLE, {("Mohammad Eslami", "memberOf", "Atomic Energy Organization")}),
    (BORDER, BORDER_TABLE, {("Border Guard Command", "basedIn", "Iran")}),
    (NATIVE, NATIVE_TABLE, {("Rashid", "livesIn", "Kurdistan")}),
    # both ways: the direction is the model's to tell (order, path)
    (KILLED, KILLED_TABLE, {("Lee Harvey Oswald", "kills", "John Kennedy"),
                            ("John Kennedy", "kills", "Lee Harvey Oswald")}),
    # "said" governs the pair Salami-Soleimani, "murdered" only Trump-Soleimani
    (SAID, SAID_TABLE, {("Trump", "kills", "Soleimani"), ("Soleimani", "kills", "Trump")}),
])
def test_pairs_licensed(sentence, table, expected):
    """Only pairs the text links closely (a trigger word governing them, a direct "of")."""
    got = {(p.subject.mention.text, p.relation, p.object.mention.text)
           for p, _, _ in _pairs(sentence, table)}
    assert got == expected


def test_pairs_licensed_not_without_a_trigger():
    """"Rashid met Erdogan": two people, no word of killing between them."""
    doc = doc_for(NATIVE, NATIVE_TABLE)
    ix = build_index(doc, Lexicon.default())
    found = spans(doc, ix.ment_of, 0, len(doc))
    kills = [p for p in pairs(found) if p.relation == "kills"]
    assert kills
    words = triggers(Lexicon.default())
    assert not any(licensed(doc, p, path_tokens(doc, p.subject.head, p.object.head), words)
                   for p in kills)


def test_pairs_inference_known_probability(tmp_path):
    model = _model(tmp_path, {"memberOf": {"bias": -1, "threshold": 0.7,
                                           "weights": {"ord=so": 1.5, "top=s": 0.5}}})
    p = model.probability("memberOf", ["bias", "ord=so", "top=s", "unseen"])
    assert p == pytest.approx(1 / (1 + math.exp(-1)))
    assert model.probability("kills", ["ord=so"]) is None


@pytest.mark.parametrize(("probability", "accepted"), [(0.69, False), (0.7, True), (0.9, True)])
def test_pairs_threshold_respected(tmp_path, probability, accepted):
    model = _model(tmp_path, {"memberOf": {"bias": 0, "threshold": 0.7, "weights": {}}})
    assert model.accepts("memberOf", probability) is accepted
    assert model.accepts("kills", 0.99) is False  # no model for it: nothing accepted


@pytest.mark.parametrize("bad", [
    {"relations": {"partOf": {"bias": 0, "threshold": 0.5, "weights": {}}}},
    {"relations": {"kills": {"bias": 0, "threshold": 1.5, "weights": {}}}},
    {"weights": {}},
])
def test_pairs_model_rejects_bad_files(bad):
    with pytest.raises(ValueError, match="relations model"):
        Model.from_json(bad)


def test_pairs_shipped_model_loads_and_is_valid():
    """The shipped weights: every relation, thresholds for precision, small, no pickle."""
    assert MODEL_PATH.suffix == ".json" and MODEL_PATH.stat().st_size < 400_000
    model = default_model()
    assert model is default_model()  # loaded once
    assert set(model.weights) == set(RELATION_OF.values())
    for rel, weights in model.weights.items():
        assert 0.5 <= model.threshold[rel] < 1
        assert weights and all(math.isfinite(w) for w in weights.values())
        assert math.isfinite(model.bias[rel])


@pytest.mark.parametrize(("threshold", "expected"), [
    (0.6, {("Mohammad Eslami", "memberOf", "Atomic Energy Organization")}),
    (0.8, set()),
])
def test_learned_rule_threshold_and_confidence(tmp_path, monkeypatch, threshold, expected):
    """The rule keeps a pair whose probability reaches the threshold, with it as confidence."""
    model = _model(tmp_path, {"memberOf": {"bias": 0, "threshold": threshold,
                                           "weights": {"p=^appos>prep>pobj": 1}}})
    monkeypatch.setattr(learned, "default_model", lambda: model)
    found = run_rule("learned", ESLAMI, ESLAMI_TABLE)
    assert facts(found) == expected
    assert all(c.confidence == round(1 / (1 + math.exp(-1)), 3) for c in found)


def test_learned_rule_respects_negation(tmp_path, monkeypatch):
    """"did not kill": the clause states no fact, whatever the model says."""
    model = _model(tmp_path, {"kills": {"bias": 10, "threshold": 0.5, "weights": {}}})
    monkeypatch.setattr(learned, "default_model", lambda: model)
    monkeypatch.setattr(learned, "RELATIONS", frozenset({"kills"}))
    assert run_rule("learned", NOT_KILL, NOT_KILL_TABLE) == []
    assert ("Lee Harvey Oswald", "kills", "John Kennedy") in facts(
        run_rule("learned", KILLED, KILLED_TABLE))


def test_learned_rule_runs_after_the_hand_rules(tmp_path, monkeypatch):
    """A fact a hand rule finds keeps the hand rule's provenance."""
    model = _model(tmp_path, {"kills": {"bias": 10, "threshold": 0.5, "weights": {}}})
    monkeypatch.setattr(learned, "default_model", lambda: model)
    monkeypatch.setattr(learned, "RELATIONS", frozenset({"kills"}))
    ex = run(KILLED, KILLED_TABLE)
    rules = {(r.subject.text, r.object.text): r.rule for r in ex.relations
             if r.predicate == "kills"}
    # the model (accepting every pair here) adds the reverse; the verb frame keeps its fact
    assert rules == {("Lee Harvey Oswald", "John Kennedy"): "svo",
                     ("John Kennedy", "Lee Harvey Oswald"): "learned"}


def test_learned_rule_leaves_killings_to_the_hand_rules():
    """The shipped classifier states no kills: its pairs read killings in both directions."""
    assert "kills" not in learned.RELATIONS
    assert learned.RELATIONS <= {"memberOf", "livesIn", "basedIn", "locatedIn"}
    assert run_rule("learned", KILLED, KILLED_TABLE) == []
