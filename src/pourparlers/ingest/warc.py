"""WARC files (Common Crawl CC-NEWS): one article per HTML response record."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import BinaryIO

from ..errors import Errors, InputError
from ..model import Article
from .dateline import normalise_date
from .html import article_from_html

logging.getLogger("warcio").setLevel(logging.CRITICAL)  # its warnings quote damaged bytes; ours say enough


def _reason(err: BaseException | str) -> str:
    """warcio's message on one short line (it quotes the damaged bytes, newlines and all)."""
    text = " ".join(str(err).split()) or type(err).__name__
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 160 else text[:157] + "..."


def read_warc(stream: BinaryIO, name: str) -> Iterator[Article | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import DecompressingBufferedReader

    class Quiet(ArchiveIterator):
        INC_RECORD = ""  # warcio writes a multi-line warning on stderr; the damage is reported below

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if type(self.reader) is DecompressingBufferedReader:
                self.reader.__class__ = QuietReader

    class QuietReader(DecompressingBufferedReader):
        def _decompress(self, data):
            # warcio writes zlib's error (« Error -3 while decompressing data ») raw on
            # stderr and goes on with nothing; the damage is reported on one line below
            if self.decompressor is None or not data or self.num_block_read == 0:
                return super()._decompress(data)
            try:
                return self.decompressor.decompress(data)
            except Exception:  # noqa: BLE001 - a damaged gzip member: what follows is lost
                return b""

    n = 0
    try:
        for record in Quiet(stream):
            if not record.rec_type:  # a header cut short: the archive ends inside a record
                yield InputError(Errors.E015.format(where=f"{name}:record {n + 1}",
                                                    reason="damaged record header (truncated archive?)"), name)
                continue
            if record.rec_type != "response":
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            rid = record.rec_headers.get_header("WARC-Record-ID") or f"{name}#{n}"
            where = f"{name}:record {n}"
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                yield InputError(Errors.E015.format(where=where, reason=f"not HTML ({_reason(ctype) if ctype else 'no type'})"),
                                 where)
                continue
            try:
                body = record.content_stream().read()
            except Exception as err:  # noqa: BLE001 - truncated or corrupt payload
                yield InputError(Errors.E015.format(where=where, reason=_reason(err)), where)
                continue
            missing = getattr(record.raw_stream, "limit", 0)
            if missing:
                yield InputError(Errors.E015.format(
                    where=where, reason=f"truncated record ({missing} bytes missing)"), where)
                continue
            crawled = normalise_date(record.rec_headers.get_header("WARC-Date"))
            try:
                art = article_from_html(body, id=uri or rid.strip("<>"), where=where, url=uri)
            except InputError as err:
                yield err
                continue
            if art.published is None:
                art.published = crawled
            yield art
    except Exception as err:  # noqa: BLE001 - truncated archive: keep what was read
        yield InputError(Errors.E015.format(where=f"{name}:record {n + 1}", reason=_reason(err)), name)


def _gzip_intact(path) -> str | None:
    """None if the gzip file decompresses to its end, else the reason it does not."""
    import gzip
    import zlib

    try:
        with gzip.open(path, "rb") as fh:
            while fh.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error) as err:
        return str(err) or type(err).__name__
    return None


def read_warc_file(path) -> Iterator[Article | InputError]:
    """Articles from a ``.warc`` / ``.warc.gz`` file; a truncated archive is reported."""
    name = str(path)
    n = 0
    with open(path, "rb") as fh:
        for item in read_warc(fh, name):
            n += 1
            yield item
    if name.lower().endswith(".gz"):
        reason = _gzip_intact(path)
        if reason:
            reason = _reason(reason)
            yield InputError(Errors.E015.format(where=name, reason=f"archive truncated ({reason}); "
                                                f"the records before the damage were kept"), name)
