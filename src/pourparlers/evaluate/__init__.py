"""Scoring records against gold files (ANNOTATION.md, section 4).

Three kinds of gold are understood, told apart by their fields:

- quotations and events (``quotes`` / ``events``): ``score_quotes_events``;
- TimeBank-style time expressions (``timexes``): ``score_timexes``;
- NER spans (``entities`` with ``start``/``end``/``label``): ``score_ner``.

The figures agree with the reference scripts of ``shared/eval`` (tested).
"""

from __future__ import annotations

from .gold import detect_kind, load_jsonl
from .ner import score_ner
from .quotes_events import THRESHOLDS, score_quotes_events
from .timexes import score_timexes

__all__ = ["THRESHOLDS", "detect_kind", "load_jsonl", "score_ner", "score_quotes_events",
           "score_timexes"]
