"""Sentence and paragraph segmentation for news, before the parser.

The stock parser cuts headlines in the middle and glues paragraphs together.
This component decides every sentence boundary itself (the parser respects
preset ``is_sent_start`` values):

- a newline ends a paragraph, and a paragraph always starts a sentence, so the
  headline (first line) is its own sentence;
- ``. ! ? …`` end a sentence when the next word starts with a capital, a digit,
  an opening quotation mark or a dash — but never inside « », “ ” or "…"
  (a quotation is not cut), after an initial ("J. Smith") or an abbreviation;
- an unclosed quotation mark stops protecting after ``max_quote_tokens``, so
  one stray « cannot glue a whole article into one sentence.

Paragraphs are stored as ``doc.spans["paragraphs"]``.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import resources
from .extensions import register

register()

OPENERS = {"«": "»", "“": "”", "‹": "›"}
CLOSERS = {v: k for k, v in OPENERS.items()}
ENDERS = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??"}
NEXT_OK = set("«\"“‹—–-([")


class Segmenter:
    def __init__(self, name: str = "pourparlers_segmenter", max_quote_tokens: int = 250):
        self.name = name
        self.max_quote_tokens = max_quote_tokens
        self.abbreviations = {a.lower() for a in resources.load("segmentation")["abbreviations"]}

    def _ends_sentence(self, words: list[str], space: list[bool], i: int) -> bool:
        """Does the sentence-final mark at ``i`` end the sentence? Looks at the next word."""
        j = i + 1
        while j < len(words) and space[j]:
            j += 1
        if j >= len(words):
            return False
        first = words[j][0]
        if not (first.isupper() or first.isdigit() or first in NEXT_OK):
            return False
        if words[i] == "." and i > 0:
            prev = words[i - 1]
            if (len(prev) == 1 and prev.isupper()) or prev.lower() in self.abbreviations:
                return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            doc.spans["paragraphs"] = []
            return doc
        # Work on plain lists: per-token property access is what costs in Python.
        arr = doc.to_array([IDX, LENGTH, IS_SPACE])
        text = doc.text
        words = [text[a:a + b] for a, b in zip(arr[:, 0].tolist(), arr[:, 1].tolist())]
        space = arr[:, 2].astype(bool).tolist()
        starts = numpy.full(n, -1, dtype="int64")
        starts[0] = 1
        stack: list[str] = []  # expected closing marks
        straight_open = False
        opened_at = 0
        pending = False  # the next non-space token starts a sentence
        para_starts = [0]
        for i in range(n):
            word = words[i]
            if pending and not space[i]:
                starts[i] = 1
                pending = False
            if "\n" in word:
                # a paragraph ends: reset quotation state
                stack.clear()
                straight_open = False
                pending = True
                if i + 1 < n:
                    para_starts.append(i + 1)
                continue
            if word in OPENERS:
                if not stack:
                    opened_at = i
                stack.append(OPENERS[word])
            elif word in CLOSERS and stack:
                if stack[-1] == word:
                    stack.pop()
                # a closing mark after a sentence end may itself end the sentence
                if not stack and not straight_open and i > 0 and words[i - 1] in ENDERS \
                        and self._ends_sentence(words, space, i):
                    pending = True
            elif word == '"':
                straight_open = not straight_open
                if straight_open and not stack:
                    opened_at = i
            inside = bool(stack) or straight_open
            if inside and i - opened_at > self.max_quote_tokens:
                stack.clear()
                straight_open = False
                inside = False
            if not inside and word in ENDERS and self._ends_sentence(words, space, i):
                pending = True
        spans = []
        bounds = para_starts + [n]
        for a, b in zip(bounds, bounds[1:]):
            while a < b and space[a]:
                a += 1
            while b > a and space[b - 1]:
                b -= 1
            if b > a:
                spans.append(Span(doc, a, b))
                starts[a] = 1  # a paragraph starts a sentence, even after whitespace tokens
        doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))
        doc.spans["paragraphs"] = spans
        return doc


@Language.factory("pourparlers_segmenter", default_config={"max_quote_tokens": 250})
def make_segmenter(nlp: Language, name: str, max_quote_tokens: int) -> Segmenter:
    return Segmenter(name, max_quote_tokens)
