#!/usr/bin/env python3
"""Build the blind2 test set from its sources and check every span.

Each ``b2-NN.txt`` holds a header (``id:``, ``published:``), a ``---`` line,
then the article, headline first (plain text, no inline marks).
Each ``b2-NN.gold`` holds one quotation or event per line:
``Q|kind|speaker|named y/n|cue|text`` and
``E|TYPE|mode|actor; actor|target; target|date|location|modality|evidence``
(``-`` for null, an empty field for no participants, ``\\n`` for a line break,
``#`` starts a comment line).

Writes ../articles.jsonl and ../gold.jsonl; checks that every quotation text and
every evidence is an exact substring of its article, that every named speaker,
participant and location occurs in the article (else it is listed for a look:
a country standing for its capital is allowed), that kinds, types, modes,
modalities and dates are valid. Exit status 1 on a hard error.
Run: python3 eval/blind2/src/build.py
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
KINDS = {"direct", "partial", "indirect"}
MODES = {
    "AGREE": set(), "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(), "CONCEDE": set(), "COOPERATE": set(), "AID": set(),
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons"},
}
MODALITIES = {"asserted", "future", "hypothetical", "negated"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
LICENSE = "CC BY 4.0, pourparlers authors"
SOURCE = "pourparlers test set"


def nul(x):
    x = x.strip()
    return None if x in ("-", "") else x


def names(x):
    return [n.strip() for n in x.split(";") if n.strip()]


def main():
    problems, notes = [], []
    arts, golds = [], []
    for src in sorted(HERE.glob("b2-*.txt")):
        head, body = src.read_text(encoding="utf-8").split("\n---\n", 1)
        meta = dict(l.split(": ", 1) for l in head.strip().splitlines())
        text = body.strip("\n")
        assert "|" not in text, f"{src.name}: '|' in text"
        title = text.split("\n", 1)[0]
        aid, pub = meta["id"], meta["published"]
        assert DATE.match(pub) and len(pub) == 10, src.name
        arts.append({"id": aid, "title": title, "published": pub, "source": SOURCE,
                     "license": LICENSE, "text": text})
        quotes, events = [], []
        gold_path = src.with_suffix(".gold")
        for n, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            f = line.replace("\\n", "\n").split("|")
            where = f"{gold_path.name}:{n}"
            if f[0] == "Q" and len(f) == 6:
                _, kind, speaker, named, cue, qtext = f
                if kind not in KINDS:
                    problems.append(f"{where}: bad kind {kind}")
                if named not in ("y", "n"):
                    problems.append(f"{where}: named must be y/n")
                if qtext not in text:
                    problems.append(f"{where}: quote not in text: {qtext[:70]}")
                if qtext != qtext.strip() or (kind != "indirect" and (qtext[:1] in "«»\"" or qtext[-1:] in "«»\"")):
                    problems.append(f"{where}: quote text has outer space or marks: {qtext[:40]}")
                sp = nul(speaker)
                if sp and sp not in text:
                    notes.append(f"{where}: speaker not verbatim in text: {sp}")
                if sp is None and named == "y":
                    problems.append(f"{where}: null speaker marked named")
                quotes.append({"text": qtext, "kind": kind, "speaker": sp,
                               "speaker_named": named == "y", "cue": nul(cue)})
            elif f[0] == "E" and len(f) == 9:
                _, typ, mode, actors, targets, date, loc, modality, evidence = f
                if typ not in MODES:
                    problems.append(f"{where}: bad type {typ}")
                elif nul(mode) and nul(mode) not in MODES[typ]:
                    problems.append(f"{where}: bad mode {mode} for {typ}")
                if modality not in MODALITIES:
                    problems.append(f"{where}: bad modality {modality}")
                if nul(date) and not DATE.match(date):
                    problems.append(f"{where}: bad date {date}")
                if evidence not in text:
                    problems.append(f"{where}: evidence not in text: {evidence[:70]}")
                if nul(loc) and nul(loc) not in text:
                    problems.append(f"{where}: location not in text: {loc}")
                for p in names(actors) + names(targets):
                    if p not in text:
                        notes.append(f"{where}: participant not verbatim in text: {p}")
                events.append({"type": typ, "mode": nul(mode), "actors": names(actors),
                               "targets": names(targets), "date": nul(date), "location": nul(loc),
                               "modality": modality, "evidence": evidence})
            else:
                problems.append(f"{where}: bad line ({len(f)} fields)")
        golds.append({"id": aid, "quotes": quotes, "events": events})

    def dump(name, rows):
        with open(OUT / name, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    dump("articles.jsonl", arts)
    dump("gold.jsonl", golds)
    words = [len(re.findall(r"\w+", a["text"])) for a in arts]
    ws = [len(a["text"].split()) for a in arts]
    kinds = Counter(q["kind"] for g in golds for q in g["quotes"])
    types = Counter(e["type"] for g in golds for e in g["events"])
    print(f"{len(arts)} articles; words (whitespace) {sum(ws)} ({min(ws)}-{max(ws)}); "
          f"\\w+ tokens {sum(words)} ({min(words)}-{max(words)})")
    for a, w in zip(arts, ws):
        g = next(x for x in golds if x["id"] == a["id"])
        print(f"  {a['id']} {a['published']} {w} words, {len(g['quotes'])} quotes, {len(g['events'])} events")
    print(f"quotes {sum(kinds.values())}: {dict(kinds)}")
    print(f"events {sum(types.values())}: {dict(sorted(types.items()))}")
    for p in notes:
        print("NOTE", p)
    for p in problems:
        print("ERROR", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
