"""The per-document index every rule reads: built once per ``Doc``, then never changed.

:func:`build_index` runs the three phases that are not relation rules (sentences,
entity mentions, event mentions) and freezes what they found in a
:class:`DocIndex`. Rules only read it; the only things that change after it is
built are the memo tables of derived facts (a clause's suppression, its speaker)
and the caller's ``trace`` list, a sink for ``kg explain --why-not``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc

from kg.extract.lexicon import Lexicon
from kg.extract.rules.events import find_events
from kg.extract.rules.mentions import find_mentions
from kg.model import EventMention, Mention, Sentence

#: ``(sentence index, verb, reason)`` for each clause found to state no fact.
Trace = list[tuple[int, str, str]]


@dataclass(frozen=True, slots=True, eq=False)
class DocIndex:
    """One parsed ``Doc`` with its sentences, mentions and events, looked up by token.

    Attributes:
        doc: The parsed ``Doc`` (POS tags, lemmas, dependencies, entities).
        lexicon: Verb classes, event nouns and word lists.
        sentences: The sentences, by character offsets into ``doc.text``.
        sent_of: Token index -> index of its sentence.
        mentions: The entity mentions, in text order.
        ment_of: Token index -> the mention the token is part of.
        events: The event mentions (a definite "the talks" may be an earlier one).
        event_of: Token index -> the event its phrase evokes.
        trace: Where suppressed clauses are reported (see :data:`Trace`), or None.
    """

    doc: Doc
    lexicon: Lexicon
    sentences: tuple[Sentence, ...]
    sent_of: Mapping[int, int]
    mentions: tuple[Mention, ...]
    ment_of: Mapping[int, Mention]
    events: tuple[EventMention, ...]
    event_of: Mapping[int, EventMention]
    trace: Trace | None = None
    # memo tables of facts derived from the index (see kg.extract.rules.modality)
    reasons: dict[int, str | None] = field(default_factory=dict, repr=False)
    speakers: dict[int, Mention | None] = field(default_factory=dict, repr=False)


def build_index(doc: Doc, lexicon: Lexicon, trace: Trace | None = None) -> DocIndex:
    """Find the sentences, mentions and events of ``doc`` and index them by token."""
    sentences: list[Sentence] = []
    sent_of: dict[int, int] = {}
    doc_text = doc.text  # built by joining every token: read it once, not per sentence
    for i, sent in enumerate(doc.sents):
        text = doc_text[sent.start_char:sent.end_char]
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        sentences.append(Sentence(start, end, doc_text[start:end]))
        for tok in sent:
            sent_of[tok.i] = i
    mentions, ment_of = find_mentions(doc, lexicon, sent_of)
    events, event_of = find_events(doc, lexicon, sent_of, ment_of)
    return DocIndex(doc, lexicon, tuple(sentences), sent_of, tuple(mentions), ment_of,
                    tuple(events), event_of, trace)
