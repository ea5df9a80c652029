"""The collection commands, run as a user runs them: real processes, real files (issue 7)."""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pourparlers.store import Store

from fixtures.records import meeting_records

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
PAGES = sorted(ARTICLES.glob("*.html"))


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH", "")) if p)
    env.pop("POURPARLERS_DB", None)
    env["COLUMNS"] = "250"  # tables are as wide as the terminal
    return env


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pourparlers", *args], capture_output=True, text=True,
                          env=_env(), cwd=cwd, timeout=600)


def _meta(page: str, prop: str) -> str:
    return re.search(rf'<meta property="{prop}" content="([^"]+)"', page)[1]


def _write_feed(path: Path, pages: list[Path]) -> None:
    """An RSS 2.0 feed whose items carry the articles' paragraphs as HTML."""
    items = []
    for p in pages:
        page = p.read_text(encoding="utf-8")
        body = "".join(re.findall(r"<p>.*?</p>", page.split("<article>")[1].split("</article>")[0], re.S))
        url = re.search(r'<link rel="canonical" href="([^"]+)"', page)[1]
        items.append(f"""<item><title>{html.escape(_meta(page, 'og:title'))}</title><link>{url}</link>
<guid>{url}</guid><pubDate>Fri, 25 Apr 2025 18:00:00 +0200</pubDate>
<description>{html.escape(body)}</description></item>""")
    path.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Le Fil diplomatique</title><link>https://fil.example/</link>
<description>Dépêches</description>{''.join(items)}</channel></rss>""", encoding="utf-8")


def _write_warc(path: Path, pages: list[Path]) -> None:
    """A CC-NEWS-like WARC: one HTTP response record per page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for p in pages:
            data = p.read_bytes()
            url = re.search(rb'<link rel="canonical" href="([^"]+)"', data)[1].decode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(data),
                                                          http_headers=headers))


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> dict:
    """The four fixture articles ingested from a feed, a WARC and HTML files, twice."""
    d = tmp_path_factory.mktemp("inputs")
    _write_feed(d / "fil.rss", PAGES[:1])
    _write_warc(d / "crawl.warc.gz", PAGES[1:3])
    (d / "page.html").write_bytes(PAGES[3].read_bytes())
    (d / "vide.txt").write_text("", encoding="utf-8")
    (d / "lignes.jsonl").write_text("{pas du json\n", encoding="utf-8")
    db = d / "collection.duckdb"
    first = run("ingest", str(d), "--db", str(db))
    with Store(db, read_only=True) as s:
        counts = s.counts()
    second = run("ingest", str(d), "--db", str(db))
    with Store(db, read_only=True) as s:
        counts_again = s.counts()
    return {"db": db, "first": first, "second": second, "counts": counts, "counts_again": counts_again}


@pytest.mark.slow
def test_ingest_reads_every_input_kind_and_twice_changes_nothing(ingested):
    first, second = ingested["first"], ingested["second"]
    assert first.returncode == 1, first.stderr  # two bad inputs were skipped
    assert "Traceback" not in first.stderr
    errors = [line for line in first.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and "lignes.jsonl:1" in errors[0] and "vide.txt" in errors[1]
    assert "4 new, 0 replaced, 0 unchanged" in first.stderr
    assert ingested["counts"]["articles"] == 4 and ingested["counts"]["mentions"] > 0
    assert "0 new, 0 replaced, 4 unchanged" in second.stderr
    assert ingested["counts_again"] == ingested["counts"]
    with Store(ingested["db"], read_only=True) as s:
        urls = {a["url"] for a in s.articles()}
    assert len(urls) == 4 and all(u.startswith("https://") for u in urls)


@pytest.mark.slow
def test_three_outlets_one_meeting_and_a_second_one_a_week_later(ingested):
    res = run("events", "--actor", "Poutine", "--actor", "Witkoff", "--type", "CONSULT", "--format", "json",
              "--db", str(ingested["db"]))
    assert res.returncode == 0, res.stderr
    first, second = json.loads(res.stdout)
    assert first["date"] == "2025-04-25" and first["n_sources"] == 3
    assert len({s["outlet"] for s in first["sources"]}) == 3
    assert second["date"] == "2025-05-02" and second["n_sources"] == 1


@pytest.mark.slow
def test_quotes_of_a_speaker_with_article_and_date(ingested):
    res = run("quotes", "--speaker", "Ouchakov", "--format", "json", "--db", str(ingested["db"]))
    assert res.returncode == 0, res.stderr
    quotes = json.loads(res.stdout)
    assert len(quotes) >= 3
    assert all(q["speaker"] == "Iouri Ouchakov" and q["published"] and q["article_id"] for q in quotes)
    assert any("pas à pas" in q["text"] for q in quotes)


# ---------------------------------------------------------------- queries on a store of known records

@pytest.fixture(scope="module")
def known(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("known") / "known.duckdb"
    with Store(db) as s:
        s.ingest_records(meeting_records())
    return db


def test_events_command_in_every_format(known: Path):
    res = run("events", "--actor", "Poutine", "--actor", "Witkoff", "--type", "CONSULT", "-f", "json",
              "--db", str(known))
    assert res.returncode == 0, res.stderr
    events = json.loads(res.stdout)
    assert [(e["date"], e["n_sources"]) for e in events] == [("2025-04-25", 3), ("2025-05-02", 1)]
    assert [s["outlet"] for s in events[0]["sources"]] == ["Le Quotidien du Matin", "La Gazette de l'Est",
                                                          "L'Hebdo international"]
    res = run("events", "--actor", "Poutine", "-f", "csv", "--db", str(known))
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [r["date"] for r in rows] == ["2025-04-25", "2025-05-02"] and rows[0]["sources"] == "3"
    res = run("events", "--actor", "Poutine", "--db", str(known))
    assert res.returncode == 0 and "2025-04-25" in res.stdout and "CONSULT/visit" in res.stdout


def test_quotes_actors_timeline_commands(known: Path):
    res = run("quotes", "--speaker", "Ouchakov", "-f", "json", "--db", str(known))
    quotes = json.loads(res.stdout)
    assert [(q["speaker"], q["article_id"], q["published"]) for q in quotes][0] == \
        ("Iouri Ouchakov", "quotidien-0425", "2025-04-25")
    assert len(quotes) == 3
    res = run("actors", "--name", "witkoff", "-f", "csv", "--db", str(known))
    (row,) = list(csv.DictReader(io.StringIO(res.stdout)))
    assert row["id"] == "per:steve-witkoff" and row["articles"] == "4"
    res = run("timeline", "--actor", "Vladimir Poutine", "-f", "json", "--db", str(known))
    assert [i["kind"] for i in json.loads(res.stdout)].count("event") == 2
    res = run("events", "--actor", "Personne Inconnue", "-f", "json", "--db", str(known))
    assert res.returncode == 0 and json.loads(res.stdout) == [] and "[W500]" in res.stderr


def test_export_command(known: Path, tmp_path: Path):
    out = tmp_path / "export"
    res = run("export", "--format", "csv", str(out), "--db", str(known))
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader((out / "events_plover.csv").open(encoding="utf-8")))
    assert [r["event_date"] for r in rows] == ["2025-04-25", "2025-05-02"]
    assert rows[0]["source_url"].startswith("https://quotidien.example/")
    assert (out / "collection_events.csv").exists() and (out / "actors.csv").exists()


def test_db_from_the_environment_and_clear_errors(known: Path, tmp_path: Path):
    env = _env()
    env["POURPARLERS_DB"] = str(known)
    res = subprocess.run([sys.executable, "-m", "pourparlers", "actors", "-f", "json"], capture_output=True,
                         text=True, env=env, timeout=120)
    assert res.returncode == 0 and len(json.loads(res.stdout)) == 4
    res = run("events", cwd=tmp_path)  # no pourparlers.duckdb here
    assert res.returncode == 2 and "[E502]" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "pourparlers.duckdb").exists()
    res = run("events", "--since", "hier", "--db", str(known))
    assert res.returncode == 2 and "[E505]" in res.stderr and "Traceback" not in res.stderr
    res = run("events", "--format", "xml", "--db", str(known))
    assert res.returncode == 2 and "Traceback" not in res.stderr


def test_alias_file_command(known: Path, tmp_path: Path):
    db = tmp_path / "a.duckdb"
    db.write_bytes(known.read_bytes())
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("canonical,aliases,type,country\nVladimir Poutine,Poutine|Putin,PER,RU\n", encoding="utf-8")
    res = run("aliases", str(aliases), "--db", str(db))
    assert res.returncode == 0, res.stderr
    assert "registry rebuilt" in res.stderr
    res = run("aliases", "--db", str(db))
    assert res.stdout.splitlines()[1] == "Vladimir Poutine,Poutine|Putin,PER,RU"
    res = run("actors", "--name", "putin", "-f", "json", "--db", str(db))
    (p,) = json.loads(res.stdout)
    assert p["country"] == "RU" and p["n_articles"] == 4
    bad = tmp_path / "bad.csv"
    bad.write_text("nom\nX\n", encoding="utf-8")
    res = run("aliases", str(bad), "--db", str(db))
    assert res.returncode == 2 and "[E504]" in res.stderr and "Traceback" not in res.stderr
