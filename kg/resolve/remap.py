"""Merges of entity keys: the record a linker makes and how chains of them are followed.

Kept apart from :mod:`kg.resolve.identity`, which imports the linker modules, so that
those modules can import :class:`Merge` directly.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Merge:
    """One entity key merged into another, and why.

    Attributes:
        source: The key merged away (``person/raisi``).
        target: The key it now is (``person/ebrahim-raisi``), after following chains.
        reason: A short code naming the linker's rule. ``type``: one name, typed
            differently by articles. People (:mod:`kg.resolve.people_links`,
            :mod:`kg.resolve.given_names`): ``transliteration``, ``compound-name``,
            ``nickname``, ``surname``, ``partial-name``, ``middle-name``, ``given-name``,
            with ``-context`` where co-mentions decided between candidates. Organisations
            (:mod:`kg.resolve.org_links`): ``spelling``, ``body-of-owner``,
            ``acronym``, and ``outlet``, ``place``, ``person`` for a name the NER
            typed wrongly; ``cut-name`` (:mod:`kg.resolve.cut_names`) for a name it cut
            at a hyphen.
    """

    source: str
    target: str
    reason: str


def follow(remap: dict[str, str], key: str) -> str:
    """The key ``key`` is merged into so far, chains followed (a loop stops the walk)."""
    seen = {key}
    while key in remap and remap[key] not in seen:
        key = remap[key]
        seen.add(key)
    return key
