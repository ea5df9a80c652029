"""Time-expression scoring: detection (relaxed overlap, strict span) and value."""

from __future__ import annotations

from .gold import prf


def _best_unused(g: dict, candidates: list[dict], used: set[int]) -> int | None:
    """Index of the unused system timex overlapping ``g`` the most (first on ties)."""
    best, best_overlap = None, 0
    for j, s in enumerate(candidates):
        if j in used:
            continue
        ov = min(g["end"], s["end"]) - max(g["start"], s["start"])
        if ov > best_overlap:
            best, best_overlap = j, ov
    return best


def score_timexes(gold: dict[str, dict], system: dict[str, dict]) -> dict:
    n_gold = n_sys = tp = tp_value = tp_strict = 0
    errors = []
    for doc_id, g in gold.items():
        gt = g.get("timexes", [])
        st = (system.get(doc_id) or {}).get("timexes", [])
        n_gold += len(gt)
        n_sys += len(st)
        used: set[int] = set()
        for a in gt:
            j = _best_unused(a, st, used)
            if j is None:
                errors.append({"id": doc_id, "gold": a, "system": None})
                continue
            used.add(j)
            b = st[j]
            tp += 1
            same_value = str(b.get("value")) == str(a["value"])
            tp_value += same_value
            tp_strict += (b["start"], b["end"]) == (a["start"], a["end"])
            if not same_value:
                errors.append({"id": doc_id, "gold": a, "system": b})
        errors.extend({"id": doc_id, "gold": None, "system": st[j]}
                      for j in range(len(st)) if j not in used)
    return {
        "detect_relaxed": prf(tp, n_gold, n_sys),
        "detect_strict": prf(tp_strict, n_gold, n_sys),
        "value": prf(tp_value, n_gold, n_sys),
        "counts": {"gold": n_gold, "system": n_sys, "matched": tp, "value_ok": tp_value},
        "errors": errors,
    }
