"""Cross-article linkers for people: transliteration variants and short forms of a name.

Two linkers for :data:`kg.resolve.identity.LINKERS`, run after the type linker:

* :func:`link_person_variants`: "Ibrahim Raisi" and "Ebrahim Raisi", "Hussein Amir
  Abdollahian" and "Hossein Amir Abdollahian" are one person. Names are compared token by
  token on a transliteration key (:func:`translit`), blocked by the consonant skeleton of
  the surname, so only names that could be one are compared (never all pairs). A compound
  given name written joined is split first ("Mohammadreza" = "Mohammad Reza", see
  :class:`kg.resolve.given_names.Compounds`); a surname's last letter left off in a name of
  three words is a typo ("Ali Bagheri Kan").
* :func:`link_person_short_forms`: a surname or a part of a name ("Raisi", "Amir
  Abdollahian", "Faisal bin Farhan", "Saddam", "Rafael Grossi" of "Rafael Mariano
  Grossi", the patronymic "bin Farhan") joins the full name that extends it, where
  the corpus has only one, or where the articles that use the short form name only one
  of the candidates beside it, or share far more of their other actors with one, or
  (a surname with a military rank) where one candidate alone has a rank.

Keys are person keys (:func:`kg.resolve.names.person_key`): honorifics and particles are
already out, so "person/hossein-amir-abdollahian" is read as its tokens.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel, Levenshtein

from kg.resolve import places
from kg.resolve.given_names import Compounds, ranked, title_as_name
from kg.resolve.names import (
    GIVEN_NAME_VARIANTS,
    MEMO_SIZE,
    PARTICLES,
    clean_surface,
    fold,
    person_key,
)
from kg.resolve.remap import Merge

if TYPE_CHECKING:  # identity imports this module for its LINKERS
    from kg.resolve.identity import EntityIndex, EntityInfo
    from kg.resolve.resolver import ResolvedArticle

#: Spelling correspondences of romanised Arabic, Persian, Turkish and Slavic names, folded
#: one way ("Ghalibaf" = "Qalibaf", "Hossein" = "Hussein", "Ebrahim" = "Ibrahim"): digraphs
#: first, then vowels by class. "a" keeps its own class: Hassan and Hossein stay apart.
_DIGRAPHS = (("kh", "x"), ("gh", "k"), ("q", "k"), ("ph", "f"), ("dj", "j"), ("w", "v"),
             ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ei", "i"), ("y", "i"), ("e", "i"),
             ("o", "u"))
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aiu]+")
#: Least similarity (0-1, Levenshtein on transliteration keys) of two tokens taken for one
#: name where one spelling has letters the other leaves out ("Sulaimani"/"Soleimani",
#: "Ahamadian"/"Ahmadian"). A changed letter is a different name ("Khamenei"/"Khomeini",
#: "Hamad"/"Hamid"); shorter tokens must match exactly.
SIMILAR = 0.85
MIN_FUZZY_LEN = 5
#: A one-word name that is a city of this many people is no surname without context.
CITY_POPULATION = 100_000
#: A word that ends full names named in this many times more articles than the full names it
#: opens is read as a surname only.
SURNAME_MARGIN = 5
#: Share of the votes (articles naming one candidate beside the short form) a candidate needs.
VOTE_SHARE = 0.75
#: How far the best candidate's shared co-mentions must outweigh the next one's.
OVERLAP_MARGIN = 2.0
MIN_OVERLAP = 2.0
#: Least share of the short form's own co-mention weight the candidate must share.
OVERLAP_SHARE = 0.08
#: Words before a given name that make it a patronymic, not a surname ("bin Salman").
_PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben"})


@lru_cache(maxsize=MEMO_SIZE)
def translit(token: str) -> str:
    """A token's transliteration key: "ebrahim" and "ibrahim" -> "ibrahim"."""
    t = token.lower()
    for a, b in _DIGRAPHS:
        t = t.replace(a, b)
    return _DOUBLE.sub(r"\1", t)


def _skeleton(key: str) -> str:
    """The consonants of a transliteration key, the block a surname is compared in."""
    return _VOWELS.sub("", key) or key


def _parts(key: str) -> tuple[str, ...]:
    """A person key's tokens, hyphened names split ("mohammad-baqer-qalibaf")."""
    return tuple(GIVEN_NAME_VARIANTS.get(p, p) for p in key.split("/", 1)[1].split("-"))


def _subsequence(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether ``full`` is ``short`` with middle names added ("Rafael Mariano Grossi"). An
    added initial marks another man as often as not (George Bush, George W. Bush)."""
    if short[0] != full[0] or short[-1] != full[-1]:
        return False
    it = iter(full)
    if not all(t in it for t in short):
        return False
    return all(len(t) > 1 for t in full if t not in short)


def _clipped(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two names of three words or more differ only by the last letter the one
    leaves off its surname ("Ali Bagheri Kan", a typo of "Ali Bagheri Kani")."""
    if len(a) < 3 or a[:-1] != b[:-1]:
        return False
    x, y = sorted((a[-1], b[-1]), key=len)
    return len(x) >= 3 and len(y) == len(x) + 1 and y.startswith(x)


def _tokens_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if a[0] != b[0] or min(len(a), len(b)) < MIN_FUZZY_LEN:
        return False
    lev = Levenshtein.distance(a, b)
    return lev == Indel.distance(a, b) and 1 - lev / max(len(a), len(b)) >= SIMILAR



def _rank(info: EntityInfo) -> tuple[int, int, str]:
    """Which of several keys of one person names the node: the most mentioned one."""
    return (-info.mentions, -len(info.articles), info.key)


def link_person_variants(index: EntityIndex, remap: dict[str, str]) -> Iterable[Merge]:
    """Person names spelled differently ("Ibrahim Raisi", "Ebrahim Raisi") become one node."""
    blocks: dict[tuple[int, str], list[tuple[tuple[str, ...], EntityInfo]]] = defaultdict(list)
    people = [i for i in index.of_type("Person") if i.key not in remap]
    compounds = Compounds((i.key for i in people), translit)
    joined: set[str] = set()  # keys with a joined given name split ("Mohammadreza")
    for info in people:
        parts = _parts(info.key)
        split = compounds.tokens(parts)
        if split != parts:
            joined.add(info.key)
        tl = tuple(translit(p) for p in split)
        if len(tl) == 1:
            # one word says too little across articles ("Nasser" the general, "Naser" of
            # Naser Makarem Shirazi; "Rai" a crossing, "Ray" a town): the short-form linker
            # reads it against full names, in context, by the same transliteration keys
            continue
        blocks[(len(tl), _skeleton(tl[-1]))].append((tl, info))
    for block in blocks.values():
        if len(block) < 2:
            continue
        parent = {info.key: info.key for _, info in block}

        def root(k: str, parent: dict[str, str] = parent) -> str:
            while parent[k] != k:
                k = parent[k]
            return k

        for i, (tl_a, a) in enumerate(block):
            for tl_b, b in block[i + 1 :]:
                if all(_tokens_match(x, y) for x, y in zip(tl_a, tl_b, strict=True)) \
                        or _clipped(tl_a, tl_b):
                    ra, rb = root(a.key), root(b.key)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
        groups: dict[str, list[EntityInfo]] = defaultdict(list)
        for _, info in block:
            groups[root(info.key)].append(info)
        for members in groups.values():
            target = min(members, key=_rank)
            for info in members:
                if info is not target:
                    how = "compound-name" if {info.key, target.key} & joined else \
                        "transliteration"
                    yield Merge(info.key, target.key, how)


def _patronymic_tail(info: EntityInfo) -> bool:
    """Whether the name ends in a patronymic ("Mohammed bin Salman"), not a surname."""
    for form in info.forms:
        words = fold(form).split()
        if len(words) >= 2 and words[-2] in _PATRONYMIC:
            return True
    return False


def _patronymics(form: str) -> list[str]:
    """The names a form writes after "bin", "ibn" ("Faisal bin Farhan Al Saud": farhan)."""
    words = fold(form).split()
    return [words[i + 1].strip(".,'’") for i in range(len(words) - 1)
            if words[i] in _PATRONYMIC]


def _articles_of(keys: set[str], ents: dict[str, EntityInfo]) -> int:
    """How many articles name the people of ``keys``, summed."""
    return sum(len(ents[k].articles) for k in keys)


def _has_particle(info: EntityInfo) -> bool:
    """Whether a form of the name writes a particle before its last word ("al-Haq",
    "Bashar al-Assad", "Thabet Al Abbasi")."""
    for form in info.forms:
        words = fold(form).split()
        if not words:
            continue
        if "-" in words[-1] and words[-1].split("-", 1)[0] in PARTICLES:
            return True
        if len(words) >= 2 and words[-2] in PARTICLES:
            return True
    return False


def _historic_title(info: EntityInfo) -> bool:
    """A name written after "Imam" (Imam Ali, Imam Hussein): a figure of history named by a
    given name alone, not a short form of a living namesake."""
    return any(fold(f).startswith("imam ") for f in info.forms)


class _ShortForms:
    """The state of :func:`link_person_short_forms`: full names indexed by their ends."""

    def __init__(self, index: EntityIndex, remap: dict[str, str]) -> None:
        self.index = index
        self.remap = remap
        self.local: dict[str, str] = {}
        everyone = index.of_type("Person")
        self.people = [i for i in everyone if i.key not in remap]
        self.tl = {i.key: tuple(translit(p) for p in _parts(i.key)) for i in everyone}
        self.by_last: dict[str, list[str]] = defaultdict(list)
        self.by_first: dict[str, list[str]] = defaultdict(list)
        # a full name an earlier linker merged still names its node: "Mohammed bin
        # Abdulrahman" extends to "... Abdulrahman Al Thani", now "Abdul Rahman Al Thani"
        for info in everyone:
            tl = self.tl[info.key]
            if len(tl) >= 2:
                self.by_last[tl[-1]].append(info.key)
                self.by_first[tl[0]].append(info.key)
        for info in self.people:  # "Sardar Baqeri", a major general: the surname alone
            tl = self.tl[info.key]
            read = title_as_name(tl, info, self.is_given)
            if read != tl:
                self.tl[info.key] = read
                self.by_last[tl[-1]].remove(info.key)
                self.by_first[tl[0]].remove(info.key)
        #: A patronymic's name -> the full names that write it ("bin Farhan": Faisal bin
        #: Farhan Al Saud), for a patronymic named alone ("Mr. bin Farhan").
        self.by_patronymic: dict[str, list[str]] = defaultdict(list)
        for info in everyone:
            if len(self.tl[info.key]) >= 2:
                for word in sorted({w for f in info.forms for w in _patronymics(f)}):
                    self.by_patronymic[translit(word)].append(info.key)
        #: Middle words that are half of a compound given name ("reza" of "Alireza").
        self.tails = Compounds((i.key for i in self.people), translit).tails
        self.n_articles = max(1, len(index.articles))
        self._by_id: dict[str, ResolvedArticle] | None = None
        self._neighbours: dict[str, Counter[str]] = {}

    def nodes(self, keys: Iterable[str]) -> set[str]:
        """The person nodes some names are now, each once (two spellings of one name
        are one candidate)."""
        ents = self.index.entities
        return {r for r in map(self.root, keys) if r in ents and ents[r].type == "Person"}

    def apart(self, a: str, b: str) -> bool:
        """Whether an article names the people of keys ``a`` and ``b`` in one sentence,
        each by the name of its key (not a short form: "Like Che Guevara's letter, read
        after Ernesto Guevara's death" names one man)."""
        ents = self.index.entities
        shared = ents[a].articles & ents[b].articles
        if not shared:
            return False
        if self._by_id is None:
            self._by_id = {ra.article.id: ra for ra in self.index.articles}
        for aid in sorted(shared):
            ra = self._by_id[aid]
            names = [{f for f in ra.surface_forms.get(k, ()) if f"person/{person_key(f)}" == k}
                     for k in (a, b)]
            said = [{m.sentence for m in ra.extraction.mentions
                     if clean_surface(m.text) in forms} for forms in names]
            if said[0] & said[1]:
                return True
        return False

    def is_given(self, word: str) -> bool:
        """Whether ``word`` (a transliteration key) opens names at least a fifth as often
        as it ends them: a given name ("Ali"), not a surname ("Baqeri", once the first
        word of "Bagheri Kani")."""
        ents = self.index.entities
        opens = _articles_of(self.nodes(self.by_first.get(word, ())), ents)
        return opens > 0 and SURNAME_MARGIN * opens >= _articles_of(
            self.nodes(self.by_last.get(word, ())), ents)

    def root(self, key: str) -> str:
        seen = set()
        while key not in seen:
            seen.add(key)
            nxt = self.local.get(key) or self.remap.get(key)
            if nxt is None:
                return key
            key = nxt
        return key

    def candidates(self, info: EntityInfo) -> tuple[str, set[str]]:
        """The kind of match ("surname", "partial-name", "given-name") and the full names."""
        tl = self.tl[info.key]
        n = len(tl)
        ents = self.index.entities
        found: set[str] = set()
        short_particle = n == 1 and _has_particle(info)
        for k in self.by_last[tl[-1]]:
            full = self.tl[k]
            if len(full) <= n:
                continue
            if n == 1:
                # "al-Haq" (a group) is not Sirajul Haq: a particle the short form
                # writes, the full name writes too ("al-Assad", Bashar al-Assad)
                if not _patronymic_tail(ents[k]) and (
                        not short_particle or _has_particle(ents[k])):
                    found.add(k)
            elif full[-n:] == tl:
                found.add(k)
            elif _subsequence(tl, full) and not self.apart(info.key, k):
                # both in one article are one man named twice ("Rafael Mariano Grossi",
                # later "Rafael Grossi": the resolver leaves them apart), unless one sentence
                # names both: two men ("John Adams, John Quincy Adams")
                found.add(k)
        if n >= 2:  # "Faisal bin Farhan" of "Faisal bin Farhan Al Saud"
            found |= {k for k in self.by_first[tl[0]]
                      if len(self.tl[k]) > n and self.tl[k][:n] == tl}
        if n >= 3 and _patronymic_tail(info):
            # a grandfather's name at the end ("Faisal bin Farhan bin Abdullah") where others
            # write the family's ("Faisal bin Farhan Al Saud"): one man's fuller name
            found |= {k for k in self.by_first[tl[0]]
                      if len(self.tl[k]) >= n and self.tl[k][: n - 1] == tl[:-1]}
        if n == 1 and _patronymic_tail(info):  # "Mr. bin Farhan": the patronymic alone
            found |= set(self.by_patronymic.get(tl[0], ()))
        kind = "surname" if n == 1 else "partial-name"
        found = self.nodes(found)
        if n == 1:
            # a word that opens other names may be a given name ("Ayatollah Ebrahim"):
            # those names are candidates too, and a given name needs its articles' word
            given = self.nodes(k for k in self.by_first[tl[0]] if len(self.tl[k]) > 1)
            if found and given and (_articles_of(found, ents)
                                    >= SURNAME_MARGIN * _articles_of(given, ents)):
                # far more often a surname than a given name: "Qalibaf" ends Mohammad Baqer
                # Qalibaf (24 articles) and opens one misread name ("Qalibaf Sobh-e-No")
                given = set()
            if _historic_title(info):
                # a word that opens many more names than it ends is a given name: "Imam
                # Ali" is no Ali of now ("Khomeini Hosseinieh" is a hall named after him)
                if len(given) > 3 * max(1, len(found)):
                    return kind, set()
                given = set()  # a surname: "Imam Khomeini" is Ruhollah Khomeini
            if given:
                kind = "given-name"
            found |= given
        roots = {self.root(k) for k in found} - {info.key}
        return kind, {r for r in roots if r in ents and ents[r].type == "Person"}

    def neighbours(self, key: str) -> Counter[str]:
        """The other entities named in the articles naming ``key``, with how many."""
        got = self._neighbours.get(key)
        if got is None:
            got = Counter()
            for aid in sorted(self.index.entities[key].articles):
                got.update(k for k in self.index.by_article[aid] if k != key)
            self._neighbours[key] = got
        return got

    def by_votes(self, info: EntityInfo, cands: set[str], least: int = 1) -> str | None:
        """The candidate the articles of the short form name beside it, if at least
        ``least`` of them do and they agree."""
        votes: Counter[str] = Counter()
        for aid in sorted(info.articles):
            near = {self.root(k) for k in self.index.by_article[aid]} & cands
            if len(near) == 1:
                votes[next(iter(near))] += 1
        if not votes:
            return None
        (best, n), *_ = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        return best if n >= max(least, VOTE_SHARE * sum(votes.values())) else None

    def by_overlap(self, info: EntityInfo, cands: set[str]) -> str | None:
        """The candidate sharing far more co-mentioned actors (rare ones weigh more)."""
        mine = self.neighbours(info.key)
        own = sum(self._weight(e) for e in mine) or 1.0
        scores = []
        for c in sorted(cands):
            shared = mine.keys() & self.neighbours(c).keys()
            scores.append((sum(self._weight(e) for e in shared), c))
        scores.sort(key=lambda sc: (-sc[0], sc[1]))
        best = scores[0]
        second = scores[1][0] if len(scores) > 1 else 0.0
        if (best[0] >= MIN_OVERLAP and best[0] >= OVERLAP_MARGIN * second
                and best[0] >= OVERLAP_SHARE * own):
            return best[1]
        return None

    def _weight(self, key: str) -> float:
        """How much sharing ``key`` says: an actor few articles name says more."""
        info = self.index.entities.get(key)
        return math.log(self.n_articles / len(info.articles)) if info and info.articles else 0.0

    def _alone(self, info: EntityInfo, cands: set[str], kind: str) -> str | None:
        """The reason the one candidate may be taken without context, if it may: a surname
        alone; a name the full one only adds to at the end ("Faisal bin Farhan" + "Al
        Saud"); a first and last name the full one adds one middle word to ("Mohammed
        Sudani" of "Mohammed Shia al-Sudani") where their articles name some actor in
        common, unless that word is half of a compound given name (Mohammad [Reza] Khatami
        are brothers). A name with more added in the middle
        may be a son's (John [Quincy] Adams); one with its first name left out, a father's
        ("Reza Pahlavi" is not Mohammad Reza Pahlavi); a surname that is also a large
        city's name, the city the NER misread ("Yazd" is not the newspaper Aftab Yazd): the
        context decides those."""
        tl = self.tl[info.key]
        if len(tl) == 1:
            big = any(p.population >= CITY_POPULATION for p in places.cities(info.label))
            return None if big else kind
        cand = next(iter(cands))
        full = self.tl[cand]
        if full[: len(tl)] == tl:
            return kind
        if len(tl) >= 3 and full[: len(tl) - 1] == tl[:-1] and _patronymic_tail(info):
            return "patronymic"  # "Faisal bin Farhan [bin Abdullah]" of "... Al Saud"
        if (len(tl) == 2 and len(full) == 3 and (full[0], full[2]) == tl
                and full[1] not in self.tails
                and self.neighbours(info.key).keys() & self.neighbours(cand).keys()):
            return "middle-name"  # and some actor in common: not a namesake of other news
        return None

    def run(self) -> Iterator[Merge]:
        # longer short forms first: "Amir Abdollahian" joins its full name before
        # "Abdollahian" looks for candidates, so it finds one node, not two
        for info in sorted(self.people, key=lambda i: (-len(self.tl[i.key]), i.key)):
            if self.root(info.key) != info.key:
                continue
            kind, cands = self.candidates(info)
            if not cands:
                continue
            target, how = None, kind
            alone = None if len(cands) != 1 or kind == "given-name" else \
                self._alone(info, cands, kind)
            if alone is not None:
                target, how = next(iter(cands)), alone
            else:
                least = 2 if kind == "given-name" else 1
                target, how = self.by_votes(info, cands, least), f"{kind}-context"
                if target is None and kind != "given-name":
                    target = self.by_overlap(info, cands)
                if target is None and kind == "surname" and ranked(info):
                    # "General Baqeri": the one candidate with a military rank
                    soldiers = [c for c in sorted(cands) if ranked(self.index.entities[c])]
                    target = soldiers[0] if len(soldiers) == 1 else None
            if target is not None:
                self.local[info.key] = target
                yield Merge(info.key, target, how)


def link_person_short_forms(index: EntityIndex, remap: dict[str, str]) -> Iterable[Merge]:
    """A surname or part of a name joins the one full name that extends it (context decides
    between several; different people stay apart)."""
    return list(_ShortForms(index, remap).run())
