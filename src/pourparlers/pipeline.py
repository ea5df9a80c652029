"""From articles to records: the one processing function of every engine.

The command line, the store and the Ray workers all call ``Extractor.run``
(or ``records`` / ``process``), so their outputs are identical by construction.

Robustness: an article longer than ``max_chars`` is skipped and reported (the
parser's memory grows with length; no news article comes near the default);
our own components run per article within ``time_limit`` seconds, so one
pathological text is skipped and reported instead of stalling a night's run.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors, InputError
from .model import Article, Record
from .nlp import DEFAULT_MODEL, load_pipeline
from .nlp.base import strict_default

MAX_CHARS = 200_000
TIME_LIMIT = 60.0


def doc_to_record(doc: Doc) -> Record:
    """Assemble the record from what the components left on the doc."""
    article: Article = doc._.article
    sentences = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if toks:
            sentences.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
    paragraphs = [(p.start_char, p.end_char) for p in doc.spans.get("paragraphs", [])]
    record = Record(
        article=article,
        entities=list(doc._.entities or []),
        mentions=list(doc._.mentions or []),
        quotes=list(doc._.quotes or []),
        events=list(doc._.events or []),
        timexes=list(doc._.timexes or []),
        sentences=sentences,
        paragraphs=paragraphs,
    )
    record.warnings = list(doc._.errors or [])
    return record


class _Timeout(BaseException):
    """The time limit expired. Not an ``Exception``: a component's failure isolation
    (``except Exception``) must not swallow it and let the next components run unlimited."""


@contextmanager
def _time_limit(seconds: float | None):
    """Raise _Timeout after ``seconds`` (main thread only; elsewhere no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise _Timeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Extractor:
    """Runs the pipeline over articles, in batches, one record per article."""

    def __init__(self, nlp: Language | None = None, model: str = DEFAULT_MODEL,
                 batch_size: int = 16, max_chars: int = MAX_CHARS,
                 time_limit: float | None = TIME_LIMIT) -> None:
        self.nlp = nlp if nlp is not None else load_pipeline(model)
        self.batch_size = batch_size
        self.max_chars = max_chars
        self.time_limit = time_limit
        # spaCy refuses texts over nlp.max_length (1,000,000) with a ValueError that would end
        # the run: our own limit decides, so a raised --max-chars is honoured
        self.nlp.max_length = max(self.nlp.max_length, max_chars + 1)
        # Our components after the last stock one run per article, under the time
        # limit; the rest (spaCy's, our segmenter and lemmatizer) run batched.
        names = self.nlp.pipe_names
        k = len(names)
        while k > 0 and names[k - 1].startswith("pourparlers_"):
            k -= 1
        self.post = [(n, self.nlp.get_pipe(n)) for n in names[k:]]

    def make_doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.article = article
        return doc

    def _admitted(self, articles: Iterable[Article]) -> Iterator[Doc]:
        """Docs to analyse; a rejected article travels as an empty placeholder, in order."""
        for article in articles:
            if len(article.text) > self.max_chars:
                where = article.origin or article.id
                doc = self.nlp.make_doc("")
                doc._.article = article
                doc._.rejected = InputError(Errors.E018.format(
                    where=where, n=len(article.text), limit=self.max_chars), where)
                yield doc
            else:
                try:
                    yield self.make_doc(article)
                except Exception as err:  # noqa: BLE001 - e.g. a text no tokenizer can take
                    if strict_default():
                        raise
                    where = article.origin or article.id
                    doc = self.nlp.make_doc("")
                    doc._.article = article
                    doc._.rejected = InputError(Errors.E017.format(
                        where=where, reason=f"{type(err).__name__}: {err}"), where)
                    yield doc

    def _finish(self, doc: Doc) -> Doc | InputError:
        """Run our post components on one doc, within the time limit."""
        article = doc._.article
        where = article.origin or article.id
        try:
            with _time_limit(self.time_limit):
                for _, proc in self.post:
                    doc = proc(doc)
        except _Timeout:
            return InputError(Errors.E016.format(where=where, seconds=self.time_limit), where)
        except Exception as err:  # noqa: BLE001 - isolate one article
            if strict_default():
                raise
            return InputError(Errors.E017.format(where=where, reason=f"{type(err).__name__}: {err}"),
                              where)
        return doc

    def run(self, articles: Iterable[Article]) -> Iterator[Record | InputError]:
        """In input order, a record per article, or an ``InputError`` for one skipped."""
        post_names = [n for n, _ in self.post]
        for doc in self.nlp.pipe(self._admitted(articles), batch_size=self.batch_size,
                                 disable=post_names):
            if doc._.rejected is not None:
                yield doc._.rejected
                continue
            result = self._finish(doc)
            yield result if isinstance(result, InputError) else doc_to_record(result)

    def records(self, articles: Iterable[Article]) -> Iterator[Record]:
        """Records only (skipped articles are dropped silently: use ``run`` to see them)."""
        for item in self.run(articles):
            if isinstance(item, Record):
                yield item

    def docs(self, articles: Iterable[Article]) -> Iterator[Doc]:
        """Fully analysed docs, for use in notebooks and tests (no limits applied)."""
        made = (self.make_doc(a) for a in articles)
        yield from self.nlp.pipe(made, batch_size=self.batch_size)

    def process(self, articles: Iterable[Article]) -> list[dict]:
        """Records as JSON-ready dicts: the unit of work of every engine."""
        return [r.to_dict() for r in self.records(articles)]


def extract_text(text: str, published: str | None = None, id: str = "text",
                 title: str | None = None, extractor: Extractor | None = None) -> Record:
    """Analyse one text (convenience for the library API and notebooks)."""
    extractor = extractor or Extractor()
    article = Article(id=id, text=text, title=title, published=published)
    return next(extractor.records([article]))
