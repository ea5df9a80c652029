"""From articles to records: the one processing function of every engine.

The command line, the store and the Ray workers all call ``Extractor.records``
(or ``process``), so their outputs are identical by construction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .model import Article, Record
from .nlp import DEFAULT_MODEL, load_pipeline


def doc_to_record(doc: Doc) -> Record:
    """Assemble the record from what the components left on the doc."""
    article: Article = doc._.article
    sentences = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if toks:
            sentences.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
    paragraphs = [(p.start_char, p.end_char) for p in doc.spans.get("paragraphs", [])]
    return Record(
        article=article,
        entities=list(doc._.entities or []),
        mentions=list(doc._.mentions or []),
        quotes=list(doc._.quotes or []),
        events=list(doc._.events or []),
        timexes=list(doc._.timexes or []),
        sentences=sentences,
        paragraphs=paragraphs,
    )


class Extractor:
    """Runs the pipeline over articles, in batches, one record per article."""

    def __init__(self, nlp: Language | None = None, model: str = DEFAULT_MODEL,
                 batch_size: int = 16) -> None:
        self.nlp = nlp if nlp is not None else load_pipeline(model)
        self.batch_size = batch_size

    def make_doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.article = article
        return doc

    def docs(self, articles: Iterable[Article]) -> Iterator[Doc]:
        """Analysed docs, in input order (``Doc._.article`` tells which is which)."""
        made = (self.make_doc(a) for a in articles)
        yield from self.nlp.pipe(made, batch_size=self.batch_size)

    def records(self, articles: Iterable[Article]) -> Iterator[Record]:
        for doc in self.docs(articles):
            yield doc_to_record(doc)

    def process(self, articles: Iterable[Article]) -> list[dict]:
        """Records as JSON-ready dicts: the unit of work of every engine."""
        return [r.to_dict() for r in self.records(articles)]


def extract_text(text: str, published: str | None = None, id: str = "text",
                 title: str | None = None, extractor: Extractor | None = None) -> Record:
    """Analyse one text (convenience for the library API and notebooks)."""
    extractor = extractor or Extractor()
    article = Article(id=id, text=text, title=title, published=published)
    return next(extractor.records([article]))
