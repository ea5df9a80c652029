"""In-article actors: named-entity mentions grouped into entities.

Each mention of ``doc.ents`` becomes a ``Mention``; mentions that name the same
actor ("Vladimir Poutine", "Poutine") are grouped into one ``Entity`` named by
the fullest form the article gives.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Entity, Mention
from .base import Component
from .extensions import register

register()

LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


class ActorResolver(Component):
    outputs = ("entities", "mentions")

    def __init__(self, name: str = "pourparlers_actors"):
        self.name = name

    def process(self, doc: Doc) -> Doc:
        mentions = [Mention(e.start_char, e.end_char, e.text, LABELS.get(e.label_, "MISC"))
                    for e in doc.ents]
        # fullest names first, so that short forms attach to them
        groups: dict[tuple[str, str], list[Mention]] = {}
        for m in sorted(mentions, key=lambda m: -len(m.text)):
            key = (m.label, _key(m.text))
            if key not in groups and m.label == "PER":
                words = key[1].split()
                for (label, long), members in groups.items():
                    if label == "PER" and len(words) < len(long.split()) and \
                            long.split()[-len(words):] == words:
                        key = (label, long)
                        break
            groups.setdefault(key, []).append(m)
        entities = []
        for i, ((label, _), members) in enumerate(
                sorted(groups.items(), key=lambda kv: min(m.start for m in kv[1])), 1):
            eid = f"e{i}"
            name = max((m.text for m in members), key=len)
            aliases = sorted({m.text for m in members} - {name})
            for m in members:
                m.entity = eid
            entities.append(Entity(id=eid, name=name, type=label, aliases=aliases))
        doc._.mentions = sorted(mentions, key=lambda m: m.start)
        doc._.entities = entities
        return doc


@Language.factory("pourparlers_actors")
def make_actor_resolver(nlp: Language, name: str) -> ActorResolver:
    return ActorResolver(name)
