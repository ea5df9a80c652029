"""One event per real-world event within an article.

A meeting told in the headline, the lede and the body is one event: mentions
of the same type that share a participant, with compatible dates (equal, one
more precise than the other, or one unknown) and the same modality, are merged
into one, which keeps every participant, the most precise date, the place, the
attributes, and the mention that states it best as evidence. A visit merged
with a meeting makes the visitor the actor and the others the hosts.

An event word with no participant of its own that refers back (« cette
réunion », « la rencontre ») adds what it says (date, place, duration,
ordinal) to the last event of its type; otherwise it is dropped.
"""

from __future__ import annotations

from .extract import Draft, dedupe, same


def compatible_dates(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def finer_date(a: str | None, b: str | None) -> str | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if len(a) >= len(b) else b


def _shares(xs, ys) -> bool:
    return any(same(x, y) for x in xs for y in ys)


def same_modality(m: Draft, d: Draft) -> bool:
    """Equal, or announced then reported as done (« devrait annoncer sa
    démission … a donné sa démission comme prévu »)."""
    return m.modality == d.modality or {m.modality, d.modality} == {"asserted", "future"}


def mergeable(m: Draft, d: Draft) -> bool:
    if m.type != d.type or not same_modality(m, d):
        return False
    if m.tok.sent.start == d.tok.sent.start and not d.anaphoric:
        return False  # two event words of one sentence are two events
    if not compatible_dates(m.date, d.date):
        return False
    if not _shares(m.participants(), d.participants()):
        return False
    if m.targets and d.targets and not _shares(m.targets, d.targets) and not (m.visitors or d.visitors):
        return False
    return True


def _last_of_type(out: list[Draft], d: Draft) -> Draft | None:
    for m in reversed(out):
        if m.type == d.type:
            return m
    return None


def anaphora_fits(m: Draft, d: Draft) -> bool:
    """« X a été accusé … Les accusations ont été formulées par Y »: a definite
    event noun completes the last event of its type when nothing conflicts
    (same modality, compatible dates, no two different actors)."""
    if not same_modality(m, d) or not compatible_dates(m.date, d.date):
        return False
    if m.actors and d.actors and not _shares(m.actors, d.actors):
        return False
    if m.targets and d.targets and not _shares(m.targets, d.targets):
        return False
    return True


def _proof_rank(d: Draft) -> tuple:
    return (not d.headline, len(d.participants()), d.date is not None, d.location is not None)


def combine(m: Draft, d: Draft, types: dict[str | None, str]) -> None:
    """Merge ``d`` into ``m`` (``m`` comes first in the text)."""
    if m.visitors or d.visitors:
        visitors = dedupe([p for x in (m, d) if x.visitors for p in x.actors])
        everyone = dedupe(m.participants() + d.participants())
        hosts = [p for p in everyone if not any(same(p, v) for v in visitors)]
        if any(types.get(h.entity) in ("PER", "ORG") for h in hosts):
            hosts = [h for h in hosts if types.get(h.entity) != "LOC"]
        m.actors, m.targets, m.visitors = visitors, hosts, True
    else:
        m.actors = dedupe(m.actors + d.actors)
        m.targets = [t for t in dedupe(m.targets + d.targets) if not any(same(t, a) for a in m.actors)]
    if d.mode and (m.mode is None or d.visitors and not m.visitors or d.mode == "visit"):
        m.mode = d.mode
    _add_details(m, d)
    if "asserted" in (m.modality, d.modality):
        m.modality = "asserted"
    rank = _proof_rank(d)
    if rank > m.proof_rank:
        m.proof, m.proof_rank = d.tok, rank


def _add_details(m: Draft, d: Draft) -> None:
    m.date = finer_date(m.date, d.date)
    m.location = m.location or d.location
    for k, v in d.attributes.items():
        m.attributes.setdefault(k, v)
    m.source = m.source or d.source


def merge(drafts: list[Draft], types: dict[str | None, str]) -> list[Draft]:
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda x: x.tok.i):
        if not d.participants():
            if d.anaphoric:
                for m in reversed(out):
                    if m.type == d.type and compatible_dates(m.date, d.date):
                        _add_details(m, d)
                        break
            continue
        for m in out:
            if mergeable(m, d) or (d.anaphoric and m is _last_of_type(out, d) and anaphora_fits(m, d)):
                combine(m, d, types)
                break
        else:
            d.proof, d.proof_rank = d.tok, _proof_rank(d)
            out.append(d)
    return out
