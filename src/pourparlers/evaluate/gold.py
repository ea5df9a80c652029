"""Loading gold and system files."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import Errors, UsageError


def load_jsonl(path: str | Path) -> dict[str, dict]:
    """id -> object, for a JSONL file of objects with an ``id``."""
    out: dict[str, dict] = {}
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                raise UsageError(Errors.E101.format(path=path, line=lineno)) from None
            out[obj["id"]] = obj
    return out


def detect_kind(gold: dict[str, dict], path: str | Path = "") -> str:
    """'quotes_events', 'timex' or 'ner', from the fields of the first gold object."""
    for obj in gold.values():
        if "quotes" in obj or "events" in obj:
            return "quotes_events"
        if "timexes" in obj:
            return "timex"
        if "entities" in obj and all({"start", "end", "label"} <= set(e) for e in obj["entities"]):
            return "ner"
        break
    raise UsageError(Errors.E102.format(path=path))


def prf(tp: int, n_gold: int, n_sys: int) -> tuple[float, float, float]:
    """Precision, recall, F1, rounded to three decimals."""
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)
