"""The record: schema 1, valid on our examples and on the sample dispatch."""

from __future__ import annotations

import json
import re

from pourparlers.model import Article, Entity, Event, Participant, Quote, Record, Span, Timex
from pourparlers.schema import problems

from conftest import EXAMPLES


def test_round_trip_and_schema():
    text = "Le ministre a rencontré son homologue."
    rec = Record(
        article=Article(id="x", text=text, published="2024-01-02"),
        entities=[Entity(id="e1", name="Jean Dupont", type="PER", roles=["ministre"])],
        quotes=[Quote(id="q1", text="rencontré", start=14, end=23, kind="partial", speaker="e1",
                      speaker_name="Jean Dupont", cue=None)],
        events=[Event(id="v1", type="CONSULT", evidence=Span(0, len(text), text),
                      actors=[Participant("Jean Dupont", "e1")], date="2024-01")],
        timexes=[Timex(0, 2, "Le", "DATE", "2024")],
        sentences=[(0, len(text))],
    )
    d = rec.to_dict()
    assert problems(d) == []
    assert Record.from_dict(json.loads(json.dumps(d))).to_dict() == d


def test_problems_catch_bad_offsets_and_fields():
    d = Record(article=Article(id="x", text="abc")).to_dict()
    d["quotes"] = [{"id": "q1", "text": "zz", "start": 1, "end": 3, "kind": "direct", "speaker": None,
                    "speaker_name": None, "cue": None}]
    d["timexes"] = [{"start": 2, "end": 9, "text": "c", "type": "DATE", "value": "2024"}]
    d["published"] = "hier"
    found = problems(d)
    assert any("quotes[0]" in p and "not text" in p for p in found)
    assert any("timexes[0]" in p and "outside" in p for p in found)
    assert any(p.startswith("published") for p in found)


def test_example_articles_give_valid_records(extractor):
    from pourparlers.ingest import read_inputs

    arts = [a for a in read_inputs([str(EXAMPLES)]) if isinstance(a, Article)]
    assert len(arts) >= 4
    for rec in extractor.records(arts):
        d = rec.to_dict()
        assert problems(d) == [], d["id"]
        assert d["published"] and d["title"]
        # the headline is the first sentence
        s = d["sentences"][0]
        assert d["text"][s["start"]:s["end"]] == d["title"]


def test_sample_dispatch(shared, extractor):
    """The acceptance of the foundation on the sample dispatch of the dev corpus."""
    from pourparlers.ingest import read_inputs

    arts = {a.id: a for a in read_inputs([str(shared / "corpus/dev/articles.jsonl")])
            if isinstance(a, Article)}
    art = arts["seed-poutine-witkoff"]
    assert art.published == "2025-04-25"
    d = next(extractor.records([art])).to_dict()
    assert problems(d) == []
    text = d["text"]
    starts = [s["start"] for s in d["sentences"]]
    first = d["sentences"][0]
    assert text[first["start"]:first["end"]] == d["title"]
    for m in re.finditer(r"«[^«»\n]*»", text):
        assert not any(m.start() < s < m.end() for s in starts), m.group()
    # every paragraph starts a sentence
    assert {p["start"] for p in d["paragraphs"]} <= set(starts)
