"""Which arguments a relation takes, as the rules check them before emitting a fact.

The only place the extractor knows relations' argument types; meant to be
generated from the ontology's relation schema (domain and range) later.
"""

from __future__ import annotations

from kg.extract.lexicon import VerbFrame
from kg.model import Argument, EventMention, Mention

#: Relations an adjectival compound states of its head ("US-backed SDF", "Turkish-occupied Afrin").
HYPHEN_RELATIONS = frozenset({"supports", "occupies", "attacks", "opposes"})
#: Relations between two actors.
ACTOR_RELATIONS = frozenset({"meetsWith", "cooperatesWith", "accuses"})


def fits(frame: VerbFrame, s: Argument, o: Argument) -> bool:
    """Whether a verb frame may relate subject ``s`` to object ``o``.

    The frame's own object kind ("event", "actor", "place") and the relation's
    argument types must both allow them.
    """
    if s == o:
        return False
    if frame.object == "event" and not isinstance(o, EventMention):
        return False
    if frame.object in ("actor", "place") and not isinstance(o, Mention):
        return False
    return relation_accepts(frame.relation, s, o)


def relation_accepts(relation: str, s: Argument, o: Argument) -> bool:
    """Whether ``relation`` takes subject ``s`` and object ``o`` (of a verb frame)."""
    if isinstance(s, EventMention) and not (relation == "discusses" and s.type == "Meeting"):
        return False  # only a meeting discusses; every other relation has an actor subject
    if relation == "hosts":
        return isinstance(o, EventMention) and o.type == "Meeting"
    if relation == "participatesIn":
        return isinstance(o, EventMention)
    if relation in ACTOR_RELATIONS:
        return isinstance(o, Mention)
    if relation == "occupies":
        return not (isinstance(o, Mention) and o.label == "NORP")
    return True


def hyphen_accepts(relation: str, target: Argument) -> bool:
    """Whether an adjectival compound states ``relation`` of its head ``target``.

    "US-backed SDF" (supports), "Turkish-occupied Afrin" (occupies, a place only),
    "Russia-brokered talks" (participatesIn, an event only).
    """
    if relation == "occupies":
        return isinstance(target, Mention)
    if relation in HYPHEN_RELATIONS:
        return True
    return relation == "participatesIn" and isinstance(target, EventMention)
