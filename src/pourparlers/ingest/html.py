"""HTML pages: main-text extraction with trafilatura; title, date and URL from the page."""

from __future__ import annotations

import logging
import re

from ..errors import Errors, InputError
from ..model import Article
from .dateline import normalise_date
from .text import article_from_text, clean

# trafilatura and htmldate log every page they find hard; our own errors say enough.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

# Fewer words than this in the main text (headline aside) is a menu or a stub, not an article.
MIN_ARTICLE_WORDS = 10
# A page larger than this is refused (news pages weigh well under 2 MB with their scripts).
MAX_HTML_BYTES = 5_000_000
# A start tag longer than this (tens of thousands of attributes, a data: URI) is dropped
# before parsing: lxml and trafilatura are quadratic in the attributes of one element.
_LONG_TAG = 20_000
_LONG_TAG_STR = re.compile(r"<[A-Za-z][^<>]{%d,}>" % _LONG_TAG)
_LONG_TAG_BYTES = re.compile(rb"<[A-Za-z][^<>]{%d,}>" % _LONG_TAG)


def _defuse(html: bytes | str) -> bytes | str:
    """The page without its overlong start tags (they hold no article text)."""
    if len(html) <= _LONG_TAG:
        return html
    pattern = _LONG_TAG_BYTES if isinstance(html, bytes) else _LONG_TAG_STR
    return pattern.sub(b"" if isinstance(html, bytes) else "", html)


def extract_html(html: bytes | str, where: str) -> dict:
    """Main text and metadata of an HTML page: {'text', 'title', 'date', 'url'}."""
    import trafilatura

    if isinstance(html, bytes) and not html.strip() or isinstance(html, str) and not html.strip():
        raise InputError(Errors.E003.format(where=where), where)
    size = len(html) if isinstance(html, bytes) else len(html.encode("utf-8", "surrogatepass"))
    if size > MAX_HTML_BYTES:
        raise InputError(Errors.E900.format(where=where, n=size, limit=MAX_HTML_BYTES), where)
    try:
        doc = trafilatura.bare_extraction(
            _defuse(html), with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, deduplicate=False,
        )
    except Exception as err:  # noqa: BLE001 - a broken page must not stop the run
        raise InputError(Errors.E001.format(where=where, reason=f"HTML extraction failed ({err})"),
                         where) from None
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise InputError(Errors.E006.format(where=where), where)
    title = (getattr(doc, "title", None) or "").strip() or None
    rest = body[len(title):] if title and body.startswith(title) else body
    if len(rest.split()) < MIN_ARTICLE_WORDS:
        raise InputError(Errors.E006.format(where=where), where)
    return {"text": clean(body, where), "title": clean(title, where) if title else None,
            "date": normalise_date(getattr(doc, "date", None)),
            "url": getattr(doc, "url", None)}


def compose(title: str | None, body: str) -> str:
    """The analysed text: the headline, a blank line, then the body.

    The headline is part of the article (its quotations count), so it leads the
    text, set apart by a blank line, whether or not the extracted body repeats it.
    """
    if not title:
        return body
    if body.startswith(title):
        body = body[len(title):].lstrip("\n")
    return f"{title}\n\n{body}"


def article_from_html(html: bytes | str, *, id: str, where: str, published: str | None = None,
                      title: str | None = None, url: str | None = None,
                      source: str | None = None) -> Article:
    page = extract_html(html, where)
    title = title or page["title"]
    text = compose(title, page["text"])
    return article_from_text(text, id=id, where=where, published=published or page["date"],
                             title=title, url=url or page["url"], source=source)
