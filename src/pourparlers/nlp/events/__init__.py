"""PLOVER events with actors, targets, date, place and proof (``Doc._.events``).

The component ``pourparlers_events`` codes the interactions an article reports
in the PLOVER ontology (``shared/spec/ANNOTATION.md``, section 2), natively in
French, each tied to the sentence that states it:

- ``lexicon``: the trigger words, by lemma, from ``data/fr/events.toml``;
- ``syntax``: readings of the dependency parse (subject, passive agent,
  complements and their prepositions, noun phrases);
- ``context``: what comes from the other components (actors, dates,
  quotations), through one small function each;
- ``extract``: triggers → events with arguments, modality, date, place,
  source and attributes;
- ``merge``: one event per real-world event within the article; a meeting
  held in the country of one side only is that side's visit by the others.

The interfaces used from the other components are all in ``context`` (today:
``actors.participant`` when it exists, ``timex.event_date``, ``Doc._.quotes``
with their ``cue_span``, the ``roles`` resource of the actors for
nationalities and capitals); without them the component falls back on the
plain ``Doc._`` model objects.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..base import Component
from ..extensions import register
from . import context
from .extract import Reader, to_event
from .lexicon import fold, lexicon
from .merge import (capitals_as_countries, drop_redundant_roles, headline_restated, infer_host, merge,
                    use_aliases)

register()

__all__ = ["EventExtractor", "make_event_extractor", "extract_events"]


def extract_events(doc: Doc) -> list:
    """The events of an analysed doc (``Event`` objects, ids v1, v2… in text order)."""
    drafts = Reader(doc).read()
    types = {e.id: e.type for e in doc._.entities or []}
    entities = list(doc._.entities or [])
    aliases = lexicon().aliases
    seats = lexicon().institution_seats
    for d in drafts:
        # before merging: one actor, one name
        use_aliases(d, entities, aliases)
        capitals_as_countries(d, entities, context.country_of_place, seats)
    merged = merge(drafts, types)

    def homes(x) -> set[str]:
        if isinstance(x, str):
            c = context.country_of_place(x)
            return {fold(c)} if c else set()
        return context.home_countries(doc, x)

    roles = context.person_role_words()
    for m in merged:
        drop_redundant_roles(m, types, roles)
        infer_host(m, homes)
    merged = headline_restated(merged, homes)
    events = []
    for d in merged:
        # what did not happen is no event (« n'a pas attribué », « n'a ni
        # confirmé ni démenti », « sans appeler à »)
        if not d.participants() or d.modality == "negated":
            continue
        events.append(to_event(d, f"v{len(events) + 1}"))
    return events


class EventExtractor(Component):
    outputs = ("events",)

    def __init__(self, name: str = "pourparlers_events"):
        self.name = name
        lexicon()  # load the data now, not on the first doc

    def process(self, doc: Doc) -> Doc:
        doc._.events = extract_events(doc)
        return doc


@Language.factory("pourparlers_events")
def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor(name)
