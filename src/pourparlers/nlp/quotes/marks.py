"""Quotation marks: where the quoted words of an article are.

``find_quotes(text)`` pairs the marks « », “ ”, ‹ › and " " (nested ones are
kept inside their parent) and returns the top-level quotations, with the
offsets of their marks and of their content (without the marks and the spaces,
non-breaking or not, just inside them). A quotation may run over several
paragraphs, French style: an opening mark that is not closed in its paragraph
continues when the next paragraph opens with « (or ») again. An opening mark
left unclosed at the end of its paragraph is dropped (a typing slip must not
swallow the article), unless the whole paragraph is the quotation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OPENERS = {"«": "»", "“": "”", "‹": "›"}
CLOSERS = {v: k for k, v in OPENERS.items()}
STRAIGHT = '"'
SPACES = " \t\u00a0\u202f\u2009\u2007"


@dataclass
class Marked:
    """A top-level quotation between marks."""

    open: int  # offset of the opening mark
    close: int  # offset of the closing mark (or of the content's end when unclosed)
    start: int  # content start
    end: int  # content end
    inner: list[tuple[int, int]] = field(default_factory=list)  # nested (open, close)
    closed: bool = True
    paragraphs: int = 1


def _content(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in SPACES + "\n":
        a += 1
    while b > a and text[b - 1] in SPACES + "\n":
        b -= 1
    return a, b


def find_quotes(text: str) -> list[Marked]:
    out: list[Marked] = []
    stack: list[tuple[str, int]] = []  # (expected closing mark, offset)
    inner: list[tuple[int, int]] = []
    skip: set[int] = set()
    paragraphs = 1
    para_start = 0
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            if stack:
                j = i + 1
                while j < n and text[j] in SPACES + "\n":
                    j += 1
                if j < n and text[j] in "«»“" and stack[0][0] in ("»", "”"):
                    # the quotation goes on in the next paragraph
                    skip.add(j)
                    stack[:] = stack[:1]
                    paragraphs += 1
                    i += 1
                    continue
                bottom_close, bottom_open = stack[0]
                a, b = _content(text, para_start, i)
                if bottom_open == a and paragraphs == 1 and bottom_close != STRAIGHT:
                    # a paragraph that is all quotation, its closing mark missing
                    s, e = _content(text, bottom_open + 1, i)
                    if e > s:
                        out.append(Marked(bottom_open, e, s, e, inner, closed=False))
                stack.clear()
                inner = []
            paragraphs = 1
            para_start = i + 1
            i += 1
            continue
        if i in skip:
            i += 1
            continue
        o = None  # the opening mark a closing one at i matches
        if ch in OPENERS:
            stack.append((OPENERS[ch], i))
        elif ch in CLOSERS:
            if any(e == ch for e, _ in stack):
                while stack:
                    e, o = stack.pop()
                    if e == ch:
                        break
        elif ch == STRAIGHT:
            if stack and stack[-1][0] == STRAIGHT:
                _, o = stack.pop()
            else:
                stack.append((STRAIGHT, i))
        if o is not None:
            if stack:
                inner.append((o, i))
            else:
                s, t = _content(text, o + 1, i)
                if t > s:
                    out.append(Marked(o, i, s, t, inner, paragraphs=paragraphs))
                inner = []
                paragraphs = 1
        i += 1
    if stack:
        bottom_close, bottom_open = stack[0]
        a, b = _content(text, para_start, n)
        if bottom_open == a and bottom_close != STRAIGHT and paragraphs == 1:
            s, e = _content(text, bottom_open + 1, n)
            if e > s:
                out.append(Marked(bottom_open, e, s, e, inner, closed=False))
    out.sort(key=lambda m: m.open)
    return out
