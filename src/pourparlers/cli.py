"""The command line: a thin layer over the library API (after sqlite-utils)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table

from .errors import Errors, InputError, ResourceError, UsageError
from .ingest import normalise_date, read_inputs
from .model import Article

app = typer.Typer(
    name="pourparlers",
    help="Who met whom, who said what, when: evidence-backed data from French news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)
out_console = Console(highlight=False)


class Report:
    """Counts what was read, analysed and skipped; prints one line per problem."""

    def __init__(self) -> None:
        self.read = 0
        self.skipped = 0
        self.warnings = 0

    def error(self, message: str) -> None:
        self.skipped += 1
        err_console.print(f"error: {message}", markup=False)

    def warn(self, message: str) -> None:
        self.warnings += 1
        err_console.print(f"warning: {message}", markup=False)

    def articles(self, items: Iterable[Article | InputError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                self.error(str(item))
            else:
                self.read += 1
                yield item


def _estimate_total(paths: list[str]) -> int | None:
    """Number of articles the inputs hold, when cheap to know (for the progress bar)."""
    from .ingest import HTML, JSONL, TEXT

    total = 0
    for raw in paths:
        p = Path(raw)
        if raw == "-" or not p.exists():
            return None
        files = [f for f in p.rglob("*") if f.is_file()] if p.is_dir() else [p]
        for f in files:
            suffix = f.suffix.lower()
            if suffix in JSONL:
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif suffix in TEXT + HTML:
                total += 1
            elif p.is_file():
                return None
    return total


def progress_bar(enabled: bool | None = None) -> Progress:
    """A progress bar on stderr, shown only when stderr is a terminal."""
    if enabled is None:
        enabled = err_console.is_terminal
    return Progress(
        SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
        MofNCompleteColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
        TimeRemainingColumn(), console=err_console, disable=not enabled, transient=False,
    )


def _published_option(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    date = normalise_date(value)
    if date is None or len(value.strip()) != 10:
        raise typer.BadParameter(Errors.E100.format(value=value))
    return date


def run_extraction(paths: list[str], report: Report, published: str | None = None,
                   language: str | None = "fr", batch_size: int = 16,
                   max_chars: int | None = None, description: str = "extracting") -> Iterator[dict]:
    """Read the inputs and yield records (dicts), with a progress bar on a terminal.

    Skipped inputs and articles are reported on stderr through ``report``.
    """
    from .pipeline import MAX_CHARS, Extractor

    if not paths:
        raise UsageError(Errors.E108)
    total = _estimate_total(paths)
    extractor = Extractor(batch_size=batch_size, max_chars=max_chars or MAX_CHARS)
    articles = report.articles(read_inputs(paths, published=published, language=language))
    with progress_bar() as progress:
        task = progress.add_task(description, total=total, rate="")
        done = 0
        for item in extractor.run(articles):
            done += 1
            elapsed = progress.tasks[0].elapsed or 0
            rate = f"{done / elapsed:.1f} art/s" if elapsed > 0 else ""
            progress.update(task, advance=1, rate=rate)
            if isinstance(item, InputError):
                report.error(str(item))
                continue
            for problem in item.warnings:
                report.warn(f"{item.article.origin or item.article.id}: {problem}")
            yield item.to_dict()
        progress.update(task, total=done)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for standard input.")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write JSONL here (default: stdout).")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for every article read.", callback=_published_option)] = None,
    language: Annotated[str, typer.Option(help="Expected language; texts clearly in another are skipped. 'any' keeps all.")] = "fr",
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per spaCy batch.")] = 16,
    max_chars: Annotated[int, typer.Option(min=1000, help="Skip (and report) articles longer than this.")] = 200_000,
    engine: Annotated[str, typer.Option(help="local (this process) or ray (Ray Data: pip install 'pourparlers[ray]').")] = "local",
    workers: Annotated[Optional[int], typer.Option(min=1, help="Ray: NLP workers (default: one per CPU of the local cluster).")] = None,
    address: Annotated[Optional[str], typer.Option(help="Ray: attach to this cluster (e.g. 10.0.0.5:6379 or auto) instead of starting one.")] = None,
) -> None:
    """Analyse articles and write one JSON record per article (nothing is stored).

    With --engine ray, -o NAME.parquet writes Parquet, and -o DIR/ Parquet part files.
    """
    report = Report()
    if engine not in ("local", "ray"):
        raise UsageError(Errors.E703.format(engine=engine))
    if engine == "ray":
        from .scale import run_extract

        n = run_extract(paths, output, report, published=published,
                        language=None if language == "any" else language, batch_size=batch_size,
                        workers=workers, address=address, max_chars=max_chars)
        if output is not None:
            err_console.print(f"{n} record(s) written to {output}", markup=False)
        if report.skipped:
            err_console.print(f"{report.skipped} input item(s) skipped", markup=False)
            raise typer.Exit(1)
        return
    for option, value in (("--workers", workers), ("--address", address)):
        if value is not None:
            raise UsageError(Errors.E702.format(option=option))
    records = run_extraction(paths, report, published=published,
                             language=None if language == "any" else language, batch_size=batch_size,
                             max_chars=max_chars)
    if output is None:
        for rec in records:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    else:
        tmp = output.with_name(output.name + ".part")
        n = 0
        with tmp.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
        os.replace(tmp, output)
        err_console.print(f"{n} record(s) written to {output}", markup=False)
    if report.skipped:
        err_console.print(f"{report.skipped} input item(s) skipped", markup=False)
        raise typer.Exit(1)


def _fmt(x: float) -> str:
    return f"{x:.3f}"


def _print_quotes_events(scores: dict, per_type: dict) -> None:
    table = Table(title="Quotations and events (ANNOTATION.md §4)")
    table.add_column("measure")
    for col in ("F1@0.3", "P@0.5", "R@0.5", "F1@0.5", "F1@0.8"):
        table.add_column(col, justify="right")
    for key, label in [("quotes", "quotes"), ("attributed_quotes", "attributed quotes"),
                       ("events", "events"), ("events_all_participants", "events, all participants"),
                       ("dated_events", "dated events")]:
        lo, mid, hi = scores["0.3"][key], scores["0.5"][key], scores["0.8"][key]
        table.add_row(label, _fmt(lo[2]), _fmt(mid[0]), _fmt(mid[1]), _fmt(mid[2]), _fmt(hi[2]))
    out_console.print(table)
    if per_type:
        t2 = Table(title="Events per type (overlap-independent)")
        for col in ("type", "gold", "system", "matched", "precision", "recall", "F1"):
            t2.add_column(col, justify="right" if col != "type" else "left")
        for typ, v in per_type.items():
            t2.add_row(typ, str(v["gold"]), str(v["system"]), str(v["tp"]),
                       _fmt(v["precision"]), _fmt(v["recall"]), _fmt(v["f1"]))
        out_console.print(t2)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", exists=True, dir_okay=False, help="Gold JSONL: quotes/events, TimeBank-style timexes, or NER entities.")],
    system: Annotated[Optional[Path], typer.Option(help="Records from `pourparlers extract`; by default the articles are extracted now.")] = None,
    articles: Annotated[Optional[Path], typer.Option(help="Articles for quote/event gold (default: articles.jsonl beside the gold file).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable figures.")] = False,
    save: Annotated[Optional[Path], typer.Option(help="Also save the extracted records here.")] = None,
    errors: Annotated[int, typer.Option(help="Show up to N errors (missed, spurious, wrong value).")] = 0,
) -> None:
    """Precision, recall and F1 of the engine against a gold file."""
    from . import evaluate as ev
    from .evaluate.quotes_events import per_type

    gold_docs = ev.load_jsonl(gold)
    kind = ev.detect_kind(gold_docs, gold)
    if system is not None:
        if not system.exists():
            raise UsageError(Errors.E103.format(path=system))
        sys_docs = ev.load_jsonl(system)
    else:
        source = gold
        if kind == "quotes_events":
            source = articles or gold.with_name("articles.jsonl")
            if not source.exists():
                raise UsageError(Errors.E103.format(path=source))
        report = Report()
        records = list(run_extraction([str(source)], report, description="extracting for evaluation"))
        if save:
            with save.open("w", encoding="utf-8") as fh:
                for r in records:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        sys_docs = {r["id"]: r for r in records}
    missing = [k for k in gold_docs if k not in sys_docs]
    if missing:
        err_console.print(f"warning: {len(missing)} gold document(s) have no system record", markup=False)

    details: list = []
    if kind == "quotes_events":
        from .evaluate.quotes_events import score_at

        scores = ev.score_quotes_events(gold_docs, sys_docs)
        score_at(gold_docs, sys_docs, 0.5, details)
        types = per_type(gold_docs, sys_docs)
        result = {"kind": kind, "documents": len(gold_docs), "scores": scores, "per_type": types}
    elif kind == "timex":
        scores = ev.score_timexes(gold_docs, sys_docs)
        details = scores.pop("errors")
        result = {"kind": kind, "documents": len(gold_docs), "scores": scores}
    else:
        scores = ev.score_ner(gold_docs, sys_docs)
        result = {"kind": kind, "documents": len(gold_docs), "scores": scores}

    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    elif kind == "quotes_events":
        _print_quotes_events(scores, result["per_type"])
    elif kind == "timex":
        table = Table(title=f"Time expressions ({len(gold_docs)} documents)")
        for col in ("measure", "precision", "recall", "F1"):
            table.add_column(col, justify="right" if col != "measure" else "left")
        for key in ("detect_relaxed", "detect_strict", "value"):
            table.add_row(key.replace("_", " "), *map(_fmt, scores[key]))
        out_console.print(table)
        out_console.print(f"counts: {scores['counts']}")
    else:
        table = Table(title=f"Named entities, exact spans ({len(gold_docs)} documents)")
        for col in ("label", "gold", "system", "precision", "recall", "F1"):
            table.add_column(col, justify="right" if col != "label" else "left")
        for lab, v in scores.items():
            table.add_row(lab, str(v["gold"]), str(v["system"]), _fmt(v["precision"]),
                          _fmt(v["recall"]), _fmt(v["f1"]))
        out_console.print(table)
    for d in details[:errors]:
        err_console.print(json.dumps(d, ensure_ascii=False), markup=False)


@app.command()
def show(
    records: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="JSONL records from `extract`.")],
) -> None:
    """Print a readable summary of extracted records."""
    with records.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            out_console.rule(f"[bold]{escape(r.get('title') or r['id'])}[/bold]  ({escape(r.get('published') or 'no date')})")
            ents = {e["id"]: e for e in r.get("entities", [])}
            if ents:
                out_console.print("[bold]Actors:[/bold] " + "; ".join(
                    escape(f"{e['name']} ({e['type']}{', ' + ', '.join(e['roles']) if e['roles'] else ''})")
                    for e in ents.values()))
            for q in r.get("quotes", []):
                out_console.print(f"  [cyan]«{escape(q['text'])}»[/cyan] — {escape(q.get('speaker_name') or '?')}"
                                  f" [dim]({q['kind']}, {q.get('cue') or 'no cue'})[/dim]")
            for e in r.get("events", []):
                who = escape(", ".join(a["name"] for a in e.get("actors", [])))
                whom = escape(", ".join(t["name"] for t in e.get("targets", [])))
                out_console.print(f"  [green]{e['type']}[/green]{'/' + e['mode'] if e.get('mode') else ''}"
                                  f" {who}{' → ' + whom if whom else ''}  {e.get('date') or ''}"
                                  f" {escape(e.get('location') or '')} [dim]({e.get('modality')})[/dim]")
            if r.get("timexes"):
                out_console.print("[bold]Dates:[/bold] " + "; ".join(
                    escape(f"{t['text']} = {t['value']}") for t in r["timexes"]))


from .store.cli import register as _store_commands; _store_commands(app)  # noqa: E402,E702 (issue 7)
from .web.cli import register as _web_commands; _web_commands(app)  # noqa: E402,E702 (issue 8)


def main() -> None:
    """Entry point: usage errors become one line and exit status 2."""
    try:
        app()
    except (UsageError, ResourceError) as err:
        err_console.print(f"error: {err}", markup=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err_console.print("interrupted", markup=False)
        sys.exit(130)
    except Exception as err:  # noqa: BLE001 - a damaged store met by a query: one line, not a traceback
        if type(err).__module__.split(".")[0] not in ("duckdb", "_duckdb"):
            raise
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        err_console.print("error: " + Errors.E902.format(reason=reason), markup=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
