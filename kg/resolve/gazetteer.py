"""Gazetteer: canonical names of countries, organisations and places, with their other names.

The data are three tab-separated files shipped in ``kg/resolve/data/`` (their README says
where each comes from and how to add a row). This module only reads them and answers
questions about surface forms:

* :meth:`Gazetteer.lookup` -- a name or alias ("Türkiye", "U.S.", "Daesh") to its entry;
* :meth:`Gazetteer.demonym` -- "Turkish", "Saudi", "Americans" to their country;
* :meth:`Gazetteer.capital` -- a capital or seat of government ("Ankara", "Kremlin") to its
  country, for metonymy ("Ankara agreed"); whether a capital is the place or the state in a
  given sentence is for the caller to decide;
* :meth:`Gazetteer.patterns` -- spaCy ``entity_ruler`` patterns that tag all of the above.

Matching rules. Every form and every query is normalised the same way (:func:`normalize`):
NFKC, curly apostrophes and Unicode hyphens made ASCII, whitespace collapsed, one leading
"the " and one trailing "'s" dropped. Forms written without any lowercase letter ("US",
"IS", "UN", "U.S.", "NATO", "G7") are acronyms and match only in exactly that case, so that
"us", "is" and "un" never match; every other form matches case-insensitively.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal, NamedTuple

from kg.errors import KGError
from kg.resolve.names import MEMO_SIZE

EntryType = Literal["Country", "Organization", "Location"]
"""The entity types a gazetteer entry can have (kgo:Country, kgo:Organization, kgo:Location)."""

Via = Literal["name", "alias", "demonym", "capital", "seat"]
"""Which field of an entry a surface form matched."""

COUNTRY_COLUMNS = ("name", "iso3", "wikidata", "aliases", "demonyms", "capitals", "seats")
ORGANIZATION_COLUMNS = ("name", "type", "wikidata", "aliases", "country")
LOCATION_COLUMNS = ("name", "wikidata", "aliases", "country")

_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark, the usual curly apostrophe
        "\u2018": "'",
        "\u02bc": "'",  # modifier letter apostrophe
        "\u2032": "'",  # prime
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
    }
)
_LABELS: dict[str, str] = {"Organization": "ORG", "Location": "LOC"}


class GazetteerError(KGError):
    """A gazetteer data file that cannot be used, or a name the gazetteer does not hold."""

    exit_code = 2


@dataclass(frozen=True)
class GazEntry:
    """One real-world entity of the gazetteer under its canonical English name.

    Attributes:
        name: Canonical name (GUIDELINES.md): "Turkey", "Islamic State", "Idlib".
        type: "Country", "Organization" or "Location".
        wikidata: Wikidata Q-id, or None where the project is not sure of it.
        aliases: Other names and spellings ("Türkiye", "Republic of Türkiye").
        demonyms: Adjective and people forms used for the state (countries only).
        capitals: Capital(s) and seat-of-government cities (countries only).
        seats: Buildings standing for the government, "Kremlin" (countries only).
        country: For organisations, the state they are an organ of; for locations, the
            country that contains them; None otherwise.
        iso3: ISO 3166-1 alpha-3 code (countries only; Kosovo has none).
    """

    name: str
    type: EntryType
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    country: str | None = None
    iso3: str | None = None

    def forms(self) -> Iterator[tuple[str, Via]]:
        """Yield every surface form of the entry with the field it comes from."""
        yield self.name, "name"
        for alias in self.aliases:
            yield alias, "alias"
        for demonym in self.demonyms:
            yield demonym, "demonym"
        for capital in self.capitals:
            yield capital, "capital"
        for seat in self.seats:
            yield seat, "seat"


class GazMatch(NamedTuple):
    """The result of :meth:`Gazetteer.match`: the entry, the field and the stored form."""

    entry: GazEntry
    via: Via
    form: str


@functools.lru_cache(maxsize=MEMO_SIZE)
def normalize(surface: str) -> str:
    """Return the comparable form of a surface string (case is kept).

    NFKC; curly apostrophes and Unicode hyphens to ASCII; whitespace collapsed and
    stripped; one leading "the " and one trailing "'s" removed.

    Args:
        surface: Text as it appears in an article or a data file.

    Returns:
        The normalised text, e.g. "Turkey" for "the Turkey’s".
    """
    text = " ".join(unicodedata.normalize("NFKC", surface).translate(_TRANSLATE).split())
    if text[:4].casefold() == "the ":
        text = text[4:]
    if text[-2:].casefold() == "'s":
        text = text[:-2].rstrip()
    return text


def is_acronym(form: str) -> bool:
    """Tell whether a form is written with no lowercase letter (and so matches by case).

    Args:
        form: A stored or queried form.

    Returns:
        True for "US", "U.S.", "NATO", "G7"; False for "Nato", "al-Qaeda", "7".
    """
    return any(ch.isalpha() for ch in form) and not any(ch.islower() for ch in form)


def _key(form: str) -> str:
    """Return the index key of a stored form: exact for acronyms, casefolded otherwise."""
    text = normalize(form)
    return "=" + text if is_acronym(text) else "~" + text.casefold()


@functools.lru_cache(maxsize=MEMO_SIZE)
def _query_keys(surface: str) -> tuple[str, ...]:
    """Return the index keys a query may match, exact-case key first."""
    text = normalize(surface)
    if not text:
        return ()
    return ("=" + text, "~" + text.casefold())


class Gazetteer:
    """An immutable index of gazetteer entries by name, alias, demonym, capital and seat.

    Build one with :meth:`default` (the shipped data, loaded once), :meth:`load` (a folder
    holding the three TSV files) or the constructor (entries made in code).

    Args:
        entries: The entries. Canonical names must be unique, every surface form must belong
            to one entry only (compared case-insensitively), and every ``country`` must be
            the name of a Country entry.

    Raises:
        GazetteerError: Two entries share a name or a surface form, or a ``country`` names
            no Country entry.
    """

    def __init__(self, entries: Iterable[GazEntry]) -> None:
        self._entries: dict[str, GazEntry] = {}
        for entry in entries:
            if entry.name in self._entries:
                raise GazetteerError(
                    f"Gazetteer: the name {entry.name!r} is used by two entries. "
                    "Fix: keep one row for it in kg/resolve/data/."
                )
            self._entries[entry.name] = entry
        self._names: dict[str, GazMatch] = {}
        self._demonyms: dict[str, GazMatch] = {}
        self._capitals: dict[str, GazMatch] = {}
        owner: dict[str, GazEntry] = {}
        for entry in self._entries.values():
            if entry.country is not None:
                target = self._entries.get(entry.country)
                if target is None or target.type != "Country":
                    raise GazetteerError(
                        f"Gazetteer: {entry.name!r} has country {entry.country!r}, which is "
                        "not the name of a country entry. Fix: use the canonical name from "
                        "countries.tsv or leave the cell empty."
                    )
            for form, via in entry.forms():
                strict = normalize(form).casefold()
                if not strict:
                    continue
                other = owner.setdefault(strict, entry)
                if other is not entry:
                    raise GazetteerError(
                        f"Gazetteer: the form {form!r} belongs to both {other.name!r} and "
                        f"{entry.name!r}. Fix: keep it on the entry it mostly means, or drop "
                        "it if neither."
                    )
                index = self._index_for(via)
                index.setdefault(_key(form), GazMatch(entry, via, form))

    def _index_for(self, via: Via) -> dict[str, GazMatch]:
        if via in ("name", "alias"):
            return self._names
        if via == "demonym":
            return self._demonyms
        return self._capitals

    # -- construction -------------------------------------------------------------------

    @staticmethod
    @functools.lru_cache(maxsize=1)
    def default() -> Gazetteer:
        """Return the gazetteer of the shipped data files, loaded once per process."""
        return Gazetteer.load()

    @classmethod
    def load(cls, data_dir: Path | Traversable | None = None) -> Gazetteer:
        """Read ``countries.tsv``, ``organizations.tsv`` and ``locations.tsv``.

        Args:
            data_dir: Folder holding the three files; the package's own data by default.

        Returns:
            The gazetteer of all rows of the three files.

        Raises:
            GazetteerError: A file is missing, or a row does not fit its columns.
        """
        folder: Path | Traversable = (
            data_dir if data_dir is not None else resources.files("kg.resolve") / "data"
        )
        entries: list[GazEntry] = []
        for row in _read_tsv(folder, "countries.tsv", COUNTRY_COLUMNS):
            iso3 = row.cells["iso3"] or None
            if iso3 is not None and not _ISO3.match(iso3):
                raise row.error(
                    f"iso3 {iso3!r} is not three capital letters",
                    "use the ISO 3166-1 alpha-3 code or leave it empty",
                )
            entries.append(
                GazEntry(
                    name=row.cells["name"],
                    type="Country",
                    wikidata=row.wikidata(),
                    aliases=row.items("aliases"),
                    demonyms=row.items("demonyms"),
                    capitals=row.items("capitals"),
                    seats=row.items("seats"),
                    iso3=iso3,
                )
            )
        for row in _read_tsv(folder, "organizations.tsv", ORGANIZATION_COLUMNS):
            if row.cells["type"] != "Organization":
                raise row.error(
                    f"type {row.cells['type']!r} is not 'Organization'", "write Organization"
                )
            entries.append(
                GazEntry(
                    name=row.cells["name"],
                    type="Organization",
                    wikidata=row.wikidata(),
                    aliases=row.items("aliases"),
                    country=row.cells["country"] or None,
                )
            )
        for row in _read_tsv(folder, "locations.tsv", LOCATION_COLUMNS):
            entries.append(
                GazEntry(
                    name=row.cells["name"],
                    type="Location",
                    wikidata=row.wikidata(),
                    aliases=row.items("aliases"),
                    country=row.cells["country"] or None,
                )
            )
        return cls(entries)

    # -- queries ------------------------------------------------------------------------

    def lookup(self, surface: str) -> GazEntry | None:
        """Return the entry whose canonical name or alias is ``surface``, else None.

        Args:
            surface: A name as written: "Türkiye", "the U.S.", "Daesh", "Turkey's".

        Returns:
            The entry, or None (also for "us", "is", "un": acronyms match by case).
        """
        found = self._find(self._names, surface)
        return found.entry if found else None

    def demonym(self, word: str) -> GazEntry | None:
        """Return the country whose demonym is ``word`` ("Turkish", "Saudis"), else None.

        Demonyms are proper adjectives, so a word starting with a lowercase letter
        ("polish", "afghan") never matches.
        """
        first = next((ch for ch in word if ch.isalpha()), "")
        if not first or first.islower():
            return None
        found = self._find(self._demonyms, word)
        return found.entry if found else None

    def capital(self, word: str) -> GazEntry | None:
        """Return the country whose capital or seat of government is ``word``, else None.

        Args:
            word: "Ankara", "Washington", "Kremlin", "White House".
        """
        found = self._find(self._capitals, word)
        return found.entry if found else None

    def match(self, surface: str) -> GazMatch | None:
        """Match ``surface`` against names and aliases, then capitals and seats, then demonyms.

        Returns:
            The entry with the field that matched, or None.
        """
        found = self._find(self._names, surface) or self._find(self._capitals, surface)
        if found is None and self.demonym(surface) is not None:
            found = self._find(self._demonyms, surface)
        return found

    def by_name(self, name: str) -> GazEntry:
        """Return the entry with this canonical name.

        Raises:
            GazetteerError: No entry has that canonical name.
        """
        try:
            return self._entries[name]
        except KeyError:
            raise GazetteerError(
                f"Gazetteer: no entry named {name!r}. Fix: use a canonical name from "
                "kg/resolve/data/*.tsv, or lookup() to resolve an alias."
            ) from None

    def entries(self) -> tuple[GazEntry, ...]:
        """Return all entries, sorted by type then name."""
        return tuple(sorted(self._entries.values(), key=lambda e: (e.type, e.name)))

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    @staticmethod
    def _find(index: dict[str, GazMatch], surface: str) -> GazMatch | None:
        for key in _query_keys(surface):
            found = index.get(key)
            if found is not None:
                return found
        return None

    # -- spaCy patterns -----------------------------------------------------------------

    def patterns(
        self, tokenizer: Callable[[str], Sequence[str]] | None = None
    ) -> list[dict[str, Any]]:
        """Return spaCy ``entity_ruler`` patterns for every surface form.

        Labels: GPE for country names, aliases, capitals and seats; NORP for demonyms; ORG
        for organisations; LOC for locations. Each pattern's ``id`` is the entry's canonical
        name, so a matched span's ``ent_id_`` says which entry it is.

        Acronyms ("US", "U.S.", "NATO") are exact phrase patterns (strings). Every other form
        is a token pattern on ``LOWER`` in which each token written with a capital must not
        be all lowercase: "Turkey" matches "Turkey" and "TURKEY" but not "turkey", "al-Qaeda"
        matches "Al-Qaeda". Apostrophes match straight or curly. Dotted acronyms also get a
        one-token ``REGEX`` pattern for hyphen-joined forms the tokenizer keeps whole
        ("U.S.-backed").

        Args:
            tokenizer: Splits a form into token texts as the pipeline will; spaCy's blank
                English tokenizer by default.

        Returns:
            The patterns, in a stable order.
        """
        split = tokenizer or _english_tokens
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for entry in self.entries():
            for form, via in entry.forms():
                label = _label(entry, via)
                for pattern in _form_patterns(form, split):
                    marker = (label, repr(pattern))
                    if marker in seen:
                        continue
                    seen.add(marker)
                    out.append({"label": label, "pattern": pattern, "id": entry.name})
        return out


def _label(entry: GazEntry, via: Via) -> str:
    if entry.type == "Country":
        return "NORP" if via == "demonym" else "GPE"
    return _LABELS[entry.type]


def _form_patterns(
    form: str, split: Callable[[str], Sequence[str]]
) -> list[str | list[dict[str, Any]]]:
    text = " ".join(unicodedata.normalize("NFKC", form).translate(_TRANSLATE).split())
    if is_acronym(text):
        patterns: list[str | list[dict[str, Any]]] = [text]
        if text.endswith("."):
            regex = "^" + re.escape(text) + r"-[^\W\d_]+$"
            patterns.append([{"TEXT": {"REGEX": regex}}])
        return patterns
    return [[_token_spec(token) for token in split(text)]]


def _token_spec(token: str) -> dict[str, Any]:
    if is_acronym(token):
        if "'" in token:
            return {"ORTH": {"IN": [token, token.replace("'", "\u2019")]}}
        return {"ORTH": token}
    lower = token.lower()
    spec: dict[str, Any] = (
        {"LOWER": {"IN": [lower, lower.replace("'", "\u2019")]}}
        if "'" in lower
        else {"LOWER": lower}
    )
    if token[:1].isupper():
        spec["IS_LOWER"] = False
    return spec


@functools.lru_cache(maxsize=1)
def _english_tokenizer() -> Callable[[str], Any]:
    import spacy  # deferred: the gazetteer's lookups need no spaCy

    return spacy.blank("en").tokenizer


def _english_tokens(text: str) -> list[str]:
    return [token.text for token in _english_tokenizer()(text)]


# -- TSV reading ------------------------------------------------------------------------


class _Row:
    """One data row of a gazetteer TSV file, with its place for error messages."""

    def __init__(self, file: str, line: int, cells: dict[str, str]) -> None:
        self.file = file
        self.line = line
        self.cells = cells

    def error(self, what: str, fix: str) -> GazetteerError:
        return GazetteerError(f"{self.file}:{self.line}: {what}. Fix: {fix}.")

    def items(self, column: str) -> tuple[str, ...]:
        return tuple(part.strip() for part in self.cells[column].split(";") if part.strip())

    def wikidata(self) -> str | None:
        value = self.cells["wikidata"]
        if not value:
            return None
        if not _WIKIDATA.match(value):
            raise self.error(
                f"wikidata {value!r} is not a Q-id",
                "write it as Q followed by digits, or leave it empty",
            )
        return value


def _read_tsv(folder: Path | Traversable, filename: str, columns: tuple[str, ...]) -> list[_Row]:
    path = folder / filename
    shown = f"kg/resolve/data/{filename}" if not isinstance(folder, Path) else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        raise GazetteerError(
            f"{shown}: file not found. Fix: restore it from the repository or point "
            "Gazetteer.load() at a folder holding it."
        ) from None
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{shown}: not UTF-8 ({exc.reason}). Fix: save it as UTF-8.") from None
    lines = text.splitlines()
    header = tuple(lines[0].split("\t")) if lines else ()
    if header != columns:
        raise GazetteerError(
            f"{shown}:1: header is {list(header)}, expected {list(columns)}. "
            "Fix: restore the header line."
        )
    rows: list[_Row] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise GazetteerError(
                f"{shown}:{number}: {len(cells)} tab-separated cells, expected "
                f"{len(columns)} ({', '.join(columns)}). Fix: separate columns with one "
                "tab each and lists with ';'."
            )
        row = _Row(shown, number, {c: v.strip() for c, v in zip(columns, cells, strict=True)})
        if not row.cells["name"]:
            raise row.error("the name cell is empty", "write the canonical name")
        rows.append(row)
    return rows


__all__ = [
    "COUNTRY_COLUMNS",
    "LOCATION_COLUMNS",
    "ORGANIZATION_COLUMNS",
    "EntryType",
    "GazEntry",
    "GazMatch",
    "Gazetteer",
    "GazetteerError",
    "Via",
    "is_acronym",
    "normalize",
]
