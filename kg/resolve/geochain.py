"""Facts about a town that the text places in a state or country hold of the state too.

"Bob Boyd of Chattanooga, Tenn.", "Pepperell, based in West Point, Ga.": a person living in,
or an organisation based in, a town that the same sentence's address places in a state
(``located:comma``, ``geo:chain``, ``geo:dateline``) lives in, or is based in, that state.
Only the address of the same sentence counts: the text, not the gazetteer, places the town.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

#: The rules that read an address ("Town, State") from the text.
ADDRESS_RULES = frozenset({"located:comma", "geo:chain", "geo:dateline"})
#: Relations whose object place carries over to the place that holds it.
CARRIED = frozenset({"livesIn", "basedIn"})
#: How much less sure the carried fact is than the one it comes from.
FACTOR = 0.9

R = TypeVar("R", bound=Any)


def through_addresses(relations: list[R]) -> list[R]:
    """The ``livesIn``/``basedIn`` facts carried from a town to the state its address names.

    Args:
        relations: Resolved relations (``subject``, ``predicate``, ``object``, ``sentence``,
            ``rule``, ``confidence``), as :class:`kg.resolve.resolver.ResolvedRelation`.

    Returns:
        The new relations only, with ``rule`` suffixed ``+address``.
    """
    holders: dict[tuple[Any, int], list[Any]] = {}
    for r in relations:
        if r.predicate == "locatedIn" and r.rule in ADDRESS_RULES:
            holders.setdefault((r.subject, r.sentence), []).append(r.object)
    if not holders:
        return []
    out = []
    for r in relations:
        if r.predicate not in CARRIED:
            continue
        for state in holders.get((r.object, r.sentence), ()):
            if state != r.subject:
                out.append(replace(r, object=state, rule=r.rule + "+address",
                                   confidence=round(r.confidence * FACTOR, 3)))
    return out
