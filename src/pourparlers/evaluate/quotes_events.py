"""Scoring quotations, speakers and events (ANNOTATION.md, section 4).

- Texts are compared as bags of words (lower case, accents removed, split on
  anything that is not a letter or digit). A system quote matches a gold quote
  when the shared words cover at least ``theta`` of both; pairs are taken one
  to one, best overlap first.
- Names match when, after dropping small words, they end with the same word,
  one contains the other, they share half of the gold name's words, or one is
  the acronym of the other.
- Events match by type and at least one shared participant, most shared first.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

from .gold import prf

THRESHOLDS = (0.3, 0.5, 0.8)
SMALL_WORDS = frozenset(
    "le la les l un une des de du d au aux et a à en pour par sur dans que qu ce cette".split())
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str | None) -> list[str]:
    """Lower-cased, accent-free words of ``text``."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return _WORD.findall(ascii_text.lower())


def content_words(text: str | None) -> list[str]:
    return [w for w in words(text) if w not in SMALL_WORDS]


def coverage(gold_text: str, sys_text: str) -> tuple[float, float]:
    """Shares of the gold words and of the system words that the two texts have in common."""
    g, s = Counter(words(gold_text)), Counter(words(sys_text))
    shared = sum((g & s).values())
    return shared / max(1, sum(g.values())), shared / max(1, sum(s.values()))


def _initials(text: str) -> set[str]:
    ws = words(text)
    return {"".join(w[0] for w in ws),
            "".join(w[0] for w in ws if w not in SMALL_WORDS),
            "".join(w[0] for w in ws if len(w) >= 3)}


def _is_acronym_of(short: str, long: str) -> bool:
    ws = words(short)
    return len(ws) == 1 and len(ws[0]) >= 2 and short.strip().isupper() and ws[0] in _initials(long)


def names_match(gold: str | None, system: str | None) -> bool:
    """The speaker/participant rule of ANNOTATION.md."""
    if not gold or not system:
        return False
    if _is_acronym_of(gold, system) or _is_acronym_of(system, gold):
        return True
    g, s = content_words(gold), content_words(system)
    if not g or not s:
        return False
    if g[-1] == s[-1]:
        return True
    gj, sj = " ".join(g), " ".join(s)
    if gj in sj or sj in gj:
        return True
    return len(set(g) & set(s)) >= max(1, len(set(g)) / 2)


def name_resolver(record: dict) -> Callable[[object], str | None]:
    """Turns a speaker/participant value (name, entity id or object) into a name."""
    names = {e.get("id"): e.get("name") for e in record.get("entities", []) if isinstance(e, dict)}

    def resolve(value):
        if value is None:
            return None
        if isinstance(value, dict):
            return value.get("name") or value.get("text") or names.get(value.get("id"))
        return names.get(value, value)

    return resolve


def unique_quotes(quotes: Iterable[dict], speaker: Callable[[dict], str | None]) -> list[dict]:
    """Drop verbatim repeats by the same speaker (they count once)."""
    seen, out = set(), []
    for q in quotes:
        key = (" ".join(words(q.get("text", ""))), " ".join(content_words(speaker(q) or "")))
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out


def one_to_one(scored: Iterable[tuple]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of (score, gold index, system index), best first.

    Ties go to the later gold item, then the later system item (the reference's order).
    """
    taken_g, taken_s, pairs = set(), set(), []
    for _, gi, si in sorted(scored, reverse=True):
        if gi not in taken_g and si not in taken_s:
            taken_g.add(gi)
            taken_s.add(si)
            pairs.append((gi, si))
    return pairs


def _participants(event: dict, resolve=None) -> list[str]:
    values = list(event.get("actors") or []) + list(event.get("targets") or [])
    names = [resolve(v) for v in values] if resolve else values
    return [n for n in names if n]


def score_at(gold: dict[str, dict], system: dict[str, dict], theta: float = 0.5,
             details: list | None = None) -> dict:
    """Figures at one overlap threshold; appends per-item outcomes to ``details``."""
    n = Counter()
    for doc_id, g in gold.items():
        s = system.get(doc_id, {})
        resolve = name_resolver(s)
        sys_speaker = lambda q: q.get("speaker_name") or resolve(q.get("speaker"))  # noqa: E731
        gq = unique_quotes(g.get("quotes", []), lambda q: q.get("speaker"))
        sq = unique_quotes(s.get("quotes", []), sys_speaker)
        scored = []
        for gi, q in enumerate(gq):
            for si, x in enumerate(sq):
                a, b = coverage(q["text"], x.get("text", ""))
                if a >= theta and b >= theta:
                    scored.append((min(a, b), gi, si))
        matched = one_to_one(scored)
        n["q_gold"] += len(gq)
        n["q_sys"] += len(sq)
        n["q_tp"] += len(matched)
        for gi, si in matched:
            gold_speaker, speaker = gq[gi].get("speaker"), sys_speaker(sq[si])
            ok = speaker is None if gold_speaker is None else names_match(gold_speaker, speaker)
            n["qs_tp"] += ok
            if details is not None and not ok:
                details.append({"id": doc_id, "what": "quote-speaker", "gold": gq[gi], "system": sq[si]})
        if details is not None:
            mg = {gi for gi, _ in matched}
            ms = {si for _, si in matched}
            details.extend({"id": doc_id, "what": "quote-missed", "gold": q, "system": None}
                           for gi, q in enumerate(gq) if gi not in mg)
            details.extend({"id": doc_id, "what": "quote-spurious", "gold": None, "system": x}
                           for si, x in enumerate(sq) if si not in ms)

        ge, se = g.get("events", []), s.get("events", [])
        scored, strict = [], set()
        for gi, e in enumerate(ge):
            gp = _participants(e)
            for si, x in enumerate(se):
                if x.get("type") != e["type"]:
                    continue
                sp = _participants(x, resolve)
                hits = sum(any(names_match(a, b) for b in sp) for a in gp)
                if hits >= 1 or not gp:
                    scored.append((hits, gi, si))
                    if hits >= (len(gp) if len(gp) <= 2 else 2):
                        strict.add((gi, si))
        matched = one_to_one(scored)
        n["e_gold"] += len(ge)
        n["e_sys"] += len(se)
        n["e_tp"] += len(matched)
        n["es_tp"] += sum(pair in strict for pair in matched)
        for gi, si in matched:
            same_date = (ge[gi].get("date") or None) == (se[si].get("date") or None)
            n["ed_tp"] += same_date
            if details is not None and not same_date:
                details.append({"id": doc_id, "what": "event-date", "gold": ge[gi], "system": se[si]})
        if details is not None:
            mg = {gi for gi, _ in matched}
            ms = {si for _, si in matched}
            details.extend({"id": doc_id, "what": "event-missed", "gold": e, "system": None}
                           for gi, e in enumerate(ge) if gi not in mg)
            details.extend({"id": doc_id, "what": "event-spurious", "gold": None, "system": x}
                           for si, x in enumerate(se) if si not in ms)
    return {
        "quotes": prf(n["q_tp"], n["q_gold"], n["q_sys"]),
        "attributed_quotes": prf(n["qs_tp"], n["q_gold"], n["q_sys"]),
        "events": prf(n["e_tp"], n["e_gold"], n["e_sys"]),
        "events_all_participants": prf(n["es_tp"], n["e_gold"], n["e_sys"]),
        "dated_events": prf(n["ed_tp"], n["e_gold"], n["e_sys"]),
        "counts": dict(n),
    }


def per_type(gold: dict[str, dict], system: dict[str, dict]) -> dict[str, dict]:
    """Event precision/recall/F1 per PLOVER type (matching as in ``score_at``)."""
    types = sorted({e["type"] for g in gold.values() for e in g.get("events", [])} |
                   {e.get("type") for s in system.values() for e in s.get("events", []) if e.get("type")})
    out = {}
    for t in types:
        g_only = {k: {"events": [e for e in v.get("events", []) if e["type"] == t]} for k, v in gold.items()}
        s_only = {k: dict(v, quotes=[], events=[e for e in v.get("events", []) if e.get("type") == t])
                  for k, v in system.items()}
        r = score_at(g_only, s_only)
        c = r["counts"]
        out[t] = {"precision": r["events"][0], "recall": r["events"][1], "f1": r["events"][2],
                  "gold": c.get("e_gold", 0), "system": c.get("e_sys", 0), "tp": c.get("e_tp", 0)}
    return out


def score_quotes_events(gold: dict[str, dict], system: dict[str, dict],
                        thresholds: Iterable[float] = THRESHOLDS) -> dict:
    """Figures at each threshold, keyed by the threshold as a string ("0.5")."""
    return {str(t): score_at(gold, system, t) for t in thresholds}
