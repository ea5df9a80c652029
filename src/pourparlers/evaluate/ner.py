"""Exact-span NER scoring (PER, LOC, ORG)."""

from __future__ import annotations

from .gold import prf

LABELS = ("PER", "LOC", "ORG")


def score_ner(gold: dict[str, dict], system: dict[str, dict]) -> dict:
    """F1 over exact (start, end, label) triples, overall and per label.

    Returns ``{"all": {...}, "PER": {...}, ...}`` with precision, recall, f1 and counts.
    """
    counts = {lab: [0, 0, 0] for lab in ("all",) + LABELS}  # gold, system, tp
    for doc_id, g in gold.items():
        gold_spans = {(e["start"], e["end"], e["label"]) for e in g.get("entities", [])}
        sys_doc = system.get(doc_id) or {}
        sys_spans = {(m["start"], m["end"], m["label"]) for m in sys_doc.get("mentions", [])
                     if m.get("label") in LABELS}
        for lab, gs, ss in [("all", gold_spans, sys_spans)] + [
                (lab, {x for x in gold_spans if x[2] == lab}, {x for x in sys_spans if x[2] == lab})
                for lab in LABELS]:
            c = counts[lab]
            c[0] += len(gs)
            c[1] += len(ss)
            c[2] += len(gs & ss)
    out = {}
    for lab, (ng, ns, tp) in counts.items():
        p, r, f = prf(tp, ng, ns)
        out[lab] = {"precision": p, "recall": r, "f1": f, "gold": ng, "system": ns, "tp": tp}
    return out
