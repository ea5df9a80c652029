"""Scale-out: the same pipeline on Ray Data, from a laptop to a cluster.

    pourparlers extract --engine ray [--workers N] [--address ADDR] PATH... [-o OUT]

Ray is an optional extra (``pip install 'pourparlers[ray]'``); nothing in this
package imports it before it is needed, so ``pourparlers.scale`` imports without it.

- ``iter_records(paths, workers=N, address=...)``: record dicts (and
  ``InputError`` for skipped items), the library entry point (the store's
  ``ingest --engine ray`` can consume it);
- ``run_extract(...)``: what the command does (JSONL or Parquet out, a report);
- ``read_parquet_records`` / ``write_parquet_records``: Parquet <-> record dicts;
- ``units.plan`` / ``units.read_unit``: the reading stage, usable without Ray.
"""

from __future__ import annotations

from .columns import read_parquet_records, write_parquet_records
from .engine import iter_records, iter_rows, ray_available, ray_cluster, require_ray
from .run import run_extract

__all__ = ["iter_records", "iter_rows", "ray_available", "ray_cluster", "require_ray", "run_extract",
           "read_parquet_records", "write_parquet_records"]
