"""Canonical entities for one article's mentions, and typed, generalised relations.

:class:`Resolver` is pure (no I/O after the gazetteer is loaded): it maps each
mention of an :class:`~kg.model.Extraction` to a canonical entity key, checks
relation argument types against the guidelines, turns role mentions into
``memberOf`` facts, and generalises officials' and ministries' acts to their
state. Cross-article decisions (a surname seen alone in one article and in
full in another, the final label of an entity) are made by :mod:`kg.resolve.identity`
and :func:`choose_label` once every article is resolved.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources

from kg.extract.lexicon import Lexicon
from kg.model import Argument, Article, Entity, EventMention, Extraction, Mention
from kg.resolve import places
from kg.resolve.gazetteer import GazEntry, Gazetteer
from kg.resolve.geochain import through_addresses
from kg.resolve.names import (
    HONORIFICS,
    clean_surface,
    fold,
    person_key,
    person_label,
    person_tokens,
    slug,
    strip_honorifics,
)
from kg.resolve.orgs import article_bodies, not_org
from kg.schema import Schema

DEPARTMENT_FIX = {"defence": "Defense"}


@dataclass(frozen=True, slots=True)
class Ref:
    """A resolved argument: an entity key or an event (article id + offset)."""

    kind: str  # "entity" | "event"
    key: str


@dataclass(frozen=True, slots=True)
class ResolvedRelation:
    """A relation between resolved arguments, with its evidence sentence."""

    subject: Ref
    predicate: str
    object: Ref
    sentence: int
    rule: str
    confidence: float
    speaker: str | None = None


@dataclass
class ResolvedArticle:
    """One article's canonical entities, events and relations."""

    article: Article
    extraction: Extraction
    entities: dict[str, Entity] = field(default_factory=dict)
    surface_forms: dict[str, Counter[str]] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=dict)
    events: dict[str, EventMention] = field(default_factory=dict)
    relations: list[ResolvedRelation] = field(default_factory=list)
    #: An event's date phrase that names no certain day ("on Tuesday", undated article).
    event_when: dict[str, str] = field(default_factory=dict)


@cache
def _word_list(name: str) -> tuple[str, ...]:
    text = resources.files("kg.resolve.data").joinpath(name).read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def _state_bodies() -> tuple[str, ...]:
    return _word_list("state_bodies.txt")


class Resolver:
    """Map one article's mentions to canonical entities.

    Args:
        gazetteer: Countries, organisations and places with their aliases.
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or Gazetteer.default()

    # ---------------------------------------------------------------- entities
    def entity_for(self, m: Mention, people: dict[str, str] | None = None) -> Entity | None:
        """The canonical entity a mention names, or None where it names none we keep.

        Args:
            m: The mention.
            people: Surname (folded) -> full name, from this article's longer mentions.
        """
        text = clean_surface(m.text)
        if not text or m.kind == "role":  # a title names no entity
            return None
        toks = person_tokens(text)
        if (
            m.label != "PERSON"
            and people
            and len(toks) == 1
            and toks[0] in people
            and self.gaz.lookup(text) is None
            and self.gaz.capital(text) is None
        ):
            return self._person(text, people)  # a surname the NER took for an ORG or place
        place = places.place_name(text, m.label)  # "Ore.", "BEIRUT", towns tagged PERSON/ORG
        if place is not None and not (m.acting and self.gaz.capital(text) is not None):
            return Entity(f"location/{slug(place)}", "Location", place)
        entry = self.gaz.lookup(text)
        if entry is not None:  # a gazetteer name beats the NER label ("Reuters" tagged PERSON)
            return _entity(entry)
        cap = self.gaz.capital(text)
        if cap is not None and m.label != "PERSON":
            if m.acting:
                return _entity(cap)
            return Entity(f"location/{slug(text)}", "Location", text)
        dem = self.gaz.demonym(text)
        if dem is not None and m.label in ("NORP", "GPE", "ORG", "LOC"):
            return _entity(dem)
        words = text.split()
        if (
            m.label == "ORG"
            and len(words) == 2
            and words[1].lower() in Lexicon.default().actor_nouns
        ):
            state = self.gaz.demonym(words[0]) or self.gaz.lookup(words[0])  # "American Forces"
            if state is not None and state.type == "Country":
                return _entity(state)
        if m.label == "NORP":
            return None
        if m.label == "PERSON":
            return self._person(text, people or {})
        if m.label == "ORG":
            name = self._body_name(text) or _drop_trailing_rank(text)
            if len(name) < 2 or not any(c.isalpha() for c in name) or not_org(name):
                return None
            return Entity(f"organization/{slug(name)}", "Organization", name)
        if m.label in ("GPE", "LOC", "FAC"):
            if len(text) < 2 or fold(text) in _word_list("not_entities.txt"):
                return None
            if re.search(r"(?:ern|ean|ian)$", text.split()[-1]):  # "Eastern European": an adjective
                return None
            return Entity(f"location/{slug(text)}", "Location", text)
        return None

    def _person(self, text: str, people: dict[str, str]) -> Entity | None:
        name = strip_honorifics(text)
        toks = person_tokens(name)
        if not toks:
            return None
        if len(toks) == 1 and toks[0] in people:
            name = people[toks[0]]
        elif toks and toks[-1] in people:  # "Amir Abdollahian" of "Hossein Amir Abdollahian"
            full = person_tokens(people[toks[-1]])
            if len(full) > len(toks) and full[-len(toks):] == toks:
                name = people[toks[-1]]
        if not re.search(r"[A-Za-zÀ-ÿ]", name):
            return None
        return Entity(f"person/{person_key(name)}", "Person", name)

    def _body_name(self, text: str) -> str | None:
        """Canonical name of a state body.

        "Ministry of Defense of Turkey" -> "Turkish Defense Ministry".
        """
        words = text.split()
        low = [w.lower() for w in words]
        m = re.match(r"(?i)^ministry of (?:the )?([a-z ]+?)(?: of (?:the )?(.+))?$", text)
        if m:
            dept = " ".join(
                DEPARTMENT_FIX.get(w.lower(), w.capitalize()) for w in m.group(1).split()
            )
            owner = self.gaz.lookup(m.group(2)) if m.group(2) else None
            demonym = owner.demonyms[0] if owner is not None and owner.demonyms else ""
            return f"{demonym} {dept} Ministry".strip()
        if low and low[-1] in ("ministry", "ministries") and len(words) >= 2:
            head = self.gaz.demonym(words[0]) or self.gaz.lookup(words[0])
            if head is not None:
                demonym = head.demonyms[0] if head.demonyms else words[0]
                rest = [DEPARTMENT_FIX.get(w.lower(), w.capitalize()) for w in words[1:-1]]
                return " ".join([demonym, *rest, "Ministry"])
        return None

    def owner_state(self, entity: Entity) -> GazEntry | None:
        """The state a state body belongs to, read from its name ("Russian Defense Ministry")."""
        if entity.type != "Organization":
            return None
        name = fold(entity.label)
        if not any(name.endswith(b) or f" {b} " in f" {name} " for b in _state_bodies()):
            return None
        words = entity.label.split()
        head = self.gaz.demonym(words[0]) or self.gaz.lookup(words[0])
        if head is None and " of " in entity.label:
            head = self.gaz.lookup(entity.label.rsplit(" of ", 1)[1])
        return head if head is not None and head.type == "Country" else None

    # ----------------------------------------------------------------- article
    def resolve(self, article: Article, ex: Extraction) -> ResolvedArticle:
        """Resolve one article's extraction."""
        out = ResolvedArticle(article, ex)
        people = _people_index(ex.mentions)
        keys: dict[tuple[int, int, bool, str], str] = {}
        person_states: dict[str, set[str]] = {}
        longer = self._longer_org_names(ex.mentions)
        acronyms = _defined_acronyms(article.text, ex.mentions)
        bodies = article_bodies(self, article, ex.mentions)  # "the Navy": the article's state's

        def ent_key(m: Mention) -> str | None:
            if m.kind == "government":  # "the Assad government": the leader's state, once known
                person = ent_key(Mention(m.start, m.end, m.text, "PERSON", m.sentence, True))
                states = person_states.get(person or "", set())
                return next(iter(sorted(states))) if len(states) == 1 else person
            k = (m.start, m.end, m.acting, m.label)
            if k in keys:
                return keys[k]
            defined = acronyms.get(clean_surface(m.text))
            e = self.entity_for(defined if defined is not None else m, people)
            if e is None:
                keys[k] = ""
                return None
            e = bodies.get(e.label, e) if e.type == "Organization" else e
            if e.type == "Organization" and e.label in longer:
                e = Entity(f"organization/{slug(longer[e.label])}", "Organization", longer[e.label])
            if e.type == "Location":
                for part in _border_states(e.label, self.gaz):
                    state = _entity(part)
                    out.entities.setdefault(state.key, state)
                    out.surface_forms.setdefault(state.key, Counter())
            prev = out.entities.get(e.key)
            if prev is None or (e.type == "Person" and len(e.label) > len(prev.label)):
                out.entities[e.key] = e
            form = clean_surface(m.text)
            forms = out.surface_forms.setdefault(e.key, Counter())
            # a capital or seat standing for its state is another entity's name, not an alias
            metonym = (
                e.type == "Country"
                and self.gaz.lookup(form) is None
                and self.gaz.demonym(form) is None
            )
            if not metonym:
                forms[form] += 1
            keys[k] = e.key
            return e.key

        for m in ex.mentions:
            ent_key(m)
            if (
                m.label in ("GPE", "LOC", "FAC")
                and m.acting
                and self.gaz.capital(clean_surface(m.text))
            ):
                # a capital counts as mentioned in both readings only where it acts; the
                # place reading is added by relations that need it (heldIn, locatedIn)
                pass

        def ref(a: Argument) -> Ref | None:
            if isinstance(a, EventMention):
                ekey = f"{article.id}-{a.start}"
                out.events[ekey] = replace(a, date=event_date(a.date, article.date))
                if a.date and out.events[ekey].date is None:
                    phrase = a.date.lower().strip()
                    out.event_when[ekey] = re.sub(r"^(?:on|in|during|at)\s+", "", phrase)
                return Ref("event", ekey)
            k = ent_key(a)
            return Ref("entity", k) if k else None

        resolved: list[ResolvedRelation] = []
        # titles first, so that "the Assad government" can be read as Syria everywhere
        ordered = sorted(ex.relations, key=lambda r: r.predicate != "memberOf")
        for r in ordered:
            s = ref(r.subject)
            if s is None:
                continue
            if (
                r.predicate == "memberOf"
                and isinstance(r.object, Mention)
                and r.object.kind == "role"
            ):
                out.roles.setdefault(s.key, set()).add(clean_surface(r.object.text))
                body = self._role_body(r.object.text, out)
                if body is not None:
                    resolved.append(
                        ResolvedRelation(
                            s,
                            "memberOf",
                            Ref("entity", body),
                            r.sentence,
                            "title:body",
                            r.confidence,
                        )
                    )
                continue
            o = ref(r.object)
            if o is None or s == o:
                continue
            speaker = ent_key(r.speaker) if r.speaker is not None else None
            rr = ResolvedRelation(
                s, r.predicate, o, r.sentence, r.rule, r.confidence, speaker or None
            )
            if not self._type_ok(rr, out, object_from_host=r.object_from_host):
                continue
            resolved.append(rr)
            if (
                rr.predicate == "memberOf"
                and out.entities[s.key].type == "Person"
                and out.entities[o.key].type == "Country"
            ):
                person_states.setdefault(s.key, set()).add(o.key)

        # state bodies are part of their state, and act for it
        for key, ent in list(out.entities.items()):
            owner = self.owner_state(ent)
            if owner is not None:
                state = _entity(owner)
                out.entities.setdefault(state.key, state)
                out.surface_forms.setdefault(state.key, Counter())
                sent = _first_sentence(ex, out.surface_forms[key])
                resolved.append(
                    ResolvedRelation(
                        Ref("entity", key),
                        "partOf",
                        Ref("entity", state.key),
                        sent,
                        "name:state-body",
                        0.85,
                    )
                )
                person_states.setdefault(key, set()).add(state.key)

        general = [g for g in _generalise(resolved, person_states) if not self._own_place(g, out)]
        # a state does not visit its own capital (a dateline "TEHRAN -" misread as the visitor)
        resolved = [r for r in resolved if r.predicate != "visits" or not self._own_place(r, out)]
        out.relations = _dedupe(resolved + general
                                + through_addresses(resolved))  # "of Chattanooga, Tenn."
        return out

    def _own_place(self, r: ResolvedRelation, out: ResolvedArticle) -> bool:
        """A state's act generalised onto a place of its own: "Iran visits Tehran" from an
        Iranian minister's visit to Tehran says nothing."""
        obj = out.entities.get(r.object.key) if r.object.kind == "entity" else None
        if obj is None or obj.type != "Location":
            return False
        cap = self.gaz.capital(obj.label)
        return cap is not None and _entity(cap).key == r.subject.key

    def _longer_org_names(self, mentions: Iterable[Mention]) -> dict[str, str]:
        """Short org names that a longer one in the same article subsumes.

        "Turkish Ministry" -> "Turkish Defense Ministry": same first and last word,
        and every word of the short name in the long one.
        """
        names = sorted(
            {
                e.label
                for m in mentions
                if m.label == "ORG"
                for e in [self.entity_for(m)]
                if e is not None and e.type == "Organization"
            }
        )
        out: dict[str, str] = {}
        for short in names:
            sw = short.lower().split()
            if len(sw) < 2:
                continue
            for long_ in names:
                lw = long_.lower().split()
                subsumes = (
                    len(lw) > len(sw) and (lw[0], lw[-1]) == (sw[0], sw[-1]) and set(sw) <= set(lw)
                )
                if subsumes and (short not in out or len(long_) < len(out[short])):
                    out[short] = long_
        return out

    def _role_body(self, role: str, out: ResolvedArticle) -> str | None:
        """The state body of a role, if the article names it.

        "Russian Defense Minister" -> the article's "Russian Defense Ministry" entity.
        """
        words = role.split()
        for i, w in enumerate(words):
            if w.lower() in ("minister", "ministers"):
                candidate = self._body_name(" ".join([*words[:i], "Ministry"]))
                if candidate:
                    key = f"organization/{slug(candidate)}"
                    if key in out.entities:
                        return key
        return None

    def _type_ok(
        self, r: ResolvedRelation, out: ResolvedArticle, *, object_from_host: bool = False
    ) -> bool:
        """Whether the relation's domain and range (``ontology/kg.ttl``) allow the types.

        A place read from a meeting's host must not be a country (see
        :attr:`kg.model.Relation.object_from_host`).
        """
        spec = Schema.default().get(r.predicate)
        if spec is None:
            return False
        return (
            spec.accepts_subject(_type_of(r.subject, out))
            and spec.accepts_object(_type_of(r.object, out))
            and not (object_from_host and _type_of(r.object, out) == "Country")
        )


def event_date(phrase: str | None, published: str | None) -> str | None:
    """The ISO date a date phrase denotes, or None unless day, month and year are certain.

    "December 28, 2022" is absolute; "Tuesday" or "last week" needs the article's
    publication date, and without one nothing is guessed.
    """
    if not phrase:
        return None
    has_year = re.search(r"\b(1[89]|20)\d{2}\b", phrase) is not None
    if not has_year and not published:
        return None
    weekday = re.fullmatch(
        r"(?:on\s+|last\s+|this\s+(?:past\s+)?)?(monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday)",
        phrase.strip().lower(),
    )
    if weekday and published:  # news reports the latest such day, on or before publication
        base = date.fromisoformat(published)
        days = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        return (
            base - timedelta(days=(base.weekday() - days.index(weekday.group(1))) % 7)
        ).isoformat()
    import dateparser  # imported here: slow to import, and most builds need few dates

    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if published:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(published)
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return parsed.date().isoformat() if parsed is not None else None


def _drop_trailing_rank(text: str) -> str:
    """ "Navy Capt" (of "Navy Capt. Jeff Davis") -> "Navy": a rank names no body."""
    words = text.split()
    while len(words) > 1 and words[-1].lower().strip(".") in HONORIFICS:
        words.pop()
    return " ".join(words)


def _defined_acronyms(text: str, mentions: Iterable[Mention]) -> dict[str, Mention]:
    """Acronyms the article defines: "the Kurdistan Free Life Party (PJAK)" -> PJAK = that name."""
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.label not in ("ORG", "GPE", "LOC", "FAC", "NORP"):
            continue
        after = re.match(r"\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)", text[m.end : m.end + 20])
        if after and after.group(1).isupper() and after.group(1) != clean_surface(m.text):
            out.setdefault(after.group(1), m)
    return out


def _border_states(label: str, gaz: Gazetteer) -> list[GazEntry]:
    """The states a border is named from: "Iraq-Syria border" -> Iraq, Syria."""
    m = re.match(r"^(.+?)\s*[-–]\s*(.+?) border$", label, flags=re.IGNORECASE)
    if not m:
        return []
    parts = [gaz.lookup(m.group(1)), gaz.lookup(m.group(2))]
    return [p for p in parts if p is not None and p.type == "Country"]


def _type_of(ref: Ref, out: ResolvedArticle) -> str:
    if ref.kind == "event":
        return out.events[ref.key].type
    return out.entities[ref.key].type


def _entity(entry: GazEntry) -> Entity:
    return Entity(
        f"{entry.type.lower()}/{slug(entry.name)}", entry.type, entry.name, entry.wikidata or None
    )


def _people_index(mentions: Iterable[Mention]) -> dict[str, str]:
    """Surname (and given name) -> the longest full name that ends with it in this article."""
    index: dict[str, str] = {}
    for m in mentions:
        if m.label != "PERSON":
            continue
        name = strip_honorifics(clean_surface(m.text))
        toks = person_tokens(name)
        if len(toks) < 2:
            continue
        last = toks[-1]
        if last not in index or len(name) > len(index[last]):
            index[last] = name
    return index


def _first_sentence(ex: Extraction, forms: Counter[str]) -> int:
    for m in ex.mentions:
        if clean_surface(m.text) in forms:
            return m.sentence
    return 0


def _generalise(
    relations: list[ResolvedRelation], states: dict[str, set[str]]
) -> list[ResolvedRelation]:
    """An official's or state body's act is also its state's act (GUIDELINES: roles generalise).

    Which relations are acts that generalise is the ontology's ``kgo:generalisesToState``.
    """
    schema = Schema.default()
    out = []
    for r in relations:
        spec = schema.get(r.predicate)
        if spec is None or not spec.generalises or r.subject.key not in states:
            continue
        for state in sorted(states[r.subject.key]):
            if state != r.object.key:
                out.append(
                    ResolvedRelation(
                        Ref("entity", state),
                        r.predicate,
                        r.object,
                        r.sentence,
                        r.rule + "+state",
                        round(r.confidence * 0.9, 3),
                        r.speaker,
                    )
                )
    return out


def _dedupe(relations: list[ResolvedRelation]) -> list[ResolvedRelation]:
    best: dict[tuple, ResolvedRelation] = {}
    for r in relations:
        k = (r.subject, r.predicate, r.object, r.sentence)
        if k not in best or r.confidence > best[k].confidence:
            best[k] = r
    # operatesIn is presence without a claim of control: where the article says the actor
    # occupies the place, it adds nothing ("Turkish forces in Syria" beside "occupied")
    held = {(r.subject, r.object) for r in best.values() if r.predicate == "occupies"}
    return [r for r in best.values()
            if r.predicate != "operatesIn" or (r.subject, r.object) not in held]


def choose_label(entity: Entity, forms: Counter[str]) -> str:
    """The canonical label: the gazetteer's name, else the most used full form."""
    if entity.wikidata or entity.type == "Country":
        return entity.label
    if not forms:
        return entity.label
    # ties go to the form seen first (forms are counted in a fixed article order)
    if entity.type == "Person":
        return person_label(forms)
    if entity.label.isupper() and len(entity.label) > 4:  # "TEHRAN" of a dateline
        cased = [f for f in forms if fold(f) == fold(entity.label) and not f.isupper()]
        if cased:
            return min(cased, key=lambda f: -forms[f])
    if entity.label in forms or fold(entity.label) not in {fold(f) for f in forms}:
        return entity.label
    return min(forms, key=lambda f: -forms[f])
