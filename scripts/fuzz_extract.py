#!/usr/bin/env python3
"""A longer fuzz campaign of ``extract`` than the test suite's (issue 10).

    .venv/bin/python scripts/fuzz_extract.py --minutes 20 [--seed 1] [--findings DIR]

Generates articles from the families of ``tests/test_fuzz_extract.py`` (French
sentences written there, quotation marks in every arrangement, RTL and zero-width
characters, combining accents, emoji, malformed dates, markup, random Unicode),
plus long ones (up to ``--max-chars``) and stretches without spaces, and runs
each through the real pipeline (``Extractor.run``, strict: a component's
exception is a crash) with the per-article time limit. For every article it
checks the record contract (``pourparlers.schema.problems``: offsets inside the
text, every span's text equal to ``text[start:end]``) and measures the wall time,
so that a hang outside the time limit (a regular expression, spaCy's own steps)
shows as an article far slower than the limit. Crashes, contract violations
and hangs are written to ``--findings`` (one text file each, to replay).
Prints counts per family. Not a test: a tool.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]
os.environ["POURPARLERS_STRICT"] = "1"

from test_fuzz_extract import BAD_DATES, MARKS, MARKUP, SENTENCES, SPACING, SPECIALS  # noqa: E402

from pourparlers.errors import InputError  # noqa: E402
from pourparlers.model import Article, Record  # noqa: E402
from pourparlers.pipeline import Extractor  # noqa: E402
from pourparlers.schema import problems  # noqa: E402

SPECIAL_RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x590, 0x6FF), (0x2000, 0x206F),
                  (0x20A0, 0x20CF), (0x2190, 0x2BFF), (0x3000, 0x30FF), (0xFE00, 0xFE0F), (0xFFF0, 0xFFFD),
                  (0x1F300, 0x1FAFF), (0xE0000, 0xE007F)]


def random_unicode(rnd: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        lo, hi = rnd.choice(SPECIAL_RANGES)
        out.append(chr(rnd.randint(lo, hi)))
    return "".join(out)


def mixed(rnd: random.Random, n_pieces: int) -> str:
    pools = [SENTENCES, SENTENCES, SENTENCES, MARKS, SPECIALS, BAD_DATES, MARKUP, SPACING]
    joiner = rnd.choice(["", " ", "\n", " "])
    pieces = []
    for _ in range(n_pieces):
        pool = rnd.choice(pools)
        pieces.append(rnd.choice(pool) if rnd.random() > 0.05 else random_unicode(rnd, rnd.randint(1, 12)))
    return joiner.join(pieces)


FAMILIES = {
    "mixed": lambda rnd, big: mixed(rnd, rnd.randint(1, 80)),
    "quotation marks": lambda rnd, big: " ".join(rnd.choice(MARKS + SENTENCES[:3] + ["dit-il", "a-t-elle dit"])
                                                 for _ in range(rnd.randint(5, 400))),
    "unicode": lambda rnd, big: random_unicode(rnd, rnd.randint(1, 3000)),
    "dates": lambda rnd, big: " ".join(rnd.choice(BAD_DATES + SENTENCES[8:9]) for _ in range(rnd.randint(1, 200))),
    "no spaces": lambda rnd, big: rnd.choice(MARKS + SPECIALS + ["l'", "a", "12", "sept", "«a»"]) * rnd.randint(100, big // 4),
    "long": lambda rnd, big: mixed(rnd, 4000)[: rnd.randint(big // 4, big)],
    "lines": lambda rnd, big: "\n".join(rnd.choice(["mot", "Valbourg", "«", "»", "12", "le"]) for _ in range(rnd.randint(100, big // 4))),
}


# the long families cost up to a minute an article: drawn less often
WEIGHTS = {"mixed": 10, "quotation marks": 6, "unicode": 6, "dates": 6, "no spaces": 1, "long": 1, "lines": 1}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--max-chars", type=int, default=200_000, help="longest article generated (and the limit)")
    ap.add_argument("--time-limit", type=float, default=60.0, help="per article, as the pipeline's")
    ap.add_argument("--findings", type=Path, default=Path("/tmp/pourparlers-fuzz-findings"))
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rnd = random.Random(seed)
    args.findings.mkdir(parents=True, exist_ok=True)
    extractor = Extractor(max_chars=args.max_chars, time_limit=args.time_limit)
    counts: dict[str, Counter] = defaultdict(Counter)
    slowest: dict[str, float] = defaultdict(float)
    # pre-stage (spaCy's own steps, not under the time limit) is linear: allow it on top of the limit
    hang_after = args.time_limit + 120
    end = time.monotonic() + args.minutes * 60
    n = 0
    while time.monotonic() < end:
        family = rnd.choices(list(FAMILIES), weights=[WEIGHTS[f] for f in FAMILIES])[0]
        text = FAMILIES[family](rnd, args.max_chars)[: args.max_chars]
        if not text.strip():
            text += SENTENCES[0]
        published = rnd.choice([None, "2026-03-03", "0001-01-01", "9999-12-31", "2024-02-29"])
        article = Article(id=f"f{n}", text=text, published=published)
        n += 1
        counts[family]["tried"] += 1
        t0 = time.perf_counter()
        try:
            (item,) = list(extractor.run([article]))
        except Exception:  # noqa: BLE001 - a crash: keep the input to replay
            counts[family]["crash"] += 1
            path = args.findings / f"crash-{seed}-{n}.txt"
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            path.with_suffix(".trace").write_text(traceback.format_exc(), encoding="utf-8")
            print(f"CRASH {family} -> {path}", file=sys.stderr)
            continue
        took = time.perf_counter() - t0
        slowest[family] = max(slowest[family], took)
        if took > hang_after:
            counts[family]["hang"] += 1
            (args.findings / f"hang-{seed}-{n}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
        if isinstance(item, InputError):
            counts[family][str(item)[1:5]] += 1  # E016 (time limit), E017, E018
            continue
        assert isinstance(item, Record)
        found = problems(item.to_dict())
        try:
            json.dumps(item.to_dict(), ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as err:
            found.append(f"not writable: {err}")
        if found or item.article.text != text:
            counts[family]["contract"] += 1
            (args.findings / f"contract-{seed}-{n}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
            print(f"CONTRACT {family}: {found[:3]}", file=sys.stderr)
        else:
            counts[family]["ok"] += 1
    print(f"seed {seed}: {n} articles in {args.minutes} min")
    print(f"{'family':18s} {'tried':>6s} {'ok':>6s} {'E016':>5s} {'E017':>5s} {'E018':>5s} {'crash':>5s} "
          f"{'contract':>8s} {'hang':>5s} {'slowest':>8s}")
    bad = 0
    for family in FAMILIES:
        c = counts[family]
        bad += c["crash"] + c["contract"] + c["hang"]
        print(f"{family:18s} {c['tried']:6d} {c['ok']:6d} {c['E016']:5d} {c['E017']:5d} {c['E018']:5d} "
              f"{c['crash']:5d} {c['contract']:8d} {c['hang']:5d} {slowest[family]:7.1f}s")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
