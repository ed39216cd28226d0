"""Thin spaCy components: the gazetteer tagger and the extractor.

Rules live in :mod:`kg.extract.rules` and :mod:`kg.extract.entities`; these
components only call them and store the result (``doc._.kg``).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from kg.extract.entities import merge_entities
from kg.extract.lexicon import Lexicon
from kg.extract.rules import extract

if not Doc.has_extension("kg"):
    Doc.set_extension("kg", default=None)


class GazetteerTagger:
    """Tag gazetteer names as entities, correcting or completing the NER's spans."""

    def __init__(self, nlp: Language, patterns: list[dict[str, Any]]) -> None:
        # String patterns are exact-case names and acronyms ("US" must not match "us");
        # token patterns carry their own case rules.
        self.tokens = Matcher(nlp.vocab)
        self.case = PhraseMatcher(nlp.vocab, attr="ORTH")
        for p in patterns:
            label = p["label"]
            if isinstance(p["pattern"], str):
                self.case.add(label, [nlp.make_doc(p["pattern"])])
            else:
                self.tokens.add(label, [p["pattern"]])

    def __call__(self, doc: Doc) -> Doc:
        matches = [*self.tokens(doc), *self.case(doc)]
        spans = [(start, end, doc.vocab.strings[mid]) for mid, start, end in matches]
        doc.ents = merge_entities(doc, spans)
        return doc


@Language.factory("kg_gazetteer", default_config={"patterns": []})
def make_gazetteer(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> GazetteerTagger:
    """Create the gazetteer tagger (place it after ``ner``)."""
    return GazetteerTagger(nlp, patterns)


def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, bylines and paragraphs are
    never one sentence with what follows, whatever the parser would guess."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
    return doc


@Language.component("kg_paragraphs")
def make_paragraphs(doc: Doc) -> Doc:
    """Sentence starts at line breaks (place it before ``parser``)."""
    return paragraph_starts(doc)


class Extractor:
    """Run :func:`kg.extract.rules.extract` and store the result in ``doc._.kg``."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg = extract(doc, lexicon=self.lexicon)
        return doc


@Language.factory("kg_extractor")
def make_extractor(nlp: Language, name: str) -> Extractor:
    """Create the relation and event extractor (place it last)."""
    return Extractor(Lexicon.default())
