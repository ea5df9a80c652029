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

    def _next_word(self, doc: Doc, i: int):
        j = i + 1
        while j < len(doc) and doc[j].is_space:
            j += 1
        return doc[j] if j < len(doc) else None

    def _ends_sentence(self, doc: Doc, i: int) -> bool:
        tok = doc[i]
        nxt = self._next_word(doc, i)
        if nxt is None:
            return False
        if not (nxt.text[0].isupper() or nxt.text[0].isdigit() or nxt.text[0] in NEXT_OK):
            return False
        if tok.text == "." and i > 0:
            prev = doc[i - 1].text
            if (len(prev) == 1 and prev.isupper()) or prev.lower() in self.abbreviations:
                return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            doc.spans["paragraphs"] = []
            return doc
        starts = [False] * n
        starts[0] = True
        stack: list[str] = []  # expected closing marks
        straight_open = False
        opened_at = 0
        pending = False  # the next non-space token starts a sentence
        para_starts = [0]
        for i, tok in enumerate(doc):
            text = tok.text
            if pending and not tok.is_space:
                starts[i] = True
                pending = False
            if "\n" in text or "\n" in tok.whitespace_:
                # a paragraph ends: reset quotation state
                stack.clear()
                straight_open = False
                pending = True
                if i + 1 < n:
                    para_starts.append(i + 1)
                continue
            if text in OPENERS:
                if not stack:
                    opened_at = i
                stack.append(OPENERS[text])
            elif text in CLOSERS and stack:
                if stack[-1] == text:
                    stack.pop()
                # a closing mark after a sentence end may itself end the sentence
                if not stack and not straight_open and i > 0 and doc[i - 1].text in ENDERS \
                        and self._ends_sentence(doc, i):
                    pending = True
            elif text == '"':
                straight_open = not straight_open
                if straight_open and not stack:
                    opened_at = i
            inside = bool(stack) or straight_open
            if inside and i - opened_at > self.max_quote_tokens:
                stack.clear()
                straight_open = False
                inside = False
            if not inside and text in ENDERS and self._ends_sentence(doc, i):
                pending = True
        for i, tok in enumerate(doc):
            tok.is_sent_start = starts[i]
        spans = []
        bounds = para_starts + [n]
        for a, b in zip(bounds, bounds[1:]):
            while a < b and doc[a].is_space:
                a += 1
            while b > a and doc[b - 1].is_space:
                b -= 1
            if b > a:
                spans.append(Span(doc, a, b))
        doc.spans["paragraphs"] = spans
        # a paragraph that starts after whitespace tokens: its first word starts a sentence
        for sp in spans:
            doc[sp.start].is_sent_start = True
        return doc


@Language.factory("pourparlers_segmenter", default_config={"max_quote_tokens": 250})
def make_segmenter(nlp: Language, name: str, max_quote_tokens: int) -> Segmenter:
    return Segmenter(name, max_quote_tokens)
