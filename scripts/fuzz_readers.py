#!/usr/bin/env python3
"""A longer fuzz campaign of the readers than the test suite's (issue 10).

    .venv/bin/python scripts/fuzz_readers.py --minutes 10 [--seed 1] [--findings DIR]

For every input kind (.txt, .html, .jsonl, .rss, .atom, .warc, .warc.gz, and
standard input), feeds the readers random bytes and the seed files of
``tests/test_fuzz_readers.py`` mutated at random (bytes flipped, cut, repeated,
hostile snippets inserted), and checks the readers' contract (``check`` there:
only ``Article`` or one-line ``InputError`` items, texts NFC without control
characters or lone surrogates, dates real). A reader that raises, breaks the
contract or takes longer than ``--slow`` seconds on one input is a finding,
kept in ``--findings`` to replay. Prints counts per kind. Not a test: a tool.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from test_fuzz_readers import HOSTILE, SEEDS, check  # noqa: E402

from pourparlers.errors import InputError  # noqa: E402
from pourparlers.ingest import read_inputs, read_stream  # noqa: E402


def mutate(rnd: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rnd.randint(1, 8)):
        if not b:
            break
        op = rnd.choice(["flip", "cut", "insert", "repeat", "delete", "splice"])
        at = rnd.randrange(len(b))
        if op == "flip":
            b[at] ^= rnd.randint(1, 255)
        elif op == "cut":
            del b[at:]
        elif op == "insert":
            b[at:at] = rnd.choice(HOSTILE).encode("utf-8", "surrogatepass")
        elif op == "repeat":
            b[at:at] = bytes(b[at:at + rnd.randint(1, 300)]) * rnd.randint(2, 200)
        elif op == "delete":
            del b[at:at + rnd.randint(1, 300)]
        else:
            other = rnd.choice(list(SEEDS.values()))
            b[at:at] = other[rnd.randrange(len(other)):][: rnd.randint(1, 2000)]
    return bytes(b)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--slow", type=float, default=30.0, help="seconds for one input that count as a hang")
    ap.add_argument("--findings", type=Path, default=Path("/tmp/pourparlers-fuzz-readers-findings"))
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rnd = random.Random(seed)
    args.findings.mkdir(parents=True, exist_ok=True)
    work = args.findings / "work"
    work.mkdir(exist_ok=True)
    kinds = list(SEEDS) + [".xml", "stdin"]
    counts: dict[str, Counter] = defaultdict(Counter)
    slowest: dict[str, float] = defaultdict(float)
    end = time.monotonic() + args.minutes * 60
    n = 0
    while time.monotonic() < end:
        kind = rnd.choice(kinds)
        seed_bytes = SEEDS.get(kind, SEEDS[".rss"] if kind == ".xml" else SEEDS[".jsonl"])
        how = rnd.choice(["random", "mutated", "mutated"])
        data = rnd.randbytes(rnd.randint(0, 5000)) if how == "random" else mutate(rnd, seed_bytes)
        n += 1
        counts[kind]["tried"] += 1
        t0 = time.perf_counter()
        try:
            if kind == "stdin":
                items = list(read_stream(io.BytesIO(data)))
            else:
                path = work / f"input{kind}"
                path.write_bytes(data)
                items = list(read_inputs([str(path)]))
            check(items)
        except Exception:  # noqa: BLE001 - a finding
            counts[kind]["crash"] += 1
            out = args.findings / f"crash-{seed}-{n}{'.bin' if kind == 'stdin' else kind}"
            out.write_bytes(data)
            out.with_name(out.name + ".trace").write_text(traceback.format_exc(), encoding="utf-8")
            print(f"CRASH {kind} -> {out}", file=sys.stderr)
            continue
        took = time.perf_counter() - t0
        slowest[kind] = max(slowest[kind], took)
        if took > args.slow:
            counts[kind]["slow"] += 1
            (args.findings / f"slow-{seed}-{n}{kind}").write_bytes(data)
        counts[kind]["articles"] += sum(1 for i in items if not isinstance(i, InputError))
        counts[kind]["errors"] += sum(1 for i in items if isinstance(i, InputError))
    print(f"seed {seed}: {n} inputs in {args.minutes} min")
    print(f"{'kind':10s} {'tried':>6s} {'articles':>8s} {'errors':>6s} {'crash':>5s} {'slow':>5s} {'slowest':>8s}")
    bad = 0
    for kind in kinds:
        c = counts[kind]
        bad += c["crash"] + c["slow"]
        print(f"{kind:10s} {c['tried']:6d} {c['articles']:8d} {c['errors']:6d} {c['crash']:5d} {c['slow']:5d} "
              f"{slowest[kind]:7.2f}s")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
