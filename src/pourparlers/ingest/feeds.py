"""RSS and Atom feeds (feedparser): one article per item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..errors import Errors, InputError
from ..model import Article
from .html import article_from_html
from .text import article_from_text, clean, scrub


def _plain(fragment: str) -> str:
    """Text of an HTML fragment (feed titles may carry markup)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(fragment)
        for code in tree.xpath("//script|//style"):  # code, not words of the title
            code.drop_tree()
        return scrub(" ".join(tree.text_content().split()))
    except Exception:  # noqa: BLE001 - not HTML at all
        return scrub(" ".join(fragment.split()))


def read_feed(data: bytes, name: str, stem: str) -> Iterator[Article | InputError]:
    import feedparser

    try:
        feed = feedparser.parse(data)
    except Exception as err:  # noqa: BLE001 - e.g. "&#xD800;", which feedparser cannot encode
        yield InputError(Errors.E014.format(where=name, reason=f"{type(err).__name__}: {err}"), name)
        return
    if feed.bozo and not feed.entries:
        reason = getattr(feed, "bozo_exception", "not a feed")
        yield InputError(Errors.E014.format(where=name, reason=reason), name)
        return
    if not feed.entries:
        yield InputError(Errors.E003.format(where=name), name)
        return
    for i, entry in enumerate(feed.entries, 1):
        where = f"{name}:item {i}"
        title = _plain(entry.get("title", "")) or None
        url = scrub(entry.get("link")) if isinstance(entry.get("link"), str) else None
        raw_id = entry.get("id")
        id = (scrub(raw_id) if isinstance(raw_id, str) and raw_id.strip() else None) or url or f"{stem}-{i}"
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(*stamp[:3]).isoformat() if stamp else None
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value", "")
        body = body or entry.get("summary", "")
        meta = {"id": id, "where": where, "title": title, "url": url, "published": published,
                "source": _plain(feed.feed.get("title", "")) or None}
        try:
            if "<" in body and ">" in body:
                yield article_from_html(f"<html><body><article>{body}</article></body></html>", **meta)
            else:
                text = clean(body, where).strip()
                if title and not text.startswith(title):
                    text = f"{title}\n\n{text}" if text else ""
                yield article_from_text(text, **meta)
        except InputError as err:
            yield err
