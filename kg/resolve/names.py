"""Pure name handling: normalisation, slugs, person-name keys. No I/O."""

from __future__ import annotations

import re
import unicodedata
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
    text = _SPACE_RUN.sub(" ", unicodedata.normalize("NFC", text)).strip()
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
    if text.endswith(".") and "." not in text[:-1]:  # keep "U.S.", drop a sentence stop
        text = text[:-1]
    return text


@lru_cache(maxsize=MEMO_SIZE)
def slug(name: str) -> str:
    """An IRI-safe path segment for a name: ASCII-folded, lower-case, hyphens.

    Names with no Latin letters left after folding are percent-encoded instead,
    so the IRI stays valid and distinct.
    """
    folded = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    ascii_ = folded.encode("ascii", "ignore").decode().lower().replace("'", "")
    s = _NON_SLUG.sub("-", ascii_).strip("-")
    if s:
        return s
    return quote(unicodedata.normalize("NFC", name).strip().lower(), safe="")


def person_tokens(name: str) -> list[str]:
    """Key tokens of a person name: folded, honorifics and particles dropped, variants unified."""
    words = fold(name).split()
    out: list[str] = []
    for w in words:
        w = w.strip(".,")
        if "-" in w and w.split("-", 1)[0] in PARTICLES:  # "al-Assad" = "Assad"
            w = w.split("-", 1)[1]
        # a title only before the name: "John Major", "Wesley Clark General" keep theirs
        if not w or (not out and w in HONORIFICS) or w in PARTICLES:
            continue
        out.append(GIVEN_NAME_VARIANTS.get(w, w))
    return out


def person_key(name: str) -> str:
    """The key two spellings of one person share ("Bashar Assad" = "Bashar al-Assad")."""
    return "-".join(slug(t) for t in person_tokens(name)) or slug(name)


def strip_honorifics(name: str) -> str:
    """ "Dr. Ayman Sousan" -> "Ayman Sousan"; "President Putin" -> "Putin"."""
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(".") in {h.strip(".") for h in HONORIFICS}:
        words = words[1:]
    return " ".join(words)
