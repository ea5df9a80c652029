"""The fixed train / held-out split of the WiNER-fr dev corpus used for the NER model.

The fine-tuned ``ner`` component (``scripts/train_ner.py``) is trained on the
*train* part of ``../shared/corpus/ner/dev.jsonl`` only; its figures must be
reported on the *held-out* part, which this script writes as a gold file:

    python scripts/ner_split.py --heldout /tmp/ner-heldout.jsonl
    PYTHONPATH=src python -m pourparlers evaluate --gold /tmp/ner-heldout.jsonl

An article is held out when the first 8 hex digits of the SHA-256 of its id,
as an integer, modulo 100, are below 30 (about 30 % of the articles: 163 of
571, 1,990 of 6,942 entities). The rule depends on the id only, so the split
never changes when the corpus file is reordered.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

HELDOUT_PERCENT = 30
DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "ner" / "dev.jsonl"


def is_heldout(doc_id: str) -> bool:
    """True for an article of the held-out part (never used in training)."""
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 100 < HELDOUT_PERCENT


def corpus_path(path: str | Path | None = None) -> Path:
    if path:
        return Path(path)
    for cand in (DEFAULT_CORPUS, Path("/work/shared/corpus/ner/dev.jsonl")):
        if cand.exists():
            return cand
    raise SystemExit("WiNER dev corpus not found; pass --corpus")


def read(path: str | Path | None = None) -> tuple[list[dict], list[dict]]:
    """(train, heldout) documents of the corpus, in file order."""
    train, heldout = [], []
    with corpus_path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                doc = json.loads(line)
                (heldout if is_heldout(doc["id"]) else train).append(doc)
    return train, heldout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", help="WiNER dev.jsonl (default: ../shared/corpus/ner/dev.jsonl)")
    ap.add_argument("--heldout", help="write the held-out gold file here")
    ap.add_argument("--train", help="write the train part here")
    args = ap.parse_args()
    train, heldout = read(args.corpus)
    for docs, out in ((heldout, args.heldout), (train, args.train)):
        if out:
            with open(out, "w", encoding="utf-8") as fh:
                for d in docs:
                    fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"train: {len(train)} articles, {sum(len(d['entities']) for d in train)} entities; "
          f"held out: {len(heldout)} articles, {sum(len(d['entities']) for d in heldout)} entities")


if __name__ == "__main__":
    main()
