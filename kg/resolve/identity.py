"""Cross-article identity: which entity keys of different articles name one entity.

Each article is resolved on its own (:mod:`kg.resolve.resolver`); the keys it gives
are per-article guesses ("person/raisi" where the article only says "Raisi"). Once
every article is resolved, :func:`link_entities` decides which keys are one
real-world entity and why, as a :class:`Linking`: a ``remap`` of key to key and the
:class:`Merge` records behind it, for the build's merge report and ``kg entities``.

The work is split into *linkers*, run in the order of :data:`LINKERS`. Each reads
an :class:`EntityIndex` (every key with its type, surface forms, roles and the
articles that mention it) and the merges decided so far, and proposes more. The
decision depends only on the set of resolved articles, never on their order, so a
build with ``--store`` that adds articles equals a build from scratch.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from kg.resolve.cut_names import link_cut_names
from kg.resolve.given_names import link_person_nicknames
from kg.resolve.org_links import link_org_acronyms, link_org_spelling, link_org_types
from kg.resolve.people_links import link_person_short_forms, link_person_variants
from kg.resolve.remap import Merge, follow
from kg.resolve.resolver import ResolvedArticle

#: Which type a name keeps when articles disagree and no gazetteer entry decides.
TYPE_PRIORITY = {"Organization": 0, "Person": 1, "Location": 2, "Country": 3}


@dataclass
class EntityInfo:
    """What the articles of a build say about one entity key, summed over them."""

    key: str
    type: str
    label: str
    wikidata: str | None = None
    forms: Counter[str] = field(default_factory=Counter)
    roles: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)

    @property
    def from_gazetteer(self) -> bool:
        """A key the gazetteer fixed (a country, an entry with a Wikidata id)."""
        return self.wikidata is not None or self.type == "Country"

    @property
    def mentions(self) -> int:
        """How many mentions name it, across all articles (at least one)."""
        return sum(self.forms.values()) or 1


@dataclass
class EntityIndex:
    """Every entity key of a build with what the articles say about it.

    Attributes:
        entities: Key -> summed information.
        by_article: Article id -> the keys it mentions (for co-mention context).
        articles: The resolved articles, sorted by id.
    """

    entities: dict[str, EntityInfo]
    by_article: dict[str, set[str]]
    articles: tuple[ResolvedArticle, ...]

    @classmethod
    def of(cls, articles: Iterable[ResolvedArticle]) -> EntityIndex:
        """Sum the resolved ``articles`` (in any order) into one index."""
        ordered = tuple(sorted(articles, key=lambda ra: ra.article.id))
        entities: dict[str, EntityInfo] = {}
        by_article: dict[str, set[str]] = {}
        for ra in ordered:
            by_article[ra.article.id] = set(ra.entities)
            for key, ent in ra.entities.items():
                info = entities.get(key)
                if info is None:
                    info = entities[key] = EntityInfo(key, ent.type, ent.label, ent.wikidata)
                elif ent.wikidata and not info.wikidata:
                    info.wikidata = ent.wikidata
                info.forms.update(ra.surface_forms.get(key, Counter()))
                info.roles.update(ra.roles.get(key, ()))
                info.articles.add(ra.article.id)
        return cls(entities, by_article, ordered)

    def of_type(self, type_: str) -> list[EntityInfo]:
        """The entities of one type, sorted by key."""
        return [self.entities[k] for k in sorted(self.entities) if self.entities[k].type == type_]


#: A linker: reads the index and the merges so far (key -> key), proposes more merges.
Linker = Callable[[EntityIndex, dict[str, str]], Iterable[Merge]]


def link_types(index: EntityIndex, remap: dict[str, str]) -> Iterable[Merge]:
    """One name typed differently by articles becomes one node: the gazetteer's type,
    else the type most mentions give it. Runs first: a person "Tabriz" that a city
    outnumbers is the city, and is not offered to the surname linker."""
    by_slug: dict[str, list[EntityInfo]] = defaultdict(list)
    for key in sorted(index.entities):
        by_slug[key.split("/", 1)[1]].append(index.entities[key])
    for infos in by_slug.values():
        if len(infos) < 2:
            continue
        fixed = [i for i in infos if i.from_gazetteer]
        target = fixed[0] if fixed else min(
            infos, key=lambda i: (-i.mentions, TYPE_PRIORITY.get(i.type, 9), i.key)
        )
        # a one-word person name is a given name or surname as often as not: a place or
        # body of that name in another article is not him ("Ibrahim" in a report on Ibrahim
        # Nablusi, a Person "Ibrahim" elsewhere); only one of the same article joins
        lone = target.type == "Person" and "-" not in target.key.split("/", 1)[1]
        for info in infos:
            if info is not target and not info.from_gazetteer and (
                    not lone or info.articles & target.articles):
                yield Merge(info.key, target.key, "type")


#: The linkers in the order they run. A key merged by one stays merged there; a later
#: linker may still merge the node it joined (chains are followed).
LINKERS: tuple[Linker, ...] = (
    link_org_types, link_types, link_person_variants, link_person_nicknames,
    link_person_short_forms, link_org_spelling, link_org_acronyms, link_cut_names,
)


@dataclass
class Linking:
    """The result of :func:`link_entities`."""

    remap: dict[str, str] = field(default_factory=dict)
    merges: tuple[Merge, ...] = ()

    def target(self, key: str) -> str:
        """The key ``key`` is merged into, or ``key`` itself."""
        return self.remap.get(key, key)


def link_entities(
    articles: Sequence[ResolvedArticle], linkers: Sequence[Linker] = LINKERS
) -> Linking:
    """Decide which entity keys across ``articles`` name one entity.

    Args:
        articles: Every resolved article of the build (any order).
        linkers: The linkers to run, in order.

    Returns:
        The remap of keys (chains followed) with the reason for each merge.
    """
    index = EntityIndex.of(articles)
    remap: dict[str, str] = {}
    reasons: dict[str, str] = {}
    for linker in linkers:
        for m in linker(index, remap):
            # a merge back into a key's own source would close a loop: an earlier
            # linker decided the other way ("Kayhan" the outlet, not the person)
            if m.source != m.target and m.source not in remap \
                    and follow(remap, m.target) != m.source:
                remap[m.source] = m.target
                reasons[m.source] = m.reason
    for k in list(remap):  # follow chains: a -> b -> c is a -> c
        seen = {k}
        while remap[k] in remap and remap[k] not in seen:
            seen.add(remap[k])
            remap[k] = remap[remap[k]]
    merges = tuple(sorted(Merge(k, t, reasons[k]) for k, t in remap.items()))
    return Linking(remap, merges)
