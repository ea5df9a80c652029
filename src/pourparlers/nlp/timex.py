"""Temporal expressions, normalised against the publication date (``Doc._.timexes``).

Placeholder of the foundation: the component is wired into the pipeline and
sets an empty list; the dates issue fills it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import Component
from .extensions import register

register()


class TimexTagger(Component):
    outputs = ("timexes",)

    def __init__(self, name: str = "pourparlers_timex"):
        self.name = name

    def process(self, doc: Doc) -> Doc:
        doc._.timexes = []
        return doc


@Language.factory("pourparlers_timex")
def make_timex_tagger(nlp: Language, name: str) -> TimexTagger:
    return TimexTagger(name)
