#!/usr/bin/env python3
"""Check the sample dispatch of the issues (Putin–Witkoff, Moscow, 25 April 2025).

    .venv/bin/python scripts/check_sample.py [--corpus ../shared/corpus/dev]

The dispatch is read from the shared dev corpus (``articles.jsonl``, id
``seed-poutine-witkoff``) and its gold quotations from ``gold.jsonl``; nothing
of it is copied here. The engine's record must show what the issues ask of it:

- the record valid against the schema; the headline its own sentence; no
  sentence boundary inside a « … » quotation;
- « ce 25 avril » 2025-04-25, « le 22 avril » 2025-04-22, « le lendemain »
  2025-04-23, « trois heures » PT3H;
- one entity each for Vladimir Poutine, Steve Witkoff, Iouri Ouchakov and
  Karoline Leavitt, with their roles; Kremlin, Maison Blanche, Axios ORG;
- every gold quotation of Iouri Ouchakov found (overlap ≥ 0.5) with speaker
  « Iouri Ouchakov »; the announcements by « Kremlin » and « Karoline Leavitt »,
  the date report by « Axios », the arrival report by « médias russes » (unnamed);
- CONSULT (visit) Steve Witkoff → Vladimir Poutine, 2025-04-25, Moscou,
  asserted, duration PT3H, ordinal 4; AGREE between the two on 2025-04-25;
  no event told from the 1945 anniversary (the Elbe).

One line per check, exit status 1 if one fails. Not a test (the text is not
ours to put in the test suite): CI runs it after the tests.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

ARTICLE = "seed-poutine-witkoff"


def default_corpus() -> Path:
    for cand in (ROOT.parent / "shared/corpus/dev", Path("/work/shared/corpus/dev")):
        if (cand / "articles.jsonl").exists():
            return cand
    sys.exit("no shared dev corpus found: pass --corpus DIR")


def overlap(a: str, b: str) -> float:
    """The scorer's overlap: the smaller of the two shares of words in common."""
    from pourparlers.evaluate.quotes_events import coverage

    return min(coverage(a, b))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None, help="the shared dev corpus directory")
    args = ap.parse_args()
    corpus = args.corpus or default_corpus()
    article = next((json.loads(line) for line in (corpus / "articles.jsonl").open(encoding="utf-8")
                    if f'"{ARTICLE}"' in line), None)
    gold = next((json.loads(line) for line in (corpus / "gold.jsonl").open(encoding="utf-8")
                 if f'"{ARTICLE}"' in line), None)
    if article is None or gold is None:
        sys.exit(f"{ARTICLE} not found in {corpus}")

    from pourparlers.ingest.jsonl import article_from_json
    from pourparlers.pipeline import Extractor

    record = next(iter(Extractor().run([article_from_json(article, where=ARTICLE, default_id=ARTICLE)])))
    if not hasattr(record, "quotes"):
        sys.exit(f"the engine skipped the dispatch: {record}")
    quotes, events = record.quotes, record.events
    checks: list[tuple[str, bool]] = []

    def said(speaker: str, cue: str | None = None, named: bool | None = None) -> bool:
        return any(q.speaker_name == speaker and (cue is None or q.cue == cue)
                   and (named is None or q.speaker_named == named) for q in quotes)

    from pourparlers.schema import problems

    data = record.to_dict()
    checks.append(("the record is valid against the schema", not problems(data)))
    text = record.article.text
    headline = text.split("\n", 1)[0]
    checks.append(("the headline is its own sentence", (0, len(headline)) in [tuple(x) for x in record.sentences]))
    opened = [i for i, c in enumerate(text) if c == "«"]
    inside = [(a, text.index("»", a)) for a in opened if "»" in text[a:]]
    cut = [b for b in (e for _, e in record.sentences) if any(a < b < z for a, z in inside)]
    checks.append(("no sentence ends inside a « … » quotation", not cut))

    values = {(t.text, t.value) for t in record.timexes}
    for expr, value in (("ce 25 avril", "2025-04-25"), ("le 22 avril", "2025-04-22"),
                        ("le lendemain", "2025-04-23"), ("trois heures", "PT3H")):
        checks.append((f"« {expr} » → {value}", (expr, value) in values))

    for name, role in (("Vladimir Poutine", "président russe"), ("Steve Witkoff", "émissaire spécial"),
                       ("Iouri Ouchakov", "conseiller aux affaires internationales"),
                       ("Karoline Leavitt", "porte-parole")):
        ents = [e for e in record.entities if e.name == name and e.type == "PER"]
        checks.append((f"one entity « {name} », role « {role}… »", len(ents) == 1 and any(
            r.startswith(role) for r in ents[0].roles)))
    for name in ("Kremlin", "Maison Blanche", "Axios"):
        checks.append((f"« {name} » is an organisation", any(e.name == name and e.type == "ORG"
                                                            for e in record.entities)))

    for g in gold["quotes"]:
        if g["speaker"] != "Iouri Ouchakov":
            continue
        found = any(overlap(q.text, g["text"]) >= 0.5 and q.speaker_name == "Iouri Ouchakov" for q in quotes)
        checks.append((f"Ouchakov's quotation « {g['text'][:50]}… » ({g['cue']}) attributed to him", found))
    checks.append(("the announcement attributed to « Kremlin »", said("Kremlin", "annoncer")))
    checks.append(("the announcement attributed to « Karoline Leavitt »", said("Karoline Leavitt", "annoncer")))
    checks.append(("the date report attributed to « Axios »", said("Axios")))
    checks.append(("the arrival report attributed to « médias russes », unnamed", said("médias russes", named=False)))

    def names(ps) -> set[str]:
        return {p.name for p in ps}

    consult = [e for e in events if e.type == "CONSULT" and e.mode == "visit"
               and names(e.actors) == {"Steve Witkoff"} and names(e.targets) == {"Vladimir Poutine"}]
    checks.append(("one CONSULT visit, Steve Witkoff → Vladimir Poutine", len(consult) == 1))
    if consult:
        e = consult[0]
        checks.append(("… on 2025-04-25 in Moscou, asserted", (e.date, e.location, e.modality)
                       == ("2025-04-25", "Moscou", "asserted")))
        checks.append(("… duration PT3H, ordinal 4", e.attributes.get("duration") == "PT3H"
                       and e.attributes.get("ordinal") == 4))
    agree = [e for e in events if e.type == "AGREE" and {"Steve Witkoff", "Vladimir Poutine"}
             <= names(e.actors) | names(e.targets)]
    checks.append(("AGREE between the two on 2025-04-25", any(e.date == "2025-04-25" for e in agree)))
    elbe = [(a, b) for a, b in record.sentences if "Elbe" in text[a:b]]
    invented = [e for e in events if (e.date or "").startswith("1945") or e.trigger is not None
                and any(a <= e.trigger.start < b for a, b in elbe)]
    checks.append(("no event told from the 1945 anniversary (the Elbe sentence)", bool(elbe) and not invented))

    for what, ok in checks:
        print(("ok    " if ok else "FAIL  ") + what)
    failed = sum(not ok for _, ok in checks)
    print(f"{len(checks) - failed}/{len(checks)} checks passed on {ARTICLE}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
