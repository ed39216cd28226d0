"""Cross-article linkers for organisations (see :mod:`kg.resolve.identity`).

* :func:`link_org_types` (runs first): names typed wrongly by the NER. A name the
  articles use as a news outlet or platform ("the Kayhan newspaper", "Shargh daily",
  "his Twitter account", "In its editorial, Javan") is an Organization, not a Person;
  a city of the gazetteer typed Organization that the articles put things in ("in
  Isfahan") is the Location.
* :func:`link_org_spelling`: one organisation written several ways, by its
  :class:`~kg.resolve.orgs.OrgName` (owner and body words, spelling variants folded:
  "Islamic Revolution Guards Corps" = "Islamic Revolutionary Guard Corps", "Ministry of
  Foreign Affairs of Iran" = "Iran's Foreign Ministry"); a body named without its owner
  ("Atomic Energy Organization") joins the one owner's body of that name where the
  corpus knows one owner only and the articles naming it name that owner too.
* :func:`link_org_acronyms`: an acronym alone ("AEOI") joins the one organisation
  the articles define it for ("... Organization of Iran (AEOI)"), its letters being the
  initials of that name.

Each is linear in the number of keys: names are grouped by a blocking key (the
:class:`OrgName`, the acronym), never compared in pairs.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg.resolve import places
from kg.resolve.gazetteer import Gazetteer, is_acronym
from kg.resolve.names import clean_surface, slug
from kg.resolve.orgs import UNNAMED, OrgName, org_name, org_parts
from kg.resolve.remap import Merge, follow

if TYPE_CHECKING:  # kg.resolve.identity imports this module for its LINKERS
    from kg.resolve.identity import EntityIndex, EntityInfo


#: Nouns that, next to a name, say the name is a news outlet or a platform.
_OUTLET_AFTER = re.compile(
    r"^[\u2019']?s?\s+(?:newspaper|daily|weekly|magazine|news\s+agency|news\s+website|website|"
    r"TV|television|channel|network|broadcaster|account|page)\b")
_OUTLET_BEFORE = re.compile(r"\b(?:newspaper|daily|weekly|magazine|website|channel)\s+$"
                            r"|\b[Ii]n\s+(?:its|an?)\s+editorial,?\s+$")  # "In its editorial, X"
#: A name the article refers to as "its" author of an editorial, commentary or report.
_OUTLET_ITS = re.compile(r"^\s+\w+\s+in\s+(?:its\s+(?:editorial|commentary|report|article)"
                         r"|an?\s+editorial)\b")
#: Words before a name that put something in it: the name is a place.
_IN_PLACE = re.compile(
    r"\b(?:in|near|outside|across|towards?|occupied|holy|east|west|liberat(?:e|ing|ion\s+of)"
    r"|city\s+of|town\s+of|province\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
#: A city typed Organization is the place only if it is this large (a known city).
CITY_POPULATION = 100_000
_STOP = frozenset({"of", "the", "and", "for", "on", "in", "to", "&"})


def _best(infos: Iterable[EntityInfo], name: OrgName | None = None) -> EntityInfo:
    """The key a group of names joins: the gazetteer's (the key of its canonical name),
    else the one most articles use."""
    own = f"organization/{slug(name.owner)}" if name is not None and not name.body else ""
    return min(infos, key=lambda i: (not i.from_gazetteer and i.key != own, -len(i.articles),
                                     -i.mentions, i.key))


# ----------------------------------------------------------------------------- types
def _cues(index: EntityIndex) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Per surface form: mentions read as an outlet, mentions put as a place, all mentions."""
    outlet: Counter[str] = Counter()
    place: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for ra in index.articles:
        text = ra.article.text
        for m in ra.extraction.mentions:
            if m.label not in ("PERSON", "ORG") or m.kind == "role":
                continue
            form = clean_surface(m.text)
            seen[form] += 1
            after, before = text[m.end:m.end + 30], text[max(0, m.start - 30):m.start]
            named = (_OUTLET_AFTER.match(after) or _OUTLET_BEFORE.search(before)
                     or _OUTLET_ITS.match(text[m.end:m.end + 50]))
            if m.label == "PERSON" and named:
                outlet[form] += 1
            if m.label == "ORG" and _IN_PLACE.search(before):
                place[form] += 1
    return outlet, place, seen


def link_org_types(index: EntityIndex, remap: dict[str, str]) -> Iterable[Merge]:
    """Outlets and platforms typed Person are Organizations; big cities typed Organization
    that the articles use as places are the Location."""
    outlet, place, seen = _cues(index)
    for info in index.of_type("Person"):
        if not info.from_gazetteer and any(outlet[f] for f in info.forms):
            yield Merge(info.key, f"organization/{info.key.split('/', 1)[1]}", "outlet")
    for info in index.of_type("Organization"):
        if info.from_gazetteer or Gazetteer.default().lookup(info.label) is not None:
            continue
        cities = [c for c in places.cities(info.label) if c.population >= CITY_POPULATION]
        n_place = sum(place[f] for f in info.forms)
        if cities and n_place * 2 >= sum(seen[f] for f in info.forms) > 0:
            yield Merge(info.key, f"location/{slug(cities[0].name)}", "place")
    yield from _surnames(index)


def _surnames(index: EntityIndex) -> Iterable[Merge]:
    """A surname typed Organization ("Trump") is the one person of the corpus with that
    surname, unless the articles write it in lowercase too (then it is a word: "agency")."""
    full: dict[str, set[str]] = defaultdict(set)
    for info in index.of_type("Person"):
        toks = info.key.split("/", 1)[1].split("-")
        if len(toks) >= 2:
            full[toks[-1]].add(info.key)
    found = [
        info for info in index.of_type("Organization")
        if len(full.get(word := info.key.split("/", 1)[1], ())) == 1
        and not info.from_gazetteer and info.label.istitle() and "-" not in word
    ]
    if not found:
        return
    texts = [ra.article.text for ra in index.articles]
    for info in found:
        word = info.key.split("/", 1)[1]
        person = next(iter(full[word]))
        # another longer name ending in it where it is written ("Amit Halevi"): not the one
        other = any(k != person and k.endswith(f"-{word}") for a in info.articles
                    for k in index.by_article.get(a, ()))
        lower = re.compile(rf"\b{re.escape(word)}\b")
        if not other and not any(lower.search(t) for t in texts if word in t):
            yield Merge(info.key, person, "person")


# -------------------------------------------------------------------------- spelling
def _name(info: EntityInfo) -> tuple[OrgName, bool]:
    """The organisation's blocking key, and whether it is a body of an unnamed state."""
    unnamed = UNNAMED.format("")
    if info.label.endswith(unnamed):
        return org_name(info.label[: -len(unnamed)]), True
    return org_name(info.label), False


def link_org_spelling(index: EntityIndex, remap: dict[str, str]) -> Iterable[Merge]:
    """One organisation written several ways becomes one node (see the module docstring)."""
    gaz = Gazetteer.default()
    groups: dict[tuple[OrgName, bool], list[EntityInfo]] = defaultdict(list)
    for info in index.of_type("Organization"):
        if info.key not in remap:
            groups[_name(info)].append(info)
    best = {name: _best(infos, name[0]) for name, infos in groups.items()}
    for name, infos in groups.items():
        if name[1] or name[0].generic:  # some state's body: see orgs.article_bodies
            continue
        target = best[name]
        for info in infos:
            if info is not target and not info.from_gazetteer:
                yield Merge(info.key, target.key, "spelling")
    # a body named without its owner: the one owner the corpus gives that body (a gazetteer
    # entry of a state is that state's: the Supreme National Security Council is Iran's)
    owners: dict[tuple[str, ...], dict[str, tuple[OrgName, bool]]] = defaultdict(dict)
    for name, unnamed in sorted(groups):
        if unnamed or not name.owner:
            continue
        if name.body:
            owners[name.body][name.owner] = (name, unnamed)
        else:  # a gazetteer entry: its state's or its parent organisation's ("UN General ...")
            entry = gaz.by_name(name.owner)
            parts = org_parts(entry.name, entries=False)
            owner = entry.country if parts.owner in ("", entry.country) else parts.owner
            if owner and len(parts.body) >= 2:
                owners[parts.body].setdefault(owner, (name, unnamed))
    for (name, unnamed), target in sorted(best.items(), key=lambda kv: kv[1].key):
        if unnamed or name.owner or name.generic or len(name.body) < 2 or target.from_gazetteer:
            continue
        found = owners.get(name.body, {})
        if len(found) != 1:
            continue
        owner, group = next(iter(found.items()))
        if _co_mentioned(index, target, owner):
            owned = best[group]
            into = _best((target, owned))  # the name most articles use labels the node
            source = owned if into is target else target
            yield Merge(source.key, into.key, "body-of-owner")


def _co_mentioned(index: EntityIndex, info: EntityInfo, owner: str) -> bool:
    """Whether at least two thirds of the articles naming ``info`` name ``owner`` too."""
    entry = Gazetteer.default().by_name(owner)
    key = f"{entry.type.lower()}/{slug(entry.name)}"
    own = OrgName(owner, ())
    hits = 0
    for aid in sorted(info.articles):
        keys = index.by_article.get(aid, set())
        if key in keys or any(
            k.startswith("organization/") and org_name(index.entities[k].label) == own
            for k in keys
        ):
            hits += 1
    return 3 * hits >= 2 * len(info.articles)


# -------------------------------------------------------------------------- acronyms
def initials(name: str) -> set[str]:
    """The acronyms a name's initials make, with and without its small words:
    "Atomic Energy Organization of Iran" -> {"AEOI", "AEOOI"}."""
    ws = [w for w in re.split(r"[\s\-/]+", name) if w and w[0].isalnum()]
    full = "".join(w[0] for w in ws).upper()
    short = "".join(w[0] for w in ws if w.lower() not in _STOP).upper()
    return {full, short}


def _acronym_form(form: str) -> str | None:
    text = form.replace(".", "")
    if 2 <= len(text) <= 8 and text.isalpha() and is_acronym(text):
        return text
    return None


def link_org_acronyms(index: EntityIndex, remap: dict[str, str]) -> Iterable[Merge]:
    """An acronym alone joins the one organisation the corpus defines it for."""
    defined: dict[str, set[str]] = defaultdict(set)
    orgs = index.of_type("Organization")
    for info in orgs:
        if _acronym_form(info.label) is not None:
            continue
        names = {info.label, *info.forms}
        for form in info.forms:
            acr = _acronym_form(form)
            if acr is not None and any(acr in initials(n) for n in names if n != form):
                defined[acr].add(follow(remap, info.key))
    for info in orgs:
        acr = _acronym_form(info.label)
        if acr is None or info.from_gazetteer or info.key in remap:
            continue
        targets = defined.get(acr, set()) - {info.key}
        if len(targets) == 1:
            yield Merge(info.key, next(iter(targets)), "acronym")
