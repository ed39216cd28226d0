"""Organisation names compared by what they name: owner, body words, spelling variants.

"Islamic Revolution Guards Corps" and "Islamic Revolutionary Guard Corps", "Ministry of
Foreign Affairs of the Islamic Republic of Iran" and "Iran's Foreign Ministry", "United
Nations Human Rights Council" and "UN Human Rights Council" are one organisation each.
:func:`org_name` reads a label into an :class:`OrgName`: the state or organisation that owns
the body (read from a demonym, a possessive, a prefix or an "of <owner>" suffix) and the
body's words with spelling variants folded and "Ministry of X Affairs" put as "X Ministry".
Two labels with equal :class:`OrgName` name one organisation of one owner, so the Foreign
Ministry of Iran never meets that of Russia. :mod:`kg.resolve.org_links` uses it as the
blocking key of its linkers.

A body named bare ("the Foreign Ministry", "Parliament", "the Navy") is a body of some
state. :func:`article_bodies` gives it its state from the article (the same body named
with its state, or the dateline city's country) or, failing both, a label that says the
state is not named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from kg.model import Article, Entity, Mention
from kg.resolve import places
from kg.resolve.gazetteer import GazEntry, Gazetteer, is_acronym, normalize
from kg.resolve.names import clean_surface, slug

if TYPE_CHECKING:
    from kg.resolve.resolver import Resolver

#: Spelling variants and derived forms that name the same body (British/American
#: spelling, "Revolutionary"/"Revolution", plural "Guards"/"Forces" of a corps' name).
VARIANTS = {
    "revolutionary": "revolution", "guards": "guard", "forces": "force",
    "organisation": "organization", "organisations": "organizations",
    "defence": "defense", "programme": "program", "centre": "center", "labour": "labor",
    "co-operation": "cooperation", "mobilisation": "mobilization",
    "u.n.": "un", "u.s.": "us", "&": "and",
}
#: Word sequences written two ways: the United Nations' prefix.
PHRASES = ((("united", "nations"), ("un",)),)
#: Body names every state has: named bare, they take the article's state.
GENERIC_BODIES = frozenset({
    "army", "navy", "armed force", "air force", "parliament", "government", "cabinet",
    "presidency", "central bank", "police", "coast guard", "national guard", "foreign office",
    "judiciary", "ground force", "intelligence service",
})
#: Head words of organisation names: one alone ("the Agency") is the one organisation of
#: the article with that head ("the International Atomic Energy Agency").
HEADS = frozenset({
    "agency", "council", "organization", "organisation", "committee", "union", "league",
    "court", "assembly", "commission", "movement", "front", "fund", "forum", "corps",
})
#: Last words of the names :func:`article_bodies` reads (bodies, heads; a suffix "of X" too).
_BODY_WORDS = HEADS | frozenset({
    "ministry", "ministries", "army", "navy", "force", "forces", "parliament", "government",
    "cabinet", "presidency", "bank", "police", "guard", "guards", "office", "judiciary",
    "service",
})
#: How a body whose state the article does not name is labelled.
UNNAMED = "{} (unnamed state)"
#: What a writer may add after an organisation's acronym without naming another body.
DESCRIPTORS = frozenset({("news", "agency"), ("news",), ("newspaper",),
                         ("daily",), ("tv",), ("television",), ("news", "website")})
_APOS = re.compile(r"['\u2019]s?$")
_DATELINE = re.compile(r"^\s*([A-Z][A-Z.' -]{2,30}?)\s*(?:,[^-\u2013\u2014]{1,30})?"
                       r"(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]")


@dataclass(frozen=True, slots=True, order=True)
class OrgName:
    """What an organisation's name says it is.

    Attributes:
        owner: Canonical name of the state or organisation it is a body of ("Iran" for
            "Iranian Foreign Ministry"); "" where the name names none.
        body: The body's words, lowercased, variants folded ("foreign", "ministry");
            empty where the whole name is a gazetteer entry (``owner`` is then that entry).
    """

    owner: str
    body: tuple[str, ...]

    @property
    def text(self) -> str:
        """The body's words as one string."""
        return " ".join(self.body)

    @property
    def generic(self) -> bool:
        """A body every state has ("foreign ministry", "navy"): named bare, it is some
        state's, never one organisation across articles."""
        if self.owner or not self.body:
            return False
        if self.body[-1] == "ministry":  # "Foreign Ministry", not "TEHRAN- Iran's Ministry"
            return 2 <= len(self.body) <= 4 and all(w.isalpha() for w in self.body)
        return self.text in GENERIC_BODIES


def words(text: str) -> tuple[str, ...]:
    """The words of a name, lowercased, with spelling variants folded.

    "the Islamic Revolutionary Guards Corps'" -> ("islamic", "revolution", "guard", "corps").
    """
    text = normalize(text).replace("\u2019", "'")
    out = []
    for w in re.split(r"[\s,]+", text):
        w = _APOS.sub("", w.strip("()\"").lower()) if len(w) > 2 else w.lower()
        if w and w != "the":
            out.append(VARIANTS.get(w, w))
    for old, new in PHRASES:
        n = len(old)
        i = 0
        while i + n <= len(out):
            if tuple(out[i:i + n]) == old:
                out[i:i + n] = new
            i += 1
    return tuple(out)


@cache
def _gaz_words(gaz: Gazetteer) -> dict[tuple[str, ...], GazEntry]:
    """Gazetteer organisations and countries by the words of each name and alias."""
    out: dict[tuple[str, ...], GazEntry] = {}
    for entry in gaz.entries():
        if entry.type in ("Organization", "Country"):
            for form in (entry.name, *entry.aliases):
                if not form.isupper() or len(form) > 3:  # "US", "IS": matched by case only
                    out.setdefault(words(form), entry)
    return out


def _owner(text: str, gaz: Gazetteer) -> GazEntry | None:
    """The state or organisation a name part names: "Iran's", "Iranian", "UN", "IRGC"."""
    text = normalize(text).rstrip("'")
    entry = gaz.lookup(text) or gaz.demonym(text)
    if entry is None and not text.isupper():
        entry = _gaz_words(gaz).get(words(text))
    return entry if entry is not None and entry.type in ("Country", "Organization") else None


@lru_cache(maxsize=65536)
def org_name(label: str, gaz: Gazetteer | None = None) -> OrgName:
    """Read an organisation's label into owner and body words.

    Args:
        label: The label or surface form ("Ministry of Foreign Affairs of Iran").
        gaz: The gazetteer (default: :meth:`Gazetteer.default`).

    Returns:
        ``OrgName("Iran", ("foreign", "ministry"))`` for every way of writing Iran's
        Foreign Ministry; ``OrgName("Islamic Revolutionary Guard Corps", ())`` for a
        name the gazetteer holds, written in any of its variants.
    """
    gaz = gaz or Gazetteer.default()
    entry = gaz.lookup(label)
    if entry is None and not label.isupper():
        entry = _gaz_words(gaz).get(words(label))
    head, _, rest = label.partition(" ")
    if entry is None and is_acronym(head) and words(rest) in DESCRIPTORS:
        entry = gaz.lookup(head)  # "IRNA news agency" is IRNA
    if entry is not None and entry.type in ("Organization", "Country"):
        return OrgName(entry.name, ())
    return org_parts(label, gaz)


def org_parts(label: str, gaz: Gazetteer | None = None, *, entries: bool = True) -> OrgName:
    """Owner and body words of a name read from its words alone, whether or not the
    gazetteer holds the whole name ("Atomic Energy Organization of Iran" -> Iran and
    ("atomic", "energy", "organization"))."""
    gaz = gaz or Gazetteer.default()
    toks = normalize(label).split()
    owner: GazEntry | None = None
    body = toks
    for i, tok in enumerate(toks[1:-1], 1):  # "<body> of <owner>": the longest owner
        if tok.lower() == "of" and (owner := _owner(" ".join(toks[i + 1:]), gaz)) is not None:
            body = toks[:i]
            break
    if owner is None:
        for k in range(min(4, len(toks) - 1), 0, -1):  # "<owner> <body>"
            if (owner := _owner(" ".join(toks[:k]), gaz)) is not None:
                body = toks[k:]
                break
    if len(body) > 1 and words(body[0]) in (("parliament",), ("majlis",)):  # its committees
        body = body[1:]
    name = OrgName(owner.name if owner is not None else "", _body_words(" ".join(body)))
    own = _gaz_parts(gaz).get(name) if entries and owner is not None else None
    return OrgName(own.name, ()) if own is not None else name  # "Iran's Atomic Energy ..."


@cache
def _gaz_parts(gaz: Gazetteer) -> dict[OrgName, GazEntry]:
    """Gazetteer organisations of a state by that state and their body words: (Iran,
    ("atomic", "energy", "organization")) is the Atomic Energy Organization of Iran."""
    out: dict[OrgName, GazEntry] = {}
    for entry in gaz.entries():
        if entry.type == "Organization" and entry.country:
            for form in (entry.name, *entry.aliases):
                parts = org_parts(form, gaz, entries=False)
                if parts.owner in ("", entry.country) and parts.body:
                    out.setdefault(OrgName(entry.country, parts.body), entry)
    return out


def _body_words(text: str) -> tuple[str, ...]:
    """A body's words: "Ministry of Foreign Affairs" -> ("foreign", "ministry")."""
    ws = list(words(text))
    if len(ws) > 2 and ws[0] in ("ministry", "department") and ws[1] in ("of", "for"):
        ws = [*ws[2:], ws[0]]
    if ws and ws[-1] == "ministry":
        ws = [w for w in ws if w not in ("affairs", "and")] or ws
    return tuple(ws)


def state_label(state: GazEntry, bare: str) -> str:
    """A state's body by name: Iran and "Foreign Ministry" -> "Iranian Foreign Ministry"."""
    head = state.demonyms[0] if state.demonyms else state.name
    return " ".join([head, *(w[:1].upper() + w[1:] for w in bare.split())])


def dateline_state(text: str, gaz: Gazetteer) -> GazEntry | None:
    """The state of the city an article's dateline names ("TEHRAN - ..." -> Iran)."""
    m = _DATELINE.match(text[:80])
    if m is None:
        return None
    city = m.group(1).strip().title()
    entry = gaz.capital(city) or gaz.lookup(city)
    if entry is not None:
        return entry if entry.type == "Country" else None
    found = places.cities(city)
    if not found:
        return None
    country = places.places().countries.get(found[0].country)
    entry = gaz.lookup(country.name) if country is not None else None
    return entry if entry is not None and entry.type == "Country" else None


def article_bodies(resolver: Resolver, article: Article,
                   mentions: Iterable[Mention]) -> dict[str, Entity]:
    """The state bodies an article names bare, each as its state's body.

    A head word alone ("the Agency") is the one organisation of the article with that head
    ("the International Atomic Energy Agency"); if there are several, it is left as it is.
    A bare "Foreign Ministry" is the Foreign Ministry of the one state the article names
    with that body ("Russia's Foreign Ministry ... the Foreign Ministry"), else (several
    such states) of the last named before it, else of the dateline city's state where the
    sentences naming the body name no state or that one too. A state written just before
    the name ("China's Ministry of National Defense", the possessive outside the NER's
    span) comes first. With none of these it keeps its name, labelled as a body of an
    unnamed state, as a node of this article only: the state an article names most is no
    safe guess ("Navy Capt. Jeff Davis" of the Pentagon, in a report on Iraq).

    Args:
        resolver: The article's resolver (its gazetteer and entity reading).
        article: The article (its dateline).
        mentions: The article's mentions, in text order.

    Returns:
        Bare organisation label ("Foreign Ministry") -> the entity it stands for.
    """
    gaz = resolver.gaz
    owned: dict[tuple[str, ...], list[tuple[int, str, Entity]]] = {}
    bare: dict[str, tuple[int, OrgName]] = {}
    named: dict[str, dict[str, Entity]] = {}
    before_it: dict[str, GazEntry] = {}  # "China's <Ministry of National Defense>"
    sentences: dict[str, set[int]] = {}
    mentions = tuple(mentions)
    for m in mentions:
        last = m.text.rsplit(None, 1)[-1].casefold() if m.text.strip() else ""
        if m.kind == "role" or m.label != "ORG" or (
                last not in _BODY_WORDS and " of " not in m.text):
            continue  # no body's name: not read
        e = resolver.entity_for(m)
        if e is None:
            continue
        if e.type != "Organization":
            continue
        head = e.label.split()[-1].casefold()
        if " " not in e.label and head in HEADS:
            bare.setdefault(e.label, (m.start, OrgName("", (head,))))
            continue
        if head in HEADS:
            named.setdefault(head, {})[e.key] = e
        name = org_name(e.label, gaz)
        if name.generic:
            bare.setdefault(e.label, (m.start, name))
            sentences.setdefault(e.label, set()).add(m.sentence)
            if (state := _owner_before(article.text[max(0, m.start - 40):m.start], gaz)):
                before_it.setdefault(e.label, state)
        elif name.owner and name.body and gaz.by_name(name.owner).type == "Country":
            owned.setdefault(name.body, []).append((m.start, name.owner, e))
    if not bare:
        return {}
    dateline = dateline_state(article.text, gaz)
    states = _sentence_states(resolver, mentions, set().union(*sentences.values()))
    out: dict[str, Entity] = {}
    for label, (start, name) in sorted(bare.items()):
        if not name.generic:  # "Agency": the article's one agency, or left as it is
            if len(found := named.get(name.body[0], {})) == 1:
                out[label] = next(iter(found.values()))
            continue
        seen = sorted(owned.get(name.body, []), key=lambda t: t[0])
        before = [e for s, _, e in seen if s < start]
        # the dateline's state, unless the sentences naming the body name other states only
        # ("the U.S. military: Army, Navy, Marines", in an article from Tehran)
        named_states = {st for i in sentences.get(label, ()) for st in states.get(i, ())}
        local = dateline if dateline is not None and (
            not named_states or dateline.name in named_states) else None
        if label in before_it:
            entry = before_it[label]
            full = state_label(entry, clean_surface(label))
            out[label] = Entity(f"organization/{slug(full)}", "Organization", full)
        elif len({o for _, o, _ in seen}) == 1 or before:  # the article's own name for it
            out[label] = before[-1] if before else seen[0][2]
        elif (entry := local) is not None:
            full = state_label(entry, clean_surface(label))
            out[label] = Entity(f"organization/{slug(full)}", "Organization", full)
        else:
            # some state's body, not known which: one node per article, never merged with
            # another article's (the Foreign Ministry of one report is not of another's)
            out[label] = Entity(f"organization/{slug(label)}-{article.id[:8]}", "Organization",
                                UNNAMED.format(clean_surface(label)))
    return out


_POSSESSIVE = re.compile(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})\s*['\u2019]s?\s+$")
_DEMONYM = re.compile(r"\b([A-Z]\w+)\s+$")


def _owner_before(text: str, gaz: Gazetteer) -> GazEntry | None:
    """The state written just before a name: "China's ", "Russian "."""
    m = _POSSESSIVE.search(text)
    entry = gaz.lookup(m.group(1)) if m else None
    if entry is None and (m := _DEMONYM.search(text)) is not None:
        entry = gaz.demonym(m.group(1))
    return entry if entry is not None and entry.type == "Country" else None


def _sentence_states(resolver: Resolver, mentions: tuple[Mention, ...],
                     wanted: set[int]) -> dict[int, set[str]]:
    """The states each of the ``wanted`` sentences names (as places or actors)."""
    out: dict[int, set[str]] = {}
    for m in mentions:
        if m.sentence in wanted and m.label in ("GPE", "NORP", "ORG") and m.kind != "role":
            e = resolver.entity_for(m)
            if e is not None and e.type == "Country":
                out.setdefault(m.sentence, set()).add(e.label)
    return out


@cache
def _beliefs() -> frozenset[str]:
    text = resources.files("kg.resolve.data").joinpath("beliefs.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and ln[0] != "#")


def not_org(name: str) -> bool:
    """Whether an ORG-tagged name is a religion, an ideology or their followers ("Islam",
    "Takfiri", "Zionism", "Islamophobia"): NORP-like, not an organisation."""
    key = normalize(name).casefold().replace("\u2019", "'")
    return key in _beliefs() or (" " not in key and key.endswith(("ism", "phobia")))
