"""Server-rendered charts: the geometry of the timeline and of the actor network.

The functions here turn query results into plain numbers and strings (positions,
colours, labels, links); the templates draw them as SVG, escaping every string.
No script is needed to see a chart, and no data ever reaches a script.
"""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..resolve.names import key
from ..store.merge import interval


@lru_cache(maxsize=None)
def plover() -> dict[str, Any]:
    """The PLOVER types as the page shows them (``plover.toml``)."""
    return tomllib.loads((resources.files("pourparlers.web") / "plover.toml").read_text("utf-8"))


def event_types() -> list[str]:
    return list(plover()["types"])


def colour(type_: str | None) -> str:
    t = plover()["types"].get((type_ or "").upper())
    return t["colour"] if t else plover()["other"]["colour"]


def type_class(type_: str | None) -> str | None:
    t = plover()["types"].get((type_ or "").upper())
    return t["class"] if t else None


# ------------------------------------------------------------------ timeline

@dataclass
class TimelineMark:
    x: float
    y: float
    width: float  # 0: a point (the day is known); else the span of a month, a year...
    colour: str
    title: str
    href: str | None
    event_id: str
    tentative: bool = False  # announced, hypothetical or denied: not (yet) a fact


@dataclass
class Lane:
    label: str
    y: float
    height: float
    colour: str


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class TimelineChart:
    width: int
    height: int
    left: int
    top: int
    lanes: list[Lane] = field(default_factory=list)
    marks: list[TimelineMark] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    undated: int = 0

    @property
    def empty(self) -> bool:
        return not self.marks


def ticks(lo: dt.date, hi: dt.date, max_ticks: int = 10) -> list[tuple[dt.date, str]]:
    """Round dates between lo and hi for the axis: days, months or years."""
    days = (hi - lo).days
    if days <= 62:
        step = max(1, math.ceil(days / max_ticks))
        return [(lo + dt.timedelta(d), (lo + dt.timedelta(d)).isoformat()) for d in range(0, days + 1, step)]
    if days <= 366 * 4:
        months = []
        y, m = lo.year, lo.month
        while (y, m) <= (hi.year, hi.month):
            months.append(dt.date(y, m, 1))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        step = max(1, math.ceil(len(months) / max_ticks))
        return [(d, f"{d.year:04d}-{d.month:02d}") for d in months[::step] if lo <= d <= hi]
    years = list(range(lo.year, hi.year + 1))
    step = max(1, math.ceil(len(years) / max_ticks))
    return [(dt.date(y, 1, 1), f"{y:04d}") for y in years[::step] if lo <= dt.date(y, 1, 1) <= hi]


def timeline_chart(events: list[dict[str, Any]], link, width: int = 960, label_width: int = 120,
                   lane_height: int = 26, row: int = 9, max_rows: int = 5) -> TimelineChart:
    """Events (as :meth:`Store.events` gives them) on a time axis, one lane per type.

    ``link(event)`` gives the URL a mark opens. Events whose date the calendar
    cannot place are counted in ``undated``.
    """
    placed = []
    for ev in events:
        span = interval(ev.get("date"))
        if span is None:
            continue
        placed.append((span.lo, span.hi, span.precision, ev))
    chart = TimelineChart(width=width, height=60, left=label_width, top=10,
                          undated=len(events) - len(placed))
    if not placed:
        return chart
    lo = min(p[0] for p in placed)
    hi = max(p[1] for p in placed)
    pad = max(1, (hi - lo).days // 30)
    lo, hi = lo - dt.timedelta(pad), hi + dt.timedelta(pad)
    span_days = max(1, (hi - lo).days + 1)
    plot = width - label_width - 20

    def x_of(d: dt.date) -> float:
        return round(label_width + plot * (d - lo).days / span_days, 1)

    order = {t: i for i, t in enumerate(event_types())}
    types = sorted({p[3]["type"] for p in placed}, key=lambda t: (order.get(t, len(order)), t))
    # stack marks that would overlap within a lane (a few rows, then they overlap)
    y = chart.top
    for t in types:
        mine = sorted((p for p in placed if p[3]["type"] == t), key=lambda p: (p[0], p[1]))
        ends: list[float] = []  # right end of the last mark in each row
        rows_used = 1
        items = []
        for start, end, precision, ev in mine:
            x0 = x_of(start)
            w = 0.0 if precision == "day" else max(4.0, x_of(end + dt.timedelta(1)) - x0)
            left = x0 - (6 if w == 0 else 0)
            right = x0 + (6 if w == 0 else w)
            r = next((i for i, e in enumerate(ends) if e <= left), None)
            if r is None:
                if len(ends) < max_rows:
                    ends.append(right)
                    r = len(ends) - 1
                else:
                    r = min(range(len(ends)), key=lambda i: ends[i])
            ends[r] = max(ends[r], right)
            rows_used = max(rows_used, r + 1)
            items.append((x0, w, r, ev))
        height = lane_height + row * (rows_used - 1)
        chart.lanes.append(Lane(label=t, y=y, height=height, colour=colour(t)))
        for x0, w, r, ev in items:
            chart.marks.append(TimelineMark(
                x=x0, y=y + lane_height / 2 + r * row, width=round(w, 1), colour=colour(t),
                title=describe_event(ev), href=link(ev), event_id=ev["id"],
                tentative=(ev.get("modality") or "asserted") != "asserted"))
        y += height
    axis_y = y + 4
    chart.ticks = [Tick(x=x_of(d), label=label) for d, label in ticks(lo, hi) if x_of(d) <= width - 36]
    chart.height = int(axis_y + 30)
    return chart


def describe_event(ev: dict[str, Any]) -> str:
    """One line about a collection event: date, type, who → whom, where, sources."""
    who = ", ".join(a["name"] or "?" for a in ev.get("actors") or [])
    whom = ", ".join(a["name"] or "?" for a in ev.get("targets") or [])
    what = ev["type"] + (f"/{ev['mode']}" if ev.get("mode") else "")
    text = f"{ev.get('date') or 'undated'} {what}: {who or '?'}"
    if whom:
        text += f" → {whom}"
    if ev.get("location"):
        text += f" ({ev['location']})"
    if ev.get("modality") and ev["modality"] != "asserted":
        text += f" [{ev['modality']}]"
    n = ev.get("n_sources") or len(ev.get("sources") or [])
    text += f" — {n} source{'s' if n != 1 else ''}"
    return text


# ------------------------------------------------------------------ network

def participant_key(p: dict[str, Any]) -> str | None:
    """A registry actor's id, else ``name:<key>`` of the name as written."""
    if p.get("id"):
        return p["id"]
    k = key(p.get("name") or "")
    return f"name:{k}" if k else None


@dataclass
class Node:
    id: str
    name: str
    weight: int = 0  # events it takes part in
    x: float = 0.0
    y: float = 0.0
    r: float = 6.0
    href: str | None = None
    label: str = ""


@dataclass
class Edge:
    source: str
    target: str
    types: Counter = field(default_factory=Counter)
    events: int = 0
    colour: str = ""
    width: float = 1.0
    href: str | None = None
    title: str = ""
    x1: float = 0.0
    y1: float = 0.0
    x2: float = 0.0
    y2: float = 0.0


def interactions(events: list[dict[str, Any]]) -> tuple[dict[str, Node], dict[tuple[str, str], Edge]]:
    """Who interacted with whom: an edge from each actor to each target of an event;
    an event with actors only (a meeting with no host) joins its actors pairwise."""
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str], Edge] = {}
    for ev in events:
        actors = [(participant_key(p), p) for p in ev.get("actors") or []]
        targets = [(participant_key(p), p) for p in ev.get("targets") or []]
        actors = [(k, p) for k, p in actors if k]
        targets = [(k, p) for k, p in targets if k]
        for k, p in actors + targets:
            node = nodes.setdefault(k, Node(id=k, name=p.get("name") or k))
            node.weight += 1
        pairs = ([(a, t) for a, _ in actors for t, _ in targets] if targets else
                 [(a, b) for i, (a, _) in enumerate(actors) for b, _ in actors[i + 1:]])
        for a, b in {tuple(sorted(pair)) for pair in pairs if pair[0] != pair[1]}:
            edge = edges.setdefault((a, b), Edge(source=a, target=b))
            edge.types[ev["type"]] += 1
            edge.events += 1
    return nodes, edges


def _layout(n: int, links: list[tuple[int, int, float]], iterations: int = 250) -> list[tuple[float, float]]:
    """Stress-majorisation layout (graph distances become drawn distances), deterministic.

    Actors in separate parts of the graph are kept one step further apart than the
    farthest connected pair, so that every part stays in view. Positions are in
    graph-distance units, centred on 0.
    """
    import numpy as np

    if n == 1:
        return [(0.0, 0.0)]
    adj: list[list[int]] = [[] for _ in range(n)]
    for a, b, _ in links:
        adj[a].append(b)
        adj[b].append(a)
    dist = np.full((n, n), np.inf)
    for s in range(n):  # breadth-first search from every node
        dist[s, s] = 0
        frontier, d = [s], 0
        while frontier:
            d += 1
            nxt = []
            for u in frontier:
                for v in adj[u]:
                    if dist[s, v] == np.inf:
                        dist[s, v] = d
                        nxt.append(v)
            frontier = nxt
    finite = dist[np.isfinite(dist)]
    dist[~np.isfinite(dist)] = finite.max() + 1
    # start from classical scaling (MDS), then majorise the stress
    sq = dist ** 2
    centre = np.eye(n) - 1.0 / n
    vals, vecs = np.linalg.eigh(-0.5 * centre @ sq @ centre)
    pos = vecs[:, -2:] * np.sqrt(np.maximum(vals[-2:], 1e-9))
    angle = np.arange(n) * 2.399963  # golden angle: separates nodes that start together
    pos = pos + 0.05 * np.stack([np.cos(angle), np.sin(angle)], axis=1)
    weight = np.zeros_like(dist)
    off = dist > 0
    weight[off] = dist[off] ** -2
    total = weight.sum(axis=1)[:, None]
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        norm = np.sqrt((delta ** 2).sum(-1)) + 1e-9
        target = pos[None, :, :] + (dist / norm)[:, :, None] * delta
        pos = (weight[:, :, None] * target).sum(axis=1) / total
    pos = pos - pos.mean(axis=0)
    if np.ptp(pos[:, 1]) > np.ptp(pos[:, 0]):  # lie wide rather than tall
        pos = pos[:, ::-1]
    return [(float(x), float(y)) for x, y in pos]


@dataclass
class NetworkChart:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]
    hidden_nodes: int = 0

    @property
    def empty(self) -> bool:
        return not self.nodes


def network_chart(events: list[dict[str, Any]], node_link, edge_link, max_nodes: int = 40,
                  width: int = 960, margin: int = 90) -> NetworkChart:
    """The actor-interaction graph of these events: the ``max_nodes`` actors with
    most interactions, edges coloured by their most frequent event type."""
    nodes, edges = interactions(events)
    degree: Counter = Counter()
    for (a, b), e in edges.items():
        degree[a] += e.events
        degree[b] += e.events
    connected = sorted(degree, key=lambda k: (-degree[k], nodes[k].name, k))
    keep = connected[:max_nodes]
    kept = set(keep)
    hidden = len(nodes) - len(keep)
    ids = keep
    index = {k: i for i, k in enumerate(ids)}
    links = [(index[a], index[b], float(e.events)) for (a, b), e in edges.items() if a in kept and b in kept]
    pos = _layout(len(ids), links) if ids else []
    xs, ys = [p[0] for p in pos] or [0.0], [p[1] for p in pos] or [0.0]
    span_x, span_y = max(max(xs) - min(xs), 1e-6), max(max(ys) - min(ys), 1e-6)
    # one graph step is at most 170 px; the drawing is at most 960 wide and 720 high
    unit = min((width - 2 * margin) / span_x, (720 - 1.2 * margin) / span_y, 170.0)
    height = int(max(span_y * unit + 1.2 * margin, 160))
    left = (width - span_x * unit) / 2 - min(xs) * unit
    top_y = (height - span_y * unit) / 2 - min(ys) * unit
    top = max(degree.values(), default=1)
    out_nodes = []
    for k, (x, y) in zip(ids, pos):
        n = nodes[k]
        n.x = round(left + x * unit, 1)
        n.y = round(top_y + y * unit - 6, 1)
        n.r = round(5 + 10 * math.sqrt(degree[k] / top), 1)
        n.href = node_link(n)
        n.label = n.name if len(n.name) <= 28 else n.name[:27] + "…"
        out_nodes.append(n)
    out_edges = []
    top_e = max((e.events for e in edges.values()), default=1)
    for (a, b), e in sorted(edges.items(), key=lambda kv: kv[1].events):
        if a not in kept or b not in kept:
            continue
        na, nb = nodes[a], nodes[b]
        main, _ = e.types.most_common(1)[0]
        e.colour = colour(main)
        e.width = round(1.5 + 5 * e.events / top_e, 1)
        e.x1, e.y1, e.x2, e.y2 = na.x, na.y, nb.x, nb.y
        e.title = f"{na.name} — {nb.name}: " + ", ".join(
            f"{n} {t}" for t, n in sorted(e.types.items(), key=lambda kv: (-kv[1], kv[0])))
        e.href = edge_link(na, nb)
        out_edges.append(e)
    return NetworkChart(width=width, height=height, nodes=out_nodes, edges=out_edges, hidden_nodes=hidden)
