"""Readers: every input kind of DESIGN.md turned into ``Article`` objects.

``read_inputs`` walks files, directories and ``-`` (standard input) and yields,
in order, an ``Article`` for each article read or an ``InputError`` for each
item that had to be skipped, so that one bad file never stops a run and the
caller can report and count what was lost.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import Errors, InputError
from ..model import Article
from .dateline import find_dateline, normalise_date
from .feeds import read_feed
from .html import article_from_html
from .jsonl import read_jsonl_lines
from .language import foreign_language
from .text import article_from_text, decode
from .warc import read_warc_file

__all__ = ["read_inputs", "read_path", "read_stream", "SUFFIXES", "find_dateline",
           "normalise_date"]

TEXT = (".txt",)
HTML = (".html", ".htm")
JSONL = (".jsonl", ".ndjson")
FEED = (".xml", ".rss", ".atom")
WARC = (".warc", ".warc.gz")
SUFFIXES = TEXT + HTML + JSONL + FEED + WARC


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return ".warc.gz"
    return path.suffix.lower()


def _files(path: Path) -> Iterator[Path]:
    """The supported files under a directory, in a stable order."""
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            p = Path(root) / f
            if not f.startswith(".") and _suffix(p) in SUFFIXES:
                yield p


def read_path(path: Path, published: str | None = None) -> Iterator[Article | InputError]:
    """Articles (or errors) from one file, chosen by its suffix."""
    name = str(path)
    suffix = _suffix(path)
    if suffix not in SUFFIXES:
        yield InputError(Errors.E011.format(where=name, suffix=suffix or path.name), name)
        return
    try:
        if suffix in WARC:
            yield from read_warc_file(path)
            return
        if suffix in JSONL:
            with path.open("rb") as fh:
                yield from read_jsonl_lines(fh, name, path.stem)
            return
        data = path.read_bytes()
    except OSError as err:
        yield InputError(Errors.E001.format(where=name, reason=err.strerror or err), name)
        return
    except Exception as err:  # noqa: BLE001 - a reader's bug on hostile input must not end the run
        yield InputError(Errors.E001.format(where=name, reason=f"{type(err).__name__}: {err}"), name)
        return
    try:
        if suffix in FEED:
            yield from read_feed(data, name, path.stem)
        elif suffix in HTML:
            yield article_from_html(data, id=path.stem, where=name, published=published)
        else:
            yield article_from_text(decode(data, name), id=path.stem, where=name, published=published)
    except InputError as err:
        yield err
    except Exception as err:  # noqa: BLE001 - as above
        yield InputError(Errors.E001.format(where=name, reason=f"{type(err).__name__}: {err}"), name)


def read_stream(stream: BinaryIO, name: str = "<stdin>") -> Iterator[Article | InputError]:
    """Standard input: JSONL when it starts with ``{``, else one plain-text article."""
    data = stream.read()
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl_lines(data.splitlines(), name, "stdin")
        return
    try:
        yield article_from_text(decode(data, name), id="stdin", where=name)
    except InputError as err:
        yield err


def read_inputs(paths: Iterable[str | os.PathLike], published: str | None = None,
                language: str | None = "fr", stdin: BinaryIO | None = None
                ) -> Iterator[Article | InputError]:
    """Every article of every input, in order; errors are yielded, never raised.

    ``published`` (ISO date) overrides the date of every article read;
    ``language`` drops texts clearly in another language (None keeps all).
    """
    for raw in paths:
        if str(raw) == "-":
            items = read_stream(stdin or sys.stdin.buffer)
        else:
            path = Path(raw)
            if path.is_dir():
                items = (item for f in _files(path) for item in read_path(f, published))
            elif path.exists():
                items = read_path(path, published)
            else:
                yield InputError(Errors.E010.format(where=str(raw)), str(raw))
                continue
        yield from finish(items, published, language)


def finish(items: Iterable[Article | InputError], published: str | None = None,
           language: str | None = "fr") -> Iterator[Article | InputError]:
    """What every article read goes through: ``published`` overrides its date, and
    a text not in ``language`` (None: any) becomes an ``[E008]`` error."""
    for item in items:
        if isinstance(item, Article):
            if published:
                item.published = published
            if language:
                other = foreign_language(item.text, expected=language)
                if other:
                    where = item.origin or item.id
                    yield InputError(Errors.E008.format(where=where, lang=other), where)
                    continue
            item.language = language or item.language
        yield item
