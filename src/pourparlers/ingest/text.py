"""Plain text: decoding bytes safely and reading ``.txt`` articles."""

from __future__ import annotations

import re
import unicodedata

from ..errors import Errors, InputError
from ..model import Article
from .dateline import find_dateline

# Characters that never occur in an article: C0 controls other than tab/newline/CR.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Lone surrogates (JSON's "\ud800" escapes, half an emoji cut by a truncation): no
# UTF-8 text can hold them, so spaCy, the output and the store would fail on them.
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_TITLE_CHARS = 300


def decode(data: bytes, where: str) -> str:
    """UTF-8 bytes to text (a BOM is dropped); a clear error for anything else."""
    if not data.strip():
        raise InputError(Errors.E003.format(where=where), where)
    if b"\x00" in data[:8192]:
        raise InputError(Errors.E012.format(where=where), where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(Errors.E002.format(where=where, offset=err.start), where) from None
    return clean(text, where)


def clean(text: str, where: str) -> str:
    """Normalise line ends and Unicode (NFC); refuse binary-looking text."""
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > max(3, len(sample) // 100):
        raise InputError(Errors.E012.format(where=where), where)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    text = _SURROGATE.sub("\ufffd", text)
    return unicodedata.normalize("NFC", text)


def scrub(value: str) -> str:
    """A metadata string (id, title, URL, source) that any output can hold (NFC, as texts)."""
    return unicodedata.normalize("NFC", _SURROGATE.sub("\ufffd", _CONTROL.sub(" ", value)))


def guess_title(text: str) -> str | None:
    """The first line, when it reads as a headline (short, followed by more text)."""
    first, _, rest = text.lstrip().partition("\n")
    first = first.strip()
    if first and rest.strip() and len(first) <= MAX_TITLE_CHARS:
        return first
    return None


def article_from_text(text: str, *, id: str, where: str, published: str | None = None,
                      title: str | None = None, url: str | None = None,
                      source: str | None = None) -> Article:
    """An Article from its text, with title and date guessed where not given."""
    if not text.strip():
        raise InputError(Errors.E007.format(where=where), where)
    if published is None:
        found = find_dateline(text)
        if found:
            published = found[0]
    if title is None:
        title = guess_title(text)
    return Article(id=id, text=text, title=title, url=url, source=source,
                   published=published, origin=where)
