"""Pure name handling: normalisation, slugs, person-name keys. No I/O."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from urllib.parse import quote

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})
#: Arabic and other name particles dropped from person keys ("Bashar al-Assad" = "Bashar Assad").
PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "at", "bin", "ibn", "van", "von", "de", "da"})
#: Transliteration variants of given names, folded to one key form.
GIVEN_NAME_VARIANTS = {
    "sergey": "sergei",
    "alexey": "alexei",
    "aleksei": "alexei",
    "aleksey": "alexei",
    "dmitri": "dmitry",
    "dmitriy": "dmitry",
    "yevgeny": "evgeny",
    "evgeni": "evgeny",
    "mohammad": "mohammed",
    "muhammad": "mohammed",
    "mohamed": "mohammed",
    "muhammed": "mohammed",
    "ahmed": "ahmad",
    "yuri": "yury",
    "yuriy": "yury",
    "andrey": "andrei",
    "nikolay": "nikolai",
    "mikhail": "mikhail",
    "hossein": "hossein",
    "hussein": "hussein",
    "vladimir": "vladimir",
    "maria": "maria",
    "mariya": "maria",
    "valery": "valery",
    "valeriy": "valery",
    "anatoly": "anatoly",
    "anatoliy": "anatoly",
    "gennady": "gennady",
    "gennadiy": "gennady",
}
#: Entries kept by each memoised function below (pure functions of one string, called for every
#: mention of every article with few distinct arguments; bounded so a long build cannot grow them).
MEMO_SIZE = 1 << 16

_POSSESSIVE = re.compile(r"(?:'s|')$")
_POSSESSIVE_CURLY = re.compile(r"(?:['’]s|['’])$")
_SPACE_RUN = re.compile(r"\s+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")

HONORIFICS = frozenset(
    {
        "dr",
        "dr.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "sir",
        "sheikh",
        "president",
        "minister",
        "prime",
        "general",
        "gen.",
        "king",
        "prince",
        "emir",
        "ayatollah",
        "senator",
        "sen.",
        "rep.",
        "mayor",
        "professor",
        "prof.",
        # military and police ranks as written before a name ("Lt. Nettie Johnson",
        # "Brig. Gen. Richard Coe"): US DoD rank abbreviations, AP style
        "lt",
        "lt.",
        "sgt",
        "sgt.",
        "capt",
        "capt.",
        "col",
        "col.",
        "maj",
        "maj.",
        "brig",
        "brig.",
        "adm",
        "adm.",
        "cmdr",
        "cmdr.",
        "cpl",
        "cpl.",
        "pvt",
        "pvt.",
        "spc",
        "spc.",
        "gov",
        "gov.",
        "rep",
        "lieutenant",
        "sergeant",
        "captain",
        "colonel",
        "admiral",
        "commander",
        "corporal",
        "governor",
        "ambassador",
        "secretary",
        "archduke",
        "academician",
        "brigadier",
        "rear",
        "vice",
        "deputy",
    }
)


#: Honorifics and styles written before a person's name, beyond the ranks and offices of
#: :data:`HONORIFICS`: Shia clerical ranks (Ayatollah, Hojjatoleslam val-Moslemin), the descent
#: title Seyed in its transliterations, Arabic and royal styles. Kept apart from HONORIFICS,
#: which the extractor also reads (a PERSON span ending in one is dropped there: "Adel Imam").
NAME_HONORIFICS = HONORIFICS | frozenset(
    {
        "ayatullah", "ayatolah", "ayatollah-ol-ozma", "grand", "allameh", "allamah",
        "hojatoleslam", "hojjatoleslam", "hojatolislam", "hojjatolislam", "hojatoleslam-val",
        "hojjat-ol-eslam", "hojjat-ol-islam", "hujjat-ul-islam", "hujjatulislam",
        "val-moslemin", "val-moslamin", "wal-muslimin", "valmoslemin",
        "seyed", "seyyed", "sayyed", "sayed", "syed", "sayyid", "sayid", "seyyid", "seyedeh",
        "seyyedeh", "sayyida", "sayyidah",
        "imam", "mullah", "mufti", "haj", "hajj", "haji", "hajji", "sheik", "shaikh", "sheikha",
        "sultan", "queen", "crown", "princess", "emira", "his", "her", "highness", "excellency",
        "majesty", "royal", "pope", "cardinal", "rabbi", "reverend", "rev", "rev.",
        "chancellor", "premier", "speaker", "mr", "madam", "lady", "lord", "martyr",
    }
)
#: The second word of the Shia clerical rank Hojjat al-Islam ("proof of Islam") in its
#: transliterations: a title word wherever it opens a name ("Saif al-Islam" keeps it).
_RANK_TAILS = frozenset(
    {"al-islam", "al-eslam", "ol-islam", "ol-eslam", "ul-islam", "ul-eslam", "el-islam",
     "ol-islam-val-moslemin"}
)
#: The rank's first word ("Hujjat", "Hojjat"): a title only before one of _RANK_TAILS, for
#: it is a given name too ("Hojjat Nazari").
_RANK_HEADS = frozenset({"hujjat", "hojjat", "hojat", "hodjat", "hujjatul", "hojjatul"})
#: Honorifics that are also given names: before a patronymic they are the name ("Sultan bin
#: Salim", "Imam bin Ali").
_GIVEN_TITLES = frozenset({"sultan", "imam", "emir", "amir", "malik"})
_PATRONYMIC_WORDS = frozenset({"bin", "ibn", "bint"})
#: The honorifics without their abbreviation stop, as words are compared ("Gen." = "gen").
_TITLE_WORDS = frozenset(h.rstrip(".") for h in NAME_HONORIFICS) | _RANK_TAILS
#: Rulers' and heads' titles that a dynasty's or a state's adjective may stand before
#: ("Sassanid King Ardashir", "Saudi Crown Prince ...", "Former President ..."); words a
#: name holds in its middle (Sheikh, Sultan, Shah: "Reza Shah Pahlavi") are not among them.
_RULER_TITLES = frozenset(
    {"king", "queen", "emperor", "empress", "prince", "princess", "crown", "president",
     "premier", "chancellor", "pharaoh", "caliph", "tsar", "czar"}
)
#: A word before such a title that qualifies it: an adjective of a dynasty or state
#: (Sassanid, Abbasid, Iranian, Saudi, Chinese, British) or a time ("former", "late").
_QUALIFIER = re.compile(r"^(?:[a-z]+(?:id|ad|ian|ean|can|ese|ish|i)|former|late|then|ex)$")
#: Titlecase words that open a sentence, glued to a name before them when a line break fell
#: between ("Raisi The", read from "... Raisi\nThe ...").
_SENTENCE_OPENERS = frozenset(
    {"The", "He", "She", "It", "They", "This", "That", "These", "Those", "In", "On", "At",
     "But", "And", "We", "His", "Her", "Its", "Their", "However", "Meanwhile", "According"}
)
#: A dateline before a name: an all-capitals place (and agency) then a dash or colon,
#: "TEHRAN- Iran's Foreign Ministry", "TEHRAN (IRNA) - ...", "(IRNA) -- ...".
_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'’]{2,}(?:[ ,]+[A-Z][A-Z.'’]{1,})*)\s*(?:\([A-Za-z .]{2,}\)\s*)?"
    r"[-–—:]+|\([A-Z][A-Za-z]{1,9}\)\s*[-–—:]*)\s*(?=[A-Z])"
)


def strip_dateline(text: str) -> str:
    """ "TEHRAN- Iran's Foreign Ministry" -> "Iran's Foreign Ministry"; names stay whole.

    A capitals word the words after it start to spell out is an acronym with its
    expansion ("INSTEX - Instrument in Support of Trade Exchanges"), not a dateline.
    """
    m = _DATELINE.match(text)
    if m is None or m.end() >= len(text):
        return text
    rest = text[m.end() :]
    place = (m.group("place") or "").replace(".", "")
    if place and " " not in place and rest[:2].casefold() == place[:2].casefold():
        return text
    return rest


@lru_cache(maxsize=MEMO_SIZE)
def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form of a name, for comparisons."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text.strip())
    text = _SPACE_RUN.sub(" ", text).strip().casefold()
    if text.startswith("the "):
        text = text[4:]
    return text


@lru_cache(maxsize=MEMO_SIZE)
def clean_surface(text: str) -> str:
    """A surface form as a label: whitespace folded, possessive and "the" dropped."""
    text = strip_dateline(_SPACE_RUN.sub(" ", unicodedata.normalize("NFC", text)).strip())
    if (
        text.count("[") != text.count("]") or "[" in text
    ):  # "[Benjamin] Netanyahu", an editor's insertion
        text = text.replace("[", "").replace("]", "")
    if text.count("(") != text.count(")"):
        text = text.split("(", 1)[0] if "(" in text else text.replace(")", "")
    text = _POSSESSIVE_CURLY.sub("", text)
    if text[:4].lower() == "the ":
        text = text[4:]
    text = text.strip(" ,;:-")
    head, colon, tail = text.rpartition(": ")
    if colon and head and " " not in tail:  # "Tehran Times: Welcome", a speaker's line
        text = head.rstrip(" ,;:-")
    words = text.split(" ")
    if len(words) > 1 and words[-1] in _SENTENCE_OPENERS:  # "Raisi The": the next sentence
        text = " ".join(words[:-1]).rstrip(" ,;:-")
    if text.endswith(".") and "." not in text[:-1]:  # keep "U.S.", drop a sentence stop
        text = text[:-1]
    return text


@lru_cache(maxsize=MEMO_SIZE)
def slug(name: str) -> str:
    """An IRI-safe path segment for a name: ASCII-folded, lower-case, hyphens.

    Names with no Latin letters left after folding are percent-encoded instead,
    so the IRI stays valid and distinct; dots too, so that no key is a ``.`` or
    ``..`` path segment (which IRI normalisation removes) or ends in a dot (which
    Turtle writes ``\\.``, and rdflib cannot read).
    """
    folded = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    ascii_ = folded.encode("ascii", "ignore").decode().lower().replace("'", "")
    s = _NON_SLUG.sub("-", ascii_).strip("-")
    if s:
        return s
    return quote(unicodedata.normalize("NFC", name).strip().lower(), safe="").replace(".", "%2E")


def _is_title(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` (folded) is an honorific: one of NAME_HONORIFICS, and not a title
    that is also a given name before a patronymic ("Sultan bin Salim Al Habsi" is named
    Sultan; "Prince bin Farhan" is not named Prince)."""
    word = words[i].strip(".,")
    after = words[i + 1].strip(".,") if i + 1 < len(words) else ""
    if word in _RANK_HEADS:  # "Hujjat al-Islam Abbas Ali Soleimani"
        return after in _RANK_TAILS
    if word in _GIVEN_TITLES and i + 2 < len(words) and words[i + 2] in _PATRONYMIC_WORDS:
        return True  # one given name goes before "bin": "Amir Faisal bin Farhan" is a prince
    if word not in _TITLE_WORDS:
        return False
    nxt = after.split("-", 1)[0]
    return word not in _GIVEN_TITLES or nxt not in _PATRONYMIC_WORDS


def _qualified_title(words: list[str]) -> int:
    """How many words before a name's title qualify it: 1 for "Sassanid King Ardashir"
    (the title itself is then read as any other), else 0."""
    if (len(words) >= 3 and _QUALIFIER.match(words[0].strip(".,"))
            and not _is_title(words, 0) and words[1].strip(".,") in _RULER_TITLES):
        return 1
    return 0


@lru_cache(maxsize=MEMO_SIZE)
def _person_tokens(name: str) -> tuple[str, ...]:
    words = fold(name).split()
    out: list[str] = []
    skip = _qualified_title(words)
    for i, w in enumerate(words):
        if i < skip:
            continue
        if not out and _is_title(words, i):  # a title only before the name: "John Major",
            continue  # "Wesley Clark General" keep theirs
        w = w.strip(".,")
        if "-" in w and w.split("-", 1)[0] in PARTICLES:  # "al-Assad" = "Assad"
            w = w.split("-", 1)[1]
        if not w or w in PARTICLES:
            continue
        out.append(GIVEN_NAME_VARIANTS.get(w, w))
    return tuple(out)


def person_tokens(name: str) -> list[str]:
    """Key tokens of a person name: folded, honorifics and particles dropped, variants unified."""
    return list(_person_tokens(name))


def person_key(name: str) -> str:
    """The key two spellings of one person share ("Bashar Assad" = "Bashar al-Assad")."""
    return "-".join(slug(t) for t in person_tokens(name)) or slug(name)


@lru_cache(maxsize=MEMO_SIZE)
def strip_honorifics(name: str) -> str:
    """ "Dr. Ayman Sousan" -> "Ayman Sousan"; "Ayatollah Seyed Ali Khamenei" -> "Ali Khamenei".

    A word is taken for a title only before more of the name ("Imam" alone stays), and
    not before a patronymic ("Sultan bin Salim" is a man named Sultan).
    """
    words = name.split()
    low = [fold(w).strip(".,") for w in words]
    i = _qualified_title(low)
    while len(words) - i > 1 and _is_title(low, i):
        i += 1
    return " ".join(words[i:])


def person_label(forms: Counter[str]) -> str:
    """A person's canonical label from the forms that name it: the fullest name with no
    honorific ("Ayatollah Seyed Ebrahim Raisi" -> "Ebrahim Raisi"). Among full names, the
    spelling most used ("Ebrahim Raisi", not "Ebrahim Raeisi"), counting the forms of one key
    together, then the longest form of it ("Bashar al-Assad", not "Bashar Assad"), then the
    more used one, then the one seen first."""
    bare: Counter[str] = Counter()
    for f, n in forms.items():
        bare[strip_honorifics(f)] += n
    by_key: Counter[tuple[str, ...]] = Counter()
    for f, n in bare.items():
        by_key[_person_tokens(f)] += n
    # a full name seen once may carry a stray word ("MK Yair Lapid" beside "Yair Lapid")
    if any(n > 1 and len(k) > 1 for k, n in by_key.items()):
        bare = Counter({f: n for f, n in bare.items() if by_key[_person_tokens(f)] > 1})
    longest = max(len(_person_tokens(f)) for f in bare)
    cands = [f for f in bare if len(_person_tokens(f)) == longest]
    # the first of equals, as sorted()[0]
    return min(cands, key=lambda f: (-by_key[_person_tokens(f)], -len(f), -bare[f]))
