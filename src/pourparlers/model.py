"""The plain data model shared by every stage.

Each class is a small dataclass with no behaviour beyond (de)serialisation, so
that readers, spaCy components, the store, the web page and the Ray workers
exchange the same objects. ``Record.to_dict`` produces exactly the record of
``DESIGN.md`` (schema 1); every offset is a character offset into ``text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA_VERSION = 1

QUOTE_KINDS = ("direct", "partial", "indirect")
MODALITIES = ("asserted", "future", "hypothetical", "negated")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")


def _from_dict(cls, data: dict[str, Any]):
    """Build a dataclass from a dict, ignoring unknown keys (forward compatible)."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Article:
    """An article as read from its input, before any analysis."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    language: str = "fr"
    origin: str | None = None  # where it was read from: "file.jsonl:12"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        return _from_dict(cls, data)


@dataclass
class Span:
    """A piece of the article's text: evidence for a fact."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Entity:
    """One real-world actor (person, organisation, place) of an article."""

    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type,
                "roles": list(self.roles), "aliases": list(self.aliases)}


@dataclass
class Mention:
    """A named-entity mention, linked to its entity when resolved."""

    start: int
    end: int
    text: str
    label: str
    entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "label": self.label, "entity": self.entity}


@dataclass
class Quote:
    """A quotation: direct, partial or indirect, with its speaker."""

    id: str
    text: str
    start: int
    end: int
    kind: str
    speaker: str | None = None  # entity id
    speaker_name: str | None = None  # readable name or description
    cue: str | None = None  # lemma of the reporting word
    speaker_named: bool = True
    speaker_span: Span | None = None  # the words naming the speaker in this sentence
    cue_span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "start": self.start, "end": self.end,
            "kind": self.kind, "speaker": self.speaker, "speaker_name": self.speaker_name,
            "cue": self.cue, "speaker_named": self.speaker_named,
            "speaker_span": self.speaker_span.to_dict() if self.speaker_span else None,
            "cue_span": self.cue_span.to_dict() if self.cue_span else None,
        }


@dataclass
class Participant:
    """An actor or target of an event: an entity id and its readable name."""

    name: str
    entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity, "name": self.name}


@dataclass
class EventSource:
    """Who the article credits with an event ("selon Axios")."""

    name: str
    entity: str | None = None
    quote: str | None = None  # id of the quotation that carries it

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity, "name": self.name, "quote": self.quote}


@dataclass
class Event:
    """A PLOVER-coded interaction, with the sentence that proves it."""

    id: str
    type: str
    evidence: Span
    mode: str | None = None
    actors: list[Participant] = field(default_factory=list)
    targets: list[Participant] = field(default_factory=list)
    date: str | None = None
    location: str | None = None
    modality: str = "asserted"
    source: EventSource | None = None
    trigger: Span | None = None
    attributes: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "mode": self.mode,
            "actors": [a.to_dict() for a in self.actors],
            "targets": [t.to_dict() for t in self.targets],
            "date": self.date, "location": self.location, "modality": self.modality,
            "evidence": self.evidence.to_dict(),
            "source": self.source.to_dict() if self.source else None,
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "attributes": dict(self.attributes),
        }


@dataclass
class Timex:
    """A TIMEX3 temporal expression, normalised against the publication date."""

    start: int
    end: int
    text: str
    type: str
    value: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "type": self.type, "value": self.value}


@dataclass
class Record:
    """Everything the engine learnt from one article: the unit of output."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    # problems met while analysing (a component that failed); not part of the record
    warnings: list[str] = field(default_factory=list, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "schema": SCHEMA_VERSION,
            "id": a.id, "title": a.title, "url": a.url, "source": a.source,
            "published": a.published, "language": a.language,
            "text": a.text,
            "entities": [e.to_dict() for e in self.entities],
            "mentions": [m.to_dict() for m in self.mentions],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "timexes": [t.to_dict() for t in self.timexes],
            "sentences": [{"start": s, "end": e} for s, e in self.sentences],
            "paragraphs": [{"start": s, "end": e} for s, e in self.paragraphs],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Record":
        """Rebuild a record from its JSON form (as written by ``extract``)."""
        article = Article(id=data["id"], text=data["text"], title=data.get("title"),
                          url=data.get("url"), source=data.get("source"),
                          published=data.get("published"), language=data.get("language", "fr"))

        def span(d):
            return Span(**d) if d else None

        def quote(d):
            d = dict(d)
            d["speaker_span"] = span(d.get("speaker_span"))
            d["cue_span"] = span(d.get("cue_span"))
            return _from_dict(Quote, d)

        def event(d):
            d = dict(d)
            d["evidence"] = span(d["evidence"])
            d["trigger"] = span(d.get("trigger"))
            d["actors"] = [_from_dict(Participant, p) for p in d.get("actors") or []]
            d["targets"] = [_from_dict(Participant, p) for p in d.get("targets") or []]
            d["source"] = _from_dict(EventSource, d["source"]) if d.get("source") else None
            d["attributes"] = d.get("attributes") or {}
            return _from_dict(Event, d)

        return cls(
            article=article,
            entities=[_from_dict(Entity, e) for e in data.get("entities", [])],
            mentions=[_from_dict(Mention, m) for m in data.get("mentions", [])],
            quotes=[quote(q) for q in data.get("quotes", [])],
            events=[event(e) for e in data.get("events", [])],
            timexes=[_from_dict(Timex, t) for t in data.get("timexes", [])],
            sentences=[(s["start"], s["end"]) for s in data.get("sentences", [])],
            paragraphs=[(p["start"], p["end"]) for p in data.get("paragraphs", [])],
        )
