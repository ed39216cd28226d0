"""Explain an article's facts: each with its sentence, rule and confidence, and why a fact
is missing.

``kg explain ARTICLE`` runs the whole pipeline on one article and lists every
fact it keeps. ``--why-not "Syria demands withdrawal"`` walks the stages (entity
found? resolved to what? any clause with both? suppressed? a relation between
them under another name? dropped by the type check?) and says which one lost it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from kg.errors import Errors, InputError
from kg.ingest import read_article
from kg.model import EVENT_TYPES, RELATIONS, Article, EventMention, Extraction, Mention
from kg.pipeline import extract_article, load_nlp
from kg.pipeline.extraction import Trace
from kg.resolve.names import fold
from kg.resolve.resolver import ResolvedArticle, Resolver


@dataclass(frozen=True, slots=True)
class Fact:
    """One kept fact with its provenance."""

    subject: str
    predicate: str
    object: str
    sentence: str
    rule: str
    confidence: float
    speaker: str | None = None

    def __str__(self) -> str:
        said = f", reported by {self.speaker}" if self.speaker else ""
        return (f"[{self.confidence:.2f}] {self.subject}  {self.predicate}  {self.object}   "
                f"(rule {self.rule}{said})\n        « {self.sentence} »")


@dataclass
class Explanation:
    """An article run through the pipeline, kept for questions about it."""

    article: Article
    extraction: Extraction
    resolved: ResolvedArticle
    trace: Trace

    def label(self, kind: str, key: str) -> str:
        if kind == "event":
            ev = self.resolved.events[key]
            return f'{ev.type} "{ev.text}"'
        return self.resolved.entities[key].label

    def facts(self) -> list[Fact]:
        """Every kept fact, in text order."""
        out = []
        entities = self.resolved.entities
        for r in sorted(self.resolved.relations,
                        key=lambda r: (r.sentence, r.predicate, r.subject.key)):
            speaker = entities[r.speaker].label if r.speaker in entities else None
            out.append(Fact(self.label(r.subject.kind, r.subject.key), r.predicate,
                            self.label(r.object.kind, r.object.key),
                            self.extraction.sentences[r.sentence].text, r.rule, r.confidence,
                            speaker))
        return out

    def why_not(self, fact: str) -> list[str]:
        """Say, stage by stage, what happened to a fact ``"Subject relation Object"``."""
        subj, pred, obj = parse_fact(fact)
        lines = [f"looking for: {subj}  {pred}  {obj}"]
        s_keys = self._entity_keys(subj)
        o_is_event = obj.capitalize() in EVENT_TYPES or obj in EVENT_TYPES
        o_type = next((t for t in EVENT_TYPES if t.lower() == obj.lower()), None)
        o_keys = set() if o_is_event else self._entity_keys(obj)
        if not s_keys:
            found = ", ".join(sorted(e.label for e in self.resolved.entities.values()))
            lines.append(f"entities: no entity named '{subj}' was found in the article "
                         f"(found: {found})")
            return lines
        lines.append(f"entities: '{subj}' is {', '.join(sorted(s_keys))}")
        if o_type is None and not o_keys:
            lines.append(f"entities: no entity or event type named '{obj}' was found in the "
                         "article")
            return lines
        events = [k for k, e in self.resolved.events.items() if e.type == o_type] if o_type else []
        if o_type:
            found = [e for e in self.extraction.events if e.type == o_type]
            lines.append(f"events: {len(found)} {o_type} mention(s) found"
                         + (f" ({'; '.join(sorted({e.text for e in found}))})" if found else
                            " (no event noun or verb of the lexicon evoked one)"))
        else:
            lines.append(f"entities: '{obj}' is {', '.join(sorted(o_keys))}")
        targets = set(events) | o_keys
        kept = [r for r in self.resolved.relations
                if r.subject.key in s_keys and r.object.key in targets]
        same = [r for r in kept if r.predicate == pred]
        if same:
            rules = ", ".join(sorted({r.rule for r in same}))
            lines.append(f"kept: yes, {len(same)} time(s) (rules {rules})")
            return lines
        if kept:
            lines.append("kept under another relation: "
                         + ", ".join(sorted({r.predicate for r in kept})))
        raw = [r for r in self.extraction.relations
               if r.predicate == pred and self._names(r.subject, s_keys)
               and (isinstance(r.object, EventMention) and r.object.type == o_type
                    or isinstance(r.object, Mention) and self._names(r.object, o_keys))]
        if raw:
            rules = ", ".join(sorted({r.rule for r in raw}))
            lines.append(f"extracted but dropped in resolution (argument types or roles): "
                         f"{len(raw)} candidate(s), rules {rules}")
            return lines
        both = [i for i, s in enumerate(self.extraction.sentences)
                if self._sentence_names(i, s_keys) and (o_type and any(
                    e.sentence == i and e.type == o_type for e in self.extraction.events) or
                    self._sentence_names(i, o_keys))]
        if not both:
            lines.append("rules: no sentence mentions both")
            return lines
        for i in both:
            suppressed = [f"'{verb}' {reason}" for si, verb, reason in self.trace if si == i]
            text = self.extraction.sentences[i].text
            if suppressed:
                lines.append(f"suppressed in sentence {i}: {'; '.join(suppressed)}\n"
                             f"        « {text} »")
            else:
                lines.append(f"rules: sentence {i} mentions both but no rule linked them with "
                             f"{pred}\n        « {text} »")
        return lines

    def _entity_keys(self, name: str) -> set[str]:
        want = fold(name)
        forms = self.resolved.surface_forms
        return {k for k, e in self.resolved.entities.items()
                if fold(e.label) == want or want in {fold(f) for f in forms.get(k, ())}}

    def _names(self, m: object, keys: set[str]) -> bool:
        return isinstance(m, Mention) and bool(keys) and any(
            fold(m.text) == fold(self.resolved.entities[k].label) or
            fold(m.text) in {fold(f) for f in self.resolved.surface_forms.get(k, ())} for k in keys)

    def _sentence_names(self, i: int, keys: set[str]) -> bool:
        return any(m.sentence == i and self._names(m, keys) for m in self.extraction.mentions)


def parse_fact(fact: str) -> tuple[str, str, str]:
    """ "Syria demands withdrawal" -> ("Syria", "demands", "withdrawal")."""
    words = fact.split()
    names = {r.lower(): r for r in RELATIONS}
    # "meetsWith" is also "meets with"
    names.update({re.sub(r"(?<!^)([A-Z])", r" \1", r).lower(): r for r in RELATIONS})
    for i in range(len(words)):
        for n in (2, 1):
            cand = " ".join(words[i:i + n]).lower()
            if cand in names and 0 < i < len(words) - n:
                return " ".join(words[:i]), names[cand], " ".join(words[i + n:])
    raise InputError(Errors.E090.format(fact=fact, relations=", ".join(RELATIONS)))


def explain(path: str | Path, *, nlp: Language | None = None,
            model: str | None = None) -> Explanation:
    """Run the pipeline on one article file and keep everything for :class:`Explanation`.

    The article is extracted as a build extracts it (:func:`kg.pipeline.extract_article`),
    the rules' trace collected in the same run.
    """
    article = read_article(Path(path))
    nlp = nlp or (load_nlp(model) if model else load_nlp())
    trace: Trace = []
    extraction = extract_article(nlp, article.text, trace=trace)
    resolved = Resolver().resolve(article, extraction)
    return Explanation(article, extraction, resolved, trace)
