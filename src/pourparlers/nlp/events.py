"""PLOVER events with actors, targets, date, place and proof (``Doc._.events``).

Placeholder of the foundation: the component is wired into the pipeline and
sets an empty list; the events issue fills it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import Component
from .extensions import register

register()


class EventExtractor(Component):
    outputs = ("events",)

    def __init__(self, name: str = "pourparlers_events"):
        self.name = name

    def process(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc


@Language.factory("pourparlers_events")
def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor(name)
