#!/usr/bin/env python3
"""Load test of the HTTP API on loopback: N concurrent clients for T seconds.

    .venv/bin/python benchmarks/load.py                       # 50 clients, 60 s, a synthetic store
    .venv/bin/python benchmarks/load.py --short               # 50 clients, 10 s (what the test suite runs)
    .venv/bin/python benchmarks/load.py --db news.duckdb      # an existing store
    .venv/bin/python benchmarks/load.py --url http://127.0.0.1:8000   # a server already running

Unless ``--url`` is given, it starts ``pourparlers serve --port 0`` on the store
in its own process (the real server: uvicorn, the store opened read-only per
request). Without ``--db`` it first fills a store with ``--articles`` synthetic
articles (fictional people, places and quotations, written here) through
``Store.ingest_records``. Each client (asyncio + httpx) sends GET requests to
the API endpoints in turn — lists with filters, single events, actors, articles,
the graph — as fast as the answers come, until the time is up or ``--max-requests``
have been sent in all (bounded in count and time). Any answer other than 200, and
any connection error or timeout, is an error.

Prints requests per second, latency percentiles (p50, p90, p99, max) and errors
per kind; ``--json`` prints one JSON line instead. Exit status 1 if there was
any error. Not a test: a tool (``tests/test_load.py`` runs ``--short``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

# ---------------------------------------------------------------- a synthetic store

FIRST = ["Clara", "Tomasz", "Amina", "Lars", "Sofia", "Karim", "Inès", "Mateo", "Yuki", "Olga",
         "Bruno", "Nadia", "Pavel", "Léa", "Omar", "Greta", "Hugo", "Zeynep", "Anton", "Maëlle"]
LAST = ["Vidal", "Nowicki", "Diallo", "Berg", "Moreau", "Haddad", "Lindqvist", "Ferreira", "Tanaka",
        "Sokolova", "Marchetti", "Benali", "Horvat", "Quintin", "Okafor", "Janssen", "Roussel",
        "Aydın", "Kovač", "Le Goff"]
ROLES = ["ministre des Affaires étrangères", "Premier ministre", "présidente du Sénat",
         "commissaire européen", "maire", "porte-parole du gouvernement", "ambassadeur"]
PLACES = ["Varsovie", "Lisbonne", "Dakar", "Oslo", "Lyon", "Tunis", "Riga", "Québec", "Nantes", "Bamako"]
OUTLETS = ["Le Journal du Nord", "La Voix de l'Est", "Le Courrier du Sud", "L'Écho des Côtes",
           "Le Quotidien social", "La Gazette des Monts"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
SAYINGS = ["Nous avons avancé sur l'essentiel", "Le dialogue reste notre meilleure arme",
           "Personne ne sera laissé de côté", "Cette décision est injuste et dangereuse",
           "Nous ne céderons pas sur les écoles", "Les discussions ont été franches et utiles"]
KINDS = [("CONSULT", "a rencontré"), ("ACCUSE", "a accusé"), ("SUPPORT", "a salué le travail de"),
         ("AGREE", "a signé un accord avec"), ("SANCTION", "a infligé une amende à")]


def synthetic_records(n: int, seed: int = 7) -> list:
    """``n`` records of our own invented articles, with entities, events, quotes, dates."""
    from pourparlers.model import (Article, Entity, Event, Mention, Participant, Quote, Record,
                                   Span, Timex)

    rnd = random.Random(seed)
    people = [(f"{f} {l}", rnd.choice(ROLES)) for f in FIRST for l in LAST][:120]
    out = []
    for i in range(n):
        (a, role_a), (b, role_b) = rnd.sample(people, 2)
        place, outlet = rnd.choice(PLACES), rnd.choice(OUTLETS)
        month = rnd.randrange(12)
        day = rnd.randint(1, 28)
        year = 2024 + i % 2
        kind, verb = rnd.choice(KINDS)
        saying = rnd.choice(SAYINGS)
        text, ents, mentions = "", [], []

        def put(piece: str) -> Span:
            nonlocal text
            start = len(text)
            text += piece
            return Span(start, len(text), piece)

        def name(entity_id: str, form: str, label: str = "PER") -> Span:
            sp = put(form)
            mentions.append(Mention(sp.start, sp.end, form, label, entity_id))
            return sp

        put(f"{a.split()[-1]} et {b.split()[-1]} à {place}\n\n")
        sent_start = len(text)
        put(f"Le {day} {MONTHS[month]} {year}, ")
        date_span = Span(sent_start + 3, sent_start + 3 + len(f"{day} {MONTHS[month]} {year}"),
                         f"{day} {MONTHS[month]} {year}")
        name("e1", a)
        put(f", {role_a}, {verb} ")
        name("e2", b)
        put(", ")
        put(f"{role_b}, à ")
        name("e3", place, "LOC")
        put(".")
        evidence = Span(sent_start, len(text), text[sent_start:])
        put(" « ")
        q = put(saying)
        put(" », a déclaré ")
        name("e1", a.split()[-1])
        put(f" à l'issue de la rencontre (dépêche {i}).")
        ents = [Entity("e1", a, "PER", [role_a], [a.split()[-1]]), Entity("e2", b, "PER", [role_b], []),
                Entity("e3", place, "LOC", [], [])]
        date = f"{year}-{month + 1:02d}-{day:02d}"
        ev = Event(id="v1", type=kind, actors=[Participant(name=a, entity="e1")],
                   targets=[Participant(name=b, entity="e2")], date=date, location=place,
                   evidence=evidence)
        quote_ = Quote(id="q1", text=saying, start=q.start, end=q.end, kind="direct", speaker="e1",
                       speaker_name=a, cue="déclarer")
        article = Article(id=f"synth-{i:05d}", text=text, title=text.split("\n", 1)[0],
                          url=f"https://{outlet.lower().replace(' ', '-').replace(chr(39), '')}.example/{i}",
                          source=outlet, published=date)
        out.append(Record(article=article, entities=ents, mentions=mentions, quotes=[quote_], events=[ev],
                          timexes=[Timex(date_span.start, date_span.end, date_span.text, "DATE", date)],
                          sentences=[(0, len(text))]))
    return out


def fill_store(path: Path, n: int) -> None:
    from pourparlers.store import Store

    with Store(path) as store:
        store.ingest_records(synthetic_records(n), commit_every=500)


# ---------------------------------------------------------------- the server

def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    """``pourparlers serve --port 0`` on ``db``; returns the process and its base URL."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH", "")) if p)
    env.pop("POURPARLERS_STRICT", None)
    proc = subprocess.Popen([sys.executable, "-m", "pourparlers", "serve", "--db", str(db), "--port", "0"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    log: list[str] = []
    for line in proc.stderr:
        log.append(line)
        m = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
        if m:
            # keep draining the log so that the server never blocks on a full pipe
            threading.Thread(target=lambda: log.extend(proc.stderr), daemon=True).start()
            proc.log = log  # type: ignore[attr-defined]
            return proc, m.group(1)
    proc.wait(timeout=30)
    raise SystemExit("the server did not start:\n" + "".join(log))


# ---------------------------------------------------------------- the load

def request_paths(base: str) -> list[str]:
    """The API requests to send, built from what the store holds."""
    import httpx

    with httpx.Client(base_url=base, timeout=30) as c:
        events = c.get("/api/events", params={"limit": 20}).json()["items"]
        actors = c.get("/api/actors", params={"limit": 20}).json()["items"]
        articles = c.get("/api/articles", params={"limit": 20}).json()["items"]
    paths = ["/api/status", "/api/events?limit=50", "/api/events?type=CONSULT&since=2024&until=2024",
             "/api/quotes?contains=dialogue&limit=20", "/api/actors?limit=20", "/api/speakers",
             "/api/articles?limit=20", "/api/graph?nodes=50", "/api/events?limit=20&offset=40"]
    for ev in events[:5]:
        paths.append(f"/api/events/{quote(ev['id'], safe='')}")
    for a in actors[:5]:
        paths.append(f"/api/actors/{quote(a['id'], safe='')}")
        paths.append(f"/api/timeline?actor={quote(a['name'])}&limit=50")
        paths.append(f"/api/events?actor={quote(a['name'])}")
        paths.append(f"/api/quotes?speaker={quote(a['name'])}")
    for art in articles[:5]:
        paths.append(f"/api/articles/{quote(art['id'], safe='')}")
    return paths


async def _client(k: int, base: str, paths: list[str], deadline: float, budget: list[int],
                  latencies: list[float], errors: Counter, timeout: float) -> None:
    import httpx

    order = paths[k % len(paths):] + paths[:k % len(paths)]
    async with httpx.AsyncClient(base_url=base, timeout=timeout) as c:
        i = 0
        while time.monotonic() < deadline and budget[0] > 0:
            budget[0] -= 1
            path = order[i % len(order)]
            i += 1
            t0 = time.perf_counter()
            try:
                r = await c.get(path)
                await r.aread()
                if r.status_code != 200:
                    errors[f"HTTP {r.status_code} {path.split('?')[0]}"] += 1
            except httpx.HTTPError as err:
                errors[type(err).__name__] += 1
            latencies.append(time.perf_counter() - t0)


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return 0.0
    k = min(len(sorted_values) - 1, max(0, round(p / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


async def run_load(base: str, clients: int, duration: float, max_requests: int,
                   timeout: float = 30.0) -> dict:
    paths = request_paths(base)
    latencies: list[float] = []
    errors: Counter = Counter()
    budget = [max_requests]
    t0 = time.monotonic()
    deadline = t0 + duration
    await asyncio.gather(*(_client(k, base, paths, deadline, budget, latencies, errors, timeout)
                           for k in range(clients)))
    elapsed = time.monotonic() - t0
    lat = sorted(latencies)
    ms = lambda v: round(v * 1000, 1)  # noqa: E731
    return {"clients": clients, "duration_s": round(elapsed, 1), "requests": len(lat),
            "requests_per_s": round(len(lat) / elapsed, 1) if elapsed else 0.0,
            "p50_ms": ms(percentile(lat, 50)), "p90_ms": ms(percentile(lat, 90)),
            "p99_ms": ms(percentile(lat, 99)), "max_ms": ms(lat[-1] if lat else 0.0),
            "errors": sum(errors.values()), "error_kinds": dict(errors), "distinct_paths": len(paths)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", help="a server already running (default: start `pourparlers serve`)")
    ap.add_argument("--db", type=Path, help="the store to serve (default: a synthetic one)")
    ap.add_argument("--articles", type=int, default=2000, help="articles of the synthetic store")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=60.0, help="seconds")
    ap.add_argument("--short", action="store_true", help="10 seconds (the test suite's run)")
    ap.add_argument("--max-requests", type=int, default=500_000, help="stop after this many in all")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per request before it is an error")
    ap.add_argument("--json", action="store_true", help="one JSON line")
    args = ap.parse_args(argv)
    if args.short:
        args.duration = min(args.duration, 10.0)

    proc = None
    tmp = None
    try:
        base = args.url
        if base is None:
            db = args.db
            if db is None:
                tmp = tempfile.TemporaryDirectory(prefix="pourparlers-load-")
                db = Path(tmp.name) / "load.duckdb"
                t = time.perf_counter()
                fill_store(db, args.articles)
                if not args.json:
                    print(f"synthetic store: {args.articles} articles in {time.perf_counter() - t:.1f} s",
                          file=sys.stderr)
            proc, base = start_server(db)
        result = asyncio.run(run_load(base, args.clients, args.duration, args.max_requests, args.timeout))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
            if any("Traceback" in line for line in getattr(proc, "log", [])):
                print("".join(proc.log), file=sys.stderr)
        if tmp is not None:
            tmp.cleanup()
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['clients']} clients, {result['duration_s']} s: {result['requests']} requests, "
              f"{result['requests_per_s']} req/s; latency p50 {result['p50_ms']} ms, "
              f"p90 {result['p90_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms; "
              f"errors {result['errors']} {result['error_kinds'] or ''}")
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
