"""Temporal expressions, normalised against the publication date (``Doc._.timexes``).

The component finds TIMEX3 expressions (DATE, TIME, DURATION, SET) with
compiled regular expressions built from ``data/fr/timex.toml`` and
``calendar.toml`` (``recognise``), then gives each its TimeML value
(``normalise``): against the publication date (``nlp.extensions.published``),
against the last date mentioned for anaphoric expressions (« le lendemain »),
with the tense of the governing verb where the direction is implicit
(« samedi »). The spaCy parse is only consulted for those few decisions.

Helpers for the later stages:

- ``timex_in(doc, start, end)``: the timexes inside a character span;
- ``event_date(timex)``: a DATE/TIME value reduced to ``YYYY-MM-DD``,
  ``YYYY-MM`` or ``YYYY`` (the form of an event date), or None.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from ...model import Timex
from ..base import Component
from ..extensions import published, register
from .lexicon import lexicon
from .normalise import Resolver
from .recognise import recogniser

register()

__all__ = ["TimexTagger", "make_timex_tagger", "tag", "timex_in", "event_date", "parse_dct"]


def parse_dct(value: str | dt.date | None) -> dt.date | None:
    """The publication date as a ``date`` (from ``YYYY-MM-DD[...]``), or None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value))
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _text(doc: Doc) -> str:
    """The doc's text; the article's string when it is the same (``Doc.text`` is rebuilt token by token)."""
    art = doc._.article
    text = getattr(art, "text", None)
    if isinstance(text, str) and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) == len(text) \
            and text.startswith(doc[0].text, doc[0].idx):
        return text
    return doc.text


def tag(doc: Doc, dct: str | dt.date | None = None) -> list[Timex]:
    """The timexes of an analysed doc, sorted by start (DCT: the article's, or ``dct``)."""
    lex = lexicon()
    text = _text(doc)
    cands = recogniser().find(text)
    if not cands:
        return []
    when = parse_dct(dct if dct is not None else published(doc))
    return Resolver(doc, when, lex, text).resolve(cands)


class TimexTagger(Component):
    outputs = ("timexes",)

    def __init__(self, name: str = "pourparlers_timex"):
        self.name = name
        lexicon()
        recogniser()  # compile the patterns now, not on the first doc

    def process(self, doc: Doc) -> Doc:
        doc._.timexes = tag(doc)
        return doc


@Language.factory("pourparlers_timex")
def make_timex_tagger(nlp: Language, name: str) -> TimexTagger:
    return TimexTagger(name)


def timex_in(doc_or_timexes, start_char: int, end_char: int, types: tuple[str, ...] | None = None) -> list[Timex]:
    """The timexes lying inside ``[start_char, end_char)``, in text order.

    ``doc_or_timexes`` is a ``Doc`` (its ``Doc._.timexes``) or a sorted list of
    ``Timex``; ``types`` keeps only those TIMEX3 types (e.g. ``("DATE", "TIME")``).
    """
    timexes = doc_or_timexes._.timexes if isinstance(doc_or_timexes, Doc) else doc_or_timexes
    timexes = timexes or []
    starts = [t.start for t in timexes]
    i = bisect.bisect_left(starts, start_char)
    out = []
    for t in timexes[i:]:
        if t.start >= end_char:
            break
        if t.end <= end_char and (types is None or t.type in types):
            out.append(t)
    return out


def event_date(timex: Timex | str | None) -> str | None:
    """The date of an event from a timex (or a value): ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or None.

    Times keep their day (``2025-04-25TMO`` → ``2025-04-25``); weeks, weekends,
    quarters and seasons become their month when they lie within one, else
    their year; decades, durations, sets, references and underspecified values
    (``XXXX-04-25``) give None.
    """
    if timex is None:
        return None
    if isinstance(timex, Timex):
        if timex.type not in ("DATE", "TIME"):
            return None
        value = timex.value
    else:
        value = timex
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|T)", value)
    if m:
        return m.group(0)
    m = re.match(r"(\d{4})-W(\d{2})", value)
    if m:
        try:
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return m[1]
        last = first + dt.timedelta(days=6)
        if first.month == last.month:
            return f"{first.year:04d}-{first.month:02d}"
        return f"{first.year:04d}" if first.year == last.year else None
    m = re.match(r"(\d{4})-(?:Q(\d)|H(\d)|(SP|SU|FA|WI))$", value)
    if m:
        return m[1]
    return None

