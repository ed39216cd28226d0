"""Which arguments a relation takes, as the rules check them before emitting a fact.

The only place the extractor checks relations' argument types: by the domain and
range of each relation in ``ontology/kg.ttl`` (:mod:`kg.schema`), so a relation
declared there is checked with no code here.
"""

from __future__ import annotations

from kg.extract.lexicon import VerbFrame
from kg.model import Argument, EventMention, Mention
from kg.schema import Schema

#: Relations an adjectival compound states of its head ("US-backed SDF", "Turkish-occupied Afrin").
HYPHEN_RELATIONS = frozenset({"supports", "occupies", "attacks", "opposes"})


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
    return relation_accepts(frame.relation, s, o, object_place=frame.object == "place")


def relation_accepts(relation: str, s: Argument, o: Argument, *,
                     object_place: bool = False) -> bool:
    """Whether ``relation`` takes subject ``s`` and object ``o``, by its domain and range.

    The domain and range are read from ``ontology/kg.ttl`` (:class:`kg.schema.Schema`);
    an argument fits when one of the classes it may turn out to be (:func:`classes_of`)
    does; with ``object_place`` the object is read as a place ("occupied the
    Kurds" names no place). A relation the schema does not know takes nothing.
    """
    spec = Schema.default().get(relation)
    if spec is None:
        return False
    return any(map(spec.accepts_subject, classes_of(s))) and \
        any(map(spec.accepts_object, classes_of(o, place=object_place)))


#: The classes a named entity may resolve to, by its NER label, when it acts.
_ACTOR_CLASSES = {
    "PERSON": ("Person",), "ORG": ("Organization",), "NORP": ("Country",),
    "GPE": ("Country", "Location"), "LOC": ("Location",), "FAC": ("Location",),
}
#: ... and when it is read as a place ("in Syria"): a nationality is no place.
_PLACE_CLASSES = {"GPE": ("Country", "Location"), "LOC": ("Location",), "FAC": ("Location",)}
_KIND_CLASSES = {"role": ("Organization",), "government": ("Country",)}


def classes_of(arg: Argument, *, place: bool = False) -> tuple[str, ...]:
    """The ontology classes an argument may be once resolved (before the gazetteer).

    Args:
        arg: A mention or an event mention.
        place: Read a mention as a place whether or not it acts.
    """
    if isinstance(arg, EventMention):
        return (arg.type,)
    if arg.kind != "name":
        return _KIND_CLASSES.get(arg.kind, ())
    table = _PLACE_CLASSES if place or not arg.acting else _ACTOR_CLASSES
    return table.get(arg.label, ())


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
