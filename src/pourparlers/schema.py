"""Checking records against the schema-1 contract.

``problems(record)`` returns human-readable problems (empty when valid): the
JSON Schema of ``data/record.schema.json`` (when ``jsonschema`` is installed)
plus what a schema cannot say — every span lies inside the text and its
``text`` field is exactly ``text[start:end]``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .resources import data_path


@lru_cache(maxsize=1)
def json_schema() -> dict[str, Any]:
    return json.loads(data_path("record.schema.json").read_text(encoding="utf-8"))


def _spans(record: dict[str, Any]):
    """(where, span dict) for every span of the record that carries a text."""
    for i, m in enumerate(record.get("mentions", [])):
        yield f"mentions[{i}]", m
    for i, q in enumerate(record.get("quotes", [])):
        yield f"quotes[{i}]", q
        for key in ("speaker_span", "cue_span"):
            if q.get(key):
                yield f"quotes[{i}].{key}", q[key]
    for i, e in enumerate(record.get("events", [])):
        yield f"events[{i}].evidence", e.get("evidence") or {}
        if e.get("trigger"):
            yield f"events[{i}].trigger", e["trigger"]
    for i, t in enumerate(record.get("timexes", [])):
        yield f"timexes[{i}]", t


def problems(record: dict[str, Any]) -> list[str]:
    out: list[str] = []
    try:
        import jsonschema
    except ImportError:  # pragma: no cover - a test dependency
        jsonschema = None
    if jsonschema is not None:
        validator = jsonschema.Draft202012Validator(json_schema())
        out.extend(f"{'/'.join(map(str, e.path)) or '(record)'}: {e.message}"
                   for e in validator.iter_errors(record))
    text = record.get("text") or ""
    for where, span in _spans(record):
        start, end = span.get("start"), span.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
            out.append(f"{where}: offsets {start}..{end} outside the text ({len(text)} chars)")
        elif "text" in span and text[start:end] != span["text"]:
            out.append(f"{where}: text {span['text']!r} is not text[{start}:{end}] = {text[start:end]!r}")
    for key in ("sentences", "paragraphs"):
        for i, s in enumerate(record.get(key, [])):
            if not 0 <= s["start"] < s["end"] <= len(text):
                out.append(f"{key}[{i}]: offsets {s['start']}..{s['end']} outside the text")
    return out
