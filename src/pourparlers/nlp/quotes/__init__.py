"""Quotations and their speakers (``Doc._.quotes``).

The component ``pourparlers_quotes`` runs after ``pourparlers_actors`` and
sets ``Doc._.quotes`` to ``pourparlers.model.Quote`` objects: direct, partial
and indirect quotations (ANNOTATION.md §1), each with its exact span, the lemma
of its reporting word, and its speaker — an entity of ``Doc._.entities``, or
the description of an unnamed one (``speaker_named`` false), or none where the
article does not say who spoke.

- ``marks``: where the words between quotation marks are;
- ``lexicon``: the reporting verbs, nouns and patterns of ``data/fr/quotes.toml``;
- ``extract``: the two passes (quoted words, reported speech) and the speakers.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..actors import ActorResolver
from ..base import Component
from ..extensions import register
from .extract import DocQuotes

register()


class QuoteExtractor(Component):
    outputs = ("quotes",)

    def __init__(self, name: str = "pourparlers_quotes"):
        self.name = name

    def process(self, doc: Doc) -> Doc:
        if doc._.actor_index is None:  # used without the actors component
            ActorResolver().process(doc)
        doc._.quotes = DocQuotes(doc).quotes()
        doc._.mentions = sorted(doc._.actor_index.mentions, key=lambda m: m.start)
        doc._.entities = list(doc._.actor_index.entities)
        return doc


@Language.factory("pourparlers_quotes")
def make_quote_extractor(nlp: Language, name: str) -> QuoteExtractor:
    return QuoteExtractor(name)
