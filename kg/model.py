"""Frozen data passed between the pipeline's stages.

Data flows one way: ``ingest`` makes :class:`Article` objects, ``extract`` turns
each into an :class:`Extraction` (mentions, events, relations with character
offsets into ``Article.text``), ``resolve`` maps mentions to canonical
:class:`Entity` objects, and ``store`` writes RDF. None of these objects holds a
spaCy ``Doc``, so they pickle cheaply across worker processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from kg.schema import Schema

#: Entity types of the contract (``kgo:<type>``).
ENTITY_TYPES = ("Country", "Person", "Organization", "Location")
#: Event types of the contract (``kgo:<type>``, subclasses of ``kgo:Event``).
EVENT_TYPES = (
    "Meeting",
    "Withdrawal",
    "Normalization",
    "RefugeeReturn",
    "Attack",
    "Agreement",
    "Occupation",
    "Conflict",
    "Election",
)
#: Relations of the contract (``kgo:<name>``), sorted by name: those ``ontology/kg.ttl``
#: declares (read by :mod:`kg.schema`).
RELATIONS: tuple[str, ...] = Schema.default().names
#: The relations that are ``owl:SymmetricProperty``: one direction states both.
SYMMETRIC_RELATIONS: frozenset[str] = Schema.default().symmetric


@dataclass(frozen=True, slots=True)
class Article:
    """One input article after boilerplate removal.

    Attributes:
        id: Stable identifier: the first 16 hex digits of the SHA-256 of ``text``.
        source: The input's file name (or URL); becomes ``dcterms:source``.
        text: The cleaned article text. Every offset in the graph refers to it.
        title: The headline, where the input tells it.
        date: Publication date as ISO 8601 (``YYYY-MM-DD``), where the input tells it.
        publisher: The publisher's name, where the input tells it.
    """

    id: str
    source: str
    text: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None


#: What a :class:`Mention` stands for (``Mention.kind``):
#:
#: * ``"name"``: the entity the span names (every mention of ``Extraction.mentions``);
#: * ``"role"``: a title phrase ("Russian Defense Minister"), only ever the object of a
#:   ``memberOf`` relation from the person who holds it. It names no entity (its
#:   ``label`` is ``""``): the resolver keeps it as the person's role and links the
#:   person to the ministry the title names, where the article names that ministry;
#: * ``"government"``: a leader's name standing for their government ("the *Assad*
#:   government"), ``label`` ``"PERSON"``: the resolver reads it as the leader's state
#:   once the article makes the leader a member of exactly one state, else as the leader.
MentionKind = Literal["name", "role", "government"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of article text naming an entity.

    Attributes:
        start: Character offset of the first character in ``Article.text``.
        end: Character offset one past the last character.
        text: The surface form, exactly as in the text.
        label: The entity label from NER or the gazetteer (``GPE``, ``NORP``,
            ``ORG``, ``PERSON``, ``LOC``, ``FAC``); ``""`` for a role.
        sentence: Index of the sentence that holds the mention.
        acting: True where the mention is an actor (subject, agent, participant)
            rather than a place: a capital that acts stands for its state.
        kind: What the span stands for (see :data:`MentionKind`).
    """

    start: int
    end: int
    text: str
    label: str
    sentence: int
    acting: bool = False
    kind: MentionKind = "name"


@dataclass(frozen=True, slots=True)
class EventMention:
    """A nominal event evoked in the text ("talks", "withdrawal", "normalizing ties").

    ``date`` is the date phrase attached to it ("on Tuesday", "December 28, 2022")
    as extracted, or, after resolution, the ISO date it denotes.
    """

    start: int
    end: int
    text: str
    type: str
    sentence: int
    date: str | None = None


Argument = Mention | EventMention


@dataclass(frozen=True, slots=True)
class Relation:
    """One extracted fact ``subject predicate object`` with its provenance.

    Attributes:
        subject: The subject mention or event.
        predicate: A relation name of :data:`RELATIONS`.
        object: The object mention or event.
        sentence: Index of the sentence that states it.
        rule: Name of the rule that produced it (shown by ``kg explain``).
        confidence: The rule's confidence in [0, 1].
        speaker: Who the text reports as saying it, for reported speech.
        object_from_host: The object is the place a meeting was held, read from the
            meeting's host ("*Moscow* hosted the talks"): right for a city, wrong for
            a country ("Egypt hosted talks" says nothing of where), so the resolver
            keeps it only where the object resolves to a place that is not a country.
    """

    subject: Argument
    predicate: str
    object: Argument
    sentence: int
    rule: str
    confidence: float
    speaker: Mention | None = None
    object_from_host: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the cleaned text, by character offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extractor found in one article."""

    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[EventMention, ...] = ()
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical real-world entity, one per graph.

    Attributes:
        key: Stable key, ``<type>/<slug>``; the entity's IRI is built from it.
        type: One of :data:`ENTITY_TYPES`.
        label: The canonical English name.
        wikidata: A Wikidata Q-identifier where known.
    """

    key: str
    type: str
    label: str
    wikidata: str | None = None


@dataclass(slots=True)
class BuildSummary:
    """What a build did, for the one-line summary.

    Attributes:
        articles: Articles in the graph.
        parsed: Of these, the articles parsed in this build (all of them without a store).
        from_store: Of these, the articles whose extraction came from the store.
        removed: Articles of the store's previous graph that are no longer inputs.
        store: The store folder, or ``None`` for a build without one.
        cache_discarded: Why the store's cached extractions were dropped (e.g.
            ``"kg code"`` changed), or ``None``.
    """

    articles: int = 0
    skipped: list[str] = field(default_factory=list)
    entities: int = 0
    events: int = 0
    relations: int = 0
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    parsed: int = 0
    from_store: int = 0
    removed: int = 0
    store: str | None = None
    cache_discarded: str | None = None
