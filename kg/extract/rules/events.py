"""The event phase: event mentions evoked by nouns and verbs (not a relation rule)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Doc, Token

from kg.extract.lexicon import Lexicon
from kg.extract.rules.tokens import governing_verb, lookup
from kg.model import EventMention, Mention

#: Determiners of a definite event phrase that may refer back ("this meeting").
DEFINITE = frozenset({"the", "this", "these", "that", "those"})
#: Prepositions of a date phrase that says when an event took place ("in December").
DATE_PREPS = frozenset({"on", "in", "during", "at"})
#: Prepositions that give an event phrase arguments of its own ("talks between X and Y").
OWN_ARGUMENT_PREPS = frozenset({"between", "with", "in", "of"})
#: The event mentions of a Doc, and the event of each token of an event phrase.
Events = tuple[list[EventMention], dict[int, EventMention]]


def find_events(doc: Doc, lexicon: Lexicon, sent_of: Mapping[int, int],
                ment_of: Mapping[int, Mention]) -> Events:
    """The event mentions of ``doc``, and the event of each token of an event phrase."""
    events: list[EventMention] = []
    event_of: dict[int, EventMention] = {}
    for tok in doc:
        if tok.i in ment_of:
            continue
        ev = _event_noun(tok, lexicon, ment_of) or _event_verb(tok, lexicon)
        if ev is None:
            continue
        ev_type, start_tok, end_tok = ev
        span = doc[start_tok.i:end_tok.i + 1]
        mention = EventMention(span.start_char, span.end_char, span.text, ev_type,
                               sent_of[tok.i], _date_of(tok))
        mention = _corefer(tok, mention, events)
        if mention not in events:
            events.append(mention)
        for t in span:
            if t.i not in ment_of:
                event_of.setdefault(t.i, mention)
        event_of[tok.i] = mention
    return events, event_of


def _event_noun(tok: Token, lexicon: Lexicon, ment_of: Mapping[int, Mention]
                ) -> tuple[str, Token, Token] | None:
    # an event noun the tagger took for an adjective ("rapprochement talks") still counts
    adjective = tok.pos_ == "ADJ" and tok.dep_ in ("amod", "compound")
    if tok.pos_ not in ("NOUN", "PROPN") and not adjective:
        return None
    entry = lookup(lexicon.event_nouns, tok)
    if entry is None:
        return None
    if tok.dep_ in ("compound", "amod") and tok.head.lemma_.lower() in lexicon.actor_nouns:
        return None  # "Israeli occupation forces" are forces, not an occupation
    if "plural" in entry.requires and not (tok.tag_ in ("NNS", "NNPS") or tok.lower_.endswith("s")):
        return None
    if any(c.lemma_.lower() in entry.excludes for c in tok.children
           if c.dep_ in ("compound", "amod", "nmod")):
        return None  # "a press conference" is not a meeting between actors
    words = {r for r in entry.requires if r not in ("plural", "noun")}
    if words:
        near = {t.lemma_.lower() for t in tok.subtree} | {t.lower_ for t in tok.subtree}
        near |= {c.lemma_.lower() for c in tok.head.children} | {tok.head.lemma_.lower()}
        if not words & near:
            return None
    doc = tok.doc
    j = tok.i
    subtree = {t.i for t in tok.subtree}
    while j - 1 in subtree and j - 1 not in ment_of and (
        doc[j - 1].dep_ in ("compound", "amod", "nummod", "npadvmod", "nmod")
        or doc[j - 1].tag_ == "HYPH"
    ) and doc[j - 1].pos_ != "PROPN":
        j -= 1
    while j < tok.i and doc[j].is_punct:
        j += 1
    return entry.type, doc[j], tok


def _event_verb(tok: Token, lexicon: Lexicon) -> tuple[str, Token, Token] | None:
    frames = lookup(lexicon.event_verbs, tok)
    if not frames or tok.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ"):
        return None
    if tok.pos_ != "VERB" and tok.tag_ not in ("VB", "VBG", "VBN", "VBD", "VBZ", "VBP") \
            and not tok.lower_.endswith("ing"):
        return None
    for frame in frames:
        if not frame.objects:
            return frame.type, tok, tok
        for cand in verb_objects_for_event(tok):
            if cand.lemma_.lower() in frame.objects or cand.lower_ in frame.objects:
                lo, hi = (tok, cand) if tok.i < cand.i else (cand, tok)
                return frame.type, lo, hi
    return None


def verb_objects_for_event(tok: Token) -> Iterator[Token]:
    """The words an event verb takes as its object ("normalize *ties*", "pull *out*")."""
    for child in tok.children:
        if child.dep_ in ("dobj", "prt", "nsubjpass", "attr"):
            yield child
        if child.dep_ == "prep":
            yield child
            yield from (c for c in child.children if c.dep_ == "pobj")
    if tok.dep_ in ("amod", "acl"):  # "normalizing ties", "ties normalized"
        yield tok.head


def _date_of(tok: Token) -> str | None:
    """The date phrase of an event: "talks on Tuesday", "the meeting began on December 28, 2022"."""
    holders = [tok]
    gov = governing_verb(tok)
    if gov is not None and (
        tok.dep_ in ("nsubj", "nsubjpass", "dobj")
        or (tok.dep_ == "pobj" and tok.head.head == gov)  # "received them on Tuesday for talks"
    ):
        holders.append(gov)
    for h in holders:
        for c in h.children:
            target = _date_target(c)
            if target is not None and target.ent_type_ == "DATE":
                ent = next((e for e in tok.doc.ents if e.start <= target.i < e.end), None)
                if ent is not None:
                    return ent.text
    return None


def _date_target(c: Token) -> Token | None:
    """The word a date hangs on: a bare noun phrase, or the object of "on", "in", "during"."""
    if c.dep_ == "npadvmod":
        return c
    if c.dep_ == "prep" and c.lower_ in DATE_PREPS:
        return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _corefer(tok: Token, mention: EventMention, events: list[EventMention]) -> EventMention:
    """A definite event NP ("this meeting", "the talks") is the last event of its type."""
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
    if not dets & DEFINITE:
        return mention
    if {c.lower_ for c in tok.children if c.dep_ == "prep"} & OWN_ARGUMENT_PREPS:
        return mention
    for prev in reversed(events):
        if prev.type == mention.type and mention.sentence - prev.sentence <= 3:
            return prev
    return mention
