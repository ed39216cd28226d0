"""Syntax helpers of the people family: a person's titles, a title's bodies, birthplaces.

No rules here: :mod:`kg.extract.rules.people` declares them and calls these.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.entities import UNIT_HEADS
from kg.extract.rules.arguments import args, span_of, subjects
from kg.extract.rules.index import DocIndex
from kg.extract.rules.people_words import (
    BODY_LABELS,
    COPULAS,
    NAMING_VERBS,
    ORG_LABELS,
    PLACE_LABELS,
    TITLE_PREPS,
    is_title,
    mention_at,
    modified_outside,
    person_root,
    pobj_mentions,
    separated,
)
from kg.extract.rules.tokens import as_place
from kg.model import Mention


def titles_of(root: Token, ix: DocIndex) -> list[tuple[Token, Token | None]]:
    """The title words said of a person, each with the verb that says it (None: apposed)."""
    found: list[tuple[Token, Token | None]] = []

    def add(t: Token, verb: Token | None) -> None:
        for u in (t, *t.conjuncts):
            if u.i not in ix.ment_of and is_title(u, ix):
                found.append((u, verb))
                # "a spokesman for reform and president of Y": the parser joins the
                # second title to the first one's object
                found.extend((v, verb) for p in u.children if p.dep_ == "prep"
                             for o in p.children if o.dep_ == "pobj"
                             for v in o.conjuncts if v.i not in ix.ment_of and is_title(v, ix))

    for c in root.children:
        if c.dep_ in ("appos", "compound"):
            add(c, None)  # "X, chairman of Y"; "China's Premier Li Peng"
        if c.dep_ == "appos" and c.pos_ in ("PROPN", "NUM") and c.i not in ix.ment_of:
            # "Sen. X, D-Ariz., chairman of Y", "X, 53, president of Y": the parser
            # hangs the title on the party tag or the age
            for a in c.children:
                if a.dep_ == "appos":
                    add(a, None)
        elif c.dep_ == "relcl" and c.lemma_.lower() in COPULAS:  # "X, who is chairman of Y"
            for a in c.children:
                if a.dep_ in ("attr", "oprd"):
                    add(a, c)
    head = root.head
    if root.dep_ == "appos" and head.i != root.i:
        add(head, None)  # "the chairman of Y, X"
    if root.dep_ in ("nsubj", "nsubjpass") and head.i != root.i:
        lemma = head.lemma_.lower()
        for a in head.children:
            if a.dep_ in ("attr", "oprd") and (lemma in COPULAS or lemma in NAMING_VERBS):
                add(a, head)  # "X is the chairman of Y", "X was named president of Y"
            elif a.dep_ == "prep" and a.lower_ == "as" and lemma in COPULAS:
                for p in a.children:  # "X served as chairman of Y"
                    if p.dep_ == "pobj":
                        add(p, head)
    return found


def bodies(title: Token, ix: DocIndex) -> list[Mention]:
    """The bodies, states and peoples a title word names: its modifiers and its of-phrase."""
    found: list[Mention] = []
    for prep, m in pobj_mentions(title, TITLE_PREPS, ix, BODY_LABELS):
        if prep in ("in", "with", "for") and m.label not in ORG_LABELS:
            continue  # "an analyst in Chicago", "the envoy for Afghanistan": no body
        found.append(m)
    if not found:
        # "chief of waste disposal for the NRC": one common noun between title and body
        for c in title.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "for"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.i not in ix.ment_of:
                        found += [m for _, m in pobj_mentions(p, frozenset({"for", "at"}), ix,
                                                              ORG_LABELS)]
    frontier = [title]
    for _ in range(3):  # "a University of Texas law professor": the name is levels down
        nxt: list[Token] = []
        for t in frontier:
            for c in t.children:
                if c.dep_ not in ("compound", "nmod", "amod", "poss"):
                    continue
                m = mention_at(c, ix, BODY_LABELS)
                if m is not None and not separated(c.i, title.i, ix) and \
                        not modified_outside(c, ix):
                    found.append(m)
                elif c.dep_ == "compound":
                    nxt.append(c)
        frontier = nxt
    return list(dict.fromkeys(found))


def people_of(verb: Token, ix: DocIndex) -> list[Mention]:
    """The persons a participle is said of: its subject, the noun it modifies, or the
    subject of the clause it opens ("Born in Y, X has ...")."""
    toks = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if toks and toks[0].lower_ in ("who", "that") and verb.dep_ == "relcl":
        toks = [verb.head]  # "Angie Dickinson, who was born in Kulm"
    if not toks and verb.dep_ in ("acl", "relcl", "advcl", "conj"):
        toks = subjects(verb.head, ix) if verb.dep_ in ("advcl", "conj") else [verb.head]
    if not toks:
        toks = subjects(verb, ix)
    return [m for t in toks for m in (args(t, ix)) if isinstance(m, Mention)
            and m.label == "PERSON"]


def places_under(tok: Token, preps: frozenset[str], ix: DocIndex, depth: int = 2
                  ) -> list[Mention]:
    """The named places of ``tok``'s prepositions, looking through a common noun or a
    date the parser hung them on ("born in a manse in Staunton", "born on Feb. 5, 1907,
    in Portland")."""
    found: list[Mention] = []
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in preps | {"on"}:
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            m = mention_at(p, ix, PLACE_LABELS) if c.lower_ in preps else None
            if m is not None:
                found.append(as_place(m))
            elif depth > 0 and (p.pos_ == "NOUN" or p.ent_type_ == "DATE"):
                found += places_under(p, preps, ix, depth - 1)
    return found


def antecedent(pron: Token, ix: DocIndex) -> list[Mention]:
    """The person "his"/"her" stands for: the only person named before it in the sentence,
    when that person is a subject."""
    before = {ix.ment_of[t.i] for t in pron.sent if t.i < pron.i and t.i in ix.ment_of
              and ix.ment_of[t.i].label == "PERSON"}
    if len(before) != 1:
        return []
    person = next(iter(before))
    root = person_root(person, ix)
    return [person] if root is not None and root.dep_ in ("nsubj", "nsubjpass") else []


def right_before(m: Mention, org: Mention, ix: DocIndex) -> bool:
    """Nothing but a hyphen or a possessive between a people and the name it modifies
    ("the Soviet Navy"; not "Serbo-Croatian 2000 GMT")."""
    between = ix.doc.text[m.end:org.start]
    return between.strip() in ("", "-", "'s", "\u2019s")


def cut_name(m: Mention, ix: DocIndex) -> bool:
    """An organisation's name in capitals that the tagger cut: an untagged word in capitals
    right before it ("Tokyo MAINICHI SHIMBUN" tagged "SHIMBUN")."""
    span = span_of(m, ix)
    if m.label != "ORG" or span is None or span.start == 0 or not m.text.isupper():
        return False
    before = ix.doc[span.start - 1]
    return before.i not in ix.ment_of and before.is_alpha and before.is_upper and len(before) > 1


def is_unit(m: Mention) -> bool:
    """A unit's name: a number first and a unit word last ("3rd Battalion")."""
    words = m.text.split()
    return len(words) >= 2 and words[0][:1].isdigit() and words[-1].lower() in UNIT_HEADS


def subject_toks(verb: Token, ix: DocIndex) -> list[Token]:
    """A verb's subjects; a relative pronoun is its head, and a title apposed to a name is
    the name ("Derwinski, a Republican from Chicago who served in Congress")."""
    toks = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if toks and toks[0].lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
        head = verb.head
        toks = [head.head] if head.dep_ == "appos" and head.i not in ix.ment_of else [head]
    return toks or subjects(verb, ix)
