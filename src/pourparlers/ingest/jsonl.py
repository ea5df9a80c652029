"""JSON Lines: one article per line (``id``, ``text`` or ``html``, optional metadata)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..errors import Errors, InputError
from ..model import Article
from .dateline import normalise_date
from .html import article_from_html
from .text import article_from_text, clean, scrub


def _field(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    return scrub(str(value)).strip() or None


def article_from_json(obj, *, where: str, default_id: str) -> Article:
    """One JSON object (already parsed) to an Article."""
    if not isinstance(obj, dict):
        raise InputError(Errors.E009.format(where=where), where)
    id = _field(obj, "id") or default_id
    meta = {"id": id, "where": where, "title": _field(obj, "title"), "url": _field(obj, "url"),
            "source": _field(obj, "source"), "published": normalise_date(obj.get("published"))}
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        return article_from_text(clean(text, where), **meta)
    if isinstance(html, str) and html.strip():
        return article_from_html(html, **meta)
    if "text" in obj or "html" in obj:
        raise InputError(Errors.E007.format(where=where), where)
    raise InputError(Errors.E005.format(where=where), where)


def read_jsonl_lines(lines: Iterable[bytes], name: str, stem: str) -> Iterator[Article | InputError]:
    """Articles (or errors) from the lines of a JSONL stream; ``name`` is for messages."""
    seen_any = False
    for lineno, raw in enumerate(lines, 1):
        where = f"{name}:{lineno}"
        if not raw.strip():
            continue
        seen_any = True
        try:
            line = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError as err:
            yield InputError(Errors.E002.format(where=where, offset=err.start), where)
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(Errors.E004.format(where=where, reason=err.msg), where)
            continue
        try:
            yield article_from_json(obj, where=where, default_id=f"{stem}-{lineno}")
        except InputError as err:
            yield err
    if not seen_any:
        yield InputError(Errors.E003.format(where=name), name)
