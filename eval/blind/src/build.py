#!/usr/bin/env python3
"""Build the blind test set from its annotated sources.

Each ``blind-NN.txt`` holds a small header (``id:``, ``published:``), a ``---``
line, then the article, headline first, with inline marks:
``⟦LABEL|text⟧`` for a named entity (PER, LOC, ORG, WiNER conventions) and
``⟪TYPE|VALUE|text⟫`` for a time expression (TimeML TIMEX3).
Each ``blind-NN.gold`` holds one quotation or event per line:
``Q|kind|speaker|named y/n|cue|text`` and
``E|TYPE|mode|actor; actor|target; target|date|location|modality|evidence``
(``-`` for null, an empty field for no participants, ``\\n`` for a line break).

Writes ../articles.jsonl, ../gold.jsonl, ../timex.jsonl, ../ner.jsonl and
checks that every quotation and evidence is an exact substring of its article
and every offset gives back its text.
Run: python3 eval/blind/src/build.py
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
MARK = re.compile(r"⟦(PER|LOC|ORG)\|([^⟧]*)⟧|⟪(DATE|TIME|DURATION|SET)\|([^|]*)\|([^⟫]*)⟫")
KINDS = {"direct", "partial", "indirect"}
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODALITIES = {"asserted", "future", "hypothetical", "negated"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
LICENSE = "CC BY 4.0, pourparlers authors"
SOURCE = "pourparlers test set"


def strip(marked):
    text, ents, tims, pos = [], [], [], 0
    out_len = 0
    for m in MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        text.append(chunk); out_len += len(chunk)
        if m.group(1):
            s = m.group(2); ents.append({"start": out_len, "end": out_len + len(s), "label": m.group(1)})
        else:
            s = m.group(5); tims.append({"start": out_len, "end": out_len + len(s), "text": s,
                                        "type": m.group(3), "value": m.group(4)})
        text.append(s); out_len += len(s)
        pos = m.end()
    text.append(marked[pos:])
    t = "".join(text)
    assert "⟦" not in t and "⟪" not in t and "⟧" not in t and "⟫" not in t, "unbalanced mark"
    return t, ents, tims


def nul(x):
    x = x.strip()
    return None if x in ("-", "") else x


def names(x):
    return [n.strip() for n in x.split(";") if n.strip()]


def main():
    problems = []
    arts, golds, timex, ner = [], [], [], []
    for src in sorted(HERE.glob("blind-*.txt")):
        head, body = src.read_text(encoding="utf-8").split("\n---\n", 1)
        meta = dict(l.split(": ", 1) for l in head.strip().splitlines())
        text, ents, tims = strip(body.strip("\n"))
        for e in ents + tims:
            assert text[e["start"]:e["end"]] == (e.get("text") or text[e["start"]:e["end"]])
        title = text.split("\n", 1)[0]
        aid, pub = meta["id"], meta["published"]
        arts.append({"id": aid, "title": title, "published": pub, "source": SOURCE,
                     "license": LICENSE, "text": text})
        timex.append({"id": aid, "published": pub, "text": text, "timexes": tims})
        ner.append({"id": aid, "published": pub, "text": text, "entities": ents})
        quotes, events = [], []
        gold_path = src.with_suffix(".gold")
        for n, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            f = line.replace("\\n", "\n").split("|")
            where = f"{gold_path.name}:{n}"
            if f[0] == "Q":
                _, kind, speaker, named, cue, qtext = f
                assert kind in KINDS, where
                if qtext not in text:
                    problems.append(f"{where}: quote not in text: {qtext[:60]}")
                sp = nul(speaker)
                if sp and sp not in text:
                    problems.append(f"{where}: speaker not in text: {sp}")
                quotes.append({"text": qtext, "kind": kind, "speaker": sp,
                               "speaker_named": named == "y", "cue": nul(cue)})
            elif f[0] == "E":
                _, typ, mode, actors, targets, date, loc, modality, evidence = f
                assert typ in TYPES, where
                assert modality in MODALITIES, where
                if nul(date) and not DATE.match(date):
                    problems.append(f"{where}: bad date {date}")
                if evidence not in text:
                    problems.append(f"{where}: evidence not in text: {evidence[:60]}")
                for p in names(actors) + names(targets):
                    if p not in text:
                        problems.append(f"{where}: participant not in text (check it is a fuller name or a country for its capital): {p}")
                events.append({"type": typ, "mode": nul(mode), "actors": names(actors),
                               "targets": names(targets), "date": nul(date), "location": nul(loc),
                               "modality": modality, "evidence": evidence})
            else:
                problems.append(f"{where}: bad line")
        golds.append({"id": aid, "quotes": quotes, "events": events})

    def dump(name, rows):
        with open(OUT / name, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    dump("articles.jsonl", arts); dump("gold.jsonl", golds)
    dump("timex.jsonl", timex); dump("ner.jsonl", ner)
    words = [len(re.findall(r"\w+", a["text"])) for a in arts]
    print(f"{len(arts)} articles, {sum(words)} words ({min(words)}-{max(words)}), "
          f"{sum(len(g['quotes']) for g in golds)} quotes, {sum(len(g['events']) for g in golds)} events, "
          f"{sum(len(t['timexes']) for t in timex)} timexes, {sum(len(x['entities']) for x in ner)} entities")
    for p in problems:
        print("CHECK", p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
