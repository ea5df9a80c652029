"""The article page's text: the record's spans cut into non-overlapping pieces.

Quotations, speakers, event evidence and triggers, dates and names may overlap in
any way; HTML elements must nest. So the text is cut at every span boundary and
each piece lists the spans that cover it (its CSS classes and tooltip). The
template escapes every piece; nothing here produces HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Record


@dataclass
class Mark:
    """One highlighted span of the text."""

    start: int
    end: int
    kind: str  # ev, trig, q, spk, cue, tx, m
    ref: str | None = None  # anchor id of the fact it proves ("ev-v1", "q-q2")
    classes: tuple[str, ...] = ()
    note: str = ""


@dataclass
class Piece:
    """A stretch of text covered by the same marks."""

    text: str
    classes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # ids of marks that start here
    focus: bool = False


def _valid(text: str, start: Any, end: Any, expected: str | None) -> bool:
    """Offsets inside the text, in order, and agreeing with the span's own text."""
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        return False
    return expected is None or text[start:end] == expected


def _people(parts) -> str:
    return ", ".join(p.name for p in parts if p.name)


def marks(record: Record) -> list[Mark]:
    """Every span of a record worth showing, with offsets checked against the text."""
    text = record.article.text
    out: list[Mark] = []
    ents = {e.id: e for e in record.entities}

    def add(start, end, expected, kind, ref=None, classes=(), note=""):
        if _valid(text, start, end, expected):
            out.append(Mark(start, end, kind, ref, (kind, *classes), note))

    for ev in record.events:
        what = ev.type + (f"/{ev.mode}" if ev.mode else "")
        who = _people(ev.actors)
        whom = _people(ev.targets)
        note = f"event {what}: {who}{' → ' + whom if whom else ''}"
        if ev.date:
            note += f", {ev.date}"
        if ev.modality and ev.modality != "asserted":
            note += f" ({ev.modality})"
        add(ev.evidence.start, ev.evidence.end, ev.evidence.text, "ev", f"ev-{ev.id}", (), note)
        if ev.trigger:
            add(ev.trigger.start, ev.trigger.end, ev.trigger.text, "trig", None, (), f"trigger of {what}")
    for q in record.quotes:
        speaker = q.speaker_name or "unknown speaker"
        add(q.start, q.end, q.text, "q", f"q-{q.id}", (f"q-{q.kind}",),
            f"quotation ({q.kind}) by {speaker}")
        if q.speaker_span:
            add(q.speaker_span.start, q.speaker_span.end, q.speaker_span.text, "spk", None, (),
                f"speaker: {speaker}")
        if q.cue_span:
            add(q.cue_span.start, q.cue_span.end, q.cue_span.text, "cue", None, (),
                f"reporting word: {q.cue or q.cue_span.text}")
    for i, t in enumerate(record.timexes, 1):
        add(t.start, t.end, t.text, "tx", f"tx-{i}", (), f"{t.type} = {t.value or '?'}")
    for m in record.mentions:
        ent = ents.get(m.entity) if m.entity else None
        label = m.label if m.label in ("PER", "ORG", "LOC", "MISC") else "MISC"
        add(m.start, m.end, m.text, "m", None, (f"m-{label}",),
            f"{label}: {ent.name}" if ent else label)
    return out


def pieces(text: str, spans: list[Mark], focus: str | None = None) -> list[Piece]:
    """Cut ``text`` at every boundary of ``spans``; the pieces of the span whose
    ``ref`` is ``focus`` are flagged. Joined, the pieces' texts give ``text`` back."""
    cuts = sorted({0, len(text), *(m.start for m in spans), *(m.end for m in spans)})
    starts: dict[int, list[Mark]] = {}
    for m in spans:
        starts.setdefault(m.start, []).append(m)
    out: list[Piece] = []
    active: list[Mark] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > a]
        new = sorted(starts.get(a, []), key=lambda m: -m.end)
        active.extend(new)
        classes: list[str] = []
        for m in active:
            classes.extend(c for c in m.classes if c not in classes)
        # the innermost marks speak first in the tooltip
        notes = [m.note for m in sorted(active, key=lambda m: m.end - m.start) if m.note]
        out.append(Piece(text=text[a:b], classes=classes, notes=notes,
                         anchors=[m.ref for m in new if m.ref],
                         focus=focus is not None and any(m.ref == focus for m in active)))
    return out
