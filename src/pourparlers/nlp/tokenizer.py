"""A guard around spaCy's tokenizer: bounded time on text without spaces.

spaCy's tokenizer peels prefixes, suffixes and infixes off each stretch of text
between spaces, copying the rest each time: a stretch of n characters without
a space (``((((…``, ``l'l'l'…``, a run of emoji, a base64 blob) costs O(n²),
inside one C call that no time limit can interrupt — 4,000 such characters
take a second, 200,000 would take hours. ``BoundedTokenizer`` tokenizes every
stretch longer than ``max_chunk`` characters in pieces of ``max_chunk``
characters (no word is that long; a long URL is cut in two tokens) and
everything else exactly as spaCy does. ``doc.text`` is always the input text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

MAX_CHUNK = 200


class BoundedTokenizer:
    """Wraps a spaCy tokenizer; behaves like it (other attributes pass through)."""

    def __init__(self, tokenizer, max_chunk: int = MAX_CHUNK) -> None:
        self.tokenizer = tokenizer
        self.max_chunk = max_chunk
        # a stretch without whitespace, from its start (so the search stays linear)
        self._long = re.compile(r"(?<!\S)\S{%d,}" % (max_chunk + 1))

    def __getattr__(self, name):
        inner = self.__dict__.get("tokenizer")
        if inner is None:
            raise AttributeError(name)
        return getattr(inner, name)

    def __call__(self, text: str) -> Doc:
        if self._long.search(text) is None:
            return self.tokenizer(text)
        docs: list[Doc] = []
        pos = 0
        for m in self._long.finditer(text):
            if m.start() > pos:
                docs.append(self.tokenizer(text[pos:m.start()]))
            for a in range(m.start(), m.end(), self.max_chunk):
                b = min(a + self.max_chunk, m.end())
                if b == m.end() and text.startswith(" ", b):
                    b += 1  # the space after the stretch trails its last token, as spaCy has it
                docs.append(self.tokenizer(text[a:b]))
                pos = b
        if pos < len(text):
            docs.append(self.tokenizer(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)


def bound_tokenizer(nlp, max_chunk: int = MAX_CHUNK) -> None:
    """Put the guard around ``nlp``'s tokenizer (once)."""
    if not isinstance(nlp.tokenizer, BoundedTokenizer):
        nlp.tokenizer = BoundedTokenizer(nlp.tokenizer, max_chunk)
