"""Records as Parquet rows: one row per article, a fixed schema, lossless both ways.

The scalar fields of the record (``schema``, ``id``, ``title``, ``url``,
``source``, ``published``, ``language``, ``text``) are columns of their own, so
that DuckDB, pandas or Spark can filter on them; each list (``entities``,
``mentions``, ``quotes``, ``events``, ``timexes``, ``sentences``,
``paragraphs``) is one JSON text column (``json_extract`` in DuckDB), because
their items carry free-form parts (event ``attributes``) that a fixed Arrow
struct cannot hold. ``row_to_record`` rebuilds exactly the dict that
``Record.to_dict`` made, key order included, so a record read back from Parquet
serialises to the same JSON line as ``pourparlers extract`` writes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

SCALARS = ("schema", "id", "title", "url", "source", "published", "language", "text")
LISTS = ("entities", "mentions", "quotes", "events", "timexes", "sentences", "paragraphs")
COLUMNS = SCALARS + LISTS


def record_schema():
    import pyarrow as pa

    fields = [pa.field("schema", pa.int32(), nullable=False), pa.field("id", pa.string(), nullable=False)]
    fields += [pa.field(name, pa.string()) for name in SCALARS[2:]]
    fields += [pa.field(name, pa.string()) for name in LISTS]
    return pa.schema(fields, metadata={b"pourparlers": b"record schema 1; list columns are JSON text"})


def record_to_row(record: dict[str, Any]) -> dict[str, Any]:
    row = {k: record.get(k) for k in SCALARS}
    for k in LISTS:
        row[k] = json.dumps(record.get(k, []), ensure_ascii=False)
    return row


def row_to_record(row: dict[str, Any]) -> dict[str, Any]:
    rec = {k: row.get(k) for k in SCALARS}
    for k in LISTS:
        value = row.get(k)
        rec[k] = json.loads(value) if value else []
    return rec


def rows_table(rows: list[dict[str, Any]]):
    """An Arrow table of record rows (with the fixed schema, even when empty)."""
    import pyarrow as pa

    schema = record_schema()
    return pa.Table.from_pydict({k: [r[k] for r in rows] for k in COLUMNS}, schema=schema)


class ParquetSink:
    """Writes record rows to one Parquet file, or to part files in a directory.

    The file (or each part) is written under a ``.part`` name and renamed when
    complete, so a reader never sees half a file.
    """

    def __init__(self, path: Path, directory: bool, rows_per_file: int = 10_000,
                 row_group: int = 1_000) -> None:
        self.path = Path(path)
        self.directory = directory
        self.rows_per_file = rows_per_file
        self.row_group = row_group
        self.count = 0
        self.files: list[Path] = []
        self._writer = None
        self._target: Path | None = None
        self._in_file = 0
        self._pending: list[dict[str, Any]] = []
        if directory:
            self.path.mkdir(parents=True, exist_ok=True)

    def _open(self) -> None:
        import pyarrow.parquet as pq

        if self.directory:
            self._target = self.path / f"part-{len(self.files):05d}.parquet"
        else:
            self._target = self.path
        tmp = self._target.with_name(self._target.name + ".part")
        self._writer = pq.ParquetWriter(tmp, record_schema(), compression="zstd")
        self._in_file = 0

    def _flush(self) -> None:
        if not self._pending:
            return
        if self._writer is None:
            self._open()
        self._writer.write_table(rows_table(self._pending), row_group_size=self.row_group)
        self._in_file += len(self._pending)
        self._pending = []
        if self.directory and self._in_file >= self.rows_per_file:
            self._close_file()

    def _close_file(self) -> None:
        if self._writer is None:
            return
        self._writer.close()
        tmp = self._target.with_name(self._target.name + ".part")
        os.replace(tmp, self._target)
        self.files.append(self._target)
        self._writer = None

    def write(self, row: dict[str, Any]) -> None:
        self._pending.append(row)
        self.count += 1
        if len(self._pending) >= self.row_group:
            self._flush()

    def close(self) -> None:
        self._flush()
        if self._writer is None and not self.directory and not self.files:
            self._open()  # no record: still an (empty) file with the schema
        self._close_file()

    def abort(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._target.with_name(self._target.name + ".part").unlink(missing_ok=True)
            self._writer = None


def parquet_files(path: str | os.PathLike) -> list[Path]:
    path = Path(path)
    if path.is_dir():
        return sorted(p for p in path.glob("*.parquet"))
    return [path]


def read_parquet_records(path: str | os.PathLike) -> Iterator[dict[str, Any]]:
    """The records of a Parquet file or directory written by the Ray engine."""
    import pyarrow.parquet as pq

    for f in parquet_files(path):
        pf = pq.ParquetFile(f)
        for batch in pf.iter_batches(batch_size=1_000):
            for row in batch.to_pylist():
                yield row_to_record(row)


def write_parquet_records(records: Iterable[dict[str, Any]], path: str | os.PathLike,
                          directory: bool = False) -> int:
    """Write record dicts as Parquet (for tools that have records in hand)."""
    sink = ParquetSink(Path(path), directory)
    try:
        for rec in records:
            sink.write(record_to_row(rec))
    except BaseException:
        sink.abort()
        raise
    sink.close()
    return sink.count
