"""Command-line commands of the collection: a thin layer over :class:`Store`.

``register(app)`` adds ``ingest``, ``events``, ``quotes``, ``actors``, ``timeline``,
``export`` and ``aliases`` to the main Typer application.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..errors import Errors

ENV_DB = "POURPARLERS_DB"  # as store.ENV_DB; the store (and DuckDB) is imported only when used

DbOption = Annotated[Optional[Path], typer.Option(
    "--db", envvar=ENV_DB, help="The store file (default: pourparlers.duckdb here, or $POURPARLERS_DB).")]
FormatOption = Annotated[str, typer.Option(
    "--format", "-f", help="Output format: table, json or csv.")]
LimitOption = Annotated[int, typer.Option(min=0, help="At most this many results (0: all).")]
OffsetOption = Annotated[int, typer.Option(min=0, help="Skip this many results first (paging).")]
SinceOption = Annotated[Optional[str], typer.Option(help="From this date on: YYYY, YYYY-MM or YYYY-MM-DD.")]
UntilOption = Annotated[Optional[str], typer.Option(help="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD.")]

FORMATS = ("table", "json", "csv")


def _consoles():
    from ..cli import err_console, out_console

    return out_console, err_console


def _open(db: Optional[Path], read_only: bool = True, keep_open: bool = True):
    from .store import Store

    store = Store(db, read_only=read_only, keep_open=keep_open)
    if store.migrated_from is not None:
        _consoles()[1].print("warning: " + Errors.W501.format(
            path=store.path, old=store.migrated_from, new=store.version, backup=store.backup), markup=False)
    return store


def _check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise typer.BadParameter(Errors.E508.format(option="--format", value=fmt,
                                                    reason="use table, json or csv"))
    return fmt


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


Column = tuple[str, Callable[[dict], Any]]


def _emit(rows: list[dict], columns: list[Column], fmt: str, title: str) -> None:
    """Print query results: a table on the terminal, or all fields as JSON, or CSV."""
    out, err = _consoles()
    if fmt == "json":
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, default=str, indent=1) + "\n")
        return
    if fmt == "csv":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow([name for name, _ in columns])
        for r in rows:
            w.writerow([_cell(get(r)) for _, get in columns])
        return
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for name, _ in columns:
        table.add_column(name, overflow="fold")
    for r in rows:
        table.add_row(*(_cell(get(r)) for _, get in columns))
    out.print(table)
    total = getattr(rows, "total", len(rows))
    offset = getattr(rows, "offset", 0)
    if total > len(rows):
        err.print(f"{offset + 1}–{offset + len(rows)} of {total}; use --limit and --offset for more",
                  markup=False)


def _names(items: list[dict]) -> str:
    return ", ".join(i["name"] or "?" for i in items)


def _limit(limit: int) -> int | None:
    return None if limit == 0 else limit


def duckdb_error() -> type[Exception]:
    import duckdb

    return duckdb.Error


class _Committed:
    """Progress of an ingest: articles stored in committed batches."""

    def __init__(self) -> None:
        self.stored = 0

    def __call__(self, stage: str, stats) -> None:
        if stage == "committed":
            self.stored = stats.stored


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for standard input.")],
    db: DbOption = None,
    aliases: Annotated[Optional[Path], typer.Option(
        "--aliases", envvar="POURPARLERS_ALIASES", dir_okay=False,
        help="Alias file (CSV: canonical,aliases,type,country); it overrides the registry's decisions.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for every article read.")] = None,
    language: Annotated[str, typer.Option(help="Expected language; texts clearly in another are skipped. 'any' keeps all.")] = "fr",
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per spaCy batch.")] = 16,
    commit_every: Annotated[int, typer.Option(min=1, help="Articles per transaction.")] = 128,
    force: Annotated[bool, typer.Option(help="Analyse and store again articles already stored unchanged.")] = False,
) -> None:
    """Analyse articles and store them; an article already stored unchanged is skipped."""
    from ..cli import Report, _published_option, run_extraction
    from ..resolve.registry import load_alias_file

    _, err = _consoles()
    published = _published_option(published)
    entries = load_alias_file(aliases) if aliases else None
    # The store is held only while a batch is checked or written (keep_open=False), so
    # that `serve` and the query commands can read it between batches.
    store = _open(db, read_only=False, keep_open=False)
    try:
        if entries is not None and store.set_aliases(entries):
            err.print(f"alias file {aliases} loaded ({len(entries)} actor(s)); registry rebuilt", markup=False)
        store.release()

        class IngestReport(Report):
            """Drops articles already stored with the same content before they are analysed."""

            unchanged = 0

            def articles(self, items):
                if force:
                    yield from super().articles(items)
                    return
                chunk: list = []
                for article in super().articles(items):
                    chunk.append(article)
                    if len(chunk) >= 32:
                        yield from self._changed(chunk)
                        chunk = []
                yield from self._changed(chunk)

            def _changed(self, chunk):
                same = store.unchanged_ids(chunk)  # one look at the store per chunk
                for article in chunk:
                    if article.id in same:
                        self.unchanged += 1
                    else:
                        yield article

        report = IngestReport()
        records = run_extraction(paths, report, published=published,
                                 language=None if language == "any" else language,
                                 batch_size=batch_size, description="ingesting")
        progress = _Committed()
        try:
            stats = store.ingest_records(records, commit_every=commit_every, force=force,
                                         progress=progress)
        except duckdb_error() as failure:  # a full disk, a failing device: one clear line
            reason = str(failure).splitlines()[0] if str(failure) else type(failure).__name__
            err.print("error: " + Errors.E901.format(path=store.path, reason=reason, n=progress.stored),
                      markup=False)
            raise typer.Exit(1) from None
        counts = store.counts()
        err.print(f"{stats.new} new, {stats.replaced} replaced, {stats.unchanged + report.unchanged} unchanged "
                  f"article(s) in {store.path}: {counts['articles']} articles, {counts['actors']} actors, "
                  f"{counts['collection_events']} collection events", markup=False)
    finally:
        store.close()
    if report.skipped:
        err.print(f"{report.skipped} input item(s) skipped", markup=False)
        raise typer.Exit(1)


def events(
    actor: Annotated[Optional[list[str]], typer.Option(
        "--actor", "-a", help="An actor's name (repeat: events involving all of them).")] = None,
    type: Annotated[Optional[str], typer.Option("--type", "-t", help="PLOVER type, e.g. CONSULT.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    mode: Annotated[Optional[str], typer.Option(help="PLOVER mode, e.g. visit.")] = None,
    db: DbOption = None,
    format: FormatOption = "table",
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
) -> None:
    """Collection events (one per real-world event, every report kept), oldest first."""
    _check_format(format)
    with _open(db) as store:
        _warn_unknown(store, actor or [])
        rows = store.events(actor=actor, type=type, since=since, until=until, mode=mode,
                            limit=_limit(limit), offset=offset)
    _emit(rows, [
        ("n", lambda r: r["ordinal"]), ("date", lambda r: r["date"]),
        ("type", lambda r: r["type"] + (f"/{r['mode']}" if r["mode"] else "")),
        ("actors", lambda r: _names(r["actors"])), ("targets", lambda r: _names(r["targets"])),
        ("location", lambda r: r["location"]), ("sources", lambda r: r["n_sources"]),
        ("independent", lambda r: r["n_independent"]),
        ("first reported", lambda r: f"{r['first_published'] or '?'} {r['sources'][0]['outlet'] or r['first_article_id'] if r['sources'] else ''}"),
        ("outlets", lambda r: sorted({s["outlet"] or s["article_id"] for s in r["sources"]})),
        ("id", lambda r: r["id"]),
    ], format, "Events")


def quotes(
    speaker: Annotated[Optional[str], typer.Option("--speaker", "-s", help="The speaker's name.")] = None,
    contains: Annotated[Optional[str], typer.Option(help="Only quotations containing this text.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    format: FormatOption = "table",
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
) -> None:
    """Quotations with their speaker, article and date."""
    _check_format(format)
    with _open(db) as store:
        if speaker:
            _warn_unknown(store, [speaker])
        rows = store.quotes(speaker=speaker, contains=contains, since=since, until=until,
                            limit=_limit(limit), offset=offset)
    _emit(rows, [
        ("published", lambda r: r["published"]), ("speaker", lambda r: r["speaker"]),
        ("quotation", lambda r: r["text"]), ("kind", lambda r: r["kind"]),
        ("outlet", lambda r: r["outlet"]), ("article", lambda r: r["article_id"]),
        ("url", lambda r: r["url"]),
    ], format, "Quotations")


def actors(
    name: Annotated[Optional[str], typer.Option("--name", "-n", help="Part of a name or alias.")] = None,
    type: Annotated[Optional[str], typer.Option("--type", "-t", help="PER, ORG, LOC or MISC.")] = None,
    db: DbOption = None,
    format: FormatOption = "table",
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
) -> None:
    """Actors of the collection registry, most reported first, with roles over time."""
    _check_format(format)
    with _open(db) as store:
        rows = store.actors(name=name, type=type, limit=_limit(limit), offset=offset)
    _emit(rows, [
        ("id", lambda r: r["id"]), ("name", lambda r: r["name"]), ("type", lambda r: r["type"]),
        ("country", lambda r: r["country"]), ("articles", lambda r: r["n_articles"]),
        ("first seen", lambda r: r["first_seen"]), ("last seen", lambda r: r["last_seen"]),
        ("roles", lambda r: [f"{x['role']} ({x['first_seen']}…{x['last_seen']})" for x in r["roles"]]),
        ("aliases", lambda r: r["aliases"]),
    ], format, "Actors")


def timeline(
    actor: Annotated[str, typer.Option("--actor", "-a", help="The actor's name.")],
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    format: FormatOption = "table",
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
) -> None:
    """An actor's events, quotations and roles, in date order."""
    _check_format(format)
    with _open(db) as store:
        _warn_unknown(store, [actor])
        rows = store.timeline(actor, since=since, until=until, limit=_limit(limit), offset=offset)
    _emit(rows, [
        ("date", lambda r: r["date"]), ("kind", lambda r: r["kind"]), ("what", lambda r: r["label"]),
        ("text / with", lambda r: r["text"]), ("location", lambda r: r["location"]),
        ("article", lambda r: r["article_id"]), ("id", lambda r: r["id"]),
    ], format, f"Timeline: {actor}")


def export(
    out: Annotated[Path, typer.Argument(help="Directory to write one file per table into.")],
    format: Annotated[str, typer.Option("--format", "-f", help="parquet, jsonl or csv.")] = "parquet",
    db: DbOption = None,
) -> None:
    """Export every table, and the PLOVER/POLECAT-style event table events_plover."""
    _, err = _consoles()
    with _open(db) as store:
        files = store.export(format, out)
    err.print(f"{len(files)} file(s) written to {out}", markup=False)


def aliases(
    file: Annotated[Optional[Path], typer.Argument(dir_okay=False, help="Alias file to load (CSV).")] = None,
    db: DbOption = None,
) -> None:
    """Load an alias file into the store (the registry is rebuilt), or print the current one."""
    from ..resolve.registry import alias_csv, load_alias_file

    _, err = _consoles()
    if file is None:
        with _open(db) as store:
            sys.stdout.write(alias_csv(store.alias_entries()))
        return
    entries = load_alias_file(file)
    with _open(db, read_only=False) as store:
        changed = store.set_aliases(entries)
        counts = store.counts()
    err.print(f"{len(entries)} alias entr{'y' if len(entries) == 1 else 'ies'} "
              f"{'loaded; registry rebuilt' if changed else 'unchanged'}: {counts['actors']} actors, "
              f"{counts['collection_events']} collection events", markup=False)


def _warn_unknown(store, names: list[str]) -> None:
    _, err = _consoles()
    for n in names:
        if not [i for i in store.resolve_actor(n) if not i.startswith("name:")]:
            err.print("warning: " + Errors.W500.format(name=n), markup=False)


def register(app: typer.Typer) -> None:
    """Add the collection commands to the ``pourparlers`` application."""
    for fn in (ingest, events, quotes, actors, timeline, export, aliases):
        app.command(fn.__name__)(fn)
