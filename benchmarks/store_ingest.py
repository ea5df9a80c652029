#!/usr/bin/env python3
"""Cost of `pourparlers ingest` over `pourparlers extract`, same pipeline, same run.

    .venv/bin/python benchmarks/store_ingest.py [--corpus FILE] [--limit N] [--rounds R]

Both sides analyse the same articles with one loaded pipeline. *extract* does
what `extract` does: records serialised to JSON lines in a file. *ingest* does
what `ingest` does: skip articles already stored unchanged (one lookup each),
then store the records in a fresh DuckDB file, 128 articles per transaction,
with the actor registry and the collection events kept up to date. The corpus
is split into R slices processed alternately by the two sides, so that a change
in the machine's load hits both alike; the ingest side keeps adding to one
store, as a real collection grows. The time spent inside the store is also
measured on its own (``store``), which is the steadiest figure on a shared
machine. Not a test: a tool. Prints a table and, with --json, one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def default_corpus() -> Path:
    for cand in (os.environ.get("POURPARLERS_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if cand and (Path(cand) / "corpus/bench/articles.jsonl").exists():
            return Path(cand) / "corpus/bench/articles.jsonl"
    sys.exit("no bench corpus found: pass --corpus FILE")


class Clock:
    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def __enter__(self):
        self._w, self._c = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall += time.perf_counter() - self._w
        self.cpu += time.process_time() - self._c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--rounds", type=int, default=4, help="alternating slices per side")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--commit-every", type=int, default=128)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from pourparlers.ingest import read_inputs
    from pourparlers.model import Article
    from pourparlers.pipeline import Extractor, doc_to_record
    from pourparlers.store import Store

    corpus = args.corpus or default_corpus()
    articles = [a for a in read_inputs([corpus]) if isinstance(a, Article)][: args.limit]
    extractor = Extractor(batch_size=args.batch_size)
    list(extractor.records(articles[:8]))  # warm up

    tmp = Path(tempfile.mkdtemp(prefix="store-bench-"))
    db = tmp / "bench.duckdb"
    store = Store(db)
    extract_clock, ingest_clock, store_clock = Clock(), Clock(), Clock()
    n = len(articles)
    slices = [articles[i * n // args.rounds:(i + 1) * n // args.rounds] for i in range(args.rounds)]

    def records(batch):
        for doc in extractor.docs(batch):
            yield doc_to_record(doc).to_dict()

    class Timed:
        """The records of one slice, the store's own time measured between them."""

        def __init__(self, batch):
            self.it = records(batch)

        def __iter__(self):
            return self

        def __next__(self):
            store_clock.__exit__()
            try:
                return next(self.it)
            finally:
                store_clock.__enter__()

    with (tmp / "out.jsonl").open("w", encoding="utf-8") as out:
        for i, part in enumerate(slices):
            sides = ("extract", "ingest") if i % 2 == 0 else ("ingest", "extract")
            for side in sides:
                if side == "extract":
                    with extract_clock:
                        for rec in records(part):
                            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                else:
                    with ingest_clock:
                        fresh = [a for a in part if not store.is_unchanged(a)]
                        store_clock.__enter__()
                        store.ingest_records(Timed(fresh), commit_every=args.commit_every)
                        store_clock.__exit__()
    counts = store.counts()
    store.close()
    size = db.stat().st_size
    result = {
        "articles": n, "rounds": args.rounds,
        "extract_wall_s": round(extract_clock.wall, 2), "extract_cpu_s": round(extract_clock.cpu, 2),
        "ingest_wall_s": round(ingest_clock.wall, 2), "ingest_cpu_s": round(ingest_clock.cpu, 2),
        "store_wall_s": round(store_clock.wall, 2), "store_cpu_s": round(store_clock.cpu, 2),
        "ratio_wall": round(ingest_clock.wall / extract_clock.wall, 3),
        "ratio_cpu": round(ingest_clock.cpu / extract_clock.cpu, 3),
        "store_share_of_extract_wall": round(store_clock.wall / extract_clock.wall, 3),
        "store_share_of_extract_cpu": round(store_clock.cpu / extract_clock.cpu, 3),
        "db_mb": round(size / 1e6, 1), "rows": counts,
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"{n} articles, {args.rounds} alternating rounds; store: {result['db_mb']} MB, "
          f"{counts['actors']} actors, {counts['collection_events']} collection events")
    print(f"{'':10} {'wall s':>8} {'cpu s':>8}")
    for label, c in (("extract", extract_clock), ("ingest", ingest_clock), ("  store", store_clock)):
        print(f"{label:10} {c.wall:8.2f} {c.cpu:8.2f}")
    print(f"ingest / extract: {result['ratio_wall']:.3f} (wall), {result['ratio_cpu']:.3f} (cpu); "
          f"store alone: {100 * result['store_share_of_extract_wall']:.1f}% of extract (wall), "
          f"{100 * result['store_share_of_extract_cpu']:.1f}% (cpu)")


if __name__ == "__main__":
    main()
