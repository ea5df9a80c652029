"""Quotations and their speakers (``Doc._.quotes``).

Placeholder of the foundation: the component is wired into the pipeline and
sets an empty list; the quotation issue fills it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import Component
from .extensions import register

register()


class QuoteExtractor(Component):
    outputs = ("quotes",)

    def __init__(self, name: str = "pourparlers_quotes"):
        self.name = name

    def process(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc


@Language.factory("pourparlers_quotes")
def make_quote_extractor(nlp: Language, name: str) -> QuoteExtractor:
    return QuoteExtractor(name)
