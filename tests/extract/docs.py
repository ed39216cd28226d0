"""Hand-built spaCy Docs for model-free rule tests, in a compact table notation.

A Doc is written as a table, one token a line, eight whitespace-separated columns::

    i  word    lemma   pos    tag  dep    head  ent
    0  Russia  Russia  PROPN  NNP  nsubj  1     B-GPE
    1  hosted  host    VERB   VBD  ROOT   1     O
    2  talks   talk    NOUN   NNS  dobj   1     O
    3  .       .       PUNCT  .    punct  1     O

* ``i`` is the token's index (checked, so that a table cannot drift);
* ``head`` is the absolute index of the head token; a root is its own head
  (spaCy's convention), and every root starts a sentence;
* ``ent`` is an IOB tag (``B-GPE``, ``I-GPE``, ``O``).

The header line and blank lines are optional. Whitespace between tokens is
inferred: none before closing punctuation and clitics ("." "," "'s" ")"), none
after "(", none around a hyphen tagged ``HYPH``. The parses are copied from
what ``en_core_web_sm`` gives for each sentence (the tests never load a model),
corrected only where noted in the test.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.lexicon import Lexicon
from kg.extract.rules import Candidate, extract
from kg.extract.rules import run_rule as _run_rule
from kg.model import Argument, EventMention, Extraction, Mention

NO_SPACE_BEFORE = frozenset({".", ",", ";", ":", "?", "!", ")", "'s", "’s", "'", "’", "n't", "%"})
NO_SPACE_AFTER = frozenset({"(", "$"})
COLUMNS = ("i", "word", "lemma", "pos", "tag", "dep", "head", "ent")

_NLP: Language | None = None


def blank() -> Language:
    """A blank English pipeline (tokenizer and vocab only), made once."""
    global _NLP
    if _NLP is None:
        _NLP = spacy.blank("en")
    return _NLP


def parse(table: str) -> Doc:
    """Build a parsed, entity-tagged ``Doc`` from a token table (see the module docstring).

    Raises:
        ValueError: A row has the wrong number of columns, an index out of order, or a
            head outside the Doc.
    """
    rows: list[list[str]] = []
    for line in table.strip().splitlines():
        cells = line.split()
        if not cells or cells[0] == "i":
            continue
        if len(cells) != len(COLUMNS):
            raise ValueError(
                f"token row {line!r} has {len(cells)} columns; write {' '.join(COLUMNS)}"
            )
        if int(cells[0]) != len(rows):
            raise ValueError(f"token row {line!r}: index {cells[0]} should be {len(rows)}")
        rows.append(cells)
    words = [r[1] for r in rows]
    tags = [r[4] for r in rows]
    heads = [int(r[6]) for r in rows]
    for r, h in zip(rows, heads, strict=True):
        if not 0 <= h < len(rows):
            raise ValueError(f"token row {' '.join(r)!r}: head {h} is outside the Doc")
    spaces = []
    for i, w in enumerate(words):
        if i + 1 == len(words):
            spaces.append(False)
            continue
        nxt = words[i + 1]
        spaces.append(not (nxt in NO_SPACE_BEFORE or w in NO_SPACE_AFTER
                           or tags[i] == "HYPH" or tags[i + 1] == "HYPH"))
    return Doc(
        blank().vocab,
        words=words,
        spaces=spaces,
        lemmas=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=tags,
        deps=[r[5] for r in rows],
        heads=heads,
        ents=[r[7] for r in rows],
    )


def doc_for(sentence: str, table: str) -> Doc:
    """Parse a token table and check that it spells ``sentence``.

    Raises:
        ValueError: The table's words and inferred spaces do not give ``sentence``.
    """
    doc = parse(table)
    if doc.text != sentence:
        raise ValueError(
            f"token table spells {doc.text!r}, not {sentence!r}; fix the table's words"
        )
    return doc


def case(sentence: str, table: str, expected: Any, only: Iterable[str] | None = None) -> Any:
    """One row of a parametrized table, named after its sentence."""
    return pytest.param(sentence, table, expected, frozenset(only) if only else None, id=sentence)


def text_of(a: Argument) -> str:
    """A mention's text, an event's type: how the expected triples name arguments."""
    return a.type if isinstance(a, EventMention) else a.text


def run(sentence: str, table: str, lexicon: Lexicon | None = None) -> Extraction:
    """Parse a token table (checked against ``sentence``) and run every extraction rule on it."""
    return extract(doc_for(sentence, table), lexicon=lexicon)


def run_rule(rule_id: str, sentence: str, table: str,
             lexicon: Lexicon | None = None) -> list[Candidate]:
    """Parse a token table (checked against ``sentence``) and run one registered rule alone on it.

    See :func:`kg.extract.rules.run_rule`: the candidates of ``rule_id``, in the order found,
    before the dedupe of a full run.
    """
    return _run_rule(rule_id, doc_for(sentence, table), lexicon=lexicon)


def facts(found: Iterable[Candidate]) -> set[tuple[str, str, str]]:
    """Candidates as ``(subject, predicate, object)`` texts, as :func:`triples` names them."""
    return {(text_of(c.subject), c.predicate, text_of(c.object)) for c in found}


def table_of(cases: Iterable[Any], sentence: str) -> str:
    """The token table of the case of a parametrized table whose sentence is ``sentence``.

    Raises:
        LookupError: No case has that sentence.
    """
    for c in cases:
        if c.values[0] == sentence:
            return str(c.values[1])
    raise LookupError(f"no case {sentence!r}")


def triples(
    ex: Extraction, *, predicates: Iterable[str] | None = None
) -> set[tuple[str, str, str]]:
    """The extraction's relations as ``(subject, predicate, object)`` texts.

    Args:
        ex: An extraction.
        predicates: Keep only these relation names (all by default).
    """
    keep = set(predicates) if predicates is not None else None
    return {
        (text_of(r.subject), r.predicate, text_of(r.object))
        for r in ex.relations
        if keep is None or r.predicate in keep
    }


def mention(ex: Extraction, text: str) -> Mention:
    """The first mention with this exact text.

    Raises:
        LookupError: No mention has it (the message lists those found).
    """
    for m in ex.mentions:
        if m.text == text:
            return m
    raise LookupError(f"no mention {text!r}; found {[m.text for m in ex.mentions]}")


def drop(table: str, *indices: int) -> str:
    """The token table without the rows at ``indices`` (leaves of the tree), renumbered.

    Used to show that a word is what a rule reacts to: "Turkey did not attack" without
    rows 1 and 2 is "Turkey attack", the same parse otherwise.

    Raises:
        ValueError: A dropped row is the head of a kept one.
    """
    rows = [ln.split() for ln in table.strip().splitlines() if ln.split() and ln.split()[0] != "i"]
    gone = set(indices)
    for r in rows:
        if int(r[0]) not in gone and int(r[6]) in gone:
            raise ValueError(f"cannot drop row {r[6]}: it heads {' '.join(r)!r}")
    new_index: dict[int, int] = {}
    for r in rows:
        if int(r[0]) not in gone:
            new_index[int(r[0])] = len(new_index)
    out = []
    for r in rows:
        if int(r[0]) in gone:
            continue
        out.append(" ".join([str(new_index[int(r[0])]), *r[1:6], str(new_index[int(r[6])]), r[7]]))
    return "\n".join(out)
