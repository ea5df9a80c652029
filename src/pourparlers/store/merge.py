"""Cross-article event merge: one real-world event, every article that reports it.

Events of different articles are candidates for the same *collection event*
only when they have the same PLOVER type, the same modality and the same
participants — the same registry actors, whichever side (actor or target) each
article put them on. The store groups them by that *group key*; this module
clusters one group, conservatively:

- an event without a date is never merged (nothing says it is the same one);
- events dated the same day are one event, unless their modes disagree
  (a phone call and a visit on the same day stay two);
- an event dated less precisely (« en avril » = ``2025-04``, a year, a week)
  joins the one event whose date lies within its own, if there is exactly one
  compatible candidate; several candidates → it stays alone, marked ambiguous;
  none → it starts an event of that precision, that later reports of the same
  precision may join;
- a reported (``asserted``) event cannot have happened after the article that
  reports it was published; a place named by both sides must agree for a
  less precise date to join (it must be the place of one of the reports that
  name one); two events of one article are never one event
  (an article annotates each real-world event once).

Each cluster explains itself: which fields agreed, and why each report joined.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..resolve.names import key

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|T)")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")

PRECISIONS = ("day", "week", "month", "quarter", "year")


@dataclass(frozen=True)
class Interval:
    """The days a (TIMEX3) date value can denote."""

    lo: dt.date
    hi: dt.date
    precision: str
    value: str

    def within(self, other: "Interval") -> bool:
        return other.lo <= self.lo and self.hi <= other.hi

    @property
    def width(self) -> int:
        return (self.hi - self.lo).days


def interval(value: str | None) -> Interval | None:
    """``2025-04-25`` → that day; ``2025-04`` → April; ``2025``, ``2025-W17``, ``2025-Q2``.

    Values the calendar cannot place (``XXXX-04-25``, ``PRESENT_REF``) give None.
    """
    if not value:
        return None
    v = value.strip()
    try:
        if m := _DAY.match(v):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return Interval(d, d, "day", d.isoformat())
        if m := _MONTH.match(v):
            y, mo = int(m[1]), int(m[2])
            last = calendar.monthrange(y, mo)[1]
            return Interval(dt.date(y, mo, 1), dt.date(y, mo, last), "month", f"{y:04d}-{mo:02d}")
        if m := _WEEK.match(v):
            lo = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return Interval(lo, lo + dt.timedelta(days=6), "week", v)
        if m := _QUARTER.match(v):
            y, q = int(m[1]), int(m[2])
            lo = dt.date(y, 3 * q - 2, 1)
            hi = dt.date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
            return Interval(lo, hi, "quarter", v)
        if m := _YEAR.match(v):
            y = int(m[1])
            return Interval(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", v)
    except ValueError:
        return None
    return None


@dataclass
class EventItem:
    """One article's event, with what the merge needs to know about its article."""

    article_id: str
    event_id: str
    type: str
    modality: str = "asserted"
    mode: str | None = None
    date: str | None = None
    location: str | None = None
    published: str | None = None
    outlet: str | None = None
    text_hash: str | None = None
    attributed: str | None = None  # « selon Axios »: who the article credits
    participants: list[tuple[str, str, str]] = field(default_factory=list)  # (key, name, role)

    @property
    def ref(self) -> tuple[str, str]:
        return (self.article_id, self.event_id)

    @property
    def order(self) -> tuple[str, str, str]:
        return (self.published or "9999-12-31", self.article_id, self.event_id)


@dataclass
class Cluster:
    """One collection event under construction."""

    members: list[EventItem]
    reasons: list[str]
    span: Interval | None = None
    closed: bool = False  # an ambiguous report: nothing else joins it
    ambiguous_with: list[str] = field(default_factory=list)

    @property
    def articles(self) -> set[str]:
        return {m.article_id for m in self.members}

    def add(self, item: EventItem, reason: str) -> None:
        self.members.append(item)
        self.reasons.append(reason)

    @property
    def id(self) -> str:
        first = min(m.ref for m in self.members)
        return "ev:" + hashlib.sha1("\x1f".join(first).encode()).hexdigest()[:12]

    # ------------------------------------------------------------ summary

    def summary(self) -> dict[str, Any]:
        """The collection event: fields, sources, counts and the explanation."""
        members = sorted(self.members, key=lambda m: m.order)
        first = members[0]
        modes = Counter(m.mode for m in members if m.mode)
        places = Counter(m.location for m in members if m.location)
        place_keys = {key(p) for p in places}
        outlets = [m.outlet or m.article_id for m in members]
        # independent reports: a verbatim reprint counts once; a report credited to a
        # named source (« selon Axios ») counts as that source
        seen_text: set[str] = set()
        origins: set[str] = set()
        for m in members:
            if m.text_hash and m.text_hash in seen_text:
                continue
            if m.text_hash:
                seen_text.add(m.text_hash)
            origins.add(f"source:{key(m.attributed)}" if m.attributed and key(m.attributed)
                        else f"outlet:{m.outlet or m.article_id}")
        agreed = ["type", "modality", "participants"]
        conflicts = []
        if len(members) > 1:
            if self.span and all(interval(m.date) == self.span for m in members):
                agreed.append(f"date (all {self.span.value})")
            elif self.span:
                agreed.append(f"date (compatible with {self.span.value})")
            if len(modes) == 1:
                agreed.append(f"mode ({next(iter(modes))})")
            elif len(modes) > 1:
                conflicts.append("mode: " + " / ".join(sorted(modes)))
            if len(place_keys) == 1:
                agreed.append(f"location ({places.most_common(1)[0][0]})")
            elif len(place_keys) > 1:
                conflicts.append("location: " + " / ".join(sorted(places)))
        roles: dict[str, Counter] = {}
        names: dict[str, str] = {}
        for m in members:
            for k, name, role in m.participants:
                roles.setdefault(k, Counter())[role] += 1
                names.setdefault(k, name)
        participants = [(k, names[k], "actor" if c["actor"] >= c["target"] else "target")
                        for k, c in sorted(roles.items())]
        by_ref = dict(zip((m.ref for m in self.members), self.reasons))
        return {
            "cevent_id": self.id,
            "type": first.type,
            "modality": first.modality,
            "mode": sorted(modes, key=lambda x: (-modes[x], x))[0] if modes else None,
            "date": self.span.value if self.span else None,
            "date_lo": self.span.lo if self.span else None,
            "date_hi": self.span.hi if self.span else None,
            "precision": self.span.precision if self.span else None,
            "location": places.most_common(1)[0][0] if places else None,  # ties: earliest report
            "first_published": first.published,
            "first_article_id": first.article_id,
            "n_articles": len({m.article_id for m in members}),
            "n_sources": len(set(outlets)),
            "n_independent": len(origins),
            "participants": participants,
            "links": [(m.article_id, m.event_id, by_ref[m.ref]) for m in members],
            "explanation": {
                "rule": "same type, modality and participants; dates equal or compatible",
                "agreed": agreed,
                "conflicts": conflicts,
                "ambiguous_with": list(self.ambiguous_with),
                "members": [{"article_id": m.article_id, "event_id": m.event_id, "date": m.date,
                             "reason": by_ref[m.ref]} for m in members],
            },
        }


def _places_agree(item: EventItem, cluster: Cluster) -> bool:
    """No place, or the same place as one of the reports that name one."""
    if not item.location:
        return True
    theirs = {key(m.location) for m in cluster.members if m.location}
    return not theirs or key(item.location) in theirs


def _modes_agree(item: EventItem, cluster: Cluster) -> bool:
    return not item.mode or all(not m.mode or m.mode == item.mode for m in cluster.members)


def cluster_group(items: list[EventItem]) -> list[Cluster]:
    """Cluster the events of one group (same type, modality and participants)."""
    items = sorted(items, key=lambda i: i.order)
    clusters: list[Cluster] = []
    days: dict[dt.date, list[tuple[Interval, EventItem]]] = {}
    vague: list[tuple[Interval, EventItem]] = []
    for it in items:
        span = interval(it.date)
        if span is None:
            why = "no date: never merged" if not it.date else f"date {it.date} cannot be placed: never merged"
            clusters.append(Cluster([it], [why], None, closed=True))
        elif span.precision == "day":
            days.setdefault(span.lo, []).append((span, it))
        else:
            vague.append((span, it))
    for day in sorted(days):
        group = days[day]
        modes = sorted({it.mode for _, it in group if it.mode})
        if len(modes) <= 1:
            c = Cluster([], [], group[0][0])
            for n, (_, it) in enumerate(group):
                c.add(it, "first report" if n == 0 else f"same day ({day.isoformat()})")
            clusters.append(c)
            continue
        by_mode = {m: Cluster([], [], group[0][0]) for m in modes}
        for _, it in group:
            if it.mode:
                c = by_mode[it.mode]
                c.add(it, "first report" if not c.members else f"same day ({day.isoformat()}) and mode ({it.mode})")
            else:
                clusters.append(Cluster([it], ["same day as reports of different modes "
                                               f"({', '.join(modes)}): not merged"],
                                        group[0][0], closed=True))
        clusters.extend(by_mode.values())
    for span, it in sorted(vague, key=lambda p: (p[0].width, p[1].order)):
        cands = [c for c in clusters
                 if not c.closed and c.span is not None and c.span.within(span)
                 and it.article_id not in c.articles
                 and _modes_agree(it, c) and _places_agree(it, c)
                 and not (it.modality == "asserted" and it.published and c.span.lo.isoformat() > it.published)]
        if len(cands) == 1:
            c = cands[0]
            if c.span == span:
                c.add(it, f"same date ({span.value})")
            else:
                c.add(it, f"date {span.value} contains {c.span.value}, the only compatible event")
        elif not cands:
            clusters.append(Cluster([it], ["first report"], span))
        else:
            dates = sorted(c.span.value for c in cands)
            c = Cluster([it], [f"date {span.value} fits {len(cands)} events ({', '.join(dates)}): not merged"],
                        span, closed=True, ambiguous_with=[c.id for c in cands])
            clusters.append(c)
    return clusters
