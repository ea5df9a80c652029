"""What the temporal component costs, against the spaCy pipeline it runs in.

Runs the spaCy model's own components (with our segmenter, which they need) over
the throughput corpus with ``nlp.pipe``, then times ``pourparlers_timex`` on the
docs they produced (its ``__call__``, best of three runs), and prints both times
and their ratio. A tool, not a test: the acceptance bar is a ratio under 10 %.

    python benchmarks/timex_cost.py [ARTICLES.jsonl] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "bench" / "articles.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", nargs="?", type=Path,
                    default=DEFAULT if DEFAULT.exists() else Path("/work/shared/corpus/bench/articles.jsonl"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the component (the best counts)")
    args = ap.parse_args(argv)

    from pourparlers.model import Article
    from pourparlers.nlp import load_pipeline

    rows = [json.loads(line) for line in args.articles.open(encoding="utf-8") if line.strip()]
    if args.limit:
        rows = rows[:args.limit]
    articles = [Article(id=r.get("id", str(i)), text=r["text"], published=r.get("published"))
                for i, r in enumerate(rows) if r.get("text")]
    words = sum(len(a.text.split()) for a in articles)

    nlp = load_pipeline()
    ours = [name for name in nlp.pipe_names if name.startswith("pourparlers_") and name != "pourparlers_segmenter"]

    def make(a: Article):
        doc = nlp.make_doc(a.text)
        doc._.article = a
        return doc

    with nlp.select_pipes(disable=ours):
        made = [make(a) for a in articles]
        start = time.perf_counter()
        docs = list(nlp.pipe(made, batch_size=16))
        pipe_time = time.perf_counter() - start

    timex = nlp.get_pipe("pourparlers_timex")
    best = float("inf")
    found = 0
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        for doc in docs:
            timex(doc)
        best = min(best, time.perf_counter() - start)
        found = sum(len(d._.timexes or []) for d in docs)

    print(f"articles: {len(docs)}, words: {words}, timexes: {found}")
    print(f"spaCy pipeline (nlp.pipe: {', '.join(n for n in nlp.pipe_names if n not in ours)}): {pipe_time:.2f} s")
    print(f"pourparlers_timex (__call__, best of {max(1, args.repeat)}): {best:.3f} s")
    print(f"ratio: {100 * best / pipe_time:.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
