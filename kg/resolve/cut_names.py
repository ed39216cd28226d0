"""Names the NER cut at a hyphen, joined to the organisation they begin.

"the terrorist Mujahedin-e-Khalq Organization (MKO)": the tagger reads "Mujahedin" alone (as
a person, a place or an organisation) and leaves "-e-Khalq Organization" out, for the
Persian ezafe "-e-" splits the words where English has none. :func:`link_cut_names` (one
of :data:`kg.resolve.identity.LINKERS`, after the organisation linkers) reads the words
the text goes on with and joins the one-word name to the organisation the corpus names
so ("Mujahedin-e Khalq Organization", "Mojahedin-e Khalq"): only where every mention of
the one-word name is so cut, and all of them read as one organisation. A name written
whole somewhere ("the Afghan Mujahedin") stays itself.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg.resolve.names import clean_surface, fold
from kg.resolve.people_links import translit
from kg.resolve.remap import Merge, follow

if TYPE_CHECKING:  # identity imports this module for its LINKERS
    from kg.resolve.identity import EntityIndex

#: What the text goes on with after a name cut at a hyphen: hyphened words, then words
#: that open with a capital ("-e-Khalq Organization").
_GOES_ON = re.compile(r"-[A-Za-z]+(?:-[A-Za-z]+)*(?: [A-Z][\w'’-]*)*")
_SPLIT = re.compile(r"[\s\-]+")
#: Entity types a cut name may be read as.
_TYPES = frozenset({"Person", "Organization", "Location"})


def _tokens(name: str) -> tuple[str, ...]:
    """A name's words for comparison: folded, split at hyphens, one-letter linking words
    (the ezafe "e") left out, transliteration keys ("Mojahedin" = "Mujahedin")."""
    return tuple(translit(w) for w in _SPLIT.split(fold(name)) if len(w) > 1)


def _same(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two names are one where one stops early ("Mujahedin-e Khalq" and
    "Mujahedin-e Khalq Organization"): two words at least in common, from the start."""
    n = min(len(a), len(b))
    return n >= 2 and a[:n] == b[:n]


def link_cut_names(index: EntityIndex, remap: dict[str, str]) -> Iterable[Merge]:
    """A one-word name the NER cut at a hyphen joins the organisation its words begin."""
    orgs: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for info in index.of_type("Organization"):
        for form in sorted({info.label, *info.forms}):
            toks = _tokens(form)
            if len(toks) >= 2:
                orgs[toks[0]].append((toks, info.key))
    read: dict[str, set[str]] = defaultdict(set)  # one-word key -> the organisations read
    whole: set[str] = set()  # one-word keys with a mention not cut
    for ra in index.articles:
        words: dict[str, list[str]] = defaultdict(list)
        for key, ent in ra.entities.items():
            if ent.type in _TYPES and not ent.wikidata and " " not in ent.label:
                for form in ra.surface_forms.get(key, ()):
                    words[form].append(key)
        if not words:
            continue
        text = ra.article.text
        for m in ra.extraction.mentions:
            keys = words.get(clean_surface(m.text), ())
            if not keys:
                continue
            goes_on = _GOES_ON.match(text, m.end)
            toks = _tokens(m.text + goes_on.group()) if goes_on else ()
            found = {follow(remap, key) for t, key in orgs.get(toks[0], ()) if _same(t, toks)} \
                if len(toks) >= 2 else set()
            for key in keys:
                if found:
                    read[key] |= found
                else:
                    whole.add(key)
    for key in sorted(read):
        # an organisation that is now another node's name is not one ("Rostov-on-Don",
        # tagged ORG, is the city): the place keeps its own name
        targets = {t for t in read[key] - {key} if t.startswith("organization/")}
        if key not in whole and key not in remap and len(targets) == 1:
            yield Merge(key, next(iter(targets)), "cut-name")
