"""`pourparlers extract --engine ray`: rows from the cluster to JSONL or Parquet.

The output is chosen by ``-o``: nothing (standard output) or any other name
gives JSONL, exactly the lines of the local engine and in the same order; a
name ending in ``.parquet`` gives one Parquet file; an existing directory (or,
from Python, a name ending in ``/``) gives Parquet part files in it
(``part-00000.parquet``...).
Skipped items are reported through the command's ``Report`` (one line each).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from ..errors import Errors, UsageError
from .columns import ParquetSink


def output_kind(output: Path | None) -> str:
    if output is None:
        return "stdout"
    if output.is_dir() or str(output).endswith(("/", os.sep)):
        return "parquet-dir"
    if output.suffix.lower() == ".parquet":
        return "parquet"
    return "jsonl"


def run_extract(paths: list[str], output: Path | None, report, *, published: str | None = None,
                language: str | None = "fr", batch_size: int = 16, workers: int | None = None,
                address: str | None = None, **options: Any) -> int:
    """Extract on Ray and write the records; returns how many were written."""
    from ..cli import _estimate_total, progress_bar
    from .engine import iter_rows, require_ray

    require_ray()
    if not paths:
        raise UsageError(Errors.E108)
    kind = output_kind(output)
    fmt = "jsonl" if kind in ("stdout", "jsonl") else "parquet"
    total = _estimate_total(paths)
    rows = iter_rows(paths, published=published, language=language, batch_size=batch_size, fmt=fmt,
                     workers=workers, address=address, **options)

    sink: ParquetSink | None = None
    fh = None
    tmp = None
    try:
        if kind == "stdout":
            fh = sys.stdout
        elif kind == "jsonl":
            tmp = output.with_name(output.name + ".part")
            fh = tmp.open("w", encoding="utf-8")
        else:
            sink = ParquetSink(output, directory=kind == "parquet-dir")
    except OSError as err:
        rows.close()
        raise UsageError(Errors.E704.format(path=output, reason=err.strerror or err)) from None

    n = 0
    try:
        with progress_bar() as progress:
            task = progress.add_task("extracting on Ray", total=total, rate="")
            for row in _checked(rows):
                if row["error"]:
                    report.error(row["error"])
                    continue
                report.read += 1
                for problem in row["warnings"] or []:
                    report.warn(f"{row['where']}: {problem}")
                if fh is not None:
                    fh.write(row["line"] + "\n")
                else:
                    sink.write(row)
                n += 1
                elapsed = progress.tasks[0].elapsed or 0
                progress.update(task, advance=1, rate=f"{n / elapsed:.1f} art/s" if elapsed > 0 else "")
            progress.update(task, total=n)
    except BaseException:
        if sink is not None:
            sink.abort()
        if tmp is not None:
            fh.close()
            tmp.unlink(missing_ok=True)
        raise
    if sink is not None:
        sink.close()
    elif tmp is not None:
        fh.close()
        os.replace(tmp, output)
    else:
        sys.stdout.flush()
    return n


def _checked(rows):
    """The rows, with a failure of the Ray job itself turned into one line."""
    try:
        yield from rows
    except UsageError:
        raise
    except Exception as err:  # noqa: BLE001 - Ray's exceptions are many and nested
        reason = str(err).strip().splitlines()
        raise UsageError(Errors.E705.format(reason=reason[-1] if reason else type(err).__name__)) from err
    finally:
        rows.close()
