"""The Ray Data engine: reading tasks, an actor pool of pipelines, records out.

    units (driver) -> flat_map(read)  stateless tasks: files, JSONL line ranges,
                                       WARC files -> one row per article or error
                   -> map_batches(NLPWorker)  actor pool: the spaCy pipeline is
                                       loaded once per actor; Extractor.run,
                                       the call of the local engine
                   -> rows streamed back to the driver, in input order

Every skipped item travels down the stream as an error row, so the driver
prints one line per skipped item and counts them, as the local engine does.
The driver only writes (JSONL or Parquet) and reports; the reading and the
analysis run on the cluster's workers.
"""

from __future__ import annotations

import json
import logging
import os
import site
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import Errors, InputError, UsageError
from ..model import Article
from ..nlp import DEFAULT_MODEL
from .columns import COLUMNS, record_to_row, row_to_record
from .units import SHARD_LINES, Unit, plan, read_unit

#: Ray Data block size: small blocks keep every actor fed and results streaming.
BLOCK_BYTES = 512 * 1024
#: Input blocks of work units at most (a read task takes one block).
MAX_INPUT_BLOCKS = 2_000

_UNIT_KEYS = {"kind": "", "path": "", "start": 0, "end": 0, "first_line": 1, "data": b""}


def ray_available() -> bool:
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True


def require_ray() -> None:
    if not ray_available():
        raise UsageError(Errors.E700)


def _quiet_ray_logs() -> None:
    for name in ("ray", "ray.data", "ray._private", "ray.runtime_env"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _worker_pythonpath() -> str | None:
    """PYTHONPATH that makes local workers import this very pourparlers (a source checkout)."""
    import pourparlers

    root = str(Path(pourparlers.__file__).resolve().parents[1])
    sites = {str(Path(p).resolve()) for p in site.getsitepackages() + [site.getusersitepackages()]}
    if root in sites:
        return None
    parts = [root] + [str(Path(p).resolve()) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    return os.pathsep.join(dict.fromkeys(parts))


def _unreachable(address: str, timeout: float = 10.0) -> str | None:
    """Why ``host:port`` cannot be reached (Ray itself would retry for minutes), or None."""
    import socket

    hostport = address.split("://", 1)[-1].rstrip("/")
    host, _, port = hostport.rpartition(":")
    if not host or not port.isdigit():
        return None  # "auto", or a form Ray resolves itself
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as err:
        return err.strerror or str(err) or type(err).__name__
    return None


def no_usage_report() -> None:
    """No usage statistics sent anywhere, unless the user chose otherwise (env or ~/.ray)."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    os.environ.setdefault("RAY_DATA_USAGE_DISABLED", "1")


@contextmanager
def ray_cluster(workers: int | None = None, address: str | None = None) -> Iterator[dict[str, Any]]:
    """Attach to the cluster at ``address``, or start a local one of ``workers`` CPUs.

    A Ray session already open in this process (a notebook, the tests) is used
    as it is and left open. Yields ``{"cpus": ..., "started": bool}``.
    """
    require_ray()
    import ray

    _quiet_ray_logs()
    if ray.is_initialized():
        yield {"cpus": int(ray.cluster_resources().get("CPU", 1)), "started": False}
        return
    no_usage_report()
    # a source checkout (tests, development): make the workers import this very code
    path = _worker_pythonpath()
    common = dict(logging_level=logging.ERROR, log_to_driver=False, configure_logging=True,
                  runtime_env={"env_vars": {"PYTHONPATH": path}} if path else None)
    if address:
        reason = _unreachable(address)
        if reason:
            raise UsageError(Errors.E701.format(address=address, reason=reason))
        try:
            ray.init(address=address, **common)
        except Exception as err:  # noqa: BLE001 - connection errors of every kind
            lines = str(err).strip().splitlines()
            raise UsageError(Errors.E706.format(address=address,
                                                reason=lines[0] if lines else type(err).__name__)) from None
    else:
        ray.init(address="local", num_cpus=workers or os.cpu_count() or 1, include_dashboard=False,
                 **common)
    try:
        yield {"cpus": int(ray.cluster_resources().get("CPU", 1)), "started": True}
    finally:
        ray.shutdown()


# --------------------------------------------------------------------- stages

def _uniform(unit: Unit) -> Unit:
    return {k: unit.get(k, default) if unit.get(k) is not None else default
            for k, default in _UNIT_KEYS.items()}


@contextmanager
def _working_dir(path: str | None) -> Iterator[None]:
    """Run in the driver's working directory, so that relative input paths (and the
    messages that name them) are those of the command line; a node that lacks it
    stays where it is."""
    here = os.getcwd()
    if not path or path == here or not os.path.isdir(path):
        yield
        return
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(here)


def read_rows(unit: Unit, published: str | None = None, language: str | None = "fr",
              keep: Callable[[Article], bool] | None = None, cwd: str | None = None) -> list[dict[str, str]]:
    """The reading stage (one stateless task per block of units): one row per item."""
    with _working_dir(cwd):
        items = list(read_unit(unit, published, language))
    rows = []
    for item in items:
        if isinstance(item, InputError):
            rows.append({"article": "", "error": str(item), "where": item.where})
        elif keep is None or keep(item):
            rows.append({"article": json.dumps(item.to_dict(), ensure_ascii=False), "error": "",
                         "where": item.origin or item.id})
    return rows


def analyse(extractor, articles: list[Article]) -> list[tuple[dict | None, list[str], str | None]]:
    """(record, warnings, error) per article: exactly what the local engine does.

    The batch goes through ``Extractor.run``, the function of the local engine
    (size and time limits included), one result per article, in order; each
    doc's component failures are kept as warnings. If the batch itself fails,
    each article is retried alone and the one that fails is skipped with an error.
    """
    from ..errors import InputError

    def one(item):
        if isinstance(item, InputError):
            return None, [], str(item)
        return item.to_dict(), list(item.warnings), None

    try:
        return [one(item) for item in extractor.run(articles)]
    except Exception:  # noqa: BLE001 - find the article that breaks the batch
        pass
    out = []
    for art in articles:
        try:
            out.extend(one(item) for item in extractor.run([art]))
        except Exception as err:  # noqa: BLE001 - one article's failure is not the run's
            where = art.origin or art.id
            out.append((None, [], Errors.E017.format(where=where, reason=f"{type(err).__name__}: {err}")))
    return out


def output_schema(fmt: str):
    import pyarrow as pa

    fields = [pa.field("error", pa.string()), pa.field("where", pa.string()),
              pa.field("warnings", pa.list_(pa.string()))]
    if fmt == "jsonl":
        fields.append(pa.field("line", pa.string()))
    else:
        fields += [pa.field(c, pa.int32() if c == "schema" else pa.string()) for c in COLUMNS]
    return pa.schema(fields)


class NLPWorker:
    """The analysis stage: one actor per worker, the pipeline loaded once."""

    def __init__(self, fmt: str = "jsonl", batch_size: int = 16, model: str = DEFAULT_MODEL,
                 max_chars: int | None = None) -> None:
        from ..pipeline import MAX_CHARS, Extractor

        self.fmt = fmt
        self.extractor = Extractor(model=model, batch_size=batch_size, max_chars=max_chars or MAX_CHARS)
        self.schema = output_schema(fmt)

    def __call__(self, batch):
        import pyarrow as pa

        rows = batch.to_pylist()
        articles = [Article.from_dict(json.loads(r["article"])) for r in rows if not r["error"]]
        results = iter(analyse(self.extractor, articles))
        out: dict[str, list] = {name: [] for name in self.schema.names}
        for r in rows:
            record, warnings, error = (None, [], r["error"]) if r["error"] else next(results)
            out["error"].append(error or None)
            out["where"].append(r["where"])
            out["warnings"].append(warnings)
            if self.fmt == "jsonl":
                out["line"].append(json.dumps(record, ensure_ascii=False) if record else None)
            else:
                row = record_to_row(record) if record else {}
                for c in COLUMNS:
                    out[c].append(row.get(c))
        return pa.Table.from_pydict(out, schema=self.schema)


def build_dataset(units: list[Unit], *, published: str | None = None, language: str | None = "fr",
                  batch_size: int = 16, fmt: str = "jsonl", workers: int | None = None,
                  cpus: int = 1, keep: Callable[[Article], bool] | None = None,
                  model: str = DEFAULT_MODEL, ray_batch: int | None = None,
                  ordered: bool = True, max_chars: int | None = None):
    """The Ray Data plan (lazy) from work units to output rows."""
    import ray.data

    if workers:
        pool = ray.data.ActorPoolStrategy(size=workers)
    else:  # attached to a cluster: grow up to one actor per CPU, reading beside them
        pool = ray.data.ActorPoolStrategy(min_size=1, max_size=max(1, cpus - 1))
    ds = ray.data.from_items([_uniform(u) for u in units] or [_uniform({"kind": "none"})],
                             override_num_blocks=max(1, min(len(units), MAX_INPUT_BLOCKS)))
    # the dataset's own copy of the context: the caller's global one is left alone
    ctx = ds.context
    ctx.enable_progress_bars = False
    ctx.execution_options.preserve_order = ordered
    ctx.target_max_block_size = BLOCK_BYTES
    if not units:
        return ds.filter(lambda row: False)
    # reading is light beside the parser: it takes no CPU slot of its own, so the
    # N actors of a N-CPU cluster never starve it (nor it them)
    ds = ds.flat_map(read_rows, fn_kwargs={"published": published, "language": language, "keep": keep,
                                           "cwd": os.getcwd()},
                     num_cpus=0, concurrency=max(1, min(workers or cpus, len(units))))
    return ds.map_batches(NLPWorker, fn_constructor_kwargs={"fmt": fmt, "batch_size": batch_size,
                                                            "model": model, "max_chars": max_chars},
                          # one spaCy batch per actor call: small calls keep every actor busy
                          batch_size=ray_batch or batch_size, batch_format="pyarrow", compute=pool,
                          num_cpus=1)


def iter_rows(paths: Iterable[str | os.PathLike], *, published: str | None = None,
              language: str | None = "fr", batch_size: int = 16, fmt: str = "jsonl",
              workers: int | None = None, address: str | None = None,
              shard_lines: int = SHARD_LINES, keep: Callable[[Article], bool] | None = None,
              stdin: BinaryIO | None = None, model: str = DEFAULT_MODEL,
              ordered: bool = True, max_chars: int | None = None) -> Iterator[dict[str, Any]]:
    """Output rows (``error``, ``where``, ``warnings`` and the record in ``fmt``), in input order.

    Starts (or attaches to) the cluster and shuts it down when exhausted or closed.
    """
    units = plan(paths, shard_lines=shard_lines, stdin=stdin)
    with ray_cluster(workers, address) as cluster:
        if not workers and cluster["started"] and not address:
            workers = cluster["cpus"]  # the local cluster we started: one actor per CPU
        ds = build_dataset(units, published=published, language=language, batch_size=batch_size,
                           fmt=fmt, workers=workers, cpus=cluster["cpus"], keep=keep, model=model,
                           ordered=ordered, max_chars=max_chars)
        for batch in ds.iter_batches(batch_format="pyarrow", batch_size=None):
            yield from batch.to_pylist()


def iter_records(paths: Iterable[str | os.PathLike], *,
                 on_warning: Callable[[str], None] | None = None,
                 **options: Any) -> Iterator[dict[str, Any] | InputError]:
    """Record dicts (as ``Extractor.process`` makes them) and ``InputError`` for skipped items.

    The library entry point of the engine (``pourparlers ingest --engine ray``
    can feed these straight to the store). ``options`` are those of ``iter_rows``.
    """
    options["fmt"] = "parquet"
    for row in iter_rows(paths, **options):
        if row["error"]:
            yield InputError(row["error"], row["where"] or "")
            continue
        if on_warning:
            for problem in row["warnings"] or []:
                on_warning(f"{row['where']}: {problem}")
        yield row_to_record(row)
