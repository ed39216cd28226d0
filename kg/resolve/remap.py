"""Following merges: the one helper the cross-article linkers share."""

from __future__ import annotations


def follow(remap: dict[str, str], key: str) -> str:
    """The key ``key`` is merged into so far, chains followed (a loop stops the walk)."""
    seen = {key}
    while key in remap and remap[key] not in seen:
        key = remap[key]
        seen.add(key)
    return key
