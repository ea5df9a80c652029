"""`pourparlers evaluate` agrees with the reference scorers of ../shared/eval.

System outputs are both what the engine extracts from the dev splits and
deterministic perturbations of the gold (shortened quotes, other speakers,
acronyms, dropped participants, shifted dates and spans), so that every rule of
the scoring is exercised, not only the empty case.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from pourparlers import evaluate as ev
from pourparlers.evaluate.quotes_events import names_match
from pourparlers.model import Article


def reference(shared: Path, script: str, gold: Path, system: dict, tmp_path: Path, *extra) -> dict:
    sys_path = tmp_path / f"system-{script}.jsonl"
    sys_path.write_text("".join(json.dumps(v, ensure_ascii=False) + "\n" for v in system.values()),
                        encoding="utf-8")
    out = subprocess.run([sys.executable, str(shared / "eval" / script), str(gold), str(sys_path), *extra],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def listify(x):
    return json.loads(json.dumps(x))


def extract_file(extractor, path: Path, limit: int | None = None) -> dict:
    from pourparlers.ingest import read_inputs

    arts = [a for a in read_inputs([str(path)]) if isinstance(a, Article)][:limit]
    return {r.article.id: r.to_dict() for r in extractor.records(arts)}


# --- perturbations of the gold, seeded ---

def perturb_quotes_events(gold: dict, seed: int) -> dict:
    rng = random.Random(seed)
    out = {}
    for doc_id, g in gold.items():
        quotes = []
        for q in g.get("quotes", []):
            r = rng.random()
            if r < 0.15:
                continue  # missed
            words = q["text"].split()
            if r < 0.45 and len(words) > 3:
                cut = rng.randint(1, len(words) - 1)
                words = words[:cut] if rng.random() < 0.5 else words[cut:]
            speaker = q.get("speaker")
            s = rng.random()
            if speaker and s < 0.2:
                speaker = speaker.split()[-1]  # short name
            elif speaker and s < 0.3:
                speaker = "".join(w[0] for w in speaker.split()).upper()  # acronym
            elif s < 0.4:
                speaker = None
            elif s < 0.5:
                speaker = "Jean Personne"
            quotes.append({"text": " ".join(words), "speaker_name": speaker})
            if rng.random() < 0.1:
                quotes.append({"text": q["text"], "speaker_name": speaker})  # a repeat
        if rng.random() < 0.5:
            quotes.append({"text": "des mots que personne n'a dits", "speaker_name": None})
        events = []
        for e in g.get("events", []):
            if rng.random() < 0.15:
                continue
            actors = [a for a in e.get("actors", []) if rng.random() > 0.3]
            targets = list(e.get("targets", []))
            typ = e["type"] if rng.random() > 0.1 else "ASSAULT"
            date = e.get("date") if rng.random() > 0.25 else (e.get("date") or "2000")[:4]
            events.append({"type": typ, "actors": [{"name": a} for a in actors],
                           "targets": targets, "date": date})
            if rng.random() < 0.15:
                events.append(dict(events[-1]))  # a duplicate
        out[doc_id] = {"id": doc_id, "quotes": quotes, "events": events}
    return out


def perturb_spans(gold: dict, key: str, seed: int) -> dict:
    rng = random.Random(seed)
    out = {}
    for doc_id, g in gold.items():
        items = []
        for t in g[key]:
            if rng.random() < 0.15:
                continue
            t = dict(t)
            if rng.random() < 0.3:
                t["start"] += rng.choice([-3, 0, 2])
                t["end"] += rng.choice([-2, 0, 4])
            if key == "timexes" and rng.random() < 0.2:
                t["value"] = "XXXX"
            if key == "entities" and rng.random() < 0.1:
                t["label"] = rng.choice(["PER", "LOC", "ORG", "MISC"])
            items.append(t)
        if rng.random() < 0.3:
            items.append({"start": 0, "end": 3, "label": "ORG", "value": "2000", "type": "DATE"})
        out[doc_id] = {"id": doc_id, ("mentions" if key == "entities" else key): items}
    return out


# --- agreement ---

@pytest.mark.parametrize("seed", [None, 1, 2, 3])
def test_quotes_events_agree(shared, extractor, tmp_path, seed):
    gold_path = shared / "corpus/dev/gold.jsonl"
    gold = ev.load_jsonl(gold_path)
    if seed is None:
        system = extract_file(extractor, shared / "corpus/dev/articles.jsonl")
    else:
        system = perturb_quotes_events(gold, seed)
    ref = reference(shared, "score.py", gold_path, system, tmp_path, "--json")
    ours = listify(ev.score_quotes_events(gold, system))
    assert ours == ref


@pytest.mark.parametrize("seed", [None, 1, 2])
def test_timex_agree(shared, extractor, tmp_path, seed):
    gold_path = shared / "corpus/timebank/dev.jsonl"
    gold = ev.load_jsonl(gold_path)
    system = extract_file(extractor, gold_path) if seed is None else perturb_spans(gold, "timexes", seed)
    ref = reference(shared, "score_timex.py", gold_path, system, tmp_path)
    ours = listify(ev.score_timexes(gold, system))
    ours.pop("errors")
    ref["counts"] = dict(zip(["gold", "system", "matched", "value_ok"], ref["counts"]))
    assert ours == ref


@pytest.mark.parametrize("seed", [None, 1])
def test_ner_agree(shared, extractor, tmp_path, seed):
    gold_path = shared / "corpus/ner/dev.jsonl"
    gold = ev.load_jsonl(gold_path)
    if seed is None:
        system = extract_file(extractor, gold_path, limit=60)
    else:
        system = perturb_spans(gold, "entities", seed)
    ref = reference(shared, "score_ner.py", gold_path, system, tmp_path)
    ours = ev.score_ner(gold, system)
    assert {k: v["f1"] for k, v in ours.items()} == ref


def test_cli_json_matches_reference(shared, tmp_path):
    """The command line gives the library's figures (and the reference's)."""
    gold_path = shared / "corpus/dev/gold.jsonl"
    system = perturb_quotes_events(ev.load_jsonl(gold_path), 7)
    sys_path = tmp_path / "sys.jsonl"
    sys_path.write_text("".join(json.dumps(v, ensure_ascii=False) + "\n" for v in system.values()))
    out = subprocess.run([sys.executable, "-m", "pourparlers", "evaluate", "--gold", str(gold_path),
                          "--system", str(sys_path), "--json"], capture_output=True, text=True, check=True)
    ours = json.loads(out.stdout)
    ref = reference(shared, "score.py", gold_path, system, tmp_path, "--json")
    assert ours["kind"] == "quotes_events" and ours["scores"] == ref
    assert set(ours["per_type"]) >= {e["type"] for g in ev.load_jsonl(gold_path).values() for e in g["events"]}


# --- the rules themselves, on names we chose ---

@pytest.mark.parametrize("gold, system, expected", [
    ("Iouri Ouchakov", "Ouchakov", True),            # same last word
    ("Organisation des Nations unies", "ONU", True),  # acronym
    ("OTAN", "Organisation du traité de l'Atlantique nord", True),
    ("Maison Blanche", "la Maison Blanche", True),    # small words dropped
    ("responsables américains", "des responsables américains", True),
    ("Jean Martin", "Paul Durand", False),
    ("Jean Martin", None, False),
    ("ministère de la Défense", "ministre", False),
])
def test_names_match(gold, system, expected):
    assert names_match(gold, system) is expected


def test_detect_kind(tmp_path):
    from pourparlers.errors import UsageError

    assert ev.detect_kind({"a": {"quotes": []}}) == "quotes_events"
    assert ev.detect_kind({"a": {"timexes": []}}) == "timex"
    assert ev.detect_kind({"a": {"entities": [{"start": 0, "end": 1, "label": "PER"}]}}) == "ner"
    with pytest.raises(UsageError):
        ev.detect_kind({"a": {"something": []}})
