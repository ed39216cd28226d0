"""Relation and event rules over a parsed ``Doc``: pure functions, no side effects.

:func:`extract` reads a spaCy ``Doc`` (tokens, lemmas, dependency parse, entities)
and returns an :class:`~kg.model.Extraction`: sentences, entity mentions, event
mentions and relations, all with character offsets into ``doc.text``. It never
mutates the ``Doc`` and never loads a model, so every rule can be tested on a
``Doc`` built by hand.

Each rule is general syntax driven by the lexicon (``kg/extract/data``):

* ``svo``: verb classes with their subject and object (active, passive,
  relative clauses, participles, control, coordination on either side);
* ``nominal``: arguments of event nouns ("talks between X and Y", "X's
  demand for", "Syrian-Turkish reconciliation", "a meeting in Moscow");
* ``hyphen``: adjectival compounds ("US-backed SDF", "Russia-brokered deal");
* ``title`` / ``appos``: roles ("Russian Defense Minister Sergei Shoigu");
* ``member``: "X and Y are members of Z", "X, Y and other Z members";
* ``located``: "Tanf garrison on the Iraq-Syria border", "Ankara, Turkey".

Statements that are negated, conditional ("if ..."), modal ("could", "might")
or questions are suppressed; reported speech keeps its content and records the
speaker.
"""

from __future__ import annotations

import functools

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.lexicon import Lexicon, NounFrame, VerbFrame
from kg.model import Argument, EventMention, Extraction, Mention, Relation, Sentence

ENTITY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
#: Prepositions whose object is a place, not an actor ("talks in Moscow").
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "into", "across", "within", "inside", "throughout", "around",
     "outside", "via", "through", "over"}
)
#: Prepositions of motion: locative only after a motion verb or noun ("travel to Cairo").
MOTION_PREPS = frozenset({"to", "from", "toward", "towards"})
MOTION_WORDS = frozenset({"travel", "go", "come", "return", "fly", "send", "move", "head", "arrive",
                          "trip", "visit", "journey", "flight", "deploy", "report", "contribute",
                          "flee", "leave", "withdraw", "pull", "drive", "push", "transport", "export"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: Verbs whose object controls an infinitive ("urged Turkey to withdraw").
OBJECT_CONTROL = frozenset({"urge", "ask", "call", "press", "force", "tell", "encourage",
                            "invite", "push", "help", "allow", "persuade", "order"})
SPEECH_VERBS = frozenset({"say", "tell", "add", "state", "report", "note", "claim", "confirm",
                          "announce", "declare", "argue", "write", "insist", "stress",
                          "emphasize", "reaffirm", "assert", "explain", "warn", "believe"})
DENIAL_VERBS = frozenset({"deny", "refute", "dismiss", "reject"})
#: Verbs whose infinitive complement is asked for or aimed at, not asserted
#: ("urged Turkey to withdraw", "seeks to normalize ties").
DIRECTIVE_VERBS = frozenset({"urge", "ask", "call", "press", "demand", "request", "encourage", "invite",
                             "tell", "order", "want", "seek", "hope", "plan", "aim", "try", "attempt",
                             "wish", "push", "expect", "like"})
HEDGE_MODALS = frozenset({"could", "might", "may", "should"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
WH_WORDS = frozenset({"which", "who", "that", "whom"})
#: Verbs whose Meeting subject and "in" phrase give heldIn ("the meeting began in Moscow").
HAPPEN_VERBS = frozenset({"hold", "take", "begin", "start", "convene", "open", "end",
                          "conclude", "happen", "occur", "be", "continue", "resume"})
PREREQUISITES = frozenset({"prerequisite", "precondition", "condition", "requirement", "priority"})
#: Communication nouns: what they report is not what the governing verb acts on.
REPORT_NOUNS = frozenset({"report", "claim", "rumor", "rumour", "allegation", "speculation", "story",
                          "news", "statement", "remark", "comment", "assertion"})
#: Head nouns of places a named place can be part of ("Tanf garrison on the border").
PLACE_NOUNS = frozenset({"garrison", "base", "province", "city", "region", "border", "town", "village",
                         "area", "camp", "airport", "port", "highway", "district", "governorate", "crossing"})
OFFICIAL_NOUNS = frozenset({"official", "authority", "government", "leadership", "diplomat", "administration",
                            "leader"})
HYPHEN_DEPS = frozenset({"npadvmod", "compound", "nmod", "amod", "nsubj", "advmod"})
PARTICIPANT_EVENT_TYPES = frozenset({"Meeting", "Normalization", "Agreement", "Election"})
PRONOUNS = frozenset({"it", "its", "they", "their", "them"})


def extract(doc: Doc, *, lexicon: Lexicon | None = None,
            trace: list[tuple[int, str, str]] | None = None) -> Extraction:
    """Find sentences, entity mentions, events and relations in a parsed ``Doc``.

    Args:
        doc: A ``Doc`` with POS tags, lemmas, a dependency parse and entities.
        lexicon: Verb classes and event nouns; the packaged lexicon by default.
        trace: If given, gets ``(sentence index, verb, reason)`` for every clause
            whose statements were suppressed (used by ``kg explain --why-not``).

    Returns:
        Everything found, with character offsets into ``doc.text``.
    """
    extractor = _Extractor(doc, lexicon or Lexicon.default())
    extractor.trace = trace
    return extractor.run()


class _Extractor:
    """One pass over one ``Doc``. Private: use :func:`extract`."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lex = lexicon
        self.sentences: list[Sentence] = []
        self.sent_of: dict[int, int] = {}
        self.ment_of: dict[int, Mention] = {}
        self.mentions: list[Mention] = []
        self.event_of: dict[int, EventMention] = {}
        self.events: list[EventMention] = []
        self.relations: dict[tuple, Relation] = {}
        self.trace: list[tuple[int, str, str]] | None = None

    # ------------------------------------------------------------------ driver
    def run(self) -> Extraction:
        self._sentences()
        self._mentions()
        self._events()
        for tok in self.doc:
            if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBG", "VBD"):
                self._verb_rules(tok)
                self._prerequisite_rule(tok)
                self._purpose_rule(tok)
                self._happen_rule(tok)
            if tok.i in self.event_of and self.event_of[tok.i].start == tok.idx or (
                tok.i in self.event_of and tok.pos_ in ("NOUN", "PROPN")
            ):
                self._nominal_rules(tok, self.event_of[tok.i])
            if tok.lower_ in ("member", "members"):
                self._member_rule(tok)
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in self.ment_of:
                frame = _lookup(self.lex.nouns, tok)
                if frame is not None:
                    self._relational_noun(tok, frame)
                rel = _lookup(self.lex.mutual_nouns, tok)
                if rel is not None:
                    self._mutual_noun(tok, rel)
        for m in self.mentions:
            if m.label == "PERSON":
                self._title_rules(m)
            if m.label in ("GPE", "LOC", "FAC"):
                self._located_rule(m)
            if m.label == "ORG":
                self._org_owner_rule(m)
        return Extraction(
            sentences=tuple(self.sentences),
            mentions=tuple(self.mentions),
            events=tuple(self.events),
            relations=tuple(self.relations.values()),
        )

    # --------------------------------------------------------------- structure
    def _sentences(self) -> None:
        doc_text = self.doc.text  # built by joining every token: read it once, not per sentence
        for i, sent in enumerate(self.doc.sents):
            text = doc_text[sent.start_char:sent.end_char]
            start = sent.start_char + (len(text) - len(text.lstrip()))
            end = sent.end_char - (len(text) - len(text.rstrip()))
            self.sentences.append(Sentence(start, end, doc_text[start:end]))
            for tok in sent:
                self.sent_of[tok.i] = i

    def _mentions(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            ent = _trim(ent)
            if ent is None or self._is_title_fragment(ent):
                continue
            m = Mention(ent.start_char, ent.end_char, ent.text, ent.label_,
                        self.sent_of[ent.start], _acting(ent))
            self.mentions.append(m)
            for tok in ent:
                self.ment_of[tok.i] = m

    def _is_title_fragment(self, ent: Span) -> bool:
        """"Defense" tagged ORG inside "Russian Defense Minister Sergei Shoigu"."""
        if ent.label_ != "ORG" or len(ent) > 2:
            return False
        head = ent.root.head
        while head.dep_ == "compound" and head.head.i != head.i:
            if head.lower_ in self.lex.titles:
                return True
            head = head.head
        return head.lower_ in self.lex.titles or any(
            e.label_ == "PERSON" and head in e for e in self.doc.ents
        )

    def _events(self) -> None:
        for tok in self.doc:
            if tok.i in self.ment_of:
                continue
            ev = self._event_noun(tok) or self._event_verb(tok)
            if ev is None:
                continue
            ev_type, start_tok, end_tok = ev
            span = self.doc[start_tok.i:end_tok.i + 1]
            mention = EventMention(span.start_char, span.end_char, span.text, ev_type,
                                   self.sent_of[tok.i], self._date_of(tok))
            mention = self._corefer(tok, mention)
            self.events.append(mention) if mention not in self.events else None
            for t in span:
                if t.i not in self.ment_of:
                    self.event_of.setdefault(t.i, mention)
            self.event_of[tok.i] = mention

    def _event_noun(self, tok: Token) -> tuple[str, Token, Token] | None:
        # an event noun the tagger took for an adjective ("rapprochement talks") still counts
        if tok.pos_ not in ("NOUN", "PROPN") and not (tok.pos_ == "ADJ" and tok.dep_ in ("amod", "compound")):
            return None
        entry = _lookup(self.lex.event_nouns, tok)
        if entry is None:
            return None
        if tok.dep_ in ("compound", "amod") and tok.head.lemma_.lower() in self.lex.actor_nouns:
            return None  # "Israeli occupation forces" are forces, not an occupation
        if "plural" in entry.requires and not (tok.tag_ in ("NNS", "NNPS") or tok.lower_.endswith("s")):
            return None
        words = {r for r in entry.requires if r not in ("plural", "noun")}
        if words:
            near = {t.lemma_.lower() for t in tok.subtree} | {t.lower_ for t in tok.subtree}
            near |= {c.lemma_.lower() for c in tok.head.children} | {tok.head.lemma_.lower()}
            if not words & near:
                return None
        j = tok.i
        subtree = {t.i for t in tok.subtree}
        while j - 1 in subtree and j - 1 not in self.ment_of and (
            self.doc[j - 1].dep_ in ("compound", "amod", "nummod", "npadvmod", "nmod")
            or self.doc[j - 1].tag_ == "HYPH"
        ) and self.doc[j - 1].pos_ != "PROPN":
            j -= 1
        while j < tok.i and self.doc[j].is_punct:
            j += 1
        left = self.doc[j]
        return entry.type, left, tok

    def _event_verb(self, tok: Token) -> tuple[str, Token, Token] | None:
        frames = _lookup(self.lex.event_verbs, tok)
        if not frames or tok.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ"):
            return None
        if tok.pos_ != "VERB" and tok.tag_ not in ("VB", "VBG", "VBN", "VBD", "VBZ", "VBP") \
                and not tok.lower_.endswith("ing"):
            return None
        for frame in frames:
            if not frame.objects:
                return frame.type, tok, tok
            for cand in self._verb_objects_for_event(tok):
                if cand.lemma_.lower() in frame.objects or cand.lower_ in frame.objects:
                    lo, hi = (tok, cand) if tok.i < cand.i else (cand, tok)
                    return frame.type, lo, hi
        return None

    @staticmethod
    def _verb_objects_for_event(tok: Token) -> Iterator[Token]:
        for child in tok.children:
            if child.dep_ in ("dobj", "prt", "nsubjpass", "attr"):
                yield child
            if child.dep_ == "prep":
                yield child
                yield from (c for c in child.children if c.dep_ == "pobj")
        if tok.dep_ in ("amod", "acl"):  # "normalizing ties", "ties normalized"
            yield tok.head

    def _date_of(self, tok: Token) -> str | None:
        """The date phrase of an event: "talks on Tuesday", "the meeting began on December 28, 2022"."""
        holders = [tok]
        gov = _governing_verb(tok)
        if gov is not None and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
            holders.append(gov)
        for h in holders:
            for c in h.children:
                target = c if c.dep_ == "npadvmod" else next(
                    (p for p in c.children if p.dep_ == "pobj"), None) if c.dep_ == "prep" and c.lower_ == "on" else None
                if target is not None and target.ent_type_ == "DATE":
                    ent = next((e for e in self.doc.ents if e.start <= target.i < e.end), None)
                    if ent is not None:
                        return ent.text
        return None

    def _corefer(self, tok: Token, mention: EventMention) -> EventMention:
        """A definite event NP ("this meeting", "the talks") is the last event of its type."""
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
        if not dets & {"the", "this", "these", "that", "those"}:
            return mention
        own_args = {c.lower_ for c in tok.children if c.dep_ == "prep"} & {"between", "with", "in", "of"}
        if own_args:
            return mention
        for prev in reversed(self.events):
            if prev.type == mention.type and mention.sentence - prev.sentence <= 3:
                return prev
        return mention

    # --------------------------------------------------------------- arguments
    def args(self, tok: Token, *, place: bool = False) -> list[Argument]:
        """The mentions or events a syntactic argument stands for, with coordination."""
        out: list[Argument] = []
        for t in (tok, *tok.conjuncts):
            group = [t]
            for c in t.children:
                # "its proxy, the Syrian Democratic Forces"; but "X, the secretary of Y" describes X
                if c.dep_ == "appos" and not (t.i in self.ment_of and self.ment_of[t.i].label == "PERSON"):
                    group += [c, *c.conjuncts]
                elif c.dep_ == "prep" and c.lower_ in ("including", "like"):  # "Arab states, including X"
                    group += [g for p in c.children if p.dep_ == "pobj" for g in (p, *p.conjuncts)]
            for g in group:
                for a in self._arg1(g, place=place):
                    if a not in out:
                        out.append(a)
        return out

    def _arg1(self, tok: Token, *, place: bool) -> list[Argument]:
        if tok.i in self.ment_of:
            m = self.ment_of[tok.i]
            after = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if m.label == "ORG" and after is not None and after.end < len(self.doc) and \
                    self.doc[after.end].lower_ in ("member", "members", "states", "countries"):
                return []  # "other OIC members" are the members, not the OIC
            if place and m.acting:
                m = _as_place(m)
            return [m]
        if tok.i in self.event_of:
            return [self.event_of[tok.i]]
        if tok.lower_ in PRONOUNS and not place:
            ante = self._antecedent(tok)
            return [ante] if ante else []
        if place and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            return self._place_within(tok)
        if tok.pos_ in ("NOUN", "PROPN"):
            lemma = tok.lemma_.lower()
            if lemma in self.lex.actor_nouns or tok.lower_ in self.lex.actor_nouns \
                    or lemma in self.lex.titles:
                found: list[Argument] = []
                for child in tok.children:
                    if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i in self.ment_of:
                        for m in self._mention_group(child):
                            if m.label == "PERSON" and lemma in ("government", "regime", "administration"):
                                # "the Assad government" acts for the leader's state
                                m = Mention(m.start, m.end, m.text, "GOVT", m.sentence, True)
                            found.append(m)
                    elif child.dep_ == "prep" and (child.lower_ in ("from", "of") or (
                            child.lower_ == "in" and lemma in OFFICIAL_NOUNS)):  # "officials in Ankara"
                        for p in child.children:
                            if p.dep_ == "pobj":
                                found.extend(_as_actor(m) for m in self.args(p) if isinstance(m, Mention))
                return [_as_actor(m) if isinstance(m, Mention) else m for m in found]
            for child in tok.children:  # "the normalization process"
                if child.dep_ in ("compound", "amod", "nmod") and child.i in self.event_of:
                    return [self.event_of[child.i]]
        return []

    def _place_within(self, tok: Token, depth: int = 3) -> list[Argument]:
        """The place a partitive phrase is in: "a portion of northeast Syria", "Syria's north"."""
        frontier = [tok]
        for _ in range(depth):
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i in self.ment_of:
                        m = self.ment_of[c.i]
                        if m.label in ("GPE", "LOC", "FAC", "NORP"):
                            return [_as_place(m)]
                    if c.dep_ == "prep" and c.lower_ in ("of", "in", "within", "inside"):
                        for p in c.children:
                            if p.dep_ == "pobj":
                                if p.i in self.ment_of and self.ment_of[p.i].label in ("GPE", "LOC", "FAC"):
                                    return [_as_place(self.ment_of[p.i])]
                                nxt.append(p)
            frontier = nxt
        return []

    def _mention_group(self, tok: Token) -> list[Mention]:
        """A modifier and its conjuncts: "the Syrian and Turkish governments"."""
        out = []
        for t in (tok, *tok.conjuncts):
            # "US-Iran talks", "Syrian-Turkish reconciliation": the first name hangs on the second
            pair = [c for c in t.children if c.dep_ in ("compound", "amod", "npadvmod", "nmod")
                    and c.i + 1 < len(self.doc) and self.doc[c.i + 1].text in ("-", "–")]
            for u in (*pair, t):
                if u.i in self.ment_of and self.ment_of[u.i] not in out:
                    out.append(self.ment_of[u.i])
        return out

    def _antecedent(self, pron: Token) -> Mention | None:
        """The nearest preceding actor that is a subject in the same sentence."""
        sent = self.doc[pron.i].sent
        best = None
        for t in sent:
            if t.i >= pron.i:
                break
            if t.i in self.ment_of and t.dep_ in ("nsubj", "nsubjpass") and \
                    self.ment_of[t.i].label in ("GPE", "ORG", "NORP"):
                best = self.ment_of[t.i]
        return _as_actor(best) if best else None

    def subjects(self, verb: Token) -> list[Token]:
        """Syntactic subjects of a verb: own, relative-clause head, controller, shared."""
        subs = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subs:
            if subs[0].lower_ in WH_WORDS and verb.dep_ == "relcl":
                return [verb.head]
            return subs
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if agents:
            return agents
        head = verb.head
        if head.i == verb.i:
            return []
        if verb.dep_ == "xcomp":
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs and head.lemma_.lower() in OBJECT_CONTROL:
                return objs
            return self.subjects(head)
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            return self.subjects(head)
        if verb.dep_ in ("acomp", "attr") and head.pos_ in ("VERB", "AUX"):
            return self.subjects(head)  # "Ankara and Damascus are appalled by X"
        if verb.dep_ == "acl" and head.lower_ in self.lex.effort_nouns:
            # "the Kremlin's efforts to broker", "joined the attempt to overthrow"
            poss = [c for c in head.children if c.dep_ == "poss"]
            if poss:
                return poss
            gov = head.head
            if head.dep_ in ("dobj", "pobj", "attr") and gov.i != head.i:
                gov = gov.head if gov.dep_ == "prep" else gov
                if gov.pos_ in ("VERB", "AUX"):
                    return self.subjects(gov)
            return []
        if verb.dep_ in ("acl", "relcl"):
            return [head]
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            return self.subjects(head)
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            return self.subjects(head.head)  # "Russia will focus on developing cooperation"
        return []

    # ---------------------------------------------------------------- verb rules
    def _verb_rules(self, verb: Token) -> None:
        frames = _lookup(self.lex.verbs, verb)
        if not frames:
            return
        if self._hyphen_rule(verb, frames):
            return
        if self._suppressed(verb):
            return
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and any(c.dep_ == "agent" for c in verb.children)
        )  # "the talks (which were) hosted by Egypt"
        speaker = self._speaker(verb)
        for frame in frames:
            if frame.prep == "by":
                subj_toks = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
                if not subj_toks and verb.dep_ in ("acomp", "attr"):
                    subj_toks = self.subjects(verb.head)  # "Ankara and Damascus are appalled by X"
                obj_toks = [p for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                            for p in c.children if p.dep_ == "pobj"]
            elif passive:
                subj_toks = [p for c in verb.children if c.dep_ == "agent"
                             for p in c.children if p.dep_ == "pobj"]
                obj_toks = [c for c in verb.children if c.dep_ == "nsubjpass"] if not frame.prep else \
                    self._prep_objects(verb, frame.prep)
                if not obj_toks and verb.dep_ in ("acl", "relcl"):
                    obj_toks = [verb.head]
            else:
                subj_toks = self.subjects(verb)
                obj_toks = self._objects(verb, frame)
            self._emit_frame(verb, frame, subj_toks, obj_toks, speaker, passive)
        self._meet_rule(verb, frames, speaker)
        self._verb_extras(verb, speaker)

    def _objects(self, verb: Token, frame: VerbFrame) -> list[Token]:
        if frame.prep:
            toks = self._prep_objects(verb, frame.prep)
        else:
            toks = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        if frame.object in ("event", "any"):
            # the event of an infinitive complement: "seek to normalize ties"
            toks += [c for c in verb.children if c.dep_ == "xcomp" and c.i in self.event_of]
        if frame.object == "place" and not frame.prep:
            # "occupied territory within Syria's northern border"
            toks += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("within", "in", "inside", "across", "over")
                     for p in c.children if p.dep_ == "pobj"]
        return toks

    @staticmethod
    def _prep_objects(verb: Token, prep: str) -> list[Token]:
        out = []
        for c in verb.children:
            if c.dep_ in ("prep", "agent", "prt") and c.lower_ == prep:
                out += [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
        return out

    def _emit_frame(self, verb: Token, frame: VerbFrame, subj_toks: list[Token],
                    obj_toks: list[Token], speaker: Mention | None, passive: bool) -> None:
        subjects = [a for t in subj_toks for a in self.args(t)]
        if frame.object == "inverse":  # "the meeting, which included Russia"
            events = [a for a in subjects if isinstance(a, EventMention)]
            actors = [a for t in obj_toks for a in self.args(t) if isinstance(a, Mention)]
            for ev in events:
                for actor in actors:
                    self._add(_as_actor(actor), frame.relation, ev, verb, "svo:inverse",
                              frame.confidence, speaker)
            return
        objects: list[Argument] = []
        for t in obj_toks:
            found = self.args(t, place=frame.object == "place")
            if frame.object in ("event", "any"):
                for c in (t, *t.conjuncts):
                    if not self.args(c):
                        deep = self._deep_event(c)
                        if deep is not None and deep not in found:
                            found.append(deep)
            objects += found
        rule = "svo:passive" if passive else "svo"
        for s in subjects:
            for o in objects:
                if not self._fits(frame, s, o):
                    continue
                subj = _as_actor(s) if isinstance(s, Mention) else s
                self._add(subj, frame.relation, o, verb, rule, frame.confidence, speaker)

    def _fits(self, frame: VerbFrame, s: Argument, o: Argument) -> bool:
        if s == o:
            return False
        rel = frame.relation
        if isinstance(s, EventMention) and not (rel == "discusses" and s.type == "Meeting"):
            return False
        if frame.object == "event" and not isinstance(o, EventMention):
            return False
        if frame.object in ("actor", "place") and not isinstance(o, Mention):
            return False
        if rel == "hosts" and not (isinstance(o, EventMention) and o.type == "Meeting"):
            return False
        if rel in ("participatesIn",) and not isinstance(o, EventMention):
            return False
        if rel in ("meetsWith", "cooperatesWith", "accuses") and not isinstance(o, Mention):
            return False
        if isinstance(o, Mention) and o.label == "NORP" and rel in ("occupies",):
            return False
        return True

    def _deep_event(self, tok: Token, depth: int = 4) -> EventMention | None:
        """The first event inside an object phrase: "the need to ... return refugees"."""
        if tok.lemma_.lower() in REPORT_NOUNS:
            return None
        frontier = [tok]
        for _ in range(depth):
            nxt = []
            for t in frontier:
                if t is not tok and t.lemma_.lower() in REPORT_NOUNS:
                    continue  # "rejected reports of a deal" rejects the reports, not the deal
                for c in t.children:
                    if c.dep_ in ("relcl", "nsubj", "advcl", "ccomp", "conj", "cc", "punct"):
                        continue
                    if c.dep_ == "prep" and c.lower_ in SETTING_PREPS:
                        continue  # "discussed ways to raise trade in a meeting": the setting
                    if c.i in self.event_of:
                        return self.event_of[c.i]
                    nxt.append(c)
            frontier = nxt
        return None

    def _hyphen_rule(self, verb: Token, frames: Iterable[VerbFrame]) -> bool:
        """"US-backed SDF", "Russia-brokered deal", "CIA-led war"."""
        if verb.tag_ not in ("VBN", "VBD", "JJ") or verb.dep_ not in ("amod", "compound", "acl", "nmod"):
            return False
        for child in verb.lefts:
            if child.dep_ not in HYPHEN_DEPS or child.i not in self.ment_of:
                continue
            nxt = self.doc[child.i + 1] if child.i + 1 < len(self.doc) else None
            if nxt is None or nxt.text not in ("-", "–") or nxt.i + 1 != verb.i:
                continue
            actor = _as_actor(self.ment_of[child.i])
            targets = self.args(verb.head)
            for frame in frames:
                for target in targets:
                    if frame.relation in ("supports", "occupies", "attacks", "opposes") or (
                        frame.relation == "participatesIn" and isinstance(target, EventMention)
                    ):
                        if frame.relation == "occupies" and not isinstance(target, Mention):
                            continue
                        self._add(actor, frame.relation, target, verb, "hyphen", frame.confidence, None)
                        break
            return True
        if verb.dep_ == "amod" and verb.tag_ == "VBN":
            # "Turkey's banned Kurdistan Workers' Party": the possessor did it
            owners = [c for c in verb.head.children if c.dep_ == "poss" and c.i in self.ment_of]
            targets = self.args(verb.head)
            for frame in frames:
                if frame.object in ("actor", "any"):
                    for o in owners:
                        for t in targets:
                            if isinstance(t, Mention):
                                self._add(_as_actor(self.ment_of[o.i]), frame.relation, t, verb,
                                          "poss-participle", frame.confidence * 0.9, None)
            if owners:
                return True
        if verb.lemma_.lower() == "lead":
            for child in verb.lefts:
                if child.i in self.ment_of and self.doc[child.i + 1].text in ("-", "–"):
                    actor = _as_actor(self.ment_of[child.i])
                    for target in self.args(verb.head):
                        if isinstance(target, EventMention):
                            self._add(actor, "participatesIn", target, verb, "hyphen", 0.75, None)
                    return True
        return False

    def _meet_rule(self, verb: Token, frames: Iterable[VerbFrame], speaker: Mention | None) -> None:
        """"X, Y and Z met (in Moscow) (for talks)": pairwise meetsWith, participation, place."""
        if verb.lemma_.lower() != "meet":
            return
        subs = [a for t in self.subjects(verb) for a in self.args(t) if isinstance(a, Mention)]
        has_obj = any(c.dep_ == "dobj" for c in verb.children) or self._prep_objects(verb, "with")
        if not has_obj and len(subs) >= 2:
            for i, a in enumerate(subs):
                for b in subs[i + 1:]:
                    self._add(_as_actor(a), "meetsWith", _as_actor(b), verb, "svo:reciprocal", 0.8, speaker)
        events = [self._deep_event(p, 3) or (self.event_of.get(p.i)) for p in self._prep_objects(verb, "for")]
        places = [a for p in self._prep_objects(verb, "in") for a in self.args(p, place=True)]
        for ev in events:
            if ev is None:
                continue
            for s in subs:
                self._add(_as_actor(s), "participatesIn", ev, verb, "svo:meet-for", 0.75, speaker)
            for pl in places:
                if isinstance(pl, Mention):
                    self._add(ev, "heldIn", pl, verb, "svo:meet-in", 0.75, speaker)

    def _verb_extras(self, verb: Token, speaker: Mention | None) -> None:
        lemma = verb.lemma_.lower()
        subs = [a for t in self.subjects(verb) for a in self.args(t)]
        # "hold talks with X" / "receive X for talks": participation and hosting
        if lemma in ("hold", "receive", "host", "have"):
            events = [self.event_of[c.i] for c in verb.children if c.dep_ == "dobj" and c.i in self.event_of]
            events += [e for p in self._prep_objects(verb, "for")
                       for e in [self.event_of.get(p.i) or self._deep_event(p, 2)] if e]
            partners = [a for p in self._prep_objects(verb, "with") for a in self.args(p)]
            for ev in events:
                if ev.type != "Meeting":
                    continue
                for d in (c for c in verb.children if c.dep_ == "dobj" and c.i in self.event_of):
                    partners += [a for p in self._prep_objects(d, "with") for a in self.args(p)]
                for s in subs:
                    if not isinstance(s, Mention):
                        continue
                    if lemma in ("receive", "host") and any(
                        c.dep_ == "dobj" and c.i not in self.event_of for c in verb.children
                    ):
                        self._add(_as_actor(s), "hosts", ev, verb, "svo:receive-for", 0.75, speaker)
                    for p in partners:
                        if isinstance(p, Mention):
                            self._add(_as_actor(s), "meetsWith", _as_actor(p), verb, "svo:hold-with", 0.8, speaker)
                for p in partners:
                    if isinstance(p, Mention):
                        self._add(_as_actor(p), "participatesIn", ev, verb, "svo:hold-with", 0.75, speaker)
        # "Moscow hosted the talks": the host city is also where they were held
        if lemma == "host":
            for s_tok in self.subjects(verb):
                if s_tok.i not in self.ment_of or self.ment_of[s_tok.i].label not in ("GPE", "LOC", "FAC"):
                    continue
                for d in verb.children:
                    if d.dep_ == "dobj":
                        for ev in self.args(d):
                            if isinstance(ev, EventMention) and ev.type == "Meeting":
                                self._add(ev, "heldIn", _as_place(self.ment_of[s_tok.i]), verb,
                                          "svo:host-place", 0.7, speaker)

    def _happen_rule(self, verb: Token) -> None:
        """"The meeting began in Moscow", "talks were held in Cairo", "held a meeting in Moscow"."""
        lemma = verb.lemma_.lower()
        if lemma not in HAPPEN_VERBS or self._suppressed(verb):
            return
        speaker = self._speaker(verb)
        subs = [a for t in self.subjects(verb) for a in self.args(t)]
        deps = ("nsubjpass", "dobj") if lemma == "hold" else ("nsubjpass",)
        meets = [a for a in subs if isinstance(a, EventMention) and a.type == "Meeting"]
        meets += [a for c in verb.children if c.dep_ in deps for a in self.args(c)
                  if isinstance(a, EventMention) and a.type == "Meeting"]
        for prep in ("in", "at"):
            for p in self._prep_objects(verb, prep):
                for pl in self.args(p, place=True):
                    if isinstance(pl, Mention):
                        for ev in meets:
                            self._add(ev, "heldIn", pl, verb, "svo:held-in", 0.8, speaker)

    # ------------------------------------------------------------- noun rules
    def _noun_agents(self, tok: Token) -> list[Argument]:
        """Who does what a noun names: its possessor or demonym, else the light verb's subject."""
        agents: list[Argument] = []
        for c in tok.children:
            if c.dep_ == "poss":
                agents += [a for a in self.args(c) if isinstance(a, Mention)]
            elif c.dep_ in ("amod", "compound", "nmod") and c.i in self.ment_of:
                agents += self._mention_group(c)
        if agents:
            return agents
        head = tok.head
        if tok.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX") and (
            self._light(head) or head.lemma_.lower() == "be"
        ):
            return [a for s in self.subjects(head) for a in self.args(s) if isinstance(a, Mention)]
        return []

    def _light(self, verb: Token) -> bool:
        return any(lem in self.lex.light_verbs for lem in lemmas(verb))

    def _relational_noun(self, tok: Token, frame: NounFrame) -> None:
        """"Russia's support for X", "cooperation with Iran", "Turkey has control over X"."""
        governor = _governing_verb(tok)
        if self._noun_suppressed(tok):
            return
        speaker = self._speaker(governor) if governor is not None else None
        place = frame.object == "place"
        objects: list[Argument] = []
        holders = [tok]
        if tok.dep_ == "dobj" and self._light(tok.head):
            holders.append(tok.head)  # "Iran provides support to Hezbollah": "to" hangs on the verb
        for c in (c for h in holders for c in h.children):
            if c.dep_ == "prep" and c.lower_ in frame.preps:
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        found = self.args(p, place=place)
                        if not found and frame.object in ("event", "any"):
                            deep = self._deep_event(p, 2)
                            found = [deep] if deep else []
                        objects += found
        patient_first = False
        if not objects and tok.dep_ == "pobj" and tok.head.lower_ == "under":
            # "the SDF has been under Turkish threat": the subject is the patient
            gov = tok.head.head
            if gov.pos_ in ("VERB", "AUX"):
                objects = [a for s in self.subjects(gov) for a in self.args(s)]
                patient_first = True
        agents = self._noun_agents(tok) if not patient_first else [
            a for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in self.ment_of
            for a in self._mention_group(c)]
        for a in agents:
            for o in objects:
                if frame.object in ("actor", "place") and not isinstance(o, Mention):
                    continue
                if frame.object == "event" and not isinstance(o, EventMention):
                    continue
                self._add(_as_actor(a) if isinstance(a, Mention) else a, frame.relation, o, tok,
                          f"noun:{frame.lemma}", frame.confidence, speaker)

    def _mutual_noun(self, tok: Token, relation: str) -> None:
        """"long-time regional rivals Iran and Saudi Arabia": every pair, both ways."""
        group: list[Mention] = []
        for c in tok.children:
            if c.dep_ in ("appos", "compound", "nmod") and c.i in self.ment_of:
                group += [m for m in self._mention_group(c) if m not in group]
        if tok.dep_ == "appos" and tok.head.i in self.ment_of:
            group += [m for m in self._mention_group(tok.head) if m not in group]
        targets = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj" for a in self.args(p) if isinstance(a, Mention)]
        if self._noun_suppressed(tok):
            return
        if targets:  # "Russia and Iran, close allies of Assad": each of the group to the "of" party
            for a in group:
                for b in targets:
                    self._add(_as_actor(a), relation, _as_actor(b), tok, "noun:mutual-of", 0.7, None)
            return
        if len(group) < 2:
            return
        for a in group:
            for b in group:
                if a != b:
                    self._add(_as_actor(a), relation, _as_actor(b), tok, "noun:mutual", 0.65, None)

    # ------------------------------------------------------------- nominal rules
    def _nominal_rules(self, tok: Token, ev: EventMention) -> None:
        governor = _governing_verb(tok)
        if self._suppressed(tok) if tok.pos_ == "VERB" else self._noun_suppressed(tok):
            return
        speaker = self._speaker(governor) if governor is not None else None
        self._event_adjunct(tok, ev, speaker)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("between", "among", "with"):
                actors = [a for p in child.children if p.dep_ == "pobj"
                          for a in self.args(p) if isinstance(a, Mention)]
                if ev.type in PARTICIPANT_EVENT_TYPES or child.lower_ == "between":
                    for a in actors:
                        self._add(_as_actor(a), "participatesIn", ev, tok, f"nominal:{child.lower_}",
                                  0.75, speaker)
                if ev.type == "Meeting" and child.lower_ == "between":
                    for i, a in enumerate(actors):
                        for b in actors[i + 1:]:
                            self._add(_as_actor(a), "meetsWith", _as_actor(b), tok, "nominal:between",
                                      0.7, speaker)
                if ev.type == "Conflict" and child.lower_ == "with":
                    self._conflict_target(tok, ev, actors, speaker)
            elif child.dep_ == "prep" and child.lower_ in ("in", "at") and ev.type == "Meeting":
                for p in child.children:
                    if p.dep_ == "pobj":
                        for pl in self.args(p, place=True):
                            if isinstance(pl, Mention) and pl.label in ("GPE", "LOC", "FAC"):
                                self._add(ev, "heldIn", pl, tok, "nominal:in", 0.8, speaker)
            elif child.dep_ == "prep" and child.lower_ in ("on", "against") and ev.type in ("Conflict", "Attack"):
                targets = [a for p in child.children if p.dep_ == "pobj" for a in self.args(p)
                           if isinstance(a, Mention)]
                self._conflict_target(tok, ev, targets, speaker)
            elif child.dep_ == "prep" and child.lower_ == "of" and ev.type == "Normalization":
                for p in child.children:
                    if p.dep_ == "pobj":
                        for gc in p.children:
                            if gc.dep_ == "prep" and gc.lower_ in ("between", "with"):
                                for pp in gc.children:
                                    if pp.dep_ == "pobj":
                                        for a in self.args(pp):
                                            if isinstance(a, Mention):
                                                self._add(_as_actor(a), "participatesIn", ev, tok,
                                                          "nominal:of-between", 0.7, speaker)
            elif child.dep_ in ("poss",) and ev.type in PARTICIPANT_EVENT_TYPES | {"Conflict"}:
                for a in self.args(child):
                    if isinstance(a, Mention):
                        self._add(_as_actor(a), "participatesIn", ev, tok, "nominal:poss", 0.7, speaker)
            elif child.dep_ in ("amod", "compound", "nmod") and child.i in self.ment_of \
                    and ev.type in ("Meeting", "Normalization", "Agreement"):
                group = self._mention_group(child)
                for a in group:
                    self._add(_as_actor(a), "participatesIn", ev, tok, "nominal:modifier", 0.7, speaker)
                if ev.type == "Meeting":  # "US-Iran talks"
                    for i, a in enumerate(group):
                        for b in group[i + 1:]:
                            self._add(_as_actor(a), "meetsWith", _as_actor(b), tok, "nominal:modifier", 0.65, speaker)
        # "Iran and Saudi Arabia restored relations": who does a joint event verb takes part
        if tok.pos_ == "VERB" and ev.type in ("Normalization", "Agreement", "Meeting"):
            for s_tok in self.subjects(tok):
                for a in self.args(s_tok):
                    if isinstance(a, Mention):
                        self._add(_as_actor(a), "participatesIn", ev, tok, "svo:event-verb", 0.7, speaker)
        # "Syrian-Turkish relations" inside a normalization phrase: modifiers of the object noun
        if ev.type == "Normalization" and tok.pos_ == "VERB":
            for obj in self._verb_objects_for_event(tok):
                if obj.lemma_.lower() not in ("tie", "relation", "relationship"):
                    continue
                for child in obj.children:
                    if child.dep_ in ("amod", "compound", "nmod") and child.i in self.ment_of:
                        for a in self._mention_group(child):
                            self._add(_as_actor(a), "participatesIn", ev, obj, "nominal:modifier",
                                      0.7, speaker)
                    if child.dep_ == "prep" and child.lower_ in ("between", "with"):
                        for p in child.children:
                            if p.dep_ == "pobj":
                                for a in self.args(p):
                                    if isinstance(a, Mention):
                                        self._add(_as_actor(a), "participatesIn", ev, obj,
                                                  "nominal:between", 0.75, speaker)
        # Occupation with an agent: "Ankara's occupation of northern Syria"
        if ev.type == "Occupation":
            agents = [a for c in tok.children if c.dep_ in ("poss", "compound", "amod") and c.i in self.ment_of
                      for a in self._mention_group(c)]
            places = [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                      for p in c.children if p.dep_ == "pobj" for a in self.args(p, place=True)
                      if isinstance(a, Mention)]
            for a in agents:
                for pl in places:
                    self._add(_as_actor(a), "occupies", pl, tok, "nominal:occupation", 0.7, speaker)

    def _event_adjunct(self, tok: Token, ev: EventMention, speaker: Mention | None) -> None:
        """Events hung on a verb or a meeting's topic.

        * "Assad said after a meeting with Putin", "travelled to Cairo for talks with
          X": the verb's subject takes part, meets the "with" partners, and a
          destination is where the meeting was held;
        * "At the talks, the participants explored X", "the meeting during which X
          was discussed": the meeting discusses the verb's object;
        * "talks on X", "discussions about X": the meeting discusses X.
        """
        if ev.type == "Meeting":
            for c in tok.children:  # "rapprochement talks": a meeting named by its topic
                if c.dep_ in ("compound", "amod", "nmod") and c.i in self.event_of and self.event_of[c.i] != ev:
                    self._add(ev, "discusses", self.event_of[c.i], tok, "nominal:topic-modifier", 0.7, speaker)
            for rc in tok.children:  # "the meeting during which X was discussed"
                if rc.dep_ == "relcl" and self._discuss_verb(rc) and any(
                    c.dep_ == "prep" and any(p.lower_ in WH_WORDS for p in c.children) for c in rc.children
                ):
                    self._meeting_discusses(ev, rc, speaker)
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("on", "about", "over", "regarding", "concerning"):
                    for p in c.children:
                        if p.dep_ in ("pobj", "pcomp"):
                            topic = self.event_of.get(p.i) or self._deep_event(p, 3)
                            if topic is not None and topic != ev:
                                self._add(ev, "discusses", topic, tok, "nominal:topic", 0.7, speaker)
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            return
        prep, verb = tok.head, tok.head.head
        if verb.pos_ not in ("VERB", "AUX") or self._suppressed(verb):
            return
        if ev.type == "Meeting" and prep.lower_ in ("at", "during", "in") and self._discuss_verb(verb):
            self._meeting_discusses(ev, verb, speaker)
        if ev.type == "Meeting" and prep.lower_ in ("after", "during", "at", "for", "following", "in", "before"):
            subjects = [a for s in self.subjects(verb) for a in self.args(s) if isinstance(a, Mention)]
            partners = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                        for p in c.children if p.dep_ == "pobj" for a in self.args(p) if isinstance(a, Mention)]
            for sub in subjects:
                self._add(_as_actor(sub), "participatesIn", ev, verb, "nominal:adjunct", 0.7, speaker)
                for partner in partners:
                    self._add(_as_actor(sub), "meetsWith", _as_actor(partner), verb, "nominal:adjunct", 0.7, speaker)
            if prep.lower_ == "for" and verb.lemma_.lower() in MOTION_WORDS:
                for c in verb.children:
                    if c.dep_ == "prep" and c.lower_ == "to":
                        for p in c.children:
                            for pl in self.args(p, place=True):
                                if isinstance(pl, Mention):
                                    self._add(ev, "heldIn", pl, verb, "nominal:destination", 0.7, speaker)

    def _discuss_verb(self, verb: Token) -> bool:
        frames = _lookup(self.lex.verbs, verb) or ()
        return any(f.relation == "discusses" for f in frames)

    def _meeting_discusses(self, ev: EventMention, verb: Token, speaker: Mention | None) -> None:
        """The meeting is where the verb's discussion happened: it discusses the topic."""
        for o in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            for c in (o, *o.conjuncts):
                topics = [a for a in self.args(c) if isinstance(a, EventMention)]
                if not topics:
                    deep = self._deep_event(c)
                    topics = [deep] if deep else []
                for topic in topics:
                    if topic != ev:
                        self._add(ev, "discusses", topic, verb, "svo:at-meeting", 0.75, speaker)
        for xc in (c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i in self.event_of):
            if self.event_of[xc.i] != ev:
                self._add(ev, "discusses", self.event_of[xc.i], verb, "svo:at-meeting", 0.7, speaker)

    def _purpose_rule(self, verb: Token) -> None:
        """"X hosted talks in an effort to normalize relations": X supports the aim, the talks discuss it."""
        aims: list[EventMention] = []
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # the phrase may hang on the object
        for c in (c for h in holders for c in h.children):
            if c.dep_ == "prep" and c.lower_ in ("in", "as"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.lower_ in self.lex.effort_nouns:
                        aims += [self.event_of[a.i] for a in p.children if a.dep_ == "acl" and a.i in self.event_of]
        if not aims or self._suppressed(verb):
            return
        speaker = self._speaker(verb)
        for s_tok in self.subjects(verb):
            for a in self.args(s_tok):
                if isinstance(a, Mention):
                    for aim in aims:
                        self._add(_as_actor(a), "supports", aim, verb, "svo:purpose", 0.7, speaker)
        for d in (c for c in verb.children if c.dep_ == "dobj" and c.i in self.event_of):
            meeting = self.event_of[d.i]
            if meeting.type == "Meeting":
                for aim in aims:
                    self._add(meeting, "discusses", aim, verb, "svo:purpose", 0.7, speaker)

    def _prerequisite_rule(self, verb: Token) -> None:
        """"X described the withdrawal as a prerequisite": making an event a condition demands it."""
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "described X as a prerequisite"
        conds = [p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "as"
                 for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in PREREQUISITES]
        if not conds or self._suppressed(verb):
            return
        events = [self.event_of[c.i] for c in verb.children if c.dep_ == "dobj" and c.i in self.event_of]
        events += [d for c in verb.children if c.dep_ == "dobj" and c.i not in self.event_of
                   for d in [self._deep_event(c, 2)] if d]
        for s in self.subjects(verb):
            for a in self.args(s):
                if isinstance(a, Mention):
                    for ev in events:
                        self._add(_as_actor(a), "demands", ev, verb, "svo:prerequisite", 0.75, self._speaker(verb))

    def _conflict_target(self, tok: Token, ev: EventMention, targets: list[Mention],
                         speaker: Mention | None) -> None:
        agents = [a for c in tok.children if c.dep_ in ("poss", "compound", "amod") for a in self.args(c)
                  if isinstance(a, Mention)]
        for a in agents:
            self._add(_as_actor(a), "participatesIn", ev, tok, "nominal:poss", 0.7, speaker)
            for t in targets:
                self._add(_as_actor(a), "attacks", _as_actor(t), tok, "nominal:war-on", 0.7, speaker)

    # ------------------------------------------------------------ entity rules
    def _title_rules(self, person: Mention) -> None:
        """"Russian Defense Minister Sergei Shoigu", "Faisal Mekdad, the Syrian Foreign Minister"."""
        doc = self.doc
        first = next(t for t in doc if t.idx == person.start) if False else doc.char_span(
            person.start, person.end, alignment_mode="expand")
        if first is None:
            return
        roles: list[Span] = []
        j = first.start
        while j > 0:
            t = doc[j - 1]
            if t.is_punct and t.text not in ("-",) or t.dep_ in ("det",) or t.pos_ in ("VERB", "AUX", "ADP") \
                    or _separates(t):
                break
            if not (first.start <= t.head.i < first.end or j <= t.head.i < first.end):
                break
            j -= 1
        if j < first.start:
            roles.append(doc[j:first.start])
        for t in (first.root, first.root.head):
            for child in t.children:
                if child.dep_ == "appos" and child.i not in range(first.start, first.end) \
                        and child.i not in self.ment_of:
                    sub = [c for c in child.subtree if c.dep_ not in ("det", "punct") and c.lower_ != "the"]
                    if sub:
                        roles.append(doc[sub[0].i:child.i + 1])
        if first.root.dep_ == "appos" and first.root.head.i not in self.ment_of:
            head = first.root.head
            # A dateline or other separated opener ("TEHRAN - Palestinian Ambassador to Iran
            # Salam Zawawi") is no part of the title: start after the last separator.
            cut = max((c.i for c in head.subtree if c.i < head.i and _separates(c)), default=-1)
            sub = [c for c in head.subtree if cut < c.i < first.start and c.dep_ not in ("det", "punct")]
            if sub:
                roles.append(doc[sub[0].i:head.i + 1])
        for role in roles:
            words = {t.lower_ for t in role} | {t.lemma_.lower() for t in role}
            if not words & set(self.lex.titles):
                continue
            role_mention = Mention(role.start_char, role.end_char, role.text, "ROLE",
                                   self.sent_of[role.start], True)
            self._add(person, "memberOf", role_mention, role.root, "title:role", 0.9, None)
            for t in role:
                if t.i in self.ment_of and self.ment_of[t.i].label in ("NORP", "GPE", "ORG"):
                    self._add(person, "memberOf", _as_actor(self.ment_of[t.i]), role.root, "title", 0.9, None)

    def _member_rule(self, tok: Token) -> None:
        """"Moscow, Tehran and Ankara are members of the Astana Process"; "other OIC members"."""
        orgs = [self.ment_of[c.i] for c in tok.children if c.dep_ in ("compound", "nmod") and c.i in self.ment_of
                and self.ment_of[c.i].label == "ORG"]
        orgs += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj" for a in self.args(p)
                 if isinstance(a, Mention) and a.label == "ORG"]
        if not orgs:
            return
        members: list[Mention] = []
        if tok.dep_ == "attr":
            members = [a for s in self.subjects(tok.head) for a in self.args(s) if isinstance(a, Mention)]
        members += [self.ment_of[t.i] for t in tok.conjuncts if t.i in self.ment_of]
        if tok.dep_ == "conj":
            first = tok.head
            while first.dep_ == "conj":
                first = first.head
            members += [self.ment_of[t.i] for t in (first, *first.conjuncts) if t.i in self.ment_of]
        inside = self.ment_of.get(tok.head.i) if tok.dep_ == "pobj" and tok.head.head.i in self.ment_of else None
        if inside is None and tok.head.i in self.ment_of:
            inside = self.ment_of[tok.head.i]
        if inside is not None and inside in orgs or (tok.head.dep_ == "prep" and tok.head.head.i in self.ment_of):
            # "X, Y and other Organization of Islamic Cooperation members": the parser hangs
            # "members" inside the name; the members are the name's coordination group
            org_root = self.doc.char_span(orgs[0].start, orgs[0].end, alignment_mode="expand")
            if org_root is not None and org_root.root.dep_ == "conj":
                first = org_root.root.head
                while first.dep_ == "conj":
                    first = first.head
                members += [self.ment_of[t.i] for t in (first, *first.conjuncts)
                            if t.i in self.ment_of and self.ment_of[t.i] not in orgs]
        governor = _governing_verb(tok)
        if governor is not None and self._suppressed(governor):
            return
        for m in members:
            for org in orgs:
                if m != org:
                    self._add(_as_actor(m), "memberOf", org, tok, "member", 0.8, None)

    def _located_rule(self, loc: Mention) -> None:
        """"Tanf garrison on the Iraq-Syria border", "Idlib province in Syria", "Ankara, Turkey"."""
        span = self.doc.char_span(loc.start, loc.end, alignment_mode="expand")
        if span is None:
            return
        root = span.root
        anchors = [root]
        if root.dep_ == "compound" and root.head.lemma_.lower() in PLACE_NOUNS:
            anchors.append(root.head)
        for a in anchors:
            for child in a.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "on", "near", "inside", "within"):
                    for p in child.children:
                        m = self.ment_of.get(p.i) if p.dep_ == "pobj" else None
                        if m is not None and m.label in ("GPE", "LOC", "FAC"):
                            self._add(_as_place(loc), "locatedIn", _as_place(m), child, "located", 0.7, None)
                if child.dep_ in ("appos", "npadvmod") and child.i in self.ment_of and \
                        self.ment_of[child.i].label == "GPE" and child.i > span.end - 1 and \
                        self.doc[span.end].text == ",":
                    self._add(_as_place(loc), "locatedIn", _as_place(self.ment_of[child.i]), child,
                              "located:comma", 0.7, None)

    def _org_owner_rule(self, org: Mention) -> None:
        """"Syria's official news agency SANA": the possessor owns the organisation."""
        span = self.doc.char_span(org.start, org.end, alignment_mode="expand")
        if span is None:
            return
        root = span.root
        heads = [root.head] if root.dep_ in ("appos", "compound") else []
        heads += [c for c in root.children if c.dep_ == "appos"]  # "SANA, Syria's state news agency"
        for head in heads:
            for child in head.children:
                if child.dep_ == "poss" and child.i in self.ment_of and \
                        self.ment_of[child.i].label in ("GPE", "NORP"):
                    self._add(org, "partOf", _as_actor(self.ment_of[child.i]), head, "poss-owner", 0.8, None)

    # -------------------------------------------------------------- modality
    def _suppressed(self, verb: Token) -> bool:
        """Negated, conditional, hedged, denied or interrogative: not a fact."""
        reason = self._suppression(verb)
        if reason is not None and self.trace is not None:
            self.trace.append((self.sent_of.get(verb.i, 0), verb.text, reason))
        return reason is not None

    def _suppression(self, verb: Token) -> str | None:
        """Why a clause states no fact, or None where it does.

        Walks up from the verb through the clauses that govern it: a negation or a
        hedging modal on the verb (or on the verb of a control chain), a condition
        ("if", "unless") on any governing clause, a denial or directive governing it
        as a complement ("denied attacking", "urged Turkey to support"), or a
        question. Relative clauses, appositions and coordinated verbs state their own
        facts: the walk stops at them, and a coordinated verb inherits only conditions.
        """
        if verb.sent.text.rstrip().endswith("?"):
            return "a question"
        t = verb
        came: str | None = None
        hops = 0
        while hops < 8:
            for c in t.children:
                if c.dep_ == "mark" and c.lower_ in CONDITION_MARKS:
                    return f"conditional ('{c.text}' on '{t.text}')"
                if came == "conj":
                    continue
                if c.dep_ == "neg":
                    return f"negated ('{c.text}' on '{t.text}')"
                if c.dep_ == "aux" and c.lower_ in HEDGE_MODALS and hops <= 1:
                    return f"hedged ('{c.text}' on '{t.text}')"
            if t is not verb and came in ("ccomp", "xcomp", "pcomp", "dobj", "advcl"):
                lemma = t.lemma_.lower()
                if lemma in DENIAL_VERBS and t.pos_ == "VERB":
                    return f"denied ('{t.text}')"
                if came == "xcomp" and lemma in DIRECTIVE_VERBS:
                    return f"requested, not asserted ('{t.text}')"
            if t.head.i == t.i or t.dep_ in ("relcl", "acl", "appos", "parataxis"):
                break
            came = t.dep_ if t.dep_ != "conj" or came in (None, "conj") else came
            t = t.head
            hops += 1
        return None

    def _noun_suppressed(self, tok: Token) -> bool:
        """Suppression for a noun-headed fact ("talks between X and Y", "support for X").

        "no talks" is negated; a noun that is the subject of its clause is presupposed
        ("Russia's support for Assad could weaken" still asserts the support); otherwise
        the governing clause decides.
        """
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            return True
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return tok.sent.text.rstrip().endswith("?")
        governor = _governing_verb(tok)
        return governor is not None and self._suppressed(governor)

    def _speaker(self, verb: Token | None) -> Mention | None:
        """Who the sentence reports as saying it ("X said", "according to X")."""
        if verb is None:
            return None
        t = verb
        while t.head.i != t.i:
            if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in SPEECH_VERBS:
                for s in self.subjects(t.head):
                    for a in self.args(s):
                        if isinstance(a, Mention):
                            return _as_actor(a)
            t = t.head
        for tok in verb.sent:
            if tok.lower_ == "according":
                for c in tok.children:
                    if c.lower_ == "to":
                        for p in c.children:
                            if p.dep_ == "pobj" and p.i in self.ment_of:
                                return _as_actor(self.ment_of[p.i])
        return None

    # ---------------------------------------------------------------- output
    def _add(self, s: Argument, pred: str, o: Argument, anchor: Token, rule: str,
             confidence: float, speaker: Mention | None) -> None:
        if s == o or (isinstance(s, Mention) and isinstance(o, Mention) and
                      (s.start, s.end) == (o.start, o.end)):
            return
        sent = self.sent_of[anchor.i]
        key = (s, pred, o)
        if key in self.relations:
            return
        self.relations[key] = Relation(s, pred, o, sent, rule, confidence, speaker)


# ------------------------------------------------------------------ helpers
_SUFFIXES = (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
             ("d", ""), ("es", ""), ("s", ""))


def lemmas(tok: Token) -> tuple[str, ...]:
    """The token's lemma, then its lower-case form and plain de-inflections of it.

    The statistical lemmatizer errs on rarer verbs ("waged" -> "wag"); the lexicon
    is looked up under each candidate in turn.
    """
    return _lemma_candidates(tok.lemma_, tok.lower_)


@functools.lru_cache(maxsize=65536)
def _lemma_candidates(lemma: str, low: str) -> tuple[str, ...]:
    out = [lemma.lower(), low]
    for suffix, repl in _SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            out.append(low[: -len(suffix)] + repl)
    return tuple(out)


#: Prepositions of place and time: their phrases are the setting of what they modify,
#: never its content ("discussed ways to raise trade *in a meeting in Islamabad*").
SETTING_PREPS = frozenset({"in", "at", "during", "after", "before", "since", "until", "amid", "near", "inside"})


def _separates(tok: Token) -> bool:
    """A dash set off by spaces ("TEHRAN - ...") or a dateline's place (``npadvmod``):
    what stands before it is not part of the phrase after it."""
    if tok.dep_ == "npadvmod":
        return True
    return tok.text in ("-", "\u2013", "\u2014") and bool(tok.whitespace_) and tok.i > 0 \
        and bool(tok.doc[tok.i - 1].whitespace_)


def _lookup(table: dict, tok: Token):  # type: ignore[no-untyped-def]
    for lem in lemmas(tok):
        if lem in table:
            return table[lem]
    return None


def _trim(ent: Span) -> Span | None:
    """Drop articles, edge punctuation and unbalanced brackets from an entity span.

    "Organization of Islamic Cooperation (OIC" ends before the bracket: the acronym
    is its own mention, read as a definition by the resolver.
    """
    start, end = ent.start, ent.end
    doc = ent.doc
    for i in range(start, end):
        if doc[i].text in ("(", "[") and not any(doc[j].text in (")", "]") for j in range(i, end)):
            end = i
            break
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while start < end and doc[start].text in ("]", ")"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=ent.label_)


def _acting(ent: Span) -> bool:
    """A mention acts unless it is the object of a locative preposition ("in Moscow")."""
    t = ent.root
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj":
        prep = t.head
        governor = prep.head
        if prep.lower_ in LOCATIVE_PREPS:
            # "officials in Ankara" are the government's officials
            return governor.lemma_.lower() in ("official", "officials", "diplomat", "leadership")
        if prep.lower_ in MOTION_PREPS:
            return governor.lemma_.lower() not in MOTION_WORDS
    if t.dep_ in ("compound", "npadvmod") and t.head.lemma_.lower() in ("base", "border"):
        return False
    return True


def _as_actor(m: Mention) -> Mention:
    return m if m.acting else Mention(m.start, m.end, m.text, m.label, m.sentence, True)


def _as_place(m: Mention) -> Mention:
    return Mention(m.start, m.end, m.text, m.label, m.sentence, False) if m.acting else m


def _governing_verb(tok: Token) -> Token | None:
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return t if t.pos_ in ("VERB", "AUX") else None
