"""The collection store: records of many articles in one embedded DuckDB file.

    from pourparlers.store import Store
    with Store("news.duckdb") as store:
        store.ingest_records(records)                 # Record objects or their dicts
        for ev in store.events(actor=["Poutine", "Witkoff"], type="CONSULT"):
            print(ev["ordinal"], ev["date"], ev["n_sources"], [s["outlet"] for s in ev["sources"]])
        store.quotes(speaker="Ouchakov", contains="rapprocher")
        store.export("parquet", "out/")

Ingest is idempotent and transactional per batch: an article already stored
with the same content is left alone; one whose content changed has its old rows
replaced; each batch of articles — their rows, the actor registry and the
collection events they affect — is committed at once or not at all.

Every query takes ``limit`` and ``offset`` and returns a :class:`Page` (a list
that also knows the ``total`` number of matches). Actor names given to a query
are resolved through the registry and the alias file (:meth:`Store.resolve_actor`).
All SQL takes user values as parameters, never as text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb

from .. import __version__
from ..fingerprint import engine_fingerprint
from ..errors import Errors, UsageError
from ..model import Record
from ..resolve.names import key, person, role_key
from ..resolve.registry import AliasEntry, AliasIndex, EntityRef, blocks, resolve, tidy
from .merge import EventItem, cluster_group, interval
from .schema import ARTICLE_TABLES, LATEST, MIGRATIONS, TABLES, statements

DEFAULT_DB = "pourparlers.duckdb"
ENV_DB = "POURPARLERS_DB"
SEP = "\x1f"


def default_path() -> Path:
    """``$POURPARLERS_DB``, else ``pourparlers.duckdb`` in the working directory."""
    return Path(os.environ.get(ENV_DB) or DEFAULT_DB)


class Page(list):
    """One page of query results: a list, plus ``total``, ``limit`` and ``offset``."""

    def __init__(self, items: Iterable = (), total: int = 0, limit: int | None = None,
                 offset: int = 0) -> None:
        super().__init__(items)
        self.total = total
        self.limit = limit
        self.offset = offset


@dataclass
class IngestStats:
    """What an ingest did: articles new, replaced (content changed) and unchanged."""

    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    batches: int = 0

    @property
    def stored(self) -> int:
        return self.new + self.replaced


def _hash(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def article_hash(d: dict[str, Any], engine: str | None = None) -> str:
    """The hash of an article (record dict or Article fields) as analysed: its text and
    metadata, and the fingerprint of the engine, so that an upgraded engine analyses
    stored articles again while the same engine skips them."""
    return _hash(d.get("id"), d.get("text"), d.get("title"), d.get("url"), d.get("source"),
                 d.get("published"), d.get("language"), engine or engine_fingerprint())


def outlet_of(source: str | None, url: str | None) -> str | None:
    """The outlet that published an article: its source name, else its web host."""
    if source and source.strip():
        return source.strip()
    if url:
        host = urlsplit(url).hostname or ""
        return host[4:] if host.startswith("www.") else (host or None)
    return None


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def _date_or_none(value: str | None) -> str | None:
    try:
        return dt.date.fromisoformat(value[:10]).isoformat() if value else None
    except (ValueError, TypeError):
        return None


def date_bounds(value: str | None, option: str = "date") -> tuple[dt.date, dt.date] | None:
    """``2025`` → (2025-01-01, 2025-12-31); ``2025-04``; ``2025-04-25``. Else UsageError."""
    if value is None or not str(value).strip():
        return None
    span = interval(str(value).strip())
    if span is None or span.precision not in ("day", "month", "year"):
        raise UsageError(Errors.E505.format(option=option, value=value))
    return span.lo, span.hi


def participant_key(actor_id: str | None, name: str | None) -> str | None:
    """Registry actor id, else the key of the name (unnamed groups: « manifestants »)."""
    if actor_id:
        return actor_id
    k = key(name or "")
    return f"name:{k}" if k else None


def group_key(type_: str, modality: str | None, keys: Iterable[str | None], article_id: str,
              event_id: str) -> str:
    """Events can merge only within a group: same type, modality and participants."""
    ks = sorted({k for k in keys if k})
    if not ks:
        return f"solo:{article_id}{SEP}{event_id}"
    return f"{type_}|{modality or 'asserted'}|{'+'.join(ks)}"


def _refs(refs: Iterable[tuple[str, str]]) -> list[list[str]]:
    refs = list(refs)
    return [[a for a, _ in refs], [b for _, b in refs]]


_REFS = "(SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::VARCHAR[]) AS {col})"


def _interrupted(err: BaseException) -> bool:
    """Is this DuckDB's way of reporting a Ctrl-C received during a query?"""
    if isinstance(err, KeyboardInterrupt):
        return False
    name = type(err).__name__
    return name == "InterruptException" or (isinstance(err, RuntimeError) and "interrupt" in str(err).lower())


class Store:
    """An embedded DuckDB store of records, with the collection's actors and events.

    ``Store(path)`` opens (creating or migrating) the file; ``read_only=True``
    opens an existing store for queries only (several readers may share it).
    Use it as a context manager, or call ``close()``.
    """

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False,
                 keep_open: bool = True) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.read_only = read_only
        self.keep_open = keep_open
        self.migrated_from: int | None = None
        self.backup: Path | None = None
        self._aliases: AliasIndex | None = None
        self._con: duckdb.DuckDBPyConnection | None = None
        self._closed = False
        self.con = self._open()
        if not keep_open:
            self.release()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection; opened again on use after :meth:`release`."""
        if self._con is None:
            if self._closed:
                raise duckdb.ConnectionException("the store is closed")
            self._con = self._connect(self.read_only)
        return self._con

    @con.setter
    def con(self, value: duckdb.DuckDBPyConnection | None) -> None:
        self._con = value

    def release(self) -> None:
        """Let go of the file until the next use, so that other processes can open it.

        DuckDB lets one process write a file and, while it holds it, no other
        process may even read it: ``ingest`` (``keep_open=False``) holds the store
        only while it checks or writes a batch, and the web server answers between.
        """
        if self._con is not None:
            con, self._con = self._con, None
            self._aliases = None  # another process may load an alias file meanwhile
            try:
                con.close()
            except duckdb.Error:  # after a failed write (a full disk): nothing more to save
                pass

    # ---------------------------------------------------------------- opening

    # A writer waits this long for readers (the web server opens the file for each
    # request) to let go of DuckDB's lock; a reader waits this long for a writer's
    # batch to be committed (then the web page says the store is busy: 503).
    WRITER_LOCK_WAIT = 5.0
    READER_LOCK_WAIT = 3.0

    def _turnstile(self, exclusive: bool, deadline: float) -> int | None:
        """The lock file beside the store (``STORE.lock``), locked; None where there is none.

        A writer holds it exclusively while it waits for DuckDB's lock; a reader
        passes through it (shared, at once released) before it opens the file. So
        a writer waiting for the readers of a busy web server to let go is not
        starved by new requests: they wait at the turnstile, briefly.
        """
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            return None
        lock_path = self.path.with_name(self.path.name + ".lock")
        try:
            fd = os.open(lock_path, (os.O_RDWR | os.O_CREAT) if exclusive else os.O_RDONLY, 0o644)
        except OSError:  # no lock file (read-only directory, store not created yet)
            return None
        mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        pause = 0.005
        while True:
            try:
                fcntl.flock(fd, mode)
                return fd
            except BlockingIOError:
                if time.monotonic() + pause > deadline:
                    os.close(fd)
                    return None  # go on: DuckDB's own lock decides
                time.sleep(pause)
                pause = min(pause * 2, 0.1)
            except OSError:  # a file system without flock
                os.close(fd)
                return None

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        if read_only and not self.path.exists():
            raise UsageError(Errors.E502.format(path=self.path))
        deadline = time.monotonic() + (self.READER_LOCK_WAIT if read_only else self.WRITER_LOCK_WAIT)
        pause = 0.01
        gate = self._turnstile(not read_only, deadline)
        if gate is not None and read_only:
            os.close(gate)  # passed through (closing the descriptor releases the lock)
            gate = None
        try:
            while True:
                try:
                    return duckdb.connect(str(self.path), read_only=read_only)
                except duckdb.IOException as err:
                    if "lock" not in str(err).lower() or time.monotonic() + pause > deadline:
                        raise
                    time.sleep(pause)
                    pause = min(pause * 2, 0.2)
        except duckdb.IOException as err:
            msg = str(err)
            if "lock" in msg.lower():
                raise UsageError(Errors.E503.format(path=self.path, reason=msg.splitlines()[0])) from None
            raise UsageError(Errors.E500.format(path=self.path, reason=msg.splitlines()[0])) from None
        except duckdb.Error as err:
            raise UsageError(Errors.E500.format(path=self.path, reason=str(err).splitlines()[0])) from None
        finally:
            if gate is not None:
                os.close(gate)

    @staticmethod
    def _version(con: duckdb.DuckDBPyConnection, path: Path) -> int:
        tables = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if not tables:
            return 0
        if "schema_version" not in tables:
            raise UsageError(Errors.E500.format(path=path, reason="it has no schema_version table"))
        return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]

    def _open(self) -> duckdb.DuckDBPyConnection:
        con = self._connect(self.read_only)
        try:
            version = self._version(con, self.path)
        except duckdb.Error as err:  # a damaged file that DuckDB could open
            con.close()
            raise UsageError(Errors.E500.format(path=self.path, reason=str(err).splitlines()[0])) from None
        except UsageError:
            con.close()
            raise
        if version > LATEST:
            con.close()
            raise UsageError(Errors.E501.format(path=self.path, found=version, supported=LATEST))
        if version < LATEST:
            if self.read_only:
                con.close()
                con = self._connect(False)
                self._migrate(con, version)
                con.close()
                con = self._connect(True)
            else:
                self._migrate(con, version)
        return con

    def _migrate(self, con: duckdb.DuckDBPyConnection, version: int, target: int = LATEST) -> None:
        """Apply the missing migrations, each in one transaction; copy an old store aside first."""
        if version >= 1:
            con.execute("CHECKPOINT")
            self.backup = self.path.with_name(f"{self.path.name}.v{version}.bak")
            shutil.copy2(self.path, self.backup)
            self.migrated_from = version
        rebuild = False
        for v, description, sql, needs_rebuild in MIGRATIONS:
            if v <= version or v > target:
                continue
            con.begin()
            try:
                for statement in statements(sql):
                    con.execute(statement)
                con.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                            [v, dt.datetime.now(), description])
                con.commit()
            except duckdb.Error as err:
                con.rollback()
                raise UsageError(Errors.E506.format(path=self.path, old=version, new=v, reason=err,
                                                    backup=self.backup)) from None
            rebuild = rebuild or (needs_rebuild and version >= 1)
        if rebuild and target == LATEST:
            self.con = con
            self.rebuild()

    def close(self) -> None:
        self.release()
        self._closed = True

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def version(self) -> int:
        return self._version(self.con, self.path)

    # ---------------------------------------------------------------- helpers

    def _rows(self, sql: str, params: Sequence = ()) -> list[tuple]:
        return self.con.execute(sql, list(params)).fetchall()

    def _dicts(self, sql: str, params: Sequence = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def _insert(self, table: str, columns: Sequence[str], types: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> None:
        """Bulk insert: one parameter per column, unnested (fast in DuckDB)."""
        if not rows:
            return
        cols = [list(c) for c in zip(*rows)]
        select = ", ".join(f"unnest(?::{t}[])" for t in types)
        self.con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select}", cols)

    def counts(self) -> dict[str, int]:
        """Rows per table (and view)."""
        return {t: self._rows(f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}

    @property
    def alias_index(self) -> AliasIndex:
        if self._aliases is None:
            self._aliases = AliasIndex(self.alias_entries())
        return self._aliases

    def alias_entries(self) -> list[AliasEntry]:
        """The alias file loaded into this store (see :meth:`set_aliases`)."""
        return [AliasEntry(c, tuple(a or ()), t, k) for c, a, t, k in self._rows(
            "SELECT canonical, aliases, type, country FROM alias_entries ORDER BY position")]

    # ---------------------------------------------------------------- ingest

    def is_unchanged(self, article: Any) -> bool:
        """Whether this article (an ``Article`` or record dict) is stored with the same content."""
        d = article if isinstance(article, dict) else {
            "id": article.id, "text": article.text, "title": article.title, "url": article.url,
            "source": article.source, "published": article.published, "language": article.language}
        row = self._rows("SELECT content_hash FROM articles WHERE article_id = ?", [d["id"]])
        return bool(row) and row[0][0] == article_hash(d)

    def unchanged_ids(self, articles: Iterable[Any]) -> set[str]:
        """The ids of these articles (``Article`` objects or record dicts) stored with the same content."""
        hashes: dict[str, str] = {}
        for a in articles:
            d = a if isinstance(a, dict) else {
                "id": a.id, "text": a.text, "title": a.title, "url": a.url, "source": a.source,
                "published": a.published, "language": a.language}
            hashes[d["id"]] = article_hash(d)
        if not hashes:
            return set()
        try:
            rows = self._rows("SELECT article_id, content_hash FROM articles WHERE article_id IN "
                              "(SELECT unnest(?::VARCHAR[]))", [list(hashes)])
        finally:
            if not self.keep_open:
                self.release()
        return {aid for aid, h in rows if hashes.get(aid) == h}

    def ingest_records(self, records: Iterable[Record | dict[str, Any]], commit_every: int = 128,
                       force: bool = False,
                       progress: Callable[[str, IngestStats], None] | None = None) -> IngestStats:
        """Store records, ``commit_every`` articles per transaction.

        ``force`` re-stores unchanged articles too (after an engine upgrade).
        ``progress(stage, stats)`` is called with ``"stored"`` (rows written, not yet
        committed) and ``"committed"`` for each batch.
        """
        if self.read_only:
            raise UsageError(Errors.E503.format(path=self.path, reason="opened read-only"))
        stats = IngestStats()
        batch: list[dict[str, Any]] = []
        for rec in records:
            if isinstance(rec, Record):
                d = rec.to_dict()
                d["origin"] = rec.article.origin
            else:
                d = rec
            batch.append(d)
            if len(batch) >= commit_every:
                self._ingest_batch(batch, force, stats, progress)
                batch = []
        if batch:
            self._ingest_batch(batch, force, stats, progress)
        return stats

    def _ingest_batch(self, batch: list[dict[str, Any]], force: bool, stats: IngestStats,
                      progress: Callable[[str, IngestStats], None] | None) -> None:
        latest: dict[str, dict[str, Any]] = {}
        for d in batch:
            latest[d["id"]] = d  # the same id twice in a batch: the later one wins
        self.con.begin()
        try:
            existing = dict(self._rows(
                "SELECT article_id, content_hash FROM articles WHERE article_id IN "
                "(SELECT unnest(?::VARCHAR[]))", [list(latest)]))
            todo: list[tuple[dict[str, Any], str]] = []
            for aid, d in latest.items():
                h = article_hash(d)
                if existing.get(aid) == h and not force:
                    stats.unchanged += 1
                    continue
                if aid in existing:
                    stats.replaced += 1
                else:
                    stats.new += 1
                todo.append((d, h))
            if todo:
                replaced = [d["id"] for d, _ in todo if d["id"] in existing]
                seeds = self._forget(replaced)
                self._write(todo)
                if progress:
                    progress("stored", stats)
                new_ids = [d["id"] for d, _ in todo]
                self._update_derived(new_ids, *seeds)
            self.con.commit()
        except BaseException as err:
            try:
                self.con.rollback()
            except Exception:  # noqa: BLE001 - nothing to roll back after an interrupted commit
                pass
            if _interrupted(err):
                # Ctrl-C that DuckDB caught inside a query: the batch is rolled back,
                # the interrupt goes on as the user meant it
                raise KeyboardInterrupt from None
            raise
        finally:
            if not self.keep_open:
                self.release()  # the file is free for readers until the next batch
        stats.batches += 1
        if progress:
            progress("committed", stats)

    def _forget(self, article_ids: list[str]) -> tuple[set[str], set[str], set[str]]:
        """Delete the rows of articles about to be replaced; return what they touched."""
        if not article_ids:
            return set(), set(), set()
        p = [article_ids]
        inn = "article_id IN (SELECT unnest(?::VARCHAR[]))"
        old_blocks = {r[0] for r in self._rows(f"SELECT DISTINCT block FROM entity_blocks WHERE {inn}", p)}
        old_actors = {r[0] for r in self._rows(
            f"SELECT DISTINCT actor_id FROM entities WHERE {inn} AND actor_id IS NOT NULL", p)}
        old_groups = {r[0] for r in self._rows(
            f"SELECT DISTINCT group_key FROM events WHERE {inn} AND group_key IS NOT NULL", p)}
        for table in ARTICLE_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE {inn}", p)
        return old_blocks, old_actors, old_groups

    def _write(self, todo: list[tuple[dict[str, Any], str]]) -> None:
        now = dt.datetime.now()
        aliases = self.alias_index
        arts, ents, blks, ments, quotes, events, parts, srcs, tims = ([] for _ in range(9))
        for d, h in todo:
            aid = d["id"]
            arts.append((aid, d.get("title"), d.get("url"), d.get("source"),
                         outlet_of(d.get("source"), d.get("url")), _date_or_none(d.get("published")),
                         d.get("language"), d["text"], h, _hash(d["text"]), d.get("origin"),
                         __version__, now, json.dumps(d.get("sentences") or []),
                         json.dumps(d.get("paragraphs") or [])))
            by_key: dict[str, set[str]] = defaultdict(set)
            for e in d.get("entities") or []:
                ents.append((aid, e["id"], e["name"], e.get("type"), list(e.get("roles") or []),
                             list(e.get("aliases") or []),
                             person(e["name"]).key if e.get("type") == "PER" else None))
                ref = EntityRef(aid, e["id"], e["name"], e.get("type") or "MISC",
                                tuple(e.get("aliases") or ()))
                blks.extend((aid, e["id"], b) for b in sorted(blocks(ref, aliases)))
                for k in ref.keys:
                    by_key[k].add(e["id"])

            def entity_for(given: str | None, name: str | None) -> str | None:
                if given:
                    return given
                hits = by_key.get(key(name or ""), set())
                return next(iter(hits)) if len(hits) == 1 else None

            for m in d.get("mentions") or []:
                ments.append((aid, m["start"], m["end"], m.get("text"), m.get("label"), m.get("entity")))
            for q in d.get("quotes") or []:
                ss, cs = q.get("speaker_span") or {}, q.get("cue_span") or {}
                name = q.get("speaker_name")
                quotes.append((aid, q["id"], q.get("text"), q.get("start"), q.get("end"), q.get("kind"),
                               q.get("speaker"), name, entity_for(q.get("speaker"), name),
                               key(name) if name else None, q.get("cue"), q.get("speaker_named", True),
                               ss.get("start"), ss.get("end"), ss.get("text"),
                               cs.get("start"), cs.get("end"), cs.get("text"),
                               _date_or_none(d.get("published"))))
            for ev in d.get("events") or []:
                evid, tr = ev.get("evidence") or {}, ev.get("trigger") or {}
                span = interval(ev.get("date"))
                events.append((aid, ev["id"], ev["type"], ev.get("mode"), ev.get("date"),
                               ev.get("location"), ev.get("modality") or "asserted",
                               evid.get("start"), evid.get("end"), evid.get("text"),
                               tr.get("start"), tr.get("end"), tr.get("text"),
                               json.dumps(ev.get("attributes") or {}, ensure_ascii=False),
                               span.lo if span else None, span.hi if span else None))
                for role, plist in (("actor", ev.get("actors") or []), ("target", ev.get("targets") or [])):
                    for i, pt in enumerate(plist):
                        parts.append((aid, ev["id"], role, i, pt.get("entity"),
                                      entity_for(pt.get("entity"), pt.get("name")), pt.get("name")))
                src = ev.get("source")
                if src:
                    srcs.append((aid, ev["id"], src.get("name"), src.get("entity"), src.get("quote")))
            for t in d.get("timexes") or []:
                tims.append((aid, t["start"], t["end"], t.get("text"), t.get("type"), t.get("value")))
        V, I, D, J = "VARCHAR", "INTEGER", "DATE", "JSON"
        self._insert("articles", ["article_id", "title", "url", "source", "outlet", "published",
                                  "language", "text", "content_hash", "text_hash", "origin",
                                  "engine_version", "ingested_at", "sentences", "paragraphs"],
                     [V, V, V, V, V, D, V, V, V, V, V, V, "TIMESTAMP", J, J], arts)
        self._insert("entities", ["article_id", "entity_id", "name", "type", "roles", "aliases", "person_key"],
                     [V, V, V, V, "VARCHAR[]", "VARCHAR[]", V], ents)
        self._insert("entity_blocks", ["article_id", "entity_id", "block"], [V, V, V], blks)
        self._insert("mentions", ["article_id", "start_char", "end_char", "text", "label", "entity_id"],
                     [V, I, I, V, V, V], ments)
        self._insert("quotes", ["article_id", "quote_id", "text", "start_char", "end_char", "kind",
                                "speaker_entity", "speaker_name", "speaker_ref", "speaker_key", "cue",
                                "speaker_named", "speaker_start", "speaker_end", "speaker_text",
                                "cue_start", "cue_end", "cue_text", "published"],
                     [V, V, V, I, I, V, V, V, V, V, V, "BOOLEAN", I, I, V, I, I, V, D], quotes)
        self._insert("events", ["article_id", "event_id", "type", "mode", "date", "location",
                                "modality", "evidence_start", "evidence_end", "evidence_text",
                                "trigger_start", "trigger_end", "trigger_text", "attributes",
                                "date_lo", "date_hi"],
                     [V, V, V, V, V, V, V, I, I, V, I, I, V, J, D, D], events)
        self._insert("event_participants", ["article_id", "event_id", "role", "position",
                                            "entity_id", "entity_ref", "name"],
                     [V, V, V, I, V, V, V], parts)
        self._insert("event_sources", ["article_id", "event_id", "name", "entity_id", "quote_id"],
                     [V, V, V, V, V], srcs)
        self._insert("timexes", ["article_id", "start_char", "end_char", "text", "type", "value"],
                     [V, I, I, V, V, V], tims)

    # ---------------------------------------------------------------- derived: registry

    def _update_derived(self, new_ids: list[str], old_blocks: set[str], old_actors: set[str],
                        old_groups: set[str]) -> None:
        new_ents, _ = self._entity_refs(None, articles=new_ids)
        if old_blocks or old_actors:
            fast, slow = {}, new_ents  # a replaced article: recompute what it touched
        else:
            fast, slow = self._fast_assign(new_ents)
        if fast:
            self._set_actors(fast)
        changed = set(fast)
        written = set(fast.values())
        if slow or old_blocks or old_actors:
            seed = set(old_blocks) | {r[0] for r in self._rows(
                f"SELECT DISTINCT b.block FROM entity_blocks b JOIN {_REFS.format(col='entity_id')} r "
                "USING (article_id, entity_id)", _refs(e.ref for e in slow))}
            more, ids = self._update_registry(seed, old_actors)
            changed |= more
            written |= ids
        self._refresh_actor_stats(written)
        self._update_quote_speakers(new_ids, changed)
        self._update_events(new_ids, changed, old_groups)

    def _refresh_actor_stats(self, actor_ids: set[str] | None) -> None:
        """Articles, first and last publication of these actors (all with None)."""
        where, params = "", []
        if actor_ids is not None:
            if not actor_ids:
                return
            where, params = "AND en.actor_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(actor_ids)]
        self.con.execute(
            "UPDATE actors SET n_articles = s.n, first_seen = s.f, last_seen = s.l FROM ("
            "SELECT en.actor_id, count(DISTINCT en.article_id) AS n, min(a.published) AS f, max(a.published) AS l "
            "FROM entities en JOIN articles a USING (article_id) WHERE en.actor_id IS NOT NULL "
            f"{where} GROUP BY en.actor_id) s WHERE actors.actor_id = s.actor_id", params)

    def _update_quote_speakers(self, new_ids: list[str] | None, changed: set[tuple[str, str]]) -> None:
        """``quotes.speaker_actor_id`` of new articles and of speakers whose actor changed."""
        if new_ids is None:
            self.con.execute("UPDATE quotes SET speaker_actor_id = en.actor_id FROM entities en "
                             "WHERE en.article_id = quotes.article_id AND en.entity_id = quotes.speaker_ref")
            return
        self.con.execute("UPDATE quotes SET speaker_actor_id = en.actor_id FROM entities en "
                         "WHERE en.article_id = quotes.article_id AND en.entity_id = quotes.speaker_ref "
                         "AND quotes.article_id IN (SELECT unnest(?::VARCHAR[]))", [new_ids])
        if changed:
            self.con.execute(
                "UPDATE quotes SET speaker_actor_id = en.actor_id FROM entities en "
                f"JOIN {_REFS.format(col='entity_id')} r USING (article_id, entity_id) "
                "WHERE en.article_id = quotes.article_id AND en.entity_id = quotes.speaker_ref", _refs(changed))

    def _fast_assign(self, ents: list[EntityRef]) -> tuple[dict[tuple[str, str], str], list[EntityRef]]:
        """New entities whose actor is already decided: a known name of one actor.

        An entity takes the fast path only when adding it cannot change any other
        decision of the registry (see ``resolve``): its name (person name, or every
        name and alias of an organisation) already belongs to exactly one actor, with
        the same spellings, its person name was not decided article by article, and,
        if it brings a distinctive role, no name of its block was. Everything else is
        resolved again with its whole block.
        """
        index = self.alias_index
        people = [e for e in ents if e.type == "PER"]
        others = [e for e in ents if e.type != "PER"]
        pk_actors: dict[str, set[str]] = defaultdict(set)
        for pk, actor in self._rows(
                "SELECT DISTINCT person_key, actor_id FROM entities WHERE type = 'PER' AND actor_id IS NOT NULL "
                "AND person_key IN (SELECT unnest(?::VARCHAR[]))", [sorted({person(e.name).key for e in people})]):
            pk_actors[pk].add(actor)
        amb_keys, amb_blocks = set(), set()
        for block, node in self._rows(
                "SELECT block, node_key FROM registry_ambiguous WHERE block IN (SELECT unnest(?::VARCHAR[]))",
                [sorted({f"per:{person(e.name).last}" for e in people})]):
            amb_keys.add(node)
            amb_blocks.add(block)
        block_actors: dict[str, set[str]] = defaultdict(set)
        for block, actor in self._rows(
                "SELECT DISTINCT b.block, en.actor_id FROM entity_blocks b JOIN entities en "
                "ON en.article_id = b.article_id AND en.entity_id = b.entity_id "
                "WHERE en.actor_id IS NOT NULL AND b.block IN (SELECT unnest(?::VARCHAR[]))",
                [sorted({b for e in others for b in blocks(e)})]):
            block_actors[block].add(actor)
        cands = set().union(*pk_actors.values(), *block_actors.values()) | {a.actor_id for a in index.entries}
        spellings: dict[str, set[str]] = defaultdict(set)
        for actor, alias in self._rows(
                "SELECT actor_id, alias FROM actor_aliases WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))",
                [sorted(cands)]):
            spellings[actor].add(alias)
        fast: dict[tuple[str, str], str] = {}
        slow: list[EntityRef] = []
        for e in ents:
            spelt = {tidy(n) for n in (e.name, *e.aliases)} - {""}
            entry = index.match(e) if index else None
            if entry is not None:
                actor = entry.actor_id if entry.type else None
            elif e.type == "PER":
                p = person(e.name)
                block = f"per:{p.last}"
                acts = pk_actors.get(p.key, set())
                roles = any(role_key(r) for r in e.roles)
                ok = (blocks(e) == {block} and len(acts) == 1 and p.key not in amb_keys
                      and not (roles and block in amb_blocks))
                actor = next(iter(acts)) if ok else None
            else:
                bl = blocks(e)
                acts = set().union(*(block_actors.get(b, set()) for b in bl))
                actor = next(iter(acts)) if bl and len(acts) == 1 and all(b in block_actors for b in bl) else None
            if actor is not None and spelt <= spellings.get(actor, set()):
                fast[e.ref] = actor
            else:
                slow.append(e)
        return fast, slow

    def _set_actors(self, assign: dict[tuple[str, str], str | None]) -> None:
        refs = list(assign)
        self.con.execute(
            "UPDATE entities SET actor_id = t.actor_id FROM (SELECT unnest(?::VARCHAR[]) AS a, "
            "unnest(?::VARCHAR[]) AS e, unnest(?::VARCHAR[]) AS actor_id) t "
            "WHERE entities.article_id = t.a AND entities.entity_id = t.e",
            _refs(refs) + [[assign[r] for r in refs]])

    def _closure(self, seed_blocks: set[str], seed_actors: set[str]
                 ) -> tuple[set[tuple[str, str]], set[str], set[str]]:
        """Every entity whose actor may change when these blocks or actors change."""
        index = self.alias_index
        anchor_blocks = {e.actor_id: index.person_blocks(e) | {f"alias:{e.actor_id}"}
                         for e in index.entries}
        blocks_, actors_ = set(seed_blocks), {a for a in seed_actors if a}
        ents: set[tuple[str, str]] = set()
        while True:
            for aid, bl in anchor_blocks.items():
                if aid in actors_ or bl & blocks_:
                    actors_.add(aid)
                    blocks_ |= bl
            found = set(self._rows(
                "SELECT article_id, entity_id FROM entity_blocks WHERE block IN (SELECT unnest(?::VARCHAR[])) "
                "UNION SELECT article_id, entity_id FROM entities WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))",
                [sorted(blocks_), sorted(actors_)]))
            fresh = found - ents
            if not fresh:
                return ents, actors_, blocks_
            ents |= fresh
            p = _refs(fresh)
            more_blocks = {r[0] for r in self._rows(
                f"SELECT DISTINCT b.block FROM entity_blocks b JOIN {_REFS.format(col='entity_id')} r "
                "USING (article_id, entity_id)", p)}
            more_actors = {r[0] for r in self._rows(
                f"SELECT DISTINCT e.actor_id FROM entities e JOIN {_REFS.format(col='entity_id')} r "
                "USING (article_id, entity_id) WHERE e.actor_id IS NOT NULL", p)}
            blocks_ |= more_blocks
            actors_ |= more_actors

    def _entity_refs(self, refs: set[tuple[str, str]] | None, articles: list[str] | None = None
                     ) -> tuple[list[EntityRef], dict]:
        sql = ("SELECT en.article_id, en.entity_id, en.name, en.type, en.aliases, en.roles, en.actor_id, "
               "a.published FROM entities en JOIN articles a USING (article_id)")
        params: list = []
        if refs is not None:
            sql += f" JOIN {_REFS.format(col='entity_id')} r USING (article_id, entity_id)"
            params = _refs(refs)
        elif articles is not None:
            sql += " WHERE en.article_id IN (SELECT unnest(?::VARCHAR[]))"
            params = [list(articles)]
        out, old = [], {}
        for aid, eid, name, typ, aliases, roles, actor, published in self._rows(sql, params):
            out.append(EntityRef(aid, eid, name, typ or "MISC", tuple(aliases or ()), tuple(roles or ()),
                                 _iso(published)))
            old[(aid, eid)] = actor
        return out, old

    def _update_registry(self, seed_blocks: set[str], seed_actors: set[str], everything: bool = False
                         ) -> tuple[set[tuple[str, str]], set[str]]:
        """Re-resolve the affected entities; return those whose actor changed, and the actors written."""
        if everything:
            ents, old = self._entity_refs(None)
            touched = {r[0] for r in self._rows("SELECT actor_id FROM actors")}
            keep = {e.actor_id for e in self.alias_index.entries}
            self.con.execute("DELETE FROM registry_ambiguous")
        else:
            refs, touched, closure_blocks = self._closure(seed_blocks, seed_actors)
            if not refs and not touched:
                return set(), set()
            self.con.execute("DELETE FROM registry_ambiguous WHERE block IN (SELECT unnest(?::VARCHAR[]))",
                             [sorted(closure_blocks)])
            ents, old = self._entity_refs(refs)
            touched = set(touched) | {a for a in old.values() if a}
            keep = {e.actor_id for e in self.alias_index.entries} & touched
        decided = resolve(ents, self.alias_index.entries, keep=keep)
        # an id already used by an actor outside this computation gets a suffix
        taken = {r[0] for r in self._rows(
            "SELECT actor_id FROM actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[])) "
            "AND actor_id NOT IN (SELECT unnest(?::VARCHAR[]))",
            [[a.actor_id for a in decided], sorted(touched)])}
        for a in decided:
            base, n = a.actor_id, 2
            while a.actor_id in taken:
                a.actor_id = f"{base}-{n}"
                n += 1
        self.con.execute("DELETE FROM actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(touched)])
        self.con.execute("DELETE FROM actor_aliases WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))",
                         [sorted(touched)])
        self._insert("actors", ["actor_id", "name", "type", "country", "origin", "explanation"],
                     ["VARCHAR"] * 5 + ["JSON"],
                     [(a.actor_id, a.name, a.type, a.country, a.origin,
                       json.dumps(a.explanation, ensure_ascii=False)) for a in decided])
        alias_rows = []
        for a in decided:
            seen = set()
            for alias in sorted(a.aliases | {a.name}):
                k = key(alias)
                if k and (alias, k) not in seen:
                    seen.add((alias, k))
                    alias_rows.append((a.actor_id, alias, k))
        self._insert("actor_aliases", ["actor_id", "alias", "alias_key"], ["VARCHAR"] * 3, alias_rows)
        self._insert("registry_ambiguous", ["block", "node_key"], ["VARCHAR"] * 2,
                     sorted({(f"per:{k.split()[-1]}", k) for a in decided for k in a.ambiguous_keys if k}))
        new = {m: a.actor_id for a in decided for m in a.members}
        changed = {r for r in old if old[r] != new.get(r)}
        if changed:
            self._set_actors({r: new.get(r) for r in changed})
        return changed, {a.actor_id for a in decided}

    # ---------------------------------------------------------------- derived: collection events

    def _update_events(self, new_ids: list[str], changed: set[tuple[str, str]],
                       old_groups: set[str], everything: bool = False) -> None:
        if everything:
            where, params = "", []
        else:
            ids = sorted(set(new_ids))
            p = _refs(changed)
            where = ("WHERE e.article_id IN (SELECT unnest(?::VARCHAR[])) OR (e.article_id, e.event_id) IN "
                     "(SELECT p.article_id, p.event_id FROM event_participants p JOIN "
                     f"{_REFS.format(col='entity_ref')} r USING (article_id, entity_ref))")
            params = [ids] + p
        rows = self._rows(f"SELECT e.article_id, e.event_id, e.type, e.modality, e.group_key FROM events e {where}",
                          params)
        if not rows and not old_groups:
            return
        refs = [(r[0], r[1]) for r in rows]
        keys: dict[tuple[str, str], list[str | None]] = defaultdict(list)
        for aid, evid, actor, name in self._rows(
                "SELECT p.article_id, p.event_id, en.actor_id, p.name FROM event_participants p "
                f"JOIN {_REFS.format(col='event_id')} r USING (article_id, event_id) "
                "LEFT JOIN entities en ON en.article_id = p.article_id AND en.entity_id = p.entity_ref",
                _refs(refs)):
            keys[(aid, evid)].append(participant_key(actor, name))
        groups = set(old_groups)
        updates = []
        for aid, evid, typ, modality, old in rows:
            g = group_key(typ, modality, keys.get((aid, evid), []), aid, evid)
            if old:
                groups.add(old)
            groups.add(g)
            if g != old:
                updates.append((aid, evid, g))
        if updates:
            self.con.execute(
                "UPDATE events SET group_key = t.g FROM (SELECT unnest(?::VARCHAR[]) AS a, "
                "unnest(?::VARCHAR[]) AS e, unnest(?::VARCHAR[]) AS g) t "
                "WHERE events.article_id = t.a AND events.event_id = t.e",
                [[u[0] for u in updates], [u[1] for u in updates], [u[2] for u in updates]])
        self._recluster(groups, set(refs), everything)

    def _recluster(self, groups: set[str], dirty: set[tuple[str, str]], everything: bool = False) -> None:
        """Cluster the events of these groups again; rewrite the collection events that changed.

        A collection event is kept as it is when it has exactly the same reports as
        before and none of them is new or changed (``dirty``).
        """
        g = [sorted(groups)]
        old: dict[str, set[tuple[str, str]]] = defaultdict(set)
        if everything:
            for t in ("collection_event_links", "collection_event_actors", "collection_events"):
                self.con.execute(f"DELETE FROM {t}")
            gwhere, gp = "e.group_key IS NOT NULL", []
        else:
            for cid, aid, evid in self._rows(
                    "SELECT l.cevent_id, l.article_id, l.event_id FROM collection_event_links l "
                    "JOIN collection_events ce USING (cevent_id) WHERE ce.group_key IN (SELECT unnest(?::VARCHAR[]))", g):
                old[cid].add((aid, evid))
            for cid in self._rows("SELECT cevent_id FROM collection_events WHERE group_key IN "
                                  "(SELECT unnest(?::VARCHAR[]))", g):
                old.setdefault(cid[0], set())
            gwhere, gp = "e.group_key IN (SELECT unnest(?::VARCHAR[]))", g
        items: dict[tuple[str, str], EventItem] = {}
        by_group: dict[str, list[EventItem]] = defaultdict(list)
        report: dict[tuple[str, str], tuple] = {}
        for (aid, evid, typ, modality, mode, date, location, gk, published, outlet, th,
             attributed, url, title, ev_start, ev_end, ev_text) in self._rows(
                "SELECT e.article_id, e.event_id, e.type, e.modality, e.mode, e.date, e.location, "
                "e.group_key, a.published, a.outlet, a.text_hash, s.name, a.url, a.title, "
                "e.evidence_start, e.evidence_end, e.evidence_text FROM events e "
                "JOIN articles a USING (article_id) "
                "LEFT JOIN event_sources s ON s.article_id = e.article_id AND s.event_id = e.event_id "
                f"WHERE {gwhere}", gp):
            it = EventItem(aid, evid, typ, modality or "asserted", mode, date, location, _iso(published),
                           outlet, th, attributed)
            items[(aid, evid)] = it
            by_group[gk].append(it)
            report[(aid, evid)] = (published, outlet, url, title, date, mode, location, ev_start, ev_end,
                                   ev_text, attributed)
        for aid, evid, role, name, actor, actor_name in self._rows(
                "SELECT p.article_id, p.event_id, p.role, p.name, en.actor_id, ac.name FROM event_participants p "
                "JOIN events e ON e.article_id = p.article_id AND e.event_id = p.event_id "
                "LEFT JOIN entities en ON en.article_id = p.article_id AND en.entity_id = p.entity_ref "
                "LEFT JOIN actors ac ON ac.actor_id = en.actor_id "
                f"WHERE {gwhere} ORDER BY p.article_id, p.event_id, p.role, p.position", gp):
            k = participant_key(actor, name)
            if k and (aid, evid) in items:
                items[(aid, evid)].participants.append((k, actor_name or name, role))
        ces, links, cacts = [], [], []
        keep: set[str] = set()
        for gk in sorted(by_group):
            for cluster in cluster_group(by_group[gk]):
                refs = {m.ref for m in cluster.members}
                if cluster.id in old and old[cluster.id] == refs and not refs & dirty:
                    keep.add(cluster.id)
                    continue
                s = cluster.summary()
                ces.append((s["cevent_id"], gk, s["type"], s["mode"], s["modality"], s["date"],
                            s["date_lo"], s["date_hi"], s["precision"], s["location"],
                            s["first_published"], s["first_article_id"], s["n_articles"],
                            s["n_sources"], s["n_independent"],
                            json.dumps(s["explanation"], ensure_ascii=False)))
                links.extend((s["cevent_id"], a, e, why, *report[(a, e)]) for a, e, why in s["links"])
                cacts.extend((s["cevent_id"], k, None if k.startswith("name:") else k, n, r)
                             for k, n, r in s["participants"])
        stale = sorted(set(old) - keep)
        if stale:
            for t in ("collection_event_links", "collection_event_actors", "collection_events"):
                self.con.execute(f"DELETE FROM {t} WHERE cevent_id IN (SELECT unnest(?::VARCHAR[]))", [stale])
        V = "VARCHAR"
        self._insert("collection_events",
                     ["cevent_id", "group_key", "type", "mode", "modality", "date", "date_lo", "date_hi",
                      "precision", "location", "first_published", "first_article_id", "n_articles",
                      "n_sources", "n_independent", "explanation"],
                     [V, V, V, V, V, V, "DATE", "DATE", V, V, "DATE", V, "INTEGER", "INTEGER", "INTEGER",
                      "JSON"], ces)
        self._insert("collection_event_links",
                     ["cevent_id", "article_id", "event_id", "reason", "published", "outlet", "url", "title",
                      "date", "mode", "location", "evidence_start", "evidence_end", "evidence_text",
                      "attributed_to"],
                     [V, V, V, V, "DATE", V, V, V, V, V, V, "INTEGER", "INTEGER", V, V], links)
        self._insert("collection_event_actors", ["cevent_id", "actor_key", "actor_id", "name", "role"],
                     [V] * 5, cacts)

    # ---------------------------------------------------------------- rebuild and aliases

    def rebuild(self) -> None:
        """Recompute every derived table (blocks, registry, collection events) in one transaction."""
        self.con.begin()
        try:
            self._rebuild()
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    def _rebuild(self) -> None:
        self._aliases = None
        self.con.execute("DELETE FROM entity_blocks")
        ents, _ = self._entity_refs(None)
        people = [e for e in ents if e.type == "PER"]
        if people:
            self.con.execute(
                "UPDATE entities SET person_key = t.k FROM (SELECT unnest(?::VARCHAR[]) AS a, "
                "unnest(?::VARCHAR[]) AS e, unnest(?::VARCHAR[]) AS k) t "
                "WHERE entities.article_id = t.a AND entities.entity_id = t.e",
                _refs(e.ref for e in people) + [[person(e.name).key for e in people]])
        index = self.alias_index
        self._insert("entity_blocks", ["article_id", "entity_id", "block"], ["VARCHAR"] * 3,
                     [(e.article_id, e.entity_id, b) for e in ents for b in sorted(blocks(e, index))])
        self.con.execute("DELETE FROM actors")
        self.con.execute("DELETE FROM actor_aliases")
        self.con.execute("UPDATE entities SET actor_id = NULL")
        self.con.execute("UPDATE events SET group_key = NULL")
        self.con.execute("UPDATE quotes SET published = a.published FROM articles a "
                         "WHERE a.article_id = quotes.article_id")
        self._update_registry(set(), set(), everything=True)
        self._refresh_actor_stats(None)
        self._update_quote_speakers(None, set())
        self._update_events([], set(), set(), everything=True)

    def set_aliases(self, entries: Sequence[AliasEntry]) -> bool:
        """Load the user's alias file into the store; rebuild the registry if it changed."""
        entries = list(entries)
        if entries == self.alias_entries():
            return False
        self.con.begin()
        try:
            self.con.execute("DELETE FROM alias_entries")
            self._insert("alias_entries", ["position", "canonical", "aliases", "type", "country"],
                         ["INTEGER", "VARCHAR", "VARCHAR[]", "VARCHAR", "VARCHAR"],
                         [(i, e.canonical, list(e.aliases), e.type, e.country) for i, e in enumerate(entries)])
            self._rebuild()
            self.con.commit()
        except BaseException:
            self.con.rollback()
            self._aliases = None
            raise
        return True

    # ---------------------------------------------------------------- queries

    def resolve_actor(self, name: str) -> list[str]:
        """Actor ids a name designates: an actor id, a canonical name or alias (from the
        articles or the alias file), or a surname (« Poutine » → ``per:vladimir-poutine``).

        Unresolved participants and speakers are matched by name as ``name:<key>``.
        """
        name = (name or "").strip()
        if self._rows("SELECT 1 FROM actors WHERE actor_id = ?", [name]):
            return [name]
        k = key(name)
        if not k:
            return []
        ids = [r[0] for r in self._rows(
            "SELECT DISTINCT actor_id FROM actor_aliases WHERE alias_key = ? OR suffix(alias_key, ?) "
            "ORDER BY actor_id", [k, " " + k])]
        return ids + [f"name:{k}"]

    def _actor_filter(self, names: Sequence[str] | str | None) -> list[list[str]]:
        if names is None:
            return []
        if isinstance(names, str):
            names = [names]
        return [self.resolve_actor(n) for n in names if n and n.strip()]

    @staticmethod
    def _page(rows: list[dict[str, Any]], limit: int | None, offset: int) -> Page:
        total = rows[0].pop("_total") if rows else 0
        for r in rows[1:]:
            r.pop("_total", None)
        return Page(rows, total=total, limit=limit, offset=offset)

    def actors(self, name: str | None = None, type: str | None = None, limit: int | None = 50,
               offset: int = 0, id: str | None = None) -> Page:
        """Registry actors, most reported first; ``name`` matches any name or alias (substring);
        ``id`` keeps one actor (see :meth:`actor`)."""
        where, params = [], []
        if id is not None:
            where.append("ac.actor_id = ?")
            params.append(id)
        if name and key(name):
            where.append("ac.actor_id IN (SELECT actor_id FROM actor_aliases WHERE contains(alias_key, ?))")
            params.append(key(name))
        if type:
            where.append("ac.type = ?")
            params.append(type.upper())
        sql = ("SELECT ac.actor_id AS id, ac.name, ac.type, ac.country, ac.origin, ac.explanation, "
               "coalesce(ac.n_articles, 0) AS n_articles, ac.first_seen, ac.last_seen, "
               "count(*) OVER () AS _total FROM actors ac "
               + ("WHERE " + " AND ".join(where) + " " if where else "")
               + "ORDER BY n_articles DESC, ac.name, ac.actor_id LIMIT ? OFFSET ?")
        page = self._page(self._dicts(sql, params + [limit, offset]), limit, offset)
        ids = [r["id"] for r in page]
        aliases: dict[str, list[str]] = defaultdict(list)
        for aid, alias in self._rows("SELECT actor_id, alias FROM actor_aliases WHERE actor_id IN "
                                     "(SELECT unnest(?::VARCHAR[])) ORDER BY alias", [ids]):
            aliases[aid].append(alias)
        roles = self._roles(ids)
        for r in page:
            r["aliases"] = [a for a in aliases[r["id"]] if a != r["name"]]
            r["roles"] = roles[r["id"]]
            r["first_seen"], r["last_seen"] = _iso(r["first_seen"]), _iso(r["last_seen"])
            r["explanation"] = json.loads(r["explanation"]) if r["explanation"] else []
        return page

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        """One registry actor by id, as :meth:`actors` gives it, or None."""
        page = self.actors(id=actor_id, limit=1)
        return page[0] if page else None

    def speakers(self, limit: int | None = 10, offset: int = 0) -> Page:
        """Speakers, most quoted first: ``{"id", "name", "n_quotes", "n_articles"}``;
        ``id`` is the registry actor, or None for a speaker no actor resolves."""
        sql = ("SELECT q.speaker_actor_id AS id, coalesce(any_value(ac.name), min(q.speaker_name)) AS name, "
               "count(*) AS n_quotes, count(DISTINCT q.article_id) AS n_articles, count(*) OVER () AS _total "
               "FROM quotes q LEFT JOIN actors ac ON ac.actor_id = q.speaker_actor_id "
               "WHERE q.speaker_actor_id IS NOT NULL OR q.speaker_key IS NOT NULL "
               "GROUP BY coalesce(q.speaker_actor_id, 'name:' || q.speaker_key), q.speaker_actor_id "
               "ORDER BY n_quotes DESC, name LIMIT ? OFFSET ?")
        return self._page(self._dicts(sql, [limit, offset]), limit, offset)

    _ROLES_SQL = ("SELECT actor_id, role, min(published) AS first_seen, max(published) AS last_seen, "
                  "count(DISTINCT article_id) AS n_articles FROM ("
                  "SELECT en.actor_id, en.article_id, a.published, unnest(en.roles) AS role "
                  "FROM entities en JOIN articles a USING (article_id) "
                  "WHERE en.actor_id IN (SELECT unnest(?::VARCHAR[])) AND len(en.roles) > 0) "
                  "GROUP BY actor_id, role")

    def _roles(self, actor_ids: list[str]) -> dict[str, list[dict]]:
        """Each actor's roles over time: first and last publication that gives them."""
        roles: dict[str, list[dict]] = defaultdict(list)
        for aid, role, first, last, n in self._rows(
                f"{self._ROLES_SQL} ORDER BY first_seen NULLS LAST, role", [actor_ids]):
            roles[aid].append({"role": role, "first_seen": _iso(first), "last_seen": _iso(last),
                               "n_articles": n})
        return roles

    def events(self, actor: Sequence[str] | str | None = None, type: str | None = None,
               since: str | None = None, until: str | None = None, mode: str | None = None,
               modality: str | None = None, limit: int | None = 50, offset: int = 0) -> Page:
        """Collection events, oldest first, each with every report (``sources``).

        ``actor``: names; an event must involve each of them (as actor or target).
        ``since``/``until`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) keep events whose
        date can fall in that period (undated events are then left out). ``ordinal``
        numbers the matches chronologically: the 4th meeting of two actors this year
        is the one with ordinal 4 under ``since="2025", until="2025"``.
        """
        where, params = [], []
        for keys in self._actor_filter(actor):
            where.append("ce.cevent_id IN (SELECT cevent_id FROM collection_event_actors "
                         "WHERE actor_key IN (SELECT unnest(?::VARCHAR[])))")
            params.append(keys)
        for col, value in (("type", type), ("mode", mode), ("modality", modality)):
            if value:
                where.append(f"ce.{col} = ?")
                params.append(value.upper() if col == "type" else value)
        lo, hi = date_bounds(since, "--since"), date_bounds(until, "--until")
        if lo:
            where.append("ce.date_hi >= ?")
            params.append(lo[0])
        if hi:
            where.append("ce.date_lo <= ?")
            params.append(hi[1])
        # number and page the matches on a few narrow columns; read the rest for the page only
        sql = ("WITH f AS (SELECT ce.cevent_id, row_number() OVER (ORDER BY ce.date_lo NULLS LAST, ce.date_hi, "
               "ce.first_published, ce.cevent_id) AS ordinal, count(*) OVER () AS _total "
               "FROM collection_events ce "
               + ("WHERE " + " AND ".join(where) + " " if where else "")
               + "ORDER BY ordinal LIMIT ? OFFSET ?) "
               "SELECT ce.cevent_id AS id, f.ordinal, ce.type, ce.mode, ce.modality, ce.date, ce.precision, "
               "ce.location, ce.first_published, ce.first_article_id, ce.n_articles, ce.n_sources, "
               "ce.n_independent, ce.explanation, f._total FROM f JOIN collection_events ce USING (cevent_id) "
               "ORDER BY f.ordinal")
        page = self._page(self._dicts(sql, params + [limit, offset]), limit, offset)
        self._complete_events(page)
        return page

    def event(self, cevent_id: str) -> dict[str, Any] | None:
        """One collection event by id, with its sources and explanation."""
        rows = self._dicts(
            "SELECT cevent_id AS id, NULL AS ordinal, type, mode, modality, date, precision, location, "
            "first_published, first_article_id, n_articles, n_sources, n_independent, explanation "
            "FROM collection_events WHERE cevent_id = ?", [cevent_id])
        self._complete_events(rows)
        return rows[0] if rows else None

    def _complete_events(self, page: list[dict[str, Any]]) -> None:
        ids = [r["id"] for r in page]
        if not ids:
            return
        parts: dict[str, dict[str, list]] = defaultdict(lambda: {"actor": [], "target": []})
        for cid, aid, name, role in self._rows(
                "SELECT x.cevent_id, x.actor_id, coalesce(a.name, x.name) AS name, x.role "
                "FROM collection_event_actors x LEFT JOIN actors a USING (actor_id) "
                "WHERE x.cevent_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY name", [ids]):
            parts[cid][role].append({"id": aid, "name": name})
        sources: dict[str, list] = defaultdict(list)
        for row in self._dicts(
                "SELECT cevent_id, article_id, event_id, reason, title, url, outlet, published, date, mode, "
                "location, evidence_start, evidence_end, evidence_text, attributed_to "
                "FROM collection_event_links WHERE cevent_id IN (SELECT unnest(?::VARCHAR[])) "
                "ORDER BY published NULLS LAST, article_id, event_id", [ids]):
            cid = row.pop("cevent_id")
            row["published"] = _iso(row["published"])
            row["evidence"] = {"start": row.pop("evidence_start"), "end": row.pop("evidence_end"),
                               "text": row.pop("evidence_text")}
            sources[cid].append(row)
        for r in page:
            r["actors"] = parts[r["id"]]["actor"]
            r["targets"] = parts[r["id"]]["target"]
            r["first_published"] = _iso(r["first_published"])
            r["explanation"] = json.loads(r["explanation"]) if r["explanation"] else {}
            r["sources"] = sources[r["id"]]

    def quotes(self, speaker: str | None = None, contains: str | None = None,
               since: str | None = None, until: str | None = None, limit: int | None = 50,
               offset: int = 0) -> Page:
        """Quotations, oldest article first, with their article, date and outlet.

        ``speaker`` resolves through the registry; ``contains`` ignores case and accents.
        """
        where, params = [], []
        if speaker is not None:
            k = key(speaker)
            where.append("(q.speaker_actor_id IN (SELECT unnest(?::VARCHAR[])) OR (q.speaker_actor_id IS NULL "
                         "AND (q.speaker_key = ? OR suffix(q.speaker_key, ?))))")
            params += [[i for i in self.resolve_actor(speaker) if not i.startswith("name:")],
                       k or "\x00", " " + (k or "\x00")]
        if contains:
            where.append("contains(lower(strip_accents(q.text)), lower(strip_accents(?)))")
            params.append(contains)
        lo, hi = date_bounds(since, "--since"), date_bounds(until, "--until")
        if lo:
            where.append("q.published >= ?")
            params.append(lo[0])
        if hi:
            where.append("q.published <= ?")
            params.append(hi[1])
        sql = ("WITH f AS (SELECT q.article_id, q.quote_id, q.start_char, q.published, "
               "count(*) OVER () AS _total FROM quotes q "
               + ("WHERE " + " AND ".join(where) + " " if where else "")
               + "ORDER BY q.published NULLS LAST, q.article_id, q.start_char LIMIT ? OFFSET ?) "
               "SELECT q.article_id, q.quote_id AS id, q.text, q.kind, q.start_char AS start, "
               "q.end_char AS \"end\", q.cue, q.speaker_name, q.speaker_actor_id AS speaker_id, "
               "ac.name AS speaker, a.title, q.published, a.url, a.outlet, f._total "
               "FROM f JOIN quotes q USING (article_id, quote_id) JOIN articles a USING (article_id) "
               "LEFT JOIN actors ac ON ac.actor_id = q.speaker_actor_id "
               "ORDER BY f.published NULLS LAST, f.article_id, f.start_char")
        page = self._page(self._dicts(sql, params + [limit, offset]), limit, offset)
        for r in page:
            r["published"] = _iso(r["published"])
            r["speaker"] = r["speaker"] or r["speaker_name"]
        return page

    def timeline(self, actor: str, since: str | None = None, until: str | None = None,
                 limit: int | None = 100, offset: int = 0) -> Page:
        """Everything about an actor in date order: events, quotations, roles first given.

        Items: ``{"date", "kind": "event"|"quote"|"role", "id", "label", "text", ...}``;
        events are dated by when they happened (``text``: the other participants),
        quotations and roles by the publication of the article that gives them.
        """
        ids = self.resolve_actor(actor)
        actor_ids = [i for i in ids if not i.startswith("name:")]
        lo, hi = date_bounds(since, "--since"), date_bounds(until, "--until")
        lo_d = lo[0] if lo else dt.date.min
        hi_d = hi[1] if hi else dt.date.max
        sql = f"""
            WITH mine AS (SELECT DISTINCT cevent_id FROM collection_event_actors
                          WHERE actor_key IN (SELECT unnest(?::VARCHAR[]))),
            others AS (SELECT x.cevent_id,
                              string_agg(coalesce(a.name, x.name), ', ' ORDER BY coalesce(a.name, x.name)) AS text
                       FROM collection_event_actors x JOIN mine USING (cevent_id)
                       LEFT JOIN actors a USING (actor_id)
                       WHERE x.actor_key NOT IN (SELECT unnest(?::VARCHAR[])) GROUP BY x.cevent_id),
            items AS (
              SELECT ce.date_lo AS sort, ce.date AS date, 'event' AS kind, ce.cevent_id AS id,
                     ce.type || coalesce('/' || ce.mode, '') AS label, o.text AS text,
                     ce.location AS location, ce.first_article_id AS article_id, ce.n_sources AS n_sources
              FROM collection_events ce JOIN mine USING (cevent_id) LEFT JOIN others o USING (cevent_id)
              UNION ALL
              SELECT q.published, strftime(q.published, '%Y-%m-%d'), 'quote', q.quote_id, q.kind, q.text,
                     NULL, q.article_id, NULL
              FROM quotes q WHERE q.speaker_actor_id IN (SELECT unnest(?::VARCHAR[]))
              UNION ALL
              SELECT r.first_seen, strftime(r.first_seen, '%Y-%m-%d'), 'role', r.actor_id, 'role', r.role,
                     NULL, NULL, r.n_articles
              FROM ({self._ROLES_SQL}) r)
            SELECT *, count(*) OVER () AS _total FROM items
            WHERE (sort IS NULL AND ? AND ?) OR (sort >= ? AND sort <= ?)
            ORDER BY sort NULLS LAST, kind, id LIMIT ? OFFSET ?"""
        rows = self._dicts(sql, [ids, ids, actor_ids, actor_ids, lo is None, hi is None, lo_d, hi_d,
                                 limit, offset])
        page = self._page(rows, limit, offset)
        for r in page:
            r.pop("sort", None)
        return page

    # ---------------------------------------------------------------- records and export

    def articles(self, limit: int | None = 50, offset: int = 0) -> Page:
        """Stored articles (without their text), newest first."""
        rows = self._dicts(
            "SELECT article_id AS id, title, url, outlet, published, language, content_hash, "
            "engine_version, ingested_at, count(*) OVER () AS _total FROM articles "
            "ORDER BY published DESC NULLS LAST, article_id LIMIT ? OFFSET ?", [limit, offset])
        page = self._page(rows, limit, offset)
        for r in page:
            r["published"] = _iso(r["published"])
            r["ingested_at"] = str(r["ingested_at"])
        return page

    def record(self, article_id: str) -> Record | None:
        """The stored record of one article, as ``extract`` wrote it."""
        arts = self._dicts("SELECT * FROM articles WHERE article_id = ?", [article_id])
        if not arts:
            return None
        a = arts[0]
        p = [article_id]
        d: dict[str, Any] = {
            "id": a["article_id"], "title": a["title"], "url": a["url"], "source": a["source"],
            "published": _iso(a["published"]), "language": a["language"], "text": a["text"],
            "sentences": json.loads(a["sentences"] or "[]"), "paragraphs": json.loads(a["paragraphs"] or "[]"),
            "entities": [{"id": e, "name": n, "type": t, "roles": list(r or []), "aliases": list(al or [])}
                         for e, n, t, r, al in self._rows(
                             "SELECT entity_id, name, type, roles, aliases FROM entities WHERE article_id = ? "
                             "ORDER BY rowid", p)],
            "mentions": [{"start": s, "end": e, "text": t, "label": lab, "entity": ent}
                         for s, e, t, lab, ent in self._rows(
                             "SELECT start_char, end_char, text, label, entity_id FROM mentions "
                             "WHERE article_id = ? ORDER BY rowid", p)],
            "timexes": [{"start": s, "end": e, "text": t, "type": ty, "value": v}
                        for s, e, t, ty, v in self._rows(
                            "SELECT start_char, end_char, text, type, value FROM timexes WHERE article_id = ? "
                            "ORDER BY rowid", p)],
        }

        def span(s, e, t):
            return {"start": s, "end": e, "text": t} if s is not None else None

        d["quotes"] = [{"id": q["quote_id"], "text": q["text"], "start": q["start_char"], "end": q["end_char"],
                        "kind": q["kind"], "speaker": q["speaker_entity"], "speaker_name": q["speaker_name"],
                        "cue": q["cue"], "speaker_named": q["speaker_named"],
                        "speaker_span": span(q["speaker_start"], q["speaker_end"], q["speaker_text"]),
                        "cue_span": span(q["cue_start"], q["cue_end"], q["cue_text"])}
                       for q in self._dicts("SELECT * FROM quotes WHERE article_id = ? ORDER BY rowid", p)]
        parts: dict[str, dict[str, list]] = defaultdict(lambda: {"actor": [], "target": []})
        for evid, role, ent, name in self._rows(
                "SELECT event_id, role, entity_id, name FROM event_participants WHERE article_id = ? "
                "ORDER BY position, rowid", p):
            parts[evid][role].append({"entity": ent, "name": name})
        srcs = {evid: {"entity": ent, "name": name, "quote": quote} for evid, name, ent, quote in self._rows(
            "SELECT event_id, name, entity_id, quote_id FROM event_sources WHERE article_id = ?", p)}
        d["events"] = [{"id": e["event_id"], "type": e["type"], "mode": e["mode"],
                        "actors": parts[e["event_id"]]["actor"], "targets": parts[e["event_id"]]["target"],
                        "date": e["date"], "location": e["location"], "modality": e["modality"],
                        "evidence": span(e["evidence_start"], e["evidence_end"], e["evidence_text"]),
                        "source": srcs.get(e["event_id"]),
                        "trigger": span(e["trigger_start"], e["trigger_end"], e["trigger_text"]),
                        "attributes": json.loads(e["attributes"] or "{}")}
                       for e in self._dicts("SELECT * FROM events WHERE article_id = ? ORDER BY rowid", p)]
        return Record.from_dict(d)

    PLOVER_SQL = """
        WITH src AS (
          SELECT l.*, row_number() OVER (PARTITION BY l.cevent_id ORDER BY l.published NULLS LAST, l.article_id,
                                         l.event_id) AS n
          FROM collection_event_links l),
        who AS (
          SELECT x.cevent_id,
                 string_agg(coalesce(a.name, x.name), '; ' ORDER BY x.actor_key) FILTER (WHERE x.role = 'actor') AS actor,
                 string_agg(x.actor_key, '; ' ORDER BY x.actor_key) FILTER (WHERE x.role = 'actor') AS actor_id,
                 string_agg(coalesce(a.name, x.name), '; ' ORDER BY x.actor_key) FILTER (WHERE x.role = 'target') AS recipient,
                 string_agg(x.actor_key, '; ' ORDER BY x.actor_key) FILTER (WHERE x.role = 'target') AS recipient_id
          FROM collection_event_actors x LEFT JOIN actors a USING (actor_id) GROUP BY x.cevent_id),
        urls AS (
          SELECT cevent_id, string_agg(coalesce(url, article_id), ' | ' ORDER BY n) AS source_urls
          FROM src GROUP BY cevent_id)
        SELECT ce.cevent_id AS event_id, ce.date AS event_date, ce.precision AS date_precision,
               ce.type AS event_type, ce.mode AS event_mode, ce.modality, who.actor, who.actor_id,
               who.recipient, who.recipient_id, ce.location,
               first.url AS source_url, first.outlet AS source, first.article_id AS article_id,
               ce.first_published AS first_reported, first.evidence_text AS evidence,
               urls.source_urls, ce.n_articles, ce.n_sources, ce.n_independent
        FROM collection_events ce LEFT JOIN who USING (cevent_id) LEFT JOIN urls USING (cevent_id)
        LEFT JOIN src first ON first.cevent_id = ce.cevent_id AND first.n = 1
        ORDER BY ce.date_lo NULLS LAST, ce.cevent_id"""

    def export(self, format: str, out: str | os.PathLike) -> list[Path]:
        """Write every table, and ``events_plover`` (one row per collection event: date, type,
        mode, actor, recipient, location, source URL, evidence), as ``OUT/<table>.<ext>``.

        ``format``: ``parquet``, ``jsonl`` or ``csv``. Returns the files written.
        """
        ext = {"parquet": "parquet", "jsonl": "jsonl", "csv": "csv"}.get(format)
        if ext is None:
            raise UsageError(Errors.E508.format(option="--format", value=format,
                                                reason="use parquet, jsonl or csv"))
        out = Path(out)
        if out.exists() and not out.is_dir():
            raise UsageError(Errors.E507.format(path=out, reason="it exists and is not a directory"))
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise UsageError(Errors.E507.format(path=out, reason=err.strerror or err)) from None
        written = []
        queries = [(t, f"SELECT * FROM {t}") for t in TABLES] + [("events_plover", self.PLOVER_SQL)]
        for name, sql in queries:
            path = out / f"{name}.{ext}"
            tmp = out / f".{name}.{ext}.part"
            try:
                rel = self.con.sql(sql)
                if ext == "parquet":
                    rel.write_parquet(str(tmp))
                elif ext == "csv":
                    rel.write_csv(str(tmp), header=True)
                else:
                    self._write_jsonl(sql, tmp)
                os.replace(tmp, path)
            except (OSError, duckdb.Error) as err:
                tmp.unlink(missing_ok=True)
                raise UsageError(Errors.E507.format(path=path, reason=err)) from None
            written.append(path)
        return written

    def _write_jsonl(self, sql: str, path: Path) -> None:
        cur = self.con.execute(sql)
        names = [d[0] for d in cur.description]
        with path.open("w", encoding="utf-8") as fh:
            while rows := cur.fetchmany(5000):
                for row in rows:
                    fh.write(json.dumps(dict(zip(names, row)), ensure_ascii=False, default=str) + "\n")

    def plover(self) -> list[dict[str, Any]]:
        """The PLOVER/POLECAT-style event table (see :meth:`export`)."""
        rows = self._dicts(self.PLOVER_SQL)
        for r in rows:
            r["first_reported"] = _iso(r["first_reported"])
        return rows
