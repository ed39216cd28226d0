"""Given names across articles: nicknames, compound given names, titles read as names.

Helpers and one linker for :mod:`kg.resolve.people_links` and :data:`kg.resolve.identity.LINKERS`:

* :func:`link_person_nicknames`: "Joe Biden" and "Joseph Biden" are one person: a given
  name that the English hypocoristics table of the ``nicknames`` package (a maintained,
  hand-curated list) gives as a nickname of the other, the rest of the name the same. Only
  where the corpus has one such formal name ("Chris Smith" stays apart if both a
  Christopher and a Christine Smith are named).
* :class:`Compounds`: Persian and Arabic compound given names are written joined or spaced
  ("Mohammadreza" / "Mohammad Reza", "Alireza" / "Ali Reza", "Abdulaziz" / "Abdul
  Aziz"). A joined word is split where both parts are given names of the corpus, so the
  two spellings get one transliteration key.
* :func:`title_as_name`: "Sardar" is an IRGC commander's title ("Sardar Baqeri") and a
  given name (Sardar Azmoun, the footballer). It is read as the title where the person is
  given a military rank and the word after it is a surname of the corpus, not a given name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING

from nicknames import NickNamer

from kg.resolve.names import GIVEN_NAME_VARIANTS
from kg.resolve.remap import Merge

if TYPE_CHECKING:  # identity imports this module for its LINKERS
    from kg.resolve.identity import EntityIndex, EntityInfo

#: Least length of each part of a joined compound given name ("Ali" + "reza").
MIN_PART = 3
#: Words that are a title before a surname and a given name too (Persian "Sardar",
#: commander, for IRGC generals), as transliteration keys.
AMBIGUOUS_TITLES = frozenset({"sardar"})
#: Role words that give a person a military rank (the title reading of "Sardar").
_RANKS = frozenset({"general", "commander", "colonel", "brigadier", "admiral", "lieutenant",
                    "major", "captain", "marshal", "gen", "gen.", "brig", "col"})

Translit = Callable[[str], str]


@cache
def _nicknamer() -> NickNamer:
    return NickNamer()


@cache
def formal_names(given: str) -> frozenset[str]:
    """The formal given names ``given`` is a nickname of ("joe" -> joseph, joshua)."""
    return frozenset(_nicknamer().canonicals_of(given))


def _parts(key: str) -> tuple[str, ...]:
    return tuple(GIVEN_NAME_VARIANTS.get(p, p) for p in key.split("/", 1)[1].split("-"))


def _rank(info: EntityInfo) -> tuple[int, int, str]:
    return (-info.mentions, -len(info.articles), info.key)


def link_person_nicknames(index: EntityIndex, remap: dict[str, str]) -> Iterable[Merge]:
    """A name whose given name is a nickname joins the one name of the corpus with the
    formal given name and the same other words ("Joe Biden" = "Joseph Biden")."""
    by_rest: dict[tuple[str, ...], dict[str, EntityInfo]] = defaultdict(dict)
    for info in index.of_type("Person"):
        parts = _parts(info.key)
        if info.key not in remap and len(parts) >= 2:
            by_rest[parts[1:]][parts[0]] = info  # one key per name: one info per first word
    for rest in sorted(by_rest):
        firsts = by_rest[rest]
        for nick in sorted(firsts):
            formal = [f for f in formal_names(nick) if f in firsts and f != nick]
            if len(formal) != 1:  # none, or two people the nickname may be ("Joe": Joseph,
                continue  # Joshua)
            # the name most used keys the node ("Joe Biden", not the one "Joseph Biden")
            target, source = sorted((firsts[nick], firsts[formal[0]]), key=_rank)
            yield Merge(source.key, target.key, "nickname")


class Compounds:
    """Joined compound given names of one corpus, split into their parts.

    Args:
        keys: Person keys of the corpus.
        translit: The transliteration key of a token.
    """

    def __init__(self, keys: Iterable[str], translit: Translit) -> None:
        self.translit = translit
        #: Transliteration key of a given name -> the name as keys write it.
        self.given: dict[str, str] = {}
        names = [_parts(key) for key in sorted(keys)]
        for parts in names:
            for p in parts[:-1]:
                if len(p) >= MIN_PART:
                    self.given.setdefault(translit(p), p)
        for variant, canon in sorted(GIVEN_NAME_VARIANTS.items()):
            self.given.setdefault(translit(variant), canon)
        #: Transliteration keys of the second parts of the corpus' joined given names
        #: ("reza" of "Mohammadreza"): a middle word that is one may be half of a given
        #: name (Mohammad Reza Khatami is not Mohammad Khatami, his brother).
        self.tails: set[str] = set()
        self._memo: dict[str, tuple[str, ...]] = {}
        for parts in names:
            self.tokens(parts)

    def split(self, token: str) -> tuple[str, ...]:
        """``token`` as its parts where it is two given names joined, else alone."""
        got = self._memo.get(token)
        if got is None:
            got = (token,)
            t = self.translit(token)
            for i in range(MIN_PART, len(t) - MIN_PART + 1):
                head, tail = self.given.get(t[:i]), self.given.get(t[i:])
                if head is not None and tail is not None:
                    got = (head, tail)
                    self.tails.add(self.translit(tail))
                    break
            self._memo[token] = got
        return got

    def tokens(self, parts: Sequence[str]) -> tuple[str, ...]:
        """A name's tokens with its joined given names split (never its last word)."""
        out: list[str] = []
        for p in parts[:-1]:
            out.extend(self.split(p))
        return (*out, *parts[-1:])


def title_as_name(tl: tuple[str, ...], info: EntityInfo,
                  is_given: Callable[[str], bool]) -> tuple[str, ...]:
    """A name's transliteration tokens with a leading title that is also a given name
    dropped where it is the title: "Sardar Baqeri", a major general -> ("bakiri",).

    Args:
        tl: The name's tokens (transliteration keys).
        info: What the articles say of the name (its roles).
        is_given: Whether a token is a given name of the corpus rather than a surname.
    """
    if len(tl) != 2 or tl[0] not in AMBIGUOUS_TITLES or is_given(tl[1]):
        return tl
    return tl[1:] if ranked(info) else tl


def ranked(info: EntityInfo) -> bool:
    """Whether the articles give the person a military rank ("Major General")."""
    return any(w.strip(".,").casefold() in _RANKS for r in info.roles for w in r.split())
