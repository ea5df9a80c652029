#!/usr/bin/env python3
"""Build the fresh evaluation set from its annotated sources.

    python eval/fresh/build.py          # writes articles/gold/timex/ner .jsonl beside it

Each ``source/NN-*.txt`` holds one article:

    id: fresh-01-...
    published: YYYY-MM-DD
    === text
    Headline with [Name|PER] entities and {time expressions|DATE|2024-03-12}

    Body ...
    === quotes
    kind | speaker | speaker_named | cue | text
    === events
    TYPE | mode | actors | targets | date | location | modality | evidence

In quote and event lines, ``-`` is null (or an empty list for actors/targets),
lists are separated by ``;``.  A quote text ``A <...> B`` stands for the text
from ``A`` to the next ``B``; an evidence ending in ``...`` is the whole
sentence starting with that prefix.  Every text is checked to occur verbatim.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = "pourparlers test set"
LICENSE = "CC BY 4.0, pourparlers authors"
MARK = re.compile(r"\[([^\[\]|]+)\|(PER|LOC|ORG)\]|\{([^{}|]+)\|(DATE|TIME|DURATION|SET)\|([^{}|]+)\}")
CLOSERS = "»\"”)"


class SourceError(Exception):
    pass


def strip_markup(marked: str) -> tuple[str, list[dict], list[dict]]:
    out, ents, tims, pos = [], [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        chunk = marked[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        surface = m.group(1) if m.group(1) is not None else m.group(3)
        start, end = length, length + len(surface)
        if m.group(1) is not None:
            ents.append({"start": start, "end": end, "label": m.group(2), "text": surface})
        else:
            tims.append({"text": surface, "start": start, "end": end,
                         "type": m.group(4), "value": m.group(5)})
        out.append(surface)
        length = end
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if re.search(r"[\[\]{}]", text):
        raise SourceError("unbalanced markup: " + re.search(r".{0,40}[\[\]{}].{0,40}", text).group())
    return text, ents, tims


def sentence_end(text: str, i: int) -> int:
    """End (exclusive) of the sentence containing position i."""
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            return i
        if c in ".!?…":
            j = i + 1
            while j < n and text[j] in ".!?":
                j += 1
            k = j
            while k < n and (text[k] in " \u00a0\u202f" or text[k] in CLOSERS):
                k += 1
            nxt = text[k] if k < n else ""
            prev = re.search(r"(\w+)$", text[:i])
            abbrev = prev is not None and (prev.group(1) in {"M", "Mme", "Mgr", "Dr", "St"}
                                           or (len(prev.group(1)) == 1 and prev.group(1).isupper()))
            if not abbrev and (nxt == "" or nxt == "\n" or nxt.isupper() or nxt in "«\"“—–-"):
                # include closing marks glued to the sentence
                e = j
                while e < n and (text[e] in CLOSERS or (text[e] in " \u00a0\u202f" and e + 1 < n and text[e + 1] in CLOSERS)):
                    e += 1
                return e
            i = j
            continue
        i += 1
    return n


def find_text(text: str, spec: str, what: str) -> str:
    if "<...>" in spec:
        a, b = (s.strip() for s in spec.split("<...>"))
        i = text.find(a)
        if i < 0:
            raise SourceError(f"{what}: start not found: {a!r}")
        j = text.find(b, i + len(a))
        if j < 0:
            raise SourceError(f"{what}: end not found: {b!r}")
        return text[i:j + len(b)]
    if spec not in text:
        raise SourceError(f"{what}: not in text: {spec!r}")
    return spec


def find_evidence(text: str, spec: str) -> str:
    if spec.endswith("..."):
        prefix = spec[:-3]
        i = text.find(prefix)
        if i < 0:
            raise SourceError(f"evidence prefix not found: {prefix!r}")
        return text[i:sentence_end(text, i + len(prefix) - 1 if prefix[-1] not in ".!?" else i)]
    return find_text(text, spec, "evidence")


def nul(v: str):
    v = v.strip()
    return None if v == "-" else v


def lst(v: str) -> list[str]:
    v = v.strip()
    return [] if v == "-" else [x.strip() for x in v.split(";") if x.strip()]


def parse(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8")
    head, rest = raw.split("=== text\n", 1)
    meta = dict(line.split(":", 1) for line in head.strip().splitlines())
    meta = {k.strip(): v.strip() for k, v in meta.items()}
    marked, rest = rest.split("=== quotes\n", 1)
    qpart, epart = rest.split("=== events\n", 1)
    text, ents, tims = strip_markup(marked.strip("\n"))
    quotes = []
    for line in qpart.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, speaker, named, cue, qtext = (x.strip() for x in line.split("|", 4))
        if kind not in {"direct", "partial", "indirect"}:
            raise SourceError(f"{path.name}: bad kind {kind!r}")
        quotes.append({"text": find_text(text, qtext, f"{path.name} quote"), "kind": kind,
                       "speaker": nul(speaker), "speaker_named": named == "true", "cue": nul(cue)})
    events = []
    for line in epart.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        typ, mode, actors, targets, date, loc, modality, evid = (x.strip() for x in line.split("|", 7))
        if modality not in {"asserted", "future", "hypothetical", "negated"}:
            raise SourceError(f"{path.name}: bad modality {modality!r}")
        if nul(date) and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date):
            raise SourceError(f"{path.name}: bad date {date!r}")
        location = nul(loc)
        if location and location not in text:
            raise SourceError(f"{path.name}: location not in text: {location!r}")
        events.append({"type": typ, "mode": nul(mode), "actors": lst(actors), "targets": lst(targets),
                       "date": nul(date), "location": location, "modality": modality,
                       "evidence": find_evidence(text, evid)})
    title = text.split("\n", 1)[0]
    return {"meta": meta, "text": text, "title": title, "entities": ents, "timexes": tims,
            "quotes": quotes, "events": events}


def main() -> int:
    arts, gold, timex, ner = [], [], [], []
    for path in sorted((HERE / "source").glob("*.txt")):
        a = parse(path)
        aid, pub, text = a["meta"]["id"], a["meta"]["published"], a["text"]
        for e in a["entities"] + a["timexes"]:
            assert text[e["start"]:e["end"]] == e["text"], (aid, e)
        arts.append({"id": aid, "title": a["title"], "published": pub, "source": SOURCE,
                     "license": LICENSE, "text": text})
        gold.append({"id": aid, "quotes": a["quotes"], "events": a["events"]})
        timex.append({"id": aid, "published": pub, "text": text, "timexes": a["timexes"]})
        ner.append({"id": aid, "published": pub, "text": text,
                    "entities": [{k: e[k] for k in ("start", "end", "label")} for e in a["entities"]]})
        print(f"{aid}: {len(text.split())} words, {len(a['quotes'])} quotes, {len(a['events'])} events, "
              f"{len(a['timexes'])} timexes, {len(a['entities'])} entities", file=sys.stderr)
    for name, rows in (("articles", arts), ("gold", gold), ("timex", timex), ("ner", ner)):
        with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(1)
