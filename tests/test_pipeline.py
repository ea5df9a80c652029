"""The Extractor: limits that keep one bad article from costing the others."""

from __future__ import annotations

import time

from spacy.language import Language

from pourparlers.errors import InputError
from pourparlers.model import Article, Record
from pourparlers.pipeline import Extractor

TEXT = ("La mairie de Rennes a inauguré mardi une nouvelle médiathèque. "
        "« C'est un lieu pour tous », a déclaré l'adjointe à la culture.")


@Language.component("pourparlers_test_sleeper")
def sleeper(doc):
    if "lentement" in doc.text:
        time.sleep(5)
    return doc


def test_too_long_article_is_reported_and_the_rest_goes_on(nlp):
    ex = Extractor(nlp=nlp, max_chars=2000)
    arts = [Article(id="a", text=TEXT), Article(id="long", text=TEXT * 40, origin="big.txt"),
            Article(id="b", text=TEXT)]
    out = list(ex.run(arts))
    assert [type(x) for x in out] == [Record, InputError, Record]
    assert "E018" in str(out[1]) and "big.txt" in str(out[1])
    assert [r.article.id for r in out if isinstance(r, Record)] == ["a", "b"]


def test_slow_article_is_stopped_by_the_time_limit(nlp):
    nlp.add_pipe("pourparlers_test_sleeper", last=True)
    try:
        ex = Extractor(nlp=nlp, time_limit=0.5)
        assert "pourparlers_test_sleeper" in [n for n, _ in ex.post]
        arts = [Article(id="a", text=TEXT), Article(id="slow", text=TEXT + " Il parle lentement."),
                Article(id="b", text=TEXT)]
        t0 = time.perf_counter()
        out = list(ex.run(arts))
        assert time.perf_counter() - t0 < 4
        assert [type(x) for x in out] == [Record, InputError, Record]
        assert "E016" in str(out[1])
    finally:
        nlp.remove_pipe("pourparlers_test_sleeper")


def test_records_equal_docs_path(extractor):
    """Batched spaCy + per-article post components give what the plain pipeline gives."""
    arts = [Article(id=str(i), text=TEXT.replace("mardi", d), published="2024-05-10")
            for i, d in enumerate(["mardi", "jeudi", "hier"])]
    from pourparlers.pipeline import doc_to_record

    via_run = [r.to_dict() for r in extractor.records(arts)]
    via_docs = [doc_to_record(d).to_dict() for d in extractor.docs(arts)]
    assert via_run == via_docs
