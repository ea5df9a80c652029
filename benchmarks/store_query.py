#!/usr/bin/env python3
"""Query latency of the store on a synthetic collection of 100,000 article events.

    .venv/bin/python benchmarks/store_query.py [--events N] [--db FILE] [--reuse]

Builds (unless --reuse and the file exists) a store through the ordinary
``Store.ingest_records`` path: synthetic French records of N/5 articles with
five events each, drawn from N/4 underlying real-world events, so that every
event is reported by about four articles and the cross-article merge has work
to do; 400 people (full names, sometimes the surname alone), 60 organisations
and places, 30 outlets, one quotation per article. Names are generated from
syllables. Then each query of the library API is timed: one cold run and
``--repeat`` warm runs; the median and the worst warm time are printed (target:
under 200 ms). Not a test: a tool. With --json, one JSON line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TYPES = [("CONSULT", "visit", 5), ("CONSULT", "phone", 2), ("AGREE", None, 2), ("SUPPORT", None, 2),
         ("ACCUSE", "disapprove", 3), ("REQUEST", None, 2), ("REJECT", None, 1), ("THREATEN", None, 1),
         ("SANCTION", None, 1), ("COOPERATE", None, 1), ("AID", None, 1), ("ASSAULT", None, 1)]
VERBS = {"CONSULT": "a rencontré", "AGREE": "s'est accordé avec", "SUPPORT": "a soutenu",
         "ACCUSE": "a accusé", "REQUEST": "a demandé à", "REJECT": "a rejeté l'offre de",
         "THREATEN": "a menacé", "SANCTION": "a sanctionné", "COOPERATE": "a coopéré avec",
         "AID": "a aidé", "ASSAULT": "a attaqué"}
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]


def names(rnd: random.Random, n: int, parts: int) -> list[str]:
    syl = ["ka", "lo", "mi", "ra", "vo", "ne", "du", "sa", "té", "ri", "ban", "vel", "dor", "mar",
           "lin", "gos", "tal", "ber", "jou", "fé"]
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(rnd.choice(syl) for _ in range(parts)).capitalize())
    return sorted(out)


def build(db: Path, n_events: int, seed: int = 7) -> dict:
    from pourparlers.model import (Article, Entity, Event, Mention, Participant, Quote, Record,
                                   Span)
    from pourparlers.store import Store

    rnd = random.Random(seed)
    people = [f"{g} {s}" for g, s in zip(names(rnd, 400, 2), names(rnd, 400, 3))]
    orgs = [f"Ministère de {s}" for s in names(rnd, 30, 3)] + [f"Union {s}" for s in names(rnd, 30, 2)]
    outlets = [f"Le Journal {s}" for s in names(rnd, 30, 2)]
    pairs = [tuple(rnd.sample(people, 2)) for _ in range(1500)] + \
            [(rnd.choice(people), rnd.choice(orgs)) for _ in range(500)]
    start = dt.date(2024, 1, 1)
    world = []
    for _ in range(n_events // 4):
        typ, mode, _ = rnd.choices(TYPES, weights=[t[2] for t in TYPES])[0]
        a, b = rnd.choice(pairs)
        world.append((typ, mode, a, b, start + dt.timedelta(days=rnd.randrange(730))))

    def records():
        for i in range(n_events // 5):
            reported = rnd.sample(world, 5)
            published = max(w[4] for w in reported) + dt.timedelta(days=rnd.randrange(4))
            sentences, events, ents = [], [], {}
            text = ""

            def ent(name: str) -> str:
                if name not in ents:
                    ents[name] = f"e{len(ents) + 1}"
                return ents[name]

            mentions = []
            for j, (typ, mode, a, b, day) in enumerate(reported, 1):
                short = rnd.random() < 0.2 and a in people and len(ents) > 0 and a in ents
                who = a.split()[-1] if short else a
                vague = rnd.random() < 0.2
                when = f"en {MONTHS[day.month - 1]} {day.year}" if vague else f"le {day.day} {MONTHS[day.month - 1]}"
                sentence = f"{who} {VERBS[typ]} {b} {when}."
                s0 = len(text)
                text += sentence + " "
                mentions.append(Mention(s0, s0 + len(who), who, "PER" if a in people else "ORG", ent(a)))
                p = s0 + len(who) + 1 + len(VERBS[typ]) + 1
                mentions.append(Mention(p, p + len(b), b, "PER" if b in people else "ORG", ent(b)))
                events.append(Event(
                    id=f"v{j}", type=typ, mode=mode, actors=[Participant(a, ents[a])],
                    targets=[Participant(b, ents[b])],
                    date=day.strftime("%Y-%m") if vague else day.isoformat(),
                    evidence=Span(s0, s0 + len(sentence), sentence)))
                sentences.append((s0, s0 + len(sentence)))
            speaker = reported[0][2]
            quote = "Nous continuerons à travailler ensemble"
            q0 = len(text) + 1
            text += f"« {quote} », a déclaré {speaker}."
            entities = [Entity(eid, name, "PER" if name in people else "ORG",
                               ["ministre des Affaires étrangères"] if name in people and hash(name) % 5 == 0 else [])
                        for name, eid in ents.items()]
            yield Record(
                article=Article(id=f"synth-{i:06d}", text=text, title=None, url=f"https://synth.example/{i}",
                                source=rnd.choice(outlets), published=published.isoformat()),
                entities=entities, mentions=mentions, events=events, sentences=sentences,
                quotes=[Quote(id="q1", text=quote, start=q0 + 1, end=q0 + 1 + len(quote), kind="direct",
                              speaker=ents[speaker], speaker_name=speaker, cue="déclarer")])

    t, c = time.perf_counter(), time.process_time()
    with Store(db) as store:
        store.ingest_records(records(), commit_every=1000)
        counts = store.counts()
    return {"build_s": round(time.perf_counter() - t, 1), "build_cpu_s": round(time.process_time() - c, 1),
            "counts": counts,
            "pair": list(pairs[0]), "person": pairs[0][0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--reuse", action="store_true", help="query an existing --db without building it")
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from pourparlers.store import Store

    db = args.db or Path(tempfile.mkdtemp(prefix="store-query-")) / "synthetic.duckdb"
    info: dict = {}
    if not (args.reuse and db.exists()):
        if db.exists():
            sys.exit(f"{db} exists: pass --reuse to query it, or another --db")
        info = build(db, args.events)
    with Store(db, read_only=True) as store:
        counts = store.counts()
        a, b = store.con.execute(  # the two people who appear together most often
            "SELECT x.name, y.name FROM collection_event_actors x JOIN collection_event_actors y "
            "ON x.cevent_id = y.cevent_id AND x.actor_key < y.actor_key JOIN actors p ON p.actor_id = x.actor_id "
            "JOIN actors q ON q.actor_id = y.actor_id WHERE p.type = 'PER' AND q.type = 'PER' "
            "GROUP BY ALL ORDER BY count(*) DESC, 1, 2 LIMIT 1").fetchall()[0]
        surname = a.split()[-1]
        queries = {
            "events of two actors, one type": lambda: store.events(actor=[a, b], type="CONSULT"),
            "events of one actor (first page)": lambda: store.events(actor=[a]),
            "events of one actor in a year": lambda: store.events(actor=[surname], since="2025", until="2025"),
            "events by type and period": lambda: store.events(type="ACCUSE", since="2025-03", until="2025-04"),
            "all events, page 100": lambda: store.events(limit=50, offset=5000),
            "quotes of a speaker": lambda: store.quotes(speaker=a),
            "quotes containing text": lambda: store.quotes(contains="ensemble", limit=50),
            "actors by name": lambda: store.actors(name=surname[:4]),
            "timeline of an actor": lambda: store.timeline(a),
        }
        results = {}
        for label, q in queries.items():
            t = time.perf_counter()
            first = q()
            cold = time.perf_counter() - t
            warm, cpu = [], []
            for _ in range(args.repeat):
                t, c = time.perf_counter(), time.process_time()
                q()
                warm.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
            results[label] = {"cold_ms": round(cold * 1000, 1),
                              "median_ms": round(statistics.median(warm) * 1000, 1),
                              "max_ms": round(max(warm) * 1000, 1),
                              "cpu_median_ms": round(statistics.median(cpu) * 1000, 1),
                              "rows": len(first), "total": getattr(first, "total", len(first))}
    out = {"db": str(db), "events": counts["events"], "collection_events": counts["collection_events"],
           "articles": counts["articles"], "actors": counts["actors"], **info, "queries": results}
    out.pop("counts", None)
    if args.json:
        print(json.dumps(out))
        return
    print(f"{counts['articles']} articles, {counts['events']} events → {counts['collection_events']} "
          f"collection events, {counts['actors']} actors"
          + (f"; built in {info['build_s']} s ({info['build_cpu_s']} s CPU)" if info else "") + f"; store {db}")
    print(f"{'query':38} {'cold ms':>8} {'median':>8} {'max':>8} {'cpu':>8} {'rows':>6} {'total':>7}")
    for label, r in results.items():
        print(f"{label:38} {r['cold_ms']:8.1f} {r['median_ms']:8.1f} {r['max_ms']:8.1f} "
              f"{r['cpu_median_ms']:8.1f} {r['rows']:6d} {r['total']:7d}")
    print("wall times, in ms; cpu: CPU time of this process (all DuckDB threads), median")


if __name__ == "__main__":
    main()
