"""Entity span policy: how gazetteer matches and NER spans are combined. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans


@cache
def word_list(name: str) -> frozenset[str]:
    """A packaged word list (``kg/extract/data/<name>``), one entry a line, # comments."""
    text = resources.files("kg.extract.data").joinpath(name).read_text(encoding="utf-8")
    return frozenset(
        ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")
    )


def body_patterns(demonyms: Iterable[str], countries: Iterable[str]) -> list[dict[str, Any]]:
    """Matcher patterns for state bodies and borders named from a state.

    * ``<demonym> [portfolio ...] ministry`` -> ORG ("Turkish defense ministry");
    * ``<country>-<country> border`` -> LOC ("Iraq-Syria border").
    """
    dem = sorted({d.lower() for d in demonyms if " " not in d})
    names = sorted({c.lower() for c in countries if " " not in c})
    dash = {"ORTH": {"IN": ["-", "–"]}}
    return [
        {
            "label": "ORG",
            "pattern": [
                {"LOWER": {"IN": dem}},
                {"LOWER": {"IN": sorted(word_list("departments.txt"))}, "OP": "*"},
                {"LOWER": {"IN": ["ministry"]}},
            ],
        },
        {
            "label": "LOC",
            "pattern": [
                {"LOWER": {"IN": names}},
                dash,
                {"LOWER": {"IN": names}},
                {"LOWER": "border"},
            ],
        },
    ]


#: NER labels whose longer span wins over a gazetteer match inside it
#: ("the Ministry of Defense of Turkey" keeps its ORG span around "Turkey").
CONTAINER_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW"})
#: NER labels a gazetteer match never overrides (numbers and dates are not entities).
KEEP_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def merge_entities(doc: Doc, matches: list[tuple[int, int, str]]) -> list[Span]:
    """Combine NER spans with gazetteer matches ``(start, end, label)``.

    A gazetteer match replaces the NER spans it overlaps, except an NER span of a
    container label that strictly contains it; longer matches win over shorter.

    Returns:
        Non-overlapping entity spans, sorted.
    """
    gaz = filter_spans([Span(doc, s, e, label=lab) for s, e, lab in matches])
    ner = list(doc.ents)
    kept_ner = []
    kept_gaz = []
    for g in gaz:
        container = next(
            (
                n
                for n in ner
                if n.label_ in CONTAINER_LABELS
                and n.start <= g.start
                and g.end <= n.end
                and (n.end - n.start) > (g.end - g.start)
                and (g.label_ == "NORP" or any(t.lower_ in word_list("org_heads.txt") for t in n))
            ),
            None,
        )
        blocked = any(n.label_ in KEEP_LABELS and n.start < g.end and g.start < n.end for n in ner)
        if container is None and not blocked:
            kept_gaz.append(g)
    for n in ner:
        if not any(g.start < n.end and n.start < g.end for g in kept_gaz):
            kept_ner.append(n)
    spans = _join_split_names(sorted(kept_gaz + kept_ner, key=lambda s: s.start), set(kept_gaz))
    return refine(doc, spans, set(kept_gaz))


def _join_split_names(spans: list[Span], gazetteer: set[Span]) -> list[Span]:
    """A given name the NER took for a place or body, right before a one-word PERSON.

    "Suzan Fraser" tagged GPE "Suzan" + PERSON "Fraser" is one person; a gazetteer name,
    an acronym or an organisation head word before the surname is not joined.
    """
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and s.label_ == "PERSON"
            and len(s) == 1
            and prev.end == s.start
            and prev.label_ in ("GPE", "LOC", "ORG")
            and len(prev) == 1
            and prev not in gazetteer
            and prev[0].is_title
            and prev[0].lower_ not in word_list("org_heads.txt")
        ):
            out[-1] = Span(s.doc, prev.start, s.end, label="PERSON")
            continue
        if s.label_ == "PERSON" and len(s) == 1 and s.start > 0 and _given_name(s.doc[s.start - 1]):
            if not (prev is not None and prev.end == s.start):
                s = Span(s.doc, s.start - 1, s.end, label="PERSON")
        out.append(s)
    return out


def _given_name(tok: Token) -> bool:
    """A capitalised proper noun outside any entity, modifying the surname after it, and no
    title or rank ("Suzan" of "Suzan Fraser"; not "President" of "President Assad")."""
    from kg.extract.lexicon import Lexicon  # the lexicon loads its files once, on first use
    from kg.resolve.names import HONORIFICS

    word = tok.lower_
    return (
        tok.pos_ == "PROPN"
        and tok.dep_ == "compound"
        and tok.head.i == tok.i + 1
        and tok.is_title
        and tok.is_alpha
        and word not in HONORIFICS
        and word not in Lexicon.default().titles
        and word not in word_list("org_heads.txt")
    )


#: Head nouns of military unit names ("3rd Battalion", "the 407th Air Expeditionary Group",
#: "Abel Battery"). Source: the echelons of US/NATO force structure (APP-6 unit sizes).
UNIT_HEADS = frozenset({
    "battalion", "battalions", "brigade", "brigades", "regiment", "regiments", "division",
    "divisions", "wing", "wings", "group", "groups", "squadron", "squadrons", "battery",
    "batteries", "corps", "fleet", "fleets", "command", "flotilla", "detachment", "task",
    "force", "forces", "company", "troop", "platoon", "army", "armies",
})
#: Capitalised common nouns that, written so inside a sentence, name one body ("the Coalition").
PROPER_COLLECTIVES = frozenset({"Coalition"})
#: "5th", "321st", "82nd", "3rd".
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
#: Labels a unit name may take over when it covers them whole.
_UNIT_OVER = frozenset({"ORG", "ORDINAL", "PERSON", "NORP", "GPE", "FAC", "PRODUCT", "LOC"})
#: Lower-case words that may sit inside a unit name ("Task Force", "3rd Battalion of the ...").
_UNIT_INNER = frozenset({"u.s.", "us"})
#: Longest run of capitalised words scanned after an ordinal.
_UNIT_MAX = 6


def _titled(tok: Token) -> bool:
    return tok.is_title or (tok.is_upper and tok.is_alpha) or tok.lower_ in _UNIT_INNER


def unit_spans(doc: Doc) -> list[tuple[int, int]]:
    """Military unit names begun by an ordinal: "321st Field Artillery Regiment".

    The span runs from the ordinal over capitalised words to the last unit head noun
    ("Battalion", "Wing", "Group") among them; without one it is no unit.
    """
    out = []
    for tok in doc:
        if not _ORDINAL.match(tok.text):
            continue
        last = None
        for j in range(tok.i + 1, min(len(doc), tok.i + 1 + _UNIT_MAX)):
            t = doc[j]
            if not _titled(t):
                break
            if t.lower_ in UNIT_HEADS and t.is_title:
                last = j
        if last is not None:
            out.append((tok.i, last + 1))
    return out


def collective_spans(doc: Doc) -> list[tuple[int, int]]:
    """"the Coalition": a capitalised collective noun outside any entity.

    Kept only where the article writes it capitalised inside a sentence at least once,
    so that a sentence-initial "Coalition" alone is not read as a name.
    """
    found = [t for t in doc if t.text in PROPER_COLLECTIVES and t.ent_iob_ != "I"]
    if not any(not t.is_sent_start for t in found):
        return []
    return [(t.i, t.i + 1) for t in found]


#: A locative preposition that, capitalised at a sentence start, fronts a place: "Near Rawah,".
#: Only "Near": "In Short,", "In Addition,", "At Noon," front no place.
_FRONTED = frozenset({"Near"})


def fronted_place_spans(doc: Doc) -> list[tuple[int, int]]:
    """"Near Al Huwayjah, one strike ...": the capitalised words between a sentence-initial
    locative preposition and the comma are a place, which the NER misses when it reads the
    capitalised preposition as part of a name."""
    out = []
    for tok in doc:
        if tok.text not in _FRONTED:
            continue
        if tok.i > 0 and not (tok.is_sent_start or doc[tok.i - 1].is_punct
                              or doc[tok.i - 1].is_space):
            continue
        j = tok.i + 1
        while (j < len(doc) and j - tok.i <= 4 and doc[j].is_title and doc[j].is_alpha
               and doc[j].pos_ == "PROPN"):
            j += 1
        if j > tok.i + 1 and j < len(doc) and doc[j].text == ",":
            out.append((tok.i + 1, j))
    return out


#: Verbs whose object is a person: an ORG there is a misread name ("killing Lincoln").
_PERSON_OBJECT_VERBS = frozenset({"kill", "assassinate", "murder", "shoot", "stab", "behead"})


def person_context(s: Span) -> bool:
    """Whether a short capitalised ORG span stands where only a person can.

    * an age apposed: "Jacobs, 20, and ...", "Warner, 70, who ...";
    * a "who" relative: "Campbell, who is going ...";
    * the object of a verb of killing: "shooting Lincoln".

    Acronyms and names with an organisation head word ("Party", "Bank") are never people.
    """
    doc = s.doc
    if len(s) > 3 or not all(t.is_title and t.is_alpha for t in s):
        return False
    if s[0].lower_ == "the" or (s.start > 0 and doc[s.start - 1].lower_ in ("the", "a", "an")):
        return False  # "the Pentagon, which ...": a name with an article is no person's
    if any(t.lower_ in word_list("org_heads.txt") or t.lower_ in UNIT_HEADS for t in s):
        return False
    nxt = [doc[i] for i in range(s.end, min(len(doc), s.end + 3))]
    if len(nxt) >= 2 and nxt[0].text == "," and nxt[1].lower_ == "who":
        return True
    if (len(nxt) == 3 and nxt[0].text == "," and nxt[1].like_num and nxt[2].text in (",", ")")
            and nxt[1].text.isdigit() and 0 < int(nxt[1].text) < 120):
        return True
    root = s.root
    if root.dep_ == "dobj" and root.head.lemma_.lower() in _PERSON_OBJECT_VERBS:
        return True
    return False


def _indefinite_acronym(s: Span) -> bool:
    """A one-word all-capital ORG after "a"/"an" that heads its phrase: "a VBIED", "an IED".

    An organisation is not counted with an indefinite article; one that modifies a noun
    ("a NATO summit", "an ISIL tactical unit") is still a name.
    """
    tok = s[0]
    return (len(s) == 1 and s.label_ == "ORG" and tok.is_upper and s.start > 0
            and s.doc[s.start - 1].lower_ in ("a", "an")
            and tok.dep_ not in ("compound", "amod", "nmod", "poss"))


def refine(doc: Doc, spans: list[Span], gazetteer: set[Span] | None = None) -> list[Span]:
    """Unit names and proper collectives over the merged spans.

    * a unit name ("3rd Battalion", "Abel Battery") is an ORG, whatever the NER said of it
      or of its parts, where it covers them whole;
    * an ORG right after an ordinal starts with it ("5th U.S. Circuit Court of Appeals");
    * "the Coalition" written as a name is an ORG;
    * a name the NER took for an ORG is a PERSON where its context says so
      (:func:`person_context`), unless the gazetteer named it.
    """
    from kg.resolve.names import HONORIFICS

    fronted = {(start - 1, end) for start, end in fronted_place_spans(doc)}
    out: list[Span] = []
    for s in spans:
        if s.label_ == "PERSON" and len(s) > 1 and s[-1].lower_.strip(".") in HONORIFICS:
            # "Navy Capt" of "Navy Capt. Jeff Davis": the service, then a rank; no person
            rest = s[:-1]
            if all(t.lower_ in word_list("org_heads.txt") for t in rest):
                out.append(Span(doc, rest.start, rest.end, label="ORG"))
            continue
        if len(s) > 1 and (s.start, s.end) in fronted:
            s = Span(doc, s.start + 1, s.end, label="GPE")  # NER's PERSON "Near Bayji"
        elif s.label_ == "ORG" and s not in (gazetteer or ()) and person_context(s):
            s = Span(doc, s.start, s.end, label="PERSON")  # "Jacobs, 20, ...", "Warner, who"
        elif s.label_ == "PERSON" and s[-1].lower_ in UNIT_HEADS and s[-1].is_title and len(s) > 1:
            s = Span(doc, s.start, s.end, label="ORG")  # "Abel Battery", "Alpha Company"
        elif s.label_ == "ORG" and s.start > 0 and _ORDINAL.match(doc[s.start - 1].text):
            s = Span(doc, s.start - 1, s.end, label="ORG")
        elif _indefinite_acronym(s) and s not in (gazetteer or ()):
            continue  # "destroyed a VBIED": a thing named by an acronym, no organisation
        out.append(s)
    taken = {i for s in out for i in range(s.start, s.end)}
    extra = []
    for start, end in unit_spans(doc) + collective_spans(doc):
        inside = [s for s in out if s.start < end and start < s.end]
        if all(s.label_ in _UNIT_OVER and start <= s.start and s.end <= end for s in inside):
            if len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end):
                continue
            out = [s for s in out if s not in inside]
            extra.append(Span(doc, start, end, label="ORG"))
        elif not any(i in taken for i in range(start, end)):
            extra.append(Span(doc, start, end, label="ORG"))
    taken = {i for s in out + extra for i in range(s.start, s.end)}
    for start, end in fronted_place_spans(doc):
        if not any(i in taken for i in range(start - 1, end)):
            extra.append(Span(doc, start, end, label="GPE"))
    return sorted(filter_spans(out + extra), key=lambda s: s.start)
