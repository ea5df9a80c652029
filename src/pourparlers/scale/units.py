"""Work units: the inputs cut into pieces that stateless reading tasks can take.

Planning runs on the driver and only looks at file names, sizes and (for JSON
Lines) line boundaries; reading runs on the workers and turns a unit into
``Article`` or ``InputError`` items with the readers of ``pourparlers.ingest``,
exactly as the local engine reads them (same ids, same ``where`` in messages,
same order). Nothing here imports Ray: it is tested without it.

A unit is a plain dict (Ray Data rows are dicts):

- ``{"kind": "file", "path": P}`` - a whole file, read by ``ingest.read_inputs``;
- ``{"kind": "lines", "path": P, "start": B, "end": E, "first_line": L}`` - bytes
  ``[B, E)`` of a JSON Lines file whose first line is line ``L`` of the file;
- ``{"kind": "stdin", "data": BYTES}`` / ``{"kind": "stdin-lines", "data": BYTES,
  "first_line": L}`` - standard input, read on the driver (workers cannot see it);
- ``{"kind": "missing", "path": P}`` - an input that does not exist (one error).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from itertools import chain, repeat
from pathlib import Path
from typing import Any, BinaryIO, Callable

from ..errors import Errors, InputError
from ..model import Article

#: JSON Lines inputs are cut every this many lines, so that a big file feeds
#: every worker and results stream out while the rest is still being read.
SHARD_LINES = 64

Unit = dict[str, Any]


def _shards(path: Path, shard_lines: int) -> list[Unit]:
    """Byte ranges of ``shard_lines`` lines each; ranges of blank lines only are dropped."""
    units: list[Unit] = []
    offset = start = 0
    first = lineno = 1
    count = 0
    has_text = False
    any_text = False
    with path.open("rb") as fh:
        for line in fh:
            if line.strip():
                has_text = True
            offset += len(line)
            count += 1
            lineno += 1
            if count == shard_lines:
                if has_text:
                    units.append({"kind": "lines", "path": str(path), "start": start,
                                  "end": offset, "first_line": first})
                any_text = any_text or has_text
                start, first, count, has_text = offset, lineno, 0, False
    if count and has_text:
        units.append({"kind": "lines", "path": str(path), "start": start, "end": offset,
                      "first_line": first})
    any_text = any_text or has_text
    if not any_text or len(units) == 1:
        return [{"kind": "file", "path": str(path)}]  # empty file: one unit, one E003
    return units


def _stdin_units(data: bytes, shard_lines: int) -> list[Unit]:
    """Standard input as ``ingest.read_stream`` reads it: JSONL if it starts with '{'."""
    if data.lstrip()[:1] != b"{":
        return [{"kind": "stdin", "data": data}]
    lines = data.splitlines(keepends=True)
    units = []
    for i in range(0, len(lines), shard_lines):
        chunk = lines[i:i + shard_lines]
        if any(line.strip() for line in chunk):
            units.append({"kind": "stdin-lines", "data": b"".join(chunk), "first_line": i + 1})
    return units


def plan(paths: Iterable[str | os.PathLike], shard_lines: int = SHARD_LINES,
         stdin: BinaryIO | None = None) -> list[Unit]:
    """The work units of ``paths``, in the order the local engine reads them."""
    from ..ingest import JSONL, _files, _suffix

    units: list[Unit] = []
    for raw in paths:
        if str(raw) == "-":
            import sys

            units.extend(_stdin_units((stdin or sys.stdin.buffer).read(), shard_lines))
            continue
        path = Path(raw)
        if path.is_dir():
            files = list(_files(path))
        elif path.exists():
            files = [path]
        else:
            units.append({"kind": "missing", "path": str(raw)})
            continue
        for f in files:
            if _suffix(f) in JSONL and f.is_file():
                try:
                    units.extend(_shards(f, shard_lines))
                    continue
                except OSError:
                    pass  # the reader will report it
            units.append({"kind": "file", "path": str(f)})
    return units


def _lines(data: bytes, first_line: int) -> Iterator[bytes]:
    # blank lines stand for the lines before the shard: the reader numbers from 1
    return chain(repeat(b"", first_line - 1), data.splitlines())


def read_unit(unit: Unit, published: str | None = None,
              language: str | None = "fr") -> Iterator[Article | InputError]:
    """The articles (and errors) of one unit, as the local engine reads them."""
    from ..ingest import finish, read_inputs, read_stream
    from ..ingest.jsonl import read_jsonl_lines

    kind = unit["kind"]
    if kind in ("file", "missing"):
        yield from read_inputs([unit["path"]], published=published, language=language)
    elif kind == "lines":
        path = Path(unit["path"])
        name = str(path)
        try:
            with path.open("rb") as fh:
                fh.seek(unit["start"])
                data = fh.read(unit["end"] - unit["start"])
        except OSError as err:
            yield InputError(Errors.E001.format(where=name, reason=err.strerror or err), name)
            return
        yield from finish(read_jsonl_lines(_lines(data, unit["first_line"]), name, path.stem),
                          published, language)
    elif kind == "stdin-lines":
        yield from finish(read_jsonl_lines(_lines(unit["data"], unit["first_line"]), "<stdin>", "stdin"),
                          published, language)
    elif kind == "stdin":
        yield from finish(read_stream(io.BytesIO(unit["data"])), published, language)
    else:  # pragma: no cover - plan() makes no other kind
        raise ValueError(f"unknown work unit kind {kind!r}")


def read_units(units: Iterable[Unit], published: str | None = None, language: str | None = "fr",
               keep: Callable[[Article], bool] | None = None) -> Iterator[Article | InputError]:
    """Every item of every unit, in order (what the reading tasks do, one unit each)."""
    for unit in units:
        for item in read_unit(unit, published, language):
            if keep is None or not isinstance(item, Article) or keep(item):
                yield item
